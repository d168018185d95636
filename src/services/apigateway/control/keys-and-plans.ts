import { randomId } from '../../../core/ids.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type APIGatewayApi,
  type ApiKey,
  type ApiKeyIds,
  type ApiKeys,
  type CreateApiKeyRequest,
  type CreateUsagePlanKeyRequest,
  type CreateUsagePlanRequest,
  type DeleteApiKeyRequest,
  type DeleteUsagePlanKeyRequest,
  type DeleteUsagePlanRequest,
  type GetApiKeyRequest,
  type GetApiKeysRequest,
  type GetUsagePlanKeyRequest,
  type GetUsagePlanKeysRequest,
  type GetUsagePlanRequest,
  type GetUsagePlansRequest,
  type GetUsageRequest,
  type ImportApiKeysRequest,
  type UpdateApiKeyRequest,
  type UpdateUsagePlanRequest,
  type UpdateUsageRequest,
  type Usage,
  type UsagePlan,
  type UsagePlanKey,
  type UsagePlanKeys,
  type UsagePlans,
} from '../../../generated/apigateway.js';
import type { Queryable } from '../../../storage/db.js';
import { clone, page, pageTable, scopeOf, newId, wholeSecond } from '../common.js';
import { applyPatch, convert, type PatchOp } from '../patch.js';
import { quotaPeriodStart } from '../quota.js';
import type { Scope } from '../store.js';
import type { ApiKeyDoc, ThrottleDoc, UsagePlanDoc } from '../types.js';
import { checkPlan } from './checks.js';
import type { ControlCore } from './core.js';
import { keyOut } from './shapes.js';

const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const planKeyOut = (k: ApiKeyDoc): UsagePlanKey => ({ id: k.id, type: 'API_KEY', name: k.name, value: k.value });
const planOut = (p: UsagePlanDoc): UsagePlan => clone(p) as UsagePlan;

/** The usage plan patch paths beyond the plain fields: throttle, quota and API stages (with per-method throttles). */
function patchPlan(plan: UsagePlanDoc, op: PatchOp, segs: string[]): boolean {
  const [head, a, b, c, d] = segs;
  const invalid = () => new BadRequestException(`Invalid patch path ${op.path}`);
  if (head === 'throttle' && (a === 'rateLimit' || a === 'burstLimit') && segs.length === 2) {
    plan.throttle ??= {};
    if (op.op === 'remove') delete plan.throttle[a];
    else plan.throttle[a] = convert(a === 'rateLimit' ? 'double' : 'int', op.value, op.path ?? '') as number;
    return true;
  }
  if (head === 'throttle' && segs.length === 1 && op.op === 'remove') {
    delete plan.throttle;
    return true;
  }
  if (head === 'quota' && segs.length === 1 && op.op === 'remove') {
    delete plan.quota;
    return true;
  }
  if (head === 'quota' && (a === 'limit' || a === 'offset' || a === 'period') && segs.length === 2) {
    plan.quota ??= { limit: 0, offset: 0, period: 'DAY' };
    if (a === 'period') plan.quota.period = op.value ?? '';
    else plan.quota[a] = convert('int', op.value, op.path ?? '') as number;
    return true;
  }
  if (head === 'apiStages' && segs.length === 1) {
    const [apiId, stage] = (op.value ?? '').split(':');
    if (!apiId || !stage) throw new BadRequestException(`Invalid API stage specified: ${op.value}`);
    if (op.op === 'add') {
      if (!plan.apiStages.some((x) => x.apiId === apiId && x.stage === stage)) plan.apiStages.push({ apiId, stage });
    } else if (op.op === 'remove') plan.apiStages = plan.apiStages.filter((x) => !(x.apiId === apiId && x.stage === stage));
    else throw new BadRequestException(`Invalid patch operation for path ${op.path}`);
    return true;
  }
  if (head === 'apiStages' && b === 'throttle' && a) {
    const [apiId, stage] = a.split(':');
    const st = plan.apiStages.find((x) => x.apiId === apiId && x.stage === stage);
    if (!st) throw new BadRequestException(`Invalid API stage specified: ${a}`);
    if (!c) {
      if (op.op !== 'remove') throw invalid();
      delete st.throttle;
      return true;
    }
    st.throttle ??= {};
    if (d === undefined) {
      if (op.op === 'remove') delete st.throttle[c];
      else st.throttle[c] = convert('json', op.value, op.path ?? '') as ThrottleDoc;
    } else if (d === 'rateLimit' || d === 'burstLimit') {
      (st.throttle[c] ??= {})[d] = convert(d === 'rateLimit' ? 'double' : 'int', op.value, op.path ?? '') as number;
    } else throw invalid();
    return true;
  }
  return false;
}

/** API keys, usage plans, the keys in a plan, and the usage counted against their quotas. */
export class KeysAndPlansOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateApiKey'
      | 'GetApiKey'
      | 'GetApiKeys'
      | 'UpdateApiKey'
      | 'DeleteApiKey'
      | 'ImportApiKeys'
      | 'CreateUsagePlan'
      | 'GetUsagePlan'
      | 'GetUsagePlans'
      | 'UpdateUsagePlan'
      | 'DeleteUsagePlan'
      | 'CreateUsagePlanKey'
      | 'GetUsagePlanKey'
      | 'GetUsagePlanKeys'
      | 'DeleteUsagePlanKey'
      | 'GetUsage'
      | 'UpdateUsage'
    >
{
  constructor(private readonly core: ControlCore) {}

  // ---- API keys

  async CreateApiKey(ctx: RequestContext, input: CreateApiKeyRequest): Promise<ApiKey> {
    const s = scopeOf(ctx);
    const now = wholeSecond(ctx);
    if (input.value !== undefined && input.value.length < 20) throw new BadRequestException('API Key value should be at least 20 characters');
    const key: ApiKeyDoc = {
      id: newId(10),
      value: input.value ?? randomId(40, MIXED),
      name: input.name,
      customerId: input.customerId,
      description: input.description,
      enabled: input.enabled ?? false,
      createdDate: now,
      lastUpdatedDate: now,
      stageKeys: (input.stageKeys ?? []).map((k) => `${k.restApiId}/${k.stageName}`),
      tags: input.tags,
    };
    await this.core.db.tx(async (tx) => {
      if (await this.core.store.getKeyByValue(tx, s, key.value)) throw new ConflictException('API Key already exists');
      for (const k of input.stageKeys ?? []) {
        await this.core.loadApi(tx, s, k.restApiId ?? '');
        await this.core.stage(tx, s, k.restApiId ?? '', k.stageName ?? '');
      }
      await this.core.store.keys.put(tx, s, [key.id], key);
    });
    return keyOut(key, true);
  }

  async GetApiKey(ctx: RequestContext, input: GetApiKeyRequest): Promise<ApiKey> {
    return keyOut(await this.core.key(this.core.db, scopeOf(ctx), input.apiKey), input.includeValue ?? false);
  }

  async GetApiKeys(ctx: RequestContext, input: GetApiKeysRequest): Promise<ApiKeys> {
    const p = await pageTable(this.core.store.keys, this.core.db, scopeOf(ctx), input, {
      keep: (k) => (!input.nameQuery || (k.name ?? '').startsWith(input.nameQuery)) && (!input.customerId || k.customerId === input.customerId),
    });
    return { items: p.items.map((k) => keyOut(k, input.includeValues ?? false)), position: p.position };
  }

  async UpdateApiKey(ctx: RequestContext, input: UpdateApiKeyRequest): Promise<ApiKey> {
    const s = scopeOf(ctx);
    return this.core.db.tx(async (tx) => {
      const k = await this.core.key(tx, s, input.apiKey);
      applyPatch(k, input.patchOperations, { name: 'string', description: 'string', enabled: 'bool', customerId: 'string', stages: 'strlist' }, (op, segs) => {
        if (segs[0] !== 'stages') return false;
        const v = op.value ?? '';
        if (op.op === 'add') k.stageKeys = [...new Set([...k.stageKeys, v])];
        else if (op.op === 'remove') k.stageKeys = k.stageKeys.filter((x) => x !== v);
        else throw new BadRequestException(`Invalid patch operation for path ${op.path}`);
        return true;
      });
      k.lastUpdatedDate = wholeSecond(ctx);
      await this.core.store.keys.put(tx, s, [k.id], k);
      return keyOut(k, false);
    });
  }

  async DeleteApiKey(ctx: RequestContext, input: DeleteApiKeyRequest): Promise<void> {
    const s = scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.core.key(tx, s, input.apiKey);
      await this.core.store.deleteKey(tx, s, input.apiKey);
    });
  }

  /** A CSV of keys: a header row naming the columns (Key is required), then one key a line. */
  async ImportApiKeys(ctx: RequestContext, input: ImportApiKeysRequest): Promise<ApiKeyIds> {
    const s = scopeOf(ctx);
    if (input.format !== 'csv') throw new BadRequestException('Invalid format, must be csv');
    const lines = Buffer.from(input.body ?? Buffer.alloc(0)).toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) throw new BadRequestException('Invalid API keys CSV: no header row');
    const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
    const col = (name: string) => header.indexOf(name);
    if (col('key') < 0) throw new BadRequestException('Invalid API keys CSV: the Key column is required');
    const now = wholeSecond(ctx);
    const { ids, warnings } = await this.core.db.tx(async (tx) => {
      const ids: string[] = [];
      const warnings: string[] = [];
      for (const [n, line] of lines.slice(1).entries()) {
        const cells = line.split(',').map((c) => c.trim());
        const cell = (name: string) => (col(name) >= 0 ? cells[col(name)] : undefined);
        const value = cell('key') ?? '';
        const problem = value.length < 20 ? 'API Key value should be at least 20 characters' : (await this.core.store.getKeyByValue(tx, s, value)) ? 'API Key already exists' : undefined;
        if (problem) {
          if (input.failOnWarnings) throw new BadRequestException(`Line ${n + 2}: ${problem}`);
          warnings.push(`Line ${n + 2}: ${problem}`);
          continue;
        }
        const key: ApiKeyDoc = { id: newId(10), value, name: cell('name'), description: cell('description'), customerId: cell('customerid'), enabled: (cell('enabled') ?? 'false').toLowerCase() === 'true', createdDate: now, lastUpdatedDate: now, stageKeys: [] };
        await this.core.store.keys.put(tx, s, [key.id], key);
        for (const planId of (cell('usageplanids') ?? '').split(/[;:]/).map((x) => x.trim()).filter(Boolean)) {
          await this.core.plan(tx, s, planId);
          await this.core.store.addPlanKey(tx, s, planId, key.id);
        }
        ids.push(key.id);
      }
      return { ids, warnings };
    });
    this.core.hooks.invalidate();
    return { ids, warnings: warnings.length ? warnings : undefined };
  }

  // ---- usage plans

  private async checkApiStages(q: Queryable, s: Scope, stages: UsagePlanDoc['apiStages']): Promise<void> {
    for (const st of stages) {
      await this.core.loadApi(q, s, st.apiId);
      if (!(await this.core.store.stages.get(q, s, [st.apiId, st.stage]))) throw new NotFoundException(`Invalid stage identifier specified`);
    }
  }

  async CreateUsagePlan(ctx: RequestContext, input: CreateUsagePlanRequest): Promise<UsagePlan> {
    const s = scopeOf(ctx);
    const plan: UsagePlanDoc = {
      id: newId(6),
      name: input.name,
      description: input.description,
      apiStages: (input.apiStages ?? []).map((a) => ({ apiId: a.apiId ?? '', stage: a.stage ?? '', throttle: a.throttle })),
      throttle: input.throttle,
      quota: input.quota ? { limit: input.quota.limit!, offset: input.quota.offset ?? 0, period: input.quota.period! } : undefined,
      tags: input.tags,
    };
    checkPlan(plan);
    await this.core.db.tx(async (tx) => {
      await this.checkApiStages(tx, s, plan.apiStages);
      await this.core.store.plans.put(tx, s, [plan.id], plan);
    });
    this.core.hooks.invalidate();
    return planOut(plan);
  }

  async GetUsagePlan(ctx: RequestContext, input: GetUsagePlanRequest): Promise<UsagePlan> {
    return planOut(await this.core.plan(this.core.db, scopeOf(ctx), input.usagePlanId));
  }

  async GetUsagePlans(ctx: RequestContext, input: GetUsagePlansRequest): Promise<UsagePlans> {
    const s = scopeOf(ctx);
    const ofKey = input.keyId ? new Set(await this.core.store.plansOfKey(this.core.db, s, input.keyId)) : undefined;
    const p = await pageTable(this.core.store.plans, this.core.db, s, input, { keep: ofKey && ((plan) => ofKey.has(plan.id)) });
    return { items: p.items.map(planOut), position: p.position };
  }

  async UpdateUsagePlan(ctx: RequestContext, input: UpdateUsagePlanRequest): Promise<UsagePlan> {
    const s = scopeOf(ctx);
    const plan = await this.core.db.tx(async (tx) => {
      const plan = await this.core.plan(tx, s, input.usagePlanId);
      applyPatch(plan, input.patchOperations, { name: 'string', description: 'string', productCode: 'string' }, (op, segs) => patchPlan(plan, op, segs));
      checkPlan(plan);
      await this.checkApiStages(tx, s, plan.apiStages);
      await this.core.store.plans.put(tx, s, [plan.id], plan);
      return plan;
    });
    this.core.hooks.invalidate();
    return planOut(plan);
  }

  async DeleteUsagePlan(ctx: RequestContext, input: DeleteUsagePlanRequest): Promise<void> {
    const s = scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.core.plan(tx, s, input.usagePlanId);
      await this.core.store.deletePlan(tx, s, input.usagePlanId);
    });
    this.core.hooks.invalidate();
  }

  // ---- the keys of a plan

  async CreateUsagePlanKey(ctx: RequestContext, input: CreateUsagePlanKeyRequest): Promise<UsagePlanKey> {
    const s = scopeOf(ctx);
    if (input.keyType !== 'API_KEY') throw new BadRequestException('Invalid key type specified, must be API_KEY');
    const key = await this.core.db.tx(async (tx) => {
      await this.core.plan(tx, s, input.usagePlanId);
      const key = await this.core.key(tx, s, input.keyId);
      if ((await this.core.store.planKeys(tx, s, input.usagePlanId)).includes(key.id)) {
        throw new ConflictException(`Usage Plan ${input.usagePlanId} cannot be added because API Key ${key.id} cannot reference multiple Usage Plans with the same API Stage`);
      }
      await this.core.store.addPlanKey(tx, s, input.usagePlanId, key.id);
      return key;
    });
    this.core.hooks.invalidate();
    return planKeyOut(key);
  }

  async GetUsagePlanKey(ctx: RequestContext, input: GetUsagePlanKeyRequest): Promise<UsagePlanKey> {
    const s = scopeOf(ctx);
    await this.core.plan(this.core.db, s, input.usagePlanId);
    if (!(await this.core.store.planKeys(this.core.db, s, input.usagePlanId)).includes(input.keyId)) throw new NotFoundException('Invalid Usage Plan Key identifier specified');
    return planKeyOut(await this.core.key(this.core.db, s, input.keyId));
  }

  async GetUsagePlanKeys(ctx: RequestContext, input: GetUsagePlanKeysRequest): Promise<UsagePlanKeys> {
    const s = scopeOf(ctx);
    await this.core.plan(this.core.db, s, input.usagePlanId);
    const out: UsagePlanKey[] = [];
    for (const id of await this.core.store.planKeys(this.core.db, s, input.usagePlanId)) {
      const k = await this.core.store.keys.get(this.core.db, s, [id]);
      if (k && (!input.nameQuery || (k.name ?? '').startsWith(input.nameQuery))) out.push(planKeyOut(k));
    }
    return page(out, input.position, input.limit);
  }

  async DeleteUsagePlanKey(ctx: RequestContext, input: DeleteUsagePlanKeyRequest): Promise<void> {
    const s = scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.core.plan(tx, s, input.usagePlanId);
      if ((await this.core.store.removePlanKey(tx, s, input.usagePlanId, input.keyId)) === 0) throw new NotFoundException('Invalid Usage Plan Key identifier specified');
    });
    this.core.hooks.invalidate();
  }

  // ---- usage

  /** Per key and day from startDate to endDate: [used, remaining of the quota]. */
  async GetUsage(ctx: RequestContext, input: GetUsageRequest): Promise<Usage> {
    const s = scopeOf(ctx);
    const plan = await this.core.plan(this.core.db, s, input.usagePlanId);
    if (!DAY.test(input.startDate) || !DAY.test(input.endDate)) throw new BadRequestException('Invalid date format, must be yyyy-MM-dd');
    if (input.startDate > input.endDate) throw new BadRequestException('The usage data period must begin on or before the end date');
    const rows = await this.core.store.usage(this.core.db, s, plan.id, input.keyId, input.startDate, input.endDate);
    const days: string[] = [];
    for (let t = Date.parse(input.startDate + 'T00:00:00Z'); t <= Date.parse(input.endDate + 'T00:00:00Z'); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
    if (days.length > 90) throw new BadRequestException('The usage data period cannot exceed 90 days');
    const keys = input.keyId ? [input.keyId] : await this.core.store.planKeys(this.core.db, s, plan.id);
    const items: Record<string, number[][]> = {};
    for (const k of keys) {
      items[k] = days.map((d) => {
        const used = rows.find((r) => r.key_id === k && r.day === d)?.used ?? 0;
        return [used, plan.quota ? Math.max(0, plan.quota.limit - used) : 0];
      });
    }
    return { usagePlanId: plan.id, startDate: input.startDate, endDate: input.endDate, items };
  }

  /** Sets a key's remaining quota in the current period (replace /remaining). */
  async UpdateUsage(ctx: RequestContext, input: UpdateUsageRequest): Promise<Usage> {
    const s = scopeOf(ctx);
    const now = ctx.clock.now();
    return this.core.db.tx(async (tx) => {
      const plan = await this.core.plan(tx, s, input.usagePlanId);
      if (!(await this.core.store.planKeys(tx, s, plan.id)).includes(input.keyId)) throw new NotFoundException('Invalid Usage Plan Key identifier specified');
      if (!plan.quota) throw new BadRequestException('Usage plan does not have a quota');
      const today = new Date(now).toISOString().slice(0, 10);
      const from = quotaPeriodStart(now, plan.quota.period, plan.quota.offset);
      for (const op of input.patchOperations ?? []) {
        if (op.op !== 'replace' || op.path !== '/remaining') throw new BadRequestException(`Invalid patch path '${op.path}' specified for op '${op.op}'. Must be one of: [/remaining]`);
        const remaining = convert('int', op.value, op.path) as number;
        if (remaining < 0) throw new BadRequestException('Invalid remaining value, must be >= 0');
        const rows = await this.core.store.usage(tx, s, plan.id, input.keyId, from, today);
        const earlier = rows.filter((r) => r.day !== today).reduce((n, r) => n + r.used, 0);
        await this.core.store.setUsage(tx, s, plan.id, input.keyId, today, Math.max(0, plan.quota.limit - remaining - earlier));
      }
      const rows = await this.core.store.usage(tx, s, plan.id, input.keyId, from, today);
      const used = rows.reduce((n, r) => n + r.used, 0);
      return { usagePlanId: plan.id, startDate: from, endDate: today, items: { [input.keyId]: [[used, Math.max(0, plan.quota.limit - used)]] } };
    });
  }
}

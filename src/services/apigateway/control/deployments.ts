import { isAccountId, parseLogGroupArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  type APIGatewayApi,
  type CreateDeploymentRequest,
  type CreateStageRequest,
  type DeleteDeploymentRequest,
  type DeleteStageRequest,
  type Deployment,
  type Deployments,
  type FlushStageAuthorizersCacheRequest,
  type FlushStageCacheRequest,
  type GetDeploymentRequest,
  type GetDeploymentsRequest,
  type GetStageRequest,
  type GetStagesRequest,
  type Stage,
  type Stages,
  type UpdateDeploymentRequest,
  type UpdateStageRequest,
} from '../../../generated/apigateway.js';
import { methodSettingKey, newId, pageTable, scopeOf, wholeSecond } from '../common.js';
import { HTTP_METHODS, defaultMethodSetting } from '../defaults.js';
import { applyPatch, convert, type PatchOp } from '../patch.js';
import type { DeploymentDoc, StageDoc } from '../types.js';
import { METHOD_SETTING_PATHS, checkPercent, checkStageName } from './checks.js';
import type { ControlCore } from './core.js';
import { deploymentOut, snapshotOf, stageOut } from './shapes.js';

const invalidPath = (op: PatchOp) => new BadRequestException(`Invalid patch path '${op.path}' specified for op '${op.op}'`);

function newStage(now: number, f: { stageName: string; deploymentId: string; description?: string }): StageDoc {
  return {
    stageName: f.stageName,
    deploymentId: f.deploymentId,
    description: f.description,
    cacheClusterEnabled: false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    tracingEnabled: false,
    createdDate: now,
    lastUpdatedDate: now,
  };
}

/** /accessLogSettings and /accessLogSettings/{format,destinationArn}. */
function patchAccessLog(st: StageDoc, op: PatchOp, segs: string[]): void {
  if (segs.length === 1 && op.op === 'remove') {
    delete st.accessLogSettings;
    return;
  }
  const field = segs[1];
  if (segs.length !== 2 || (field !== 'format' && field !== 'destinationArn')) throw invalidPath(op);
  const a = (st.accessLogSettings ??= {});
  if (op.op === 'remove') delete a[field];
  else a[field] = op.value ?? '';
  if (field === 'destinationArn' && a.destinationArn && !isLogDestination(a.destinationArn)) {
    throw new BadRequestException(`Invalid CloudWatch Logs log group ARN: ${a.destinationArn}`);
  }
}

/** /canarySettings (remove) and its fields. */
function patchCanary(st: StageDoc, op: PatchOp, segs: string[]): void {
  if (segs.length === 1) {
    if (op.op !== 'remove') throw invalidPath(op);
    delete st.canarySettings;
    return;
  }
  const c = (st.canarySettings ??= { deploymentId: st.deploymentId, percentTraffic: 0, useStageCache: false });
  const field = segs[1];
  if (field === 'percentTraffic') c.percentTraffic = checkPercent(convert('double', op.value, op.path ?? '') as number);
  else if (field === 'deploymentId' && op.value) c.deploymentId = op.value;
  else if (field === 'useStageCache') c.useStageCache = convert('bool', op.value, op.path ?? '') as boolean;
  else if (field === 'stageVariableOverrides' && segs.length === 3) {
    c.stageVariableOverrides ??= {};
    if (op.op === 'remove') delete c.stageVariableOverrides[segs[2]!];
    else c.stageVariableOverrides[segs[2]!] = op.value ?? '';
  } else throw invalidPath(op);
}

/** /{resourcePath}/{httpMethod}/{setting}: one method setting, starting from the stage-wide one. */
function patchMethodSetting(st: StageDoc, op: PatchOp, segs: string[]): void {
  const key = methodSettingKey(segs[0]!, segs[1]!);
  const setting = METHOD_SETTING_PATHS[segs.slice(2).join('/')];
  if (!setting || (segs[0] !== '*' && !segs[0]!.startsWith('/')) || (segs[1] !== '*' && !HTTP_METHODS.includes(segs[1]!))) {
    throw new BadRequestException(`Invalid method setting path: ${op.path}. Must be one of: [${Object.keys(METHOD_SETTING_PATHS).map((p) => `/{resourcePath}/{httpMethod}/${p}`).join(', ')}]`);
  }
  const entry = (st.methodSettings[key] ??= { ...(st.methodSettings['*/*'] ?? defaultMethodSetting()) }) as unknown as Record<string, unknown>;
  entry[setting[0]] = op.op === 'remove' ? defaultMethodSetting()[setting[0]] : convert(setting[1], op.value, op.path ?? '');
}

/** Deployments (frozen snapshots of an API) and the stages that serve them. */
export class DeploymentOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateDeployment'
      | 'GetDeployment'
      | 'GetDeployments'
      | 'UpdateDeployment'
      | 'DeleteDeployment'
      | 'CreateStage'
      | 'GetStage'
      | 'GetStages'
      | 'UpdateStage'
      | 'DeleteStage'
      | 'FlushStageCache'
      | 'FlushStageAuthorizersCache'
    >
{
  constructor(private readonly core: ControlCore) {}

  async CreateDeployment(ctx: RequestContext, input: CreateDeploymentRequest): Promise<Deployment> {
    const s = scopeOf(ctx);
    const { store } = this.core;
    const now = wholeSecond(ctx);
    const d = await this.core.db.tx(async (tx) => {
      const doc = await this.core.loadApi(tx, s, input.restApiId);
      let methods = 0;
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          methods++;
          if (!m.methodIntegration) throw new BadRequestException('No integration defined for method');
        }
      }
      if (methods === 0) throw new BadRequestException("The REST API doesn't contain any methods");
      const dep: DeploymentDoc = { id: newId(6), description: input.description, createdDate: now, snapshot: snapshotOf(doc) };
      if (input.stageName !== undefined) checkStageName(input.stageName);
      await store.deployments.put(tx, s, [input.restApiId, dep.id], dep);
      const existing = input.stageName ? await store.stages.get(tx, s, [input.restApiId, input.stageName]) : undefined;
      if (input.canarySettings) {
        const c = input.canarySettings;
        if (!existing) throw new BadRequestException('A canary deployment needs an existing stage: stageName must name one');
        existing.canarySettings = { deploymentId: dep.id, percentTraffic: checkPercent(c.percentTraffic ?? 0), stageVariableOverrides: c.stageVariableOverrides, useStageCache: c.useStageCache ?? false };
        existing.lastUpdatedDate = now;
        await store.stages.put(tx, s, [input.restApiId, existing.stageName], existing);
        return dep;
      }
      if (input.stageName) {
        const stage = existing ?? newStage(now, { stageName: input.stageName, deploymentId: dep.id, description: input.stageDescription });
        stage.deploymentId = dep.id;
        stage.lastUpdatedDate = now;
        if (input.variables) stage.variables = { ...(stage.variables ?? {}), ...input.variables };
        if (input.cacheClusterEnabled !== undefined) stage.cacheClusterEnabled = input.cacheClusterEnabled;
        if (input.cacheClusterSize !== undefined) stage.cacheClusterSize = input.cacheClusterSize;
        if (input.tracingEnabled !== undefined) stage.tracingEnabled = input.tracingEnabled;
        await store.stages.put(tx, s, [input.restApiId, stage.stageName], stage);
      }
      return dep;
    });
    this.core.hooks.invalidate(input.restApiId);
    return deploymentOut(d, false);
  }

  async GetDeployment(ctx: RequestContext, input: GetDeploymentRequest): Promise<Deployment> {
    const s = scopeOf(ctx);
    await this.core.loadApi(this.core.db, s, input.restApiId);
    return deploymentOut(await this.core.deployment(this.core.db, s, input.restApiId, input.deploymentId), (input.embed ?? []).includes('apisummary'));
  }

  async GetDeployments(ctx: RequestContext, input: GetDeploymentsRequest): Promise<Deployments> {
    const s = scopeOf(ctx);
    await this.core.loadApi(this.core.db, s, input.restApiId);
    const p = await pageTable(this.core.store.deployments, this.core.db, s, input, { parent: [input.restApiId] });
    return { items: p.items.map((d) => deploymentOut(d, false)), position: p.position };
  }

  async UpdateDeployment(ctx: RequestContext, input: UpdateDeploymentRequest): Promise<Deployment> {
    const s = scopeOf(ctx);
    return this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      const d = await this.core.deployment(tx, s, input.restApiId, input.deploymentId);
      applyPatch(d, input.patchOperations, { description: 'string' });
      await this.core.store.deployments.put(tx, s, [input.restApiId, d.id], d);
      return deploymentOut(d, false);
    });
  }

  async DeleteDeployment(ctx: RequestContext, input: DeleteDeploymentRequest): Promise<void> {
    const s = scopeOf(ctx);
    const { store } = this.core;
    await this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      await this.core.deployment(tx, s, input.restApiId, input.deploymentId);
      for await (const st of store.stages.scan(tx, s, [input.restApiId])) {
        if (st.deploymentId === input.deploymentId || st.canarySettings?.deploymentId === input.deploymentId) throw new BadRequestException('Active stages pointing to this deployment must be moved or deleted');
      }
      await store.deployments.delete(tx, s, [input.restApiId, input.deploymentId]);
    });
  }

  async CreateStage(ctx: RequestContext, input: CreateStageRequest): Promise<Stage> {
    const s = scopeOf(ctx);
    const now = wholeSecond(ctx);
    checkStageName(input.stageName);
    const stage = await this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      await this.core.deployment(tx, s, input.restApiId, input.deploymentId);
      if (await this.core.store.stages.get(tx, s, [input.restApiId, input.stageName])) throw new ConflictException('Stage already exists');
      const st = newStage(now, input);
      st.variables = input.variables;
      st.cacheClusterEnabled = input.cacheClusterEnabled ?? false;
      st.cacheClusterSize = input.cacheClusterEnabled ? input.cacheClusterSize ?? '0.5' : input.cacheClusterSize;
      st.tracingEnabled = input.tracingEnabled ?? false;
      st.documentationVersion = input.documentationVersion;
      st.tags = input.tags;
      if (input.canarySettings) {
        const c = input.canarySettings;
        const canaryDeployment = c.deploymentId ?? input.deploymentId;
        await this.core.deployment(tx, s, input.restApiId, canaryDeployment);
        st.canarySettings = { deploymentId: canaryDeployment, percentTraffic: checkPercent(c.percentTraffic ?? 0), stageVariableOverrides: c.stageVariableOverrides, useStageCache: c.useStageCache ?? false };
      }
      await this.core.store.stages.put(tx, s, [input.restApiId, st.stageName], st);
      return st;
    });
    this.core.hooks.invalidate(input.restApiId);
    return stageOut(stage);
  }

  async GetStage(ctx: RequestContext, input: GetStageRequest): Promise<Stage> {
    const s = scopeOf(ctx);
    await this.core.loadApi(this.core.db, s, input.restApiId);
    return stageOut(await this.core.stage(this.core.db, s, input.restApiId, input.stageName));
  }

  async GetStages(ctx: RequestContext, input: GetStagesRequest): Promise<Stages> {
    const s = scopeOf(ctx);
    await this.core.loadApi(this.core.db, s, input.restApiId);
    const item: Stage[] = [];
    for await (const st of this.core.store.stages.scan(this.core.db, s, [input.restApiId])) {
      if (!input.deploymentId || st.deploymentId === input.deploymentId) item.push(stageOut(st));
    }
    return { item };
  }

  async UpdateStage(ctx: RequestContext, input: UpdateStageRequest): Promise<Stage> {
    const s = scopeOf(ctx);
    const st = await this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      const st = await this.core.stage(tx, s, input.restApiId, input.stageName);
      applyPatch(
        st,
        input.patchOperations,
        {
          description: 'string',
          deploymentId: 'string',
          cacheClusterEnabled: 'bool',
          cacheClusterSize: 'string',
          variables: 'map',
          tracingEnabled: 'bool',
          clientCertificateId: 'string',
          documentationVersion: 'string',
          webAclArn: 'string',
        },
        (op, segs) => {
          if (segs[0] === 'accessLogSettings') patchAccessLog(st, op, segs);
          else if (segs[0] === 'canarySettings') patchCanary(st, op, segs);
          else if (segs.length >= 3) patchMethodSetting(st, op, segs);
          else return false;
          return true;
        },
      );
      if (st.cacheClusterEnabled && !st.cacheClusterSize) st.cacheClusterSize = '0.5';
      await this.core.deployment(tx, s, input.restApiId, st.deploymentId);
      if (st.canarySettings) await this.core.deployment(tx, s, input.restApiId, st.canarySettings.deploymentId);
      if (st.clientCertificateId && !(await this.core.store.certificates.get(tx, s, [st.clientCertificateId]))) throw new BadRequestException('Invalid client certificate identifier specified');
      if (st.clientCertificateId === '') delete st.clientCertificateId;
      st.lastUpdatedDate = wholeSecond(ctx);
      await this.core.store.stages.put(tx, s, [input.restApiId, st.stageName], st);
      return st;
    });
    this.core.hooks.invalidate(input.restApiId);
    this.core.hooks.flushCache(input.restApiId, input.stageName);
    return stageOut(st);
  }

  async DeleteStage(ctx: RequestContext, input: DeleteStageRequest): Promise<void> {
    const s = scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      await this.core.stage(tx, s, input.restApiId, input.stageName);
      await this.core.store.stages.delete(tx, s, [input.restApiId, input.stageName]);
    });
    this.core.hooks.invalidate(input.restApiId);
    this.core.hooks.flushCache(input.restApiId, input.stageName);
  }

  async FlushStageCache(ctx: RequestContext, input: FlushStageCacheRequest): Promise<void> {
    await this.existingStage(ctx, input);
    this.core.hooks.flushCache(input.restApiId, input.stageName);
  }

  async FlushStageAuthorizersCache(ctx: RequestContext, input: FlushStageAuthorizersCacheRequest): Promise<void> {
    await this.existingStage(ctx, input);
    this.core.hooks.flushAuthorizers(input.restApiId, input.stageName);
  }

  private async existingStage(ctx: RequestContext, input: { restApiId: string; stageName: string }): Promise<void> {
    const s = scopeOf(ctx);
    await this.core.loadApi(this.core.db, s, input.restApiId);
    await this.core.stage(this.core.db, s, input.restApiId, input.stageName);
  }
}

/** A log group ARN API Gateway accepts as an access log destination: a region and a 12-digit account. */
function isLogDestination(arn: string): boolean {
  const group = parseLogGroupArn(arn);
  return !!group && group.region !== '' && isAccountId(group.account);
}

/**
 * Step Functions (awsJson1.0, AWSStepFunctions). State machines, executions (Standard: durable in
 * SQL, resumed after a restart; Express: in memory), history, activities, task tokens, tags.
 */
import { randomUUID } from 'node:crypto';
import type { Platform, ServiceDefinition, ServiceProvider } from '../service.js';
import type { RequestContext } from '../../core/context.js';
import { AwsError } from '../../aws/errors.js';
import { validationError } from '../../aws/validate.js';
import type { Tx } from '../../storage/db.js';
import { Execution, type Checkpoint, type ExecutionInfo, type HistoryEvent } from './asl/engine.js';
import { ExecutionInterrupted, StatesError } from './asl/errors.js';
import { invalidDefinitionMessage, labelErrorMessage, labelProblem, parseDefinition } from './validate.js';
import { makeTaskRunner, TaskRegistry, type ActivityTask } from './tasks.js';

const MIGRATIONS = [
  {
    version: 1,
    sql: `
CREATE TABLE sfn_state_machines (
  arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
  definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL, created REAL NOT NULL,
  logging TEXT, tracing TEXT, description TEXT, revision_id TEXT NOT NULL, next_version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sfn_versions (
  arn TEXT PRIMARY KEY, sm_arn TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  created REAL NOT NULL, description TEXT, revision_id TEXT NOT NULL
);
CREATE TABLE sfn_aliases (
  arn TEXT PRIMARY KEY, sm_arn TEXT NOT NULL, name TEXT NOT NULL, description TEXT, routing TEXT NOT NULL,
  created REAL NOT NULL, updated REAL NOT NULL
);
CREATE TABLE sfn_executions (
  arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, sm_arn TEXT NOT NULL, name TEXT NOT NULL,
  status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_ms REAL NOT NULL, stop_ms REAL,
  definition TEXT NOT NULL, role_arn TEXT NOT NULL, checkpoint TEXT, redrive_count INTEGER NOT NULL DEFAULT 0,
  version_arn TEXT, alias_arn TEXT
);
CREATE INDEX sfn_executions_sm ON sfn_executions (sm_arn, start_ms);
CREATE TABLE sfn_events (execution_arn TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_arn, id));
CREATE TABLE sfn_tags (arn TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (arn, tag_key));
CREATE TABLE sfn_activities (arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, created REAL NOT NULL);
`,
  },
  {
    version: 2,
    sql: `
ALTER TABLE sfn_state_machines ADD COLUMN encryption TEXT;
ALTER TABLE sfn_activities ADD COLUMN encryption TEXT;
`,
  },
  { version: 3, sql: 'ALTER TABLE sfn_executions ADD COLUMN redrive_ms REAL;' },
];

/** What AWS answers when no customer managed key was configured. */
const DEFAULT_ENCRYPTION = { type: 'AWS_OWNED_KEY' };

/** Names: 1-80 characters, no whitespace, brackets, wildcards, special or control characters (as AWS). */
const NAME_RE = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

const err = (code: string, message: string) => new AwsError(code, message, 400);

function arnParts(arn: string): string[] | undefined {
  const p = arn.split(':');
  if (p.length < 7 || p[0] !== 'arn' || p[2] !== 'states') return undefined;
  return p;
}

interface SmRow {
  arn: string;
  account: string;
  region: string;
  name: string;
  definition: string;
  role_arn: string;
  type: string;
  created: number;
  logging: string | null;
  tracing: string | null;
  description: string | null;
  revision_id: string;
  next_version: number;
  encryption: string | null;
}

interface ExecRow {
  arn: string;
  account: string;
  region: string;
  sm_arn: string;
  name: string;
  status: string;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  start_ms: number;
  stop_ms: number | null;
  definition: string;
  role_arn: string;
  checkpoint: string | null;
  redrive_count: number;
  version_arn: string | null;
  alias_arn: string | null;
  redrive_ms?: number | null;
}

interface Running {
  exec: Execution;
  done: Promise<unknown>;
  express: boolean;
  row?: ExecRow;
}

export const definition: ServiceDefinition = {
  name: 'stepfunctions',
  validationErrorCode: 'ValidationException',
  // AWS's ListExecutions statusFilter message lists the values in this order (recorded:
  // test_sfn_api.py::TestSnfApi::test_state_machine_status_filter, 14-03-2024).
  enumOrder: { ExecutionStatus: ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] },
  async create(platform: Platform): Promise<ServiceProvider> {
    await platform.db.migrate('stepfunctions', MIGRATIONS);
    return new StepFunctions(platform).start();
  },
};

export class StepFunctions {
  private readonly db;
  private readonly clock;
  private readonly registry = new TaskRegistry();
  private readonly running = new Map<string, Running>();
  private closing = false;
  private readonly tasks;

  constructor(private readonly platform: Platform) {
    this.db = platform.db;
    this.clock = platform.clock;
    this.tasks = makeTaskRunner(platform, this.registry, (info, params, mode) => this.startChild(info, params, mode));
  }

  async start(): Promise<ServiceProvider> {
    // Resume Standard executions that were running when the server stopped.
    const rows = await this.db.all<ExecRow>(`SELECT * FROM sfn_executions WHERE status = 'RUNNING'`);
    for (const row of rows) this.resume(row);
    const self = this as unknown as Record<string, unknown>;
    const provider: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(StepFunctions.prototype)) {
      if (/^[A-Z]/.test(name) && typeof self[name] === 'function') provider[name] = (self[name] as Function).bind(this);
    }
    provider.close = () => this.close();
    provider.health = () => ({ running: this.running.size });
    return provider as ServiceProvider;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const r of this.running.values()) r.exec.suspend();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  // ------------------------------------------------------------ helpers

  private smArn(ctx: RequestContext, name: string): string {
    return `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:${name}`;
  }

  private async getSm(ctx: RequestContext, arn: string): Promise<SmRow> {
    const parts = arnParts(arn);
    if (!parts) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    if (!parts || (parts[5] !== 'stateMachine')) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${parts?.[5] ?? arn}'`);
    const base = parts.slice(0, 7).join(':');
    const row = await this.db.get<SmRow>('SELECT * FROM sfn_state_machines WHERE arn = ? AND account = ? AND region = ?', [base, ctx.accountId, ctx.region]);
    if (!row) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return row;
  }

  private async getExec(ctx: RequestContext, arn: string): Promise<ExecRow> {
    const parts = arnParts(arn);
    if (!parts) throw err('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    if (parts[5] !== 'execution' && parts[5] !== 'express')
      throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${parts?.[5] ?? arn}'`);
    // Express executions are not stored (as in AWS, they cannot be described).
    if (parts[5] === 'express') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'`);
    const row = await this.db.get<ExecRow>('SELECT * FROM sfn_executions WHERE arn = ? AND account = ? AND region = ?', [arn, ctx.accountId, ctx.region]);
    if (!row) throw err('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return row;
  }

  private validateDefinition(text: string): Record<string, any> {
    const { def, diagnostics } = parseDefinition(text);
    const errors = diagnostics.filter((d) => d.severity === 'ERROR');
    if (!def || errors.length) throw err('InvalidDefinition', invalidDefinitionMessage(errors));
    const label = labelProblem(def);
    if (label) throw err('InvalidDefinition', labelErrorMessage(label, text));
    return def;
  }

  private checkLogging(cfg: { level?: string; destinations?: unknown[] }): void {
    const n = cfg.destinations?.length ?? 0;
    if ((cfg.level ?? 'OFF') !== 'OFF' && n !== 1)
      throw err('InvalidLoggingConfiguration', 'Invalid Logging Configuration: Must specify exactly one Log Destination.');
    if (n > 1) throw err('InvalidLoggingConfiguration', 'Invalid Logging Configuration: Must specify exactly one Log Destination.');
  }

  private async tagsOf(arn: string): Promise<{ key: string; value: string }[]> {
    const rows = await this.db.all<{ tag_key: string; tag_value: string }>('SELECT tag_key, tag_value FROM sfn_tags WHERE arn = ? ORDER BY tag_key', [arn]);
    return rows.map((r) => ({ key: r.tag_key, value: r.tag_value }));
  }

  // ------------------------------------------------------------ state machines

  async CreateStateMachine(ctx: RequestContext, input: any) {
    const name: string = input.name;
    if (!NAME_RE.test(name)) throw err('InvalidName', `Invalid Name: '${name}'`);
    const type = input.type ?? 'STANDARD';
    this.validateDefinition(input.definition);
    if (input.loggingConfiguration) this.checkLogging(input.loggingConfiguration);
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(input.roleArn ?? '')) throw err('InvalidArn', `Invalid Arn: '${input.roleArn}'`);
    if (input.versionDescription !== undefined && input.publish !== true)
      throw err('ValidationException', 'Version description can only be set when publish is true');
    const arn = this.smArn(ctx, name);
    const now = this.clock.now();
    const existing = await this.db.get<SmRow>('SELECT * FROM sfn_state_machines WHERE arn = ?', [arn]);
    if (existing) {
      if (existing.definition === input.definition && existing.role_arn === input.roleArn && existing.type === type)
        return { stateMachineArn: arn, creationDate: new Date(existing.created) };
      throw err('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    let versionArn: string | undefined;
    await this.db.tx(async (tx) => {
      await tx.run(
        'INSERT INTO sfn_state_machines (arn, account, region, name, definition, role_arn, type, created, logging, tracing, description, revision_id, next_version, encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)',
        [arn, ctx.accountId, ctx.region, name, input.definition, input.roleArn, type, now, JSON.stringify(normalizeLogging(input.loggingConfiguration)), JSON.stringify(input.tracingConfiguration ?? { enabled: false }), null, '', JSON.stringify(input.encryptionConfiguration ?? DEFAULT_ENCRYPTION)],
      );
      await putTags(tx, arn, input.tags);
    });
    if (input.publish) versionArn = (await this.publish(arn, input.versionDescription)).stateMachineVersionArn;
    const out: Record<string, unknown> = { stateMachineArn: arn, creationDate: new Date(now) };
    if (versionArn) out.stateMachineVersionArn = versionArn;
    return out;
  }

  private async publish(smArn: string, description: string | undefined, revisionId?: string) {
    return this.db.tx(async (tx) => {
      const sm = await tx.get<SmRow>('SELECT * FROM sfn_state_machines WHERE arn = ?', [smArn]);
      if (!sm) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${smArn}'`);
      if (revisionId !== undefined && revisionId !== sm.revision_id) throw err('ConflictException', `Failed to publish the State Machine version for revision ${revisionId}. The current State Machine revision is ${sm.revision_id}.`);
      const latest = await tx.get<{ arn: string; revision_id: string; created: number }>('SELECT arn, revision_id, created FROM sfn_versions WHERE sm_arn = ? ORDER BY version DESC LIMIT 1', [smArn]);
      if (latest && latest.revision_id === sm.revision_id) return { stateMachineVersionArn: latest.arn, creationDate: new Date(latest.created) };
      const v = sm.next_version;
      const arn = `${smArn}:${v}`;
      const now = this.clock.now();
      await tx.run('INSERT INTO sfn_versions (arn, sm_arn, version, definition, role_arn, created, description, revision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [arn, smArn, v, sm.definition, sm.role_arn, now, description ?? null, sm.revision_id]);
      await tx.run('UPDATE sfn_state_machines SET next_version = ? WHERE arn = ?', [v + 1, smArn]);
      return { stateMachineVersionArn: arn, creationDate: new Date(now) };
    });
  }

  async PublishStateMachineVersion(ctx: RequestContext, input: any) {
    const sm = await this.getSm(ctx, input.stateMachineArn);
    return this.publish(sm.arn, input.description, input.revisionId);
  }

  async DeleteStateMachineVersion(ctx: RequestContext, input: any) {
    const arn: string = input.stateMachineVersionArn;
    const parts = arnParts(arn);
    if (!parts || parts[5] !== 'stateMachine' || parts.length !== 8 || !/^\d+$/.test(parts[7]!))
      throw err('ValidationException', `Invalid State Machine Version Arn: '${arn}'`);
    const aliases = await this.db.all<{ name: string }>('SELECT name FROM sfn_aliases WHERE routing LIKE ? ORDER BY name', [`%"${arn}"%`]);
    if (aliases.length)
      throw err(
        'ConflictException',
        `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${aliases.map((a) => a.name).join(', ')}]`,
      );
    void ctx;
    await this.db.run('DELETE FROM sfn_versions WHERE arn = ?', [arn]);
    return {};
  }

  async ListStateMachineVersions(ctx: RequestContext, input: any) {
    const sm = await this.getSm(ctx, input.stateMachineArn);
    const rows = await this.db.all<{ arn: string; created: number }>('SELECT arn, created FROM sfn_versions WHERE sm_arn = ? ORDER BY version DESC', [sm.arn]);
    return page(rows.map((r) => ({ stateMachineVersionArn: r.arn, creationDate: new Date(r.created) })), input, 'stateMachineVersions');
  }

  async DescribeStateMachine(ctx: RequestContext, input: any) {
    const arn: string = input.stateMachineArn;
    const parts = arnParts(arn);
    if (parts && parts.length === 8 && /^\d+$/.test(parts[7]!)) {
      const v = await this.db.get<any>('SELECT * FROM sfn_versions WHERE arn = ?', [arn]);
      const sm = await this.getSm(ctx, parts.slice(0, 7).join(':'));
      if (!v) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
      const out = this.describeSm(sm);
      Object.assign(out, { stateMachineArn: arn, definition: v.definition, roleArn: v.role_arn, creationDate: new Date(v.created) });
      if (v.revision_id) out.revisionId = v.revision_id;
      else delete out.revisionId;
      if (v.description) out.description = v.description;
      return out;
    }
    return this.describeSm(await this.getSm(ctx, arn));
  }

  private describeSm(sm: SmRow): Record<string, unknown> {
    return {
      stateMachineArn: sm.arn,
      name: sm.name,
      status: 'ACTIVE',
      definition: sm.definition,
      roleArn: sm.role_arn,
      type: sm.type,
      creationDate: new Date(sm.created),
      loggingConfiguration: sm.logging ? JSON.parse(sm.logging) : { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: sm.tracing ? JSON.parse(sm.tracing) : { enabled: false },
      encryptionConfiguration: sm.encryption ? JSON.parse(sm.encryption) : DEFAULT_ENCRYPTION,
      ...(sm.revision_id ? { revisionId: sm.revision_id } : {}),
    };
  }

  async UpdateStateMachine(ctx: RequestContext, input: any) {
    const sm = await this.getSm(ctx, input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined && input.loggingConfiguration === undefined && input.tracingConfiguration === undefined)
      throw err('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
    if (input.versionDescription !== undefined && input.publish !== true)
      throw err('ValidationException', 'Version description can only be set when publish is true');
    if (input.definition !== undefined) this.validateDefinition(input.definition);
    if (input.loggingConfiguration) this.checkLogging(input.loggingConfiguration);
    const now = this.clock.now();
    const next = {
      definition: input.definition ?? sm.definition,
      role: input.roleArn ?? sm.role_arn,
      logging: input.loggingConfiguration ? JSON.stringify(normalizeLogging(input.loggingConfiguration)) : sm.logging,
      tracing: input.tracingConfiguration ? JSON.stringify(input.tracingConfiguration) : sm.tracing,
    };
    if (input.encryptionConfiguration) await this.db.run('UPDATE sfn_state_machines SET encryption = ? WHERE arn = ?', [JSON.stringify(input.encryptionConfiguration), sm.arn]);
    const changed = next.definition !== sm.definition || next.role !== sm.role_arn || next.logging !== sm.logging || next.tracing !== sm.tracing;
    const revision = changed ? randomUUID() : sm.revision_id;
    await this.db.run('UPDATE sfn_state_machines SET definition = ?, role_arn = ?, logging = ?, tracing = ?, revision_id = ? WHERE arn = ?', [
      next.definition,
      next.role,
      next.logging,
      next.tracing,
      revision,
      sm.arn,
    ]);
    const out: Record<string, unknown> = { updateDate: new Date(now) };
    if (revision) out.revisionId = revision;
    if (input.publish) out.stateMachineVersionArn = (await this.publish(sm.arn, input.versionDescription)).stateMachineVersionArn;
    return out;
  }

  async DeleteStateMachine(ctx: RequestContext, input: any) {
    const arn: string = input.stateMachineArn;
    const parts = arnParts(arn);
    if (!parts || parts[5] !== 'stateMachine') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${parts?.[5] ?? arn}'`);
    if (parts.length === 8) {
      await this.db.run('DELETE FROM sfn_versions WHERE arn = ?', [arn]);
      return {};
    }
    await this.db.tx(async (tx) => {
      await tx.run('DELETE FROM sfn_state_machines WHERE arn = ? AND account = ? AND region = ?', [arn, ctx.accountId, ctx.region]);
      await tx.run('DELETE FROM sfn_versions WHERE sm_arn = ?', [arn]);
      await tx.run('DELETE FROM sfn_aliases WHERE sm_arn = ?', [arn]);
      await tx.run('DELETE FROM sfn_tags WHERE arn = ?', [arn]);
    });
    return {};
  }

  async ListStateMachines(ctx: RequestContext, input: any) {
    const rows = await this.db.all<SmRow>('SELECT * FROM sfn_state_machines WHERE account = ? AND region = ? ORDER BY name', [ctx.accountId, ctx.region]);
    return page(rows.map((r) => ({ stateMachineArn: r.arn, name: r.name, type: r.type, creationDate: new Date(r.created) })), input, 'stateMachines');
  }

  async ValidateStateMachineDefinition(_ctx: RequestContext, input: any) {
    const { diagnostics } = parseDefinition(input.definition);
    const max = input.maxResults ?? 100;
    const shown = diagnostics.slice(0, max);
    return {
      result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
      diagnostics: shown,
      truncated: diagnostics.length > shown.length,
    };
  }

  // ------------------------------------------------------------ aliases

  async CreateStateMachineAlias(ctx: RequestContext, input: any) {
    const routing = input.routingConfiguration as { stateMachineVersionArn: string; weight: number }[];
    const notVersions = routing.filter((r) => !/:stateMachine:[^:]+:\d+$/.test(r.stateMachineVersionArn)).map((r) => r.stateMachineVersionArn);
    if (notVersions.length)
      throw err('ValidationException', `Routing configuration must contain state machine version ARNs. Received: [${notVersions.join(', ')}]`);
    const smArn = routing[0]!.stateMachineVersionArn.split(':').slice(0, 7).join(':');
    await this.getSm(ctx, smArn);
    for (const r of routing) {
      const v = await this.db.get('SELECT arn FROM sfn_versions WHERE arn = ?', [r.stateMachineVersionArn]);
      if (!v) throw err('ResourceNotFound', `Resource not found: '${r.stateMachineVersionArn}'`);
    }
    const arn = `${smArn}:${input.name}`;
    const now = this.clock.now();
    const existing = await this.db.get<any>('SELECT * FROM sfn_aliases WHERE arn = ?', [arn]);
    if (existing) {
      if (existing.routing === JSON.stringify(routing) && (existing.description ?? undefined) === input.description)
        return { stateMachineAliasArn: arn, creationDate: new Date(existing.created) };
      throw err('ConflictException', `Failed to create alias because an alias with the same name and a different routing configuration already exists.`);
    }
    await this.db.run('INSERT INTO sfn_aliases (arn, sm_arn, name, description, routing, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)', [arn, smArn, input.name, input.description ?? null, JSON.stringify(routing), now, now]);
    return { stateMachineAliasArn: arn, creationDate: new Date(now) };
  }

  private async getAlias(arn: string): Promise<any> {
    const a = await this.db.get<any>('SELECT * FROM sfn_aliases WHERE arn = ?', [arn]);
    if (!a) throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    return a;
  }

  async DescribeStateMachineAlias(_ctx: RequestContext, input: any) {
    const a = await this.getAlias(input.stateMachineAliasArn);
    const out: Record<string, unknown> = { stateMachineAliasArn: a.arn, name: a.name, routingConfiguration: JSON.parse(a.routing), creationDate: new Date(a.created), updateDate: new Date(a.updated) };
    if (a.description) out.description = a.description;
    return out;
  }

  async UpdateStateMachineAlias(_ctx: RequestContext, input: any) {
    const a = await this.getAlias(input.stateMachineAliasArn);
    const now = this.clock.now();
    await this.db.run('UPDATE sfn_aliases SET description = ?, routing = ?, updated = ? WHERE arn = ?', [input.description ?? a.description, input.routingConfiguration ? JSON.stringify(input.routingConfiguration) : a.routing, now, a.arn]);
    return { updateDate: new Date(now) };
  }

  async DeleteStateMachineAlias(_ctx: RequestContext, input: any) {
    await this.db.run('DELETE FROM sfn_aliases WHERE arn = ?', [input.stateMachineAliasArn]);
    return {};
  }

  async ListStateMachineAliases(ctx: RequestContext, input: any) {
    const sm = await this.getSm(ctx, input.stateMachineArn);
    const rows = await this.db.all<any>('SELECT * FROM sfn_aliases WHERE sm_arn = ? ORDER BY created', [sm.arn]);
    return page(rows.map((r) => ({ stateMachineAliasArn: r.arn, creationDate: new Date(r.created) })), input, 'stateMachineAliases');
  }

  /** Resolves a state machine, version or alias ARN to what an execution runs. */
  private async resolveTarget(ctx: RequestContext, arn: string): Promise<{ sm: SmRow; definition: string; roleArn: string; versionArn?: string; aliasArn?: string }> {
    const parts = arnParts(arn);
    if (!parts || parts[5] !== 'stateMachine') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${parts?.[5] ?? arn}'`);
    const sm = await this.getSm(ctx, arn);
    if (parts.length === 7) return { sm, definition: sm.definition, roleArn: sm.role_arn };
    let versionArn = arn;
    let aliasArn: string | undefined;
    if (!/^\d+$/.test(parts[7]!)) {
      const a = await this.getAlias(arn);
      aliasArn = arn;
      const routing = JSON.parse(a.routing) as { stateMachineVersionArn: string; weight: number }[];
      let pick = Math.random() * 100;
      versionArn = routing[0]!.stateMachineVersionArn;
      for (const r of routing) {
        if (pick < r.weight) {
          versionArn = r.stateMachineVersionArn;
          break;
        }
        pick -= r.weight;
      }
    }
    const v = await this.db.get<any>('SELECT * FROM sfn_versions WHERE arn = ?', [versionArn]);
    if (!v) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${versionArn}'`);
    return { sm, definition: v.definition, roleArn: v.role_arn, versionArn, aliasArn };
  }

  // ------------------------------------------------------------ executions

  private checkInput(text: string | undefined): string {
    const input = text ?? '{}';
    try {
      JSON.parse(input);
    } catch (e) {
      throw err('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(e as Error).message}'`);
    }
    if (Buffer.byteLength(input) > 262144) throw err('InvalidExecutionInput', 'Invalid State Machine Execution Input: input size exceeds 262144 bytes');
    return input;
  }

  async StartExecution(ctx: RequestContext, input: any) {
    const target = await this.resolveTarget(ctx, input.stateMachineArn);
    const data = this.checkInput(input.input);
    const name: string = input.name ?? randomUUID();
    if (!NAME_RE.test(name)) throw err('InvalidName', `Invalid Name: '${name}'`);
    const now = this.clock.now();
    if (target.sm.type === 'EXPRESS') {
      const arn = `arn:aws:states:${ctx.region}:${ctx.accountId}:express:${target.sm.name}:${name}:${randomUUID()}`;
      const row = this.newRow(ctx, arn, target, name, data, now);
      void this.runExpress(row).catch(() => undefined);
      return { executionArn: arn, startDate: new Date(now) };
    }
    const arn = `arn:aws:states:${ctx.region}:${ctx.accountId}:execution:${target.sm.name}:${name}`;
    const existing = await this.db.get<ExecRow>('SELECT * FROM sfn_executions WHERE arn = ?', [arn]);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === data) return { executionArn: arn, startDate: new Date(existing.start_ms) };
      throw err('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const row = this.newRow(ctx, arn, target, name, data, now);
    await this.db.run(
      'INSERT INTO sfn_executions (arn, account, region, sm_arn, name, status, input, start_ms, definition, role_arn, redrive_count, version_arn, alias_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
      [arn, row.account, row.region, row.sm_arn, name, 'RUNNING', data, now, row.definition, row.role_arn, row.version_arn, row.alias_arn],
    );
    this.launch(row, undefined);
    return { executionArn: arn, startDate: new Date(now) };
  }

  private newRow(ctx: RequestContext, arn: string, target: Awaited<ReturnType<StepFunctions['resolveTarget']>>, name: string, data: string, now: number): ExecRow {
    return {
      arn,
      account: ctx.accountId,
      region: ctx.region,
      sm_arn: target.sm.arn,
      name,
      status: 'RUNNING',
      input: data,
      output: null,
      error: null,
      cause: null,
      start_ms: now,
      stop_ms: null,
      definition: target.definition,
      role_arn: target.roleArn,
      checkpoint: null,
      redrive_count: 0,
      version_arn: target.versionArn ?? null,
      alias_arn: target.aliasArn ?? null,
    };
  }

  private info(row: ExecRow): ExecutionInfo {
    return {
      executionArn: row.arn,
      name: row.name,
      stateMachineArn: row.version_arn ?? row.sm_arn,
      stateMachineName: row.sm_arn.split(':')[6]!,
      roleArn: row.role_arn,
      startTime: row.start_ms,
      input: row.input,
      redriveCount: row.redrive_count,
      express: row.arn.includes(':express:'),
      ...(row.version_arn ? { versionArn: row.version_arn } : {}),
      ...(row.alias_arn ? { aliasArn: row.alias_arn } : {}),
      region: row.region,
      accountId: row.account,
    };
  }

  /**
   * CloudWatch Logs delivery of execution events, as the machine's loggingConfiguration asks
   * (level ALL/ERROR/FATAL, includeExecutionData), when the Logs service is loaded.
   */
  private async eventLogger(row: ExecRow): Promise<((e: HistoryEvent) => void) | undefined> {
    const sm = await this.db.get<SmRow>('SELECT logging FROM sfn_state_machines WHERE arn = ?', [row.sm_arn]);
    const cfg = sm?.logging ? (JSON.parse(sm.logging) as { level?: string; includeExecutionData?: boolean; destinations?: any[] }) : undefined;
    const level = cfg?.level ?? 'OFF';
    const groupArn: string | undefined = cfg?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
    if (level === 'OFF' || !groupArn || !this.platform.services.get('logs')) return undefined;
    const m = /^arn:[^:]+:logs:([^:]*):(\d{12}):log-group:([^:]+)(:\*)?$/.exec(groupArn);
    if (!m) return undefined;
    const [, region, account, group] = m;
    let writer: { put(input: { accountId: string; region: string; logGroupName: string; logStreamName: string; events: { timestamp: number; message: string }[] }): void };
    try {
      const logs = await import('../logs/store.js');
      writer = logs.logWriterFor(this.db, this.clock);
    } catch {
      return undefined;
    }
    const d = new Date(row.start_ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    const stream = `states/${row.sm_arn.split(':')[6]}/${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}/${row.name.slice(0, 64)}`;
    const isError = (t: string) => /(Failed|TimedOut|Aborted)$/.test(t);
    const isFatal = (t: string) => t === 'ExecutionFailed' || t === 'ExecutionAborted' || t === 'ExecutionTimedOut';
    return (e) => {
      if (level === 'ERROR' && !isError(e.type)) return;
      if (level === 'FATAL' && !isFatal(e.type)) return;
      const key = Object.keys(e).find((k) => k.endsWith('EventDetails'));
      let details: Record<string, unknown> = key ? { ...(e[key] as Record<string, unknown>) } : {};
      if (!cfg?.includeExecutionData) {
        const { input, inputDetails, output, outputDetails, parameters, assignedVariables, assignedVariablesDetails, ...rest } = details;
        void input, inputDetails, output, outputDetails, parameters, assignedVariables, assignedVariablesDetails;
        details = rest;
      }
      const message = JSON.stringify({
        id: String(e.id),
        type: e.type,
        details,
        previous_event_id: String(e.previousEventId),
        event_timestamp: String(e.timestamp),
        execution_arn: row.arn,
        redrive_count: String(row.redrive_count),
      });
      writer.put({ accountId: account!, region: region || row.region, logGroupName: group!, logStreamName: stream, events: [{ timestamp: e.timestamp, message }] });
    };
  }

  /** Buffers events until the log destination of the execution is known, then delivers them. */
  private deferredLogger(row: ExecRow): (e: HistoryEvent) => void {
    const state: { fn?: (e: HistoryEvent) => void; pending: HistoryEvent[]; ready: boolean } = { pending: [], ready: false };
    void this.eventLogger(row).then((fn) => {
      state.fn = fn;
      state.ready = true;
      if (fn) for (const e of state.pending) fn(e);
      state.pending = [];
    });
    return (e) => {
      if (!state.ready) state.pending.push(e);
      else state.fn?.(e);
    };
  }

  private async runExpress(row: ExecRow): Promise<ExecRow> {
    const exec = new Execution(row.definition, this.info(row), { clock: this.clock, tasks: this.tasks, onEvent: this.deferredLogger(row) });
    const done = exec.run();
    this.running.set(row.arn, { exec, done, express: true, row });
    try {
      const r = await done;
      Object.assign(row, { status: r.status, output: r.output ?? null, error: r.error ?? null, cause: r.cause ?? null, stop_ms: this.clock.now() });
    } catch (e) {
      if (!(e instanceof ExecutionInterrupted)) throw e;
    } finally {
      this.running.delete(row.arn);
    }
    return row;
  }

  /** Runs a Standard execution, persisting events and checkpoints as it goes. */
  private launch(row: ExecRow, resume: { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean } | undefined): void {
    const arn = row.arn;
    const exec = new Execution(row.definition, this.info(row), {
      clock: this.clock,
      tasks: this.tasks,
      onEvent: this.deferredLogger(row),
      persist: async (cp, events) => {
        if (!events.length && !cp) return;
        await this.db.tx(async (tx) => {
          for (const ev of events) await tx.run('INSERT INTO sfn_events (execution_arn, id, body) VALUES (?, ?, ?)', [arn, ev.id, JSON.stringify(ev)]);
          if (cp) await tx.run('UPDATE sfn_executions SET checkpoint = ? WHERE arn = ?', [JSON.stringify(cp), arn]);
        });
      },
    });
    const done = (async () => {
      try {
        const r = await exec.run(resume);
        // A timed-out execution shows no error/cause in DescribeExecution (the history has them).
        const timedOut = r.status === 'TIMED_OUT';
        // The last checkpoint of an unsuccessful execution stays: RedriveExecution restarts from it.
        await this.db.run(`UPDATE sfn_executions SET status = ?, output = ?, error = ?, cause = ?, stop_ms = ?${r.status === 'SUCCEEDED' ? ', checkpoint = NULL' : ''} WHERE arn = ?`, [
          r.status,
          r.output ?? null,
          timedOut ? null : (r.error ?? null),
          timedOut ? null : (r.cause ?? null),
          this.clock.now(),
          arn,
        ]);
      } catch (e) {
        if (!(e instanceof ExecutionInterrupted)) {
          this.platform.log({ level: 'error', service: 'stepfunctions', execution: arn, error: String((e as Error)?.stack ?? e) });
        }
      } finally {
        this.running.delete(arn);
      }
    })();
    this.running.set(arn, { exec, done, express: false });
  }

  private resume(row: ExecRow): void {
    void (async () => {
      const events = (await this.db.all<{ body: string }>('SELECT body FROM sfn_events WHERE execution_arn = ? ORDER BY id', [row.arn])).map(
        (r) => JSON.parse(r.body) as HistoryEvent,
      );
      if (!row.checkpoint) {
        // Nothing durable beyond the start: run from the beginning, keeping ExecutionStarted if recorded.
        if (events.length) await this.db.run('DELETE FROM sfn_events WHERE execution_arn = ?', [row.arn]);
        this.launch(row, undefined);
        return;
      }
      const cp = JSON.parse(row.checkpoint) as Checkpoint;
      // Events after the checkpoint belong to the interrupted state: they are rewritten by the resumed run.
      const kept = events.filter((e) => e.id < cp.nextEventId);
      await this.db.run('DELETE FROM sfn_events WHERE execution_arn = ? AND id >= ?', [row.arn, cp.nextEventId]);
      this.launch(row, { checkpoint: cp, events: kept });
    })();
  }

  async StartSyncExecution(ctx: RequestContext, input: any) {
    const target = await this.resolveTarget(ctx, input.stateMachineArn);
    if (target.sm.type !== 'EXPRESS') throw err('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
    const data = this.checkInput(input.input);
    const name: string = input.name ?? randomUUID();
    if (!NAME_RE.test(name)) throw err('InvalidName', `Invalid Name: '${name}'`);
    const now = this.clock.now();
    const arn = `arn:aws:states:${ctx.region}:${ctx.accountId}:express:${target.sm.name}:${name}:${randomUUID()}`;
    const row = this.newRow(ctx, arn, target, name, data, now);
    await this.runExpress(row);
    const out: Record<string, unknown> = {
      executionArn: arn,
      stateMachineArn: row.sm_arn,
      name,
      startDate: new Date(row.start_ms),
      stopDate: new Date(row.stop_ms ?? this.clock.now()),
      status: row.status,
      input: data,
      inputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(((row.stop_ms ?? now) - now) / 100) * 100) },
    };
    if (row.status === 'SUCCEEDED') {
      out.output = row.output;
      out.outputDetails = { included: true };
    } else {
      if (row.error !== null) out.error = row.error;
      if (row.cause !== null) out.cause = row.cause;
    }
    return out;
  }

  async DescribeExecution(ctx: RequestContext, input: any) {
    const arn: string = input.executionArn;
    if (arn.split(':')[5] === 'express') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'`);
    const row = await this.getExec(ctx, arn);
    const out: Record<string, unknown> = {
      executionArn: row.arn,
      stateMachineArn: row.sm_arn,
      name: row.name,
      status: row.status,
      startDate: new Date(row.start_ms),
      input: row.input,
      inputDetails: { included: true },
      redriveCount: row.redrive_count,
    };
    if (row.stop_ms !== null) out.stopDate = new Date(row.stop_ms);
    if (row.output !== null) {
      out.output = row.output;
      out.outputDetails = { included: true };
    }
    if (row.error !== null) out.error = row.error;
    if (row.cause !== null) out.cause = row.cause;
    if (row.version_arn) out.stateMachineVersionArn = row.version_arn;
    if (row.alias_arn) out.stateMachineAliasArn = row.alias_arn;
    const reason = this.notRedrivable(row);
    out.redriveStatus = reason ? 'NOT_REDRIVABLE' : 'REDRIVABLE';
    if (reason) out.redriveStatusReason = reason;
    if (row.redrive_ms) out.redriveDate = new Date(row.redrive_ms);
    return out;
  }

  async DescribeStateMachineForExecution(ctx: RequestContext, input: any) {
    const row = await this.getExec(ctx, input.executionArn);
    const sm = await this.db.get<SmRow>('SELECT * FROM sfn_state_machines WHERE arn = ?', [row.sm_arn]);
    const out: Record<string, unknown> = {
      stateMachineArn: row.sm_arn,
      name: row.sm_arn.split(':')[6],
      definition: row.definition,
      roleArn: row.role_arn,
      updateDate: new Date(sm?.created ?? row.start_ms),
      loggingConfiguration: sm?.logging ? JSON.parse(sm.logging) : { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: sm?.tracing ? JSON.parse(sm.tracing) : { enabled: false },
    };
    if (sm?.revision_id) out.revisionId = sm.revision_id;
    out.encryptionConfiguration = sm?.encryption ? JSON.parse(sm.encryption) : DEFAULT_ENCRYPTION;
    return out;
  }

  async ListExecutions(ctx: RequestContext, input: any) {
    let smArn: string | undefined = input.stateMachineArn;
    if (input.mapRunArn) throw err('ResourceNotFound', `Resource not found: '${input.mapRunArn}'`);
    if (!smArn) throw err('ValidationException', 'Must provide a StateMachine ARN or MapRun ARN');
    const sm = await this.getSm(ctx, smArn);
    if (sm.type === 'EXPRESS') throw err('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
    const params: (string | number)[] = [sm.arn];
    let sql = 'SELECT * FROM sfn_executions WHERE sm_arn = ?';
    if (input.statusFilter) {
      sql += ' AND status = ?';
      params.push(input.statusFilter);
    }
    const parts = arnParts(smArn)!;
    if (parts.length === 8) {
      sql += /^\d+$/.test(parts[7]!) ? ' AND version_arn = ?' : ' AND alias_arn = ?';
      params.push(smArn);
    }
    sql += ' ORDER BY start_ms DESC, arn DESC';
    const rows = await this.db.all<ExecRow>(sql, params);
    return page(
      rows.map((r) => {
        const o: Record<string, unknown> = { executionArn: r.arn, stateMachineArn: r.sm_arn, name: r.name, status: r.status, startDate: new Date(r.start_ms) };
        if (r.stop_ms !== null) o.stopDate = new Date(r.stop_ms);
        if (r.version_arn) o.stateMachineVersionArn = r.version_arn;
        if (r.alias_arn) o.stateMachineAliasArn = r.alias_arn;
        o.redriveCount = r.redrive_count;
        return o;
      }),
      input,
      'executions',
    );
  }

  async StopExecution(ctx: RequestContext, input: any) {
    if (String(input.executionArn).split(':')[5] === 'express')
      throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'`);
    const row = await this.getExec(ctx, input.executionArn);
    const now = this.clock.now();
    const r = this.running.get(row.arn);
    if (row.status !== 'RUNNING') return { stopDate: new Date(row.stop_ms ?? now) };
    if (r) {
      r.exec.stop(input.error, input.cause);
      await r.done;
    } else if (!row.arn.includes(':express:')) {
      await this.db.run("UPDATE sfn_executions SET status = 'ABORTED', stop_ms = ?, error = ?, cause = ? WHERE arn = ?", [now, input.error ?? null, input.cause ?? null, row.arn]);
    }
    const after = row.arn.includes(':express:') ? row : await this.getExec(ctx, row.arn);
    return { stopDate: new Date(after.stop_ms ?? now) };
  }

  async GetExecutionHistory(ctx: RequestContext, input: any) {
    const arn: string = input.executionArn;
    if (arn.split(':')[5] === 'express') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'`);
    const row = await this.getExec(ctx, arn);
    const running = this.running.get(row.arn);
    let events: HistoryEvent[];
    if (running) events = running.exec.events.slice();
    else events = (await this.db.all<{ body: string }>('SELECT body FROM sfn_events WHERE execution_arn = ? ORDER BY id', [row.arn])).map((r) => JSON.parse(r.body));
    if (input.reverseOrder) events.reverse();
    const include = input.includeExecutionData !== false;
    const items = events.map((e) => toWire(e, include));
    return page(items, input, 'events');
  }

  async RedriveExecution(ctx: RequestContext, input: any) {
    const arn: string = input.executionArn;
    if (arn.split(':')[5] === 'express') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: express'`);
    const row = await this.getExec(ctx, arn);
    const reason = this.notRedrivable(row);
    if (reason) throw err('ExecutionNotRedrivable', reason);
    if (this.running.has(row.arn)) throw err('ExecutionNotRedrivable', `Execution is RUNNING and cannot be redriven`);
    const now = this.clock.now();
    const events = (await this.db.all<{ body: string }>('SELECT body FROM sfn_events WHERE execution_arn = ? ORDER BY id', [row.arn])).map(
      (r) => JSON.parse(r.body) as HistoryEvent,
    );
    const cp = JSON.parse(row.checkpoint!) as Checkpoint;
    await this.db.run(
      "UPDATE sfn_executions SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stop_ms = NULL, redrive_count = redrive_count + 1, redrive_ms = ? WHERE arn = ?",
      [now, row.arn],
    );
    const updated = { ...row, status: 'RUNNING', redrive_count: row.redrive_count + 1, redrive_ms: now };
    this.launch(updated, { checkpoint: cp, events, redrive: true });
    return { redriveDate: new Date(now) };
  }

  /** Why an execution cannot be redriven (AWS's redriveStatusReason), or undefined. */
  private notRedrivable(row: ExecRow): string | undefined {
    if (row.status === 'RUNNING' || row.status === 'SUCCEEDED') return `Execution is ${row.status} and cannot be redriven`;
    if (!row.checkpoint) return 'Execution cannot be redriven: no state to restart from';
    if (this.clock.now() - (row.stop_ms ?? 0) > 14 * 86400_000) return 'Execution cannot be redriven: its 14-day redrive period is over';
    if (row.redrive_count >= 1000) return 'Execution cannot be redriven: it reached the maximum of 1000 redrives';
    return undefined;
  }

  // ------------------------------------------------------------ TestState

  /**
   * Runs one state in isolation (no retries: a matching Retrier answers RETRIABLE), with the
   * real integrations. Inspection data: `input` and `variables` (DEBUG/TRACE).
   */
  async TestState(ctx: RequestContext, input: any) {
    if (input.mock !== undefined || input.stateConfiguration !== undefined)
      throw err('ValidationException', 'TestState mocks and state configurations are not supported by Stratus');
    let parsed: Record<string, any>;
    try {
      parsed = JSON.parse(input.definition);
    } catch (e) {
      throw err('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(e as Error).message}'`);
    }
    let name: string = input.stateName ?? 'TestState';
    let state: Record<string, any> = parsed;
    let ql: string | undefined = parsed.QueryLanguage;
    if (parsed.States && typeof parsed.States === 'object') {
      name = input.stateName ?? parsed.StartAt;
      state = parsed.States[name];
      if (!state) throw err('ValidationException', `State '${name}' not found in the definition`);
    } else ql = undefined;
    const { Retry, ...rest } = state as { Retry?: { ErrorEquals?: string[] }[] } & Record<string, any>;
    const targets = new Set<string>();
    const add = (t: unknown) => typeof t === 'string' && t !== name && targets.add(t);
    add(rest.Next);
    add(rest.Default);
    for (const c of rest.Choices ?? []) add(c?.Next);
    for (const c of rest.Catch ?? []) add(c?.Next);
    const States: Record<string, unknown> = { [name]: rest };
    for (const t of targets) States[t] = { Type: 'Succeed' };
    const def = { StartAt: name, States, ...(ql ? { QueryLanguage: ql } : {}) };
    const check = parseDefinition(JSON.stringify(def));
    const errors = check.diagnostics.filter((d) => d.severity === 'ERROR');
    if (errors.length) throw err('InvalidDefinition', invalidDefinitionMessage(errors));
    const data = this.checkInput(input.input);
    let variables: Record<string, unknown> | undefined;
    if (input.variables !== undefined) {
      try {
        variables = JSON.parse(input.variables);
      } catch {
        throw err('ValidationException', 'The variables must be a JSON object');
      }
    }
    const now = this.clock.now();
    const execName = randomUUID();
    const info: ExecutionInfo = {
      executionArn: `arn:aws:states:${ctx.region}:${ctx.accountId}:execution:TestStateMachine:${execName}`,
      name: execName,
      stateMachineArn: `arn:aws:states:${ctx.region}:${ctx.accountId}:stateMachine:TestStateMachine`,
      stateMachineName: 'TestStateMachine',
      roleArn: input.roleArn ?? `arn:aws:iam::${ctx.accountId}:role/TestState`,
      startTime: now,
      input: data,
      redriveCount: 0,
      region: ctx.region,
      accountId: ctx.accountId,
    };
    const exec = new Execution(def, info, { clock: this.clock, tasks: this.tasks, initialVariables: variables });
    const result = await exec.run();
    const events = exec.events;
    const out: Record<string, unknown> = {};
    const exited = events.find((e) => e.type.endsWith('StateExited') && (e.stateExitedEventDetails as { name?: string })?.name === name);
    const nextEntered = events.find((e) => e.type.endsWith('StateEntered') && (e.stateEnteredEventDetails as { name?: string })?.name !== name);
    const nextName = (nextEntered?.stateEnteredEventDetails as { name?: string } | undefined)?.name;
    const caught = !!exited && events.some((e) => e.type.endsWith('Failed') && e.type !== 'ExecutionFailed');
    if (result.status === 'FAILED' && !exited) {
      const retriable = (Retry ?? []).some((r) => (r.ErrorEquals ?? []).some((x) => x === result.error || (x === 'States.ALL' && result.error !== 'States.Runtime')));
      out.status = retriable ? 'RETRIABLE' : 'FAILED';
      if (result.error !== undefined) out.error = result.error;
      if (result.cause !== undefined) out.cause = result.cause;
    } else {
      out.status = caught ? 'CAUGHT_ERROR' : 'SUCCEEDED';
      out.output = (exited?.stateExitedEventDetails as { output?: string })?.output ?? result.output;
      if (nextName) out.nextState = nextName;
    }
    if (input.inspectionLevel === 'DEBUG' || input.inspectionLevel === 'TRACE') {
      out.inspectionData = { input: data, ...(variables ? { variables: JSON.stringify(variables) } : {}) };
    }
    return out;
  }

  // ------------------------------------------------------------ task tokens

  async SendTaskSuccess(_ctx: RequestContext, input: any) {
    const w = this.registry.waiters.get(input.taskToken);
    if (!w) throw this.tokenError(input.taskToken);
    let out: unknown;
    try {
      out = JSON.parse(input.output);
    } catch {
      throw err('InvalidOutput', `Invalid Output: '${input.output}'`);
    }
    w.resolve(out);
    return {};
  }

  async SendTaskFailure(_ctx: RequestContext, input: any) {
    const w = this.registry.waiters.get(input.taskToken);
    if (!w) throw this.tokenError(input.taskToken);
    w.reject(new StatesError(input.error ?? '', input.cause));
    return {};
  }

  async SendTaskHeartbeat(_ctx: RequestContext, input: any) {
    const w = this.registry.waiters.get(input.taskToken);
    if (!w) throw this.tokenError(input.taskToken);
    w.heartbeat();
    return {};
  }

  private tokenError(token: string): AwsError {
    if (typeof token !== 'string' || token.length < 20) return err('InvalidToken', 'Invalid Token');
    return err('TaskTimedOut', 'Task Timed Out');
  }

  // ------------------------------------------------------------ activities

  async CreateActivity(ctx: RequestContext, input: any) {
    if (!NAME_RE.test(input.name)) throw err('InvalidName', `Invalid Name: '${input.name}'`);
    const arn = `arn:aws:states:${ctx.region}:${ctx.accountId}:activity:${input.name}`;
    const existing = await this.db.get<{ created: number }>('SELECT created FROM sfn_activities WHERE arn = ?', [arn]);
    if (existing) return { activityArn: arn, creationDate: new Date(existing.created) };
    const now = this.clock.now();
    await this.db.tx(async (tx) => {
      await tx.run('INSERT INTO sfn_activities (arn, account, region, name, created, encryption) VALUES (?, ?, ?, ?, ?, ?)', [
        arn,
        ctx.accountId,
        ctx.region,
        input.name,
        now,
        JSON.stringify(input.encryptionConfiguration ?? DEFAULT_ENCRYPTION),
      ]);
      await putTags(tx, arn, input.tags);
    });
    return { activityArn: arn, creationDate: new Date(now) };
  }

  private async getActivity(ctx: RequestContext, arn: string) {
    const row = await this.db.get<any>('SELECT * FROM sfn_activities WHERE arn = ? AND account = ? AND region = ?', [arn, ctx.accountId, ctx.region]);
    if (!row) throw err('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
    return row;
  }

  async DescribeActivity(ctx: RequestContext, input: any) {
    const row = await this.getActivity(ctx, input.activityArn);
    return {
      activityArn: row.arn,
      name: row.name,
      creationDate: new Date(row.created),
      encryptionConfiguration: row.encryption ? JSON.parse(row.encryption) : DEFAULT_ENCRYPTION,
    };
  }

  async DeleteActivity(ctx: RequestContext, input: any) {
    await this.db.tx(async (tx) => {
      await tx.run('DELETE FROM sfn_activities WHERE arn = ? AND account = ? AND region = ?', [input.activityArn, ctx.accountId, ctx.region]);
      await tx.run('DELETE FROM sfn_tags WHERE arn = ?', [input.activityArn]);
    });
    return {};
  }

  async ListActivities(ctx: RequestContext, input: any) {
    const rows = await this.db.all<any>('SELECT * FROM sfn_activities WHERE account = ? AND region = ? ORDER BY created, name', [ctx.accountId, ctx.region]);
    return page(rows.map((r) => ({ activityArn: r.arn, name: r.name, creationDate: new Date(r.created) })), input, 'activities');
  }

  async GetActivityTask(ctx: RequestContext, input: any) {
    const arn: string = input.activityArn;
    await this.getActivity(ctx, arn);
    const q = this.registry.activityQueues.get(arn);
    const take = (t: ActivityTask) => {
      t.started(input.workerName);
      return { taskToken: t.token, input: t.input };
    };
    if (q && q.length) return take(q.shift()!);
    // Long poll: up to 60 seconds, as AWS.
    return new Promise((resolve) => {
      const list = this.registry.pollers.get(arn) ?? [];
      const poller = (t: ActivityTask) => {
        timer.cancel();
        resolve(take(t));
      };
      list.push(poller);
      this.registry.pollers.set(arn, list);
      const timer = this.clock.setTimer(60_000, () => {
        const l = this.registry.pollers.get(arn) ?? [];
        this.registry.pollers.set(arn, l.filter((p) => p !== poller));
        resolve({});
      });
    });
  }

  // ------------------------------------------------------------ tags

  private async checkTaggable(ctx: RequestContext, arn: string): Promise<void> {
    const parts = arnParts(arn);
    if (!parts) throw err('InvalidArn', `Invalid Arn: '${arn}'`);
    if (parts[5] === 'stateMachine' && parts.length === 7) {
      const row = await this.db.get('SELECT arn FROM sfn_state_machines WHERE arn = ?', [arn]);
      if (!row) throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    } else if (parts[5] === 'activity') {
      const row = await this.db.get('SELECT arn FROM sfn_activities WHERE arn = ?', [arn]);
      if (!row) throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    } else throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${parts[5]}'`);
    void ctx;
  }

  async TagResource(ctx: RequestContext, input: any) {
    await this.checkTaggable(ctx, input.resourceArn);
    const existing = await this.tagsOf(input.resourceArn);
    const keys = new Set([...existing.map((t) => t.key), ...(input.tags ?? []).map((t: any) => t.key)]);
    if (keys.size > 50) throw err('TooManyTags', `Too many tags: the resource can have at most 50 tags`);
    await this.db.tx(async (tx) => {
      await putTags(tx, input.resourceArn, input.tags);
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: any) {
    await this.checkTaggable(ctx, input.resourceArn);
    await this.db.tx(async (tx) => {
      for (const k of input.tagKeys ?? []) await tx.run('DELETE FROM sfn_tags WHERE arn = ? AND tag_key = ?', [input.resourceArn, k]);
    });
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: any) {
    await this.checkTaggable(ctx, input.resourceArn);
    return { tags: await this.tagsOf(input.resourceArn) };
  }

  // ------------------------------------------------------------ nested executions (states:startExecution)

  private async startChild(parent: ExecutionInfo, params: Record<string, any>, mode: 'fire' | 'sync' | 'sync2'): Promise<unknown> {
    const ctx = {
      requestId: randomUUID(),
      accountId: parent.accountId,
      region: parent.region,
      accessKeyId: undefined,
      service: 'stepfunctions',
      operation: 'StartExecution',
      clock: this.clock,
      headers: {},
      receivedAt: this.clock.now(),
    } satisfies RequestContext;
    let started: { executionArn: string; startDate: Date };
    try {
      const inputText = typeof params.Input === 'string' ? params.Input : JSON.stringify(params.Input ?? {});
      started = await this.StartExecution(ctx, { stateMachineArn: params.StateMachineArn, name: params.Name, input: inputText });
    } catch (e) {
      if (e instanceof AwsError) throw new StatesError(`StepFunctions.${e.code}Exception`, e.message);
      throw e;
    }
    if (mode === 'fire') return { ExecutionArn: started.executionArn, StartDate: started.startDate.getTime() / 1000 };
    const r = this.running.get(started.executionArn);
    if (r) await r.done;
    // An Express child is not stored: its row lives in the running entry until it ends.
    const row = r?.express && r.row ? r.row : await this.getExec(ctx, started.executionArn);
    if (row.status !== 'SUCCEEDED') {
      throw new StatesError('States.TaskFailed', JSON.stringify({ ExecutionArn: row.arn, Status: row.status, Error: row.error, Cause: row.cause }));
    }
    return {
      ExecutionArn: row.arn,
      Input: mode === 'sync2' ? JSON.parse(row.input) : row.input,
      InputDetails: { Included: true },
      Name: row.name,
      Output: mode === 'sync2' ? JSON.parse(row.output ?? 'null') : row.output,
      OutputDetails: { Included: true },
      StartDate: row.start_ms,
      StateMachineArn: row.sm_arn,
      Status: row.status,
      StopDate: row.stop_ms,
    };
  }
}

/** The stored form of a logging configuration: AWS always answers level and includeExecutionData. */
function normalizeLogging(cfg: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { level: cfg?.level ?? 'OFF', includeExecutionData: cfg?.includeExecutionData ?? false };
  if (Array.isArray(cfg?.destinations) && cfg.destinations.length) out.destinations = cfg.destinations;
  return out;
}

/** The wire form of a history event: timestamp as a Date, details without execution data when asked. */
function toWire(e: HistoryEvent, includeData: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...e, timestamp: new Date(e.timestamp) };
  if (!includeData) {
    for (const [k, v] of Object.entries(out)) {
      if (k.endsWith('EventDetails') && v && typeof v === 'object') {
        const d = { ...(v as Record<string, unknown>) };
        for (const f of ['input', 'output', 'parameters']) delete d[f];
        out[k] = d;
      }
    }
  }
  return out;
}

function page<T>(items: T[], input: any, key: string): Record<string, unknown> {
  const max: number = input.maxResults && input.maxResults > 0 ? input.maxResults : 100;
  let start = 0;
  if (input.nextToken) {
    const n = Number(Buffer.from(String(input.nextToken), 'base64').toString('utf8').replace(/^sfn:/, ''));
    if (!Number.isInteger(n) || n < 0) throw err('InvalidToken', "Invalid Token: 'Invalid token'");
    start = n;
  }
  const slice = items.slice(start, start + max);
  const out: Record<string, unknown> = { [key]: slice };
  if (start + max < items.length) out.nextToken = Buffer.from(`sfn:${start + max}`).toString('base64');
  return out;
}

/**
 * Stores tags, replacing values of existing keys. The model leaves Tag.key optional, but a tag
 * without a key is refused as AWS's validation refuses a missing required member.
 */
async function putTags(tx: Tx, arn: string, tags: { key?: string; value?: string }[] | undefined): Promise<void> {
  const missing = (tags ?? []).flatMap((t, i) => (t.key == null ? [i + 1] : []));
  if (missing.length > 0) {
    throw validationError(
      missing.map((n) => `Value null at 'tags.${n}.member.key' failed to satisfy constraint: Member must not be null`),
      'ValidationException',
    );
  }
  for (const t of tags ?? []) {
    await tx.run('DELETE FROM sfn_tags WHERE arn = ? AND tag_key = ?', [arn, t.key!]);
    await tx.run('INSERT INTO sfn_tags (arn, tag_key, tag_value) VALUES (?, ?, ?)', [arn, t.key!, t.value ?? '']);
  }
}

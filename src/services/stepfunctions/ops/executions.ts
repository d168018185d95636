/** Executions: start (Standard, Express, synchronous Express), describe, list, stop, history, redrive. */
import { arnFor } from '../../../aws/arn.js';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  ExecutionAlreadyExists,
  ExecutionNotRedrivable,
  InvalidName,
  ResourceNotFound,
  StateMachineTypeNotSupported,
  ValidationException,
  type DescribeExecutionInput,
  type DescribeExecutionOutput,
  type DescribeStateMachineForExecutionInput,
  type DescribeStateMachineForExecutionOutput,
  type ExecutionListItem,
  type GetExecutionHistoryInput,
  type HistoryEvent as WireHistoryEvent,
  type ListExecutionsInput,
  type RedriveExecutionInput,
  type SFNApi,
  type StartExecutionInput,
  type StartExecutionOutput,
  type StartSyncExecutionInput,
  type StartSyncExecutionOutput,
  type StopExecutionInput,
  type SyncExecutionStatus,
} from '../../../generated/stepfunctions.js';
import type { HistoryEvent } from '../asl/engine.js';
import { DEFAULT_ENCRYPTION, NAME_RE, arnParts, checkExecutionInput, refuseExpress, type SfnCore } from '../core.js';
import type { ExecutionRow } from '../store.js';
import { pageOf, pageSize, readToken } from '../pages.js';
import { resolveTarget, type ExecutionTarget } from './aliases.js';
import { MockConfigError } from '../tasks/mocks.js';

/** How long after its end an execution can be redriven, and how many times. */
const REDRIVE_PERIOD_MS = 14 * 86400_000;
const MAX_REDRIVES = 1000;

export class ExecutionOps
  implements
    Pick<
      SFNApi,
      | 'StartExecution'
      | 'StartSyncExecution'
      | 'DescribeExecution'
      | 'DescribeStateMachineForExecution'
      | 'ListExecutions'
      | 'StopExecution'
      | 'GetExecutionHistory'
      | 'RedriveExecution'
    >
{
  constructor(private readonly core: SfnCore) {}

  async StartExecution(ctx: RequestContext, input: StartExecutionInput): Promise<StartExecutionOutput> {
    const { arn: smArn, mockCase } = this.mockTarget(input.stateMachineArn);
    const target = await resolveTarget(this.core, ctx, smArn);
    this.checkMockCase(target, mockCase);
    const data = checkExecutionInput(input.input);
    const name = input.name ?? randomUUID();
    if (!NAME_RE.test(name)) throw new InvalidName(`Invalid Name: '${name}'`);
    const now = this.core.clock.now();
    if (target.sm.type === 'EXPRESS') {
      const arn = arnFor('states', ctx, `express:${target.sm.name}:${name}:${randomUUID()}`);
      void this.core.runner.runExpress(newRow(ctx, arn, target, name, data, now, mockCase)).catch(() => undefined);
      return { executionArn: arn, startDate: new Date(now) };
    }
    const arn = arnFor('states', ctx, `execution:${target.sm.name}:${name}`);
    const existing = await this.core.store.execution(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === data) return { executionArn: arn, startDate: new Date(existing.start_ms) };
      throw new ExecutionAlreadyExists(`Execution Already Exists: '${arn}'`);
    }
    await this.core.runner.launch(newRow(ctx, arn, target, name, data, now, mockCase));
    return { executionArn: arn, startDate: new Date(now) };
  }

  async StartSyncExecution(ctx: RequestContext, input: StartSyncExecutionInput) {
    const { arn: smArn, mockCase } = this.mockTarget(input.stateMachineArn);
    const target = await resolveTarget(this.core, ctx, smArn);
    this.checkMockCase(target, mockCase);
    if (target.sm.type !== 'EXPRESS') throw new StateMachineTypeNotSupported('This operation is not supported by this type of state machine');
    const data = checkExecutionInput(input.input);
    const name = input.name ?? randomUUID();
    if (!NAME_RE.test(name)) throw new InvalidName(`Invalid Name: '${name}'`);
    const now = this.core.clock.now();
    const arn = arnFor('states', ctx, `express:${target.sm.name}:${name}:${randomUUID()}`);
    const row = await this.core.runner.runExpress(newRow(ctx, arn, target, name, data, now, mockCase));
    const out: StartSyncExecutionOutput = {
      executionArn: arn,
      stateMachineArn: row.sm_arn,
      name,
      startDate: new Date(row.start_ms),
      stopDate: new Date(row.stop_ms ?? this.core.clock.now()),
      status: row.status as SyncExecutionStatus,
      input: data,
      inputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(((row.stop_ms ?? now) - now) / 100) * 100) },
    };
    if (row.status === 'SUCCEEDED') {
      out.output = row.output ?? undefined;
      out.outputDetails = { included: true };
    } else {
      if (row.error !== null) out.error = row.error;
      if (row.cause !== null) out.cause = row.cause;
    }
    return out;
  }

  /** `arn#TestCase` (Step Functions Local's way to run under a mock configuration's test case): the ARN and the case. */
  private mockTarget(stateMachineArn: string): { arn: string; mockCase: string | undefined } {
    const i = stateMachineArn.indexOf('#');
    if (i < 0) return { arn: stateMachineArn, mockCase: undefined };
    return { arn: stateMachineArn.slice(0, i), mockCase: stateMachineArn.slice(i + 1) };
  }

  /** The test case must be in the mock configuration, well formed, before the execution starts. */
  private checkMockCase(target: ExecutionTarget, mockCase: string | undefined): void {
    if (mockCase === undefined) return;
    try {
      this.core.mocks.testCase(target.sm.name, mockCase);
    } catch (e) {
      if (e instanceof MockConfigError) throw new ValidationException(e.message);
      throw e;
    }
  }

  async DescribeExecution(ctx: RequestContext, input: DescribeExecutionInput) {
    refuseExpress(input.executionArn);
    const row = await this.core.executionOrThrow(ctx, input.executionArn);
    const out: DescribeExecutionOutput = {
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

  async DescribeStateMachineForExecution(ctx: RequestContext, input: DescribeStateMachineForExecutionInput) {
    const row = await this.core.executionOrThrow(ctx, input.executionArn);
    const sm = await this.core.store.stateMachine(row.sm_arn);
    const out: DescribeStateMachineForExecutionOutput = {
      stateMachineArn: row.sm_arn,
      name: row.sm_arn.split(':')[6]!,
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

  async ListExecutions(ctx: RequestContext, input: ListExecutionsInput) {
    const smArn = input.stateMachineArn;
    if (input.mapRunArn) {
      // A map run's child executions run in memory and are not stored: they cannot be listed.
      if (await this.core.mapRuns.get(input.mapRunArn, ctx)) throw new ValidationException("Listing a map run's child executions is not supported by Stratus");
      throw new ResourceNotFound(`Resource not found: '${input.mapRunArn}'`);
    }
    if (!smArn) throw new ValidationException('Must provide a StateMachine ARN or MapRun ARN');
    const sm = await this.core.stateMachineOrThrow(ctx, smArn);
    if (sm.type === 'EXPRESS') throw new StateMachineTypeNotSupported('This operation is not supported by this type of state machine');
    // A version or alias ARN lists the executions started through it.
    const parts = arnParts(smArn)!;
    const qualifier = parts.length === 8 ? parts[7] : undefined;
    const filter = {
      status: input.statusFilter,
      ...(qualifier === undefined ? {} : /^\d+$/.test(qualifier) ? { versionArn: smArn } : { aliasArn: smArn }),
    };
    const listing = { kind: 'executions', scope: `${smArn} ${input.statusFilter ?? ''}`, key: ['number', 'string'] } as const;
    const before = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.store.listExecutions(sm.arn, filter, before, size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.start_ms, r.arn]);
    const executions = page.rows.map((r) => {
      const o: ExecutionListItem = { executionArn: r.arn, stateMachineArn: r.sm_arn, name: r.name, status: r.status, startDate: new Date(r.start_ms) };
      if (r.stop_ms !== null) o.stopDate = new Date(r.stop_ms);
      if (r.version_arn) o.stateMachineVersionArn = r.version_arn;
      if (r.alias_arn) o.stateMachineAliasArn = r.alias_arn;
      o.redriveCount = r.redrive_count;
      return o;
    });
    return { executions, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  async StopExecution(ctx: RequestContext, input: StopExecutionInput) {
    refuseExpress(input.executionArn);
    const row = await this.core.executionOrThrow(ctx, input.executionArn);
    const now = this.core.clock.now();
    if (row.status !== 'RUNNING') return { stopDate: new Date(row.stop_ms ?? now) };
    await this.core.runner.stop(row, { error: input.error, cause: input.cause });
    const after = await this.core.executionOrThrow(ctx, row.arn);
    return { stopDate: new Date(after.stop_ms ?? now) };
  }

  async GetExecutionHistory(ctx: RequestContext, input: GetExecutionHistoryInput) {
    refuseExpress(input.executionArn);
    const row = await this.core.executionOrThrow(ctx, input.executionArn);
    const reverse = input.reverseOrder === true;
    const listing = { kind: 'history', scope: `${row.arn} ${reverse}`, key: ['number'] } as const;
    const after = readToken(listing, input.nextToken)?.[0];
    const size = pageSize(input.maxResults);
    // A running execution's history is in memory (its last events may not be stored yet); a run that
    // goes on after its execution was stopped elsewhere is not the history.
    const running = row.status === 'RUNNING' ? this.core.runner.get(row.arn) : undefined;
    const events = running ? eventsAfter(running.exec.events, after, reverse, size + 1) : await this.core.store.eventsPage(row.arn, after, reverse, size + 1);
    const page = pageOf(listing, events, size, (e) => [e.id]);
    const include = input.includeExecutionData !== false;
    return { events: page.rows.map((e) => toWire(e, include)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  async RedriveExecution(ctx: RequestContext, input: RedriveExecutionInput) {
    refuseExpress(input.executionArn);
    const row = await this.core.executionOrThrow(ctx, input.executionArn);
    const reason = this.notRedrivable(row);
    if (reason) throw new ExecutionNotRedrivable(reason);
    if (this.core.runner.get(row.arn)) throw new ExecutionNotRedrivable(`Execution is RUNNING and cannot be redriven`);
    const now = this.core.clock.now();
    await this.core.runner.redrive(row, now);
    return { redriveDate: new Date(now) };
  }

  /** Why an execution cannot be redriven (AWS's redriveStatusReason), or undefined. */
  private notRedrivable(row: ExecutionRow): string | undefined {
    if (row.status === 'RUNNING' || row.status === 'SUCCEEDED') return `Execution is ${row.status} and cannot be redriven`;
    if (!row.checkpoint) return 'Execution cannot be redriven: no state to restart from';
    if (this.core.clock.now() - (row.stop_ms ?? 0) > REDRIVE_PERIOD_MS) return 'Execution cannot be redriven: its 14-day redrive period is over';
    if (row.redrive_count >= MAX_REDRIVES) return 'Execution cannot be redriven: it reached the maximum of 1000 redrives';
    return undefined;
  }
}

function newRow(ctx: RequestContext, arn: string, target: ExecutionTarget, name: string, data: string, now: number, mockCase?: string): ExecutionRow {
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
    mock_case: mockCase ?? null,
  };
}

/** Up to `limit` events (ids in increasing order) after the id `after`, or before it in reverse order. */
function eventsAfter(events: readonly HistoryEvent[], after: number | undefined, reverse: boolean, limit: number): HistoryEvent[] {
  const ordered = reverse ? events.slice().reverse() : events;
  const from = after === undefined ? 0 : ordered.findIndex((e) => (reverse ? e.id < after : e.id > after));
  return from < 0 ? [] : ordered.slice(from, from + limit);
}

/** The wire form of a history event: timestamp as a Date, details without execution data when asked. */
function toWire(e: HistoryEvent, includeData: boolean): WireHistoryEvent {
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
  return out as unknown as WireHistoryEvent;
}

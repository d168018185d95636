/**
 * Archives (events of a bus kept as they were accepted, filtered by a pattern) and replays (archived
 * events of a time range sent again to the bus's rules, with `replay-name` in each event). A replay is
 * a job (`events.replay`) that walks the archive in time order in batches and records its progress.
 */
import { arnFor, parseArn } from '../../../aws/arn.js';
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  IllegalStatusException, ResourceAlreadyExistsException, ResourceNotFoundException, type Archive, type CancelReplayRequest, type CancelReplayResponse, type CreateArchiveRequest, type CreateArchiveResponse,
  type DeleteArchiveRequest, type DeleteArchiveResponse, type DescribeArchiveRequest, type DescribeArchiveResponse,
  type DescribeReplayRequest, type DescribeReplayResponse, type EventBridgeApi, type ListArchivesRequest, type ListArchivesResponse,
  type ListReplaysRequest, type ListReplaysResponse, type Replay, type StartReplayRequest, type StartReplayResponse,
  type UpdateArchiveRequest, type UpdateArchiveResponse,
} from '../../../generated/events.js';
import type { Job } from '../../../jobs/index.js';
import type { Queryable } from '../../../storage/db.js';
import type { Scope } from '../../../storage/documents.js';
import { DELIVER_KIND, REPLAY_KIND, type EventEnvelope, type EventsCore } from '../core.js';
import { archives, replays, type StoredArchive, type StoredReplay } from '../store.js';
import { checkPattern } from './rules.js';

const REPLAY_BATCH = 100;
const DAY_MS = 86_400_000;

function archiveOut(a: StoredArchive): Archive & DescribeArchiveResponse {
  return {
    ArchiveName: a.name,
    ArchiveArn: a.arn,
    EventSourceArn: a.sourceArn,
    ...(a.eventPattern !== undefined ? { EventPattern: a.eventPattern } : {}),
    ...(a.description !== undefined ? { Description: a.description } : {}),
    RetentionDays: a.retentionDays,
    State: 'ENABLED',
    EventCount: a.eventCount,
    SizeBytes: a.sizeBytes,
    CreationTime: new Date(a.created),
  };
}

function replayOut(r: StoredReplay): Replay & DescribeReplayResponse {
  return {
    ReplayName: r.name,
    ReplayArn: r.arn,
    EventSourceArn: r.archiveArn,
    ...(r.description !== undefined ? { Description: r.description } : {}),
    Destination: { Arn: r.destinationArn, ...(r.filterArns ? { FilterArns: r.filterArns } : {}) },
    State: r.state,
    ...(r.stateReason ? { StateReason: r.stateReason } : {}),
    EventStartTime: new Date(r.eventStart),
    EventEndTime: new Date(r.eventEnd),
    ReplayStartTime: new Date(r.replayStart),
    ...(r.replayEnd !== undefined ? { ReplayEndTime: new Date(r.replayEnd) } : {}),
    ...(r.lastReplayed !== undefined ? { EventLastReplayedTime: new Date(r.lastReplayed) } : {}),
  };
}

type Ops =
  | 'CreateArchive' | 'DescribeArchive' | 'UpdateArchive' | 'DeleteArchive' | 'ListArchives'
  | 'StartReplay' | 'DescribeReplay' | 'CancelReplay' | 'ListReplays';

export class ArchiveOps implements Pick<EventBridgeApi, Ops> {
  constructor(private readonly core: EventsCore) {
    core.jobs.handle<{ name: string; after?: [number, string] }>(REPLAY_KIND, (job) => this.runReplay(job));
  }

  private async requireArchive(s: Scope, name: string, q: Queryable = this.core.db): Promise<StoredArchive> {
    const a = await archives.get(q, s, [name]);
    if (!a) throw new ResourceNotFoundException(`Archive ${name} does not exist.`);
    return a;
  }

  async CreateArchive(ctx: RequestContext, input: CreateArchiveRequest): Promise<CreateArchiveResponse> {
    const s = this.core.scopeOf(ctx);
    const source = parseArn(input.EventSourceArn);
    if (!source || source.service !== 'events' || !source.resource.startsWith('event-bus/')) throw new ValidationException(`Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.`);
    if (input.EventPattern !== undefined) checkPattern(input.EventPattern);
    const now = this.core.clock.now();
    const archive: StoredArchive = {
      name: input.ArchiveName,
      arn: arnFor('events', s, `archive/${input.ArchiveName}`),
      sourceArn: input.EventSourceArn,
      eventPattern: input.EventPattern,
      description: input.Description,
      retentionDays: input.RetentionDays ?? 0,
      created: now,
      eventCount: 0,
      sizeBytes: 0,
    };
    await this.core.db.tx(async (tx) => {
      await this.core.requireBus(s, source.resource.slice('event-bus/'.length), tx);
      if (await archives.get(tx, s, [input.ArchiveName])) throw new ResourceAlreadyExistsException(`Archive ${input.ArchiveName} already exists.`);
      await archives.put(tx, s, [input.ArchiveName], archive);
    });
    return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: new Date(now) };
  }

  async DescribeArchive(ctx: RequestContext, input: DescribeArchiveRequest): Promise<DescribeArchiveResponse> {
    const s = this.core.scopeOf(ctx);
    await this.expire(s, input.ArchiveName);
    return archiveOut(await this.requireArchive(s, input.ArchiveName));
  }

  async UpdateArchive(ctx: RequestContext, input: UpdateArchiveRequest): Promise<UpdateArchiveResponse> {
    const s = this.core.scopeOf(ctx);
    if (input.EventPattern !== undefined) checkPattern(input.EventPattern);
    const a = await this.core.db.tx(async (tx) => {
      const a = await this.requireArchive(s, input.ArchiveName, tx);
      if (input.EventPattern !== undefined) a.eventPattern = input.EventPattern;
      if (input.Description !== undefined) a.description = input.Description;
      if (input.RetentionDays !== undefined) a.retentionDays = input.RetentionDays;
      await archives.put(tx, s, [a.name], a);
      return a;
    });
    return { ArchiveArn: a.arn, State: 'ENABLED', CreationTime: new Date(a.created) };
  }

  async DeleteArchive(ctx: RequestContext, input: DeleteArchiveRequest): Promise<DeleteArchiveResponse> {
    const s = this.core.scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      await this.requireArchive(s, input.ArchiveName, tx);
      await tx.run('DELETE FROM events_archived WHERE account = ? AND region = ? AND archive = ?', [s.accountId, s.region, input.ArchiveName]);
      await archives.delete(tx, s, [input.ArchiveName]);
    });
    return {};
  }

  async ListArchives(ctx: RequestContext, input: ListArchivesRequest): Promise<ListArchivesResponse> {
    const s = this.core.scopeOf(ctx);
    if (input.State !== undefined && input.State !== 'ENABLED') return { Archives: [] };
    const page = await this.core.listNamed<StoredArchive>('events_archives', s, { operation: 'ListArchives', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit, filters: [input.EventSourceArn, input.State] });
    const items = input.EventSourceArn ? page.items.filter((a) => a.sourceArn === input.EventSourceArn) : page.items;
    return { Archives: items.map((a) => { const { Description: _d, EventPattern: _p, ArchiveArn: _a, ...rest } = archiveOut(a); return rest; }), ...(page.next ? { NextToken: page.next } : {}) };
  }

  /** Drops the archived events older than the archive's retention (0 keeps them for ever). */
  private async expire(s: Scope, name: string): Promise<void> {
    const a = await archives.get(this.core.db, s, [name]);
    if (!a || a.retentionDays <= 0) return;
    const cutoff = this.core.clock.now() - a.retentionDays * DAY_MS;
    await this.core.db.tx(async (tx) => {
      const gone = await tx.get<{ n: number; bytes: number }>('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(event)), 0) AS bytes FROM events_archived WHERE account = ? AND region = ? AND archive = ? AND time < ?', [s.accountId, s.region, name, cutoff]);
      if (!gone || Number(gone.n) === 0) return;
      await tx.run('DELETE FROM events_archived WHERE account = ? AND region = ? AND archive = ? AND time < ?', [s.accountId, s.region, name, cutoff]);
      const fresh = await archives.get(tx, s, [name]);
      if (!fresh) return;
      fresh.eventCount = Math.max(0, fresh.eventCount - Number(gone.n));
      fresh.sizeBytes = Math.max(0, fresh.sizeBytes - Number(gone.bytes));
      await archives.put(tx, s, [name], fresh);
    });
  }

  async StartReplay(ctx: RequestContext, input: StartReplayRequest): Promise<StartReplayResponse> {
    const s = this.core.scopeOf(ctx);
    const source = parseArn(input.EventSourceArn);
    if (!source || source.service !== 'events' || !source.resource.startsWith('archive/')) throw new ValidationException('Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.');
    const start = input.EventStartTime.getTime();
    const end = input.EventEndTime.getTime();
    if (start >= end) throw new ValidationException('Parameter EventStartTime is not valid. Reason: EventStartTime must be before EventEndTime.');
    if (end > this.core.clock.now()) throw new ValidationException('Parameter EventEndTime is not valid. Reason: EventEndTime must not be in the future.');
    const archiveName = source.resource.slice('archive/'.length);
    await this.expire(s, archiveName);
    const now = this.core.clock.now();
    const replay: StoredReplay = {
      name: input.ReplayName,
      arn: arnFor('events', s, `replay/${input.ReplayName}`),
      archiveArn: input.EventSourceArn,
      description: input.Description,
      destinationArn: input.Destination.Arn,
      filterArns: input.Destination.FilterArns,
      eventStart: start,
      eventEnd: end,
      state: 'STARTING',
      replayStart: now,
    };
    await this.core.db.tx(async (tx) => {
      const archive = await this.requireArchive(s, archiveName, tx);
      if (archive.sourceArn !== input.Destination.Arn) throw new ValidationException('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
      if (await replays.get(tx, s, [input.ReplayName])) throw new ResourceAlreadyExistsException(`Replay ${input.ReplayName} already exists.`);
      await replays.put(tx, s, [input.ReplayName], replay);
    });
    await this.core.jobs.enqueue({ kind: REPLAY_KIND, key: `${s.accountId}/${s.region}/${input.ReplayName}`, account: s.accountId, region: s.region, payload: { name: input.ReplayName } });
    return { ReplayArn: replay.arn, State: replay.state, ReplayStartTime: new Date(now) };
  }

  /** One batch of a replay: the next archived events in time order, then the next batch or the end. */
  private async runReplay(job: Job<{ name: string; after?: [number, string] }>) {
    const s = { accountId: job.account, region: job.region };
    const now = this.core.clock.now();
    const outcome = await this.core.db.tx(async (tx) => {
      const r = await replays.get(tx, s, [job.payload.name]);
      if (!r || r.state === 'COMPLETED' || r.state === 'CANCELLED' || r.state === 'FAILED') return { done: true, jobs: 0 };
      if (r.state === 'CANCELLING') {
        await replays.put(tx, s, [r.name], { ...r, state: 'CANCELLED', replayEnd: now });
        return { done: true, jobs: 0 };
      }
      const archiveName = r.archiveArn.split(':archive/')[1] ?? '';
      const after = job.payload.after ?? [r.eventStart - 1, '\uffff'];
      const rows = await tx.all<{ time: number; id: string; event: string }>(
        'SELECT time, id, event FROM events_archived WHERE account = ? AND region = ? AND archive = ? AND (time > ? OR (time = ? AND id > ?)) AND time < ? ORDER BY time, id LIMIT ?',
        [s.accountId, s.region, archiveName, after[0], after[0], after[1], r.eventEnd, REPLAY_BATCH],
      );
      const bus = parseArn(r.destinationArn)?.resource.slice('event-bus/'.length) ?? 'default';
      const onlyRules = r.filterArns?.length ? new Set(r.filterArns) : undefined;
      let jobs = 0;
      for (const row of rows) {
        const event = { ...(JSON.parse(row.event) as EventEnvelope), 'replay-name': r.name };
        // A replayed event keeps its id: its delivery jobs are keyed by the replay's name too.
        jobs += await this.core.ingest(tx, s, bus, event, now, { onlyRules, replayKey: r.name });
      }
      const last = rows[rows.length - 1];
      const finished = rows.length < REPLAY_BATCH;
      await replays.put(tx, s, [r.name], { ...r, state: finished ? 'COMPLETED' : 'RUNNING', ...(last ? { lastReplayed: Number(last.time) } : {}), ...(finished ? { replayEnd: now } : {}) });
      return { done: finished, jobs, after: last ? ([Number(last.time), last.id] as [number, string]) : undefined };
    });
    if (outcome.jobs > 0) this.core.jobs.wake(DELIVER_KIND, now);
    if (outcome.done) return;
    return { then: 'reschedule' as const, dueAt: now, payload: { name: job.payload.name, after: outcome.after } };
  }

  async DescribeReplay(ctx: RequestContext, input: DescribeReplayRequest): Promise<DescribeReplayResponse> {
    const r = await replays.get(this.core.db, this.core.scopeOf(ctx), [input.ReplayName]);
    if (!r) throw new ResourceNotFoundException(`Replay ${input.ReplayName} does not exist.`);
    return replayOut(r);
  }

  async CancelReplay(ctx: RequestContext, input: CancelReplayRequest): Promise<CancelReplayResponse> {
    const s = this.core.scopeOf(ctx);
    const r = await this.core.db.tx(async (tx) => {
      const r = await replays.get(tx, s, [input.ReplayName]);
      if (!r) throw new ResourceNotFoundException(`Replay ${input.ReplayName} does not exist.`);
      if (r.state !== 'STARTING' && r.state !== 'RUNNING') throw new IllegalStatusException(`Replay ${input.ReplayName} is not in a valid state for this operation.`);
      const cancelling: StoredReplay = { ...r, state: 'CANCELLING' };
      await replays.put(tx, s, [r.name], cancelling);
      return cancelling;
    });
    return { ReplayArn: r.arn, State: r.state };
  }

  async ListReplays(ctx: RequestContext, input: ListReplaysRequest): Promise<ListReplaysResponse> {
    const s = this.core.scopeOf(ctx);
    const page = await this.core.listNamed<StoredReplay>('events_replays', s, { operation: 'ListReplays', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit, filters: [input.EventSourceArn, input.State] });
    const items = page.items.filter((r) => (!input.State || r.state === input.State) && (!input.EventSourceArn || r.archiveArn === input.EventSourceArn));
    return { Replays: items.map((r) => { const { Description: _d, Destination: _x, ReplayArn: _a, ...rest } = replayOut(r); return rest; }), ...(page.next ? { NextToken: page.next } : {}) };
  }
}

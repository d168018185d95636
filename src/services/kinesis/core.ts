/**
 * What the Kinesis families share: the database, the clock, the tags table, the lookup of the stream
 * a request names (StreamName or StreamARN) with AWS's not-found error, a stream's status on the
 * platform clock (CREATING and UPDATING last `services.kinesis.streamActivationMs`, 0 by default,
 * as DynamoDB's tables do), and the jobs that trim expired records and purge deleted streams.
 */
import { arnFor, parseArn } from '../../aws/arn.js';
import type { RequestContext } from '../../core/context.js';
import { InvalidArgumentException, LimitExceededException, ResourceInUseException, ResourceNotFoundException } from '../../generated/kinesis.js';
import type { Db, Queryable } from '../../storage/db.js';
import { TagStore } from '../../storage/tags.js';
import type { Platform } from '../service.js';
import { shardIdOf, shardIndexOf, type ShardInfo } from './shards.js';
import { accountUsage, dropCounters, KINESIS_MIGRATIONS, oldestArrival, purgeRecords, readStream, trimRecords, type StreamDoc } from './store.js';

export const TRIM_KIND = 'kinesis.trim';
export const PURGE_KIND = 'kinesis.purge';
const HOUR = 3_600_000;
/** Records deleted per shard and per statement by the trim and purge jobs. */
const CHUNK = 5000;

export interface Scope {
  accountId: string;
  region: string;
}

export interface StreamRef {
  StreamName?: string;
  StreamARN?: string;
}

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

export class KinesisCore {
  readonly db: Db;
  readonly activationMs: number;
  /** Open shards of provisioned streams per account and region (AWS's default quota: 500 in us-east-1, us-west-2 and eu-west-1, 200 elsewhere). */
  private readonly shardLimitSetting: number | undefined;
  /** On-demand streams per account and region (AWS's default quota: 50). */
  readonly onDemandStreamLimit: number;

  private constructor(
    readonly platform: Platform,
    readonly tags: TagStore,
  ) {
    this.db = platform.db;
    const opts = platform.config.services?.kinesis ?? {};
    this.activationMs = typeof opts.streamActivationMs === 'number' ? opts.streamActivationMs : 0;
    this.shardLimitSetting = typeof opts.shardLimit === 'number' ? opts.shardLimit : undefined;
    this.onDemandStreamLimit = typeof opts.onDemandStreamLimit === 'number' ? opts.onDemandStreamLimit : 50;
  }

  shardLimit(region: string): number {
    return this.shardLimitSetting ?? (['us-east-1', 'us-west-2', 'eu-west-1'].includes(region) ? 500 : 200);
  }

  /** AWS's LimitExceededException when `added` more provisioned shards would pass the account's shard quota. */
  async checkShardLimit(q: Queryable, scope: Scope, added: number): Promise<void> {
    if (added <= 0) return;
    const { provisionedShards } = await accountUsage(q, scope.accountId, scope.region);
    const limit = this.shardLimit(scope.region);
    if (provisionedShards + added > limit) {
      throw new LimitExceededException(
        `This request would exceed the shard limit for the account ${scope.accountId} in ${scope.region}. Current shard count for the account: ${provisionedShards}. ` +
          `Limit: ${limit}. Number of additional shards that would have resulted from this request: ${added}. ` +
          'Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
      );
    }
  }

  static async open(platform: Platform): Promise<KinesisCore> {
    await platform.db.migrate('kinesis', KINESIS_MIGRATIONS);
    const core = new KinesisCore(platform, await TagStore.open(platform.db));
    platform.jobs.handle<{ account: string; region: string; name: string; id: string }>(TRIM_KIND, (job) => core.trim(job.payload), { concurrency: 2 });
    platform.jobs.handle<{ id: string }>(PURGE_KIND, (job) => core.purge(job.payload.id), { concurrency: 2 });
    return core;
  }

  now(): number {
    return this.platform.clock.now();
  }

  /** In-process readers waiting for a shard's records (SubscribeToShard, Lambda's pollers), by `<stream ARN>#<shard index>`. */
  private readonly watchers = new Map<string, Set<() => void>>();

  /** Calls `wake` after each committed put to the shard, until the returned function is called. */
  watch(streamArn: string, shard: number, wake: () => void): () => void {
    const key = `${streamArn}#${shard}`;
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.watchers.get(key) === set) this.watchers.delete(key);
    };
  }

  notify(streamArn: string, shards: Iterable<number>): void {
    if (this.watchers.size === 0) return;
    for (const shard of shards) for (const wake of this.watchers.get(`${streamArn}#${shard}`) ?? []) wake();
  }

  /** Where a request's stream is, and its name: the ARN's account and region, else the caller's. */
  locate(ctx: Scope, ref: StreamRef): { scope: Scope; name: string } {
    if (ref.StreamARN !== undefined) {
      const arn = parseArn(ref.StreamARN);
      const name = arn?.service === 'kinesis' && arn.resource.startsWith('stream/') ? arn.resource.slice('stream/'.length) : undefined;
      if (!arn || name === undefined || name === '' || name.includes('/')) throw new InvalidArgumentException(`StreamARN ${ref.StreamARN} is invalid.`);
      if (ref.StreamName !== undefined && ref.StreamName !== name) {
        throw new InvalidArgumentException(`StreamName ${ref.StreamName} does not match the stream name in StreamARN ${ref.StreamARN}.`);
      }
      return { scope: { accountId: arn.account, region: arn.region }, name };
    }
    if (ref.StreamName === undefined) throw new InvalidArgumentException('Neither streamArn or streamName was provided');
    return { scope: { accountId: ctx.accountId, region: ctx.region }, name: ref.StreamName };
  }

  /** The stream a request names, or AWS's ResourceNotFoundException. */
  async stream(ctx: Scope, ref: StreamRef, q: Queryable = this.db): Promise<{ scope: Scope; doc: StreamDoc }> {
    const { scope, name } = this.locate(ctx, ref);
    const doc = await readStream(q, scope.accountId, scope.region, name);
    if (!doc) throw notFound(name, scope.accountId);
    return { scope, doc };
  }

  /** The stream, refused unless ACTIVE or UPDATING (writes and reads): AWS answers not found for one still CREATING. */
  async usableStream(ctx: Scope, ref: StreamRef, q: Queryable = this.db): Promise<{ scope: Scope; doc: StreamDoc }> {
    const found = await this.stream(ctx, ref, q);
    if (this.status(found.doc) === 'CREATING') throw notFound(found.doc.name, found.scope.accountId);
    return found;
  }

  /** The stream, refused with ResourceInUseException unless ACTIVE (resharding, retention, mode). */
  async activeStream(ctx: Scope, ref: StreamRef, q: Queryable = this.db): Promise<{ scope: Scope; doc: StreamDoc }> {
    const found = await this.stream(ctx, ref, q);
    const status = this.status(found.doc);
    if (status !== 'ACTIVE') throw new ResourceInUseException(`Stream ${found.doc.name} under account ${found.scope.accountId} not ACTIVE, instead in state ${status}`);
    return found;
  }

  status(doc: StreamDoc): StreamStatus {
    const now = this.now();
    if (now < doc.activeAt) return 'CREATING';
    if (doc.updatingUntil !== undefined && now < doc.updatingUntil) return 'UPDATING';
    return 'ACTIVE';
  }

  /** A shard of the stream, or AWS's error for one it does not have. */
  shard(doc: StreamDoc, scope: Scope, shardId: string): ShardInfo {
    const idx = shardIndexOf(shardId);
    const shard = idx === undefined ? undefined : doc.shards.find((s) => s.index === idx);
    if (!shard) throw new ResourceNotFoundException(`Shard ${shardId} in stream ${doc.name} under account ${scope.accountId} does not exist`);
    return shard;
  }

  /** Schedules the trimming of a stream's expired records (one job per stream, due at the first expiry). */
  async scheduleTrim(scope: Scope, doc: StreamDoc, dueAt: number): Promise<void> {
    await this.platform.jobs.enqueue({ kind: TRIM_KIND, key: doc.id, account: scope.accountId, region: scope.region, dueAt, payload: { account: scope.accountId, region: scope.region, name: doc.name, id: doc.id } }, 'earlier');
  }

  async schedulePurge(scope: Scope, id: string): Promise<void> {
    await this.platform.jobs.enqueue({ kind: PURGE_KIND, key: id, account: scope.accountId, region: scope.region, payload: { id } }, 'replace');
  }

  /** Deletes the records past the stream's retention; runs again at the next record's expiry. */
  private async trim(p: { account: string; region: string; name: string; id: string }): Promise<{ then: 'reschedule'; dueAt: number } | { then: 'done' }> {
    const doc = await readStream(this.db, p.account, p.region, p.name);
    if (!doc || doc.id !== p.id) return { then: 'done' };
    const retention = doc.retentionHours * HOUR;
    const now = this.now();
    const more = await this.db.tx((tx) =>
      trimRecords(
        tx,
        doc.id,
        doc.shards.map((s) => s.index),
        now - retention,
        CHUNK,
      ),
    );
    if (more) return { then: 'reschedule', dueAt: now };
    const oldest = await oldestArrival(this.db, doc.id);
    return { then: 'reschedule', dueAt: oldest === undefined ? now + retention : Math.max(now, oldest + retention) };
  }

  private async purge(id: string): Promise<{ then: 'retry'; delayMs: number; countAttempt: false } | { then: 'done' }> {
    const more = await this.db.tx(async (tx) => {
      const left = await purgeRecords(tx, id, CHUNK);
      if (!left) await dropCounters(tx, id);
      return left;
    });
    return more ? { then: 'retry', delayMs: 0, countAttempt: false } : { then: 'done' };
  }
}

export function notFound(name: string, account: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Stream ${name} under account ${account} not found.`);
}

export function streamArn(scope: Scope, name: string): string {
  return arnFor('kinesis', scope, `stream/${name}`);
}

export { shardIdOf };

/**
 * What the SQS families share: the database, clock, jobs and tags; queue URLs and ARNs; finding the
 * queue a request names; receipt handles; and the in-process wake-ups of long polls.
 */
import { randomBytes } from 'node:crypto';
import { arnFor, parseArn } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { Clock, TimerHandle } from '../../core/clock.js';
import type { Jobs } from '../../jobs/index.js';
import type { Db, Queryable } from '../../storage/db.js';
import { TagStore } from '../../storage/tags.js';
import { ResourcePolicyCache } from '../../aws/iam-resource-policies.js';
import { noSuchQueue, receiptHandleInvalid } from './errors.js';
import { SQS_MIGRATIONS, type QueueRow } from './store.js';

export interface Queue extends QueueRow {
  /** The attributes as stored (settable ones, defaults included). */
  a: Record<string, string>;
  arn: string;
}

export interface QueueScope {
  accountId: string;
  region: string;
}

const cores = new WeakMap<object, SqsCore>();

export function registerSqsCore(platform: object, core: SqsCore): void {
  cores.set(platform, core);
}

/**
 * The SQS core of a platform, for in-process consumers of the same server (Lambda's event-source
 * mappings wait on its long-poll wake-ups); undefined when SQS is not loaded.
 */
export function sqsCoreOf(platform: object): SqsCore | undefined {
  return cores.get(platform);
}

export class SqsCore {
  /** Long polls waiting on a queue (by id): each is called when a message may have arrived. */
  private readonly waiters = new Map<number, Set<() => void>>();

  /** Queue policies and owners for `--iam enforce`, by queue ARN (cleared with the queue cache). */
  readonly policies: ResourcePolicyCache;

  private constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly jobs: Jobs,
    readonly tags: TagStore,
    private readonly endpoint: () => string,
  ) {
    this.policies = new ResourcePolicyCache(clock, async (arn) => {
      const queue = await this.queueByArn(arn);
      return queue && { accountId: queue.account, policy: queue.a.Policy };
    });
  }

  static async open(db: Db, clock: Clock, jobs: Jobs, endpoint: () => string): Promise<SqsCore> {
    await db.migrate('sqs', SQS_MIGRATIONS);
    return new SqsCore(db, clock, jobs, await TagStore.open(db), endpoint);
  }

  /** `http://sqs.{region}.localhost:{port}/{account}/{name}`: AWS's form on this server's port. */
  queueUrl(scope: QueueScope, name: string): string {
    const port = /:(\d+)$/.exec(this.endpoint())?.[1];
    return `http://sqs.${scope.region}.localhost${port ? `:${port}` : ''}/${scope.accountId}/${name}`;
  }

  queueArn(scope: QueueScope, name: string): string {
    return arnFor('sqs', scope, name);
  }

  /**
   * The account, region and name a QueueUrl names: its path is /{account}/{name}; the region is the
   * host's (`sqs.{region}.`, `{region}.queue.`) or else the caller's.
   */
  parseUrl(ctx: RequestContext, url: string): { scope: QueueScope; name: string } {
    const m = /^(?:https?:\/\/([^/]*))?\/(\d{12})\/([A-Za-z0-9_.-]{1,80})\/?$/.exec(url);
    if (!m) {
      // AWS accepts a bare queue name where a URL is expected, in the caller's account.
      if (/^[A-Za-z0-9_-]{1,80}(\.fifo)?$/.test(url)) return { scope: { accountId: ctx.accountId, region: ctx.region }, name: url };
      throw new AwsError('InvalidAddress', `The address ${url} is not valid for this endpoint.`, 404);
    }
    const host = (m[1] ?? '').toLowerCase();
    const region = /^sqs\.([a-z0-9-]+)\./.exec(host)?.[1] ?? /^([a-z]{2}(?:-[a-z]+)+-\d)\.queue\./.exec(host)?.[1] ?? ctx.region;
    return { scope: { accountId: m[2]!, region }, name: m[3]! };
  }

  /** The queue a QueueUrl names, or QueueDoesNotExist. */
  async queueByUrl(ctx: RequestContext, url: string, q: Queryable = this.db): Promise<Queue> {
    const { scope, name } = this.parseUrl(ctx, url);
    const queue = await this.queue(scope, name, q);
    if (!queue) throw noSuchQueue();
    return queue;
  }

  /**
   * The queue a QueueUrl names, from a cache of the queues that messages were sent to, received or
   * deleted from lately (the busy path; a lookup is otherwise a query and a JSON parse per
   * request). Operations that change or delete a queue call queuesChanged() once committed; a
   * transaction that depends on the queue's current attributes checks them with current().
   */
  async cachedQueueByUrl(ctx: RequestContext, url: string): Promise<Queue> {
    const key = `${ctx.accountId}\n${ctx.region}\n${url}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const generation = this.generation;
    const queue = await this.queueByUrl(ctx, url);
    if (generation === this.generation) {
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(key, queue);
    }
    return queue;
  }

  private readonly cache = new Map<string, Queue>();
  private generation = 0;

  /** A queue was created, changed or deleted: cached lookups are read again. */
  queuesChanged(): void {
    this.generation++;
    this.cache.clear();
    this.policies.changed();
  }

  /** The queue as it is now in this transaction (`queue` itself when its attributes are unchanged), or undefined once deleted. */
  async current(queue: Queue, tx: Queryable): Promise<Queue | undefined> {
    const row = await tx.get<{ attrs: string }>('SELECT attrs FROM sqs_queues WHERE id = ?', [queue.id]);
    if (!row) return undefined;
    return row.attrs === queue.attrs ? queue : this.queueById(queue.id, tx);
  }

  async queue(scope: QueueScope, name: string, q: Queryable = this.db): Promise<Queue | undefined> {
    const row = await q.get<QueueRow>('SELECT * FROM sqs_queues WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
    return row && this.withAttrs(row);
  }

  async queueById(id: number, q: Queryable = this.db): Promise<Queue | undefined> {
    const row = await q.get<QueueRow>('SELECT * FROM sqs_queues WHERE id = ?', [id]);
    return row && this.withAttrs(row);
  }

  /** The queue an SQS ARN names, if it exists. */
  async queueByArn(arn: string, q: Queryable = this.db): Promise<Queue | undefined> {
    const parsed = parseArn(arn);
    if (!parsed || parsed.service !== 'sqs' || !parsed.account || !parsed.region) return undefined;
    return this.queue({ accountId: parsed.account, region: parsed.region }, parsed.resource, q);
  }

  private withAttrs(row: QueueRow): Queue {
    return { ...row, id: Number(row.id), next_seq: Number(row.next_seq), a: JSON.parse(row.attrs) as Record<string, string>, arn: this.queueArn({ accountId: row.account, region: row.region }, row.name) };
  }

  // Long polls ------------------------------------------------------------------------------

  /** Registers a long poll on a queue; returns its removal. */
  wait(queueId: number, wake: () => void): () => void {
    let set = this.waiters.get(queueId);
    if (!set) this.waiters.set(queueId, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.waiters.get(queueId) === set) this.waiters.delete(queueId);
    };
  }

  /** Wake-up timers for messages that become visible later (delays, visibility timeouts), by queue. */
  private readonly timers = new Map<number, TimerHandle>();

  /** Messages become visible at `at`: wakes the long polls waiting then (one timer per queue, the earliest). */
  notifyAt(queueId: number, at: number): void {
    if (!this.waiters.has(queueId)) return; // a long poll that starts later reads the next time itself
    const current = this.timers.get(queueId);
    if (current && current.due <= at) return;
    current?.cancel();
    this.timers.set(
      queueId,
      this.clock.setTimer(at - this.clock.now(), () => {
        this.timers.delete(queueId);
        this.notify(queueId);
      }),
    );
  }

  /** Stops the wake-up timers (the server is stopping). */
  close(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  /** Messages became visible on a queue: wakes up to `count` long polls (oldest first). */
  notify(queueId: number, count = Infinity): void {
    const set = this.waiters.get(queueId);
    if (!set) return;
    for (const wake of [...set]) {
      if (count-- <= 0) break;
      set.delete(wake);
      wake();
    }
    if (set.size === 0) this.waiters.delete(queueId);
  }
}

// Receipt handles -----------------------------------------------------------------------------

const HANDLE_VERSION = 1;

/** A fresh receipt nonce (hex), stored with the message while this receive holds it. */
let pool = Buffer.alloc(0);
let poolAt = 0;
export function newNonce(): string {
  if (poolAt + 12 > pool.length) {
    pool = randomBytes(12 * 256);
    poolAt = 0;
  }
  const s = pool.toString('hex', poolAt, poolAt + 12);
  poolAt += 12;
  return s;
}

/** A receipt handle: the queue id, the message's seq and the receive's nonce, base64. */
export function encodeHandle(queueId: number, seq: number, nonce: string): string {
  const b = Buffer.allocUnsafe(27); // every byte written below
  b.writeUInt8(HANDLE_VERSION, 0);
  b.writeUIntBE(queueId, 1, 6);
  b.writeUInt32BE(Math.floor(seq / 2 ** 32), 7); // seq as 64 bits, without a BigInt per message
  b.writeUInt32BE(seq >>> 0, 11);
  b.write(nonce, 15, 12, 'hex');
  return `AQEB${b.toString('base64')}`;
}

export interface Handle {
  queueId: number;
  seq: number;
  nonce: string;
}

/** Decodes a receipt handle of `queueId`'s, or AWS's ReceiptHandleIsInvalid. */
export function decodeHandle(handle: string, queueId: number): Handle {
  if (!handle.startsWith('AQEB') || handle.length !== 40) throw receiptHandleInvalid(handle);
  const b = Buffer.from(handle.slice(4), 'base64');
  if (b.length !== 27 || b.readUInt8(0) !== HANDLE_VERSION || b.toString('base64') !== handle.slice(4)) throw receiptHandleInvalid(handle);
  const id = b.readUIntBE(1, 6);
  if (id !== queueId) throw receiptHandleInvalid(handle);
  return { queueId: id, seq: Number(b.readBigUInt64BE(7)), nonce: b.toString('hex', 15, 27) };
}

/** A 20-digit FIFO sequence number for a message's seq, increasing with it. */
export function sequenceNumber(seq: number): string {
  return (10n ** 19n + BigInt(seq)).toString();
}

export function queueIdFor(): number {
  return randomBytes(6).readUIntBE(0, 6) || 1;
}

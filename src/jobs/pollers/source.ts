/**
 * The two ends of an event-source mapping (Lambda ESM, later Pipes): where records come from and
 * where batches of them go. Modelled on LocalStack's event_source_mapping pollers and senders: a
 * source adapter per service (SQS, Kinesis, DynamoDB Streams), a sender per target (Lambda).
 */

/** One record read from a shard, with the position just after it (what a checkpoint stores). */
export interface SourceEntry<R> {
  readonly record: R;
  readonly position: string;
  /** Its size in the payload the sender builds, for the batch's byte cap. */
  readonly bytes: number;
}

export interface Source<R> {
  /** The shards to read; each is polled under its own lease. A queue is a single shard. */
  shards(): Promise<readonly string[]>;
  /**
   * Up to `limit` records of `shard` after `position`, oldest first; `position` null means the
   * mapping's starting position (TRIM_HORIZON, LATEST, AT_TIMESTAMP). A stream reads without side
   * effects; a queue receives (its messages become invisible for its visibility timeout).
   */
  read(shard: string, position: string | null, limit: number): Promise<readonly SourceEntry<R>[]>;
  /**
   * The records were delivered or filtered out, and the checkpoint moves past them: a queue deletes
   * its messages. Streams need nothing (the checkpoint in SQL is their progress).
   */
  acknowledge?(shard: string, records: readonly R[]): Promise<void>;
  /**
   * In-process wake-ups: calls `wake` whenever records may have arrived on `shard` (a send, a write
   * committed), until the returned function is called. A source that has it is waited on by its
   * poller rather than read again after a pause, so a record reaches its target at once.
   */
  subscribe?(shard: string, wake: () => void): () => void;
  /**
   * Whether the shard has ended (a Kinesis shard closed by a reshard and read to its end): its poller
   * then reads it again only rarely, its checkpoint kept, instead of after each idle pause.
   */
  finished?(shard: string): boolean;
}

export interface SendContext {
  readonly mapping: string;
  readonly shard: string;
  /** Earlier failed sends of this batch. */
  readonly attempt: number;
  /** Aborted when the mapping stops or the process stops its jobs: a sender that retries inside gives up. */
  readonly signal: AbortSignal;
  /**
   * What the sender keeps about this shard between batches (a tumbling window's state), JSON: saved
   * with the checkpoint in the same transaction when the send succeeds, left as it was when it fails.
   */
  readonly carry: { value: unknown };
}

/** What a queue's sender answers: the records that failed stay in the queue (not acknowledged). */
export interface SendResult<R> {
  readonly failed: readonly R[];
}

export interface Sender<R> {
  /**
   * Delivers one batch; throws if the target failed (the batch is sent again after a backoff). A
   * queue's sender may answer the records that failed instead: the others are acknowledged, and
   * the failed ones come back through the queue's own redelivery (visibility timeout, redrive).
   */
  send(records: readonly R[], context: SendContext): Promise<void | SendResult<R>>;
  /**
   * When the sender must be called even if no record arrives (with an empty batch), given what it
   * carries: a tumbling window's end. Undefined: only when records arrive.
   */
  dueAt?(carry: unknown): number | undefined;
}

/** Which records a mapping passes on (FilterCriteria, through the shared event-pattern matcher). */
export type RecordFilter<R> = (record: R) => boolean;

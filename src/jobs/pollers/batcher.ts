/** Gathers records into one batch, as Lambda's event-source mappings do. */

export interface BatchLimits {
  /** Records per batch (BatchSize). */
  readonly maxRecords: number;
  /** Bytes per batch (a Lambda payload's 6 MB). */
  readonly maxBytes: number;
  /** How long a batch that is not full may wait for more records (MaximumBatchingWindowInSeconds), from its first record. */
  readonly windowMs: number;
}

export class Batcher<R> {
  private readonly taken: R[] = [];
  private bytes = 0;
  private openedAt: number | undefined;

  constructor(private readonly limits: BatchLimits) {}

  get records(): readonly R[] {
    return this.taken;
  }

  /** How many more records fit. */
  get room(): number {
    return Math.max(0, this.limits.maxRecords - this.taken.length);
  }

  get full(): boolean {
    return this.taken.length >= this.limits.maxRecords || this.bytes >= this.limits.maxBytes;
  }

  /** Takes the record unless the batch is full or it would pass the byte cap; a batch always takes its first record. */
  add(record: R, bytes: number, now: number): boolean {
    if (this.full || (this.taken.length > 0 && this.bytes + bytes > this.limits.maxBytes)) return false;
    this.taken.push(record);
    this.bytes += bytes;
    this.openedAt ??= now;
    return true;
  }

  /** When the batch goes even if not full: its window's end (undefined while empty). */
  get deadline(): number | undefined {
    return this.openedAt === undefined ? undefined : this.openedAt + this.limits.windowMs;
  }
}

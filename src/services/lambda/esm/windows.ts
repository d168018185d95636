/**
 * Tumbling windows (TumblingWindowInSeconds) of Kinesis and DynamoDB Streams mappings: windows are
 * aligned on multiples of their length since the epoch, and a record belongs to the window of its
 * arrival time in the stream (Kinesis's approximate arrival, DynamoDB's ApproximateCreationDateTime).
 * A batch holds the records of one window (the poller's `together`). Each invocation gets the
 * window, the state the function answered last in that window (`{}` at first), the shard and the
 * source ARN; the function must answer `{ state }` (a response without it is a failed invocation,
 * retried as any failed batch). The state is the poller's carry: saved with the checkpoint, so it
 * survives a restart. Once the window has ended on the platform clock (or a record of a later
 * window arrives first), the function is invoked one last time with no records,
 * `isFinalInvokeForWindow: true`, retried until it succeeds, and the state is dropped. A state over
 * 1 MB ends its window early: the final invoke says `isWindowTerminatedEarly`, and the window goes
 * on with a fresh state.
 */
import type { SendContext, Sender } from '../../../jobs/pollers/source.js';
import type { Platform } from '../../service.js';
import { sleep, type MappingInvocation } from './invoke.js';
import type { MappingDoc } from './model.js';
import type { StreamRecordKind, StreamSender } from './streams.js';

/** What a shard carries between batches: its open window (start, epoch ms) and the state the function answered. */
export interface WindowCarry {
  start: number;
  state: unknown;
}

/** A state larger than this (as JSON) ends its window early, as AWS's 1 MB per shard does. */
const MAX_STATE_BYTES = 1024 * 1024;
/** A failed final invoke is tried again after this long, doubling up to 30 s: the shard waits meanwhile. */
const FINAL_RETRY_MS = 200;

type Invoke = (event: unknown, signal: AbortSignal) => Promise<MappingInvocation | undefined>;

const windowTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class WindowSender<R> implements Sender<R> {
  private readonly lengthMs: number;

  constructor(
    private readonly platform: Platform,
    private readonly doc: MappingDoc,
    private readonly inner: StreamSender<R>,
    private readonly kind: StreamRecordKind<R>,
    private readonly invoke: Invoke,
  ) {
    this.lengthMs = (doc.TumblingWindowInSeconds ?? 0) * 1000;
  }

  /** The start of the window a record falls in. */
  windowOf(record: R): number {
    const at = this.kind.arrival(record);
    return at - (((at % this.lengthMs) + this.lengthMs) % this.lengthMs);
  }

  /** Records of one window go in one batch. */
  readonly together = (first: R, next: R): boolean => this.windowOf(first) === this.windowOf(next);

  dueAt(carry: unknown): number | undefined {
    const open = carry as WindowCarry | undefined;
    return open ? open.start + this.lengthMs : undefined;
  }

  async send(records: readonly R[], context: SendContext): Promise<void> {
    let open = context.carry.value as WindowCarry | undefined;
    const start = records.length > 0 ? this.windowOf(records[0]!) : undefined;
    // The open window has ended (by the clock, or a later window's records came first): its final invoke.
    if (open && (start !== undefined ? start !== open.start : this.platform.clock.now() >= open.start + this.lengthMs)) {
      await this.final(open, false, context);
      open = undefined;
      context.carry.value = undefined;
    }
    if (start === undefined) return;
    let state: unknown = open?.state ?? {};
    const end = start + this.lengthMs;
    await this.inner.send(records, context, {
      event: (batch) => ({
        Records: batch,
        window: { start: windowTime(start), end: windowTime(end) },
        state,
        shardId: context.shard,
        eventSourceARN: this.doc.EventSourceArn,
        isFinalInvokeForWindow: false,
        isWindowTerminatedEarly: false,
      }),
      accepts: (response) => {
        if (response === null || typeof response !== 'object' || !('state' in response)) return false;
        state = (response as { state: unknown }).state;
        return true;
      },
    });
    if (Buffer.byteLength(JSON.stringify(state ?? null)) > MAX_STATE_BYTES) {
      await this.final({ start, state }, true, context);
      state = {};
    }
    context.carry.value = { start, state } satisfies WindowCarry;
  }

  /** The window's last invocation (no records), repeated until the function succeeds; throws when stopping. */
  private async final(open: WindowCarry, early: boolean, context: SendContext): Promise<void> {
    const event = {
      Records: [],
      window: { start: windowTime(open.start), end: windowTime(open.start + this.lengthMs) },
      state: open.state,
      shardId: context.shard,
      eventSourceARN: this.doc.EventSourceArn,
      isFinalInvokeForWindow: true,
      isWindowTerminatedEarly: early,
    };
    for (let wait = FINAL_RETRY_MS; ; wait = Math.min(30_000, wait * 2)) {
      if (context.signal.aborted) throw new Error('stopping');
      const out = await this.invoke(event, context.signal);
      if (!out) throw new Error('stopping');
      if (out.result.outcome === 'success') return;
      await sleep(this.platform.clock, wait, context.signal);
    }
  }
}

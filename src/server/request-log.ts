/**
 * The recent AWS API requests, kept in memory for `GET /_stratus/requests` (the console's live
 * request log). A fixed ring: recording one is a few stores into a preallocated slot, nothing
 * allocated per request beyond the entry object, and memory stays bounded however long the server runs.
 */

export interface RequestRecord {
  /** Increasing from 1 across the server's life: `since` asks for the records after one. */
  seq: number;
  /** ISO time on the platform clock. */
  time: string;
  service: string;
  operation: string | null;
  status: number;
  durationMs: number;
  requestId: string;
}

export const REQUEST_LOG_CAPACITY = 1000;

/** A kept request: numbers only, made into a RequestRecord when read. */
interface Slot {
  seq: number;
  at: number;
  service: string;
  operation: string | null;
  status: number;
  durationMs: number;
  requestId: string;
}

export class RequestLog {
  private readonly ring: (Slot | undefined)[];
  private next = 1;

  constructor(readonly capacity = REQUEST_LOG_CAPACITY) {
    this.ring = new Array<Slot | undefined>(capacity);
  }

  record(time: number, service: string, operation: string | null, status: number, durationMs: number, requestId: string): void {
    const seq = this.next++;
    this.ring[seq % this.capacity] = { seq, at: time, service, operation, status, durationMs, requestId };
  }

  /** The records after `since` (oldest first), at most `limit`: the newest ones when more are kept. */
  since(since: number, limit = this.capacity): { records: RequestRecord[]; last: number } {
    const last = this.next - 1;
    const from = Math.max(since + 1, last - Math.min(limit, this.capacity) + 1, 1);
    const records: RequestRecord[] = [];
    for (let seq = from; seq <= last; seq++) {
      const r = this.ring[seq % this.capacity];
      if (r && r.seq === seq) {
        const { at, durationMs, ...rest } = r;
        records.push({ ...rest, time: new Date(at).toISOString(), durationMs: Math.round(durationMs * 1000) / 1000 });
      }
    }
    return { records, last };
  }
}

/**
 * PutEvents and TestEventPattern. An accepted event is committed, with one delivery job per matched
 * target and its archive copies, in the transaction that answers the call: an event whose EventId
 * was returned survives kill -9.
 */
import { randomUUID } from 'node:crypto';
import { compileEventPattern, EventPatternError, matchesEventPattern, parseJson } from '../../../aws/event-patterns/index.js';
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidEventPatternException, type EventBridgeApi, type PutEventsRequest, type PutEventsRequestEntry, type PutEventsResponse, type PutEventsResultEntry,
  type TestEventPatternRequest, type TestEventPatternResponse,
} from '../../../generated/events.js';
import { DELIVER_KIND, eventTime, type EventEnvelope, type EventsCore } from '../core.js';

/** The most a PutEvents request's entries may add up to (bytes, as AWS counts them). */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024;

/** An entry's size as AWS's guide computes it: 14 bytes for a Time, the UTF-8 bytes of the rest. */
export function entrySize(e: PutEventsRequestEntry): number {
  let size = e.Time ? 14 : 0;
  for (const text of [e.Source, e.DetailType, e.Detail]) if (text !== undefined) size += Buffer.byteLength(text, 'utf8');
  for (const r of e.Resources ?? []) size += Buffer.byteLength(r, 'utf8');
  return size;
}

function entryFailure(e: PutEventsRequestEntry): PutEventsResultEntry | undefined {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (e[field] === undefined || e[field] === '') return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
  }
  let detail: unknown;
  try {
    detail = JSON.parse(e.Detail!);
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  if (e.Source!.startsWith('aws.')) return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  return undefined;
}

export class PutEventsOps implements Pick<EventBridgeApi, 'PutEvents' | 'TestEventPattern'> {
  constructor(private readonly core: EventsCore) {}

  async PutEvents(ctx: RequestContext, input: PutEventsRequest): Promise<PutEventsResponse> {
    if (input.EndpointId !== undefined) throw new ValidationException('Global endpoints are not supported by Stratus.');
    const total = input.Entries.reduce((n, e) => n + entrySize(e), 0);
    if (total > MAX_PUT_EVENTS_BYTES) throw new ValidationException('Total size of the entries in the request is over the limit.');
    const now = this.core.clock.now();
    const results: PutEventsResultEntry[] = [];
    const accepted: { ref: ReturnType<EventsCore['busRef']>; event: EventEnvelope }[] = [];
    for (const e of input.Entries) {
      const failure = entryFailure(e);
      if (failure) {
        results.push(failure);
        continue;
      }
      let ref: ReturnType<EventsCore['busRef']>;
      try {
        ref = this.core.busRef(ctx, e.EventBusName);
      } catch (err) {
        results.push({ ErrorCode: 'InvalidArgument', ErrorMessage: (err as Error).message });
        continue;
      }
      const event: EventEnvelope = {
        version: '0',
        id: randomUUID(),
        'detail-type': e.DetailType!,
        source: e.Source!,
        account: ctx.accountId,
        time: eventTime(e.Time ? e.Time.getTime() : now),
        region: ctx.region,
        resources: e.Resources ?? [],
        detail: JSON.parse(e.Detail!),
      };
      accepted.push({ ref, event });
      results.push({ EventId: event.id });
    }
    let jobs = 0;
    if (accepted.length) {
      jobs = await this.core.db.tx(async (tx) => {
        let n = 0;
        for (const { ref, event } of accepted) n += await this.core.ingest(tx, ref.scope, ref.name, event, now);
        return n;
      });
    }
    if (jobs > 0) this.core.jobs.wake(DELIVER_KIND, now);
    return { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results };
  }

  async TestEventPattern(_ctx: RequestContext, input: TestEventPatternRequest): Promise<TestEventPatternResponse> {
    let compiled;
    try {
      compiled = compileEventPattern(input.EventPattern);
    } catch (e) {
      if (e instanceof EventPatternError) throw new InvalidEventPatternException(e.awsMessage());
      throw e;
    }
    let event: unknown;
    try {
      event = parseJson(input.Event);
    } catch {
      throw new ValidationException('Parameter Event is not valid.');
    }
    const plain = JSON.parse(input.Event) as Record<string, unknown> | null;
    if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) throw new ValidationException('Parameter Event is not valid.');
    for (const field of ['id', 'account', 'source', 'time', 'region', 'detail-type']) {
      if (!(field in plain)) throw new ValidationException('Parameter Event is not valid.');
    }
    return { Result: matchesEventPattern(compiled, event) };
  }
}

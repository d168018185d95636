import * as zlib from 'node:zlib';
import type { BodySource } from '../../core/http.js';

/**
 * AWS's event-stream framing (`application/vnd.amazon.eventstream`), for operations whose output is
 * an event stream (Kinesis SubscribeToShard): each message is its total and headers lengths, the CRC32
 * of those 8 bytes, string headers (`:message-type`, `:event-type` or `:exception-type`,
 * `:content-type`), the payload, and the CRC32 of all that. A provider answers an `EventStreamOutput`;
 * the JSON protocol sends its messages as they come, in one streamed response.
 */
export interface EventMessage {
  /** `event` with an `:event-type` (an `initial-response` first, then the union's members), or `exception`. */
  readonly type: 'event' | 'exception';
  readonly name: string;
  /** JSON payload (already in wire form: blobs as base64, timestamps as epoch seconds). */
  readonly payload: unknown;
}

export class EventStreamOutput {
  constructor(readonly messages: AsyncIterable<EventMessage>) {}

  /** The encoded messages, as a response body. */
  body(): BodySource {
    const messages = this.messages;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const m of messages) yield encodeEventMessage(m);
      },
    };
  }
}

const crc32 = (zlib as unknown as { crc32: (data: Uint8Array, value?: number) => number }).crc32;

function header(name: string, value: string): Buffer {
  const n = Buffer.from(name, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
  out.writeUInt8(n.length, 0);
  n.copy(out, 1);
  out.writeUInt8(7, 1 + n.length); // string
  out.writeUInt16BE(v.length, 2 + n.length);
  v.copy(out, 4 + n.length);
  return out;
}

export function encodeEventMessage(m: EventMessage): Buffer {
  const headers = Buffer.concat([
    header(':message-type', m.type),
    header(m.type === 'event' ? ':event-type' : ':exception-type', m.name),
    header(':content-type', 'application/json'),
  ]);
  const payload = Buffer.from(JSON.stringify(m.payload), 'utf8');
  const total = 12 + headers.length + payload.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headers.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)) >>> 0, 8);
  headers.copy(out, 12);
  payload.copy(out, 12 + headers.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - 4)) >>> 0, total - 4);
  return out;
}

import type { MemberRef, Shape } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { serializationError } from '../validate.js';

/** Writes a provider value as JSON-ready data: Date -> epoch seconds, Buffer -> base64. */
export function toJsonValue(index: ServiceIndex, shapeName: string, value: unknown, restJson: boolean): unknown {
  if (value === undefined || value === null) return undefined;
  if (index.isPlainJson(shapeName)) return value;
  const shape = index.shape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return value;
      const out: Record<string, unknown> = {};
      const input = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (restJson && ref.location) continue;
        const v = input[name];
        if (v === undefined || v === null) continue;
        const key = restJson && ref.locationName ? ref.locationName : name;
        out[key] = ref.jsonvalue
          ? JSON.stringify(v)
          : ref.timestampFormat && index.shape(ref.shape).type === 'timestamp'
            ? formatTimestamp(v, ref.timestampFormat)
            : toJsonValue(index, ref.shape, v, restJson);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => toJsonValue(index, shape.member!.shape, v, restJson));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJsonValue(index, shape.value!.shape, v, restJson);
      return out;
    }
    case 'timestamp':
      return formatTimestamp(value, shape.timestampFormat ?? 'unixTimestamp');
    case 'blob':
      return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
    default:
      return value;
  }
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
}

export function formatTimestamp(value: unknown, format: 'iso8601' | 'rfc822' | 'unixTimestamp'): string | number {
  const d = toDate(value);
  switch (format) {
    case 'unixTimestamp':
      return d.getTime() / 1000;
    case 'rfc822':
      return d.toUTCString();
    default:
      return d.toISOString().replace(/\.000Z$/, 'Z');
  }
}

/** Reads a scalar from text (headers, query strings, URI labels, XML, query protocol). */
export function fromText(index: ServiceIndex, shape: Shape, text: string, defaultTimestamp: 'iso8601' | 'rfc822', ref?: MemberRef): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(text);
      const integral = shape.type === 'integer' || shape.type === 'long';
      // A decimal where the model wants an integer is refused like any other text that is not one.
      if (text.trim() === '' || Number.isNaN(n) || (integral && !Number.isInteger(n))) {
        throw serializationError(`STRING_VALUE can not be converted to ${shape.type === 'integer' ? 'an Integer' : 'a Long'}`);
      }
      return n;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw serializationError('STRING_VALUE can not be converted to a Boolean');
    case 'timestamp': {
      const format = ref?.timestampFormat ?? shape.timestampFormat ?? defaultTimestamp;
      const d = format === 'unixTimestamp' || /^\d+(\.\d+)?$/.test(text) ? new Date(Number(text) * 1000) : new Date(text);
      if (Number.isNaN(d.getTime())) throw serializationError(`Invalid timestamp: ${text}`);
      return d;
    }
    case 'blob':
      return Buffer.from(text, 'base64');
    default:
      void index;
      return text;
  }
}

/** Writes a scalar as text (headers, XML, query strings). */
export function toText(shape: Shape, value: unknown, defaultTimestamp: 'iso8601' | 'rfc822', ref?: MemberRef): string {
  switch (shape.type) {
    case 'timestamp':
      return String(formatTimestamp(value, ref?.timestampFormat ?? shape.timestampFormat ?? defaultTimestamp));
    case 'blob':
      return Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
    default:
      return String(value);
  }
}

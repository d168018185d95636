/**
 * What a message is made of, checked and digested as SQS does: the body's characters, message
 * attributes (names, types, values), the size limit, and the MD5 digests SDKs verify
 * (MD5OfMessageBody, MD5OfMessageAttributes, MD5OfMessageSystemAttributes).
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { MessageAttributeValue, MessageSystemAttributeValue } from '../../generated/sqs.js';
import { invalidParameter } from './errors.js';
import { AwsError } from '../../aws/errors.js';

const MAX_ATTRIBUTES = 10;

export function md5Hex(data: string | Buffer): string {
  // crypto.hash (one call, no Hash object) where this Node has it: every message's body is digested.
  return oneShot ? oneShot('md5', data, 'hex') : createHash('md5').update(data).digest('hex');
}
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'hex') => string }).hash;

/** #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF (lone surrogates are not characters). */
const INVALID_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export const INVALID_CHARS_MESSAGE =
  'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF';

export function hasInvalidChars(text: string): boolean {
  return INVALID_CHAR.test(text);
}

export function invalidContents(): AwsError {
  return new AwsError('InvalidMessageContents', INVALID_CHARS_MESSAGE, 400);
}

/** Stored form of a message attribute: binary values base64, as the JSON protocol carries them. */
export interface StoredAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

function binaryOf(v: Buffer | Uint8Array | string): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'base64') : Buffer.from(v);
}

/**
 * Checks message attributes (user or system) and returns them in their stored form with their
 * size in bytes (names, types and values, which count toward the message size).
 */
export function checkAttributes(
  attributes: Readonly<Record<string, MessageAttributeValue | MessageSystemAttributeValue>> | undefined,
  system: boolean,
): { stored: Record<string, StoredAttribute> | undefined; bytes: number } {
  if (!attributes) return { stored: undefined, bytes: 0 };
  const names = Object.keys(attributes);
  if (names.length === 0) return { stored: undefined, bytes: 0 };
  if (!system && names.length > MAX_ATTRIBUTES) throw invalidParameter(`Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  const stored: Record<string, StoredAttribute> = {};
  let bytes = 0;
  for (const name of names) {
    const a = attributes[name]!;
    if (system) {
      if (name !== 'AWSTraceHeader') throw invalidParameter(`Message system attribute name '${name}' is invalid.`);
    } else {
      checkName(name);
    }
    const type = a.DataType;
    if (type === undefined || type === '') throw invalidParameter(`The message attribute '${name}' must contain non-empty message attribute type.`);
    if (!/^(String|Number|Binary)(\..+)?$/.test(type)) {
      throw invalidParameter(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    }
    if (Buffer.byteLength(type) > 256) throw invalidParameter(`Message (user) attribute '${name}' type must be shorter than 256 bytes.`);
    if (a.StringListValues?.length || a.BinaryListValues?.length) {
      throw invalidParameter(`Message (user) attribute '${name}' has a list value, which is not supported.`);
    }
    const base = type.split('.')[0];
    if (system && type !== 'String') throw invalidParameter(`Message system attribute '${name}' must be of type String.`);
    if (base === 'Binary') {
      if (a.BinaryValue === undefined || binaryOf(a.BinaryValue).length === 0) {
        throw invalidParameter(`Message (user) attribute '${name}' must contain a non-empty value of type 'Binary'.`);
      }
      if (a.StringValue !== undefined) throw invalidParameter(`Message (user) attribute '${name}' with type 'Binary' must not contain a String value.`);
      const value = binaryOf(a.BinaryValue);
      stored[name] = { DataType: type, BinaryValue: value.toString('base64') };
      bytes += Buffer.byteLength(name) + Buffer.byteLength(type) + value.length;
    } else {
      if (a.StringValue === undefined || a.StringValue === '') {
        throw invalidParameter(`Message (user) attribute '${name}' must contain a non-empty value of type '${base}'.`);
      }
      if (a.BinaryValue !== undefined) throw invalidParameter(`Message (user) attribute '${name}' with type '${base}' must not contain a Binary value.`);
      if (hasInvalidChars(a.StringValue)) throw invalidParameter(INVALID_CHARS_MESSAGE);
      if (base === 'Number') checkNumber(name, a.StringValue);
      stored[name] = { DataType: type, StringValue: a.StringValue };
      bytes += Buffer.byteLength(name) + Buffer.byteLength(type) + Buffer.byteLength(a.StringValue);
    }
  }
  return { stored, bytes };
}

function checkName(name: string): void {
  if (Buffer.byteLength(name) > 256) throw invalidParameter('Message (user) attribute name must be shorter than 256 Bytes.');
  if (!/^[A-Za-z0-9_.\-]+$/.test(name)) {
    throw invalidParameter(`Message (user) attribute name '${name}' can only contain upper and lower case characters, digits, periods, hyphens and underscores.`);
  }
  const lower = name.toLowerCase();
  if (lower.startsWith('aws.') || lower.startsWith('amazon.')) {
    throw invalidParameter(`You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These strings are reserved for internal use.`);
  }
  if (name.startsWith('.') || name.endsWith('.') || name.includes('..')) {
    throw invalidParameter(`Message (user) attribute name '${name}' can't start or end with a period or contain two periods in a row.`);
  }
}

/** Numbers: up to 38 significant digits, between 10^-128 and 10^+126. */
function checkNumber(name: string, value: string): void {
  const m = /^\s*[-+]?(\d*)(?:\.(\d*))?(?:[eE][-+]?\d+)?\s*$/.exec(value);
  const n = Number(value);
  const digits = m ? `${m[1] ?? ''}${m[2] ?? ''}`.replace(/^0+/, '').replace(/0+$/, '') : '';
  if (!m || (m[1] === '' && (m[2] ?? '') === '') || !Number.isFinite(n) || digits.length > 38 || Math.abs(n) >= 1e126 || (n !== 0 && Math.abs(n) < 1e-128)) {
    throw invalidParameter(`Can't cast the value of message (user) attribute '${name}' to a number.`);
  }
}

/**
 * MD5 of message attributes as SQS computes it: attributes sorted by name, each as length-prefixed
 * name, length-prefixed type, a transport byte (1 string, 2 binary) and the length-prefixed value;
 * lengths are 4-byte big-endian.
 */
export function md5OfAttributes(attributes: Readonly<Record<string, StoredAttribute>> | undefined): string | undefined {
  if (!attributes) return undefined;
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  const put = (data: Buffer): void => {
    const len = Buffer.allocUnsafe(4);
    len.writeUInt32BE(data.length);
    parts.push(len, data);
  };
  for (const name of names) {
    const a = attributes[name]!;
    put(Buffer.from(name, 'utf8'));
    put(Buffer.from(a.DataType, 'utf8'));
    if (a.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]));
      put(Buffer.from(a.BinaryValue, 'base64'));
    } else {
      parts.push(Buffer.from([1]));
      put(Buffer.from(a.StringValue ?? '', 'utf8'));
    }
  }
  return md5Hex(Buffer.concat(parts));
}

/** MessageGroupId / MessageDeduplicationId: 1-128 of alphanumeric and punctuation characters. */
const FIFO_ID = /^[\x21-\x7E]{1,128}$/;

export function checkFifoId(value: string | undefined, parameter: 'MessageGroupId' | 'MessageDeduplicationId'): void {
  if (value === undefined) return;
  if (!FIFO_ID.test(value)) {
    throw invalidParameter(`Value ${value} for parameter ${parameter} is invalid. Reason: ${parameter} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
  }
}

/** The id of a batch entry: alphanumeric, hyphens and underscores, at most 80. */
export const BATCH_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The attributes a receiver asked for: `All`, exact names, and prefixes `name.*`. */
export function attributeFilter(names: readonly string[] | undefined): ((name: string) => boolean) | undefined {
  if (!names || names.length === 0) return undefined;
  if (names.includes('All') || names.includes('.*')) return () => true;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const n of names) {
    if (n.endsWith('.*')) prefixes.push(n.slice(0, -1));
    else exact.add(n);
  }
  return (name) => exact.has(name) || prefixes.some((p) => name.startsWith(p));
}

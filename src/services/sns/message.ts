/**
 * A published message checked as Publish checks it (attributes, Subject, MessageStructure, size,
 * FIFO ids), and the stored form its deliveries read.
 */
import { createHash } from 'node:crypto';
import { InvalidParameterValueException, type MessageAttributeValue } from '../../generated/sns.js';
import { invalidParameter } from './core.js';

/** The most a message (body and attributes) may weigh: 256 KiB. */
export const MAX_MESSAGE_BYTES = 262_144;

/** A message attribute as stored and delivered (binary values in base64). */
export interface StoredAttribute {
  Type: string;
  Value: string;
  binary?: boolean;
}

/** A message as its deliveries read it. */
export interface StoredMessage {
  id: string;
  topicArn: string;
  message: string;
  /** MessageStructure json: the message for each protocol ('default' for the rest). */
  perProtocol?: Record<string, string>;
  subject?: string;
  attributes: Record<string, StoredAttribute>;
  /** ISO 8601 with milliseconds. */
  timestamp: string;
  groupId?: string;
  dedupId?: string;
  sequenceNumber?: string;
  signatureVersion: string;
  fifo: boolean;
}

function attributeFault(message: string): InvalidParameterValueException {
  return new InvalidParameterValueException(message);
}

function checkAttributeName(name: string): void {
  if (Buffer.byteLength(name) >= 256) throw attributeFault('Length of message attribute name must be less than 256 bytes.');
  for (const ch of name) {
    if (!/[A-Za-z0-9_.-]/.test(ch)) {
      throw attributeFault(`Invalid non-alphanumeric character '#x${ch.codePointAt(0)!.toString(16).toUpperCase()}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`);
    }
  }
  if (name.startsWith('.')) throw attributeFault("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith('.')) throw attributeFault("Invalid message attribute name ending with character '.' was found.");
  if (name.includes('..')) throw attributeFault("Message attribute name can not have successive '.' character.");
}

/** Checks Publish's MessageAttributes; returns them stored, with the bytes they count toward the size limit. */
export function checkAttributes(attrs: Readonly<Record<string, MessageAttributeValue>> | undefined): { stored: Record<string, StoredAttribute>; bytes: number } {
  const stored: Record<string, StoredAttribute> = {};
  let bytes = 0;
  for (const [name, a] of Object.entries(attrs ?? {})) {
    checkAttributeName(name);
    const type = a.DataType;
    const base = /^(String|Number|Binary)(\.|$)/.exec(type)?.[1];
    if (!base) throw attributeFault(`The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`);
    const binary = a.BinaryValue === undefined ? undefined : Buffer.isBuffer(a.BinaryValue) ? a.BinaryValue : Buffer.from(a.BinaryValue as unknown as string, 'base64');
    let value: string;
    if (base === 'Binary') {
      if (a.StringValue !== undefined && binary === undefined) throw attributeFault(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      if (!binary || binary.length === 0) throw attributeFault(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type 'Binary'.`);
      value = binary.toString('base64');
      bytes += binary.length;
    } else {
      if (a.StringValue === undefined && binary !== undefined) throw attributeFault(`The message attribute '${name}' with type '${base}' must use field 'String'.`);
      if (a.StringValue === undefined || a.StringValue === '') throw attributeFault(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
      value = a.StringValue;
      if (base === 'Number') {
        const n = Number(value);
        if (!/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value) || !Number.isFinite(n)) throw attributeFault(`Could not cast message attribute '${name}' value to number.`);
      } else if (type === 'String.Array') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = undefined;
        }
        if (!Array.isArray(parsed) || parsed.some((v) => v !== null && typeof v === 'object')) throw attributeFault(`The message attribute '${name}' with type 'String.Array' has value that is not a valid JSON array of strings, numbers, booleans or null.`);
      }
      bytes += Buffer.byteLength(value);
    }
    bytes += Buffer.byteLength(name) + Buffer.byteLength(type);
    stored[name] = base === 'Binary' ? { Type: type, Value: value, binary: true } : { Type: type, Value: value };
  }
  return { stored, bytes };
}

/** Subject: 1 to 100 printable ASCII characters, no line breaks. */
export function checkSubject(subject: string | undefined): void {
  if (subject === undefined) return;
  if (subject.length === 0 || subject.length > 100 || !/^[\x20-\x7e]+$/.test(subject)) throw invalidParameter('Invalid parameter: Subject');
}

/** MessageStructure json: a JSON object of strings with a default entry. */
export function checkStructure(structure: string | undefined, message: string): Record<string, string> | undefined {
  if (structure === undefined) return undefined;
  if (structure !== 'json') throw invalidParameter('Invalid parameter: MessageStructure');
  let doc: unknown;
  try {
    doc = JSON.parse(message);
  } catch {
    throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  if (out.default === undefined) throw invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
  return out;
}

export function checkFifoId(value: string | undefined, param: string): void {
  if (value === undefined) return;
  if (value.length < 1 || value.length > 128 || !/^[\x21-\x7e]+$/.test(value)) {
    throw invalidParameter(`Invalid parameter: ${param} Reason: ${param} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
  }
}

/** The deduplication id content-based deduplication gives a message: the SHA-256 of its body. */
export function contentDedupId(message: string): string {
  return createHash('sha256').update(message, 'utf8').digest('hex');
}

/** The message one protocol receives. */
export function messageFor(m: StoredMessage, protocol: string): string {
  return m.perProtocol ? (m.perProtocol[protocol] ?? m.perProtocol.default!) : m.message;
}

/** A FIFO sequence number (20 digits, increasing with seq). */
export function sequenceNumber(seq: number): string {
  return (10n ** 19n + BigInt(seq)).toString();
}

import type { XMLParser } from 'fast-xml-parser';
import { lazyModule } from '../../core/lazy.js';
import type { MemberRef, Shape } from '../model.js';
import type { ServiceIndex } from '../service-index.js';
import { serializationError } from '../validate.js';
import { fromText, toDate, toText } from './values.js';

/** Escapes XML text content as AWS writes it: &, <, > (and CR, which parsers would fold); quotes stay. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&\r]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&#13;'));
}

/** Escapes an XML attribute value (double-quoted). */
export function escapeXmlAttribute(s: string): string {
  return escapeXml(s).replace(/"/g, '&quot;');
}

/** Writes a provider value as XML elements named `name` (lists/maps by AWS's XML rules). */
export function toXml(index: ServiceIndex, ref: MemberRef, value: unknown, name: string): string {
  if (value === undefined || value === null) return '';
  const shape = index.shape(ref.shape);
  switch (shape.type) {
    case 'structure':
      return `<${name}${xmlAttributes(index, ref, shape, value as Record<string, unknown>)}>${xmlMembers(index, ref.shape, value as Record<string, unknown>)}</${name}>`;
    case 'list': {
      const member = shape.member!;
      const flattened = ref.flattened || shape.flattened;
      const itemName = flattened ? (member.locationName ?? name) : (member.locationName ?? 'member');
      const items = (value as unknown[]).map((v) => toXml(index, member, v, itemName)).join('');
      return flattened ? items : `<${name}>${items}</${name}>`;
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      const flattened = ref.flattened || shape.flattened;
      const entries = Object.entries(value as Record<string, unknown>).map(
        ([k, v]) => `<${flattened ? name : 'entry'}><${keyName}>${escapeXml(k)}</${keyName}>${toXml(index, shape.value!, v, valueName)}</${flattened ? name : 'entry'}>`,
      );
      return flattened ? entries.join('') : `<${name}>${entries.join('')}</${name}>`;
    }
    case 'timestamp':
      // S3 always writes milliseconds (2026-03-04T05:06:07.000Z); the other XML services drop zero ones.
      if (index.name === 's3' && !ref.timestampFormat && !shape.timestampFormat) return `<${name}>${toDate(value).toISOString()}</${name}>`;
      return `<${name}>${toText(shape, value, 'iso8601', ref)}</${name}>`;
    default:
      return `<${name}>${escapeXml(toText(shape, value, 'iso8601', ref))}</${name}>`;
  }
}

/** A structure's start-tag extras: its namespace declaration and its xmlAttribute members (S3's xsi:type). */
function xmlAttributes(index: ServiceIndex, ref: MemberRef, shape: Shape, value: Record<string, unknown>): string {
  let out = '';
  // A prefixed namespace is declared where it is used; a default one only where the member asks for it
  // (the document's root already declares the service's).
  const ns = ref.xmlNamespace ?? shape.xmlNamespace;
  if (ns?.prefix) out += ` xmlns:${ns.prefix}="${escapeXmlAttribute(ns.uri)}"`;
  else if (ns && ref.xmlNamespace) out += ` xmlns="${escapeXmlAttribute(ns.uri)}"`;
  for (const name in shape.members) {
    const member = shape.members[name]!;
    if (!member.xmlAttribute) continue;
    const v = value[name];
    if (v === undefined || v === null) continue;
    out += ` ${member.locationName ?? name}="${escapeXmlAttribute(toText(index.shape(member.shape), v, 'iso8601', member))}"`;
  }
  return out;
}

/** The members of a structure as XML (attributes and located members are left out). */
export function xmlMembers(index: ServiceIndex, shapeName: string, value: Record<string, unknown>): string {
  const shape = index.shape(shapeName);
  let out = '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location || ref.xmlAttribute) continue;
    out += toXml(index, ref, value[name], ref.locationName ?? name);
  }
  return out;
}

const fastXmlParser = lazyModule<typeof import('fast-xml-parser')>('fast-xml-parser');
let parser: XMLParser | undefined;

/** The parser, made with the first XML body read (the library is ~100 ms to import and set up: not for every start). */
function xmlParser(): XMLParser {
  parser ??= new (fastXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    removeNSPrefix: true,
    processEntities: true,
    htmlEntities: false,
  });
  return parser;
}

const MARKUP_REFS: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/**
 * Character references (`&#x0A;`, `&#10;`: the SDKs write newlines so) as their characters, which the
 * parser leaves alone when it is not decoding HTML entities; those of markup characters stay escaped.
 */
function decodeCharRefs(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(/&#x([0-9a-fA-F]{1,6});|&#([0-9]{1,7});/g, (ref, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    if (code > 0x10ffff) return ref;
    const c = String.fromCodePoint(code);
    return MARKUP_REFS[c] ?? c;
  });
}

/** Parses an XML document; malformed XML is a serialization error. */
export function parseXml(body: Buffer): Record<string, unknown> {
  try {
    return xmlParser().parse(decodeCharRefs(body.toString('utf8')), true) as Record<string, unknown>;
  } catch {
    throw serializationError('The XML you provided was not well-formed or did not validate against our published schema');
  }
}

/** Reads a parsed XML node into a typed value by the model (text becomes numbers, dates...). */
export function fromXml(index: ServiceIndex, ref: MemberRef, node: unknown): unknown {
  const shape = index.shape(ref.shape);
  switch (shape.type) {
    case 'structure': {
      if (typeof node !== 'object' || node === null) return {};
      const out: Record<string, unknown> = {};
      const n = node as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        // The parser drops namespace prefixes (xsi:type -> @type).
        const key = member.xmlAttribute ? `@${(member.locationName ?? name).replace(/^[^:]*:/, '')}` : (member.locationName ?? name);
        const memberShape = index.shape(member.shape);
        const flattened = member.flattened || memberShape.flattened;
        if (flattened && (memberShape.type === 'list' || memberShape.type === 'map')) {
          const itemKey = memberShape.type === 'list' ? (memberShape.member!.locationName ?? key) : key;
          if (n[itemKey] !== undefined) out[name] = fromXml(index, member, { __flat: asArray(n[itemKey]) });
        } else if (n[key] !== undefined) {
          out[name] = fromXml(index, member, n[key]);
        }
      }
      return out;
    }
    case 'list': {
      const member = shape.member!;
      const items = isFlat(node) ? node.__flat : typeof node === 'object' && node ? asArray((node as Record<string, unknown>)[member.locationName ?? 'member']) : [];
      return items.map((item) => fromXml(index, member, item));
    }
    case 'map': {
      const entries = isFlat(node) ? node.__flat : asArray((node as Record<string, unknown>)?.entry);
      const out: Record<string, unknown> = {};
      for (const e of entries as Record<string, unknown>[]) {
        const k = textOf(e[shape.key!.locationName ?? 'key']);
        out[k] = fromXml(index, shape.value!, e[shape.value!.locationName ?? 'value']);
      }
      return out;
    }
    default:
      return fromText(index, shape, textOf(node), 'iso8601', ref);
  }
}

function isFlat(node: unknown): node is { __flat: unknown[] } {
  return typeof node === 'object' && node !== null && '__flat' in node;
}

function asArray(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'object') return String((node as Record<string, unknown>)['#text'] ?? '');
  return String(node);
}

import { AwsError } from './errors.js';
import type { Shape } from './model.js';
import type { ServiceIndex } from './service-index.js';

/**
 * Reads a request value against its model shape in one walk:
 * - `fromJson`: the value came from a JSON document, so blobs (base64) and timestamps (epoch
 *   seconds or ISO text) are converted and JSON types are checked (a wrong type is AWS's
 *   SerializationException);
 * - constraints (required, length, range, pattern, enum) are collected as AWS words them and
 *   thrown together as "N validation errors detected: ...".
 */
export function readInput(
  index: ServiceIndex,
  shapeName: string,
  value: unknown,
  fromJson: boolean,
  validationCode: string,
  jsonNames = fromJson,
): any {
  const issues: string[] = [];
  const out = walk(index, shapeName, value, '', fromJson, jsonNames, issues);
  if (issues.length > 0) throw validationError(issues, validationCode);
  return out;
}

export function validationError(issues: string[], code: string): AwsError {
  const n = issues.length;
  return new AwsError(code, `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.join('; ')}`, 400);
}

export function serializationError(message: string): AwsError {
  return new AwsError('SerializationException', message, 400);
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

function walk(
  index: ServiceIndex,
  shapeName: string,
  value: unknown,
  path: string,
  fromJson: boolean,
  jsonNames: boolean,
  issues: string[],
): unknown {
  if (value === null || value === undefined) return undefined;
  if (index.wireShapes.has(shapeName)) return value;
  const shape = index.shape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (fromJson && (typeof value !== 'object' || Array.isArray(value))) throw typeMismatch(value, 'structure');
      if (shape.document) return value;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const required = shape.required;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const key = jsonNames && ref.locationName && !ref.location ? ref.locationName : name;
        const v = input[key];
        const memberPath = join(path, lowerFirst(name));
        if (v === undefined || v === null) {
          if (required?.includes(name)) issues.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        const converted = ref.jsonvalue && fromJson && typeof v === 'string' ? parseJsonValue(v) : walk(index, ref.shape, v, memberPath, fromJson, jsonNames, issues);
        if (converted !== undefined) {
          out[name] = converted;
          const memberShape = index.shape(ref.shape);
          checkConstraints(memberShape, converted, memberPath, issues, !!memberShape.sensitive);
        }
      }
      return out;
    }
    case 'list': {
      if (fromJson && !Array.isArray(value)) throw typeMismatch(value, 'list');
      const list = value as unknown[];
      const memberRef = shape.member!;
      const memberShape = index.shape(memberRef.shape);
      return list.map((item, i) => {
        const p = `${path}.${i + 1}.member`;
        const converted = walk(index, memberRef.shape, item, p, fromJson, jsonNames, issues);
        if (converted !== undefined) checkConstraints(memberShape, converted, p, issues, !!memberShape.sensitive);
        return converted;
      });
    }
    case 'map': {
      if (fromJson && (typeof value !== 'object' || Array.isArray(value))) throw typeMismatch(value, 'map');
      const out: Record<string, unknown> = {};
      const valueRef = shape.value!;
      const valueShape = index.shape(valueRef.shape);
      const keyShape = index.shape(shape.key!.shape);
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = `${path}.${k}.member`;
        checkConstraints(keyShape, k, `${path}.${k}.key`, issues, false);
        const converted = walk(index, valueRef.shape, v, p, fromJson, jsonNames, issues);
        if (converted !== undefined) {
          out[k] = converted;
          checkConstraints(valueShape, converted, p, issues, !!valueShape.sensitive);
        }
      }
      return out;
    }
    case 'string':
      if (fromJson && typeof value !== 'string') throw typeMismatch(value, 'String');
      return value;
    case 'boolean':
      if (fromJson && typeof value !== 'boolean') throw typeMismatch(value, 'Boolean');
      return value;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
    case 'bigdecimal':
    case 'biginteger':
      if (fromJson && typeof value !== 'number') throw typeMismatch(value, NUMBER_NAMES[shape.type]);
      return value;
    case 'timestamp':
      return fromJson ? readJsonTimestamp(value) : value;
    case 'blob':
      if (!fromJson) return value;
      if (typeof value !== 'string') throw typeMismatch(value, 'Blob');
      return Buffer.from(value, 'base64');
    default:
      return value;
  }
}

const NUMBER_NAMES: Record<string, string> = {
  integer: 'an Integer',
  long: 'a Long',
  float: 'a Float',
  double: 'a Double',
  bigdecimal: 'a BigDecimal',
  biginteger: 'a BigInteger',
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return 'NUMBER_VALUE';
    case 'boolean':
      return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
    default:
      return 'START_OBJECT';
  }
}

/** AWS's (Coral's) wording for a JSON value of the wrong type. */
function typeMismatch(value: unknown, expected: string): AwsError {
  if (expected === 'structure' || expected === 'map') {
    if (Array.isArray(value)) return serializationError('Start of list found where not expected');
    return serializationError(`Unexpected value type in payload`);
  }
  if (expected === 'list') {
    if (typeof value === 'object') return serializationError('Start of structure or map found where not expected.');
    return serializationError('Unexpected value type in payload');
  }
  if (typeof value === 'object') {
    return serializationError(
      Array.isArray(value) ? 'Start of list found where not expected' : 'Start of structure or map found where not expected.',
    );
  }
  if (expected === 'String') return serializationError(`${jsonKind(value)} cannot be converted to String`);
  return serializationError(`${jsonKind(value)} can not be converted to ${expected}`);
}

function readJsonTimestamp(value: unknown): Date {
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string') {
    const d = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw serializationError(`${jsonKind(value)} can not be converted to a Timestamp`);
}

function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw serializationError('Invalid JSON value');
  }
}

const patternCache = new Map<string, RegExp | null>();

function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re !== undefined) return re;
  // Model patterns are Java regular expressions matched against the whole value.
  for (const flags of ['u', '']) {
    try {
      re = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      re = null;
    }
  }
  patternCache.set(pattern, re ?? null);
  return re ?? null;
}

/** Renders a value the way AWS (Java) prints it inside "Value '...' at". */
function render(value: unknown): string {
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${render(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

function checkConstraints(shape: Shape, value: unknown, path: string, issues: string[], sensitive: boolean): void {
  const { min, max } = shape;
  const fail = (constraint: string): void => {
    issues.push(
      sensitive
        ? `Value at '${path}' failed to satisfy constraint: ${constraint}`
        : `Value '${render(value)}' at '${path}' failed to satisfy constraint: ${constraint}`,
    );
  };
  switch (shape.type) {
    case 'string': {
      const s = value as string;
      if (min !== undefined && s.length < min) fail(`Member must have length greater than or equal to ${min}`);
      if (max !== undefined && s.length > max) fail(`Member must have length less than or equal to ${max}`);
      if (shape.enum && !shape.enum.includes(s)) fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      if (shape.pattern) {
        const re = compilePattern(shape.pattern);
        if (re && !re.test(s)) fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case 'blob':
    case 'list':
    case 'map': {
      const n = Buffer.isBuffer(value)
        ? value.length
        : Array.isArray(value)
          ? value.length
          : typeof value === 'string'
            ? value.length
            : Object.keys(value as object).length;
      if (min !== undefined && n < min) fail(`Member must have length greater than or equal to ${min}`);
      if (max !== undefined && n > max) fail(`Member must have length less than or equal to ${max}`);
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = value as number;
      if (min !== undefined && n < min) fail(`Member must have value greater than or equal to ${min}`);
      if (max !== undefined && n > max) fail(`Member must have value less than or equal to ${max}`);
      return;
    }
    default:
      return;
  }
}

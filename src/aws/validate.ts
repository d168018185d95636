import { AwsError } from './errors.js';
import type { ServiceModel, Shape } from './model.js';
import type { ServiceIndex } from './service-index.js';
import { frameworkError, isLegacyCoral } from './protocols/wire.js';

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

/**
 * Values of members bound outside the body (URI labels, query strings, headers), kept apart from
 * the body's members when a body member's wire name equals a bound member's name (API Gateway's
 * PutIntegration: URI label `httpMethod` and body `httpMethod` = integrationHttpMethod).
 */
export const BOUND_MEMBERS = Symbol('boundMembers');

export function validationError(issues: string[], code: string): AwsError {
  const n = issues.length;
  return frameworkError(new AwsError(code, `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.join('; ')}`, 400));
}

export function serializationError(message: string): AwsError {
  return frameworkError(new AwsError('SerializationException', message, 400));
}

/**
 * Enum values in the order AWS prints them in "Member must satisfy enum value set: [...]", where
 * that differs from the model's order: set from each ServiceDefinition's `enumOrder` at start-up.
 */
const enumOrders = new WeakMap<Shape, readonly string[]>();

export function setEnumOrder(model: ServiceModel, orders: Readonly<Record<string, readonly string[]>> | undefined): void {
  for (const [name, values] of Object.entries(orders ?? {})) {
    const values0 = model.shapes[name]?.enum;
    if (!values0 || values.length !== values0.length || !values.every((v) => values0.includes(v)))
      throw new Error(`enumOrder: ${name} is not an enum shape or the order is not a permutation of its values`);
    enumOrders.set(model.shapes[name]!, values);
  }
}

/**
 * Constraints AWS's servers check on a shape where they differ from the published model (a newer
 * pattern, another length), so that "N validation errors detected" names what AWS names: set from
 * each ServiceDefinition's `shapeConstraints` at start-up (the model is loaded once per process).
 */
export function setShapeConstraints(model: ServiceModel, overrides: Readonly<Record<string, Pick<Shape, 'min' | 'max' | 'pattern'>>> | undefined): void {
  for (const [name, constraints] of Object.entries(overrides ?? {})) {
    const shape = model.shapes[name];
    if (!shape) throw new Error(`shapeConstraints: no shape ${name}`);
    Object.assign(shape, constraints);
  }
}

/**
 * Enum shapes a service's servers do not check against the model (S3 answers its own errors, such as
 * InvalidLocationConstraint or InvalidStorageClass, or accepts values newer than the model): set from
 * each ServiceDefinition's `openEnums` at start-up.
 */
export function setOpenEnums(model: ServiceModel, names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    const shape = model.shapes[name];
    // The model is loaded once per process: a second server finds the enum already open.
    if (!shape || shape.type !== 'string') throw new Error(`openEnums: ${name} is not an enum shape`);
    delete shape.enum;
  }
}

const enumText = (shape: Shape): string => (enumOrders.get(shape) ?? shape.enum ?? []).join(', ');

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
      if (fromJson && (typeof value !== 'object' || Array.isArray(value))) throw typeMismatch(index, shape, shapeName, value);
      if (shape.document) return value;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const required = shape.required;
      for (const name in shape.members) {
        const ref = shape.members[name]!;
        const key = jsonNames && ref.locationName && !ref.location ? ref.locationName : name;
        // Members bound outside the body are read from BOUND_MEMBERS when the protocol set it (see there).
        const boundMembers = ref.location ? (input as { [BOUND_MEMBERS]?: Record<string, unknown> })[BOUND_MEMBERS] : undefined;
        const v = boundMembers ? boundMembers[name] : input[key];
        if (v === undefined || v === null) {
          if (required?.includes(name)) issues.push(`Value null at '${join(path, lowerFirst(name))}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        const memberPath = join(path, lowerFirst(name));
        const converted = ref.jsonvalue && fromJson && typeof v === 'string' ? parseJsonValue(v) : walk(index, ref.shape, v, memberPath, fromJson, jsonNames, issues);
        if (converted !== undefined) {
          out[name] = converted;
          const memberShape = index.shape(ref.shape);
          checkConstraints(index, memberShape, converted, memberPath, issues, !!memberShape.sensitive);
        }
      }
      return out;
    }
    case 'list': {
      if (fromJson && !Array.isArray(value)) throw typeMismatch(index, shape, shapeName, value);
      const list = value as unknown[];
      const memberRef = shape.member!;
      const memberShape = index.shape(memberRef.shape);
      const nested = memberShape.type === 'structure';
      let failed = false;
      const out = list.map((item, i) => {
        // Coral refuses a null member of a list (providers never see holes).
        if (item === null || item === undefined) {
          issues.push(`Value null at '${path}.${i + 1}.member' failed to satisfy constraint: Member must not be null`);
          return undefined;
        }
        const converted = walk(index, memberRef.shape, item, nested ? `${path}.${i + 1}.member` : path, fromJson, jsonNames, issues);
        if (!nested && !failed && converted !== undefined && violates(memberShape, converted)) failed = true;
        return converted;
      });
      // Coral reports a list whose simple members break their constraints once, at the list,
      // with every constraint of the member shape: "Member must satisfy constraint: [...]".
      if (failed) pushIssue(issues, out, path, `Member must satisfy constraint: ${constraintList(index, memberShape)}`, !!memberShape.sensitive || !!shape.sensitive, shape, index);
      return out;
    }
    case 'map': {
      if (fromJson && (typeof value !== 'object' || Array.isArray(value))) throw typeMismatch(index, shape, shapeName, value);
      const out: Record<string, unknown> = {};
      const valueRef = shape.value!;
      const valueShape = index.shape(valueRef.shape);
      const keyShape = index.shape(shape.key!.shape);
      const nested = valueShape.type === 'structure';
      let badKey = false;
      let badValue = false;
      const input = value as Record<string, unknown>;
      for (const k in input) {
        if (!badKey && violates(keyShape, k)) badKey = true;
        if (input[k] === null || input[k] === undefined) {
          issues.push(`Value null at '${path}.${k}.member' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        const converted = walk(index, valueRef.shape, input[k], nested ? `${path}.${k}.member` : path, fromJson, jsonNames, issues);
        if (converted !== undefined) {
          out[k] = converted;
          if (!nested && !badValue && violates(valueShape, converted)) badValue = true;
        }
      }
      // Keys first, then values, each reported once for the whole map.
      const sensitive = !!shape.sensitive || !!valueShape.sensitive;
      if (badKey) pushIssue(issues, out, path, `Map keys must satisfy constraint: ${constraintList(index, keyShape)}`, sensitive, shape, index);
      if (badValue) pushIssue(issues, out, path, `Map value must satisfy constraint: ${constraintList(index, valueShape)}`, sensitive, shape, index);
      return out;
    }
    case 'string':
      if (fromJson && typeof value !== 'string') throw typeMismatch(index, shape, shapeName, value);
      return value;
    case 'boolean':
      if (fromJson && typeof value !== 'boolean') {
        // DynamoDB's (older) Coral reads "true"/"yes"/"1" and "false"/"no"/"0" as booleans.
        if (typeof value === 'string' && isLegacyCoral(index.name)) {
          const text = value.toLowerCase();
          if (text === 'true' || text === 'yes' || text === '1') return true;
          if (text === 'false' || text === 'no' || text === '0') return false;
          throw serializationError('Unexpected token received from parser');
        }
        throw typeMismatch(index, shape, shapeName, value);
      }
      return value;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
    case 'bigdecimal':
    case 'biginteger':
      if (fromJson && typeof value !== 'number') throw typeMismatch(index, shape, shapeName, value);
      if (fromJson && (shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value)) {
        // The older Coral truncates a decimal sent for an integer member; the newer one refuses it
        // ("DECIMAL_VALUE can not be converted to an Integer"), as it refuses a string there.
        if (isLegacyCoral(index.name)) return Math.floor(value as number);
        throw typeMismatch(index, shape, shapeName, value);
      }
      return value;
    case 'timestamp':
      return fromJson ? readJsonTimestamp(value) : value;
    case 'blob':
      if (!fromJson) return value;
      // A streamed payload (S3 PutObject's Body) handed over by another service as a stream.
      if (value !== null && typeof value === 'object' && Symbol.asyncIterator in value) return value;
      if (typeof value !== 'string') throw typeMismatch(index, shape, shapeName, value);
      if (isLegacyCoral(index.name) && value.length % 4 !== 0) throw serializationError(`Base64 encoded length is expected a multiple of 4 bytes but found: ${value.length}`);
      return Buffer.from(value, 'base64');
    default:
      return value;
  }
}

/** Java's simple names of the scalar types, as Coral's messages print them. */
const JAVA_NAMES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  long: 'Long',
  float: 'Float',
  double: 'Double',
  boolean: 'Boolean',
  bigdecimal: 'BigDecimal',
  biginteger: 'BigInteger',
  timestamp: 'Date',
};

/** The newer Coral's article before a type name (sic: "an Boolean", as AWS sends it). */
const ARTICLES: Record<string, string> = {
  String: 'a String',
  Integer: 'an Integer',
  Long: 'a Long',
  Float: 'a Float',
  Double: 'a Double',
  Boolean: 'an Boolean',
  BigDecimal: 'a BigDecimal',
  BigInteger: 'a BigInteger',
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  switch (typeof value) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return Number.isInteger(value) ? 'NUMBER_VALUE' : 'DECIMAL_VALUE';
    case 'boolean':
      return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
    default:
      return 'START_OBJECT';
  }
}

/** AWS's (Coral's) wording for a JSON value of the wrong type, in the service's Coral generation. */
function typeMismatch(index: ServiceIndex, shape: Shape, shapeName: string, value: unknown): AwsError {
  const legacy = isLegacyCoral(index.name);
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (legacy) return serializationError(legacyMismatch(index, shape, shapeName, value, isObject));
  switch (shape.type) {
    case 'structure':
    case 'map':
      return serializationError(Array.isArray(value) ? 'Start of list found where not expected' : 'Unexpected value type in payload');
    case 'list':
      return serializationError(isObject ? 'Start of structure or map found where not expected.' : 'Unexpected value type in payload');
    case 'blob':
      if (isObject) return serializationError('Start of structure or map found where not expected.');
      if (Array.isArray(value)) return serializationError('Start of list found where not expected');
      return serializationError(`${jsonKind(value)} can not be converted to a Blob`);
    default:
      if (isObject) return serializationError('Start of structure or map found where not expected.');
      if (Array.isArray(value)) return serializationError('Start of list found where not expected');
      return serializationError(`${jsonKind(value)} can not be converted to ${ARTICLES[JAVA_NAMES[shape.type]!] ?? JAVA_NAMES[shape.type]}`);
  }
}

const DDB_PACKAGE = 'com.amazonaws.dynamodb.v20120810';

function javaClass(index: ServiceIndex, shapeName: string): string {
  const shape = index.shape(shapeName);
  const simple = JAVA_NAMES[shape.type];
  return simple && shape.type !== 'timestamp' ? `java.lang.${simple}` : `${DDB_PACKAGE}.${shapeName}`;
}

function legacyMismatch(index: ServiceIndex, shape: Shape, shapeName: string, value: unknown, isObject: boolean): string {
  const structureHere = 'Start of structure or map found where not expected';
  switch (shape.type) {
    case 'structure':
      return Array.isArray(value) ? `Unrecognized collection type class ${DDB_PACKAGE}.${shapeName}` : 'Unexpected field type';
    case 'list':
      return isObject ? structureHere : 'Unexpected field type';
    case 'map':
      return Array.isArray(value) ? `Unrecognized collection type java.util.Map<java.lang.String, ${javaClass(index, shape.value!.shape)}>` : 'Unexpected field type';
    case 'blob':
      if (isObject) return structureHere;
      if (Array.isArray(value)) return 'Unrecognized collection type class java.nio.ByteBuffer';
      return 'only base-64-encoded strings are convertible to bytes';
    default: {
      if (isObject) return structureHere;
      const name = JAVA_NAMES[shape.type] ?? shape.type;
      if (Array.isArray(value)) return `Unrecognized collection type class java.lang.${name}`;
      return `${jsonKind(value)} cannot be converted to ${name}`;
    }
  }
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

/** Java's Double.toString for the values Coral prints (1 -> "1.0"). */
function javaDouble(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e7 ? `${n}.0` : String(n);
}

/** Renders a value the way AWS (Java) prints it inside "Value '...' at" (shape-aware for doubles in collections). */
function render(value: unknown, shape?: Shape, index?: ServiceIndex): string {
  if (typeof value === 'number') return shape && (shape.type === 'double' || shape.type === 'float') ? javaDouble(value) : String(value);
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (value instanceof Date) return value.toISOString();
  const child = (ref: { shape: string } | undefined): Shape | undefined => (index && ref && !index.wireShapes.has(ref.shape) ? index.shape(ref.shape) : undefined);
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? child(shape.member) : undefined;
    return `[${value.map((v) => render(v, member, index)).join(', ')}]`;
  }
  if (value && typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const s = shape?.type === 'map' ? child(shape.value) : shape?.type === 'structure' ? child(shape.members?.[k]) : undefined;
      parts.push(`${k}=${render(v, s, index)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  return String(value);
}

function pushIssue(issues: string[], value: unknown, path: string, constraint: string, sensitive: boolean, shape?: Shape, index?: ServiceIndex): void {
  issues.push(
    sensitive
      ? `Value at '${path}' failed to satisfy constraint: ${constraint}`
      : `Value '${render(value, shape, index)}' at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}

function bound(shape: Shape, n: number): string {
  return shape.type === 'double' || shape.type === 'float' ? javaDouble(n) : String(n);
}

function sizeOf(value: unknown): number {
  if (Buffer.isBuffer(value) || Array.isArray(value) || typeof value === 'string') return value.length;
  return Object.keys(value as object).length;
}

/** Whether a value breaks any constraint of its shape (length, range, enum, pattern). */
function violates(shape: Shape, value: unknown): boolean {
  const { min, max } = shape;
  switch (shape.type) {
    case 'string': {
      const s = value as string;
      if ((min !== undefined && s.length < min) || (max !== undefined && s.length > max)) return true;
      if (shape.enum && !shape.enum.includes(s)) return true;
      if (shape.pattern) {
        const re = compilePattern(shape.pattern);
        if (re && !re.test(s)) return true;
      }
      return false;
    }
    case 'blob':
    case 'list':
    case 'map': {
      if (min === undefined && max === undefined) return false;
      const n = sizeOf(value);
      return (min !== undefined && n < min) || (max !== undefined && n > max);
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = value as number;
      return (min !== undefined && n < min) || (max !== undefined && n > max);
    }
    default:
      return false;
  }
}

/**
 * Every constraint of a member shape, as Coral lists them inside "must satisfy constraint: [...]":
 * upper bound, lower bound, pattern, enum (Lambda adds its own "Member must not be null").
 */
function constraintList(index: ServiceIndex, shape: Shape): string {
  const parts: string[] = [];
  const numeric = shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double';
  const what = numeric ? 'value' : 'length';
  if (shape.max !== undefined) parts.push(`Member must have ${what} less than or equal to ${bound(shape, shape.max)}`);
  if (shape.min !== undefined) parts.push(`Member must have ${what} greater than or equal to ${bound(shape, shape.min)}`);
  if (shape.pattern) parts.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  if (shape.enum) parts.push(`Member must satisfy enum value set: [${enumText(shape)}]`);
  if (index.name === 'lambda' && !shape.sensitive) parts.push('Member must not be null');
  return `[${parts.join(', ')}]`;
}

function checkConstraints(index: ServiceIndex, shape: Shape, value: unknown, path: string, issues: string[], sensitive: boolean): void {
  const { min, max } = shape;
  const fail = (constraint: string): void => pushIssue(issues, value, path, constraint, sensitive, shape, index);
  switch (shape.type) {
    case 'string': {
      const s = value as string;
      if (min !== undefined && s.length < min) fail(`Member must have length greater than or equal to ${min}`);
      if (max !== undefined && s.length > max) fail(`Member must have length less than or equal to ${max}`);
      if (shape.enum && !shape.enum.includes(s)) fail(`Member must satisfy enum value set: [${enumText(shape)}]`);
      if (shape.pattern) {
        const re = compilePattern(shape.pattern);
        if (re && !re.test(s)) fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case 'blob':
    case 'list':
    case 'map': {
      if (min === undefined && max === undefined) return;
      const n = sizeOf(value);
      if (min !== undefined && n < min) fail(`Member must have length greater than or equal to ${min}`);
      if (max !== undefined && n > max) fail(`Member must have length less than or equal to ${max}`);
      return;
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = value as number;
      if (min !== undefined && n < min) fail(`Member must have value greater than or equal to ${bound(shape, min)}`);
      if (max !== undefined && n > max) fail(`Member must have value less than or equal to ${bound(shape, max)}`);
      return;
    }
    default:
      return;
  }
}

/**
 * Generates src/generated/<service>.ts from models/aws/<service>/service-2.json (botocore format):
 * one TypeScript type per shape, one `<Service>Api` interface with a method per operation, one
 * AwsError subclass per exception shape and the list of operation names.
 *
 *   npm run codegen                       # compile, then write src/generated/*.ts
 *   node dist/scripts/codegen.js [outDir] # write into another directory (the test uses a temp dir)
 *
 * The output is deterministic (shapes sorted by name, operations in model order) so that a re-run
 * on the same models is byte-identical; the files are committed and never edited by hand.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemberRef, ServiceModel, Shape } from '../src/aws/model.js';

/**
 * The services generated, by model folder name: every model in models/aws that has a service folder
 * in src/services (a new service starts with its folder, then `npm run codegen`).
 */
export const SERVICES: readonly string[] = servicesWithModels();

function servicesWithModels(): string[] {
  const root = repoRoot();
  const models = join(root, 'models', 'aws');
  return readdirSync(models)
    .filter((name) => existsSync(join(models, name, 'service-2.json')) && existsSync(join(root, 'src', 'services', name)))
    .sort();
}

/**
 * `<Service>Api` interface base names where metadata.serviceId without spaces is not what we want
 * (serviceId 'STS' -> 'Sts'; the others follow the rule: DynamoDB, DynamoDBStreams, Lambda,
 * CloudWatchLogs, SFN, APIGateway).
 */
const API_NAME_OVERRIDES: Record<string, string> = { sts: 'Sts' };

/**
 * Names a shape must not take because the generated code (or code using it) needs the global or
 * imported meaning: ECMAScript globals, TypeScript's utility types, Node/web globals and the two
 * names the generated files import. Such a shape gets a `_` suffix (String -> String_).
 */
const RESERVED = new Set([
  // ECMAScript built-ins
  'Array', 'ArrayBuffer', 'AsyncGenerator', 'AsyncIterable', 'AsyncIterator', 'Atomics', 'BigInt',
  'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
  'FinalizationRegistry', 'Float32Array', 'Float64Array', 'Function', 'Generator', 'Infinity',
  'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterable', 'IterableIterator', 'Iterator', 'JSON',
  'Map', 'Math', 'NaN', 'Number', 'Object', 'Promise', 'PromiseLike', 'Proxy', 'RangeError',
  'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap',
  'WeakRef', 'WeakSet', 'globalThis',
  // TypeScript utility and intrinsic types
  'Awaited', 'Capitalize', 'ConstructorParameters', 'Exclude', 'Extract', 'InstanceType', 'Lowercase',
  'NonNullable', 'Omit', 'OmitThisParameter', 'Parameters', 'Partial', 'Pick', 'Readonly',
  'ReadonlyArray', 'Record', 'Required', 'ReturnType', 'ThisParameterType', 'ThisType',
  'Uncapitalize', 'Uppercase', 'PropertyKey', 'TemplateStringsArray',
  // Node.js and web globals
  'AbortController', 'AbortSignal', 'Blob', 'Buffer', 'BroadcastChannel', 'Console', 'Crypto',
  'CustomEvent', 'Event', 'EventTarget', 'File', 'FormData', 'Headers', 'MessageChannel',
  'MessageEvent', 'MessagePort', 'NodeJS', 'Performance', 'ReadableStream', 'Request', 'Response',
  'TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'WebAssembly', 'WebSocket', 'WritableStream',
  'console', 'process', 'require', 'module', 'exports', 'global',
  // TypeScript's own type names (SNS's model has shapes named `string` and `boolean`)
  'string', 'number', 'boolean', 'object', 'symbol', 'bigint', 'any', 'unknown', 'never', 'void', 'undefined', 'null',
  // imported or declared by the generated files
  'AwsError', 'RequestContext', 'operations',
]);

export function typeName(shapeName: string): string {
  return RESERVED.has(shapeName) ? `${shapeName}_` : shapeName;
}

export function apiName(service: string, model: ServiceModel): string {
  return `${API_NAME_OVERRIDES[service] ?? model.metadata.serviceId.replace(/\s+/g, '')}Api`;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function prop(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

/** Plain code-point order: independent of the machine's locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The TypeScript type a member reference resolves to. */
function refType(model: ServiceModel, ref: MemberRef): string {
  if (!model.shapes[ref.shape]) throw new Error(`shape ${ref.shape} is referenced but not defined`);
  return typeName(ref.shape);
}

function shapeDeclaration(model: ServiceModel, name: string, shape: Shape): string {
  const tn = typeName(name);
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return `export type ${tn} = unknown;`;
      const required = new Set(shape.required ?? []);
      const members = Object.keys(shape.members ?? {});
      if (members.length === 0) return `export interface ${tn} {}`;
      const lines = members.map((m) => {
        const ref = shape.members![m]!;
        return `  ${prop(m)}${required.has(m) ? '' : '?'}: ${refType(model, ref)};`;
      });
      return `export interface ${tn} {\n${lines.join('\n')}\n}`;
    }
    case 'list':
      return `export type ${tn} = ${wrapArray(refType(model, shape.member!))};`;
    case 'map':
      return `export type ${tn} = Record<string, ${refType(model, shape.value!)}>;`;
    case 'string':
      if (shape.enum && shape.enum.length > 0) return `export type ${tn} = ${shape.enum.map(quote).join(' | ')};`;
      return `export type ${tn} = string;`;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
    case 'bigdecimal':
    case 'biginteger':
      return `export type ${tn} = number;`;
    case 'boolean':
      return `export type ${tn} = boolean;`;
    case 'timestamp':
      return `export type ${tn} = Date;`;
    case 'blob':
      return `export type ${tn} = Buffer;`;
    default:
      throw new Error(`shape ${name}: unsupported type ${String((shape as Shape).type)}`);
  }
}

function wrapArray(t: string): string {
  return `${t}[]`;
}

function errorClass(name: string, shape: Shape): string {
  const status = shape.error?.httpStatusCode ?? 400;
  const tn = typeName(name);
  return (
    `export class ${tn} extends AwsError {\n` +
    `  constructor(message: string, fields: Record<string, unknown> = {}) {\n` +
    `    super(${quote(name)}, message, ${status}, { fields });\n` +
    `  }\n` +
    `}`
  );
}

/** The whole generated file for one service. */
export function generate(service: string, model: ServiceModel): string {
  const out: string[] = [];
  out.push(
    `// Generated from models/aws/${service}/service-2.json (API version ${model.metadata.apiVersion}) by scripts/codegen.ts. Do not edit.`,
    '',
    `import type { RequestContext } from '../core/context.js';`,
    `import { AwsError } from '../aws/errors.js';`,
    '',
  );

  const names = Object.keys(model.shapes).sort(byName);
  const seen = new Map<string, string>();
  for (const n of names) {
    const tn = typeName(n);
    const prev = seen.get(tn);
    if (prev !== undefined) throw new Error(`${service}: shapes ${prev} and ${n} both map to type ${tn}`);
    seen.set(tn, n);
  }

  out.push('// Shapes', '');
  for (const n of names) {
    const shape = model.shapes[n]!;
    // An exception shape is its error class (a class is also a type), declared below.
    if (shape.exception) continue;
    out.push(shapeDeclaration(model, n, shape), '');
  }

  const opNames = Object.keys(model.operations);
  const api = apiName(service, model);
  out.push('// Operations', '');
  out.push(`export interface ${api} {`);
  for (const op of opNames) {
    const o = model.operations[op]!;
    const input = o.input ? refType(model, o.input) : '{}';
    const output = o.output ? refType(model, o.output) : 'void';
    out.push(`  ${prop(op)}(ctx: RequestContext, input: ${input}): Promise<${output}>;`);
  }
  out.push('}', '');

  out.push('export const operations = [');
  for (const op of opNames) out.push(`  ${quote(op)},`);
  out.push('] as const;', '');

  out.push('// Errors', '');
  for (const n of names) {
    const shape = model.shapes[n]!;
    if (shape.exception) out.push(errorClass(n, shape), '');
  }
  return out.join('\n');
}

/** The repository root: the nearest ancestor of this file that holds models/aws. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'models', 'aws', 'NOTICE')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('codegen: cannot find the repository root (models/aws/NOTICE)');
    dir = parent;
  }
}

export function run(outDir?: string): string[] {
  const root = repoRoot();
  const target = resolve(outDir ?? join(root, 'src', 'generated'));
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  for (const service of SERVICES) {
    const model = JSON.parse(
      readFileSync(join(root, 'models', 'aws', service, 'service-2.json'), 'utf8'),
    ) as ServiceModel;
    const file = join(target, `${service}.ts`);
    writeFileSync(file, generate(service, model));
    written.push(file);
  }
  return written;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const files = run(process.argv[2]);
  for (const f of files) console.log(`wrote ${f}`);
}

/**
 * The Node.js runtime of Stratus's execution environments (runs in the child process, never in
 * the server). Loads the handler named by _HANDLER from LAMBDA_TASK_ROOT (CommonJS or ESM,
 * async or callback style) and serves invocations through the Lambda Runtime API at
 * AWS_LAMBDA_RUNTIME_API, as AWS's Node runtime interface client does.
 */
import { createConnection, type Socket } from 'node:net';
import { Module, register } from 'node:module';
import { chownSync, existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { redirectAwsHosts } from './node-aws-hosts.js';
import { installAwsLambdaGlobal, isStreamingHandler, runStreamingHandler } from './node-response-stream.js';

type Handler = (event: unknown, context: LambdaContext, callback?: (err?: unknown, res?: unknown) => void) => unknown;

interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity: unknown;
  clientContext: unknown;
  getRemainingTimeInMillis(): number;
  done(err?: unknown, res?: unknown): void;
  succeed(res?: unknown): void;
  fail(err?: unknown): void;
}

const api = process.env.AWS_LAMBDA_RUNTIME_API!;
const [apiHost, apiPort] = api.split(':') as [string, string];
const base = '/2018-06-01/runtime';
let currentRequestId: string | undefined;
/** True while a handler runs (a fatal error then fails the invocation). */
let invoking = false;

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A small HTTP/1.1 client on one keep-alive connection to the Runtime API. Requests may be
 * pipelined: the response of an invocation and the request for the next event leave in one
 * write, which saves a round trip per invocation.
 */
class RuntimeConnection {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];

  private connect(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = createConnection({ host: apiHost, port: Number(apiPort) });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    const fail = (e: Error): void => {
      for (const w of this.waiting.splice(0)) w.reject(e);
      this.socket = undefined;
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Runtime API connection closed')));
    this.socket = socket;
    return socket;
  }

  private parse(): void {
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end).split('\r\n');
      const status = Number(head[0]!.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (let i = 1; i < head.length; i++) {
        const line = head[i]!;
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length);
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.waiting.shift()?.resolve({ status, headers, body: Buffer.from(body) });
    }
  }

  /** Whether the connection keeps the event loop alive (not while waiting for it to empty). */
  ref(on: boolean): void {
    if (on) this.socket?.ref();
    else this.socket?.unref();
  }

  /** Sends requests in one write; resolves with their responses in order. */
  send(requests: { method: string; path: string; body?: Buffer | string; headers?: Record<string, string> }[]): Promise<Reply>[] {
    const socket = this.connect();
    const parts: Buffer[] = [];
    const replies = requests.map((r) => {
      const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body);
      let head = `${r.method} ${base}${r.path} HTTP/1.1\r\nHost: ${api}\r\n`;
      for (const [k, v] of Object.entries(r.headers ?? {})) head += `${k}: ${v}\r\n`;
      head += `Content-Length: ${body?.length ?? 0}\r\n\r\n`;
      parts.push(Buffer.from(head, 'latin1'));
      if (body) parts.push(body);
      return new Promise<Reply>((resolve, reject) => this.waiting.push({ resolve, reject }));
    });
    socket.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    return replies;
  }
}

const runtime = new RuntimeConnection();

function call(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<Reply> {
  return runtime.send([{ method, path, body, headers }])[0]!;
}

// Logs as AWS's Node runtime writes them: timestamp, request id, level, message (one event per call).
function patchConsole(): void {
  const write = (level: string, args: unknown[]): void => {
    const line = `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${format(...args)}`.replace(/\n/g, '\r');
    process.stdout.write(line + '\n');
  };
  console.log = (...a: unknown[]) => write('INFO', a);
  console.info = (...a: unknown[]) => write('INFO', a);
  console.warn = (...a: unknown[]) => write('WARN', a);
  console.error = (...a: unknown[]) => write('ERROR', a);
  console.debug = (...a: unknown[]) => write('DEBUG', a);
  console.trace = (...a: unknown[]) => write('TRACE', a);
  (console as unknown as Record<string, unknown>).fatal = (...a: unknown[]) => write('FATAL', a);
}

interface ErrorDoc {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

function toErrorDoc(err: unknown, forcedType?: string): ErrorDoc {
  if (err instanceof Error) {
    return {
      errorType: forcedType ?? (err.name || 'Error'),
      errorMessage: err.message,
      trace: (err.stack ?? '').split('\n'),
    };
  }
  if (typeof err === 'object' && err !== null) {
    const o = err as Record<string, unknown>;
    return { errorType: forcedType ?? (typeof o.name === 'string' ? o.name : 'object'), errorMessage: typeof o.message === 'string' ? o.message : JSON.stringify(err), trace: [] };
  }
  return { errorType: forcedType ?? typeof err, errorMessage: String(err), trace: [] };
}

class UserError extends Error {
  constructor(readonly type: string, message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/**
 * Imports the handler's module. ES modules ignore NODE_PATH: the runtime's SDK is found through a
 * `node_modules` link above the code directory; anything else NODE_PATH names (layers) through
 * resolution hooks, registered only when an import needs them (they cost a thread and ~70 ms).
 */
async function importHandler(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    const paths = (process.env.NODE_PATH ?? '').split(':').filter(Boolean);
    if ((e as NodeJS.ErrnoException)?.code !== 'ERR_MODULE_NOT_FOUND' || !/^Cannot find package '/.test((e as Error).message) || !paths.length || typeof register !== 'function') throw e;
    register(new URL('./node-esm-paths.js', import.meta.url), { data: { paths } });
    // A new URL: the failed module graph stays cached under the first one.
    return (await import(`${url}?resolve-from-node-path`)) as Record<string, unknown>;
  }
}

async function loadHandler(): Promise<Handler> {
  const spec = process.env._HANDLER ?? '';
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const slash = spec.lastIndexOf('/');
  const dir = slash >= 0 ? spec.slice(0, slash + 1) : '';
  const last = spec.slice(slash + 1);
  const dot = last.indexOf('.');
  if (dot < 0) throw new UserError('Runtime.MalformedHandlerName', "Bad handler");
  const moduleName = dir + last.slice(0, dot);
  const fnPath = last.slice(dot + 1).split('.');
  const basePath = resolvePath(root, moduleName);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => basePath + ext).find((f) => existsSync(f)) ?? (existsSync(join(basePath, 'index.js')) ? join(basePath, 'index.js') : undefined);
  if (!file) {
    throw new UserError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${process.argv[1]}`);
  }
  let mod: Record<string, unknown>;
  try {
    mod = await importHandler(pathToFileURL(file).href);
  } catch (e) {
    if (e instanceof SyntaxError) throw new UserError('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`, e);
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new UserError('Runtime.ImportModuleError', `Error: ${(e as Error).message}`, e);
    }
    throw e;
  }
  let target: unknown = mod;
  for (const part of fnPath) {
    let next = (target as Record<string, unknown> | undefined)?.[part];
    if (next === undefined && target === mod) next = (mod.default as Record<string, unknown> | undefined)?.[part];
    target = next;
  }
  if (typeof target !== 'function') {
    throw new UserError('Runtime.HandlerNotFound', `${moduleName}.${fnPath.join('.')} is undefined or not exported`);
  }
  return target as Handler;
}

/** Keeps the runtime up while a handler awaits something that never settles (set in main). */
let keepAlive: NodeJS.Timeout | undefined;
/** Runs once the event loop is empty (callbackWaitsForEmptyEventLoop). */
let onEmptyLoop: (() => void) | undefined;

process.on('beforeExit', () => {
  const fn = onEmptyLoop;
  if (!fn) return;
  loopWait(undefined);
  fn();
});

/**
 * Waits for the event loop to be empty before `fn` (undefined: stop waiting). While waiting, the
 * runtime's own handles (its Runtime API connection, the keep-alive timer) do not count, so
 * 'beforeExit' fires once only the function's work is done, as with AWS's runtime.
 */
function loopWait(fn: (() => void) | undefined): void {
  onEmptyLoop = fn;
  const waiting = fn !== undefined;
  runtime.ref(!waiting);
  if (waiting) keepAlive?.unref();
  else keepAlive?.ref();
}

/**
 * Runs a handler as AWS's Node runtime does. Only the first of `callback`, `context.done`,
 * `context.succeed`, `context.fail` or the returned promise counts. A returned promise (async
 * handlers) answers when it settles. `callback(error)` answers at once; `callback(null, result)`
 * answers once the event loop is empty, unless `context.callbackWaitsForEmptyEventLoop` is false at
 * that moment (then at once); `context.done/succeed/fail` answer at once. A non-async handler that
 * returns no promise and never calls back (its return value is ignored) answers null once the
 * event loop is empty.
 */
function invokeHandler(handler: Handler, event: unknown, context: LambdaContext): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let called = false;
    let settled = false;
    const settle = (err?: unknown, res?: unknown): void => {
      if (settled) return;
      settled = true;
      loopWait(undefined);
      if (err !== undefined && err !== null) reject(err);
      else resolve(res);
    };
    const first = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A): void => {
      if (called) return;
      called = true;
      fn(...args);
    };
    const callback = first((err?: unknown, res?: unknown): void => {
      if ((err === undefined || err === null) && context.callbackWaitsForEmptyEventLoop) loopWait(() => setImmediate(() => settle(undefined, res)));
      else settle(err, res);
    });
    context.done = first((err?: unknown, res?: unknown) => settle(err, res));
    context.succeed = first((res?: unknown) => settle(undefined, res));
    context.fail = first((err?: unknown) => settle(err ?? 'handled'));
    const isAsync = handler.constructor?.name === 'AsyncFunction';
    // The answer when the event loop empties with nothing reported (async handlers keep waiting).
    if (!isAsync) loopWait(() => first(() => settle(undefined, null))());
    try {
      const out = handler(event, context, callback);
      if (out && typeof (out as Promise<unknown>).then === 'function') {
        (out as Promise<unknown>).then(
          (v) => first(() => settle(undefined, v))(),
          (e: unknown) => first(() => settle(e ?? new Error('Promise rejected')))(),
        );
      }
    } catch (e) {
      called = true;
      settle(e);
    }
  });
}

async function postError(path: string, doc: ErrorDoc): Promise<void> {
  await call('POST', path, JSON.stringify(doc), { 'content-type': 'application/json', 'lambda-runtime-function-error-type': doc.errorType });
}

function logError(label: string, doc: ErrorDoc): void {
  console.error(`${label} \t${JSON.stringify(doc)}`);
}

/** A pre-started process waits for the environment it will serve (see src/runtime/spare.ts). */
async function standby(): Promise<void> {
  if (!process.env._STRATUS_STANDBY) return;
  const reply = await call('GET', '/stratus/standby');
  const { env, cwd, uid, gid, chown } = JSON.parse(reply.body.toString('utf8')) as { env: Record<string, string>; cwd: string; uid?: number; gid?: number; chown?: string[] };
  if (typeof uid === 'number' && typeof gid === 'number') {
    // Isolated: become the function's user before any of its code is loaded.
    for (const path of chown ?? []) chownSync(path, uid, gid);
    process.setgroups!([]);
    process.setgid!(gid);
    process.setuid!(uid);
  }
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  process.chdir(cwd);
  // NODE_PATH is read at start-up: re-read it.
  (Module as unknown as { _initPaths?: () => void })._initPaths?.();
}

/** Calls to AWS host names reach Stratus. */
function connectToStratus(): void {
  const endpoint = process.env._STRATUS_ENDPOINT;
  delete process.env._STRATUS_ENDPOINT;
  if (endpoint) redirectAwsHosts(endpoint);
}

async function main(): Promise<void> {
  await standby();
  connectToStratus();
  patchConsole();
  installAwsLambdaGlobal();
  // The runtime stays up while a handler awaits something that never settles (as on AWS, where
  // only the timeout ends such an invocation).
  keepAlive = setInterval(() => undefined, 1 << 30);
  let handler: Handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const doc = e instanceof UserError ? { errorType: e.type, errorMessage: e.message, trace: (e.cause instanceof Error ? e.cause.stack ?? '' : e.stack ?? '').split('\n') } : toErrorDoc(e);
    logError('Init Error', doc);
    await postError('/init/error', doc);
    process.exit(1);
  }
  // The environment's constants, read once (process.env lookups cross into C++ each time).
  const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? '';
  const functionVersion = process.env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST';
  const memoryLimitInMB = process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128';
  const logGroupName = process.env.AWS_LAMBDA_LOG_GROUP_NAME ?? '';
  const logStreamName = process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? '';
  process.on('uncaughtException', (err) => void fatal(err, 'Uncaught Exception'));
  process.on('unhandledRejection', (reason) => void fatal(reason, 'Unhandled Promise Rejection', 'Runtime.UnhandledPromiseRejection'));
  let pendingNext: Promise<Reply> = call('GET', '/invocation/next');
  for (;;) {
    const next = await pendingNext;
    const h = (n: string): string | undefined => next.headers[n];
    const requestId = h('lambda-runtime-aws-request-id') ?? '';
    const deadline = Number(h('lambda-runtime-deadline-ms') ?? 0);
    currentRequestId = requestId;
    invoking = true;
    const traceId = h('lambda-runtime-trace-id');
    if (traceId) process.env._X_AMZN_TRACE_ID = traceId;
    else delete process.env._X_AMZN_TRACE_ID;
    const parse = (v: string | undefined): unknown => {
      if (!v) return undefined;
      try {
        return JSON.parse(v);
      } catch {
        return undefined;
      }
    };
    const context: LambdaContext = {
      callbackWaitsForEmptyEventLoop: true,
      functionName,
      functionVersion,
      invokedFunctionArn: h('lambda-runtime-invoked-function-arn') ?? '',
      memoryLimitInMB,
      awsRequestId: requestId,
      logGroupName,
      logStreamName,
      identity: parse(h('lambda-runtime-cognito-identity')),
      clientContext: parse(h('lambda-runtime-client-context')),
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      succeed: () => undefined,
      fail: () => undefined,
    };
    let event: unknown;
    try {
      event = next.body.length ? JSON.parse(next.body.toString('utf8')) : {};
    } catch {
      event = next.body.toString('utf8');
    }
    if (isStreamingHandler(handler)) {
      await runStreamingHandler(handler, event, context, requestId, { host: apiHost, port: Number(apiPort), toErrorDoc, logError });
      invoking = false;
      pendingNext = call('GET', '/invocation/next');
      continue;
    }
    const rid = encodeURIComponent(requestId);
    let outcome: { path: string; body: string; headers: Record<string, string> };
    try {
      const result = await invokeHandler(handler, event, context);
      const body = JSON.stringify(result === undefined ? null : result) ?? 'null';
      outcome = { path: `/invocation/${rid}/response`, body, headers: { 'Content-Type': 'application/json' } };
    } catch (e) {
      const doc = toErrorDoc(e);
      logError('Invoke Error', doc);
      outcome = { path: `/invocation/${rid}/error`, body: JSON.stringify(doc), headers: { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': doc.errorType } };
    }
    invoking = false;
    // The result and the request for the next event leave together (HTTP pipelining).
    const [posted, nextEvent] = runtime.send([{ method: 'POST', ...outcome }, { method: 'GET', path: '/invocation/next' }]);
    pendingNext = nextEvent!;
    await posted;
  }
}

async function fatal(err: unknown, label: string, type?: string): Promise<void> {
  const doc = toErrorDoc(err, type);
  logError(label, doc);
  try {
    if (currentRequestId && invoking) await postError(`/invocation/${encodeURIComponent(currentRequestId)}/error`, doc);
  } finally {
    process.exit(128);
  }
}

main().catch((e: unknown) => {
  // The Runtime API went away (server stopped): nothing left to serve.
  process.stderr.write(`runtime stopped: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});

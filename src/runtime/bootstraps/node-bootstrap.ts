/**
 * The Node.js runtime of Stratus's execution environments (runs in the child process, never in
 * the server). Loads the handler named by _HANDLER from LAMBDA_TASK_ROOT (CommonJS or ESM,
 * async or callback style) and serves invocations through the Lambda Runtime API at
 * AWS_LAMBDA_RUNTIME_API, as AWS's Node runtime interface client does.
 */
import { Agent, request } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

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
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const base = '/2018-06-01/runtime';
let currentRequestId: string | undefined;

function call(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: apiHost, port: Number(apiPort), method, path: base + path, agent, headers: body !== undefined ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
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
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
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

function invokeHandler(handler: Handler, event: unknown, context: LambdaContext): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err?: unknown, res?: unknown): void => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(res);
    };
    context.done = done;
    context.succeed = (res?: unknown) => done(undefined, res);
    context.fail = (err?: unknown) => done(err ?? 'handled');
    try {
      const isAsync = handler.constructor?.name === 'AsyncFunction';
      const out = !isAsync && handler.length >= 3 ? handler(event, context, done) : handler(event, context);
      if (out && typeof (out as Promise<unknown>).then === 'function') {
        (out as Promise<unknown>).then((v) => done(undefined, v), (e: unknown) => done(e ?? new Error('Promise rejected')));
      } else if (isAsync || handler.length < 3) {
        done(undefined, out);
      }
    } catch (e) {
      done(e);
    }
  });
}

async function postError(path: string, doc: ErrorDoc): Promise<void> {
  await call('POST', path, JSON.stringify(doc), { 'content-type': 'application/json', 'lambda-runtime-function-error-type': doc.errorType });
}

function logError(label: string, doc: ErrorDoc): void {
  console.error(`${label} \t${JSON.stringify(doc)}`);
}

async function main(): Promise<void> {
  patchConsole();
  // The runtime stays up while a handler awaits something that never settles (as on AWS, where
  // only the timeout ends such an invocation).
  setInterval(() => undefined, 1 << 30);
  let handler: Handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const doc = e instanceof UserError ? { errorType: e.type, errorMessage: e.message, trace: (e.cause instanceof Error ? e.cause.stack ?? '' : e.stack ?? '').split('\n') } : toErrorDoc(e);
    logError('Init Error', doc);
    await postError('/init/error', doc);
    process.exit(1);
  }
  process.on('uncaughtException', (err) => void fatal(err, 'Uncaught Exception'));
  process.on('unhandledRejection', (reason) => void fatal(reason, 'Unhandled Promise Rejection', 'Runtime.UnhandledPromiseRejection'));
  for (;;) {
    const next = await call('GET', '/invocation/next');
    const h = (n: string): string | undefined => {
      const v = next.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    const requestId = h('lambda-runtime-aws-request-id') ?? '';
    const deadline = Number(h('lambda-runtime-deadline-ms') ?? 0);
    currentRequestId = requestId;
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
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME ?? '',
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION ?? '$LATEST',
      invokedFunctionArn: h('lambda-runtime-invoked-function-arn') ?? '',
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '128',
      awsRequestId: requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME ?? '',
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? '',
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
    const rid = encodeURIComponent(requestId);
    try {
      const result = await invokeHandler(handler, event, context);
      const body = JSON.stringify(result === undefined ? null : result) ?? 'null';
      await call('POST', `/invocation/${rid}/response`, body, { 'content-type': 'application/json' });
    } catch (e) {
      const doc = toErrorDoc(e);
      logError('Invoke Error', doc);
      await postError(`/invocation/${rid}/error`, doc);
    }
  }
}

async function fatal(err: unknown, label: string, type?: string): Promise<void> {
  const doc = toErrorDoc(err, type);
  logError(label, doc);
  try {
    if (currentRequestId) await postError(`/invocation/${encodeURIComponent(currentRequestId)}/error`, doc);
  } finally {
    process.exit(128);
  }
}

main().catch((e: unknown) => {
  // The Runtime API went away (server stopped): nothing left to serve.
  process.stderr.write(`runtime stopped: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});

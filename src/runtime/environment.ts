/**
 * One execution environment: a child process running a runtime (Node, Python, or the zip's own
 * `bootstrap`) that talks to its own Lambda Runtime API listener (127.0.0.1, ephemeral port),
 * served here. One invocation at a time; init runs once (or, SnapStart, the process is a fork of
 * an initialised template: snapstart.ts); killed on timeout, memory overrun or crash. Logs
 * written by the process on stdout/stderr are attributed to the invocation in flight.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { acceptStreamedResponse, type ResponseStreamSink, type StreamState } from './streamed-response.js';
import { accessSync, chmodSync, chownSync, constants as fsConstants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, TimerHandle } from '../core/clock.js';
import { randomId } from '../core/ids.js';
import { environmentVariables, isNodeRuntime, isProvidedRuntime, runtimeCommand, runtimeVersionText, treeRssKb } from './launch.js';
import { RuntimeApiServer, type RuntimeRequest, type RuntimeResponder } from './runtime-api-server.js';
import { functionDir, type Identity, type Isolation } from './sandbox.js';
import type { RestoredProcess, SnapshotSource } from './snapstart.js';
import { STANDBY_PATH, type Spare } from './spare.js';

export { cleanScratch, environmentVariables, isNodeRuntime, isProvidedRuntime, isPythonRuntime, runtimeCommand, runtimeVersionText, spareKind, treeRssKb } from './launch.js';

/** Sync response payload limit (bytes) for what a function returns. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
/** AWS reports the limit with a small allowance for framing. */
const RESPONSE_LIMIT_REPORTED = 6291556;
/** AWS's init phase limit. */
const INIT_TIMEOUT_MS = 10_000;

export interface LogEvent {
  timestamp: number;
  message: string;
}

export interface EnvironmentSpec {
  /** Identifies the configuration this environment runs (function, version, code, config). */
  readonly key: string;
  readonly runtime: string;
  readonly handler: string;
  readonly taskRoot: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly memoryMb: number;
  readonly timeoutSec: number;
  readonly ephemeralMb: number;
  readonly region: string;
  readonly accountId: string;
  readonly logGroupName: string;
  /** User environment variables. */
  readonly variables: Readonly<Record<string, string>>;
  readonly credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  readonly endpoint: string;
  /** The function's own uid/gid (isolation modes `uid` and `namespace`); absent: the server's user. */
  readonly identity?: Identity | undefined;
  /** Node's executable for Node runtimes (absent: the server's own). */
  readonly executable?: string | undefined;
  /** What the INIT_START log line names as the runtime version. */
  readonly runtimeVersion?: string | undefined;
  /**
   * The function's layers extracted in order into one directory (AWS's /opt): bind-mounted on the
   * literal /opt in namespace mode, named by its real path in the variables otherwise.
   */
  readonly optDir?: string | undefined;
  /** A published version with SnapStart: environments are restored from its snapshot (snapstart.ts). */
  readonly snapStart?: boolean | undefined;
  /** The configuration's RuntimeVersionArn (INIT_START and RESTORE_START lines). */
  readonly runtimeVersionArn?: string | undefined;
}

export interface RuntimePaths {
  /** Directory holding the bootstraps (node-bootstrap.js, bootstrap.py). */
  readonly runtimeDir: string;
  readonly nodeBootstrap: string;
  readonly pythonBootstrap: string;
  /** Where environments get their scratch directories (their own /tmp). */
  readonly scratchDir: string;
  /** util-linux prlimit, when installed (limits file sizes to the ephemeral storage size). */
  readonly prlimit?: string | undefined;
  /** The python3 executable that runs python3.x functions. */
  readonly python: string;
  /** NODE_PATH for Node functions (the SDK the runtime provides, as AWS's images do). */
  readonly nodePath: string | undefined;
  /** How environments are isolated (see sandbox.ts). */
  readonly isolation: Isolation;
  /** Where functions' own directories live when isolated (outside the data directory). */
  readonly sandboxDir: string;
}

export interface InvokeRequest {
  readonly requestId: string;
  readonly payload: Buffer;
  readonly invokedFunctionArn: string;
  readonly clientContext?: string | undefined;
  readonly cognitoIdentity?: string | undefined;
  readonly traceId: string;
  /**
   * Where a streamed response goes as it is produced (function URLs in RESPONSE_STREAM mode,
   * InvokeWithResponseStream); without it a streamed response is collected like a buffered one.
   */
  readonly stream?: ResponseStreamSink | undefined;
}

export type InvokeOutcome = 'success' | 'error' | 'timeout' | 'exit' | 'oom' | 'init-error';

export interface InvokeResult {
  outcome: InvokeOutcome;
  /** The function's response, or the error document. */
  payload: Buffer;
  errorType?: string | undefined;
  /** Log events of this invocation (init logs on a cold start, START ... REPORT). */
  logs: readonly LogEvent[];
  durationMs: number;
  initDurationMs?: number | undefined;
  /** Restored from a SnapStart snapshot: the restore took this long (instead of an init). */
  restoreDurationMs?: number | undefined;
  maxMemoryMb: number;
}

type State = 'starting' | 'idle' | 'busy' | 'dead';

interface Pending {
  req: InvokeRequest;
  startedAt: number;
  timer: TimerHandle | undefined;
  resolve: (r: InvokeResult) => void;
  /** The event was handed to the runtime. */
  delivered: boolean;
  logs: LogEvent[];
  done: boolean;
  /** The function is streaming its response (see streamed-response.ts). */
  streaming?: StreamState;
}

export type LogSink = (spec: EnvironmentSpec, logStreamName: string, events: LogEvent[]) => void;

const RUNTIME_PREFIX = '/2018-06-01/runtime/';

function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
}

export class Environment {
  readonly id = randomId(32, '0123456789abcdef');
  readonly logStreamName: string;
  state: State = 'starting';
  lastUsed: number;
  invocations = 0;
  private server: RuntimeApiServer | undefined;
  private standby: ((req: RuntimeRequest, res: RuntimeResponder) => void) | undefined;
  /** The runtime process: spawned, adopted (spare) or forked from a SnapStart template. */
  private child: { readonly pid?: number | undefined } | undefined;
  /** The template this environment was restored from (SnapStart). */
  private template: SnapshotSource | undefined;
  /** Billed Restore Duration: what the restored process reports it spent on its own restore. */
  private billedRestoreMs = 0;
  private readonly scratch: string;
  private spawnedAt = 0;
  private initDurationMs: number | undefined;
  private initReported = false;
  private initError: { type: string; body: Buffer } | undefined;
  private heldNext: RuntimeResponder | undefined;
  private pending: Pending | undefined;
  private initLogs: LogEvent[] = [];
  private stdoutRest = '';
  private stderrRest = '';
  private stderrTail = '';
  private peakRssKb = 0;
  /** The latest RSS sample (KB) and when it was taken (performance.now()). */
  private lastRssKb = 0;
  private lastSampleAt = 0;
  private memTimer: NodeJS.Timeout | undefined;
  private initTimer: TimerHandle | undefined;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private oomKilled = false;
  private readonly readyWaiters: ((ok: boolean) => void)[] = [];
  private readonly deathListeners: (() => void)[] = [];

  constructor(
    readonly spec: EnvironmentSpec,
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly sink: LogSink,
  ) {
    this.lastUsed = clock.now();
    this.logStreamName = `${formatDate(clock.now())}/[${spec.functionVersion}]${this.id}`;
    // Namespace mode: /tmp is the environment's own tmpfs; uid mode: a directory of the function's.
    this.scratch =
      paths.isolation.mode === 'none' || !spec.identity ? join(paths.scratchDir, this.id) : paths.isolation.mode === 'uid' ? join(functionDir(paths.sandboxDir, spec.identity), `env-${this.id}`) : '';
  }

  /** The directory the function sees as its /tmp (TMPDIR, HOME); restored environments share their template's. */
  private get tmpDir(): string {
    if (this.template) return this.template.tmpDir;
    return this.scratch ? join(this.scratch, 'tmp') : '/tmp';
  }

  onDeath(fn: () => void): void {
    this.deathListeners.push(fn);
  }

  /**
   * Starts the Runtime API listener and the process; init runs in the background. With a SnapStart
   * `template`, the process is a fork of it (already initialised) and a cold start only when it cannot fork.
   */
  async start(spare?: Spare, template?: SnapshotSource): Promise<void> {
    const id = this.spec.identity;
    if (template) {
      this.server = new RuntimeApiServer((req, res) => this.handle(req, res), MAX_RESPONSE_BYTES);
      if (id && this.paths.isolation.mode !== 'none') this.server.allowUid = id.uid;
      const port = await this.server.listen();
      if (await this.restore(template, port)) return;
      this.server.close();
    }
    this.initLogs.push({ timestamp: this.clock.now(), message: `INIT_START ${runtimeVersionText(this.spec)}` });
    if (this.scratch) {
      mkdirSync(this.tmpDir, { recursive: true });
      if (id && this.paths.isolation.mode !== 'none') {
        chownSync(this.scratch, id.uid, id.gid);
        chownSync(this.tmpDir, id.uid, id.gid);
        chmodSync(this.scratch, 0o700);
        chmodSync(this.tmpDir, 0o700);
      }
    }
    if (spare && !spare.exited) return this.adopt(spare);
    this.server = new RuntimeApiServer((req, res) => this.handle(req, res), MAX_RESPONSE_BYTES);
    // Only the environment's own processes may talk to its Runtime API.
    if (id && this.paths.isolation.mode !== 'none') this.server.allowUid = id.uid;
    const port = await this.server.listen();
    const { command, args, spawnAs } = runtimeCommand(this.spec, this.paths, id);
    const env = this.environment(`127.0.0.1:${port}`);
    this.spawnedAt = performance.now();
    if (isProvidedRuntime(this.spec.runtime)) {
      const problem = bootstrapProblem(join(this.spec.taskRoot, 'bootstrap'), this.spec.optDir);
      if (problem) {
        this.initError = { type: 'Runtime.InvalidEntrypoint', body: errorDoc('Runtime.InvalidEntrypoint', problem) };
        this.die();
        return;
      }
    }
    this.armInitTimer();
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd: this.spec.taskRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        ...(spawnAs ? { uid: spawnAs.uid, gid: spawnAs.gid } : {}),
      });
    } catch (e) {
      this.initError = { type: 'Runtime.InvalidEntrypoint', body: errorDoc('Runtime.InvalidEntrypoint', (e as Error).message) };
      this.die();
      return;
    }
    this.child = child;
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (s: string) => this.onOutput(s, false));
    child.stderr!.on('data', (s: string) => this.onOutput(s, true));
    child.on('error', (e) => {
      this.initError ??= {
        type: 'Runtime.InvalidEntrypoint',
        body: errorDoc('Runtime.InvalidEntrypoint', `RequestId: ${this.pending?.req.requestId ?? ''} Error: fork/exec ${command}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : 'no such file or directory'}`),
      };
      this.die();
    });
    child.on('exit', (code, signal) => {
      this.exitInfo = { code, signal };
      // Let the pipes drain before concluding, so the last log lines are kept.
      setImmediate(() => this.die());
    });
  }

  private armInitTimer(): void {
    this.initTimer = this.clock.setTimer(INIT_TIMEOUT_MS, () => {
      if (this.initDurationMs === undefined && !this.initError && this.state !== 'dead') {
        // A restore has the same 10 s; the invocation then fails with AWS's SnapStartTimeoutException.
        this.initError = this.template
          ? { type: 'SnapStartTimeoutException', body: errorDoc('SnapStartTimeoutException', "Lambda couldn't restore the snapshot within the timeout limit.") }
          : {
              type: 'Runtime.Unknown',
              body: Buffer.from(JSON.stringify({ errorType: 'Runtime.Unknown', errorMessage: `INIT_REPORT Init Duration: ${INIT_TIMEOUT_MS.toFixed(2)} ms Phase: init Status: timeout` })),
            };
        this.kill();
      }
    });
  }

  /**
   * Forks the template into this environment: Restore Duration runs from the fork request to the
   * first /next (the fork, then the after-restore hooks). False when the template cannot fork.
   */
  private async restore(template: SnapshotSource, port: number): Promise<boolean> {
    this.template = template;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.environment(`127.0.0.1:${port}`))) if (v !== undefined) env[k] = v;
    this.spawnedAt = performance.now();
    this.initLogs.push({ timestamp: this.clock.now(), message: `RESTORE_START ${runtimeVersionText(this.spec)}` });
    let proc: RestoredProcess;
    try {
      proc = await template.fork(env, this.spec.taskRoot);
    } catch {
      this.template = undefined;
      this.initLogs = [];
      return false;
    }
    this.child = proc;
    proc.attach(
      (chunk, err) => this.onOutput(chunk, err),
      (code, signal) => {
        this.exitInfo = { code, signal };
        setImmediate(() => this.die());
      },
    );
    if (this.state === 'dead') this.kill();
    else this.armInitTimer();
    return true;
  }

  /** Takes over a pre-started runtime process: gives it this environment, then init runs as usual. */
  private adopt(spare: Spare): void {
    this.standby = spare.standby;
    this.server = spare.server;
    spare.server.handler = (req, res) => this.handle(req, res);
    // A standby process only ever sent small requests: its function may answer up to 6 MB.
    spare.server.maxBody = MAX_RESPONSE_BYTES;
    const child = spare.child;
    this.child = child;
    spare.onOutput = (chunk, err) => this.onOutput(chunk, err);
    spare.onExit = (code, signal) => {
      this.exitInfo = { code, signal };
      setImmediate(() => this.die());
    };
    this.spawnedAt = performance.now();
    this.armInitTimer();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.environment(`127.0.0.1:${spare.port}`))) if (v !== undefined) env[k] = v;
    const id = this.spec.identity;
    if (id && this.paths.isolation.mode !== 'none') {
      // New connections must come from the function's uid; the process drops to it when assigned.
      spare.server.allowUid = id.uid;
      spare.assign(env, this.spec.taskRoot, { uid: id.uid, gid: id.gid, chown: this.paths.isolation.mode === 'namespace' ? ['/tmp'] : [] });
    } else {
      spare.assign(env, this.spec.taskRoot);
    }
  }

  /** Resolves true once init completed (the runtime asked for its first event), false if it failed. */
  ready(): Promise<boolean> {
    if (this.initDurationMs !== undefined && this.state !== 'dead') return Promise.resolve(true);
    if (this.state === 'dead') return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Runs one invocation. The environment must be idle or starting (first invocation). */
  invoke(req: InvokeRequest): Promise<InvokeResult> {
    if (this.pending) throw new Error('environment busy');
    const wasDead = this.state === 'dead';
    if (!wasDead) this.state = 'busy';
    this.invocations++;
    return new Promise<InvokeResult>((resolve) => {
      const pending: Pending = { req, startedAt: 0, timer: undefined, resolve, delivered: false, logs: [], done: false };
      this.pending = pending;
      if (wasDead) {
        this.concludeDeath();
        return;
      }
      if (this.initError) {
        // Init failed: the environment is torn down; its death concludes this invocation.
        this.kill();
        return;
      }
      if (this.heldNext) this.deliver();
      this.startMemoryWatch();
    });
  }

  private deliver(): void {
    const p = this.pending;
    const res = this.heldNext;
    if (!p || !res || p.delivered) return;
    this.heldNext = undefined;
    p.delivered = true;
    p.startedAt = performance.now();
    const timeoutMs = this.spec.timeoutSec * 1000;
    const deadline = this.clock.now() - this.clock.offsetMs + timeoutMs;
    this.log(p, `START RequestId: ${p.req.requestId} Version: ${this.spec.functionVersion}`);
    p.timer = this.clock.setTimer(timeoutMs, () => this.onTimeout(p));
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': p.req.payload.length,
      'lambda-runtime-aws-request-id': p.req.requestId,
      'lambda-runtime-deadline-ms': String(deadline),
      'lambda-runtime-invoked-function-arn': p.req.invokedFunctionArn,
      'lambda-runtime-trace-id': p.req.traceId,
    };
    if (p.req.clientContext) headers['lambda-runtime-client-context'] = p.req.clientContext;
    if (p.req.cognitoIdentity) headers['lambda-runtime-cognito-identity'] = p.req.cognitoIdentity;
    res.send(200, headers, p.req.payload);
  }

  private handle(req: RuntimeRequest, res: RuntimeResponder): void {
    const url = req.path;
    if (this.standby && url === STANDBY_PATH) return this.standby(req, res);
    if (!url.startsWith(RUNTIME_PREFIX)) return this.reply(res, 404, { errorMessage: 'Not found', errorType: 'InvalidRequest' });
    const rest = url.slice(RUNTIME_PREFIX.length).split('?')[0]!;
    if (req.method === 'GET' && rest === 'invocation/next') {
      if (this.heldNext) this.reply(this.heldNext, 400, { errorMessage: 'concurrent next', errorType: 'InvalidStateTransition' });
      this.heldNext = res;
      res.onClose(() => {
        if (this.heldNext === res) this.heldNext = undefined;
      });
      if (this.initDurationMs === undefined && !this.initError) {
        this.initDurationMs = performance.now() - this.spawnedAt;
        this.initTimer?.cancel();
        if (this.template) {
          const reported = Number(req.headers['lambda-runtime-stratus-restore-ms']);
          this.billedRestoreMs = Math.ceil(Number.isFinite(reported) && reported >= 0 ? Math.min(reported, this.initDurationMs) : this.initDurationMs);
          this.initLogs.push({ timestamp: this.clock.now(), message: `RESTORE_REPORT Restore Duration: ${this.initDurationMs.toFixed(2)} ms` });
        }
        if (this.state === 'starting') this.state = this.pending ? 'busy' : 'idle';
        for (const w of this.readyWaiters.splice(0)) w(true);
      }
      if (this.pending && !this.pending.delivered) this.deliver();
      return;
    }
    const body = req.body;
    if (req.method === 'POST' && rest === 'init/error') {
      const type = req.headers['lambda-runtime-function-error-type'] ?? 'Runtime.Unknown';
      this.initError = { type, body: body.length ? body : errorDoc(type, 'init error') };
      this.initTimer?.cancel();
      this.reply(res, 202, { status: 'OK' });
      for (const w of this.readyWaiters.splice(0)) w(false);
      // AWS resets an environment whose init failed.
      if (this.pending) this.kill();
      else setImmediate(() => this.kill());
      return;
    }
    const m = /^invocation\/([^/]+)\/(response|error)$/.exec(rest);
    if (req.method !== 'POST' || !m) return this.reply(res, 404, { errorMessage: 'Not found', errorType: 'InvalidRequest' });
    const id = decodeURIComponent(m[1]!);
    const p = this.pending;
    if (!p || p.done || !p.delivered || p.req.requestId !== id) {
      return this.reply(res, 400, { errorMessage: `Invalid request ID: ${id}`, errorType: 'InvalidRequestID' });
    }
    if (m[2] === 'response' && req.stream) {
      acceptStreamedResponse(p, req, {
        accepted: (status, doc) => this.reply(res, status, doc, status === 202),
        finish: (outcome, payload, errorType) => this.finish(p, outcome, payload, errorType),
      });
      return;
    }
    if (m[2] === 'response') {
      if (req.tooLarge) {
        this.reply(res, 413, { errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'RequestEntityTooLarge' });
        const doc = errorDoc('Function.ResponseSizeTooLarge', `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT_REPORTED} bytes).`);
        this.finish(p, 'error', doc, 'Function.ResponseSizeTooLarge');
        return;
      }
      this.reply(res, 202, { status: 'OK' }, true);
      this.finish(p, 'success', body);
    } else {
      const type = req.headers['lambda-runtime-function-error-type'] ?? 'Unhandled';
      this.reply(res, 202, { status: 'OK' }, true);
      this.finish(p, 'error', body.length ? body : errorDoc(type, 'Unknown error'), type);
    }
  }

  private reply(res: RuntimeResponder, status: number, doc: unknown, coalesce = false): void {
    res.send(status, { 'Content-Type': 'application/json' }, JSON.stringify(doc), { coalesce });
  }

  private onTimeout(p: Pending): void {
    if (p.done) return;
    const secs = (this.spec.timeoutSec).toFixed(2);
    const msg = `Task timed out after ${secs} seconds`;
    this.log(p, `${new Date(this.clock.now()).toISOString()} ${p.req.requestId} ${msg}`);
    this.finish(p, 'timeout', errorDoc('Sandbox.Timedout', `RequestId: ${p.req.requestId} Error: ${msg}`), 'Sandbox.Timedout', true);
    this.kill();
  }

  /** Concludes the pending invocation. `killing`: the environment is being torn down. */
  private finish(p: Pending, outcome: InvokeOutcome, payload: Buffer, errorType?: string, killing = false): void {
    if (p.done) return;
    p.done = true;
    p.timer?.cancel();
    this.stopMemoryWatch();
    // A stream already under way ends now, cut short unless the function completed.
    if (p.streaming?.begun) p.req.stream?.end(outcome === 'success' ? undefined : { errorType: errorType ?? 'Unhandled', payload });
    const complete = (): void => {
      const durationMs = p.startedAt ? performance.now() - p.startedAt : 0;
      // RSS moves slowly: a sample less than 100 ms old is good enough for Max Memory Used.
      if (performance.now() - this.lastSampleAt > 100) this.sampleMemory();
      const maxMemoryMb = Math.max(1, Math.round(this.peakRssKb / 1024));
      const cold = !this.initReported && this.initDurationMs !== undefined;
      const restoreDurationMs = cold && this.template ? this.initDurationMs : undefined;
      const initDurationMs = cold && !this.template ? this.initDurationMs : undefined;
      const billedExtra = restoreDurationMs !== undefined ? this.billedRestoreMs : (initDurationMs ?? 0);
      this.initReported = true;
      this.flushPartial(p);
      if (p.delivered || outcome !== 'success') {
        if (!p.delivered) this.log(p, `START RequestId: ${p.req.requestId} Version: ${this.spec.functionVersion}`);
        if (outcome === 'exit' || outcome === 'oom' || outcome === 'init-error') {
          const msg = errorMessageOf(payload);
          if (outcome === 'init-error') {
            const initMs = performance.now() - this.spawnedAt;
            const phase = this.template ? 'RESTORE_REPORT Restore Duration' : 'INIT_REPORT Init Duration';
            this.log(p, `${phase}: ${initMs.toFixed(2)} ms\tPhase: ${this.template ? 'restore' : 'init'}\tStatus: error\tError Type: ${errorType ?? 'Runtime.Unknown'}`);
          } else if (msg) this.log(p, `${msg}\n${errorType ?? ''}`);
        }
        this.log(p, `END RequestId: ${p.req.requestId}`);
        let report = `REPORT RequestId: ${p.req.requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs + billedExtra)} ms\tMemory Size: ${this.spec.memoryMb} MB\tMax Memory Used: ${maxMemoryMb} MB\t`;
        if (initDurationMs !== undefined) report += `Init Duration: ${initDurationMs.toFixed(2)} ms\t`;
        if (restoreDurationMs !== undefined) report += `Restore Duration: ${restoreDurationMs.toFixed(2)} ms\tBilled Restore Duration: ${this.billedRestoreMs} ms\t`;
        if (outcome === 'timeout' || outcome === 'exit' || outcome === 'oom') {
          report += `Status: ${outcome === 'timeout' ? 'timeout' : 'error'}\t`;
          if (outcome !== 'timeout') report += `Error Type: ${errorType}\t`;
        }
        this.log(p, report);
      }
      const events = [...(cold || this.initLogs.length ? this.initLogs.splice(0) : []), ...p.logs];
      if (events.length) this.sink(this.spec, this.logStreamName, events);
      this.pending = undefined;
      this.lastUsed = this.clock.now();
      if (!killing && this.state === 'busy') this.state = 'idle';
      p.resolve({ outcome, payload, errorType, logs: events, durationMs, initDurationMs, restoreDurationMs, maxMemoryMb });
    };
    // One turn of the event loop so log lines already written to the pipes are read first.
    setImmediate(complete);
  }

  private onOutput(chunk: string, err: boolean): void {
    let text = (err ? this.stderrRest : this.stdoutRest) + chunk;
    if (err) this.stderrTail = (this.stderrTail + chunk).slice(-4096);
    const lines = text.split('\n');
    text = lines.pop()!;
    if (text.length > 256 * 1024) {
      lines.push(text);
      text = '';
    }
    if (err) this.stderrRest = text;
    else this.stdoutRest = text;
    const now = this.clock.now();
    const target = this.pending ? this.pending.logs : this.initLogs;
    for (const line of lines) target.push({ timestamp: now, message: line.replace(/\r/g, '\n') });
  }

  private flushPartial(p: Pending): void {
    const now = this.clock.now();
    for (const rest of [this.stdoutRest, this.stderrRest]) if (rest) p.logs.push({ timestamp: now, message: rest.replace(/\r/g, '\n') });
    this.stdoutRest = '';
    this.stderrRest = '';
  }

  private log(p: Pending, message: string): void {
    p.logs.push({ timestamp: this.clock.now(), message });
  }

  private startMemoryWatch(): void {
    if (this.memTimer) return;
    this.memTimer = setInterval(() => {
      this.sampleMemory();
      if (this.peakRssKb > this.spec.memoryMb * 1024 && !this.oomKilled) {
        this.oomKilled = true;
        this.kill();
      }
    }, 20);
    this.memTimer.unref();
  }

  private stopMemoryWatch(): void {
    if (this.memTimer) clearInterval(this.memTimer);
    this.memTimer = undefined;
  }

  /** Reads the RSS of the process tree and keeps the peak. */
  private sampleMemory(): void {
    const pid = this.child?.pid;
    if (!pid || this.exitInfo) return;
    const rss = treeRssKb(pid);
    this.lastSampleAt = performance.now();
    this.lastRssKb = rss;
    if (rss > this.peakRssKb) this.peakRssKb = rss;
  }

  /**
   * RSS of the process tree in KB from a sample at most `maxAgeMs` old (an invocation's end
   * samples it, so the warm path rarely reads /proc again); 0 when the process is gone.
   */
  recentRssKb(maxAgeMs: number): number {
    if (!this.child?.pid || this.exitInfo) return 0;
    if (this.lastSampleAt === 0 || performance.now() - this.lastSampleAt > maxAgeMs) this.sampleMemory();
    return this.lastRssKb;
  }

  /** Current RSS of the process tree in KB (0 when gone). */
  rssKb(): number {
    const pid = this.child?.pid;
    return pid && !this.exitInfo ? treeRssKb(pid) : 0;
  }

  /** Kills the process group. */
  kill(): void {
    const pid = this.child?.pid;
    if (pid && !this.exitInfo) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    } else if (!this.child) {
      this.die();
    }
  }

  /** Stops the environment (idle reaping, shutdown). */
  shutdown(): void {
    this.kill();
    if (!this.child) this.die();
  }

  private die(): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    this.stopMemoryWatch();
    this.initTimer?.cancel();
    for (const w of this.readyWaiters.splice(0)) w(false);
    this.concludeDeath();
    if (this.heldNext) {
      this.heldNext.destroy();
      this.heldNext = undefined;
    }
    this.server?.close();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    for (const fn of this.deathListeners.splice(0)) fn();
  }

  /** The process is gone (or never started): conclude the pending invocation if any. */
  private concludeDeath(): void {
    const p = this.pending;
    if (!p || p.done) return;
    const rid = p.req.requestId;
    if (this.initError && this.initDurationMs === undefined) {
      this.finish(p, 'init-error', this.initError.body, this.initError.type, true);
      return;
    }
    const info = this.exitInfo;
    const oom = this.oomKilled || /JavaScript heap out of memory|MemoryError/.test(this.stderrTail) || (isNodeRuntime(this.spec.runtime) && info?.signal === 'SIGABRT');
    if (oom) {
      this.finish(p, 'oom', errorDoc('Runtime.OutOfMemory', `RequestId: ${rid} Error: Runtime exited with error: signal: killed`), 'Runtime.OutOfMemory', true);
      return;
    }
    const why = info?.signal ? `signal: ${signalName(info.signal)}` : `exit status ${info?.code ?? 0}`;
    this.finish(p, 'exit', errorDoc('Runtime.ExitError', `RequestId: ${rid} Error: Runtime exited with error: ${why}`), 'Runtime.ExitError', true);
  }

  private environment(runtimeApi: string): NodeJS.ProcessEnv {
    return environmentVariables(this.spec, this.paths, { runtimeApi, tmpDir: this.tmpDir, logStreamName: this.logStreamName, snapStart: this.template !== undefined });
  }
}

/**
 * Why a custom runtime's bootstrap cannot run, in AWS's words (undefined when it can): the code's
 * own, else a layer's (AWS's /opt/bootstrap).
 */
function bootstrapProblem(own: string, optDir: string | undefined): string | undefined {
  const path = existsSync(own) || !optDir ? own : join(optDir, 'bootstrap');
  if (!existsSync(path)) return `Couldn't find valid bootstrap(s): [${own} /opt/bootstrap]`;
  try {
    accessSync(path, fsConstants.X_OK);
  } catch {
    return `fork/exec ${path}: permission denied`;
  }
  return undefined;
}

export function errorDoc(errorType: string, errorMessage: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage }));
}

function errorMessageOf(payload: Buffer): string | undefined {
  try {
    const doc = JSON.parse(payload.toString('utf8')) as { errorMessage?: unknown };
    return typeof doc.errorMessage === 'string' ? doc.errorMessage : undefined;
  } catch {
    return undefined;
  }
}

function signalName(signal: NodeJS.Signals): string {
  const names: Record<string, string> = {
    SIGKILL: 'killed',
    SIGTERM: 'terminated',
    SIGSEGV: 'segmentation fault',
    SIGABRT: 'aborted',
    SIGINT: 'interrupt',
    SIGXFSZ: 'file size limit exceeded',
  };
  return names[signal] ?? signal.toLowerCase();
}

/**
 * SnapStart for Python: a published version's snapshot is a *template* process, and each execution
 * environment of that version is a fork of it.
 *
 * The template runs the Python bootstrap with `_STRATUS_SNAPSHOT` set: it loads the handler module
 * (the function's init) and runs the before-snapshot hooks, reports `ready`, then serves forks. It
 * talks to the server over two pipes: fork requests go to its stdin as JSON lines, events come back
 * on fd 3 (`ready`, `init-error`, `forked` with the child's pid, `exit` with a child's status; the
 * template reaps its children, which are not the server's). It forks one child ahead, which waits
 * for the next request, so a restore does not wait for fork() itself (tens of ms for a process
 * with boto3 loaded on a small VM). A fork becomes one environment: its own
 * session (so the environment kills its process group as usual), the environment's variables and
 * Runtime API address; uid, rlimits and mount namespace are the template's, set up when it was
 * spawned like any runtime process (launch.ts). It runs the after-restore hooks, then asks for its
 * first event: Restore Duration runs from the environment's request to that /next.
 *
 * A fork's stdout and stderr: Node cannot receive file descriptors, so the fork connects to the
 * template's listener here (loopback TCP: nothing on disk to place, no path length or mount
 * namespace to mind) once per stream, sends a line `<token> <1|2>` naming the environment (a
 * random token of its fork request: a connection without a known token is dropped), then makes
 * the socket its fd 1 or 2. Output then reaches the environment as a pipe's would; its exit is
 * concluded once the template reported it and both streams ended (or shortly after), so the last
 * lines are kept.
 *
 * Templates stay bounded: at most `max` with no live environment (least recently used stop first);
 * a deleted version stops its template once its environments are gone. If a template dies, its
 * environments are killed (nobody would report their exits) and new environments cold start until
 * the pool makes a new template (lazily, at the next start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Clock, TimerHandle } from '../core/clock.js';
import { randomId } from '../core/ids.js';
import type { EnvironmentSpec, LogEvent, LogSink, RuntimePaths } from './environment.js';
import { environmentVariables, processRssKb, runtimeCommand, runtimeVersionText } from './launch.js';
import { functionDir } from './sandbox.js';

/** A runtime process forked from a template, handed to one environment. */
export interface RestoredProcess {
  readonly pid: number;
  /** Where its output and its exit go (output that came before is delivered now). */
  attach(onOutput: (chunk: string, err: boolean) => void, onExit: (code: number | null, signal: NodeJS.Signals | null) => void): void;
}

/** What an environment restores from. */
export interface SnapshotSource {
  /** The /tmp of the restored environments: the template's (files written during init included). */
  readonly tmpDir: string;
  /** Forks the template into an environment with these variables; rejects when it cannot. */
  fork(env: Record<string, string>, cwd: string): Promise<RestoredProcess>;
}

/**
 * How making a snapshot ended: the template is ready, or its init failed; `aborted`: it was
 * stopped before the end (version deleted, server closing), which says nothing of the function.
 */
export type SnapshotOutcome = { ok: true; initMs: number } | { ok: false; initMs: number; errorType: string; errorMessage: string; aborted?: boolean };

/** AWS: init for a snapshot may take 130 s, or the function's timeout when that is longer. */
const SNAPSHOT_INIT_MIN_MS = 130_000;
/** How long a fork request may take before the template counts as broken. */
const FORK_TIMEOUT_MS = 5000;
/** After a fork's exit, how long its output streams may take to end. */
const DRAIN_MS = 200;

function signalOf(n: unknown): NodeJS.Signals | null {
  if (typeof n !== 'number') return null;
  const hit = Object.entries(osConstants.signals).find(([, v]) => v === n);
  return hit ? (hit[0] as NodeJS.Signals) : null;
}

class Forked implements RestoredProcess {
  pid = 0;
  private onOutput: ((chunk: string, err: boolean) => void) | undefined;
  private onExit: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  private early: [string, boolean][] = [];
  private streams = 0;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  done = false;
  constructor(
    readonly token: string,
    private readonly finished: (f: Forked) => void,
  ) {}

  attach(onOutput: (chunk: string, err: boolean) => void, onExit: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.onOutput = onOutput;
    this.onExit = onExit;
    for (const [chunk, err] of this.early.splice(0)) onOutput(chunk, err);
    if (this.done && this.exit) onExit(this.exit.code, this.exit.signal);
  }

  output(chunk: string, err: boolean): void {
    if (this.onOutput) this.onOutput(chunk, err);
    else this.early.push([chunk, err]);
  }

  streamOpened(): void {
    this.streams++;
  }

  streamEnded(): void {
    this.streams--;
    if (this.exit && this.streams === 0) this.conclude();
  }

  exited(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exit) return;
    this.exit = { code, signal };
    if (this.streams === 0) setImmediate(() => this.conclude());
    else this.drainTimer = setTimeout(() => this.conclude(), DRAIN_MS);
  }

  private conclude(): void {
    if (this.done || !this.exit) return;
    this.done = true;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.onExit?.(this.exit.code, this.exit.signal);
    this.finished(this);
  }
}

/** One version's snapshot: the initialised template process its environments are forked from. */
export class SnapshotTemplate implements SnapshotSource {
  readonly id = randomId(32, '0123456789abcdef');
  readonly key: string;
  readonly tmpDir: string;
  readonly ready: Promise<SnapshotOutcome>;
  state: 'starting' | 'ready' | 'failed' | 'stopped' = 'starting';
  private readonly scratch: string;
  private child: ChildProcess | undefined;
  private stdio: Server | undefined;
  private stdioAddress = '';
  private readonly byToken = new Map<string, Forked>();
  private readonly byPid = new Map<number, Forked>();
  private readonly forking = new Map<string, { resolve: (f: Forked) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private settle: (o: SnapshotOutcome) => void = () => undefined;
  private readonly startedAt = performance.now();
  private initTimer: TimerHandle | undefined;
  private initLogs: LogEvent[] = [];
  private initError: { errorType: string; errorMessage: string } | undefined;
  private readonly logStreamName: string;
  private stopping = false;
  private readonly deathListeners: (() => void)[] = [];

  constructor(
    readonly spec: EnvironmentSpec,
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly sink: LogSink,
  ) {
    this.key = spec.key;
    const d = new Date(clock.now());
    const date = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
    this.logStreamName = `${date}/[${spec.functionVersion}]${this.id}`;
    const id = spec.identity;
    const mode = paths.isolation.mode;
    // Namespace mode: /tmp is the template's own tmpfs, which its forks share.
    this.scratch = mode === 'none' || !id ? join(paths.scratchDir, `snap-${this.id}`) : mode === 'uid' ? join(functionDir(paths.sandboxDir, id), `snap-${this.id}`) : '';
    this.tmpDir = this.scratch ? join(this.scratch, 'tmp') : '/tmp';
    this.ready = new Promise((resolve) => (this.settle = resolve));
  }

  onDeath(fn: () => void): void {
    this.deathListeners.push(fn);
  }

  /** Live environments forked from it. */
  get liveForks(): number {
    return this.byToken.size;
  }

  /** Spawns the template: init and the before-snapshot hooks run now, `ready` tells how they ended. */
  async start(): Promise<void> {
    const spec = this.spec;
    const id = spec.identity;
    try {
      if (this.scratch) {
        mkdirSync(this.tmpDir, { recursive: true });
        if (id && this.paths.isolation.mode !== 'none') {
          for (const dir of [this.scratch, this.tmpDir]) {
            chownSync(dir, id.uid, id.gid);
            chmodSync(dir, 0o700);
          }
        }
      }
      this.stdio = createServer((socket) => this.acceptStdio(socket));
      await new Promise<void>((resolve, reject) => {
        this.stdio!.once('error', reject);
        this.stdio!.listen(0, '127.0.0.1', () => resolve());
      });
      this.stdioAddress = `127.0.0.1:${(this.stdio.address() as AddressInfo).port}`;
      const { command, args, spawnAs } = runtimeCommand(spec, this.paths, id);
      const env = { ...environmentVariables(spec, this.paths, { runtimeApi: undefined, tmpDir: this.tmpDir, logStreamName: '', snapStart: true }), _STRATUS_SNAPSHOT: '1' };
      this.log(`INIT_START ${runtimeVersionText(spec)}`);
      const child = spawn(command, args, { cwd: spec.taskRoot, env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], detached: true, ...(spawnAs ? { uid: spawnAs.uid, gid: spawnAs.gid } : {}) });
      this.child = child;
      const lines = (): ((s: string) => void) => {
        let rest = '';
        return (s: string) => {
          const parts = (rest + s).split('\n');
          rest = parts.pop()!;
          if (rest.length > 256 * 1024) {
            parts.push(rest);
            rest = '';
          }
          for (const line of parts) this.log(line.replace(/\r/g, '\n'));
        };
      };
      child.stdout!.setEncoding('utf8').on('data', lines());
      child.stderr!.setEncoding('utf8').on('data', lines());
      child.stdin!.on('error', () => undefined);
      let control = '';
      (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8');
      (child.stdio[3] as NodeJS.ReadableStream).on('data', (s: string) => {
        const parts = (control + s).split('\n');
        control = parts.pop()!;
        for (const line of parts) if (line) this.event(line);
      });
      child.on('error', (e) => this.fail('Runtime.InvalidEntrypoint', e.message));
      child.on('exit', (code, signal) => setImmediate(() => this.died(code, signal)));
      const limit = Math.max(SNAPSHOT_INIT_MIN_MS, spec.timeoutSec * 1000);
      this.initTimer = this.clock.setTimer(limit, () => {
        if (this.state !== 'starting') return;
        this.fail('Runtime.Unknown', `INIT_REPORT Init Duration: ${limit.toFixed(2)} ms Phase: init Status: timeout`);
      });
    } catch (e) {
      this.fail('Runtime.InvalidEntrypoint', (e as Error).message);
    }
  }

  /** Forks an environment (see the file comment). */
  fork(env: Record<string, string>, cwd: string): Promise<RestoredProcess> {
    const child = this.child;
    if (this.state !== 'ready' || this.stopping || !child?.stdin?.writable) return Promise.reject(new Error('the SnapStart template is not ready'));
    const forked = new Forked(randomId(32, '0123456789abcdef'), (f) => this.forgetFork(f));
    this.byToken.set(forked.token, forked);
    return new Promise<RestoredProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.forking.delete(forked.token);
        this.byToken.delete(forked.token);
        reject(new Error('the SnapStart template did not fork'));
        // A template that no longer forks is of no use.
        this.kill();
      }, FORK_TIMEOUT_MS);
      this.forking.set(forked.token, { resolve, reject, timer });
      child.stdin!.write(`${JSON.stringify({ id: forked.token, env, cwd, stdio: this.stdioAddress })}\n`);
    });
  }

  /** Stops the template once no environment forked from it is alive (they need it to report their exits). */
  stop(): void {
    this.stopping = true;
    if (this.byToken.size === 0) this.kill();
  }

  /**
   * The template process's own RSS: its forks are its children in /proc, but their memory is their
   * environments' (and the fork waiting for the next one shares the template's pages).
   */
  rssKb(): number {
    const pid = this.child?.pid;
    return pid && (this.state === 'ready' || this.state === 'starting') ? processRssKb(pid) : 0;
  }

  private log(message: string): void {
    const event = { timestamp: this.clock.now(), message };
    // Until the snapshot is made its logs go out together, INIT_REPORT last; later lines as they come.
    if (this.state === 'starting') this.initLogs.push(event);
    else this.sink(this.spec, this.logStreamName, [event]);
  }

  private event(line: string): void {
    let e: { event?: string; id?: string; pid?: number; code?: number | null; signal?: number | null; doc?: { errorType?: string; errorMessage?: string } };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      return;
    }
    if (e.event === 'ready' && this.state === 'starting') {
      const initMs = performance.now() - this.startedAt;
      this.initTimer?.cancel();
      this.state = 'ready';
      this.flushInitLogs(`INIT_REPORT Init Duration: ${initMs.toFixed(2)} ms`);
      this.settle({ ok: true, initMs });
    } else if (e.event === 'init-error') {
      this.initError = { errorType: e.doc?.errorType ?? 'Runtime.Unknown', errorMessage: e.doc?.errorMessage ?? '' };
    } else if (e.event === 'forked' && e.id && typeof e.pid === 'number') {
      const pending = this.forking.get(e.id);
      const forked = this.byToken.get(e.id);
      if (!pending || !forked) return;
      clearTimeout(pending.timer);
      this.forking.delete(e.id);
      forked.pid = e.pid;
      this.byPid.set(e.pid, forked);
      pending.resolve(forked);
    } else if (e.event === 'exit' && typeof e.pid === 'number') {
      this.byPid.get(e.pid)?.exited(e.code ?? null, signalOf(e.signal));
    }
  }

  private flushInitLogs(report: string): void {
    this.initLogs.push({ timestamp: this.clock.now(), message: report });
    this.sink(this.spec, this.logStreamName, this.initLogs.splice(0));
  }

  private fail(errorType: string, errorMessage: string): void {
    if (this.state !== 'starting') return;
    this.initError ??= { errorType, errorMessage };
    this.kill();
  }

  private forgetFork(f: Forked): void {
    this.byToken.delete(f.token);
    this.byPid.delete(f.pid);
    if (this.stopping && this.byToken.size === 0) this.kill();
  }

  private acceptStdio(socket: Socket): void {
    let head = '';
    let target: { forked: Forked; err: boolean } | undefined;
    const decoder = new StringDecoder('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (data: Buffer) => {
      if (target) return target.forked.output(decoder.write(data), target.err);
      head += data.toString('latin1');
      const nl = head.indexOf('\n');
      if (nl < 0) {
        if (head.length > 256) socket.destroy();
        return;
      }
      const [token, stream] = head.slice(0, nl).split(' ');
      const forked = token ? this.byToken.get(token) : undefined;
      if (!forked || (stream !== '1' && stream !== '2')) return void socket.destroy();
      target = { forked, err: stream === '2' };
      forked.streamOpened();
      socket.once('close', () => forked.streamEnded());
      const rest = Buffer.from(head.slice(nl + 1), 'latin1');
      if (rest.length) forked.output(decoder.write(rest), target.err);
    });
  }

  private kill(): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    const pid = this.child?.pid;
    if (!pid) return this.died(null, null);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      this.child?.kill('SIGKILL');
    }
  }

  private died(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.state === 'stopped' || this.state === 'failed') return;
    const wasStarting = this.state === 'starting';
    // A template whose init failed stays 'failed': no process, a marker that this snapshot cannot be made.
    this.state = wasStarting ? 'failed' : 'stopped';
    this.initTimer?.cancel();
    if (wasStarting) {
      const initMs = performance.now() - this.startedAt;
      const err = this.initError ?? { errorType: 'Runtime.ExitError', errorMessage: `Runtime exited with error: ${signal ? `signal: ${signal}` : `exit status ${code ?? 0}`}` };
      this.flushInitLogs(`INIT_REPORT Init Duration: ${initMs.toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: ${err.errorType}`);
      this.settle({ ok: false, initMs, ...err, ...(this.stopping ? { aborted: true } : {}) });
    }
    for (const [token, p] of this.forking) {
      clearTimeout(p.timer);
      this.byToken.delete(token);
      p.reject(new Error('the SnapStart template stopped'));
    }
    this.forking.clear();
    // Nobody reports the exits of orphaned forks: they are ended now.
    for (const f of this.byPid.values()) {
      for (const target of [-f.pid, f.pid]) {
        try {
          // Its group once it called setsid(); itself if it had not yet.
          process.kill(target, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      f.exited(null, 'SIGKILL');
    }
    this.stdio?.close();
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    for (const fn of this.deathListeners.splice(0)) fn();
  }
}

/** The pool's templates by environment key, bounded (see the file comment). */
export class SnapshotTemplates {
  /** Least recently used first. */
  private readonly templates = new Map<string, SnapshotTemplate>();

  constructor(
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly sink: LogSink,
    private readonly max: number,
  ) {}

  /** The template of this version, started if there is none (a publish, or a later start). */
  create(spec: EnvironmentSpec): SnapshotTemplate {
    const existing = this.templates.get(spec.key);
    if (existing && existing.state !== 'stopped') return existing;
    this.trim();
    const t = new SnapshotTemplate(spec, this.paths, this.clock, this.sink);
    this.templates.set(spec.key, t);
    t.onDeath(() => {
      // One that failed stays as a marker (no process): that version's snapshot is not made again.
      if (this.templates.get(spec.key) === t && t.state === 'stopped') this.templates.delete(spec.key);
    });
    void t.start();
    void t.ready.then(() => this.trim());
    return t;
  }

  /**
   * A ready template to restore an environment of `spec` from; none while it is being made, or
   * after it failed. Without one (server restarted, template died or evicted) one is made for
   * the environments after this one, which cold starts.
   */
  take(spec: EnvironmentSpec): SnapshotTemplate | undefined {
    const t = this.templates.get(spec.key);
    if (!t) {
      this.create(spec);
      return undefined;
    }
    this.templates.delete(spec.key);
    this.templates.set(spec.key, t);
    return t.state === 'ready' ? t : undefined;
  }

  /** Stops the templates whose key matches (a version or function deleted). */
  retire(match: (key: string) => boolean): void {
    for (const [key, t] of this.templates) {
      if (!match(key)) continue;
      this.templates.delete(key);
      t.stop();
    }
  }

  /** Templates with no live environment beyond `max` stop, least recently used first. */
  private trim(): void {
    let excess = this.templates.size - this.max;
    for (const [key, t] of this.templates) {
      if (excess <= 0) break;
      if (t.state === 'starting' || t.liveForks > 0) continue;
      this.templates.delete(key);
      t.stop();
      excess--;
    }
  }

  stats(): { templates: number; rssKb: number } {
    let rssKb = 0;
    let templates = 0;
    for (const t of this.templates.values()) {
      if (t.state === 'stopped' || t.state === 'failed') continue;
      templates++;
      rssKb += t.rssKb();
    }
    return { templates, rssKb };
  }

  close(): Promise<void> {
    const all = [...this.templates.values()];
    this.templates.clear();
    return Promise.all(
      all.map(
        (t) =>
          new Promise<void>((resolve) => {
            if (t.state === 'stopped' || t.state === 'failed') return resolve();
            t.onDeath(resolve);
            t.stop();
            // Still running environments are shut down by the pool, which ends the template too.
          }),
      ),
    ).then(() => undefined);
  }
}

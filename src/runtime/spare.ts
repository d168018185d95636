/**
 * Pre-started runtime processes. Starting Node (or Python) is most of a cold start; a spare
 * process of the right kind is started ahead, waits on its Runtime API for an assignment
 * (`GET /2018-06-01/runtime/stratus/standby`, answered with the function's environment and task
 * root), then runs the normal init: user code is loaded only once the process belongs to one
 * environment, with that environment's variables, directory and credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Clock, TimerHandle } from '../core/clock.js';
import { treeRssKb, type RuntimePaths } from './environment.js';
import { RuntimeApiServer, type RuntimeRequest, type RuntimeResponder } from './runtime-api-server.js';

export const STANDBY_PATH = '/2018-06-01/runtime/stratus/standby';

export interface Spare {
  readonly kind: string;
  readonly server: RuntimeApiServer;
  readonly child: ChildProcess;
  readonly port: number;
  /** Output and exit events, switchable when adopted. */
  onOutput: (chunk: string, err: boolean) => void;
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void;
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** The process has booted and waits for its assignment (its standby request arrived). */
  readonly standing: boolean;
  /** Answers the standby request (before and after adoption). */
  standby: (req: RuntimeRequest, res: RuntimeResponder) => void;
  /**
   * Hands the process its environment (answers its standby request, now or when it comes).
   * `drop`: the uid/gid the process switches to (after giving it the `chown` paths, e.g. its
   * /tmp) before it loads any user code.
   */
  assign(env: Record<string, string>, cwd: string, drop?: { uid: number; gid: number; chown: string[] }): void;
  kill(): void;
}

export async function startSpare(kind: string, command: string, args: string[], paths: RuntimePaths): Promise<Spare> {
  let held: RuntimeResponder | undefined;
  let assignment: Buffer | undefined;
  let standing = false;
  const standby = (req: RuntimeRequest, res: RuntimeResponder): void => {
    if (req.method === 'GET' && req.path === STANDBY_PATH) {
      standing = true;
      if (assignment) res.send(200, { 'Content-Type': 'application/json' }, assignment);
      else held = res;
      return;
    }
    res.send(404, { 'Content-Type': 'application/json' }, '{"errorMessage":"Not found","errorType":"InvalidRequest"}');
  };
  const server = new RuntimeApiServer(standby, 64 * 1024);
  // Isolated: the process runs as root until assigned; nobody else may connect meanwhile.
  if (paths.isolation.mode !== 'none') server.allowUid = 0;
  const port = await server.listen();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${port}`,
    _STRATUS_STANDBY: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  if (paths.nodePath) env.NODE_PATH = paths.nodePath;
  const child = spawn(command, args, { cwd: paths.runtimeDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  const spare: Spare = {
    kind,
    server,
    child,
    port,
    standby,
    onOutput: () => undefined,
    onExit: () => undefined,
    exited: undefined,
    get standing() {
      return standing;
    },
    assign(vars, cwd, drop) {
      assignment = Buffer.from(JSON.stringify({ env: vars, cwd, ...(drop ? { uid: drop.uid, gid: drop.gid, chown: drop.chown } : {}) }));
      if (held) {
        held.send(200, { 'Content-Type': 'application/json' }, assignment);
        held = undefined;
      }
    },
    kill() {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    },
  };
  child.stdout!.on('data', (s: string) => spare.onOutput(s, false));
  child.stderr!.on('data', (s: string) => spare.onOutput(s, true));
  child.on('error', () => undefined);
  child.on('exit', (code, signal) => {
    spare.exited = { code, signal };
    spare.onExit(code, signal);
  });
  return spare;
}

interface SpareEntry {
  started: Promise<Spare | undefined>;
  spare: Spare | undefined;
  expiry: TimerHandle | undefined;
}

interface SpareKind {
  entries: SpareEntry[];
  /** How many spares of this kind are kept: 1, more while cold starts find none booted. */
  depth: number;
}

/**
 * The pre-started processes of the pool: for the few most recently used kinds (most recently
 * used last), each kind's `depth` of them. A cold start takes a booted one if there is one; one
 * that takes a spare still booting means cold starts of that kind come faster than a process
 * boots (e.g. many functions of one runtime restarted in turn after eviction), so that kind keeps
 * one more (up to `maxDepth`), booting side by side; a spare unused for the idle timeout stops
 * and lowers its kind's depth again.
 */
export class SparePool {
  private readonly kinds = new Map<string, SpareKind>();
  private readonly pids = new Set<number>();
  private closed = false;

  constructor(
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly idleTimeoutMs: number,
    private readonly maxKinds = 2,
    private readonly maxDepth = 3,
  ) {}

  /** A spare of `kind` for a cold start (undefined when there is none). */
  async take(kind: string): Promise<Spare | undefined> {
    const slot = this.kinds.get(kind);
    if (!slot?.entries.length) return undefined;
    let i = slot.entries.findIndex((e) => e.spare?.standing && !e.spare.exited);
    if (i < 0) {
      i = 0;
      slot.depth = Math.min(this.maxDepth, slot.depth + 1);
    }
    const [entry] = slot.entries.splice(i, 1);
    entry!.expiry?.cancel();
    const spare = await entry!.started;
    if (!spare) return undefined;
    if (spare.child.pid) this.pids.delete(spare.child.pid);
    if (spare.exited) {
      this.drop(spare);
      return undefined;
    }
    return spare;
  }

  /** Tops up `kind` to its depth in the background (after the current cold start got going). */
  want(kind: string, command: string, args: string[]): void {
    if (this.closed) return;
    let slot = this.kinds.get(kind);
    if (slot) this.kinds.delete(kind);
    else slot = { entries: [], depth: 1 };
    this.kinds.set(kind, slot);
    while (slot.entries.length < slot.depth) slot.entries.push(this.start(kind, slot, command, args));
    while (this.kinds.size > this.maxKinds) {
      const [oldest, dropped] = this.kinds.entries().next().value as [string, SpareKind];
      this.kinds.delete(oldest);
      for (const e of dropped.entries) this.discard(e);
    }
  }

  private start(kind: string, slot: SpareKind, command: string, args: string[]): SpareEntry {
    const entry: SpareEntry = { started: undefined as unknown as Promise<Spare | undefined>, spare: undefined, expiry: undefined };
    entry.started = new Promise<Spare | undefined>((resolve) => {
      // Not unref'd: close() waits for this promise.
      setTimeout(() => {
        if (this.closed) return resolve(undefined);
        startSpare(kind, command, args, this.paths).then(
          (s) => {
            if (s.child.pid) this.pids.add(s.child.pid);
            entry.spare = s;
            resolve(s);
          },
          () => resolve(undefined),
        );
      }, 20);
    });
    // An unused spare stops after the idle timeout, like idle environments.
    entry.expiry = this.clock.setTimer(this.idleTimeoutMs, () => {
      const i = slot.entries.indexOf(entry);
      if (i < 0) return;
      slot.entries.splice(i, 1);
      slot.depth = Math.max(1, slot.depth - 1);
      this.discard(entry);
    });
    return entry;
  }

  private discard(entry: SpareEntry): void {
    entry.expiry?.cancel();
    void entry.started.then((s) => s && this.drop(s));
  }

  private drop(spare: Spare): void {
    if (spare.child.pid) this.pids.delete(spare.child.pid);
    spare.kill();
    spare.server.close();
  }

  /** How many spare processes are running and their RSS (KB). */
  stats(): { spares: number; rssKb: number } {
    let rssKb = 0;
    for (const pid of this.pids) rssKb += treeRssKb(pid);
    return { spares: this.pids.size, rssKb };
  }

  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.kinds.values()].flatMap((k) => k.entries);
    this.kinds.clear();
    for (const e of entries) e.expiry?.cancel();
    for (const s of await Promise.all(entries.map((e) => e.started))) if (s) this.drop(s);
  }
}

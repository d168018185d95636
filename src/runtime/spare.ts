/**
 * Pre-started runtime processes. Starting Node (or Python) is most of a cold start; a spare
 * process of the right kind is started ahead, waits on its Runtime API for an assignment
 * (`GET /2018-06-01/runtime/stratus/standby`, answered with the function's environment and task
 * root), then runs the normal init: user code is loaded only once the process belongs to one
 * environment, with that environment's variables, directory and credentials.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RuntimePaths } from './environment.js';
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
  const standby = (req: RuntimeRequest, res: RuntimeResponder): void => {
    if (req.method === 'GET' && req.path === STANDBY_PATH) {
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

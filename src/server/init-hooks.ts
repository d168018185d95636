/**
 * Init hooks in LocalStack's layout: executable scripts under `boot.d`, `start.d`, `ready.d` and
 * `shutdown.d` of the init directory, run in name order at those stages (`.sh` executed, `.py` with
 * python3), one at a time, with the AWS CLI and SDKs pointed at this server (AWS_ENDPOINT_URL, test
 * credentials, the default region, `awslocal` on PATH). Their output goes to the log line by line;
 * a failing script is recorded (state ERROR) and the next one runs, as in LocalStack.
 *
 *   BOOT      before storage opens (nothing answers yet)
 *   START     once the server listens, before it reports ready
 *   READY     after the ready line; /_localstack/init/ready says `completed: true` once they ran
 *   SHUTDOWN  when the server is asked to stop, before it stops serving
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAGES = ['BOOT', 'START', 'READY', 'SHUTDOWN'] as const;
export type Stage = (typeof STAGES)[number];
export type ScriptState = 'UNKNOWN' | 'RUNNING' | 'SUCCESSFUL' | 'ERROR';

const STAGE_DIRS: Record<Stage, string> = { BOOT: 'boot.d', START: 'start.d', READY: 'ready.d', SHUTDOWN: 'shutdown.d' };

export interface InitScript {
  readonly stage: Stage;
  readonly path: string;
  state: ScriptState;
  exitCode?: number | null;
}

/** The folder holding `awslocal` (the repository's bin/, beside dist/). */
const BIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin');

export class InitHooks {
  readonly scripts: InitScript[] = [];
  readonly completed: Record<Stage, boolean> = { BOOT: false, START: false, READY: false, SHUTDOWN: false };

  constructor(
    readonly dir: string,
    private readonly write: (line: string) => void,
  ) {
    for (const stage of STAGES) {
      const stageDir = join(dir, STAGE_DIRS[stage]);
      if (!existsSync(stageDir)) continue;
      for (const path of walk(stageDir)) if (/\.(sh|py)$/.test(path)) this.scripts.push({ stage, path, state: 'UNKNOWN' });
    }
  }

  /** Runs the stage's scripts, in order, once; resolves when they have all ended (failed ones included). */
  async run(stage: Stage, endpoint: string, region: string): Promise<void> {
    if (this.completed[stage]) return;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      // A region the environment gives (a compose file's AWS_DEFAULT_REGION) is the scripts' own.
      AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION || region,
      AWS_REGION: process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || region,
      AWS_PAGER: '',
      STRATUS_ENDPOINT: endpoint,
      STRATUS_NODE: process.execPath,
      PATH: [BIN_DIR, process.env.PATH ?? ''].join(delimiter),
    };
    try {
      for (const script of this.scripts.filter((s) => s.stage === stage)) await this.runOne(script, env);
    } finally {
      this.completed[stage] = true;
    }
  }

  /** The scripts that failed, for health. */
  failed(): InitScript[] {
    return this.scripts.filter((s) => s.state === 'ERROR');
  }

  /** GET /_localstack/init, in LocalStack's shape; with a stage, /_localstack/init/<stage>. */
  view(stage?: Stage): unknown {
    const list = (ss: InitScript[]) => ss.map((s) => ({ stage: s.stage, name: basename(s.path), state: s.state }));
    if (stage) return { completed: this.completed[stage], scripts: list(this.scripts.filter((s) => s.stage === stage)) };
    return { completed: { ...this.completed }, scripts: list(this.scripts) };
  }

  private async runOne(script: InitScript, env: NodeJS.ProcessEnv): Promise<void> {
    const name = `${STAGE_DIRS[script.stage]}/${basename(script.path)}`;
    const [command, args] = script.path.endsWith('.py') ? ['python3', [script.path]] : executable(script.path) ? [script.path, []] : ['sh', [script.path]];
    script.state = 'RUNNING';
    this.write(`init: running ${name}`);
    // Imported with the first script: a start without init hooks does not need it.
    const { spawn } = await import('node:child_process');
    return new Promise<void>((done) => {
      const child = spawn(command, args, { env, cwd: dirname(script.path), stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = (prefix: string) => {
        let rest = '';
        return {
          data: (d: Buffer) => {
            const parts = (rest + d.toString('utf8')).split('\n');
            rest = parts.pop()!;
            for (const l of parts) this.write(`${prefix} ${l}`);
          },
          end: () => rest && this.write(`${prefix} ${rest}`),
        };
      };
      const out = lines(`[${name}]`);
      const err = lines(`[${name}!]`);
      child.stdout.on('data', out.data);
      child.stderr.on('data', err.data);
      let settled = false;
      const finish = (code: number | null, error?: Error): void => {
        if (settled) return;
        settled = true;
        out.end();
        err.end();
        script.exitCode = code;
        script.state = code === 0 && !error ? 'SUCCESSFUL' : 'ERROR';
        this.write(script.state === 'SUCCESSFUL' ? `init: ${name} done` : `init: ${name} FAILED (${error ? error.message : `exit code ${code}`})`);
        done();
      };
      child.once('error', (e) => finish(null, e));
      child.once('close', (code) => finish(code));
    });
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Files under `dir`, sorted, subfolders in name order (as LocalStack walks them). */
function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir).sort();
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out.push(path);
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
  }
  return out;
}

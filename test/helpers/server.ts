import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { startStratus, type StartOptions, type Stratus } from '../../src/server/server.js';

export interface TestServer extends Stratus {
  stop(): Promise<void>;
}

export type StartServerOptions = { config?: Partial<Config> } & Pick<StartOptions, 'services' | 'extraDataPlanes' | 'bodyIdleMs' | 'shutdownGraceMs'>;

/** Starts Stratus in this process on a free port, ephemeral unless a dataDir is given. */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const { config: overrides, ...start } = options;
  const config: Config = { ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false, ...overrides };
  const stratus = await startStratus(config, start);
  return Object.assign(stratus, { stop: () => stratus.close() });
}

/** Endpoint, region and credentials for an @aws-sdk client talking to a test server. */
export function clientConfig(endpoint: string, region = 'us-east-1') {
  return {
    endpoint,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
}

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');

export interface SpawnedServer {
  endpoint: string;
  process: ChildProcess;
  output: () => string;
  /** Sends a signal and resolves once the process exited, with its exit code. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Runs `stratus start` as a child process (for kill -9 and CLI tests). */
export async function spawnServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--quiet', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = (): void => {
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready:\n${out}`));
    });
  });
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { endpoint, process: child, output: () => out, kill, stop: () => kill('SIGTERM') };
}

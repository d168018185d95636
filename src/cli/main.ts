#!/usr/bin/env node
import { resolve } from 'node:path';
import { loadConfig } from '../core/config.js';
import { VERSION } from '../core/version.js';
import { startStratus } from '../server/server.js';
import { NodeRuntimes } from '../runtime/node-runtimes.js';
import { defaultRuntimeCache } from '../runtime/sdk.js';
import { SUPPORTED_RUNTIMES } from '../services/lambda/limits.js';

const USAGE = `stratus ${VERSION}: the AWS serverless stack on one port

Usage:
  stratus start [options]      serve every service
  stratus runtimes install [RUNTIME...]
                               install the Node.js builds that nodejsNN.x functions run on
                               (default: every supported nodejsNN.x) ahead of first use
  stratus --version

Options (environment variables in brackets):
  --port N          port to listen on, 0 for any free one (STRATUS_PORT, default 4566)
  --host H          address to bind (STRATUS_HOST, default 127.0.0.1)
  --data-dir DIR    where data lives (STRATUS_DATA_DIR, default ./.stratus)
  --ephemeral       keep nothing after exit (STRATUS_EPHEMERAL=1)
  --auth MODE       open (any credentials) or strict (SigV4 verified) (STRATUS_AUTH, default open)
  --iam MODE        off, enforce (IAM policies authorise requests of IAM users and roles) or report (log would-be denials) (STRATUS_IAM, default off)
  --sync MODE       normal (survives kill -9) or full (also power loss) (STRATUS_SYNC, default normal)
  --region R        region for unsigned requests (STRATUS_REGION, default us-east-1)
  --config FILE     JSON configuration file, e.g. credentials for strict auth (STRATUS_CONFIG)
  --quiet           no per-request log lines (STRATUS_QUIET=1)
`;

/** --name value, --name=value and bare --flag (true). */
export function parseFlags(args: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  const booleans = new Set(['ephemeral', 'quiet', 'help', 'version']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (booleans.has(arg.slice(2))) flags[arg.slice(2)] = true;
    else {
      const value = args[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
    }
  }
  return flags;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === 'version') {
    console.log(VERSION);
    return;
  }
  if (command === 'runtimes' && rest[0] === 'install') {
    await installRuntimes(rest.slice(1));
    return;
  }
  if (command !== 'start') {
    process.stdout.write(USAGE);
    if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
    return;
  }
  const config = loadConfig(parseFlags(rest));
  const stratus = await startStratus(config);
  const data = config.dataDir ? resolve(config.dataDir) : 'ephemeral (removed on exit)';
  console.log(`Stratus ${VERSION} ready at ${stratus.endpoint} (data: ${data}; auth: ${config.auth})`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Stratus stopping (${signal}): finishing in-flight requests`);
    stratus.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Installs Node builds into the runtime cache a server on this machine uses by default. */
async function installRuntimes(runtimes: string[]): Promise<void> {
  const wanted = runtimes.length ? runtimes : SUPPORTED_RUNTIMES.filter((r) => NodeRuntimes.major(r) !== undefined);
  const nodes = new NodeRuntimes(defaultRuntimeCache());
  for (const runtime of wanted) {
    const major = NodeRuntimes.major(runtime);
    if (major === undefined || !SUPPORTED_RUNTIMES.includes(runtime)) throw new Error(`${runtime} is not a Node.js runtime Stratus runs (${SUPPORTED_RUNTIMES.filter((r) => r.startsWith('nodejs')).join(', ')})`);
    const node = major === Number(process.versions.node.split('.')[0]) ? { path: process.execPath, version: process.versions.node } : await nodes.install(major);
    console.log(`${runtime}: Node.js ${node.version} (${node.path})`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`stratus: ${(e as Error).message ?? e}`);
  process.exit(1);
});

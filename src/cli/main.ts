#!/usr/bin/env node
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../core/config.js';
import { readLocalStackEnv } from '../core/localstack-env.js';
import { VERSION } from '../core/version.js';
import { startStratus } from '../server/server.js';
import { SUPPORTED_RUNTIMES } from '../services/lambda/limits.js';

const USAGE = `stratus ${VERSION}: the AWS serverless stack on one port

Usage:
  stratus start [options]      serve every service
  stratus aws ARGS...          the AWS CLI on PATH against Stratus (awslocal): endpoint, region and
                               test credentials set (AWS_ENDPOINT_URL, else http://localhost:4566)
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
  --services LIST   load only these services, e.g. s3,sqs (STRATUS_SERVICES; LocalStack's SERVICES)
  --init-dir DIR    init hooks: DIR/{boot,start,ready,shutdown}.d/*.sh|*.py (STRATUS_INIT_DIR,
                    default /etc/localstack/init when it exists)
  --restore FILE    start from a snapshot (POST /_stratus/snapshot) (STRATUS_RESTORE)

LocalStack's GATEWAY_LISTEN, PERSISTENCE, SERVICES, DEBUG, DEFAULT_REGION, DATA_DIR, EDGE_PORT,
LAMBDA_KEEPALIVE_MS and LAMBDA_LIMITS_CONCURRENT_EXECUTIONS are read too (docs/localstack-migration.md).

Exit codes: 0 stopped, 1 failed while running, 2 invalid command line or configuration,
3 could not start (port in use, data directory unwritable or held by another process).
`;

const FLAGS = new Set(['port', 'host', 'data-dir', 'ephemeral', 'auth', 'sync', 'region', 'config', 'quiet', 'help', 'version', 'services', 'init-dir', 'restore']);

/** A command line or configuration the user must fix: exit code 2. */
class UsageError extends Error {}
/** The server could not start in this environment: exit code 3. */
class StartError extends Error {}

/** --name value, --name=value and bare --flag (true). */
export function parseFlags(args: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  const booleans = new Set(['ephemeral', 'quiet', 'help', 'version']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!FLAGS.has(name)) throw new UsageError(`unknown option --${name} (stratus help lists them)`);
    if (eq > 0) flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (booleans.has(arg.slice(2))) flags[arg.slice(2)] = true;
    else {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
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
  if (command === 'aws') {
    process.exitCode = await runAwsCli(rest);
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
  let config: Config;
  try {
    config = loadConfig(parseFlags(rest));
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
  const ls = readLocalStackEnv(process.env);
  if (ls.mapped.length > 0 || ls.ignored.length > 0) {
    console.log(`LocalStack settings: read ${ls.mapped.join(', ') || 'none'}; ignored (no meaning here): ${ls.ignored.join(', ') || 'none'}`);
  }
  if (config.dataDir) checkDataDir(config.dataDir);
  const data = config.dataDir ? resolve(config.dataDir) : 'ephemeral (removed on exit)';
  console.log(`Stratus ${VERSION} starting: data ${data}; auth ${config.auth}${config.initDir ? `; init hooks ${config.initDir}` : ''}`);
  const started = Date.now();
  let stratus: Awaited<ReturnType<typeof startStratus>>;
  try {
    stratus = await startStratus(config);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new StartError(`--port (STRATUS_PORT): ${config.host}:${config.port} is already in use`);
    if (err.code === 'EACCES' && err.syscall === 'listen') throw new StartError(`--port (STRATUS_PORT): not allowed to listen on ${config.host}:${config.port}`);
    if (/in use by another/i.test(err.message ?? '')) throw new StartError(`--data-dir (STRATUS_DATA_DIR): ${err.message}`);
    if (/^--services/.test(err.message ?? '')) throw new UsageError(err.message);
    throw e;
  }
  const names = [...stratus.services.keys()];
  console.log(`Stratus ${VERSION} ready at ${stratus.endpoint} (data: ${data}; auth: ${config.auth}) in ${Date.now() - started} ms: ${names.length} services (${names.join(', ')})`);
  // LocalStack's line, which tools such as Testcontainers wait for.
  console.log('Ready.');
  void stratus.runReadyHooks().then(() => {
    const failed = stratus.init?.failed() ?? [];
    if (stratus.init) console.log(`init: ready stage done${failed.length ? `; ${failed.length} script(s) failed: ${failed.map((f) => f.path).join(', ')}` : ''}`);
  });
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
  // Imported here: `stratus start` does not need them.
  const [{ NodeRuntimes }, { defaultRuntimeCache }] = await Promise.all([import('../runtime/node-runtimes.js'), import('../runtime/sdk.js')]);
  const wanted = runtimes.length ? runtimes : SUPPORTED_RUNTIMES.filter((r) => NodeRuntimes.major(r) !== undefined);
  const nodes = new NodeRuntimes(defaultRuntimeCache());
  for (const runtime of wanted) {
    const major = NodeRuntimes.major(runtime);
    if (major === undefined || !SUPPORTED_RUNTIMES.includes(runtime)) throw new Error(`${runtime} is not a Node.js runtime Stratus runs (${SUPPORTED_RUNTIMES.filter((r) => r.startsWith('nodejs')).join(', ')})`);
    const node = major === Number(process.versions.node.split('.')[0]) ? { path: process.execPath, version: process.versions.node } : await nodes.install(major);
    console.log(`${runtime}: Node.js ${node.version} (${node.path})`);
  }
}

/** The data directory must exist or be creatable, and be writable: said before anything starts. */
function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new StartError(`--data-dir (STRATUS_DATA_DIR): ${resolve(dir)} is not a writable directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * `stratus aws ...` (LocalStack's awslocal): the AWS CLI on PATH with the endpoint passed as
 * --endpoint-url (Debian's CLI 2.9 ignores AWS_ENDPOINT_URL), and test credentials and a region
 * unless the environment has its own. Resolves to the CLI's exit code.
 */
function awsCliArgs(args: string[], env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  const lsHost = env.LOCALSTACK_HOST ? `http://${env.LOCALSTACK_HOST.includes(':') ? env.LOCALSTACK_HOST : `${env.LOCALSTACK_HOST}:4566`}` : undefined;
  const endpoint = env.AWS_ENDPOINT_URL || env.STRATUS_ENDPOINT || lsHost || `http://localhost:${env.STRATUS_PORT || env.EDGE_PORT || 4566}`;
  const given = args.some((a) => a === '--endpoint-url' || a.startsWith('--endpoint-url='));
  return {
    args: given ? args : ['--endpoint-url', endpoint, ...args],
    env: {
      ...env,
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID || 'test',
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY || 'test',
      AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION || env.AWS_REGION || env.DEFAULT_REGION || 'us-east-1',
    },
  };
}

async function runAwsCli(args: string[]): Promise<number> {
  const call = awsCliArgs(args, process.env);
  // Imported here: `stratus start` does not need it.
  const { spawn } = await import('node:child_process');
  return new Promise((done, fail) => {
    const child = spawn(process.env.STRATUS_AWS_CLI || 'aws', call.args, { env: call.env, stdio: 'inherit' });
    child.once('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ENOENT' ? new UsageError('the AWS CLI (aws) is not on PATH') : e));
    child.once('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`stratus: ${(e as Error).message ?? e}`);
  process.exit(e instanceof UsageError ? 2 : e instanceof StartError ? 3 : 1);
});

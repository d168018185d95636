/**
 * How runtime processes are launched: which runtime a function uses, the command (wrapped for the
 * isolation mode), the variables it gets, and what the pool measures of it (RSS from /proc).
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentSpec, RuntimePaths } from './environment.js';
import { namespaceCommand, type Identity } from './sandbox.js';

export function isNodeRuntime(runtime: string): boolean {
  return runtime.startsWith('nodejs');
}
export function isPythonRuntime(runtime: string): boolean {
  return runtime.startsWith('python3');
}
export function isProvidedRuntime(runtime: string): boolean {
  return runtime === 'provided' || runtime.startsWith('provided.');
}

/**
 * The variables a runtime process gets. SnapStart (a template, and the environments restored from
 * it): AWS_LAMBDA_INITIALIZATION_TYPE is snap-start, and AWS sets no AWS_LAMBDA_LOG_GROUP_NAME nor
 * AWS_LAMBDA_LOG_STREAM_NAME; a template has no Runtime API (its forks get theirs).
 */
export function environmentVariables(
  s: EnvironmentSpec,
  paths: RuntimePaths,
  o: { runtimeApi: string | undefined; tmpDir: string; logStreamName: string; snapStart: boolean },
): NodeJS.ProcessEnv {
  const tmp = o.tmpDir;
  const env: NodeJS.ProcessEnv = {
    ...s.variables,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    HOME: tmp,
    TMPDIR: tmp,
    TEMP: tmp,
    TMP: tmp,
    _HANDLER: s.handler,
    AWS_EXECUTION_ENV: `AWS_Lambda_${s.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: s.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: s.functionVersion,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(s.memoryMb),
    AWS_LAMBDA_FUNCTION_TIMEOUT: String(s.timeoutSec),
    AWS_LAMBDA_LOG_GROUP_NAME: s.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: o.logStreamName,
    AWS_LAMBDA_RUNTIME_API: o.runtimeApi,
    AWS_LAMBDA_INITIALIZATION_TYPE: o.snapStart ? 'snap-start' : 'on-demand',
    AWS_REGION: s.region,
    AWS_DEFAULT_REGION: s.region,
    AWS_ACCESS_KEY_ID: s.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.credentials.secretAccessKey,
    AWS_ENDPOINT_URL: s.endpoint,
    LAMBDA_TASK_ROOT: s.taskRoot,
    LAMBDA_RUNTIME_DIR: paths.runtimeDir,
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_LAMBDA_EPHEMERAL_STORAGE_MB: String(s.ephemeralMb),
  };
  if (o.snapStart) {
    delete env.AWS_LAMBDA_LOG_GROUP_NAME;
    delete env.AWS_LAMBDA_LOG_STREAM_NAME;
  }
  if (o.runtimeApi === undefined) delete env.AWS_LAMBDA_RUNTIME_API;
  if (s.credentials.sessionToken) env.AWS_SESSION_TOKEN = s.credentials.sessionToken;
  // The bootstraps send calls to AWS host names to this server (then remove the variable).
  if (!isProvidedRuntime(s.runtime)) env._STRATUS_ENDPOINT = s.endpoint;
  // Layers, where AWS's runtimes look for them (its /opt: the literal one in namespace mode).
  const opt = s.optDir === undefined ? undefined : paths.isolation.mode === 'namespace' ? '/opt' : s.optDir;
  if (opt) {
    env.PATH = `${env.PATH}:${opt}/bin`;
    env.LD_LIBRARY_PATH = [s.variables.LD_LIBRARY_PATH, `${opt}/lib`].filter(Boolean).join(':');
  }
  if (isNodeRuntime(s.runtime)) {
    const major = /^nodejs(\d+)/.exec(s.runtime)?.[1];
    const layers = opt ? [`${opt}/nodejs/node${major}/node_modules`, `${opt}/nodejs/node_modules`] : [];
    env.NODE_PATH = [...layers, paths.nodePath, join(s.taskRoot, 'node_modules')].filter(Boolean).join(':');
  }
  if (isPythonRuntime(s.runtime)) {
    const layers = opt ? [`${opt}/python/lib/${s.runtime}/site-packages`, `${opt}/python`] : [];
    env.PYTHONPATH = [s.taskRoot, ...layers, s.variables.PYTHONPATH].filter(Boolean).join(':');
    env.PYTHONDONTWRITEBYTECODE = '1';
  }
  return env;
}

/**
 * What INIT_START and RESTORE_START name: the runtime version (the interpreter's, chosen by
 * services/lambda/runtimes.ts) and, when the configuration pins one, its ARN.
 */
export function runtimeVersionText(spec: Pick<EnvironmentSpec, 'runtime' | 'runtimeVersion' | 'runtimeVersionArn'>): string {
  const text = `Runtime Version: ${spec.runtimeVersion ?? spec.runtime}`;
  return spec.runtimeVersionArn ? `${text}\tRuntime Version ARN: ${spec.runtimeVersionArn}` : text;
}

/**
 * The command that runs a runtime's bootstrap, wrapped for the isolation mode:
 * - `none`: with util-linux prlimit present, under RLIMIT_FSIZE = the ephemeral storage size.
 * - `uid`: the same, spawned as the function's uid/gid (`spawnAs`).
 * - `namespace`: in its own mount namespace with a tmpfs of the ephemeral storage size on /tmp,
 *   then as the function's uid/gid (setpriv). A pre-started process (`identity` undefined) stays
 *   root until it is assigned, then drops to the function's uid itself before loading user code.
 *   The function's layers (`optDir`) are mounted on /opt there.
 */
export function runtimeCommand(
  spec: Pick<EnvironmentSpec, 'runtime' | 'memoryMb' | 'taskRoot' | 'ephemeralMb' | 'executable' | 'optDir'>,
  paths: RuntimePaths,
  identity?: Identity,
): { command: string; args: string[]; spawnAs?: Identity | undefined } {
  const { runtime, taskRoot, ephemeralMb, optDir } = spec;
  let cmd: { command: string; args: string[] };
  if (isNodeRuntime(runtime)) {
    const heap = Math.max(32, Math.floor(spec.memoryMb * 0.85));
    cmd = { command: spec.executable ?? process.execPath, args: [`--max-old-space-size=${heap}`, paths.nodeBootstrap] };
  } else if (isPythonRuntime(runtime)) {
    cmd = { command: paths.python, args: ['-u', paths.pythonBootstrap] };
  } else {
    // A custom runtime's bootstrap may come from a layer when the code has none (/opt/bootstrap on AWS).
    const own = join(taskRoot, 'bootstrap');
    const fromLayer = optDir !== undefined && !existsSync(own) && existsSync(join(optDir, 'bootstrap'));
    cmd = { command: fromLayer ? join(paths.isolation.mode === 'namespace' ? '/opt' : optDir, 'bootstrap') : own, args: [] };
  }
  const iso = paths.isolation;
  if (iso.mode === 'namespace') return namespaceCommand(iso, ephemeralMb, identity, cmd.command, cmd.args, optDir);
  const spawnAs = iso.mode === 'uid' ? identity : undefined;
  if (!paths.prlimit) return { ...cmd, spawnAs };
  const bytes = ephemeralMb * 1024 * 1024;
  return { command: paths.prlimit, args: [`--fsize=${bytes}:${bytes}`, '--', cmd.command, ...cmd.args], spawnAs };
}

/**
 * Which kind of pre-started process can serve an environment, if any (not for custom runtimes,
 * nor when the function sets variables the runtime reads only at process start, nor with layers:
 * a spare was started without their /opt mount and LD_LIBRARY_PATH, which only a start sets).
 */
export function spareKind(spec: Pick<EnvironmentSpec, 'runtime' | 'memoryMb' | 'ephemeralMb' | 'variables' | 'executable' | 'optDir'>): string | undefined {
  if (spec.optDir !== undefined) return undefined;
  const keys = Object.keys(spec.variables);
  if (isNodeRuntime(spec.runtime)) {
    if (keys.some((k) => k.startsWith('NODE_') || k === 'UV_THREADPOOL_SIZE')) return undefined;
    return `node:${spec.executable ?? process.execPath}:${spec.memoryMb}:${spec.ephemeralMb}`;
  }
  if (isPythonRuntime(spec.runtime)) {
    if (keys.some((k) => k.startsWith('PYTHON') && k !== 'PYTHONPATH')) return undefined;
    return `python:${spec.ephemeralMb}`;
  }
  return undefined;
}

/** RSS (KB) of one process, from /proc (0 when gone). */
export function processRssKb(pid: number): number {
  try {
    return (Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096) / 1024;
  } catch {
    return 0;
  }
}

/** RSS (KB) of a process and its descendants, from /proc. */
export function treeRssKb(pid: number): number {
  let total = 0;
  const seen = new Set<number>();
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const status = readFileSync(`/proc/${p}/statm`, 'utf8');
      const pages = Number(status.split(' ')[1]);
      total += (pages * 4096) / 1024;
    } catch {
      continue;
    }
    try {
      const kids = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (kids) for (const k of kids.split(' ')) stack.push(Number(k));
    } catch {
      /* no children file */
    }
  }
  return total;
}

/** Removes stale scratch directories (left by a previous crash). */
export function cleanScratch(dir: string): void {
  try {
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  } catch {
    /* absent */
  }
}

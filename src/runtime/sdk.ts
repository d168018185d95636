/**
 * The AWS SDK for JavaScript v3 that Node functions find without bundling it, as AWS's Node
 * runtimes ship it in /var/runtime/node_modules: the `@aws-sdk/*` packages Stratus depends on
 * and everything they require.
 *
 * When functions run as the server's own user they read Stratus's node_modules in place. When
 * they run under their own uids (the server is root), that directory may be out of their reach
 * (a clone under a folder only its owner enters), so the packages are copied once into a cache
 * directory every uid can read, keyed by their names and versions: later starts reuse it.
 */
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** Copies untouched for this long are removed (another installation may still use newer ones). */
const STALE_MS = 30 * 24 * 3600_000;

/** The node_modules directory holding the `@aws-sdk` packages of this installation, if any. */
export function installedSdk(candidates: string[]): string | undefined {
  return candidates.find((p) => existsSync(join(p, '@aws-sdk')));
}

/**
 * A directory every function uid can read holding the SDK packages found in `nodeModules`
 * (and their dependencies), under `cacheRoot`. Created on first use; reused while the package
 * set is unchanged.
 */
export function sharedSdkCopy(nodeModules: string, cacheRoot: string): string {
  ensureCacheRoot(cacheRoot);
  const packages = closure(nodeModules);
  const key = createHash('sha256')
    .update(packages.map((p) => `${p.name}@${p.version}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const target = join(cacheRoot, `sdk-${key}`);
  const modules = join(target, 'node_modules');
  if (existsSync(join(target, '.complete'))) {
    const now = new Date();
    utimesSync(target, now, now);
  } else {
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const p of packages) {
      cpSync(p.dir, join(staging, 'node_modules', p.name), { recursive: true, filter: keepFile });
    }
    cpSync(join(nodeModules, '..', 'package.json'), join(staging, '.complete'));
    makeReadable(staging);
    try {
      renameSync(staging, target);
    } catch {
      // Another process finished the same copy first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  pruneStale(cacheRoot, basename(target));
  return modules;
}

/** The cache root: created owned by this process's user, refused if others could write it. */
function ensureCacheRoot(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not a directory owned by this user and closed to others' writes: refusing to load functions' SDK from it`);
  }
  chmodSync(dir, 0o755);
}

/** The default cache root: /var/tmp (kept across reboots on most systems), per server user. */
export function defaultRuntimeCache(): string {
  const parent = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
  return join(parent, `stratus-runtime-${process.getuid?.() ?? 0}`);
}

interface Pkg {
  name: string;
  version: string;
  dir: string;
}

/**
 * Every top-level package of `nodeModules` reachable from its `@aws-sdk/*` packages through
 * `dependencies`, resolved as Node resolves them (a version nested under a package travels
 * inside that package's copy, but its own dependencies may resolve at the top level).
 */
function closure(nodeModules: string): Pkg[] {
  const top = new Map<string, Pkg>();
  const visited = new Set<string>();
  const visit = (dir: string): void => {
    if (visited.has(dir)) return;
    visited.add(dir);
    let manifest: { name?: string; version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      return; // an optional dependency not installed on this platform
    }
    if (dirname(dir) === nodeModules || dirname(dirname(dir)) === nodeModules) {
      const name = dir.slice(nodeModules.length + 1);
      top.set(name, { name, version: manifest.version ?? '0', dir });
    }
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = resolvePackage(dir, dep, nodeModules);
      if (found) visit(found);
    }
  };
  for (const name of readdirSync(join(nodeModules, '@aws-sdk'))) visit(join(nodeModules, '@aws-sdk', name));
  return [...top.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Where `dep` resolves from a package directory: its own node_modules, then each ancestor's, up to the root. */
function resolvePackage(from: string, dep: string, root: string): string | undefined {
  for (let dir = from; dir.length >= root.length; dir = dirname(dir)) {
    const candidate = basename(dir) === 'node_modules' ? join(dir, dep) : join(dir, 'node_modules', dep);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return undefined;
}

/** Type declarations and source maps are of no use at run time. */
function keepFile(src: string): boolean {
  const name = basename(src);
  return name !== 'dist-types' && !name.endsWith('.d.ts') && !name.endsWith('.d.cts') && !name.endsWith('.d.mts') && !name.endsWith('.map');
}

/** Directories 0755, files 0644 (0755 if executable), whatever the umask or the source modes. */
function makeReadable(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(path, 0o755);
    for (const name of readdirSync(path)) makeReadable(join(path, name));
  } else {
    chmodSync(path, st.mode & 0o111 ? 0o755 : 0o644);
  }
}

function pruneStale(cacheRoot: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(cacheRoot)) {
    if (name === keep || !name.startsWith('sdk-')) continue;
    const path = join(cacheRoot, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      /* removed concurrently */
    }
  }
}

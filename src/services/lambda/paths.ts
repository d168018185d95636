/**
 * Lambda on the filesystem: its root directory (under the data directory, or a temporary one),
 * the runtime files environments start from, the sandbox when functions are isolated, and each
 * function's unpacked code and layers.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../core/config.js';
import type { Job, Jobs, JobSpec } from '../../jobs/index.js';
import { ServiceException } from '../../generated/lambda.js';
import { PYTHON_BOOTSTRAP, SNAPSHOT_RESTORE_PY } from '../../runtime/bootstraps/python-bootstrap.js';
import { cleanScratch, type RuntimePaths } from '../../runtime/environment.js';
import { defaultRuntimeCache, installedSdk, sharedSdkCopy } from '../../runtime/sdk.js';
import { chownTree, createSandboxDir, functionDir, probeIsolation, uidCandidate, UID_MAX, UID_MIN, type Identity } from '../../runtime/sandbox.js';
import type { Db, Queryable } from '../../storage/db.js';
import type { Scope } from './core.js';
import { unpack, unpackAll } from './code.js';
import { allowedDir, HotReloadDirs, mirrorDir, type Manifest } from './hot-reload.js';
import type { CodeStore } from './code-store.js';
import { SERVICE_FAULT } from './errors.js';
import { MAX_TIMEOUT_SECONDS } from './limits.js';
import type { LayerCode } from './store.js';

export interface LambdaPaths extends RuntimePaths {
  /** Where runtime files shared by every function uid are cached (the SDK copy, Node builds). */
  readonly runtimeCache: string;
  /** The sandbox directory is Stratus's own temporary one (removed on close). */
  readonly ownSandbox: boolean;
}

export interface LambdaLayout {
  /** Lambda's directory: `<dataDir>/lambda`, or a temporary directory when the server is ephemeral. */
  readonly root: string;
  /** The server's data directory (absolute), when it has one. */
  readonly dataDir: string | undefined;
  readonly ephemeralRoot: boolean;
  readonly paths: LambdaPaths;
}

/** Creates Lambda's directories and runtime files, once per server. */
export function layOut(config: Config): LambdaLayout {
  const root = config.dataDir ? resolvePath(config.dataDir, 'lambda') : mkdtempSync(join(tmpdir(), 'stratus-lambda-'));
  const paths = runtimePaths(root, config.services.lambda ?? {}, config.dataDir ? resolvePath(config.dataDir) : undefined);
  return { root, dataDir: config.dataDir ? resolvePath(config.dataDir) : undefined, ephemeralRoot: !config.dataDir, paths };
}

/** Where the runtime files live and how environments reach the SDK, set up once per server. */
function runtimePaths(root: string, settings: Record<string, unknown>, dataDir: string | undefined): LambdaPaths {
  const here = dirname(fileURLToPath(import.meta.url));
  mkdirSync(join(root, 'code'), { recursive: true });
  // Layers' shared directories (AWS's /opt has no package.json above it either).
  mkdirSync(join(root, 'layers'), { recursive: true });
  writeFileSync(join(root, 'layers', 'package.json'), '{}\n');
  const scratchDir = join(root, 'scratch');
  mkdirSync(scratchDir, { recursive: true });
  cleanScratch(scratchDir);
  // The AWS SDK for JavaScript v3 is part of AWS's Node runtimes; expose the one Stratus ships with.
  const nodeModules = installedSdk([resolvePath(here, '../../../../node_modules'), resolvePath(here, '../../../node_modules')]);
  const bootstraps = resolvePath(here, '../../runtime/bootstraps');
  const python = typeof settings.python === 'string' ? settings.python : existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const sandboxSetting = typeof settings.sandboxDir === 'string' ? settings.sandboxDir : undefined;
  // Isolation (root only): functions' files live in a sandbox directory outside the data directory.
  const runtimeCache = typeof settings.runtimeCache === 'string' ? settings.runtimeCache : defaultRuntimeCache();
  // What environments reach outside their sandbox: the bootstraps and the SDK are copied into it.
  const isolation = probeIsolation(settings.isolation, [process.execPath, python, runtimeCache, sandboxSetting ?? (existsSync('/var/tmp') ? '/var/tmp' : '/tmp')]);
  let sandboxDir = root;
  let runtimeDir = join(root, 'runtime');
  const ownSandbox = isolation.mode !== 'none' && !sandboxSetting;
  if (isolation.mode !== 'none') {
    sandboxDir = createSandboxDir(sandboxSetting, isolation.mode);
    runtimeDir = join(sandboxDir, 'runtime');
    // Nothing of the server's data is readable by functions.
    for (const dir of [dataDir, root]) if (dir) chmodSync(dir, 0o700);
  }
  mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  chmodSync(runtimeDir, 0o755);
  const pythonBootstrap = join(runtimeDir, 'bootstrap.py');
  writeFileSync(pythonBootstrap, PYTHON_BOOTSTRAP, { mode: 0o644 });
  // Beside the bootstrap, so on every Python function's path (AWS's Python runtimes include it).
  writeFileSync(join(runtimeDir, 'snapshot_restore_py.py'), SNAPSHOT_RESTORE_PY, { mode: 0o644 });
  // Copies beside it: a function's uid may not be able to reach the install directory (a clone
  // under a folder only its owner enters), nor, for the same reason, Stratus's own SDK.
  const nodeRuntime = join(runtimeDir, 'node');
  mkdirSync(nodeRuntime, { recursive: true, mode: 0o755 });
  writeFileSync(join(nodeRuntime, 'package.json'), '{"type":"module"}\n', { mode: 0o644 });
  for (const name of readdirSync(bootstraps).filter((n) => n.startsWith('node-') && n.endsWith('.js'))) {
    copyFileSync(join(bootstraps, name), join(nodeRuntime, name));
    chmodSync(join(nodeRuntime, name), 0o644);
  }
  const sdk = nodeModules && isolation.mode !== 'none' ? sharedSdkCopy(nodeModules, runtimeCache) : nodeModules;
  // Above every code directory: no package type (`.js` handlers are CommonJS unless their own
  // package.json says otherwise, as under /var/task on AWS), and the SDK as a `node_modules` that
  // ES module imports find (they ignore NODE_PATH); a package the function bundles comes first.
  for (const dir of new Set([join(root, 'code'), sandboxDir])) {
    writeFileSync(join(dir, 'package.json'), '{}\n', { mode: 0o644 });
    if (sdk) linkDirectory(join(dir, 'node_modules'), sdk);
  }
  return {
    runtimeDir,
    nodeBootstrap: join(nodeRuntime, 'node-bootstrap.js'),
    pythonBootstrap,
    prlimit: ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)),
    python,
    scratchDir,
    nodePath: sdk,
    isolation,
    sandboxDir,
    ownSandbox,
    runtimeCache,
  };
}

/** Makes `link` a symbolic link to `target` (replacing what was there). */
function linkDirectory(link: string, target: string): void {
  try {
    if (readlinkSync(link) === target) return;
  } catch {
    /* absent, or not a link */
  }
  rmSync(link, { recursive: true, force: true });
  symlinkSync(target, link);
}

/** The job that removes a deleted function's own directory (its key). */
const CODE_REMOVAL_KIND = 'lambda.code-removal';

interface CodeRemoval {
  name: string;
  uid: number;
}

/** Functions' code directories and sandbox identities. */
export class FunctionFiles {
  readonly root: string;
  readonly paths: LambdaPaths;
  private readonly ephemeralRoot: boolean;
  /** Code directories known to be unpacked, by `uid:hex` (isolated) or `hex`. */
  private readonly unpacked = new Set<string>();
  /** Function uid by `account:region:name` (isolation modes uid/namespace). */
  private readonly uids = new Map<string, number>();
  /** Code directory and identity by `account:region:name:hex` (the warm path skips the checks). */
  private readonly codeDirs = new Map<string, { dir: string; identity: Identity | undefined }>();
  /** Merged layer directories known to exist, by `uid:digest` (isolated) or `digest`. */
  private readonly optDirs = new Set<string>();
  /** Hot reload: the watched directories, and isolated functions' mirrors of them by `uid:dir`. */
  readonly hot = new HotReloadDirs();
  private readonly mirrors = new Map<string, { dir: string; generation: number; manifest: Manifest | undefined; syncing: Promise<void> }>();
  /** Directories a hot-reload directory may neither be in nor hold (the server's own data, functions' sandbox). */
  readonly hotForbidden: readonly string[];
  constructor(
    private readonly db: Db,
    private readonly code: CodeStore,
    jobs: Jobs,
    layout: LambdaLayout,
  ) {
    this.root = layout.root;
    this.paths = layout.paths;
    this.ephemeralRoot = layout.ephemeralRoot;
    this.hotForbidden = [layout.dataDir, layout.root, this.paths.sandboxDir].filter((d): d is string => !!d);
    // In every isolation mode: removals a previous run enqueued still happen.
    jobs.handle<CodeRemoval>(CODE_REMOVAL_KIND, (job) => this.remove(job));
  }

  /** The shared directory of a code hash, for functions that are not isolated. */
  sharedCodeDir(hex: string): string {
    return join(this.root, 'code', hex);
  }

  /**
   * The directory a function's code runs from, unpacked if needed: shared by code hash when not
   * isolated; isolated, the function's own copy in its own 0700 directory, owned by its uid.
   * With `zip` (new code), the package is unpacked from it rather than read back from the blob store.
   */
  async codeDir(scope: Scope, name: string, hex: string, zip?: Buffer): Promise<{ dir: string; identity: Identity | undefined }> {
    const cacheKey = `${scope.accountId}:${scope.region}:${name}:${hex}`;
    const cached = this.codeDirs.get(cacheKey);
    if (cached && !zip) return cached;
    const identity = this.paths.isolation.mode === 'none' ? undefined : await this.identityFor(scope, name);
    const dir = identity ? join(functionDir(this.paths.sandboxDir, identity), `task-${hex}`) : this.sharedCodeDir(hex);
    const key = identity ? `${identity.uid}:${hex}` : hex;
    if (!this.unpacked.has(key) && !existsSync(dir)) {
      const code = zip ?? (await this.code.load(scope, hex));
      if (!code) throw new ServiceException('The deployment package of the function is missing.', SERVICE_FAULT);
      unpack(code, dir);
      if (identity) chownTree(dir, identity);
    }
    this.unpacked.add(key);
    const out = { dir, identity };
    if (this.codeDirs.size > 10_000) this.codeDirs.clear();
    this.codeDirs.set(cacheKey, out);
    return out;
  }

  /**
   * The directory a function's layers are extracted into, in order, later layers' files replacing
   * earlier ones' (AWS's /opt); one per (identity, ordered layer list): shared when not isolated,
   * else in the function's own directory, owned by its uid. Undefined without layers.
   */
  async optDir(scope: Scope, name: string, layers: readonly LayerCode[] | undefined): Promise<string | undefined> {
    if (!layers?.length) return undefined;
    const digest = createHash('sha256')
      .update(layers.map((l) => `${l.account}:${l.region}:${l.hex}`).join(','))
      .digest('hex')
      .slice(0, 32);
    const identity = this.paths.isolation.mode === 'none' ? undefined : await this.identityFor(scope, name);
    const dir = identity ? join(functionDir(this.paths.sandboxDir, identity), `opt-${digest}`) : join(this.root, 'layers', digest);
    const key = identity ? `${identity.uid}:${digest}` : digest;
    if (!this.optDirs.has(key) && !existsSync(dir)) {
      const zips: Buffer[] = [];
      for (const l of layers) {
        const zip = await this.code.load({ accountId: l.account, region: l.region }, l.hex);
        if (!zip) throw new ServiceException('The content of a layer of the function is missing.', SERVICE_FAULT);
        zips.push(zip);
      }
      // Given to the function's uid before it appears under its name, so no environment sees it half-owned.
      unpackAll(zips, dir, identity ? (tmp) => chownTree(tmp, identity) : undefined);
    }
    if (this.optDirs.size > 10_000) this.optDirs.clear();
    this.optDirs.add(key);
    return dir;
  }

  /**
   * Where a hot-reload function runs from, and the generation of that directory's content (it
   * changes whenever a file under it changes). Not isolated: the directory itself. Isolated, the
   * function's uid may not be able to read the user's directory (a home directory is often 0700),
   * and must not be able to write into it: the directory is mirrored into the function's own
   * directory (owned by its uid), brought up to date whenever a change was detected.
   */
  async hotCodeDir(scope: Scope, name: string, source: string): Promise<{ dir: string; identity: Identity | undefined; generation: number }> {
    const generation = await this.hot.generation(source);
    if (this.paths.isolation.mode === 'none') return { dir: source, identity: undefined, generation };
    const identity = await this.identityFor(scope, name);
    const key = `${identity.uid}:${source}`;
    let mirror = this.mirrors.get(key);
    if (!mirror) {
      const dir = join(functionDir(this.paths.sandboxDir, identity), `task-hot-${createHash('sha256').update(source).digest('hex').slice(0, 16)}`);
      mirror = { dir, generation: 0, manifest: undefined, syncing: Promise.resolve() };
      this.mirrors.set(key, mirror);
    }
    const m = mirror;
    const dir = m.dir;
    if (m.generation !== generation) {
      // One sync at a time per mirror; one that finds the mirror already current does nothing.
      const sync = async (): Promise<void> => {
        if (m.generation === generation) return;
        // Checked again here: a link swapped since CreateFunction must not make root copy Stratus's data.
        if (!allowedDir(source, this.hotForbidden)) throw new ServiceException(`The hot-reload directory ${source} leads to a directory it may not use.`, SERVICE_FAULT);
        m.manifest = await mirrorDir(source, dir, identity, m.manifest);
        m.generation = generation;
      };
      m.syncing = m.syncing.then(sync, sync);
      await m.syncing;
    }
    return { dir, identity, generation };
  }

  /**
   * The function's own uid/gid: stable per function (stored in lambda_uids), picked from
   * 60000-64999 starting at a hash of its name, the next free one on a collision.
   */
  private async identityFor(scope: Scope, name: string): Promise<Identity> {
    const key = `${scope.accountId}:${scope.region}:${name}`;
    let uid = this.uids.get(key);
    if (uid === undefined) {
      for (let attempt = 0; attempt <= UID_MAX - UID_MIN + 1; attempt++) {
        uid = await storedUid(this.db, scope, name);
        if (uid !== undefined || attempt > UID_MAX - UID_MIN) break;
        await this.db.run('INSERT INTO lambda_uids (account, region, name, uid) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [scope.accountId, scope.region, name, uidCandidate(key, attempt)]);
      }
      if (uid === undefined) throw new ServiceException('No unprivileged uid is left for this function (60000-64999 are all in use).', SERVICE_FAULT);
      this.uids.set(key, uid);
    }
    return { uid, gid: uid };
  }

  /**
   * A deleted (isolated) function's own directory, with its code copies, goes once invocations
   * still running on it are over (after the longest timeout), unless a function of that name
   * exists again by then: the job to enqueue in the deletion's transaction, if the function has a
   * directory of its own. Keyed by the directory, so deleting again postpones its removal.
   */
  async removalAfterDeletion(q: Queryable, scope: Scope, name: string, now: number): Promise<JobSpec<CodeRemoval> | undefined> {
    if (this.paths.isolation.mode === 'none') return undefined;
    const uid = await storedUid(q, scope, name);
    if (uid === undefined) return undefined;
    return {
      kind: CODE_REMOVAL_KIND,
      key: join(this.paths.sandboxDir, String(uid)),
      account: scope.accountId,
      region: scope.region,
      dueAt: now + (MAX_TIMEOUT_SECONDS + 5) * 1000,
      payload: { name, uid },
    };
  }

  private async remove(job: Job<CodeRemoval>): Promise<void> {
    const { name, uid } = job.payload;
    const row = await this.db.get('SELECT name FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [job.account, job.region, name]);
    if (row) return;
    rmSync(job.key, { recursive: true, force: true });
    const key = `${job.account}:${job.region}:${name}`;
    for (const k of [...this.unpacked]) if (k.startsWith(`${uid}:`)) this.unpacked.delete(k);
    for (const k of [...this.optDirs]) if (k.startsWith(`${uid}:`)) this.optDirs.delete(k);
    for (const k of [...this.codeDirs.keys()]) if (k.startsWith(`${key}:`)) this.codeDirs.delete(k);
    for (const k of [...this.mirrors.keys()]) if (k.startsWith(`${uid}:`)) this.mirrors.delete(k);
  }

  /** Stops watching hot-reload directories and removes Stratus's temporary directories (once no environment runs). */
  removeTemporaryDirectories(): void {
    this.hot.close();
    if (this.ephemeralRoot) rmSync(this.root, { recursive: true, force: true });
    if (this.paths.ownSandbox) rmSync(this.paths.sandboxDir, { recursive: true, force: true });
  }
}

/** The uid a function was given (lambda_uids), if any. */
async function storedUid(q: Queryable, scope: Scope, name: string): Promise<number | undefined> {
  const row = await q.get<{ uid: number }>('SELECT uid FROM lambda_uids WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
  return row ? Number(row.uid) : undefined;
}

/**
 * Hot reload, LocalStack's convention: a function whose code is `{S3Bucket: "hot-reload", S3Key:
 * "/abs/dir"}` runs from that local directory instead of a deployment package, and a change of a
 * file under it shows on the next invocation with no UpdateFunctionCode: the function's warm
 * environments are recycled once something in the directory changed.
 *
 * Change detection: the directory tree is watched (one inotify watch per directory on Linux,
 * fs.watch's recursive mode on macOS and Windows), so the warm path compares a number; the directory's identity (inode, birth time) is looked at,
 * at most every CHECK_MS, so a directory removed and made again (a clean build) is watched
 * afresh. Where a watch cannot be set up (no recursive watch, inotify watches used up), a stamp of
 * the tree (each entry's path, size, mtime and mode) is computed instead at invoke time, at most
 * every CHECK_MS.
 *
 * Like LocalStack, CodeSha256 is "hot-reloading-hash-not-available", CodeSize 0, and GetFunction's
 * Code.Location reads "Code location: <dir>" (no package exists to download).
 */
import { createHash } from 'node:crypto';
import { realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { chmod, chown, copyFile, lchown, lstat, mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import { InvalidParameterValueException } from '../../generated/lambda.js';
import type { Identity } from '../../runtime/sandbox.js';
import { USER_FAULT } from './errors.js';

/** The magic bucket name (LocalStack's since its v2; it was `__local__` before). */
export const HOT_RELOAD_BUCKET = 'hot-reload';
/** The CodeSha256 LocalStack reports for hot-reload functions (tools such as the AWS Toolkit look for it). */
export const HOT_RELOAD_SHA = 'hot-reloading-hash-not-available';
/** How often, at most, the directory is looked at from the invoke path (its identity; the stamp when not watched). */
export const CHECK_MS = 500;
/** Watches not consulted for this long are closed (they are set up again on the next invocation). */
const UNUSED_WATCH_MS = 15 * 60_000;

/** Whether a FunctionCode designates a local directory (hot reload). */
export function isHotReloadCode(code: { S3Bucket?: string | undefined }): boolean {
  return code.S3Bucket === HOT_RELOAD_BUCKET;
}

/**
 * The directory of a hot-reload S3Key: `$VAR` and `${VAR}` expanded from the server's environment
 * (as LocalStack does), absolute, an existing directory, neither a system directory nor one
 * holding or inside Stratus's own data (`forbidden`); AWS's InvalidParameterValueException otherwise.
 */
export function hotReloadDir(key: string | undefined, forbidden: readonly string[]): string {
  const raw = key ?? '';
  const expanded = raw.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a: string | undefined, b: string | undefined) => process.env[a ?? b ?? ''] ?? m);
  if (!isAbsolute(expanded)) throw new InvalidParameterValueException(`When using hot reloading, the archive key has to be an absolute path! Your archive key: ${raw}`, USER_FAULT);
  const dir = normalize(expanded).replace(/(.)\/+$/, '$1');
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* absent */
  }
  if (!isDir) throw new InvalidParameterValueException(`When using hot reloading, the archive key has to be an existing directory! Your archive key: ${raw}`, USER_FAULT);
  if (!allowedDir(dir, forbidden)) {
    throw new InvalidParameterValueException(`When using hot reloading, the archive key cannot be a system directory or hold Stratus's own data! Your archive key: ${raw}`, USER_FAULT);
  }
  return dir;
}

const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];

/** Whether `dir` (and where it really leads) is neither `/`, a system directory, nor overlapping a forbidden one. */
export function allowedDir(dir: string, forbidden: readonly string[]): boolean {
  let real = dir;
  try {
    real = realpathSync.native(dir);
  } catch {
    /* absent: nothing to leak */
  }
  const within = (a: string, b: string): boolean => a === b || a.startsWith(b.endsWith('/') ? b : `${b}/`);
  for (const d of [dir, real]) {
    if (d === '/' || SYSTEM_DIRS.some((s) => within(d, s))) return false;
    if (forbidden.some((f) => f && (within(d, f) || within(f, d)))) return false;
  }
  return true;
}

let nextGeneration = 1;

interface TreeWatch {
  close(): void;
}

/**
 * Watches everything under `root`: `onEvent` for each change (the name under the directory, or
 * undefined when the directory itself went), `onError` when the watch cannot go on (e.g. inotify
 * watches used up). Where the platform watches trees natively (FSEvents on macOS, Windows) that is
 * fs.watch's `recursive`; on Linux, Node's recursive watch sets itself up synchronously, visiting
 * every file (2 s for 20,000 files here, the whole server stalled), so one inotify watch per
 * directory is set up here instead, found by an asynchronous walk and followed as directories come
 * and go.
 */
function watchTree(root: string, onEvent: (name: string | undefined) => void, onError: () => void): TreeWatch {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    // Not persistent: a watch never keeps the server's process alive.
    const w = watch(root, { recursive: true, persistent: false }, (_event, name) => onEvent(name ?? undefined));
    w.on('error', onError);
    return w;
  }
  return new DirectoryWatches(root, onEvent, onError);
}

class DirectoryWatches implements TreeWatch {
  /** A watch per directory, by its path under the root ('' for the root). */
  private readonly watches = new Map<string, FSWatcher>();
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly onEvent: (name: string | undefined) => void,
    private readonly onError: () => void,
  ) {
    // The root's watch is set up at once (it throws if it cannot be), the rest as they are found.
    this.add('', true);
    void this.addTree('');
  }

  private add(rel: string, rethrow = false): boolean {
    if (this.closed || this.watches.has(rel)) return !this.closed;
    try {
      const w = watch(rel ? join(this.root, rel) : this.root, { persistent: false }, (event, name) => {
        const path = name ? (rel ? `${rel}/${name}` : name) : undefined;
        this.onEvent(path ?? (rel || undefined));
        // A directory may have come (watch it and what it holds) or gone (forget its watches).
        if (event === 'rename' && path) void this.follow(path);
      });
      w.on('error', () => this.forget(rel));
      this.watches.set(rel, w);
      return true;
    } catch (e) {
      if (rethrow) throw e;
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      // Out of inotify watches (ENOSPC) or the like: the caller falls back to comparing stamps.
      this.close();
      this.onError();
      return false;
    }
  }

  /** Watches every directory under `rel`, one level of the walk at a time (not blocking the loop). */
  private async addTree(rel: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(rel ? join(this.root, rel) : this.root, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (this.closed) return;
      if (!e.isDirectory()) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (this.add(child)) await this.addTree(child);
    }
  }

  private async follow(rel: string): Promise<void> {
    let isDir = false;
    try {
      isDir = (await lstat(join(this.root, rel))).isDirectory();
    } catch {
      /* gone */
    }
    if (isDir) {
      if (this.add(rel)) await this.addTree(rel);
    } else {
      for (const k of [...this.watches.keys()]) if (k === rel || k.startsWith(`${rel}/`)) this.forget(k);
    }
  }

  private forget(rel: string): void {
    this.watches.get(rel)?.close();
    this.watches.delete(rel);
  }

  close(): void {
    this.closed = true;
    for (const w of this.watches.values()) w.close();
    this.watches.clear();
  }
}

/** One watched directory: its generation changes whenever something under it changed. */
class WatchedDir {
  /** Unique across directories and watches, so a generation never matches another watch's. */
  generation = nextGeneration++;
  lastUsed = Date.now();
  private watcher: TreeWatch | undefined;
  private identity: string | undefined;
  private stale = false;
  private checkedAt = 0;
  private stamp: string | undefined;
  private scanning: Promise<void> | undefined;
  /** Comparing stamps: asked for, or the watch failed (tried again for a new directory). */
  private poll: boolean;

  constructor(
    readonly dir: string,
    /** Compare stamps instead of watching. */
    private readonly wantPoll: boolean,
    private readonly checkMs: number,
  ) {
    this.identity = identity(dir);
    this.poll = wantPoll;
    if (!wantPoll) this.watch();
  }

  private watch(): void {
    try {
      this.watcher = watchTree(
        this.dir,
        (name) => {
          this.generation = nextGeneration++;
          // An event without a name: the directory itself went (removed or renamed). Any event: the
          // next invocation checks the directory is still the one watched (a removal often reports
          // only the files, and the new directory may reuse the inode).
          if (!name) this.stale = true;
          this.checkedAt = 0;
        },
        () => this.fallBack(),
      );
    } catch {
      this.fallBack();
    }
  }

  /** The watch failed (e.g. no inotify watch left): stamps from now on; what ran may be out of date. */
  private fallBack(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.poll = true;
    this.stamp = undefined;
    this.generation = nextGeneration++;
  }

  /** The generation of the directory's content now (the warm path: a comparison, at most every checkMs a stat). */
  async current(): Promise<number> {
    this.lastUsed = Date.now();
    const now = performance.now();
    if (now - this.checkedAt < this.checkMs && !this.stale) return this.generation;
    this.checkedAt = now;
    const seen = identity(this.dir);
    if (seen !== this.identity || this.stale) {
      // Replaced (or gone): whatever runs is out of date; watch the new one.
      this.identity = seen;
      this.stale = false;
      this.generation = nextGeneration++;
      this.watcher?.close();
      this.watcher = undefined;
      this.poll = this.wantPoll;
      this.stamp = undefined;
      if (!this.poll && seen !== undefined) this.watch();
    }
    if (this.watcher) return this.generation;
    // Not watched: compare a stamp of the tree (several invocations share one scan).
    this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
    await this.scanning;
    return this.generation;
  }

  private async scan(): Promise<void> {
    const hash = createHash('sha256');
    for (const [rel, e] of await walk(this.dir)) hash.update(`${rel}\0${e.kind}\0${e.size}\0${e.mtimeMs}\0${e.mode}\n`);
    const stamp = hash.digest('base64');
    if (this.stamp !== undefined && stamp !== this.stamp) this.generation = nextGeneration++;
    this.stamp = stamp;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }
}

/**
 * What tells the directory from one made again at its path: device and inode, which a new
 * directory often reuses, and its birth time (where the filesystem records one).
 */
function identity(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    return `${st.dev}:${st.ino}:${st.birthtimeMs}`;
  } catch {
    return undefined;
  }
}

/** The watched directories of hot-reload functions, by path. */
export class HotReloadDirs {
  private readonly dirs = new Map<string, WatchedDir>();
  private sweptAt = Date.now();

  /** `poll`: compare stamps instead of watching (where recursive watches are not available; tests). */
  constructor(private readonly options: { poll?: boolean; checkMs?: number } = {}) {}

  /** The generation of `dir`'s content: it changes whenever something under the directory changed. */
  generation(dir: string): Promise<number> {
    let w = this.dirs.get(dir);
    if (!w) {
      w = new WatchedDir(dir, this.options.poll ?? false, this.options.checkMs ?? CHECK_MS);
      this.dirs.set(dir, w);
      this.sweep();
    }
    return w.current();
  }

  /** Closes watches nothing consulted for a while (a deleted function's, a directory switched away from). */
  private sweep(): void {
    const now = Date.now();
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [dir, w] of this.dirs) {
      if (now - w.lastUsed < UNUSED_WATCH_MS) continue;
      w.close();
      this.dirs.delete(dir);
    }
  }

  close(): void {
    for (const w of this.dirs.values()) w.close();
    this.dirs.clear();
  }
}

interface Entry {
  kind: 'dir' | 'file' | 'link';
  size: number;
  mtimeMs: number;
  mode: number;
}

/** What a mirror holds: each entry by its path relative to the directory. */
export type Manifest = Map<string, Entry>;

/** The entries under `root` (links not followed; sockets and the like left out); empty when it is absent. */
async function walk(root: string): Promise<Manifest> {
  const out: Manifest = new Map();
  const visit = async (rel: string): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(rel ? join(root, rel) : root)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      let st;
      try {
        st = await lstat(join(root, path));
      } catch {
        continue;
      }
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : st.isSymbolicLink() ? 'link' : undefined;
      if (!kind) continue;
      out.set(path, { kind, size: st.size, mtimeMs: st.mtimeMs, mode: st.mode & 0o7777 });
      if (kind === 'dir') await visit(path);
    }
  };
  await visit('');
  return out;
}

/**
 * Brings `target` in line with `source` for a function running under its own uid: what changed
 * since `before` (the manifest of the last mirror; none: start afresh) is copied, what went is
 * removed, everything owned by the function's uid. Links are copied as links (never followed), so
 * the copy made as root holds nothing from outside the directory. Returns the new manifest.
 */
export async function mirrorDir(source: string, target: string, id: Identity, before: Manifest | undefined): Promise<Manifest> {
  const now = await walk(source);
  if (!before) await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true, mode: 0o700 });
  await chown(target, id.uid, id.gid);
  await chmod(target, 0o700);
  for (const [rel, old] of before ?? []) {
    const e = now.get(rel);
    if (!e || e.kind !== old.kind || e.kind === 'link') await rm(join(target, rel), { recursive: true, force: true });
  }
  // Sorted paths: a directory comes before what it holds.
  for (const rel of [...now.keys()].sort()) {
    const e = now.get(rel)!;
    const old = before?.get(rel);
    if (old && old.kind === e.kind && e.kind !== 'link' && old.size === e.size && old.mtimeMs === e.mtimeMs && old.mode === e.mode) continue;
    const from = join(source, rel);
    const to = join(target, rel);
    try {
      if (e.kind === 'dir') {
        await mkdir(to, { recursive: true });
        await chmod(to, (e.mode & 0o777) | 0o700);
        await chown(to, id.uid, id.gid);
      } else if (e.kind === 'file') {
        await copyFile(from, to);
        await chmod(to, (e.mode & 0o777) | 0o400);
        await chown(to, id.uid, id.gid);
      } else {
        await rm(to, { force: true });
        await symlink(await readlink(from), to);
        await lchown(to, id.uid, id.gid);
      }
    } catch {
      // Changed or removed while being copied: the change event it caused brings the next sync.
    }
  }
  return now;
}

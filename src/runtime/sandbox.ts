/**
 * Isolation of user code, from what Linux offers without containers:
 *
 * - `none`: Stratus does not run as root. Functions run as the server's user (today's behaviour);
 *   with util-linux `prlimit`, RLIMIT_FSIZE caps each file at the ephemeral storage size.
 * - `uid`: Stratus runs as root. Each function's environments run under the function's own
 *   unprivileged uid/gid (allocated per function from 60000-64999, stable), with a minimal
 *   environment; its code and scratch directories are owned by that uid, mode 0700, under a
 *   sandbox directory outside the server's data directory (which is made 0700).
 * - `namespace`: as `uid`, and each environment also gets a private mount namespace
 *   (util-linux `unshare -m`) with a tmpfs of the function's ephemeral storage size mounted on the
 *   literal `/tmp`, so writing past it fails with ENOSPC ("No space left on device") as on AWS.
 *   The namespace (and its tmpfs) disappears with the environment's processes. A function's
 *   layers are bind-mounted read-only on the literal `/opt` there.
 *
 * The mode is probed once when the Lambda service starts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type IsolationMode = 'none' | 'uid' | 'namespace';

export const UID_MIN = 60000;
export const UID_MAX = 64999;

export interface Isolation {
  readonly mode: IsolationMode;
  /** util-linux `unshare` (namespace mode). */
  readonly unshare?: string | undefined;
  /** util-linux `setpriv` (drops to the function's uid after mounting /tmp). */
  readonly setpriv?: string | undefined;
  /** /bin/sh used to run mount before exec'ing the runtime. */
  readonly shell?: string | undefined;
  /** Why a stronger mode is not available (for the docs and the health output). */
  readonly reason?: string | undefined;
}

/** The uid/gid an environment runs as, and where its /tmp is (namespace mode: '/tmp'). */
export interface Identity {
  readonly uid: number;
  readonly gid: number;
}

const find = (names: string[]): string | undefined => names.find((p) => existsSync(p));

/**
 * Picks the isolation mode. `forbiddenUnderTmp`: paths an environment needs to see (the runtime's
 * files, the sandbox): when one of them is under /tmp, mounting a tmpfs on /tmp in the namespace
 * would hide it, so namespace mode is not used.
 */
export function probeIsolation(setting: unknown, neededPaths: string[]): Isolation {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (setting === false || setting === 'none') return { mode: 'none', reason: 'disabled by services.lambda.isolation' };
  if (!isRoot) return { mode: 'none', reason: 'Stratus is not running as root' };
  const unshare = find(['/usr/bin/unshare', '/bin/unshare']);
  const setpriv = find(['/usr/bin/setpriv', '/bin/setpriv']);
  const shell = find(['/bin/sh', '/usr/bin/sh']);
  if (setting === 'uid') return { mode: 'uid', reason: 'services.lambda.isolation is "uid"' };
  if (!unshare || !setpriv || !shell) return { mode: 'uid', reason: 'util-linux unshare/setpriv not installed' };
  const underTmp = neededPaths.find((p) => p === '/tmp' || p.startsWith('/tmp/'));
  if (underTmp) return { mode: 'uid', reason: `${underTmp} is under /tmp, which a private /tmp would hide` };
  // Can this process create a mount namespace and mount a tmpfs in it (CAP_SYS_ADMIN)?
  const r = spawnSync(unshare, ['--mount', '--propagation', 'private', '--', shell, '-c', 'mount -t tmpfs -o size=1m,mode=0700 tmpfs /tmp'], { stdio: 'ignore', timeout: 10_000 });
  if (r.status !== 0) return { mode: 'uid', reason: 'cannot create a mount namespace with a tmpfs here (unshare -m failed)' };
  return { mode: 'namespace', unshare, setpriv, shell };
}

/**
 * Wraps a runtime command so it runs in its own mount namespace with a tmpfs of `sizeMb` on /tmp,
 * owned by `id` (or root for a pre-started process, which changes it when assigned), then as `id`.
 * `optDir`: the function's layers merged in one directory, bind-mounted read-only on the literal
 * /opt of the namespace (where AWS puts layers), so code naming /opt/... finds them.
 */
export function namespaceCommand(
  iso: Isolation,
  sizeMb: number,
  id: Identity | undefined,
  command: string,
  args: string[],
  optDir?: string,
): { command: string; args: string[] } {
  const owner = id ?? { uid: 0, gid: 0 };
  // The directory is passed as $1 (not spliced into the script); the command follows it.
  const layers = optDir ? 'mount --bind "$1" /opt && mount -o remount,bind,ro,nosuid,nodev /opt || exit 126; ' : '';
  const mount = `mount -t tmpfs -o size=${sizeMb}m,mode=0700,uid=${owner.uid},gid=${owner.gid},nosuid,nodev tmpfs /tmp || exit 126; ${layers}shift; exec "$@"`;
  const tail = id ? [iso.setpriv!, `--reuid=${id.uid}`, `--regid=${id.gid}`, '--clear-groups', '--', command, ...args] : [command, ...args];
  return { command: iso.unshare!, args: ['--mount', '--propagation', 'private', '--', iso.shell!, '-c', mount, 'stratus-sandbox', optDir ?? '', ...tail] };
}

/** Creates the sandbox directory (traversable by environments, not listable) and its runtime/. */
export function createSandboxDir(configured: unknown, mode: IsolationMode): string {
  let dir: string;
  if (typeof configured === 'string' && configured) {
    dir = configured;
    mkdirSync(dir, { recursive: true });
  } else {
    const parent = (mode === 'none' ? undefined : existsSync('/var/tmp') ? '/var/tmp' : undefined) ?? (process.env.TMPDIR || '/tmp');
    removeStaleSandboxes(parent);
    dir = mkdtempSync(join(parent, 'stratus-sandbox-'));
    // Its owner, so a later start can remove it if this process dies without cleaning up.
    writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
  }
  // Environments must traverse it to reach their own directory; they must not list it.
  chmodSync(dir, mode === 'none' ? 0o700 : 0o711);
  return dir;
}

const OWNER_FILE = '.stratus-owner';

/** Removes sandboxes left by Stratus processes that died (kill -9) without removing them. */
function removeStaleSandboxes(parent: string): void {
  let names: string[];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith('stratus-sandbox-'));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(parent, name);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory() || st.uid !== process.getuid?.()) continue;
      const pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      /* no owner file yet (being created), or already gone */
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A function's own directory in the sandbox: owned by its uid, 0700. */
export function functionDir(sandbox: string, id: Identity): string {
  const dir = join(sandbox, String(id.uid));
  let ok = false;
  try {
    const st = lstatSync(dir);
    ok = st.isDirectory() && st.uid === id.uid && st.gid === id.gid && (st.mode & 0o777) === 0o700;
  } catch {
    /* absent */
  }
  if (!ok) {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, id.uid, id.gid);
    chmodSync(dir, 0o700);
  }
  return dir;
}

/** Gives a directory tree to `id` (no symlink is followed). */
export function chownTree(dir: string, id: Identity): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  chownSync(dir, id.uid, id.gid);
  if (!st.isDirectory()) return;
  for (const name of readdirSync(dir)) chownTree(join(dir, name), id);
}

/** A stable starting point in the uid range for a function (collisions are resolved by the caller). */
export function uidCandidate(key: string, attempt: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  const span = UID_MAX - UID_MIN + 1;
  return UID_MIN + ((h + attempt) % span);
}

/**
 * The uid owning a TCP connection to 127.0.0.1:`serverPort` from `peerPort` (from /proc/net/tcp:
 * the peer's socket has local address = its port, remote = ours). Undefined when not found.
 */
export function tcpPeerUid(peerPort: number, serverPort: number): number | undefined {
  let table: string;
  try {
    table = readFileSync('/proc/net/tcp', 'latin1');
  } catch {
    return undefined;
  }
  const local = `0100007F:${peerPort.toString(16).toUpperCase().padStart(4, '0')}`;
  const remote = `0100007F:${serverPort.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const line of table.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[1] === local && f[2] === remote) return Number(f[7]);
  }
  return undefined;
}

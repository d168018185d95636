/** Child processes of the benches (Stratus and its peers as servers of their own). */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A TCP port free on 127.0.0.1 now (for a peer that takes its port as an argument). */
export const freePort = (): Promise<number> =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });

/** Stops a child with SIGTERM; resolves once it has exited. */
export function stopChild(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The path of a peer's executable `bin` (relative to `peerDir`), after `npm install` in `peerDir`
 * (its package.json pins the peer) when it is not there yet; undefined when it cannot be installed.
 */
export function ensurePeer(peerDir: string, bin: string, what: string): string | undefined {
  const path = join(peerDir, bin);
  if (!existsSync(path)) {
    console.log(`installing ${what} into ${peerDir} ...`);
    try {
      execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: peerDir, stdio: 'inherit' });
    } catch (e) {
      console.log(`${what} could not be installed: ${(e as Error).message}`);
      return undefined;
    }
  }
  return existsSync(path) ? path : undefined;
}

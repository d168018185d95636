/**
 * A thread that digests upload bodies for digest-offload.ts: each session's bytes arrive in a ring
 * (a SharedArrayBuffer the main thread copies them into), announced by `data` messages with the
 * ring position they reach; each is hashed in order and its end published in `progress`, so the ring
 * space is reused (a message wakes the main thread only when it waits for that space).
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { checksummer, parseAlgorithm, type Checksummer } from './checksums.js';
import type { ToWorker } from './digest-offload.js';

interface Session {
  ring: Buffer;
  /** [0]: the position digested so far, for the main thread to read; [1]: 1 while it waits for it to move. */
  progress: BigInt64Array;
  /** Ring position (a byte count from the start of the body) hashed so far. */
  at: number;
  sums: Checksummer[];
}

/** MD5 and SHA256 (x-amz-content-sha256) as digests, the rest as S3's checksums. */
function digester(name: string): Checksummer {
  if (name === 'MD5') {
    const h = createHash('md5');
    return { update: (c) => h.update(c), digest: () => h.digest() };
  }
  const algorithm = parseAlgorithm(name);
  if (!algorithm) throw new Error(`no digest ${name}`);
  return checksummer(algorithm);
}

const sessions = new Map<number, Session>();
const port = parentPort!;

port.on('message', (m: ToWorker) => {
  if (m.t === 'open') {
    sessions.set(m.id, { ring: Buffer.from(m.ring), progress: new BigInt64Array(m.progress), at: 0, sums: m.algorithms.map(digester) });
    return;
  }
  const s = sessions.get(m.id);
  if (!s) return;
  if (m.t === 'data') {
    const size = s.ring.length;
    while (s.at < m.to) {
      const pos = s.at % size;
      const n = Math.min(m.to - s.at, size - pos);
      const view = s.ring.subarray(pos, pos + n);
      for (const sum of s.sums) sum.update(view);
      s.at += n;
    }
    Atomics.store(s.progress, 0, BigInt(s.at));
    // A message only when the main thread waits for ring space (set before it looked at [0]).
    if (Atomics.exchange(s.progress, 1, 0n) === 1n) port.postMessage({ id: m.id, t: 'consumed' });
  } else if (m.t === 'end') {
    sessions.delete(m.id);
    port.postMessage({ id: m.id, t: 'digests', digests: s.sums.map((sum) => sum.digest().toString('base64')) });
  } else sessions.delete(m.id);
});

/**
 * The digests of a large upload (MD5 for its ETag, its checksum, the SHA-256 it was signed with)
 * computed on two other threads while the main thread receives and writes its bytes: MD5 costs
 * ~1.8 s of CPU per GiB and CRC64NVME ~1.5 s, which on the main thread stall the socket and the
 * file writes behind them. Each body's bytes are copied once into a ring shared with the threads;
 * the upload waits (and so its socket) when they fall a ring behind. digest-worker.ts is the other side.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';

export type ToWorker =
  | { t: 'open'; id: number; algorithms: string[]; ring: SharedArrayBuffer; progress: SharedArrayBuffer }
  | { t: 'data'; id: number; to: number }
  | { t: 'end'; id: number }
  | { t: 'drop'; id: number };
type FromWorker = { id: number; t: 'consumed' } | { id: number; t: 'digests'; digests: string[] };

const WORKER_URL = new URL('./digest-worker.js', import.meta.url);
/** Bytes of a body between the main thread and the slowest digest of it. */
const RING = 4 * 1024 * 1024;
/** Bytes copied into the ring before the threads are told (one message each per this many). */
const ANNOUNCE = 1024 * 1024;
/** Rings kept for the next uploads. */
const SPARE_RINGS = 4;
/** A body smaller than this is digested inline: the messages cost more than the thread saves. */
export const OFFLOAD_FROM = 4 * 1024 * 1024;
const CPUS = availableParallelism();

/**
 * Whether a large body's digests go to the threads: only when a CPU is free for them. On a saturated
 * machine (load average at or above the CPU count, or one CPU) the threads cannot run beside the main
 * one, and their copies and wake-ups cost more CPU than they save (measured: +1 to 1.5 s per GiB at load 20 on 2 CPUs).
 */
export function offloadWorthIt(): boolean {
  if (policy !== 'auto') return policy === 'always';
  return CPUS > 1 && loadavg()[0]! < CPUS;
}

let policy: 'auto' | 'always' | 'never' = 'auto';

/** Overrides the load check (tests exercise both paths whatever the machine's load). */
export function setOffloadPolicy(p: typeof policy): void {
  policy = p;
}

/** CPU per byte of each digest, relative (measured): used to split a body's digests evenly between the threads. */
const COST: Record<string, number> = { MD5: 1.85, CRC64NVME: 1.5, CRC32C: 1.13, SHA256: 0.8, SHA1: 0.6, CRC32: 0.37 };

interface Thread {
  worker: Worker;
  /** Open sessions' share of the work, to send a new body's heavier half to the idler thread. */
  load: number;
  sessions: Map<number, (m: FromWorker | Error) => void>;
}

const threads: (Thread | undefined)[] = [undefined, undefined];
const spareRings: SharedArrayBuffer[] = [];
let nextId = 1;

function thread(i: number): Thread {
  const existing = threads[i];
  if (existing) return existing;
  const worker = new Worker(WORKER_URL);
  const t: Thread = { worker, load: 0, sessions: new Map() };
  worker.on('message', (m: FromWorker) => t.sessions.get(m.id)?.(m));
  const fail = (e: Error): void => {
    if (threads[i] === t) threads[i] = undefined;
    for (const deliver of t.sessions.values()) deliver(e);
    t.sessions.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`digest thread exited (${code})`)));
  // After the listeners, which would ref it again: the threads never keep the process alive.
  worker.unref();
  threads[i] = t;
  return t;
}

/** `algorithms` in two groups of about equal cost (the costlier first); one group when there is one algorithm. */
function split(algorithms: string[]): string[][] {
  const groups: { names: string[]; cost: number }[] = [
    { names: [], cost: 0 },
    { names: [], cost: 0 },
  ];
  for (const name of [...algorithms].sort((a, b) => (COST[b] ?? 1) - (COST[a] ?? 1))) {
    const g = groups[0]!.cost <= groups[1]!.cost ? groups[0]! : groups[1]!;
    g.names.push(name);
    g.cost += COST[name] ?? 1;
  }
  return groups.filter((g) => g.names.length > 0).sort((a, b) => b.cost - a.cost).map((g) => g.names);
}

interface Lane {
  thread: Thread;
  algorithms: string[];
  cost: number;
  /** [0]: ring position the thread has digested up to; [1]: 1 while this side waits for it (digest-worker.ts). */
  progress: BigInt64Array;
  digests?: string[];
}

/** The digests of one body, named as `digester` in digest-worker.ts names them (MD5, SHA256, CRC64NVME...). */
export class OffloadedDigests {
  private readonly id = nextId++;
  private readonly ring: SharedArrayBuffer;
  private readonly view: Buffer;
  private readonly lanes: Lane[];
  /** Bytes copied into the ring, and the part of them announced to the threads. */
  private head = 0;
  private announced = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(algorithms: string[]) {
    this.ring = spareRings.pop() ?? new SharedArrayBuffer(RING);
    this.view = Buffer.from(this.ring);
    const groups = split(algorithms);
    const idler = (thread(0).load <= thread(1).load ? 0 : 1);
    this.lanes = groups.map((names, g) => ({
      thread: thread(g === 0 ? idler : 1 - idler),
      algorithms: names,
      cost: names.reduce((c, n) => c + (COST[n] ?? 1), 0),
      progress: new BigInt64Array(new SharedArrayBuffer(16)),
    }));
    for (const lane of this.lanes) {
      lane.thread.load += lane.cost;
      lane.thread.sessions.set(this.id, (m) => this.receive(lane, m));
      lane.thread.worker.postMessage({ t: 'open', id: this.id, algorithms: lane.algorithms, ring: this.ring, progress: lane.progress.buffer as SharedArrayBuffer } satisfies ToWorker);
    }
  }

  private receive(lane: Lane, m: FromWorker | Error): void {
    if (m instanceof Error) this.failure ??= m;
    else if (m.t === 'digests') lane.digests = m.digests;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private waitForThreads(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private free(): number {
    let slowest = this.head;
    for (const lane of this.lanes) slowest = Math.min(slowest, Number(Atomics.load(lane.progress, 0)));
    return RING - (this.head - slowest);
  }

  /** Waits until a thread moved on: the flag first, then a last look (the thread may have moved before it saw the flag). */
  private async waitForSpace(): Promise<void> {
    this.announce();
    const waiting = this.waitForThreads();
    for (const lane of this.lanes) Atomics.store(lane.progress, 1, 1n);
    if (this.free() > 0) {
      for (const lane of this.lanes) Atomics.store(lane.progress, 1, 0n);
      return;
    }
    await waiting;
  }

  private announce(): void {
    if (this.announced === this.head) return;
    this.announced = this.head;
    for (const lane of this.lanes) lane.thread.worker.postMessage({ t: 'data', id: this.id, to: this.head } satisfies ToWorker);
  }

  /** Takes `chunk` (copied: the caller may reuse it); a promise when the ring is full and the caller must wait. */
  update(chunk: Uint8Array): Promise<void> | undefined {
    let at = 0;
    while (at < chunk.length) {
      if (this.failure) throw this.failure;
      const free = this.free();
      if (free === 0) return this.waitForSpace().then(() => this.update(chunk.subarray(at)));
      const pos = this.head % RING;
      const n = Math.min(chunk.length - at, free, RING - pos);
      this.view.set(chunk.subarray(at, at + n), pos);
      at += n;
      this.head += n;
      if (this.head - this.announced >= ANNOUNCE) this.announce();
    }
    return undefined;
  }

  /** Every digest, by name, once the threads have read the whole body. */
  async digests(): Promise<Map<string, Buffer>> {
    this.announce();
    for (const lane of this.lanes) lane.thread.worker.postMessage({ t: 'end', id: this.id } satisfies ToWorker);
    while (!this.failure && this.lanes.some((l) => !l.digests)) await this.waitForThreads();
    const failure = this.failure;
    this.close(false);
    if (failure) throw failure;
    const out = new Map<string, Buffer>();
    for (const lane of this.lanes) lane.algorithms.forEach((name, i) => out.set(name, Buffer.from(lane.digests![i]!, 'base64')));
    return out;
  }

  /** Gives the threads' state and the ring back (a body that failed: no digests wanted). */
  close(drop = true): void {
    if (this.closed) return;
    this.closed = true;
    for (const lane of this.lanes) {
      lane.thread.load -= lane.cost;
      lane.thread.sessions.delete(this.id);
      if (drop) lane.thread.worker.postMessage({ t: 'drop', id: this.id } satisfies ToWorker);
    }
    // A dropped session's thread may still be reading the ring: only a finished one's is reused.
    if (!drop && !this.failure && spareRings.length < SPARE_RINGS) spareRings.push(this.ring);
  }
}

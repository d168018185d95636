/** How a mapping invokes its function: synchronously, waiting for a concurrency slot rather than failing the batch. */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../core/clock.js';
import type { PoolResult } from '../../../runtime/pool.js';
import type { LambdaCore, Scope, Target } from '../core.js';
import type { InvocationRunner } from '../invoke/sync.js';
import type { MappingDoc } from './model.js';

export interface MappingInvocation {
  readonly result: PoolResult;
  readonly target: Target;
  readonly requestId: string;
  /** The function's response as JSON, when it is JSON. */
  readonly response: unknown;
}

/** Throttled: wait this long before asking for a slot again (doubling, at most 1 s). */
const THROTTLE_WAIT_MS = 10;

export function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      timer.cancel();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimer(ms, done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Invokes the mapping's function with `event`; undefined if `signal` aborted while it waited for a slot. Throws when the function is gone. */
export async function invokeMapping(core: LambdaCore, runner: InvocationRunner, scope: Scope, doc: MappingDoc, event: unknown, signal: AbortSignal): Promise<MappingInvocation | undefined> {
  const target = await core.resolve(scope, doc.name, doc.qualifier, true);
  for (let wait = THROTTLE_WAIT_MS; await runner.acquire(scope, target); wait = Math.min(1000, wait * 2)) {
    await sleep(core.clock, wait, signal);
    if (signal.aborted) return undefined;
  }
  const requestId = randomUUID();
  let result: PoolResult;
  try {
    result = await runner.run(scope, target, Buffer.from(JSON.stringify(event)), requestId);
  } finally {
    runner.release(scope, target);
  }
  let response: unknown;
  try {
    response = result.payload.length ? JSON.parse(result.payload.toString('utf8')) : undefined;
  } catch {
    response = undefined;
  }
  return { result, target, requestId, response };
}

/**
 * The records a ReportBatchItemFailures response names (by messageId or sequence number), or
 * 'all' when the response is not a valid report (AWS then fails the whole batch). An empty or
 * missing list means every record succeeded.
 */
export function reportedFailures(response: unknown, ids: ReadonlySet<string>): Set<string> | 'all' {
  if (response === undefined || response === null || typeof response !== 'object') return new Set();
  const list = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return new Set();
  if (!Array.isArray(list)) return 'all';
  const failed = new Set<string>();
  for (const item of list) {
    const id = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !ids.has(id)) return 'all';
    failed.add(id);
  }
  return failed;
}

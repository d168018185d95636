/**
 * Task tokens of callback tasks (.waitForTaskToken and activities): their rows in SQL
 * (token-store.ts), so that SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat and GetActivityTask
 * find a task after a restart or at another node, and the tasks of this process waiting on them.
 *
 * Every answer goes through SQL; a task waiting in this process also hears it at once. A durable
 * task (see TaskCall.durable) mostly waits parked: the answer re-enqueues its execution, which
 * resumes from its checkpoint and reads the answer from the row (`resume`).
 */
import { randomBytes } from 'node:crypto';
import type { Platform } from '../../service.js';
import { ExecutionInterrupted, StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';
import { EXECUTION_JOB } from '../store.js';
import type { ActivityPolls } from './activity.js';
import type { Outcome, TokenRow, TokenStore } from './token-store.js';

interface Waiter {
  readonly call: TaskCall;
  resolve(output: unknown): void;
  reject(e: StatesError): void;
}

export class TaskTokens {
  private readonly waiters = new Map<string, Waiter>();

  constructor(
    private readonly platform: Platform,
    private readonly store: TokenStore,
    private readonly activities: ActivityPolls,
  ) {}

  newToken(): string {
    return randomBytes(96).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 120) + randomBytes(8).toString('hex');
  }

  /**
   * Stores the token of a task about to send its request or, given `activity`, queues its activity
   * task. `answer` settles with what SendTaskSuccess or SendTaskFailure sends.
   */
  async open(call: TaskCall, activity?: { arn: string; input: string }): Promise<{ answer: Promise<unknown> }> {
    const now = this.platform.clock.now();
    await this.store.insert({
      token: call.taskToken!,
      execution_arn: call.execution.executionArn,
      account: call.execution.accountId,
      region: call.execution.region,
      node: call.durable ? null : this.platform.jobs.nodeId,
      activity_arn: activity?.arn ?? null,
      input: activity?.input ?? null,
      created: now,
      timeout_at: call.timeoutSeconds !== undefined ? now + call.timeoutSeconds * 1000 : null,
      heartbeat_s: call.heartbeatSeconds ?? null,
      // An activity's heartbeat timer starts when a worker takes it.
      heartbeat_at: activity ? null : now,
    });
    const answer = this.wait(call);
    answer.catch(() => undefined);
    if (activity) this.activities.wake(activity.arn);
    return { answer };
  }

  /** A resumed task: reports its activity's start and its last heartbeat, then its answer (or waits for it). */
  async resume(call: TaskCall): Promise<unknown> {
    const row = await this.store.get(call.taskToken!);
    if (row?.activity_arn && row.started !== null) call.onStarted(row.worker ?? undefined, Number(row.started));
    if (row && row.heartbeat_at !== null) call.onHeartbeat(Number(row.heartbeat_at));
    const outcome = row?.outcome ? (JSON.parse(row.outcome) as Outcome) : undefined;
    if (outcome && !('closed' in outcome)) return new Promise((resolve, reject) => settle({ resolve, reject }, outcome));
    const answer = this.wait(call);
    call.onWaiting();
    return answer;
  }

  /** SendTaskSuccess / SendTaskFailure; false when the token is unknown or its task is over. */
  async answer(token: string, outcome: Outcome): Promise<boolean> {
    const row = await this.store.answer(token, outcome, this.platform.clock.now());
    if (!row) return false;
    this.resumed(row);
    const waiter = this.waiters.get(token);
    if (waiter) {
      this.waiters.delete(token);
      settle(waiter, outcome);
    }
    return true;
  }

  /** SendTaskHeartbeat; false when the token is unknown or its task is over. */
  async heartbeat(token: string): Promise<boolean> {
    if (!(await this.store.heartbeat(token, this.platform.clock.now()))) return false;
    this.waiters.get(token)?.call.onHeartbeat();
    return true;
  }

  /** Whether the token takes an answer now. */
  isOpen(token: string): Promise<boolean> {
    return this.store.isOpen(token, this.platform.clock.now());
  }

  /** GetActivityTask: the activity's oldest queued task, taken by `workerName`, if any. */
  async take(activityArn: string, workerName: string | undefined): Promise<{ taskToken: string; input: string } | undefined> {
    const now = this.platform.clock.now();
    const row = await this.store.take(activityArn, workerName ?? null, now);
    if (!row) return undefined;
    this.resumed(row);
    this.waiters.get(row.token)?.call.onStarted(workerName, now);
    return { taskToken: row.token, input: row.input ?? 'null' };
  }

  /** Forgets the tokens of an execution that ran in memory only (Express, TestState). */
  forget(executionArn: string): Promise<void> {
    return this.store.forget(executionArn);
  }

  /** A durable token's execution was re-enqueued with the token's news: its runner here looks now. */
  private resumed(row: TokenRow): void {
    if (row.node === null) this.platform.jobs.wake(EXECUTION_JOB);
  }

  /**
   * Waits in memory for the answer. When the task stops waiting (its signal aborts) its token ends,
   * unless the execution only leaves memory (parked or suspended: it resumes to take the answer).
   */
  private wait(call: TaskCall): Promise<unknown> {
    const token = call.taskToken!;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { call, resolve, reject };
      const release = (): void => {
        if (this.waiters.get(token) !== waiter) return;
        this.waiters.delete(token);
        const reason: unknown = call.signal.reason;
        if (!(reason instanceof ExecutionInterrupted && reason.resumable)) void this.store.close(token).catch(() => undefined);
      };
      this.waiters.set(token, waiter);
      if (call.signal.aborted) release();
      else call.signal.addEventListener('abort', release, { once: true });
    });
  }
}

function settle(waiter: Pick<Waiter, 'resolve' | 'reject'>, outcome: Outcome): void {
  if ('output' in outcome) waiter.resolve(outcome.output);
  else if ('error' in outcome) waiter.reject(new StatesError(outcome.error, outcome.cause));
}

import type { TimerHandle } from '../../../../core/clock.js';
import { ExecutionInterrupted, StatesError } from '../errors.js';
import { evaluateExpression, isJsonataExpr } from '../jsonata.js';
import { classify, type ResourceKind } from '../resources.js';
import { RetryingStateRun } from '../retry.js';
import { BranchCancelled, compact, outputFields, type StateResult, type TaskCall, type TaskRunner, type TaskWait } from '../types.js';

/** What one attempt of a Task runs: its resource, parameters and limits (those of the wait it resumes, for a resumed one). */
interface TaskAttempt {
  resource: string;
  kind: ResourceKind;
  params: unknown;
  timeoutSeconds: number | undefined;
  heartbeatSeconds: number | undefined;
}

/**
 * Task: hands its resource to the host's task runner, under TimeoutSeconds and HeartbeatSeconds. A
 * callback task of a durable execution's top-level thread parks while it waits for its token, and
 * resumes from its checkpoint without sending its request again.
 */
export class TaskState extends RetryingStateRun {
  protected override async attempt(): Promise<StateResult> {
    const runner = this.execution.tasks;
    const resumed = this.resume?.task;
    // The checkpoint's wait belongs to the first attempt after the resume only.
    if (this.resume) this.resume.task = undefined;
    const a = resumed ? this.resumedAttempt(resumed) : await this.schedule(runner);
    const { resource, kind } = a;
    const ev = taskEvents(kind);
    const res = kind.type === 'service' ? { resourceType: kind.service, resource: kind.action } : {};
    if (!runner) throw new StatesError('States.Runtime', `${this.prefix} No task runner is configured for resource '${resource}'`);
    if (!resumed) await this.execution.saveProgress();
    // Stopped meanwhile (or this run lost the execution, see EngineHost.persist): the request does not go out.
    this.execution.checkInterrupted();
    const clock = this.execution.clock;
    const ac = new AbortController();
    const offInterrupt = this.execution.onInterrupt(() => ac.abort(this.execution.interruption));
    let timer: TimerHandle | undefined;
    let heartbeat: TimerHandle | undefined;
    let rejectTimeout: ((e: StatesError) => void) | undefined;
    const timeoutPromise = new Promise<never>((_, reject) => {
      rejectTimeout = reject;
    });
    const fail = (error: string) => {
      ac.abort();
      rejectTimeout?.(new StatesError(error, undefined));
    };
    const wait: TaskWait = {
      token: this.taskToken!,
      resource,
      timeoutAt: resumed ? resumed.timeoutAt : a.timeoutSeconds !== undefined ? clock.now() + a.timeoutSeconds * 1000 : undefined,
      heartbeatSeconds: a.heartbeatSeconds,
      heartbeatFrom: resumed?.heartbeatFrom,
      started: resumed?.started ?? false,
    };
    // A resumed wait arms its timers once the runner told what happened meanwhile (an answer that
    // came before a deadline wins over it, even when the execution resumes after it).
    let armed = !resumed;
    const armHeartbeat = (from: number) => {
      wait.heartbeatFrom = Math.max(from, wait.heartbeatFrom ?? from);
      heartbeat?.cancel();
      if (armed && wait.heartbeatSeconds !== undefined)
        heartbeat = clock.setTimer(wait.heartbeatFrom + wait.heartbeatSeconds * 1000 - clock.now(), () => fail('States.HeartbeatTimeout'));
    };
    const arm = () => {
      armed = true;
      // Without TimeoutSeconds a task may run as long as its integration allows (AWS's default is 99999999 s).
      if (wait.timeoutAt !== undefined) timer = clock.setTimer(wait.timeoutAt - clock.now(), () => fail('States.Timeout'));
      if (wait.heartbeatFrom !== undefined) armHeartbeat(wait.heartbeatFrom);
    };
    if (armed) {
      arm();
      if (kind.type !== 'activity') armHeartbeat(clock.now());
    }
    let settled = false;
    const interrupted = new Promise<never>((_, reject) => {
      const off = this.execution.onInterrupt(() => {
        off();
        reject(new ExecutionInterrupted('ABORTED'));
      });
      this.frame.cancel?.onCancel(() => {
        ac.abort();
        reject(new BranchCancelled());
      });
    });
    interrupted.catch(() => undefined);
    timeoutPromise.catch(() => undefined);
    let result: unknown;
    try {
      const call: TaskCall = {
        resource,
        parameters: a.params,
        stateName: this.name,
        execution: this.execution.info,
        taskToken: this.taskToken,
        heartbeatSeconds: a.heartbeatSeconds,
        timeoutSeconds: a.timeoutSeconds,
        durable: this.frame.top && this.execution.durable,
        onStarted: (workerName, at = clock.now()) => {
          if (!wait.started) {
            wait.started = true;
            const d: Record<string, unknown> = {};
            if (workerName) d.workerName = workerName;
            this.execution.emit(this.frame, 'ActivityStarted', 'activityStartedEventDetails', d, { at });
          }
          armHeartbeat(at);
        },
        onSubmitted: (output) => {
          this.execution.emit(this.frame, 'TaskSubmitted', 'taskSubmittedEventDetails', output === undefined ? res : { ...res, ...outputFields(output) });
          void this.execution.saveProgress();
        },
        onWaiting: () => {
          if (!armed) arm();
          if (call.durable) void this.park(wait, () => settled);
        },
        onHeartbeat: (at = clock.now()) => armHeartbeat(at),
        signal: ac.signal,
      };
      const run = resumed ? this.resumeWait(runner, call) : runner.run(call);
      result = await Promise.race([run, timeoutPromise, interrupted]);
    } catch (e) {
      this.execution.checkInterrupted();
      if (e instanceof BranchCancelled) throw e;
      if (e instanceof StatesError) {
        const d: Record<string, unknown> = { ...res, error: e.error };
        if (e.cause !== undefined) d.cause = e.cause;
        const timedOut = e.error === 'States.Timeout' || e.error === 'States.HeartbeatTimeout';
        this.execution.emit(this.frame, timedOut ? ev.timedOut : ev.failed, ev.key(timedOut ? 'TimedOut' : 'Failed'), d);
      }
      throw e;
    } finally {
      settled = true;
      timer?.cancel();
      heartbeat?.cancel();
      offInterrupt();
      // Lets the runner forget the token (an interruption aborted it already, with its reason).
      ac.abort();
      this.taskToken = undefined;
    }
    this.execution.emit(this.frame, ev.succeeded, ev.key('Succeeded'), { ...res, ...outputFields(result) });
    return this.finish(result);
  }

  /** A fresh attempt: evaluates the resource, the token, the parameters and the limits, and records the scheduling. */
  private async schedule(runner: TaskRunner | undefined): Promise<TaskAttempt> {
    const s = this.state;
    const resource: string =
      this.queryLanguage === 'JSONata' && isJsonataExpr(s.Resource) ? String(await evaluateExpression(s.Resource, this.jsonataScope(), 'Resource')) : s.Resource;
    const kind = classify(resource);
    const callback = resource.endsWith('.waitForTaskToken') || kind.type === 'activity';
    if (callback && runner) this.taskToken = runner.newToken(this.execution.info, this.name);
    const params =
      this.queryLanguage === 'JSONata'
        ? this.inspect('afterArguments', s.Arguments !== undefined ? await this.evaluateJsonata(s.Arguments, 'Arguments') : this.rawInput)
        : this.effectiveInput();
    const timeoutSeconds = await this.numberField('TimeoutSeconds', undefined);
    const heartbeatSeconds = await this.numberField('HeartbeatSeconds', undefined);
    const ev = taskEvents(kind);
    const sched: Record<string, unknown> =
      kind.type === 'service'
        ? { resourceType: kind.service, resource: kind.action, region: this.execution.info.region, parameters: compact(params) }
        : { resource, input: compact(params), inputDetails: { truncated: false } };
    if (timeoutSeconds !== undefined) sched.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined) sched.heartbeatInSeconds = heartbeatSeconds;
    const res = kind.type === 'service' ? { resourceType: kind.service, resource: kind.action } : {};
    this.execution.emit(this.frame, ev.scheduled, ev.key('Scheduled'), sched);
    if (kind.type !== 'activity')
      this.execution.emit(this.frame, ev.started, ev.startedKey ? ev.key('Started') : undefined, kind.type === 'service' ? res : undefined);
    return { resource, kind, params, timeoutSeconds, heartbeatSeconds };
  }

  /** The attempt whose wait a checkpoint recorded: its request went out (or its activity task was queued) before the park. */
  private resumedAttempt(wait: TaskWait): TaskAttempt {
    this.taskToken = wait.token;
    return { resource: wait.resource, kind: classify(wait.resource), params: undefined, timeoutSeconds: undefined, heartbeatSeconds: wait.heartbeatSeconds };
  }

  private resumeWait(runner: TaskRunner, call: TaskCall): Promise<unknown> {
    if (!runner.resume) throw new StatesError('States.Runtime', `${this.prefix} The task runner cannot resume a callback task`);
    return runner.resume(call);
  }

  /** Saves the checkpoint of the wait, then parks unless the answer came meanwhile. A failed save leaves the execution waiting in memory. */
  private async park(wait: TaskWait, settled: () => boolean): Promise<void> {
    try {
      await this.execution.saveProgress(this.checkpoint({ retries: this.retries, task: { ...wait } }));
    } catch {
      return;
    }
    if (settled()) return;
    const dues = [wait.timeoutAt, wait.heartbeatFrom !== undefined && wait.heartbeatSeconds !== undefined ? wait.heartbeatFrom + wait.heartbeatSeconds * 1000 : undefined];
    const wakeAt = dues.filter((d): d is number => d !== undefined);
    this.execution.park(wakeAt.length ? Math.min(...wakeAt) : undefined);
  }
}

/** The history event names of a Task by resource kind (LambdaFunctionScheduled, ActivityStarted, TaskSucceeded...). */
function taskEvents(kind: ResourceKind) {
  const prefix = kind.type === 'lambda' ? 'LambdaFunction' : kind.type === 'activity' ? 'Activity' : 'Task';
  const lower = kind.type === 'lambda' ? 'lambdaFunction' : kind.type === 'activity' ? 'activity' : 'task';
  return {
    scheduled: `${prefix}Scheduled`,
    started: `${prefix}Started`,
    startedKey: kind.type === 'service',
    succeeded: `${prefix}Succeeded`,
    failed: `${prefix}Failed`,
    timedOut: `${prefix}TimedOut`,
    key: (suffix: string) => `${lower}${suffix}EventDetails`,
  };
}

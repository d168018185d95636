import type { TimerHandle } from '../../../../core/clock.js';
import { ExecutionInterrupted, StatesError } from '../errors.js';
import { evaluateExpression, isJsonataExpr } from '../jsonata.js';
import { classify, type ResourceKind } from '../resources.js';
import { RetryingStateRun } from '../retry.js';
import { BranchCancelled, compact, outputFields, type StateResult, type TaskCall } from '../types.js';

/** Task: hands its resource to the host's task runner, under TimeoutSeconds and HeartbeatSeconds. */
export class TaskState extends RetryingStateRun {
  protected override async attempt(): Promise<StateResult> {
    const s = this.state;
    const runner = this.execution.tasks;
    let params: unknown;
    const resource: string =
      this.queryLanguage === 'JSONata' && isJsonataExpr(s.Resource) ? String(await evaluateExpression(s.Resource, this.jsonataScope(), 'Resource')) : s.Resource;
    const kind = classify(resource);
    const callback = resource.endsWith('.waitForTaskToken') || kind.type === 'activity';
    if (callback && runner) this.taskToken = runner.newToken(this.execution.info, this.name);
    if (this.queryLanguage === 'JSONata') {
      params = s.Arguments !== undefined ? await this.evaluateJsonata(s.Arguments, 'Arguments') : this.rawInput;
    } else {
      params = this.effectiveInput();
    }
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
    if (!runner) {
      throw new StatesError('States.Runtime', `${this.prefix} No task runner is configured for resource '${resource}'`);
    }
    await this.execution.saveProgress();
    const ac = new AbortController();
    const offInterrupt = this.execution.onInterrupt(() => ac.abort());
    let timer: TimerHandle | undefined;
    let heartbeat: TimerHandle | undefined;
    let rejectTimeout: ((e: StatesError) => void) | undefined;
    const timeoutPromise = new Promise<never>((_, reject) => {
      rejectTimeout = reject;
    });
    const armHeartbeat = () => {
      heartbeat?.cancel();
      if (heartbeatSeconds !== undefined)
        heartbeat = this.execution.clock.setTimer(heartbeatSeconds * 1000, () => {
          ac.abort();
          rejectTimeout?.(new StatesError('States.HeartbeatTimeout', undefined));
        });
    };
    // Without TimeoutSeconds a task may run as long as its integration allows (AWS's default is 99999999 s).
    if (timeoutSeconds !== undefined)
      timer = this.execution.clock.setTimer(timeoutSeconds * 1000, () => {
        ac.abort();
        rejectTimeout?.(new StatesError('States.Timeout', undefined));
      });
    if (kind.type !== 'activity') armHeartbeat();
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
        parameters: params,
        stateName: this.name,
        execution: this.execution.info,
        taskToken: this.taskToken,
        heartbeatSeconds,
        timeoutSeconds,
        onStarted: (workerName) => {
          const d: Record<string, unknown> = {};
          if (workerName) d.workerName = workerName;
          this.execution.emit(this.frame, 'ActivityStarted', 'activityStartedEventDetails', d);
          armHeartbeat();
        },
        onSubmitted: (output) => {
          this.execution.emit(this.frame, 'TaskSubmitted', 'taskSubmittedEventDetails', { ...res, ...outputFields(output) });
          void this.execution.saveProgress();
        },
        onHeartbeat: () => armHeartbeat(),
        signal: ac.signal,
      };
      result = await Promise.race([runner.run(call), timeoutPromise, interrupted]);
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
      timer?.cancel();
      heartbeat?.cancel();
      offInterrupt();
      this.taskToken = undefined;
    }
    this.execution.emit(this.frame, ev.succeeded, ev.key('Succeeded'), { ...res, ...outputFields(result) });
    return this.finish(result);
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

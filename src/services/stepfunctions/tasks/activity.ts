/** Activity tasks: queued per activity until a worker's GetActivityTask takes them. */
import type { Clock } from '../../../core/clock.js';
import type { GetActivityTaskOutput } from '../../../generated/stepfunctions.js';
import type { TaskCall } from '../asl/engine.js';
import type { TaskTokens } from './tokens.js';

interface ActivityTask {
  token: string;
  input: string;
  started(workerName: string | undefined): void;
}

/** How long GetActivityTask waits for a task, as AWS. */
const LONG_POLL_MS = 60_000;

/** Scheduled tasks and waiting workers per activity ARN (in memory; a resumed execution re-schedules its task). */
export class ActivityQueues {
  private readonly queues = new Map<string, ActivityTask[]>();
  private readonly pollers = new Map<string, ((t: ActivityTask) => void)[]>();

  /** Runs an activity task: a worker takes it, then answers through its token. */
  run(tokens: TaskTokens, call: TaskCall): Promise<unknown> {
    const done = tokens.wait(call.taskToken!, call.execution.executionArn, () => call.onHeartbeat(), call.signal);
    this.enqueue(call.resource, { token: call.taskToken!, input: JSON.stringify(call.parameters ?? null), started: (w) => call.onStarted(w) }, call.signal);
    return done;
  }

  /** GetActivityTask: the oldest task of the activity, or the next one scheduled within the long poll (nothing after it). */
  poll(activityArn: string, workerName: string | undefined, clock: Clock): Promise<GetActivityTaskOutput> | GetActivityTaskOutput {
    const take = (t: ActivityTask): GetActivityTaskOutput => {
      t.started(workerName);
      return { taskToken: t.token, input: t.input };
    };
    const queue = this.queues.get(activityArn);
    if (queue && queue.length) return take(queue.shift()!);
    return new Promise((resolve) => {
      const list = this.pollers.get(activityArn) ?? [];
      const poller = (t: ActivityTask) => {
        timer.cancel();
        resolve(take(t));
      };
      list.push(poller);
      this.pollers.set(activityArn, list);
      const timer = clock.setTimer(LONG_POLL_MS, () => {
        const l = this.pollers.get(activityArn) ?? [];
        this.pollers.set(activityArn, l.filter((p) => p !== poller));
        resolve({});
      });
    });
  }

  private enqueue(activityArn: string, task: ActivityTask, signal: AbortSignal): void {
    const pollers = this.pollers.get(activityArn);
    if (pollers && pollers.length) {
      pollers.shift()!(task);
      return;
    }
    const q = this.queues.get(activityArn) ?? [];
    q.push(task);
    this.queues.set(activityArn, q);
    signal.addEventListener(
      'abort',
      () => {
        const list = this.queues.get(activityArn);
        if (list) this.queues.set(activityArn, list.filter((t) => t !== task));
      },
      { once: true },
    );
  }
}

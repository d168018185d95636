/**
 * GetActivityTask's long poll: hands out the oldest task queued (in SQL) for the activity, waiting up
 * to 60 s for one. A task queued in this process wakes the activity's pollers at once; tasks queued by
 * other processes sharing the database are seen at the next look, every second.
 */
import type { Clock } from '../../../core/clock.js';
import type { GetActivityTaskOutput } from '../../../generated/stepfunctions.js';

/** How long GetActivityTask waits for a task, as AWS. */
const LONG_POLL_MS = 60_000;
/** How often a waiting poll looks again without being woken (tasks queued by other nodes). */
const RECHECK_MS = 1000;

export class ActivityPolls {
  /** Per activity ARN, the wake-ups of the polls waiting in this process. */
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(private readonly clock: Clock) {}

  /** A task was queued for the activity: its polls look again now. */
  wake(activityArn: string): void {
    for (const wake of this.waiting.get(activityArn) ?? []) wake();
  }

  /** Takes a task with `take`; until one comes or the long poll is over ({} then), looks again whenever woken. */
  async poll(activityArn: string, take: () => Promise<GetActivityTaskOutput | undefined>): Promise<GetActivityTaskOutput> {
    const deadline = this.clock.now() + LONG_POLL_MS;
    for (;;) {
      // Listening before looking: a task queued during the look wakes the next wait at once.
      const woken = this.listen(activityArn);
      try {
        const task = await take();
        if (task) return task;
        const left = deadline - this.clock.now();
        if (left <= 0) return {};
        await woken.until(Math.min(left, RECHECK_MS));
      } finally {
        woken.stop();
      }
    }
  }

  private listen(activityArn: string): { until(ms: number): Promise<void>; stop(): void } {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const set = this.waiting.get(activityArn) ?? new Set();
    set.add(wake);
    this.waiting.set(activityArn, set);
    return {
      until: async (ms) => {
        const timer = this.clock.setTimer(ms, wake);
        await woken;
        timer.cancel();
      },
      stop: () => {
        set.delete(wake);
        if (set.size === 0 && this.waiting.get(activityArn) === set) this.waiting.delete(activityArn);
      },
    };
  }
}

/**
 * The one clock every time-dependent part of Stratus uses (TTL, waits, schedules, retries,
 * visibility timeouts). Real time flows, plus an offset that tests (and users) can move forward
 * with `advance()` instead of sleeping; timers due after an advance fire at once.
 */
export interface TimerHandle {
  readonly due: number;
  cancel(): void;
}

export interface Clock {
  /** Milliseconds since the epoch, as the platform sees it. */
  now(): number;
  /** Runs `fn` once the platform time reaches `now() + ms` (sooner if time is advanced). */
  setTimer(ms: number, fn: () => void): TimerHandle;
  /** Resolves once the platform time reaches `now() + ms`. */
  sleep(ms: number): Promise<void>;
  /** Moves platform time forward by `ms` and fires every timer that became due. */
  advance(ms: number): void;
  /** How far platform time is ahead of the system clock. */
  readonly offsetMs: number;
}

interface Timer {
  due: number;
  fn: () => void;
  real: NodeJS.Timeout | undefined;
  done: boolean;
}

// Node's setTimeout takes at most a signed 32-bit delay; longer timers are re-armed.
const MAX_DELAY = 2 ** 31 - 1;

export class PlatformClock implements Clock {
  private offset = 0;
  private readonly timers = new Set<Timer>();

  constructor(private readonly base: () => number = Date.now) {}

  get offsetMs(): number {
    return this.offset;
  }

  now(): number {
    return this.base() + this.offset;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: Timer = { due: this.now() + Math.max(0, ms), fn, real: undefined, done: false };
    this.timers.add(timer);
    this.arm(timer);
    return {
      due: timer.due,
      cancel: () => this.finish(timer),
    };
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
    this.offset += ms;
    const now = this.now();
    const due = [...this.timers].filter((t) => t.due <= now).sort((a, b) => a.due - b.due);
    for (const timer of due) this.fire(timer);
    for (const timer of this.timers) this.arm(timer);
  }

  /** Cancels every pending timer (used when the server stops). */
  clear(): void {
    for (const timer of [...this.timers]) this.finish(timer);
  }

  private arm(timer: Timer): void {
    if (timer.real) clearTimeout(timer.real);
    const delay = Math.min(MAX_DELAY, Math.max(0, timer.due - this.now()));
    timer.real = setTimeout(() => {
      if (timer.due <= this.now()) this.fire(timer);
      else this.arm(timer);
    }, delay);
    timer.real.unref?.();
  }

  private fire(timer: Timer): void {
    if (timer.done) return;
    this.finish(timer);
    timer.fn();
  }

  private finish(timer: Timer): void {
    timer.done = true;
    if (timer.real) clearTimeout(timer.real);
    this.timers.delete(timer);
  }
}

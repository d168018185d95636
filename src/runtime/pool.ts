/**
 * Execution environments by configuration: warm ones are reused (most recently used first),
 * new ones are started when all are busy, idle ones are reaped after `idleTimeoutMs` on the
 * platform clock. Concurrency limits are enforced by the caller (the Lambda service).
 *
 * Scheduling: an invocation that finds no idle environment joins its configuration's queue
 * (first come, first served) and takes whichever comes first, a warm environment being released
 * or a new one finishing its start. A new environment is started for a queued invocation unless
 * the busy ones will, by the measured averages, free up for it before a start would complete
 * (e.g. a 2 ms function with 10 busy environments and 150 ms starts: 750 queued invocations
 * are served warm sooner); an invocation that has waited as long as a start takes gets one
 * anyway. So the environments scale out to the concurrency the function really needs, without
 * booting a runtime for every momentary queue. At most `maxStarting` environments start at once
 * across the pool (a burst does not boot dozens of runtimes together on a small machine);
 * further starts wait for a slot, oldest request first across configurations. Concurrency
 * limits (and so throttling) are the caller's and unchanged: queued invocations count as
 * running. An environment serves one invocation at a time, and the invocation's timeout runs
 * from when it is handed to the environment (init is a separate phase, as on AWS). A start
 * whose init fails is reported to the oldest queued invocation (its result is the init error),
 * so a function that cannot start never keeps requests waiting.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Clock, TimerHandle } from '../core/clock.js';
import { Environment, runtimeCommand, spareKind, type EnvironmentSpec, type InvokeRequest, type InvokeResult, type LogSink, type RuntimePaths } from './environment.js';
import { SnapshotTemplates, type SnapshotOutcome } from './snapstart.js';
import { SparePool } from './spare.js';

/** Event-loop utilization above which the server counts as saturated. */
const LOOP_SATURATED = 0.85;
/** How long a queued invocation waits for a busy environment while the server is saturated. */
const SATURATED_PATIENCE_MS = 1000;

export interface PoolOptions {
  idleTimeoutMs: number;
  /** At most this many idle environments are kept warm (least recently used ones stop first). */
  maxIdle?: number;
  /**
   * Idle environments are kept while the sum of their RSS (KB, measured when each became idle)
   * stays within this budget; past it the least recently used stop first. The most recently used
   * one is always kept, so a function larger than the budget still runs warm while it is in use.
   */
  maxIdleMemoryKb?: number;
  /** Keep a pre-started runtime process of each recently used kind (Node per memory size, Python). */
  prewarm?: boolean;
  /** Pre-started processes kept per kind at most (more while cold starts come faster than a boot); default 3. */
  maxSparesPerKind?: number | undefined;
  /** Environments starting (process boot and init) at once, at most; default: the CPU count, at least 2. */
  maxStarting?: number | undefined;
  /** SnapStart templates kept without a live environment, at most (default 8). */
  maxSnapshots?: number | undefined;
}

/** The default cap on environments starting at once: the CPU count, at least 2. */
export function defaultMaxStarting(): number {
  return Math.max(2, availableParallelism());
}

interface Waiter {
  /** Arrival order across the pool. */
  seq: number;
  /** When it was queued (performance.now()). */
  since: number;
  req: InvokeRequest;
  resolve: (r: PoolResult) => void;
  reject: (e: unknown) => void;
}

interface Group {
  key: string;
  /** The configuration new environments of this group start with (the latest seen). */
  spec: EnvironmentSpec;
  idle: Environment[];
  all: Set<Environment>;
  /** Invocations waiting for an environment, oldest first. */
  waiters: Waiter[];
  /** Environments of this group being started. */
  starting: number;
  /** Environments of this group running an invocation. */
  running: number;
  /** Moving averages (ms) of an invocation (hand-off to release) and of a start (to init done). */
  runMs: number | undefined;
  startMs: number | undefined;
  /** Wakes the scheduler when the oldest queued invocation has waited as long as a start takes. */
  timer: NodeJS.Timeout | undefined;
  /** The configuration changed: no new invocations; environments stop once the queue is empty. */
  retired: boolean;
}

export interface PoolResult extends InvokeResult {
  cold: boolean;
  environmentId: string;
  logStreamName: string;
}

export class EnvironmentPool {
  private readonly groups = new Map<string, Group>();
  /** Groups with queued invocations (retired ones included). */
  private readonly waiting = new Set<Group>();
  private readonly reapTimers = new Map<Environment, TimerHandle>();
  /** Idle environments, least recently used first, with the RSS (KB) each had when it became idle. */
  private readonly idleOrder = new Map<Environment, number>();
  /** The sum of the RSS figures in `idleOrder`. */
  private idleKb = 0;
  private closed = false;
  /** Pre-started runtime processes. */
  private readonly spares: SparePool;
  /** Environments started from a spare, and the top-up of their kind due after their first invocation. */
  private readonly topUps = new Map<Environment, () => void>();
  /** Every environment not yet dead (starting, idle, busy; retired configurations included), with its group. */
  private readonly live = new Map<Environment, Group>();
  private readonly maxStarting: number;
  private startsInFlight = 0;
  /** The most environments seen starting at once (a figure for tests and the health page). */
  private peakStarting = 0;
  private seq = 0;
  /** SnapStart versions' templates (environments of those versions are forks of them). */
  private readonly templates: SnapshotTemplates;

  constructor(
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly sink: LogSink,
    private readonly options: PoolOptions,
  ) {
    this.spares = new SparePool(paths, clock, options.idleTimeoutMs, 2, options.maxSparesPerKind ?? 3);
    const cap = options.maxStarting;
    this.maxStarting = cap !== undefined && Number.isInteger(cap) && cap >= 1 ? cap : defaultMaxStarting();
    const snaps = options.maxSnapshots;
    this.templates = new SnapshotTemplates(paths, clock, sink, snaps !== undefined && Number.isInteger(snaps) && snaps >= 0 ? snaps : 8);
  }

  /**
   * Makes the snapshot of a published SnapStart version: its template process runs init and the
   * before-snapshot hooks; the outcome tells whether the version can become Active.
   */
  snapshot(spec: EnvironmentSpec): Promise<SnapshotOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, initMs: 0, errorType: 'Runtime.Unknown', errorMessage: 'the environment pool is closed', aborted: true });
    return this.templates.create(spec).ready;
  }

  /** Runs one invocation on an environment of `spec` (warm if one is idle, else queued). */
  run(spec: EnvironmentSpec, req: InvokeRequest): Promise<PoolResult> {
    if (this.closed) return Promise.reject(new Error('the environment pool is closed'));
    const group = this.group(spec);
    if (group.waiters.length === 0) {
      const env = this.takeIdle(group);
      if (env) return this.runOn(group, env, req);
    }
    return new Promise<PoolResult>((resolve, reject) => {
      group.waiters.push({ seq: this.seq++, since: performance.now(), req, resolve, reject });
      this.waiting.add(group);
      this.pump();
    });
  }

  private takeIdle(group: Group): Environment | undefined {
    let env: Environment | undefined;
    while ((env = group.idle.pop())) {
      if (env.state === 'idle') break;
    }
    if (!env) return undefined;
    this.reapTimers.get(env)?.cancel();
    this.reapTimers.delete(env);
    this.leaveIdle(env);
    return env;
  }

  /** Takes an environment out of the idle order (and its RSS out of the idle sum). */
  private leaveIdle(env: Environment): void {
    const kb = this.idleOrder.get(env);
    if (kb === undefined) return;
    this.idleKb -= kb;
    this.idleOrder.delete(env);
  }

  /** Runs `req` on `env`, then hands the environment on (next queued invocation, or idle). */
  private async runOn(group: Group, env: Environment, req: InvokeRequest): Promise<PoolResult> {
    const cold = env.invocations === 0;
    group.running++;
    const t0 = performance.now();
    let result: InvokeResult;
    try {
      result = await env.invoke(req);
    } finally {
      group.running--;
      this.topUp(env);
    }
    group.runMs = average(group.runMs, performance.now() - t0);
    this.release(group, env);
    return { ...result, cold, environmentId: env.id, logStreamName: env.logStreamName };
  }

  private serve(group: Group, env: Environment, w: Waiter): void {
    this.runOn(group, env, w.req).then(w.resolve, w.reject);
  }

  private nextWaiter(group: Group): Waiter | undefined {
    const w = group.waiters.shift();
    if (group.waiters.length === 0) {
      this.waiting.delete(group);
      if (group.timer) clearTimeout(group.timer);
      group.timer = undefined;
    }
    return w;
  }

  /** An environment finished an invocation or its init. */
  private release(group: Group, env: Environment): void {
    if (env.state !== 'idle') {
      // It died (timeout, crash, memory): queued invocations may need a replacement.
      this.pump();
      return;
    }
    const w = this.nextWaiter(group);
    if (w) return this.serve(group, env, w);
    if (this.closed || group.retired || this.groups.get(group.key) !== group) {
      env.shutdown();
      return;
    }
    group.idle.push(env);
    this.leaveIdle(env);
    // An invocation's end sampled the RSS, so this rarely reads /proc (a second-old figure will do).
    const kb = env.recentRssKb(1000);
    this.idleOrder.set(env, kb);
    this.idleKb += kb;
    this.trimIdle();
    this.reapTimers.set(
      env,
      this.clock.setTimer(this.options.idleTimeoutMs, () => {
        this.reapTimers.delete(env);
        this.stopIdle(env);
      }),
    );
  }

  /** Starts environments for queued invocations, as far as the cap allows (oldest request first). */
  private pump(): void {
    const now = performance.now();
    while (!this.closed && this.startsInFlight < this.maxStarting) {
      let best: Group | undefined;
      let bestSeq = Infinity;
      for (const g of this.waiting) {
        const uncovered = g.waiters[g.starting];
        if (uncovered && uncovered.seq < bestSeq && this.needsStart(g, now)) {
          best = g;
          bestSeq = uncovered.seq;
        }
      }
      if (!best) break;
      this.startOne(best);
    }
    for (const g of this.waiting) this.armWait(g, now);
  }

  /**
   * Whether a queued invocation of `g` not yet covered by a start needs one: no environment is
   * busy, or the averages say the busy ones will not get to it before a start completes, or it
   * has already waited as long as a start takes.
   */
  private needsStart(g: Group, now: number): boolean {
    const uncovered = g.waiters[g.starting];
    if (!uncovered) return false;
    if (g.running === 0 || g.runMs === undefined || g.startMs === undefined) return true;
    if (now - uncovered.since >= this.patience(g, now)) return true;
    if (this.loopSaturated(now)) return false;
    // Invocations the busy environments can run, one after the other, in the time of a start.
    const servedWarm = Math.floor((g.running * g.startMs) / Math.max(g.runMs, 0.1));
    return g.waiters.length - g.starting > servedWarm;
  }

  /**
   * How long a queued invocation waits for a busy environment before one is started for it: a
   * start's time, or, while the server's event loop is saturated, at least SATURATED_PATIENCE_MS.
   * Every invocation passes through that loop, so more environments would then add processes to
   * schedule but no throughput (13 environments served a 50-connection burst slower than 3).
   */
  private patience(g: Group, now: number): number {
    const startMs = g.startMs ?? 0;
    return this.loopSaturated(now) ? Math.max(startMs, SATURATED_PATIENCE_MS) : startMs;
  }

  private loopSample = { at: 0, elu: performance.eventLoopUtilization(), saturated: false };
  /** Whether the event loop was busy over LOOP_SATURATED of the time lately (sampled every 50 ms). */
  private loopSaturated(now: number): boolean {
    const s = this.loopSample;
    if (now - s.at >= 50) {
      const elu = performance.eventLoopUtilization();
      s.saturated = performance.eventLoopUtilization(elu, s.elu).utilization > LOOP_SATURATED;
      s.elu = elu;
      s.at = now;
    }
    return s.saturated;
  }

  /** A group whose queue is left to warm environments is looked at again once its oldest has waited its patience. */
  private armWait(g: Group, now: number): void {
    if (g.timer) clearTimeout(g.timer);
    g.timer = undefined;
    const uncovered = g.waiters[g.starting];
    if (!uncovered || g.startMs === undefined || this.closed) return;
    const due = uncovered.since + this.patience(g, now) - now;
    // Already due: it waits for a start slot, and a start finishing runs the scheduler again.
    if (due <= 0) return;
    // Internal scheduling only (not AWS-visible time): real time, as the start it stands for.
    g.timer = setTimeout(() => {
      g.timer = undefined;
      this.pump();
    }, Math.ceil(due));
    g.timer.unref();
  }

  private startOne(group: Group): void {
    const spec = group.spec;
    group.starting++;
    this.startsInFlight++;
    if (this.startsInFlight > this.peakStarting) this.peakStarting = this.startsInFlight;
    const env = new Environment(spec, this.paths, this.clock, this.sink);
    group.all.add(env);
    this.live.set(env, group);
    env.onDeath(() => {
      this.live.delete(env);
      group.all.delete(env);
      const i = group.idle.indexOf(env);
      if (i >= 0) group.idle.splice(i, 1);
      this.reapTimers.get(env)?.cancel();
      this.reapTimers.delete(env);
      this.leaveIdle(env);
      if (group.all.size === 0 && group.starting === 0 && group.waiters.length === 0 && this.groups.get(group.key) === group) this.groups.delete(group.key);
    });
    void (async () => {
      let ok = false;
      let failure: { error: unknown } | undefined;
      try {
        const t0 = performance.now();
        // SnapStart: a fork of the version's template (none yet: a cold start, and one is made).
        const template = spec.snapStart ? this.templates.take(spec) : undefined;
        const kind = this.options.prewarm && !template ? spareKind(spec) : undefined;
        const spare = kind ? await this.spares.take(kind) : undefined;
        // Spawning a process blocks this event loop for a while (fork copies the page tables of
        // the server: 7 ms at 50 MB of RSS, 20 ms at 250 MB here). A cold start served by a booted
        // spare takes a few ms, so the spare replacing it is spawned once its first invocation
        // is over; in a burst (no booted spare was left) the next cold start needs one as soon
        // as possible, so it is spawned at once.
        const booted = spare?.standing === true;
        await env.start(spare, template);
        if (kind && booted) this.topUps.set(env, () => this.wantSpare(kind, spec));
        else if (kind) this.wantSpare(kind, spec);
        ok = await env.ready();
        if (ok) group.startMs = average(group.startMs, performance.now() - t0);
      } catch (error) {
        failure = { error };
        env.shutdown();
      }
      group.starting--;
      this.startsInFlight--;
      if (failure) {
        // The environment could not be set up at all: the oldest queued invocation fails with it.
        this.nextWaiter(group)?.reject(failure.error);
      } else if (ok) {
        this.release(group, env);
      } else {
        // Init failed (init error, timeout, exit): the oldest queued invocation reports it, as the
        // invocation that caused a cold start does on AWS.
        const w = this.nextWaiter(group);
        if (w) this.serve(group, env, w);
        else env.shutdown();
      }
      // No invocation of it under way (it went idle, or failed): nothing to wait for.
      if (env.invocations === 0) this.topUp(env);
      this.pump();
    })();
  }

  /**
   * A function was created or reconfigured: start a process of its kind ahead, so that its first
   * invocation does not wait for the runtime to boot.
   */
  prepare(spec: Pick<EnvironmentSpec, 'runtime' | 'memoryMb' | 'ephemeralMb' | 'variables' | 'taskRoot' | 'executable' | 'optDir'>): void {
    if (!this.options.prewarm || this.closed) return;
    const kind = spareKind(spec as EnvironmentSpec);
    if (kind) this.wantSpare(kind, spec as EnvironmentSpec);
  }

  private topUp(env: Environment): void {
    const fn = this.topUps.get(env);
    if (!fn) return;
    this.topUps.delete(env);
    fn();
  }

  /** Tops up the spares of this kind, started as a function of `spec` would be (before its identity is known). */
  private wantSpare(kind: string, spec: EnvironmentSpec): void {
    const { command, args } = runtimeCommand(spec, this.paths);
    this.spares.want(kind, command, args);
  }

  /** Stops least recently used idle environments while there are too many or they use more memory than the budget. */
  private trimIdle(): void {
    const max = this.options.maxIdle ?? Infinity;
    const budget = this.options.maxIdleMemoryKb ?? Infinity;
    while (this.idleOrder.size > max || (this.idleKb > budget && this.idleOrder.size > 1)) {
      this.stopIdle(this.idleOrder.keys().next().value as Environment);
    }
  }

  /**
   * Stops an idle environment, taking it out of its group's idle list first: its process takes a
   * moment to exit, and until then it must not be handed an invocation.
   */
  private stopIdle(env: Environment): void {
    this.leaveIdle(env);
    this.reapTimers.get(env)?.cancel();
    this.reapTimers.delete(env);
    const group = this.live.get(env);
    const i = group ? group.idle.indexOf(env) : -1;
    if (i >= 0) group!.idle.splice(i, 1);
    if (env.state === 'idle') env.shutdown();
  }

  private group(spec: EnvironmentSpec): Group {
    let g = this.groups.get(spec.key);
    if (!g) {
      g = { key: spec.key, spec, idle: [], all: new Set(), waiters: [], starting: 0, running: 0, runMs: undefined, startMs: undefined, timer: undefined, retired: false };
      this.groups.set(spec.key, g);
    } else {
      g.spec = spec;
    }
    return g;
  }

  /**
   * A function's code or configuration changed: environments whose key matches are not reused.
   * Idle ones stop now; busy and starting ones serve the invocations already queued for that
   * configuration, then stop.
   */
  retire(match: (key: string) => boolean): void {
    this.templates.retire(match);
    for (const [key, group] of this.groups) {
      if (!match(key)) continue;
      group.retired = true;
      this.groups.delete(key);
      for (const env of [...group.idle]) this.stopIdle(env);
      for (const env of group.all) if (env.state === 'idle') this.stopIdle(env);
    }
  }

  /** Stops every idle environment now. */
  reapAll(): void {
    for (const env of [...this.idleOrder.keys()]) this.stopIdle(env);
  }

  stats(): {
    environments: number;
    busy: number;
    idle: number;
    spares: number;
    snapshots: number;
    rssKb: number;
    /** RSS of the idle environments as counted against the budget (measured when each became idle). */
    idleRssKb: number;
    idleBudgetKb: number | null;
    starting: number;
    queued: number;
    maxStarting: number;
    peakStarting: number;
  } {
    let environments = 0;
    let busy = 0;
    // Idle and kept (one being stopped is still 'idle' until its process exits).
    const idle = this.idleOrder.size;
    let rssKb = 0;
    let queued = 0;
    const { spares, rssKb: sparesKb } = this.spares.stats();
    rssKb += sparesKb;
    for (const env of this.live.keys()) {
      environments++;
      if (env.state === 'busy') busy++;
      rssKb += env.rssKb();
    }
    for (const group of this.waiting) queued += group.waiters.length;
    const snaps = this.templates.stats();
    rssKb += snaps.rssKb;
    const budget = this.options.maxIdleMemoryKb;
    return {
      environments,
      busy,
      idle,
      spares,
      snapshots: snaps.templates,
      rssKb,
      idleRssKb: this.idleKb,
      idleBudgetKb: budget === undefined || !Number.isFinite(budget) ? null : budget,
      starting: this.startsInFlight,
      queued,
      maxStarting: this.maxStarting,
      peakStarting: this.peakStarting,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    // Queued invocations are not lost silently: they fail now.
    for (const group of [...this.waiting]) {
      if (group.timer) clearTimeout(group.timer);
      group.timer = undefined;
      for (const w of group.waiters.splice(0)) w.reject(new Error('the environment pool is closed'));
    }
    this.waiting.clear();
    await this.spares.close();
    for (const t of this.reapTimers.values()) t.cancel();
    this.reapTimers.clear();
    await Promise.all(
      [...this.live.keys()].map(
        (env) =>
          new Promise<void>((resolve) => {
            if (env.state === 'dead') return resolve();
            env.onDeath(resolve);
            env.shutdown();
          }),
      ),
    );
    this.groups.clear();
    await this.templates.close();
  }
}

/** Exponential moving average (weight 0.2 for the new sample). */
function average(current: number | undefined, sample: number): number {
  return current === undefined ? sample : current * 0.8 + sample * 0.2;
}

/**
 * Execution environments by configuration: warm ones are reused (most recently used first),
 * new ones are started when all are busy, idle ones are reaped after `idleTimeoutMs` on the
 * platform clock. Concurrency limits are enforced by the caller (the Lambda service).
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import { Environment, runtimeCommand, treeRssKb, spareKind, type EnvironmentSpec, type InvokeRequest, type InvokeResult, type LogSink, type RuntimePaths } from './environment.js';
import { startSpare, type Spare } from './spare.js';

export interface PoolOptions {
  idleTimeoutMs: number;
  /** At most this many idle environments are kept warm (least recently used ones stop first). */
  maxIdle?: number;
  /** Keep a pre-started runtime process of each recently used kind (Node per memory size, Python). */
  prewarm?: boolean;
}

interface Group {
  idle: Environment[];
  all: Set<Environment>;
}

export interface PoolResult extends InvokeResult {
  cold: boolean;
  environmentId: string;
  logStreamName: string;
}

export class EnvironmentPool {
  private readonly groups = new Map<string, Group>();
  private readonly reapTimers = new Map<Environment, TimerHandle>();
  /** Idle environments, least recently used first. */
  private readonly idleOrder = new Set<Environment>();
  private closed = false;
  /** Pre-started processes by kind, most recently used last. */
  private readonly spares = new Map<string, Promise<Spare | undefined>>();
  private static readonly MAX_SPARE_KINDS = 2;
  private readonly sparePids = new Set<number>();

  constructor(
    private readonly paths: RuntimePaths,
    private readonly clock: Clock,
    private readonly sink: LogSink,
    private readonly options: PoolOptions,
  ) {}

  async run(spec: EnvironmentSpec, req: InvokeRequest): Promise<PoolResult> {
    if (this.closed) throw new Error('the environment pool is closed');
    const group = this.group(spec.key);
    let env: Environment | undefined;
    while ((env = group.idle.pop())) {
      if (env.state === 'idle') break;
    }
    let cold = false;
    if (!env) {
      env = new Environment(spec, this.paths, this.clock, this.sink);
      const created = env;
      group.all.add(created);
      const kind = this.options.prewarm ? spareKind(spec) : undefined;
      const spare = kind ? await this.takeSpare(kind) : undefined;
      created.onDeath(() => {
        group.all.delete(created);
        const i = group.idle.indexOf(created);
        if (i >= 0) group.idle.splice(i, 1);
        this.reapTimers.get(created)?.cancel();
        this.reapTimers.delete(created);
        this.idleOrder.delete(created);
        if (group.all.size === 0 && this.groups.get(spec.key) === group) this.groups.delete(spec.key);
      });
      try {
        await created.start(spare);
      } catch (e) {
        created.shutdown();
        throw e;
      }
      cold = true;
      if (kind) this.wantSpare(kind, spec);
    } else {
      this.reapTimers.get(env)?.cancel();
      this.reapTimers.delete(env);
      this.idleOrder.delete(env);
    }
    const result = await env.invoke(req);
    if (env.state === 'idle' && (this.closed || this.groups.get(spec.key) !== group)) {
      env.shutdown();
    } else if (env.state === 'idle') {
      group.idle.push(env);
      this.idleOrder.delete(env);
      this.idleOrder.add(env);
      this.trimIdle();
      const idleEnv = env;
      this.reapTimers.set(
        env,
        this.clock.setTimer(this.options.idleTimeoutMs, () => {
          this.reapTimers.delete(idleEnv);
          if (idleEnv.state === 'idle') idleEnv.shutdown();
        }),
      );
    }
    return { ...result, cold, environmentId: env.id, logStreamName: env.logStreamName };
  }

  /**
   * A function was created or reconfigured: start a process of its kind ahead, so that its first
   * invocation does not wait for the runtime to boot.
   */
  prepare(spec: Pick<EnvironmentSpec, 'runtime' | 'memoryMb' | 'ephemeralMb' | 'variables' | 'taskRoot'>): void {
    if (!this.options.prewarm || this.closed) return;
    const kind = spareKind(spec as EnvironmentSpec);
    if (kind) this.wantSpare(kind, spec as EnvironmentSpec);
  }

  private async takeSpare(kind: string): Promise<Spare | undefined> {
    const pending = this.spares.get(kind);
    if (!pending) return undefined;
    this.spares.delete(kind);
    const spare = await pending;
    if (!spare) return undefined;
    if (spare.child.pid) this.sparePids.delete(spare.child.pid);
    if (spare.exited) {
      this.dropSpare(spare);
      return undefined;
    }
    return spare;
  }

  /** Starts a spare of this kind in the background (after the current cold start got going). */
  private wantSpare(kind: string, spec: EnvironmentSpec): void {
    if (this.closed || this.spares.has(kind)) return;
    const { command, args } = runtimeCommand(spec.runtime, spec.memoryMb, spec.taskRoot, this.paths, spec.ephemeralMb);
    const started = new Promise<Spare | undefined>((resolve) => {
      // Not unref'd: close() waits for this promise.
      setTimeout(() => {
        if (this.closed) return resolve(undefined);
        startSpare(kind, command, args, this.paths).then((s) => {
          if (s.child.pid) this.sparePids.add(s.child.pid);
          resolve(s);
        }, () => resolve(undefined));
      }, 20);
    });
    this.spares.set(kind, started);
    // An unused spare stops after the idle timeout, like idle environments.
    this.clock.setTimer(this.options.idleTimeoutMs, () => {
      if (this.spares.get(kind) !== started) return;
      this.spares.delete(kind);
      void started.then((s) => s && this.dropSpare(s));
    });
    while (this.spares.size > EnvironmentPool.MAX_SPARE_KINDS) {
      const [oldest, p] = this.spares.entries().next().value as [string, Promise<Spare | undefined>];
      this.spares.delete(oldest);
      void p.then((s) => s && this.dropSpare(s));
    }
  }

  private dropSpare(spare: Spare): void {
    if (spare.child.pid) this.sparePids.delete(spare.child.pid);
    spare.kill();
    spare.server.close();
  }

  private trimIdle(): void {
    const max = this.options.maxIdle ?? Infinity;
    while (this.idleOrder.size > max) {
      const oldest = this.idleOrder.values().next().value as Environment;
      this.idleOrder.delete(oldest);
      if (oldest.state === 'idle') oldest.shutdown();
    }
  }

  private group(key: string): Group {
    let g = this.groups.get(key);
    if (!g) {
      g = { idle: [], all: new Set() };
      this.groups.set(key, g);
    }
    return g;
  }

  /** Stops idle environments whose key matches (a function's code or configuration changed). */
  retire(match: (key: string) => boolean): void {
    for (const [key, group] of this.groups) {
      if (!match(key)) continue;
      for (const env of group.idle.splice(0)) env.shutdown();
      // Busy ones finish their invocation; they are not reused because the key changed.
      this.groups.delete(key);
      for (const env of group.all) if (env.state !== 'busy') env.shutdown();
    }
  }

  /** Stops every idle environment now. */
  reapAll(): void {
    for (const group of this.groups.values()) for (const env of group.idle.splice(0)) env.shutdown();
  }

  stats(): { environments: number; busy: number; idle: number; spares: number; rssKb: number } {
    let environments = 0;
    let busy = 0;
    let idle = 0;
    let rssKb = 0;
    let spares = 0;
    for (const pid of this.sparePids) {
      spares++;
      rssKb += treeRssKb(pid);
    }
    for (const group of this.groups.values()) {
      for (const env of group.all) {
        environments++;
        if (env.state === 'busy') busy++;
        if (env.state === 'idle') idle++;
        rssKb += env.rssKb();
      }
    }
    return { environments, busy, idle, spares, rssKb };
  }

  async close(): Promise<void> {
    this.closed = true;
    const spares = [...this.spares.values()];
    this.spares.clear();
    for (const s of await Promise.all(spares)) if (s) this.dropSpare(s);
    const all: Environment[] = [];
    for (const group of this.groups.values()) all.push(...group.all);
    for (const t of this.reapTimers.values()) t.cancel();
    this.reapTimers.clear();
    await Promise.all(
      all.map(
        (env) =>
          new Promise<void>((resolve) => {
            if (env.state === 'dead') return resolve();
            env.onDeath(resolve);
            env.shutdown();
          }),
      ),
    );
    this.groups.clear();
  }
}

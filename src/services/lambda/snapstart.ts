/**
 * Lambda SnapStart, the control plane's part: which runtimes may use it (AWS's error otherwise),
 * and the state of a published version while its snapshot is made. A version published with
 * `SnapStart.ApplyOn: PublishedVersions` is stored `Pending` with `OptimizationStatus: On`; the
 * environment pool makes its snapshot (src/runtime/snapstart.ts: init and the before-snapshot
 * hooks run now), then the version becomes `Active`, or `Failed` when its init failed. Until then
 * invocations get AWS's ResourceConflictException. Versions a previous run left `Pending` (the
 * server stopped meanwhile) are snapshotted again when the service starts.
 */
import type { RequestContext } from '../../core/context.js';
import { InvalidParameterValueException, ResourceConflictException, type SnapStart } from '../../generated/lambda.js';
import type { EnvironmentSpec } from '../../runtime/environment.js';
import type { SnapshotOutcome } from '../../runtime/snapstart.js';
import type { LambdaCore, Scope } from './core.js';
import { USER_FAULT } from './errors.js';
import type { FnConfig } from './store.js';

/** AWS: Java 11 and later, Python 3.12 and later, .NET 8 and later (managed runtimes). */
export function snapStartSupported(runtime: string): boolean {
  const m = /^(java|python3\.|dotnet)(\d+)/.exec(runtime);
  if (!m) return false;
  const n = Number(m[2]);
  return m[1] === 'java' ? n >= 11 : m[1] === 'dotnet' ? n >= 8 : n >= 12;
}

/** The SnapStart setting a function gets, with AWS's error for a runtime that cannot use it. */
export function checkedSnapStart(runtime: string | undefined, requested: SnapStart | undefined, current?: FnConfig['SnapStart']): FnConfig['SnapStart'] {
  const applyOn = requested?.ApplyOn ?? current?.ApplyOn ?? 'None';
  if (applyOn === 'PublishedVersions' && !snapStartSupported(runtime ?? '')) {
    throw new InvalidParameterValueException(`${runtime} is not supported for SnapStart enabled functions.`, USER_FAULT);
  }
  return { ApplyOn: applyOn, OptimizationStatus: 'Off' };
}

/** What a version published from `latest` stores of SnapStart, and its state while the snapshot is made. */
export function publishedSnapStart(latest: FnConfig): Partial<FnConfig> {
  if (latest.SnapStart?.ApplyOn !== 'PublishedVersions') return { SnapStart: { ApplyOn: latest.SnapStart?.ApplyOn ?? 'None', OptimizationStatus: 'Off' } };
  return {
    SnapStart: { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' },
    State: 'Pending',
    StateReason: 'The function is being created.',
    StateReasonCode: 'Creating',
    LastUpdateStatus: undefined,
  };
}

/** AWS's answer to invoking a version whose snapshot is not made (or failed). */
export function checkInvocable(config: FnConfig): void {
  if (config.State === 'Pending' || config.State === 'Failed') {
    throw new ResourceConflictException(`The operation cannot be performed at this time. The function is currently in the following state: ${config.State}`, USER_FAULT);
  }
}

/** Makes published versions' snapshots and records how it went in their stored configuration. */
export class SnapStartVersions {
  constructor(
    private readonly core: LambdaCore,
    private readonly specFor: (scope: Scope, name: string, config: FnConfig) => Promise<EnvironmentSpec>,
  ) {}

  /** A version was published (or returned as the latest one): make its snapshot if it waits for one. */
  published(ctx: Pick<RequestContext, 'accountId' | 'region'>, name: string, config: FnConfig): void {
    if (config.State !== 'Pending' || config.SnapStart?.OptimizationStatus !== 'On') return;
    void this.snapshot({ accountId: ctx.accountId, region: ctx.region }, name, config);
  }

  /** Versions a previous run left Pending: their snapshot is made again. */
  async recover(): Promise<void> {
    const rows = await this.core.db.all<{ account: string; region: string; name: string; config: string }>(
      `SELECT account, region, name, config FROM lambda_versions WHERE config LIKE '%"State":"Pending"%'`,
    );
    for (const row of rows) this.published({ accountId: row.account, region: row.region }, row.name, JSON.parse(row.config) as FnConfig);
  }

  private async snapshot(scope: Scope, name: string, config: FnConfig): Promise<void> {
    let outcome: SnapshotOutcome;
    try {
      outcome = await this.core.pool.snapshot(await this.specFor(scope, name, config));
    } catch (e) {
      outcome = { ok: false, initMs: 0, errorType: 'Runtime.Unknown', errorMessage: (e as Error).message };
    }
    // Stopped midway (server closing, version deleted): left Pending, made again at the next start.
    if (!outcome.ok && outcome.aborted) return;
    try {
      await this.core.db.tx(async (tx) => {
        const args = [scope.accountId, scope.region, name, Number(config.Version)];
        const row = await tx.get<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', args);
        if (!row) return;
        const stored = JSON.parse(row.config) as FnConfig;
        if (stored.RevisionId !== config.RevisionId || stored.State !== 'Pending') return;
        delete stored.StateReason;
        delete stored.StateReasonCode;
        if (outcome.ok) {
          delete stored.State;
        } else {
          // The function's init failed while the snapshot was made: the reason is its error.
          const reason = `${outcome.errorType}: ${outcome.errorMessage}`.slice(0, 1000);
          Object.assign(stored, { State: 'Failed', StateReason: reason, StateReasonCode: 'FunctionError', LastUpdateStatus: 'Failed', LastUpdateStatusReason: reason, LastUpdateStatusReasonCode: 'FunctionError' });
        }
        await tx.run('UPDATE lambda_versions SET config = ? WHERE account = ? AND region = ? AND name = ? AND version = ?', [JSON.stringify(stored), ...args]);
      });
    } catch (e) {
      this.core.platform.log({ level: 'error', service: 'lambda', snapStart: `${name}:${config.Version}`, error: String((e as Error)?.stack ?? e) });
    }
  }
}

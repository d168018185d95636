/**
 * Map runs of distributed Map states in Standard executions: a row of sfn_map_runs written when the
 * run starts and when it ends; while it runs in this process its live record (counts, limits) is what
 * DescribeMapRun shows and what UpdateMapRun changes.
 */
import type { Db } from '../../../storage/db.js';
import type { MapRunCounts, MapRunHost, MapRunRecord } from '../asl/engine.js';

export interface MapRunRow {
  arn: string;
  execution_arn: string;
  account: string;
  region: string;
  sm_arn: string;
  status: MapRunRecord['status'];
  start_ms: number;
  stop_ms: number | null;
  max_concurrency: number;
  tolerated_count: number | null;
  tolerated_pct: number | null;
  /** JSON of {items, executions}. */
  counts: string;
}

export class MapRuns {
  /** The map runs running in this process. */
  private readonly live = new Map<string, MapRunRecord>();

  constructor(private readonly db: Db) {}

  /** The host of an execution's map runs (EngineHost.mapRuns). */
  host(account: string, region: string): MapRunHost {
    return {
      start: async (r) => {
        this.live.set(r.mapRunArn, r);
        await this.db.run(
          'INSERT INTO sfn_map_runs (arn, execution_arn, account, region, sm_arn, status, start_ms, stop_ms, max_concurrency, tolerated_count, tolerated_pct, counts) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)',
          [r.mapRunArn, r.executionArn, account, region, r.stateMachineArn, r.status, r.startDate, r.maxConcurrency, r.toleratedFailureCount ?? null, r.toleratedFailurePercentage ?? null, countsOf(r)],
        );
      },
      end: async (r) => {
        this.live.delete(r.mapRunArn);
        await this.save(r);
      },
    };
  }

  /** The map run as DescribeMapRun shows it: the live record while it runs here, else its row. */
  async get(arn: string, scope: { accountId: string; region: string }): Promise<MapRunRecord | undefined> {
    const row = await this.db.get<MapRunRow>('SELECT * FROM sfn_map_runs WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
    if (!row) return undefined;
    return this.live.get(arn) ?? recordOf(row);
  }

  /** UpdateMapRun: the new limits are stored, and a run of this process applies them at once. */
  async update(r: MapRunRecord, changes: { maxConcurrency?: number; toleratedFailureCount?: number; toleratedFailurePercentage?: number }): Promise<void> {
    const live = this.live.get(r.mapRunArn);
    const target = live ?? r;
    if (changes.maxConcurrency !== undefined) target.maxConcurrency = changes.maxConcurrency;
    if (changes.toleratedFailureCount !== undefined) target.toleratedFailureCount = changes.toleratedFailureCount;
    if (changes.toleratedFailurePercentage !== undefined) target.toleratedFailurePercentage = changes.toleratedFailurePercentage;
    await this.save(target);
    live?.changed?.();
  }

  /** One page of an execution's map runs, in start order, after `after` ([start_ms, arn]). */
  list(executionArn: string, after: readonly [number, string] | undefined, limit: number): Promise<MapRunRow[]> {
    if (!after) return this.db.all<MapRunRow>('SELECT * FROM sfn_map_runs WHERE execution_arn = ? ORDER BY start_ms, arn LIMIT ?', [executionArn, limit]);
    return this.db.all<MapRunRow>(
      'SELECT * FROM sfn_map_runs WHERE execution_arn = ? AND (start_ms > ? OR (start_ms = ? AND arn > ?)) ORDER BY start_ms, arn LIMIT ?',
      [executionArn, after[0], after[0], after[1], limit],
    );
  }

  private async save(r: MapRunRecord): Promise<void> {
    await this.db.run('UPDATE sfn_map_runs SET status = ?, stop_ms = ?, max_concurrency = ?, tolerated_count = ?, tolerated_pct = ?, counts = ? WHERE arn = ?', [
      r.status,
      r.stopDate ?? null,
      r.maxConcurrency,
      r.toleratedFailureCount ?? null,
      r.toleratedFailurePercentage ?? null,
      countsOf(r),
      r.mapRunArn,
    ]);
  }
}

function countsOf(r: MapRunRecord): string {
  return JSON.stringify({ items: r.items, executions: r.executions });
}

export function recordOf(row: MapRunRow): MapRunRecord {
  const counts = JSON.parse(row.counts) as { items: MapRunCounts; executions: MapRunCounts };
  return {
    mapRunArn: row.arn,
    executionArn: row.execution_arn,
    stateMachineArn: row.sm_arn,
    status: row.status,
    startDate: Number(row.start_ms),
    ...(row.stop_ms !== null ? { stopDate: Number(row.stop_ms) } : {}),
    maxConcurrency: row.max_concurrency,
    toleratedFailureCount: row.tolerated_count ?? undefined,
    toleratedFailurePercentage: row.tolerated_pct ?? undefined,
    items: counts.items,
    executions: counts.executions,
  };
}

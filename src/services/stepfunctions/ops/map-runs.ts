/** Map runs: DescribeMapRun, ListMapRuns, UpdateMapRun (the runs themselves: executions/map-runs.ts). */
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceNotFound,
  type DescribeMapRunInput,
  type DescribeMapRunOutput,
  type ListMapRunsInput,
  type MapRunListItem,
  type SFNApi,
  type UpdateMapRunInput,
} from '../../../generated/stepfunctions.js';
import { arnParts, refuseExpress, resourceTypeNotValid, type SfnCore } from '../core.js';
import type { MapRunRecord } from '../asl/engine.js';
import { pageOf, pageSize, readToken } from '../pages.js';

export class MapRunOps implements Pick<SFNApi, 'DescribeMapRun' | 'ListMapRuns' | 'UpdateMapRun'> {
  constructor(private readonly core: SfnCore) {}

  async DescribeMapRun(ctx: RequestContext, input: DescribeMapRunInput): Promise<DescribeMapRunOutput> {
    const r = await this.mapRunOrThrow(ctx, input.mapRunArn);
    const out: DescribeMapRunOutput = {
      mapRunArn: r.mapRunArn,
      executionArn: r.executionArn,
      status: r.status,
      startDate: new Date(r.startDate),
      maxConcurrency: r.maxConcurrency,
      // Unset thresholds answer 0, as AWS does.
      toleratedFailurePercentage: r.toleratedFailurePercentage ?? 0,
      toleratedFailureCount: r.toleratedFailureCount ?? 0,
      itemCounts: { ...r.items },
      executionCounts: { ...r.executions },
      redriveCount: 0,
    };
    if (r.stopDate !== undefined) out.stopDate = new Date(r.stopDate);
    return out;
  }

  async ListMapRuns(ctx: RequestContext, input: ListMapRunsInput) {
    refuseExpress(input.executionArn);
    await this.core.executionOrThrow(ctx, input.executionArn);
    const listing = { kind: 'mapRuns', scope: input.executionArn, key: ['number', 'string'] } as const;
    const after = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.mapRuns.list(input.executionArn, after, size + 1);
    const page = pageOf(listing, rows, size, (r) => [Number(r.start_ms), r.arn]);
    const mapRuns = page.rows.map((r) => {
      const o: MapRunListItem = { executionArn: r.execution_arn, mapRunArn: r.arn, stateMachineArn: r.sm_arn, startDate: new Date(Number(r.start_ms)) };
      if (r.stop_ms !== null) o.stopDate = new Date(Number(r.stop_ms));
      return o;
    });
    return { mapRuns, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  }

  async UpdateMapRun(ctx: RequestContext, input: UpdateMapRunInput) {
    const r = await this.mapRunOrThrow(ctx, input.mapRunArn);
    await this.core.mapRuns.update(r, {
      maxConcurrency: input.maxConcurrency,
      toleratedFailureCount: input.toleratedFailureCount,
      toleratedFailurePercentage: input.toleratedFailurePercentage,
    });
    return {};
  }

  private async mapRunOrThrow(ctx: RequestContext, arn: string): Promise<MapRunRecord> {
    const parts = arnParts(arn);
    if (parts && parts[5] !== 'mapRun') throw resourceTypeNotValid(parts[5]!);
    const r = parts ? await this.core.mapRuns.get(arn, ctx) : undefined;
    if (!r) throw new ResourceNotFound(`Resource not found: '${arn}'`);
    return r;
  }
}

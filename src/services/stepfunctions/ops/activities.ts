/** Activities: their definitions, and the workers' GetActivityTask. */
import { arnFor } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  ActivityDoesNotExist,
  InvalidName,
  type CreateActivityInput,
  type DeleteActivityInput,
  type DescribeActivityInput,
  type GetActivityTaskInput,
  type ListActivitiesInput,
  type SFNApi,
} from '../../../generated/stepfunctions.js';
import { DEFAULT_ENCRYPTION, NAME_RE, checkArnPrefix, tagError, tagMap, type SfnCore } from '../core.js';
import type { ActivityRow } from '../store.js';
import { pageOf, pageSize, readToken } from '../pages.js';

export class ActivityOps implements Pick<SFNApi, 'CreateActivity' | 'DescribeActivity' | 'DeleteActivity' | 'ListActivities' | 'GetActivityTask'> {
  constructor(private readonly core: SfnCore) {}

  async CreateActivity(ctx: RequestContext, input: CreateActivityInput) {
    if (!NAME_RE.test(input.name)) throw new InvalidName(`Invalid Name: '${input.name}'`);
    const arn = arnFor('states', ctx, `activity:${input.name}`);
    const existing = await this.core.store.activity(arn);
    if (existing) return { activityArn: arn, creationDate: new Date(existing.created) };
    const now = this.core.clock.now();
    const problem = await this.core.store.createActivity(
      { arn, account: ctx.accountId, region: ctx.region, name: input.name, created: now, encryption: JSON.stringify(input.encryptionConfiguration ?? DEFAULT_ENCRYPTION) },
      tagMap(input.tags),
    );
    if (problem) throw tagError(problem);
    return { activityArn: arn, creationDate: new Date(now) };
  }

  async DescribeActivity(ctx: RequestContext, input: DescribeActivityInput) {
    const row = await this.activityOrThrow(ctx, input.activityArn);
    return {
      activityArn: row.arn,
      name: row.name,
      creationDate: new Date(row.created),
      encryptionConfiguration: row.encryption ? JSON.parse(row.encryption) : DEFAULT_ENCRYPTION,
    };
  }

  async DeleteActivity(ctx: RequestContext, input: DeleteActivityInput) {
    await this.core.store.deleteActivity(input.activityArn, ctx);
    return {};
  }

  async ListActivities(ctx: RequestContext, input: ListActivitiesInput) {
    const listing = { kind: 'activities', scope: `${ctx.accountId}:${ctx.region}`, key: ['number', 'string'] } as const;
    const after = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.store.listActivities(ctx, after, size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.created, r.name]);
    return {
      activities: page.rows.map((r) => ({ activityArn: r.arn, name: r.name, creationDate: new Date(r.created) })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }

  async GetActivityTask(ctx: RequestContext, input: GetActivityTaskInput) {
    await this.activityOrThrow(ctx, input.activityArn);
    return this.core.activities.poll(input.activityArn, () => this.core.tokens.take(input.activityArn, input.workerName));
  }

  private async activityOrThrow(ctx: RequestContext, arn: string): Promise<ActivityRow> {
    checkArnPrefix(arn);
    const row = await this.core.store.activity(arn, ctx);
    if (!row) throw new ActivityDoesNotExist(`Activity Does Not Exist: '${arn}'`);
    return row;
  }
}

/**
 * PutSubscriptionFilter, DescribeSubscriptionFilters, DeleteSubscriptionFilter. A filter sends the
 * events it matches to a Lambda function or a Kinesis stream (subscriptions.ts); the destination is
 * checked when the filter is put, as AWS checks it with a test message.
 */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  LimitExceededException,
  ResourceNotFoundException,
  type CloudWatchLogsApi,
  type DeleteSubscriptionFilterRequest,
  type DescribeSubscriptionFiltersRequest,
  type DescribeSubscriptionFiltersResponse,
  type PutSubscriptionFilterRequest,
} from '../../../generated/logs.js';
import { keysetPage, listingOf } from '../../../storage/paginate.js';
import { serviceClient } from '../../clients.js';
import type { Platform } from '../../service.js';
import { pageLimit, prefixBounds, readPageToken, type LogsCore } from '../core.js';
import { compileFilter } from '../filter.js';
import { controlMessage, deliver, MAX_FILTERS_PER_GROUP, type FilterRow } from '../subscriptions.js';

type Ops = 'PutSubscriptionFilter' | 'DescribeSubscriptionFilters' | 'DeleteSubscriptionFilter';

export class SubscriptionOps implements Pick<CloudWatchLogsApi, Ops> {
  constructor(
    private readonly core: LogsCore,
    private readonly platform: Platform,
  ) {}

  async PutSubscriptionFilter(ctx: RequestContext, input: PutSubscriptionFilterRequest): Promise<void> {
    compileFilter(input.filterPattern);
    await this.core.group(ctx, input.logGroupName);
    await this.checkDestination(ctx, input.destinationArn);
    const key = [ctx.accountId, ctx.region, input.logGroupName];
    await this.core.db.tx(async (tx) => {
      await this.core.group(ctx, input.logGroupName, tx);
      const others = await tx.all<{ name: string }>('SELECT name FROM logs_subscription_filters WHERE account = ? AND region = ? AND group_name = ?', key);
      if (!others.some((f) => f.name === input.filterName) && others.length >= MAX_FILTERS_PER_GROUP) throw new LimitExceededException('Resource limit exceeded.');
      await tx.run(
        `INSERT INTO logs_subscription_filters (account, region, group_name, name, pattern, destination, role_arn, distribution, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account, region, group_name, name) DO UPDATE SET pattern = excluded.pattern, destination = excluded.destination, role_arn = excluded.role_arn, distribution = excluded.distribution`,
        [...key, input.filterName, input.filterPattern, input.destinationArn, input.roleArn ?? null, input.distribution ?? 'ByLogStream', ctx.clock.now()],
      );
    });
  }

  async DescribeSubscriptionFilters(ctx: RequestContext, input: DescribeSubscriptionFiltersRequest): Promise<DescribeSubscriptionFiltersResponse> {
    await this.core.group(ctx, input.logGroupName);
    const params = [ctx.accountId, ctx.region, input.logGroupName];
    let where = 'account = ? AND region = ? AND group_name = ?';
    if (input.filterNamePrefix !== undefined) {
      where += ' AND name >= ? AND name < ?';
      params.push(...prefixBounds(input.filterNamePrefix));
    }
    const listing = listingOf('DescribeSubscriptionFilters', ctx, input.logGroupName, input.filterNamePrefix);
    const page = await keysetPage<FilterRow>(this.core.db, { select: '*', from: 'logs_subscription_filters', where, params, keys: ['name'] }, {
      listing,
      limit: pageLimit(input.limit, 50),
      after: readPageToken(input.nextToken, listing, ['string']),
      keyOf: (r) => [r.name],
    });
    return {
      subscriptionFilters: page.items.map((r) => ({
        filterName: r.name,
        logGroupName: r.group_name,
        filterPattern: r.pattern,
        destinationArn: r.destination,
        roleArn: r.role_arn ?? undefined,
        distribution: r.distribution as 'ByLogStream' | 'Random',
        applyOnTransformedLogs: false,
        creationTime: Number(r.created),
      })),
      nextToken: page.next,
    };
  }

  async DeleteSubscriptionFilter(ctx: RequestContext, input: DeleteSubscriptionFilterRequest): Promise<void> {
    await this.core.group(ctx, input.logGroupName);
    const { changes } = await this.core.db.tx((tx) =>
      tx.run('DELETE FROM logs_subscription_filters WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName, input.filterName]),
    );
    if (changes === 0) throw new ResourceNotFoundException('The specified subscription filter does not exist.');
  }

  /** AWS's checks of a destination: a function that exists, a Kinesis stream that takes the test message. */
  private async checkDestination(ctx: RequestContext, destination: string): Promise<void> {
    const arn = parseArn(destination);
    const scope = { accountId: arn?.account ?? ctx.accountId, region: arn?.region ?? ctx.region };
    if (arn?.service === 'lambda') {
      const lambda = serviceClient<{ GetFunction(ctx: unknown, input: { FunctionName: string }): Promise<unknown> }>(this.platform, 'lambda', scope);
      const exists = lambda ? await lambda.GetFunction({ FunctionName: destination }).then(() => true, () => false) : false;
      if (!exists) throw new InvalidParameterException('Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.');
      return;
    }
    if (arn?.service === 'kinesis') {
      const ok = await deliver(this.platform, destination, controlMessage(ctx.clock.now()), 'control').then(() => true, () => false);
      if (!ok) throw new InvalidParameterException('Could not deliver test message to specified Kinesis stream. Check if the given kinesis stream is in ACTIVE state.');
      return;
    }
    // Firehose streams and cross-account Logs destinations are not served here.
    throw new InvalidParameterException('Could not deliver test message to specified destination. Check if the destination is valid.');
  }
}

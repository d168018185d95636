/**
 * Kinesis Data Streams destinations of a table: Enable, Disable, Describe and Update
 * KinesisStreamingDestination, with the states and errors AWS answers (kinesis-destinations.ts has
 * the state machine and the records). A stream that does not exist in the table's account and
 * region is accepted (ENABLING) and then shows ENABLE_FAILED, as AWS checks it after answering.
 */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type {
  DescribeKinesisStreamingDestinationInput,
  DescribeKinesisStreamingDestinationOutput,
  DynamoDBApi,
  KinesisStreamingDestinationInput,
  KinesisStreamingDestinationOutput,
  UpdateKinesisStreamingDestinationInput,
  UpdateKinesisStreamingDestinationOutput,
} from '../../../generated/dynamodb.js';
import type { KinesisApi } from '../../../generated/kinesis.js';
import { serviceClient } from '../../clients.js';
import type { DynamoDbCore } from '../core.js';
import { describeDestination, shownStatus, type KinesisDestinationMeta } from '../kinesis-destinations.js';
import { tableNameOf } from '../tables.js';
import { validation } from '../values.js';

type KinesisOperations = 'EnableKinesisStreamingDestination' | 'DisableKinesisStreamingDestination' | 'DescribeKinesisStreamingDestination' | 'UpdateKinesisStreamingDestination';

const NOT_VALID = 'Table is not in a valid state to enable Kinesis Streaming Destination: ';

export class KinesisDestinationOps implements Pick<DynamoDBApi, KinesisOperations> {
  constructor(private readonly core: DynamoDbCore) {}

  async EnableKinesisStreamingDestination(ctx: RequestContext, input: KinesisStreamingDestinationInput): Promise<KinesisStreamingDestinationOutput> {
    const name = tableNameOf(input.TableName);
    await this.core.tableOrThrow(ctx, input.TableName, false);
    const found = await this.streamExists(ctx, input.StreamArn);
    const now = this.core.now();
    const t = await this.core.changeTable(ctx, name, (t) => {
      const list = t.kinesis ?? [];
      // One destination at a time may be enabling, active, updating or disabling; failed and disabled ones linger.
      if (list.some((d) => d.target === 'ACTIVE' || shownStatus(d, now) === 'DISABLING')) {
        throw validation(`${NOT_VALID}EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.`);
      }
      const precision = input.EnableKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
      const entry: KinesisDestinationMeta = { streamArn: input.StreamArn, target: found ? 'ACTIVE' : 'ENABLE_FAILED', via: 'ENABLING', since: now, ...(precision ? { precision } : {}) };
      const at = list.findIndex((d) => d.streamArn === input.StreamArn);
      // Enabling a stream again flips its entry rather than adding one.
      t.kinesis = at >= 0 ? list.map((d, i) => (i === at ? entry : d)) : [entry, ...list];
    });
    return {
      TableName: t.name,
      StreamArn: input.StreamArn,
      DestinationStatus: 'ENABLING',
      EnableKinesisStreamingConfiguration: input.EnableKinesisStreamingConfiguration ?? {},
    };
  }

  async DisableKinesisStreamingDestination(ctx: RequestContext, input: KinesisStreamingDestinationInput): Promise<KinesisStreamingDestinationOutput> {
    const name = tableNameOf(input.TableName);
    await this.core.tableOrThrow(ctx, input.TableName, false);
    const now = this.core.now();
    const t = await this.core.changeTable(ctx, name, (t) => {
      const d = t.kinesis?.find((x) => x.streamArn === input.StreamArn);
      if (!d || shownStatus(d, now) !== 'ACTIVE') throw validation(`${NOT_VALID}KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.`);
      Object.assign(d, { target: 'DISABLED', via: 'DISABLING', since: now });
      delete d.precision;
    });
    return { TableName: t.name, StreamArn: input.StreamArn, DestinationStatus: 'DISABLING' };
  }

  async DescribeKinesisStreamingDestination(ctx: RequestContext, input: DescribeKinesisStreamingDestinationInput): Promise<DescribeKinesisStreamingDestinationOutput> {
    const t = await this.core.tableOrThrow(ctx, input.TableName, false);
    const now = this.core.now();
    return { TableName: t.name, KinesisDataStreamDestinations: (t.kinesis ?? []).map((d) => describeDestination(d, now)) };
  }

  async UpdateKinesisStreamingDestination(ctx: RequestContext, input: UpdateKinesisStreamingDestinationInput): Promise<UpdateKinesisStreamingDestinationOutput> {
    const name = tableNameOf(input.TableName);
    await this.core.tableOrThrow(ctx, input.TableName, false);
    const precision = input.UpdateKinesisStreamingConfiguration?.ApproximateCreationDateTimePrecision;
    if (!precision) {
      throw validation('Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values');
    }
    const now = this.core.now();
    const t = await this.core.changeTable(ctx, name, (t) => {
      const d = t.kinesis?.find((x) => x.streamArn === input.StreamArn);
      if (!d || shownStatus(d, now) !== 'ACTIVE') {
        throw validation(`${NOT_VALID}Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: ${t.name}`);
      }
      // Without a precision set, the destination's is MILLISECOND.
      if ((d.precision ?? 'MILLISECOND') === precision) {
        throw validation(`Invalid Request: Precision is already set to the desired value of ${precision} for tableId: ${t.tableId}, kdsArn: ${d.streamArn}`);
      }
      Object.assign(d, { via: 'UPDATING', since: now, precision });
    });
    return { TableName: t.name, StreamArn: input.StreamArn, DestinationStatus: 'UPDATING', UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: precision } };
  }

  /** Whether the stream exists in the caller's account and region (AWS's destination must). */
  private async streamExists(ctx: RequestContext, streamArn: string): Promise<boolean> {
    const arn = parseArn(streamArn);
    if (arn?.service !== 'kinesis' || arn.account !== ctx.accountId || arn.region !== ctx.region || !arn.resource.startsWith('stream/')) return false;
    const kinesis = serviceClient<KinesisApi>(this.core.platform, 'kinesis', ctx);
    if (!kinesis) return false;
    try {
      await kinesis.DescribeStreamSummary({ StreamARN: streamArn });
      return true;
    } catch {
      return false;
    }
  }
}

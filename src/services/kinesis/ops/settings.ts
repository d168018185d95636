/**
 * Stream settings that change no records: enhanced (shard-level) monitoring, which Stratus records and
 * reports (it publishes no CloudWatch metrics), and the largest record a stream takes (UpdateMaxRecordSize).
 */
import type { RequestContext } from '../../../core/context.js';
import type {
  DisableEnhancedMonitoringInput,
  EnableEnhancedMonitoringInput,
  EnhancedMonitoringOutput,
  KinesisApi,
  MetricsName,
  UpdateMaxRecordSizeInput,
} from '../../../generated/kinesis.js';
import type { KinesisCore } from '../core.js';
import { writeStream } from '../store.js';

type Ops = 'EnableEnhancedMonitoring' | 'DisableEnhancedMonitoring' | 'UpdateMaxRecordSize';

const ALL_METRICS: MetricsName[] = ['IncomingBytes', 'OutgoingRecords', 'IteratorAgeMilliseconds', 'IncomingRecords', 'ReadProvisionedThroughputExceeded', 'WriteProvisionedThroughputExceeded', 'OutgoingBytes'];

export class SettingsOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  EnableEnhancedMonitoring(ctx: RequestContext, input: EnableEnhancedMonitoringInput): Promise<EnhancedMonitoringOutput> {
    return this.monitoring(ctx, input, (current, asked) => [...current, ...asked.filter((m) => !current.includes(m))]);
  }

  DisableEnhancedMonitoring(ctx: RequestContext, input: DisableEnhancedMonitoringInput): Promise<EnhancedMonitoringOutput> {
    return this.monitoring(ctx, input, (current, asked) => current.filter((m) => !asked.includes(m)));
  }

  async UpdateMaxRecordSize(ctx: RequestContext, input: UpdateMaxRecordSizeInput): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, { StreamARN: input.StreamARN }, tx);
      doc.maxRecordKiB = input.MaxRecordSizeInKiB;
      await writeStream(tx, scope.accountId, scope.region, doc);
    });
  }

  private async monitoring(
    ctx: RequestContext,
    input: { StreamName?: string; StreamARN?: string; ShardLevelMetrics: MetricsName[] },
    change: (current: MetricsName[], asked: MetricsName[]) => MetricsName[],
  ): Promise<EnhancedMonitoringOutput> {
    const asked = input.ShardLevelMetrics.includes('ALL') ? ALL_METRICS : input.ShardLevelMetrics;
    return this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, input, tx);
      const current = doc.monitoring as MetricsName[];
      const desired = change(current, asked);
      doc.monitoring = desired;
      await writeStream(tx, scope.accountId, scope.region, doc);
      return { StreamName: doc.name, StreamARN: doc.arn, CurrentShardLevelMetrics: current, DesiredShardLevelMetrics: desired };
    });
  }
}

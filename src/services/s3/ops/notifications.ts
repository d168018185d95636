/**
 * Event notification configuration: Lambda, SQS and SNS destinations and EventBridge, validated as
 * S3 does (ARNs, event names, filter rules, overlapping configurations, destinations that exist when
 * their service is loaded) and stored; delivery is the event-wiring issue's. The deprecated
 * Put/GetBucketNotification answer NotImplemented.
 */
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../aws/errors.js';
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type * as S3 from '../../../generated/s3.js';
import { serviceClient } from '../../clients.js';
import { malformedXml } from '../errors.js';
import { BucketSettingsBase } from './bucket-settings.js';

const EVENTS = new Set<string>([
  's3:ReducedRedundancyLostObject', 's3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*', 's3:ObjectRestore:Post', 's3:ObjectRestore:Completed', 's3:ObjectRestore:Delete', 's3:Replication:*',
  's3:Replication:OperationFailedReplication', 's3:Replication:OperationNotTracked', 's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold', 's3:LifecycleTransition', 's3:IntelligentTiering', 's3:ObjectAcl:Put',
  's3:LifecycleExpiration:*', 's3:LifecycleExpiration:Delete', 's3:LifecycleExpiration:DeleteMarkerCreated', 's3:ObjectTagging:*',
  's3:ObjectTagging:Put', 's3:ObjectTagging:Delete',
]);

type Destination = { kind: 'Queue' | 'Topic' | 'CloudFunction'; arn: string; service: string; noun: string };

interface Config {
  Id?: string;
  Events: string[];
  Filter?: S3.NotificationConfigurationFilter;
}

const invalid = (message: string, name: string, value: string): AwsError => new AwsError('InvalidArgument', message, 400, { fields: { ArgumentName: name, ArgumentValue: value } });

export class NotificationOps extends BucketSettingsBase implements Pick<S3.S3Api, 'PutBucketNotificationConfiguration' | 'GetBucketNotificationConfiguration'> {
  async PutBucketNotificationConfiguration(ctx: RequestContext, input: S3.PutBucketNotificationConfigurationRequest): Promise<void> {
    const c = input.NotificationConfiguration;
    const destinations: Destination[] = [];
    const all: { config: Config; destination: Destination }[] = [];
    const take = <T extends Config>(list: T[] | undefined, kind: Destination['kind'], arnOf: (x: T) => string, service: string, noun: string): T[] | undefined =>
      list?.map((x) => {
        const arn = arnOf(x);
        const parsed = parseArn(arn);
        if (!parsed || parsed.service !== service) throw invalid('The ARN could not be parsed', kind, arn);
        if (!x.Events?.length) throw malformedXml();
        for (const e of x.Events) if (!EVENTS.has(e)) throw invalid('The event is not supported for notifications', 'Event', e);
        for (const r of x.Filter?.Key?.FilterRules ?? []) {
          const name = (r.Name ?? '').toLowerCase();
          if (name !== 'prefix' && name !== 'suffix') throw invalid('filter rule name must be either prefix or suffix', 'FilterRule.Name', r.Name ?? '');
        }
        const rules = x.Filter?.Key?.FilterRules ?? [];
        for (const n of ['prefix', 'suffix']) {
          if (rules.filter((r) => r.Name?.toLowerCase() === n).length > 1) throw invalid(`Cannot specify more than one ${n} rule in a filter.`, 'FilterRule.Name', n);
        }
        const destination = { kind, arn, service, noun };
        destinations.push(destination);
        // S3 answers filter rule names capitalised (Prefix, Suffix) whatever the case they were sent in.
        const filter = x.Filter?.Key?.FilterRules
          ? { Key: { FilterRules: rules.map((r) => ({ Name: (r.Name!.toLowerCase() === 'prefix' ? 'Prefix' : 'Suffix') as S3.FilterRuleName, Value: r.Value })) } }
          : x.Filter;
        const config = { ...x, Filter: filter, Id: x.Id ?? randomUUID().replace(/-/g, '').slice(0, 24) } as T;
        all.push({ config, destination });
        return config;
      });
    const stored = {
      TopicConfigurations: take(c.TopicConfigurations, 'Topic', (x) => x.TopicArn, 'sns', 'topic'),
      QueueConfigurations: take(c.QueueConfigurations, 'Queue', (x) => x.QueueArn, 'sqs', 'queue'),
      LambdaFunctionConfigurations: take(c.LambdaFunctionConfigurations, 'CloudFunction', (x) => x.LambdaFunctionArn, 'lambda', 'Lambda function'),
      EventBridgeConfiguration: c.EventBridgeConfiguration ? {} : undefined,
    };
    checkOverlap(all.map((a) => a.config));
    await this.core.bucket(ctx, input.Bucket);
    if (!input.SkipDestinationValidation) await this.checkDestinations(ctx, destinations);
    const empty = !stored.TopicConfigurations?.length && !stored.QueueConfigurations?.length && !stored.LambdaFunctionConfigurations?.length && !stored.EventBridgeConfiguration;
    await this.set(ctx, input.Bucket, 'notification', empty ? undefined : stored);
  }

  async GetBucketNotificationConfiguration(ctx: RequestContext, input: S3.GetBucketNotificationConfigurationRequest): Promise<S3.NotificationConfiguration> {
    const s = await this.settings(ctx, input.Bucket);
    return (s.notification as S3.NotificationConfiguration | undefined) ?? {};
  }

  /** AWS checks that each destination exists: done here through the service, when it is loaded. */
  private async checkDestinations(ctx: RequestContext, destinations: Destination[]): Promise<void> {
    const failures: [string, string][] = [];
    for (const d of destinations) {
      const arn = parseArn(d.arn)!;
      const scope = { accountId: arn.account, region: arn.region };
      const client = serviceClient<Record<string, (input: unknown) => Promise<unknown>>>(this.core.platform, d.service, scope);
      if (!client) continue;
      try {
        if (d.service === 'sqs') await client.GetQueueUrl!({ QueueName: arn.resource, QueueOwnerAWSAccountId: arn.account });
        else if (d.service === 'sns') await client.GetTopicAttributes!({ TopicArn: d.arn });
        else await client.GetFunctionConfiguration!({ FunctionName: d.arn });
      } catch (e) {
        if (e instanceof AwsError && e.status < 500) failures.push([d.arn, `The destination ${d.noun} does not exist`]);
        else throw e;
      }
    }
    if (failures.length > 0) {
      const fields: Record<string, string> = {};
      failures.forEach(([name, value], i) => {
        fields[`ArgumentName${i + 1}`] = name;
        fields[`ArgumentValue${i + 1}`] = value;
      });
      throw new AwsError('InvalidArgument', 'Unable to validate the following destination configurations', 400, { fields });
    }
  }
}

/** Two configurations may not share an event type for keys both their filters can match. */
function checkOverlap(configs: Config[]): void {
  const matchAll = (e: string, f: string) => e === f || (e.endsWith(':*') && f.startsWith(e.slice(0, -1))) || (f.endsWith(':*') && e.startsWith(f.slice(0, -1)));
  const rule = (c: Config, n: string) => c.Filter?.Key?.FilterRules?.find((r) => r.Name?.toLowerCase() === n)?.Value ?? '';
  const compatible = (a: string, b: string, starts: boolean) => (starts ? a.startsWith(b) || b.startsWith(a) : a.endsWith(b) || b.endsWith(a));
  for (let i = 0; i < configs.length; i++) {
    for (let j = i + 1; j < configs.length; j++) {
      const a = configs[i]!;
      const b = configs[j]!;
      if (!a.Events.some((e) => b.Events.some((f) => matchAll(e, f)))) continue;
      if (compatible(rule(a, 'prefix'), rule(b, 'prefix'), true) && compatible(rule(a, 'suffix'), rule(b, 'suffix'), false)) {
        throw invalid('Configurations overlap. Configurations on the same bucket cannot share a common event type.', 'Event', a.Events[0]!);
      }
    }
  }
}

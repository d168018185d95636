// Generated from models/aws/kinesis/service-2.json (API version 2013-12-02) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface AddTagsToStreamInput {
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
  Tags: TagMap;
}

export type BooleanObject = boolean;

export interface ChildShard {
  HashKeyRange: HashKeyRange;
  ParentShards: ShardIdList;
  ShardId: ShardId;
}

export type ChildShardList = ChildShard[];

export interface Consumer {
  ConsumerARN: ConsumerARN;
  ConsumerCreationTimestamp: Timestamp;
  ConsumerName: ConsumerName;
  ConsumerStatus: ConsumerStatus;
}

export type ConsumerARN = string;

export type ConsumerCountObject = number;

export interface ConsumerDescription {
  ConsumerARN: ConsumerARN;
  ConsumerCreationTimestamp: Timestamp;
  ConsumerName: ConsumerName;
  ConsumerStatus: ConsumerStatus;
  StreamARN: StreamARN;
}

export type ConsumerList = Consumer[];

export type ConsumerName = string;

export type ConsumerStatus = 'CREATING' | 'DELETING' | 'ACTIVE';

export interface CreateStreamInput {
  MaxRecordSizeInKiB?: MaxRecordSizeInKiB;
  ShardCount?: PositiveIntegerObject;
  StreamModeDetails?: StreamModeDetails;
  StreamName: StreamName;
  Tags?: TagMap;
  WarmThroughputMiBps?: NaturalIntegerObject;
}

export type Data = Buffer;

export interface DecreaseStreamRetentionPeriodInput {
  RetentionPeriodHours: RetentionPeriodHours;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface DeleteResourcePolicyInput {
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
}

export interface DeleteStreamInput {
  EnforceConsumerDeletion?: BooleanObject;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface DeregisterStreamConsumerInput {
  ConsumerARN?: ConsumerARN;
  ConsumerName?: ConsumerName;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
}

export interface DescribeAccountSettingsInput {}

export interface DescribeAccountSettingsOutput {
  MinimumThroughputBillingCommitment?: MinimumThroughputBillingCommitmentOutput;
}

export interface DescribeLimitsInput {}

export interface DescribeLimitsOutput {
  OnDemandStreamCount: OnDemandStreamCountObject;
  OnDemandStreamCountLimit: OnDemandStreamCountLimitObject;
  OpenShardCount: ShardCountObject;
  ShardLimit: ShardCountObject;
}

export interface DescribeStreamConsumerInput {
  ConsumerARN?: ConsumerARN;
  ConsumerName?: ConsumerName;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
}

export interface DescribeStreamConsumerOutput {
  ConsumerDescription: ConsumerDescription;
}

export interface DescribeStreamInput {
  ExclusiveStartShardId?: ShardId;
  Limit?: DescribeStreamInputLimit;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type DescribeStreamInputLimit = number;

export interface DescribeStreamOutput {
  StreamDescription: StreamDescription;
}

export interface DescribeStreamSummaryInput {
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface DescribeStreamSummaryOutput {
  StreamDescriptionSummary: StreamDescriptionSummary;
}

export interface DisableEnhancedMonitoringInput {
  ShardLevelMetrics: MetricsNameList;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface EnableEnhancedMonitoringInput {
  ShardLevelMetrics: MetricsNameList;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type EncryptionType = 'NONE' | 'KMS';

export interface EnhancedMetrics {
  ShardLevelMetrics?: MetricsNameList;
}

export type EnhancedMonitoringList = EnhancedMetrics[];

export interface EnhancedMonitoringOutput {
  CurrentShardLevelMetrics?: MetricsNameList;
  DesiredShardLevelMetrics?: MetricsNameList;
  StreamARN?: StreamARN;
  StreamName?: StreamName;
}

export type ErrorCode = string;

export type ErrorMessage = string;

export interface GetRecordsInput {
  Limit?: GetRecordsInputLimit;
  ShardIterator: ShardIterator;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
}

export type GetRecordsInputLimit = number;

export interface GetRecordsOutput {
  ChildShards?: ChildShardList;
  MillisBehindLatest?: MillisBehindLatest;
  NextShardIterator?: ShardIterator;
  Records: RecordList;
}

export interface GetResourcePolicyInput {
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
}

export interface GetResourcePolicyOutput {
  Policy: Policy;
}

export interface GetShardIteratorInput {
  ShardId: ShardId;
  ShardIteratorType: ShardIteratorType;
  StartingSequenceNumber?: SequenceNumber;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
  Timestamp?: Timestamp;
}

export interface GetShardIteratorOutput {
  ShardIterator?: ShardIterator;
}

export type HashKey = string;

export interface HashKeyRange {
  EndingHashKey: HashKey;
  StartingHashKey: HashKey;
}

export interface IncreaseStreamRetentionPeriodInput {
  RetentionPeriodHours: RetentionPeriodHours;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type KeyId = string;

export interface ListShardsInput {
  ExclusiveStartShardId?: ShardId;
  MaxResults?: ListShardsInputLimit;
  NextToken?: NextToken;
  ShardFilter?: ShardFilter;
  StreamARN?: StreamARN;
  StreamCreationTimestamp?: Timestamp;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type ListShardsInputLimit = number;

export interface ListShardsOutput {
  NextToken?: NextToken;
  Shards?: ShardList;
}

export interface ListStreamConsumersInput {
  MaxResults?: ListStreamConsumersInputLimit;
  NextToken?: NextToken;
  StreamARN: StreamARN;
  StreamCreationTimestamp?: Timestamp;
  StreamId?: StreamId;
}

export type ListStreamConsumersInputLimit = number;

export interface ListStreamConsumersOutput {
  Consumers?: ConsumerList;
  NextToken?: NextToken;
}

export interface ListStreamsInput {
  ExclusiveStartStreamName?: StreamName;
  Limit?: ListStreamsInputLimit;
  NextToken?: NextToken;
}

export type ListStreamsInputLimit = number;

export interface ListStreamsOutput {
  HasMoreStreams: BooleanObject;
  NextToken?: NextToken;
  StreamNames: StreamNameList;
  StreamSummaries?: StreamSummaryList;
}

export interface ListTagsForResourceInput {
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
}

export interface ListTagsForResourceOutput {
  Tags?: TagList;
}

export interface ListTagsForStreamInput {
  ExclusiveStartTagKey?: TagKey;
  Limit?: ListTagsForStreamInputLimit;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type ListTagsForStreamInputLimit = number;

export interface ListTagsForStreamOutput {
  HasMoreTags: BooleanObject;
  Tags: TagList;
}

export type MaxRecordSizeInKiB = number;

export interface MergeShardsInput {
  AdjacentShardToMerge: ShardId;
  ShardToMerge: ShardId;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type MetricsName = 'IncomingBytes' | 'IncomingRecords' | 'OutgoingBytes' | 'OutgoingRecords' | 'WriteProvisionedThroughputExceeded' | 'ReadProvisionedThroughputExceeded' | 'IteratorAgeMilliseconds' | 'ALL';

export type MetricsNameList = MetricsName[];

export type MillisBehindLatest = number;

export interface MinimumThroughputBillingCommitmentInput {
  Status: MinimumThroughputBillingCommitmentInputStatus;
}

export type MinimumThroughputBillingCommitmentInputStatus = 'ENABLED' | 'DISABLED';

export interface MinimumThroughputBillingCommitmentOutput {
  EarliestAllowedEndAt?: Timestamp;
  EndedAt?: Timestamp;
  StartedAt?: Timestamp;
  Status: MinimumThroughputBillingCommitmentOutputStatus;
}

export type MinimumThroughputBillingCommitmentOutputStatus = 'ENABLED' | 'DISABLED' | 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';

export type NaturalIntegerObject = number;

export type NextToken = string;

export type OnDemandStreamCountLimitObject = number;

export type OnDemandStreamCountObject = number;

export type PartitionKey = string;

export type Policy = string;

export type PositiveIntegerObject = number;

export interface PutRecordInput {
  Data: Data;
  ExplicitHashKey?: HashKey;
  PartitionKey: PartitionKey;
  SequenceNumberForOrdering?: SequenceNumber;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface PutRecordOutput {
  EncryptionType?: EncryptionType;
  SequenceNumber: SequenceNumber;
  ShardId: ShardId;
}

export interface PutRecordsInput {
  Records: PutRecordsRequestEntryList;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface PutRecordsOutput {
  EncryptionType?: EncryptionType;
  FailedRecordCount?: PositiveIntegerObject;
  Records: PutRecordsResultEntryList;
}

export interface PutRecordsRequestEntry {
  Data: Data;
  ExplicitHashKey?: HashKey;
  PartitionKey: PartitionKey;
}

export type PutRecordsRequestEntryList = PutRecordsRequestEntry[];

export interface PutRecordsResultEntry {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  SequenceNumber?: SequenceNumber;
  ShardId?: ShardId;
}

export type PutRecordsResultEntryList = PutRecordsResultEntry[];

export interface PutResourcePolicyInput {
  Policy: Policy;
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
}

export interface Record_ {
  ApproximateArrivalTimestamp?: Timestamp;
  Data: Data;
  EncryptionType?: EncryptionType;
  PartitionKey: PartitionKey;
  SequenceNumber: SequenceNumber;
}

export type RecordList = Record_[];

export interface RegisterStreamConsumerInput {
  ConsumerName: ConsumerName;
  StreamARN: StreamARN;
  StreamId?: StreamId;
  Tags?: TagMap;
}

export interface RegisterStreamConsumerOutput {
  Consumer: Consumer;
}

export interface RemoveTagsFromStreamInput {
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
  TagKeys: TagKeyList;
}

export type ResourceARN = string;

export type RetentionPeriodHours = number;

export type ScalingType = 'UNIFORM_SCALING';

export type SequenceNumber = string;

export interface SequenceNumberRange {
  EndingSequenceNumber?: SequenceNumber;
  StartingSequenceNumber: SequenceNumber;
}

export interface Shard {
  AdjacentParentShardId?: ShardId;
  HashKeyRange: HashKeyRange;
  ParentShardId?: ShardId;
  SequenceNumberRange: SequenceNumberRange;
  ShardId: ShardId;
}

export type ShardCountObject = number;

export interface ShardFilter {
  ShardId?: ShardId;
  Timestamp?: Timestamp;
  Type: ShardFilterType;
}

export type ShardFilterType = 'AFTER_SHARD_ID' | 'AT_TRIM_HORIZON' | 'FROM_TRIM_HORIZON' | 'AT_LATEST' | 'AT_TIMESTAMP' | 'FROM_TIMESTAMP';

export type ShardId = string;

export type ShardIdList = ShardId[];

export type ShardIterator = string;

export type ShardIteratorType = 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

export type ShardList = Shard[];

export interface SplitShardInput {
  NewStartingHashKey: HashKey;
  ShardToSplit: ShardId;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface StartStreamEncryptionInput {
  EncryptionType: EncryptionType;
  KeyId: KeyId;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export interface StartingPosition {
  SequenceNumber?: SequenceNumber;
  Timestamp?: Timestamp;
  Type: ShardIteratorType;
}

export interface StopStreamEncryptionInput {
  EncryptionType: EncryptionType;
  KeyId: KeyId;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
}

export type StreamARN = string;

export interface StreamDescription {
  EncryptionType?: EncryptionType;
  EnhancedMonitoring: EnhancedMonitoringList;
  HasMoreShards: BooleanObject;
  KeyId?: KeyId;
  RetentionPeriodHours: RetentionPeriodHours;
  Shards: ShardList;
  StreamARN: StreamARN;
  StreamCreationTimestamp: Timestamp;
  StreamModeDetails?: StreamModeDetails;
  StreamName: StreamName;
  StreamStatus: StreamStatus;
}

export interface StreamDescriptionSummary {
  ConsumerCount?: ConsumerCountObject;
  EncryptionType?: EncryptionType;
  EnhancedMonitoring: EnhancedMonitoringList;
  KeyId?: KeyId;
  MaxRecordSizeInKiB?: MaxRecordSizeInKiB;
  OpenShardCount: ShardCountObject;
  RetentionPeriodHours: RetentionPeriodHours;
  StreamARN: StreamARN;
  StreamCreationTimestamp: Timestamp;
  StreamId?: StreamId;
  StreamModeDetails?: StreamModeDetails;
  StreamName: StreamName;
  StreamStatus: StreamStatus;
  WarmThroughput?: WarmThroughputObject;
}

export type StreamId = string;

export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

export interface StreamModeDetails {
  StreamMode: StreamMode;
}

export type StreamName = string;

export type StreamNameList = StreamName[];

export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';

export interface StreamSummary {
  StreamARN: StreamARN;
  StreamCreationTimestamp?: Timestamp;
  StreamModeDetails?: StreamModeDetails;
  StreamName: StreamName;
  StreamStatus: StreamStatus;
}

export type StreamSummaryList = StreamSummary[];

export interface SubscribeToShardEvent {
  ChildShards?: ChildShardList;
  ContinuationSequenceNumber: SequenceNumber;
  MillisBehindLatest: MillisBehindLatest;
  Records: RecordList;
}

export interface SubscribeToShardEventStream {
  InternalFailureException?: InternalFailureException;
  KMSAccessDeniedException?: KMSAccessDeniedException;
  KMSDisabledException?: KMSDisabledException;
  KMSInvalidStateException?: KMSInvalidStateException;
  KMSNotFoundException?: KMSNotFoundException;
  KMSOptInRequired?: KMSOptInRequired;
  KMSThrottlingException?: KMSThrottlingException;
  ResourceInUseException?: ResourceInUseException;
  ResourceNotFoundException?: ResourceNotFoundException;
  SubscribeToShardEvent: SubscribeToShardEvent;
}

export interface SubscribeToShardInput {
  ConsumerARN: ConsumerARN;
  ShardId: ShardId;
  StartingPosition: StartingPosition;
  StreamId?: StreamId;
}

export interface SubscribeToShardOutput {
  EventStream: SubscribeToShardEventStream;
}

export interface Tag {
  Key: TagKey;
  Value?: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = Tag[];

export type TagMap = Record<string, TagValue>;

export interface TagResourceInput {
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
  Tags: TagMap;
}

export type TagValue = string;

export type Timestamp = Date;

export interface UntagResourceInput {
  ResourceARN: ResourceARN;
  StreamId?: StreamId;
  TagKeys: TagKeyList;
}

export interface UpdateAccountSettingsInput {
  MinimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentInput;
}

export interface UpdateAccountSettingsOutput {
  MinimumThroughputBillingCommitment?: MinimumThroughputBillingCommitmentOutput;
}

export interface UpdateMaxRecordSizeInput {
  MaxRecordSizeInKiB: MaxRecordSizeInKiB;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
}

export interface UpdateShardCountInput {
  ScalingType: ScalingType;
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
  TargetShardCount: PositiveIntegerObject;
}

export interface UpdateShardCountOutput {
  CurrentShardCount?: PositiveIntegerObject;
  StreamARN?: StreamARN;
  StreamName?: StreamName;
  TargetShardCount?: PositiveIntegerObject;
}

export interface UpdateStreamModeInput {
  StreamARN: StreamARN;
  StreamId?: StreamId;
  StreamModeDetails: StreamModeDetails;
  WarmThroughputMiBps?: NaturalIntegerObject;
}

export interface UpdateStreamWarmThroughputInput {
  StreamARN?: StreamARN;
  StreamId?: StreamId;
  StreamName?: StreamName;
  WarmThroughputMiBps: NaturalIntegerObject;
}

export interface UpdateStreamWarmThroughputOutput {
  StreamARN?: StreamARN;
  StreamName?: StreamName;
  WarmThroughput?: WarmThroughputObject;
}

export interface WarmThroughputObject {
  CurrentMiBps?: NaturalIntegerObject;
  TargetMiBps?: NaturalIntegerObject;
}

// Operations

export interface KinesisApi {
  AddTagsToStream(ctx: RequestContext, input: AddTagsToStreamInput): Promise<void>;
  CreateStream(ctx: RequestContext, input: CreateStreamInput): Promise<void>;
  DecreaseStreamRetentionPeriod(ctx: RequestContext, input: DecreaseStreamRetentionPeriodInput): Promise<void>;
  DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyInput): Promise<void>;
  DeleteStream(ctx: RequestContext, input: DeleteStreamInput): Promise<void>;
  DeregisterStreamConsumer(ctx: RequestContext, input: DeregisterStreamConsumerInput): Promise<void>;
  DescribeAccountSettings(ctx: RequestContext, input: DescribeAccountSettingsInput): Promise<DescribeAccountSettingsOutput>;
  DescribeLimits(ctx: RequestContext, input: DescribeLimitsInput): Promise<DescribeLimitsOutput>;
  DescribeStream(ctx: RequestContext, input: DescribeStreamInput): Promise<DescribeStreamOutput>;
  DescribeStreamConsumer(ctx: RequestContext, input: DescribeStreamConsumerInput): Promise<DescribeStreamConsumerOutput>;
  DescribeStreamSummary(ctx: RequestContext, input: DescribeStreamSummaryInput): Promise<DescribeStreamSummaryOutput>;
  DisableEnhancedMonitoring(ctx: RequestContext, input: DisableEnhancedMonitoringInput): Promise<EnhancedMonitoringOutput>;
  EnableEnhancedMonitoring(ctx: RequestContext, input: EnableEnhancedMonitoringInput): Promise<EnhancedMonitoringOutput>;
  GetRecords(ctx: RequestContext, input: GetRecordsInput): Promise<GetRecordsOutput>;
  GetResourcePolicy(ctx: RequestContext, input: GetResourcePolicyInput): Promise<GetResourcePolicyOutput>;
  GetShardIterator(ctx: RequestContext, input: GetShardIteratorInput): Promise<GetShardIteratorOutput>;
  IncreaseStreamRetentionPeriod(ctx: RequestContext, input: IncreaseStreamRetentionPeriodInput): Promise<void>;
  ListShards(ctx: RequestContext, input: ListShardsInput): Promise<ListShardsOutput>;
  ListStreamConsumers(ctx: RequestContext, input: ListStreamConsumersInput): Promise<ListStreamConsumersOutput>;
  ListStreams(ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput>;
  ListTagsForStream(ctx: RequestContext, input: ListTagsForStreamInput): Promise<ListTagsForStreamOutput>;
  MergeShards(ctx: RequestContext, input: MergeShardsInput): Promise<void>;
  PutRecord(ctx: RequestContext, input: PutRecordInput): Promise<PutRecordOutput>;
  PutRecords(ctx: RequestContext, input: PutRecordsInput): Promise<PutRecordsOutput>;
  PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyInput): Promise<void>;
  RegisterStreamConsumer(ctx: RequestContext, input: RegisterStreamConsumerInput): Promise<RegisterStreamConsumerOutput>;
  RemoveTagsFromStream(ctx: RequestContext, input: RemoveTagsFromStreamInput): Promise<void>;
  SplitShard(ctx: RequestContext, input: SplitShardInput): Promise<void>;
  StartStreamEncryption(ctx: RequestContext, input: StartStreamEncryptionInput): Promise<void>;
  StopStreamEncryption(ctx: RequestContext, input: StopStreamEncryptionInput): Promise<void>;
  SubscribeToShard(ctx: RequestContext, input: SubscribeToShardInput): Promise<SubscribeToShardOutput>;
  TagResource(ctx: RequestContext, input: TagResourceInput): Promise<void>;
  UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<void>;
  UpdateAccountSettings(ctx: RequestContext, input: UpdateAccountSettingsInput): Promise<UpdateAccountSettingsOutput>;
  UpdateMaxRecordSize(ctx: RequestContext, input: UpdateMaxRecordSizeInput): Promise<void>;
  UpdateShardCount(ctx: RequestContext, input: UpdateShardCountInput): Promise<UpdateShardCountOutput>;
  UpdateStreamMode(ctx: RequestContext, input: UpdateStreamModeInput): Promise<void>;
  UpdateStreamWarmThroughput(ctx: RequestContext, input: UpdateStreamWarmThroughputInput): Promise<UpdateStreamWarmThroughputOutput>;
}

export const operations = [
  'AddTagsToStream',
  'CreateStream',
  'DecreaseStreamRetentionPeriod',
  'DeleteResourcePolicy',
  'DeleteStream',
  'DeregisterStreamConsumer',
  'DescribeAccountSettings',
  'DescribeLimits',
  'DescribeStream',
  'DescribeStreamConsumer',
  'DescribeStreamSummary',
  'DisableEnhancedMonitoring',
  'EnableEnhancedMonitoring',
  'GetRecords',
  'GetResourcePolicy',
  'GetShardIterator',
  'IncreaseStreamRetentionPeriod',
  'ListShards',
  'ListStreamConsumers',
  'ListStreams',
  'ListTagsForResource',
  'ListTagsForStream',
  'MergeShards',
  'PutRecord',
  'PutRecords',
  'PutResourcePolicy',
  'RegisterStreamConsumer',
  'RemoveTagsFromStream',
  'SplitShard',
  'StartStreamEncryption',
  'StopStreamEncryption',
  'SubscribeToShard',
  'TagResource',
  'UntagResource',
  'UpdateAccountSettings',
  'UpdateMaxRecordSize',
  'UpdateShardCount',
  'UpdateStreamMode',
  'UpdateStreamWarmThroughput',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 400, { fields });
  }
}

export class ExpiredIteratorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredIteratorException', message, 400, { fields });
  }
}

export class ExpiredNextTokenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredNextTokenException', message, 400, { fields });
  }
}

export class InternalFailureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalFailureException', message, 400, { fields });
  }
}

export class InvalidArgumentException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidArgumentException', message, 400, { fields });
  }
}

export class KMSAccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSAccessDeniedException', message, 400, { fields });
  }
}

export class KMSDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSDisabledException', message, 400, { fields });
  }
}

export class KMSInvalidStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSInvalidStateException', message, 400, { fields });
  }
}

export class KMSNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSNotFoundException', message, 400, { fields });
  }
}

export class KMSOptInRequired extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSOptInRequired', message, 400, { fields });
  }
}

export class KMSThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSThrottlingException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class ProvisionedThroughputExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ProvisionedThroughputExceededException', message, 400, { fields });
  }
}

export class ResourceInUseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceInUseException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}

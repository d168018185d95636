// Generated from models/aws/dynamodb/service-2.json (API version 2012-08-10) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type ApproximateCreationDateTimePrecision = 'MILLISECOND' | 'MICROSECOND';

export type ArchivalReason = string;

export interface ArchivalSummary {
  ArchivalBackupArn?: BackupArn;
  ArchivalDateTime?: Date_;
  ArchivalReason?: ArchivalReason;
}

export type AttributeAction = 'ADD' | 'PUT' | 'DELETE';

export interface AttributeDefinition {
  AttributeName: KeySchemaAttributeName;
  AttributeType: ScalarAttributeType;
}

export type AttributeDefinitions = AttributeDefinition[];

export type AttributeMap = Record<string, AttributeValue>;

export type AttributeName = string;

export type AttributeNameList = AttributeName[];

export type AttributeUpdates = Record<string, AttributeValueUpdate>;

export interface AttributeValue {
  B?: BinaryAttributeValue;
  BOOL?: BooleanAttributeValue;
  BS?: BinarySetAttributeValue;
  L?: ListAttributeValue;
  M?: MapAttributeValue;
  N?: NumberAttributeValue;
  NS?: NumberSetAttributeValue;
  NULL?: NullAttributeValue;
  S?: StringAttributeValue;
  SS?: StringSetAttributeValue;
}

export type AttributeValueList = AttributeValue[];

export interface AttributeValueUpdate {
  Action?: AttributeAction;
  Value?: AttributeValue;
}

export interface AutoScalingPolicyDescription {
  PolicyName?: AutoScalingPolicyName;
  TargetTrackingScalingPolicyConfiguration?: AutoScalingTargetTrackingScalingPolicyConfigurationDescription;
}

export type AutoScalingPolicyDescriptionList = AutoScalingPolicyDescription[];

export type AutoScalingPolicyName = string;

export interface AutoScalingPolicyUpdate {
  PolicyName?: AutoScalingPolicyName;
  TargetTrackingScalingPolicyConfiguration: AutoScalingTargetTrackingScalingPolicyConfigurationUpdate;
}

export type AutoScalingRoleArn = string;

export interface AutoScalingSettingsDescription {
  AutoScalingDisabled?: BooleanObject;
  AutoScalingRoleArn?: String_;
  MaximumUnits?: PositiveLongObject;
  MinimumUnits?: PositiveLongObject;
  ScalingPolicies?: AutoScalingPolicyDescriptionList;
}

export interface AutoScalingSettingsUpdate {
  AutoScalingDisabled?: BooleanObject;
  AutoScalingRoleArn?: AutoScalingRoleArn;
  MaximumUnits?: PositiveLongObject;
  MinimumUnits?: PositiveLongObject;
  ScalingPolicyUpdate?: AutoScalingPolicyUpdate;
}

export interface AutoScalingTargetTrackingScalingPolicyConfigurationDescription {
  DisableScaleIn?: BooleanObject;
  ScaleInCooldown?: IntegerObject;
  ScaleOutCooldown?: IntegerObject;
  TargetValue: DoubleObject;
}

export interface AutoScalingTargetTrackingScalingPolicyConfigurationUpdate {
  DisableScaleIn?: BooleanObject;
  ScaleInCooldown?: IntegerObject;
  ScaleOutCooldown?: IntegerObject;
  TargetValue: DoubleObject;
}

export type AvailabilityErrorMessage = string;

export type Backfilling = boolean;

export type BackupArn = string;

export type BackupCreationDateTime = Date;

export interface BackupDescription {
  BackupDetails?: BackupDetails;
  SourceTableDetails?: SourceTableDetails;
  SourceTableFeatureDetails?: SourceTableFeatureDetails;
}

export interface BackupDetails {
  BackupArn: BackupArn;
  BackupCreationDateTime: BackupCreationDateTime;
  BackupExpiryDateTime?: Date_;
  BackupName: BackupName;
  BackupSizeBytes?: BackupSizeBytes;
  BackupStatus: BackupStatus;
  BackupType: BackupType;
}

export type BackupName = string;

export type BackupSizeBytes = number;

export type BackupStatus = 'CREATING' | 'DELETED' | 'AVAILABLE';

export type BackupSummaries = BackupSummary[];

export interface BackupSummary {
  BackupArn?: BackupArn;
  BackupCreationDateTime?: BackupCreationDateTime;
  BackupExpiryDateTime?: Date_;
  BackupName?: BackupName;
  BackupSizeBytes?: BackupSizeBytes;
  BackupStatus?: BackupStatus;
  BackupType?: BackupType;
  TableArn?: TableArn;
  TableId?: TableId;
  TableName?: TableName;
}

export type BackupType = 'USER' | 'SYSTEM' | 'AWS_BACKUP';

export type BackupTypeFilter = 'USER' | 'SYSTEM' | 'AWS_BACKUP' | 'ALL';

export type BackupsInputLimit = number;

export interface BatchExecuteStatementInput {
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  Statements: PartiQLBatchRequest;
}

export interface BatchExecuteStatementOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  Responses?: PartiQLBatchResponse;
}

export interface BatchGetItemInput {
  RequestItems: BatchGetRequestMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}

export interface BatchGetItemOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  Responses?: BatchGetResponseMap;
  UnprocessedKeys?: BatchGetRequestMap;
}

export type BatchGetRequestMap = Record<string, KeysAndAttributes>;

export type BatchGetResponseMap = Record<string, ItemList>;

export interface BatchStatementError {
  Code?: BatchStatementErrorCodeEnum;
  Item?: AttributeMap;
  Message?: String_;
}

export type BatchStatementErrorCodeEnum = 'ConditionalCheckFailed' | 'ItemCollectionSizeLimitExceeded' | 'RequestLimitExceeded' | 'ValidationError' | 'ProvisionedThroughputExceeded' | 'TransactionConflict' | 'ThrottlingError' | 'InternalServerError' | 'ResourceNotFound' | 'AccessDenied' | 'DuplicateItem';

export interface BatchStatementRequest {
  ConsistentRead?: ConsistentRead;
  Parameters?: PreparedStatementParameters;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  Statement: PartiQLStatement;
}

export interface BatchStatementResponse {
  Error?: BatchStatementError;
  Item?: AttributeMap;
  TableName?: TableName;
}

export interface BatchWriteItemInput {
  RequestItems: BatchWriteItemRequestMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
}

export interface BatchWriteItemOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  ItemCollectionMetrics?: ItemCollectionMetricsPerTable;
  UnprocessedItems?: BatchWriteItemRequestMap;
}

export type BatchWriteItemRequestMap = Record<string, WriteRequests>;

export type BilledSizeBytes = number;

export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';

export interface BillingModeSummary {
  BillingMode?: BillingMode;
  LastUpdateToPayPerRequestDateTime?: Date_;
}

export type BinaryAttributeValue = Buffer;

export type BinarySetAttributeValue = BinaryAttributeValue[];

export type BooleanAttributeValue = boolean;

export type BooleanObject = boolean;

export interface CancellationReason {
  Code?: Code;
  Item?: AttributeMap;
  Message?: ErrorMessage;
}

export type CancellationReasonList = CancellationReason[];

export interface Capacity {
  CapacityUnits?: ConsumedCapacityUnits;
  ReadCapacityUnits?: ConsumedCapacityUnits;
  WriteCapacityUnits?: ConsumedCapacityUnits;
}

export type ClientRequestToken = string;

export type ClientToken = string;

export type CloudWatchLogGroupArn = string;

export type Code = string;

export type ComparisonOperator = 'EQ' | 'NE' | 'IN' | 'LE' | 'LT' | 'GE' | 'GT' | 'BETWEEN' | 'NOT_NULL' | 'NULL' | 'CONTAINS' | 'NOT_CONTAINS' | 'BEGINS_WITH';

export interface Condition {
  AttributeValueList?: AttributeValueList;
  ComparisonOperator: ComparisonOperator;
}

export interface ConditionCheck {
  ConditionExpression: ConditionExpression;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Key: Key;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
}

export type ConditionExpression = string;

export type ConditionalOperator = 'AND' | 'OR';

export type ConfirmRemoveSelfResourceAccess = boolean;

export type ConsistentRead = boolean;

export interface ConsumedCapacity {
  CapacityUnits?: ConsumedCapacityUnits;
  GlobalSecondaryIndexes?: SecondaryIndexesCapacityMap;
  LocalSecondaryIndexes?: SecondaryIndexesCapacityMap;
  ReadCapacityUnits?: ConsumedCapacityUnits;
  Table?: Capacity;
  TableName?: TableArn;
  WriteCapacityUnits?: ConsumedCapacityUnits;
}

export type ConsumedCapacityMultiple = ConsumedCapacity[];

export type ConsumedCapacityUnits = number;

export interface ContinuousBackupsDescription {
  ContinuousBackupsStatus: ContinuousBackupsStatus;
  PointInTimeRecoveryDescription?: PointInTimeRecoveryDescription;
}

export type ContinuousBackupsStatus = 'ENABLED' | 'DISABLED';

export type ContributorInsightsAction = 'ENABLE' | 'DISABLE';

export type ContributorInsightsMode = 'ACCESSED_AND_THROTTLED_KEYS' | 'THROTTLED_KEYS';

export type ContributorInsightsRule = string;

export type ContributorInsightsRuleList = ContributorInsightsRule[];

export type ContributorInsightsStatus = 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED' | 'FAILED';

export type ContributorInsightsSummaries = ContributorInsightsSummary[];

export interface ContributorInsightsSummary {
  ContributorInsightsMode?: ContributorInsightsMode;
  ContributorInsightsStatus?: ContributorInsightsStatus;
  IndexName?: IndexName;
  TableName?: TableName;
}

export interface CreateBackupInput {
  BackupName: BackupName;
  TableName: TableArn;
}

export interface CreateBackupOutput {
  BackupDetails?: BackupDetails;
}

export interface CreateGlobalSecondaryIndexAction {
  IndexName: IndexName;
  KeySchema: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  Projection: Projection;
  ProvisionedThroughput?: ProvisionedThroughput;
  WarmThroughput?: WarmThroughput;
}

export interface CreateGlobalTableInput {
  GlobalTableName: TableName;
  ReplicationGroup: ReplicaList;
}

export interface CreateGlobalTableOutput {
  GlobalTableDescription?: GlobalTableDescription;
}

export interface CreateGlobalTableWitnessGroupMemberAction {
  RegionName: RegionName;
}

export interface CreateReplicaAction {
  RegionName: RegionName;
}

export interface CreateReplicationGroupMemberAction {
  GlobalSecondaryIndexes?: ReplicaGlobalSecondaryIndexList;
  KMSMasterKeyId?: KMSMasterKeyId;
  OnDemandThroughputOverride?: OnDemandThroughputOverride;
  ProvisionedThroughputOverride?: ProvisionedThroughputOverride;
  RegionName: RegionName;
  TableClassOverride?: TableClass;
}

export interface CreateTableInput {
  AttributeDefinitions?: AttributeDefinitions;
  BillingMode?: BillingMode;
  DeletionProtectionEnabled?: DeletionProtectionEnabled;
  GlobalSecondaryIndexes?: GlobalSecondaryIndexList;
  GlobalTableSettingsReplicationMode?: GlobalTableSettingsReplicationMode;
  GlobalTableSourceArn?: TableArn;
  KeySchema?: KeySchema;
  LocalSecondaryIndexes?: LocalSecondaryIndexList;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput?: ProvisionedThroughput;
  ResourcePolicy?: ResourcePolicy;
  SSESpecification?: SSESpecification;
  StreamSpecification?: StreamSpecification;
  TableClass?: TableClass;
  TableName: TableArn;
  Tags?: TagList;
  WarmThroughput?: WarmThroughput;
}

export interface CreateTableOutput {
  TableDescription?: TableDescription;
}

export type CsvDelimiter = string;

export type CsvHeader = string;

export type CsvHeaderList = CsvHeader[];

export interface CsvOptions {
  Delimiter?: CsvDelimiter;
  HeaderList?: CsvHeaderList;
}

export type Date_ = Date;

export interface Delete {
  ConditionExpression?: ConditionExpression;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Key: Key;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
}

export interface DeleteBackupInput {
  BackupArn: BackupArn;
}

export interface DeleteBackupOutput {
  BackupDescription?: BackupDescription;
}

export interface DeleteGlobalSecondaryIndexAction {
  IndexName: IndexName;
}

export interface DeleteGlobalTableWitnessGroupMemberAction {
  RegionName: RegionName;
}

export interface DeleteItemInput {
  ConditionExpression?: ConditionExpression;
  ConditionalOperator?: ConditionalOperator;
  Expected?: ExpectedAttributeMap;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Key: Key;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValues?: ReturnValue;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
}

export interface DeleteItemOutput {
  Attributes?: AttributeMap;
  ConsumedCapacity?: ConsumedCapacity;
  ItemCollectionMetrics?: ItemCollectionMetrics;
}

export interface DeleteReplicaAction {
  RegionName: RegionName;
}

export interface DeleteReplicationGroupMemberAction {
  RegionName: RegionName;
}

export interface DeleteRequest {
  Key: Key;
}

export interface DeleteResourcePolicyInput {
  ExpectedRevisionId?: PolicyRevisionId;
  ResourceArn: ResourceArnString;
}

export interface DeleteResourcePolicyOutput {
  RevisionId?: PolicyRevisionId;
}

export interface DeleteTableInput {
  TableName: TableArn;
}

export interface DeleteTableOutput {
  TableDescription?: TableDescription;
}

export type DeletionProtectionEnabled = boolean;

export interface DescribeBackupInput {
  BackupArn: BackupArn;
}

export interface DescribeBackupOutput {
  BackupDescription?: BackupDescription;
}

export interface DescribeContinuousBackupsInput {
  TableName: TableArn;
}

export interface DescribeContinuousBackupsOutput {
  ContinuousBackupsDescription?: ContinuousBackupsDescription;
}

export interface DescribeContributorInsightsInput {
  IndexName?: IndexName;
  TableName: TableArn;
}

export interface DescribeContributorInsightsOutput {
  ContributorInsightsMode?: ContributorInsightsMode;
  ContributorInsightsRuleList?: ContributorInsightsRuleList;
  ContributorInsightsStatus?: ContributorInsightsStatus;
  FailureException?: FailureException;
  IndexName?: IndexName;
  LastUpdateDateTime?: LastUpdateDateTime;
  TableName?: TableName;
}

export interface DescribeEndpointsRequest {}

export interface DescribeEndpointsResponse {
  Endpoints: Endpoints;
}

export interface DescribeExportInput {
  ExportArn: ExportArn;
}

export interface DescribeExportOutput {
  ExportDescription?: ExportDescription;
}

export interface DescribeGlobalTableInput {
  GlobalTableName: TableName;
}

export interface DescribeGlobalTableOutput {
  GlobalTableDescription?: GlobalTableDescription;
}

export interface DescribeGlobalTableSettingsInput {
  GlobalTableName: TableName;
}

export interface DescribeGlobalTableSettingsOutput {
  GlobalTableName?: TableName;
  ReplicaSettings?: ReplicaSettingsDescriptionList;
}

export interface DescribeImportInput {
  ImportArn: ImportArn;
}

export interface DescribeImportOutput {
  ImportTableDescription: ImportTableDescription;
}

export interface DescribeKinesisStreamingDestinationInput {
  TableName: TableArn;
}

export interface DescribeKinesisStreamingDestinationOutput {
  KinesisDataStreamDestinations?: KinesisDataStreamDestinations;
  TableName?: TableName;
}

export interface DescribeLimitsInput {}

export interface DescribeLimitsOutput {
  AccountMaxReadCapacityUnits?: PositiveLongObject;
  AccountMaxWriteCapacityUnits?: PositiveLongObject;
  TableMaxReadCapacityUnits?: PositiveLongObject;
  TableMaxWriteCapacityUnits?: PositiveLongObject;
}

export interface DescribeTableInput {
  TableName: TableArn;
}

export interface DescribeTableOutput {
  Table?: TableDescription;
}

export interface DescribeTableReplicaAutoScalingInput {
  TableName: TableArn;
}

export interface DescribeTableReplicaAutoScalingOutput {
  TableAutoScalingDescription?: TableAutoScalingDescription;
}

export interface DescribeTimeToLiveInput {
  TableName: TableArn;
}

export interface DescribeTimeToLiveOutput {
  TimeToLiveDescription?: TimeToLiveDescription;
}

export type DestinationStatus = 'ENABLING' | 'ACTIVE' | 'DISABLING' | 'DISABLED' | 'ENABLE_FAILED' | 'UPDATING';

export type DoubleObject = number;

export interface EnableKinesisStreamingConfiguration {
  ApproximateCreationDateTimePrecision?: ApproximateCreationDateTimePrecision;
}

export interface Endpoint {
  Address: String_;
  CachePeriodInMinutes: Long;
}

export type Endpoints = Endpoint[];

export type ErrorCount = number;

export type ErrorMessage = string;

export type ExceptionDescription = string;

export type ExceptionName = string;

export interface ExecuteStatementInput {
  ConsistentRead?: ConsistentRead;
  Limit?: PositiveIntegerObject;
  NextToken?: PartiQLNextToken;
  Parameters?: PreparedStatementParameters;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  Statement: PartiQLStatement;
}

export interface ExecuteStatementOutput {
  ConsumedCapacity?: ConsumedCapacity;
  Items?: ItemList;
  LastEvaluatedKey?: Key;
  NextToken?: PartiQLNextToken;
}

export interface ExecuteTransactionInput {
  ClientRequestToken?: ClientRequestToken;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  TransactStatements: ParameterizedStatements;
}

export interface ExecuteTransactionOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  Responses?: ItemResponseList;
}

export type ExpectedAttributeMap = Record<string, ExpectedAttributeValue>;

export interface ExpectedAttributeValue {
  AttributeValueList?: AttributeValueList;
  ComparisonOperator?: ComparisonOperator;
  Exists?: BooleanObject;
  Value?: AttributeValue;
}

export type ExportArn = string;

export interface ExportDescription {
  BilledSizeBytes?: BilledSizeBytes;
  ClientToken?: ClientToken;
  EndTime?: ExportEndTime;
  ExportArn?: ExportArn;
  ExportFormat?: ExportFormat;
  ExportManifest?: ExportManifest;
  ExportStatus?: ExportStatus;
  ExportTime?: ExportTime;
  ExportType?: ExportType;
  FailureCode?: FailureCode;
  FailureMessage?: FailureMessage;
  IncrementalExportSpecification?: IncrementalExportSpecification;
  ItemCount?: ItemCount;
  S3Bucket?: S3Bucket;
  S3BucketOwner?: S3BucketOwner;
  S3Prefix?: S3Prefix;
  S3SseAlgorithm?: S3SseAlgorithm;
  S3SseKmsKeyId?: S3SseKmsKeyId;
  StartTime?: ExportStartTime;
  TableArn?: TableArn;
  TableId?: TableId;
}

export type ExportEndTime = Date;

export type ExportFormat = 'DYNAMODB_JSON' | 'ION';

export type ExportFromTime = Date;

export type ExportManifest = string;

export type ExportNextToken = string;

export type ExportStartTime = Date;

export type ExportStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export type ExportSummaries = ExportSummary[];

export interface ExportSummary {
  ExportArn?: ExportArn;
  ExportStatus?: ExportStatus;
  ExportType?: ExportType;
}

export interface ExportTableToPointInTimeInput {
  ClientToken?: ClientToken;
  ExportFormat?: ExportFormat;
  ExportTime?: ExportTime;
  ExportType?: ExportType;
  IncrementalExportSpecification?: IncrementalExportSpecification;
  S3Bucket: S3Bucket;
  S3BucketOwner?: S3BucketOwner;
  S3Prefix?: S3Prefix;
  S3SseAlgorithm?: S3SseAlgorithm;
  S3SseKmsKeyId?: S3SseKmsKeyId;
  TableArn: TableArn;
}

export interface ExportTableToPointInTimeOutput {
  ExportDescription?: ExportDescription;
}

export type ExportTime = Date;

export type ExportToTime = Date;

export type ExportType = 'FULL_EXPORT' | 'INCREMENTAL_EXPORT';

export type ExportViewType = 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';

export type ExpressionAttributeNameMap = Record<string, AttributeName>;

export type ExpressionAttributeNameVariable = string;

export type ExpressionAttributeValueMap = Record<string, AttributeValue>;

export type ExpressionAttributeValueVariable = string;

export type FailureCode = string;

export interface FailureException {
  ExceptionDescription?: ExceptionDescription;
  ExceptionName?: ExceptionName;
}

export type FailureMessage = string;

export type FilterConditionMap = Record<string, Condition>;

export interface Get {
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  Key: Key;
  ProjectionExpression?: ProjectionExpression;
  TableName: TableArn;
}

export interface GetItemInput {
  AttributesToGet?: AttributeNameList;
  ConsistentRead?: ConsistentRead;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  Key: Key;
  ProjectionExpression?: ProjectionExpression;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  TableName: TableArn;
}

export interface GetItemOutput {
  ConsumedCapacity?: ConsumedCapacity;
  Item?: AttributeMap;
}

export interface GetResourcePolicyInput {
  ResourceArn: ResourceArnString;
}

export interface GetResourcePolicyOutput {
  Policy?: ResourcePolicy;
  RevisionId?: PolicyRevisionId;
}

export interface GlobalSecondaryIndex {
  IndexName: IndexName;
  KeySchema: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  Projection: Projection;
  ProvisionedThroughput?: ProvisionedThroughput;
  WarmThroughput?: WarmThroughput;
}

export interface GlobalSecondaryIndexAutoScalingUpdate {
  IndexName?: IndexName;
  ProvisionedWriteCapacityAutoScalingUpdate?: AutoScalingSettingsUpdate;
}

export type GlobalSecondaryIndexAutoScalingUpdateList = GlobalSecondaryIndexAutoScalingUpdate[];

export interface GlobalSecondaryIndexDescription {
  Backfilling?: Backfilling;
  IndexArn?: String_;
  IndexName?: IndexName;
  IndexSizeBytes?: LongObject;
  IndexStatus?: IndexStatus;
  ItemCount?: LongObject;
  KeySchema?: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  Projection?: Projection;
  ProvisionedThroughput?: ProvisionedThroughputDescription;
  WarmThroughput?: GlobalSecondaryIndexWarmThroughputDescription;
}

export type GlobalSecondaryIndexDescriptionList = GlobalSecondaryIndexDescription[];

export interface GlobalSecondaryIndexInfo {
  IndexName?: IndexName;
  KeySchema?: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  Projection?: Projection;
  ProvisionedThroughput?: ProvisionedThroughput;
}

export type GlobalSecondaryIndexList = GlobalSecondaryIndex[];

export interface GlobalSecondaryIndexUpdate {
  Create?: CreateGlobalSecondaryIndexAction;
  Delete?: DeleteGlobalSecondaryIndexAction;
  Update?: UpdateGlobalSecondaryIndexAction;
}

export type GlobalSecondaryIndexUpdateList = GlobalSecondaryIndexUpdate[];

export interface GlobalSecondaryIndexWarmThroughputDescription {
  ReadUnitsPerSecond?: PositiveLongObject;
  Status?: IndexStatus;
  WriteUnitsPerSecond?: PositiveLongObject;
}

export type GlobalSecondaryIndexes = GlobalSecondaryIndexInfo[];

export interface GlobalTable {
  GlobalTableName?: TableName;
  ReplicationGroup?: ReplicaList;
}

export type GlobalTableArnString = string;

export interface GlobalTableDescription {
  CreationDateTime?: Date_;
  GlobalTableArn?: GlobalTableArnString;
  GlobalTableName?: TableName;
  GlobalTableStatus?: GlobalTableStatus;
  ReplicationGroup?: ReplicaDescriptionList;
}

export interface GlobalTableGlobalSecondaryIndexSettingsUpdate {
  IndexName: IndexName;
  ProvisionedWriteCapacityAutoScalingSettingsUpdate?: AutoScalingSettingsUpdate;
  ProvisionedWriteCapacityUnits?: PositiveLongObject;
}

export type GlobalTableGlobalSecondaryIndexSettingsUpdateList = GlobalTableGlobalSecondaryIndexSettingsUpdate[];

export type GlobalTableList = GlobalTable[];

export type GlobalTableSettingsReplicationMode = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_OVERRIDES';

export type GlobalTableStatus = 'CREATING' | 'ACTIVE' | 'DELETING' | 'UPDATING';

export interface GlobalTableWitnessDescription {
  RegionName?: RegionName;
  WitnessStatus?: WitnessStatus;
}

export type GlobalTableWitnessDescriptionList = GlobalTableWitnessDescription[];

export interface GlobalTableWitnessGroupUpdate {
  Create?: CreateGlobalTableWitnessGroupMemberAction;
  Delete?: DeleteGlobalTableWitnessGroupMemberAction;
}

export type GlobalTableWitnessGroupUpdateList = GlobalTableWitnessGroupUpdate[];

export type ImportArn = string;

export type ImportEndTime = Date;

export type ImportNextToken = string;

export type ImportStartTime = Date;

export type ImportStatus = 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface ImportSummary {
  CloudWatchLogGroupArn?: CloudWatchLogGroupArn;
  EndTime?: ImportEndTime;
  ImportArn?: ImportArn;
  ImportStatus?: ImportStatus;
  InputFormat?: InputFormat;
  S3BucketSource?: S3BucketSource;
  StartTime?: ImportStartTime;
  TableArn?: TableArn;
}

export type ImportSummaryList = ImportSummary[];

export interface ImportTableDescription {
  ClientToken?: ClientToken;
  CloudWatchLogGroupArn?: CloudWatchLogGroupArn;
  EndTime?: ImportEndTime;
  ErrorCount?: ErrorCount;
  FailureCode?: FailureCode;
  FailureMessage?: FailureMessage;
  ImportArn?: ImportArn;
  ImportStatus?: ImportStatus;
  ImportedItemCount?: ImportedItemCount;
  InputCompressionType?: InputCompressionType;
  InputFormat?: InputFormat;
  InputFormatOptions?: InputFormatOptions;
  ProcessedItemCount?: ProcessedItemCount;
  ProcessedSizeBytes?: LongObject;
  S3BucketSource?: S3BucketSource;
  StartTime?: ImportStartTime;
  TableArn?: TableArn;
  TableCreationParameters?: TableCreationParameters;
  TableId?: TableId;
}

export interface ImportTableInput {
  ClientToken?: ClientToken;
  InputCompressionType?: InputCompressionType;
  InputFormat: InputFormat;
  InputFormatOptions?: InputFormatOptions;
  S3BucketSource: S3BucketSource;
  TableCreationParameters: TableCreationParameters;
}

export interface ImportTableOutput {
  ImportTableDescription: ImportTableDescription;
}

export type ImportedItemCount = number;

export interface IncrementalExportSpecification {
  ExportFromTime?: ExportFromTime;
  ExportToTime?: ExportToTime;
  ExportViewType?: ExportViewType;
}

export type IndexName = string;

export type IndexStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';

export type InputCompressionType = 'GZIP' | 'ZSTD' | 'NONE';

export type InputFormat = 'DYNAMODB_JSON' | 'ION' | 'CSV';

export interface InputFormatOptions {
  Csv?: CsvOptions;
}

export type Integer = number;

export type IntegerObject = number;

export type ItemCollectionKeyAttributeMap = Record<string, AttributeValue>;

export interface ItemCollectionMetrics {
  ItemCollectionKey?: ItemCollectionKeyAttributeMap;
  SizeEstimateRangeGB?: ItemCollectionSizeEstimateRange;
}

export type ItemCollectionMetricsMultiple = ItemCollectionMetrics[];

export type ItemCollectionMetricsPerTable = Record<string, ItemCollectionMetricsMultiple>;

export type ItemCollectionSizeEstimateBound = number;

export type ItemCollectionSizeEstimateRange = ItemCollectionSizeEstimateBound[];

export type ItemCount = number;

export type ItemList = AttributeMap[];

export interface ItemResponse {
  Item?: AttributeMap;
}

export type ItemResponseList = ItemResponse[];

export type KMSMasterKeyArn = string;

export type KMSMasterKeyId = string;

export type Key = Record<string, AttributeValue>;

export type KeyConditions = Record<string, Condition>;

export type KeyExpression = string;

export type KeyList = Key[];

export type KeySchema = KeySchemaElement[];

export type KeySchemaAttributeName = string;

export interface KeySchemaElement {
  AttributeName: KeySchemaAttributeName;
  KeyType: KeyType;
}

export type KeyType = 'HASH' | 'RANGE';

export interface KeysAndAttributes {
  AttributesToGet?: AttributeNameList;
  ConsistentRead?: ConsistentRead;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  Keys: KeyList;
  ProjectionExpression?: ProjectionExpression;
}

export interface KinesisDataStreamDestination {
  ApproximateCreationDateTimePrecision?: ApproximateCreationDateTimePrecision;
  DestinationStatus?: DestinationStatus;
  DestinationStatusDescription?: String_;
  StreamArn?: StreamArn;
}

export type KinesisDataStreamDestinations = KinesisDataStreamDestination[];

export interface KinesisStreamingDestinationInput {
  EnableKinesisStreamingConfiguration?: EnableKinesisStreamingConfiguration;
  StreamArn: StreamArn;
  TableName: TableArn;
}

export interface KinesisStreamingDestinationOutput {
  DestinationStatus?: DestinationStatus;
  EnableKinesisStreamingConfiguration?: EnableKinesisStreamingConfiguration;
  StreamArn?: StreamArn;
  TableName?: TableName;
}

export type LastUpdateDateTime = Date;

export type ListAttributeValue = AttributeValue[];

export interface ListBackupsInput {
  BackupType?: BackupTypeFilter;
  ExclusiveStartBackupArn?: BackupArn;
  Limit?: BackupsInputLimit;
  TableName?: TableArn;
  TimeRangeLowerBound?: TimeRangeLowerBound;
  TimeRangeUpperBound?: TimeRangeUpperBound;
}

export interface ListBackupsOutput {
  BackupSummaries?: BackupSummaries;
  LastEvaluatedBackupArn?: BackupArn;
}

export interface ListContributorInsightsInput {
  MaxResults?: ListContributorInsightsLimit;
  NextToken?: NextTokenString;
  TableName?: TableArn;
}

export type ListContributorInsightsLimit = number;

export interface ListContributorInsightsOutput {
  ContributorInsightsSummaries?: ContributorInsightsSummaries;
  NextToken?: NextTokenString;
}

export interface ListExportsInput {
  MaxResults?: ListExportsMaxLimit;
  NextToken?: ExportNextToken;
  TableArn?: TableArn;
}

export type ListExportsMaxLimit = number;

export interface ListExportsOutput {
  ExportSummaries?: ExportSummaries;
  NextToken?: ExportNextToken;
}

export interface ListGlobalTablesInput {
  ExclusiveStartGlobalTableName?: TableName;
  Limit?: PositiveIntegerObject;
  RegionName?: RegionName;
}

export interface ListGlobalTablesOutput {
  GlobalTables?: GlobalTableList;
  LastEvaluatedGlobalTableName?: TableName;
}

export interface ListImportsInput {
  NextToken?: ImportNextToken;
  PageSize?: ListImportsMaxLimit;
  TableArn?: TableArn;
}

export type ListImportsMaxLimit = number;

export interface ListImportsOutput {
  ImportSummaryList?: ImportSummaryList;
  NextToken?: ImportNextToken;
}

export interface ListTablesInput {
  ExclusiveStartTableName?: TableName;
  Limit?: ListTablesInputLimit;
}

export type ListTablesInputLimit = number;

export interface ListTablesOutput {
  LastEvaluatedTableName?: TableName;
  TableNames?: TableNameList;
}

export interface ListTagsOfResourceInput {
  NextToken?: NextTokenString;
  ResourceArn: ResourceArnString;
}

export interface ListTagsOfResourceOutput {
  NextToken?: NextTokenString;
  Tags?: TagList;
}

export interface LocalSecondaryIndex {
  IndexName: IndexName;
  KeySchema: KeySchema;
  Projection: Projection;
}

export interface LocalSecondaryIndexDescription {
  IndexArn?: String_;
  IndexName?: IndexName;
  IndexSizeBytes?: LongObject;
  ItemCount?: LongObject;
  KeySchema?: KeySchema;
  Projection?: Projection;
}

export type LocalSecondaryIndexDescriptionList = LocalSecondaryIndexDescription[];

export interface LocalSecondaryIndexInfo {
  IndexName?: IndexName;
  KeySchema?: KeySchema;
  Projection?: Projection;
}

export type LocalSecondaryIndexList = LocalSecondaryIndex[];

export type LocalSecondaryIndexes = LocalSecondaryIndexInfo[];

export type Long = number;

export type LongObject = number;

export type MapAttributeValue = Record<string, AttributeValue>;

export type MultiRegionConsistency = 'EVENTUAL' | 'STRONG';

export type NextTokenString = string;

export type NonKeyAttributeName = string;

export type NonKeyAttributeNameList = NonKeyAttributeName[];

export type NonNegativeLongObject = number;

export type NullAttributeValue = boolean;

export type NumberAttributeValue = string;

export type NumberSetAttributeValue = NumberAttributeValue[];

export interface OnDemandThroughput {
  MaxReadRequestUnits?: LongObject;
  MaxWriteRequestUnits?: LongObject;
}

export interface OnDemandThroughputOverride {
  MaxReadRequestUnits?: LongObject;
}

export interface ParameterizedStatement {
  Parameters?: PreparedStatementParameters;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  Statement: PartiQLStatement;
}

export type ParameterizedStatements = ParameterizedStatement[];

export type PartiQLBatchRequest = BatchStatementRequest[];

export type PartiQLBatchResponse = BatchStatementResponse[];

export type PartiQLNextToken = string;

export type PartiQLStatement = string;

export interface PointInTimeRecoveryDescription {
  EarliestRestorableDateTime?: Date_;
  LatestRestorableDateTime?: Date_;
  PointInTimeRecoveryStatus?: PointInTimeRecoveryStatus;
  RecoveryPeriodInDays?: RecoveryPeriodInDays;
}

export interface PointInTimeRecoverySpecification {
  PointInTimeRecoveryEnabled: BooleanObject;
  RecoveryPeriodInDays?: RecoveryPeriodInDays;
}

export type PointInTimeRecoveryStatus = 'ENABLED' | 'DISABLED';

export type PolicyRevisionId = string;

export type PositiveIntegerObject = number;

export type PositiveLongObject = number;

export type PreparedStatementParameters = AttributeValue[];

export type ProcessedItemCount = number;

export interface Projection {
  NonKeyAttributes?: NonKeyAttributeNameList;
  ProjectionType?: ProjectionType;
}

export type ProjectionExpression = string;

export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface ProvisionedThroughput {
  ReadCapacityUnits: PositiveLongObject;
  WriteCapacityUnits: PositiveLongObject;
}

export interface ProvisionedThroughputDescription {
  LastDecreaseDateTime?: Date_;
  LastIncreaseDateTime?: Date_;
  NumberOfDecreasesToday?: PositiveLongObject;
  ReadCapacityUnits?: NonNegativeLongObject;
  WriteCapacityUnits?: NonNegativeLongObject;
}

export interface ProvisionedThroughputOverride {
  ReadCapacityUnits?: PositiveLongObject;
}

export interface Put {
  ConditionExpression?: ConditionExpression;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Item: PutItemInputAttributeMap;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
}

export interface PutItemInput {
  ConditionExpression?: ConditionExpression;
  ConditionalOperator?: ConditionalOperator;
  Expected?: ExpectedAttributeMap;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Item: PutItemInputAttributeMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValues?: ReturnValue;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
}

export type PutItemInputAttributeMap = Record<string, AttributeValue>;

export interface PutItemOutput {
  Attributes?: AttributeMap;
  ConsumedCapacity?: ConsumedCapacity;
  ItemCollectionMetrics?: ItemCollectionMetrics;
}

export interface PutRequest {
  Item: PutItemInputAttributeMap;
}

export interface PutResourcePolicyInput {
  ConfirmRemoveSelfResourceAccess?: ConfirmRemoveSelfResourceAccess;
  ExpectedRevisionId?: PolicyRevisionId;
  Policy: ResourcePolicy;
  ResourceArn: ResourceArnString;
}

export interface PutResourcePolicyOutput {
  RevisionId?: PolicyRevisionId;
}

export interface QueryInput {
  AttributesToGet?: AttributeNameList;
  ConditionalOperator?: ConditionalOperator;
  ConsistentRead?: ConsistentRead;
  ExclusiveStartKey?: Key;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  FilterExpression?: ConditionExpression;
  IndexName?: IndexName;
  KeyConditionExpression?: KeyExpression;
  KeyConditions?: KeyConditions;
  Limit?: PositiveIntegerObject;
  ProjectionExpression?: ProjectionExpression;
  QueryFilter?: FilterConditionMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ScanIndexForward?: BooleanObject;
  Select?: Select;
  TableName: TableArn;
}

export interface QueryOutput {
  ConsumedCapacity?: ConsumedCapacity;
  Count?: Integer;
  Items?: ItemList;
  LastEvaluatedKey?: Key;
  ScannedCount?: Integer;
}

export type Reason = string;

export type RecoveryPeriodInDays = number;

export type RegionName = string;

export interface Replica {
  RegionName?: RegionName;
}

export interface ReplicaAutoScalingDescription {
  GlobalSecondaryIndexes?: ReplicaGlobalSecondaryIndexAutoScalingDescriptionList;
  RegionName?: RegionName;
  ReplicaProvisionedReadCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ReplicaProvisionedWriteCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ReplicaStatus?: ReplicaStatus;
}

export type ReplicaAutoScalingDescriptionList = ReplicaAutoScalingDescription[];

export interface ReplicaAutoScalingUpdate {
  RegionName: RegionName;
  ReplicaGlobalSecondaryIndexUpdates?: ReplicaGlobalSecondaryIndexAutoScalingUpdateList;
  ReplicaProvisionedReadCapacityAutoScalingUpdate?: AutoScalingSettingsUpdate;
}

export type ReplicaAutoScalingUpdateList = ReplicaAutoScalingUpdate[];

export interface ReplicaDescription {
  GlobalSecondaryIndexes?: ReplicaGlobalSecondaryIndexDescriptionList;
  GlobalTableSettingsReplicationMode?: GlobalTableSettingsReplicationMode;
  KMSMasterKeyId?: KMSMasterKeyId;
  OnDemandThroughputOverride?: OnDemandThroughputOverride;
  ProvisionedThroughputOverride?: ProvisionedThroughputOverride;
  RegionName?: RegionName;
  ReplicaArn?: String_;
  ReplicaInaccessibleDateTime?: Date_;
  ReplicaStatus?: ReplicaStatus;
  ReplicaStatusDescription?: ReplicaStatusDescription;
  ReplicaStatusPercentProgress?: ReplicaStatusPercentProgress;
  ReplicaTableClassSummary?: TableClassSummary;
  WarmThroughput?: TableWarmThroughputDescription;
}

export type ReplicaDescriptionList = ReplicaDescription[];

export interface ReplicaGlobalSecondaryIndex {
  IndexName: IndexName;
  OnDemandThroughputOverride?: OnDemandThroughputOverride;
  ProvisionedThroughputOverride?: ProvisionedThroughputOverride;
}

export interface ReplicaGlobalSecondaryIndexAutoScalingDescription {
  IndexName?: IndexName;
  IndexStatus?: IndexStatus;
  ProvisionedReadCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ProvisionedWriteCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
}

export type ReplicaGlobalSecondaryIndexAutoScalingDescriptionList = ReplicaGlobalSecondaryIndexAutoScalingDescription[];

export interface ReplicaGlobalSecondaryIndexAutoScalingUpdate {
  IndexName?: IndexName;
  ProvisionedReadCapacityAutoScalingUpdate?: AutoScalingSettingsUpdate;
}

export type ReplicaGlobalSecondaryIndexAutoScalingUpdateList = ReplicaGlobalSecondaryIndexAutoScalingUpdate[];

export interface ReplicaGlobalSecondaryIndexDescription {
  IndexName?: IndexName;
  OnDemandThroughputOverride?: OnDemandThroughputOverride;
  ProvisionedThroughputOverride?: ProvisionedThroughputOverride;
  WarmThroughput?: GlobalSecondaryIndexWarmThroughputDescription;
}

export type ReplicaGlobalSecondaryIndexDescriptionList = ReplicaGlobalSecondaryIndexDescription[];

export type ReplicaGlobalSecondaryIndexList = ReplicaGlobalSecondaryIndex[];

export interface ReplicaGlobalSecondaryIndexSettingsDescription {
  IndexName: IndexName;
  IndexStatus?: IndexStatus;
  ProvisionedReadCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ProvisionedReadCapacityUnits?: PositiveLongObject;
  ProvisionedWriteCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ProvisionedWriteCapacityUnits?: PositiveLongObject;
}

export type ReplicaGlobalSecondaryIndexSettingsDescriptionList = ReplicaGlobalSecondaryIndexSettingsDescription[];

export interface ReplicaGlobalSecondaryIndexSettingsUpdate {
  IndexName: IndexName;
  ProvisionedReadCapacityAutoScalingSettingsUpdate?: AutoScalingSettingsUpdate;
  ProvisionedReadCapacityUnits?: PositiveLongObject;
}

export type ReplicaGlobalSecondaryIndexSettingsUpdateList = ReplicaGlobalSecondaryIndexSettingsUpdate[];

export type ReplicaList = Replica[];

export interface ReplicaSettingsDescription {
  RegionName: RegionName;
  ReplicaBillingModeSummary?: BillingModeSummary;
  ReplicaGlobalSecondaryIndexSettings?: ReplicaGlobalSecondaryIndexSettingsDescriptionList;
  ReplicaProvisionedReadCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ReplicaProvisionedReadCapacityUnits?: NonNegativeLongObject;
  ReplicaProvisionedWriteCapacityAutoScalingSettings?: AutoScalingSettingsDescription;
  ReplicaProvisionedWriteCapacityUnits?: NonNegativeLongObject;
  ReplicaStatus?: ReplicaStatus;
  ReplicaTableClassSummary?: TableClassSummary;
}

export type ReplicaSettingsDescriptionList = ReplicaSettingsDescription[];

export interface ReplicaSettingsUpdate {
  RegionName: RegionName;
  ReplicaGlobalSecondaryIndexSettingsUpdate?: ReplicaGlobalSecondaryIndexSettingsUpdateList;
  ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate?: AutoScalingSettingsUpdate;
  ReplicaProvisionedReadCapacityUnits?: PositiveLongObject;
  ReplicaTableClass?: TableClass;
}

export type ReplicaSettingsUpdateList = ReplicaSettingsUpdate[];

export type ReplicaStatus = 'CREATING' | 'CREATION_FAILED' | 'UPDATING' | 'DELETING' | 'ACTIVE' | 'REGION_DISABLED' | 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' | 'ARCHIVING' | 'ARCHIVED' | 'REPLICATION_NOT_AUTHORIZED';

export type ReplicaStatusDescription = string;

export type ReplicaStatusPercentProgress = string;

export interface ReplicaUpdate {
  Create?: CreateReplicaAction;
  Delete?: DeleteReplicaAction;
}

export type ReplicaUpdateList = ReplicaUpdate[];

export interface ReplicationGroupUpdate {
  Create?: CreateReplicationGroupMemberAction;
  Delete?: DeleteReplicationGroupMemberAction;
  Update?: UpdateReplicationGroupMemberAction;
}

export type ReplicationGroupUpdateList = ReplicationGroupUpdate[];

export type Resource = string;

export type ResourceArnString = string;

export type ResourcePolicy = string;

export type RestoreInProgress = boolean;

export interface RestoreSummary {
  RestoreDateTime: Date_;
  RestoreInProgress: RestoreInProgress;
  SourceBackupArn?: BackupArn;
  SourceTableArn?: TableArn;
}

export interface RestoreTableFromBackupInput {
  BackupArn: BackupArn;
  BillingModeOverride?: BillingMode;
  GlobalSecondaryIndexOverride?: GlobalSecondaryIndexList;
  LocalSecondaryIndexOverride?: LocalSecondaryIndexList;
  OnDemandThroughputOverride?: OnDemandThroughput;
  ProvisionedThroughputOverride?: ProvisionedThroughput;
  SSESpecificationOverride?: SSESpecification;
  TargetTableName: TableName;
}

export interface RestoreTableFromBackupOutput {
  TableDescription?: TableDescription;
}

export interface RestoreTableToPointInTimeInput {
  BillingModeOverride?: BillingMode;
  GlobalSecondaryIndexOverride?: GlobalSecondaryIndexList;
  LocalSecondaryIndexOverride?: LocalSecondaryIndexList;
  OnDemandThroughputOverride?: OnDemandThroughput;
  ProvisionedThroughputOverride?: ProvisionedThroughput;
  RestoreDateTime?: Date_;
  SSESpecificationOverride?: SSESpecification;
  SourceTableArn?: TableArn;
  SourceTableName?: TableName;
  TargetTableName: TableName;
  UseLatestRestorableTime?: BooleanObject;
}

export interface RestoreTableToPointInTimeOutput {
  TableDescription?: TableDescription;
}

export type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';

export type ReturnItemCollectionMetrics = 'SIZE' | 'NONE';

export type ReturnValue = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export type ReturnValuesOnConditionCheckFailure = 'ALL_OLD' | 'NONE';

export type S3Bucket = string;

export type S3BucketOwner = string;

export interface S3BucketSource {
  S3Bucket: S3Bucket;
  S3BucketOwner?: S3BucketOwner;
  S3KeyPrefix?: S3Prefix;
}

export type S3Prefix = string;

export type S3SseAlgorithm = 'AES256' | 'KMS';

export type S3SseKmsKeyId = string;

export interface SSEDescription {
  InaccessibleEncryptionDateTime?: Date_;
  KMSMasterKeyArn?: KMSMasterKeyArn;
  SSEType?: SSEType;
  Status?: SSEStatus;
}

export type SSEEnabled = boolean;

export interface SSESpecification {
  Enabled?: SSEEnabled;
  KMSMasterKeyId?: KMSMasterKeyId;
  SSEType?: SSEType;
}

export type SSEStatus = 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED' | 'UPDATING';

export type SSEType = 'AES256' | 'KMS';

export type ScalarAttributeType = 'S' | 'N' | 'B';

export interface ScanInput {
  AttributesToGet?: AttributeNameList;
  ConditionalOperator?: ConditionalOperator;
  ConsistentRead?: ConsistentRead;
  ExclusiveStartKey?: Key;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  FilterExpression?: ConditionExpression;
  IndexName?: IndexName;
  Limit?: PositiveIntegerObject;
  ProjectionExpression?: ProjectionExpression;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ScanFilter?: FilterConditionMap;
  Segment?: ScanSegment;
  Select?: Select;
  TableName: TableArn;
  TotalSegments?: ScanTotalSegments;
}

export interface ScanOutput {
  ConsumedCapacity?: ConsumedCapacity;
  Count?: Integer;
  Items?: ItemList;
  LastEvaluatedKey?: Key;
  ScannedCount?: Integer;
}

export type ScanSegment = number;

export type ScanTotalSegments = number;

export type SecondaryIndexesCapacityMap = Record<string, Capacity>;

export type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

export interface SourceTableDetails {
  BillingMode?: BillingMode;
  ItemCount?: ItemCount;
  KeySchema: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput: ProvisionedThroughput;
  TableArn?: TableArn;
  TableCreationDateTime: TableCreationDateTime;
  TableId: TableId;
  TableName: TableName;
  TableSizeBytes?: LongObject;
}

export interface SourceTableFeatureDetails {
  GlobalSecondaryIndexes?: GlobalSecondaryIndexes;
  LocalSecondaryIndexes?: LocalSecondaryIndexes;
  SSEDescription?: SSEDescription;
  StreamDescription?: StreamSpecification;
  TimeToLiveDescription?: TimeToLiveDescription;
}

export type StreamArn = string;

export type StreamEnabled = boolean;

export interface StreamSpecification {
  StreamEnabled: StreamEnabled;
  StreamViewType?: StreamViewType;
}

export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export type String_ = string;

export type StringAttributeValue = string;

export type StringSetAttributeValue = StringAttributeValue[];

export type TableArn = string;

export interface TableAutoScalingDescription {
  Replicas?: ReplicaAutoScalingDescriptionList;
  TableName?: TableName;
  TableStatus?: TableStatus;
}

export type TableClass = 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';

export interface TableClassSummary {
  LastUpdateDateTime?: Date_;
  TableClass?: TableClass;
}

export type TableCreationDateTime = Date;

export interface TableCreationParameters {
  AttributeDefinitions: AttributeDefinitions;
  BillingMode?: BillingMode;
  GlobalSecondaryIndexes?: GlobalSecondaryIndexList;
  KeySchema: KeySchema;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput?: ProvisionedThroughput;
  SSESpecification?: SSESpecification;
  TableName: TableName;
}

export interface TableDescription {
  ArchivalSummary?: ArchivalSummary;
  AttributeDefinitions?: AttributeDefinitions;
  BillingModeSummary?: BillingModeSummary;
  CreationDateTime?: Date_;
  DeletionProtectionEnabled?: DeletionProtectionEnabled;
  GlobalSecondaryIndexes?: GlobalSecondaryIndexDescriptionList;
  GlobalTableSettingsReplicationMode?: GlobalTableSettingsReplicationMode;
  GlobalTableVersion?: String_;
  GlobalTableWitnesses?: GlobalTableWitnessDescriptionList;
  ItemCount?: LongObject;
  KeySchema?: KeySchema;
  LatestStreamArn?: StreamArn;
  LatestStreamLabel?: String_;
  LocalSecondaryIndexes?: LocalSecondaryIndexDescriptionList;
  MultiRegionConsistency?: MultiRegionConsistency;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput?: ProvisionedThroughputDescription;
  Replicas?: ReplicaDescriptionList;
  RestoreSummary?: RestoreSummary;
  SSEDescription?: SSEDescription;
  StreamSpecification?: StreamSpecification;
  TableArn?: String_;
  TableClassSummary?: TableClassSummary;
  TableId?: TableId;
  TableName?: TableName;
  TableSizeBytes?: LongObject;
  TableStatus?: TableStatus;
  WarmThroughput?: TableWarmThroughputDescription;
}

export type TableId = string;

export type TableName = string;

export type TableNameList = TableName[];

export type TableStatus = 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE' | 'INACCESSIBLE_ENCRYPTION_CREDENTIALS' | 'ARCHIVING' | 'ARCHIVED' | 'REPLICATION_NOT_AUTHORIZED';

export interface TableWarmThroughputDescription {
  ReadUnitsPerSecond?: PositiveLongObject;
  Status?: TableStatus;
  WriteUnitsPerSecond?: PositiveLongObject;
}

export interface Tag {
  Key: TagKeyString;
  Value: TagValueString;
}

export type TagKeyList = TagKeyString[];

export type TagKeyString = string;

export type TagList = Tag[];

export interface TagResourceInput {
  ResourceArn: ResourceArnString;
  Tags: TagList;
}

export type TagValueString = string;

export interface ThrottlingReason {
  reason?: Reason;
  resource?: Resource;
}

export type ThrottlingReasonList = ThrottlingReason[];

export type TimeRangeLowerBound = Date;

export type TimeRangeUpperBound = Date;

export type TimeToLiveAttributeName = string;

export interface TimeToLiveDescription {
  AttributeName?: TimeToLiveAttributeName;
  TimeToLiveStatus?: TimeToLiveStatus;
}

export type TimeToLiveEnabled = boolean;

export interface TimeToLiveSpecification {
  AttributeName: TimeToLiveAttributeName;
  Enabled: TimeToLiveEnabled;
}

export type TimeToLiveStatus = 'ENABLING' | 'DISABLING' | 'ENABLED' | 'DISABLED';

export interface TransactGetItem {
  Get: Get;
}

export type TransactGetItemList = TransactGetItem[];

export interface TransactGetItemsInput {
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  TransactItems: TransactGetItemList;
}

export interface TransactGetItemsOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  Responses?: ItemResponseList;
}

export interface TransactWriteItem {
  ConditionCheck?: ConditionCheck;
  Delete?: Delete;
  Put?: Put;
  Update?: Update;
}

export type TransactWriteItemList = TransactWriteItem[];

export interface TransactWriteItemsInput {
  ClientRequestToken?: ClientRequestToken;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  TransactItems: TransactWriteItemList;
}

export interface TransactWriteItemsOutput {
  ConsumedCapacity?: ConsumedCapacityMultiple;
  ItemCollectionMetrics?: ItemCollectionMetricsPerTable;
}

export interface UntagResourceInput {
  ResourceArn: ResourceArnString;
  TagKeys: TagKeyList;
}

export interface Update {
  ConditionExpression?: ConditionExpression;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Key: Key;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
  UpdateExpression: UpdateExpression;
}

export interface UpdateContinuousBackupsInput {
  PointInTimeRecoverySpecification: PointInTimeRecoverySpecification;
  TableName: TableArn;
}

export interface UpdateContinuousBackupsOutput {
  ContinuousBackupsDescription?: ContinuousBackupsDescription;
}

export interface UpdateContributorInsightsInput {
  ContributorInsightsAction: ContributorInsightsAction;
  ContributorInsightsMode?: ContributorInsightsMode;
  IndexName?: IndexName;
  TableName: TableArn;
}

export interface UpdateContributorInsightsOutput {
  ContributorInsightsMode?: ContributorInsightsMode;
  ContributorInsightsStatus?: ContributorInsightsStatus;
  IndexName?: IndexName;
  TableName?: TableName;
}

export type UpdateExpression = string;

export interface UpdateGlobalSecondaryIndexAction {
  IndexName: IndexName;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput?: ProvisionedThroughput;
  WarmThroughput?: WarmThroughput;
}

export interface UpdateGlobalTableInput {
  GlobalTableName: TableName;
  ReplicaUpdates: ReplicaUpdateList;
}

export interface UpdateGlobalTableOutput {
  GlobalTableDescription?: GlobalTableDescription;
}

export interface UpdateGlobalTableSettingsInput {
  GlobalTableBillingMode?: BillingMode;
  GlobalTableGlobalSecondaryIndexSettingsUpdate?: GlobalTableGlobalSecondaryIndexSettingsUpdateList;
  GlobalTableName: TableName;
  GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate?: AutoScalingSettingsUpdate;
  GlobalTableProvisionedWriteCapacityUnits?: PositiveLongObject;
  ReplicaSettingsUpdate?: ReplicaSettingsUpdateList;
}

export interface UpdateGlobalTableSettingsOutput {
  GlobalTableName?: TableName;
  ReplicaSettings?: ReplicaSettingsDescriptionList;
}

export interface UpdateItemInput {
  AttributeUpdates?: AttributeUpdates;
  ConditionExpression?: ConditionExpression;
  ConditionalOperator?: ConditionalOperator;
  Expected?: ExpectedAttributeMap;
  ExpressionAttributeNames?: ExpressionAttributeNameMap;
  ExpressionAttributeValues?: ExpressionAttributeValueMap;
  Key: Key;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: ReturnItemCollectionMetrics;
  ReturnValues?: ReturnValue;
  ReturnValuesOnConditionCheckFailure?: ReturnValuesOnConditionCheckFailure;
  TableName: TableArn;
  UpdateExpression?: UpdateExpression;
}

export interface UpdateItemOutput {
  Attributes?: AttributeMap;
  ConsumedCapacity?: ConsumedCapacity;
  ItemCollectionMetrics?: ItemCollectionMetrics;
}

export interface UpdateKinesisStreamingConfiguration {
  ApproximateCreationDateTimePrecision?: ApproximateCreationDateTimePrecision;
}

export interface UpdateKinesisStreamingDestinationInput {
  StreamArn: StreamArn;
  TableName: TableArn;
  UpdateKinesisStreamingConfiguration?: UpdateKinesisStreamingConfiguration;
}

export interface UpdateKinesisStreamingDestinationOutput {
  DestinationStatus?: DestinationStatus;
  StreamArn?: StreamArn;
  TableName?: TableName;
  UpdateKinesisStreamingConfiguration?: UpdateKinesisStreamingConfiguration;
}

export interface UpdateReplicationGroupMemberAction {
  GlobalSecondaryIndexes?: ReplicaGlobalSecondaryIndexList;
  KMSMasterKeyId?: KMSMasterKeyId;
  OnDemandThroughputOverride?: OnDemandThroughputOverride;
  ProvisionedThroughputOverride?: ProvisionedThroughputOverride;
  RegionName: RegionName;
  TableClassOverride?: TableClass;
}

export interface UpdateTableInput {
  AttributeDefinitions?: AttributeDefinitions;
  BillingMode?: BillingMode;
  DeletionProtectionEnabled?: DeletionProtectionEnabled;
  GlobalSecondaryIndexUpdates?: GlobalSecondaryIndexUpdateList;
  GlobalTableSettingsReplicationMode?: GlobalTableSettingsReplicationMode;
  GlobalTableWitnessUpdates?: GlobalTableWitnessGroupUpdateList;
  MultiRegionConsistency?: MultiRegionConsistency;
  OnDemandThroughput?: OnDemandThroughput;
  ProvisionedThroughput?: ProvisionedThroughput;
  ReplicaUpdates?: ReplicationGroupUpdateList;
  SSESpecification?: SSESpecification;
  StreamSpecification?: StreamSpecification;
  TableClass?: TableClass;
  TableName: TableArn;
  WarmThroughput?: WarmThroughput;
}

export interface UpdateTableOutput {
  TableDescription?: TableDescription;
}

export interface UpdateTableReplicaAutoScalingInput {
  GlobalSecondaryIndexUpdates?: GlobalSecondaryIndexAutoScalingUpdateList;
  ProvisionedWriteCapacityAutoScalingUpdate?: AutoScalingSettingsUpdate;
  ReplicaUpdates?: ReplicaAutoScalingUpdateList;
  TableName: TableArn;
}

export interface UpdateTableReplicaAutoScalingOutput {
  TableAutoScalingDescription?: TableAutoScalingDescription;
}

export interface UpdateTimeToLiveInput {
  TableName: TableArn;
  TimeToLiveSpecification: TimeToLiveSpecification;
}

export interface UpdateTimeToLiveOutput {
  TimeToLiveSpecification?: TimeToLiveSpecification;
}

export interface WarmThroughput {
  ReadUnitsPerSecond?: LongObject;
  WriteUnitsPerSecond?: LongObject;
}

export type WitnessStatus = 'CREATING' | 'DELETING' | 'ACTIVE';

export interface WriteRequest {
  DeleteRequest?: DeleteRequest;
  PutRequest?: PutRequest;
}

export type WriteRequests = WriteRequest[];

// Operations

export interface DynamoDBApi {
  BatchExecuteStatement(ctx: RequestContext, input: BatchExecuteStatementInput): Promise<BatchExecuteStatementOutput>;
  BatchGetItem(ctx: RequestContext, input: BatchGetItemInput): Promise<BatchGetItemOutput>;
  BatchWriteItem(ctx: RequestContext, input: BatchWriteItemInput): Promise<BatchWriteItemOutput>;
  CreateBackup(ctx: RequestContext, input: CreateBackupInput): Promise<CreateBackupOutput>;
  CreateGlobalTable(ctx: RequestContext, input: CreateGlobalTableInput): Promise<CreateGlobalTableOutput>;
  CreateTable(ctx: RequestContext, input: CreateTableInput): Promise<CreateTableOutput>;
  DeleteBackup(ctx: RequestContext, input: DeleteBackupInput): Promise<DeleteBackupOutput>;
  DeleteItem(ctx: RequestContext, input: DeleteItemInput): Promise<DeleteItemOutput>;
  DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyInput): Promise<DeleteResourcePolicyOutput>;
  DeleteTable(ctx: RequestContext, input: DeleteTableInput): Promise<DeleteTableOutput>;
  DescribeBackup(ctx: RequestContext, input: DescribeBackupInput): Promise<DescribeBackupOutput>;
  DescribeContinuousBackups(ctx: RequestContext, input: DescribeContinuousBackupsInput): Promise<DescribeContinuousBackupsOutput>;
  DescribeContributorInsights(ctx: RequestContext, input: DescribeContributorInsightsInput): Promise<DescribeContributorInsightsOutput>;
  DescribeEndpoints(ctx: RequestContext, input: DescribeEndpointsRequest): Promise<DescribeEndpointsResponse>;
  DescribeExport(ctx: RequestContext, input: DescribeExportInput): Promise<DescribeExportOutput>;
  DescribeGlobalTable(ctx: RequestContext, input: DescribeGlobalTableInput): Promise<DescribeGlobalTableOutput>;
  DescribeGlobalTableSettings(ctx: RequestContext, input: DescribeGlobalTableSettingsInput): Promise<DescribeGlobalTableSettingsOutput>;
  DescribeImport(ctx: RequestContext, input: DescribeImportInput): Promise<DescribeImportOutput>;
  DescribeKinesisStreamingDestination(ctx: RequestContext, input: DescribeKinesisStreamingDestinationInput): Promise<DescribeKinesisStreamingDestinationOutput>;
  DescribeLimits(ctx: RequestContext, input: DescribeLimitsInput): Promise<DescribeLimitsOutput>;
  DescribeTable(ctx: RequestContext, input: DescribeTableInput): Promise<DescribeTableOutput>;
  DescribeTableReplicaAutoScaling(ctx: RequestContext, input: DescribeTableReplicaAutoScalingInput): Promise<DescribeTableReplicaAutoScalingOutput>;
  DescribeTimeToLive(ctx: RequestContext, input: DescribeTimeToLiveInput): Promise<DescribeTimeToLiveOutput>;
  DisableKinesisStreamingDestination(ctx: RequestContext, input: KinesisStreamingDestinationInput): Promise<KinesisStreamingDestinationOutput>;
  EnableKinesisStreamingDestination(ctx: RequestContext, input: KinesisStreamingDestinationInput): Promise<KinesisStreamingDestinationOutput>;
  ExecuteStatement(ctx: RequestContext, input: ExecuteStatementInput): Promise<ExecuteStatementOutput>;
  ExecuteTransaction(ctx: RequestContext, input: ExecuteTransactionInput): Promise<ExecuteTransactionOutput>;
  ExportTableToPointInTime(ctx: RequestContext, input: ExportTableToPointInTimeInput): Promise<ExportTableToPointInTimeOutput>;
  GetItem(ctx: RequestContext, input: GetItemInput): Promise<GetItemOutput>;
  GetResourcePolicy(ctx: RequestContext, input: GetResourcePolicyInput): Promise<GetResourcePolicyOutput>;
  ImportTable(ctx: RequestContext, input: ImportTableInput): Promise<ImportTableOutput>;
  ListBackups(ctx: RequestContext, input: ListBackupsInput): Promise<ListBackupsOutput>;
  ListContributorInsights(ctx: RequestContext, input: ListContributorInsightsInput): Promise<ListContributorInsightsOutput>;
  ListExports(ctx: RequestContext, input: ListExportsInput): Promise<ListExportsOutput>;
  ListGlobalTables(ctx: RequestContext, input: ListGlobalTablesInput): Promise<ListGlobalTablesOutput>;
  ListImports(ctx: RequestContext, input: ListImportsInput): Promise<ListImportsOutput>;
  ListTables(ctx: RequestContext, input: ListTablesInput): Promise<ListTablesOutput>;
  ListTagsOfResource(ctx: RequestContext, input: ListTagsOfResourceInput): Promise<ListTagsOfResourceOutput>;
  PutItem(ctx: RequestContext, input: PutItemInput): Promise<PutItemOutput>;
  PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyInput): Promise<PutResourcePolicyOutput>;
  Query(ctx: RequestContext, input: QueryInput): Promise<QueryOutput>;
  RestoreTableFromBackup(ctx: RequestContext, input: RestoreTableFromBackupInput): Promise<RestoreTableFromBackupOutput>;
  RestoreTableToPointInTime(ctx: RequestContext, input: RestoreTableToPointInTimeInput): Promise<RestoreTableToPointInTimeOutput>;
  Scan(ctx: RequestContext, input: ScanInput): Promise<ScanOutput>;
  TagResource(ctx: RequestContext, input: TagResourceInput): Promise<void>;
  TransactGetItems(ctx: RequestContext, input: TransactGetItemsInput): Promise<TransactGetItemsOutput>;
  TransactWriteItems(ctx: RequestContext, input: TransactWriteItemsInput): Promise<TransactWriteItemsOutput>;
  UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<void>;
  UpdateContinuousBackups(ctx: RequestContext, input: UpdateContinuousBackupsInput): Promise<UpdateContinuousBackupsOutput>;
  UpdateContributorInsights(ctx: RequestContext, input: UpdateContributorInsightsInput): Promise<UpdateContributorInsightsOutput>;
  UpdateGlobalTable(ctx: RequestContext, input: UpdateGlobalTableInput): Promise<UpdateGlobalTableOutput>;
  UpdateGlobalTableSettings(ctx: RequestContext, input: UpdateGlobalTableSettingsInput): Promise<UpdateGlobalTableSettingsOutput>;
  UpdateItem(ctx: RequestContext, input: UpdateItemInput): Promise<UpdateItemOutput>;
  UpdateKinesisStreamingDestination(ctx: RequestContext, input: UpdateKinesisStreamingDestinationInput): Promise<UpdateKinesisStreamingDestinationOutput>;
  UpdateTable(ctx: RequestContext, input: UpdateTableInput): Promise<UpdateTableOutput>;
  UpdateTableReplicaAutoScaling(ctx: RequestContext, input: UpdateTableReplicaAutoScalingInput): Promise<UpdateTableReplicaAutoScalingOutput>;
  UpdateTimeToLive(ctx: RequestContext, input: UpdateTimeToLiveInput): Promise<UpdateTimeToLiveOutput>;
}

export const operations = [
  'BatchExecuteStatement',
  'BatchGetItem',
  'BatchWriteItem',
  'CreateBackup',
  'CreateGlobalTable',
  'CreateTable',
  'DeleteBackup',
  'DeleteItem',
  'DeleteResourcePolicy',
  'DeleteTable',
  'DescribeBackup',
  'DescribeContinuousBackups',
  'DescribeContributorInsights',
  'DescribeEndpoints',
  'DescribeExport',
  'DescribeGlobalTable',
  'DescribeGlobalTableSettings',
  'DescribeImport',
  'DescribeKinesisStreamingDestination',
  'DescribeLimits',
  'DescribeTable',
  'DescribeTableReplicaAutoScaling',
  'DescribeTimeToLive',
  'DisableKinesisStreamingDestination',
  'EnableKinesisStreamingDestination',
  'ExecuteStatement',
  'ExecuteTransaction',
  'ExportTableToPointInTime',
  'GetItem',
  'GetResourcePolicy',
  'ImportTable',
  'ListBackups',
  'ListContributorInsights',
  'ListExports',
  'ListGlobalTables',
  'ListImports',
  'ListTables',
  'ListTagsOfResource',
  'PutItem',
  'PutResourcePolicy',
  'Query',
  'RestoreTableFromBackup',
  'RestoreTableToPointInTime',
  'Scan',
  'TagResource',
  'TransactGetItems',
  'TransactWriteItems',
  'UntagResource',
  'UpdateContinuousBackups',
  'UpdateContributorInsights',
  'UpdateGlobalTable',
  'UpdateGlobalTableSettings',
  'UpdateItem',
  'UpdateKinesisStreamingDestination',
  'UpdateTable',
  'UpdateTableReplicaAutoScaling',
  'UpdateTimeToLive',
] as const;

// Errors

export class BackupInUseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BackupInUseException', message, 400, { fields });
  }
}

export class BackupNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BackupNotFoundException', message, 400, { fields });
  }
}

export class ConditionalCheckFailedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConditionalCheckFailedException', message, 400, { fields });
  }
}

export class ContinuousBackupsUnavailableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ContinuousBackupsUnavailableException', message, 400, { fields });
  }
}

export class DuplicateItemException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DuplicateItemException', message, 400, { fields });
  }
}

export class ExportConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExportConflictException', message, 400, { fields });
  }
}

export class ExportNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExportNotFoundException', message, 400, { fields });
  }
}

export class GlobalTableAlreadyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('GlobalTableAlreadyExistsException', message, 400, { fields });
  }
}

export class GlobalTableNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('GlobalTableNotFoundException', message, 400, { fields });
  }
}

export class IdempotentParameterMismatchException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IdempotentParameterMismatchException', message, 400, { fields });
  }
}

export class ImportConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ImportConflictException', message, 400, { fields });
  }
}

export class ImportNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ImportNotFoundException', message, 400, { fields });
  }
}

export class IndexNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IndexNotFoundException', message, 400, { fields });
  }
}

export class InternalServerError extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerError', message, 400, { fields });
  }
}

export class InvalidExportTimeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidExportTimeException', message, 400, { fields });
  }
}

export class InvalidRestoreTimeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRestoreTimeException', message, 400, { fields });
  }
}

export class ItemCollectionSizeLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ItemCollectionSizeLimitExceededException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class PointInTimeRecoveryUnavailableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PointInTimeRecoveryUnavailableException', message, 400, { fields });
  }
}

export class PolicyNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PolicyNotFoundException', message, 400, { fields });
  }
}

export class ProvisionedThroughputExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ProvisionedThroughputExceededException', message, 400, { fields });
  }
}

export class ReplicaAlreadyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReplicaAlreadyExistsException', message, 400, { fields });
  }
}

export class ReplicaNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReplicaNotFoundException', message, 400, { fields });
  }
}

export class ReplicatedWriteConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReplicatedWriteConflictException', message, 400, { fields });
  }
}

export class RequestLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RequestLimitExceeded', message, 400, { fields });
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

export class TableAlreadyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TableAlreadyExistsException', message, 400, { fields });
  }
}

export class TableInUseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TableInUseException', message, 400, { fields });
  }
}

export class TableNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TableNotFoundException', message, 400, { fields });
  }
}

export class ThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ThrottlingException', message, 400, { fields });
  }
}

export class TransactionCanceledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TransactionCanceledException', message, 400, { fields });
  }
}

export class TransactionConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TransactionConflictException', message, 400, { fields });
  }
}

export class TransactionInProgressException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TransactionInProgressException', message, 400, { fields });
  }
}

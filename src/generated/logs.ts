// Generated from models/aws/logs/service-2.json (API version 2014-03-28) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AccessPolicy = string;

export type AccountId = string;

export type AccountIds = AccountId[];

export type AccountPolicies = AccountPolicy[];

export interface AccountPolicy {
  accountId?: AccountId;
  lastUpdatedTime?: Timestamp;
  policyDocument?: AccountPolicyDocument;
  policyName?: PolicyName;
  policyType?: PolicyType;
  scope?: Scope;
  selectionCriteria?: SelectionCriteria;
}

export type AccountPolicyDocument = string;

export type ActionStatus = 'IN_PROGRESS' | 'CLIENT_ERROR' | 'FAILED' | 'COMPLETE';

export type AddKeyEntries = AddKeyEntry[];

export interface AddKeyEntry {
  key: Key;
  overwriteIfExists?: OverwriteIfExists;
  value: AddKeyValue;
}

export type AddKeyValue = string;

export interface AddKeys {
  entries: AddKeyEntries;
}

export type AggregateLogGroupSummaries = AggregateLogGroupSummary[];

export interface AggregateLogGroupSummary {
  groupingIdentifiers?: GroupingIdentifiers;
  logGroupCount?: LogGroupCount;
}

export type AllowedActionForAllowVendedLogsDeliveryForResource = string;

export type AllowedFieldDelimiters = FieldDelimiter[];

export type AllowedFields = RecordField[];

export type AmazonResourceName = string;

export type Anomalies = Anomaly[];

export interface Anomaly {
  active: Boolean_;
  anomalyDetectorArn: AnomalyDetectorArn;
  anomalyId: AnomalyId;
  description: Description;
  firstSeen: EpochMillis;
  histogram: Histogram;
  isPatternLevelSuppression?: Boolean_;
  lastSeen: EpochMillis;
  logGroupArnList: LogGroupArnList;
  logSamples: LogSamples;
  patternId: PatternId;
  patternRegex?: PatternRegex;
  patternString: PatternString;
  patternTokens: PatternTokens;
  priority?: Priority;
  state: State;
  suppressed?: Boolean_;
  suppressedDate?: EpochMillis;
  suppressedUntil?: EpochMillis;
}

export interface AnomalyDetector {
  anomalyDetectorArn?: AnomalyDetectorArn;
  anomalyDetectorStatus?: AnomalyDetectorStatus;
  anomalyVisibilityTime?: AnomalyVisibilityTime;
  creationTimeStamp?: EpochMillis;
  detectorName?: DetectorName;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: FilterPattern;
  kmsKeyId?: KmsKeyId;
  lastModifiedTimeStamp?: EpochMillis;
  logGroupArnList?: LogGroupArnList;
}

export type AnomalyDetectorArn = string;

export type AnomalyDetectorStatus = 'INITIALIZING' | 'TRAINING' | 'ANALYZING' | 'FAILED' | 'DELETED' | 'PAUSED';

export type AnomalyDetectors = AnomalyDetector[];

export type AnomalyId = string;

export type AnomalyVisibilityTime = number;

export type ApplyOnTransformedLogs = boolean;

export type Arn = string;

export interface AssociateKmsKeyRequest {
  kmsKeyId: KmsKeyId;
  logGroupName?: LogGroupName;
  resourceIdentifier?: ResourceIdentifier;
}

export interface AssociateSourceToS3TableIntegrationRequest {
  dataSource: DataSource;
  integrationArn: Arn;
}

export interface AssociateSourceToS3TableIntegrationResponse {
  identifier?: S3TableIntegrationSourceIdentifier;
}

export type Baseline = boolean;

export type BatchId = string;

export type BearerTokenAuthenticationEnabled = boolean;

export type Boolean_ = boolean;

export type BytesScannedValue = number;

export interface CSV {
  columns?: Columns;
  delimiter?: Delimiter;
  destination?: DestinationField;
  quoteCharacter?: QuoteCharacter;
  source?: Source;
}

export interface CancelExportTaskRequest {
  taskId: ExportTaskId;
}

export interface CancelImportTaskRequest {
  importId: ImportId;
}

export interface CancelImportTaskResponse {
  creationTime?: Timestamp;
  importId?: ImportId;
  importStatistics?: ImportStatistics;
  importStatus?: ImportStatus;
  lastUpdatedTime?: Timestamp;
}

export type ClientToken = string;

export type CollectionRetentionDays = number;

export type Column = string;

export type Columns = Column[];

export interface ConfigurationTemplate {
  allowedActionForAllowVendedLogsDeliveryForResource?: AllowedActionForAllowVendedLogsDeliveryForResource;
  allowedFieldDelimiters?: AllowedFieldDelimiters;
  allowedFields?: AllowedFields;
  allowedOutputFormats?: OutputFormats;
  allowedSuffixPathFields?: RecordFields;
  defaultDeliveryConfigValues?: ConfigurationTemplateDeliveryConfigValues;
  deliveryDestinationType?: DeliveryDestinationType;
  deliverySourceConfiguration?: DeliverySourceConfigurationSchemas;
  logType?: LogType;
  resourceType?: ResourceType;
  s3TablesIntegration?: S3TablesIntegration;
  service?: Service;
}

export interface ConfigurationTemplateDeliveryConfigValues {
  fieldDelimiter?: FieldDelimiter;
  recordFields?: RecordFields;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
}

export type ConfigurationTemplates = ConfigurationTemplate[];

export interface CopyValue {
  entries: CopyValueEntries;
}

export type CopyValueEntries = CopyValueEntry[];

export interface CopyValueEntry {
  overwriteIfExists?: OverwriteIfExists;
  source: Source;
  target: Target;
}

export type Count = number;

export interface CreateDeliveryRequest {
  deliveryDestinationArn: Arn;
  deliverySourceName: DeliverySourceName;
  fieldDelimiter?: FieldDelimiter;
  recordFields?: RecordFields;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
  tags?: Tags;
}

export interface CreateDeliveryResponse {
  delivery?: Delivery;
}

export interface CreateExportTaskRequest {
  destination: ExportDestinationBucket;
  destinationPrefix?: ExportDestinationPrefix;
  from: Timestamp;
  logGroupName: LogGroupName;
  logStreamNamePrefix?: LogStreamName;
  taskName?: ExportTaskName;
  to: Timestamp;
}

export interface CreateExportTaskResponse {
  taskId?: ExportTaskId;
}

export interface CreateImportTaskRequest {
  importFilter?: ImportFilter;
  importRoleArn: RoleArn;
  importSourceArn: Arn;
}

export interface CreateImportTaskResponse {
  creationTime?: Timestamp;
  importDestinationArn?: Arn;
  importId?: ImportId;
}

export interface CreateLogAnomalyDetectorRequest {
  anomalyVisibilityTime?: AnomalyVisibilityTime;
  detectorName?: DetectorName;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: FilterPattern;
  kmsKeyId?: DetectorKmsKeyArn;
  logGroupArnList: LogGroupArnList;
  tags?: Tags;
}

export interface CreateLogAnomalyDetectorResponse {
  anomalyDetectorArn?: AnomalyDetectorArn;
}

export interface CreateLogGroupRequest {
  deletionProtectionEnabled?: DeletionProtectionEnabled;
  kmsKeyId?: KmsKeyId;
  logGroupClass?: LogGroupClass;
  logGroupName: LogGroupName;
  tags?: Tags;
}

export interface CreateLogStreamRequest {
  logGroupName: LogGroupName;
  logStreamName: LogStreamName;
}

export interface CreateLookupTableRequest {
  description?: LookupTableDescription;
  kmsKeyId?: KmsKeyId;
  lookupTableName: LookupTableName;
  tableBody: TableBody;
  tags?: Tags;
}

export interface CreateLookupTableResponse {
  createdAt?: Timestamp;
  lookupTableArn?: Arn;
}

export interface CreateScheduledQueryRequest {
  description?: ScheduledQueryDescription;
  destinationConfiguration?: DestinationConfiguration;
  executionRoleArn: RoleArn;
  logGroupIdentifiers?: ScheduledQueryLogGroupIdentifiers;
  name: ScheduledQueryName;
  queryLanguage: QueryLanguage;
  queryString: QueryString;
  scheduleEndTime?: Timestamp;
  scheduleExpression: ScheduleExpression;
  scheduleStartTime?: Timestamp;
  startTimeOffset?: StartTimeOffset;
  state?: ScheduledQueryState;
  tags?: Tags;
  timezone?: ScheduleTimezone;
}

export interface CreateScheduledQueryResponse {
  scheduledQueryArn?: Arn;
  state?: ScheduledQueryState;
}

export type DashboardViewerPrincipals = Arn[];

export type Data = Buffer;

export type DataProtectionPolicyDocument = string;

export type DataProtectionStatus = 'ACTIVATED' | 'DELETED' | 'ARCHIVED' | 'DISABLED';

export interface DataSource {
  name: DataSourceName;
  type?: DataSourceType;
}

export interface DataSourceFilter {
  name: DataSourceName;
  type?: DataSourceType;
}

export type DataSourceFilters = DataSourceFilter[];

export type DataSourceName = string;

export type DataSourceType = string;

export type DataType = string;

export interface DateTimeConverter {
  locale?: Locale;
  matchPatterns: MatchPatterns;
  source: Source;
  sourceTimezone?: SourceTimezone;
  target: Target;
  targetFormat?: TargetFormat;
  targetTimezone?: TargetTimezone;
}

export type Days = number;

export type DefaultValue = number;

export interface DeleteAccountPolicyRequest {
  policyName: PolicyName;
  policyType: PolicyType;
}

export interface DeleteDataProtectionPolicyRequest {
  logGroupIdentifier: LogGroupIdentifier;
}

export interface DeleteDeliveryDestinationPolicyRequest {
  deliveryDestinationName: DeliveryDestinationName;
}

export interface DeleteDeliveryDestinationRequest {
  name: DeliveryDestinationName;
}

export interface DeleteDeliveryRequest {
  id: DeliveryId;
}

export interface DeleteDeliverySourceRequest {
  name: DeliverySourceName;
}

export interface DeleteDestinationRequest {
  destinationName: DestinationName;
}

export interface DeleteIndexPolicyRequest {
  logGroupIdentifier: LogGroupIdentifier;
}

export interface DeleteIndexPolicyResponse {}

export interface DeleteIntegrationRequest {
  force?: Force;
  integrationName: IntegrationName;
}

export interface DeleteIntegrationResponse {}

export interface DeleteKeys {
  withKeys: DeleteWithKeys;
}

export interface DeleteLogAnomalyDetectorRequest {
  anomalyDetectorArn: AnomalyDetectorArn;
}

export interface DeleteLogGroupRequest {
  logGroupName: LogGroupName;
}

export interface DeleteLogStreamRequest {
  logGroupName: LogGroupName;
  logStreamName: LogStreamName;
}

export interface DeleteLookupTableRequest {
  lookupTableArn: Arn;
}

export interface DeleteMetricFilterRequest {
  filterName: FilterName;
  logGroupName: LogGroupName;
}

export interface DeleteQueryDefinitionRequest {
  queryDefinitionId: QueryId;
}

export interface DeleteQueryDefinitionResponse {
  success?: Success;
}

export interface DeleteResourcePolicyRequest {
  expectedRevisionId?: ExpectedRevisionId;
  policyName?: PolicyName;
  resourceArn?: Arn;
}

export interface DeleteRetentionPolicyRequest {
  logGroupName: LogGroupName;
}

export interface DeleteScheduledQueryRequest {
  identifier: ScheduledQueryIdentifier;
}

export interface DeleteScheduledQueryResponse {}

export interface DeleteSubscriptionFilterRequest {
  filterName: FilterName;
  logGroupName: LogGroupName;
}

export interface DeleteTransformerRequest {
  logGroupIdentifier: LogGroupIdentifier;
}

export type DeleteWithKeys = WithKey[];

export type DeletionProtectionEnabled = boolean;

export type Delimiter = string;

export type Deliveries = Delivery[];

export interface Delivery {
  arn?: Arn;
  deliveryDestinationArn?: Arn;
  deliveryDestinationType?: DeliveryDestinationType;
  deliverySourceName?: DeliverySourceName;
  fieldDelimiter?: FieldDelimiter;
  id?: DeliveryId;
  recordFields?: RecordFields;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
  tags?: Tags;
}

export interface DeliveryDestination {
  arn?: Arn;
  deliveryDestinationConfiguration?: DeliveryDestinationConfiguration;
  deliveryDestinationType?: DeliveryDestinationType;
  name?: DeliveryDestinationName;
  outputFormat?: OutputFormat;
  tags?: Tags;
}

export interface DeliveryDestinationConfiguration {
  destinationResourceArn: Arn;
}

export type DeliveryDestinationName = string;

export type DeliveryDestinationPolicy = string;

export type DeliveryDestinationType = 'S3' | 'CWL' | 'FH' | 'XRAY';

export type DeliveryDestinationTypes = DeliveryDestinationType[];

export type DeliveryDestinations = DeliveryDestination[];

export type DeliveryId = string;

export interface DeliverySource {
  arn?: Arn;
  deliverySourceConfiguration?: DeliverySourceConfiguration;
  logType?: LogType;
  name?: DeliverySourceName;
  resourceArns?: ResourceArns;
  service?: Service;
  status?: DeliverySourceStatus;
  statusReason?: DeliverySourceStatusReason;
  tags?: Tags;
}

export type DeliverySourceConfiguration = Record<string, DeliverySourceConfigurationValue>;

export type DeliverySourceConfigurationKey = string;

export type DeliverySourceConfigurationNumericValue = number;

export interface DeliverySourceConfigurationSchema {
  defaultValue: DeliverySourceConfigurationSchemaField;
  keyName: DeliverySourceConfigurationSchemaField;
  maxValue?: DeliverySourceConfigurationNumericValue;
  minValue?: DeliverySourceConfigurationNumericValue;
  supportedValues?: DeliverySourceConfigurationSupportedValues;
  valueType: DeliverySourceConfigurationSchemaValueType;
}

export type DeliverySourceConfigurationSchemaField = string;

export type DeliverySourceConfigurationSchemaValueType = 'string' | 'boolean' | 'int' | 'double' | 'long';

export type DeliverySourceConfigurationSchemas = DeliverySourceConfigurationSchema[];

export type DeliverySourceConfigurationSupportedValues = DeliverySourceConfigurationSchemaField[];

export type DeliverySourceConfigurationValue = string;

export type DeliverySourceName = string;

export type DeliverySourceStatus = 'ACTIVE' | 'INACTIVE';

export type DeliverySourceStatusReason = 'RESOURCE_DELETED';

export type DeliverySources = DeliverySource[];

export type DeliverySuffixPath = string;

export type Descending = boolean;

export interface DescribeAccountPoliciesRequest {
  accountIdentifiers?: AccountIds;
  nextToken?: NextToken;
  policyName?: PolicyName;
  policyType: PolicyType;
}

export interface DescribeAccountPoliciesResponse {
  accountPolicies?: AccountPolicies;
  nextToken?: NextToken;
}

export interface DescribeConfigurationTemplatesRequest {
  deliveryDestinationTypes?: DeliveryDestinationTypes;
  limit?: DescribeLimit;
  logTypes?: LogTypes;
  nextToken?: NextToken;
  resourceTypes?: ResourceTypes;
  service?: Service;
}

export interface DescribeConfigurationTemplatesResponse {
  configurationTemplates?: ConfigurationTemplates;
  nextToken?: NextToken;
}

export interface DescribeDeliveriesRequest {
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeDeliveriesResponse {
  deliveries?: Deliveries;
  nextToken?: NextToken;
}

export interface DescribeDeliveryDestinationsRequest {
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeDeliveryDestinationsResponse {
  deliveryDestinations?: DeliveryDestinations;
  nextToken?: NextToken;
}

export interface DescribeDeliverySourcesRequest {
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeDeliverySourcesResponse {
  deliverySources?: DeliverySources;
  nextToken?: NextToken;
}

export interface DescribeDestinationsRequest {
  DestinationNamePrefix?: DestinationName;
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeDestinationsResponse {
  destinations?: Destinations;
  nextToken?: NextToken;
}

export interface DescribeExportTasksRequest {
  limit?: DescribeLimit;
  nextToken?: NextToken;
  statusCode?: ExportTaskStatusCode;
  taskId?: ExportTaskId;
}

export interface DescribeExportTasksResponse {
  exportTasks?: ExportTasks;
  nextToken?: NextToken;
}

export type DescribeFieldIndexesLogGroupIdentifiers = LogGroupIdentifier[];

export interface DescribeFieldIndexesRequest {
  logGroupIdentifiers: DescribeFieldIndexesLogGroupIdentifiers;
  nextToken?: NextToken;
}

export interface DescribeFieldIndexesResponse {
  fieldIndexes?: FieldIndexes;
  nextToken?: NextToken;
}

export interface DescribeImportTaskBatchesRequest {
  batchImportStatus?: ImportStatusList;
  importId: ImportId;
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeImportTaskBatchesResponse {
  importBatches?: ImportBatchList;
  importId?: ImportId;
  importSourceArn?: Arn;
  nextToken?: NextToken;
}

export interface DescribeImportTasksRequest {
  importId?: ImportId;
  importSourceArn?: Arn;
  importStatus?: ImportStatus;
  limit?: DescribeLimit;
  nextToken?: NextToken;
}

export interface DescribeImportTasksResponse {
  imports?: ImportList;
  nextToken?: NextToken;
}

export type DescribeIndexPoliciesLogGroupIdentifiers = LogGroupIdentifier[];

export interface DescribeIndexPoliciesRequest {
  logGroupIdentifiers: DescribeIndexPoliciesLogGroupIdentifiers;
  nextToken?: NextToken;
}

export interface DescribeIndexPoliciesResponse {
  indexPolicies?: IndexPolicies;
  nextToken?: NextToken;
}

export type DescribeLimit = number;

export type DescribeLogGroupsLogGroupIdentifiers = LogGroupIdentifier[];

export interface DescribeLogGroupsRequest {
  accountIdentifiers?: AccountIds;
  includeLinkedAccounts?: IncludeLinkedAccounts;
  limit?: DescribeLimit;
  logGroupClass?: LogGroupClass;
  logGroupIdentifiers?: DescribeLogGroupsLogGroupIdentifiers;
  logGroupNamePattern?: LogGroupNamePattern;
  logGroupNamePrefix?: LogGroupName;
  nextToken?: NextToken;
}

export interface DescribeLogGroupsResponse {
  logGroups?: LogGroups;
  nextToken?: NextToken;
}

export interface DescribeLogStreamsRequest {
  descending?: Descending;
  limit?: DescribeLimit;
  logGroupIdentifier?: LogGroupIdentifier;
  logGroupName?: LogGroupName;
  logStreamNamePrefix?: LogStreamName;
  nextToken?: NextToken;
  orderBy?: OrderBy;
}

export interface DescribeLogStreamsResponse {
  logStreams?: LogStreams;
  nextToken?: NextToken;
}

export type DescribeLookupTablesMaxResults = number;

export interface DescribeLookupTablesRequest {
  lookupTableNamePrefix?: LookupTableName;
  maxResults?: DescribeLookupTablesMaxResults;
  nextToken?: NextToken;
}

export interface DescribeLookupTablesResponse {
  lookupTables?: LookupTables;
  nextToken?: NextToken;
}

export interface DescribeMetricFiltersRequest {
  filterNamePrefix?: FilterName;
  limit?: DescribeLimit;
  logGroupName?: LogGroupName;
  metricName?: MetricName;
  metricNamespace?: MetricNamespace;
  nextToken?: NextToken;
}

export interface DescribeMetricFiltersResponse {
  metricFilters?: MetricFilters;
  nextToken?: NextToken;
}

export type DescribeQueriesMaxResults = number;

export interface DescribeQueriesRequest {
  logGroupName?: LogGroupName;
  maxResults?: DescribeQueriesMaxResults;
  nextToken?: NextToken;
  queryLanguage?: QueryLanguage;
  status?: QueryStatus;
}

export interface DescribeQueriesResponse {
  nextToken?: NextToken;
  queries?: QueryInfoList;
}

export interface DescribeQueryDefinitionsRequest {
  maxResults?: QueryListMaxResults;
  nextToken?: NextToken;
  queryDefinitionNamePrefix?: QueryDefinitionName;
  queryLanguage?: QueryLanguage;
}

export interface DescribeQueryDefinitionsResponse {
  nextToken?: NextToken;
  queryDefinitions?: QueryDefinitionList;
}

export interface DescribeResourcePoliciesRequest {
  limit?: DescribeLimit;
  nextToken?: NextToken;
  policyScope?: PolicyScope;
  resourceArn?: Arn;
}

export interface DescribeResourcePoliciesResponse {
  nextToken?: NextToken;
  resourcePolicies?: ResourcePolicies;
}

export interface DescribeSubscriptionFiltersRequest {
  filterNamePrefix?: FilterName;
  limit?: DescribeLimit;
  logGroupName: LogGroupName;
  nextToken?: NextToken;
}

export interface DescribeSubscriptionFiltersResponse {
  nextToken?: NextToken;
  subscriptionFilters?: SubscriptionFilters;
}

export type Description = string;

export interface Destination {
  accessPolicy?: AccessPolicy;
  arn?: Arn;
  creationTime?: Timestamp;
  destinationName?: DestinationName;
  roleArn?: RoleArn;
  targetArn?: TargetArn;
}

export type DestinationArn = string;

export interface DestinationConfiguration {
  s3Configuration: S3Configuration;
}

export type DestinationField = string;

export type DestinationName = string;

export type Destinations = Destination[];

export type DetectorKmsKeyArn = string;

export type DetectorName = string;

export type Dimensions = Record<string, DimensionsValue>;

export type DimensionsKey = string;

export type DimensionsValue = string;

export interface DisassociateKmsKeyRequest {
  logGroupName?: LogGroupName;
  resourceIdentifier?: ResourceIdentifier;
}

export interface DisassociateSourceFromS3TableIntegrationRequest {
  identifier: S3TableIntegrationSourceIdentifier;
}

export interface DisassociateSourceFromS3TableIntegrationResponse {
  identifier?: S3TableIntegrationSourceIdentifier;
}

export type Distribution = 'Random' | 'ByLogStream';

export type DynamicTokenPosition = number;

export type EmitSystemFields = SystemField[];

export type EncryptionKey = string;

export interface Entity {
  attributes?: EntityAttributes;
  keyAttributes?: EntityKeyAttributes;
}

export type EntityAttributes = Record<string, EntityAttributesValue>;

export type EntityAttributesKey = string;

export type EntityAttributesValue = string;

export type EntityKeyAttributes = Record<string, EntityKeyAttributesValue>;

export type EntityKeyAttributesKey = string;

export type EntityKeyAttributesValue = string;

export type EntityRejectionErrorType = 'InvalidEntity' | 'InvalidTypeValue' | 'InvalidKeyAttributes' | 'InvalidAttributes' | 'EntitySizeTooLarge' | 'UnsupportedLogGroupType' | 'MissingRequiredFields';

export type Enumerations = Record<string, TokenValue>;

export type EpochMillis = number;

export type ErrorMessage = string;

export type EvaluationFrequency = 'ONE_MIN' | 'FIVE_MIN' | 'TEN_MIN' | 'FIFTEEN_MIN' | 'THIRTY_MIN' | 'ONE_HOUR';

export type EventId = string;

export type EventMessage = string;

export type EventNumber = number;

export type EventSource = 'CloudTrail' | 'Route53Resolver' | 'VPCFlow' | 'EKSAudit' | 'AWSWAF';

export type EventsLimit = number;

export type EventsLimitStartQuery = number;

export type ExecutionStatus = 'Running' | 'InvalidQuery' | 'Complete' | 'Failed' | 'Timeout';

export type ExecutionStatusList = ExecutionStatus[];

export type ExpectedRevisionId = string;

export type ExportDestinationBucket = string;

export type ExportDestinationPrefix = string;

export interface ExportTask {
  destination?: ExportDestinationBucket;
  destinationPrefix?: ExportDestinationPrefix;
  executionInfo?: ExportTaskExecutionInfo;
  from?: Timestamp;
  logGroupName?: LogGroupName;
  status?: ExportTaskStatus;
  taskId?: ExportTaskId;
  taskName?: ExportTaskName;
  to?: Timestamp;
}

export interface ExportTaskExecutionInfo {
  completionTime?: Timestamp;
  creationTime?: Timestamp;
}

export type ExportTaskId = string;

export type ExportTaskName = string;

export interface ExportTaskStatus {
  code?: ExportTaskStatusCode;
  message?: ExportTaskStatusMessage;
}

export type ExportTaskStatusCode = 'CANCELLED' | 'COMPLETED' | 'FAILED' | 'PENDING' | 'PENDING_CANCEL' | 'RUNNING';

export type ExportTaskStatusMessage = string;

export type ExportTasks = ExportTask[];

export type ExtractedValues = Record<string, Value>;

export type Field = string;

export type FieldDelimiter = string;

export type FieldHeader = string;

export interface FieldIndex {
  fieldIndexName?: FieldIndexName;
  firstEventTime?: Timestamp;
  lastEventTime?: Timestamp;
  lastScanTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  type?: IndexType;
}

export type FieldIndexName = string;

export type FieldIndexNames = FieldIndexName[];

export type FieldIndexes = FieldIndex[];

export type FieldSelectionCriteria = string;

export interface FieldsData {
  data?: Data;
}

export type FilterCount = number;

export interface FilterLogEventsRequest {
  endTime?: Timestamp;
  filterPattern?: FilterPattern;
  interleaved?: Interleaved;
  limit?: EventsLimit;
  logGroupIdentifier?: LogGroupIdentifier;
  logGroupName?: LogGroupName;
  logStreamNamePrefix?: LogStreamName;
  logStreamNames?: InputLogStreamNames;
  nextToken?: NextToken;
  startTime?: Timestamp;
  unmask?: Unmask;
}

export interface FilterLogEventsResponse {
  events?: FilteredLogEvents;
  nextToken?: NextToken;
  searchedLogStreams?: SearchedLogStreams;
}

export type FilterName = string;

export type FilterPattern = string;

export interface FilteredLogEvent {
  eventId?: EventId;
  ingestionTime?: Timestamp;
  logStreamName?: LogStreamName;
  message?: EventMessage;
  timestamp?: Timestamp;
}

export type FilteredLogEvents = FilteredLogEvent[];

export type Flatten = boolean;

export type FlattenedElement = 'first' | 'last';

export type Force = boolean;

export type ForceUpdate = boolean;

export type FromKey = string;

export interface GetDataProtectionPolicyRequest {
  logGroupIdentifier: LogGroupIdentifier;
}

export interface GetDataProtectionPolicyResponse {
  lastUpdatedTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  policyDocument?: DataProtectionPolicyDocument;
}

export interface GetDeliveryDestinationPolicyRequest {
  deliveryDestinationName: DeliveryDestinationName;
}

export interface GetDeliveryDestinationPolicyResponse {
  policy?: Policy;
}

export interface GetDeliveryDestinationRequest {
  name: DeliveryDestinationName;
}

export interface GetDeliveryDestinationResponse {
  deliveryDestination?: DeliveryDestination;
}

export interface GetDeliveryRequest {
  id: DeliveryId;
}

export interface GetDeliveryResponse {
  delivery?: Delivery;
}

export interface GetDeliverySourceRequest {
  name: DeliverySourceName;
}

export interface GetDeliverySourceResponse {
  deliverySource?: DeliverySource;
}

export interface GetIntegrationRequest {
  integrationName: IntegrationName;
}

export interface GetIntegrationResponse {
  integrationDetails?: IntegrationDetails;
  integrationName?: IntegrationName;
  integrationStatus?: IntegrationStatus;
  integrationType?: IntegrationType;
}

export interface GetLogAnomalyDetectorRequest {
  anomalyDetectorArn: AnomalyDetectorArn;
}

export interface GetLogAnomalyDetectorResponse {
  anomalyDetectorStatus?: AnomalyDetectorStatus;
  anomalyVisibilityTime?: AnomalyVisibilityTime;
  creationTimeStamp?: EpochMillis;
  detectorName?: DetectorName;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: FilterPattern;
  kmsKeyId?: KmsKeyId;
  lastModifiedTimeStamp?: EpochMillis;
  logGroupArnList?: LogGroupArnList;
}

export interface GetLogEventsRequest {
  endTime?: Timestamp;
  limit?: EventsLimit;
  logGroupIdentifier?: LogGroupIdentifier;
  logGroupName?: LogGroupName;
  logStreamName: LogStreamName;
  nextToken?: NextToken;
  startFromHead?: StartFromHead;
  startTime?: Timestamp;
  unmask?: Unmask;
}

export interface GetLogEventsResponse {
  events?: OutputLogEvents;
  nextBackwardToken?: NextToken;
  nextForwardToken?: NextToken;
}

export interface GetLogFieldsRequest {
  dataSourceName: DataSourceName;
  dataSourceType: DataSourceType;
}

export interface GetLogFieldsResponse {
  logFields?: LogFieldsList;
}

export interface GetLogGroupFieldsRequest {
  logGroupIdentifier?: LogGroupIdentifier;
  logGroupName?: LogGroupName;
  time?: Timestamp;
}

export interface GetLogGroupFieldsResponse {
  logGroupFields?: LogGroupFieldList;
}

export interface GetLogObjectRequest {
  logObjectPointer: LogObjectPointer;
  unmask?: Unmask;
}

export interface GetLogObjectResponse {
  fieldStream?: GetLogObjectResponseStream;
}

export interface GetLogObjectResponseStream {
  InternalStreamingException?: InternalStreamingException;
  fields?: FieldsData;
}

export interface GetLogRecordRequest {
  logRecordPointer: LogRecordPointer;
  unmask?: Unmask;
}

export interface GetLogRecordResponse {
  logRecord?: LogRecord;
}

export interface GetLookupTableRequest {
  lookupTableArn: Arn;
}

export interface GetLookupTableResponse {
  description?: LookupTableDescription;
  kmsKeyId?: KmsKeyId;
  lastUpdatedTime?: Timestamp;
  lookupTableArn?: Arn;
  lookupTableName?: LookupTableName;
  sizeBytes?: StoredBytes;
  tableBody?: TableBody;
}

export type GetQueryResultsMaxItems = number;

export type GetQueryResultsNextToken = string;

export interface GetQueryResultsRequest {
  maxItems?: GetQueryResultsMaxItems;
  nextToken?: GetQueryResultsNextToken;
  queryId: QueryId;
}

export interface GetQueryResultsResponse {
  encryptionKey?: EncryptionKey;
  nextToken?: GetQueryResultsNextToken;
  queryLanguage?: QueryLanguage;
  results?: QueryResults;
  statistics?: QueryStatistics;
  status?: QueryStatus;
}

export type GetScheduledQueryHistoryMaxResults = number;

export interface GetScheduledQueryHistoryRequest {
  endTime: Timestamp;
  executionStatuses?: ExecutionStatusList;
  identifier: ScheduledQueryIdentifier;
  maxResults?: GetScheduledQueryHistoryMaxResults;
  nextToken?: NextToken;
  startTime: Timestamp;
}

export interface GetScheduledQueryHistoryResponse {
  name?: ScheduledQueryName;
  nextToken?: NextToken;
  scheduledQueryArn?: Arn;
  triggerHistory?: TriggerHistoryRecordList;
}

export interface GetScheduledQueryRequest {
  identifier: ScheduledQueryIdentifier;
}

export interface GetScheduledQueryResponse {
  creationTime?: Timestamp;
  description?: ScheduledQueryDescription;
  destinationConfiguration?: DestinationConfiguration;
  executionRoleArn?: RoleArn;
  lastExecutionStatus?: ExecutionStatus;
  lastTriggeredTime?: Timestamp;
  lastUpdatedTime?: Timestamp;
  logGroupIdentifiers?: ScheduledQueryLogGroupIdentifiers;
  name?: ScheduledQueryName;
  queryLanguage?: QueryLanguage;
  queryString?: QueryString;
  scheduleEndTime?: Timestamp;
  scheduleExpression?: ScheduleExpression;
  scheduleStartTime?: Timestamp;
  scheduledQueryArn?: Arn;
  startTimeOffset?: StartTimeOffset;
  state?: ScheduledQueryState;
  timezone?: ScheduleTimezone;
}

export interface GetTransformerRequest {
  logGroupIdentifier: LogGroupIdentifier;
}

export interface GetTransformerResponse {
  creationTime?: Timestamp;
  lastModifiedTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  transformerConfig?: Processors;
}

export interface Grok {
  match: GrokMatch;
  source?: Source;
}

export type GrokMatch = string;

export interface GroupingIdentifier {
  key?: GroupingIdentifierKey;
  value?: GroupingIdentifierValue;
}

export type GroupingIdentifierKey = string;

export type GroupingIdentifierValue = string;

export type GroupingIdentifiers = GroupingIdentifier[];

export type Histogram = Record<string, Count>;

export interface Import {
  creationTime?: Timestamp;
  errorMessage?: ErrorMessage;
  importDestinationArn?: Arn;
  importFilter?: ImportFilter;
  importId?: ImportId;
  importSourceArn?: Arn;
  importStatistics?: ImportStatistics;
  importStatus?: ImportStatus;
  lastUpdatedTime?: Timestamp;
}

export interface ImportBatch {
  batchId: BatchId;
  errorMessage?: ErrorMessage;
  status: ImportStatus;
}

export type ImportBatchList = ImportBatch[];

export interface ImportFilter {
  endEventTime?: Timestamp;
  startEventTime?: Timestamp;
}

export type ImportId = string;

export type ImportList = Import[];

export interface ImportStatistics {
  bytesImported?: StoredBytes;
}

export type ImportStatus = 'IN_PROGRESS' | 'CANCELLED' | 'COMPLETED' | 'FAILED';

export type ImportStatusList = ImportStatus[];

export type IncludeLinkedAccounts = boolean;

export type IndexPolicies = IndexPolicy[];

export interface IndexPolicy {
  lastUpdateTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  policyDocument?: PolicyDocument;
  policyName?: PolicyName;
  source?: IndexSource;
}

export type IndexSource = 'ACCOUNT' | 'LOG_GROUP';

export type IndexType = 'FACET' | 'FIELD_INDEX';

export type InferredTokenName = string;

export type InheritedProperties = InheritedProperty[];

export type InheritedProperty = 'ACCOUNT_DATA_PROTECTION';

export interface InputLogEvent {
  message: EventMessage;
  timestamp: Timestamp;
}

export type InputLogEvents = InputLogEvent[];

export type InputLogStreamNames = LogStreamName[];

export type Integer = number;

export interface IntegrationDetails {
  openSearchIntegrationDetails?: OpenSearchIntegrationDetails;
}

export type IntegrationName = string;

export type IntegrationNamePrefix = string;

export type IntegrationStatus = 'PROVISIONING' | 'ACTIVE' | 'FAILED';

export type IntegrationStatusMessage = string;

export type IntegrationSummaries = IntegrationSummary[];

export interface IntegrationSummary {
  integrationName?: IntegrationName;
  integrationStatus?: IntegrationStatus;
  integrationType?: IntegrationType;
}

export type IntegrationType = 'OPENSEARCH';

export type Interleaved = boolean;

export type IsSampled = boolean;

export type Key = string;

export type KeyPrefix = string;

export type KeyValueDelimiter = string;

export type KmsKeyId = string;

export type ListAggregateLogGroupSummariesGroupBy = 'DATA_SOURCE_NAME_TYPE_AND_FORMAT' | 'DATA_SOURCE_NAME_AND_TYPE';

export interface ListAggregateLogGroupSummariesRequest {
  accountIdentifiers?: AccountIds;
  dataSources?: DataSourceFilters;
  groupBy: ListAggregateLogGroupSummariesGroupBy;
  includeLinkedAccounts?: IncludeLinkedAccounts;
  limit?: ListLogGroupsRequestLimit;
  logGroupClass?: LogGroupClass;
  logGroupNamePattern?: LogGroupNameRegexPattern;
  nextToken?: NextToken;
}

export interface ListAggregateLogGroupSummariesResponse {
  aggregateLogGroupSummaries?: AggregateLogGroupSummaries;
  nextToken?: NextToken;
}

export type ListAnomaliesLimit = number;

export interface ListAnomaliesRequest {
  anomalyDetectorArn?: AnomalyDetectorArn;
  limit?: ListAnomaliesLimit;
  nextToken?: NextToken;
  suppressionState?: SuppressionState;
}

export interface ListAnomaliesResponse {
  anomalies?: Anomalies;
  nextToken?: NextToken;
}

export interface ListIntegrationsRequest {
  integrationNamePrefix?: IntegrationNamePrefix;
  integrationStatus?: IntegrationStatus;
  integrationType?: IntegrationType;
}

export interface ListIntegrationsResponse {
  integrationSummaries?: IntegrationSummaries;
}

export type ListLimit = number;

export type ListLogAnomalyDetectorsLimit = number;

export interface ListLogAnomalyDetectorsRequest {
  filterLogGroupArn?: LogGroupArn;
  limit?: ListLogAnomalyDetectorsLimit;
  nextToken?: NextToken;
}

export interface ListLogAnomalyDetectorsResponse {
  anomalyDetectors?: AnomalyDetectors;
  nextToken?: NextToken;
}

export type ListLogGroupsForQueryMaxResults = number;

export interface ListLogGroupsForQueryRequest {
  maxResults?: ListLogGroupsForQueryMaxResults;
  nextToken?: NextToken;
  queryId: QueryId;
}

export interface ListLogGroupsForQueryResponse {
  logGroupIdentifiers?: LogGroupIdentifiers;
  nextToken?: NextToken;
}

export interface ListLogGroupsRequest {
  accountIdentifiers?: AccountIds;
  dataSources?: DataSourceFilters;
  fieldIndexNames?: FieldIndexNames;
  includeLinkedAccounts?: IncludeLinkedAccounts;
  limit?: ListLimit;
  logGroupClass?: LogGroupClass;
  logGroupNamePattern?: LogGroupNameRegexPattern;
  logGroupTags?: TagFilters;
  nextToken?: NextToken;
}

export type ListLogGroupsRequestLimit = number;

export interface ListLogGroupsResponse {
  logGroups?: LogGroupSummaries;
  nextToken?: NextToken;
}

export type ListScheduledQueriesMaxResults = number;

export interface ListScheduledQueriesRequest {
  maxResults?: ListScheduledQueriesMaxResults;
  nextToken?: NextToken;
  state?: ScheduledQueryState;
}

export interface ListScheduledQueriesResponse {
  nextToken?: NextToken;
  scheduledQueries?: ScheduledQuerySummaryList;
}

export type ListSourcesForS3TableIntegrationMaxResults = number;

export interface ListSourcesForS3TableIntegrationRequest {
  integrationArn: Arn;
  maxResults?: ListSourcesForS3TableIntegrationMaxResults;
  nextToken?: NextToken;
}

export interface ListSourcesForS3TableIntegrationResponse {
  nextToken?: NextToken;
  sources?: S3TableIntegrationSources;
}

export interface ListTagsForResourceRequest {
  resourceArn: AmazonResourceName;
}

export interface ListTagsForResourceResponse {
  tags?: Tags;
}

export interface ListTagsLogGroupRequest {
  logGroupName: LogGroupName;
}

export interface ListTagsLogGroupResponse {
  tags?: Tags;
}

export interface ListToMap {
  flatten?: Flatten;
  flattenedElement?: FlattenedElement;
  key: Key;
  source: Source;
  target?: Target;
  valueKey?: ValueKey;
}

export interface LiveTailSessionLogEvent {
  ingestionTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  logStreamName?: LogStreamName;
  message?: EventMessage;
  timestamp?: Timestamp;
}

export interface LiveTailSessionMetadata {
  sampled?: IsSampled;
}

export type LiveTailSessionResults = LiveTailSessionLogEvent[];

export interface LiveTailSessionStart {
  logEventFilterPattern?: FilterPattern;
  logGroupIdentifiers?: StartLiveTailLogGroupIdentifiers;
  logStreamNamePrefixes?: InputLogStreamNames;
  logStreamNames?: InputLogStreamNames;
  requestId?: RequestId;
  sessionId?: SessionId;
}

export interface LiveTailSessionUpdate {
  sessionMetadata?: LiveTailSessionMetadata;
  sessionResults?: LiveTailSessionResults;
}

export type Locale = string;

export interface LogEvent {
  message?: EventMessage;
  timestamp?: Timestamp;
}

export type LogEventIndex = number;

export type LogFieldName = string;

export interface LogFieldType {
  element?: LogFieldType;
  fields?: LogFieldsList;
  type?: DataType;
}

export type LogFieldsList = LogFieldsListItem[];

export interface LogFieldsListItem {
  logFieldName?: LogFieldName;
  logFieldType?: LogFieldType;
}

export interface LogGroup {
  arn?: Arn;
  bearerTokenAuthenticationEnabled?: BearerTokenAuthenticationEnabled;
  creationTime?: Timestamp;
  dataProtectionStatus?: DataProtectionStatus;
  deletionProtectionEnabled?: DeletionProtectionEnabled;
  inheritedProperties?: InheritedProperties;
  kmsKeyId?: KmsKeyId;
  logGroupArn?: Arn;
  logGroupClass?: LogGroupClass;
  logGroupName?: LogGroupName;
  metricFilterCount?: FilterCount;
  retentionInDays?: Days;
  storedBytes?: StoredBytes;
}

export type LogGroupArn = string;

export type LogGroupArnList = LogGroupArn[];

export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

export type LogGroupCount = number;

export interface LogGroupField {
  name?: Field;
  percent?: Percentage;
}

export type LogGroupFieldList = LogGroupField[];

export type LogGroupIdentifier = string;

export type LogGroupIdentifiers = LogGroupIdentifier[];

export type LogGroupName = string;

export type LogGroupNamePattern = string;

export type LogGroupNameRegexPattern = string;

export type LogGroupNames = LogGroupName[];

export type LogGroupSummaries = LogGroupSummary[];

export interface LogGroupSummary {
  logGroupArn?: Arn;
  logGroupClass?: LogGroupClass;
  logGroupName?: LogGroupName;
}

export type LogGroups = LogGroup[];

export type LogObjectPointer = string;

export type LogRecord = Record<string, Value>;

export type LogRecordPointer = string;

export type LogSamples = LogEvent[];

export interface LogStream {
  arn?: Arn;
  creationTime?: Timestamp;
  firstEventTimestamp?: Timestamp;
  lastEventTimestamp?: Timestamp;
  lastIngestionTime?: Timestamp;
  logStreamName?: LogStreamName;
  storedBytes?: StoredBytes;
  uploadSequenceToken?: SequenceToken;
}

export type LogStreamName = string;

export type LogStreamSearchedCompletely = boolean;

export type LogStreams = LogStream[];

export type LogType = string;

export type LogTypes = LogType[];

export interface LookupTable {
  description?: LookupTableDescription;
  kmsKeyId?: KmsKeyId;
  lastUpdatedTime?: Timestamp;
  lookupTableArn?: Arn;
  lookupTableName?: LookupTableName;
  recordsCount?: RecordsCount;
  sizeBytes?: StoredBytes;
  tableFields?: TableFields;
}

export type LookupTableDescription = string;

export type LookupTableName = string;

export type LookupTables = LookupTable[];

export interface LowerCaseString {
  withKeys: LowerCaseStringWithKeys;
}

export type LowerCaseStringWithKeys = WithKey[];

export type MappingVersion = string;

export type MatchPattern = string;

export type MatchPatterns = MatchPattern[];

export type Message = string;

export interface MetricFilter {
  applyOnTransformedLogs?: ApplyOnTransformedLogs;
  creationTime?: Timestamp;
  emitSystemFieldDimensions?: EmitSystemFields;
  fieldSelectionCriteria?: FieldSelectionCriteria;
  filterName?: FilterName;
  filterPattern?: FilterPattern;
  logGroupName?: LogGroupName;
  metricTransformations?: MetricTransformations;
}

export interface MetricFilterMatchRecord {
  eventMessage?: EventMessage;
  eventNumber?: EventNumber;
  extractedValues?: ExtractedValues;
}

export type MetricFilterMatches = MetricFilterMatchRecord[];

export type MetricFilters = MetricFilter[];

export type MetricName = string;

export type MetricNamespace = string;

export interface MetricTransformation {
  defaultValue?: DefaultValue;
  dimensions?: Dimensions;
  metricName: MetricName;
  metricNamespace: MetricNamespace;
  metricValue: MetricValue;
  unit?: StandardUnit;
}

export type MetricTransformations = MetricTransformation[];

export type MetricValue = string;

export type MoveKeyEntries = MoveKeyEntry[];

export interface MoveKeyEntry {
  overwriteIfExists?: OverwriteIfExists;
  source: Source;
  target: Target;
}

export interface MoveKeys {
  entries: MoveKeyEntries;
}

export type NextToken = string;

export type NonMatchValue = string;

export type OCSFVersion = 'V1.1' | 'V1.5';

export interface OpenSearchApplication {
  applicationArn?: Arn;
  applicationEndpoint?: OpenSearchApplicationEndpoint;
  applicationId?: OpenSearchApplicationId;
  status?: OpenSearchResourceStatus;
}

export type OpenSearchApplicationEndpoint = string;

export type OpenSearchApplicationId = string;

export interface OpenSearchCollection {
  collectionArn?: Arn;
  collectionEndpoint?: OpenSearchCollectionEndpoint;
  status?: OpenSearchResourceStatus;
}

export type OpenSearchCollectionEndpoint = string;

export interface OpenSearchDataAccessPolicy {
  policyName?: OpenSearchPolicyName;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchDataSource {
  dataSourceName?: OpenSearchDataSourceName;
  status?: OpenSearchResourceStatus;
}

export type OpenSearchDataSourceName = string;

export interface OpenSearchEncryptionPolicy {
  policyName?: OpenSearchPolicyName;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchIntegrationDetails {
  accessPolicy?: OpenSearchDataAccessPolicy;
  application?: OpenSearchApplication;
  collection?: OpenSearchCollection;
  dataSource?: OpenSearchDataSource;
  encryptionPolicy?: OpenSearchEncryptionPolicy;
  lifecyclePolicy?: OpenSearchLifecyclePolicy;
  networkPolicy?: OpenSearchNetworkPolicy;
  workspace?: OpenSearchWorkspace;
}

export interface OpenSearchLifecyclePolicy {
  policyName?: OpenSearchPolicyName;
  status?: OpenSearchResourceStatus;
}

export interface OpenSearchNetworkPolicy {
  policyName?: OpenSearchPolicyName;
  status?: OpenSearchResourceStatus;
}

export type OpenSearchPolicyName = string;

export interface OpenSearchResourceConfig {
  applicationArn?: Arn;
  dashboardViewerPrincipals: DashboardViewerPrincipals;
  dataSourceRoleArn: Arn;
  kmsKeyArn?: Arn;
  retentionDays: CollectionRetentionDays;
}

export interface OpenSearchResourceStatus {
  status?: OpenSearchResourceStatusType;
  statusMessage?: IntegrationStatusMessage;
}

export type OpenSearchResourceStatusType = 'ACTIVE' | 'NOT_FOUND' | 'ERROR';

export interface OpenSearchWorkspace {
  status?: OpenSearchResourceStatus;
  workspaceId?: OpenSearchWorkspaceId;
}

export type OpenSearchWorkspaceId = string;

export type OrderBy = 'LogStreamName' | 'LastEventTime';

export type OutputFormat = 'json' | 'plain' | 'w3c' | 'raw' | 'parquet';

export type OutputFormats = OutputFormat[];

export interface OutputLogEvent {
  ingestionTime?: Timestamp;
  message?: EventMessage;
  timestamp?: Timestamp;
}

export type OutputLogEvents = OutputLogEvent[];

export type OverwriteIfExists = boolean;

export interface ParseCloudfront {
  source?: Source;
}

export interface ParseJSON {
  destination?: DestinationField;
  source?: Source;
}

export interface ParseKeyValue {
  destination?: DestinationField;
  fieldDelimiter?: ParserFieldDelimiter;
  keyPrefix?: KeyPrefix;
  keyValueDelimiter?: KeyValueDelimiter;
  nonMatchValue?: NonMatchValue;
  overwriteIfExists?: OverwriteIfExists;
  source?: Source;
}

export interface ParsePostgres {
  source?: Source;
}

export interface ParseRoute53 {
  source?: Source;
}

export interface ParseToOCSF {
  eventSource: EventSource;
  mappingVersion?: MappingVersion;
  ocsfVersion: OCSFVersion;
  source?: Source;
}

export interface ParseVPC {
  source?: Source;
}

export interface ParseWAF {
  source?: Source;
}

export type ParserFieldDelimiter = string;

export type PatternId = string;

export type PatternRegex = string;

export type PatternString = string;

export interface PatternToken {
  dynamicTokenPosition?: DynamicTokenPosition;
  enumerations?: Enumerations;
  inferredTokenName?: InferredTokenName;
  isDynamic?: Boolean_;
  tokenString?: TokenString;
}

export type PatternTokens = PatternToken[];

export type Percentage = number;

export interface Policy {
  deliveryDestinationPolicy?: DeliveryDestinationPolicy;
}

export type PolicyDocument = string;

export type PolicyName = string;

export type PolicyScope = 'ACCOUNT' | 'RESOURCE';

export type PolicyType = 'DATA_PROTECTION_POLICY' | 'SUBSCRIPTION_FILTER_POLICY' | 'FIELD_INDEX_POLICY' | 'TRANSFORMER_POLICY' | 'METRIC_EXTRACTION_POLICY';

export type Priority = string;

export interface Processor {
  addKeys?: AddKeys;
  copyValue?: CopyValue;
  csv?: CSV;
  dateTimeConverter?: DateTimeConverter;
  deleteKeys?: DeleteKeys;
  grok?: Grok;
  listToMap?: ListToMap;
  lowerCaseString?: LowerCaseString;
  moveKeys?: MoveKeys;
  parseCloudfront?: ParseCloudfront;
  parseJSON?: ParseJSON;
  parseKeyValue?: ParseKeyValue;
  parsePostgres?: ParsePostgres;
  parseRoute53?: ParseRoute53;
  parseToOCSF?: ParseToOCSF;
  parseVPC?: ParseVPC;
  parseWAF?: ParseWAF;
  renameKeys?: RenameKeys;
  splitString?: SplitString;
  substituteString?: SubstituteString;
  trimString?: TrimString;
  typeConverter?: TypeConverter;
  upperCaseString?: UpperCaseString;
}

export type Processors = Processor[];

export interface PutAccountPolicyRequest {
  policyDocument: AccountPolicyDocument;
  policyName: PolicyName;
  policyType: PolicyType;
  scope?: Scope;
  selectionCriteria?: SelectionCriteria;
}

export interface PutAccountPolicyResponse {
  accountPolicy?: AccountPolicy;
}

export interface PutBearerTokenAuthenticationRequest {
  bearerTokenAuthenticationEnabled: BearerTokenAuthenticationEnabled;
  logGroupIdentifier: LogGroupIdentifier;
}

export interface PutDataProtectionPolicyRequest {
  logGroupIdentifier: LogGroupIdentifier;
  policyDocument: DataProtectionPolicyDocument;
}

export interface PutDataProtectionPolicyResponse {
  lastUpdatedTime?: Timestamp;
  logGroupIdentifier?: LogGroupIdentifier;
  policyDocument?: DataProtectionPolicyDocument;
}

export interface PutDeliveryDestinationPolicyRequest {
  deliveryDestinationName: DeliveryDestinationName;
  deliveryDestinationPolicy: DeliveryDestinationPolicy;
}

export interface PutDeliveryDestinationPolicyResponse {
  policy?: Policy;
}

export interface PutDeliveryDestinationRequest {
  deliveryDestinationConfiguration?: DeliveryDestinationConfiguration;
  deliveryDestinationType?: DeliveryDestinationType;
  name: DeliveryDestinationName;
  outputFormat?: OutputFormat;
  tags?: Tags;
}

export interface PutDeliveryDestinationResponse {
  deliveryDestination?: DeliveryDestination;
}

export interface PutDeliverySourceRequest {
  deliverySourceConfiguration?: DeliverySourceConfiguration;
  logType: LogType;
  name: DeliverySourceName;
  resourceArn: Arn;
  tags?: Tags;
}

export interface PutDeliverySourceResponse {
  deliverySource?: DeliverySource;
}

export interface PutDestinationPolicyRequest {
  accessPolicy: AccessPolicy;
  destinationName: DestinationName;
  forceUpdate?: ForceUpdate;
}

export interface PutDestinationRequest {
  destinationName: DestinationName;
  roleArn: RoleArn;
  tags?: Tags;
  targetArn: TargetArn;
}

export interface PutDestinationResponse {
  destination?: Destination;
}

export interface PutIndexPolicyRequest {
  logGroupIdentifier: LogGroupIdentifier;
  policyDocument: PolicyDocument;
}

export interface PutIndexPolicyResponse {
  indexPolicy?: IndexPolicy;
}

export interface PutIntegrationRequest {
  integrationName: IntegrationName;
  integrationType: IntegrationType;
  resourceConfig: ResourceConfig;
}

export interface PutIntegrationResponse {
  integrationName?: IntegrationName;
  integrationStatus?: IntegrationStatus;
}

export interface PutLogEventsRequest {
  entity?: Entity;
  logEvents: InputLogEvents;
  logGroupName: LogGroupName;
  logStreamName: LogStreamName;
  sequenceToken?: SequenceToken;
}

export interface PutLogEventsResponse {
  nextSequenceToken?: SequenceToken;
  rejectedEntityInfo?: RejectedEntityInfo;
  rejectedLogEventsInfo?: RejectedLogEventsInfo;
}

export interface PutLogGroupDeletionProtectionRequest {
  deletionProtectionEnabled: DeletionProtectionEnabled;
  logGroupIdentifier: LogGroupIdentifier;
}

export interface PutMetricFilterRequest {
  applyOnTransformedLogs?: ApplyOnTransformedLogs;
  emitSystemFieldDimensions?: EmitSystemFields;
  fieldSelectionCriteria?: FieldSelectionCriteria;
  filterName: FilterName;
  filterPattern: FilterPattern;
  logGroupName: LogGroupName;
  metricTransformations: MetricTransformations;
}

export interface PutQueryDefinitionRequest {
  clientToken?: ClientToken;
  logGroupNames?: LogGroupNames;
  name: QueryDefinitionName;
  parameters?: QueryParameterList;
  queryDefinitionId?: QueryId;
  queryLanguage?: QueryLanguage;
  queryString: QueryDefinitionString;
}

export interface PutQueryDefinitionResponse {
  queryDefinitionId?: QueryId;
}

export interface PutResourcePolicyRequest {
  expectedRevisionId?: ExpectedRevisionId;
  policyDocument?: PolicyDocument;
  policyName?: PolicyName;
  resourceArn?: Arn;
}

export interface PutResourcePolicyResponse {
  resourcePolicy?: ResourcePolicy;
  revisionId?: ExpectedRevisionId;
}

export interface PutRetentionPolicyRequest {
  logGroupName: LogGroupName;
  retentionInDays: Days;
}

export interface PutSubscriptionFilterRequest {
  applyOnTransformedLogs?: ApplyOnTransformedLogs;
  destinationArn: DestinationArn;
  distribution?: Distribution;
  emitSystemFields?: EmitSystemFields;
  fieldSelectionCriteria?: FieldSelectionCriteria;
  filterName: FilterName;
  filterPattern: FilterPattern;
  logGroupName: LogGroupName;
  roleArn?: RoleArn;
}

export interface PutTransformerRequest {
  logGroupIdentifier: LogGroupIdentifier;
  transformerConfig: Processors;
}

export type QueryCharOffset = number;

export interface QueryCompileError {
  location?: QueryCompileErrorLocation;
  message?: Message;
}

export interface QueryCompileErrorLocation {
  endCharOffset?: QueryCharOffset;
  startCharOffset?: QueryCharOffset;
}

export interface QueryDefinition {
  lastModified?: Timestamp;
  logGroupNames?: LogGroupNames;
  name?: QueryDefinitionName;
  parameters?: QueryParameterList;
  queryDefinitionId?: QueryId;
  queryLanguage?: QueryLanguage;
  queryString?: QueryDefinitionString;
}

export type QueryDefinitionList = QueryDefinition[];

export type QueryDefinitionName = string;

export type QueryDefinitionString = string;

export type QueryDuration = number;

export type QueryId = string;

export interface QueryInfo {
  bytesScanned?: BytesScannedValue;
  createTime?: Timestamp;
  logGroupName?: LogGroupName;
  queryDuration?: QueryDuration;
  queryId?: QueryId;
  queryLanguage?: QueryLanguage;
  queryString?: QueryString;
  status?: QueryStatus;
  userIdentity?: UserIdentity;
}

export type QueryInfoList = QueryInfo[];

export type QueryLanguage = 'CWLI' | 'SQL' | 'PPL';

export type QueryListMaxResults = number;

export interface QueryParameter {
  defaultValue?: QueryParameterDefaultValue;
  description?: QueryParameterDescription;
  name: QueryParameterName;
}

export type QueryParameterDefaultValue = string;

export type QueryParameterDescription = string;

export type QueryParameterList = QueryParameter[];

export type QueryParameterName = string;

export type QueryResults = ResultRows[];

export interface QueryStatistics {
  bytesScanned?: StatsValue;
  estimatedBytesSkipped?: StatsValue;
  estimatedRecordsSkipped?: StatsValue;
  logGroupsScanned?: StatsValue;
  recordsMatched?: StatsValue;
  recordsScanned?: StatsValue;
}

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

export type QueryString = string;

export type QuoteCharacter = string;

export interface RecordField {
  mandatory?: Boolean_;
  name?: FieldHeader;
}

export type RecordFields = FieldHeader[];

export type RecordsCount = number;

export interface RejectedEntityInfo {
  errorType: EntityRejectionErrorType;
}

export interface RejectedLogEventsInfo {
  expiredLogEventEndIndex?: LogEventIndex;
  tooNewLogEventStartIndex?: LogEventIndex;
  tooOldLogEventEndIndex?: LogEventIndex;
}

export type RenameKeyEntries = RenameKeyEntry[];

export interface RenameKeyEntry {
  key: Key;
  overwriteIfExists?: OverwriteIfExists;
  renameTo: RenameTo;
}

export interface RenameKeys {
  entries: RenameKeyEntries;
}

export type RenameTo = string;

export type RequestId = string;

export type ResourceArns = Arn[];

export interface ResourceConfig {
  openSearchResourceConfig?: OpenSearchResourceConfig;
}

export type ResourceIdentifier = string;

export type ResourcePolicies = ResourcePolicy[];

export interface ResourcePolicy {
  lastUpdatedTime?: Timestamp;
  policyDocument?: PolicyDocument;
  policyName?: PolicyName;
  policyScope?: PolicyScope;
  resourceArn?: Arn;
  revisionId?: ExpectedRevisionId;
}

export type ResourceType = string;

export type ResourceTypes = ResourceType[];

export interface ResultField {
  field?: Field;
  value?: Value;
}

export type ResultRows = ResultField[];

export type RoleArn = string;

export interface S3Configuration {
  destinationIdentifier: S3Uri;
  kmsKeyId?: KmsKeyId;
  ownerAccountId?: AccountId;
  roleArn: RoleArn;
}

export interface S3DeliveryConfiguration {
  enableHiveCompatiblePath?: Boolean_;
  suffixPath?: DeliverySuffixPath;
}

export interface S3TableIntegrationSource {
  createdTimeStamp?: Timestamp;
  dataSource?: DataSource;
  identifier?: S3TableIntegrationSourceIdentifier;
  parentSourceIdentifier?: S3TableIntegrationSourceIdentifier;
  status?: S3TableIntegrationSourceStatus;
  statusReason?: S3TableIntegrationSourceStatusReason;
}

export type S3TableIntegrationSourceIdentifier = string;

export type S3TableIntegrationSourceStatus = 'ACTIVE' | 'UNHEALTHY' | 'FAILED' | 'DATA_SOURCE_DELETE_IN_PROGRESS';

export type S3TableIntegrationSourceStatusReason = string;

export type S3TableIntegrationSources = S3TableIntegrationSource[];

export type S3TablesDatasourceName = string;

export type S3TablesDatasourceType = string;

export interface S3TablesIntegration {
  datasourceName?: S3TablesDatasourceName;
  datasourceType?: S3TablesDatasourceType;
}

export type S3Uri = string;

export type ScheduleExpression = string;

export type ScheduleTimezone = string;

export type ScheduledQueryDescription = string;

export interface ScheduledQueryDestination {
  destinationIdentifier?: String_;
  destinationType?: ScheduledQueryDestinationType;
  errorMessage?: String_;
  processedIdentifier?: String_;
  status?: ActionStatus;
}

export type ScheduledQueryDestinationList = ScheduledQueryDestination[];

export type ScheduledQueryDestinationType = 'S3';

export type ScheduledQueryIdentifier = string;

export type ScheduledQueryLogGroupIdentifiers = LogGroupIdentifier[];

export type ScheduledQueryName = string;

export type ScheduledQueryState = 'ENABLED' | 'DISABLED';

export interface ScheduledQuerySummary {
  creationTime?: Timestamp;
  destinationConfiguration?: DestinationConfiguration;
  lastExecutionStatus?: ExecutionStatus;
  lastTriggeredTime?: Timestamp;
  lastUpdatedTime?: Timestamp;
  name?: ScheduledQueryName;
  scheduleExpression?: ScheduleExpression;
  scheduledQueryArn?: Arn;
  state?: ScheduledQueryState;
  timezone?: ScheduleTimezone;
}

export type ScheduledQuerySummaryList = ScheduledQuerySummary[];

export type Scope = 'ALL';

export interface SearchedLogStream {
  logStreamName?: LogStreamName;
  searchedCompletely?: LogStreamSearchedCompletely;
}

export type SearchedLogStreams = SearchedLogStream[];

export type SelectionCriteria = string;

export type SequenceToken = string;

export type Service = string;

export type SessionId = string;

export type Source = string;

export type SourceTimezone = string;

export interface SplitString {
  entries: SplitStringEntries;
}

export type SplitStringDelimiter = string;

export type SplitStringEntries = SplitStringEntry[];

export interface SplitStringEntry {
  delimiter: SplitStringDelimiter;
  source: Source;
}

export type StandardUnit = 'Seconds' | 'Microseconds' | 'Milliseconds' | 'Bytes' | 'Kilobytes' | 'Megabytes' | 'Gigabytes' | 'Terabytes' | 'Bits' | 'Kilobits' | 'Megabits' | 'Gigabits' | 'Terabits' | 'Percent' | 'Count' | 'Bytes/Second' | 'Kilobytes/Second' | 'Megabytes/Second' | 'Gigabytes/Second' | 'Terabytes/Second' | 'Bits/Second' | 'Kilobits/Second' | 'Megabits/Second' | 'Gigabits/Second' | 'Terabits/Second' | 'Count/Second' | 'None';

export type StartFromHead = boolean;

export type StartLiveTailLogGroupIdentifiers = LogGroupIdentifier[];

export interface StartLiveTailRequest {
  logEventFilterPattern?: FilterPattern;
  logGroupIdentifiers: StartLiveTailLogGroupIdentifiers;
  logStreamNamePrefixes?: InputLogStreamNames;
  logStreamNames?: InputLogStreamNames;
}

export interface StartLiveTailResponse {
  responseStream?: StartLiveTailResponseStream;
}

export interface StartLiveTailResponseStream {
  SessionStreamingException?: SessionStreamingException;
  SessionTimeoutException?: SessionTimeoutException;
  sessionStart?: LiveTailSessionStart;
  sessionUpdate?: LiveTailSessionUpdate;
}

export interface StartQueryRequest {
  endTime: Timestamp;
  limit?: EventsLimitStartQuery;
  logGroupIdentifiers?: LogGroupIdentifiers;
  logGroupName?: LogGroupName;
  logGroupNames?: LogGroupNames;
  queryLanguage?: QueryLanguage;
  queryString: QueryString;
  startTime: Timestamp;
}

export interface StartQueryResponse {
  queryId?: QueryId;
}

export type StartTimeOffset = number;

export type State = 'Active' | 'Suppressed' | 'Baseline';

export type StatsValue = number;

export interface StopQueryRequest {
  queryId: QueryId;
}

export interface StopQueryResponse {
  success?: Success;
}

export type StoredBytes = number;

export type String_ = string;

export interface SubscriptionFilter {
  applyOnTransformedLogs?: ApplyOnTransformedLogs;
  creationTime?: Timestamp;
  destinationArn?: DestinationArn;
  distribution?: Distribution;
  emitSystemFields?: EmitSystemFields;
  fieldSelectionCriteria?: FieldSelectionCriteria;
  filterName?: FilterName;
  filterPattern?: FilterPattern;
  logGroupName?: LogGroupName;
  roleArn?: RoleArn;
}

export type SubscriptionFilters = SubscriptionFilter[];

export interface SubstituteString {
  entries: SubstituteStringEntries;
}

export type SubstituteStringEntries = SubstituteStringEntry[];

export interface SubstituteStringEntry {
  from: FromKey;
  source: Source;
  to: ToKey;
}

export type Success = boolean;

export interface SuppressionPeriod {
  suppressionUnit?: SuppressionUnit;
  value?: Integer;
}

export type SuppressionState = 'SUPPRESSED' | 'UNSUPPRESSED';

export type SuppressionType = 'LIMITED' | 'INFINITE';

export type SuppressionUnit = 'SECONDS' | 'MINUTES' | 'HOURS';

export type SystemField = string;

export type TableBody = string;

export type TableFields = String_[];

export interface TagFilter {
  key: TagFilterKey;
  values?: TagFilterValues;
}

export type TagFilterKey = string;

export type TagFilterValue = string;

export type TagFilterValues = TagFilterValue[];

export type TagFilters = TagFilter[];

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = TagKey[];

export interface TagLogGroupRequest {
  logGroupName: LogGroupName;
  tags: Tags;
}

export interface TagResourceRequest {
  resourceArn: AmazonResourceName;
  tags: Tags;
}

export type TagValue = string;

export type Tags = Record<string, TagValue>;

export type Target = string;

export type TargetArn = string;

export type TargetFormat = string;

export type TargetTimezone = string;

export type TestEventMessages = EventMessage[];

export interface TestMetricFilterRequest {
  filterPattern: FilterPattern;
  logEventMessages: TestEventMessages;
}

export interface TestMetricFilterResponse {
  matches?: MetricFilterMatches;
}

export interface TestTransformerRequest {
  logEventMessages: TestEventMessages;
  transformerConfig: Processors;
}

export interface TestTransformerResponse {
  transformedLogs?: TransformedLogs;
}

export type Time = string;

export type Timestamp = number;

export type ToKey = string;

export type Token = string;

export type TokenString = string;

export type TokenValue = number;

export type TransformedEventMessage = string;

export interface TransformedLogRecord {
  eventMessage?: EventMessage;
  eventNumber?: EventNumber;
  transformedEventMessage?: TransformedEventMessage;
}

export type TransformedLogs = TransformedLogRecord[];

export interface TriggerHistoryRecord {
  destinations?: ScheduledQueryDestinationList;
  errorMessage?: String_;
  executionStatus?: ExecutionStatus;
  queryId?: QueryId;
  triggeredTimestamp?: Timestamp;
}

export type TriggerHistoryRecordList = TriggerHistoryRecord[];

export interface TrimString {
  withKeys: TrimStringWithKeys;
}

export type TrimStringWithKeys = WithKey[];

export type Type = 'boolean' | 'integer' | 'double' | 'string';

export interface TypeConverter {
  entries: TypeConverterEntries;
}

export type TypeConverterEntries = TypeConverterEntry[];

export interface TypeConverterEntry {
  key: Key;
  type: Type;
}

export type Unmask = boolean;

export interface UntagLogGroupRequest {
  logGroupName: LogGroupName;
  tags: TagList;
}

export interface UntagResourceRequest {
  resourceArn: AmazonResourceName;
  tagKeys: TagKeyList;
}

export interface UpdateAnomalyRequest {
  anomalyDetectorArn: AnomalyDetectorArn;
  anomalyId?: AnomalyId;
  baseline?: Baseline;
  patternId?: PatternId;
  suppressionPeriod?: SuppressionPeriod;
  suppressionType?: SuppressionType;
}

export interface UpdateDeliveryConfigurationRequest {
  fieldDelimiter?: FieldDelimiter;
  id: DeliveryId;
  recordFields?: RecordFields;
  s3DeliveryConfiguration?: S3DeliveryConfiguration;
}

export interface UpdateDeliveryConfigurationResponse {}

export interface UpdateLogAnomalyDetectorRequest {
  anomalyDetectorArn: AnomalyDetectorArn;
  anomalyVisibilityTime?: AnomalyVisibilityTime;
  enabled: Boolean_;
  evaluationFrequency?: EvaluationFrequency;
  filterPattern?: FilterPattern;
}

export interface UpdateLookupTableRequest {
  description?: LookupTableDescription;
  kmsKeyId?: KmsKeyId;
  lookupTableArn: Arn;
  tableBody: TableBody;
}

export interface UpdateLookupTableResponse {
  lastUpdatedTime?: Timestamp;
  lookupTableArn?: Arn;
}

export interface UpdateScheduledQueryRequest {
  description?: ScheduledQueryDescription;
  destinationConfiguration?: DestinationConfiguration;
  executionRoleArn: RoleArn;
  identifier: ScheduledQueryIdentifier;
  logGroupIdentifiers?: ScheduledQueryLogGroupIdentifiers;
  queryLanguage: QueryLanguage;
  queryString: QueryString;
  scheduleEndTime?: Timestamp;
  scheduleExpression: ScheduleExpression;
  scheduleStartTime?: Timestamp;
  startTimeOffset?: StartTimeOffset;
  state?: ScheduledQueryState;
  timezone?: ScheduleTimezone;
}

export interface UpdateScheduledQueryResponse {
  creationTime?: Timestamp;
  description?: ScheduledQueryDescription;
  destinationConfiguration?: DestinationConfiguration;
  executionRoleArn?: RoleArn;
  lastExecutionStatus?: ExecutionStatus;
  lastTriggeredTime?: Timestamp;
  lastUpdatedTime?: Timestamp;
  logGroupIdentifiers?: ScheduledQueryLogGroupIdentifiers;
  name?: ScheduledQueryName;
  queryLanguage?: QueryLanguage;
  queryString?: QueryString;
  scheduleEndTime?: Timestamp;
  scheduleExpression?: ScheduleExpression;
  scheduleStartTime?: Timestamp;
  scheduledQueryArn?: Arn;
  startTimeOffset?: StartTimeOffset;
  state?: ScheduledQueryState;
  timezone?: ScheduleTimezone;
}

export interface UpperCaseString {
  withKeys: UpperCaseStringWithKeys;
}

export type UpperCaseStringWithKeys = WithKey[];

export type UserIdentity = string;

export type Value = string;

export type ValueKey = string;

export type WithKey = string;

// Operations

export interface CloudWatchLogsApi {
  AssociateKmsKey(ctx: RequestContext, input: AssociateKmsKeyRequest): Promise<void>;
  AssociateSourceToS3TableIntegration(ctx: RequestContext, input: AssociateSourceToS3TableIntegrationRequest): Promise<AssociateSourceToS3TableIntegrationResponse>;
  CancelExportTask(ctx: RequestContext, input: CancelExportTaskRequest): Promise<void>;
  CancelImportTask(ctx: RequestContext, input: CancelImportTaskRequest): Promise<CancelImportTaskResponse>;
  CreateDelivery(ctx: RequestContext, input: CreateDeliveryRequest): Promise<CreateDeliveryResponse>;
  CreateExportTask(ctx: RequestContext, input: CreateExportTaskRequest): Promise<CreateExportTaskResponse>;
  CreateImportTask(ctx: RequestContext, input: CreateImportTaskRequest): Promise<CreateImportTaskResponse>;
  CreateLogAnomalyDetector(ctx: RequestContext, input: CreateLogAnomalyDetectorRequest): Promise<CreateLogAnomalyDetectorResponse>;
  CreateLogGroup(ctx: RequestContext, input: CreateLogGroupRequest): Promise<void>;
  CreateLogStream(ctx: RequestContext, input: CreateLogStreamRequest): Promise<void>;
  CreateLookupTable(ctx: RequestContext, input: CreateLookupTableRequest): Promise<CreateLookupTableResponse>;
  CreateScheduledQuery(ctx: RequestContext, input: CreateScheduledQueryRequest): Promise<CreateScheduledQueryResponse>;
  DeleteAccountPolicy(ctx: RequestContext, input: DeleteAccountPolicyRequest): Promise<void>;
  DeleteDataProtectionPolicy(ctx: RequestContext, input: DeleteDataProtectionPolicyRequest): Promise<void>;
  DeleteDelivery(ctx: RequestContext, input: DeleteDeliveryRequest): Promise<void>;
  DeleteDeliveryDestination(ctx: RequestContext, input: DeleteDeliveryDestinationRequest): Promise<void>;
  DeleteDeliveryDestinationPolicy(ctx: RequestContext, input: DeleteDeliveryDestinationPolicyRequest): Promise<void>;
  DeleteDeliverySource(ctx: RequestContext, input: DeleteDeliverySourceRequest): Promise<void>;
  DeleteDestination(ctx: RequestContext, input: DeleteDestinationRequest): Promise<void>;
  DeleteIndexPolicy(ctx: RequestContext, input: DeleteIndexPolicyRequest): Promise<DeleteIndexPolicyResponse>;
  DeleteIntegration(ctx: RequestContext, input: DeleteIntegrationRequest): Promise<DeleteIntegrationResponse>;
  DeleteLogAnomalyDetector(ctx: RequestContext, input: DeleteLogAnomalyDetectorRequest): Promise<void>;
  DeleteLogGroup(ctx: RequestContext, input: DeleteLogGroupRequest): Promise<void>;
  DeleteLogStream(ctx: RequestContext, input: DeleteLogStreamRequest): Promise<void>;
  DeleteLookupTable(ctx: RequestContext, input: DeleteLookupTableRequest): Promise<void>;
  DeleteMetricFilter(ctx: RequestContext, input: DeleteMetricFilterRequest): Promise<void>;
  DeleteQueryDefinition(ctx: RequestContext, input: DeleteQueryDefinitionRequest): Promise<DeleteQueryDefinitionResponse>;
  DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyRequest): Promise<void>;
  DeleteRetentionPolicy(ctx: RequestContext, input: DeleteRetentionPolicyRequest): Promise<void>;
  DeleteScheduledQuery(ctx: RequestContext, input: DeleteScheduledQueryRequest): Promise<DeleteScheduledQueryResponse>;
  DeleteSubscriptionFilter(ctx: RequestContext, input: DeleteSubscriptionFilterRequest): Promise<void>;
  DeleteTransformer(ctx: RequestContext, input: DeleteTransformerRequest): Promise<void>;
  DescribeAccountPolicies(ctx: RequestContext, input: DescribeAccountPoliciesRequest): Promise<DescribeAccountPoliciesResponse>;
  DescribeConfigurationTemplates(ctx: RequestContext, input: DescribeConfigurationTemplatesRequest): Promise<DescribeConfigurationTemplatesResponse>;
  DescribeDeliveries(ctx: RequestContext, input: DescribeDeliveriesRequest): Promise<DescribeDeliveriesResponse>;
  DescribeDeliveryDestinations(ctx: RequestContext, input: DescribeDeliveryDestinationsRequest): Promise<DescribeDeliveryDestinationsResponse>;
  DescribeDeliverySources(ctx: RequestContext, input: DescribeDeliverySourcesRequest): Promise<DescribeDeliverySourcesResponse>;
  DescribeDestinations(ctx: RequestContext, input: DescribeDestinationsRequest): Promise<DescribeDestinationsResponse>;
  DescribeExportTasks(ctx: RequestContext, input: DescribeExportTasksRequest): Promise<DescribeExportTasksResponse>;
  DescribeFieldIndexes(ctx: RequestContext, input: DescribeFieldIndexesRequest): Promise<DescribeFieldIndexesResponse>;
  DescribeImportTaskBatches(ctx: RequestContext, input: DescribeImportTaskBatchesRequest): Promise<DescribeImportTaskBatchesResponse>;
  DescribeImportTasks(ctx: RequestContext, input: DescribeImportTasksRequest): Promise<DescribeImportTasksResponse>;
  DescribeIndexPolicies(ctx: RequestContext, input: DescribeIndexPoliciesRequest): Promise<DescribeIndexPoliciesResponse>;
  DescribeLogGroups(ctx: RequestContext, input: DescribeLogGroupsRequest): Promise<DescribeLogGroupsResponse>;
  DescribeLogStreams(ctx: RequestContext, input: DescribeLogStreamsRequest): Promise<DescribeLogStreamsResponse>;
  DescribeLookupTables(ctx: RequestContext, input: DescribeLookupTablesRequest): Promise<DescribeLookupTablesResponse>;
  DescribeMetricFilters(ctx: RequestContext, input: DescribeMetricFiltersRequest): Promise<DescribeMetricFiltersResponse>;
  DescribeQueries(ctx: RequestContext, input: DescribeQueriesRequest): Promise<DescribeQueriesResponse>;
  DescribeQueryDefinitions(ctx: RequestContext, input: DescribeQueryDefinitionsRequest): Promise<DescribeQueryDefinitionsResponse>;
  DescribeResourcePolicies(ctx: RequestContext, input: DescribeResourcePoliciesRequest): Promise<DescribeResourcePoliciesResponse>;
  DescribeSubscriptionFilters(ctx: RequestContext, input: DescribeSubscriptionFiltersRequest): Promise<DescribeSubscriptionFiltersResponse>;
  DisassociateKmsKey(ctx: RequestContext, input: DisassociateKmsKeyRequest): Promise<void>;
  DisassociateSourceFromS3TableIntegration(ctx: RequestContext, input: DisassociateSourceFromS3TableIntegrationRequest): Promise<DisassociateSourceFromS3TableIntegrationResponse>;
  FilterLogEvents(ctx: RequestContext, input: FilterLogEventsRequest): Promise<FilterLogEventsResponse>;
  GetDataProtectionPolicy(ctx: RequestContext, input: GetDataProtectionPolicyRequest): Promise<GetDataProtectionPolicyResponse>;
  GetDelivery(ctx: RequestContext, input: GetDeliveryRequest): Promise<GetDeliveryResponse>;
  GetDeliveryDestination(ctx: RequestContext, input: GetDeliveryDestinationRequest): Promise<GetDeliveryDestinationResponse>;
  GetDeliveryDestinationPolicy(ctx: RequestContext, input: GetDeliveryDestinationPolicyRequest): Promise<GetDeliveryDestinationPolicyResponse>;
  GetDeliverySource(ctx: RequestContext, input: GetDeliverySourceRequest): Promise<GetDeliverySourceResponse>;
  GetIntegration(ctx: RequestContext, input: GetIntegrationRequest): Promise<GetIntegrationResponse>;
  GetLogAnomalyDetector(ctx: RequestContext, input: GetLogAnomalyDetectorRequest): Promise<GetLogAnomalyDetectorResponse>;
  GetLogEvents(ctx: RequestContext, input: GetLogEventsRequest): Promise<GetLogEventsResponse>;
  GetLogFields(ctx: RequestContext, input: GetLogFieldsRequest): Promise<GetLogFieldsResponse>;
  GetLogGroupFields(ctx: RequestContext, input: GetLogGroupFieldsRequest): Promise<GetLogGroupFieldsResponse>;
  GetLogObject(ctx: RequestContext, input: GetLogObjectRequest): Promise<GetLogObjectResponse>;
  GetLogRecord(ctx: RequestContext, input: GetLogRecordRequest): Promise<GetLogRecordResponse>;
  GetLookupTable(ctx: RequestContext, input: GetLookupTableRequest): Promise<GetLookupTableResponse>;
  GetQueryResults(ctx: RequestContext, input: GetQueryResultsRequest): Promise<GetQueryResultsResponse>;
  GetScheduledQuery(ctx: RequestContext, input: GetScheduledQueryRequest): Promise<GetScheduledQueryResponse>;
  GetScheduledQueryHistory(ctx: RequestContext, input: GetScheduledQueryHistoryRequest): Promise<GetScheduledQueryHistoryResponse>;
  GetTransformer(ctx: RequestContext, input: GetTransformerRequest): Promise<GetTransformerResponse>;
  ListAggregateLogGroupSummaries(ctx: RequestContext, input: ListAggregateLogGroupSummariesRequest): Promise<ListAggregateLogGroupSummariesResponse>;
  ListAnomalies(ctx: RequestContext, input: ListAnomaliesRequest): Promise<ListAnomaliesResponse>;
  ListIntegrations(ctx: RequestContext, input: ListIntegrationsRequest): Promise<ListIntegrationsResponse>;
  ListLogAnomalyDetectors(ctx: RequestContext, input: ListLogAnomalyDetectorsRequest): Promise<ListLogAnomalyDetectorsResponse>;
  ListLogGroups(ctx: RequestContext, input: ListLogGroupsRequest): Promise<ListLogGroupsResponse>;
  ListLogGroupsForQuery(ctx: RequestContext, input: ListLogGroupsForQueryRequest): Promise<ListLogGroupsForQueryResponse>;
  ListScheduledQueries(ctx: RequestContext, input: ListScheduledQueriesRequest): Promise<ListScheduledQueriesResponse>;
  ListSourcesForS3TableIntegration(ctx: RequestContext, input: ListSourcesForS3TableIntegrationRequest): Promise<ListSourcesForS3TableIntegrationResponse>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse>;
  ListTagsLogGroup(ctx: RequestContext, input: ListTagsLogGroupRequest): Promise<ListTagsLogGroupResponse>;
  PutAccountPolicy(ctx: RequestContext, input: PutAccountPolicyRequest): Promise<PutAccountPolicyResponse>;
  PutBearerTokenAuthentication(ctx: RequestContext, input: PutBearerTokenAuthenticationRequest): Promise<void>;
  PutDataProtectionPolicy(ctx: RequestContext, input: PutDataProtectionPolicyRequest): Promise<PutDataProtectionPolicyResponse>;
  PutDeliveryDestination(ctx: RequestContext, input: PutDeliveryDestinationRequest): Promise<PutDeliveryDestinationResponse>;
  PutDeliveryDestinationPolicy(ctx: RequestContext, input: PutDeliveryDestinationPolicyRequest): Promise<PutDeliveryDestinationPolicyResponse>;
  PutDeliverySource(ctx: RequestContext, input: PutDeliverySourceRequest): Promise<PutDeliverySourceResponse>;
  PutDestination(ctx: RequestContext, input: PutDestinationRequest): Promise<PutDestinationResponse>;
  PutDestinationPolicy(ctx: RequestContext, input: PutDestinationPolicyRequest): Promise<void>;
  PutIndexPolicy(ctx: RequestContext, input: PutIndexPolicyRequest): Promise<PutIndexPolicyResponse>;
  PutIntegration(ctx: RequestContext, input: PutIntegrationRequest): Promise<PutIntegrationResponse>;
  PutLogEvents(ctx: RequestContext, input: PutLogEventsRequest): Promise<PutLogEventsResponse>;
  PutLogGroupDeletionProtection(ctx: RequestContext, input: PutLogGroupDeletionProtectionRequest): Promise<void>;
  PutMetricFilter(ctx: RequestContext, input: PutMetricFilterRequest): Promise<void>;
  PutQueryDefinition(ctx: RequestContext, input: PutQueryDefinitionRequest): Promise<PutQueryDefinitionResponse>;
  PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyRequest): Promise<PutResourcePolicyResponse>;
  PutRetentionPolicy(ctx: RequestContext, input: PutRetentionPolicyRequest): Promise<void>;
  PutSubscriptionFilter(ctx: RequestContext, input: PutSubscriptionFilterRequest): Promise<void>;
  PutTransformer(ctx: RequestContext, input: PutTransformerRequest): Promise<void>;
  StartLiveTail(ctx: RequestContext, input: StartLiveTailRequest): Promise<StartLiveTailResponse>;
  StartQuery(ctx: RequestContext, input: StartQueryRequest): Promise<StartQueryResponse>;
  StopQuery(ctx: RequestContext, input: StopQueryRequest): Promise<StopQueryResponse>;
  TagLogGroup(ctx: RequestContext, input: TagLogGroupRequest): Promise<void>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void>;
  TestMetricFilter(ctx: RequestContext, input: TestMetricFilterRequest): Promise<TestMetricFilterResponse>;
  TestTransformer(ctx: RequestContext, input: TestTransformerRequest): Promise<TestTransformerResponse>;
  UntagLogGroup(ctx: RequestContext, input: UntagLogGroupRequest): Promise<void>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void>;
  UpdateAnomaly(ctx: RequestContext, input: UpdateAnomalyRequest): Promise<void>;
  UpdateDeliveryConfiguration(ctx: RequestContext, input: UpdateDeliveryConfigurationRequest): Promise<UpdateDeliveryConfigurationResponse>;
  UpdateLogAnomalyDetector(ctx: RequestContext, input: UpdateLogAnomalyDetectorRequest): Promise<void>;
  UpdateLookupTable(ctx: RequestContext, input: UpdateLookupTableRequest): Promise<UpdateLookupTableResponse>;
  UpdateScheduledQuery(ctx: RequestContext, input: UpdateScheduledQueryRequest): Promise<UpdateScheduledQueryResponse>;
}

export const operations = [
  'AssociateKmsKey',
  'AssociateSourceToS3TableIntegration',
  'CancelExportTask',
  'CancelImportTask',
  'CreateDelivery',
  'CreateExportTask',
  'CreateImportTask',
  'CreateLogAnomalyDetector',
  'CreateLogGroup',
  'CreateLogStream',
  'CreateLookupTable',
  'CreateScheduledQuery',
  'DeleteAccountPolicy',
  'DeleteDataProtectionPolicy',
  'DeleteDelivery',
  'DeleteDeliveryDestination',
  'DeleteDeliveryDestinationPolicy',
  'DeleteDeliverySource',
  'DeleteDestination',
  'DeleteIndexPolicy',
  'DeleteIntegration',
  'DeleteLogAnomalyDetector',
  'DeleteLogGroup',
  'DeleteLogStream',
  'DeleteLookupTable',
  'DeleteMetricFilter',
  'DeleteQueryDefinition',
  'DeleteResourcePolicy',
  'DeleteRetentionPolicy',
  'DeleteScheduledQuery',
  'DeleteSubscriptionFilter',
  'DeleteTransformer',
  'DescribeAccountPolicies',
  'DescribeConfigurationTemplates',
  'DescribeDeliveries',
  'DescribeDeliveryDestinations',
  'DescribeDeliverySources',
  'DescribeDestinations',
  'DescribeExportTasks',
  'DescribeFieldIndexes',
  'DescribeImportTaskBatches',
  'DescribeImportTasks',
  'DescribeIndexPolicies',
  'DescribeLogGroups',
  'DescribeLogStreams',
  'DescribeLookupTables',
  'DescribeMetricFilters',
  'DescribeQueries',
  'DescribeQueryDefinitions',
  'DescribeResourcePolicies',
  'DescribeSubscriptionFilters',
  'DisassociateKmsKey',
  'DisassociateSourceFromS3TableIntegration',
  'FilterLogEvents',
  'GetDataProtectionPolicy',
  'GetDelivery',
  'GetDeliveryDestination',
  'GetDeliveryDestinationPolicy',
  'GetDeliverySource',
  'GetIntegration',
  'GetLogAnomalyDetector',
  'GetLogEvents',
  'GetLogFields',
  'GetLogGroupFields',
  'GetLogObject',
  'GetLogRecord',
  'GetLookupTable',
  'GetQueryResults',
  'GetScheduledQuery',
  'GetScheduledQueryHistory',
  'GetTransformer',
  'ListAggregateLogGroupSummaries',
  'ListAnomalies',
  'ListIntegrations',
  'ListLogAnomalyDetectors',
  'ListLogGroups',
  'ListLogGroupsForQuery',
  'ListScheduledQueries',
  'ListSourcesForS3TableIntegration',
  'ListTagsForResource',
  'ListTagsLogGroup',
  'PutAccountPolicy',
  'PutBearerTokenAuthentication',
  'PutDataProtectionPolicy',
  'PutDeliveryDestination',
  'PutDeliveryDestinationPolicy',
  'PutDeliverySource',
  'PutDestination',
  'PutDestinationPolicy',
  'PutIndexPolicy',
  'PutIntegration',
  'PutLogEvents',
  'PutLogGroupDeletionProtection',
  'PutMetricFilter',
  'PutQueryDefinition',
  'PutResourcePolicy',
  'PutRetentionPolicy',
  'PutSubscriptionFilter',
  'PutTransformer',
  'StartLiveTail',
  'StartQuery',
  'StopQuery',
  'TagLogGroup',
  'TagResource',
  'TestMetricFilter',
  'TestTransformer',
  'UntagLogGroup',
  'UntagResource',
  'UpdateAnomaly',
  'UpdateDeliveryConfiguration',
  'UpdateLogAnomalyDetector',
  'UpdateLookupTable',
  'UpdateScheduledQuery',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 400, { fields });
  }
}

export class ConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConflictException', message, 400, { fields });
  }
}

export class DataAlreadyAcceptedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DataAlreadyAcceptedException', message, 400, { fields });
  }
}

export class InternalServerException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerException', message, 400, { fields });
  }
}

export class InternalStreamingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalStreamingException', message, 400, { fields });
  }
}

export class InvalidOperationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOperationException', message, 400, { fields });
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterException', message, 400, { fields });
  }
}

export class InvalidSequenceTokenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSequenceTokenException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class MalformedQueryException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MalformedQueryException', message, 400, { fields });
  }
}

export class OperationAbortedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OperationAbortedException', message, 400, { fields });
  }
}

export class ResourceAlreadyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceAlreadyExistsException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class ServiceQuotaExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceQuotaExceededException', message, 400, { fields });
  }
}

export class ServiceUnavailableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceUnavailableException', message, 400, { fields });
  }
}

export class SessionStreamingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SessionStreamingException', message, 400, { fields });
  }
}

export class SessionTimeoutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SessionTimeoutException', message, 400, { fields });
  }
}

export class ThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ThrottlingException', message, 400, { fields });
  }
}

export class TooManyTagsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyTagsException', message, 400, { fields });
  }
}

export class UnrecognizedClientException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnrecognizedClientException', message, 400, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}

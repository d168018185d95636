// Generated from models/aws/lambda/service-2.json (API version 2015-03-31) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface AccountLimit {
  CodeSizeUnzipped?: Long;
  CodeSizeZipped?: Long;
  ConcurrentExecutions?: Integer;
  TotalCodeSize?: Long;
  UnreservedConcurrentExecutions?: UnreservedConcurrentExecutions;
}

export interface AccountUsage {
  FunctionCount?: Long;
  TotalCodeSize?: Long;
}

export type Action = string;

export interface AddLayerVersionPermissionRequest {
  Action: LayerPermissionAllowedAction;
  LayerName: LayerName;
  OrganizationId?: OrganizationId;
  Principal: LayerPermissionAllowedPrincipal;
  RevisionId?: String_;
  StatementId: StatementId;
  VersionNumber: LayerVersionNumber;
}

export interface AddLayerVersionPermissionResponse {
  RevisionId?: String_;
  Statement?: String_;
}

export interface AddPermissionRequest {
  Action: Action;
  EventSourceToken?: EventSourceToken;
  FunctionName: NamespacedFunctionName;
  FunctionUrlAuthType?: FunctionUrlAuthType;
  InvokedViaFunctionUrl?: InvokedViaFunctionUrl;
  Principal: Principal;
  PrincipalOrgID?: PrincipalOrgID;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  RevisionId?: String_;
  SourceAccount?: SourceOwner;
  SourceArn?: Arn;
  StatementId: StatementId;
}

export interface AddPermissionResponse {
  Statement?: String_;
}

export type AdditionalVersion = string;

export type AdditionalVersionWeights = Record<string, Weight>;

export type Alias = string;

export interface AliasConfiguration {
  AliasArn?: FunctionArn;
  Description?: Description;
  FunctionVersion?: Version;
  Name?: Alias;
  RevisionId?: String_;
  RoutingConfig?: AliasRoutingConfiguration;
}

export type AliasList = AliasConfiguration[];

export interface AliasRoutingConfiguration {
  AdditionalVersionWeights?: AdditionalVersionWeights;
}

export type AllowCredentials = boolean;

export type AllowMethodsList = Method[];

export type AllowOriginsList = Origin[];

export interface AllowedPublishers {
  SigningProfileVersionArns: SigningProfileVersionArns;
}

export interface AmazonManagedKafkaEventSourceConfig {
  ConsumerGroupId?: URI;
  SchemaRegistryConfig?: KafkaSchemaRegistryConfig;
}

export type ApplicationLogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL';

export type Architecture = 'x86_64' | 'arm64';

export type ArchitecturesList = Architecture[];

export type Arn = string;

export type AttemptCount = number;

export type BatchSize = number;

export type BinaryOperationPayload = Buffer;

export type BisectBatchOnFunctionError = boolean;

export type Blob_ = Buffer;

export type BlobStream = Buffer;

export type Boolean_ = boolean;

export interface CallbackDetails {
  CallbackId?: CallbackId;
  Error?: ErrorObject;
  Result?: OperationPayload;
}

export interface CallbackFailedDetails {
  Error: EventError;
}

export type CallbackId = string;

export interface CallbackOptions {
  HeartbeatTimeoutSeconds?: DurationSeconds;
  TimeoutSeconds?: DurationSeconds;
}

export interface CallbackStartedDetails {
  CallbackId: CallbackId;
  HeartbeatTimeout?: DurationSeconds;
  Timeout?: DurationSeconds;
}

export interface CallbackSucceededDetails {
  Result: EventResult;
}

export interface CallbackTimedOutDetails {
  Error: EventError;
}

export interface CapacityProvider {
  CapacityProviderArn: CapacityProviderArn;
  CapacityProviderScalingConfig?: CapacityProviderScalingConfig;
  InstanceRequirements?: InstanceRequirements;
  KmsKeyArn?: KMSKeyArn;
  LastModified?: Timestamp;
  PermissionsConfig: CapacityProviderPermissionsConfig;
  State: CapacityProviderState;
  VpcConfig: CapacityProviderVpcConfig;
}

export type CapacityProviderArn = string;

export interface CapacityProviderConfig {
  LambdaManagedInstancesCapacityProviderConfig: LambdaManagedInstancesCapacityProviderConfig;
}

export type CapacityProviderMaxVCpuCount = number;

export type CapacityProviderName = string;

export interface CapacityProviderPermissionsConfig {
  CapacityProviderOperatorRoleArn: RoleArn;
}

export type CapacityProviderPredefinedMetricType = 'LambdaCapacityProviderAverageCPUUtilization';

export interface CapacityProviderScalingConfig {
  MaxVCpuCount?: CapacityProviderMaxVCpuCount;
  ScalingMode?: CapacityProviderScalingMode;
  ScalingPolicies?: CapacityProviderScalingPoliciesList;
}

export type CapacityProviderScalingMode = 'Auto' | 'Manual';

export type CapacityProviderScalingPoliciesList = TargetTrackingScalingPolicy[];

export type CapacityProviderSecurityGroupIds = SecurityGroupId[];

export type CapacityProviderState = 'Pending' | 'Active' | 'Failed' | 'Deleting';

export type CapacityProviderSubnetIds = SubnetId[];

export interface CapacityProviderVpcConfig {
  SecurityGroupIds: CapacityProviderSecurityGroupIds;
  SubnetIds: CapacityProviderSubnetIds;
}

export type CapacityProvidersList = CapacityProvider[];

export interface ChainedInvokeDetails {
  Error?: ErrorObject;
  Result?: OperationPayload;
}

export interface ChainedInvokeFailedDetails {
  Error: EventError;
}

export interface ChainedInvokeOptions {
  FunctionName: NamespacedFunctionName;
  TenantId?: TenantId;
}

export interface ChainedInvokeStartedDetails {
  DurableExecutionArn?: DurableExecutionArn;
  ExecutedVersion?: VersionWithLatestPublished;
  FunctionName: NamespacedFunctionName;
  Input?: EventInput;
  TenantId?: TenantId;
}

export interface ChainedInvokeStoppedDetails {
  Error: EventError;
}

export interface ChainedInvokeSucceededDetails {
  Result: EventResult;
}

export interface ChainedInvokeTimedOutDetails {
  Error: EventError;
}

export interface CheckpointDurableExecutionRequest {
  CheckpointToken: CheckpointToken;
  ClientToken?: ClientToken;
  DurableExecutionArn: DurableExecutionArn;
  Updates?: OperationUpdates;
}

export interface CheckpointDurableExecutionResponse {
  CheckpointToken?: CheckpointToken;
  NewExecutionState: CheckpointUpdatedExecutionState;
}

export type CheckpointToken = string;

export interface CheckpointUpdatedExecutionState {
  NextMarker?: String_;
  Operations?: Operations;
}

export type ClientToken = string;

export interface CodeSigningConfig {
  AllowedPublishers: AllowedPublishers;
  CodeSigningConfigArn: CodeSigningConfigArn;
  CodeSigningConfigId: CodeSigningConfigId;
  CodeSigningPolicies: CodeSigningPolicies;
  Description?: Description;
  LastModified: Timestamp;
}

export type CodeSigningConfigArn = string;

export type CodeSigningConfigId = string;

export type CodeSigningConfigList = CodeSigningConfig[];

export interface CodeSigningPolicies {
  UntrustedArtifactOnDeployment?: CodeSigningPolicy;
}

export type CodeSigningPolicy = 'Warn' | 'Enforce';

export type CollectionName = string;

export type CompatibleArchitectures = Architecture[];

export type CompatibleRuntimes = Runtime[];

export interface Concurrency {
  ReservedConcurrentExecutions?: ReservedConcurrentExecutions;
}

export interface ContextDetails {
  Error?: ErrorObject;
  ReplayChildren?: ReplayChildren;
  Result?: OperationPayload;
}

export interface ContextFailedDetails {
  Error: EventError;
}

export interface ContextOptions {
  ReplayChildren?: ReplayChildren;
}

export interface ContextStartedDetails {}

export interface ContextSucceededDetails {
  Result: EventResult;
}

export interface Cors {
  AllowCredentials?: AllowCredentials;
  AllowHeaders?: HeadersList;
  AllowMethods?: AllowMethodsList;
  AllowOrigins?: AllowOriginsList;
  ExposeHeaders?: HeadersList;
  MaxAge?: MaxAge;
}

export interface CreateAliasRequest {
  Description?: Description;
  FunctionName: FunctionName;
  FunctionVersion: VersionWithLatestPublished;
  Name: Alias;
  RoutingConfig?: AliasRoutingConfiguration;
}

export interface CreateCapacityProviderRequest {
  CapacityProviderName: CapacityProviderName;
  CapacityProviderScalingConfig?: CapacityProviderScalingConfig;
  InstanceRequirements?: InstanceRequirements;
  KmsKeyArn?: KMSKeyArnNonEmpty;
  PermissionsConfig: CapacityProviderPermissionsConfig;
  Tags?: Tags;
  VpcConfig: CapacityProviderVpcConfig;
}

export interface CreateCapacityProviderResponse {
  CapacityProvider: CapacityProvider;
}

export interface CreateCodeSigningConfigRequest {
  AllowedPublishers: AllowedPublishers;
  CodeSigningPolicies?: CodeSigningPolicies;
  Description?: Description;
  Tags?: Tags;
}

export interface CreateCodeSigningConfigResponse {
  CodeSigningConfig: CodeSigningConfig;
}

export interface CreateEventSourceMappingRequest {
  AmazonManagedKafkaEventSourceConfig?: AmazonManagedKafkaEventSourceConfig;
  BatchSize?: BatchSize;
  BisectBatchOnFunctionError?: BisectBatchOnFunctionError;
  DestinationConfig?: DestinationConfig;
  DocumentDBEventSourceConfig?: DocumentDBEventSourceConfig;
  Enabled?: Enabled;
  EventSourceArn?: Arn;
  FilterCriteria?: FilterCriteria;
  FunctionName: NamespacedFunctionName;
  FunctionResponseTypes?: FunctionResponseTypeList;
  KMSKeyArn?: KMSKeyArn;
  LoggingConfig?: EventSourceMappingLoggingConfig;
  MaximumBatchingWindowInSeconds?: MaximumBatchingWindowInSeconds;
  MaximumRecordAgeInSeconds?: MaximumRecordAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttemptsEventSourceMapping;
  MetricsConfig?: EventSourceMappingMetricsConfig;
  ParallelizationFactor?: ParallelizationFactor;
  ProvisionedPollerConfig?: ProvisionedPollerConfig;
  Queues?: Queues;
  ScalingConfig?: ScalingConfig;
  SelfManagedEventSource?: SelfManagedEventSource;
  SelfManagedKafkaEventSourceConfig?: SelfManagedKafkaEventSourceConfig;
  SourceAccessConfigurations?: SourceAccessConfigurations;
  StartingPosition?: EventSourcePosition;
  StartingPositionTimestamp?: Date_;
  Tags?: Tags;
  Topics?: Topics;
  TumblingWindowInSeconds?: TumblingWindowInSeconds;
}

export interface CreateFunctionRequest {
  Architectures?: ArchitecturesList;
  CapacityProviderConfig?: CapacityProviderConfig;
  Code: FunctionCode;
  CodeSigningConfigArn?: CodeSigningConfigArn;
  DeadLetterConfig?: DeadLetterConfig;
  Description?: Description;
  DurableConfig?: DurableConfig;
  Environment?: Environment;
  EphemeralStorage?: EphemeralStorage;
  FileSystemConfigs?: FileSystemConfigList;
  FunctionName: FunctionName;
  Handler?: Handler;
  ImageConfig?: ImageConfig;
  KMSKeyArn?: KMSKeyArn;
  Layers?: LayerList;
  LoggingConfig?: LoggingConfig;
  MemorySize?: MemorySize;
  PackageType?: PackageType;
  Publish?: Boolean_;
  PublishTo?: FunctionVersionLatestPublished;
  Role: RoleArn;
  Runtime?: Runtime;
  SnapStart?: SnapStart;
  Tags?: Tags;
  TenancyConfig?: TenancyConfig;
  Timeout?: Timeout;
  TracingConfig?: TracingConfig;
  VpcConfig?: VpcConfig;
}

export interface CreateFunctionUrlConfigRequest {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  FunctionName: FunctionName;
  InvokeMode?: InvokeMode;
  Qualifier?: FunctionUrlQualifier;
}

export interface CreateFunctionUrlConfigResponse {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  CreationTime: Timestamp;
  FunctionArn: FunctionArn;
  FunctionUrl: FunctionUrl;
  InvokeMode?: InvokeMode;
}

export type DatabaseName = string;

export type Date_ = Date;

export interface DeadLetterConfig {
  TargetArn?: ResourceArn;
}

export interface DeleteAliasRequest {
  FunctionName: FunctionName;
  Name: Alias;
}

export interface DeleteCapacityProviderRequest {
  CapacityProviderName: CapacityProviderName;
}

export interface DeleteCapacityProviderResponse {
  CapacityProvider: CapacityProvider;
}

export interface DeleteCodeSigningConfigRequest {
  CodeSigningConfigArn: CodeSigningConfigArn;
}

export interface DeleteCodeSigningConfigResponse {}

export interface DeleteEventSourceMappingRequest {
  UUID: String_;
}

export interface DeleteFunctionCodeSigningConfigRequest {
  FunctionName: NamespacedFunctionName;
}

export interface DeleteFunctionConcurrencyRequest {
  FunctionName: FunctionName;
}

export interface DeleteFunctionEventInvokeConfigRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface DeleteFunctionRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface DeleteFunctionResponse {
  StatusCode?: Integer;
}

export interface DeleteFunctionUrlConfigRequest {
  FunctionName: FunctionName;
  Qualifier?: FunctionUrlQualifier;
}

export interface DeleteLayerVersionRequest {
  LayerName: LayerName;
  VersionNumber: LayerVersionNumber;
}

export interface DeleteProvisionedConcurrencyConfigRequest {
  FunctionName: FunctionName;
  Qualifier: Qualifier;
}

export type Description = string;

export type DestinationArn = string;

export interface DestinationConfig {
  OnFailure?: OnFailure;
  OnSuccess?: OnSuccess;
}

export interface DocumentDBEventSourceConfig {
  CollectionName?: CollectionName;
  DatabaseName?: DatabaseName;
  FullDocument?: FullDocument;
}

export interface DurableConfig {
  ExecutionTimeout?: ExecutionTimeout;
  RetentionPeriodInDays?: RetentionPeriodInDays;
}

export type DurableExecutionArn = string;

export type DurableExecutionName = string;

export type DurableExecutions = Execution[];

export type DurationSeconds = number;

export type Enabled = boolean;

export type EndPointType = 'KAFKA_BOOTSTRAP_SERVERS';

export type Endpoint = string;

export type EndpointLists = Endpoint[];

export type Endpoints = Record<string, EndpointLists>;

export interface Environment {
  Variables?: EnvironmentVariables;
}

export interface EnvironmentError {
  ErrorCode?: String_;
  Message?: SensitiveString;
}

export interface EnvironmentResponse {
  Error?: EnvironmentError;
  Variables?: EnvironmentVariables;
}

export type EnvironmentVariableName = string;

export type EnvironmentVariableValue = string;

export type EnvironmentVariables = Record<string, EnvironmentVariableValue>;

export interface EphemeralStorage {
  Size: EphemeralStorageSize;
}

export type EphemeralStorageSize = number;

export type ErrorData = string;

export type ErrorMessage = string;

export interface ErrorObject {
  ErrorData?: ErrorData;
  ErrorMessage?: ErrorMessage;
  ErrorType?: ErrorType;
  StackTrace?: StackTraceEntries;
}

export type ErrorType = string;

export interface Event_ {
  CallbackFailedDetails?: CallbackFailedDetails;
  CallbackStartedDetails?: CallbackStartedDetails;
  CallbackSucceededDetails?: CallbackSucceededDetails;
  CallbackTimedOutDetails?: CallbackTimedOutDetails;
  ChainedInvokeFailedDetails?: ChainedInvokeFailedDetails;
  ChainedInvokeStartedDetails?: ChainedInvokeStartedDetails;
  ChainedInvokeStoppedDetails?: ChainedInvokeStoppedDetails;
  ChainedInvokeSucceededDetails?: ChainedInvokeSucceededDetails;
  ChainedInvokeTimedOutDetails?: ChainedInvokeTimedOutDetails;
  ContextFailedDetails?: ContextFailedDetails;
  ContextStartedDetails?: ContextStartedDetails;
  ContextSucceededDetails?: ContextSucceededDetails;
  EventId?: EventId;
  EventTimestamp?: ExecutionTimestamp;
  EventType?: EventType;
  ExecutionFailedDetails?: ExecutionFailedDetails;
  ExecutionStartedDetails?: ExecutionStartedDetails;
  ExecutionStoppedDetails?: ExecutionStoppedDetails;
  ExecutionSucceededDetails?: ExecutionSucceededDetails;
  ExecutionTimedOutDetails?: ExecutionTimedOutDetails;
  Id?: OperationId;
  InvocationCompletedDetails?: InvocationCompletedDetails;
  Name?: OperationName;
  ParentId?: OperationId;
  StepFailedDetails?: StepFailedDetails;
  StepStartedDetails?: StepStartedDetails;
  StepSucceededDetails?: StepSucceededDetails;
  SubType?: OperationSubType;
  WaitCancelledDetails?: WaitCancelledDetails;
  WaitStartedDetails?: WaitStartedDetails;
  WaitSucceededDetails?: WaitSucceededDetails;
}

export interface EventError {
  Payload?: ErrorObject;
  Truncated?: Truncated;
}

export type EventId = number;

export interface EventInput {
  Payload?: InputPayload;
  Truncated?: Truncated;
}

export interface EventResult {
  Payload?: OperationPayload;
  Truncated?: Truncated;
}

export type EventSourceMappingArn = string;

export interface EventSourceMappingConfiguration {
  AmazonManagedKafkaEventSourceConfig?: AmazonManagedKafkaEventSourceConfig;
  BatchSize?: BatchSize;
  BisectBatchOnFunctionError?: BisectBatchOnFunctionError;
  DestinationConfig?: DestinationConfig;
  DocumentDBEventSourceConfig?: DocumentDBEventSourceConfig;
  EventSourceArn?: Arn;
  EventSourceMappingArn?: EventSourceMappingArn;
  FilterCriteria?: FilterCriteria;
  FilterCriteriaError?: FilterCriteriaError;
  FunctionArn?: FunctionArn;
  FunctionResponseTypes?: FunctionResponseTypeList;
  KMSKeyArn?: KMSKeyArn;
  LastModified?: Date_;
  LastProcessingResult?: String_;
  LoggingConfig?: EventSourceMappingLoggingConfig;
  MaximumBatchingWindowInSeconds?: MaximumBatchingWindowInSeconds;
  MaximumRecordAgeInSeconds?: MaximumRecordAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttemptsEventSourceMapping;
  MetricsConfig?: EventSourceMappingMetricsConfig;
  ParallelizationFactor?: ParallelizationFactor;
  ProvisionedPollerConfig?: ProvisionedPollerConfig;
  Queues?: Queues;
  ScalingConfig?: ScalingConfig;
  SelfManagedEventSource?: SelfManagedEventSource;
  SelfManagedKafkaEventSourceConfig?: SelfManagedKafkaEventSourceConfig;
  SourceAccessConfigurations?: SourceAccessConfigurations;
  StartingPosition?: EventSourcePosition;
  StartingPositionTimestamp?: Date_;
  State?: String_;
  StateTransitionReason?: String_;
  Topics?: Topics;
  TumblingWindowInSeconds?: TumblingWindowInSeconds;
  UUID?: String_;
}

export interface EventSourceMappingLoggingConfig {
  SystemLogLevel?: EventSourceMappingSystemLogLevel;
}

export type EventSourceMappingMetric = 'EventCount' | 'ErrorCount' | 'KafkaMetrics';

export type EventSourceMappingMetricList = EventSourceMappingMetric[];

export interface EventSourceMappingMetricsConfig {
  Metrics?: EventSourceMappingMetricList;
}

export type EventSourceMappingSystemLogLevel = 'DEBUG' | 'INFO' | 'WARN';

export type EventSourceMappingsList = EventSourceMappingConfiguration[];

export type EventSourcePosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

export type EventSourceToken = string;

export type EventType = 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionTimedOut' | 'ExecutionStopped' | 'ContextStarted' | 'ContextSucceeded' | 'ContextFailed' | 'WaitStarted' | 'WaitSucceeded' | 'WaitCancelled' | 'StepStarted' | 'StepSucceeded' | 'StepFailed' | 'ChainedInvokeStarted' | 'ChainedInvokeSucceeded' | 'ChainedInvokeFailed' | 'ChainedInvokeTimedOut' | 'ChainedInvokeStopped' | 'CallbackStarted' | 'CallbackSucceeded' | 'CallbackFailed' | 'CallbackTimedOut' | 'InvocationCompleted';

export type Events = Event_[];

export interface Execution {
  DurableExecutionArn: DurableExecutionArn;
  DurableExecutionName: DurableExecutionName;
  EndTimestamp?: ExecutionTimestamp;
  FunctionArn: NameSpacedFunctionArn;
  StartTimestamp: ExecutionTimestamp;
  Status: ExecutionStatus;
}

export interface ExecutionDetails {
  InputPayload?: InputPayload;
}

export type ExecutionEnvironmentMemoryGiBPerVCpu = number;

export interface ExecutionFailedDetails {
  Error: EventError;
}

export interface ExecutionStartedDetails {
  ExecutionTimeout: DurationSeconds;
  Input: EventInput;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'STOPPED';

export type ExecutionStatusList = ExecutionStatus[];

export interface ExecutionStoppedDetails {
  Error: EventError;
}

export interface ExecutionSucceededDetails {
  Result: EventResult;
}

export interface ExecutionTimedOutDetails {
  Error?: EventError;
}

export type ExecutionTimeout = number;

export type ExecutionTimestamp = Date;

export type FileSystemArn = string;

export interface FileSystemConfig {
  Arn: FileSystemArn;
  LocalMountPath: LocalMountPath;
}

export type FileSystemConfigList = FileSystemConfig[];

export interface Filter {
  Pattern?: Pattern;
}

export interface FilterCriteria {
  Filters?: FilterList;
}

export interface FilterCriteriaError {
  ErrorCode?: FilterCriteriaErrorCode;
  Message?: FilterCriteriaErrorMessage;
}

export type FilterCriteriaErrorCode = string;

export type FilterCriteriaErrorMessage = string;

export type FilterList = Filter[];

export type FullDocument = 'UpdateLookup' | 'Default';

export type FunctionArn = string;

export type FunctionArnList = FunctionArn[];

export interface FunctionCode {
  ImageUri?: String_;
  S3Bucket?: S3Bucket;
  S3Key?: S3Key;
  S3ObjectVersion?: S3ObjectVersion;
  SourceKMSKeyArn?: KMSKeyArn;
  ZipFile?: Blob_;
}

export interface FunctionCodeLocation {
  ImageUri?: String_;
  Location?: String_;
  RepositoryType?: String_;
  ResolvedImageUri?: String_;
  SourceKMSKeyArn?: String_;
}

export interface FunctionConfiguration {
  Architectures?: ArchitecturesList;
  CapacityProviderConfig?: CapacityProviderConfig;
  CodeSha256?: String_;
  CodeSize?: Long;
  ConfigSha256?: String_;
  DeadLetterConfig?: DeadLetterConfig;
  Description?: Description;
  DurableConfig?: DurableConfig;
  Environment?: EnvironmentResponse;
  EphemeralStorage?: EphemeralStorage;
  FileSystemConfigs?: FileSystemConfigList;
  FunctionArn?: NameSpacedFunctionArn;
  FunctionName?: NamespacedFunctionName;
  Handler?: Handler;
  ImageConfigResponse?: ImageConfigResponse;
  KMSKeyArn?: KMSKeyArn;
  LastModified?: Timestamp;
  LastUpdateStatus?: LastUpdateStatus;
  LastUpdateStatusReason?: LastUpdateStatusReason;
  LastUpdateStatusReasonCode?: LastUpdateStatusReasonCode;
  Layers?: LayersReferenceList;
  LoggingConfig?: LoggingConfig;
  MasterArn?: FunctionArn;
  MemorySize?: MemorySize;
  PackageType?: PackageType;
  RevisionId?: String_;
  Role?: RoleArn;
  Runtime?: Runtime;
  RuntimeVersionConfig?: RuntimeVersionConfig;
  SigningJobArn?: Arn;
  SigningProfileVersionArn?: Arn;
  SnapStart?: SnapStartResponse;
  State?: State;
  StateReason?: StateReason;
  StateReasonCode?: StateReasonCode;
  TenancyConfig?: TenancyConfig;
  Timeout?: Timeout;
  TracingConfig?: TracingConfigResponse;
  Version?: Version;
  VpcConfig?: VpcConfigResponse;
}

export interface FunctionEventInvokeConfig {
  DestinationConfig?: DestinationConfig;
  FunctionArn?: FunctionArn;
  LastModified?: Date_;
  MaximumEventAgeInSeconds?: MaximumEventAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttempts;
}

export type FunctionEventInvokeConfigList = FunctionEventInvokeConfig[];

export type FunctionList = FunctionConfiguration[];

export type FunctionName = string;

export type FunctionResponseType = 'ReportBatchItemFailures';

export type FunctionResponseTypeList = FunctionResponseType[];

export interface FunctionScalingConfig {
  MaxExecutionEnvironments?: FunctionScalingConfigExecutionEnvironments;
  MinExecutionEnvironments?: FunctionScalingConfigExecutionEnvironments;
}

export type FunctionScalingConfigExecutionEnvironments = number;

export type FunctionUrl = string;

export type FunctionUrlAuthType = 'NONE' | 'AWS_IAM';

export interface FunctionUrlConfig {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  CreationTime: Timestamp;
  FunctionArn: FunctionArn;
  FunctionUrl: FunctionUrl;
  InvokeMode?: InvokeMode;
  LastModifiedTime: Timestamp;
}

export type FunctionUrlConfigList = FunctionUrlConfig[];

export type FunctionUrlQualifier = string;

export type FunctionVersion = 'ALL';

export type FunctionVersionLatestPublished = 'LATEST_PUBLISHED';

export type FunctionVersionsByCapacityProviderList = FunctionVersionsByCapacityProviderListItem[];

export interface FunctionVersionsByCapacityProviderListItem {
  FunctionArn: NameSpacedFunctionArn;
  State: State;
}

export interface GetAccountSettingsRequest {}

export interface GetAccountSettingsResponse {
  AccountLimit?: AccountLimit;
  AccountUsage?: AccountUsage;
}

export interface GetAliasRequest {
  FunctionName: FunctionName;
  Name: Alias;
}

export interface GetCapacityProviderRequest {
  CapacityProviderName: CapacityProviderName;
}

export interface GetCapacityProviderResponse {
  CapacityProvider: CapacityProvider;
}

export interface GetCodeSigningConfigRequest {
  CodeSigningConfigArn: CodeSigningConfigArn;
}

export interface GetCodeSigningConfigResponse {
  CodeSigningConfig: CodeSigningConfig;
}

export interface GetDurableExecutionHistoryRequest {
  DurableExecutionArn: DurableExecutionArn;
  IncludeExecutionData?: IncludeExecutionData;
  Marker?: String_;
  MaxItems?: ItemCount;
  ReverseOrder?: ReverseOrder;
}

export interface GetDurableExecutionHistoryResponse {
  Events: Events;
  NextMarker?: String_;
}

export interface GetDurableExecutionRequest {
  DurableExecutionArn: DurableExecutionArn;
}

export interface GetDurableExecutionResponse {
  DurableExecutionArn: DurableExecutionArn;
  DurableExecutionName: DurableExecutionName;
  EndTimestamp?: ExecutionTimestamp;
  Error?: ErrorObject;
  FunctionArn: NameSpacedFunctionArn;
  InputPayload?: InputPayload;
  Result?: OutputPayload;
  StartTimestamp: ExecutionTimestamp;
  Status: ExecutionStatus;
  TraceHeader?: TraceHeader;
  Version?: VersionWithLatestPublished;
}

export interface GetDurableExecutionStateRequest {
  CheckpointToken: CheckpointToken;
  DurableExecutionArn: DurableExecutionArn;
  Marker?: String_;
  MaxItems?: ItemCount;
}

export interface GetDurableExecutionStateResponse {
  NextMarker?: String_;
  Operations: Operations;
}

export interface GetEventSourceMappingRequest {
  UUID: String_;
}

export interface GetFunctionCodeSigningConfigRequest {
  FunctionName: NamespacedFunctionName;
}

export interface GetFunctionCodeSigningConfigResponse {
  CodeSigningConfigArn: CodeSigningConfigArn;
  FunctionName: FunctionName;
}

export interface GetFunctionConcurrencyRequest {
  FunctionName: FunctionName;
}

export interface GetFunctionConcurrencyResponse {
  ReservedConcurrentExecutions?: ReservedConcurrentExecutions;
}

export interface GetFunctionConfigurationRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface GetFunctionEventInvokeConfigRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface GetFunctionRecursionConfigRequest {
  FunctionName: UnqualifiedFunctionName;
}

export interface GetFunctionRecursionConfigResponse {
  RecursiveLoop?: RecursiveLoop;
}

export interface GetFunctionRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface GetFunctionResponse {
  Code?: FunctionCodeLocation;
  Concurrency?: Concurrency;
  Configuration?: FunctionConfiguration;
  Tags?: Tags;
  TagsError?: TagsError;
}

export interface GetFunctionScalingConfigRequest {
  FunctionName: UnqualifiedFunctionName;
  Qualifier: PublishedFunctionQualifier;
}

export interface GetFunctionScalingConfigResponse {
  AppliedFunctionScalingConfig?: FunctionScalingConfig;
  FunctionArn?: FunctionArn;
  RequestedFunctionScalingConfig?: FunctionScalingConfig;
}

export interface GetFunctionUrlConfigRequest {
  FunctionName: FunctionName;
  Qualifier?: FunctionUrlQualifier;
}

export interface GetFunctionUrlConfigResponse {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  CreationTime: Timestamp;
  FunctionArn: FunctionArn;
  FunctionUrl: FunctionUrl;
  InvokeMode?: InvokeMode;
  LastModifiedTime: Timestamp;
}

export interface GetLayerVersionByArnRequest {
  Arn: LayerVersionArn;
}

export interface GetLayerVersionPolicyRequest {
  LayerName: LayerName;
  VersionNumber: LayerVersionNumber;
}

export interface GetLayerVersionPolicyResponse {
  Policy?: String_;
  RevisionId?: String_;
}

export interface GetLayerVersionRequest {
  LayerName: LayerName;
  VersionNumber: LayerVersionNumber;
}

export interface GetLayerVersionResponse {
  CompatibleArchitectures?: CompatibleArchitectures;
  CompatibleRuntimes?: CompatibleRuntimes;
  Content?: LayerVersionContentOutput;
  CreatedDate?: Timestamp;
  Description?: Description;
  LayerArn?: LayerArn;
  LayerVersionArn?: LayerVersionArn;
  LicenseInfo?: LicenseInfo;
  Version?: LayerVersionNumber;
}

export interface GetPolicyRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface GetPolicyResponse {
  Policy?: String_;
  RevisionId?: String_;
}

export interface GetProvisionedConcurrencyConfigRequest {
  FunctionName: FunctionName;
  Qualifier: Qualifier;
}

export interface GetProvisionedConcurrencyConfigResponse {
  AllocatedProvisionedConcurrentExecutions?: NonNegativeInteger;
  AvailableProvisionedConcurrentExecutions?: NonNegativeInteger;
  LastModified?: Timestamp;
  RequestedProvisionedConcurrentExecutions?: PositiveInteger;
  Status?: ProvisionedConcurrencyStatusEnum;
  StatusReason?: String_;
}

export interface GetRuntimeManagementConfigRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface GetRuntimeManagementConfigResponse {
  FunctionArn?: NameSpacedFunctionArn;
  RuntimeVersionArn?: RuntimeVersionArn;
  UpdateRuntimeOn?: UpdateRuntimeOn;
}

export type Handler = string;

export type Header = string;

export type HeadersList = Header[];

export type HttpStatus = number;

export interface ImageConfig {
  Command?: StringList;
  EntryPoint?: StringList;
  WorkingDirectory?: WorkingDirectory;
}

export interface ImageConfigError {
  ErrorCode?: String_;
  Message?: SensitiveString;
}

export interface ImageConfigResponse {
  Error?: ImageConfigError;
  ImageConfig?: ImageConfig;
}

export type IncludeExecutionData = boolean;

export type InputPayload = string;

export interface InstanceRequirements {
  AllowedInstanceTypes?: InstanceTypeSet;
  Architectures?: ArchitecturesList;
  ExcludedInstanceTypes?: InstanceTypeSet;
}

export type InstanceType_ = string;

export type InstanceTypeSet = InstanceType_[];

export type Integer = number;

export interface InvocationCompletedDetails {
  EndTimestamp: ExecutionTimestamp;
  Error?: EventError;
  RequestId: String_;
  StartTimestamp: ExecutionTimestamp;
}

export interface InvocationRequest {
  ClientContext?: String_;
  DurableExecutionName?: DurableExecutionName;
  FunctionName: NamespacedFunctionName;
  InvocationType?: InvocationType;
  LogType?: LogType;
  Payload?: Blob_;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  TenantId?: TenantId;
}

export interface InvocationResponse {
  DurableExecutionArn?: DurableExecutionArn;
  ExecutedVersion?: Version;
  FunctionError?: String_;
  LogResult?: String_;
  Payload?: Blob_;
  StatusCode?: Integer;
}

export type InvocationType = 'Event' | 'RequestResponse' | 'DryRun';

export interface InvokeAsyncRequest {
  FunctionName: NamespacedFunctionName;
  InvokeArgs: BlobStream;
}

export interface InvokeAsyncResponse {
  Status?: HttpStatus;
}

export type InvokeMode = 'BUFFERED' | 'RESPONSE_STREAM';

export interface InvokeResponseStreamUpdate {
  Payload?: Blob_;
}

export interface InvokeWithResponseStreamCompleteEvent {
  ErrorCode?: String_;
  ErrorDetails?: String_;
  LogResult?: String_;
}

export interface InvokeWithResponseStreamRequest {
  ClientContext?: String_;
  FunctionName: NamespacedFunctionName;
  InvocationType?: ResponseStreamingInvocationType;
  LogType?: LogType;
  Payload?: Blob_;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  TenantId?: TenantId;
}

export interface InvokeWithResponseStreamResponse {
  EventStream?: InvokeWithResponseStreamResponseEvent;
  ExecutedVersion?: Version;
  ResponseStreamContentType?: String_;
  StatusCode?: Integer;
}

export interface InvokeWithResponseStreamResponseEvent {
  InvokeComplete?: InvokeWithResponseStreamCompleteEvent;
  PayloadChunk?: InvokeResponseStreamUpdate;
}

export type InvokedViaFunctionUrl = boolean;

export type ItemCount = number;

export type KMSKeyArn = string;

export type KMSKeyArnNonEmpty = string;

export interface KafkaSchemaRegistryAccessConfig {
  Type?: KafkaSchemaRegistryAuthType;
  URI?: Arn;
}

export type KafkaSchemaRegistryAccessConfigList = KafkaSchemaRegistryAccessConfig[];

export type KafkaSchemaRegistryAuthType = 'BASIC_AUTH' | 'CLIENT_CERTIFICATE_TLS_AUTH' | 'SERVER_ROOT_CA_CERTIFICATE';

export interface KafkaSchemaRegistryConfig {
  AccessConfigs?: KafkaSchemaRegistryAccessConfigList;
  EventRecordFormat?: SchemaRegistryEventRecordFormat;
  SchemaRegistryURI?: SchemaRegistryUri;
  SchemaValidationConfigs?: KafkaSchemaValidationConfigList;
}

export type KafkaSchemaValidationAttribute = 'KEY' | 'VALUE';

export interface KafkaSchemaValidationConfig {
  Attribute?: KafkaSchemaValidationAttribute;
}

export type KafkaSchemaValidationConfigList = KafkaSchemaValidationConfig[];

export interface LambdaManagedInstancesCapacityProviderConfig {
  CapacityProviderArn: CapacityProviderArn;
  ExecutionEnvironmentMemoryGiBPerVCpu?: ExecutionEnvironmentMemoryGiBPerVCpu;
  PerExecutionEnvironmentMaxConcurrency?: PerExecutionEnvironmentMaxConcurrency;
}

export type LastUpdateStatus = 'Successful' | 'Failed' | 'InProgress';

export type LastUpdateStatusReason = string;

export type LastUpdateStatusReasonCode = 'EniLimitExceeded' | 'InsufficientRolePermissions' | 'InvalidConfiguration' | 'InternalError' | 'SubnetOutOfIPAddresses' | 'InvalidSubnet' | 'InvalidSecurityGroup' | 'ImageDeleted' | 'ImageAccessDenied' | 'InvalidImage' | 'KMSKeyAccessDenied' | 'KMSKeyNotFound' | 'InvalidStateKMSKey' | 'DisabledKMSKey' | 'EFSIOError' | 'EFSMountConnectivityError' | 'EFSMountFailure' | 'EFSMountTimeout' | 'InvalidRuntime' | 'InvalidZipFileException' | 'FunctionError' | 'VcpuLimitExceeded' | 'CapacityProviderScalingLimitExceeded' | 'InsufficientCapacity' | 'EC2RequestLimitExceeded' | 'FunctionError.InitTimeout' | 'FunctionError.RuntimeInitError' | 'FunctionError.ExtensionInitError' | 'FunctionError.InvalidEntryPoint' | 'FunctionError.InvalidWorkingDirectory' | 'FunctionError.PermissionDenied' | 'FunctionError.TooManyExtensions' | 'FunctionError.InitResourceExhausted' | 'DisallowedByVpcEncryptionControl';

export interface Layer {
  Arn?: LayerVersionArn;
  CodeSize?: Long;
  SigningJobArn?: Arn;
  SigningProfileVersionArn?: Arn;
}

export type LayerArn = string;

export type LayerList = LayerVersionArn[];

export type LayerName = string;

export type LayerPermissionAllowedAction = string;

export type LayerPermissionAllowedPrincipal = string;

export type LayerVersionArn = string;

export interface LayerVersionContentInput {
  S3Bucket?: S3Bucket;
  S3Key?: S3Key;
  S3ObjectVersion?: S3ObjectVersion;
  ZipFile?: Blob_;
}

export interface LayerVersionContentOutput {
  CodeSha256?: String_;
  CodeSize?: Long;
  Location?: String_;
  SigningJobArn?: String_;
  SigningProfileVersionArn?: String_;
}

export type LayerVersionNumber = number;

export type LayerVersionsList = LayerVersionsListItem[];

export interface LayerVersionsListItem {
  CompatibleArchitectures?: CompatibleArchitectures;
  CompatibleRuntimes?: CompatibleRuntimes;
  CreatedDate?: Timestamp;
  Description?: Description;
  LayerVersionArn?: LayerVersionArn;
  LicenseInfo?: LicenseInfo;
  Version?: LayerVersionNumber;
}

export type LayersList = LayersListItem[];

export interface LayersListItem {
  LatestMatchingVersion?: LayerVersionsListItem;
  LayerArn?: LayerArn;
  LayerName?: LayerName;
}

export type LayersReferenceList = Layer[];

export type LicenseInfo = string;

export interface ListAliasesRequest {
  FunctionName: FunctionName;
  FunctionVersion?: VersionWithLatestPublished;
  Marker?: String_;
  MaxItems?: MaxListItems;
}

export interface ListAliasesResponse {
  Aliases?: AliasList;
  NextMarker?: String_;
}

export interface ListCapacityProvidersRequest {
  Marker?: String_;
  MaxItems?: MaxFiftyListItems;
  State?: CapacityProviderState;
}

export interface ListCapacityProvidersResponse {
  CapacityProviders: CapacityProvidersList;
  NextMarker?: String_;
}

export interface ListCodeSigningConfigsRequest {
  Marker?: String_;
  MaxItems?: MaxListItems;
}

export interface ListCodeSigningConfigsResponse {
  CodeSigningConfigs?: CodeSigningConfigList;
  NextMarker?: String_;
}

export interface ListDurableExecutionsByFunctionRequest {
  DurableExecutionName?: DurableExecutionName;
  FunctionName: NamespacedFunctionName;
  Marker?: String_;
  MaxItems?: ItemCount;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  ReverseOrder?: ReverseOrder;
  StartedAfter?: ExecutionTimestamp;
  StartedBefore?: ExecutionTimestamp;
  Statuses?: ExecutionStatusList;
}

export interface ListDurableExecutionsByFunctionResponse {
  DurableExecutions?: DurableExecutions;
  NextMarker?: String_;
}

export interface ListEventSourceMappingsRequest {
  EventSourceArn?: Arn;
  FunctionName?: NamespacedFunctionName;
  Marker?: String_;
  MaxItems?: MaxListItems;
}

export interface ListEventSourceMappingsResponse {
  EventSourceMappings?: EventSourceMappingsList;
  NextMarker?: String_;
}

export interface ListFunctionEventInvokeConfigsRequest {
  FunctionName: NamespacedFunctionName;
  Marker?: String_;
  MaxItems?: MaxFunctionEventInvokeConfigListItems;
}

export interface ListFunctionEventInvokeConfigsResponse {
  FunctionEventInvokeConfigs?: FunctionEventInvokeConfigList;
  NextMarker?: String_;
}

export interface ListFunctionUrlConfigsRequest {
  FunctionName: FunctionName;
  Marker?: String_;
  MaxItems?: MaxItems;
}

export interface ListFunctionUrlConfigsResponse {
  FunctionUrlConfigs: FunctionUrlConfigList;
  NextMarker?: String_;
}

export interface ListFunctionVersionsByCapacityProviderRequest {
  CapacityProviderName: CapacityProviderName;
  Marker?: String_;
  MaxItems?: MaxFiftyListItems;
}

export interface ListFunctionVersionsByCapacityProviderResponse {
  CapacityProviderArn: CapacityProviderArn;
  FunctionVersions: FunctionVersionsByCapacityProviderList;
  NextMarker?: String_;
}

export interface ListFunctionsByCodeSigningConfigRequest {
  CodeSigningConfigArn: CodeSigningConfigArn;
  Marker?: String_;
  MaxItems?: MaxListItems;
}

export interface ListFunctionsByCodeSigningConfigResponse {
  FunctionArns?: FunctionArnList;
  NextMarker?: String_;
}

export interface ListFunctionsRequest {
  FunctionVersion?: FunctionVersion;
  Marker?: String_;
  MasterRegion?: MasterRegion;
  MaxItems?: MaxListItems;
}

export interface ListFunctionsResponse {
  Functions?: FunctionList;
  NextMarker?: String_;
}

export interface ListLayerVersionsRequest {
  CompatibleArchitecture?: Architecture;
  CompatibleRuntime?: Runtime;
  LayerName: LayerName;
  Marker?: String_;
  MaxItems?: MaxLayerListItems;
}

export interface ListLayerVersionsResponse {
  LayerVersions?: LayerVersionsList;
  NextMarker?: String_;
}

export interface ListLayersRequest {
  CompatibleArchitecture?: Architecture;
  CompatibleRuntime?: Runtime;
  Marker?: String_;
  MaxItems?: MaxLayerListItems;
}

export interface ListLayersResponse {
  Layers?: LayersList;
  NextMarker?: String_;
}

export interface ListProvisionedConcurrencyConfigsRequest {
  FunctionName: FunctionName;
  Marker?: String_;
  MaxItems?: MaxProvisionedConcurrencyConfigListItems;
}

export interface ListProvisionedConcurrencyConfigsResponse {
  NextMarker?: String_;
  ProvisionedConcurrencyConfigs?: ProvisionedConcurrencyConfigList;
}

export interface ListTagsRequest {
  Resource: TaggableResource;
}

export interface ListTagsResponse {
  Tags?: Tags;
}

export interface ListVersionsByFunctionRequest {
  FunctionName: NamespacedFunctionName;
  Marker?: String_;
  MaxItems?: MaxListItems;
}

export interface ListVersionsByFunctionResponse {
  NextMarker?: String_;
  Versions?: FunctionList;
}

export type LocalMountPath = string;

export type LogFormat = 'JSON' | 'Text';

export type LogGroup = string;

export type LogType = 'None' | 'Tail';

export interface LoggingConfig {
  ApplicationLogLevel?: ApplicationLogLevel;
  LogFormat?: LogFormat;
  LogGroup?: LogGroup;
  SystemLogLevel?: SystemLogLevel;
}

export type Long = number;

export type MasterRegion = string;

export type MaxAge = number;

export type MaxFiftyListItems = number;

export type MaxFunctionEventInvokeConfigListItems = number;

export type MaxItems = number;

export type MaxLayerListItems = number;

export type MaxListItems = number;

export type MaxProvisionedConcurrencyConfigListItems = number;

export type MaximumBatchingWindowInSeconds = number;

export type MaximumConcurrency = number;

export type MaximumEventAgeInSeconds = number;

export type MaximumNumberOfPollers = number;

export type MaximumRecordAgeInSeconds = number;

export type MaximumRetryAttempts = number;

export type MaximumRetryAttemptsEventSourceMapping = number;

export type MemorySize = number;

export type Method = string;

export type MetricTargetValue = number;

export type MinimumNumberOfPollers = number;

export type NameSpacedFunctionArn = string;

export type NamespacedFunctionName = string;

export type NamespacedStatementId = string;

export type NonNegativeInteger = number;

export type NullableBoolean = boolean;

export type NumericLatestPublishedOrAliasQualifier = string;

export interface OnFailure {
  Destination?: DestinationArn;
}

export interface OnSuccess {
  Destination?: DestinationArn;
}

export interface Operation {
  CallbackDetails?: CallbackDetails;
  ChainedInvokeDetails?: ChainedInvokeDetails;
  ContextDetails?: ContextDetails;
  EndTimestamp?: ExecutionTimestamp;
  ExecutionDetails?: ExecutionDetails;
  Id: OperationId;
  Name?: OperationName;
  ParentId?: OperationId;
  StartTimestamp: ExecutionTimestamp;
  Status: OperationStatus;
  StepDetails?: StepDetails;
  SubType?: OperationSubType;
  Type: OperationType;
  WaitDetails?: WaitDetails;
}

export type OperationAction = 'START' | 'SUCCEED' | 'FAIL' | 'RETRY' | 'CANCEL';

export type OperationId = string;

export type OperationName = string;

export type OperationPayload = string;

export type OperationStatus = 'STARTED' | 'PENDING' | 'READY' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT' | 'STOPPED';

export type OperationSubType = string;

export type OperationType = 'EXECUTION' | 'CONTEXT' | 'STEP' | 'WAIT' | 'CALLBACK' | 'CHAINED_INVOKE';

export interface OperationUpdate {
  Action: OperationAction;
  CallbackOptions?: CallbackOptions;
  ChainedInvokeOptions?: ChainedInvokeOptions;
  ContextOptions?: ContextOptions;
  Error?: ErrorObject;
  Id: OperationId;
  Name?: OperationName;
  ParentId?: OperationId;
  Payload?: OperationPayload;
  StepOptions?: StepOptions;
  SubType?: OperationSubType;
  Type: OperationType;
  WaitOptions?: WaitOptions;
}

export type OperationUpdates = OperationUpdate[];

export type Operations = Operation[];

export type OrganizationId = string;

export type Origin = string;

export type OutputPayload = string;

export type PackageType = 'Zip' | 'Image';

export type ParallelizationFactor = number;

export type Pattern = string;

export type PerExecutionEnvironmentMaxConcurrency = number;

export type PositiveInteger = number;

export type Principal = string;

export type PrincipalOrgID = string;

export type ProvisionedConcurrencyConfigList = ProvisionedConcurrencyConfigListItem[];

export interface ProvisionedConcurrencyConfigListItem {
  AllocatedProvisionedConcurrentExecutions?: NonNegativeInteger;
  AvailableProvisionedConcurrentExecutions?: NonNegativeInteger;
  FunctionArn?: FunctionArn;
  LastModified?: Timestamp;
  RequestedProvisionedConcurrentExecutions?: PositiveInteger;
  Status?: ProvisionedConcurrencyStatusEnum;
  StatusReason?: String_;
}

export type ProvisionedConcurrencyStatusEnum = 'IN_PROGRESS' | 'READY' | 'FAILED';

export interface ProvisionedPollerConfig {
  MaximumPollers?: MaximumNumberOfPollers;
  MinimumPollers?: MinimumNumberOfPollers;
  PollerGroupName?: ProvisionedPollerGroupName;
}

export type ProvisionedPollerGroupName = string;

export interface PublishLayerVersionRequest {
  CompatibleArchitectures?: CompatibleArchitectures;
  CompatibleRuntimes?: CompatibleRuntimes;
  Content: LayerVersionContentInput;
  Description?: Description;
  LayerName: LayerName;
  LicenseInfo?: LicenseInfo;
}

export interface PublishLayerVersionResponse {
  CompatibleArchitectures?: CompatibleArchitectures;
  CompatibleRuntimes?: CompatibleRuntimes;
  Content?: LayerVersionContentOutput;
  CreatedDate?: Timestamp;
  Description?: Description;
  LayerArn?: LayerArn;
  LayerVersionArn?: LayerVersionArn;
  LicenseInfo?: LicenseInfo;
  Version?: LayerVersionNumber;
}

export interface PublishVersionRequest {
  CodeSha256?: String_;
  Description?: Description;
  FunctionName: FunctionName;
  PublishTo?: FunctionVersionLatestPublished;
  RevisionId?: String_;
}

export type PublishedFunctionQualifier = string;

export interface PutFunctionCodeSigningConfigRequest {
  CodeSigningConfigArn: CodeSigningConfigArn;
  FunctionName: NamespacedFunctionName;
}

export interface PutFunctionCodeSigningConfigResponse {
  CodeSigningConfigArn: CodeSigningConfigArn;
  FunctionName: FunctionName;
}

export interface PutFunctionConcurrencyRequest {
  FunctionName: FunctionName;
  ReservedConcurrentExecutions: ReservedConcurrentExecutions;
}

export interface PutFunctionEventInvokeConfigRequest {
  DestinationConfig?: DestinationConfig;
  FunctionName: NamespacedFunctionName;
  MaximumEventAgeInSeconds?: MaximumEventAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttempts;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface PutFunctionRecursionConfigRequest {
  FunctionName: UnqualifiedFunctionName;
  RecursiveLoop: RecursiveLoop;
}

export interface PutFunctionRecursionConfigResponse {
  RecursiveLoop?: RecursiveLoop;
}

export interface PutFunctionScalingConfigRequest {
  FunctionName: UnqualifiedFunctionName;
  FunctionScalingConfig?: FunctionScalingConfig;
  Qualifier: PublishedFunctionQualifier;
}

export interface PutFunctionScalingConfigResponse {
  FunctionState?: State;
}

export interface PutProvisionedConcurrencyConfigRequest {
  FunctionName: FunctionName;
  ProvisionedConcurrentExecutions: PositiveInteger;
  Qualifier: Qualifier;
}

export interface PutProvisionedConcurrencyConfigResponse {
  AllocatedProvisionedConcurrentExecutions?: NonNegativeInteger;
  AvailableProvisionedConcurrentExecutions?: NonNegativeInteger;
  LastModified?: Timestamp;
  RequestedProvisionedConcurrentExecutions?: PositiveInteger;
  Status?: ProvisionedConcurrencyStatusEnum;
  StatusReason?: String_;
}

export interface PutRuntimeManagementConfigRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  RuntimeVersionArn?: RuntimeVersionArn;
  UpdateRuntimeOn: UpdateRuntimeOn;
}

export interface PutRuntimeManagementConfigResponse {
  FunctionArn: FunctionArn;
  RuntimeVersionArn?: RuntimeVersionArn;
  UpdateRuntimeOn: UpdateRuntimeOn;
}

export type Qualifier = string;

export type Queue = string;

export type Queues = Queue[];

export type RecursiveLoop = 'Allow' | 'Terminate';

export interface RemoveLayerVersionPermissionRequest {
  LayerName: LayerName;
  RevisionId?: String_;
  StatementId: StatementId;
  VersionNumber: LayerVersionNumber;
}

export interface RemovePermissionRequest {
  FunctionName: NamespacedFunctionName;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
  RevisionId?: String_;
  StatementId: NamespacedStatementId;
}

export type ReplayChildren = boolean;

export type ReservedConcurrentExecutions = number;

export type ResourceArn = string;

export type ResponseStreamingInvocationType = 'RequestResponse' | 'DryRun';

export type RetentionPeriodInDays = number;

export interface RetryDetails {
  CurrentAttempt?: AttemptCount;
  NextAttemptDelaySeconds?: DurationSeconds;
}

export type ReverseOrder = boolean;

export type RoleArn = string;

export type Runtime = 'nodejs' | 'nodejs4.3' | 'nodejs6.10' | 'nodejs8.10' | 'nodejs10.x' | 'nodejs12.x' | 'nodejs14.x' | 'nodejs16.x' | 'java8' | 'java8.al2' | 'java11' | 'python2.7' | 'python3.6' | 'python3.7' | 'python3.8' | 'python3.9' | 'dotnetcore1.0' | 'dotnetcore2.0' | 'dotnetcore2.1' | 'dotnetcore3.1' | 'dotnet6' | 'dotnet8' | 'nodejs4.3-edge' | 'go1.x' | 'ruby2.5' | 'ruby2.7' | 'provided' | 'provided.al2' | 'nodejs18.x' | 'python3.10' | 'java17' | 'ruby3.2' | 'ruby3.3' | 'ruby3.4' | 'python3.11' | 'nodejs20.x' | 'provided.al2023' | 'python3.12' | 'java21' | 'python3.13' | 'nodejs22.x' | 'nodejs24.x' | 'python3.14' | 'java25' | 'dotnet10' | 'ruby4.0';

export type RuntimeVersionArn = string;

export interface RuntimeVersionConfig {
  Error?: RuntimeVersionError;
  RuntimeVersionArn?: RuntimeVersionArn;
}

export interface RuntimeVersionError {
  ErrorCode?: String_;
  Message?: SensitiveString;
}

export type S3Bucket = string;

export type S3Key = string;

export type S3ObjectVersion = string;

export interface ScalingConfig {
  MaximumConcurrency?: MaximumConcurrency;
}

export type SchemaRegistryEventRecordFormat = 'JSON' | 'SOURCE';

export type SchemaRegistryUri = string;

export type SecurityGroupId = string;

export type SecurityGroupIds = SecurityGroupId[];

export interface SelfManagedEventSource {
  Endpoints?: Endpoints;
}

export interface SelfManagedKafkaEventSourceConfig {
  ConsumerGroupId?: URI;
  SchemaRegistryConfig?: KafkaSchemaRegistryConfig;
}

export interface SendDurableExecutionCallbackFailureRequest {
  CallbackId: CallbackId;
  Error?: ErrorObject;
}

export interface SendDurableExecutionCallbackFailureResponse {}

export interface SendDurableExecutionCallbackHeartbeatRequest {
  CallbackId: CallbackId;
}

export interface SendDurableExecutionCallbackHeartbeatResponse {}

export interface SendDurableExecutionCallbackSuccessRequest {
  CallbackId: CallbackId;
  Result?: BinaryOperationPayload;
}

export interface SendDurableExecutionCallbackSuccessResponse {}

export type SensitiveString = string;

export type SigningProfileVersionArns = Arn[];

export interface SnapStart {
  ApplyOn?: SnapStartApplyOn;
}

export type SnapStartApplyOn = 'PublishedVersions' | 'None';

export type SnapStartOptimizationStatus = 'On' | 'Off';

export interface SnapStartResponse {
  ApplyOn?: SnapStartApplyOn;
  OptimizationStatus?: SnapStartOptimizationStatus;
}

export interface SourceAccessConfiguration {
  Type?: SourceAccessType;
  URI?: URI;
}

export type SourceAccessConfigurations = SourceAccessConfiguration[];

export type SourceAccessType = 'BASIC_AUTH' | 'VPC_SUBNET' | 'VPC_SECURITY_GROUP' | 'SASL_SCRAM_512_AUTH' | 'SASL_SCRAM_256_AUTH' | 'VIRTUAL_HOST' | 'CLIENT_CERTIFICATE_TLS_AUTH' | 'SERVER_ROOT_CA_CERTIFICATE';

export type SourceOwner = string;

export type StackTraceEntries = StackTraceEntry[];

export type StackTraceEntry = string;

export type State = 'Pending' | 'Active' | 'Inactive' | 'Failed' | 'Deactivating' | 'Deactivated' | 'ActiveNonInvocable' | 'Deleting';

export type StateReason = string;

export type StateReasonCode = 'Idle' | 'Creating' | 'Restoring' | 'EniLimitExceeded' | 'InsufficientRolePermissions' | 'InvalidConfiguration' | 'InternalError' | 'SubnetOutOfIPAddresses' | 'InvalidSubnet' | 'InvalidSecurityGroup' | 'ImageDeleted' | 'ImageAccessDenied' | 'InvalidImage' | 'KMSKeyAccessDenied' | 'KMSKeyNotFound' | 'InvalidStateKMSKey' | 'DisabledKMSKey' | 'EFSIOError' | 'EFSMountConnectivityError' | 'EFSMountFailure' | 'EFSMountTimeout' | 'InvalidRuntime' | 'InvalidZipFileException' | 'FunctionError' | 'DrainingDurableExecutions' | 'VcpuLimitExceeded' | 'CapacityProviderScalingLimitExceeded' | 'InsufficientCapacity' | 'EC2RequestLimitExceeded' | 'FunctionError.InitTimeout' | 'FunctionError.RuntimeInitError' | 'FunctionError.ExtensionInitError' | 'FunctionError.InvalidEntryPoint' | 'FunctionError.InvalidWorkingDirectory' | 'FunctionError.PermissionDenied' | 'FunctionError.TooManyExtensions' | 'FunctionError.InitResourceExhausted' | 'DisallowedByVpcEncryptionControl';

export type StatementId = string;

export interface StepDetails {
  Attempt?: AttemptCount;
  Error?: ErrorObject;
  NextAttemptTimestamp?: ExecutionTimestamp;
  Result?: OperationPayload;
}

export interface StepFailedDetails {
  Error: EventError;
  RetryDetails: RetryDetails;
}

export interface StepOptions {
  NextAttemptDelaySeconds?: StepOptionsNextAttemptDelaySecondsInteger;
}

export type StepOptionsNextAttemptDelaySecondsInteger = number;

export interface StepStartedDetails {}

export interface StepSucceededDetails {
  Result: EventResult;
  RetryDetails: RetryDetails;
}

export interface StopDurableExecutionRequest {
  DurableExecutionArn: DurableExecutionArn;
  Error?: ErrorObject;
}

export interface StopDurableExecutionResponse {
  StopTimestamp: ExecutionTimestamp;
}

export type String_ = string;

export type StringList = String_[];

export type SubnetId = string;

export type SubnetIds = SubnetId[];

export type SystemLogLevel = 'DEBUG' | 'INFO' | 'WARN';

export type TagKey = string;

export type TagKeyList = TagKey[];

export interface TagResourceRequest {
  Resource: TaggableResource;
  Tags: Tags;
}

export type TagValue = string;

export type TaggableResource = string;

export type Tags = Record<string, TagValue>;

export interface TagsError {
  ErrorCode: TagsErrorCode;
  Message: TagsErrorMessage;
}

export type TagsErrorCode = string;

export type TagsErrorMessage = string;

export interface TargetTrackingScalingPolicy {
  PredefinedMetricType: CapacityProviderPredefinedMetricType;
  TargetValue: MetricTargetValue;
}

export interface TenancyConfig {
  TenantIsolationMode: TenantIsolationMode;
}

export type TenantId = string;

export type TenantIsolationMode = 'PER_TENANT';

export type ThrottleReason = 'ConcurrentInvocationLimitExceeded' | 'FunctionInvocationRateLimitExceeded' | 'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ReservedFunctionInvocationRateLimitExceeded' | 'CallerRateLimitExceeded' | 'ConcurrentSnapshotCreateLimitExceeded';

export type Timeout = number;

export type Timestamp = string;

export type Topic = string;

export type Topics = Topic[];

export interface TraceHeader {
  XAmznTraceId?: XAmznTraceId;
}

export interface TracingConfig {
  Mode?: TracingMode;
}

export interface TracingConfigResponse {
  Mode?: TracingMode;
}

export type TracingMode = 'Active' | 'PassThrough';

export type Truncated = boolean;

export type TumblingWindowInSeconds = number;

export type URI = string;

export type UnqualifiedFunctionName = string;

export type UnreservedConcurrentExecutions = number;

export interface UntagResourceRequest {
  Resource: TaggableResource;
  TagKeys: TagKeyList;
}

export interface UpdateAliasRequest {
  Description?: Description;
  FunctionName: FunctionName;
  FunctionVersion?: VersionWithLatestPublished;
  Name: Alias;
  RevisionId?: String_;
  RoutingConfig?: AliasRoutingConfiguration;
}

export interface UpdateCapacityProviderRequest {
  CapacityProviderName: CapacityProviderName;
  CapacityProviderScalingConfig?: CapacityProviderScalingConfig;
}

export interface UpdateCapacityProviderResponse {
  CapacityProvider: CapacityProvider;
}

export interface UpdateCodeSigningConfigRequest {
  AllowedPublishers?: AllowedPublishers;
  CodeSigningConfigArn: CodeSigningConfigArn;
  CodeSigningPolicies?: CodeSigningPolicies;
  Description?: Description;
}

export interface UpdateCodeSigningConfigResponse {
  CodeSigningConfig: CodeSigningConfig;
}

export interface UpdateEventSourceMappingRequest {
  AmazonManagedKafkaEventSourceConfig?: AmazonManagedKafkaEventSourceConfig;
  BatchSize?: BatchSize;
  BisectBatchOnFunctionError?: BisectBatchOnFunctionError;
  DestinationConfig?: DestinationConfig;
  DocumentDBEventSourceConfig?: DocumentDBEventSourceConfig;
  Enabled?: Enabled;
  FilterCriteria?: FilterCriteria;
  FunctionName?: NamespacedFunctionName;
  FunctionResponseTypes?: FunctionResponseTypeList;
  KMSKeyArn?: KMSKeyArn;
  LoggingConfig?: EventSourceMappingLoggingConfig;
  MaximumBatchingWindowInSeconds?: MaximumBatchingWindowInSeconds;
  MaximumRecordAgeInSeconds?: MaximumRecordAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttemptsEventSourceMapping;
  MetricsConfig?: EventSourceMappingMetricsConfig;
  ParallelizationFactor?: ParallelizationFactor;
  ProvisionedPollerConfig?: ProvisionedPollerConfig;
  ScalingConfig?: ScalingConfig;
  SelfManagedKafkaEventSourceConfig?: SelfManagedKafkaEventSourceConfig;
  SourceAccessConfigurations?: SourceAccessConfigurations;
  TumblingWindowInSeconds?: TumblingWindowInSeconds;
  UUID: String_;
}

export interface UpdateFunctionCodeRequest {
  Architectures?: ArchitecturesList;
  DryRun?: Boolean_;
  FunctionName: FunctionName;
  ImageUri?: String_;
  Publish?: Boolean_;
  PublishTo?: FunctionVersionLatestPublished;
  RevisionId?: String_;
  S3Bucket?: S3Bucket;
  S3Key?: S3Key;
  S3ObjectVersion?: S3ObjectVersion;
  SourceKMSKeyArn?: KMSKeyArn;
  ZipFile?: Blob_;
}

export interface UpdateFunctionConfigurationRequest {
  CapacityProviderConfig?: CapacityProviderConfig;
  DeadLetterConfig?: DeadLetterConfig;
  Description?: Description;
  DurableConfig?: DurableConfig;
  Environment?: Environment;
  EphemeralStorage?: EphemeralStorage;
  FileSystemConfigs?: FileSystemConfigList;
  FunctionName: FunctionName;
  Handler?: Handler;
  ImageConfig?: ImageConfig;
  KMSKeyArn?: KMSKeyArn;
  Layers?: LayerList;
  LoggingConfig?: LoggingConfig;
  MemorySize?: MemorySize;
  RevisionId?: String_;
  Role?: RoleArn;
  Runtime?: Runtime;
  SnapStart?: SnapStart;
  Timeout?: Timeout;
  TracingConfig?: TracingConfig;
  VpcConfig?: VpcConfig;
}

export interface UpdateFunctionEventInvokeConfigRequest {
  DestinationConfig?: DestinationConfig;
  FunctionName: NamespacedFunctionName;
  MaximumEventAgeInSeconds?: MaximumEventAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttempts;
  Qualifier?: NumericLatestPublishedOrAliasQualifier;
}

export interface UpdateFunctionUrlConfigRequest {
  AuthType?: FunctionUrlAuthType;
  Cors?: Cors;
  FunctionName: FunctionName;
  InvokeMode?: InvokeMode;
  Qualifier?: FunctionUrlQualifier;
}

export interface UpdateFunctionUrlConfigResponse {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  CreationTime: Timestamp;
  FunctionArn: FunctionArn;
  FunctionUrl: FunctionUrl;
  InvokeMode?: InvokeMode;
  LastModifiedTime: Timestamp;
}

export type UpdateRuntimeOn = 'Auto' | 'Manual' | 'FunctionUpdate';

export type Version = string;

export type VersionWithLatestPublished = string;

export interface VpcConfig {
  Ipv6AllowedForDualStack?: NullableBoolean;
  SecurityGroupIds?: SecurityGroupIds;
  SubnetIds?: SubnetIds;
}

export interface VpcConfigResponse {
  Ipv6AllowedForDualStack?: NullableBoolean;
  SecurityGroupIds?: SecurityGroupIds;
  SubnetIds?: SubnetIds;
  VpcId?: VpcId;
}

export type VpcId = string;

export interface WaitCancelledDetails {
  Error?: EventError;
}

export interface WaitDetails {
  ScheduledEndTimestamp?: ExecutionTimestamp;
}

export interface WaitOptions {
  WaitSeconds?: WaitOptionsWaitSecondsInteger;
}

export type WaitOptionsWaitSecondsInteger = number;

export interface WaitStartedDetails {
  Duration: DurationSeconds;
  ScheduledEndTimestamp: ExecutionTimestamp;
}

export interface WaitSucceededDetails {
  Duration?: DurationSeconds;
}

export type Weight = number;

export type WorkingDirectory = string;

export type XAmznTraceId = string;

// Operations

export interface LambdaApi {
  AddLayerVersionPermission(ctx: RequestContext, input: AddLayerVersionPermissionRequest): Promise<AddLayerVersionPermissionResponse>;
  AddPermission(ctx: RequestContext, input: AddPermissionRequest): Promise<AddPermissionResponse>;
  CheckpointDurableExecution(ctx: RequestContext, input: CheckpointDurableExecutionRequest): Promise<CheckpointDurableExecutionResponse>;
  CreateAlias(ctx: RequestContext, input: CreateAliasRequest): Promise<AliasConfiguration>;
  CreateCapacityProvider(ctx: RequestContext, input: CreateCapacityProviderRequest): Promise<CreateCapacityProviderResponse>;
  CreateCodeSigningConfig(ctx: RequestContext, input: CreateCodeSigningConfigRequest): Promise<CreateCodeSigningConfigResponse>;
  CreateEventSourceMapping(ctx: RequestContext, input: CreateEventSourceMappingRequest): Promise<EventSourceMappingConfiguration>;
  CreateFunction(ctx: RequestContext, input: CreateFunctionRequest): Promise<FunctionConfiguration>;
  CreateFunctionUrlConfig(ctx: RequestContext, input: CreateFunctionUrlConfigRequest): Promise<CreateFunctionUrlConfigResponse>;
  DeleteAlias(ctx: RequestContext, input: DeleteAliasRequest): Promise<void>;
  DeleteCapacityProvider(ctx: RequestContext, input: DeleteCapacityProviderRequest): Promise<DeleteCapacityProviderResponse>;
  DeleteCodeSigningConfig(ctx: RequestContext, input: DeleteCodeSigningConfigRequest): Promise<DeleteCodeSigningConfigResponse>;
  DeleteEventSourceMapping(ctx: RequestContext, input: DeleteEventSourceMappingRequest): Promise<EventSourceMappingConfiguration>;
  DeleteFunction(ctx: RequestContext, input: DeleteFunctionRequest): Promise<DeleteFunctionResponse>;
  DeleteFunctionCodeSigningConfig(ctx: RequestContext, input: DeleteFunctionCodeSigningConfigRequest): Promise<void>;
  DeleteFunctionConcurrency(ctx: RequestContext, input: DeleteFunctionConcurrencyRequest): Promise<void>;
  DeleteFunctionEventInvokeConfig(ctx: RequestContext, input: DeleteFunctionEventInvokeConfigRequest): Promise<void>;
  DeleteFunctionUrlConfig(ctx: RequestContext, input: DeleteFunctionUrlConfigRequest): Promise<void>;
  DeleteLayerVersion(ctx: RequestContext, input: DeleteLayerVersionRequest): Promise<void>;
  DeleteProvisionedConcurrencyConfig(ctx: RequestContext, input: DeleteProvisionedConcurrencyConfigRequest): Promise<void>;
  GetAccountSettings(ctx: RequestContext, input: GetAccountSettingsRequest): Promise<GetAccountSettingsResponse>;
  GetAlias(ctx: RequestContext, input: GetAliasRequest): Promise<AliasConfiguration>;
  GetCapacityProvider(ctx: RequestContext, input: GetCapacityProviderRequest): Promise<GetCapacityProviderResponse>;
  GetCodeSigningConfig(ctx: RequestContext, input: GetCodeSigningConfigRequest): Promise<GetCodeSigningConfigResponse>;
  GetDurableExecution(ctx: RequestContext, input: GetDurableExecutionRequest): Promise<GetDurableExecutionResponse>;
  GetDurableExecutionHistory(ctx: RequestContext, input: GetDurableExecutionHistoryRequest): Promise<GetDurableExecutionHistoryResponse>;
  GetDurableExecutionState(ctx: RequestContext, input: GetDurableExecutionStateRequest): Promise<GetDurableExecutionStateResponse>;
  GetEventSourceMapping(ctx: RequestContext, input: GetEventSourceMappingRequest): Promise<EventSourceMappingConfiguration>;
  GetFunction(ctx: RequestContext, input: GetFunctionRequest): Promise<GetFunctionResponse>;
  GetFunctionCodeSigningConfig(ctx: RequestContext, input: GetFunctionCodeSigningConfigRequest): Promise<GetFunctionCodeSigningConfigResponse>;
  GetFunctionConcurrency(ctx: RequestContext, input: GetFunctionConcurrencyRequest): Promise<GetFunctionConcurrencyResponse>;
  GetFunctionConfiguration(ctx: RequestContext, input: GetFunctionConfigurationRequest): Promise<FunctionConfiguration>;
  GetFunctionEventInvokeConfig(ctx: RequestContext, input: GetFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig>;
  GetFunctionRecursionConfig(ctx: RequestContext, input: GetFunctionRecursionConfigRequest): Promise<GetFunctionRecursionConfigResponse>;
  GetFunctionScalingConfig(ctx: RequestContext, input: GetFunctionScalingConfigRequest): Promise<GetFunctionScalingConfigResponse>;
  GetFunctionUrlConfig(ctx: RequestContext, input: GetFunctionUrlConfigRequest): Promise<GetFunctionUrlConfigResponse>;
  GetLayerVersion(ctx: RequestContext, input: GetLayerVersionRequest): Promise<GetLayerVersionResponse>;
  GetLayerVersionByArn(ctx: RequestContext, input: GetLayerVersionByArnRequest): Promise<GetLayerVersionResponse>;
  GetLayerVersionPolicy(ctx: RequestContext, input: GetLayerVersionPolicyRequest): Promise<GetLayerVersionPolicyResponse>;
  GetPolicy(ctx: RequestContext, input: GetPolicyRequest): Promise<GetPolicyResponse>;
  GetProvisionedConcurrencyConfig(ctx: RequestContext, input: GetProvisionedConcurrencyConfigRequest): Promise<GetProvisionedConcurrencyConfigResponse>;
  GetRuntimeManagementConfig(ctx: RequestContext, input: GetRuntimeManagementConfigRequest): Promise<GetRuntimeManagementConfigResponse>;
  Invoke(ctx: RequestContext, input: InvocationRequest): Promise<InvocationResponse>;
  InvokeAsync(ctx: RequestContext, input: InvokeAsyncRequest): Promise<InvokeAsyncResponse>;
  InvokeWithResponseStream(ctx: RequestContext, input: InvokeWithResponseStreamRequest): Promise<InvokeWithResponseStreamResponse>;
  ListAliases(ctx: RequestContext, input: ListAliasesRequest): Promise<ListAliasesResponse>;
  ListCapacityProviders(ctx: RequestContext, input: ListCapacityProvidersRequest): Promise<ListCapacityProvidersResponse>;
  ListCodeSigningConfigs(ctx: RequestContext, input: ListCodeSigningConfigsRequest): Promise<ListCodeSigningConfigsResponse>;
  ListDurableExecutionsByFunction(ctx: RequestContext, input: ListDurableExecutionsByFunctionRequest): Promise<ListDurableExecutionsByFunctionResponse>;
  ListEventSourceMappings(ctx: RequestContext, input: ListEventSourceMappingsRequest): Promise<ListEventSourceMappingsResponse>;
  ListFunctionEventInvokeConfigs(ctx: RequestContext, input: ListFunctionEventInvokeConfigsRequest): Promise<ListFunctionEventInvokeConfigsResponse>;
  ListFunctionUrlConfigs(ctx: RequestContext, input: ListFunctionUrlConfigsRequest): Promise<ListFunctionUrlConfigsResponse>;
  ListFunctionVersionsByCapacityProvider(ctx: RequestContext, input: ListFunctionVersionsByCapacityProviderRequest): Promise<ListFunctionVersionsByCapacityProviderResponse>;
  ListFunctions(ctx: RequestContext, input: ListFunctionsRequest): Promise<ListFunctionsResponse>;
  ListFunctionsByCodeSigningConfig(ctx: RequestContext, input: ListFunctionsByCodeSigningConfigRequest): Promise<ListFunctionsByCodeSigningConfigResponse>;
  ListLayerVersions(ctx: RequestContext, input: ListLayerVersionsRequest): Promise<ListLayerVersionsResponse>;
  ListLayers(ctx: RequestContext, input: ListLayersRequest): Promise<ListLayersResponse>;
  ListProvisionedConcurrencyConfigs(ctx: RequestContext, input: ListProvisionedConcurrencyConfigsRequest): Promise<ListProvisionedConcurrencyConfigsResponse>;
  ListTags(ctx: RequestContext, input: ListTagsRequest): Promise<ListTagsResponse>;
  ListVersionsByFunction(ctx: RequestContext, input: ListVersionsByFunctionRequest): Promise<ListVersionsByFunctionResponse>;
  PublishLayerVersion(ctx: RequestContext, input: PublishLayerVersionRequest): Promise<PublishLayerVersionResponse>;
  PublishVersion(ctx: RequestContext, input: PublishVersionRequest): Promise<FunctionConfiguration>;
  PutFunctionCodeSigningConfig(ctx: RequestContext, input: PutFunctionCodeSigningConfigRequest): Promise<PutFunctionCodeSigningConfigResponse>;
  PutFunctionConcurrency(ctx: RequestContext, input: PutFunctionConcurrencyRequest): Promise<Concurrency>;
  PutFunctionEventInvokeConfig(ctx: RequestContext, input: PutFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig>;
  PutFunctionRecursionConfig(ctx: RequestContext, input: PutFunctionRecursionConfigRequest): Promise<PutFunctionRecursionConfigResponse>;
  PutFunctionScalingConfig(ctx: RequestContext, input: PutFunctionScalingConfigRequest): Promise<PutFunctionScalingConfigResponse>;
  PutProvisionedConcurrencyConfig(ctx: RequestContext, input: PutProvisionedConcurrencyConfigRequest): Promise<PutProvisionedConcurrencyConfigResponse>;
  PutRuntimeManagementConfig(ctx: RequestContext, input: PutRuntimeManagementConfigRequest): Promise<PutRuntimeManagementConfigResponse>;
  RemoveLayerVersionPermission(ctx: RequestContext, input: RemoveLayerVersionPermissionRequest): Promise<void>;
  RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void>;
  SendDurableExecutionCallbackFailure(ctx: RequestContext, input: SendDurableExecutionCallbackFailureRequest): Promise<SendDurableExecutionCallbackFailureResponse>;
  SendDurableExecutionCallbackHeartbeat(ctx: RequestContext, input: SendDurableExecutionCallbackHeartbeatRequest): Promise<SendDurableExecutionCallbackHeartbeatResponse>;
  SendDurableExecutionCallbackSuccess(ctx: RequestContext, input: SendDurableExecutionCallbackSuccessRequest): Promise<SendDurableExecutionCallbackSuccessResponse>;
  StopDurableExecution(ctx: RequestContext, input: StopDurableExecutionRequest): Promise<StopDurableExecutionResponse>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void>;
  UpdateAlias(ctx: RequestContext, input: UpdateAliasRequest): Promise<AliasConfiguration>;
  UpdateCapacityProvider(ctx: RequestContext, input: UpdateCapacityProviderRequest): Promise<UpdateCapacityProviderResponse>;
  UpdateCodeSigningConfig(ctx: RequestContext, input: UpdateCodeSigningConfigRequest): Promise<UpdateCodeSigningConfigResponse>;
  UpdateEventSourceMapping(ctx: RequestContext, input: UpdateEventSourceMappingRequest): Promise<EventSourceMappingConfiguration>;
  UpdateFunctionCode(ctx: RequestContext, input: UpdateFunctionCodeRequest): Promise<FunctionConfiguration>;
  UpdateFunctionConfiguration(ctx: RequestContext, input: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration>;
  UpdateFunctionEventInvokeConfig(ctx: RequestContext, input: UpdateFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig>;
  UpdateFunctionUrlConfig(ctx: RequestContext, input: UpdateFunctionUrlConfigRequest): Promise<UpdateFunctionUrlConfigResponse>;
}

export const operations = [
  'AddLayerVersionPermission',
  'AddPermission',
  'CheckpointDurableExecution',
  'CreateAlias',
  'CreateCapacityProvider',
  'CreateCodeSigningConfig',
  'CreateEventSourceMapping',
  'CreateFunction',
  'CreateFunctionUrlConfig',
  'DeleteAlias',
  'DeleteCapacityProvider',
  'DeleteCodeSigningConfig',
  'DeleteEventSourceMapping',
  'DeleteFunction',
  'DeleteFunctionCodeSigningConfig',
  'DeleteFunctionConcurrency',
  'DeleteFunctionEventInvokeConfig',
  'DeleteFunctionUrlConfig',
  'DeleteLayerVersion',
  'DeleteProvisionedConcurrencyConfig',
  'GetAccountSettings',
  'GetAlias',
  'GetCapacityProvider',
  'GetCodeSigningConfig',
  'GetDurableExecution',
  'GetDurableExecutionHistory',
  'GetDurableExecutionState',
  'GetEventSourceMapping',
  'GetFunction',
  'GetFunctionCodeSigningConfig',
  'GetFunctionConcurrency',
  'GetFunctionConfiguration',
  'GetFunctionEventInvokeConfig',
  'GetFunctionRecursionConfig',
  'GetFunctionScalingConfig',
  'GetFunctionUrlConfig',
  'GetLayerVersion',
  'GetLayerVersionByArn',
  'GetLayerVersionPolicy',
  'GetPolicy',
  'GetProvisionedConcurrencyConfig',
  'GetRuntimeManagementConfig',
  'Invoke',
  'InvokeAsync',
  'InvokeWithResponseStream',
  'ListAliases',
  'ListCapacityProviders',
  'ListCodeSigningConfigs',
  'ListDurableExecutionsByFunction',
  'ListEventSourceMappings',
  'ListFunctionEventInvokeConfigs',
  'ListFunctionUrlConfigs',
  'ListFunctionVersionsByCapacityProvider',
  'ListFunctions',
  'ListFunctionsByCodeSigningConfig',
  'ListLayerVersions',
  'ListLayers',
  'ListProvisionedConcurrencyConfigs',
  'ListTags',
  'ListVersionsByFunction',
  'PublishLayerVersion',
  'PublishVersion',
  'PutFunctionCodeSigningConfig',
  'PutFunctionConcurrency',
  'PutFunctionEventInvokeConfig',
  'PutFunctionRecursionConfig',
  'PutFunctionScalingConfig',
  'PutProvisionedConcurrencyConfig',
  'PutRuntimeManagementConfig',
  'RemoveLayerVersionPermission',
  'RemovePermission',
  'SendDurableExecutionCallbackFailure',
  'SendDurableExecutionCallbackHeartbeat',
  'SendDurableExecutionCallbackSuccess',
  'StopDurableExecution',
  'TagResource',
  'UntagResource',
  'UpdateAlias',
  'UpdateCapacityProvider',
  'UpdateCodeSigningConfig',
  'UpdateEventSourceMapping',
  'UpdateFunctionCode',
  'UpdateFunctionConfiguration',
  'UpdateFunctionEventInvokeConfig',
  'UpdateFunctionUrlConfig',
] as const;

// Errors

export class CallbackTimeoutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CallbackTimeoutException', message, 400, { fields });
  }
}

export class CapacityProviderLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CapacityProviderLimitExceededException', message, 400, { fields });
  }
}

export class CodeSigningConfigNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CodeSigningConfigNotFoundException', message, 404, { fields });
  }
}

export class CodeStorageExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CodeStorageExceededException', message, 400, { fields });
  }
}

export class CodeVerificationFailedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CodeVerificationFailedException', message, 400, { fields });
  }
}

export class DurableExecutionAlreadyStartedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DurableExecutionAlreadyStartedException', message, 409, { fields });
  }
}

export class EC2AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EC2AccessDeniedException', message, 502, { fields });
  }
}

export class EC2ThrottledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EC2ThrottledException', message, 502, { fields });
  }
}

export class EC2UnexpectedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EC2UnexpectedException', message, 502, { fields });
  }
}

export class EFSIOException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EFSIOException', message, 410, { fields });
  }
}

export class EFSMountConnectivityException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EFSMountConnectivityException', message, 408, { fields });
  }
}

export class EFSMountFailureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EFSMountFailureException', message, 403, { fields });
  }
}

export class EFSMountTimeoutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EFSMountTimeoutException', message, 408, { fields });
  }
}

export class ENILimitReachedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ENILimitReachedException', message, 502, { fields });
  }
}

export class FunctionVersionsPerCapacityProviderLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FunctionVersionsPerCapacityProviderLimitExceededException', message, 400, { fields });
  }
}

export class InvalidCodeSignatureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidCodeSignatureException', message, 400, { fields });
  }
}

export class InvalidParameterValueException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterValueException', message, 400, { fields });
  }
}

export class InvalidRequestContentException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRequestContentException', message, 400, { fields });
  }
}

export class InvalidRuntimeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRuntimeException', message, 502, { fields });
  }
}

export class InvalidSecurityGroupIDException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSecurityGroupIDException', message, 502, { fields });
  }
}

export class InvalidSubnetIDException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSubnetIDException', message, 502, { fields });
  }
}

export class InvalidZipFileException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidZipFileException', message, 502, { fields });
  }
}

export class KMSAccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSAccessDeniedException', message, 502, { fields });
  }
}

export class KMSDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSDisabledException', message, 502, { fields });
  }
}

export class KMSInvalidStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSInvalidStateException', message, 502, { fields });
  }
}

export class KMSNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSNotFoundException', message, 502, { fields });
  }
}

export class NoPublishedVersionException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoPublishedVersionException', message, 400, { fields });
  }
}

export class PolicyLengthExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PolicyLengthExceededException', message, 400, { fields });
  }
}

export class PreconditionFailedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PreconditionFailedException', message, 412, { fields });
  }
}

export class ProvisionedConcurrencyConfigNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ProvisionedConcurrencyConfigNotFoundException', message, 404, { fields });
  }
}

export class RecursiveInvocationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RecursiveInvocationException', message, 400, { fields });
  }
}

export class RequestTooLargeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RequestTooLargeException', message, 413, { fields });
  }
}

export class ResourceConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceConflictException', message, 409, { fields });
  }
}

export class ResourceInUseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceInUseException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 404, { fields });
  }
}

export class ResourceNotReadyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotReadyException', message, 502, { fields });
  }
}

export class S3FilesMountConnectivityException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('S3FilesMountConnectivityException', message, 408, { fields });
  }
}

export class S3FilesMountFailureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('S3FilesMountFailureException', message, 403, { fields });
  }
}

export class S3FilesMountTimeoutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('S3FilesMountTimeoutException', message, 408, { fields });
  }
}

export class SerializedRequestEntityTooLargeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SerializedRequestEntityTooLargeException', message, 413, { fields });
  }
}

export class ServiceException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceException', message, 500, { fields });
  }
}

export class SnapStartException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SnapStartException', message, 400, { fields });
  }
}

export class SnapStartNotReadyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SnapStartNotReadyException', message, 409, { fields });
  }
}

export class SnapStartTimeoutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SnapStartTimeoutException', message, 408, { fields });
  }
}

export class SubnetIPAddressLimitReachedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SubnetIPAddressLimitReachedException', message, 502, { fields });
  }
}

export class TooManyRequestsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRequestsException', message, 429, { fields });
  }
}

export class UnsupportedMediaTypeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedMediaTypeException', message, 415, { fields });
  }
}

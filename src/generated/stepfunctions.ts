// Generated from models/aws/stepfunctions/service-2.json (API version 2016-11-23) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface ActivityFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export type ActivityList = ActivityListItem[];

export interface ActivityListItem {
  activityArn: Arn;
  creationDate: Timestamp;
  name: Name;
}

export interface ActivityScheduleFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface ActivityScheduledEventDetails {
  heartbeatInSeconds?: TimeoutInSeconds;
  input?: SensitiveData;
  inputDetails?: HistoryEventExecutionDataDetails;
  resource: Arn;
  timeoutInSeconds?: TimeoutInSeconds;
}

export interface ActivityStartedEventDetails {
  workerName?: Identity;
}

export interface ActivitySucceededEventDetails {
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
}

export interface ActivityTimedOutEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export type AliasDescription = string;

export type Arn = string;

export type AssignedVariables = Record<string, VariableValue>;

export interface AssignedVariablesDetails {
  truncated?: truncated;
}

export type BilledDuration = number;

export type BilledMemoryUsed = number;

export interface BillingDetails {
  billedDurationInMilliseconds?: BilledDuration;
  billedMemoryUsedInMB?: BilledMemoryUsed;
}

export type CharacterRestrictedName = string;

export type ClientToken = string;

export interface CloudWatchEventsExecutionDataDetails {
  included?: includedDetails;
}

export interface CloudWatchLogsLogGroup {
  logGroupArn?: Arn;
}

export type ConnectorParameters = string;

export interface CreateActivityInput {
  encryptionConfiguration?: EncryptionConfiguration;
  name: Name;
  tags?: TagList;
}

export interface CreateActivityOutput {
  activityArn: Arn;
  creationDate: Timestamp;
}

export interface CreateStateMachineAliasInput {
  description?: AliasDescription;
  name: CharacterRestrictedName;
  routingConfiguration: RoutingConfigurationList;
}

export interface CreateStateMachineAliasOutput {
  creationDate: Timestamp;
  stateMachineAliasArn: Arn;
}

export interface CreateStateMachineInput {
  definition: Definition;
  encryptionConfiguration?: EncryptionConfiguration;
  loggingConfiguration?: LoggingConfiguration;
  name: Name;
  publish?: Publish;
  roleArn: Arn;
  tags?: TagList;
  tracingConfiguration?: TracingConfiguration;
  type?: StateMachineType;
  versionDescription?: VersionDescription;
}

export interface CreateStateMachineOutput {
  creationDate: Timestamp;
  stateMachineArn: Arn;
  stateMachineVersionArn?: Arn;
}

export type Definition = string;

export interface DeleteActivityInput {
  activityArn: Arn;
}

export interface DeleteActivityOutput {}

export interface DeleteStateMachineAliasInput {
  stateMachineAliasArn: Arn;
}

export interface DeleteStateMachineAliasOutput {}

export interface DeleteStateMachineInput {
  stateMachineArn: Arn;
}

export interface DeleteStateMachineOutput {}

export interface DeleteStateMachineVersionInput {
  stateMachineVersionArn: LongArn;
}

export interface DeleteStateMachineVersionOutput {}

export interface DescribeActivityInput {
  activityArn: Arn;
}

export interface DescribeActivityOutput {
  activityArn: Arn;
  creationDate: Timestamp;
  encryptionConfiguration?: EncryptionConfiguration;
  name: Name;
}

export interface DescribeExecutionInput {
  executionArn: Arn;
  includedData?: IncludedData;
}

export interface DescribeExecutionOutput {
  cause?: SensitiveCause;
  error?: SensitiveError;
  executionArn: Arn;
  input?: SensitiveData;
  inputDetails?: CloudWatchEventsExecutionDataDetails;
  mapRunArn?: LongArn;
  name?: Name;
  output?: SensitiveData;
  outputDetails?: CloudWatchEventsExecutionDataDetails;
  redriveCount?: RedriveCount;
  redriveDate?: Timestamp;
  redriveStatus?: ExecutionRedriveStatus;
  redriveStatusReason?: SensitiveData;
  startDate: Timestamp;
  stateMachineAliasArn?: Arn;
  stateMachineArn: Arn;
  stateMachineVersionArn?: Arn;
  status: ExecutionStatus;
  stopDate?: Timestamp;
  traceHeader?: TraceHeader;
}

export interface DescribeMapRunInput {
  mapRunArn: LongArn;
}

export interface DescribeMapRunOutput {
  executionArn: Arn;
  executionCounts: MapRunExecutionCounts;
  itemCounts: MapRunItemCounts;
  mapRunArn: LongArn;
  maxConcurrency: MaxConcurrency;
  redriveCount?: RedriveCount;
  redriveDate?: Timestamp;
  startDate: Timestamp;
  status: MapRunStatus;
  stopDate?: Timestamp;
  toleratedFailureCount: ToleratedFailureCount;
  toleratedFailurePercentage: ToleratedFailurePercentage;
}

export interface DescribeStateMachineAliasInput {
  stateMachineAliasArn: Arn;
}

export interface DescribeStateMachineAliasOutput {
  creationDate?: Timestamp;
  description?: AliasDescription;
  name?: Name;
  routingConfiguration?: RoutingConfigurationList;
  stateMachineAliasArn?: Arn;
  updateDate?: Timestamp;
}

export interface DescribeStateMachineForExecutionInput {
  executionArn: Arn;
  includedData?: IncludedData;
}

export interface DescribeStateMachineForExecutionOutput {
  definition: Definition;
  encryptionConfiguration?: EncryptionConfiguration;
  label?: MapRunLabel;
  loggingConfiguration?: LoggingConfiguration;
  mapRunArn?: LongArn;
  name: Name;
  revisionId?: RevisionId;
  roleArn: Arn;
  stateMachineArn: Arn;
  tracingConfiguration?: TracingConfiguration;
  updateDate: Timestamp;
  variableReferences?: VariableReferences;
}

export interface DescribeStateMachineInput {
  includedData?: IncludedData;
  stateMachineArn: Arn;
}

export interface DescribeStateMachineOutput {
  creationDate: Timestamp;
  definition: Definition;
  description?: VersionDescription;
  encryptionConfiguration?: EncryptionConfiguration;
  label?: MapRunLabel;
  loggingConfiguration?: LoggingConfiguration;
  name: Name;
  revisionId?: RevisionId;
  roleArn: Arn;
  stateMachineArn: Arn;
  status?: StateMachineStatus;
  tracingConfiguration?: TracingConfiguration;
  type: StateMachineType;
  variableReferences?: VariableReferences;
}

export type Enabled = boolean;

export interface EncryptionConfiguration {
  kmsDataKeyReusePeriodSeconds?: KmsDataKeyReusePeriodSeconds;
  kmsKeyId?: KmsKeyId;
  type: EncryptionType;
}

export type EncryptionType = 'AWS_OWNED_KEY' | 'CUSTOMER_MANAGED_KMS_KEY';

export type ErrorMessage = string;

export interface EvaluationFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
  location?: EvaluationFailureLocation;
  state: StateName;
}

export type EvaluationFailureLocation = string;

export type EventId = number;

export type ExceptionHandlerIndex = number;

export interface ExecutionAbortedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface ExecutionFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export type ExecutionList = ExecutionListItem[];

export interface ExecutionListItem {
  executionArn: Arn;
  itemCount?: UnsignedInteger;
  mapRunArn?: LongArn;
  name: Name;
  redriveCount?: RedriveCount;
  redriveDate?: Timestamp;
  startDate: Timestamp;
  stateMachineAliasArn?: Arn;
  stateMachineArn: Arn;
  stateMachineVersionArn?: Arn;
  status: ExecutionStatus;
  stopDate?: Timestamp;
}

export type ExecutionRedriveFilter = 'REDRIVEN' | 'NOT_REDRIVEN';

export type ExecutionRedriveStatus = 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';

export interface ExecutionRedrivenEventDetails {
  redriveCount?: RedriveCount;
}

export interface ExecutionStartedEventDetails {
  input?: SensitiveData;
  inputDetails?: HistoryEventExecutionDataDetails;
  roleArn?: Arn;
  stateMachineAliasArn?: Arn;
  stateMachineVersionArn?: Arn;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

export interface ExecutionSucceededEventDetails {
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
}

export interface ExecutionTimedOutEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface GetActivityTaskInput {
  activityArn: Arn;
  workerName?: Name;
}

export interface GetActivityTaskOutput {
  input?: SensitiveDataJobInput;
  taskToken?: TaskToken;
}

export interface GetExecutionHistoryInput {
  executionArn: Arn;
  includeExecutionData?: IncludeExecutionDataGetExecutionHistory;
  maxResults?: PageSize;
  nextToken?: PageToken;
  reverseOrder?: ReverseOrder;
}

export interface GetExecutionHistoryOutput {
  events: HistoryEventList;
  nextToken?: PageToken;
}

export type HTTPBody = string;

export type HTTPHeaders = string;

export type HTTPMethod = string;

export type HTTPProtocol = string;

export type HTTPStatusCode = string;

export type HTTPStatusMessage = string;

export interface HistoryEvent {
  activityFailedEventDetails?: ActivityFailedEventDetails;
  activityScheduleFailedEventDetails?: ActivityScheduleFailedEventDetails;
  activityScheduledEventDetails?: ActivityScheduledEventDetails;
  activityStartedEventDetails?: ActivityStartedEventDetails;
  activitySucceededEventDetails?: ActivitySucceededEventDetails;
  activityTimedOutEventDetails?: ActivityTimedOutEventDetails;
  evaluationFailedEventDetails?: EvaluationFailedEventDetails;
  executionAbortedEventDetails?: ExecutionAbortedEventDetails;
  executionFailedEventDetails?: ExecutionFailedEventDetails;
  executionRedrivenEventDetails?: ExecutionRedrivenEventDetails;
  executionStartedEventDetails?: ExecutionStartedEventDetails;
  executionSucceededEventDetails?: ExecutionSucceededEventDetails;
  executionTimedOutEventDetails?: ExecutionTimedOutEventDetails;
  id: EventId;
  lambdaFunctionFailedEventDetails?: LambdaFunctionFailedEventDetails;
  lambdaFunctionScheduleFailedEventDetails?: LambdaFunctionScheduleFailedEventDetails;
  lambdaFunctionScheduledEventDetails?: LambdaFunctionScheduledEventDetails;
  lambdaFunctionStartFailedEventDetails?: LambdaFunctionStartFailedEventDetails;
  lambdaFunctionSucceededEventDetails?: LambdaFunctionSucceededEventDetails;
  lambdaFunctionTimedOutEventDetails?: LambdaFunctionTimedOutEventDetails;
  mapIterationAbortedEventDetails?: MapIterationEventDetails;
  mapIterationFailedEventDetails?: MapIterationEventDetails;
  mapIterationStartedEventDetails?: MapIterationEventDetails;
  mapIterationSucceededEventDetails?: MapIterationEventDetails;
  mapRunFailedEventDetails?: MapRunFailedEventDetails;
  mapRunRedrivenEventDetails?: MapRunRedrivenEventDetails;
  mapRunStartedEventDetails?: MapRunStartedEventDetails;
  mapStateStartedEventDetails?: MapStateStartedEventDetails;
  previousEventId?: EventId;
  stateEnteredEventDetails?: StateEnteredEventDetails;
  stateExitedEventDetails?: StateExitedEventDetails;
  taskFailedEventDetails?: TaskFailedEventDetails;
  taskScheduledEventDetails?: TaskScheduledEventDetails;
  taskStartFailedEventDetails?: TaskStartFailedEventDetails;
  taskStartedEventDetails?: TaskStartedEventDetails;
  taskSubmitFailedEventDetails?: TaskSubmitFailedEventDetails;
  taskSubmittedEventDetails?: TaskSubmittedEventDetails;
  taskSucceededEventDetails?: TaskSucceededEventDetails;
  taskTimedOutEventDetails?: TaskTimedOutEventDetails;
  timestamp: Timestamp;
  type: HistoryEventType;
}

export interface HistoryEventExecutionDataDetails {
  truncated?: truncated;
}

export type HistoryEventList = HistoryEvent[];

export type HistoryEventType = 'ActivityFailed' | 'ActivityScheduled' | 'ActivityScheduleFailed' | 'ActivityStarted' | 'ActivitySucceeded' | 'ActivityTimedOut' | 'ChoiceStateEntered' | 'ChoiceStateExited' | 'ExecutionAborted' | 'ExecutionFailed' | 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionTimedOut' | 'FailStateEntered' | 'LambdaFunctionFailed' | 'LambdaFunctionScheduled' | 'LambdaFunctionScheduleFailed' | 'LambdaFunctionStarted' | 'LambdaFunctionStartFailed' | 'LambdaFunctionSucceeded' | 'LambdaFunctionTimedOut' | 'MapIterationAborted' | 'MapIterationFailed' | 'MapIterationStarted' | 'MapIterationSucceeded' | 'MapStateAborted' | 'MapStateEntered' | 'MapStateExited' | 'MapStateFailed' | 'MapStateStarted' | 'MapStateSucceeded' | 'ParallelStateAborted' | 'ParallelStateEntered' | 'ParallelStateExited' | 'ParallelStateFailed' | 'ParallelStateStarted' | 'ParallelStateSucceeded' | 'PassStateEntered' | 'PassStateExited' | 'SucceedStateEntered' | 'SucceedStateExited' | 'TaskFailed' | 'TaskScheduled' | 'TaskStarted' | 'TaskStartFailed' | 'TaskStateAborted' | 'TaskStateEntered' | 'TaskStateExited' | 'TaskSubmitFailed' | 'TaskSubmitted' | 'TaskSucceeded' | 'TaskTimedOut' | 'WaitStateAborted' | 'WaitStateEntered' | 'WaitStateExited' | 'MapRunAborted' | 'MapRunFailed' | 'MapRunStarted' | 'MapRunSucceeded' | 'ExecutionRedriven' | 'MapRunRedriven' | 'EvaluationFailed';

export type Identity = string;

export type IncludeExecutionData = boolean;

export type IncludeExecutionDataGetExecutionHistory = boolean;

export type IncludedData = 'ALL_DATA' | 'METADATA_ONLY';

export interface InspectionData {
  afterArguments?: SensitiveData;
  afterInputPath?: SensitiveData;
  afterItemBatcher?: SensitiveData;
  afterItemSelector?: SensitiveData;
  afterItemsPath?: SensitiveData;
  afterItemsPointer?: SensitiveData;
  afterParameters?: SensitiveData;
  afterResultPath?: SensitiveData;
  afterResultSelector?: SensitiveData;
  errorDetails?: InspectionErrorDetails;
  input?: SensitiveData;
  maxConcurrency?: InspectionMaxConcurrency;
  request?: InspectionDataRequest;
  response?: InspectionDataResponse;
  result?: SensitiveData;
  toleratedFailureCount?: InspectionToleratedFailureCount;
  toleratedFailurePercentage?: InspectionToleratedFailurePercentage;
  variables?: SensitiveData;
}

export interface InspectionDataRequest {
  body?: HTTPBody;
  headers?: HTTPHeaders;
  method?: HTTPMethod;
  protocol?: HTTPProtocol;
  url?: URL_;
}

export interface InspectionDataResponse {
  body?: HTTPBody;
  headers?: HTTPHeaders;
  protocol?: HTTPProtocol;
  statusCode?: HTTPStatusCode;
  statusMessage?: HTTPStatusMessage;
}

export interface InspectionErrorDetails {
  catchIndex?: ExceptionHandlerIndex;
  retryBackoffIntervalSeconds?: RetryBackoffIntervalSeconds;
  retryIndex?: ExceptionHandlerIndex;
}

export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE';

export type InspectionMaxConcurrency = number;

export type InspectionToleratedFailureCount = number;

export type InspectionToleratedFailurePercentage = number;

export type KmsDataKeyReusePeriodSeconds = number;

export type KmsKeyId = string;

export type KmsKeyState = 'DISABLED' | 'PENDING_DELETION' | 'PENDING_IMPORT' | 'UNAVAILABLE' | 'CREATING';

export interface LambdaFunctionFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface LambdaFunctionScheduleFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface LambdaFunctionScheduledEventDetails {
  input?: SensitiveData;
  inputDetails?: HistoryEventExecutionDataDetails;
  resource: Arn;
  taskCredentials?: TaskCredentials;
  timeoutInSeconds?: TimeoutInSeconds;
}

export interface LambdaFunctionStartFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface LambdaFunctionSucceededEventDetails {
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
}

export interface LambdaFunctionTimedOutEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface ListActivitiesInput {
  maxResults?: PageSize;
  nextToken?: PageToken;
}

export interface ListActivitiesOutput {
  activities: ActivityList;
  nextToken?: PageToken;
}

export interface ListExecutionsInput {
  mapRunArn?: LongArn;
  maxResults?: PageSize;
  nextToken?: ListExecutionsPageToken;
  redriveFilter?: ExecutionRedriveFilter;
  stateMachineArn?: Arn;
  statusFilter?: ExecutionStatus;
}

export interface ListExecutionsOutput {
  executions: ExecutionList;
  nextToken?: ListExecutionsPageToken;
}

export type ListExecutionsPageToken = string;

export interface ListMapRunsInput {
  executionArn: Arn;
  maxResults?: PageSize;
  nextToken?: PageToken;
}

export interface ListMapRunsOutput {
  mapRuns: MapRunList;
  nextToken?: PageToken;
}

export interface ListStateMachineAliasesInput {
  maxResults?: PageSize;
  nextToken?: PageToken;
  stateMachineArn: Arn;
}

export interface ListStateMachineAliasesOutput {
  nextToken?: PageToken;
  stateMachineAliases: StateMachineAliasList;
}

export interface ListStateMachineVersionsInput {
  maxResults?: PageSize;
  nextToken?: PageToken;
  stateMachineArn: Arn;
}

export interface ListStateMachineVersionsOutput {
  nextToken?: PageToken;
  stateMachineVersions: StateMachineVersionList;
}

export interface ListStateMachinesInput {
  maxResults?: PageSize;
  nextToken?: PageToken;
}

export interface ListStateMachinesOutput {
  nextToken?: PageToken;
  stateMachines: StateMachineList;
}

export interface ListTagsForResourceInput {
  resourceArn: Arn;
}

export interface ListTagsForResourceOutput {
  tags?: TagList;
}

export interface LogDestination {
  cloudWatchLogsLogGroup?: CloudWatchLogsLogGroup;
}

export type LogDestinationList = LogDestination[];

export type LogLevel = 'ALL' | 'ERROR' | 'FATAL' | 'OFF';

export interface LoggingConfiguration {
  destinations?: LogDestinationList;
  includeExecutionData?: IncludeExecutionData;
  level?: LogLevel;
}

export type LongArn = string;

export type LongObject = number;

export interface MapIterationEventDetails {
  index?: UnsignedInteger;
  name?: Name;
}

export type MapIterationFailureCount = number;

export interface MapRunExecutionCounts {
  aborted: UnsignedLong;
  failed: UnsignedLong;
  failuresNotRedrivable?: LongObject;
  pending: UnsignedLong;
  pendingRedrive?: LongObject;
  resultsWritten: UnsignedLong;
  running: UnsignedLong;
  succeeded: UnsignedLong;
  timedOut: UnsignedLong;
  total: UnsignedLong;
}

export interface MapRunFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface MapRunItemCounts {
  aborted: UnsignedLong;
  failed: UnsignedLong;
  failuresNotRedrivable?: LongObject;
  pending: UnsignedLong;
  pendingRedrive?: LongObject;
  resultsWritten: UnsignedLong;
  running: UnsignedLong;
  succeeded: UnsignedLong;
  timedOut: UnsignedLong;
  total: UnsignedLong;
}

export type MapRunLabel = string;

export type MapRunList = MapRunListItem[];

export interface MapRunListItem {
  executionArn: Arn;
  mapRunArn: LongArn;
  startDate: Timestamp;
  stateMachineArn: Arn;
  stopDate?: Timestamp;
}

export interface MapRunRedrivenEventDetails {
  mapRunArn?: LongArn;
  redriveCount?: RedriveCount;
}

export interface MapRunStartedEventDetails {
  mapRunArn?: LongArn;
}

export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';

export interface MapStateStartedEventDetails {
  length?: UnsignedInteger;
}

export type MaxConcurrency = number;

export interface MockErrorOutput {
  cause?: SensitiveCause;
  error?: SensitiveError;
}

export interface MockInput {
  errorOutput?: MockErrorOutput;
  fieldValidationMode?: MockResponseValidationMode;
  result?: SensitiveData;
}

export type MockResponseValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

export type Name = string;

export type PageSize = number;

export type PageToken = string;

export type Publish = boolean;

export interface PublishStateMachineVersionInput {
  description?: VersionDescription;
  revisionId?: RevisionId;
  stateMachineArn: Arn;
}

export interface PublishStateMachineVersionOutput {
  creationDate: Timestamp;
  stateMachineVersionArn: Arn;
}

export type RedriveCount = number;

export interface RedriveExecutionInput {
  clientToken?: ClientToken;
  executionArn: Arn;
}

export interface RedriveExecutionOutput {
  redriveDate: Timestamp;
}

export type RetrierRetryCount = number;

export type RetryBackoffIntervalSeconds = number;

export type RevealSecrets = boolean;

export type ReverseOrder = boolean;

export type RevisionId = string;

export type RoutingConfigurationList = RoutingConfigurationListItem[];

export interface RoutingConfigurationListItem {
  stateMachineVersionArn: Arn;
  weight: VersionWeight;
}

export interface SendTaskFailureInput {
  cause?: SensitiveCause;
  error?: SensitiveError;
  taskToken: TaskToken;
}

export interface SendTaskFailureOutput {}

export interface SendTaskHeartbeatInput {
  taskToken: TaskToken;
}

export interface SendTaskHeartbeatOutput {}

export interface SendTaskSuccessInput {
  output: SensitiveData;
  taskToken: TaskToken;
}

export interface SendTaskSuccessOutput {}

export type SensitiveCause = string;

export type SensitiveData = string;

export type SensitiveDataJobInput = string;

export type SensitiveError = string;

export interface StartExecutionInput {
  input?: SensitiveData;
  name?: Name;
  stateMachineArn: Arn;
  traceHeader?: TraceHeader;
}

export interface StartExecutionOutput {
  executionArn: Arn;
  startDate: Timestamp;
}

export interface StartSyncExecutionInput {
  includedData?: IncludedData;
  input?: SensitiveData;
  name?: Name;
  stateMachineArn: Arn;
  traceHeader?: TraceHeader;
}

export interface StartSyncExecutionOutput {
  billingDetails?: BillingDetails;
  cause?: SensitiveCause;
  error?: SensitiveError;
  executionArn: Arn;
  input?: SensitiveData;
  inputDetails?: CloudWatchEventsExecutionDataDetails;
  name?: Name;
  output?: SensitiveData;
  outputDetails?: CloudWatchEventsExecutionDataDetails;
  startDate: Timestamp;
  stateMachineArn?: Arn;
  status: SyncExecutionStatus;
  stopDate: Timestamp;
  traceHeader?: TraceHeader;
}

export interface StateEnteredEventDetails {
  input?: SensitiveData;
  inputDetails?: HistoryEventExecutionDataDetails;
  name: Name;
}

export interface StateExitedEventDetails {
  assignedVariables?: AssignedVariables;
  assignedVariablesDetails?: AssignedVariablesDetails;
  name: Name;
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
}

export type StateMachineAliasList = StateMachineAliasListItem[];

export interface StateMachineAliasListItem {
  creationDate: Timestamp;
  stateMachineAliasArn: LongArn;
}

export type StateMachineList = StateMachineListItem[];

export interface StateMachineListItem {
  creationDate: Timestamp;
  name: Name;
  stateMachineArn: Arn;
  type: StateMachineType;
}

export type StateMachineStatus = 'ACTIVE' | 'DELETING';

export type StateMachineType = 'STANDARD' | 'EXPRESS';

export type StateMachineVersionList = StateMachineVersionListItem[];

export interface StateMachineVersionListItem {
  creationDate: Timestamp;
  stateMachineVersionArn: LongArn;
}

export type StateName = string;

export interface StopExecutionInput {
  cause?: SensitiveCause;
  error?: SensitiveError;
  executionArn: Arn;
}

export interface StopExecutionOutput {
  stopDate: Timestamp;
}

export type SyncExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export interface Tag {
  key?: TagKey;
  value?: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = Tag[];

export interface TagResourceInput {
  resourceArn: Arn;
  tags: TagList;
}

export interface TagResourceOutput {}

export type TagValue = string;

export interface TaskCredentials {
  roleArn?: LongArn;
}

export interface TaskFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
  resource: Name;
  resourceType: Name;
}

export interface TaskScheduledEventDetails {
  heartbeatInSeconds?: TimeoutInSeconds;
  parameters: ConnectorParameters;
  region: Name;
  resource: Name;
  resourceType: Name;
  taskCredentials?: TaskCredentials;
  timeoutInSeconds?: TimeoutInSeconds;
}

export interface TaskStartFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
  resource: Name;
  resourceType: Name;
}

export interface TaskStartedEventDetails {
  resource: Name;
  resourceType: Name;
}

export interface TaskSubmitFailedEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
  resource: Name;
  resourceType: Name;
}

export interface TaskSubmittedEventDetails {
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
  resource: Name;
  resourceType: Name;
}

export interface TaskSucceededEventDetails {
  output?: SensitiveData;
  outputDetails?: HistoryEventExecutionDataDetails;
  resource: Name;
  resourceType: Name;
}

export interface TaskTimedOutEventDetails {
  cause?: SensitiveCause;
  error?: SensitiveError;
  resource: Name;
  resourceType: Name;
}

export type TaskToken = string;

export type TestExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

export interface TestStateConfiguration {
  errorCausedByState?: TestStateStateName;
  mapItemReaderData?: SensitiveData;
  mapIterationFailureCount?: MapIterationFailureCount;
  retrierRetryCount?: RetrierRetryCount;
}

export interface TestStateInput {
  context?: SensitiveData;
  definition: Definition;
  input?: SensitiveData;
  inspectionLevel?: InspectionLevel;
  mock?: MockInput;
  revealSecrets?: RevealSecrets;
  roleArn?: Arn;
  stateConfiguration?: TestStateConfiguration;
  stateName?: TestStateStateName;
  variables?: SensitiveData;
}

export interface TestStateOutput {
  cause?: SensitiveCause;
  error?: SensitiveError;
  inspectionData?: InspectionData;
  nextState?: StateName;
  output?: SensitiveData;
  status?: TestExecutionStatus;
}

export type TestStateStateName = string;

export type TimeoutInSeconds = number;

export type Timestamp = Date;

export type ToleratedFailureCount = number;

export type ToleratedFailurePercentage = number;

export type TraceHeader = string;

export interface TracingConfiguration {
  enabled?: Enabled;
}

export type URL_ = string;

export type UnsignedInteger = number;

export type UnsignedLong = number;

export interface UntagResourceInput {
  resourceArn: Arn;
  tagKeys: TagKeyList;
}

export interface UntagResourceOutput {}

export interface UpdateMapRunInput {
  mapRunArn: LongArn;
  maxConcurrency?: MaxConcurrency;
  toleratedFailureCount?: ToleratedFailureCount;
  toleratedFailurePercentage?: ToleratedFailurePercentage;
}

export interface UpdateMapRunOutput {}

export interface UpdateStateMachineAliasInput {
  description?: AliasDescription;
  routingConfiguration?: RoutingConfigurationList;
  stateMachineAliasArn: Arn;
}

export interface UpdateStateMachineAliasOutput {
  updateDate: Timestamp;
}

export interface UpdateStateMachineInput {
  definition?: Definition;
  encryptionConfiguration?: EncryptionConfiguration;
  loggingConfiguration?: LoggingConfiguration;
  publish?: Publish;
  roleArn?: Arn;
  stateMachineArn: Arn;
  tracingConfiguration?: TracingConfiguration;
  versionDescription?: VersionDescription;
}

export interface UpdateStateMachineOutput {
  revisionId?: RevisionId;
  stateMachineVersionArn?: Arn;
  updateDate: Timestamp;
}

export type ValidateStateMachineDefinitionCode = string;

export interface ValidateStateMachineDefinitionDiagnostic {
  code: ValidateStateMachineDefinitionCode;
  location?: ValidateStateMachineDefinitionLocation;
  message: ValidateStateMachineDefinitionMessage;
  severity: ValidateStateMachineDefinitionSeverity;
}

export type ValidateStateMachineDefinitionDiagnosticList = ValidateStateMachineDefinitionDiagnostic[];

export interface ValidateStateMachineDefinitionInput {
  definition: Definition;
  maxResults?: ValidateStateMachineDefinitionMaxResult;
  severity?: ValidateStateMachineDefinitionSeverity;
  type?: StateMachineType;
}

export type ValidateStateMachineDefinitionLocation = string;

export type ValidateStateMachineDefinitionMaxResult = number;

export type ValidateStateMachineDefinitionMessage = string;

export interface ValidateStateMachineDefinitionOutput {
  diagnostics: ValidateStateMachineDefinitionDiagnosticList;
  result: ValidateStateMachineDefinitionResultCode;
  truncated?: ValidateStateMachineDefinitionTruncated;
}

export type ValidateStateMachineDefinitionResultCode = 'OK' | 'FAIL';

export type ValidateStateMachineDefinitionSeverity = 'ERROR' | 'WARNING';

export type ValidateStateMachineDefinitionTruncated = boolean;

export type ValidationExceptionReason = 'API_DOES_NOT_SUPPORT_LABELED_ARNS' | 'MISSING_REQUIRED_PARAMETER' | 'CANNOT_UPDATE_COMPLETED_MAP_RUN' | 'INVALID_ROUTING_CONFIGURATION';

export type VariableName = string;

export type VariableNameList = VariableName[];

export type VariableReferences = Record<string, VariableNameList>;

export type VariableValue = string;

export type VersionDescription = string;

export type VersionWeight = number;

export type includedDetails = boolean;

export type truncated = boolean;

// Operations

export interface SFNApi {
  CreateActivity(ctx: RequestContext, input: CreateActivityInput): Promise<CreateActivityOutput>;
  CreateStateMachine(ctx: RequestContext, input: CreateStateMachineInput): Promise<CreateStateMachineOutput>;
  CreateStateMachineAlias(ctx: RequestContext, input: CreateStateMachineAliasInput): Promise<CreateStateMachineAliasOutput>;
  DeleteActivity(ctx: RequestContext, input: DeleteActivityInput): Promise<DeleteActivityOutput>;
  DeleteStateMachine(ctx: RequestContext, input: DeleteStateMachineInput): Promise<DeleteStateMachineOutput>;
  DeleteStateMachineAlias(ctx: RequestContext, input: DeleteStateMachineAliasInput): Promise<DeleteStateMachineAliasOutput>;
  DeleteStateMachineVersion(ctx: RequestContext, input: DeleteStateMachineVersionInput): Promise<DeleteStateMachineVersionOutput>;
  DescribeActivity(ctx: RequestContext, input: DescribeActivityInput): Promise<DescribeActivityOutput>;
  DescribeExecution(ctx: RequestContext, input: DescribeExecutionInput): Promise<DescribeExecutionOutput>;
  DescribeMapRun(ctx: RequestContext, input: DescribeMapRunInput): Promise<DescribeMapRunOutput>;
  DescribeStateMachine(ctx: RequestContext, input: DescribeStateMachineInput): Promise<DescribeStateMachineOutput>;
  DescribeStateMachineAlias(ctx: RequestContext, input: DescribeStateMachineAliasInput): Promise<DescribeStateMachineAliasOutput>;
  DescribeStateMachineForExecution(ctx: RequestContext, input: DescribeStateMachineForExecutionInput): Promise<DescribeStateMachineForExecutionOutput>;
  GetActivityTask(ctx: RequestContext, input: GetActivityTaskInput): Promise<GetActivityTaskOutput>;
  GetExecutionHistory(ctx: RequestContext, input: GetExecutionHistoryInput): Promise<GetExecutionHistoryOutput>;
  ListActivities(ctx: RequestContext, input: ListActivitiesInput): Promise<ListActivitiesOutput>;
  ListExecutions(ctx: RequestContext, input: ListExecutionsInput): Promise<ListExecutionsOutput>;
  ListMapRuns(ctx: RequestContext, input: ListMapRunsInput): Promise<ListMapRunsOutput>;
  ListStateMachineAliases(ctx: RequestContext, input: ListStateMachineAliasesInput): Promise<ListStateMachineAliasesOutput>;
  ListStateMachineVersions(ctx: RequestContext, input: ListStateMachineVersionsInput): Promise<ListStateMachineVersionsOutput>;
  ListStateMachines(ctx: RequestContext, input: ListStateMachinesInput): Promise<ListStateMachinesOutput>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput>;
  PublishStateMachineVersion(ctx: RequestContext, input: PublishStateMachineVersionInput): Promise<PublishStateMachineVersionOutput>;
  RedriveExecution(ctx: RequestContext, input: RedriveExecutionInput): Promise<RedriveExecutionOutput>;
  SendTaskFailure(ctx: RequestContext, input: SendTaskFailureInput): Promise<SendTaskFailureOutput>;
  SendTaskHeartbeat(ctx: RequestContext, input: SendTaskHeartbeatInput): Promise<SendTaskHeartbeatOutput>;
  SendTaskSuccess(ctx: RequestContext, input: SendTaskSuccessInput): Promise<SendTaskSuccessOutput>;
  StartExecution(ctx: RequestContext, input: StartExecutionInput): Promise<StartExecutionOutput>;
  StartSyncExecution(ctx: RequestContext, input: StartSyncExecutionInput): Promise<StartSyncExecutionOutput>;
  StopExecution(ctx: RequestContext, input: StopExecutionInput): Promise<StopExecutionOutput>;
  TagResource(ctx: RequestContext, input: TagResourceInput): Promise<TagResourceOutput>;
  TestState(ctx: RequestContext, input: TestStateInput): Promise<TestStateOutput>;
  UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<UntagResourceOutput>;
  UpdateMapRun(ctx: RequestContext, input: UpdateMapRunInput): Promise<UpdateMapRunOutput>;
  UpdateStateMachine(ctx: RequestContext, input: UpdateStateMachineInput): Promise<UpdateStateMachineOutput>;
  UpdateStateMachineAlias(ctx: RequestContext, input: UpdateStateMachineAliasInput): Promise<UpdateStateMachineAliasOutput>;
  ValidateStateMachineDefinition(ctx: RequestContext, input: ValidateStateMachineDefinitionInput): Promise<ValidateStateMachineDefinitionOutput>;
}

export const operations = [
  'CreateActivity',
  'CreateStateMachine',
  'CreateStateMachineAlias',
  'DeleteActivity',
  'DeleteStateMachine',
  'DeleteStateMachineAlias',
  'DeleteStateMachineVersion',
  'DescribeActivity',
  'DescribeExecution',
  'DescribeMapRun',
  'DescribeStateMachine',
  'DescribeStateMachineAlias',
  'DescribeStateMachineForExecution',
  'GetActivityTask',
  'GetExecutionHistory',
  'ListActivities',
  'ListExecutions',
  'ListMapRuns',
  'ListStateMachineAliases',
  'ListStateMachineVersions',
  'ListStateMachines',
  'ListTagsForResource',
  'PublishStateMachineVersion',
  'RedriveExecution',
  'SendTaskFailure',
  'SendTaskHeartbeat',
  'SendTaskSuccess',
  'StartExecution',
  'StartSyncExecution',
  'StopExecution',
  'TagResource',
  'TestState',
  'UntagResource',
  'UpdateMapRun',
  'UpdateStateMachine',
  'UpdateStateMachineAlias',
  'ValidateStateMachineDefinition',
] as const;

// Errors

export class ActivityAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ActivityAlreadyExists', message, 400, { fields });
  }
}

export class ActivityDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ActivityDoesNotExist', message, 400, { fields });
  }
}

export class ActivityLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ActivityLimitExceeded', message, 400, { fields });
  }
}

export class ActivityWorkerLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ActivityWorkerLimitExceeded', message, 400, { fields });
  }
}

export class ConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConflictException', message, 400, { fields });
  }
}

export class ExecutionAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExecutionAlreadyExists', message, 400, { fields });
  }
}

export class ExecutionDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExecutionDoesNotExist', message, 400, { fields });
  }
}

export class ExecutionLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExecutionLimitExceeded', message, 400, { fields });
  }
}

export class ExecutionNotRedrivable extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExecutionNotRedrivable', message, 400, { fields });
  }
}

export class InvalidArn extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidArn', message, 400, { fields });
  }
}

export class InvalidDefinition extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidDefinition', message, 400, { fields });
  }
}

export class InvalidEncryptionConfiguration extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidEncryptionConfiguration', message, 400, { fields });
  }
}

export class InvalidExecutionInput extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidExecutionInput', message, 400, { fields });
  }
}

export class InvalidLoggingConfiguration extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidLoggingConfiguration', message, 400, { fields });
  }
}

export class InvalidName extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidName', message, 400, { fields });
  }
}

export class InvalidOutput extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOutput', message, 400, { fields });
  }
}

export class InvalidToken extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidToken', message, 400, { fields });
  }
}

export class InvalidTracingConfiguration extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidTracingConfiguration', message, 400, { fields });
  }
}

export class KmsAccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsAccessDeniedException', message, 400, { fields });
  }
}

export class KmsInvalidStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsInvalidStateException', message, 400, { fields });
  }
}

export class KmsThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsThrottlingException', message, 400, { fields });
  }
}

export class MissingRequiredParameter extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MissingRequiredParameter', message, 400, { fields });
  }
}

export class ResourceNotFound extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFound', message, 400, { fields });
  }
}

export class ServiceQuotaExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceQuotaExceededException', message, 400, { fields });
  }
}

export class StateMachineAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StateMachineAlreadyExists', message, 400, { fields });
  }
}

export class StateMachineDeleting extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StateMachineDeleting', message, 400, { fields });
  }
}

export class StateMachineDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StateMachineDoesNotExist', message, 400, { fields });
  }
}

export class StateMachineLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StateMachineLimitExceeded', message, 400, { fields });
  }
}

export class StateMachineTypeNotSupported extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StateMachineTypeNotSupported', message, 400, { fields });
  }
}

export class TaskDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TaskDoesNotExist', message, 400, { fields });
  }
}

export class TaskTimedOut extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TaskTimedOut', message, 400, { fields });
  }
}

export class TooManyTags extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyTags', message, 400, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}

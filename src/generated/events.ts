// Generated from models/aws/events/service-2.json (API version 2015-10-07) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AccountId = string;

export type Action = string;

export interface ActivateEventSourceRequest {
  Name: EventSourceName;
}

export interface ApiDestination {
  ApiDestinationArn?: ApiDestinationArn;
  ApiDestinationState?: ApiDestinationState;
  ConnectionArn?: ConnectionArn;
  CreationTime?: Timestamp;
  HttpMethod?: ApiDestinationHttpMethod;
  InvocationEndpoint?: HttpsEndpoint;
  InvocationRateLimitPerSecond?: ApiDestinationInvocationRateLimitPerSecond;
  LastModifiedTime?: Timestamp;
  Name?: ApiDestinationName;
}

export type ApiDestinationArn = string;

export type ApiDestinationDescription = string;

export type ApiDestinationHttpMethod = 'POST' | 'GET' | 'HEAD' | 'OPTIONS' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiDestinationInvocationRateLimitPerSecond = number;

export type ApiDestinationName = string;

export type ApiDestinationResponseList = ApiDestination[];

export type ApiDestinationState = 'ACTIVE' | 'INACTIVE';

export interface AppSyncParameters {
  GraphQLOperation?: GraphQLOperation;
}

export interface Archive {
  ArchiveName?: ArchiveName;
  CreationTime?: Timestamp;
  EventCount?: Long;
  EventSourceArn?: EventBusArn;
  RetentionDays?: RetentionDays;
  SizeBytes?: Long;
  State?: ArchiveState;
  StateReason?: ArchiveStateReason;
}

export type ArchiveArn = string;

export type ArchiveDescription = string;

export type ArchiveName = string;

export type ArchiveResponseList = Archive[];

export type ArchiveState = 'ENABLED' | 'DISABLED' | 'CREATING' | 'UPDATING' | 'CREATE_FAILED' | 'UPDATE_FAILED';

export type ArchiveStateReason = string;

export type Arn = string;

export type AssignPublicIp = 'ENABLED' | 'DISABLED';

export type AuthHeaderParameters = string;

export type AuthHeaderParametersSensitive = string;

export interface AwsVpcConfiguration {
  AssignPublicIp?: AssignPublicIp;
  SecurityGroups?: StringList;
  Subnets: StringList;
}

export interface BatchArrayProperties {
  Size?: Integer;
}

export interface BatchParameters {
  ArrayProperties?: BatchArrayProperties;
  JobDefinition: String_;
  JobName: String_;
  RetryStrategy?: BatchRetryStrategy;
}

export interface BatchRetryStrategy {
  Attempts?: Integer;
}

export type Boolean_ = boolean;

export interface CancelReplayRequest {
  ReplayName: ReplayName;
}

export interface CancelReplayResponse {
  ReplayArn?: ReplayArn;
  State?: ReplayState;
  StateReason?: ReplayStateReason;
}

export type CapacityProvider = string;

export type CapacityProviderStrategy = CapacityProviderStrategyItem[];

export interface CapacityProviderStrategyItem {
  base?: CapacityProviderStrategyItemBase;
  capacityProvider: CapacityProvider;
  weight?: CapacityProviderStrategyItemWeight;
}

export type CapacityProviderStrategyItemBase = number;

export type CapacityProviderStrategyItemWeight = number;

export interface Condition {
  Key: String_;
  Type: String_;
  Value: String_;
}

export interface Connection {
  AuthorizationType?: ConnectionAuthorizationType;
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  LastAuthorizedTime?: Timestamp;
  LastModifiedTime?: Timestamp;
  Name?: ConnectionName;
  StateReason?: ConnectionStateReason;
}

export interface ConnectionApiKeyAuthResponseParameters {
  ApiKeyName?: AuthHeaderParameters;
}

export type ConnectionArn = string;

export interface ConnectionAuthResponseParameters {
  ApiKeyAuthParameters?: ConnectionApiKeyAuthResponseParameters;
  BasicAuthParameters?: ConnectionBasicAuthResponseParameters;
  ConnectivityParameters?: DescribeConnectionConnectivityParameters;
  InvocationHttpParameters?: ConnectionHttpParameters;
  OAuthParameters?: ConnectionOAuthResponseParameters;
}

export type ConnectionAuthorizationType = 'BASIC' | 'OAUTH_CLIENT_CREDENTIALS' | 'API_KEY';

export interface ConnectionBasicAuthResponseParameters {
  Username?: AuthHeaderParameters;
}

export interface ConnectionBodyParameter {
  IsValueSecret?: Boolean_;
  Key?: String_;
  Value?: SensitiveString;
}

export type ConnectionBodyParametersList = ConnectionBodyParameter[];

export type ConnectionDescription = string;

export interface ConnectionHeaderParameter {
  IsValueSecret?: Boolean_;
  Key?: HeaderKey;
  Value?: HeaderValueSensitive;
}

export type ConnectionHeaderParametersList = ConnectionHeaderParameter[];

export interface ConnectionHttpParameters {
  BodyParameters?: ConnectionBodyParametersList;
  HeaderParameters?: ConnectionHeaderParametersList;
  QueryStringParameters?: ConnectionQueryStringParametersList;
}

export type ConnectionName = string;

export interface ConnectionOAuthClientResponseParameters {
  ClientID?: AuthHeaderParameters;
}

export type ConnectionOAuthHttpMethod = 'GET' | 'POST' | 'PUT';

export interface ConnectionOAuthResponseParameters {
  AuthorizationEndpoint?: HttpsEndpoint;
  ClientParameters?: ConnectionOAuthClientResponseParameters;
  HttpMethod?: ConnectionOAuthHttpMethod;
  OAuthHttpParameters?: ConnectionHttpParameters;
}

export interface ConnectionQueryStringParameter {
  IsValueSecret?: Boolean_;
  Key?: QueryStringKey;
  Value?: QueryStringValueSensitive;
}

export type ConnectionQueryStringParametersList = ConnectionQueryStringParameter[];

export type ConnectionResponseList = Connection[];

export type ConnectionState = 'CREATING' | 'UPDATING' | 'DELETING' | 'AUTHORIZED' | 'DEAUTHORIZED' | 'AUTHORIZING' | 'DEAUTHORIZING' | 'ACTIVE' | 'FAILED_CONNECTIVITY';

export type ConnectionStateReason = string;

export interface ConnectivityResourceConfigurationArn {
  ResourceConfigurationArn: ResourceConfigurationArn;
}

export interface ConnectivityResourceParameters {
  ResourceParameters: ConnectivityResourceConfigurationArn;
}

export interface CreateApiDestinationRequest {
  ConnectionArn: ConnectionArn;
  Description?: ApiDestinationDescription;
  HttpMethod: ApiDestinationHttpMethod;
  InvocationEndpoint: HttpsEndpoint;
  InvocationRateLimitPerSecond?: ApiDestinationInvocationRateLimitPerSecond;
  Name: ApiDestinationName;
}

export interface CreateApiDestinationResponse {
  ApiDestinationArn?: ApiDestinationArn;
  ApiDestinationState?: ApiDestinationState;
  CreationTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface CreateArchiveRequest {
  ArchiveName: ArchiveName;
  Description?: ArchiveDescription;
  EventPattern?: EventPattern;
  EventSourceArn: EventBusArn;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  RetentionDays?: RetentionDays;
}

export interface CreateArchiveResponse {
  ArchiveArn?: ArchiveArn;
  CreationTime?: Timestamp;
  State?: ArchiveState;
  StateReason?: ArchiveStateReason;
}

export interface CreateConnectionApiKeyAuthRequestParameters {
  ApiKeyName: AuthHeaderParameters;
  ApiKeyValue: AuthHeaderParametersSensitive;
}

export interface CreateConnectionAuthRequestParameters {
  ApiKeyAuthParameters?: CreateConnectionApiKeyAuthRequestParameters;
  BasicAuthParameters?: CreateConnectionBasicAuthRequestParameters;
  ConnectivityParameters?: ConnectivityResourceParameters;
  InvocationHttpParameters?: ConnectionHttpParameters;
  OAuthParameters?: CreateConnectionOAuthRequestParameters;
}

export interface CreateConnectionBasicAuthRequestParameters {
  Password: AuthHeaderParametersSensitive;
  Username: AuthHeaderParameters;
}

export interface CreateConnectionOAuthClientRequestParameters {
  ClientID: AuthHeaderParameters;
  ClientSecret: AuthHeaderParametersSensitive;
}

export interface CreateConnectionOAuthRequestParameters {
  AuthorizationEndpoint: HttpsEndpoint;
  ClientParameters: CreateConnectionOAuthClientRequestParameters;
  HttpMethod: ConnectionOAuthHttpMethod;
  OAuthHttpParameters?: ConnectionHttpParameters;
}

export interface CreateConnectionRequest {
  AuthParameters: CreateConnectionAuthRequestParameters;
  AuthorizationType: ConnectionAuthorizationType;
  Description?: ConnectionDescription;
  InvocationConnectivityParameters?: ConnectivityResourceParameters;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  Name: ConnectionName;
}

export interface CreateConnectionResponse {
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface CreateEndpointRequest {
  Description?: EndpointDescription;
  EventBuses: EndpointEventBusList;
  Name: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig: RoutingConfig;
}

export interface CreateEndpointResponse {
  Arn?: EndpointArn;
  EventBuses?: EndpointEventBusList;
  Name?: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig?: RoutingConfig;
  State?: EndpointState;
}

export interface CreateEventBusRequest {
  DeadLetterConfig?: DeadLetterConfig;
  Description?: EventBusDescription;
  EventSourceName?: EventSourceName;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LogConfig?: LogConfig;
  Name: EventBusName;
  Tags?: TagList;
}

export interface CreateEventBusResponse {
  DeadLetterConfig?: DeadLetterConfig;
  Description?: EventBusDescription;
  EventBusArn?: String_;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LogConfig?: LogConfig;
}

export interface CreatePartnerEventSourceRequest {
  Account: AccountId;
  Name: EventSourceName;
}

export interface CreatePartnerEventSourceResponse {
  EventSourceArn?: String_;
}

export type CreatedBy = string;

export type Database = string;

export type DbUser = string;

export interface DeactivateEventSourceRequest {
  Name: EventSourceName;
}

export interface DeadLetterConfig {
  Arn?: ResourceArn;
}

export interface DeauthorizeConnectionRequest {
  Name: ConnectionName;
}

export interface DeauthorizeConnectionResponse {
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  LastAuthorizedTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface DeleteApiDestinationRequest {
  Name: ApiDestinationName;
}

export interface DeleteApiDestinationResponse {}

export interface DeleteArchiveRequest {
  ArchiveName: ArchiveName;
}

export interface DeleteArchiveResponse {}

export interface DeleteConnectionRequest {
  Name: ConnectionName;
}

export interface DeleteConnectionResponse {
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  LastAuthorizedTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface DeleteEndpointRequest {
  Name: EndpointName;
}

export interface DeleteEndpointResponse {}

export interface DeleteEventBusRequest {
  Name: EventBusName;
}

export interface DeletePartnerEventSourceRequest {
  Account: AccountId;
  Name: EventSourceName;
}

export interface DeleteRuleRequest {
  EventBusName?: EventBusNameOrArn;
  Force?: Boolean_;
  Name: RuleName;
}

export interface DescribeApiDestinationRequest {
  Name: ApiDestinationName;
}

export interface DescribeApiDestinationResponse {
  ApiDestinationArn?: ApiDestinationArn;
  ApiDestinationState?: ApiDestinationState;
  ConnectionArn?: ConnectionArn;
  CreationTime?: Timestamp;
  Description?: ApiDestinationDescription;
  HttpMethod?: ApiDestinationHttpMethod;
  InvocationEndpoint?: HttpsEndpoint;
  InvocationRateLimitPerSecond?: ApiDestinationInvocationRateLimitPerSecond;
  LastModifiedTime?: Timestamp;
  Name?: ApiDestinationName;
}

export interface DescribeArchiveRequest {
  ArchiveName: ArchiveName;
}

export interface DescribeArchiveResponse {
  ArchiveArn?: ArchiveArn;
  ArchiveName?: ArchiveName;
  CreationTime?: Timestamp;
  Description?: ArchiveDescription;
  EventCount?: Long;
  EventPattern?: EventPattern;
  EventSourceArn?: EventBusArn;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  RetentionDays?: RetentionDays;
  SizeBytes?: Long;
  State?: ArchiveState;
  StateReason?: ArchiveStateReason;
}

export interface DescribeConnectionConnectivityParameters {
  ResourceParameters: DescribeConnectionResourceParameters;
}

export interface DescribeConnectionRequest {
  Name: ConnectionName;
}

export interface DescribeConnectionResourceParameters {
  ResourceAssociationArn: ResourceAssociationArn;
  ResourceConfigurationArn: ResourceConfigurationArn;
}

export interface DescribeConnectionResponse {
  AuthParameters?: ConnectionAuthResponseParameters;
  AuthorizationType?: ConnectionAuthorizationType;
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  Description?: ConnectionDescription;
  InvocationConnectivityParameters?: DescribeConnectionConnectivityParameters;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LastAuthorizedTime?: Timestamp;
  LastModifiedTime?: Timestamp;
  Name?: ConnectionName;
  SecretArn?: SecretsManagerSecretArn;
  StateReason?: ConnectionStateReason;
}

export interface DescribeEndpointRequest {
  HomeRegion?: HomeRegion;
  Name: EndpointName;
}

export interface DescribeEndpointResponse {
  Arn?: EndpointArn;
  CreationTime?: Timestamp;
  Description?: EndpointDescription;
  EndpointId?: EndpointId;
  EndpointUrl?: EndpointUrl;
  EventBuses?: EndpointEventBusList;
  LastModifiedTime?: Timestamp;
  Name?: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig?: RoutingConfig;
  State?: EndpointState;
  StateReason?: EndpointStateReason;
}

export interface DescribeEventBusRequest {
  Name?: EventBusNameOrArn;
}

export interface DescribeEventBusResponse {
  Arn?: String_;
  CreationTime?: Timestamp;
  DeadLetterConfig?: DeadLetterConfig;
  Description?: EventBusDescription;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LastModifiedTime?: Timestamp;
  LogConfig?: LogConfig;
  Name?: String_;
  Policy?: String_;
}

export interface DescribeEventSourceRequest {
  Name: EventSourceName;
}

export interface DescribeEventSourceResponse {
  Arn?: String_;
  CreatedBy?: String_;
  CreationTime?: Timestamp;
  ExpirationTime?: Timestamp;
  Name?: String_;
  State?: EventSourceState;
}

export interface DescribePartnerEventSourceRequest {
  Name: EventSourceName;
}

export interface DescribePartnerEventSourceResponse {
  Arn?: String_;
  Name?: String_;
}

export interface DescribeReplayRequest {
  ReplayName: ReplayName;
}

export interface DescribeReplayResponse {
  Description?: ReplayDescription;
  Destination?: ReplayDestination;
  EventEndTime?: Timestamp;
  EventLastReplayedTime?: Timestamp;
  EventSourceArn?: ArchiveArn;
  EventStartTime?: Timestamp;
  ReplayArn?: ReplayArn;
  ReplayEndTime?: Timestamp;
  ReplayName?: ReplayName;
  ReplayStartTime?: Timestamp;
  State?: ReplayState;
  StateReason?: ReplayStateReason;
}

export interface DescribeRuleRequest {
  EventBusName?: EventBusNameOrArn;
  Name: RuleName;
}

export interface DescribeRuleResponse {
  Arn?: RuleArn;
  CreatedBy?: CreatedBy;
  Description?: RuleDescription;
  EventBusName?: EventBusName;
  EventPattern?: EventPattern;
  ManagedBy?: ManagedBy;
  Name?: RuleName;
  RoleArn?: RoleArn;
  ScheduleExpression?: ScheduleExpression;
  State?: RuleState;
}

export interface DisableRuleRequest {
  EventBusName?: EventBusNameOrArn;
  Name: RuleName;
}

export interface EcsParameters {
  CapacityProviderStrategy?: CapacityProviderStrategy;
  EnableECSManagedTags?: Boolean_;
  EnableExecuteCommand?: Boolean_;
  Group?: String_;
  LaunchType?: LaunchType;
  NetworkConfiguration?: NetworkConfiguration;
  PlacementConstraints?: PlacementConstraints;
  PlacementStrategy?: PlacementStrategies;
  PlatformVersion?: String_;
  PropagateTags?: PropagateTags;
  ReferenceId?: ReferenceId;
  Tags?: TagList;
  TaskCount?: LimitMin1;
  TaskDefinitionArn: Arn;
}

export interface EnableRuleRequest {
  EventBusName?: EventBusNameOrArn;
  Name: RuleName;
}

export interface Endpoint {
  Arn?: EndpointArn;
  CreationTime?: Timestamp;
  Description?: EndpointDescription;
  EndpointId?: EndpointId;
  EndpointUrl?: EndpointUrl;
  EventBuses?: EndpointEventBusList;
  LastModifiedTime?: Timestamp;
  Name?: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig?: RoutingConfig;
  State?: EndpointState;
  StateReason?: EndpointStateReason;
}

export type EndpointArn = string;

export type EndpointDescription = string;

export interface EndpointEventBus {
  EventBusArn: NonPartnerEventBusArn;
}

export type EndpointEventBusList = EndpointEventBus[];

export type EndpointId = string;

export type EndpointList = Endpoint[];

export type EndpointName = string;

export type EndpointState = 'ACTIVE' | 'CREATING' | 'UPDATING' | 'DELETING' | 'CREATE_FAILED' | 'UPDATE_FAILED' | 'DELETE_FAILED';

export type EndpointStateReason = string;

export type EndpointUrl = string;

export type ErrorCode = string;

export type ErrorMessage = string;

export interface EventBus {
  Arn?: String_;
  CreationTime?: Timestamp;
  Description?: EventBusDescription;
  LastModifiedTime?: Timestamp;
  Name?: String_;
  Policy?: String_;
}

export type EventBusArn = string;

export type EventBusDescription = string;

export type EventBusList = EventBus[];

export type EventBusName = string;

export type EventBusNameOrArn = string;

export type EventId = string;

export type EventPattern = string;

export type EventResource = string;

export type EventResourceList = EventResource[];

export interface EventSource {
  Arn?: String_;
  CreatedBy?: String_;
  CreationTime?: Timestamp;
  ExpirationTime?: Timestamp;
  Name?: String_;
  State?: EventSourceState;
}

export type EventSourceList = EventSource[];

export type EventSourceName = string;

export type EventSourceNamePrefix = string;

export type EventSourceState = 'PENDING' | 'ACTIVE' | 'DELETED';

export type EventTime = Date;

export interface FailoverConfig {
  Primary: Primary;
  Secondary: Secondary;
}

export type GraphQLOperation = string;

export type HeaderKey = string;

export type HeaderParametersMap = Record<string, HeaderValue>;

export type HeaderValue = string;

export type HeaderValueSensitive = string;

export type HealthCheck = string;

export type HomeRegion = string;

export interface HttpParameters {
  HeaderParameters?: HeaderParametersMap;
  PathParameterValues?: PathParameterList;
  QueryStringParameters?: QueryStringParametersMap;
}

export type HttpsEndpoint = string;

export type IamRoleArn = string;

export type IncludeDetail = 'NONE' | 'FULL';

export interface InputTransformer {
  InputPathsMap?: TransformerPaths;
  InputTemplate: TransformerInput;
}

export type InputTransformerPathKey = string;

export type Integer = number;

export interface KinesisParameters {
  PartitionKeyPath: TargetPartitionKeyPath;
}

export type KmsKeyIdentifier = string;

export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL';

export type Level = 'OFF' | 'ERROR' | 'INFO' | 'TRACE';

export type LimitMax100 = number;

export type LimitMin1 = number;

export interface ListApiDestinationsRequest {
  ConnectionArn?: ConnectionArn;
  Limit?: LimitMax100;
  NamePrefix?: ApiDestinationName;
  NextToken?: NextToken;
}

export interface ListApiDestinationsResponse {
  ApiDestinations?: ApiDestinationResponseList;
  NextToken?: NextToken;
}

export interface ListArchivesRequest {
  EventSourceArn?: EventBusArn;
  Limit?: LimitMax100;
  NamePrefix?: ArchiveName;
  NextToken?: NextToken;
  State?: ArchiveState;
}

export interface ListArchivesResponse {
  Archives?: ArchiveResponseList;
  NextToken?: NextToken;
}

export interface ListConnectionsRequest {
  ConnectionState?: ConnectionState;
  Limit?: LimitMax100;
  NamePrefix?: ConnectionName;
  NextToken?: NextToken;
}

export interface ListConnectionsResponse {
  Connections?: ConnectionResponseList;
  NextToken?: NextToken;
}

export interface ListEndpointsRequest {
  HomeRegion?: HomeRegion;
  MaxResults?: LimitMax100;
  NamePrefix?: EndpointName;
  NextToken?: NextToken;
}

export interface ListEndpointsResponse {
  Endpoints?: EndpointList;
  NextToken?: NextToken;
}

export interface ListEventBusesRequest {
  Limit?: LimitMax100;
  NamePrefix?: EventBusName;
  NextToken?: NextToken;
}

export interface ListEventBusesResponse {
  EventBuses?: EventBusList;
  NextToken?: NextToken;
}

export interface ListEventSourcesRequest {
  Limit?: LimitMax100;
  NamePrefix?: EventSourceNamePrefix;
  NextToken?: NextToken;
}

export interface ListEventSourcesResponse {
  EventSources?: EventSourceList;
  NextToken?: NextToken;
}

export interface ListPartnerEventSourceAccountsRequest {
  EventSourceName: EventSourceName;
  Limit?: LimitMax100;
  NextToken?: NextToken;
}

export interface ListPartnerEventSourceAccountsResponse {
  NextToken?: NextToken;
  PartnerEventSourceAccounts?: PartnerEventSourceAccountList;
}

export interface ListPartnerEventSourcesRequest {
  Limit?: LimitMax100;
  NamePrefix: PartnerEventSourceNamePrefix;
  NextToken?: NextToken;
}

export interface ListPartnerEventSourcesResponse {
  NextToken?: NextToken;
  PartnerEventSources?: PartnerEventSourceList;
}

export interface ListReplaysRequest {
  EventSourceArn?: ArchiveArn;
  Limit?: LimitMax100;
  NamePrefix?: ReplayName;
  NextToken?: NextToken;
  State?: ReplayState;
}

export interface ListReplaysResponse {
  NextToken?: NextToken;
  Replays?: ReplayList;
}

export interface ListRuleNamesByTargetRequest {
  EventBusName?: EventBusNameOrArn;
  Limit?: LimitMax100;
  NextToken?: NextToken;
  TargetArn: TargetArn;
}

export interface ListRuleNamesByTargetResponse {
  NextToken?: NextToken;
  RuleNames?: RuleNameList;
}

export interface ListRulesRequest {
  EventBusName?: EventBusNameOrArn;
  Limit?: LimitMax100;
  NamePrefix?: RuleName;
  NextToken?: NextToken;
}

export interface ListRulesResponse {
  NextToken?: NextToken;
  Rules?: RuleResponseList;
}

export interface ListTagsForResourceRequest {
  ResourceARN: Arn;
}

export interface ListTagsForResourceResponse {
  Tags?: TagList;
}

export interface ListTargetsByRuleRequest {
  EventBusName?: EventBusNameOrArn;
  Limit?: LimitMax100;
  NextToken?: NextToken;
  Rule: RuleName;
}

export interface ListTargetsByRuleResponse {
  NextToken?: NextToken;
  Targets?: TargetList;
}

export interface LogConfig {
  IncludeDetail?: IncludeDetail;
  Level?: Level;
}

export type Long = number;

export type ManagedBy = string;

export type MaximumEventAgeInSeconds = number;

export type MaximumRetryAttempts = number;

export type MessageGroupId = string;

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

export type NextToken = string;

export type NonPartnerEventBusArn = string;

export type NonPartnerEventBusName = string;

export type NonPartnerEventBusNameOrArn = string;

export interface PartnerEventSource {
  Arn?: String_;
  Name?: String_;
}

export interface PartnerEventSourceAccount {
  Account?: AccountId;
  CreationTime?: Timestamp;
  ExpirationTime?: Timestamp;
  State?: EventSourceState;
}

export type PartnerEventSourceAccountList = PartnerEventSourceAccount[];

export type PartnerEventSourceList = PartnerEventSource[];

export type PartnerEventSourceNamePrefix = string;

export type PathParameter = string;

export type PathParameterList = PathParameter[];

export interface PlacementConstraint {
  expression?: PlacementConstraintExpression;
  type?: PlacementConstraintType;
}

export type PlacementConstraintExpression = string;

export type PlacementConstraintType = 'distinctInstance' | 'memberOf';

export type PlacementConstraints = PlacementConstraint[];

export type PlacementStrategies = PlacementStrategy[];

export interface PlacementStrategy {
  field?: PlacementStrategyField;
  type?: PlacementStrategyType;
}

export type PlacementStrategyField = string;

export type PlacementStrategyType = 'random' | 'spread' | 'binpack';

export interface Primary {
  HealthCheck: HealthCheck;
}

export type Principal = string;

export type PropagateTags = 'TASK_DEFINITION';

export interface PutEventsRequest {
  EndpointId?: EndpointId;
  Entries: PutEventsRequestEntryList;
}

export interface PutEventsRequestEntry {
  Detail?: String_;
  DetailType?: String_;
  EventBusName?: NonPartnerEventBusNameOrArn;
  Resources?: EventResourceList;
  Source?: String_;
  Time?: EventTime;
  TraceHeader?: TraceHeader;
}

export type PutEventsRequestEntryList = PutEventsRequestEntry[];

export interface PutEventsResponse {
  Entries?: PutEventsResultEntryList;
  FailedEntryCount?: Integer;
}

export interface PutEventsResultEntry {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  EventId?: EventId;
}

export type PutEventsResultEntryList = PutEventsResultEntry[];

export interface PutPartnerEventsRequest {
  Entries: PutPartnerEventsRequestEntryList;
}

export interface PutPartnerEventsRequestEntry {
  Detail?: String_;
  DetailType?: String_;
  Resources?: EventResourceList;
  Source?: EventSourceName;
  Time?: EventTime;
}

export type PutPartnerEventsRequestEntryList = PutPartnerEventsRequestEntry[];

export interface PutPartnerEventsResponse {
  Entries?: PutPartnerEventsResultEntryList;
  FailedEntryCount?: Integer;
}

export interface PutPartnerEventsResultEntry {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  EventId?: EventId;
}

export type PutPartnerEventsResultEntryList = PutPartnerEventsResultEntry[];

export interface PutPermissionRequest {
  Action?: Action;
  Condition?: Condition;
  EventBusName?: NonPartnerEventBusName;
  Policy?: String_;
  Principal?: Principal;
  StatementId?: StatementId;
}

export interface PutRuleRequest {
  Description?: RuleDescription;
  EventBusName?: EventBusNameOrArn;
  EventPattern?: EventPattern;
  Name: RuleName;
  RoleArn?: RoleArn;
  ScheduleExpression?: ScheduleExpression;
  State?: RuleState;
  Tags?: TagList;
}

export interface PutRuleResponse {
  RuleArn?: RuleArn;
}

export interface PutTargetsRequest {
  EventBusName?: EventBusNameOrArn;
  Rule: RuleName;
  Targets: TargetList;
}

export interface PutTargetsResponse {
  FailedEntries?: PutTargetsResultEntryList;
  FailedEntryCount?: Integer;
}

export interface PutTargetsResultEntry {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  TargetId?: TargetId;
}

export type PutTargetsResultEntryList = PutTargetsResultEntry[];

export type QueryStringKey = string;

export type QueryStringParametersMap = Record<string, QueryStringValue>;

export type QueryStringValue = string;

export type QueryStringValueSensitive = string;

export interface RedshiftDataParameters {
  Database: Database;
  DbUser?: DbUser;
  SecretManagerArn?: RedshiftSecretManagerArn;
  Sql?: Sql;
  Sqls?: Sqls;
  StatementName?: StatementName;
  WithEvent?: Boolean_;
}

export type RedshiftSecretManagerArn = string;

export type ReferenceId = string;

export interface RemovePermissionRequest {
  EventBusName?: NonPartnerEventBusName;
  RemoveAllPermissions?: Boolean_;
  StatementId?: StatementId;
}

export interface RemoveTargetsRequest {
  EventBusName?: EventBusNameOrArn;
  Force?: Boolean_;
  Ids: TargetIdList;
  Rule: RuleName;
}

export interface RemoveTargetsResponse {
  FailedEntries?: RemoveTargetsResultEntryList;
  FailedEntryCount?: Integer;
}

export interface RemoveTargetsResultEntry {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  TargetId?: TargetId;
}

export type RemoveTargetsResultEntryList = RemoveTargetsResultEntry[];

export interface Replay {
  EventEndTime?: Timestamp;
  EventLastReplayedTime?: Timestamp;
  EventSourceArn?: ArchiveArn;
  EventStartTime?: Timestamp;
  ReplayEndTime?: Timestamp;
  ReplayName?: ReplayName;
  ReplayStartTime?: Timestamp;
  State?: ReplayState;
  StateReason?: ReplayStateReason;
}

export type ReplayArn = string;

export type ReplayDescription = string;

export interface ReplayDestination {
  Arn: Arn;
  FilterArns?: ReplayDestinationFilters;
}

export type ReplayDestinationFilters = Arn[];

export type ReplayList = Replay[];

export type ReplayName = string;

export type ReplayState = 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export type ReplayStateReason = string;

export interface ReplicationConfig {
  State?: ReplicationState;
}

export type ReplicationState = 'ENABLED' | 'DISABLED';

export type ResourceArn = string;

export type ResourceAssociationArn = string;

export type ResourceConfigurationArn = string;

export type RetentionDays = number;

export interface RetryPolicy {
  MaximumEventAgeInSeconds?: MaximumEventAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttempts;
}

export type RoleArn = string;

export type Route = string;

export interface RoutingConfig {
  FailoverConfig: FailoverConfig;
}

export interface Rule {
  Arn?: RuleArn;
  Description?: RuleDescription;
  EventBusName?: EventBusName;
  EventPattern?: EventPattern;
  ManagedBy?: ManagedBy;
  Name?: RuleName;
  RoleArn?: RoleArn;
  ScheduleExpression?: ScheduleExpression;
  State?: RuleState;
}

export type RuleArn = string;

export type RuleDescription = string;

export type RuleName = string;

export type RuleNameList = RuleName[];

export type RuleResponseList = Rule[];

export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

export interface RunCommandParameters {
  RunCommandTargets: RunCommandTargets;
}

export interface RunCommandTarget {
  Key: RunCommandTargetKey;
  Values: RunCommandTargetValues;
}

export type RunCommandTargetKey = string;

export type RunCommandTargetValue = string;

export type RunCommandTargetValues = RunCommandTargetValue[];

export type RunCommandTargets = RunCommandTarget[];

export interface SageMakerPipelineParameter {
  Name: SageMakerPipelineParameterName;
  Value: SageMakerPipelineParameterValue;
}

export type SageMakerPipelineParameterList = SageMakerPipelineParameter[];

export type SageMakerPipelineParameterName = string;

export type SageMakerPipelineParameterValue = string;

export interface SageMakerPipelineParameters {
  PipelineParameterList?: SageMakerPipelineParameterList;
}

export type ScheduleExpression = string;

export interface Secondary {
  Route: Route;
}

export type SecretsManagerSecretArn = string;

export type SensitiveString = string;

export type Sql = string;

export type Sqls = Sql[];

export interface SqsParameters {
  MessageGroupId?: MessageGroupId;
}

export interface StartReplayRequest {
  Description?: ReplayDescription;
  Destination: ReplayDestination;
  EventEndTime: Timestamp;
  EventSourceArn: ArchiveArn;
  EventStartTime: Timestamp;
  ReplayName: ReplayName;
}

export interface StartReplayResponse {
  ReplayArn?: ReplayArn;
  ReplayStartTime?: Timestamp;
  State?: ReplayState;
  StateReason?: ReplayStateReason;
}

export type StatementId = string;

export type StatementName = string;

export type String_ = string;

export type StringList = String_[];

export interface Tag {
  Key: TagKey;
  Value: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = Tag[];

export interface TagResourceRequest {
  ResourceARN: Arn;
  Tags: TagList;
}

export interface TagResourceResponse {}

export type TagValue = string;

export interface Target {
  AppSyncParameters?: AppSyncParameters;
  Arn: TargetArn;
  BatchParameters?: BatchParameters;
  DeadLetterConfig?: DeadLetterConfig;
  EcsParameters?: EcsParameters;
  HttpParameters?: HttpParameters;
  Id: TargetId;
  Input?: TargetInput;
  InputPath?: TargetInputPath;
  InputTransformer?: InputTransformer;
  KinesisParameters?: KinesisParameters;
  RedshiftDataParameters?: RedshiftDataParameters;
  RetryPolicy?: RetryPolicy;
  RoleArn?: RoleArn;
  RunCommandParameters?: RunCommandParameters;
  SageMakerPipelineParameters?: SageMakerPipelineParameters;
  SqsParameters?: SqsParameters;
}

export type TargetArn = string;

export type TargetId = string;

export type TargetIdList = TargetId[];

export type TargetInput = string;

export type TargetInputPath = string;

export type TargetList = Target[];

export type TargetPartitionKeyPath = string;

export interface TestEventPatternRequest {
  Event: String_;
  EventPattern: EventPattern;
}

export interface TestEventPatternResponse {
  Result?: Boolean_;
}

export type Timestamp = Date;

export type TraceHeader = string;

export type TransformerInput = string;

export type TransformerPaths = Record<string, TargetInputPath>;

export interface UntagResourceRequest {
  ResourceARN: Arn;
  TagKeys: TagKeyList;
}

export interface UntagResourceResponse {}

export interface UpdateApiDestinationRequest {
  ConnectionArn?: ConnectionArn;
  Description?: ApiDestinationDescription;
  HttpMethod?: ApiDestinationHttpMethod;
  InvocationEndpoint?: HttpsEndpoint;
  InvocationRateLimitPerSecond?: ApiDestinationInvocationRateLimitPerSecond;
  Name: ApiDestinationName;
}

export interface UpdateApiDestinationResponse {
  ApiDestinationArn?: ApiDestinationArn;
  ApiDestinationState?: ApiDestinationState;
  CreationTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface UpdateArchiveRequest {
  ArchiveName: ArchiveName;
  Description?: ArchiveDescription;
  EventPattern?: EventPattern;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  RetentionDays?: RetentionDays;
}

export interface UpdateArchiveResponse {
  ArchiveArn?: ArchiveArn;
  CreationTime?: Timestamp;
  State?: ArchiveState;
  StateReason?: ArchiveStateReason;
}

export interface UpdateConnectionApiKeyAuthRequestParameters {
  ApiKeyName?: AuthHeaderParameters;
  ApiKeyValue?: AuthHeaderParametersSensitive;
}

export interface UpdateConnectionAuthRequestParameters {
  ApiKeyAuthParameters?: UpdateConnectionApiKeyAuthRequestParameters;
  BasicAuthParameters?: UpdateConnectionBasicAuthRequestParameters;
  ConnectivityParameters?: ConnectivityResourceParameters;
  InvocationHttpParameters?: ConnectionHttpParameters;
  OAuthParameters?: UpdateConnectionOAuthRequestParameters;
}

export interface UpdateConnectionBasicAuthRequestParameters {
  Password?: AuthHeaderParametersSensitive;
  Username?: AuthHeaderParameters;
}

export interface UpdateConnectionOAuthClientRequestParameters {
  ClientID?: AuthHeaderParameters;
  ClientSecret?: AuthHeaderParametersSensitive;
}

export interface UpdateConnectionOAuthRequestParameters {
  AuthorizationEndpoint?: HttpsEndpoint;
  ClientParameters?: UpdateConnectionOAuthClientRequestParameters;
  HttpMethod?: ConnectionOAuthHttpMethod;
  OAuthHttpParameters?: ConnectionHttpParameters;
}

export interface UpdateConnectionRequest {
  AuthParameters?: UpdateConnectionAuthRequestParameters;
  AuthorizationType?: ConnectionAuthorizationType;
  Description?: ConnectionDescription;
  InvocationConnectivityParameters?: ConnectivityResourceParameters;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  Name: ConnectionName;
}

export interface UpdateConnectionResponse {
  ConnectionArn?: ConnectionArn;
  ConnectionState?: ConnectionState;
  CreationTime?: Timestamp;
  LastAuthorizedTime?: Timestamp;
  LastModifiedTime?: Timestamp;
}

export interface UpdateEndpointRequest {
  Description?: EndpointDescription;
  EventBuses?: EndpointEventBusList;
  Name: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig?: RoutingConfig;
}

export interface UpdateEndpointResponse {
  Arn?: EndpointArn;
  EndpointId?: EndpointId;
  EndpointUrl?: EndpointUrl;
  EventBuses?: EndpointEventBusList;
  Name?: EndpointName;
  ReplicationConfig?: ReplicationConfig;
  RoleArn?: IamRoleArn;
  RoutingConfig?: RoutingConfig;
  State?: EndpointState;
}

export interface UpdateEventBusRequest {
  DeadLetterConfig?: DeadLetterConfig;
  Description?: EventBusDescription;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LogConfig?: LogConfig;
  Name?: EventBusName;
}

export interface UpdateEventBusResponse {
  Arn?: String_;
  DeadLetterConfig?: DeadLetterConfig;
  Description?: EventBusDescription;
  KmsKeyIdentifier?: KmsKeyIdentifier;
  LogConfig?: LogConfig;
  Name?: EventBusName;
}

// Operations

export interface EventBridgeApi {
  ActivateEventSource(ctx: RequestContext, input: ActivateEventSourceRequest): Promise<void>;
  CancelReplay(ctx: RequestContext, input: CancelReplayRequest): Promise<CancelReplayResponse>;
  CreateApiDestination(ctx: RequestContext, input: CreateApiDestinationRequest): Promise<CreateApiDestinationResponse>;
  CreateArchive(ctx: RequestContext, input: CreateArchiveRequest): Promise<CreateArchiveResponse>;
  CreateConnection(ctx: RequestContext, input: CreateConnectionRequest): Promise<CreateConnectionResponse>;
  CreateEndpoint(ctx: RequestContext, input: CreateEndpointRequest): Promise<CreateEndpointResponse>;
  CreateEventBus(ctx: RequestContext, input: CreateEventBusRequest): Promise<CreateEventBusResponse>;
  CreatePartnerEventSource(ctx: RequestContext, input: CreatePartnerEventSourceRequest): Promise<CreatePartnerEventSourceResponse>;
  DeactivateEventSource(ctx: RequestContext, input: DeactivateEventSourceRequest): Promise<void>;
  DeauthorizeConnection(ctx: RequestContext, input: DeauthorizeConnectionRequest): Promise<DeauthorizeConnectionResponse>;
  DeleteApiDestination(ctx: RequestContext, input: DeleteApiDestinationRequest): Promise<DeleteApiDestinationResponse>;
  DeleteArchive(ctx: RequestContext, input: DeleteArchiveRequest): Promise<DeleteArchiveResponse>;
  DeleteConnection(ctx: RequestContext, input: DeleteConnectionRequest): Promise<DeleteConnectionResponse>;
  DeleteEndpoint(ctx: RequestContext, input: DeleteEndpointRequest): Promise<DeleteEndpointResponse>;
  DeleteEventBus(ctx: RequestContext, input: DeleteEventBusRequest): Promise<void>;
  DeletePartnerEventSource(ctx: RequestContext, input: DeletePartnerEventSourceRequest): Promise<void>;
  DeleteRule(ctx: RequestContext, input: DeleteRuleRequest): Promise<void>;
  DescribeApiDestination(ctx: RequestContext, input: DescribeApiDestinationRequest): Promise<DescribeApiDestinationResponse>;
  DescribeArchive(ctx: RequestContext, input: DescribeArchiveRequest): Promise<DescribeArchiveResponse>;
  DescribeConnection(ctx: RequestContext, input: DescribeConnectionRequest): Promise<DescribeConnectionResponse>;
  DescribeEndpoint(ctx: RequestContext, input: DescribeEndpointRequest): Promise<DescribeEndpointResponse>;
  DescribeEventBus(ctx: RequestContext, input: DescribeEventBusRequest): Promise<DescribeEventBusResponse>;
  DescribeEventSource(ctx: RequestContext, input: DescribeEventSourceRequest): Promise<DescribeEventSourceResponse>;
  DescribePartnerEventSource(ctx: RequestContext, input: DescribePartnerEventSourceRequest): Promise<DescribePartnerEventSourceResponse>;
  DescribeReplay(ctx: RequestContext, input: DescribeReplayRequest): Promise<DescribeReplayResponse>;
  DescribeRule(ctx: RequestContext, input: DescribeRuleRequest): Promise<DescribeRuleResponse>;
  DisableRule(ctx: RequestContext, input: DisableRuleRequest): Promise<void>;
  EnableRule(ctx: RequestContext, input: EnableRuleRequest): Promise<void>;
  ListApiDestinations(ctx: RequestContext, input: ListApiDestinationsRequest): Promise<ListApiDestinationsResponse>;
  ListArchives(ctx: RequestContext, input: ListArchivesRequest): Promise<ListArchivesResponse>;
  ListConnections(ctx: RequestContext, input: ListConnectionsRequest): Promise<ListConnectionsResponse>;
  ListEndpoints(ctx: RequestContext, input: ListEndpointsRequest): Promise<ListEndpointsResponse>;
  ListEventBuses(ctx: RequestContext, input: ListEventBusesRequest): Promise<ListEventBusesResponse>;
  ListEventSources(ctx: RequestContext, input: ListEventSourcesRequest): Promise<ListEventSourcesResponse>;
  ListPartnerEventSourceAccounts(ctx: RequestContext, input: ListPartnerEventSourceAccountsRequest): Promise<ListPartnerEventSourceAccountsResponse>;
  ListPartnerEventSources(ctx: RequestContext, input: ListPartnerEventSourcesRequest): Promise<ListPartnerEventSourcesResponse>;
  ListReplays(ctx: RequestContext, input: ListReplaysRequest): Promise<ListReplaysResponse>;
  ListRuleNamesByTarget(ctx: RequestContext, input: ListRuleNamesByTargetRequest): Promise<ListRuleNamesByTargetResponse>;
  ListRules(ctx: RequestContext, input: ListRulesRequest): Promise<ListRulesResponse>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse>;
  ListTargetsByRule(ctx: RequestContext, input: ListTargetsByRuleRequest): Promise<ListTargetsByRuleResponse>;
  PutEvents(ctx: RequestContext, input: PutEventsRequest): Promise<PutEventsResponse>;
  PutPartnerEvents(ctx: RequestContext, input: PutPartnerEventsRequest): Promise<PutPartnerEventsResponse>;
  PutPermission(ctx: RequestContext, input: PutPermissionRequest): Promise<void>;
  PutRule(ctx: RequestContext, input: PutRuleRequest): Promise<PutRuleResponse>;
  PutTargets(ctx: RequestContext, input: PutTargetsRequest): Promise<PutTargetsResponse>;
  RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void>;
  RemoveTargets(ctx: RequestContext, input: RemoveTargetsRequest): Promise<RemoveTargetsResponse>;
  StartReplay(ctx: RequestContext, input: StartReplayRequest): Promise<StartReplayResponse>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse>;
  TestEventPattern(ctx: RequestContext, input: TestEventPatternRequest): Promise<TestEventPatternResponse>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<UntagResourceResponse>;
  UpdateApiDestination(ctx: RequestContext, input: UpdateApiDestinationRequest): Promise<UpdateApiDestinationResponse>;
  UpdateArchive(ctx: RequestContext, input: UpdateArchiveRequest): Promise<UpdateArchiveResponse>;
  UpdateConnection(ctx: RequestContext, input: UpdateConnectionRequest): Promise<UpdateConnectionResponse>;
  UpdateEndpoint(ctx: RequestContext, input: UpdateEndpointRequest): Promise<UpdateEndpointResponse>;
  UpdateEventBus(ctx: RequestContext, input: UpdateEventBusRequest): Promise<UpdateEventBusResponse>;
}

export const operations = [
  'ActivateEventSource',
  'CancelReplay',
  'CreateApiDestination',
  'CreateArchive',
  'CreateConnection',
  'CreateEndpoint',
  'CreateEventBus',
  'CreatePartnerEventSource',
  'DeactivateEventSource',
  'DeauthorizeConnection',
  'DeleteApiDestination',
  'DeleteArchive',
  'DeleteConnection',
  'DeleteEndpoint',
  'DeleteEventBus',
  'DeletePartnerEventSource',
  'DeleteRule',
  'DescribeApiDestination',
  'DescribeArchive',
  'DescribeConnection',
  'DescribeEndpoint',
  'DescribeEventBus',
  'DescribeEventSource',
  'DescribePartnerEventSource',
  'DescribeReplay',
  'DescribeRule',
  'DisableRule',
  'EnableRule',
  'ListApiDestinations',
  'ListArchives',
  'ListConnections',
  'ListEndpoints',
  'ListEventBuses',
  'ListEventSources',
  'ListPartnerEventSourceAccounts',
  'ListPartnerEventSources',
  'ListReplays',
  'ListRuleNamesByTarget',
  'ListRules',
  'ListTagsForResource',
  'ListTargetsByRule',
  'PutEvents',
  'PutPartnerEvents',
  'PutPermission',
  'PutRule',
  'PutTargets',
  'RemovePermission',
  'RemoveTargets',
  'StartReplay',
  'TagResource',
  'TestEventPattern',
  'UntagResource',
  'UpdateApiDestination',
  'UpdateArchive',
  'UpdateConnection',
  'UpdateEndpoint',
  'UpdateEventBus',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 400, { fields });
  }
}

export class ConcurrentModificationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConcurrentModificationException', message, 400, { fields });
  }
}

export class IllegalStatusException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IllegalStatusException', message, 400, { fields });
  }
}

export class InternalException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalException', message, 400, { fields });
  }
}

export class InvalidEventPatternException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidEventPatternException', message, 400, { fields });
  }
}

export class InvalidStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidStateException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class ManagedRuleException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ManagedRuleException', message, 400, { fields });
  }
}

export class OperationDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OperationDisabledException', message, 400, { fields });
  }
}

export class PolicyLengthExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PolicyLengthExceededException', message, 400, { fields });
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

export class ThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ThrottlingException', message, 400, { fields });
  }
}

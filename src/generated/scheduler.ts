// Generated from models/aws/scheduler/service-2.json (API version 2021-06-30) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type ActionAfterCompletion = 'NONE' | 'DELETE';

export type AssignPublicIp = 'ENABLED' | 'DISABLED';

export interface AwsVpcConfiguration {
  AssignPublicIp?: AssignPublicIp;
  SecurityGroups?: SecurityGroups;
  Subnets: Subnets;
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

export type ClientToken = string;

export interface CreateScheduleGroupInput {
  ClientToken?: ClientToken;
  Name: ScheduleGroupName;
  Tags?: TagList;
}

export interface CreateScheduleGroupOutput {
  ScheduleGroupArn: ScheduleGroupArn;
}

export interface CreateScheduleInput {
  ActionAfterCompletion?: ActionAfterCompletion;
  ClientToken?: ClientToken;
  Description?: Description;
  EndDate?: EndDate;
  FlexibleTimeWindow: FlexibleTimeWindow;
  GroupName?: ScheduleGroupName;
  KmsKeyArn?: KmsKeyArn;
  Name: Name;
  ScheduleExpression: ScheduleExpression;
  ScheduleExpressionTimezone?: ScheduleExpressionTimezone;
  StartDate?: StartDate;
  State?: ScheduleState;
  Target: Target;
}

export interface CreateScheduleOutput {
  ScheduleArn: ScheduleArn;
}

export type CreationDate = Date;

export interface DeadLetterConfig {
  Arn?: DeadLetterConfigArnString;
}

export type DeadLetterConfigArnString = string;

export interface DeleteScheduleGroupInput {
  ClientToken?: ClientToken;
  Name: ScheduleGroupName;
}

export interface DeleteScheduleGroupOutput {}

export interface DeleteScheduleInput {
  ClientToken?: ClientToken;
  GroupName?: ScheduleGroupName;
  Name: Name;
}

export interface DeleteScheduleOutput {}

export type Description = string;

export type DetailType = string;

export interface EcsParameters {
  CapacityProviderStrategy?: CapacityProviderStrategy;
  EnableECSManagedTags?: EnableECSManagedTags;
  EnableExecuteCommand?: EnableExecuteCommand;
  Group?: Group;
  LaunchType?: LaunchType;
  NetworkConfiguration?: NetworkConfiguration;
  PlacementConstraints?: PlacementConstraints;
  PlacementStrategy?: PlacementStrategies;
  PlatformVersion?: PlatformVersion;
  PropagateTags?: PropagateTags;
  ReferenceId?: ReferenceId;
  Tags?: Tags;
  TaskCount?: TaskCount;
  TaskDefinitionArn: TaskDefinitionArn;
}

export type EnableECSManagedTags = boolean;

export type EnableExecuteCommand = boolean;

export type EndDate = Date;

export interface EventBridgeParameters {
  DetailType: DetailType;
  Source: Source;
}

export interface FlexibleTimeWindow {
  MaximumWindowInMinutes?: MaximumWindowInMinutes;
  Mode: FlexibleTimeWindowMode;
}

export type FlexibleTimeWindowMode = 'OFF' | 'FLEXIBLE';

export interface GetScheduleGroupInput {
  Name: ScheduleGroupName;
}

export interface GetScheduleGroupOutput {
  Arn?: ScheduleGroupArn;
  CreationDate?: CreationDate;
  LastModificationDate?: LastModificationDate;
  Name?: ScheduleGroupName;
  State?: ScheduleGroupState;
}

export interface GetScheduleInput {
  GroupName?: ScheduleGroupName;
  Name: Name;
}

export interface GetScheduleOutput {
  ActionAfterCompletion?: ActionAfterCompletion;
  Arn?: ScheduleArn;
  CreationDate?: CreationDate;
  Description?: Description;
  EndDate?: EndDate;
  FlexibleTimeWindow?: FlexibleTimeWindow;
  GroupName?: ScheduleGroupName;
  KmsKeyArn?: KmsKeyArn;
  LastModificationDate?: LastModificationDate;
  Name?: Name;
  ScheduleExpression?: ScheduleExpression;
  ScheduleExpressionTimezone?: ScheduleExpressionTimezone;
  StartDate?: StartDate;
  State?: ScheduleState;
  Target?: Target;
}

export type Group = string;

export interface KinesisParameters {
  PartitionKey: TargetPartitionKey;
}

export type KmsKeyArn = string;

export type LastModificationDate = Date;

export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL';

export interface ListScheduleGroupsInput {
  MaxResults?: MaxResults;
  NamePrefix?: ScheduleGroupNamePrefix;
  NextToken?: NextToken;
}

export interface ListScheduleGroupsOutput {
  NextToken?: NextToken;
  ScheduleGroups: ScheduleGroupList;
}

export interface ListSchedulesInput {
  GroupName?: ScheduleGroupName;
  MaxResults?: MaxResults;
  NamePrefix?: NamePrefix;
  NextToken?: NextToken;
  State?: ScheduleState;
}

export interface ListSchedulesOutput {
  NextToken?: NextToken;
  Schedules: ScheduleList;
}

export interface ListTagsForResourceInput {
  ResourceArn: TagResourceArn;
}

export interface ListTagsForResourceOutput {
  Tags?: TagList;
}

export type MaxResults = number;

export type MaximumEventAgeInSeconds = number;

export type MaximumRetryAttempts = number;

export type MaximumWindowInMinutes = number;

export type MessageGroupId = string;

export type Name = string;

export type NamePrefix = string;

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

export type NextToken = string;

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

export type PlatformVersion = string;

export type PropagateTags = 'TASK_DEFINITION';

export type ReferenceId = string;

export interface RetryPolicy {
  MaximumEventAgeInSeconds?: MaximumEventAgeInSeconds;
  MaximumRetryAttempts?: MaximumRetryAttempts;
}

export type RoleArn = string;

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

export type ScheduleArn = string;

export type ScheduleExpression = string;

export type ScheduleExpressionTimezone = string;

export type ScheduleGroupArn = string;

export type ScheduleGroupList = ScheduleGroupSummary[];

export type ScheduleGroupName = string;

export type ScheduleGroupNamePrefix = string;

export type ScheduleGroupState = 'ACTIVE' | 'DELETING';

export interface ScheduleGroupSummary {
  Arn?: ScheduleGroupArn;
  CreationDate?: CreationDate;
  LastModificationDate?: LastModificationDate;
  Name?: ScheduleGroupName;
  State?: ScheduleGroupState;
}

export type ScheduleList = ScheduleSummary[];

export type ScheduleState = 'ENABLED' | 'DISABLED';

export interface ScheduleSummary {
  Arn?: ScheduleArn;
  CreationDate?: CreationDate;
  GroupName?: ScheduleGroupName;
  LastModificationDate?: LastModificationDate;
  Name?: Name;
  State?: ScheduleState;
  Target?: TargetSummary;
}

export type SecurityGroup = string;

export type SecurityGroups = SecurityGroup[];

export type Source = string;

export interface SqsParameters {
  MessageGroupId?: MessageGroupId;
}

export type StartDate = Date;

export type String_ = string;

export type Subnet = string;

export type Subnets = Subnet[];

export interface Tag {
  Key: TagKey;
  Value: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = Tag[];

export type TagMap = Record<string, TagValue>;

export type TagResourceArn = string;

export interface TagResourceInput {
  ResourceArn: TagResourceArn;
  Tags: TagList;
}

export interface TagResourceOutput {}

export type TagValue = string;

export type Tags = TagMap[];

export interface Target {
  Arn: TargetArn;
  DeadLetterConfig?: DeadLetterConfig;
  EcsParameters?: EcsParameters;
  EventBridgeParameters?: EventBridgeParameters;
  Input?: TargetInput;
  KinesisParameters?: KinesisParameters;
  RetryPolicy?: RetryPolicy;
  RoleArn: RoleArn;
  SageMakerPipelineParameters?: SageMakerPipelineParameters;
  SqsParameters?: SqsParameters;
}

export type TargetArn = string;

export type TargetInput = string;

export type TargetPartitionKey = string;

export interface TargetSummary {
  Arn: TargetArn;
}

export type TaskCount = number;

export type TaskDefinitionArn = string;

export interface UntagResourceInput {
  ResourceArn: TagResourceArn;
  TagKeys: TagKeyList;
}

export interface UntagResourceOutput {}

export interface UpdateScheduleInput {
  ActionAfterCompletion?: ActionAfterCompletion;
  ClientToken?: ClientToken;
  Description?: Description;
  EndDate?: EndDate;
  FlexibleTimeWindow: FlexibleTimeWindow;
  GroupName?: ScheduleGroupName;
  KmsKeyArn?: KmsKeyArn;
  Name: Name;
  ScheduleExpression: ScheduleExpression;
  ScheduleExpressionTimezone?: ScheduleExpressionTimezone;
  StartDate?: StartDate;
  State?: ScheduleState;
  Target: Target;
}

export interface UpdateScheduleOutput {
  ScheduleArn: ScheduleArn;
}

// Operations

export interface SchedulerApi {
  CreateSchedule(ctx: RequestContext, input: CreateScheduleInput): Promise<CreateScheduleOutput>;
  CreateScheduleGroup(ctx: RequestContext, input: CreateScheduleGroupInput): Promise<CreateScheduleGroupOutput>;
  DeleteSchedule(ctx: RequestContext, input: DeleteScheduleInput): Promise<DeleteScheduleOutput>;
  DeleteScheduleGroup(ctx: RequestContext, input: DeleteScheduleGroupInput): Promise<DeleteScheduleGroupOutput>;
  GetSchedule(ctx: RequestContext, input: GetScheduleInput): Promise<GetScheduleOutput>;
  GetScheduleGroup(ctx: RequestContext, input: GetScheduleGroupInput): Promise<GetScheduleGroupOutput>;
  ListScheduleGroups(ctx: RequestContext, input: ListScheduleGroupsInput): Promise<ListScheduleGroupsOutput>;
  ListSchedules(ctx: RequestContext, input: ListSchedulesInput): Promise<ListSchedulesOutput>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput>;
  TagResource(ctx: RequestContext, input: TagResourceInput): Promise<TagResourceOutput>;
  UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<UntagResourceOutput>;
  UpdateSchedule(ctx: RequestContext, input: UpdateScheduleInput): Promise<UpdateScheduleOutput>;
}

export const operations = [
  'CreateSchedule',
  'CreateScheduleGroup',
  'DeleteSchedule',
  'DeleteScheduleGroup',
  'GetSchedule',
  'GetScheduleGroup',
  'ListScheduleGroups',
  'ListSchedules',
  'ListTagsForResource',
  'TagResource',
  'UntagResource',
  'UpdateSchedule',
] as const;

// Errors

export class ConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConflictException', message, 409, { fields });
  }
}

export class InternalServerException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerException', message, 500, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 404, { fields });
  }
}

export class ServiceQuotaExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceQuotaExceededException', message, 402, { fields });
  }
}

export class ThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ThrottlingException', message, 429, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}

// Generated from models/aws/dynamodbstreams/service-2.json (API version 2012-08-10) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AttributeMap = Record<string, AttributeValue>;

export type AttributeName = string;

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

export type BinaryAttributeValue = Buffer;

export type BinarySetAttributeValue = BinaryAttributeValue[];

export type BooleanAttributeValue = boolean;

export type Date_ = Date;

export interface DescribeStreamInput {
  ExclusiveStartShardId?: ShardId;
  Limit?: PositiveIntegerObject;
  ShardFilter?: ShardFilter;
  StreamArn: StreamArn;
}

export interface DescribeStreamOutput {
  StreamDescription?: StreamDescription;
}

export type ErrorMessage = string;

export interface GetRecordsInput {
  Limit?: PositiveIntegerObject;
  ShardIterator: ShardIterator;
}

export interface GetRecordsOutput {
  NextShardIterator?: ShardIterator;
  Records?: RecordList;
}

export interface GetShardIteratorInput {
  SequenceNumber?: SequenceNumber;
  ShardId: ShardId;
  ShardIteratorType: ShardIteratorType;
  StreamArn: StreamArn;
}

export interface GetShardIteratorOutput {
  ShardIterator?: ShardIterator;
}

export interface Identity {
  PrincipalId?: String_;
  Type?: String_;
}

export type KeySchema = KeySchemaElement[];

export type KeySchemaAttributeName = string;

export interface KeySchemaElement {
  AttributeName: KeySchemaAttributeName;
  KeyType: KeyType;
}

export type KeyType = 'HASH' | 'RANGE';

export type ListAttributeValue = AttributeValue[];

export interface ListStreamsInput {
  ExclusiveStartStreamArn?: StreamArn;
  Limit?: PositiveIntegerObject;
  TableName?: TableName;
}

export interface ListStreamsOutput {
  LastEvaluatedStreamArn?: StreamArn;
  Streams?: StreamList;
}

export type MapAttributeValue = Record<string, AttributeValue>;

export type NullAttributeValue = boolean;

export type NumberAttributeValue = string;

export type NumberSetAttributeValue = NumberAttributeValue[];

export type OperationType = 'INSERT' | 'MODIFY' | 'REMOVE';

export type PositiveIntegerObject = number;

export type PositiveLongObject = number;

export interface Record_ {
  awsRegion?: String_;
  dynamodb?: StreamRecord;
  eventID?: String_;
  eventName?: OperationType;
  eventSource?: String_;
  eventVersion?: String_;
  userIdentity?: Identity;
}

export type RecordList = Record_[];

export type SequenceNumber = string;

export interface SequenceNumberRange {
  EndingSequenceNumber?: SequenceNumber;
  StartingSequenceNumber?: SequenceNumber;
}

export interface Shard {
  ParentShardId?: ShardId;
  SequenceNumberRange?: SequenceNumberRange;
  ShardId?: ShardId;
}

export type ShardDescriptionList = Shard[];

export interface ShardFilter {
  ShardId?: ShardId;
  Type?: ShardFilterType;
}

export type ShardFilterType = 'CHILD_SHARDS';

export type ShardId = string;

export type ShardIterator = string;

export type ShardIteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER';

export interface Stream {
  StreamArn?: StreamArn;
  StreamLabel?: String_;
  TableName?: TableName;
}

export type StreamArn = string;

export interface StreamDescription {
  CreationRequestDateTime?: Date_;
  KeySchema?: KeySchema;
  LastEvaluatedShardId?: ShardId;
  Shards?: ShardDescriptionList;
  StreamArn?: StreamArn;
  StreamLabel?: String_;
  StreamStatus?: StreamStatus;
  StreamViewType?: StreamViewType;
  TableName?: TableName;
}

export type StreamList = Stream[];

export interface StreamRecord {
  ApproximateCreationDateTime?: Date_;
  Keys?: AttributeMap;
  NewImage?: AttributeMap;
  OldImage?: AttributeMap;
  SequenceNumber?: SequenceNumber;
  SizeBytes?: PositiveLongObject;
  StreamViewType?: StreamViewType;
}

export type StreamStatus = 'ENABLING' | 'ENABLED' | 'DISABLING' | 'DISABLED';

export type StreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export type String_ = string;

export type StringAttributeValue = string;

export type StringSetAttributeValue = StringAttributeValue[];

export type TableName = string;

// Operations

export interface DynamoDBStreamsApi {
  DescribeStream(ctx: RequestContext, input: DescribeStreamInput): Promise<DescribeStreamOutput>;
  GetRecords(ctx: RequestContext, input: GetRecordsInput): Promise<GetRecordsOutput>;
  GetShardIterator(ctx: RequestContext, input: GetShardIteratorInput): Promise<GetShardIteratorOutput>;
  ListStreams(ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput>;
}

export const operations = [
  'DescribeStream',
  'GetRecords',
  'GetShardIterator',
  'ListStreams',
] as const;

// Errors

export class ExpiredIteratorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredIteratorException', message, 400, { fields });
  }
}

export class InternalServerError extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerError', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class TrimmedDataAccessException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TrimmedDataAccessException', message, 400, { fields });
  }
}

// Generated from models/aws/sqs/service-2.json (API version 2012-11-05) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AWSAccountIdList = String_[];

export type ActionNameList = String_[];

export interface AddPermissionRequest {
  AWSAccountIds: AWSAccountIdList;
  Actions: ActionNameList;
  Label: String_;
  QueueUrl: String_;
}

export type AttributeNameList = QueueAttributeName[];

export interface BatchResultErrorEntry {
  Code: String_;
  Id: String_;
  Message?: String_;
  SenderFault: Boolean_;
}

export type BatchResultErrorEntryList = BatchResultErrorEntry[];

export type Binary = Buffer;

export type BinaryList = Binary[];

export type Boolean_ = boolean;

export type BoxedInteger = number;

export interface CancelMessageMoveTaskRequest {
  TaskHandle: String_;
}

export interface CancelMessageMoveTaskResult {
  ApproximateNumberOfMessagesMoved?: Long;
}

export interface ChangeMessageVisibilityBatchRequest {
  Entries: ChangeMessageVisibilityBatchRequestEntryList;
  QueueUrl: String_;
}

export interface ChangeMessageVisibilityBatchRequestEntry {
  Id: String_;
  ReceiptHandle: String_;
  VisibilityTimeout?: NullableInteger;
}

export type ChangeMessageVisibilityBatchRequestEntryList = ChangeMessageVisibilityBatchRequestEntry[];

export interface ChangeMessageVisibilityBatchResult {
  Failed: BatchResultErrorEntryList;
  Successful: ChangeMessageVisibilityBatchResultEntryList;
}

export interface ChangeMessageVisibilityBatchResultEntry {
  Id: String_;
}

export type ChangeMessageVisibilityBatchResultEntryList = ChangeMessageVisibilityBatchResultEntry[];

export interface ChangeMessageVisibilityRequest {
  QueueUrl: String_;
  ReceiptHandle: String_;
  VisibilityTimeout: NullableInteger;
}

export interface CreateQueueRequest {
  Attributes?: QueueAttributeMap;
  QueueName: String_;
  tags?: TagMap;
}

export interface CreateQueueResult {
  QueueUrl?: String_;
}

export interface DeleteMessageBatchRequest {
  Entries: DeleteMessageBatchRequestEntryList;
  QueueUrl: String_;
}

export interface DeleteMessageBatchRequestEntry {
  Id: String_;
  ReceiptHandle: String_;
}

export type DeleteMessageBatchRequestEntryList = DeleteMessageBatchRequestEntry[];

export interface DeleteMessageBatchResult {
  Failed: BatchResultErrorEntryList;
  Successful: DeleteMessageBatchResultEntryList;
}

export interface DeleteMessageBatchResultEntry {
  Id: String_;
}

export type DeleteMessageBatchResultEntryList = DeleteMessageBatchResultEntry[];

export interface DeleteMessageRequest {
  QueueUrl: String_;
  ReceiptHandle: String_;
}

export interface DeleteQueueRequest {
  QueueUrl: String_;
}

export type ExceptionMessage = string;

export interface GetQueueAttributesRequest {
  AttributeNames?: AttributeNameList;
  QueueUrl: String_;
}

export interface GetQueueAttributesResult {
  Attributes?: QueueAttributeMap;
}

export interface GetQueueUrlRequest {
  QueueName: String_;
  QueueOwnerAWSAccountId?: String_;
}

export interface GetQueueUrlResult {
  QueueUrl?: String_;
}

export interface ListDeadLetterSourceQueuesRequest {
  MaxResults?: BoxedInteger;
  NextToken?: Token;
  QueueUrl: String_;
}

export interface ListDeadLetterSourceQueuesResult {
  NextToken?: Token;
  queueUrls: QueueUrlList;
}

export interface ListMessageMoveTasksRequest {
  MaxResults?: NullableInteger;
  SourceArn: String_;
}

export interface ListMessageMoveTasksResult {
  Results?: ListMessageMoveTasksResultEntryList;
}

export interface ListMessageMoveTasksResultEntry {
  ApproximateNumberOfMessagesMoved?: Long;
  ApproximateNumberOfMessagesToMove?: NullableLong;
  DestinationArn?: String_;
  FailureReason?: String_;
  MaxNumberOfMessagesPerSecond?: NullableInteger;
  SourceArn?: String_;
  StartedTimestamp?: Long;
  Status?: String_;
  TaskHandle?: String_;
}

export type ListMessageMoveTasksResultEntryList = ListMessageMoveTasksResultEntry[];

export interface ListQueueTagsRequest {
  QueueUrl: String_;
}

export interface ListQueueTagsResult {
  Tags?: TagMap;
}

export interface ListQueuesRequest {
  MaxResults?: BoxedInteger;
  NextToken?: Token;
  QueueNamePrefix?: String_;
}

export interface ListQueuesResult {
  NextToken?: Token;
  QueueUrls?: QueueUrlList;
}

export type Long = number;

export interface Message {
  Attributes?: MessageSystemAttributeMap;
  Body?: String_;
  MD5OfBody?: String_;
  MD5OfMessageAttributes?: String_;
  MessageAttributes?: MessageBodyAttributeMap;
  MessageId?: String_;
  ReceiptHandle?: String_;
}

export type MessageAttributeName = string;

export type MessageAttributeNameList = MessageAttributeName[];

export interface MessageAttributeValue {
  BinaryListValues?: BinaryList;
  BinaryValue?: Binary;
  DataType: String_;
  StringListValues?: StringList;
  StringValue?: String_;
}

export type MessageBodyAttributeMap = Record<string, MessageAttributeValue>;

export type MessageBodySystemAttributeMap = Record<string, MessageSystemAttributeValue>;

export type MessageList = Message[];

export type MessageSystemAttributeList = MessageSystemAttributeName[];

export type MessageSystemAttributeMap = Record<string, String_>;

export type MessageSystemAttributeName = 'All' | 'SenderId' | 'SentTimestamp' | 'ApproximateReceiveCount' | 'ApproximateFirstReceiveTimestamp' | 'SequenceNumber' | 'MessageDeduplicationId' | 'MessageGroupId' | 'AWSTraceHeader' | 'DeadLetterQueueSourceArn';

export type MessageSystemAttributeNameForSends = 'AWSTraceHeader';

export interface MessageSystemAttributeValue {
  BinaryListValues?: BinaryList;
  BinaryValue?: Binary;
  DataType: String_;
  StringListValues?: StringList;
  StringValue?: String_;
}

export type NullableInteger = number;

export type NullableLong = number;

export interface PurgeQueueRequest {
  QueueUrl: String_;
}

export type QueueAttributeMap = Record<string, String_>;

export type QueueAttributeName = 'All' | 'Policy' | 'VisibilityTimeout' | 'MaximumMessageSize' | 'MessageRetentionPeriod' | 'ApproximateNumberOfMessages' | 'ApproximateNumberOfMessagesNotVisible' | 'CreatedTimestamp' | 'LastModifiedTimestamp' | 'QueueArn' | 'ApproximateNumberOfMessagesDelayed' | 'DelaySeconds' | 'ReceiveMessageWaitTimeSeconds' | 'RedrivePolicy' | 'FifoQueue' | 'ContentBasedDeduplication' | 'KmsMasterKeyId' | 'KmsDataKeyReusePeriodSeconds' | 'DeduplicationScope' | 'FifoThroughputLimit' | 'RedriveAllowPolicy' | 'SqsManagedSseEnabled';

export type QueueUrlList = String_[];

export interface ReceiveMessageRequest {
  AttributeNames?: AttributeNameList;
  MaxNumberOfMessages?: NullableInteger;
  MessageAttributeNames?: MessageAttributeNameList;
  MessageSystemAttributeNames?: MessageSystemAttributeList;
  QueueUrl: String_;
  ReceiveRequestAttemptId?: String_;
  VisibilityTimeout?: NullableInteger;
  WaitTimeSeconds?: NullableInteger;
}

export interface ReceiveMessageResult {
  Messages?: MessageList;
}

export interface RemovePermissionRequest {
  Label: String_;
  QueueUrl: String_;
}

export interface SendMessageBatchRequest {
  Entries: SendMessageBatchRequestEntryList;
  QueueUrl: String_;
}

export interface SendMessageBatchRequestEntry {
  DelaySeconds?: NullableInteger;
  Id: String_;
  MessageAttributes?: MessageBodyAttributeMap;
  MessageBody: String_;
  MessageDeduplicationId?: String_;
  MessageGroupId?: String_;
  MessageSystemAttributes?: MessageBodySystemAttributeMap;
}

export type SendMessageBatchRequestEntryList = SendMessageBatchRequestEntry[];

export interface SendMessageBatchResult {
  Failed: BatchResultErrorEntryList;
  Successful: SendMessageBatchResultEntryList;
}

export interface SendMessageBatchResultEntry {
  Id: String_;
  MD5OfMessageAttributes?: String_;
  MD5OfMessageBody: String_;
  MD5OfMessageSystemAttributes?: String_;
  MessageId: String_;
  SequenceNumber?: String_;
}

export type SendMessageBatchResultEntryList = SendMessageBatchResultEntry[];

export interface SendMessageRequest {
  DelaySeconds?: NullableInteger;
  MessageAttributes?: MessageBodyAttributeMap;
  MessageBody: String_;
  MessageDeduplicationId?: String_;
  MessageGroupId?: String_;
  MessageSystemAttributes?: MessageBodySystemAttributeMap;
  QueueUrl: String_;
}

export interface SendMessageResult {
  MD5OfMessageAttributes?: String_;
  MD5OfMessageBody?: String_;
  MD5OfMessageSystemAttributes?: String_;
  MessageId?: String_;
  SequenceNumber?: String_;
}

export interface SetQueueAttributesRequest {
  Attributes: QueueAttributeMap;
  QueueUrl: String_;
}

export interface StartMessageMoveTaskRequest {
  DestinationArn?: String_;
  MaxNumberOfMessagesPerSecond?: NullableInteger;
  SourceArn: String_;
}

export interface StartMessageMoveTaskResult {
  TaskHandle?: String_;
}

export type String_ = string;

export type StringList = String_[];

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagMap = Record<string, TagValue>;

export interface TagQueueRequest {
  QueueUrl: String_;
  Tags: TagMap;
}

export type TagValue = string;

export type Token = string;

export interface UntagQueueRequest {
  QueueUrl: String_;
  TagKeys: TagKeyList;
}

// Operations

export interface SQSApi {
  AddPermission(ctx: RequestContext, input: AddPermissionRequest): Promise<void>;
  CancelMessageMoveTask(ctx: RequestContext, input: CancelMessageMoveTaskRequest): Promise<CancelMessageMoveTaskResult>;
  ChangeMessageVisibility(ctx: RequestContext, input: ChangeMessageVisibilityRequest): Promise<void>;
  ChangeMessageVisibilityBatch(ctx: RequestContext, input: ChangeMessageVisibilityBatchRequest): Promise<ChangeMessageVisibilityBatchResult>;
  CreateQueue(ctx: RequestContext, input: CreateQueueRequest): Promise<CreateQueueResult>;
  DeleteMessage(ctx: RequestContext, input: DeleteMessageRequest): Promise<void>;
  DeleteMessageBatch(ctx: RequestContext, input: DeleteMessageBatchRequest): Promise<DeleteMessageBatchResult>;
  DeleteQueue(ctx: RequestContext, input: DeleteQueueRequest): Promise<void>;
  GetQueueAttributes(ctx: RequestContext, input: GetQueueAttributesRequest): Promise<GetQueueAttributesResult>;
  GetQueueUrl(ctx: RequestContext, input: GetQueueUrlRequest): Promise<GetQueueUrlResult>;
  ListDeadLetterSourceQueues(ctx: RequestContext, input: ListDeadLetterSourceQueuesRequest): Promise<ListDeadLetterSourceQueuesResult>;
  ListMessageMoveTasks(ctx: RequestContext, input: ListMessageMoveTasksRequest): Promise<ListMessageMoveTasksResult>;
  ListQueueTags(ctx: RequestContext, input: ListQueueTagsRequest): Promise<ListQueueTagsResult>;
  ListQueues(ctx: RequestContext, input: ListQueuesRequest): Promise<ListQueuesResult>;
  PurgeQueue(ctx: RequestContext, input: PurgeQueueRequest): Promise<void>;
  ReceiveMessage(ctx: RequestContext, input: ReceiveMessageRequest): Promise<ReceiveMessageResult>;
  RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void>;
  SendMessage(ctx: RequestContext, input: SendMessageRequest): Promise<SendMessageResult>;
  SendMessageBatch(ctx: RequestContext, input: SendMessageBatchRequest): Promise<SendMessageBatchResult>;
  SetQueueAttributes(ctx: RequestContext, input: SetQueueAttributesRequest): Promise<void>;
  StartMessageMoveTask(ctx: RequestContext, input: StartMessageMoveTaskRequest): Promise<StartMessageMoveTaskResult>;
  TagQueue(ctx: RequestContext, input: TagQueueRequest): Promise<void>;
  UntagQueue(ctx: RequestContext, input: UntagQueueRequest): Promise<void>;
}

export const operations = [
  'AddPermission',
  'CancelMessageMoveTask',
  'ChangeMessageVisibility',
  'ChangeMessageVisibilityBatch',
  'CreateQueue',
  'DeleteMessage',
  'DeleteMessageBatch',
  'DeleteQueue',
  'GetQueueAttributes',
  'GetQueueUrl',
  'ListDeadLetterSourceQueues',
  'ListMessageMoveTasks',
  'ListQueueTags',
  'ListQueues',
  'PurgeQueue',
  'ReceiveMessage',
  'RemovePermission',
  'SendMessage',
  'SendMessageBatch',
  'SetQueueAttributes',
  'StartMessageMoveTask',
  'TagQueue',
  'UntagQueue',
] as const;

// Errors

export class BatchEntryIdsNotDistinct extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BatchEntryIdsNotDistinct', message, 400, { fields });
  }
}

export class BatchRequestTooLong extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BatchRequestTooLong', message, 400, { fields });
  }
}

export class EmptyBatchRequest extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EmptyBatchRequest', message, 400, { fields });
  }
}

export class InvalidAddress extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAddress', message, 400, { fields });
  }
}

export class InvalidAttributeName extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAttributeName', message, 400, { fields });
  }
}

export class InvalidAttributeValue extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAttributeValue', message, 400, { fields });
  }
}

export class InvalidBatchEntryId extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidBatchEntryId', message, 400, { fields });
  }
}

export class InvalidIdFormat extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidIdFormat', message, 400, { fields });
  }
}

export class InvalidMessageContents extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidMessageContents', message, 400, { fields });
  }
}

export class InvalidSecurity extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSecurity', message, 400, { fields });
  }
}

export class KmsAccessDenied extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsAccessDenied', message, 400, { fields });
  }
}

export class KmsDisabled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsDisabled', message, 400, { fields });
  }
}

export class KmsInvalidKeyUsage extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsInvalidKeyUsage', message, 400, { fields });
  }
}

export class KmsInvalidState extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsInvalidState', message, 400, { fields });
  }
}

export class KmsNotFound extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsNotFound', message, 400, { fields });
  }
}

export class KmsOptInRequired extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsOptInRequired', message, 400, { fields });
  }
}

export class KmsThrottled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KmsThrottled', message, 400, { fields });
  }
}

export class MessageNotInflight extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MessageNotInflight', message, 400, { fields });
  }
}

export class OverLimit extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OverLimit', message, 400, { fields });
  }
}

export class PurgeQueueInProgress extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PurgeQueueInProgress', message, 400, { fields });
  }
}

export class QueueDeletedRecently extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('QueueDeletedRecently', message, 400, { fields });
  }
}

export class QueueDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('QueueDoesNotExist', message, 400, { fields });
  }
}

export class QueueNameExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('QueueNameExists', message, 400, { fields });
  }
}

export class ReceiptHandleIsInvalid extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReceiptHandleIsInvalid', message, 400, { fields });
  }
}

export class RequestThrottled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RequestThrottled', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class TooManyEntriesInBatchRequest extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyEntriesInBatchRequest', message, 400, { fields });
  }
}

export class UnsupportedOperation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedOperation', message, 400, { fields });
  }
}

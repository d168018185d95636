// Generated from models/aws/sns/service-2.json (API version 2010-03-31) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type ActionsList = action[];

export interface AddPermissionInput {
  AWSAccountId: DelegatesList;
  ActionName: ActionsList;
  Label: label;
  TopicArn: topicARN;
}

export type AmazonResourceName = string;

export interface BatchResultErrorEntry {
  Code: String_;
  Id: String_;
  Message?: String_;
  SenderFault: boolean_;
}

export type BatchResultErrorEntryList = BatchResultErrorEntry[];

export type Binary = Buffer;

export interface CheckIfPhoneNumberIsOptedOutInput {
  phoneNumber: PhoneNumber;
}

export interface CheckIfPhoneNumberIsOptedOutResponse {
  isOptedOut?: boolean_;
}

export interface ConfirmSubscriptionInput {
  AuthenticateOnUnsubscribe?: authenticateOnUnsubscribe;
  Token: token;
  TopicArn: topicARN;
}

export interface ConfirmSubscriptionResponse {
  SubscriptionArn?: subscriptionARN;
}

export interface CreateEndpointResponse {
  EndpointArn?: String_;
}

export interface CreatePlatformApplicationInput {
  Attributes: MapStringToString;
  Name: String_;
  Platform: String_;
}

export interface CreatePlatformApplicationResponse {
  PlatformApplicationArn?: String_;
}

export interface CreatePlatformEndpointInput {
  Attributes?: MapStringToString;
  CustomUserData?: String_;
  PlatformApplicationArn: String_;
  Token: String_;
}

export interface CreateSMSSandboxPhoneNumberInput {
  LanguageCode?: LanguageCodeString;
  PhoneNumber: PhoneNumberString;
}

export interface CreateSMSSandboxPhoneNumberResult {}

export interface CreateTopicInput {
  Attributes?: TopicAttributesMap;
  DataProtectionPolicy?: attributeValue;
  Name: topicName;
  Tags?: TagList;
}

export interface CreateTopicResponse {
  TopicArn?: topicARN;
}

export type DelegatesList = delegate[];

export interface DeleteEndpointInput {
  EndpointArn: String_;
}

export interface DeletePlatformApplicationInput {
  PlatformApplicationArn: String_;
}

export interface DeleteSMSSandboxPhoneNumberInput {
  PhoneNumber: PhoneNumberString;
}

export interface DeleteSMSSandboxPhoneNumberResult {}

export interface DeleteTopicInput {
  TopicArn: topicARN;
}

export interface Endpoint {
  Attributes?: MapStringToString;
  EndpointArn?: String_;
}

export interface GetDataProtectionPolicyInput {
  ResourceArn: topicARN;
}

export interface GetDataProtectionPolicyResponse {
  DataProtectionPolicy?: attributeValue;
}

export interface GetEndpointAttributesInput {
  EndpointArn: String_;
}

export interface GetEndpointAttributesResponse {
  Attributes?: MapStringToString;
}

export interface GetPlatformApplicationAttributesInput {
  PlatformApplicationArn: String_;
}

export interface GetPlatformApplicationAttributesResponse {
  Attributes?: MapStringToString;
}

export interface GetSMSAttributesInput {
  attributes?: ListString;
}

export interface GetSMSAttributesResponse {
  attributes?: MapStringToString;
}

export interface GetSMSSandboxAccountStatusInput {}

export interface GetSMSSandboxAccountStatusResult {
  IsInSandbox: boolean_;
}

export interface GetSubscriptionAttributesInput {
  SubscriptionArn: subscriptionARN;
}

export interface GetSubscriptionAttributesResponse {
  Attributes?: SubscriptionAttributesMap;
}

export interface GetTopicAttributesInput {
  TopicArn: topicARN;
}

export interface GetTopicAttributesResponse {
  Attributes?: TopicAttributesMap;
}

export type Iso2CountryCode = string;

export type LanguageCodeString = 'en-US' | 'en-GB' | 'es-419' | 'es-ES' | 'de-DE' | 'fr-CA' | 'fr-FR' | 'it-IT' | 'ja-JP' | 'pt-BR' | 'kr-KR' | 'zh-CN' | 'zh-TW';

export interface ListEndpointsByPlatformApplicationInput {
  NextToken?: String_;
  PlatformApplicationArn: String_;
}

export interface ListEndpointsByPlatformApplicationResponse {
  Endpoints?: ListOfEndpoints;
  NextToken?: String_;
}

export type ListOfEndpoints = Endpoint[];

export type ListOfPlatformApplications = PlatformApplication[];

export interface ListOriginationNumbersRequest {
  MaxResults?: MaxItemsListOriginationNumbers;
  NextToken?: nextToken;
}

export interface ListOriginationNumbersResult {
  NextToken?: nextToken;
  PhoneNumbers?: PhoneNumberInformationList;
}

export interface ListPhoneNumbersOptedOutInput {
  nextToken?: string_;
}

export interface ListPhoneNumbersOptedOutResponse {
  nextToken?: string_;
  phoneNumbers?: PhoneNumberList;
}

export interface ListPlatformApplicationsInput {
  NextToken?: String_;
}

export interface ListPlatformApplicationsResponse {
  NextToken?: String_;
  PlatformApplications?: ListOfPlatformApplications;
}

export interface ListSMSSandboxPhoneNumbersInput {
  MaxResults?: MaxItems;
  NextToken?: nextToken;
}

export interface ListSMSSandboxPhoneNumbersResult {
  NextToken?: string_;
  PhoneNumbers: SMSSandboxPhoneNumberList;
}

export type ListString = String_[];

export interface ListSubscriptionsByTopicInput {
  NextToken?: nextToken;
  TopicArn: topicARN;
}

export interface ListSubscriptionsByTopicResponse {
  NextToken?: nextToken;
  Subscriptions?: SubscriptionsList;
}

export interface ListSubscriptionsInput {
  NextToken?: nextToken;
}

export interface ListSubscriptionsResponse {
  NextToken?: nextToken;
  Subscriptions?: SubscriptionsList;
}

export interface ListTagsForResourceRequest {
  ResourceArn: AmazonResourceName;
}

export interface ListTagsForResourceResponse {
  Tags?: TagList;
}

export interface ListTopicsInput {
  NextToken?: nextToken;
}

export interface ListTopicsResponse {
  NextToken?: nextToken;
  Topics?: TopicsList;
}

export type MapStringToString = Record<string, String_>;

export type MaxItems = number;

export type MaxItemsListOriginationNumbers = number;

export type MessageAttributeMap = Record<string, MessageAttributeValue>;

export interface MessageAttributeValue {
  BinaryValue?: Binary;
  DataType: String_;
  StringValue?: String_;
}

export type NumberCapability = 'SMS' | 'MMS' | 'VOICE';

export type NumberCapabilityList = NumberCapability[];

export type OTPCode = string;

export interface OptInPhoneNumberInput {
  phoneNumber: PhoneNumber;
}

export interface OptInPhoneNumberResponse {}

export type PhoneNumber = string;

export interface PhoneNumberInformation {
  CreatedAt?: Timestamp;
  Iso2CountryCode?: Iso2CountryCode;
  NumberCapabilities?: NumberCapabilityList;
  PhoneNumber?: PhoneNumber;
  RouteType?: RouteType;
  Status?: String_;
}

export type PhoneNumberInformationList = PhoneNumberInformation[];

export type PhoneNumberList = PhoneNumber[];

export type PhoneNumberString = string;

export interface PlatformApplication {
  Attributes?: MapStringToString;
  PlatformApplicationArn?: String_;
}

export interface PublishBatchInput {
  PublishBatchRequestEntries: PublishBatchRequestEntryList;
  TopicArn: topicARN;
}

export interface PublishBatchRequestEntry {
  Id: String_;
  Message: message;
  MessageAttributes?: MessageAttributeMap;
  MessageDeduplicationId?: String_;
  MessageGroupId?: String_;
  MessageStructure?: messageStructure;
  Subject?: subject;
}

export type PublishBatchRequestEntryList = PublishBatchRequestEntry[];

export interface PublishBatchResponse {
  Failed?: BatchResultErrorEntryList;
  Successful?: PublishBatchResultEntryList;
}

export interface PublishBatchResultEntry {
  Id?: String_;
  MessageId?: messageId;
  SequenceNumber?: String_;
}

export type PublishBatchResultEntryList = PublishBatchResultEntry[];

export interface PublishInput {
  Message: message;
  MessageAttributes?: MessageAttributeMap;
  MessageDeduplicationId?: String_;
  MessageGroupId?: String_;
  MessageStructure?: messageStructure;
  PhoneNumber?: PhoneNumber;
  Subject?: subject;
  TargetArn?: String_;
  TopicArn?: topicARN;
}

export interface PublishResponse {
  MessageId?: messageId;
  SequenceNumber?: String_;
}

export interface PutDataProtectionPolicyInput {
  DataProtectionPolicy: attributeValue;
  ResourceArn: topicARN;
}

export interface RemovePermissionInput {
  Label: label;
  TopicArn: topicARN;
}

export type RouteType = 'Transactional' | 'Promotional' | 'Premium';

export interface SMSSandboxPhoneNumber {
  PhoneNumber?: PhoneNumberString;
  Status?: SMSSandboxPhoneNumberVerificationStatus;
}

export type SMSSandboxPhoneNumberList = SMSSandboxPhoneNumber[];

export type SMSSandboxPhoneNumberVerificationStatus = 'Pending' | 'Verified';

export interface SetEndpointAttributesInput {
  Attributes: MapStringToString;
  EndpointArn: String_;
}

export interface SetPlatformApplicationAttributesInput {
  Attributes: MapStringToString;
  PlatformApplicationArn: String_;
}

export interface SetSMSAttributesInput {
  attributes: MapStringToString;
}

export interface SetSMSAttributesResponse {}

export interface SetSubscriptionAttributesInput {
  AttributeName: attributeName;
  AttributeValue?: attributeValue;
  SubscriptionArn: subscriptionARN;
}

export interface SetTopicAttributesInput {
  AttributeName: attributeName;
  AttributeValue?: attributeValue;
  TopicArn: topicARN;
}

export type String_ = string;

export interface SubscribeInput {
  Attributes?: SubscriptionAttributesMap;
  Endpoint?: endpoint;
  Protocol: protocol;
  ReturnSubscriptionArn?: boolean_;
  TopicArn: topicARN;
}

export interface SubscribeResponse {
  SubscriptionArn?: subscriptionARN;
}

export interface Subscription {
  Endpoint?: endpoint;
  Owner?: account;
  Protocol?: protocol;
  SubscriptionArn?: subscriptionARN;
  TopicArn?: topicARN;
}

export type SubscriptionAttributesMap = Record<string, attributeValue>;

export type SubscriptionsList = Subscription[];

export interface Tag {
  Key: TagKey;
  Value: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export type TagList = Tag[];

export interface TagResourceRequest {
  ResourceArn: AmazonResourceName;
  Tags: TagList;
}

export interface TagResourceResponse {}

export type TagValue = string;

export type Timestamp = Date;

export interface Topic {
  TopicArn?: topicARN;
}

export type TopicAttributesMap = Record<string, attributeValue>;

export type TopicsList = Topic[];

export interface UnsubscribeInput {
  SubscriptionArn: subscriptionARN;
}

export interface UntagResourceRequest {
  ResourceArn: AmazonResourceName;
  TagKeys: TagKeyList;
}

export interface UntagResourceResponse {}

export interface VerifySMSSandboxPhoneNumberInput {
  OneTimePassword: OTPCode;
  PhoneNumber: PhoneNumberString;
}

export interface VerifySMSSandboxPhoneNumberResult {}

export type account = string;

export type action = string;

export type attributeName = string;

export type attributeValue = string;

export type authenticateOnUnsubscribe = string;

export type boolean_ = boolean;

export type delegate = string;

export type endpoint = string;

export type label = string;

export type message = string;

export type messageId = string;

export type messageStructure = string;

export type nextToken = string;

export type protocol = string;

export type string_ = string;

export type subject = string;

export type subscriptionARN = string;

export type token = string;

export type topicARN = string;

export type topicName = string;

// Operations

export interface SNSApi {
  AddPermission(ctx: RequestContext, input: AddPermissionInput): Promise<void>;
  CheckIfPhoneNumberIsOptedOut(ctx: RequestContext, input: CheckIfPhoneNumberIsOptedOutInput): Promise<CheckIfPhoneNumberIsOptedOutResponse>;
  ConfirmSubscription(ctx: RequestContext, input: ConfirmSubscriptionInput): Promise<ConfirmSubscriptionResponse>;
  CreatePlatformApplication(ctx: RequestContext, input: CreatePlatformApplicationInput): Promise<CreatePlatformApplicationResponse>;
  CreatePlatformEndpoint(ctx: RequestContext, input: CreatePlatformEndpointInput): Promise<CreateEndpointResponse>;
  CreateSMSSandboxPhoneNumber(ctx: RequestContext, input: CreateSMSSandboxPhoneNumberInput): Promise<CreateSMSSandboxPhoneNumberResult>;
  CreateTopic(ctx: RequestContext, input: CreateTopicInput): Promise<CreateTopicResponse>;
  DeleteEndpoint(ctx: RequestContext, input: DeleteEndpointInput): Promise<void>;
  DeletePlatformApplication(ctx: RequestContext, input: DeletePlatformApplicationInput): Promise<void>;
  DeleteSMSSandboxPhoneNumber(ctx: RequestContext, input: DeleteSMSSandboxPhoneNumberInput): Promise<DeleteSMSSandboxPhoneNumberResult>;
  DeleteTopic(ctx: RequestContext, input: DeleteTopicInput): Promise<void>;
  GetDataProtectionPolicy(ctx: RequestContext, input: GetDataProtectionPolicyInput): Promise<GetDataProtectionPolicyResponse>;
  GetEndpointAttributes(ctx: RequestContext, input: GetEndpointAttributesInput): Promise<GetEndpointAttributesResponse>;
  GetPlatformApplicationAttributes(ctx: RequestContext, input: GetPlatformApplicationAttributesInput): Promise<GetPlatformApplicationAttributesResponse>;
  GetSMSAttributes(ctx: RequestContext, input: GetSMSAttributesInput): Promise<GetSMSAttributesResponse>;
  GetSMSSandboxAccountStatus(ctx: RequestContext, input: GetSMSSandboxAccountStatusInput): Promise<GetSMSSandboxAccountStatusResult>;
  GetSubscriptionAttributes(ctx: RequestContext, input: GetSubscriptionAttributesInput): Promise<GetSubscriptionAttributesResponse>;
  GetTopicAttributes(ctx: RequestContext, input: GetTopicAttributesInput): Promise<GetTopicAttributesResponse>;
  ListEndpointsByPlatformApplication(ctx: RequestContext, input: ListEndpointsByPlatformApplicationInput): Promise<ListEndpointsByPlatformApplicationResponse>;
  ListOriginationNumbers(ctx: RequestContext, input: ListOriginationNumbersRequest): Promise<ListOriginationNumbersResult>;
  ListPhoneNumbersOptedOut(ctx: RequestContext, input: ListPhoneNumbersOptedOutInput): Promise<ListPhoneNumbersOptedOutResponse>;
  ListPlatformApplications(ctx: RequestContext, input: ListPlatformApplicationsInput): Promise<ListPlatformApplicationsResponse>;
  ListSMSSandboxPhoneNumbers(ctx: RequestContext, input: ListSMSSandboxPhoneNumbersInput): Promise<ListSMSSandboxPhoneNumbersResult>;
  ListSubscriptions(ctx: RequestContext, input: ListSubscriptionsInput): Promise<ListSubscriptionsResponse>;
  ListSubscriptionsByTopic(ctx: RequestContext, input: ListSubscriptionsByTopicInput): Promise<ListSubscriptionsByTopicResponse>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse>;
  ListTopics(ctx: RequestContext, input: ListTopicsInput): Promise<ListTopicsResponse>;
  OptInPhoneNumber(ctx: RequestContext, input: OptInPhoneNumberInput): Promise<OptInPhoneNumberResponse>;
  Publish(ctx: RequestContext, input: PublishInput): Promise<PublishResponse>;
  PublishBatch(ctx: RequestContext, input: PublishBatchInput): Promise<PublishBatchResponse>;
  PutDataProtectionPolicy(ctx: RequestContext, input: PutDataProtectionPolicyInput): Promise<void>;
  RemovePermission(ctx: RequestContext, input: RemovePermissionInput): Promise<void>;
  SetEndpointAttributes(ctx: RequestContext, input: SetEndpointAttributesInput): Promise<void>;
  SetPlatformApplicationAttributes(ctx: RequestContext, input: SetPlatformApplicationAttributesInput): Promise<void>;
  SetSMSAttributes(ctx: RequestContext, input: SetSMSAttributesInput): Promise<SetSMSAttributesResponse>;
  SetSubscriptionAttributes(ctx: RequestContext, input: SetSubscriptionAttributesInput): Promise<void>;
  SetTopicAttributes(ctx: RequestContext, input: SetTopicAttributesInput): Promise<void>;
  Subscribe(ctx: RequestContext, input: SubscribeInput): Promise<SubscribeResponse>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse>;
  Unsubscribe(ctx: RequestContext, input: UnsubscribeInput): Promise<void>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<UntagResourceResponse>;
  VerifySMSSandboxPhoneNumber(ctx: RequestContext, input: VerifySMSSandboxPhoneNumberInput): Promise<VerifySMSSandboxPhoneNumberResult>;
}

export const operations = [
  'AddPermission',
  'CheckIfPhoneNumberIsOptedOut',
  'ConfirmSubscription',
  'CreatePlatformApplication',
  'CreatePlatformEndpoint',
  'CreateSMSSandboxPhoneNumber',
  'CreateTopic',
  'DeleteEndpoint',
  'DeletePlatformApplication',
  'DeleteSMSSandboxPhoneNumber',
  'DeleteTopic',
  'GetDataProtectionPolicy',
  'GetEndpointAttributes',
  'GetPlatformApplicationAttributes',
  'GetSMSAttributes',
  'GetSMSSandboxAccountStatus',
  'GetSubscriptionAttributes',
  'GetTopicAttributes',
  'ListEndpointsByPlatformApplication',
  'ListOriginationNumbers',
  'ListPhoneNumbersOptedOut',
  'ListPlatformApplications',
  'ListSMSSandboxPhoneNumbers',
  'ListSubscriptions',
  'ListSubscriptionsByTopic',
  'ListTagsForResource',
  'ListTopics',
  'OptInPhoneNumber',
  'Publish',
  'PublishBatch',
  'PutDataProtectionPolicy',
  'RemovePermission',
  'SetEndpointAttributes',
  'SetPlatformApplicationAttributes',
  'SetSMSAttributes',
  'SetSubscriptionAttributes',
  'SetTopicAttributes',
  'Subscribe',
  'TagResource',
  'Unsubscribe',
  'UntagResource',
  'VerifySMSSandboxPhoneNumber',
] as const;

// Errors

export class AuthorizationErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AuthorizationErrorException', message, 403, { fields });
  }
}

export class BatchEntryIdsNotDistinctException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BatchEntryIdsNotDistinctException', message, 400, { fields });
  }
}

export class BatchRequestTooLongException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BatchRequestTooLongException', message, 400, { fields });
  }
}

export class ConcurrentAccessException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConcurrentAccessException', message, 400, { fields });
  }
}

export class EmptyBatchRequestException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EmptyBatchRequestException', message, 400, { fields });
  }
}

export class EndpointDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EndpointDisabledException', message, 400, { fields });
  }
}

export class FilterPolicyLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FilterPolicyLimitExceededException', message, 403, { fields });
  }
}

export class InternalErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalErrorException', message, 500, { fields });
  }
}

export class InvalidBatchEntryIdException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidBatchEntryIdException', message, 400, { fields });
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterException', message, 400, { fields });
  }
}

export class InvalidParameterValueException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterValueException', message, 400, { fields });
  }
}

export class InvalidSecurityException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSecurityException', message, 403, { fields });
  }
}

export class InvalidStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidStateException', message, 400, { fields });
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
    super('KMSOptInRequired', message, 403, { fields });
  }
}

export class KMSThrottlingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KMSThrottlingException', message, 400, { fields });
  }
}

export class NotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NotFoundException', message, 404, { fields });
  }
}

export class OptedOutException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OptedOutException', message, 400, { fields });
  }
}

export class PlatformApplicationDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PlatformApplicationDisabledException', message, 400, { fields });
  }
}

export class ReplayLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReplayLimitExceededException', message, 403, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 404, { fields });
  }
}

export class StaleTagException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StaleTagException', message, 400, { fields });
  }
}

export class SubscriptionLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SubscriptionLimitExceededException', message, 403, { fields });
  }
}

export class TagLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TagLimitExceededException', message, 400, { fields });
  }
}

export class TagPolicyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TagPolicyException', message, 400, { fields });
  }
}

export class ThrottledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ThrottledException', message, 429, { fields });
  }
}

export class TooManyEntriesInBatchRequestException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyEntriesInBatchRequestException', message, 400, { fields });
  }
}

export class TopicLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TopicLimitExceededException', message, 403, { fields });
  }
}

export class UserErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserErrorException', message, 400, { fields });
  }
}

export class ValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ValidationException', message, 400, { fields });
  }
}

export class VerificationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('VerificationException', message, 400, { fields });
  }
}

// Generated from models/aws/sts/service-2.json (API version 2011-06-15) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface AssumeRoleRequest {
  DurationSeconds?: roleDurationSecondsType;
  ExternalId?: externalIdType;
  Policy?: unrestrictedSessionPolicyDocumentType;
  PolicyArns?: policyDescriptorListType;
  ProvidedContexts?: ProvidedContextsListType;
  RoleArn: arnType;
  RoleSessionName: roleSessionNameType;
  SerialNumber?: serialNumberType;
  SourceIdentity?: sourceIdentityType;
  Tags?: tagListType;
  TokenCode?: tokenCodeType;
  TransitiveTagKeys?: tagKeyListType;
}

export interface AssumeRoleResponse {
  AssumedRoleUser?: AssumedRoleUser;
  Credentials?: Credentials;
  PackedPolicySize?: nonNegativeIntegerType;
  SourceIdentity?: sourceIdentityType;
}

export interface AssumeRoleWithSAMLRequest {
  DurationSeconds?: roleDurationSecondsType;
  Policy?: sessionPolicyDocumentType;
  PolicyArns?: policyDescriptorListType;
  PrincipalArn: arnType;
  RoleArn: arnType;
  SAMLAssertion: SAMLAssertionType;
}

export interface AssumeRoleWithSAMLResponse {
  AssumedRoleUser?: AssumedRoleUser;
  Audience?: Audience;
  Credentials?: Credentials;
  Issuer?: Issuer;
  NameQualifier?: NameQualifier;
  PackedPolicySize?: nonNegativeIntegerType;
  SourceIdentity?: sourceIdentityType;
  Subject?: Subject;
  SubjectType?: SubjectType;
}

export interface AssumeRoleWithWebIdentityRequest {
  DurationSeconds?: roleDurationSecondsType;
  Policy?: sessionPolicyDocumentType;
  PolicyArns?: policyDescriptorListType;
  ProviderId?: urlType;
  RoleArn: arnType;
  RoleSessionName: roleSessionNameType;
  WebIdentityToken: clientTokenType;
}

export interface AssumeRoleWithWebIdentityResponse {
  AssumedRoleUser?: AssumedRoleUser;
  Audience?: Audience;
  Credentials?: Credentials;
  PackedPolicySize?: nonNegativeIntegerType;
  Provider?: Issuer;
  SourceIdentity?: sourceIdentityType;
  SubjectFromWebIdentityToken?: webIdentitySubjectType;
}

export interface AssumeRootRequest {
  DurationSeconds?: RootDurationSecondsType;
  TargetPrincipal: TargetPrincipalType;
  TaskPolicyArn: PolicyDescriptorType;
}

export interface AssumeRootResponse {
  Credentials?: Credentials;
  SourceIdentity?: sourceIdentityType;
}

export interface AssumedRoleUser {
  Arn: arnType;
  AssumedRoleId: assumedRoleIdType;
}

export type Audience = string;

export interface Credentials {
  AccessKeyId: accessKeyIdType;
  Expiration: dateType;
  SecretAccessKey: accessKeySecretType;
  SessionToken: tokenType;
}

export interface DecodeAuthorizationMessageRequest {
  EncodedMessage: encodedMessageType;
}

export interface DecodeAuthorizationMessageResponse {
  DecodedMessage?: decodedMessageType;
}

export interface FederatedUser {
  Arn: arnType;
  FederatedUserId: federatedIdType;
}

export interface GetAccessKeyInfoRequest {
  AccessKeyId: accessKeyIdType;
}

export interface GetAccessKeyInfoResponse {
  Account?: accountType;
}

export interface GetCallerIdentityRequest {}

export interface GetCallerIdentityResponse {
  Account?: accountType;
  Arn?: arnType;
  UserId?: userIdType;
}

export interface GetDelegatedAccessTokenRequest {
  TradeInToken: tradeInTokenType;
}

export interface GetDelegatedAccessTokenResponse {
  AssumedPrincipal?: arnType;
  Credentials?: Credentials;
  PackedPolicySize?: nonNegativeIntegerType;
}

export interface GetFederationTokenRequest {
  DurationSeconds?: durationSecondsType;
  Name: userNameType;
  Policy?: sessionPolicyDocumentType;
  PolicyArns?: policyDescriptorListType;
  Tags?: tagListType;
}

export interface GetFederationTokenResponse {
  Credentials?: Credentials;
  FederatedUser?: FederatedUser;
  PackedPolicySize?: nonNegativeIntegerType;
}

export interface GetSessionTokenRequest {
  DurationSeconds?: durationSecondsType;
  SerialNumber?: serialNumberType;
  TokenCode?: tokenCodeType;
}

export interface GetSessionTokenResponse {
  Credentials?: Credentials;
}

export interface GetWebIdentityTokenRequest {
  Audience: webIdentityTokenAudienceListType;
  DurationSeconds?: webIdentityTokenDurationSecondsType;
  SigningAlgorithm: jwtAlgorithmType;
  Tags?: tagListType;
}

export interface GetWebIdentityTokenResponse {
  Expiration?: dateType;
  WebIdentityToken?: webIdentityTokenType;
}

export type Issuer = string;

export type NameQualifier = string;

export interface PolicyDescriptorType {
  arn?: arnType;
}

export interface ProvidedContext {
  ContextAssertion?: contextAssertionType;
  ProviderArn?: arnType;
}

export type ProvidedContextsListType = ProvidedContext[];

export type RootDurationSecondsType = number;

export type SAMLAssertionType = string;

export type Subject = string;

export type SubjectType = string;

export interface Tag {
  Key: tagKeyType;
  Value: tagValueType;
}

export type TargetPrincipalType = string;

export type accessKeyIdType = string;

export type accessKeySecretType = string;

export type accountType = string;

export type arnType = string;

export type assumedRoleIdType = string;

export type clientTokenType = string;

export type contextAssertionType = string;

export type dateType = Date;

export type decodedMessageType = string;

export type durationSecondsType = number;

export type encodedMessageType = string;

export type expiredIdentityTokenMessage = string;

export type expiredTradeInTokenExceptionMessage = string;

export type externalIdType = string;

export type federatedIdType = string;

export type idpCommunicationErrorMessage = string;

export type idpRejectedClaimMessage = string;

export type invalidAuthorizationMessage = string;

export type invalidIdentityTokenMessage = string;

export type jwtAlgorithmType = string;

export type jwtPayloadSizeExceededException = string;

export type malformedPolicyDocumentMessage = string;

export type nonNegativeIntegerType = number;

export type outboundWebIdentityFederationDisabledException = string;

export type packedPolicyTooLargeMessage = string;

export type policyDescriptorListType = PolicyDescriptorType[];

export type regionDisabledMessage = string;

export type roleDurationSecondsType = number;

export type roleSessionNameType = string;

export type serialNumberType = string;

export type sessionDurationEscalationException = string;

export type sessionPolicyDocumentType = string;

export type sourceIdentityType = string;

export type tagKeyListType = tagKeyType[];

export type tagKeyType = string;

export type tagListType = Tag[];

export type tagValueType = string;

export type tokenCodeType = string;

export type tokenType = string;

export type tradeInTokenType = string;

export type unrestrictedSessionPolicyDocumentType = string;

export type urlType = string;

export type userIdType = string;

export type userNameType = string;

export type webIdentitySubjectType = string;

export type webIdentityTokenAudienceListType = webIdentityTokenAudienceStringType[];

export type webIdentityTokenAudienceStringType = string;

export type webIdentityTokenDurationSecondsType = number;

export type webIdentityTokenType = string;

// Operations

export interface StsApi {
  AssumeRole(ctx: RequestContext, input: AssumeRoleRequest): Promise<AssumeRoleResponse>;
  AssumeRoleWithSAML(ctx: RequestContext, input: AssumeRoleWithSAMLRequest): Promise<AssumeRoleWithSAMLResponse>;
  AssumeRoleWithWebIdentity(ctx: RequestContext, input: AssumeRoleWithWebIdentityRequest): Promise<AssumeRoleWithWebIdentityResponse>;
  AssumeRoot(ctx: RequestContext, input: AssumeRootRequest): Promise<AssumeRootResponse>;
  DecodeAuthorizationMessage(ctx: RequestContext, input: DecodeAuthorizationMessageRequest): Promise<DecodeAuthorizationMessageResponse>;
  GetAccessKeyInfo(ctx: RequestContext, input: GetAccessKeyInfoRequest): Promise<GetAccessKeyInfoResponse>;
  GetCallerIdentity(ctx: RequestContext, input: GetCallerIdentityRequest): Promise<GetCallerIdentityResponse>;
  GetDelegatedAccessToken(ctx: RequestContext, input: GetDelegatedAccessTokenRequest): Promise<GetDelegatedAccessTokenResponse>;
  GetFederationToken(ctx: RequestContext, input: GetFederationTokenRequest): Promise<GetFederationTokenResponse>;
  GetSessionToken(ctx: RequestContext, input: GetSessionTokenRequest): Promise<GetSessionTokenResponse>;
  GetWebIdentityToken(ctx: RequestContext, input: GetWebIdentityTokenRequest): Promise<GetWebIdentityTokenResponse>;
}

export const operations = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
] as const;

// Errors

export class ExpiredTokenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredTokenException', message, 400, { fields });
  }
}

export class ExpiredTradeInTokenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredTradeInTokenException', message, 400, { fields });
  }
}

export class IDPCommunicationErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IDPCommunicationErrorException', message, 400, { fields });
  }
}

export class IDPRejectedClaimException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IDPRejectedClaimException', message, 403, { fields });
  }
}

export class InvalidAuthorizationMessageException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAuthorizationMessageException', message, 400, { fields });
  }
}

export class InvalidIdentityTokenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidIdentityTokenException', message, 400, { fields });
  }
}

export class JWTPayloadSizeExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('JWTPayloadSizeExceededException', message, 400, { fields });
  }
}

export class MalformedPolicyDocumentException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MalformedPolicyDocumentException', message, 400, { fields });
  }
}

export class OutboundWebIdentityFederationDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OutboundWebIdentityFederationDisabledException', message, 403, { fields });
  }
}

export class PackedPolicyTooLargeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PackedPolicyTooLargeException', message, 400, { fields });
  }
}

export class RegionDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RegionDisabledException', message, 403, { fields });
  }
}

export class SessionDurationEscalationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SessionDurationEscalationException', message, 403, { fields });
  }
}

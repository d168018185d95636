// Generated from models/aws/cognito-identity/service-2.json (API version 2014-06-30) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type ARNString = string;

export type AccessKeyString = string;

export type AccountId = string;

export type AmbiguousRoleResolutionType = 'AuthenticatedRole' | 'Deny';

export type ClaimName = string;

export type ClaimValue = string;

export type ClassicFlow = boolean;

export interface CognitoIdentityProvider {
  ClientId?: CognitoIdentityProviderClientId;
  ProviderName?: CognitoIdentityProviderName;
  ServerSideTokenCheck?: CognitoIdentityProviderTokenCheck;
}

export type CognitoIdentityProviderClientId = string;

export type CognitoIdentityProviderList = CognitoIdentityProvider[];

export type CognitoIdentityProviderName = string;

export type CognitoIdentityProviderTokenCheck = boolean;

export interface CreateIdentityPoolInput {
  AllowClassicFlow?: ClassicFlow;
  AllowUnauthenticatedIdentities: IdentityPoolUnauthenticated;
  CognitoIdentityProviders?: CognitoIdentityProviderList;
  DeveloperProviderName?: DeveloperProviderName;
  IdentityPoolName: IdentityPoolName;
  IdentityPoolTags?: IdentityPoolTagsType;
  OpenIdConnectProviderARNs?: OIDCProviderList;
  SamlProviderARNs?: SAMLProviderList;
  SupportedLoginProviders?: IdentityProviders;
}

export interface Credentials {
  AccessKeyId?: AccessKeyString;
  Expiration?: DateType;
  SecretKey?: SecretKeyString;
  SessionToken?: SessionTokenString;
}

export type DateType = Date;

export interface DeleteIdentitiesInput {
  IdentityIdsToDelete: IdentityIdList;
}

export interface DeleteIdentitiesResponse {
  UnprocessedIdentityIds?: UnprocessedIdentityIdList;
}

export interface DeleteIdentityPoolInput {
  IdentityPoolId: IdentityPoolId;
}

export interface DescribeIdentityInput {
  IdentityId: IdentityId;
}

export interface DescribeIdentityPoolInput {
  IdentityPoolId: IdentityPoolId;
}

export type DeveloperProviderName = string;

export type DeveloperUserIdentifier = string;

export type DeveloperUserIdentifierList = DeveloperUserIdentifier[];

export type ErrorCode = 'AccessDenied' | 'InternalServerError';

export interface GetCredentialsForIdentityInput {
  CustomRoleArn?: ARNString;
  IdentityId: IdentityId;
  Logins?: LoginsMap;
}

export interface GetCredentialsForIdentityResponse {
  Credentials?: Credentials;
  IdentityId?: IdentityId;
}

export interface GetIdInput {
  AccountId?: AccountId;
  IdentityPoolId: IdentityPoolId;
  Logins?: LoginsMap;
}

export interface GetIdResponse {
  IdentityId?: IdentityId;
}

export interface GetIdentityPoolRolesInput {
  IdentityPoolId: IdentityPoolId;
}

export interface GetIdentityPoolRolesResponse {
  IdentityPoolId?: IdentityPoolId;
  RoleMappings?: RoleMappingMap;
  Roles?: RolesMap;
}

export interface GetOpenIdTokenForDeveloperIdentityInput {
  IdentityId?: IdentityId;
  IdentityPoolId: IdentityPoolId;
  Logins: LoginsMap;
  PrincipalTags?: PrincipalTags;
  TokenDuration?: TokenDuration;
}

export interface GetOpenIdTokenForDeveloperIdentityResponse {
  IdentityId?: IdentityId;
  Token?: OIDCToken;
}

export interface GetOpenIdTokenInput {
  IdentityId: IdentityId;
  Logins?: LoginsMap;
}

export interface GetOpenIdTokenResponse {
  IdentityId?: IdentityId;
  Token?: OIDCToken;
}

export interface GetPrincipalTagAttributeMapInput {
  IdentityPoolId: IdentityPoolId;
  IdentityProviderName: IdentityProviderName;
}

export interface GetPrincipalTagAttributeMapResponse {
  IdentityPoolId?: IdentityPoolId;
  IdentityProviderName?: IdentityProviderName;
  PrincipalTags?: PrincipalTags;
  UseDefaults?: UseDefaults;
}

export type HideDisabled = boolean;

export type IdentitiesList = IdentityDescription[];

export interface IdentityDescription {
  CreationDate?: DateType;
  IdentityId?: IdentityId;
  LastModifiedDate?: DateType;
  Logins?: LoginsList;
}

export type IdentityId = string;

export type IdentityIdList = IdentityId[];

export interface IdentityPool {
  AllowClassicFlow?: ClassicFlow;
  AllowUnauthenticatedIdentities: IdentityPoolUnauthenticated;
  CognitoIdentityProviders?: CognitoIdentityProviderList;
  DeveloperProviderName?: DeveloperProviderName;
  IdentityPoolId: IdentityPoolId;
  IdentityPoolName: IdentityPoolName;
  IdentityPoolTags?: IdentityPoolTagsType;
  OpenIdConnectProviderARNs?: OIDCProviderList;
  SamlProviderARNs?: SAMLProviderList;
  SupportedLoginProviders?: IdentityProviders;
}

export type IdentityPoolId = string;

export type IdentityPoolName = string;

export interface IdentityPoolShortDescription {
  IdentityPoolId?: IdentityPoolId;
  IdentityPoolName?: IdentityPoolName;
}

export type IdentityPoolTagsListType = TagKeysType[];

export type IdentityPoolTagsType = Record<string, TagValueType>;

export type IdentityPoolUnauthenticated = boolean;

export type IdentityPoolsList = IdentityPoolShortDescription[];

export type IdentityProviderId = string;

export type IdentityProviderName = string;

export type IdentityProviderToken = string;

export type IdentityProviders = Record<string, IdentityProviderId>;

export interface ListIdentitiesInput {
  HideDisabled?: HideDisabled;
  IdentityPoolId: IdentityPoolId;
  MaxResults: QueryLimit;
  NextToken?: PaginationKey;
}

export interface ListIdentitiesResponse {
  Identities?: IdentitiesList;
  IdentityPoolId?: IdentityPoolId;
  NextToken?: PaginationKey;
}

export interface ListIdentityPoolsInput {
  MaxResults: QueryLimit;
  NextToken?: PaginationKey;
}

export interface ListIdentityPoolsResponse {
  IdentityPools?: IdentityPoolsList;
  NextToken?: PaginationKey;
}

export interface ListTagsForResourceInput {
  ResourceArn: ARNString;
}

export interface ListTagsForResourceResponse {
  Tags?: IdentityPoolTagsType;
}

export type LoginsList = IdentityProviderName[];

export type LoginsMap = Record<string, IdentityProviderToken>;

export interface LookupDeveloperIdentityInput {
  DeveloperUserIdentifier?: DeveloperUserIdentifier;
  IdentityId?: IdentityId;
  IdentityPoolId: IdentityPoolId;
  MaxResults?: QueryLimit;
  NextToken?: PaginationKey;
}

export interface LookupDeveloperIdentityResponse {
  DeveloperUserIdentifierList?: DeveloperUserIdentifierList;
  IdentityId?: IdentityId;
  NextToken?: PaginationKey;
}

export interface MappingRule {
  Claim: ClaimName;
  MatchType: MappingRuleMatchType;
  RoleARN: ARNString;
  Value: ClaimValue;
}

export type MappingRuleMatchType = 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';

export type MappingRulesList = MappingRule[];

export interface MergeDeveloperIdentitiesInput {
  DestinationUserIdentifier: DeveloperUserIdentifier;
  DeveloperProviderName: DeveloperProviderName;
  IdentityPoolId: IdentityPoolId;
  SourceUserIdentifier: DeveloperUserIdentifier;
}

export interface MergeDeveloperIdentitiesResponse {
  IdentityId?: IdentityId;
}

export type OIDCProviderList = ARNString[];

export type OIDCToken = string;

export type PaginationKey = string;

export type PrincipalTagID = string;

export type PrincipalTagValue = string;

export type PrincipalTags = Record<string, PrincipalTagValue>;

export type QueryLimit = number;

export interface RoleMapping {
  AmbiguousRoleResolution?: AmbiguousRoleResolutionType;
  RulesConfiguration?: RulesConfigurationType;
  Type: RoleMappingType;
}

export type RoleMappingMap = Record<string, RoleMapping>;

export type RoleMappingType = 'Token' | 'Rules';

export type RoleType = string;

export type RolesMap = Record<string, ARNString>;

export interface RulesConfigurationType {
  Rules: MappingRulesList;
}

export type SAMLProviderList = ARNString[];

export type SecretKeyString = string;

export type SessionTokenString = string;

export interface SetIdentityPoolRolesInput {
  IdentityPoolId: IdentityPoolId;
  RoleMappings?: RoleMappingMap;
  Roles: RolesMap;
}

export interface SetPrincipalTagAttributeMapInput {
  IdentityPoolId: IdentityPoolId;
  IdentityProviderName: IdentityProviderName;
  PrincipalTags?: PrincipalTags;
  UseDefaults?: UseDefaults;
}

export interface SetPrincipalTagAttributeMapResponse {
  IdentityPoolId?: IdentityPoolId;
  IdentityProviderName?: IdentityProviderName;
  PrincipalTags?: PrincipalTags;
  UseDefaults?: UseDefaults;
}

export type String_ = string;

export type TagKeysType = string;

export interface TagResourceInput {
  ResourceArn: ARNString;
  Tags: IdentityPoolTagsType;
}

export interface TagResourceResponse {}

export type TagValueType = string;

export type TokenDuration = number;

export interface UnlinkDeveloperIdentityInput {
  DeveloperProviderName: DeveloperProviderName;
  DeveloperUserIdentifier: DeveloperUserIdentifier;
  IdentityId: IdentityId;
  IdentityPoolId: IdentityPoolId;
}

export interface UnlinkIdentityInput {
  IdentityId: IdentityId;
  Logins: LoginsMap;
  LoginsToRemove: LoginsList;
}

export interface UnprocessedIdentityId {
  ErrorCode?: ErrorCode;
  IdentityId?: IdentityId;
}

export type UnprocessedIdentityIdList = UnprocessedIdentityId[];

export interface UntagResourceInput {
  ResourceArn: ARNString;
  TagKeys: IdentityPoolTagsListType;
}

export interface UntagResourceResponse {}

export type UseDefaults = boolean;

// Operations

export interface CognitoIdentityApi {
  CreateIdentityPool(ctx: RequestContext, input: CreateIdentityPoolInput): Promise<IdentityPool>;
  DeleteIdentities(ctx: RequestContext, input: DeleteIdentitiesInput): Promise<DeleteIdentitiesResponse>;
  DeleteIdentityPool(ctx: RequestContext, input: DeleteIdentityPoolInput): Promise<void>;
  DescribeIdentity(ctx: RequestContext, input: DescribeIdentityInput): Promise<IdentityDescription>;
  DescribeIdentityPool(ctx: RequestContext, input: DescribeIdentityPoolInput): Promise<IdentityPool>;
  GetCredentialsForIdentity(ctx: RequestContext, input: GetCredentialsForIdentityInput): Promise<GetCredentialsForIdentityResponse>;
  GetId(ctx: RequestContext, input: GetIdInput): Promise<GetIdResponse>;
  GetIdentityPoolRoles(ctx: RequestContext, input: GetIdentityPoolRolesInput): Promise<GetIdentityPoolRolesResponse>;
  GetOpenIdToken(ctx: RequestContext, input: GetOpenIdTokenInput): Promise<GetOpenIdTokenResponse>;
  GetOpenIdTokenForDeveloperIdentity(ctx: RequestContext, input: GetOpenIdTokenForDeveloperIdentityInput): Promise<GetOpenIdTokenForDeveloperIdentityResponse>;
  GetPrincipalTagAttributeMap(ctx: RequestContext, input: GetPrincipalTagAttributeMapInput): Promise<GetPrincipalTagAttributeMapResponse>;
  ListIdentities(ctx: RequestContext, input: ListIdentitiesInput): Promise<ListIdentitiesResponse>;
  ListIdentityPools(ctx: RequestContext, input: ListIdentityPoolsInput): Promise<ListIdentityPoolsResponse>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceResponse>;
  LookupDeveloperIdentity(ctx: RequestContext, input: LookupDeveloperIdentityInput): Promise<LookupDeveloperIdentityResponse>;
  MergeDeveloperIdentities(ctx: RequestContext, input: MergeDeveloperIdentitiesInput): Promise<MergeDeveloperIdentitiesResponse>;
  SetIdentityPoolRoles(ctx: RequestContext, input: SetIdentityPoolRolesInput): Promise<void>;
  SetPrincipalTagAttributeMap(ctx: RequestContext, input: SetPrincipalTagAttributeMapInput): Promise<SetPrincipalTagAttributeMapResponse>;
  TagResource(ctx: RequestContext, input: TagResourceInput): Promise<TagResourceResponse>;
  UnlinkDeveloperIdentity(ctx: RequestContext, input: UnlinkDeveloperIdentityInput): Promise<void>;
  UnlinkIdentity(ctx: RequestContext, input: UnlinkIdentityInput): Promise<void>;
  UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<UntagResourceResponse>;
  UpdateIdentityPool(ctx: RequestContext, input: IdentityPool): Promise<IdentityPool>;
}

export const operations = [
  'CreateIdentityPool',
  'DeleteIdentities',
  'DeleteIdentityPool',
  'DescribeIdentity',
  'DescribeIdentityPool',
  'GetCredentialsForIdentity',
  'GetId',
  'GetIdentityPoolRoles',
  'GetOpenIdToken',
  'GetOpenIdTokenForDeveloperIdentity',
  'GetPrincipalTagAttributeMap',
  'ListIdentities',
  'ListIdentityPools',
  'ListTagsForResource',
  'LookupDeveloperIdentity',
  'MergeDeveloperIdentities',
  'SetIdentityPoolRoles',
  'SetPrincipalTagAttributeMap',
  'TagResource',
  'UnlinkDeveloperIdentity',
  'UnlinkIdentity',
  'UntagResource',
  'UpdateIdentityPool',
] as const;

// Errors

export class ConcurrentModificationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConcurrentModificationException', message, 400, { fields });
  }
}

export class DeveloperUserAlreadyRegisteredException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DeveloperUserAlreadyRegisteredException', message, 400, { fields });
  }
}

export class ExternalServiceException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExternalServiceException', message, 400, { fields });
  }
}

export class InternalErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalErrorException', message, 400, { fields });
  }
}

export class InvalidIdentityPoolConfigurationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidIdentityPoolConfigurationException', message, 400, { fields });
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class NotAuthorizedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NotAuthorizedException', message, 400, { fields });
  }
}

export class ResourceConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceConflictException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class TooManyRequestsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRequestsException', message, 400, { fields });
  }
}

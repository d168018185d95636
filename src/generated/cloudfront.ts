// Generated from models/aws/cloudfront/service-2.json (API version 2020-05-31) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AccessControlAllowHeadersList = string_[];

export type AccessControlAllowMethodsList = ResponseHeadersPolicyAccessControlAllowMethodsValues[];

export type AccessControlAllowOriginsList = string_[];

export type AccessControlExposeHeadersList = string_[];

export interface ActiveTrustedKeyGroups {
  Enabled: boolean_;
  Items?: KGKeyPairIdsList;
  Quantity: integer;
}

export interface ActiveTrustedSigners {
  Enabled: boolean_;
  Items?: SignerList;
  Quantity: integer;
}

export interface AliasICPRecordal {
  CNAME?: string_;
  ICPRecordalStatus?: ICPRecordalStatus;
}

export type AliasICPRecordals = AliasICPRecordal[];

export type AliasList = string_[];

export interface Aliases {
  Items?: AliasList;
  Quantity: integer;
}

export interface AllowedMethods {
  CachedMethods?: CachedMethods;
  Items: MethodsList;
  Quantity: integer;
}

export interface AnycastIpList {
  AnycastIps: AnycastIps;
  Arn: string_;
  Id: string_;
  IpAddressType?: IpAddressType;
  IpCount: integer;
  IpamConfig?: IpamConfig;
  LastModifiedTime: timestamp;
  Name: AnycastIpListName;
  Status: string_;
}

export interface AnycastIpListCollection {
  IsTruncated: boolean_;
  Items?: AnycastIpListSummaries;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type AnycastIpListName = string;

export type AnycastIpListSummaries = AnycastIpListSummary[];

export interface AnycastIpListSummary {
  Arn: string_;
  ETag?: string_;
  Id: string_;
  IpAddressType?: IpAddressType;
  IpCount: integer;
  IpamConfig?: IpamConfig;
  LastModifiedTime: timestamp;
  Name: AnycastIpListName;
  Status: string_;
}

export type AnycastIps = string_[];

export interface AssociateAliasRequest {
  Alias: string_;
  TargetDistributionId: string_;
}

export interface AssociateDistributionTenantWebACLRequest {
  Id: string_;
  IfMatch?: string_;
  WebACLArn: string_;
}

export interface AssociateDistributionTenantWebACLResult {
  ETag?: string_;
  Id?: string_;
  WebACLArn?: string_;
}

export interface AssociateDistributionWebACLRequest {
  Id: string_;
  IfMatch?: string_;
  WebACLArn: string_;
}

export interface AssociateDistributionWebACLResult {
  ETag?: string_;
  Id?: string_;
  WebACLArn?: string_;
}

export type AwsAccountNumberList = string_[];

export interface CaCertificatesBundleS3Location {
  Bucket: string_;
  Key: string_;
  Region: CaCertificatesBundleS3LocationRegionString;
  Version?: string_;
}

export type CaCertificatesBundleS3LocationRegionString = string;

export interface CaCertificatesBundleSource {
  CaCertificatesBundleS3Location?: CaCertificatesBundleS3Location;
}

export interface CacheBehavior {
  AllowedMethods?: AllowedMethods;
  CachePolicyId?: string_;
  Compress?: boolean_;
  DefaultTTL?: long;
  FieldLevelEncryptionId?: string_;
  ForwardedValues?: ForwardedValues;
  FunctionAssociations?: FunctionAssociations;
  GrpcConfig?: GrpcConfig;
  LambdaFunctionAssociations?: LambdaFunctionAssociations;
  MaxTTL?: long;
  MinTTL?: long;
  OriginRequestPolicyId?: string_;
  PathPattern: string_;
  RealtimeLogConfigArn?: string_;
  ResponseHeadersPolicyId?: string_;
  SmoothStreaming?: boolean_;
  TargetOriginId: string_;
  TrustedKeyGroups?: TrustedKeyGroups;
  TrustedSigners?: TrustedSigners;
  ViewerProtocolPolicy: ViewerProtocolPolicy;
}

export type CacheBehaviorList = CacheBehavior[];

export interface CacheBehaviors {
  Items?: CacheBehaviorList;
  Quantity: integer;
}

export interface CachePolicy {
  CachePolicyConfig: CachePolicyConfig;
  Id: string_;
  LastModifiedTime: timestamp;
}

export interface CachePolicyConfig {
  Comment?: string_;
  DefaultTTL?: long;
  MaxTTL?: long;
  MinTTL: long;
  Name: string_;
  ParametersInCacheKeyAndForwardedToOrigin?: ParametersInCacheKeyAndForwardedToOrigin;
}

export type CachePolicyCookieBehavior = 'none' | 'whitelist' | 'allExcept' | 'all';

export interface CachePolicyCookiesConfig {
  CookieBehavior: CachePolicyCookieBehavior;
  Cookies?: CookieNames;
}

export type CachePolicyHeaderBehavior = 'none' | 'whitelist';

export interface CachePolicyHeadersConfig {
  HeaderBehavior: CachePolicyHeaderBehavior;
  Headers?: Headers_;
}

export interface CachePolicyList {
  Items?: CachePolicySummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type CachePolicyQueryStringBehavior = 'none' | 'whitelist' | 'allExcept' | 'all';

export interface CachePolicyQueryStringsConfig {
  QueryStringBehavior: CachePolicyQueryStringBehavior;
  QueryStrings?: QueryStringNames;
}

export interface CachePolicySummary {
  CachePolicy: CachePolicy;
  Type: CachePolicyType;
}

export type CachePolicySummaryList = CachePolicySummary[];

export type CachePolicyType = 'managed' | 'custom';

export interface CacheTagConfig {
  HeaderName: string_;
}

export interface CachedMethods {
  Items: MethodsList;
  Quantity: integer;
}

export interface Certificate {
  Arn: string_;
}

export type CertificateSource = 'cloudfront' | 'iam' | 'acm';

export type CertificateTransparencyLoggingPreference = 'enabled' | 'disabled';

export interface CloudFrontOriginAccessIdentity {
  CloudFrontOriginAccessIdentityConfig?: CloudFrontOriginAccessIdentityConfig;
  Id: string_;
  S3CanonicalUserId: string_;
}

export interface CloudFrontOriginAccessIdentityConfig {
  CallerReference: string_;
  Comment: string_;
}

export interface CloudFrontOriginAccessIdentityList {
  IsTruncated: boolean_;
  Items?: CloudFrontOriginAccessIdentitySummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface CloudFrontOriginAccessIdentitySummary {
  Comment: string_;
  Id: string_;
  S3CanonicalUserId: string_;
}

export type CloudFrontOriginAccessIdentitySummaryList = CloudFrontOriginAccessIdentitySummary[];

export type CommentType = string;

export interface ConflictingAlias {
  AccountId?: string_;
  Alias?: string_;
  DistributionId?: string_;
}

export type ConflictingAliases = ConflictingAlias[];

export interface ConflictingAliasesList {
  Items?: ConflictingAliases;
  MaxItems?: integer;
  NextMarker?: string_;
  Quantity?: integer;
}

export interface ConnectionFunctionAssociation {
  Id: ResourceId;
}

export interface ConnectionFunctionSummary {
  ConnectionFunctionArn: string_;
  ConnectionFunctionConfig: FunctionConfig;
  CreatedTime: timestamp;
  Id: ResourceId;
  LastModifiedTime: timestamp;
  Name: FunctionName;
  Stage: FunctionStage;
  Status: string_;
}

export type ConnectionFunctionSummaryList = ConnectionFunctionSummary[];

export interface ConnectionFunctionTestResult {
  ComputeUtilization?: string_;
  ConnectionFunctionErrorMessage?: sensitiveStringType;
  ConnectionFunctionExecutionLogs?: FunctionExecutionLogList;
  ConnectionFunctionOutput?: sensitiveStringType;
  ConnectionFunctionSummary?: ConnectionFunctionSummary;
}

export interface ConnectionGroup {
  AnycastIpListId?: string_;
  Arn?: string_;
  CreatedTime?: timestamp;
  Enabled?: boolean_;
  Id?: string_;
  Ipv6Enabled?: boolean_;
  IsDefault?: boolean_;
  LastModifiedTime?: timestamp;
  Name?: string_;
  RoutingEndpoint?: string_;
  Status?: string_;
  Tags?: Tags;
}

export interface ConnectionGroupAssociationFilter {
  AnycastIpListId?: string_;
}

export interface ConnectionGroupSummary {
  AnycastIpListId?: string_;
  Arn: string_;
  CreatedTime: timestamp;
  ETag: string_;
  Enabled?: boolean_;
  Id: string_;
  IsDefault?: boolean_;
  LastModifiedTime: timestamp;
  Name: string_;
  RoutingEndpoint: string_;
  Status?: string_;
}

export type ConnectionGroupSummaryList = ConnectionGroupSummary[];

export type ConnectionMode = 'direct' | 'tenant-only';

export interface ContentTypeProfile {
  ContentType: string_;
  Format: Format;
  ProfileId?: string_;
}

export interface ContentTypeProfileConfig {
  ContentTypeProfiles?: ContentTypeProfiles;
  ForwardWhenContentTypeIsUnknown: boolean_;
}

export type ContentTypeProfileList = ContentTypeProfile[];

export interface ContentTypeProfiles {
  Items?: ContentTypeProfileList;
  Quantity: integer;
}

export interface ContinuousDeploymentPolicy {
  ContinuousDeploymentPolicyConfig: ContinuousDeploymentPolicyConfig;
  Id: string_;
  LastModifiedTime: timestamp;
}

export interface ContinuousDeploymentPolicyConfig {
  Enabled: boolean_;
  StagingDistributionDnsNames: StagingDistributionDnsNames;
  TrafficConfig?: TrafficConfig;
}

export interface ContinuousDeploymentPolicyList {
  Items?: ContinuousDeploymentPolicySummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface ContinuousDeploymentPolicySummary {
  ContinuousDeploymentPolicy: ContinuousDeploymentPolicy;
}

export type ContinuousDeploymentPolicySummaryList = ContinuousDeploymentPolicySummary[];

export type ContinuousDeploymentPolicyType = 'SingleWeight' | 'SingleHeader';

export interface ContinuousDeploymentSingleHeaderConfig {
  Header: string_;
  Value: string_;
}

export interface ContinuousDeploymentSingleWeightConfig {
  SessionStickinessConfig?: SessionStickinessConfig;
  Weight: float;
}

export type CookieNameList = string_[];

export interface CookieNames {
  Items?: CookieNameList;
  Quantity: integer;
}

export interface CookiePreference {
  Forward: ItemSelection;
  WhitelistedNames?: CookieNames;
}

export interface CopyDistributionRequest {
  CallerReference: string_;
  Enabled?: boolean_;
  IfMatch?: string_;
  PrimaryDistributionId: string_;
  Staging?: boolean_;
}

export interface CopyDistributionResult {
  Distribution?: Distribution;
  ETag?: string_;
  Location?: string_;
}

export interface CreateAnycastIpListRequest {
  IpAddressType?: IpAddressType;
  IpCount: integer;
  IpamCidrConfigs?: IpamCidrConfigList;
  Name: AnycastIpListName;
  Tags?: Tags;
}

export interface CreateAnycastIpListResult {
  AnycastIpList?: AnycastIpList;
  ETag?: string_;
}

export interface CreateCachePolicyRequest {
  CachePolicyConfig: CachePolicyConfig;
}

export interface CreateCachePolicyResult {
  CachePolicy?: CachePolicy;
  ETag?: string_;
  Location?: string_;
}

export interface CreateCloudFrontOriginAccessIdentityRequest {
  CloudFrontOriginAccessIdentityConfig: CloudFrontOriginAccessIdentityConfig;
}

export interface CreateCloudFrontOriginAccessIdentityResult {
  CloudFrontOriginAccessIdentity?: CloudFrontOriginAccessIdentity;
  ETag?: string_;
  Location?: string_;
}

export interface CreateConnectionFunctionRequest {
  ConnectionFunctionCode: FunctionBlob;
  ConnectionFunctionConfig: FunctionConfig;
  Name: FunctionName;
  Tags?: Tags;
}

export interface CreateConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary;
  ETag?: string_;
  Location?: string_;
}

export interface CreateConnectionGroupRequest {
  AnycastIpListId?: string_;
  Enabled?: boolean_;
  Ipv6Enabled?: boolean_;
  Name: string_;
  Tags?: Tags;
}

export interface CreateConnectionGroupResult {
  ConnectionGroup?: ConnectionGroup;
  ETag?: string_;
}

export interface CreateContinuousDeploymentPolicyRequest {
  ContinuousDeploymentPolicyConfig: ContinuousDeploymentPolicyConfig;
}

export interface CreateContinuousDeploymentPolicyResult {
  ContinuousDeploymentPolicy?: ContinuousDeploymentPolicy;
  ETag?: string_;
  Location?: string_;
}

export interface CreateDistributionRequest {
  DistributionConfig: DistributionConfig;
}

export interface CreateDistributionResult {
  Distribution?: Distribution;
  ETag?: string_;
  Location?: string_;
}

export interface CreateDistributionTenantRequest {
  ConnectionGroupId?: string_;
  Customizations?: Customizations;
  DistributionId: string_;
  Domains: DomainList;
  Enabled?: boolean_;
  ManagedCertificateRequest?: ManagedCertificateRequest;
  Name: CreateDistributionTenantRequestNameString;
  Parameters?: Parameters_;
  Tags?: Tags;
}

export type CreateDistributionTenantRequestNameString = string;

export interface CreateDistributionTenantResult {
  DistributionTenant?: DistributionTenant;
  ETag?: string_;
}

export interface CreateDistributionWithTagsRequest {
  DistributionConfigWithTags: DistributionConfigWithTags;
}

export interface CreateDistributionWithTagsResult {
  Distribution?: Distribution;
  ETag?: string_;
  Location?: string_;
}

export interface CreateFieldLevelEncryptionConfigRequest {
  FieldLevelEncryptionConfig: FieldLevelEncryptionConfig;
}

export interface CreateFieldLevelEncryptionConfigResult {
  ETag?: string_;
  FieldLevelEncryption?: FieldLevelEncryption;
  Location?: string_;
}

export interface CreateFieldLevelEncryptionProfileRequest {
  FieldLevelEncryptionProfileConfig: FieldLevelEncryptionProfileConfig;
}

export interface CreateFieldLevelEncryptionProfileResult {
  ETag?: string_;
  FieldLevelEncryptionProfile?: FieldLevelEncryptionProfile;
  Location?: string_;
}

export interface CreateFunctionRequest {
  FunctionCode: FunctionBlob;
  FunctionConfig: FunctionConfig;
  Name: FunctionName;
  Tags?: Tags;
}

export interface CreateFunctionResult {
  ETag?: string_;
  FunctionSummary?: FunctionSummary;
  Location?: string_;
}

export interface CreateInvalidationForDistributionTenantRequest {
  Id: string_;
  InvalidationBatch: InvalidationBatch;
}

export interface CreateInvalidationForDistributionTenantResult {
  Invalidation?: Invalidation;
  Location?: string_;
}

export interface CreateInvalidationRequest {
  DistributionId: string_;
  InvalidationBatch: InvalidationBatch;
}

export interface CreateInvalidationResult {
  Invalidation?: Invalidation;
  Location?: string_;
}

export interface CreateKeyGroupRequest {
  KeyGroupConfig: KeyGroupConfig;
}

export interface CreateKeyGroupResult {
  ETag?: string_;
  KeyGroup?: KeyGroup;
  Location?: string_;
}

export interface CreateKeyValueStoreRequest {
  Comment?: KeyValueStoreComment;
  ImportSource?: ImportSource;
  Name: KeyValueStoreName;
  Tags?: Tags;
}

export interface CreateKeyValueStoreResult {
  ETag?: string_;
  KeyValueStore?: KeyValueStore;
  Location?: string_;
}

export interface CreateMonitoringSubscriptionRequest {
  DistributionId: string_;
  MonitoringSubscription: MonitoringSubscription;
}

export interface CreateMonitoringSubscriptionResult {
  MonitoringSubscription?: MonitoringSubscription;
}

export interface CreateOriginAccessControlRequest {
  OriginAccessControlConfig: OriginAccessControlConfig;
}

export interface CreateOriginAccessControlResult {
  ETag?: string_;
  Location?: string_;
  OriginAccessControl?: OriginAccessControl;
}

export interface CreateOriginRequestPolicyRequest {
  OriginRequestPolicyConfig: OriginRequestPolicyConfig;
}

export interface CreateOriginRequestPolicyResult {
  ETag?: string_;
  Location?: string_;
  OriginRequestPolicy?: OriginRequestPolicy;
}

export interface CreatePublicKeyRequest {
  PublicKeyConfig: PublicKeyConfig;
}

export interface CreatePublicKeyResult {
  ETag?: string_;
  Location?: string_;
  PublicKey?: PublicKey;
}

export interface CreateRealtimeLogConfigRequest {
  EndPoints: EndPointList;
  Fields: FieldList;
  Name: string_;
  SamplingRate: long;
}

export interface CreateRealtimeLogConfigResult {
  RealtimeLogConfig?: RealtimeLogConfig;
}

export interface CreateResponseHeadersPolicyRequest {
  ResponseHeadersPolicyConfig: ResponseHeadersPolicyConfig;
}

export interface CreateResponseHeadersPolicyResult {
  ETag?: string_;
  Location?: string_;
  ResponseHeadersPolicy?: ResponseHeadersPolicy;
}

export interface CreateStreamingDistributionRequest {
  StreamingDistributionConfig: StreamingDistributionConfig;
}

export interface CreateStreamingDistributionResult {
  ETag?: string_;
  Location?: string_;
  StreamingDistribution?: StreamingDistribution;
}

export interface CreateStreamingDistributionWithTagsRequest {
  StreamingDistributionConfigWithTags: StreamingDistributionConfigWithTags;
}

export interface CreateStreamingDistributionWithTagsResult {
  ETag?: string_;
  Location?: string_;
  StreamingDistribution?: StreamingDistribution;
}

export interface CreateTrustStoreRequest {
  CaCertificatesBundleSource: CaCertificatesBundleSource;
  Name: string_;
  Tags?: Tags;
  UseClientCertificateOCSPEndpoint?: boolean_;
}

export interface CreateTrustStoreResult {
  ETag?: string_;
  TrustStore?: TrustStore;
}

export interface CreateVpcOriginRequest {
  Tags?: Tags;
  VpcOriginEndpointConfig: VpcOriginEndpointConfig;
}

export interface CreateVpcOriginResult {
  ETag?: string_;
  Location?: string_;
  VpcOrigin?: VpcOrigin;
}

export interface CustomErrorResponse {
  ErrorCachingMinTTL?: long;
  ErrorCode: integer;
  ResponseCode?: string_;
  ResponsePagePath?: string_;
}

export type CustomErrorResponseList = CustomErrorResponse[];

export interface CustomErrorResponses {
  Items?: CustomErrorResponseList;
  Quantity: integer;
}

export interface CustomHeaders {
  Items?: OriginCustomHeadersList;
  Quantity: integer;
}

export interface CustomOriginConfig {
  HTTPPort: integer;
  HTTPSPort: integer;
  IpAddressType?: IpAddressType;
  OriginKeepaliveTimeout?: integer;
  OriginMtlsConfig?: OriginMtlsConfig;
  OriginProtocolPolicy: OriginProtocolPolicy;
  OriginReadTimeout?: integer;
  OriginSslProtocols?: OriginSslProtocols;
}

export type CustomizationActionType = 'override' | 'disable';

export interface Customizations {
  Certificate?: Certificate;
  GeoRestrictions?: GeoRestrictionCustomization;
  WebAcl?: WebAclCustomization;
}

export interface DefaultCacheBehavior {
  AllowedMethods?: AllowedMethods;
  CachePolicyId?: string_;
  Compress?: boolean_;
  DefaultTTL?: long;
  FieldLevelEncryptionId?: string_;
  ForwardedValues?: ForwardedValues;
  FunctionAssociations?: FunctionAssociations;
  GrpcConfig?: GrpcConfig;
  LambdaFunctionAssociations?: LambdaFunctionAssociations;
  MaxTTL?: long;
  MinTTL?: long;
  OriginRequestPolicyId?: string_;
  RealtimeLogConfigArn?: string_;
  ResponseHeadersPolicyId?: string_;
  SmoothStreaming?: boolean_;
  TargetOriginId: string_;
  TrustedKeyGroups?: TrustedKeyGroups;
  TrustedSigners?: TrustedSigners;
  ViewerProtocolPolicy: ViewerProtocolPolicy;
}

export interface DeleteAnycastIpListRequest {
  Id: string_;
  IfMatch: string_;
}

export interface DeleteCachePolicyRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteCloudFrontOriginAccessIdentityRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteConnectionFunctionRequest {
  Id: ResourceId;
  IfMatch: string_;
}

export interface DeleteConnectionGroupRequest {
  Id: string_;
  IfMatch: string_;
}

export interface DeleteContinuousDeploymentPolicyRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteDistributionRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteDistributionTenantRequest {
  Id: string_;
  IfMatch: string_;
}

export interface DeleteFieldLevelEncryptionConfigRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteFieldLevelEncryptionProfileRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteFunctionRequest {
  IfMatch: string_;
  Name: FunctionName;
}

export interface DeleteKeyGroupRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteKeyValueStoreRequest {
  IfMatch: string_;
  Name: KeyValueStoreName;
}

export interface DeleteMonitoringSubscriptionRequest {
  DistributionId: string_;
}

export interface DeleteMonitoringSubscriptionResult {}

export interface DeleteOriginAccessControlRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteOriginRequestPolicyRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeletePublicKeyRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteRealtimeLogConfigRequest {
  ARN?: string_;
  Name?: string_;
}

export interface DeleteResourcePolicyRequest {
  ResourceArn: string_;
}

export interface DeleteResponseHeadersPolicyRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteStreamingDistributionRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DeleteTrustStoreRequest {
  Id: ResourceId;
  IfMatch: string_;
}

export interface DeleteVpcOriginRequest {
  Id: string_;
  IfMatch: string_;
}

export interface DeleteVpcOriginResult {
  ETag?: string_;
  VpcOrigin?: VpcOrigin;
}

export interface DescribeConnectionFunctionRequest {
  Identifier: string_;
  Stage?: FunctionStage;
}

export interface DescribeConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary;
  ETag?: string_;
}

export interface DescribeFunctionRequest {
  Name: FunctionName;
  Stage?: FunctionStage;
}

export interface DescribeFunctionResult {
  ETag?: string_;
  FunctionSummary?: FunctionSummary;
}

export interface DescribeKeyValueStoreRequest {
  Name: KeyValueStoreName;
}

export interface DescribeKeyValueStoreResult {
  ETag?: string_;
  KeyValueStore?: KeyValueStore;
}

export interface DisassociateDistributionTenantWebACLRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DisassociateDistributionTenantWebACLResult {
  ETag?: string_;
  Id?: string_;
}

export interface DisassociateDistributionWebACLRequest {
  Id: string_;
  IfMatch?: string_;
}

export interface DisassociateDistributionWebACLResult {
  ETag?: string_;
  Id?: string_;
}

export interface Distribution {
  ARN: string_;
  ActiveTrustedKeyGroups?: ActiveTrustedKeyGroups;
  ActiveTrustedSigners?: ActiveTrustedSigners;
  AliasICPRecordals?: AliasICPRecordals;
  DistributionConfig: DistributionConfig;
  DomainName: string_;
  Id: string_;
  InProgressInvalidationBatches: integer;
  LastModifiedTime: timestamp;
  Status: string_;
}

export interface DistributionConfig {
  Aliases?: Aliases;
  AnycastIpListId?: string_;
  CacheBehaviors?: CacheBehaviors;
  CacheTagConfig?: CacheTagConfig;
  CallerReference: string_;
  Comment: CommentType;
  ConnectionFunctionAssociation?: ConnectionFunctionAssociation;
  ConnectionMode?: ConnectionMode;
  ContinuousDeploymentPolicyId?: string_;
  CustomErrorResponses?: CustomErrorResponses;
  DefaultCacheBehavior: DefaultCacheBehavior;
  DefaultRootObject?: string_;
  Enabled: boolean_;
  HttpVersion?: HttpVersion;
  IsIPV6Enabled?: boolean_;
  Logging?: LoggingConfig;
  OriginGroups?: OriginGroups;
  Origins: Origins;
  PriceClass?: PriceClass;
  Restrictions?: Restrictions;
  Staging?: boolean_;
  TenantConfig?: TenantConfig;
  ViewerCertificate?: ViewerCertificate;
  ViewerMtlsConfig?: ViewerMtlsConfig;
  WebACLId?: string_;
}

export interface DistributionConfigWithTags {
  DistributionConfig: DistributionConfig;
  Tags: Tags;
}

export interface DistributionIdList {
  IsTruncated: boolean_;
  Items?: DistributionIdListSummary;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type DistributionIdListSummary = string_[];

export interface DistributionIdOwner {
  DistributionId: string_;
  OwnerAccountId: string_;
}

export type DistributionIdOwnerItemList = DistributionIdOwner[];

export interface DistributionIdOwnerList {
  IsTruncated: boolean_;
  Items?: DistributionIdOwnerItemList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface DistributionList {
  IsTruncated: boolean_;
  Items?: DistributionSummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface DistributionResourceId {
  DistributionId?: string_;
  DistributionTenantId?: string_;
}

export type DistributionResourceType = 'distribution' | 'distribution-tenant';

export interface DistributionSummary {
  ARN: string_;
  AliasICPRecordals?: AliasICPRecordals;
  Aliases: Aliases;
  AnycastIpListId?: string_;
  CacheBehaviors: CacheBehaviors;
  Comment: sensitiveStringType;
  ConnectionFunctionAssociation?: ConnectionFunctionAssociation;
  ConnectionMode?: ConnectionMode;
  CustomErrorResponses: CustomErrorResponses;
  DefaultCacheBehavior: DefaultCacheBehavior;
  DomainName: string_;
  ETag?: string_;
  Enabled: boolean_;
  HttpVersion: HttpVersion;
  Id: string_;
  IsIPV6Enabled: boolean_;
  LastModifiedTime: timestamp;
  OriginGroups?: OriginGroups;
  Origins: Origins;
  PriceClass: PriceClass;
  Restrictions: Restrictions;
  Staging: boolean_;
  Status: string_;
  ViewerCertificate: ViewerCertificate;
  ViewerMtlsConfig?: ViewerMtlsConfig;
  WebACLId: string_;
}

export type DistributionSummaryList = DistributionSummary[];

export interface DistributionTenant {
  Arn?: string_;
  ConnectionGroupId?: string_;
  CreatedTime?: timestamp;
  Customizations?: Customizations;
  DistributionId?: string_;
  Domains?: DomainResultList;
  Enabled?: boolean_;
  Id?: string_;
  LastModifiedTime?: timestamp;
  Name?: string_;
  Parameters?: Parameters_;
  Status?: string_;
  Tags?: Tags;
}

export interface DistributionTenantAssociationFilter {
  ConnectionGroupId?: string_;
  DistributionId?: string_;
}

export type DistributionTenantList = DistributionTenantSummary[];

export interface DistributionTenantSummary {
  Arn: string_;
  ConnectionGroupId?: string_;
  CreatedTime: timestamp;
  Customizations?: Customizations;
  DistributionId: string_;
  Domains: DomainResultList;
  ETag: string_;
  Enabled?: boolean_;
  Id: string_;
  LastModifiedTime: timestamp;
  Name: string_;
  Status?: string_;
}

export interface DnsConfiguration {
  Domain: string_;
  Reason?: string_;
  Status: DnsConfigurationStatus;
}

export type DnsConfigurationList = DnsConfiguration[];

export type DnsConfigurationStatus = 'valid-configuration' | 'invalid-configuration' | 'unknown-configuration';

export interface DomainConflict {
  AccountId: string_;
  Domain: string_;
  ResourceId: string_;
  ResourceType: DistributionResourceType;
}

export type DomainConflictsList = DomainConflict[];

export interface DomainItem {
  Domain: string_;
}

export type DomainList = DomainItem[];

export interface DomainResult {
  Domain: string_;
  Status?: DomainStatus;
}

export type DomainResultList = DomainResult[];

export type DomainStatus = 'active' | 'inactive';

export interface EncryptionEntities {
  Items?: EncryptionEntityList;
  Quantity: integer;
}

export interface EncryptionEntity {
  FieldPatterns: FieldPatterns;
  ProviderId: string_;
  PublicKeyId: string_;
}

export type EncryptionEntityList = EncryptionEntity[];

export interface EndPoint {
  KinesisStreamConfig?: KinesisStreamConfig;
  StreamType: string_;
}

export type EndPointList = EndPoint[];

export type EventType = 'viewer-request' | 'viewer-response' | 'origin-request' | 'origin-response';

export interface FieldLevelEncryption {
  FieldLevelEncryptionConfig: FieldLevelEncryptionConfig;
  Id: string_;
  LastModifiedTime: timestamp;
}

export interface FieldLevelEncryptionConfig {
  CallerReference: string_;
  Comment?: string_;
  ContentTypeProfileConfig?: ContentTypeProfileConfig;
  QueryArgProfileConfig?: QueryArgProfileConfig;
}

export interface FieldLevelEncryptionList {
  Items?: FieldLevelEncryptionSummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface FieldLevelEncryptionProfile {
  FieldLevelEncryptionProfileConfig: FieldLevelEncryptionProfileConfig;
  Id: string_;
  LastModifiedTime: timestamp;
}

export interface FieldLevelEncryptionProfileConfig {
  CallerReference: string_;
  Comment?: string_;
  EncryptionEntities: EncryptionEntities;
  Name: string_;
}

export interface FieldLevelEncryptionProfileList {
  Items?: FieldLevelEncryptionProfileSummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface FieldLevelEncryptionProfileSummary {
  Comment?: string_;
  EncryptionEntities: EncryptionEntities;
  Id: string_;
  LastModifiedTime: timestamp;
  Name: string_;
}

export type FieldLevelEncryptionProfileSummaryList = FieldLevelEncryptionProfileSummary[];

export interface FieldLevelEncryptionSummary {
  Comment?: string_;
  ContentTypeProfileConfig?: ContentTypeProfileConfig;
  Id: string_;
  LastModifiedTime: timestamp;
  QueryArgProfileConfig?: QueryArgProfileConfig;
}

export type FieldLevelEncryptionSummaryList = FieldLevelEncryptionSummary[];

export type FieldList = string_[];

export type FieldPatternList = string_[];

export interface FieldPatterns {
  Items?: FieldPatternList;
  Quantity: integer;
}

export type Format = 'URLEncoded';

export interface ForwardedValues {
  Cookies: CookiePreference;
  Headers?: Headers_;
  QueryString: boolean_;
  QueryStringCacheKeys?: QueryStringCacheKeys;
}

export type FrameOptionsList = 'DENY' | 'SAMEORIGIN';

export type FunctionARN = string;

export interface FunctionAssociation {
  EventType: EventType;
  FunctionARN: FunctionARN;
}

export type FunctionAssociationList = FunctionAssociation[];

export interface FunctionAssociations {
  Items?: FunctionAssociationList;
  Quantity: integer;
}

export type FunctionBlob = Buffer;

export interface FunctionConfig {
  Comment: string_;
  KeyValueStoreAssociations?: KeyValueStoreAssociations;
  Runtime: FunctionRuntime;
}

export type FunctionEventObject = Buffer;

export type FunctionExecutionLogList = string_[];

export interface FunctionList {
  Items?: FunctionSummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface FunctionMetadata {
  CreatedTime?: timestamp;
  FunctionARN: string_;
  LastModifiedTime: timestamp;
  Stage?: FunctionStage;
}

export type FunctionName = string;

export type FunctionRuntime = 'cloudfront-js-1.0' | 'cloudfront-js-2.0';

export type FunctionStage = 'DEVELOPMENT' | 'LIVE';

export interface FunctionSummary {
  FunctionConfig: FunctionConfig;
  FunctionMetadata: FunctionMetadata;
  Name: FunctionName;
  Status?: string_;
}

export type FunctionSummaryList = FunctionSummary[];

export interface GeoRestriction {
  Items?: LocationList;
  Quantity: integer;
  RestrictionType: GeoRestrictionType;
}

export interface GeoRestrictionCustomization {
  Locations?: LocationList;
  RestrictionType: GeoRestrictionType;
}

export type GeoRestrictionType = 'blacklist' | 'whitelist' | 'none';

export interface GetAnycastIpListRequest {
  Id: string_;
}

export interface GetAnycastIpListResult {
  AnycastIpList?: AnycastIpList;
  ETag?: string_;
}

export interface GetCachePolicyConfigRequest {
  Id: string_;
}

export interface GetCachePolicyConfigResult {
  CachePolicyConfig?: CachePolicyConfig;
  ETag?: string_;
}

export interface GetCachePolicyRequest {
  Id: string_;
}

export interface GetCachePolicyResult {
  CachePolicy?: CachePolicy;
  ETag?: string_;
}

export interface GetCloudFrontOriginAccessIdentityConfigRequest {
  Id: string_;
}

export interface GetCloudFrontOriginAccessIdentityConfigResult {
  CloudFrontOriginAccessIdentityConfig?: CloudFrontOriginAccessIdentityConfig;
  ETag?: string_;
}

export interface GetCloudFrontOriginAccessIdentityRequest {
  Id: string_;
}

export interface GetCloudFrontOriginAccessIdentityResult {
  CloudFrontOriginAccessIdentity?: CloudFrontOriginAccessIdentity;
  ETag?: string_;
}

export interface GetConnectionFunctionRequest {
  Identifier: string_;
  Stage?: FunctionStage;
}

export interface GetConnectionFunctionResult {
  ConnectionFunctionCode?: FunctionBlob;
  ContentType?: string_;
  ETag?: string_;
}

export interface GetConnectionGroupByRoutingEndpointRequest {
  RoutingEndpoint: string_;
}

export interface GetConnectionGroupByRoutingEndpointResult {
  ConnectionGroup?: ConnectionGroup;
  ETag?: string_;
}

export interface GetConnectionGroupRequest {
  Identifier: string_;
}

export interface GetConnectionGroupResult {
  ConnectionGroup?: ConnectionGroup;
  ETag?: string_;
}

export interface GetContinuousDeploymentPolicyConfigRequest {
  Id: string_;
}

export interface GetContinuousDeploymentPolicyConfigResult {
  ContinuousDeploymentPolicyConfig?: ContinuousDeploymentPolicyConfig;
  ETag?: string_;
}

export interface GetContinuousDeploymentPolicyRequest {
  Id: string_;
}

export interface GetContinuousDeploymentPolicyResult {
  ContinuousDeploymentPolicy?: ContinuousDeploymentPolicy;
  ETag?: string_;
}

export interface GetDistributionConfigRequest {
  Id: string_;
}

export interface GetDistributionConfigResult {
  DistributionConfig?: DistributionConfig;
  ETag?: string_;
}

export interface GetDistributionRequest {
  Id: string_;
}

export interface GetDistributionResult {
  Distribution?: Distribution;
  ETag?: string_;
}

export interface GetDistributionTenantByDomainRequest {
  Domain: string_;
}

export interface GetDistributionTenantByDomainResult {
  DistributionTenant?: DistributionTenant;
  ETag?: string_;
}

export interface GetDistributionTenantRequest {
  Identifier: string_;
}

export interface GetDistributionTenantResult {
  DistributionTenant?: DistributionTenant;
  ETag?: string_;
}

export interface GetFieldLevelEncryptionConfigRequest {
  Id: string_;
}

export interface GetFieldLevelEncryptionConfigResult {
  ETag?: string_;
  FieldLevelEncryptionConfig?: FieldLevelEncryptionConfig;
}

export interface GetFieldLevelEncryptionProfileConfigRequest {
  Id: string_;
}

export interface GetFieldLevelEncryptionProfileConfigResult {
  ETag?: string_;
  FieldLevelEncryptionProfileConfig?: FieldLevelEncryptionProfileConfig;
}

export interface GetFieldLevelEncryptionProfileRequest {
  Id: string_;
}

export interface GetFieldLevelEncryptionProfileResult {
  ETag?: string_;
  FieldLevelEncryptionProfile?: FieldLevelEncryptionProfile;
}

export interface GetFieldLevelEncryptionRequest {
  Id: string_;
}

export interface GetFieldLevelEncryptionResult {
  ETag?: string_;
  FieldLevelEncryption?: FieldLevelEncryption;
}

export interface GetFunctionRequest {
  Name: FunctionName;
  Stage?: FunctionStage;
}

export interface GetFunctionResult {
  ContentType?: string_;
  ETag?: string_;
  FunctionCode?: FunctionBlob;
}

export interface GetInvalidationForDistributionTenantRequest {
  DistributionTenantId: string_;
  Id: string_;
}

export interface GetInvalidationForDistributionTenantResult {
  Invalidation?: Invalidation;
}

export interface GetInvalidationRequest {
  DistributionId: string_;
  Id: string_;
}

export interface GetInvalidationResult {
  Invalidation?: Invalidation;
}

export interface GetKeyGroupConfigRequest {
  Id: string_;
}

export interface GetKeyGroupConfigResult {
  ETag?: string_;
  KeyGroupConfig?: KeyGroupConfig;
}

export interface GetKeyGroupRequest {
  Id: string_;
}

export interface GetKeyGroupResult {
  ETag?: string_;
  KeyGroup?: KeyGroup;
}

export interface GetManagedCertificateDetailsRequest {
  Identifier: string_;
}

export interface GetManagedCertificateDetailsResult {
  ManagedCertificateDetails?: ManagedCertificateDetails;
}

export interface GetMonitoringSubscriptionRequest {
  DistributionId: string_;
}

export interface GetMonitoringSubscriptionResult {
  MonitoringSubscription?: MonitoringSubscription;
}

export interface GetOriginAccessControlConfigRequest {
  Id: string_;
}

export interface GetOriginAccessControlConfigResult {
  ETag?: string_;
  OriginAccessControlConfig?: OriginAccessControlConfig;
}

export interface GetOriginAccessControlRequest {
  Id: string_;
}

export interface GetOriginAccessControlResult {
  ETag?: string_;
  OriginAccessControl?: OriginAccessControl;
}

export interface GetOriginRequestPolicyConfigRequest {
  Id: string_;
}

export interface GetOriginRequestPolicyConfigResult {
  ETag?: string_;
  OriginRequestPolicyConfig?: OriginRequestPolicyConfig;
}

export interface GetOriginRequestPolicyRequest {
  Id: string_;
}

export interface GetOriginRequestPolicyResult {
  ETag?: string_;
  OriginRequestPolicy?: OriginRequestPolicy;
}

export interface GetPublicKeyConfigRequest {
  Id: string_;
}

export interface GetPublicKeyConfigResult {
  ETag?: string_;
  PublicKeyConfig?: PublicKeyConfig;
}

export interface GetPublicKeyRequest {
  Id: string_;
}

export interface GetPublicKeyResult {
  ETag?: string_;
  PublicKey?: PublicKey;
}

export interface GetRealtimeLogConfigRequest {
  ARN?: string_;
  Name?: string_;
}

export interface GetRealtimeLogConfigResult {
  RealtimeLogConfig?: RealtimeLogConfig;
}

export interface GetResourcePolicyRequest {
  ResourceArn: string_;
}

export interface GetResourcePolicyResult {
  PolicyDocument?: string_;
  ResourceArn?: string_;
}

export interface GetResponseHeadersPolicyConfigRequest {
  Id: string_;
}

export interface GetResponseHeadersPolicyConfigResult {
  ETag?: string_;
  ResponseHeadersPolicyConfig?: ResponseHeadersPolicyConfig;
}

export interface GetResponseHeadersPolicyRequest {
  Id: string_;
}

export interface GetResponseHeadersPolicyResult {
  ETag?: string_;
  ResponseHeadersPolicy?: ResponseHeadersPolicy;
}

export interface GetStreamingDistributionConfigRequest {
  Id: string_;
}

export interface GetStreamingDistributionConfigResult {
  ETag?: string_;
  StreamingDistributionConfig?: StreamingDistributionConfig;
}

export interface GetStreamingDistributionRequest {
  Id: string_;
}

export interface GetStreamingDistributionResult {
  ETag?: string_;
  StreamingDistribution?: StreamingDistribution;
}

export interface GetTrustStoreRequest {
  Identifier: string_;
}

export interface GetTrustStoreResult {
  ETag?: string_;
  TrustStore?: TrustStore;
}

export interface GetVpcOriginRequest {
  Id: string_;
}

export interface GetVpcOriginResult {
  ETag?: string_;
  VpcOrigin?: VpcOrigin;
}

export interface GrpcConfig {
  Enabled: boolean_;
}

export type HeaderList = string_[];

export interface Headers_ {
  Items?: HeaderList;
  Quantity: integer;
}

export type HttpVersion = 'http1.1' | 'http2' | 'http3' | 'http2and3';

export type ICPRecordalStatus = 'APPROVED' | 'SUSPENDED' | 'PENDING';

export interface ImportSource {
  SourceARN: string_;
  SourceType: ImportSourceType;
}

export type ImportSourceType = 'S3';

export interface Invalidation {
  CreateTime: timestamp;
  Id: string_;
  InvalidationBatch: InvalidationBatch;
  Status: string_;
}

export interface InvalidationBatch {
  CallerReference: string_;
  Paths: Paths;
}

export interface InvalidationList {
  IsTruncated: boolean_;
  Items?: InvalidationSummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface InvalidationSummary {
  CreateTime: timestamp;
  Id: string_;
  Status: string_;
}

export type InvalidationSummaryList = InvalidationSummary[];

export type IpAddressType = 'ipv4' | 'ipv6' | 'dualstack';

export interface IpamCidrConfig {
  AnycastIp?: string_;
  Cidr: string_;
  IpamPoolArn: string_;
  Status?: IpamCidrStatus;
}

export type IpamCidrConfigList = IpamCidrConfig[];

export type IpamCidrStatus = 'provisioned' | 'failed-provision' | 'provisioning' | 'deprovisioned' | 'failed-deprovision' | 'deprovisioning' | 'advertised' | 'failed-advertise' | 'advertising' | 'withdrawn' | 'failed-withdraw' | 'withdrawing';

export interface IpamConfig {
  IpamCidrConfigs: IpamCidrConfigList;
  Quantity: integer;
}

export type ItemSelection = 'none' | 'whitelist' | 'all';

export interface KGKeyPairIds {
  KeyGroupId?: string_;
  KeyPairIds?: KeyPairIds;
}

export type KGKeyPairIdsList = KGKeyPairIds[];

export interface KeyGroup {
  Id: string_;
  KeyGroupConfig: KeyGroupConfig;
  LastModifiedTime: timestamp;
}

export interface KeyGroupConfig {
  Comment?: string_;
  Items: PublicKeyIdList;
  Name: string_;
}

export interface KeyGroupList {
  Items?: KeyGroupSummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface KeyGroupSummary {
  KeyGroup: KeyGroup;
}

export type KeyGroupSummaryList = KeyGroupSummary[];

export type KeyPairIdList = string_[];

export interface KeyPairIds {
  Items?: KeyPairIdList;
  Quantity: integer;
}

export interface KeyValueStore {
  ARN: string_;
  Comment: string_;
  Id: string_;
  LastModifiedTime: timestamp;
  Name: string_;
  Status?: string_;
}

export type KeyValueStoreARN = string;

export interface KeyValueStoreAssociation {
  KeyValueStoreARN: KeyValueStoreARN;
}

export type KeyValueStoreAssociationList = KeyValueStoreAssociation[];

export interface KeyValueStoreAssociations {
  Items?: KeyValueStoreAssociationList;
  Quantity: integer;
}

export type KeyValueStoreComment = string;

export interface KeyValueStoreList {
  Items?: KeyValueStoreSummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type KeyValueStoreName = string;

export type KeyValueStoreSummaryList = KeyValueStore[];

export interface KinesisStreamConfig {
  RoleARN: string_;
  StreamARN: string_;
}

export type LambdaFunctionARN = string;

export interface LambdaFunctionAssociation {
  EventType: EventType;
  IncludeBody?: boolean_;
  LambdaFunctionARN: LambdaFunctionARN;
}

export type LambdaFunctionAssociationList = LambdaFunctionAssociation[];

export interface LambdaFunctionAssociations {
  Items?: LambdaFunctionAssociationList;
  Quantity: integer;
}

export interface ListAnycastIpListsRequest {
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListAnycastIpListsResult {
  AnycastIpLists?: AnycastIpListCollection;
}

export interface ListCachePoliciesRequest {
  Marker?: string_;
  MaxItems?: string_;
  Type?: CachePolicyType;
}

export interface ListCachePoliciesResult {
  CachePolicyList?: CachePolicyList;
}

export interface ListCloudFrontOriginAccessIdentitiesRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListCloudFrontOriginAccessIdentitiesResult {
  CloudFrontOriginAccessIdentityList?: CloudFrontOriginAccessIdentityList;
}

export interface ListConflictingAliasesRequest {
  Alias: aliasString;
  DistributionId: distributionIdString;
  Marker?: string_;
  MaxItems?: listConflictingAliasesMaxItemsInteger;
}

export interface ListConflictingAliasesResult {
  ConflictingAliasesList?: ConflictingAliasesList;
}

export interface ListConnectionFunctionsRequest {
  Marker?: string_;
  MaxItems?: integer;
  Stage?: FunctionStage;
}

export interface ListConnectionFunctionsResult {
  ConnectionFunctions?: ConnectionFunctionSummaryList;
  NextMarker?: string_;
}

export interface ListConnectionGroupsRequest {
  AssociationFilter?: ConnectionGroupAssociationFilter;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListConnectionGroupsResult {
  ConnectionGroups?: ConnectionGroupSummaryList;
  NextMarker?: string_;
}

export interface ListContinuousDeploymentPoliciesRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListContinuousDeploymentPoliciesResult {
  ContinuousDeploymentPolicyList?: ContinuousDeploymentPolicyList;
}

export interface ListDistributionTenantsByCustomizationRequest {
  CertificateArn?: string_;
  Marker?: string_;
  MaxItems?: integer;
  WebACLArn?: string_;
}

export interface ListDistributionTenantsByCustomizationResult {
  DistributionTenantList?: DistributionTenantList;
  NextMarker?: string_;
}

export interface ListDistributionTenantsRequest {
  AssociationFilter?: DistributionTenantAssociationFilter;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListDistributionTenantsResult {
  DistributionTenantList?: DistributionTenantList;
  NextMarker?: string_;
}

export interface ListDistributionsByAnycastIpListIdRequest {
  AnycastIpListId: string_;
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListDistributionsByAnycastIpListIdResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsByCachePolicyIdRequest {
  CachePolicyId: string_;
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListDistributionsByCachePolicyIdResult {
  DistributionIdList?: DistributionIdList;
}

export interface ListDistributionsByConnectionFunctionRequest {
  ConnectionFunctionIdentifier: string_;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListDistributionsByConnectionFunctionResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsByConnectionModeRequest {
  ConnectionMode: ConnectionMode;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListDistributionsByConnectionModeResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsByKeyGroupRequest {
  KeyGroupId: string_;
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListDistributionsByKeyGroupResult {
  DistributionIdList?: DistributionIdList;
}

export interface ListDistributionsByOriginRequestPolicyIdRequest {
  Marker?: string_;
  MaxItems?: string_;
  OriginRequestPolicyId: string_;
}

export interface ListDistributionsByOriginRequestPolicyIdResult {
  DistributionIdList?: DistributionIdList;
}

export interface ListDistributionsByOwnedResourceRequest {
  Marker?: string_;
  MaxItems?: string_;
  ResourceArn: string_;
}

export interface ListDistributionsByOwnedResourceResult {
  DistributionList?: DistributionIdOwnerList;
}

export interface ListDistributionsByRealtimeLogConfigRequest {
  Marker?: string_;
  MaxItems?: string_;
  RealtimeLogConfigArn?: string_;
  RealtimeLogConfigName?: string_;
}

export interface ListDistributionsByRealtimeLogConfigResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsByResponseHeadersPolicyIdRequest {
  Marker?: string_;
  MaxItems?: string_;
  ResponseHeadersPolicyId: string_;
}

export interface ListDistributionsByResponseHeadersPolicyIdResult {
  DistributionIdList?: DistributionIdList;
}

export interface ListDistributionsByTrustStoreRequest {
  Marker?: string_;
  MaxItems?: string_;
  TrustStoreIdentifier: string_;
}

export interface ListDistributionsByTrustStoreResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsByVpcOriginIdRequest {
  Marker?: string_;
  MaxItems?: string_;
  VpcOriginId: string_;
}

export interface ListDistributionsByVpcOriginIdResult {
  DistributionIdList?: DistributionIdList;
}

export interface ListDistributionsByWebACLIdRequest {
  Marker?: string_;
  MaxItems?: string_;
  WebACLId: string_;
}

export interface ListDistributionsByWebACLIdResult {
  DistributionList?: DistributionList;
}

export interface ListDistributionsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListDistributionsResult {
  DistributionList?: DistributionList;
}

export interface ListDomainConflictsRequest {
  Domain: string_;
  DomainControlValidationResource: DistributionResourceId;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListDomainConflictsResult {
  DomainConflicts?: DomainConflictsList;
  NextMarker?: string_;
}

export interface ListFieldLevelEncryptionConfigsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListFieldLevelEncryptionConfigsResult {
  FieldLevelEncryptionList?: FieldLevelEncryptionList;
}

export interface ListFieldLevelEncryptionProfilesRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListFieldLevelEncryptionProfilesResult {
  FieldLevelEncryptionProfileList?: FieldLevelEncryptionProfileList;
}

export interface ListFunctionsRequest {
  Marker?: string_;
  MaxItems?: string_;
  Stage?: FunctionStage;
}

export interface ListFunctionsResult {
  FunctionList?: FunctionList;
}

export interface ListInvalidationsForDistributionTenantRequest {
  Id: string_;
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListInvalidationsForDistributionTenantResult {
  InvalidationList?: InvalidationList;
}

export interface ListInvalidationsRequest {
  DistributionId: string_;
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListInvalidationsResult {
  InvalidationList?: InvalidationList;
}

export interface ListKeyGroupsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListKeyGroupsResult {
  KeyGroupList?: KeyGroupList;
}

export interface ListKeyValueStoresRequest {
  Marker?: string_;
  MaxItems?: string_;
  Status?: string_;
}

export interface ListKeyValueStoresResult {
  KeyValueStoreList?: KeyValueStoreList;
}

export interface ListOriginAccessControlsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListOriginAccessControlsResult {
  OriginAccessControlList?: OriginAccessControlList;
}

export interface ListOriginRequestPoliciesRequest {
  Marker?: string_;
  MaxItems?: string_;
  Type?: OriginRequestPolicyType;
}

export interface ListOriginRequestPoliciesResult {
  OriginRequestPolicyList?: OriginRequestPolicyList;
}

export interface ListPublicKeysRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListPublicKeysResult {
  PublicKeyList?: PublicKeyList;
}

export interface ListRealtimeLogConfigsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListRealtimeLogConfigsResult {
  RealtimeLogConfigs?: RealtimeLogConfigs;
}

export interface ListResponseHeadersPoliciesRequest {
  Marker?: string_;
  MaxItems?: string_;
  Type?: ResponseHeadersPolicyType;
}

export interface ListResponseHeadersPoliciesResult {
  ResponseHeadersPolicyList?: ResponseHeadersPolicyList;
}

export interface ListStreamingDistributionsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListStreamingDistributionsResult {
  StreamingDistributionList?: StreamingDistributionList;
}

export interface ListTagsForResourceRequest {
  Resource: ResourceARN;
}

export interface ListTagsForResourceResult {
  Tags: Tags;
}

export interface ListTrustStoresRequest {
  Marker?: string_;
  MaxItems?: integer;
}

export interface ListTrustStoresResult {
  NextMarker?: string_;
  TrustStoreList?: TrustStoreList;
}

export interface ListVpcOriginsRequest {
  Marker?: string_;
  MaxItems?: string_;
}

export interface ListVpcOriginsResult {
  VpcOriginList?: VpcOriginList;
}

export type LocationList = string_[];

export interface LoggingConfig {
  Bucket?: string_;
  Enabled?: boolean_;
  IncludeCookies?: boolean_;
  Prefix?: string_;
}

export interface ManagedCertificateDetails {
  CertificateArn?: string_;
  CertificateStatus?: ManagedCertificateStatus;
  ValidationTokenDetails?: ValidationTokenDetailList;
  ValidationTokenHost?: ValidationTokenHost;
}

export interface ManagedCertificateRequest {
  CertificateTransparencyLoggingPreference?: CertificateTransparencyLoggingPreference;
  PrimaryDomainName?: string_;
  ValidationTokenHost: ValidationTokenHost;
}

export type ManagedCertificateStatus = 'pending-validation' | 'issued' | 'inactive' | 'expired' | 'validation-timed-out' | 'revoked' | 'failed';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'OPTIONS' | 'DELETE';

export type MethodsList = Method[];

export type MinimumProtocolVersion = 'SSLv3' | 'TLSv1' | 'TLSv1_2016' | 'TLSv1.1_2016' | 'TLSv1.2_2018' | 'TLSv1.2_2019' | 'TLSv1.2_2021' | 'TLSv1.3_2025' | 'TLSv1.2_2025';

export interface MonitoringSubscription {
  RealtimeMetricsSubscriptionConfig?: RealtimeMetricsSubscriptionConfig;
}

export interface Origin {
  ConnectionAttempts?: integer;
  ConnectionTimeout?: integer;
  CustomHeaders?: CustomHeaders;
  CustomOriginConfig?: CustomOriginConfig;
  DomainName: string_;
  Id: string_;
  OriginAccessControlId?: string_;
  OriginPath?: string_;
  OriginShield?: OriginShield;
  ResponseCompletionTimeout?: integer;
  S3OriginConfig?: S3OriginConfig;
  VpcOriginConfig?: VpcOriginConfig;
}

export interface OriginAccessControl {
  Id: string_;
  OriginAccessControlConfig?: OriginAccessControlConfig;
}

export interface OriginAccessControlConfig {
  Description?: string_;
  Name: string_;
  OriginAccessControlOriginType: OriginAccessControlOriginTypes;
  SigningBehavior: OriginAccessControlSigningBehaviors;
  SigningProtocol: OriginAccessControlSigningProtocols;
}

export interface OriginAccessControlList {
  IsTruncated: boolean_;
  Items?: OriginAccessControlSummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type OriginAccessControlOriginTypes = 's3' | 'mediastore' | 'mediapackagev2' | 'lambda';

export type OriginAccessControlSigningBehaviors = 'never' | 'always' | 'no-override';

export type OriginAccessControlSigningProtocols = 'sigv4';

export interface OriginAccessControlSummary {
  Description: string_;
  Id: string_;
  Name: string_;
  OriginAccessControlOriginType: OriginAccessControlOriginTypes;
  SigningBehavior: OriginAccessControlSigningBehaviors;
  SigningProtocol: OriginAccessControlSigningProtocols;
}

export type OriginAccessControlSummaryList = OriginAccessControlSummary[];

export interface OriginCustomHeader {
  HeaderName: string_;
  HeaderValue: sensitiveStringType;
}

export type OriginCustomHeadersList = OriginCustomHeader[];

export interface OriginGroup {
  FailoverCriteria: OriginGroupFailoverCriteria;
  Id: string_;
  Members: OriginGroupMembers;
  SelectionCriteria?: OriginGroupSelectionCriteria;
}

export interface OriginGroupFailoverCriteria {
  StatusCodes: StatusCodes;
}

export type OriginGroupList = OriginGroup[];

export interface OriginGroupMember {
  OriginId: string_;
}

export type OriginGroupMemberList = OriginGroupMember[];

export interface OriginGroupMembers {
  Items: OriginGroupMemberList;
  Quantity: integer;
}

export type OriginGroupSelectionCriteria = 'default' | 'media-quality-based';

export interface OriginGroups {
  Items?: OriginGroupList;
  Quantity: integer;
}

export type OriginList = Origin[];

export interface OriginMtlsConfig {
  ClientCertificateArn: string_;
}

export type OriginProtocolPolicy = 'http-only' | 'match-viewer' | 'https-only';

export interface OriginRequestPolicy {
  Id: string_;
  LastModifiedTime: timestamp;
  OriginRequestPolicyConfig: OriginRequestPolicyConfig;
}

export interface OriginRequestPolicyConfig {
  Comment?: string_;
  CookiesConfig: OriginRequestPolicyCookiesConfig;
  HeadersConfig: OriginRequestPolicyHeadersConfig;
  Name: string_;
  QueryStringsConfig: OriginRequestPolicyQueryStringsConfig;
}

export type OriginRequestPolicyCookieBehavior = 'none' | 'whitelist' | 'all' | 'allExcept';

export interface OriginRequestPolicyCookiesConfig {
  CookieBehavior: OriginRequestPolicyCookieBehavior;
  Cookies?: CookieNames;
}

export type OriginRequestPolicyHeaderBehavior = 'none' | 'whitelist' | 'allViewer' | 'allViewerAndWhitelistCloudFront' | 'allExcept';

export interface OriginRequestPolicyHeadersConfig {
  HeaderBehavior: OriginRequestPolicyHeaderBehavior;
  Headers?: Headers_;
}

export interface OriginRequestPolicyList {
  Items?: OriginRequestPolicySummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export type OriginRequestPolicyQueryStringBehavior = 'none' | 'whitelist' | 'all' | 'allExcept';

export interface OriginRequestPolicyQueryStringsConfig {
  QueryStringBehavior: OriginRequestPolicyQueryStringBehavior;
  QueryStrings?: QueryStringNames;
}

export interface OriginRequestPolicySummary {
  OriginRequestPolicy: OriginRequestPolicy;
  Type: OriginRequestPolicyType;
}

export type OriginRequestPolicySummaryList = OriginRequestPolicySummary[];

export type OriginRequestPolicyType = 'managed' | 'custom';

export interface OriginShield {
  Enabled: boolean_;
  OriginShieldRegion?: OriginShieldRegion;
}

export type OriginShieldRegion = string;

export interface OriginSslProtocols {
  Items: SslProtocolsList;
  Quantity: integer;
}

export interface Origins {
  Items: OriginList;
  Quantity: integer;
}

export interface Parameter {
  Name: ParameterName;
  Value: ParameterValue;
}

export interface ParameterDefinition {
  Definition: ParameterDefinitionSchema;
  Name: ParameterName;
}

export interface ParameterDefinitionSchema {
  StringSchema?: StringSchemaConfig;
}

export type ParameterDefinitions = ParameterDefinition[];

export type ParameterName = string;

export type ParameterValue = string;

export type Parameters_ = Parameter[];

export interface ParametersInCacheKeyAndForwardedToOrigin {
  CookiesConfig: CachePolicyCookiesConfig;
  EnableAcceptEncodingBrotli?: boolean_;
  EnableAcceptEncodingGzip: boolean_;
  HeadersConfig: CachePolicyHeadersConfig;
  QueryStringsConfig: CachePolicyQueryStringsConfig;
}

export type PathList = string_[];

export interface Paths {
  Items?: PathList;
  Quantity: integer;
}

export type PriceClass = 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All' | 'None';

export interface PublicKey {
  CreatedTime: timestamp;
  Id: string_;
  PublicKeyConfig: PublicKeyConfig;
}

export interface PublicKeyConfig {
  CallerReference: string_;
  Comment?: string_;
  EncodedKey: string_;
  Name: string_;
}

export type PublicKeyIdList = string_[];

export interface PublicKeyList {
  Items?: PublicKeySummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface PublicKeySummary {
  Comment?: string_;
  CreatedTime: timestamp;
  EncodedKey: string_;
  Id: string_;
  Name: string_;
}

export type PublicKeySummaryList = PublicKeySummary[];

export interface PublishConnectionFunctionRequest {
  Id: ResourceId;
  IfMatch: string_;
}

export interface PublishConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary;
}

export interface PublishFunctionRequest {
  IfMatch: string_;
  Name: FunctionName;
}

export interface PublishFunctionResult {
  FunctionSummary?: FunctionSummary;
}

export interface PutResourcePolicyRequest {
  PolicyDocument: string_;
  ResourceArn: string_;
}

export interface PutResourcePolicyResult {
  ResourceArn?: string_;
}

export interface QueryArgProfile {
  ProfileId: string_;
  QueryArg: string_;
}

export interface QueryArgProfileConfig {
  ForwardWhenQueryArgProfileIsUnknown: boolean_;
  QueryArgProfiles?: QueryArgProfiles;
}

export type QueryArgProfileList = QueryArgProfile[];

export interface QueryArgProfiles {
  Items?: QueryArgProfileList;
  Quantity: integer;
}

export interface QueryStringCacheKeys {
  Items?: QueryStringCacheKeysList;
  Quantity: integer;
}

export type QueryStringCacheKeysList = string_[];

export interface QueryStringNames {
  Items?: QueryStringNamesList;
  Quantity: integer;
}

export type QueryStringNamesList = string_[];

export interface RealtimeLogConfig {
  ARN: string_;
  EndPoints: EndPointList;
  Fields: FieldList;
  Name: string_;
  SamplingRate: long;
}

export type RealtimeLogConfigList = RealtimeLogConfig[];

export interface RealtimeLogConfigs {
  IsTruncated: boolean_;
  Items?: RealtimeLogConfigList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
}

export interface RealtimeMetricsSubscriptionConfig {
  RealtimeMetricsSubscriptionStatus: RealtimeMetricsSubscriptionStatus;
}

export type RealtimeMetricsSubscriptionStatus = 'Enabled' | 'Disabled';

export type ReferrerPolicyList = 'no-referrer' | 'no-referrer-when-downgrade' | 'origin' | 'origin-when-cross-origin' | 'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin' | 'unsafe-url';

export type ResourceARN = string;

export type ResourceId = string;

export interface ResponseHeadersPolicy {
  Id: string_;
  LastModifiedTime: timestamp;
  ResponseHeadersPolicyConfig: ResponseHeadersPolicyConfig;
}

export interface ResponseHeadersPolicyAccessControlAllowHeaders {
  Items: AccessControlAllowHeadersList;
  Quantity: integer;
}

export interface ResponseHeadersPolicyAccessControlAllowMethods {
  Items: AccessControlAllowMethodsList;
  Quantity: integer;
}

export type ResponseHeadersPolicyAccessControlAllowMethodsValues = 'GET' | 'POST' | 'OPTIONS' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'ALL';

export interface ResponseHeadersPolicyAccessControlAllowOrigins {
  Items: AccessControlAllowOriginsList;
  Quantity: integer;
}

export interface ResponseHeadersPolicyAccessControlExposeHeaders {
  Items?: AccessControlExposeHeadersList;
  Quantity: integer;
}

export interface ResponseHeadersPolicyConfig {
  Comment?: string_;
  CorsConfig?: ResponseHeadersPolicyCorsConfig;
  CustomHeadersConfig?: ResponseHeadersPolicyCustomHeadersConfig;
  Name: string_;
  RemoveHeadersConfig?: ResponseHeadersPolicyRemoveHeadersConfig;
  SecurityHeadersConfig?: ResponseHeadersPolicySecurityHeadersConfig;
  ServerTimingHeadersConfig?: ResponseHeadersPolicyServerTimingHeadersConfig;
}

export interface ResponseHeadersPolicyContentSecurityPolicy {
  ContentSecurityPolicy: string_;
  Override: boolean_;
}

export interface ResponseHeadersPolicyContentTypeOptions {
  Override: boolean_;
}

export interface ResponseHeadersPolicyCorsConfig {
  AccessControlAllowCredentials: boolean_;
  AccessControlAllowHeaders: ResponseHeadersPolicyAccessControlAllowHeaders;
  AccessControlAllowMethods: ResponseHeadersPolicyAccessControlAllowMethods;
  AccessControlAllowOrigins: ResponseHeadersPolicyAccessControlAllowOrigins;
  AccessControlExposeHeaders?: ResponseHeadersPolicyAccessControlExposeHeaders;
  AccessControlMaxAgeSec?: integer;
  OriginOverride: boolean_;
}

export interface ResponseHeadersPolicyCustomHeader {
  Header: string_;
  Override: boolean_;
  Value: string_;
}

export type ResponseHeadersPolicyCustomHeaderList = ResponseHeadersPolicyCustomHeader[];

export interface ResponseHeadersPolicyCustomHeadersConfig {
  Items?: ResponseHeadersPolicyCustomHeaderList;
  Quantity: integer;
}

export interface ResponseHeadersPolicyFrameOptions {
  FrameOption: FrameOptionsList;
  Override: boolean_;
}

export interface ResponseHeadersPolicyList {
  Items?: ResponseHeadersPolicySummaryList;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface ResponseHeadersPolicyReferrerPolicy {
  Override: boolean_;
  ReferrerPolicy: ReferrerPolicyList;
}

export interface ResponseHeadersPolicyRemoveHeader {
  Header: string_;
}

export type ResponseHeadersPolicyRemoveHeaderList = ResponseHeadersPolicyRemoveHeader[];

export interface ResponseHeadersPolicyRemoveHeadersConfig {
  Items?: ResponseHeadersPolicyRemoveHeaderList;
  Quantity: integer;
}

export interface ResponseHeadersPolicySecurityHeadersConfig {
  ContentSecurityPolicy?: ResponseHeadersPolicyContentSecurityPolicy;
  ContentTypeOptions?: ResponseHeadersPolicyContentTypeOptions;
  FrameOptions?: ResponseHeadersPolicyFrameOptions;
  ReferrerPolicy?: ResponseHeadersPolicyReferrerPolicy;
  StrictTransportSecurity?: ResponseHeadersPolicyStrictTransportSecurity;
  XSSProtection?: ResponseHeadersPolicyXSSProtection;
}

export interface ResponseHeadersPolicyServerTimingHeadersConfig {
  Enabled: boolean_;
  SamplingRate?: SamplingRate;
}

export interface ResponseHeadersPolicyStrictTransportSecurity {
  AccessControlMaxAgeSec: integer;
  IncludeSubdomains?: boolean_;
  Override: boolean_;
  Preload?: boolean_;
}

export interface ResponseHeadersPolicySummary {
  ResponseHeadersPolicy: ResponseHeadersPolicy;
  Type: ResponseHeadersPolicyType;
}

export type ResponseHeadersPolicySummaryList = ResponseHeadersPolicySummary[];

export type ResponseHeadersPolicyType = 'managed' | 'custom';

export interface ResponseHeadersPolicyXSSProtection {
  ModeBlock?: boolean_;
  Override: boolean_;
  Protection: boolean_;
  ReportUri?: string_;
}

export interface Restrictions {
  GeoRestriction: GeoRestriction;
}

export interface S3Origin {
  DomainName: string_;
  OriginAccessIdentity: string_;
}

export interface S3OriginConfig {
  OriginAccessIdentity: string_;
  OriginReadTimeout?: integer;
}

export type SSLSupportMethod = 'sni-only' | 'vip' | 'static-ip';

export type SamplingRate = number;

export type ServerCertificateId = string;

export interface SessionStickinessConfig {
  IdleTTL: integer;
  MaximumTTL: integer;
}

export interface Signer {
  AwsAccountNumber?: string_;
  KeyPairIds?: KeyPairIds;
}

export type SignerList = Signer[];

export type SslProtocol = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2';

export type SslProtocolsList = SslProtocol[];

export type StagingDistributionDnsNameList = string_[];

export interface StagingDistributionDnsNames {
  Items?: StagingDistributionDnsNameList;
  Quantity: integer;
}

export type StatusCodeList = integer[];

export interface StatusCodes {
  Items: StatusCodeList;
  Quantity: integer;
}

export interface StreamingDistribution {
  ARN: string_;
  ActiveTrustedSigners: ActiveTrustedSigners;
  DomainName: string_;
  Id: string_;
  LastModifiedTime?: timestamp;
  Status: string_;
  StreamingDistributionConfig: StreamingDistributionConfig;
}

export interface StreamingDistributionConfig {
  Aliases?: Aliases;
  CallerReference: string_;
  Comment: string_;
  Enabled: boolean_;
  Logging?: StreamingLoggingConfig;
  PriceClass?: PriceClass;
  S3Origin: S3Origin;
  TrustedSigners: TrustedSigners;
}

export interface StreamingDistributionConfigWithTags {
  StreamingDistributionConfig: StreamingDistributionConfig;
  Tags: Tags;
}

export interface StreamingDistributionList {
  IsTruncated: boolean_;
  Items?: StreamingDistributionSummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface StreamingDistributionSummary {
  ARN: string_;
  Aliases: Aliases;
  Comment: string_;
  DomainName: string_;
  Enabled: boolean_;
  Id: string_;
  LastModifiedTime: timestamp;
  PriceClass: PriceClass;
  S3Origin: S3Origin;
  Status: string_;
  TrustedSigners: TrustedSigners;
}

export type StreamingDistributionSummaryList = StreamingDistributionSummary[];

export interface StreamingLoggingConfig {
  Bucket: string_;
  Enabled: boolean_;
  Prefix: string_;
}

export interface StringSchemaConfig {
  Comment?: sensitiveStringType;
  DefaultValue?: ParameterValue;
  Required: boolean_;
}

export interface Tag {
  Key: TagKey;
  Value?: TagValue;
}

export type TagKey = string;

export type TagKeyList = TagKey[];

export interface TagKeys {
  Items?: TagKeyList;
}

export type TagList = Tag[];

export interface TagResourceRequest {
  Resource: ResourceARN;
  Tags: Tags;
}

export type TagValue = string;

export interface Tags {
  Items?: TagList;
}

export interface TenantConfig {
  ParameterDefinitions?: ParameterDefinitions;
}

export interface TestConnectionFunctionRequest {
  ConnectionObject: FunctionEventObject;
  Id: ResourceId;
  IfMatch: string_;
  Stage?: FunctionStage;
}

export interface TestConnectionFunctionResult {
  ConnectionFunctionTestResult?: ConnectionFunctionTestResult;
}

export interface TestFunctionRequest {
  EventObject: FunctionEventObject;
  IfMatch: string_;
  Name: FunctionName;
  Stage?: FunctionStage;
}

export interface TestFunctionResult {
  TestResult?: TestResult;
}

export interface TestResult {
  ComputeUtilization?: string_;
  FunctionErrorMessage?: sensitiveStringType;
  FunctionExecutionLogs?: FunctionExecutionLogList;
  FunctionOutput?: sensitiveStringType;
  FunctionSummary?: FunctionSummary;
}

export interface TrafficConfig {
  SingleHeaderConfig?: ContinuousDeploymentSingleHeaderConfig;
  SingleWeightConfig?: ContinuousDeploymentSingleWeightConfig;
  Type: ContinuousDeploymentPolicyType;
}

export interface TrustStore {
  Arn?: string_;
  Id?: string_;
  LastModifiedTime?: timestamp;
  Name?: string_;
  NumberOfCaCertificates?: integer;
  Reason?: string_;
  Status?: TrustStoreStatus;
  UseClientCertificateOCSPEndpoint?: boolean_;
}

export interface TrustStoreConfig {
  AdvertiseTrustStoreCaNames?: boolean_;
  IgnoreCertificateExpiry?: boolean_;
  TrustStoreId: string_;
}

export type TrustStoreList = TrustStoreSummary[];

export type TrustStoreStatus = 'pending' | 'active' | 'failed';

export interface TrustStoreSummary {
  Arn: string_;
  ETag: string_;
  Id: string_;
  LastModifiedTime: timestamp;
  Name: string_;
  NumberOfCaCertificates: integer;
  Reason?: string_;
  Status: TrustStoreStatus;
}

export type TrustedKeyGroupIdList = string_[];

export interface TrustedKeyGroups {
  Enabled: boolean_;
  Items?: TrustedKeyGroupIdList;
  Quantity: integer;
}

export interface TrustedSigners {
  Enabled: boolean_;
  Items?: AwsAccountNumberList;
  Quantity: integer;
}

export interface UntagResourceRequest {
  Resource: ResourceARN;
  TagKeys: TagKeys;
}

export interface UpdateAnycastIpListRequest {
  Id: string_;
  IfMatch: string_;
  IpAddressType?: IpAddressType;
  IpamCidrConfigs?: IpamCidrConfigList;
}

export interface UpdateAnycastIpListResult {
  AnycastIpList?: AnycastIpList;
  ETag?: string_;
}

export interface UpdateCachePolicyRequest {
  CachePolicyConfig: CachePolicyConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateCachePolicyResult {
  CachePolicy?: CachePolicy;
  ETag?: string_;
}

export interface UpdateCloudFrontOriginAccessIdentityRequest {
  CloudFrontOriginAccessIdentityConfig: CloudFrontOriginAccessIdentityConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateCloudFrontOriginAccessIdentityResult {
  CloudFrontOriginAccessIdentity?: CloudFrontOriginAccessIdentity;
  ETag?: string_;
}

export interface UpdateConnectionFunctionRequest {
  ConnectionFunctionCode: FunctionBlob;
  ConnectionFunctionConfig: FunctionConfig;
  Id: ResourceId;
  IfMatch: string_;
}

export interface UpdateConnectionFunctionResult {
  ConnectionFunctionSummary?: ConnectionFunctionSummary;
  ETag?: string_;
}

export interface UpdateConnectionGroupRequest {
  AnycastIpListId?: string_;
  Enabled?: boolean_;
  Id: string_;
  IfMatch: string_;
  Ipv6Enabled?: boolean_;
}

export interface UpdateConnectionGroupResult {
  ConnectionGroup?: ConnectionGroup;
  ETag?: string_;
}

export interface UpdateContinuousDeploymentPolicyRequest {
  ContinuousDeploymentPolicyConfig: ContinuousDeploymentPolicyConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateContinuousDeploymentPolicyResult {
  ContinuousDeploymentPolicy?: ContinuousDeploymentPolicy;
  ETag?: string_;
}

export interface UpdateDistributionRequest {
  DistributionConfig: DistributionConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateDistributionResult {
  Distribution?: Distribution;
  ETag?: string_;
}

export interface UpdateDistributionTenantRequest {
  ConnectionGroupId?: string_;
  Customizations?: Customizations;
  DistributionId?: string_;
  Domains?: DomainList;
  Enabled?: boolean_;
  Id: string_;
  IfMatch: string_;
  ManagedCertificateRequest?: ManagedCertificateRequest;
  Parameters?: Parameters_;
}

export interface UpdateDistributionTenantResult {
  DistributionTenant?: DistributionTenant;
  ETag?: string_;
}

export interface UpdateDistributionWithStagingConfigRequest {
  Id: string_;
  IfMatch?: string_;
  StagingDistributionId?: string_;
}

export interface UpdateDistributionWithStagingConfigResult {
  Distribution?: Distribution;
  ETag?: string_;
}

export interface UpdateDomainAssociationRequest {
  Domain: string_;
  IfMatch?: string_;
  TargetResource: DistributionResourceId;
}

export interface UpdateDomainAssociationResult {
  Domain?: string_;
  ETag?: string_;
  ResourceId?: string_;
}

export interface UpdateFieldLevelEncryptionConfigRequest {
  FieldLevelEncryptionConfig: FieldLevelEncryptionConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateFieldLevelEncryptionConfigResult {
  ETag?: string_;
  FieldLevelEncryption?: FieldLevelEncryption;
}

export interface UpdateFieldLevelEncryptionProfileRequest {
  FieldLevelEncryptionProfileConfig: FieldLevelEncryptionProfileConfig;
  Id: string_;
  IfMatch?: string_;
}

export interface UpdateFieldLevelEncryptionProfileResult {
  ETag?: string_;
  FieldLevelEncryptionProfile?: FieldLevelEncryptionProfile;
}

export interface UpdateFunctionRequest {
  FunctionCode: FunctionBlob;
  FunctionConfig: FunctionConfig;
  IfMatch: string_;
  Name: FunctionName;
}

export interface UpdateFunctionResult {
  ETag?: string_;
  FunctionSummary?: FunctionSummary;
}

export interface UpdateKeyGroupRequest {
  Id: string_;
  IfMatch?: string_;
  KeyGroupConfig: KeyGroupConfig;
}

export interface UpdateKeyGroupResult {
  ETag?: string_;
  KeyGroup?: KeyGroup;
}

export interface UpdateKeyValueStoreRequest {
  Comment: KeyValueStoreComment;
  IfMatch: string_;
  Name: KeyValueStoreName;
}

export interface UpdateKeyValueStoreResult {
  ETag?: string_;
  KeyValueStore?: KeyValueStore;
}

export interface UpdateOriginAccessControlRequest {
  Id: string_;
  IfMatch?: string_;
  OriginAccessControlConfig: OriginAccessControlConfig;
}

export interface UpdateOriginAccessControlResult {
  ETag?: string_;
  OriginAccessControl?: OriginAccessControl;
}

export interface UpdateOriginRequestPolicyRequest {
  Id: string_;
  IfMatch?: string_;
  OriginRequestPolicyConfig: OriginRequestPolicyConfig;
}

export interface UpdateOriginRequestPolicyResult {
  ETag?: string_;
  OriginRequestPolicy?: OriginRequestPolicy;
}

export interface UpdatePublicKeyRequest {
  Id: string_;
  IfMatch?: string_;
  PublicKeyConfig: PublicKeyConfig;
}

export interface UpdatePublicKeyResult {
  ETag?: string_;
  PublicKey?: PublicKey;
}

export interface UpdateRealtimeLogConfigRequest {
  ARN?: string_;
  EndPoints?: EndPointList;
  Fields?: FieldList;
  Name?: string_;
  SamplingRate?: long;
}

export interface UpdateRealtimeLogConfigResult {
  RealtimeLogConfig?: RealtimeLogConfig;
}

export interface UpdateResponseHeadersPolicyRequest {
  Id: string_;
  IfMatch?: string_;
  ResponseHeadersPolicyConfig: ResponseHeadersPolicyConfig;
}

export interface UpdateResponseHeadersPolicyResult {
  ETag?: string_;
  ResponseHeadersPolicy?: ResponseHeadersPolicy;
}

export interface UpdateStreamingDistributionRequest {
  Id: string_;
  IfMatch?: string_;
  StreamingDistributionConfig: StreamingDistributionConfig;
}

export interface UpdateStreamingDistributionResult {
  ETag?: string_;
  StreamingDistribution?: StreamingDistribution;
}

export interface UpdateTrustStoreRequest {
  CaCertificatesBundleSource?: CaCertificatesBundleSource;
  Id: ResourceId;
  IfMatch: string_;
  UseClientCertificateOCSPEndpoint?: boolean_;
}

export interface UpdateTrustStoreResult {
  ETag?: string_;
  TrustStore?: TrustStore;
}

export interface UpdateVpcOriginRequest {
  Id: string_;
  IfMatch: string_;
  VpcOriginEndpointConfig: VpcOriginEndpointConfig;
}

export interface UpdateVpcOriginResult {
  ETag?: string_;
  VpcOrigin?: VpcOrigin;
}

export interface ValidationTokenDetail {
  Domain: string_;
  RedirectFrom?: string_;
  RedirectTo?: string_;
}

export type ValidationTokenDetailList = ValidationTokenDetail[];

export type ValidationTokenHost = 'cloudfront' | 'self-hosted';

export interface VerifyDnsConfigurationRequest {
  Domain?: string_;
  Identifier: string_;
}

export interface VerifyDnsConfigurationResult {
  DnsConfigurationList?: DnsConfigurationList;
}

export interface ViewerCertificate {
  ACMCertificateArn?: string_;
  Certificate?: string_;
  CertificateSource?: CertificateSource;
  CloudFrontDefaultCertificate?: boolean_;
  IAMCertificateId?: ServerCertificateId;
  MinimumProtocolVersion?: MinimumProtocolVersion;
  SSLSupportMethod?: SSLSupportMethod;
}

export interface ViewerMtlsConfig {
  Mode?: ViewerMtlsMode;
  TrustStoreConfig?: TrustStoreConfig;
}

export type ViewerMtlsMode = 'required' | 'optional' | 'passthrough';

export type ViewerProtocolPolicy = 'allow-all' | 'https-only' | 'redirect-to-https';

export interface VpcOrigin {
  AccountId?: string_;
  Arn: string_;
  CreatedTime: timestamp;
  Id: string_;
  LastModifiedTime: timestamp;
  Status: string_;
  VpcOriginEndpointConfig: VpcOriginEndpointConfig;
}

export interface VpcOriginConfig {
  OriginKeepaliveTimeout?: integer;
  OriginReadTimeout?: integer;
  OwnerAccountId?: string_;
  VpcOriginId: string_;
}

export interface VpcOriginEndpointConfig {
  Arn: string_;
  HTTPPort: integer;
  HTTPSPort: integer;
  Name: string_;
  OriginProtocolPolicy: OriginProtocolPolicy;
  OriginSslProtocols?: OriginSslProtocols;
}

export interface VpcOriginList {
  IsTruncated: boolean_;
  Items?: VpcOriginSummaryList;
  Marker: string_;
  MaxItems: integer;
  NextMarker?: string_;
  Quantity: integer;
}

export interface VpcOriginSummary {
  AccountId?: string_;
  Arn: string_;
  CreatedTime: timestamp;
  Id: string_;
  LastModifiedTime: timestamp;
  Name: string_;
  OriginEndpointArn: string_;
  Status: string_;
}

export type VpcOriginSummaryList = VpcOriginSummary[];

export interface WebAclCustomization {
  Action: CustomizationActionType;
  Arn?: string_;
}

export type aliasString = string;

export type boolean_ = boolean;

export type distributionIdString = string;

export type float = number;

export type integer = number;

export type listConflictingAliasesMaxItemsInteger = number;

export type long = number;

export type sensitiveStringType = string;

export type string_ = string;

export type timestamp = Date;

// Operations

export interface CloudFrontApi {
  AssociateAlias(ctx: RequestContext, input: AssociateAliasRequest): Promise<void>;
  AssociateDistributionTenantWebACL(ctx: RequestContext, input: AssociateDistributionTenantWebACLRequest): Promise<AssociateDistributionTenantWebACLResult>;
  AssociateDistributionWebACL(ctx: RequestContext, input: AssociateDistributionWebACLRequest): Promise<AssociateDistributionWebACLResult>;
  CopyDistribution(ctx: RequestContext, input: CopyDistributionRequest): Promise<CopyDistributionResult>;
  CreateAnycastIpList(ctx: RequestContext, input: CreateAnycastIpListRequest): Promise<CreateAnycastIpListResult>;
  CreateCachePolicy(ctx: RequestContext, input: CreateCachePolicyRequest): Promise<CreateCachePolicyResult>;
  CreateCloudFrontOriginAccessIdentity(ctx: RequestContext, input: CreateCloudFrontOriginAccessIdentityRequest): Promise<CreateCloudFrontOriginAccessIdentityResult>;
  CreateConnectionFunction(ctx: RequestContext, input: CreateConnectionFunctionRequest): Promise<CreateConnectionFunctionResult>;
  CreateConnectionGroup(ctx: RequestContext, input: CreateConnectionGroupRequest): Promise<CreateConnectionGroupResult>;
  CreateContinuousDeploymentPolicy(ctx: RequestContext, input: CreateContinuousDeploymentPolicyRequest): Promise<CreateContinuousDeploymentPolicyResult>;
  CreateDistribution(ctx: RequestContext, input: CreateDistributionRequest): Promise<CreateDistributionResult>;
  CreateDistributionTenant(ctx: RequestContext, input: CreateDistributionTenantRequest): Promise<CreateDistributionTenantResult>;
  CreateDistributionWithTags(ctx: RequestContext, input: CreateDistributionWithTagsRequest): Promise<CreateDistributionWithTagsResult>;
  CreateFieldLevelEncryptionConfig(ctx: RequestContext, input: CreateFieldLevelEncryptionConfigRequest): Promise<CreateFieldLevelEncryptionConfigResult>;
  CreateFieldLevelEncryptionProfile(ctx: RequestContext, input: CreateFieldLevelEncryptionProfileRequest): Promise<CreateFieldLevelEncryptionProfileResult>;
  CreateFunction(ctx: RequestContext, input: CreateFunctionRequest): Promise<CreateFunctionResult>;
  CreateInvalidation(ctx: RequestContext, input: CreateInvalidationRequest): Promise<CreateInvalidationResult>;
  CreateInvalidationForDistributionTenant(ctx: RequestContext, input: CreateInvalidationForDistributionTenantRequest): Promise<CreateInvalidationForDistributionTenantResult>;
  CreateKeyGroup(ctx: RequestContext, input: CreateKeyGroupRequest): Promise<CreateKeyGroupResult>;
  CreateKeyValueStore(ctx: RequestContext, input: CreateKeyValueStoreRequest): Promise<CreateKeyValueStoreResult>;
  CreateMonitoringSubscription(ctx: RequestContext, input: CreateMonitoringSubscriptionRequest): Promise<CreateMonitoringSubscriptionResult>;
  CreateOriginAccessControl(ctx: RequestContext, input: CreateOriginAccessControlRequest): Promise<CreateOriginAccessControlResult>;
  CreateOriginRequestPolicy(ctx: RequestContext, input: CreateOriginRequestPolicyRequest): Promise<CreateOriginRequestPolicyResult>;
  CreatePublicKey(ctx: RequestContext, input: CreatePublicKeyRequest): Promise<CreatePublicKeyResult>;
  CreateRealtimeLogConfig(ctx: RequestContext, input: CreateRealtimeLogConfigRequest): Promise<CreateRealtimeLogConfigResult>;
  CreateResponseHeadersPolicy(ctx: RequestContext, input: CreateResponseHeadersPolicyRequest): Promise<CreateResponseHeadersPolicyResult>;
  CreateStreamingDistribution(ctx: RequestContext, input: CreateStreamingDistributionRequest): Promise<CreateStreamingDistributionResult>;
  CreateStreamingDistributionWithTags(ctx: RequestContext, input: CreateStreamingDistributionWithTagsRequest): Promise<CreateStreamingDistributionWithTagsResult>;
  CreateTrustStore(ctx: RequestContext, input: CreateTrustStoreRequest): Promise<CreateTrustStoreResult>;
  CreateVpcOrigin(ctx: RequestContext, input: CreateVpcOriginRequest): Promise<CreateVpcOriginResult>;
  DeleteAnycastIpList(ctx: RequestContext, input: DeleteAnycastIpListRequest): Promise<void>;
  DeleteCachePolicy(ctx: RequestContext, input: DeleteCachePolicyRequest): Promise<void>;
  DeleteCloudFrontOriginAccessIdentity(ctx: RequestContext, input: DeleteCloudFrontOriginAccessIdentityRequest): Promise<void>;
  DeleteConnectionFunction(ctx: RequestContext, input: DeleteConnectionFunctionRequest): Promise<void>;
  DeleteConnectionGroup(ctx: RequestContext, input: DeleteConnectionGroupRequest): Promise<void>;
  DeleteContinuousDeploymentPolicy(ctx: RequestContext, input: DeleteContinuousDeploymentPolicyRequest): Promise<void>;
  DeleteDistribution(ctx: RequestContext, input: DeleteDistributionRequest): Promise<void>;
  DeleteDistributionTenant(ctx: RequestContext, input: DeleteDistributionTenantRequest): Promise<void>;
  DeleteFieldLevelEncryptionConfig(ctx: RequestContext, input: DeleteFieldLevelEncryptionConfigRequest): Promise<void>;
  DeleteFieldLevelEncryptionProfile(ctx: RequestContext, input: DeleteFieldLevelEncryptionProfileRequest): Promise<void>;
  DeleteFunction(ctx: RequestContext, input: DeleteFunctionRequest): Promise<void>;
  DeleteKeyGroup(ctx: RequestContext, input: DeleteKeyGroupRequest): Promise<void>;
  DeleteKeyValueStore(ctx: RequestContext, input: DeleteKeyValueStoreRequest): Promise<void>;
  DeleteMonitoringSubscription(ctx: RequestContext, input: DeleteMonitoringSubscriptionRequest): Promise<DeleteMonitoringSubscriptionResult>;
  DeleteOriginAccessControl(ctx: RequestContext, input: DeleteOriginAccessControlRequest): Promise<void>;
  DeleteOriginRequestPolicy(ctx: RequestContext, input: DeleteOriginRequestPolicyRequest): Promise<void>;
  DeletePublicKey(ctx: RequestContext, input: DeletePublicKeyRequest): Promise<void>;
  DeleteRealtimeLogConfig(ctx: RequestContext, input: DeleteRealtimeLogConfigRequest): Promise<void>;
  DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyRequest): Promise<void>;
  DeleteResponseHeadersPolicy(ctx: RequestContext, input: DeleteResponseHeadersPolicyRequest): Promise<void>;
  DeleteStreamingDistribution(ctx: RequestContext, input: DeleteStreamingDistributionRequest): Promise<void>;
  DeleteTrustStore(ctx: RequestContext, input: DeleteTrustStoreRequest): Promise<void>;
  DeleteVpcOrigin(ctx: RequestContext, input: DeleteVpcOriginRequest): Promise<DeleteVpcOriginResult>;
  DescribeConnectionFunction(ctx: RequestContext, input: DescribeConnectionFunctionRequest): Promise<DescribeConnectionFunctionResult>;
  DescribeFunction(ctx: RequestContext, input: DescribeFunctionRequest): Promise<DescribeFunctionResult>;
  DescribeKeyValueStore(ctx: RequestContext, input: DescribeKeyValueStoreRequest): Promise<DescribeKeyValueStoreResult>;
  DisassociateDistributionTenantWebACL(ctx: RequestContext, input: DisassociateDistributionTenantWebACLRequest): Promise<DisassociateDistributionTenantWebACLResult>;
  DisassociateDistributionWebACL(ctx: RequestContext, input: DisassociateDistributionWebACLRequest): Promise<DisassociateDistributionWebACLResult>;
  GetAnycastIpList(ctx: RequestContext, input: GetAnycastIpListRequest): Promise<GetAnycastIpListResult>;
  GetCachePolicy(ctx: RequestContext, input: GetCachePolicyRequest): Promise<GetCachePolicyResult>;
  GetCachePolicyConfig(ctx: RequestContext, input: GetCachePolicyConfigRequest): Promise<GetCachePolicyConfigResult>;
  GetCloudFrontOriginAccessIdentity(ctx: RequestContext, input: GetCloudFrontOriginAccessIdentityRequest): Promise<GetCloudFrontOriginAccessIdentityResult>;
  GetCloudFrontOriginAccessIdentityConfig(ctx: RequestContext, input: GetCloudFrontOriginAccessIdentityConfigRequest): Promise<GetCloudFrontOriginAccessIdentityConfigResult>;
  GetConnectionFunction(ctx: RequestContext, input: GetConnectionFunctionRequest): Promise<GetConnectionFunctionResult>;
  GetConnectionGroup(ctx: RequestContext, input: GetConnectionGroupRequest): Promise<GetConnectionGroupResult>;
  GetConnectionGroupByRoutingEndpoint(ctx: RequestContext, input: GetConnectionGroupByRoutingEndpointRequest): Promise<GetConnectionGroupByRoutingEndpointResult>;
  GetContinuousDeploymentPolicy(ctx: RequestContext, input: GetContinuousDeploymentPolicyRequest): Promise<GetContinuousDeploymentPolicyResult>;
  GetContinuousDeploymentPolicyConfig(ctx: RequestContext, input: GetContinuousDeploymentPolicyConfigRequest): Promise<GetContinuousDeploymentPolicyConfigResult>;
  GetDistribution(ctx: RequestContext, input: GetDistributionRequest): Promise<GetDistributionResult>;
  GetDistributionConfig(ctx: RequestContext, input: GetDistributionConfigRequest): Promise<GetDistributionConfigResult>;
  GetDistributionTenant(ctx: RequestContext, input: GetDistributionTenantRequest): Promise<GetDistributionTenantResult>;
  GetDistributionTenantByDomain(ctx: RequestContext, input: GetDistributionTenantByDomainRequest): Promise<GetDistributionTenantByDomainResult>;
  GetFieldLevelEncryption(ctx: RequestContext, input: GetFieldLevelEncryptionRequest): Promise<GetFieldLevelEncryptionResult>;
  GetFieldLevelEncryptionConfig(ctx: RequestContext, input: GetFieldLevelEncryptionConfigRequest): Promise<GetFieldLevelEncryptionConfigResult>;
  GetFieldLevelEncryptionProfile(ctx: RequestContext, input: GetFieldLevelEncryptionProfileRequest): Promise<GetFieldLevelEncryptionProfileResult>;
  GetFieldLevelEncryptionProfileConfig(ctx: RequestContext, input: GetFieldLevelEncryptionProfileConfigRequest): Promise<GetFieldLevelEncryptionProfileConfigResult>;
  GetFunction(ctx: RequestContext, input: GetFunctionRequest): Promise<GetFunctionResult>;
  GetInvalidation(ctx: RequestContext, input: GetInvalidationRequest): Promise<GetInvalidationResult>;
  GetInvalidationForDistributionTenant(ctx: RequestContext, input: GetInvalidationForDistributionTenantRequest): Promise<GetInvalidationForDistributionTenantResult>;
  GetKeyGroup(ctx: RequestContext, input: GetKeyGroupRequest): Promise<GetKeyGroupResult>;
  GetKeyGroupConfig(ctx: RequestContext, input: GetKeyGroupConfigRequest): Promise<GetKeyGroupConfigResult>;
  GetManagedCertificateDetails(ctx: RequestContext, input: GetManagedCertificateDetailsRequest): Promise<GetManagedCertificateDetailsResult>;
  GetMonitoringSubscription(ctx: RequestContext, input: GetMonitoringSubscriptionRequest): Promise<GetMonitoringSubscriptionResult>;
  GetOriginAccessControl(ctx: RequestContext, input: GetOriginAccessControlRequest): Promise<GetOriginAccessControlResult>;
  GetOriginAccessControlConfig(ctx: RequestContext, input: GetOriginAccessControlConfigRequest): Promise<GetOriginAccessControlConfigResult>;
  GetOriginRequestPolicy(ctx: RequestContext, input: GetOriginRequestPolicyRequest): Promise<GetOriginRequestPolicyResult>;
  GetOriginRequestPolicyConfig(ctx: RequestContext, input: GetOriginRequestPolicyConfigRequest): Promise<GetOriginRequestPolicyConfigResult>;
  GetPublicKey(ctx: RequestContext, input: GetPublicKeyRequest): Promise<GetPublicKeyResult>;
  GetPublicKeyConfig(ctx: RequestContext, input: GetPublicKeyConfigRequest): Promise<GetPublicKeyConfigResult>;
  GetRealtimeLogConfig(ctx: RequestContext, input: GetRealtimeLogConfigRequest): Promise<GetRealtimeLogConfigResult>;
  GetResourcePolicy(ctx: RequestContext, input: GetResourcePolicyRequest): Promise<GetResourcePolicyResult>;
  GetResponseHeadersPolicy(ctx: RequestContext, input: GetResponseHeadersPolicyRequest): Promise<GetResponseHeadersPolicyResult>;
  GetResponseHeadersPolicyConfig(ctx: RequestContext, input: GetResponseHeadersPolicyConfigRequest): Promise<GetResponseHeadersPolicyConfigResult>;
  GetStreamingDistribution(ctx: RequestContext, input: GetStreamingDistributionRequest): Promise<GetStreamingDistributionResult>;
  GetStreamingDistributionConfig(ctx: RequestContext, input: GetStreamingDistributionConfigRequest): Promise<GetStreamingDistributionConfigResult>;
  GetTrustStore(ctx: RequestContext, input: GetTrustStoreRequest): Promise<GetTrustStoreResult>;
  GetVpcOrigin(ctx: RequestContext, input: GetVpcOriginRequest): Promise<GetVpcOriginResult>;
  ListAnycastIpLists(ctx: RequestContext, input: ListAnycastIpListsRequest): Promise<ListAnycastIpListsResult>;
  ListCachePolicies(ctx: RequestContext, input: ListCachePoliciesRequest): Promise<ListCachePoliciesResult>;
  ListCloudFrontOriginAccessIdentities(ctx: RequestContext, input: ListCloudFrontOriginAccessIdentitiesRequest): Promise<ListCloudFrontOriginAccessIdentitiesResult>;
  ListConflictingAliases(ctx: RequestContext, input: ListConflictingAliasesRequest): Promise<ListConflictingAliasesResult>;
  ListConnectionFunctions(ctx: RequestContext, input: ListConnectionFunctionsRequest): Promise<ListConnectionFunctionsResult>;
  ListConnectionGroups(ctx: RequestContext, input: ListConnectionGroupsRequest): Promise<ListConnectionGroupsResult>;
  ListContinuousDeploymentPolicies(ctx: RequestContext, input: ListContinuousDeploymentPoliciesRequest): Promise<ListContinuousDeploymentPoliciesResult>;
  ListDistributionTenants(ctx: RequestContext, input: ListDistributionTenantsRequest): Promise<ListDistributionTenantsResult>;
  ListDistributionTenantsByCustomization(ctx: RequestContext, input: ListDistributionTenantsByCustomizationRequest): Promise<ListDistributionTenantsByCustomizationResult>;
  ListDistributions(ctx: RequestContext, input: ListDistributionsRequest): Promise<ListDistributionsResult>;
  ListDistributionsByAnycastIpListId(ctx: RequestContext, input: ListDistributionsByAnycastIpListIdRequest): Promise<ListDistributionsByAnycastIpListIdResult>;
  ListDistributionsByCachePolicyId(ctx: RequestContext, input: ListDistributionsByCachePolicyIdRequest): Promise<ListDistributionsByCachePolicyIdResult>;
  ListDistributionsByConnectionFunction(ctx: RequestContext, input: ListDistributionsByConnectionFunctionRequest): Promise<ListDistributionsByConnectionFunctionResult>;
  ListDistributionsByConnectionMode(ctx: RequestContext, input: ListDistributionsByConnectionModeRequest): Promise<ListDistributionsByConnectionModeResult>;
  ListDistributionsByKeyGroup(ctx: RequestContext, input: ListDistributionsByKeyGroupRequest): Promise<ListDistributionsByKeyGroupResult>;
  ListDistributionsByOriginRequestPolicyId(ctx: RequestContext, input: ListDistributionsByOriginRequestPolicyIdRequest): Promise<ListDistributionsByOriginRequestPolicyIdResult>;
  ListDistributionsByOwnedResource(ctx: RequestContext, input: ListDistributionsByOwnedResourceRequest): Promise<ListDistributionsByOwnedResourceResult>;
  ListDistributionsByRealtimeLogConfig(ctx: RequestContext, input: ListDistributionsByRealtimeLogConfigRequest): Promise<ListDistributionsByRealtimeLogConfigResult>;
  ListDistributionsByResponseHeadersPolicyId(ctx: RequestContext, input: ListDistributionsByResponseHeadersPolicyIdRequest): Promise<ListDistributionsByResponseHeadersPolicyIdResult>;
  ListDistributionsByTrustStore(ctx: RequestContext, input: ListDistributionsByTrustStoreRequest): Promise<ListDistributionsByTrustStoreResult>;
  ListDistributionsByVpcOriginId(ctx: RequestContext, input: ListDistributionsByVpcOriginIdRequest): Promise<ListDistributionsByVpcOriginIdResult>;
  ListDistributionsByWebACLId(ctx: RequestContext, input: ListDistributionsByWebACLIdRequest): Promise<ListDistributionsByWebACLIdResult>;
  ListDomainConflicts(ctx: RequestContext, input: ListDomainConflictsRequest): Promise<ListDomainConflictsResult>;
  ListFieldLevelEncryptionConfigs(ctx: RequestContext, input: ListFieldLevelEncryptionConfigsRequest): Promise<ListFieldLevelEncryptionConfigsResult>;
  ListFieldLevelEncryptionProfiles(ctx: RequestContext, input: ListFieldLevelEncryptionProfilesRequest): Promise<ListFieldLevelEncryptionProfilesResult>;
  ListFunctions(ctx: RequestContext, input: ListFunctionsRequest): Promise<ListFunctionsResult>;
  ListInvalidations(ctx: RequestContext, input: ListInvalidationsRequest): Promise<ListInvalidationsResult>;
  ListInvalidationsForDistributionTenant(ctx: RequestContext, input: ListInvalidationsForDistributionTenantRequest): Promise<ListInvalidationsForDistributionTenantResult>;
  ListKeyGroups(ctx: RequestContext, input: ListKeyGroupsRequest): Promise<ListKeyGroupsResult>;
  ListKeyValueStores(ctx: RequestContext, input: ListKeyValueStoresRequest): Promise<ListKeyValueStoresResult>;
  ListOriginAccessControls(ctx: RequestContext, input: ListOriginAccessControlsRequest): Promise<ListOriginAccessControlsResult>;
  ListOriginRequestPolicies(ctx: RequestContext, input: ListOriginRequestPoliciesRequest): Promise<ListOriginRequestPoliciesResult>;
  ListPublicKeys(ctx: RequestContext, input: ListPublicKeysRequest): Promise<ListPublicKeysResult>;
  ListRealtimeLogConfigs(ctx: RequestContext, input: ListRealtimeLogConfigsRequest): Promise<ListRealtimeLogConfigsResult>;
  ListResponseHeadersPolicies(ctx: RequestContext, input: ListResponseHeadersPoliciesRequest): Promise<ListResponseHeadersPoliciesResult>;
  ListStreamingDistributions(ctx: RequestContext, input: ListStreamingDistributionsRequest): Promise<ListStreamingDistributionsResult>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResult>;
  ListTrustStores(ctx: RequestContext, input: ListTrustStoresRequest): Promise<ListTrustStoresResult>;
  ListVpcOrigins(ctx: RequestContext, input: ListVpcOriginsRequest): Promise<ListVpcOriginsResult>;
  PublishConnectionFunction(ctx: RequestContext, input: PublishConnectionFunctionRequest): Promise<PublishConnectionFunctionResult>;
  PublishFunction(ctx: RequestContext, input: PublishFunctionRequest): Promise<PublishFunctionResult>;
  PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyRequest): Promise<PutResourcePolicyResult>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void>;
  TestConnectionFunction(ctx: RequestContext, input: TestConnectionFunctionRequest): Promise<TestConnectionFunctionResult>;
  TestFunction(ctx: RequestContext, input: TestFunctionRequest): Promise<TestFunctionResult>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void>;
  UpdateAnycastIpList(ctx: RequestContext, input: UpdateAnycastIpListRequest): Promise<UpdateAnycastIpListResult>;
  UpdateCachePolicy(ctx: RequestContext, input: UpdateCachePolicyRequest): Promise<UpdateCachePolicyResult>;
  UpdateCloudFrontOriginAccessIdentity(ctx: RequestContext, input: UpdateCloudFrontOriginAccessIdentityRequest): Promise<UpdateCloudFrontOriginAccessIdentityResult>;
  UpdateConnectionFunction(ctx: RequestContext, input: UpdateConnectionFunctionRequest): Promise<UpdateConnectionFunctionResult>;
  UpdateConnectionGroup(ctx: RequestContext, input: UpdateConnectionGroupRequest): Promise<UpdateConnectionGroupResult>;
  UpdateContinuousDeploymentPolicy(ctx: RequestContext, input: UpdateContinuousDeploymentPolicyRequest): Promise<UpdateContinuousDeploymentPolicyResult>;
  UpdateDistribution(ctx: RequestContext, input: UpdateDistributionRequest): Promise<UpdateDistributionResult>;
  UpdateDistributionTenant(ctx: RequestContext, input: UpdateDistributionTenantRequest): Promise<UpdateDistributionTenantResult>;
  UpdateDistributionWithStagingConfig(ctx: RequestContext, input: UpdateDistributionWithStagingConfigRequest): Promise<UpdateDistributionWithStagingConfigResult>;
  UpdateDomainAssociation(ctx: RequestContext, input: UpdateDomainAssociationRequest): Promise<UpdateDomainAssociationResult>;
  UpdateFieldLevelEncryptionConfig(ctx: RequestContext, input: UpdateFieldLevelEncryptionConfigRequest): Promise<UpdateFieldLevelEncryptionConfigResult>;
  UpdateFieldLevelEncryptionProfile(ctx: RequestContext, input: UpdateFieldLevelEncryptionProfileRequest): Promise<UpdateFieldLevelEncryptionProfileResult>;
  UpdateFunction(ctx: RequestContext, input: UpdateFunctionRequest): Promise<UpdateFunctionResult>;
  UpdateKeyGroup(ctx: RequestContext, input: UpdateKeyGroupRequest): Promise<UpdateKeyGroupResult>;
  UpdateKeyValueStore(ctx: RequestContext, input: UpdateKeyValueStoreRequest): Promise<UpdateKeyValueStoreResult>;
  UpdateOriginAccessControl(ctx: RequestContext, input: UpdateOriginAccessControlRequest): Promise<UpdateOriginAccessControlResult>;
  UpdateOriginRequestPolicy(ctx: RequestContext, input: UpdateOriginRequestPolicyRequest): Promise<UpdateOriginRequestPolicyResult>;
  UpdatePublicKey(ctx: RequestContext, input: UpdatePublicKeyRequest): Promise<UpdatePublicKeyResult>;
  UpdateRealtimeLogConfig(ctx: RequestContext, input: UpdateRealtimeLogConfigRequest): Promise<UpdateRealtimeLogConfigResult>;
  UpdateResponseHeadersPolicy(ctx: RequestContext, input: UpdateResponseHeadersPolicyRequest): Promise<UpdateResponseHeadersPolicyResult>;
  UpdateStreamingDistribution(ctx: RequestContext, input: UpdateStreamingDistributionRequest): Promise<UpdateStreamingDistributionResult>;
  UpdateTrustStore(ctx: RequestContext, input: UpdateTrustStoreRequest): Promise<UpdateTrustStoreResult>;
  UpdateVpcOrigin(ctx: RequestContext, input: UpdateVpcOriginRequest): Promise<UpdateVpcOriginResult>;
  VerifyDnsConfiguration(ctx: RequestContext, input: VerifyDnsConfigurationRequest): Promise<VerifyDnsConfigurationResult>;
}

export const operations = [
  'AssociateAlias',
  'AssociateDistributionTenantWebACL',
  'AssociateDistributionWebACL',
  'CopyDistribution',
  'CreateAnycastIpList',
  'CreateCachePolicy',
  'CreateCloudFrontOriginAccessIdentity',
  'CreateConnectionFunction',
  'CreateConnectionGroup',
  'CreateContinuousDeploymentPolicy',
  'CreateDistribution',
  'CreateDistributionTenant',
  'CreateDistributionWithTags',
  'CreateFieldLevelEncryptionConfig',
  'CreateFieldLevelEncryptionProfile',
  'CreateFunction',
  'CreateInvalidation',
  'CreateInvalidationForDistributionTenant',
  'CreateKeyGroup',
  'CreateKeyValueStore',
  'CreateMonitoringSubscription',
  'CreateOriginAccessControl',
  'CreateOriginRequestPolicy',
  'CreatePublicKey',
  'CreateRealtimeLogConfig',
  'CreateResponseHeadersPolicy',
  'CreateStreamingDistribution',
  'CreateStreamingDistributionWithTags',
  'CreateTrustStore',
  'CreateVpcOrigin',
  'DeleteAnycastIpList',
  'DeleteCachePolicy',
  'DeleteCloudFrontOriginAccessIdentity',
  'DeleteConnectionFunction',
  'DeleteConnectionGroup',
  'DeleteContinuousDeploymentPolicy',
  'DeleteDistribution',
  'DeleteDistributionTenant',
  'DeleteFieldLevelEncryptionConfig',
  'DeleteFieldLevelEncryptionProfile',
  'DeleteFunction',
  'DeleteKeyGroup',
  'DeleteKeyValueStore',
  'DeleteMonitoringSubscription',
  'DeleteOriginAccessControl',
  'DeleteOriginRequestPolicy',
  'DeletePublicKey',
  'DeleteRealtimeLogConfig',
  'DeleteResourcePolicy',
  'DeleteResponseHeadersPolicy',
  'DeleteStreamingDistribution',
  'DeleteTrustStore',
  'DeleteVpcOrigin',
  'DescribeConnectionFunction',
  'DescribeFunction',
  'DescribeKeyValueStore',
  'DisassociateDistributionTenantWebACL',
  'DisassociateDistributionWebACL',
  'GetAnycastIpList',
  'GetCachePolicy',
  'GetCachePolicyConfig',
  'GetCloudFrontOriginAccessIdentity',
  'GetCloudFrontOriginAccessIdentityConfig',
  'GetConnectionFunction',
  'GetConnectionGroup',
  'GetConnectionGroupByRoutingEndpoint',
  'GetContinuousDeploymentPolicy',
  'GetContinuousDeploymentPolicyConfig',
  'GetDistribution',
  'GetDistributionConfig',
  'GetDistributionTenant',
  'GetDistributionTenantByDomain',
  'GetFieldLevelEncryption',
  'GetFieldLevelEncryptionConfig',
  'GetFieldLevelEncryptionProfile',
  'GetFieldLevelEncryptionProfileConfig',
  'GetFunction',
  'GetInvalidation',
  'GetInvalidationForDistributionTenant',
  'GetKeyGroup',
  'GetKeyGroupConfig',
  'GetManagedCertificateDetails',
  'GetMonitoringSubscription',
  'GetOriginAccessControl',
  'GetOriginAccessControlConfig',
  'GetOriginRequestPolicy',
  'GetOriginRequestPolicyConfig',
  'GetPublicKey',
  'GetPublicKeyConfig',
  'GetRealtimeLogConfig',
  'GetResourcePolicy',
  'GetResponseHeadersPolicy',
  'GetResponseHeadersPolicyConfig',
  'GetStreamingDistribution',
  'GetStreamingDistributionConfig',
  'GetTrustStore',
  'GetVpcOrigin',
  'ListAnycastIpLists',
  'ListCachePolicies',
  'ListCloudFrontOriginAccessIdentities',
  'ListConflictingAliases',
  'ListConnectionFunctions',
  'ListConnectionGroups',
  'ListContinuousDeploymentPolicies',
  'ListDistributionTenants',
  'ListDistributionTenantsByCustomization',
  'ListDistributions',
  'ListDistributionsByAnycastIpListId',
  'ListDistributionsByCachePolicyId',
  'ListDistributionsByConnectionFunction',
  'ListDistributionsByConnectionMode',
  'ListDistributionsByKeyGroup',
  'ListDistributionsByOriginRequestPolicyId',
  'ListDistributionsByOwnedResource',
  'ListDistributionsByRealtimeLogConfig',
  'ListDistributionsByResponseHeadersPolicyId',
  'ListDistributionsByTrustStore',
  'ListDistributionsByVpcOriginId',
  'ListDistributionsByWebACLId',
  'ListDomainConflicts',
  'ListFieldLevelEncryptionConfigs',
  'ListFieldLevelEncryptionProfiles',
  'ListFunctions',
  'ListInvalidations',
  'ListInvalidationsForDistributionTenant',
  'ListKeyGroups',
  'ListKeyValueStores',
  'ListOriginAccessControls',
  'ListOriginRequestPolicies',
  'ListPublicKeys',
  'ListRealtimeLogConfigs',
  'ListResponseHeadersPolicies',
  'ListStreamingDistributions',
  'ListTagsForResource',
  'ListTrustStores',
  'ListVpcOrigins',
  'PublishConnectionFunction',
  'PublishFunction',
  'PutResourcePolicy',
  'TagResource',
  'TestConnectionFunction',
  'TestFunction',
  'UntagResource',
  'UpdateAnycastIpList',
  'UpdateCachePolicy',
  'UpdateCloudFrontOriginAccessIdentity',
  'UpdateConnectionFunction',
  'UpdateConnectionGroup',
  'UpdateContinuousDeploymentPolicy',
  'UpdateDistribution',
  'UpdateDistributionTenant',
  'UpdateDistributionWithStagingConfig',
  'UpdateDomainAssociation',
  'UpdateFieldLevelEncryptionConfig',
  'UpdateFieldLevelEncryptionProfile',
  'UpdateFunction',
  'UpdateKeyGroup',
  'UpdateKeyValueStore',
  'UpdateOriginAccessControl',
  'UpdateOriginRequestPolicy',
  'UpdatePublicKey',
  'UpdateRealtimeLogConfig',
  'UpdateResponseHeadersPolicy',
  'UpdateStreamingDistribution',
  'UpdateTrustStore',
  'UpdateVpcOrigin',
  'VerifyDnsConfiguration',
] as const;

// Errors

export class AccessDenied extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDenied', message, 403, { fields });
  }
}

export class BatchTooLarge extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BatchTooLarge', message, 413, { fields });
  }
}

export class CNAMEAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CNAMEAlreadyExists', message, 409, { fields });
  }
}

export class CachePolicyAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CachePolicyAlreadyExists', message, 409, { fields });
  }
}

export class CachePolicyInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CachePolicyInUse', message, 409, { fields });
  }
}

export class CannotChangeImmutablePublicKeyFields extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CannotChangeImmutablePublicKeyFields', message, 400, { fields });
  }
}

export class CannotDeleteEntityWhileInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CannotDeleteEntityWhileInUse', message, 409, { fields });
  }
}

export class CannotUpdateEntityWhileInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CannotUpdateEntityWhileInUse', message, 409, { fields });
  }
}

export class CloudFrontOriginAccessIdentityAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CloudFrontOriginAccessIdentityAlreadyExists', message, 409, { fields });
  }
}

export class CloudFrontOriginAccessIdentityInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CloudFrontOriginAccessIdentityInUse', message, 409, { fields });
  }
}

export class ContinuousDeploymentPolicyAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ContinuousDeploymentPolicyAlreadyExists', message, 409, { fields });
  }
}

export class ContinuousDeploymentPolicyInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ContinuousDeploymentPolicyInUse', message, 409, { fields });
  }
}

export class DistributionAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DistributionAlreadyExists', message, 409, { fields });
  }
}

export class DistributionNotDisabled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DistributionNotDisabled', message, 409, { fields });
  }
}

export class EntityAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntityAlreadyExists', message, 409, { fields });
  }
}

export class EntityLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntityLimitExceeded', message, 400, { fields });
  }
}

export class EntityNotFound extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntityNotFound', message, 404, { fields });
  }
}

export class EntitySizeLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntitySizeLimitExceeded', message, 413, { fields });
  }
}

export class FieldLevelEncryptionConfigAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FieldLevelEncryptionConfigAlreadyExists', message, 409, { fields });
  }
}

export class FieldLevelEncryptionConfigInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FieldLevelEncryptionConfigInUse', message, 409, { fields });
  }
}

export class FieldLevelEncryptionProfileAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FieldLevelEncryptionProfileAlreadyExists', message, 409, { fields });
  }
}

export class FieldLevelEncryptionProfileInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FieldLevelEncryptionProfileInUse', message, 409, { fields });
  }
}

export class FieldLevelEncryptionProfileSizeExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FieldLevelEncryptionProfileSizeExceeded', message, 400, { fields });
  }
}

export class FunctionAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FunctionAlreadyExists', message, 409, { fields });
  }
}

export class FunctionInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FunctionInUse', message, 409, { fields });
  }
}

export class FunctionSizeLimitExceeded extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FunctionSizeLimitExceeded', message, 413, { fields });
  }
}

export class IllegalDelete extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IllegalDelete', message, 400, { fields });
  }
}

export class IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior', message, 400, { fields });
  }
}

export class IllegalOriginAccessConfiguration extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IllegalOriginAccessConfiguration', message, 400, { fields });
  }
}

export class IllegalUpdate extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IllegalUpdate', message, 400, { fields });
  }
}

export class InconsistentQuantities extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InconsistentQuantities', message, 400, { fields });
  }
}

export class InvalidArgument extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidArgument', message, 400, { fields });
  }
}

export class InvalidAssociation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAssociation', message, 409, { fields });
  }
}

export class InvalidDefaultRootObject extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidDefaultRootObject', message, 400, { fields });
  }
}

export class InvalidDomainNameForOriginAccessControl extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidDomainNameForOriginAccessControl', message, 400, { fields });
  }
}

export class InvalidErrorCode extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidErrorCode', message, 400, { fields });
  }
}

export class InvalidForwardCookies extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidForwardCookies', message, 400, { fields });
  }
}

export class InvalidFunctionAssociation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidFunctionAssociation', message, 400, { fields });
  }
}

export class InvalidGeoRestrictionParameter extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidGeoRestrictionParameter', message, 400, { fields });
  }
}

export class InvalidHeadersForS3Origin extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidHeadersForS3Origin', message, 400, { fields });
  }
}

export class InvalidIfMatchVersion extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidIfMatchVersion', message, 400, { fields });
  }
}

export class InvalidLambdaFunctionAssociation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidLambdaFunctionAssociation', message, 400, { fields });
  }
}

export class InvalidLocationCode extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidLocationCode', message, 400, { fields });
  }
}

export class InvalidMinimumProtocolVersion extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidMinimumProtocolVersion', message, 400, { fields });
  }
}

export class InvalidOrigin extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOrigin', message, 400, { fields });
  }
}

export class InvalidOriginAccessControl extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOriginAccessControl', message, 400, { fields });
  }
}

export class InvalidOriginAccessIdentity extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOriginAccessIdentity', message, 400, { fields });
  }
}

export class InvalidOriginKeepaliveTimeout extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOriginKeepaliveTimeout', message, 400, { fields });
  }
}

export class InvalidOriginReadTimeout extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOriginReadTimeout', message, 400, { fields });
  }
}

export class InvalidProtocolSettings extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidProtocolSettings', message, 400, { fields });
  }
}

export class InvalidQueryStringParameters extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidQueryStringParameters', message, 400, { fields });
  }
}

export class InvalidRelativePath extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRelativePath', message, 400, { fields });
  }
}

export class InvalidRequiredProtocol extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRequiredProtocol', message, 400, { fields });
  }
}

export class InvalidResponseCode extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidResponseCode', message, 400, { fields });
  }
}

export class InvalidTTLOrder extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidTTLOrder', message, 400, { fields });
  }
}

export class InvalidTagging extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidTagging', message, 400, { fields });
  }
}

export class InvalidViewerCertificate extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidViewerCertificate', message, 400, { fields });
  }
}

export class InvalidWebACLId extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidWebACLId', message, 400, { fields });
  }
}

export class KeyGroupAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KeyGroupAlreadyExists', message, 409, { fields });
  }
}

export class MissingBody extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MissingBody', message, 400, { fields });
  }
}

export class MonitoringSubscriptionAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MonitoringSubscriptionAlreadyExists', message, 409, { fields });
  }
}

export class NoSuchCachePolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchCachePolicy', message, 404, { fields });
  }
}

export class NoSuchCloudFrontOriginAccessIdentity extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchCloudFrontOriginAccessIdentity', message, 404, { fields });
  }
}

export class NoSuchContinuousDeploymentPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchContinuousDeploymentPolicy', message, 404, { fields });
  }
}

export class NoSuchDistribution extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchDistribution', message, 404, { fields });
  }
}

export class NoSuchFieldLevelEncryptionConfig extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchFieldLevelEncryptionConfig', message, 404, { fields });
  }
}

export class NoSuchFieldLevelEncryptionProfile extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchFieldLevelEncryptionProfile', message, 404, { fields });
  }
}

export class NoSuchFunctionExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchFunctionExists', message, 404, { fields });
  }
}

export class NoSuchInvalidation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchInvalidation', message, 404, { fields });
  }
}

export class NoSuchMonitoringSubscription extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchMonitoringSubscription', message, 404, { fields });
  }
}

export class NoSuchOrigin extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchOrigin', message, 404, { fields });
  }
}

export class NoSuchOriginAccessControl extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchOriginAccessControl', message, 404, { fields });
  }
}

export class NoSuchOriginRequestPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchOriginRequestPolicy', message, 404, { fields });
  }
}

export class NoSuchPublicKey extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchPublicKey', message, 404, { fields });
  }
}

export class NoSuchRealtimeLogConfig extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchRealtimeLogConfig', message, 404, { fields });
  }
}

export class NoSuchResource extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchResource', message, 404, { fields });
  }
}

export class NoSuchResponseHeadersPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchResponseHeadersPolicy', message, 404, { fields });
  }
}

export class NoSuchStreamingDistribution extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchStreamingDistribution', message, 404, { fields });
  }
}

export class OriginAccessControlAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OriginAccessControlAlreadyExists', message, 409, { fields });
  }
}

export class OriginAccessControlInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OriginAccessControlInUse', message, 409, { fields });
  }
}

export class OriginRequestPolicyAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OriginRequestPolicyAlreadyExists', message, 409, { fields });
  }
}

export class OriginRequestPolicyInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OriginRequestPolicyInUse', message, 409, { fields });
  }
}

export class PreconditionFailed extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PreconditionFailed', message, 412, { fields });
  }
}

export class PublicKeyAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PublicKeyAlreadyExists', message, 409, { fields });
  }
}

export class PublicKeyInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PublicKeyInUse', message, 409, { fields });
  }
}

export class QueryArgProfileEmpty extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('QueryArgProfileEmpty', message, 400, { fields });
  }
}

export class RealtimeLogConfigAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RealtimeLogConfigAlreadyExists', message, 409, { fields });
  }
}

export class RealtimeLogConfigInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RealtimeLogConfigInUse', message, 400, { fields });
  }
}

export class RealtimeLogConfigOwnerMismatch extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RealtimeLogConfigOwnerMismatch', message, 401, { fields });
  }
}

export class ResourceInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceInUse', message, 409, { fields });
  }
}

export class ResourceNotDisabled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotDisabled', message, 409, { fields });
  }
}

export class ResponseHeadersPolicyAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResponseHeadersPolicyAlreadyExists', message, 409, { fields });
  }
}

export class ResponseHeadersPolicyInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResponseHeadersPolicyInUse', message, 409, { fields });
  }
}

export class StagingDistributionInUse extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StagingDistributionInUse', message, 409, { fields });
  }
}

export class StreamingDistributionAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StreamingDistributionAlreadyExists', message, 409, { fields });
  }
}

export class StreamingDistributionNotDisabled extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('StreamingDistributionNotDisabled', message, 409, { fields });
  }
}

export class TestFunctionFailed extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TestFunctionFailed', message, 500, { fields });
  }
}

export class TooLongCSPInResponseHeadersPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooLongCSPInResponseHeadersPolicy', message, 400, { fields });
  }
}

export class TooManyCacheBehaviors extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCacheBehaviors', message, 400, { fields });
  }
}

export class TooManyCachePolicies extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCachePolicies', message, 400, { fields });
  }
}

export class TooManyCertificates extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCertificates', message, 400, { fields });
  }
}

export class TooManyCloudFrontOriginAccessIdentities extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCloudFrontOriginAccessIdentities', message, 400, { fields });
  }
}

export class TooManyContinuousDeploymentPolicies extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyContinuousDeploymentPolicies', message, 400, { fields });
  }
}

export class TooManyCookieNamesInWhiteList extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCookieNamesInWhiteList', message, 400, { fields });
  }
}

export class TooManyCookiesInCachePolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCookiesInCachePolicy', message, 400, { fields });
  }
}

export class TooManyCookiesInOriginRequestPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCookiesInOriginRequestPolicy', message, 400, { fields });
  }
}

export class TooManyCustomHeadersInResponseHeadersPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyCustomHeadersInResponseHeadersPolicy', message, 400, { fields });
  }
}

export class TooManyDistributionCNAMEs extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionCNAMEs', message, 400, { fields });
  }
}

export class TooManyDistributions extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributions', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToCachePolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToCachePolicy', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToFieldLevelEncryptionConfig extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToFieldLevelEncryptionConfig', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToKeyGroup extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToKeyGroup', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToOriginAccessControl extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToOriginAccessControl', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToOriginRequestPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToOriginRequestPolicy', message, 400, { fields });
  }
}

export class TooManyDistributionsAssociatedToResponseHeadersPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsAssociatedToResponseHeadersPolicy', message, 400, { fields });
  }
}

export class TooManyDistributionsWithFunctionAssociations extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsWithFunctionAssociations', message, 400, { fields });
  }
}

export class TooManyDistributionsWithLambdaAssociations extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsWithLambdaAssociations', message, 400, { fields });
  }
}

export class TooManyDistributionsWithSingleFunctionARN extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyDistributionsWithSingleFunctionARN', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionConfigs extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionConfigs', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionContentTypeProfiles extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionContentTypeProfiles', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionEncryptionEntities extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionEncryptionEntities', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionFieldPatterns extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionFieldPatterns', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionProfiles extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionProfiles', message, 400, { fields });
  }
}

export class TooManyFieldLevelEncryptionQueryArgProfiles extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFieldLevelEncryptionQueryArgProfiles', message, 400, { fields });
  }
}

export class TooManyFunctionAssociations extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFunctionAssociations', message, 400, { fields });
  }
}

export class TooManyFunctions extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFunctions', message, 400, { fields });
  }
}

export class TooManyHeadersInCachePolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyHeadersInCachePolicy', message, 400, { fields });
  }
}

export class TooManyHeadersInForwardedValues extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyHeadersInForwardedValues', message, 400, { fields });
  }
}

export class TooManyHeadersInOriginRequestPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyHeadersInOriginRequestPolicy', message, 400, { fields });
  }
}

export class TooManyInvalidationsInProgress extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyInvalidationsInProgress', message, 400, { fields });
  }
}

export class TooManyKeyGroups extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyKeyGroups', message, 400, { fields });
  }
}

export class TooManyKeyGroupsAssociatedToDistribution extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyKeyGroupsAssociatedToDistribution', message, 400, { fields });
  }
}

export class TooManyLambdaFunctionAssociations extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyLambdaFunctionAssociations', message, 400, { fields });
  }
}

export class TooManyOriginAccessControls extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyOriginAccessControls', message, 400, { fields });
  }
}

export class TooManyOriginCustomHeaders extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyOriginCustomHeaders', message, 400, { fields });
  }
}

export class TooManyOriginGroupsPerDistribution extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyOriginGroupsPerDistribution', message, 400, { fields });
  }
}

export class TooManyOriginRequestPolicies extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyOriginRequestPolicies', message, 400, { fields });
  }
}

export class TooManyOrigins extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyOrigins', message, 400, { fields });
  }
}

export class TooManyPublicKeys extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyPublicKeys', message, 400, { fields });
  }
}

export class TooManyPublicKeysInKeyGroup extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyPublicKeysInKeyGroup', message, 400, { fields });
  }
}

export class TooManyQueryStringParameters extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyQueryStringParameters', message, 400, { fields });
  }
}

export class TooManyQueryStringsInCachePolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyQueryStringsInCachePolicy', message, 400, { fields });
  }
}

export class TooManyQueryStringsInOriginRequestPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyQueryStringsInOriginRequestPolicy', message, 400, { fields });
  }
}

export class TooManyRealtimeLogConfigs extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRealtimeLogConfigs', message, 400, { fields });
  }
}

export class TooManyRemoveHeadersInResponseHeadersPolicy extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRemoveHeadersInResponseHeadersPolicy', message, 400, { fields });
  }
}

export class TooManyResponseHeadersPolicies extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyResponseHeadersPolicies', message, 400, { fields });
  }
}

export class TooManyStreamingDistributionCNAMEs extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyStreamingDistributionCNAMEs', message, 400, { fields });
  }
}

export class TooManyStreamingDistributions extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyStreamingDistributions', message, 400, { fields });
  }
}

export class TooManyTrustedSigners extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyTrustedSigners', message, 400, { fields });
  }
}

export class TrustedKeyGroupDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TrustedKeyGroupDoesNotExist', message, 400, { fields });
  }
}

export class TrustedSignerDoesNotExist extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TrustedSignerDoesNotExist', message, 400, { fields });
  }
}

export class UnsupportedOperation extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedOperation', message, 400, { fields });
  }
}

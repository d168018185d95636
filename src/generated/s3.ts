// Generated from models/aws/s3/service-2.json (API version 2006-03-01) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface AbacStatus {
  Status?: BucketAbacStatus;
}

export type AbortDate = Date;

export interface AbortIncompleteMultipartUpload {
  DaysAfterInitiation?: DaysAfterInitiation;
}

export interface AbortMultipartUploadOutput {
  RequestCharged?: RequestCharged;
}

export interface AbortMultipartUploadRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  IfMatchInitiatedTime?: IfMatchInitiatedTime;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  UploadId: MultipartUploadId;
}

export type AbortRuleId = string;

export interface AccelerateConfiguration {
  Status?: BucketAccelerateStatus;
}

export type AcceptRanges = string;

export interface AccessControlPolicy {
  Grants?: Grants;
  Owner?: Owner;
}

export interface AccessControlTranslation {
  Owner: OwnerOverride;
}

export type AccessKeyIdValue = string;

export type AccessPointAlias = boolean;

export type AccessPointArn = string;

export type AccountId = string;

export type AllowQuotedRecordDelimiter = boolean;

export type AllowedHeader = string;

export type AllowedHeaders = AllowedHeader[];

export type AllowedMethod = string;

export type AllowedMethods = AllowedMethod[];

export type AllowedOrigin = string;

export type AllowedOrigins = AllowedOrigin[];

export interface AnalyticsAndOperator {
  Prefix?: Prefix;
  Tags?: TagSet;
}

export interface AnalyticsConfiguration {
  Filter?: AnalyticsFilter;
  Id: AnalyticsId;
  StorageClassAnalysis: StorageClassAnalysis;
}

export type AnalyticsConfigurationList = AnalyticsConfiguration[];

export interface AnalyticsExportDestination {
  S3BucketDestination: AnalyticsS3BucketDestination;
}

export interface AnalyticsFilter {
  And?: AnalyticsAndOperator;
  Prefix?: Prefix;
  Tag?: Tag;
}

export type AnalyticsId = string;

export interface AnalyticsS3BucketDestination {
  Bucket: BucketName;
  BucketAccountId?: AccountId;
  Format: AnalyticsS3ExportFileFormat;
  Prefix?: Prefix;
}

export type AnalyticsS3ExportFileFormat = 'CSV';

export type ArchiveStatus = 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';

export interface BlockedEncryptionTypes {
  EncryptionType?: EncryptionTypeList;
}

export type Body = Buffer;

export interface Bucket {
  BucketArn?: S3RegionalOrS3ExpressBucketArnString;
  BucketRegion?: BucketRegion;
  CreationDate?: CreationDate;
  Name?: BucketName;
}

export type BucketAbacStatus = 'Enabled' | 'Disabled';

export type BucketAccelerateStatus = 'Enabled' | 'Suspended';

export type BucketCannedACL = 'private' | 'public-read' | 'public-read-write' | 'authenticated-read';

export interface BucketInfo {
  DataRedundancy?: DataRedundancy;
  Type?: BucketType;
}

export type BucketKeyEnabled = boolean;

export interface BucketLifecycleConfiguration {
  Rules: LifecycleRules;
}

export type BucketLocationConstraint = 'af-south-1' | 'ap-east-1' | 'ap-east-2' | 'ap-northeast-1' | 'ap-northeast-2' | 'ap-northeast-3' | 'ap-south-1' | 'ap-south-2' | 'ap-southeast-1' | 'ap-southeast-2' | 'ap-southeast-3' | 'ap-southeast-4' | 'ap-southeast-5' | 'ap-southeast-6' | 'ap-southeast-7' | 'ca-central-1' | 'ca-west-1' | 'cn-north-1' | 'cn-northwest-1' | 'EU' | 'eu-central-1' | 'eu-central-2' | 'eu-north-1' | 'eu-south-1' | 'eu-south-2' | 'eu-west-1' | 'eu-west-2' | 'eu-west-3' | 'il-central-1' | 'me-central-1' | 'me-south-1' | 'mx-central-1' | 'sa-east-1' | 'us-east-2' | 'us-gov-east-1' | 'us-gov-west-1' | 'us-west-1' | 'us-west-2';

export type BucketLocationName = string;

export interface BucketLoggingStatus {
  LoggingEnabled?: LoggingEnabled;
}

export type BucketLogsPermission = 'FULL_CONTROL' | 'READ' | 'WRITE';

export type BucketName = string;

export type BucketNamespace = 'account-regional' | 'global';

export type BucketRegion = string;

export type BucketType = 'Directory';

export type BucketVersioningStatus = 'Enabled' | 'Suspended';

export type Buckets = Bucket[];

export type BypassGovernanceRetention = boolean;

export type BytesProcessed = number;

export type BytesReturned = number;

export type BytesScanned = number;

export interface CORSConfiguration {
  CORSRules: CORSRules;
}

export interface CORSRule {
  AllowedHeaders?: AllowedHeaders;
  AllowedMethods: AllowedMethods;
  AllowedOrigins: AllowedOrigins;
  ExposeHeaders?: ExposeHeaders;
  ID?: ID;
  MaxAgeSeconds?: MaxAgeSeconds;
}

export type CORSRules = CORSRule[];

export interface CSVInput {
  AllowQuotedRecordDelimiter?: AllowQuotedRecordDelimiter;
  Comments?: Comments;
  FieldDelimiter?: FieldDelimiter;
  FileHeaderInfo?: FileHeaderInfo;
  QuoteCharacter?: QuoteCharacter;
  QuoteEscapeCharacter?: QuoteEscapeCharacter;
  RecordDelimiter?: RecordDelimiter;
}

export interface CSVOutput {
  FieldDelimiter?: FieldDelimiter;
  QuoteCharacter?: QuoteCharacter;
  QuoteEscapeCharacter?: QuoteEscapeCharacter;
  QuoteFields?: QuoteFields;
  RecordDelimiter?: RecordDelimiter;
}

export type CacheControl = string;

export interface Checksum {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
}

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256' | 'CRC64NVME' | 'SHA512' | 'MD5' | 'XXHASH64' | 'XXHASH3' | 'XXHASH128';

export type ChecksumAlgorithmList = ChecksumAlgorithm[];

export type ChecksumCRC32 = string;

export type ChecksumCRC32C = string;

export type ChecksumCRC64NVME = string;

export type ChecksumMD5 = string;

export type ChecksumMode = 'ENABLED';

export type ChecksumSHA1 = string;

export type ChecksumSHA256 = string;

export type ChecksumSHA512 = string;

export type ChecksumType = 'COMPOSITE' | 'FULL_OBJECT';

export type ChecksumXXHASH128 = string;

export type ChecksumXXHASH3 = string;

export type ChecksumXXHASH64 = string;

export type ClientToken = string;

export type CloudFunction = string;

export interface CloudFunctionConfiguration {
  CloudFunction?: CloudFunction;
  Event?: Event_;
  Events?: EventList;
  Id?: NotificationId;
  InvocationRole?: CloudFunctionInvocationRole;
}

export type CloudFunctionInvocationRole = string;

export type Code = string;

export type Comments = string;

export interface CommonPrefix {
  Prefix?: Prefix;
}

export type CommonPrefixList = CommonPrefix[];

export interface CompleteMultipartUploadOutput {
  Bucket?: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  Expiration?: Expiration;
  Key?: ObjectKey;
  Location?: Location;
  RequestCharged?: RequestCharged;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  VersionId?: ObjectVersionId;
}

export interface CompleteMultipartUploadRequest {
  Bucket: BucketName;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ExpectedBucketOwner?: AccountId;
  IfMatch?: IfMatch;
  IfNoneMatch?: IfNoneMatch;
  Key: ObjectKey;
  MpuObjectSize?: MpuObjectSize;
  MultipartUpload?: CompletedMultipartUpload;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  UploadId: MultipartUploadId;
}

export interface CompletedMultipartUpload {
  Parts?: CompletedPartList;
}

export interface CompletedPart {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  PartNumber?: PartNumber;
}

export type CompletedPartList = CompletedPart[];

export type CompressionType = 'NONE' | 'GZIP' | 'BZIP2';

export interface Condition {
  HttpErrorCodeReturnedEquals?: HttpErrorCodeReturnedEquals;
  KeyPrefixEquals?: KeyPrefixEquals;
}

export type ConfirmRemoveSelfBucketAccess = boolean;

export type ContentDisposition = string;

export type ContentEncoding = string;

export type ContentLanguage = string;

export type ContentLength = number;

export type ContentMD5 = string;

export type ContentRange = string;

export type ContentType = string;

export interface ContinuationEvent {}

export interface CopyObjectOutput {
  BucketKeyEnabled?: BucketKeyEnabled;
  CopyObjectResult?: CopyObjectResult;
  CopySourceVersionId?: CopySourceVersionId;
  Expiration?: Expiration;
  RequestCharged?: RequestCharged;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  VersionId?: ObjectVersionId;
}

export interface CopyObjectRequest {
  ACL?: ObjectCannedACL;
  Bucket: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentType?: ContentType;
  CopySource: CopySource;
  CopySourceIfMatch?: CopySourceIfMatch;
  CopySourceIfModifiedSince?: CopySourceIfModifiedSince;
  CopySourceIfNoneMatch?: CopySourceIfNoneMatch;
  CopySourceIfUnmodifiedSince?: CopySourceIfUnmodifiedSince;
  CopySourceSSECustomerAlgorithm?: CopySourceSSECustomerAlgorithm;
  CopySourceSSECustomerKey?: CopySourceSSECustomerKey;
  CopySourceSSECustomerKeyMD5?: CopySourceSSECustomerKeyMD5;
  ExpectedBucketOwner?: AccountId;
  ExpectedSourceBucketOwner?: AccountId;
  Expires?: Expires;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWriteACP?: GrantWriteACP;
  IfMatch?: IfMatch;
  IfNoneMatch?: IfNoneMatch;
  Key: ObjectKey;
  Metadata?: Metadata;
  MetadataDirective?: MetadataDirective;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  Tagging?: TaggingHeader;
  TaggingDirective?: TaggingDirective;
  WebsiteRedirectLocation?: WebsiteRedirectLocation;
}

export interface CopyObjectResult {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  LastModified?: LastModified;
}

export interface CopyPartResult {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  LastModified?: LastModified;
}

export type CopySource = string;

export type CopySourceIfMatch = string;

export type CopySourceIfModifiedSince = Date;

export type CopySourceIfNoneMatch = string;

export type CopySourceIfUnmodifiedSince = Date;

export type CopySourceRange = string;

export type CopySourceSSECustomerAlgorithm = string;

export type CopySourceSSECustomerKey = string;

export type CopySourceSSECustomerKeyMD5 = string;

export type CopySourceVersionId = string;

export interface CreateBucketConfiguration {
  Bucket?: BucketInfo;
  Location?: LocationInfo;
  LocationConstraint?: BucketLocationConstraint;
  Tags?: TagSet;
}

export interface CreateBucketMetadataConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  MetadataConfiguration: MetadataConfiguration;
}

export interface CreateBucketMetadataTableConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  MetadataTableConfiguration: MetadataTableConfiguration;
}

export interface CreateBucketOutput {
  BucketArn?: S3RegionalOrS3ExpressBucketArnString;
  Location?: Location;
}

export interface CreateBucketRequest {
  ACL?: BucketCannedACL;
  Bucket: BucketName;
  BucketNamespace?: BucketNamespace;
  CreateBucketConfiguration?: CreateBucketConfiguration;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWrite?: GrantWrite;
  GrantWriteACP?: GrantWriteACP;
  ObjectLockEnabledForBucket?: ObjectLockEnabledForBucket;
  ObjectOwnership?: ObjectOwnership;
}

export interface CreateMultipartUploadOutput {
  AbortDate?: AbortDate;
  AbortRuleId?: AbortRuleId;
  Bucket?: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
  Key?: ObjectKey;
  RequestCharged?: RequestCharged;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  UploadId?: MultipartUploadId;
}

export interface CreateMultipartUploadRequest {
  ACL?: ObjectCannedACL;
  Bucket: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentType?: ContentType;
  ExpectedBucketOwner?: AccountId;
  Expires?: Expires;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWriteACP?: GrantWriteACP;
  Key: ObjectKey;
  Metadata?: Metadata;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  Tagging?: TaggingHeader;
  WebsiteRedirectLocation?: WebsiteRedirectLocation;
}

export interface CreateSessionOutput {
  BucketKeyEnabled?: BucketKeyEnabled;
  Credentials: SessionCredentials;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
}

export interface CreateSessionRequest {
  Bucket: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  SessionMode?: SessionMode;
}

export type CreationDate = Date;

export type DataRedundancy = 'SingleAvailabilityZone' | 'SingleLocalZone';

export type Date_ = Date;

export type Days = number;

export type DaysAfterInitiation = number;

export interface DefaultRetention {
  Days?: Days;
  Mode?: ObjectLockRetentionMode;
  Years?: Years;
}

export interface Delete {
  Objects: ObjectIdentifierList;
  Quiet?: Quiet;
}

export interface DeleteBucketAnalyticsConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: AnalyticsId;
}

export interface DeleteBucketCorsRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketEncryptionRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketIntelligentTieringConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: IntelligentTieringId;
}

export interface DeleteBucketInventoryConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: InventoryId;
}

export interface DeleteBucketLifecycleRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketMetadataConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketMetadataTableConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketMetricsConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: MetricsId;
}

export interface DeleteBucketOwnershipControlsRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketPolicyRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketReplicationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketTaggingRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeleteBucketWebsiteRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export type DeleteMarker = boolean;

export interface DeleteMarkerEntry {
  IsLatest?: IsLatest;
  Key?: ObjectKey;
  LastModified?: LastModified;
  Owner?: Owner;
  VersionId?: ObjectVersionId;
}

export interface DeleteMarkerReplication {
  Status?: DeleteMarkerReplicationStatus;
}

export type DeleteMarkerReplicationStatus = 'Enabled' | 'Disabled';

export type DeleteMarkerVersionId = string;

export type DeleteMarkers = DeleteMarkerEntry[];

export interface DeleteObjectOutput {
  DeleteMarker?: DeleteMarker;
  RequestCharged?: RequestCharged;
  VersionId?: ObjectVersionId;
}

export interface DeleteObjectRequest {
  Bucket: BucketName;
  BypassGovernanceRetention?: BypassGovernanceRetention;
  ExpectedBucketOwner?: AccountId;
  IfMatch?: IfMatch;
  IfMatchLastModifiedTime?: IfMatchLastModifiedTime;
  IfMatchSize?: IfMatchSize;
  Key: ObjectKey;
  MFA?: MFA;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface DeleteObjectTaggingOutput {
  VersionId?: ObjectVersionId;
}

export interface DeleteObjectTaggingRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  VersionId?: ObjectVersionId;
}

export interface DeleteObjectsOutput {
  Deleted?: DeletedObjects;
  Errors?: Errors;
  RequestCharged?: RequestCharged;
}

export interface DeleteObjectsRequest {
  Bucket: BucketName;
  BypassGovernanceRetention?: BypassGovernanceRetention;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  Delete: Delete;
  ExpectedBucketOwner?: AccountId;
  MFA?: MFA;
  RequestPayer?: RequestPayer;
}

export interface DeletePublicAccessBlockRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface DeletedObject {
  DeleteMarker?: DeleteMarker;
  DeleteMarkerVersionId?: DeleteMarkerVersionId;
  Key?: ObjectKey;
  VersionId?: ObjectVersionId;
}

export type DeletedObjects = DeletedObject[];

export type Delimiter = string;

export type Description = string;

export interface Destination {
  AccessControlTranslation?: AccessControlTranslation;
  Account?: AccountId;
  Bucket: BucketName;
  EncryptionConfiguration?: EncryptionConfiguration;
  Metrics?: Metrics;
  ReplicationTime?: ReplicationTime;
  StorageClass?: StorageClass;
}

export interface DestinationResult {
  TableBucketArn?: S3TablesBucketArn;
  TableBucketType?: S3TablesBucketType;
  TableNamespace?: S3TablesNamespace;
}

export type DirectoryBucketToken = string;

export type DisplayName = string;

export type ETag = string;

export type EmailAddress = string;

export type EnableRequestProgress = boolean;

export type EncodingType = 'url';

export interface Encryption {
  EncryptionType: ServerSideEncryption;
  KMSContext?: KMSContext;
  KMSKeyId?: SSEKMSKeyId;
}

export interface EncryptionConfiguration {
  ReplicaKmsKeyID?: ReplicaKmsKeyID;
}

export type EncryptionType = 'NONE' | 'SSE-C';

export type EncryptionTypeList = EncryptionType[];

export type End = number;

export interface EndEvent {}

export interface Error_ {
  Code?: Code;
  Key?: ObjectKey;
  Message?: Message;
  VersionId?: ObjectVersionId;
}

export type ErrorCode = string;

export interface ErrorDetails {
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
}

export interface ErrorDocument {
  Key: ObjectKey;
}

export type ErrorMessage = string;

export type Errors = Error_[];

export type Event_ = 's3:ReducedRedundancyLostObject' | 's3:ObjectCreated:*' | 's3:ObjectCreated:Put' | 's3:ObjectCreated:Post' | 's3:ObjectCreated:Copy' | 's3:ObjectCreated:CompleteMultipartUpload' | 's3:ObjectRemoved:*' | 's3:ObjectRemoved:Delete' | 's3:ObjectRemoved:DeleteMarkerCreated' | 's3:ObjectRestore:*' | 's3:ObjectRestore:Post' | 's3:ObjectRestore:Completed' | 's3:Replication:*' | 's3:Replication:OperationFailedReplication' | 's3:Replication:OperationNotTracked' | 's3:Replication:OperationMissedThreshold' | 's3:Replication:OperationReplicatedAfterThreshold' | 's3:ObjectRestore:Delete' | 's3:LifecycleTransition' | 's3:IntelligentTiering' | 's3:ObjectAcl:Put' | 's3:LifecycleExpiration:*' | 's3:LifecycleExpiration:Delete' | 's3:LifecycleExpiration:DeleteMarkerCreated' | 's3:ObjectTagging:*' | 's3:ObjectTagging:Put' | 's3:ObjectTagging:Delete';

export interface EventBridgeConfiguration {}

export type EventList = Event_[];

export interface ExistingObjectReplication {
  Status: ExistingObjectReplicationStatus;
}

export type ExistingObjectReplicationStatus = 'Enabled' | 'Disabled';

export type Expiration = string;

export type ExpirationState = 'ENABLED' | 'DISABLED';

export type ExpirationStatus = 'Enabled' | 'Disabled';

export type ExpiredObjectDeleteMarker = boolean;

export type Expires = string;

export type ExposeHeader = string;

export type ExposeHeaders = ExposeHeader[];

export type Expression = string;

export type ExpressionType = 'SQL';

export type FetchOwner = boolean;

export type FieldDelimiter = string;

export type FileHeaderInfo = 'USE' | 'IGNORE' | 'NONE';

export interface FilterRule {
  Name?: FilterRuleName;
  Value?: FilterRuleValue;
}

export type FilterRuleList = FilterRule[];

export type FilterRuleName = 'prefix' | 'suffix';

export type FilterRuleValue = string;

export interface GetBucketAbacOutput {
  AbacStatus?: AbacStatus;
}

export interface GetBucketAbacRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketAccelerateConfigurationOutput {
  RequestCharged?: RequestCharged;
  Status?: BucketAccelerateStatus;
}

export interface GetBucketAccelerateConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  RequestPayer?: RequestPayer;
}

export interface GetBucketAclOutput {
  Grants?: Grants;
  Owner?: Owner;
}

export interface GetBucketAclRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketAnalyticsConfigurationOutput {
  AnalyticsConfiguration?: AnalyticsConfiguration;
}

export interface GetBucketAnalyticsConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: AnalyticsId;
}

export interface GetBucketCorsOutput {
  CORSRules?: CORSRules;
}

export interface GetBucketCorsRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketEncryptionOutput {
  ServerSideEncryptionConfiguration?: ServerSideEncryptionConfiguration;
}

export interface GetBucketEncryptionRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketIntelligentTieringConfigurationOutput {
  IntelligentTieringConfiguration?: IntelligentTieringConfiguration;
}

export interface GetBucketIntelligentTieringConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: IntelligentTieringId;
}

export interface GetBucketInventoryConfigurationOutput {
  InventoryConfiguration?: InventoryConfiguration;
}

export interface GetBucketInventoryConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: InventoryId;
}

export interface GetBucketLifecycleConfigurationOutput {
  Rules?: LifecycleRules;
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface GetBucketLifecycleConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketLifecycleOutput {
  Rules?: Rules;
}

export interface GetBucketLifecycleRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketLocationOutput {
  LocationConstraint?: BucketLocationConstraint;
}

export interface GetBucketLocationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketLoggingOutput {
  LoggingEnabled?: LoggingEnabled;
}

export interface GetBucketLoggingRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketMetadataConfigurationOutput {
  GetBucketMetadataConfigurationResult?: GetBucketMetadataConfigurationResult;
}

export interface GetBucketMetadataConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketMetadataConfigurationResult {
  MetadataConfigurationResult: MetadataConfigurationResult;
}

export interface GetBucketMetadataTableConfigurationOutput {
  GetBucketMetadataTableConfigurationResult?: GetBucketMetadataTableConfigurationResult;
}

export interface GetBucketMetadataTableConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketMetadataTableConfigurationResult {
  Error?: ErrorDetails;
  MetadataTableConfigurationResult: MetadataTableConfigurationResult;
  Status: MetadataTableStatus;
}

export interface GetBucketMetricsConfigurationOutput {
  MetricsConfiguration?: MetricsConfiguration;
}

export interface GetBucketMetricsConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: MetricsId;
}

export interface GetBucketNotificationConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketOwnershipControlsOutput {
  OwnershipControls?: OwnershipControls;
}

export interface GetBucketOwnershipControlsRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketPolicyOutput {
  Policy?: Policy;
}

export interface GetBucketPolicyRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketPolicyStatusOutput {
  PolicyStatus?: PolicyStatus;
}

export interface GetBucketPolicyStatusRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketReplicationOutput {
  ReplicationConfiguration?: ReplicationConfiguration;
}

export interface GetBucketReplicationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketRequestPaymentOutput {
  Payer?: Payer;
}

export interface GetBucketRequestPaymentRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketTaggingOutput {
  TagSet: TagSet;
}

export interface GetBucketTaggingRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketVersioningOutput {
  MFADelete?: MFADeleteStatus;
  Status?: BucketVersioningStatus;
}

export interface GetBucketVersioningRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetBucketWebsiteOutput {
  ErrorDocument?: ErrorDocument;
  IndexDocument?: IndexDocument;
  RedirectAllRequestsTo?: RedirectAllRequestsTo;
  RoutingRules?: RoutingRules;
}

export interface GetBucketWebsiteRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetObjectAclOutput {
  Grants?: Grants;
  Owner?: Owner;
  RequestCharged?: RequestCharged;
}

export interface GetObjectAclRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface GetObjectAttributesOutput {
  Checksum?: Checksum;
  DeleteMarker?: DeleteMarker;
  ETag?: ETag;
  LastModified?: LastModified;
  ObjectParts?: GetObjectAttributesParts;
  ObjectSize?: ObjectSize;
  RequestCharged?: RequestCharged;
  StorageClass?: StorageClass;
  VersionId?: ObjectVersionId;
}

export interface GetObjectAttributesParts {
  IsTruncated?: IsTruncated;
  MaxParts?: MaxParts;
  NextPartNumberMarker?: NextPartNumberMarker;
  PartNumberMarker?: PartNumberMarker;
  Parts?: PartsList;
  TotalPartsCount?: PartsCount;
}

export interface GetObjectAttributesRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  MaxParts?: MaxParts;
  ObjectAttributes: ObjectAttributesList;
  PartNumberMarker?: PartNumberMarker;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  VersionId?: ObjectVersionId;
}

export interface GetObjectLegalHoldOutput {
  LegalHold?: ObjectLockLegalHold;
}

export interface GetObjectLegalHoldRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface GetObjectLockConfigurationOutput {
  ObjectLockConfiguration?: ObjectLockConfiguration;
}

export interface GetObjectLockConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GetObjectOutput {
  AcceptRanges?: AcceptRanges;
  Body?: Body;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentLength?: ContentLength;
  ContentRange?: ContentRange;
  ContentType?: ContentType;
  DeleteMarker?: DeleteMarker;
  ETag?: ETag;
  Expiration?: Expiration;
  Expires?: Expires;
  LastModified?: LastModified;
  Metadata?: Metadata;
  MissingMeta?: MissingMeta;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  PartsCount?: PartsCount;
  ReplicationStatus?: ReplicationStatus;
  RequestCharged?: RequestCharged;
  Restore?: Restore;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  TagCount?: TagCount;
  VersionId?: ObjectVersionId;
  WebsiteRedirectLocation?: WebsiteRedirectLocation;
}

export interface GetObjectRequest {
  Bucket: BucketName;
  ChecksumMode?: ChecksumMode;
  ExpectedBucketOwner?: AccountId;
  IfMatch?: IfMatch;
  IfModifiedSince?: IfModifiedSince;
  IfNoneMatch?: IfNoneMatch;
  IfUnmodifiedSince?: IfUnmodifiedSince;
  Key: ObjectKey;
  PartNumber?: PartNumber;
  Range?: Range;
  RequestPayer?: RequestPayer;
  ResponseCacheControl?: ResponseCacheControl;
  ResponseContentDisposition?: ResponseContentDisposition;
  ResponseContentEncoding?: ResponseContentEncoding;
  ResponseContentLanguage?: ResponseContentLanguage;
  ResponseContentType?: ResponseContentType;
  ResponseExpires?: ResponseExpires;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  VersionId?: ObjectVersionId;
}

export type GetObjectResponseStatusCode = number;

export interface GetObjectRetentionOutput {
  Retention?: ObjectLockRetention;
}

export interface GetObjectRetentionRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface GetObjectTaggingOutput {
  TagSet: TagSet;
  VersionId?: ObjectVersionId;
}

export interface GetObjectTaggingRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface GetObjectTorrentOutput {
  Body?: Body;
  RequestCharged?: RequestCharged;
}

export interface GetObjectTorrentRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
}

export interface GetPublicAccessBlockOutput {
  PublicAccessBlockConfiguration?: PublicAccessBlockConfiguration;
}

export interface GetPublicAccessBlockRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface GlacierJobParameters {
  Tier: Tier;
}

export interface Grant {
  Grantee?: Grantee;
  Permission?: Permission;
}

export type GrantFullControl = string;

export type GrantRead = string;

export type GrantReadACP = string;

export type GrantWrite = string;

export type GrantWriteACP = string;

export interface Grantee {
  DisplayName?: DisplayName;
  EmailAddress?: EmailAddress;
  ID?: ID;
  Type: Type;
  URI?: URI;
}

export type Grants = Grant[];

export interface HeadBucketOutput {
  AccessPointAlias?: AccessPointAlias;
  BucketArn?: S3RegionalOrS3ExpressBucketArnString;
  BucketLocationName?: BucketLocationName;
  BucketLocationType?: LocationType;
  BucketRegion?: Region;
}

export interface HeadBucketRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
}

export interface HeadObjectOutput {
  AcceptRanges?: AcceptRanges;
  ArchiveStatus?: ArchiveStatus;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentLength?: ContentLength;
  ContentRange?: ContentRange;
  ContentType?: ContentType;
  DeleteMarker?: DeleteMarker;
  ETag?: ETag;
  Expiration?: Expiration;
  Expires?: Expires;
  LastModified?: LastModified;
  Metadata?: Metadata;
  MissingMeta?: MissingMeta;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  PartsCount?: PartsCount;
  ReplicationStatus?: ReplicationStatus;
  RequestCharged?: RequestCharged;
  Restore?: Restore;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  TagCount?: TagCount;
  VersionId?: ObjectVersionId;
  WebsiteRedirectLocation?: WebsiteRedirectLocation;
}

export interface HeadObjectRequest {
  Bucket: BucketName;
  ChecksumMode?: ChecksumMode;
  ExpectedBucketOwner?: AccountId;
  IfMatch?: IfMatch;
  IfModifiedSince?: IfModifiedSince;
  IfNoneMatch?: IfNoneMatch;
  IfUnmodifiedSince?: IfUnmodifiedSince;
  Key: ObjectKey;
  PartNumber?: PartNumber;
  Range?: Range;
  RequestPayer?: RequestPayer;
  ResponseCacheControl?: ResponseCacheControl;
  ResponseContentDisposition?: ResponseContentDisposition;
  ResponseContentEncoding?: ResponseContentEncoding;
  ResponseContentLanguage?: ResponseContentLanguage;
  ResponseContentType?: ResponseContentType;
  ResponseExpires?: ResponseExpires;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  VersionId?: ObjectVersionId;
}

export type HostName = string;

export type HttpErrorCodeReturnedEquals = string;

export type HttpRedirectCode = string;

export type ID = string;

export type IfMatch = string;

export type IfMatchInitiatedTime = Date;

export type IfMatchLastModifiedTime = Date;

export type IfMatchSize = number;

export type IfModifiedSince = Date;

export type IfNoneMatch = string;

export type IfUnmodifiedSince = Date;

export interface IndexDocument {
  Suffix: Suffix;
}

export type Initiated = Date;

export interface Initiator {
  DisplayName?: DisplayName;
  ID?: ID;
}

export interface InputSerialization {
  CSV?: CSVInput;
  CompressionType?: CompressionType;
  JSON?: JSONInput;
  Parquet?: ParquetInput;
}

export type IntelligentTieringAccessTier = 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';

export interface IntelligentTieringAndOperator {
  Prefix?: Prefix;
  Tags?: TagSet;
}

export interface IntelligentTieringConfiguration {
  Filter?: IntelligentTieringFilter;
  Id: IntelligentTieringId;
  Status: IntelligentTieringStatus;
  Tierings: TieringList;
}

export type IntelligentTieringConfigurationList = IntelligentTieringConfiguration[];

export type IntelligentTieringDays = number;

export interface IntelligentTieringFilter {
  And?: IntelligentTieringAndOperator;
  Prefix?: Prefix;
  Tag?: Tag;
}

export type IntelligentTieringId = string;

export type IntelligentTieringStatus = 'Enabled' | 'Disabled';

export interface InventoryConfiguration {
  Destination: InventoryDestination;
  Filter?: InventoryFilter;
  Id: InventoryId;
  IncludedObjectVersions: InventoryIncludedObjectVersions;
  IsEnabled: IsEnabled;
  OptionalFields?: InventoryOptionalFields;
  Schedule: InventorySchedule;
}

export type InventoryConfigurationList = InventoryConfiguration[];

export type InventoryConfigurationState = 'ENABLED' | 'DISABLED';

export interface InventoryDestination {
  S3BucketDestination: InventoryS3BucketDestination;
}

export interface InventoryEncryption {
  SSEKMS?: SSEKMS;
  SSES3?: SSES3;
}

export interface InventoryFilter {
  Prefix: Prefix;
}

export type InventoryFormat = 'CSV' | 'ORC' | 'Parquet';

export type InventoryFrequency = 'Daily' | 'Weekly';

export type InventoryId = string;

export type InventoryIncludedObjectVersions = 'All' | 'Current';

export type InventoryOptionalField = 'Size' | 'LastModifiedDate' | 'StorageClass' | 'ETag' | 'IsMultipartUploaded' | 'ReplicationStatus' | 'EncryptionStatus' | 'ObjectLockRetainUntilDate' | 'ObjectLockMode' | 'ObjectLockLegalHoldStatus' | 'IntelligentTieringAccessTier' | 'BucketKeyStatus' | 'ChecksumAlgorithm' | 'ObjectAccessControlList' | 'ObjectOwner' | 'LifecycleExpirationDate';

export type InventoryOptionalFields = InventoryOptionalField[];

export interface InventoryS3BucketDestination {
  AccountId?: AccountId;
  Bucket: BucketName;
  Encryption?: InventoryEncryption;
  Format: InventoryFormat;
  Prefix?: Prefix;
}

export interface InventorySchedule {
  Frequency: InventoryFrequency;
}

export interface InventoryTableConfiguration {
  ConfigurationState: InventoryConfigurationState;
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
}

export interface InventoryTableConfigurationResult {
  ConfigurationState: InventoryConfigurationState;
  Error?: ErrorDetails;
  TableArn?: S3TablesArn;
  TableName?: S3TablesName;
  TableStatus?: MetadataTableStatus;
}

export interface InventoryTableConfigurationUpdates {
  ConfigurationState: InventoryConfigurationState;
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
}

export type IsEnabled = boolean;

export type IsLatest = boolean;

export type IsPublic = boolean;

export type IsRestoreInProgress = boolean;

export type IsTruncated = boolean;

export interface JSONInput {
  Type?: JSONType;
}

export interface JSONOutput {
  RecordDelimiter?: RecordDelimiter;
}

export type JSONType = 'DOCUMENT' | 'LINES';

export interface JournalTableConfiguration {
  EncryptionConfiguration?: MetadataTableEncryptionConfiguration;
  RecordExpiration: RecordExpiration;
}

export interface JournalTableConfigurationResult {
  Error?: ErrorDetails;
  RecordExpiration: RecordExpiration;
  TableArn?: S3TablesArn;
  TableName: S3TablesName;
  TableStatus: MetadataTableStatus;
}

export interface JournalTableConfigurationUpdates {
  RecordExpiration: RecordExpiration;
}

export type KMSContext = string;

export type KeyCount = number;

export type KeyMarker = string;

export type KeyPrefixEquals = string;

export type KmsKeyArn = string;

export type LambdaFunctionArn = string;

export interface LambdaFunctionConfiguration {
  Events: EventList;
  Filter?: NotificationConfigurationFilter;
  Id?: NotificationId;
  LambdaFunctionArn: LambdaFunctionArn;
}

export type LambdaFunctionConfigurationList = LambdaFunctionConfiguration[];

export type LastModified = Date;

export type LastModifiedTime = Date;

export interface LifecycleConfiguration {
  Rules: Rules;
}

export interface LifecycleExpiration {
  Date?: Date_;
  Days?: Days;
  ExpiredObjectDeleteMarker?: ExpiredObjectDeleteMarker;
}

export interface LifecycleRule {
  AbortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
  Expiration?: LifecycleExpiration;
  Filter?: LifecycleRuleFilter;
  ID?: ID;
  NoncurrentVersionExpiration?: NoncurrentVersionExpiration;
  NoncurrentVersionTransitions?: NoncurrentVersionTransitionList;
  Prefix?: Prefix;
  Status: ExpirationStatus;
  Transitions?: TransitionList;
}

export interface LifecycleRuleAndOperator {
  ObjectSizeGreaterThan?: ObjectSizeGreaterThanBytes;
  ObjectSizeLessThan?: ObjectSizeLessThanBytes;
  Prefix?: Prefix;
  Tags?: TagSet;
}

export interface LifecycleRuleFilter {
  And?: LifecycleRuleAndOperator;
  ObjectSizeGreaterThan?: ObjectSizeGreaterThanBytes;
  ObjectSizeLessThan?: ObjectSizeLessThanBytes;
  Prefix?: Prefix;
  Tag?: Tag;
}

export type LifecycleRules = LifecycleRule[];

export interface ListBucketAnalyticsConfigurationsOutput {
  AnalyticsConfigurationList?: AnalyticsConfigurationList;
  ContinuationToken?: Token;
  IsTruncated?: IsTruncated;
  NextContinuationToken?: NextToken;
}

export interface ListBucketAnalyticsConfigurationsRequest {
  Bucket: BucketName;
  ContinuationToken?: Token;
  ExpectedBucketOwner?: AccountId;
}

export interface ListBucketIntelligentTieringConfigurationsOutput {
  ContinuationToken?: Token;
  IntelligentTieringConfigurationList?: IntelligentTieringConfigurationList;
  IsTruncated?: IsTruncated;
  NextContinuationToken?: NextToken;
}

export interface ListBucketIntelligentTieringConfigurationsRequest {
  Bucket: BucketName;
  ContinuationToken?: Token;
  ExpectedBucketOwner?: AccountId;
}

export interface ListBucketInventoryConfigurationsOutput {
  ContinuationToken?: Token;
  InventoryConfigurationList?: InventoryConfigurationList;
  IsTruncated?: IsTruncated;
  NextContinuationToken?: NextToken;
}

export interface ListBucketInventoryConfigurationsRequest {
  Bucket: BucketName;
  ContinuationToken?: Token;
  ExpectedBucketOwner?: AccountId;
}

export interface ListBucketMetricsConfigurationsOutput {
  ContinuationToken?: Token;
  IsTruncated?: IsTruncated;
  MetricsConfigurationList?: MetricsConfigurationList;
  NextContinuationToken?: NextToken;
}

export interface ListBucketMetricsConfigurationsRequest {
  Bucket: BucketName;
  ContinuationToken?: Token;
  ExpectedBucketOwner?: AccountId;
}

export interface ListBucketsOutput {
  Buckets?: Buckets;
  ContinuationToken?: NextToken;
  Owner?: Owner;
  Prefix?: Prefix;
}

export interface ListBucketsRequest {
  BucketRegion?: BucketRegion;
  ContinuationToken?: Token;
  MaxBuckets?: MaxBuckets;
  Prefix?: Prefix;
}

export interface ListDirectoryBucketsOutput {
  Buckets?: Buckets;
  ContinuationToken?: DirectoryBucketToken;
}

export interface ListDirectoryBucketsRequest {
  ContinuationToken?: DirectoryBucketToken;
  MaxDirectoryBuckets?: MaxDirectoryBuckets;
}

export interface ListMultipartUploadsOutput {
  Bucket?: BucketName;
  CommonPrefixes?: CommonPrefixList;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  IsTruncated?: IsTruncated;
  KeyMarker?: KeyMarker;
  MaxUploads?: MaxUploads;
  NextKeyMarker?: NextKeyMarker;
  NextUploadIdMarker?: NextUploadIdMarker;
  Prefix?: Prefix;
  RequestCharged?: RequestCharged;
  UploadIdMarker?: UploadIdMarker;
  Uploads?: MultipartUploadList;
}

export interface ListMultipartUploadsRequest {
  Bucket: BucketName;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  ExpectedBucketOwner?: AccountId;
  KeyMarker?: KeyMarker;
  MaxUploads?: MaxUploads;
  Prefix?: Prefix;
  RequestPayer?: RequestPayer;
  UploadIdMarker?: UploadIdMarker;
}

export interface ListObjectVersionsOutput {
  CommonPrefixes?: CommonPrefixList;
  DeleteMarkers?: DeleteMarkers;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  IsTruncated?: IsTruncated;
  KeyMarker?: KeyMarker;
  MaxKeys?: MaxKeys;
  Name?: BucketName;
  NextKeyMarker?: NextKeyMarker;
  NextVersionIdMarker?: NextVersionIdMarker;
  Prefix?: Prefix;
  RequestCharged?: RequestCharged;
  VersionIdMarker?: VersionIdMarker;
  Versions?: ObjectVersionList;
}

export interface ListObjectVersionsRequest {
  Bucket: BucketName;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  ExpectedBucketOwner?: AccountId;
  KeyMarker?: KeyMarker;
  MaxKeys?: MaxKeys;
  OptionalObjectAttributes?: OptionalObjectAttributesList;
  Prefix?: Prefix;
  RequestPayer?: RequestPayer;
  VersionIdMarker?: VersionIdMarker;
}

export interface ListObjectsOutput {
  CommonPrefixes?: CommonPrefixList;
  Contents?: ObjectList;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  IsTruncated?: IsTruncated;
  Marker?: Marker;
  MaxKeys?: MaxKeys;
  Name?: BucketName;
  NextMarker?: NextMarker;
  Prefix?: Prefix;
  RequestCharged?: RequestCharged;
}

export interface ListObjectsRequest {
  Bucket: BucketName;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  ExpectedBucketOwner?: AccountId;
  Marker?: Marker;
  MaxKeys?: MaxKeys;
  OptionalObjectAttributes?: OptionalObjectAttributesList;
  Prefix?: Prefix;
  RequestPayer?: RequestPayer;
}

export interface ListObjectsV2Output {
  CommonPrefixes?: CommonPrefixList;
  Contents?: ObjectList;
  ContinuationToken?: Token;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  IsTruncated?: IsTruncated;
  KeyCount?: KeyCount;
  MaxKeys?: MaxKeys;
  Name?: BucketName;
  NextContinuationToken?: NextToken;
  Prefix?: Prefix;
  RequestCharged?: RequestCharged;
  StartAfter?: StartAfter;
}

export interface ListObjectsV2Request {
  Bucket: BucketName;
  ContinuationToken?: Token;
  Delimiter?: Delimiter;
  EncodingType?: EncodingType;
  ExpectedBucketOwner?: AccountId;
  FetchOwner?: FetchOwner;
  MaxKeys?: MaxKeys;
  OptionalObjectAttributes?: OptionalObjectAttributesList;
  Prefix?: Prefix;
  RequestPayer?: RequestPayer;
  StartAfter?: StartAfter;
}

export interface ListPartsOutput {
  AbortDate?: AbortDate;
  AbortRuleId?: AbortRuleId;
  Bucket?: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
  Initiator?: Initiator;
  IsTruncated?: IsTruncated;
  Key?: ObjectKey;
  MaxParts?: MaxParts;
  NextPartNumberMarker?: NextPartNumberMarker;
  Owner?: Owner;
  PartNumberMarker?: PartNumberMarker;
  Parts?: Parts;
  RequestCharged?: RequestCharged;
  StorageClass?: StorageClass;
  UploadId?: MultipartUploadId;
}

export interface ListPartsRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  MaxParts?: MaxParts;
  PartNumberMarker?: PartNumberMarker;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  UploadId: MultipartUploadId;
}

export type Location = string;

export interface LocationInfo {
  Name?: LocationNameAsString;
  Type?: LocationType;
}

export type LocationNameAsString = string;

export type LocationPrefix = string;

export type LocationType = 'AvailabilityZone' | 'LocalZone';

export interface LoggingEnabled {
  TargetBucket: TargetBucket;
  TargetGrants?: TargetGrants;
  TargetObjectKeyFormat?: TargetObjectKeyFormat;
  TargetPrefix: TargetPrefix;
}

export type MFA = string;

export type MFADelete = 'Enabled' | 'Disabled';

export type MFADeleteStatus = 'Enabled' | 'Disabled';

export type Marker = string;

export type MaxAgeSeconds = number;

export type MaxBuckets = number;

export type MaxDirectoryBuckets = number;

export type MaxKeys = number;

export type MaxParts = number;

export type MaxUploads = number;

export type Message = string;

export type Metadata = Record<string, MetadataValue>;

export interface MetadataConfiguration {
  InventoryTableConfiguration?: InventoryTableConfiguration;
  JournalTableConfiguration: JournalTableConfiguration;
}

export interface MetadataConfigurationResult {
  DestinationResult: DestinationResult;
  InventoryTableConfigurationResult?: InventoryTableConfigurationResult;
  JournalTableConfigurationResult?: JournalTableConfigurationResult;
}

export type MetadataDirective = 'COPY' | 'REPLACE';

export interface MetadataEntry {
  Name?: MetadataKey;
  Value?: MetadataValue;
}

export type MetadataKey = string;

export interface MetadataTableConfiguration {
  S3TablesDestination: S3TablesDestination;
}

export interface MetadataTableConfigurationResult {
  S3TablesDestinationResult: S3TablesDestinationResult;
}

export interface MetadataTableEncryptionConfiguration {
  KmsKeyArn?: KmsKeyArn;
  SseAlgorithm: TableSseAlgorithm;
}

export type MetadataTableStatus = string;

export type MetadataValue = string;

export interface Metrics {
  EventThreshold?: ReplicationTimeValue;
  Status: MetricsStatus;
}

export interface MetricsAndOperator {
  AccessPointArn?: AccessPointArn;
  Prefix?: Prefix;
  Tags?: TagSet;
}

export interface MetricsConfiguration {
  Filter?: MetricsFilter;
  Id: MetricsId;
}

export type MetricsConfigurationList = MetricsConfiguration[];

export interface MetricsFilter {
  AccessPointArn?: AccessPointArn;
  And?: MetricsAndOperator;
  Prefix?: Prefix;
  Tag?: Tag;
}

export type MetricsId = string;

export type MetricsStatus = 'Enabled' | 'Disabled';

export type Minutes = number;

export type MissingMeta = number;

export type MpuObjectSize = number;

export interface MultipartUpload {
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumType?: ChecksumType;
  Initiated?: Initiated;
  Initiator?: Initiator;
  Key?: ObjectKey;
  Owner?: Owner;
  StorageClass?: StorageClass;
  UploadId?: MultipartUploadId;
}

export type MultipartUploadId = string;

export type MultipartUploadList = MultipartUpload[];

export type NextKeyMarker = string;

export type NextMarker = string;

export type NextPartNumberMarker = number;

export type NextToken = string;

export type NextUploadIdMarker = string;

export type NextVersionIdMarker = string;

export type NonEmptyKmsKeyArnString = string;

export interface NoncurrentVersionExpiration {
  NewerNoncurrentVersions?: VersionCount;
  NoncurrentDays?: Days;
}

export interface NoncurrentVersionTransition {
  NewerNoncurrentVersions?: VersionCount;
  NoncurrentDays?: Days;
  StorageClass?: TransitionStorageClass;
}

export type NoncurrentVersionTransitionList = NoncurrentVersionTransition[];

export interface NotificationConfiguration {
  EventBridgeConfiguration?: EventBridgeConfiguration;
  LambdaFunctionConfigurations?: LambdaFunctionConfigurationList;
  QueueConfigurations?: QueueConfigurationList;
  TopicConfigurations?: TopicConfigurationList;
}

export interface NotificationConfigurationDeprecated {
  CloudFunctionConfiguration?: CloudFunctionConfiguration;
  QueueConfiguration?: QueueConfigurationDeprecated;
  TopicConfiguration?: TopicConfigurationDeprecated;
}

export interface NotificationConfigurationFilter {
  Key?: S3KeyFilter;
}

export type NotificationId = string;

export interface Object_ {
  ChecksumAlgorithm?: ChecksumAlgorithmList;
  ChecksumType?: ChecksumType;
  ETag?: ETag;
  Key?: ObjectKey;
  LastModified?: LastModified;
  Owner?: Owner;
  RestoreStatus?: RestoreStatus;
  Size?: Size;
  StorageClass?: ObjectStorageClass;
}

export type ObjectAttributes = 'ETag' | 'Checksum' | 'ObjectParts' | 'StorageClass' | 'ObjectSize';

export type ObjectAttributesList = ObjectAttributes[];

export type ObjectCannedACL = 'private' | 'public-read' | 'public-read-write' | 'authenticated-read' | 'aws-exec-read' | 'bucket-owner-read' | 'bucket-owner-full-control';

export interface ObjectEncryption {
  SSEKMS?: SSEKMSEncryption;
}

export interface ObjectIdentifier {
  ETag?: ETag;
  Key: ObjectKey;
  LastModifiedTime?: LastModifiedTime;
  Size?: Size;
  VersionId?: ObjectVersionId;
}

export type ObjectIdentifierList = ObjectIdentifier[];

export type ObjectKey = string;

export type ObjectList = Object_[];

export interface ObjectLockConfiguration {
  ObjectLockEnabled?: ObjectLockEnabled;
  Rule?: ObjectLockRule;
}

export type ObjectLockEnabled = 'Enabled';

export type ObjectLockEnabledForBucket = boolean;

export interface ObjectLockLegalHold {
  Status?: ObjectLockLegalHoldStatus;
}

export type ObjectLockLegalHoldStatus = 'ON' | 'OFF';

export type ObjectLockMode = 'GOVERNANCE' | 'COMPLIANCE';

export type ObjectLockRetainUntilDate = Date;

export interface ObjectLockRetention {
  Mode?: ObjectLockRetentionMode;
  RetainUntilDate?: Date_;
}

export type ObjectLockRetentionMode = 'GOVERNANCE' | 'COMPLIANCE';

export interface ObjectLockRule {
  DefaultRetention?: DefaultRetention;
}

export type ObjectLockToken = string;

export type ObjectOwnership = 'BucketOwnerPreferred' | 'ObjectWriter' | 'BucketOwnerEnforced';

export interface ObjectPart {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  PartNumber?: PartNumber;
  Size?: Size;
}

export type ObjectSize = number;

export type ObjectSizeGreaterThanBytes = number;

export type ObjectSizeLessThanBytes = number;

export type ObjectStorageClass = 'STANDARD' | 'REDUCED_REDUNDANCY' | 'GLACIER' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'DEEP_ARCHIVE' | 'OUTPOSTS' | 'GLACIER_IR' | 'SNOW' | 'EXPRESS_ONEZONE' | 'FSX_OPENZFS' | 'FSX_ONTAP';

export interface ObjectVersion {
  ChecksumAlgorithm?: ChecksumAlgorithmList;
  ChecksumType?: ChecksumType;
  ETag?: ETag;
  IsLatest?: IsLatest;
  Key?: ObjectKey;
  LastModified?: LastModified;
  Owner?: Owner;
  RestoreStatus?: RestoreStatus;
  Size?: Size;
  StorageClass?: ObjectVersionStorageClass;
  VersionId?: ObjectVersionId;
}

export type ObjectVersionId = string;

export type ObjectVersionList = ObjectVersion[];

export type ObjectVersionStorageClass = 'STANDARD';

export type OptionalObjectAttributes = 'RestoreStatus';

export type OptionalObjectAttributesList = OptionalObjectAttributes[];

export interface OutputLocation {
  S3?: S3Location;
}

export interface OutputSerialization {
  CSV?: CSVOutput;
  JSON?: JSONOutput;
}

export interface Owner {
  DisplayName?: DisplayName;
  ID?: ID;
}

export type OwnerOverride = 'Destination';

export interface OwnershipControls {
  Rules: OwnershipControlsRules;
}

export interface OwnershipControlsRule {
  ObjectOwnership: ObjectOwnership;
}

export type OwnershipControlsRules = OwnershipControlsRule[];

export interface ParquetInput {}

export interface Part {
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  LastModified?: LastModified;
  PartNumber?: PartNumber;
  Size?: Size;
}

export type PartNumber = number;

export type PartNumberMarker = number;

export type PartitionDateSource = 'EventTime' | 'DeliveryTime';

export interface PartitionedPrefix {
  PartitionDateSource?: PartitionDateSource;
}

export type Parts = Part[];

export type PartsCount = number;

export type PartsList = ObjectPart[];

export type Payer = 'Requester' | 'BucketOwner';

export type Permission = 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';

export type Policy = string;

export interface PolicyStatus {
  IsPublic?: IsPublic;
}

export type Prefix = string;

export type Priority = number;

export interface Progress {
  BytesProcessed?: BytesProcessed;
  BytesReturned?: BytesReturned;
  BytesScanned?: BytesScanned;
}

export interface ProgressEvent {
  Details?: Progress;
}

export type Protocol = 'http' | 'https';

export interface PublicAccessBlockConfiguration {
  BlockPublicAcls?: Setting;
  BlockPublicPolicy?: Setting;
  IgnorePublicAcls?: Setting;
  RestrictPublicBuckets?: Setting;
}

export interface PutBucketAbacRequest {
  AbacStatus: AbacStatus;
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
}

export interface PutBucketAccelerateConfigurationRequest {
  AccelerateConfiguration: AccelerateConfiguration;
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: AccountId;
}

export interface PutBucketAclRequest {
  ACL?: BucketCannedACL;
  AccessControlPolicy?: AccessControlPolicy;
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWrite?: GrantWrite;
  GrantWriteACP?: GrantWriteACP;
}

export interface PutBucketAnalyticsConfigurationRequest {
  AnalyticsConfiguration: AnalyticsConfiguration;
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: AnalyticsId;
}

export interface PutBucketCorsRequest {
  Bucket: BucketName;
  CORSConfiguration: CORSConfiguration;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
}

export interface PutBucketEncryptionRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  ServerSideEncryptionConfiguration: ServerSideEncryptionConfiguration;
}

export interface PutBucketIntelligentTieringConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: IntelligentTieringId;
  IntelligentTieringConfiguration: IntelligentTieringConfiguration;
}

export interface PutBucketInventoryConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: InventoryId;
  InventoryConfiguration: InventoryConfiguration;
}

export interface PutBucketLifecycleConfigurationOutput {
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface PutBucketLifecycleConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: AccountId;
  LifecycleConfiguration?: BucketLifecycleConfiguration;
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

export interface PutBucketLifecycleRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  LifecycleConfiguration?: LifecycleConfiguration;
}

export interface PutBucketLoggingRequest {
  Bucket: BucketName;
  BucketLoggingStatus: BucketLoggingStatus;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
}

export interface PutBucketMetricsConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Id: MetricsId;
  MetricsConfiguration: MetricsConfiguration;
}

export interface PutBucketNotificationConfigurationRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  NotificationConfiguration: NotificationConfiguration;
  SkipDestinationValidation?: SkipValidation;
}

export interface PutBucketNotificationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  NotificationConfiguration: NotificationConfigurationDeprecated;
}

export interface PutBucketOwnershipControlsRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  OwnershipControls: OwnershipControls;
}

export interface PutBucketPolicyRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ConfirmRemoveSelfBucketAccess?: ConfirmRemoveSelfBucketAccess;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Policy: Policy;
}

export interface PutBucketReplicationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  ReplicationConfiguration: ReplicationConfiguration;
  Token?: ObjectLockToken;
}

export interface PutBucketRequestPaymentRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  RequestPaymentConfiguration: RequestPaymentConfiguration;
}

export interface PutBucketTaggingRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Tagging: Tagging;
}

export interface PutBucketVersioningRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  MFA?: MFA;
  VersioningConfiguration: VersioningConfiguration;
}

export interface PutBucketWebsiteRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  WebsiteConfiguration: WebsiteConfiguration;
}

export interface PutObjectAclOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectAclRequest {
  ACL?: ObjectCannedACL;
  AccessControlPolicy?: AccessControlPolicy;
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWrite?: GrantWrite;
  GrantWriteACP?: GrantWriteACP;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface PutObjectLegalHoldOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectLegalHoldRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  LegalHold?: ObjectLockLegalHold;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface PutObjectLockConfigurationOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectLockConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  ObjectLockConfiguration?: ObjectLockConfiguration;
  RequestPayer?: RequestPayer;
  Token?: ObjectLockToken;
}

export interface PutObjectOutput {
  BucketKeyEnabled?: BucketKeyEnabled;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumType?: ChecksumType;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  Expiration?: Expiration;
  RequestCharged?: RequestCharged;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  Size?: Size;
  VersionId?: ObjectVersionId;
}

export interface PutObjectRequest {
  ACL?: ObjectCannedACL;
  Body?: Body;
  Bucket: BucketName;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentLength?: ContentLength;
  ContentMD5?: ContentMD5;
  ContentType?: ContentType;
  ExpectedBucketOwner?: AccountId;
  Expires?: Expires;
  GrantFullControl?: GrantFullControl;
  GrantRead?: GrantRead;
  GrantReadACP?: GrantReadACP;
  GrantWriteACP?: GrantWriteACP;
  IfMatch?: IfMatch;
  IfNoneMatch?: IfNoneMatch;
  Key: ObjectKey;
  Metadata?: Metadata;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSEncryptionContext?: SSEKMSEncryptionContext;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StorageClass?: StorageClass;
  Tagging?: TaggingHeader;
  WebsiteRedirectLocation?: WebsiteRedirectLocation;
  WriteOffsetBytes?: WriteOffsetBytes;
}

export interface PutObjectRetentionOutput {
  RequestCharged?: RequestCharged;
}

export interface PutObjectRetentionRequest {
  Bucket: BucketName;
  BypassGovernanceRetention?: BypassGovernanceRetention;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  Retention?: ObjectLockRetention;
  VersionId?: ObjectVersionId;
}

export interface PutObjectTaggingOutput {
  VersionId?: ObjectVersionId;
}

export interface PutObjectTaggingRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  Tagging: Tagging;
  VersionId?: ObjectVersionId;
}

export interface PutPublicAccessBlockRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  PublicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}

export type QueueArn = string;

export interface QueueConfiguration {
  Events: EventList;
  Filter?: NotificationConfigurationFilter;
  Id?: NotificationId;
  QueueArn: QueueArn;
}

export interface QueueConfigurationDeprecated {
  Event?: Event_;
  Events?: EventList;
  Id?: NotificationId;
  Queue?: QueueArn;
}

export type QueueConfigurationList = QueueConfiguration[];

export type Quiet = boolean;

export type QuoteCharacter = string;

export type QuoteEscapeCharacter = string;

export type QuoteFields = 'ALWAYS' | 'ASNEEDED';

export type Range = string;

export type RecordDelimiter = string;

export interface RecordExpiration {
  Days?: RecordExpirationDays;
  Expiration: ExpirationState;
}

export type RecordExpirationDays = number;

export interface RecordsEvent {
  Payload?: Body;
}

export interface Redirect {
  HostName?: HostName;
  HttpRedirectCode?: HttpRedirectCode;
  Protocol?: Protocol;
  ReplaceKeyPrefixWith?: ReplaceKeyPrefixWith;
  ReplaceKeyWith?: ReplaceKeyWith;
}

export interface RedirectAllRequestsTo {
  HostName: HostName;
  Protocol?: Protocol;
}

export type Region = string;

export interface RenameObjectOutput {}

export interface RenameObjectRequest {
  Bucket: BucketName;
  ClientToken?: ClientToken;
  DestinationIfMatch?: IfMatch;
  DestinationIfModifiedSince?: IfModifiedSince;
  DestinationIfNoneMatch?: IfNoneMatch;
  DestinationIfUnmodifiedSince?: IfUnmodifiedSince;
  Key: ObjectKey;
  RenameSource: RenameSource;
  SourceIfMatch?: RenameSourceIfMatch;
  SourceIfModifiedSince?: RenameSourceIfModifiedSince;
  SourceIfNoneMatch?: RenameSourceIfNoneMatch;
  SourceIfUnmodifiedSince?: RenameSourceIfUnmodifiedSince;
}

export type RenameSource = string;

export type RenameSourceIfMatch = string;

export type RenameSourceIfModifiedSince = Date;

export type RenameSourceIfNoneMatch = string;

export type RenameSourceIfUnmodifiedSince = Date;

export type ReplaceKeyPrefixWith = string;

export type ReplaceKeyWith = string;

export type ReplicaKmsKeyID = string;

export interface ReplicaModifications {
  Status: ReplicaModificationsStatus;
}

export type ReplicaModificationsStatus = 'Enabled' | 'Disabled';

export interface ReplicationConfiguration {
  Role: Role;
  Rules: ReplicationRules;
}

export interface ReplicationRule {
  DeleteMarkerReplication?: DeleteMarkerReplication;
  Destination: Destination;
  ExistingObjectReplication?: ExistingObjectReplication;
  Filter?: ReplicationRuleFilter;
  ID?: ID;
  Prefix?: Prefix;
  Priority?: Priority;
  SourceSelectionCriteria?: SourceSelectionCriteria;
  Status: ReplicationRuleStatus;
}

export interface ReplicationRuleAndOperator {
  Prefix?: Prefix;
  Tags?: TagSet;
}

export interface ReplicationRuleFilter {
  And?: ReplicationRuleAndOperator;
  Prefix?: Prefix;
  Tag?: Tag;
}

export type ReplicationRuleStatus = 'Enabled' | 'Disabled';

export type ReplicationRules = ReplicationRule[];

export type ReplicationStatus = 'COMPLETE' | 'PENDING' | 'FAILED' | 'REPLICA' | 'COMPLETED';

export interface ReplicationTime {
  Status: ReplicationTimeStatus;
  Time: ReplicationTimeValue;
}

export type ReplicationTimeStatus = 'Enabled' | 'Disabled';

export interface ReplicationTimeValue {
  Minutes?: Minutes;
}

export type RequestCharged = 'requester';

export type RequestPayer = 'requester';

export interface RequestPaymentConfiguration {
  Payer: Payer;
}

export interface RequestProgress {
  Enabled?: EnableRequestProgress;
}

export type RequestRoute = string;

export type RequestToken = string;

export type ResponseCacheControl = string;

export type ResponseContentDisposition = string;

export type ResponseContentEncoding = string;

export type ResponseContentLanguage = string;

export type ResponseContentType = string;

export type ResponseExpires = Date;

export type Restore = string;

export type RestoreExpiryDate = Date;

export interface RestoreObjectOutput {
  RequestCharged?: RequestCharged;
  RestoreOutputPath?: RestoreOutputPath;
}

export interface RestoreObjectRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  RequestPayer?: RequestPayer;
  RestoreRequest?: RestoreRequest;
  VersionId?: ObjectVersionId;
}

export type RestoreOutputPath = string;

export interface RestoreRequest {
  Days?: Days;
  Description?: Description;
  GlacierJobParameters?: GlacierJobParameters;
  OutputLocation?: OutputLocation;
  SelectParameters?: SelectParameters;
  Tier?: Tier;
  Type?: RestoreRequestType;
}

export type RestoreRequestType = 'SELECT';

export interface RestoreStatus {
  IsRestoreInProgress?: IsRestoreInProgress;
  RestoreExpiryDate?: RestoreExpiryDate;
}

export type Role = string;

export interface RoutingRule {
  Condition?: Condition;
  Redirect: Redirect;
}

export type RoutingRules = RoutingRule[];

export interface Rule {
  AbortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
  Expiration?: LifecycleExpiration;
  ID?: ID;
  NoncurrentVersionExpiration?: NoncurrentVersionExpiration;
  NoncurrentVersionTransition?: NoncurrentVersionTransition;
  Prefix: Prefix;
  Status: ExpirationStatus;
  Transition?: Transition;
}

export type Rules = Rule[];

export interface S3KeyFilter {
  FilterRules?: FilterRuleList;
}

export interface S3Location {
  AccessControlList?: Grants;
  BucketName: BucketName;
  CannedACL?: ObjectCannedACL;
  Encryption?: Encryption;
  Prefix: LocationPrefix;
  StorageClass?: StorageClass;
  Tagging?: Tagging;
  UserMetadata?: UserMetadata;
}

export type S3RegionalOrS3ExpressBucketArnString = string;

export type S3TablesArn = string;

export type S3TablesBucketArn = string;

export type S3TablesBucketType = 'aws' | 'customer';

export interface S3TablesDestination {
  TableBucketArn: S3TablesBucketArn;
  TableName: S3TablesName;
}

export interface S3TablesDestinationResult {
  TableArn: S3TablesArn;
  TableBucketArn: S3TablesBucketArn;
  TableName: S3TablesName;
  TableNamespace: S3TablesNamespace;
}

export type S3TablesName = string;

export type S3TablesNamespace = string;

export type SSECustomerAlgorithm = string;

export type SSECustomerKey = string;

export type SSECustomerKeyMD5 = string;

export interface SSEKMS {
  KeyId: SSEKMSKeyId;
}

export interface SSEKMSEncryption {
  BucketKeyEnabled?: BucketKeyEnabled;
  KMSKeyArn: NonEmptyKmsKeyArnString;
}

export type SSEKMSEncryptionContext = string;

export type SSEKMSKeyId = string;

export interface SSES3 {}

export interface ScanRange {
  End?: End;
  Start?: Start;
}

export interface SelectObjectContentEventStream {
  Cont?: ContinuationEvent;
  End?: EndEvent;
  Progress?: ProgressEvent;
  Records?: RecordsEvent;
  Stats?: StatsEvent;
}

export interface SelectObjectContentOutput {
  Payload?: SelectObjectContentEventStream;
}

export interface SelectObjectContentRequest {
  Bucket: BucketName;
  ExpectedBucketOwner?: AccountId;
  Expression: Expression;
  ExpressionType: ExpressionType;
  InputSerialization: InputSerialization;
  Key: ObjectKey;
  OutputSerialization: OutputSerialization;
  RequestProgress?: RequestProgress;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  ScanRange?: ScanRange;
}

export interface SelectParameters {
  Expression: Expression;
  ExpressionType: ExpressionType;
  InputSerialization: InputSerialization;
  OutputSerialization: OutputSerialization;
}

export type ServerSideEncryption = 'AES256' | 'aws:fsx' | 'aws:kms' | 'aws:kms:dsse';

export interface ServerSideEncryptionByDefault {
  KMSMasterKeyID?: SSEKMSKeyId;
  SSEAlgorithm: ServerSideEncryption;
}

export interface ServerSideEncryptionConfiguration {
  Rules: ServerSideEncryptionRules;
}

export interface ServerSideEncryptionRule {
  ApplyServerSideEncryptionByDefault?: ServerSideEncryptionByDefault;
  BlockedEncryptionTypes?: BlockedEncryptionTypes;
  BucketKeyEnabled?: BucketKeyEnabled;
}

export type ServerSideEncryptionRules = ServerSideEncryptionRule[];

export type SessionCredentialValue = string;

export interface SessionCredentials {
  AccessKeyId: AccessKeyIdValue;
  Expiration: SessionExpiration;
  SecretAccessKey: SessionCredentialValue;
  SessionToken: SessionCredentialValue;
}

export type SessionExpiration = Date;

export type SessionMode = 'ReadOnly' | 'ReadWrite';

export type Setting = boolean;

export interface SimplePrefix {}

export type Size = number;

export type SkipValidation = boolean;

export interface SourceSelectionCriteria {
  ReplicaModifications?: ReplicaModifications;
  SseKmsEncryptedObjects?: SseKmsEncryptedObjects;
}

export interface SseKmsEncryptedObjects {
  Status: SseKmsEncryptedObjectsStatus;
}

export type SseKmsEncryptedObjectsStatus = 'Enabled' | 'Disabled';

export type Start = number;

export type StartAfter = string;

export interface Stats {
  BytesProcessed?: BytesProcessed;
  BytesReturned?: BytesReturned;
  BytesScanned?: BytesScanned;
}

export interface StatsEvent {
  Details?: Stats;
}

export type StorageClass = 'STANDARD' | 'REDUCED_REDUNDANCY' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'GLACIER' | 'DEEP_ARCHIVE' | 'OUTPOSTS' | 'GLACIER_IR' | 'SNOW' | 'EXPRESS_ONEZONE' | 'FSX_OPENZFS' | 'FSX_ONTAP';

export interface StorageClassAnalysis {
  DataExport?: StorageClassAnalysisDataExport;
}

export interface StorageClassAnalysisDataExport {
  Destination: AnalyticsExportDestination;
  OutputSchemaVersion: StorageClassAnalysisSchemaVersion;
}

export type StorageClassAnalysisSchemaVersion = 'V_1';

export type Suffix = string;

export type TableSseAlgorithm = 'aws:kms' | 'AES256';

export interface Tag {
  Key: ObjectKey;
  Value: Value;
}

export type TagCount = number;

export type TagSet = Tag[];

export interface Tagging {
  TagSet: TagSet;
}

export type TaggingDirective = 'COPY' | 'REPLACE';

export type TaggingHeader = string;

export type TargetBucket = string;

export interface TargetGrant {
  Grantee?: Grantee;
  Permission?: BucketLogsPermission;
}

export type TargetGrants = TargetGrant[];

export interface TargetObjectKeyFormat {
  PartitionedPrefix?: PartitionedPrefix;
  SimplePrefix?: SimplePrefix;
}

export type TargetPrefix = string;

export type Tier = 'Standard' | 'Bulk' | 'Expedited';

export interface Tiering {
  AccessTier: IntelligentTieringAccessTier;
  Days: IntelligentTieringDays;
}

export type TieringList = Tiering[];

export type Token = string;

export type TopicArn = string;

export interface TopicConfiguration {
  Events: EventList;
  Filter?: NotificationConfigurationFilter;
  Id?: NotificationId;
  TopicArn: TopicArn;
}

export interface TopicConfigurationDeprecated {
  Event?: Event_;
  Events?: EventList;
  Id?: NotificationId;
  Topic?: TopicArn;
}

export type TopicConfigurationList = TopicConfiguration[];

export interface Transition {
  Date?: Date_;
  Days?: Days;
  StorageClass?: TransitionStorageClass;
}

export type TransitionDefaultMinimumObjectSize = 'varies_by_storage_class' | 'all_storage_classes_128K';

export type TransitionList = Transition[];

export type TransitionStorageClass = 'GLACIER' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING' | 'DEEP_ARCHIVE' | 'GLACIER_IR';

export type Type = 'CanonicalUser' | 'AmazonCustomerByEmail' | 'Group';

export type URI = string;

export interface UpdateBucketMetadataInventoryTableConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  InventoryTableConfiguration: InventoryTableConfigurationUpdates;
}

export interface UpdateBucketMetadataJournalTableConfigurationRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  JournalTableConfiguration: JournalTableConfigurationUpdates;
}

export interface UpdateObjectEncryptionRequest {
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  ObjectEncryption: ObjectEncryption;
  RequestPayer?: RequestPayer;
  VersionId?: ObjectVersionId;
}

export interface UpdateObjectEncryptionResponse {
  RequestCharged?: RequestCharged;
}

export type UploadIdMarker = string;

export interface UploadPartCopyOutput {
  BucketKeyEnabled?: BucketKeyEnabled;
  CopyPartResult?: CopyPartResult;
  CopySourceVersionId?: CopySourceVersionId;
  RequestCharged?: RequestCharged;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
}

export interface UploadPartCopyRequest {
  Bucket: BucketName;
  CopySource: CopySource;
  CopySourceIfMatch?: CopySourceIfMatch;
  CopySourceIfModifiedSince?: CopySourceIfModifiedSince;
  CopySourceIfNoneMatch?: CopySourceIfNoneMatch;
  CopySourceIfUnmodifiedSince?: CopySourceIfUnmodifiedSince;
  CopySourceRange?: CopySourceRange;
  CopySourceSSECustomerAlgorithm?: CopySourceSSECustomerAlgorithm;
  CopySourceSSECustomerKey?: CopySourceSSECustomerKey;
  CopySourceSSECustomerKeyMD5?: CopySourceSSECustomerKeyMD5;
  ExpectedBucketOwner?: AccountId;
  ExpectedSourceBucketOwner?: AccountId;
  Key: ObjectKey;
  PartNumber: PartNumber;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  UploadId: MultipartUploadId;
}

export interface UploadPartOutput {
  BucketKeyEnabled?: BucketKeyEnabled;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ETag?: ETag;
  RequestCharged?: RequestCharged;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
}

export interface UploadPartRequest {
  Body?: Body;
  Bucket: BucketName;
  ChecksumAlgorithm?: ChecksumAlgorithm;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ContentLength?: ContentLength;
  ContentMD5?: ContentMD5;
  ExpectedBucketOwner?: AccountId;
  Key: ObjectKey;
  PartNumber: PartNumber;
  RequestPayer?: RequestPayer;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKey?: SSECustomerKey;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  UploadId: MultipartUploadId;
}

export type UserMetadata = MetadataEntry[];

export type Value = string;

export type VersionCount = number;

export type VersionIdMarker = string;

export interface VersioningConfiguration {
  MFADelete?: MFADelete;
  Status?: BucketVersioningStatus;
}

export interface WebsiteConfiguration {
  ErrorDocument?: ErrorDocument;
  IndexDocument?: IndexDocument;
  RedirectAllRequestsTo?: RedirectAllRequestsTo;
  RoutingRules?: RoutingRules;
}

export type WebsiteRedirectLocation = string;

export interface WriteGetObjectResponseRequest {
  AcceptRanges?: AcceptRanges;
  Body?: Body;
  BucketKeyEnabled?: BucketKeyEnabled;
  CacheControl?: CacheControl;
  ChecksumCRC32?: ChecksumCRC32;
  ChecksumCRC32C?: ChecksumCRC32C;
  ChecksumCRC64NVME?: ChecksumCRC64NVME;
  ChecksumMD5?: ChecksumMD5;
  ChecksumSHA1?: ChecksumSHA1;
  ChecksumSHA256?: ChecksumSHA256;
  ChecksumSHA512?: ChecksumSHA512;
  ChecksumXXHASH128?: ChecksumXXHASH128;
  ChecksumXXHASH3?: ChecksumXXHASH3;
  ChecksumXXHASH64?: ChecksumXXHASH64;
  ContentDisposition?: ContentDisposition;
  ContentEncoding?: ContentEncoding;
  ContentLanguage?: ContentLanguage;
  ContentLength?: ContentLength;
  ContentRange?: ContentRange;
  ContentType?: ContentType;
  DeleteMarker?: DeleteMarker;
  ETag?: ETag;
  ErrorCode?: ErrorCode;
  ErrorMessage?: ErrorMessage;
  Expiration?: Expiration;
  Expires?: Expires;
  LastModified?: LastModified;
  Metadata?: Metadata;
  MissingMeta?: MissingMeta;
  ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  ObjectLockMode?: ObjectLockMode;
  ObjectLockRetainUntilDate?: ObjectLockRetainUntilDate;
  PartsCount?: PartsCount;
  ReplicationStatus?: ReplicationStatus;
  RequestCharged?: RequestCharged;
  RequestRoute: RequestRoute;
  RequestToken: RequestToken;
  Restore?: Restore;
  SSECustomerAlgorithm?: SSECustomerAlgorithm;
  SSECustomerKeyMD5?: SSECustomerKeyMD5;
  SSEKMSKeyId?: SSEKMSKeyId;
  ServerSideEncryption?: ServerSideEncryption;
  StatusCode?: GetObjectResponseStatusCode;
  StorageClass?: StorageClass;
  TagCount?: TagCount;
  VersionId?: ObjectVersionId;
}

export type WriteOffsetBytes = number;

export type Years = number;

// Operations

export interface S3Api {
  AbortMultipartUpload(ctx: RequestContext, input: AbortMultipartUploadRequest): Promise<AbortMultipartUploadOutput>;
  CompleteMultipartUpload(ctx: RequestContext, input: CompleteMultipartUploadRequest): Promise<CompleteMultipartUploadOutput>;
  CopyObject(ctx: RequestContext, input: CopyObjectRequest): Promise<CopyObjectOutput>;
  CreateBucket(ctx: RequestContext, input: CreateBucketRequest): Promise<CreateBucketOutput>;
  CreateBucketMetadataConfiguration(ctx: RequestContext, input: CreateBucketMetadataConfigurationRequest): Promise<void>;
  CreateBucketMetadataTableConfiguration(ctx: RequestContext, input: CreateBucketMetadataTableConfigurationRequest): Promise<void>;
  CreateMultipartUpload(ctx: RequestContext, input: CreateMultipartUploadRequest): Promise<CreateMultipartUploadOutput>;
  CreateSession(ctx: RequestContext, input: CreateSessionRequest): Promise<CreateSessionOutput>;
  DeleteBucket(ctx: RequestContext, input: DeleteBucketRequest): Promise<void>;
  DeleteBucketAnalyticsConfiguration(ctx: RequestContext, input: DeleteBucketAnalyticsConfigurationRequest): Promise<void>;
  DeleteBucketCors(ctx: RequestContext, input: DeleteBucketCorsRequest): Promise<void>;
  DeleteBucketEncryption(ctx: RequestContext, input: DeleteBucketEncryptionRequest): Promise<void>;
  DeleteBucketIntelligentTieringConfiguration(ctx: RequestContext, input: DeleteBucketIntelligentTieringConfigurationRequest): Promise<void>;
  DeleteBucketInventoryConfiguration(ctx: RequestContext, input: DeleteBucketInventoryConfigurationRequest): Promise<void>;
  DeleteBucketLifecycle(ctx: RequestContext, input: DeleteBucketLifecycleRequest): Promise<void>;
  DeleteBucketMetadataConfiguration(ctx: RequestContext, input: DeleteBucketMetadataConfigurationRequest): Promise<void>;
  DeleteBucketMetadataTableConfiguration(ctx: RequestContext, input: DeleteBucketMetadataTableConfigurationRequest): Promise<void>;
  DeleteBucketMetricsConfiguration(ctx: RequestContext, input: DeleteBucketMetricsConfigurationRequest): Promise<void>;
  DeleteBucketOwnershipControls(ctx: RequestContext, input: DeleteBucketOwnershipControlsRequest): Promise<void>;
  DeleteBucketPolicy(ctx: RequestContext, input: DeleteBucketPolicyRequest): Promise<void>;
  DeleteBucketReplication(ctx: RequestContext, input: DeleteBucketReplicationRequest): Promise<void>;
  DeleteBucketTagging(ctx: RequestContext, input: DeleteBucketTaggingRequest): Promise<void>;
  DeleteBucketWebsite(ctx: RequestContext, input: DeleteBucketWebsiteRequest): Promise<void>;
  DeleteObject(ctx: RequestContext, input: DeleteObjectRequest): Promise<DeleteObjectOutput>;
  DeleteObjectTagging(ctx: RequestContext, input: DeleteObjectTaggingRequest): Promise<DeleteObjectTaggingOutput>;
  DeleteObjects(ctx: RequestContext, input: DeleteObjectsRequest): Promise<DeleteObjectsOutput>;
  DeletePublicAccessBlock(ctx: RequestContext, input: DeletePublicAccessBlockRequest): Promise<void>;
  GetBucketAbac(ctx: RequestContext, input: GetBucketAbacRequest): Promise<GetBucketAbacOutput>;
  GetBucketAccelerateConfiguration(ctx: RequestContext, input: GetBucketAccelerateConfigurationRequest): Promise<GetBucketAccelerateConfigurationOutput>;
  GetBucketAcl(ctx: RequestContext, input: GetBucketAclRequest): Promise<GetBucketAclOutput>;
  GetBucketAnalyticsConfiguration(ctx: RequestContext, input: GetBucketAnalyticsConfigurationRequest): Promise<GetBucketAnalyticsConfigurationOutput>;
  GetBucketCors(ctx: RequestContext, input: GetBucketCorsRequest): Promise<GetBucketCorsOutput>;
  GetBucketEncryption(ctx: RequestContext, input: GetBucketEncryptionRequest): Promise<GetBucketEncryptionOutput>;
  GetBucketIntelligentTieringConfiguration(ctx: RequestContext, input: GetBucketIntelligentTieringConfigurationRequest): Promise<GetBucketIntelligentTieringConfigurationOutput>;
  GetBucketInventoryConfiguration(ctx: RequestContext, input: GetBucketInventoryConfigurationRequest): Promise<GetBucketInventoryConfigurationOutput>;
  GetBucketLifecycle(ctx: RequestContext, input: GetBucketLifecycleRequest): Promise<GetBucketLifecycleOutput>;
  GetBucketLifecycleConfiguration(ctx: RequestContext, input: GetBucketLifecycleConfigurationRequest): Promise<GetBucketLifecycleConfigurationOutput>;
  GetBucketLocation(ctx: RequestContext, input: GetBucketLocationRequest): Promise<GetBucketLocationOutput>;
  GetBucketLogging(ctx: RequestContext, input: GetBucketLoggingRequest): Promise<GetBucketLoggingOutput>;
  GetBucketMetadataConfiguration(ctx: RequestContext, input: GetBucketMetadataConfigurationRequest): Promise<GetBucketMetadataConfigurationOutput>;
  GetBucketMetadataTableConfiguration(ctx: RequestContext, input: GetBucketMetadataTableConfigurationRequest): Promise<GetBucketMetadataTableConfigurationOutput>;
  GetBucketMetricsConfiguration(ctx: RequestContext, input: GetBucketMetricsConfigurationRequest): Promise<GetBucketMetricsConfigurationOutput>;
  GetBucketNotification(ctx: RequestContext, input: GetBucketNotificationConfigurationRequest): Promise<NotificationConfigurationDeprecated>;
  GetBucketNotificationConfiguration(ctx: RequestContext, input: GetBucketNotificationConfigurationRequest): Promise<NotificationConfiguration>;
  GetBucketOwnershipControls(ctx: RequestContext, input: GetBucketOwnershipControlsRequest): Promise<GetBucketOwnershipControlsOutput>;
  GetBucketPolicy(ctx: RequestContext, input: GetBucketPolicyRequest): Promise<GetBucketPolicyOutput>;
  GetBucketPolicyStatus(ctx: RequestContext, input: GetBucketPolicyStatusRequest): Promise<GetBucketPolicyStatusOutput>;
  GetBucketReplication(ctx: RequestContext, input: GetBucketReplicationRequest): Promise<GetBucketReplicationOutput>;
  GetBucketRequestPayment(ctx: RequestContext, input: GetBucketRequestPaymentRequest): Promise<GetBucketRequestPaymentOutput>;
  GetBucketTagging(ctx: RequestContext, input: GetBucketTaggingRequest): Promise<GetBucketTaggingOutput>;
  GetBucketVersioning(ctx: RequestContext, input: GetBucketVersioningRequest): Promise<GetBucketVersioningOutput>;
  GetBucketWebsite(ctx: RequestContext, input: GetBucketWebsiteRequest): Promise<GetBucketWebsiteOutput>;
  GetObject(ctx: RequestContext, input: GetObjectRequest): Promise<GetObjectOutput>;
  GetObjectAcl(ctx: RequestContext, input: GetObjectAclRequest): Promise<GetObjectAclOutput>;
  GetObjectAttributes(ctx: RequestContext, input: GetObjectAttributesRequest): Promise<GetObjectAttributesOutput>;
  GetObjectLegalHold(ctx: RequestContext, input: GetObjectLegalHoldRequest): Promise<GetObjectLegalHoldOutput>;
  GetObjectLockConfiguration(ctx: RequestContext, input: GetObjectLockConfigurationRequest): Promise<GetObjectLockConfigurationOutput>;
  GetObjectRetention(ctx: RequestContext, input: GetObjectRetentionRequest): Promise<GetObjectRetentionOutput>;
  GetObjectTagging(ctx: RequestContext, input: GetObjectTaggingRequest): Promise<GetObjectTaggingOutput>;
  GetObjectTorrent(ctx: RequestContext, input: GetObjectTorrentRequest): Promise<GetObjectTorrentOutput>;
  GetPublicAccessBlock(ctx: RequestContext, input: GetPublicAccessBlockRequest): Promise<GetPublicAccessBlockOutput>;
  HeadBucket(ctx: RequestContext, input: HeadBucketRequest): Promise<HeadBucketOutput>;
  HeadObject(ctx: RequestContext, input: HeadObjectRequest): Promise<HeadObjectOutput>;
  ListBucketAnalyticsConfigurations(ctx: RequestContext, input: ListBucketAnalyticsConfigurationsRequest): Promise<ListBucketAnalyticsConfigurationsOutput>;
  ListBucketIntelligentTieringConfigurations(ctx: RequestContext, input: ListBucketIntelligentTieringConfigurationsRequest): Promise<ListBucketIntelligentTieringConfigurationsOutput>;
  ListBucketInventoryConfigurations(ctx: RequestContext, input: ListBucketInventoryConfigurationsRequest): Promise<ListBucketInventoryConfigurationsOutput>;
  ListBucketMetricsConfigurations(ctx: RequestContext, input: ListBucketMetricsConfigurationsRequest): Promise<ListBucketMetricsConfigurationsOutput>;
  ListBuckets(ctx: RequestContext, input: ListBucketsRequest): Promise<ListBucketsOutput>;
  ListDirectoryBuckets(ctx: RequestContext, input: ListDirectoryBucketsRequest): Promise<ListDirectoryBucketsOutput>;
  ListMultipartUploads(ctx: RequestContext, input: ListMultipartUploadsRequest): Promise<ListMultipartUploadsOutput>;
  ListObjectVersions(ctx: RequestContext, input: ListObjectVersionsRequest): Promise<ListObjectVersionsOutput>;
  ListObjects(ctx: RequestContext, input: ListObjectsRequest): Promise<ListObjectsOutput>;
  ListObjectsV2(ctx: RequestContext, input: ListObjectsV2Request): Promise<ListObjectsV2Output>;
  ListParts(ctx: RequestContext, input: ListPartsRequest): Promise<ListPartsOutput>;
  PutBucketAbac(ctx: RequestContext, input: PutBucketAbacRequest): Promise<void>;
  PutBucketAccelerateConfiguration(ctx: RequestContext, input: PutBucketAccelerateConfigurationRequest): Promise<void>;
  PutBucketAcl(ctx: RequestContext, input: PutBucketAclRequest): Promise<void>;
  PutBucketAnalyticsConfiguration(ctx: RequestContext, input: PutBucketAnalyticsConfigurationRequest): Promise<void>;
  PutBucketCors(ctx: RequestContext, input: PutBucketCorsRequest): Promise<void>;
  PutBucketEncryption(ctx: RequestContext, input: PutBucketEncryptionRequest): Promise<void>;
  PutBucketIntelligentTieringConfiguration(ctx: RequestContext, input: PutBucketIntelligentTieringConfigurationRequest): Promise<void>;
  PutBucketInventoryConfiguration(ctx: RequestContext, input: PutBucketInventoryConfigurationRequest): Promise<void>;
  PutBucketLifecycle(ctx: RequestContext, input: PutBucketLifecycleRequest): Promise<void>;
  PutBucketLifecycleConfiguration(ctx: RequestContext, input: PutBucketLifecycleConfigurationRequest): Promise<PutBucketLifecycleConfigurationOutput>;
  PutBucketLogging(ctx: RequestContext, input: PutBucketLoggingRequest): Promise<void>;
  PutBucketMetricsConfiguration(ctx: RequestContext, input: PutBucketMetricsConfigurationRequest): Promise<void>;
  PutBucketNotification(ctx: RequestContext, input: PutBucketNotificationRequest): Promise<void>;
  PutBucketNotificationConfiguration(ctx: RequestContext, input: PutBucketNotificationConfigurationRequest): Promise<void>;
  PutBucketOwnershipControls(ctx: RequestContext, input: PutBucketOwnershipControlsRequest): Promise<void>;
  PutBucketPolicy(ctx: RequestContext, input: PutBucketPolicyRequest): Promise<void>;
  PutBucketReplication(ctx: RequestContext, input: PutBucketReplicationRequest): Promise<void>;
  PutBucketRequestPayment(ctx: RequestContext, input: PutBucketRequestPaymentRequest): Promise<void>;
  PutBucketTagging(ctx: RequestContext, input: PutBucketTaggingRequest): Promise<void>;
  PutBucketVersioning(ctx: RequestContext, input: PutBucketVersioningRequest): Promise<void>;
  PutBucketWebsite(ctx: RequestContext, input: PutBucketWebsiteRequest): Promise<void>;
  PutObject(ctx: RequestContext, input: PutObjectRequest): Promise<PutObjectOutput>;
  PutObjectAcl(ctx: RequestContext, input: PutObjectAclRequest): Promise<PutObjectAclOutput>;
  PutObjectLegalHold(ctx: RequestContext, input: PutObjectLegalHoldRequest): Promise<PutObjectLegalHoldOutput>;
  PutObjectLockConfiguration(ctx: RequestContext, input: PutObjectLockConfigurationRequest): Promise<PutObjectLockConfigurationOutput>;
  PutObjectRetention(ctx: RequestContext, input: PutObjectRetentionRequest): Promise<PutObjectRetentionOutput>;
  PutObjectTagging(ctx: RequestContext, input: PutObjectTaggingRequest): Promise<PutObjectTaggingOutput>;
  PutPublicAccessBlock(ctx: RequestContext, input: PutPublicAccessBlockRequest): Promise<void>;
  RenameObject(ctx: RequestContext, input: RenameObjectRequest): Promise<RenameObjectOutput>;
  RestoreObject(ctx: RequestContext, input: RestoreObjectRequest): Promise<RestoreObjectOutput>;
  SelectObjectContent(ctx: RequestContext, input: SelectObjectContentRequest): Promise<SelectObjectContentOutput>;
  UpdateBucketMetadataInventoryTableConfiguration(ctx: RequestContext, input: UpdateBucketMetadataInventoryTableConfigurationRequest): Promise<void>;
  UpdateBucketMetadataJournalTableConfiguration(ctx: RequestContext, input: UpdateBucketMetadataJournalTableConfigurationRequest): Promise<void>;
  UpdateObjectEncryption(ctx: RequestContext, input: UpdateObjectEncryptionRequest): Promise<UpdateObjectEncryptionResponse>;
  UploadPart(ctx: RequestContext, input: UploadPartRequest): Promise<UploadPartOutput>;
  UploadPartCopy(ctx: RequestContext, input: UploadPartCopyRequest): Promise<UploadPartCopyOutput>;
  WriteGetObjectResponse(ctx: RequestContext, input: WriteGetObjectResponseRequest): Promise<void>;
}

export const operations = [
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CopyObject',
  'CreateBucket',
  'CreateBucketMetadataConfiguration',
  'CreateBucketMetadataTableConfiguration',
  'CreateMultipartUpload',
  'CreateSession',
  'DeleteBucket',
  'DeleteBucketAnalyticsConfiguration',
  'DeleteBucketCors',
  'DeleteBucketEncryption',
  'DeleteBucketIntelligentTieringConfiguration',
  'DeleteBucketInventoryConfiguration',
  'DeleteBucketLifecycle',
  'DeleteBucketMetadataConfiguration',
  'DeleteBucketMetadataTableConfiguration',
  'DeleteBucketMetricsConfiguration',
  'DeleteBucketOwnershipControls',
  'DeleteBucketPolicy',
  'DeleteBucketReplication',
  'DeleteBucketTagging',
  'DeleteBucketWebsite',
  'DeleteObject',
  'DeleteObjectTagging',
  'DeleteObjects',
  'DeletePublicAccessBlock',
  'GetBucketAbac',
  'GetBucketAccelerateConfiguration',
  'GetBucketAcl',
  'GetBucketAnalyticsConfiguration',
  'GetBucketCors',
  'GetBucketEncryption',
  'GetBucketIntelligentTieringConfiguration',
  'GetBucketInventoryConfiguration',
  'GetBucketLifecycle',
  'GetBucketLifecycleConfiguration',
  'GetBucketLocation',
  'GetBucketLogging',
  'GetBucketMetadataConfiguration',
  'GetBucketMetadataTableConfiguration',
  'GetBucketMetricsConfiguration',
  'GetBucketNotification',
  'GetBucketNotificationConfiguration',
  'GetBucketOwnershipControls',
  'GetBucketPolicy',
  'GetBucketPolicyStatus',
  'GetBucketReplication',
  'GetBucketRequestPayment',
  'GetBucketTagging',
  'GetBucketVersioning',
  'GetBucketWebsite',
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectLockConfiguration',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'GetPublicAccessBlock',
  'HeadBucket',
  'HeadObject',
  'ListBucketAnalyticsConfigurations',
  'ListBucketIntelligentTieringConfigurations',
  'ListBucketInventoryConfigurations',
  'ListBucketMetricsConfigurations',
  'ListBuckets',
  'ListDirectoryBuckets',
  'ListMultipartUploads',
  'ListObjectVersions',
  'ListObjects',
  'ListObjectsV2',
  'ListParts',
  'PutBucketAbac',
  'PutBucketAccelerateConfiguration',
  'PutBucketAcl',
  'PutBucketAnalyticsConfiguration',
  'PutBucketCors',
  'PutBucketEncryption',
  'PutBucketIntelligentTieringConfiguration',
  'PutBucketInventoryConfiguration',
  'PutBucketLifecycle',
  'PutBucketLifecycleConfiguration',
  'PutBucketLogging',
  'PutBucketMetricsConfiguration',
  'PutBucketNotification',
  'PutBucketNotificationConfiguration',
  'PutBucketOwnershipControls',
  'PutBucketPolicy',
  'PutBucketReplication',
  'PutBucketRequestPayment',
  'PutBucketTagging',
  'PutBucketVersioning',
  'PutBucketWebsite',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectLockConfiguration',
  'PutObjectRetention',
  'PutObjectTagging',
  'PutPublicAccessBlock',
  'RenameObject',
  'RestoreObject',
  'SelectObjectContent',
  'UpdateBucketMetadataInventoryTableConfiguration',
  'UpdateBucketMetadataJournalTableConfiguration',
  'UpdateObjectEncryption',
  'UploadPart',
  'UploadPartCopy',
  'WriteGetObjectResponse',
] as const;

// Errors

export class AccessDenied extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDenied', message, 403, { fields });
  }
}

export class BucketAlreadyExists extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BucketAlreadyExists', message, 409, { fields });
  }
}

export class BucketAlreadyOwnedByYou extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BucketAlreadyOwnedByYou', message, 409, { fields });
  }
}

export class EncryptionTypeMismatch extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EncryptionTypeMismatch', message, 400, { fields });
  }
}

export class IdempotencyParameterMismatch extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('IdempotencyParameterMismatch', message, 400, { fields });
  }
}

export class InvalidObjectState extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidObjectState', message, 403, { fields });
  }
}

export class InvalidRequest extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidRequest', message, 400, { fields });
  }
}

export class InvalidWriteOffset extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidWriteOffset', message, 400, { fields });
  }
}

export class NoSuchBucket extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchBucket', message, 404, { fields });
  }
}

export class NoSuchKey extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchKey', message, 404, { fields });
  }
}

export class NoSuchUpload extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchUpload', message, 404, { fields });
  }
}

export class ObjectAlreadyInActiveTierError extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ObjectAlreadyInActiveTierError', message, 403, { fields });
  }
}

export class ObjectNotInActiveTierError extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ObjectNotInActiveTierError', message, 403, { fields });
  }
}

export class TooManyParts extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyParts', message, 400, { fields });
  }
}

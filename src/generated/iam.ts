// Generated from models/aws/iam/service-2.json (API version 2010-05-08) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface AcceptDelegationRequestRequest {
  DelegationRequestId: delegationRequestIdType;
}

export type AccessAdvisorUsageGranularityType = 'SERVICE_LEVEL' | 'ACTION_LEVEL';

export interface AccessDetail {
  EntityPath?: organizationsEntityPathType;
  LastAuthenticatedTime?: dateType;
  Region?: stringType;
  ServiceName: serviceNameType;
  ServiceNamespace: serviceNamespaceType;
  TotalAuthenticatedEntities?: integerType;
}

export type AccessDetails = AccessDetail[];

export interface AccessKey {
  AccessKeyId: accessKeyIdType;
  CreateDate?: dateType;
  SecretAccessKey: accessKeySecretType;
  Status: statusType;
  UserName: userNameType;
}

export interface AccessKeyLastUsed {
  LastUsedDate?: dateType;
  Region: stringType;
  ServiceName: stringType;
}

export interface AccessKeyMetadata {
  AccessKeyId?: accessKeyIdType;
  CreateDate?: dateType;
  Status?: statusType;
  UserName?: userNameType;
}

export type ActionNameListType = ActionNameType[];

export type ActionNameType = string;

export interface AddClientIDToOpenIDConnectProviderRequest {
  ClientID: clientIDType;
  OpenIDConnectProviderArn: arnType;
}

export interface AddRoleToInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
  RoleName: roleNameType;
}

export interface AddUserToGroupRequest {
  GroupName: groupNameType;
  UserName: existingUserNameType;
}

export type ArnListType = arnType[];

export interface AssociateDelegationRequestRequest {
  DelegationRequestId: delegationRequestIdType;
}

export interface AttachGroupPolicyRequest {
  GroupName: groupNameType;
  PolicyArn: arnType;
}

export interface AttachRolePolicyRequest {
  PolicyArn: arnType;
  RoleName: roleNameType;
}

export interface AttachUserPolicyRequest {
  PolicyArn: arnType;
  UserName: userNameType;
}

export interface AttachedPermissionsBoundary {
  PermissionsBoundaryArn?: arnType;
  PermissionsBoundaryType?: PermissionsBoundaryAttachmentType;
}

export interface AttachedPolicy {
  PolicyArn?: arnType;
  PolicyName?: policyNameType;
}

export type BootstrapDatum = Buffer;

export type CertificationKeyType = string;

export type CertificationMapType = Record<string, CertificationValueType>;

export type CertificationValueType = string;

export interface ChangePasswordRequest {
  NewPassword: passwordType;
  OldPassword: passwordType;
}

export type ColumnNumber = number;

export type ConcurrentModificationMessage = string;

export interface ContextEntry {
  ContextKeyName?: ContextKeyNameType;
  ContextKeyType?: ContextKeyTypeEnum;
  ContextKeyValues?: ContextKeyValueListType;
}

export type ContextEntryListType = ContextEntry[];

export type ContextKeyNameType = string;

export type ContextKeyNamesResultListType = ContextKeyNameType[];

export type ContextKeyTypeEnum = 'string' | 'stringList' | 'numeric' | 'numericList' | 'boolean' | 'booleanList' | 'ip' | 'ipList' | 'binary' | 'binaryList' | 'date' | 'dateList';

export type ContextKeyValueListType = ContextKeyValueType[];

export type ContextKeyValueType = string;

export interface CreateAccessKeyRequest {
  UserName?: existingUserNameType;
}

export interface CreateAccessKeyResponse {
  AccessKey: AccessKey;
}

export interface CreateAccountAliasRequest {
  AccountAlias: accountAliasType;
}

export interface CreateDelegationRequestRequest {
  Description: delegationRequestDescriptionType;
  NotificationChannel: notificationChannelType;
  OnlySendByOwner?: booleanType;
  OwnerAccountId?: accountIdType;
  Permissions: DelegationPermission;
  RedirectUrl?: redirectUrlType;
  RequestMessage?: requestMessageType;
  RequestorWorkflowId: requestorWorkflowIdType;
  SessionDuration: sessionDurationType;
}

export interface CreateDelegationRequestResponse {
  ConsoleDeepLink?: consoleDeepLinkType;
  DelegationRequestId?: delegationRequestIdType;
}

export interface CreateGroupRequest {
  GroupName: groupNameType;
  Path?: pathType;
}

export interface CreateGroupResponse {
  Group: Group;
}

export interface CreateInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
  Path?: pathType;
  Tags?: tagListType;
}

export interface CreateInstanceProfileResponse {
  InstanceProfile: InstanceProfile;
}

export interface CreateLoginProfileRequest {
  Password?: passwordType;
  PasswordResetRequired?: booleanType;
  UserName?: userNameType;
}

export interface CreateLoginProfileResponse {
  LoginProfile: LoginProfile;
}

export interface CreateOpenIDConnectProviderRequest {
  ClientIDList?: clientIDListType;
  Tags?: tagListType;
  ThumbprintList?: thumbprintListType;
  Url: OpenIDConnectProviderUrlType;
}

export interface CreateOpenIDConnectProviderResponse {
  OpenIDConnectProviderArn?: arnType;
  Tags?: tagListType;
}

export interface CreatePolicyRequest {
  Description?: policyDescriptionType;
  Path?: policyPathType;
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
  Tags?: tagListType;
}

export interface CreatePolicyResponse {
  Policy?: Policy;
}

export interface CreatePolicyVersionRequest {
  PolicyArn: arnType;
  PolicyDocument: policyDocumentType;
  SetAsDefault?: booleanType;
}

export interface CreatePolicyVersionResponse {
  PolicyVersion?: PolicyVersion;
}

export interface CreateRoleRequest {
  AssumeRolePolicyDocument: policyDocumentType;
  Description?: roleDescriptionType;
  MaxSessionDuration?: roleMaxSessionDurationType;
  Path?: pathType;
  PermissionsBoundary?: arnType;
  RoleName: roleNameType;
  Tags?: tagListType;
}

export interface CreateRoleResponse {
  Role: Role;
}

export interface CreateSAMLProviderRequest {
  AddPrivateKey?: privateKeyType;
  AssertionEncryptionMode?: assertionEncryptionModeType;
  Name: SAMLProviderNameType;
  SAMLMetadataDocument: SAMLMetadataDocumentType;
  Tags?: tagListType;
}

export interface CreateSAMLProviderResponse {
  SAMLProviderArn?: arnType;
  Tags?: tagListType;
}

export interface CreateServiceLinkedRoleRequest {
  AWSServiceName: groupNameType;
  CustomSuffix?: customSuffixType;
  Description?: roleDescriptionType;
}

export interface CreateServiceLinkedRoleResponse {
  Role?: Role;
}

export interface CreateServiceSpecificCredentialRequest {
  CredentialAgeDays?: credentialAgeDays;
  ServiceName: serviceName;
  UserName: userNameType;
}

export interface CreateServiceSpecificCredentialResponse {
  ServiceSpecificCredential?: ServiceSpecificCredential;
}

export interface CreateUserRequest {
  Path?: pathType;
  PermissionsBoundary?: arnType;
  Tags?: tagListType;
  UserName: userNameType;
}

export interface CreateUserResponse {
  User?: User;
}

export interface CreateVirtualMFADeviceRequest {
  Path?: pathType;
  Tags?: tagListType;
  VirtualMFADeviceName: virtualMFADeviceName;
}

export interface CreateVirtualMFADeviceResponse {
  VirtualMFADevice: VirtualMFADevice;
}

export interface DeactivateMFADeviceRequest {
  SerialNumber: serialNumberType;
  UserName?: existingUserNameType;
}

export interface DelegationPermission {
  Parameters?: policyParameterListType;
  PolicyTemplateArn?: arnType;
}

export interface DelegationRequest {
  ApproverId?: arnType;
  CreateDate?: dateType;
  DelegationRequestId?: delegationRequestIdType;
  Description?: delegationRequestDescriptionType;
  ExpirationTime?: dateType;
  Notes?: notesType;
  OnlySendByOwner?: booleanType;
  OwnerAccountId?: accountIdType;
  OwnerId?: ownerIdType;
  PermissionPolicy?: permissionType;
  Permissions?: DelegationPermission;
  RedirectUrl?: redirectUrlType;
  RejectionReason?: notesType;
  RequestMessage?: requestMessageType;
  RequestorId?: accountIdType;
  RequestorName?: requestorNameType;
  RolePermissionRestrictionArns?: rolePermissionRestrictionArnListType;
  SessionDuration?: sessionDurationType;
  State?: stateType;
  UpdatedTime?: dateType;
}

export interface DeleteAccessKeyRequest {
  AccessKeyId: accessKeyIdType;
  UserName?: existingUserNameType;
}

export interface DeleteAccountAliasRequest {
  AccountAlias: accountAliasType;
}

export interface DeleteGroupPolicyRequest {
  GroupName: groupNameType;
  PolicyName: policyNameType;
}

export interface DeleteGroupRequest {
  GroupName: groupNameType;
}

export interface DeleteInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
}

export interface DeleteLoginProfileRequest {
  UserName?: userNameType;
}

export interface DeleteOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: arnType;
}

export interface DeletePolicyRequest {
  PolicyArn: arnType;
}

export interface DeletePolicyVersionRequest {
  PolicyArn: arnType;
  VersionId: policyVersionIdType;
}

export interface DeleteRolePermissionsBoundaryRequest {
  RoleName: roleNameType;
}

export interface DeleteRolePolicyRequest {
  PolicyName: policyNameType;
  RoleName: roleNameType;
}

export interface DeleteRoleRequest {
  RoleName: roleNameType;
}

export interface DeleteSAMLProviderRequest {
  SAMLProviderArn: arnType;
}

export interface DeleteSSHPublicKeyRequest {
  SSHPublicKeyId: publicKeyIdType;
  UserName: userNameType;
}

export interface DeleteServerCertificateRequest {
  ServerCertificateName: serverCertificateNameType;
}

export interface DeleteServiceLinkedRoleRequest {
  RoleName: roleNameType;
}

export interface DeleteServiceLinkedRoleResponse {
  DeletionTaskId: DeletionTaskIdType;
}

export interface DeleteServiceSpecificCredentialRequest {
  ServiceSpecificCredentialId: serviceSpecificCredentialId;
  UserName?: userNameType;
}

export interface DeleteSigningCertificateRequest {
  CertificateId: certificateIdType;
  UserName?: existingUserNameType;
}

export interface DeleteUserPermissionsBoundaryRequest {
  UserName: userNameType;
}

export interface DeleteUserPolicyRequest {
  PolicyName: policyNameType;
  UserName: existingUserNameType;
}

export interface DeleteUserRequest {
  UserName: existingUserNameType;
}

export interface DeleteVirtualMFADeviceRequest {
  SerialNumber: serialNumberType;
}

export interface DeletionTaskFailureReasonType {
  Reason?: ReasonType;
  RoleUsageList?: RoleUsageListType;
}

export type DeletionTaskIdType = string;

export type DeletionTaskStatusType = 'SUCCEEDED' | 'IN_PROGRESS' | 'FAILED' | 'NOT_STARTED';

export interface DetachGroupPolicyRequest {
  GroupName: groupNameType;
  PolicyArn: arnType;
}

export interface DetachRolePolicyRequest {
  PolicyArn: arnType;
  RoleName: roleNameType;
}

export interface DetachUserPolicyRequest {
  PolicyArn: arnType;
  UserName: userNameType;
}

export interface DisableOrganizationsRootCredentialsManagementRequest {}

export interface DisableOrganizationsRootCredentialsManagementResponse {
  EnabledFeatures?: FeaturesListType;
  OrganizationId?: OrganizationIdType;
}

export interface DisableOrganizationsRootSessionsRequest {}

export interface DisableOrganizationsRootSessionsResponse {
  EnabledFeatures?: FeaturesListType;
  OrganizationId?: OrganizationIdType;
}

export interface EnableMFADeviceRequest {
  AuthenticationCode1: authenticationCodeType;
  AuthenticationCode2: authenticationCodeType;
  SerialNumber: serialNumberType;
  UserName: existingUserNameType;
}

export interface EnableOrganizationsRootCredentialsManagementRequest {}

export interface EnableOrganizationsRootCredentialsManagementResponse {
  EnabledFeatures?: FeaturesListType;
  OrganizationId?: OrganizationIdType;
}

export interface EnableOrganizationsRootSessionsRequest {}

export interface EnableOrganizationsRootSessionsResponse {
  EnabledFeatures?: FeaturesListType;
  OrganizationId?: OrganizationIdType;
}

export interface EnableOutboundWebIdentityFederationResponse {
  IssuerIdentifier?: stringType;
}

export interface EntityDetails {
  EntityInfo: EntityInfo;
  LastAuthenticated?: dateType;
}

export interface EntityInfo {
  Arn: arnType;
  Id: idType;
  Name: userNameType;
  Path?: pathType;
  Type: policyOwnerEntityType;
}

export type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

export interface ErrorDetails {
  Code: stringType;
  Message: stringType;
}

export type EvalDecisionDetailsType = Record<string, PolicyEvaluationDecisionType>;

export type EvalDecisionSourceType = string;

export interface EvaluationResult {
  EvalActionName: ActionNameType;
  EvalDecision: PolicyEvaluationDecisionType;
  EvalDecisionDetails?: EvalDecisionDetailsType;
  EvalResourceName?: ResourceNameType;
  MatchedStatements?: StatementListType;
  MissingContextValues?: ContextKeyNamesResultListType;
  OrganizationsDecisionDetail?: OrganizationsDecisionDetail;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
  ResourceSpecificResults?: ResourceSpecificResultListType;
}

export type EvaluationResultsListType = EvaluationResult[];

export type FeatureDisabledMessage = string;

export type FeatureEnabledMessage = string;

export type FeatureType = 'RootCredentialsManagement' | 'RootSessions';

export type FeaturesListType = FeatureType[];

export interface GenerateCredentialReportResponse {
  Description?: ReportStateDescriptionType;
  State?: ReportStateType;
}

export interface GenerateOrganizationsAccessReportRequest {
  EntityPath: organizationsEntityPathType;
  OrganizationsPolicyId?: organizationsPolicyIdType;
}

export interface GenerateOrganizationsAccessReportResponse {
  JobId?: jobIDType;
}

export interface GenerateServiceLastAccessedDetailsRequest {
  Arn: arnType;
  Granularity?: AccessAdvisorUsageGranularityType;
}

export interface GenerateServiceLastAccessedDetailsResponse {
  JobId?: jobIDType;
}

export interface GetAccessKeyLastUsedRequest {
  AccessKeyId: accessKeyIdType;
}

export interface GetAccessKeyLastUsedResponse {
  AccessKeyLastUsed?: AccessKeyLastUsed;
  UserName?: existingUserNameType;
}

export interface GetAccountAuthorizationDetailsRequest {
  Filter?: entityListType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface GetAccountAuthorizationDetailsResponse {
  GroupDetailList?: groupDetailListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Policies?: ManagedPolicyDetailListType;
  RoleDetailList?: roleDetailListType;
  UserDetailList?: userDetailListType;
}

export interface GetAccountPasswordPolicyResponse {
  PasswordPolicy: PasswordPolicy;
}

export interface GetAccountSummaryResponse {
  SummaryMap?: summaryMapType;
}

export interface GetContextKeysForCustomPolicyRequest {
  PolicyInputList: SimulationPolicyListType;
}

export interface GetContextKeysForPolicyResponse {
  ContextKeyNames?: ContextKeyNamesResultListType;
}

export interface GetContextKeysForPrincipalPolicyRequest {
  PolicyInputList?: SimulationPolicyListType;
  PolicySourceArn: arnType;
}

export interface GetCredentialReportResponse {
  Content?: ReportContentType;
  GeneratedTime?: dateType;
  ReportFormat?: ReportFormatType;
}

export interface GetDelegationRequestRequest {
  DelegationPermissionCheck?: booleanType;
  DelegationRequestId: delegationRequestIdType;
}

export interface GetDelegationRequestResponse {
  DelegationRequest?: DelegationRequest;
  PermissionCheckResult?: permissionCheckResultType;
  PermissionCheckStatus?: permissionCheckStatusType;
}

export interface GetGroupPolicyRequest {
  GroupName: groupNameType;
  PolicyName: policyNameType;
}

export interface GetGroupPolicyResponse {
  GroupName: groupNameType;
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
}

export interface GetGroupRequest {
  GroupName: groupNameType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface GetGroupResponse {
  Group: Group;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Users: userListType;
}

export interface GetHumanReadableSummaryRequest {
  EntityArn: arnType;
  Locale?: localeType;
}

export interface GetHumanReadableSummaryResponse {
  Locale?: localeType;
  SummaryContent?: summaryContentType;
  SummaryState?: summaryStateType;
}

export interface GetInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
}

export interface GetInstanceProfileResponse {
  InstanceProfile: InstanceProfile;
}

export interface GetLoginProfileRequest {
  UserName?: userNameType;
}

export interface GetLoginProfileResponse {
  LoginProfile: LoginProfile;
}

export interface GetMFADeviceRequest {
  SerialNumber: serialNumberType;
  UserName?: userNameType;
}

export interface GetMFADeviceResponse {
  Certifications?: CertificationMapType;
  EnableDate?: dateType;
  SerialNumber: serialNumberType;
  UserName?: userNameType;
}

export interface GetOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: arnType;
}

export interface GetOpenIDConnectProviderResponse {
  ClientIDList?: clientIDListType;
  CreateDate?: dateType;
  Tags?: tagListType;
  ThumbprintList?: thumbprintListType;
  Url?: OpenIDConnectProviderUrlType;
}

export interface GetOrganizationsAccessReportRequest {
  JobId: jobIDType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  SortKey?: sortKeyType;
}

export interface GetOrganizationsAccessReportResponse {
  AccessDetails?: AccessDetails;
  ErrorDetails?: ErrorDetails;
  IsTruncated?: booleanType;
  JobCompletionDate?: dateType;
  JobCreationDate: dateType;
  JobStatus: jobStatusType;
  Marker?: markerType;
  NumberOfServicesAccessible?: integerType;
  NumberOfServicesNotAccessed?: integerType;
}

export interface GetOutboundWebIdentityFederationInfoResponse {
  IssuerIdentifier?: stringType;
  JwtVendingEnabled?: booleanType;
}

export interface GetPolicyRequest {
  PolicyArn: arnType;
}

export interface GetPolicyResponse {
  Policy?: Policy;
}

export interface GetPolicyVersionRequest {
  PolicyArn: arnType;
  VersionId: policyVersionIdType;
}

export interface GetPolicyVersionResponse {
  PolicyVersion?: PolicyVersion;
}

export interface GetRolePolicyRequest {
  PolicyName: policyNameType;
  RoleName: roleNameType;
}

export interface GetRolePolicyResponse {
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
  RoleName: roleNameType;
}

export interface GetRoleRequest {
  RoleName: roleNameType;
}

export interface GetRoleResponse {
  Role: Role;
}

export interface GetSAMLProviderRequest {
  SAMLProviderArn: arnType;
}

export interface GetSAMLProviderResponse {
  AssertionEncryptionMode?: assertionEncryptionModeType;
  CreateDate?: dateType;
  PrivateKeyList?: privateKeyList;
  SAMLMetadataDocument?: SAMLMetadataDocumentType;
  SAMLProviderUUID?: privateKeyIdType;
  Tags?: tagListType;
  ValidUntil?: dateType;
}

export interface GetSSHPublicKeyRequest {
  Encoding: encodingType;
  SSHPublicKeyId: publicKeyIdType;
  UserName: userNameType;
}

export interface GetSSHPublicKeyResponse {
  SSHPublicKey?: SSHPublicKey;
}

export interface GetServerCertificateRequest {
  ServerCertificateName: serverCertificateNameType;
}

export interface GetServerCertificateResponse {
  ServerCertificate: ServerCertificate;
}

export interface GetServiceLastAccessedDetailsRequest {
  JobId: jobIDType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface GetServiceLastAccessedDetailsResponse {
  Error?: ErrorDetails;
  IsTruncated?: booleanType;
  JobCompletionDate: dateType;
  JobCreationDate: dateType;
  JobStatus: jobStatusType;
  JobType?: AccessAdvisorUsageGranularityType;
  Marker?: responseMarkerType;
  ServicesLastAccessed: ServicesLastAccessed;
}

export interface GetServiceLastAccessedDetailsWithEntitiesRequest {
  JobId: jobIDType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  ServiceNamespace: serviceNamespaceType;
}

export interface GetServiceLastAccessedDetailsWithEntitiesResponse {
  EntityDetailsList: entityDetailsListType;
  Error?: ErrorDetails;
  IsTruncated?: booleanType;
  JobCompletionDate: dateType;
  JobCreationDate: dateType;
  JobStatus: jobStatusType;
  Marker?: responseMarkerType;
}

export interface GetServiceLinkedRoleDeletionStatusRequest {
  DeletionTaskId: DeletionTaskIdType;
}

export interface GetServiceLinkedRoleDeletionStatusResponse {
  Reason?: DeletionTaskFailureReasonType;
  Status: DeletionTaskStatusType;
}

export interface GetUserPolicyRequest {
  PolicyName: policyNameType;
  UserName: existingUserNameType;
}

export interface GetUserPolicyResponse {
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
  UserName: existingUserNameType;
}

export interface GetUserRequest {
  UserName?: existingUserNameType;
}

export interface GetUserResponse {
  User: User;
}

export interface Group {
  Arn: arnType;
  CreateDate: dateType;
  GroupId: idType;
  GroupName: groupNameType;
  Path: pathType;
}

export interface GroupDetail {
  Arn?: arnType;
  AttachedManagedPolicies?: attachedPoliciesListType;
  CreateDate?: dateType;
  GroupId?: idType;
  GroupName?: groupNameType;
  GroupPolicyList?: policyDetailListType;
  Path?: pathType;
}

export interface InstanceProfile {
  Arn: arnType;
  CreateDate: dateType;
  InstanceProfileId: idType;
  InstanceProfileName: instanceProfileNameType;
  Path: pathType;
  Roles: roleListType;
  Tags?: tagListType;
}

export type LineNumber = number;

export interface ListAccessKeysRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName?: existingUserNameType;
}

export interface ListAccessKeysResponse {
  AccessKeyMetadata: accessKeyMetadataListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListAccountAliasesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface ListAccountAliasesResponse {
  AccountAliases: accountAliasListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListAttachedGroupPoliciesRequest {
  GroupName: groupNameType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: policyPathType;
}

export interface ListAttachedGroupPoliciesResponse {
  AttachedPolicies?: attachedPoliciesListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListAttachedRolePoliciesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: policyPathType;
  RoleName: roleNameType;
}

export interface ListAttachedRolePoliciesResponse {
  AttachedPolicies?: attachedPoliciesListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListAttachedUserPoliciesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: policyPathType;
  UserName: userNameType;
}

export interface ListAttachedUserPoliciesResponse {
  AttachedPolicies?: attachedPoliciesListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListDelegationRequestsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  OwnerId?: ownerIdType;
}

export interface ListDelegationRequestsResponse {
  DelegationRequests?: delegationRequestsListType;
  Marker?: markerType;
  isTruncated?: booleanType;
}

export interface ListEntitiesForPolicyRequest {
  EntityFilter?: EntityType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathType;
  PolicyArn: arnType;
  PolicyUsageFilter?: PolicyUsageType;
}

export interface ListEntitiesForPolicyResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  PolicyGroups?: PolicyGroupListType;
  PolicyRoles?: PolicyRoleListType;
  PolicyUsers?: PolicyUserListType;
}

export interface ListGroupPoliciesRequest {
  GroupName: groupNameType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface ListGroupPoliciesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  PolicyNames: policyNameListType;
}

export interface ListGroupsForUserRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName: existingUserNameType;
}

export interface ListGroupsForUserResponse {
  Groups: groupListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListGroupsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathPrefixType;
}

export interface ListGroupsResponse {
  Groups: groupListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListInstanceProfileTagsRequest {
  InstanceProfileName: instanceProfileNameType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface ListInstanceProfileTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListInstanceProfilesForRoleRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  RoleName: roleNameType;
}

export interface ListInstanceProfilesForRoleResponse {
  InstanceProfiles: instanceProfileListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListInstanceProfilesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathPrefixType;
}

export interface ListInstanceProfilesResponse {
  InstanceProfiles: instanceProfileListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListMFADeviceTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  SerialNumber: serialNumberType;
}

export interface ListMFADeviceTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListMFADevicesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName?: existingUserNameType;
}

export interface ListMFADevicesResponse {
  IsTruncated?: booleanType;
  MFADevices: mfaDeviceListType;
  Marker?: responseMarkerType;
}

export interface ListOpenIDConnectProviderTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  OpenIDConnectProviderArn: arnType;
}

export interface ListOpenIDConnectProviderTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListOpenIDConnectProvidersRequest {}

export interface ListOpenIDConnectProvidersResponse {
  OpenIDConnectProviderList?: OpenIDConnectProviderListType;
}

export interface ListOrganizationsFeaturesRequest {}

export interface ListOrganizationsFeaturesResponse {
  EnabledFeatures?: FeaturesListType;
  OrganizationId?: OrganizationIdType;
}

export interface ListPoliciesGrantingServiceAccessEntry {
  Policies?: policyGrantingServiceAccessListType;
  ServiceNamespace?: serviceNamespaceType;
}

export interface ListPoliciesGrantingServiceAccessRequest {
  Arn: arnType;
  Marker?: markerType;
  ServiceNamespaces: serviceNamespaceListType;
}

export interface ListPoliciesGrantingServiceAccessResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  PoliciesGrantingServiceAccess: listPolicyGrantingServiceAccessResponseListType;
}

export interface ListPoliciesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  OnlyAttached?: booleanType;
  PathPrefix?: policyPathType;
  PolicyUsageFilter?: PolicyUsageType;
  Scope?: policyScopeType;
}

export interface ListPoliciesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Policies?: policyListType;
}

export interface ListPolicyTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PolicyArn: arnType;
}

export interface ListPolicyTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListPolicyVersionsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PolicyArn: arnType;
}

export interface ListPolicyVersionsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Versions?: policyDocumentVersionListType;
}

export interface ListRolePoliciesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  RoleName: roleNameType;
}

export interface ListRolePoliciesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  PolicyNames: policyNameListType;
}

export interface ListRoleTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  RoleName: roleNameType;
}

export interface ListRoleTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListRolesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathPrefixType;
}

export interface ListRolesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Roles: roleListType;
}

export interface ListSAMLProviderTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  SAMLProviderArn: arnType;
}

export interface ListSAMLProviderTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListSAMLProvidersRequest {}

export interface ListSAMLProvidersResponse {
  SAMLProviderList?: SAMLProviderListType;
}

export interface ListSSHPublicKeysRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName?: userNameType;
}

export interface ListSSHPublicKeysResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  SSHPublicKeys?: SSHPublicKeyListType;
}

export interface ListServerCertificateTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  ServerCertificateName: serverCertificateNameType;
}

export interface ListServerCertificateTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListServerCertificatesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathPrefixType;
}

export interface ListServerCertificatesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  ServerCertificateMetadataList: serverCertificateMetadataListType;
}

export interface ListServiceSpecificCredentialsRequest {
  AllUsers?: allUsers;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  ServiceName?: serviceName;
  UserName?: userNameType;
}

export interface ListServiceSpecificCredentialsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  ServiceSpecificCredentials?: ServiceSpecificCredentialsListType;
}

export interface ListSigningCertificatesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName?: existingUserNameType;
}

export interface ListSigningCertificatesResponse {
  Certificates: certificateListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface ListUserPoliciesRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName: existingUserNameType;
}

export interface ListUserPoliciesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  PolicyNames: policyNameListType;
}

export interface ListUserTagsRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  UserName: existingUserNameType;
}

export interface ListUserTagsResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Tags: tagListType;
}

export interface ListUsersRequest {
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PathPrefix?: pathPrefixType;
}

export interface ListUsersResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  Users: userListType;
}

export interface ListVirtualMFADevicesRequest {
  AssignmentStatus?: assignmentStatusType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
}

export interface ListVirtualMFADevicesResponse {
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
  VirtualMFADevices: virtualMFADeviceListType;
}

export interface LoginProfile {
  CreateDate: dateType;
  PasswordResetRequired?: booleanType;
  UserName: userNameType;
}

export interface MFADevice {
  EnableDate: dateType;
  SerialNumber: serialNumberType;
  UserName: userNameType;
}

export interface ManagedPolicyDetail {
  Arn?: arnType;
  AttachmentCount?: attachmentCountType;
  CreateDate?: dateType;
  DefaultVersionId?: policyVersionIdType;
  Description?: policyDescriptionType;
  IsAttachable?: booleanType;
  Path?: policyPathType;
  PermissionsBoundaryUsageCount?: attachmentCountType;
  PolicyId?: idType;
  PolicyName?: policyNameType;
  PolicyVersionList?: policyDocumentVersionListType;
  UpdateDate?: dateType;
}

export type ManagedPolicyDetailListType = ManagedPolicyDetail[];

export interface OpenIDConnectProviderListEntry {
  Arn?: arnType;
}

export type OpenIDConnectProviderListType = OpenIDConnectProviderListEntry[];

export type OpenIDConnectProviderUrlType = string;

export type OrganizationIdType = string;

export interface OrganizationsDecisionDetail {
  AllowedByOrganizations?: booleanType;
}

export interface PasswordPolicy {
  AllowUsersToChangePassword?: booleanType;
  ExpirePasswords?: booleanType;
  HardExpiry?: booleanObjectType;
  MaxPasswordAge?: maxPasswordAgeType;
  MinimumPasswordLength?: minimumPasswordLengthType;
  PasswordReusePrevention?: passwordReusePreventionType;
  RequireLowercaseCharacters?: booleanType;
  RequireNumbers?: booleanType;
  RequireSymbols?: booleanType;
  RequireUppercaseCharacters?: booleanType;
}

export type PermissionsBoundaryAttachmentType = 'PermissionsBoundaryPolicy';

export interface PermissionsBoundaryDecisionDetail {
  AllowedByPermissionsBoundary?: booleanType;
}

export interface Policy {
  Arn?: arnType;
  AttachmentCount?: attachmentCountType;
  CreateDate?: dateType;
  DefaultVersionId?: policyVersionIdType;
  Description?: policyDescriptionType;
  IsAttachable?: booleanType;
  Path?: policyPathType;
  PermissionsBoundaryUsageCount?: attachmentCountType;
  PolicyId?: idType;
  PolicyName?: policyNameType;
  Tags?: tagListType;
  UpdateDate?: dateType;
}

export interface PolicyDetail {
  PolicyDocument?: policyDocumentType;
  PolicyName?: policyNameType;
}

export type PolicyEvaluationDecisionType = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface PolicyGrantingServiceAccess {
  EntityName?: entityNameType;
  EntityType?: policyOwnerEntityType;
  PolicyArn?: arnType;
  PolicyName: policyNameType;
  PolicyType: policyType;
}

export interface PolicyGroup {
  GroupId?: idType;
  GroupName?: groupNameType;
}

export type PolicyGroupListType = PolicyGroup[];

export type PolicyIdentifierType = string;

export interface PolicyParameter {
  Name?: policyParameterNameType;
  Type?: PolicyParameterTypeEnum;
  Values?: policyParameterValuesListType;
}

export type PolicyParameterTypeEnum = 'string' | 'stringList';

export interface PolicyRole {
  RoleId?: idType;
  RoleName?: roleNameType;
}

export type PolicyRoleListType = PolicyRole[];

export type PolicySourceType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

export type PolicyUsageType = 'PermissionsPolicy' | 'PermissionsBoundary';

export interface PolicyUser {
  UserId?: idType;
  UserName?: userNameType;
}

export type PolicyUserListType = PolicyUser[];

export interface PolicyVersion {
  CreateDate?: dateType;
  Document?: policyDocumentType;
  IsDefaultVersion?: booleanType;
  VersionId?: policyVersionIdType;
}

export interface Position {
  Column?: ColumnNumber;
  Line?: LineNumber;
}

export interface PutGroupPolicyRequest {
  GroupName: groupNameType;
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
}

export interface PutRolePermissionsBoundaryRequest {
  PermissionsBoundary: arnType;
  RoleName: roleNameType;
}

export interface PutRolePolicyRequest {
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
  RoleName: roleNameType;
}

export interface PutUserPermissionsBoundaryRequest {
  PermissionsBoundary: arnType;
  UserName: userNameType;
}

export interface PutUserPolicyRequest {
  PolicyDocument: policyDocumentType;
  PolicyName: policyNameType;
  UserName: existingUserNameType;
}

export type ReasonType = string;

export type RegionNameType = string;

export interface RejectDelegationRequestRequest {
  DelegationRequestId: delegationRequestIdType;
  Notes?: notesType;
}

export interface RemoveClientIDFromOpenIDConnectProviderRequest {
  ClientID: clientIDType;
  OpenIDConnectProviderArn: arnType;
}

export interface RemoveRoleFromInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
  RoleName: roleNameType;
}

export interface RemoveUserFromGroupRequest {
  GroupName: groupNameType;
  UserName: existingUserNameType;
}

export type ReportContentType = Buffer;

export type ReportFormatType = 'text/csv';

export type ReportStateDescriptionType = string;

export type ReportStateType = 'STARTED' | 'INPROGRESS' | 'COMPLETE';

export interface ResetServiceSpecificCredentialRequest {
  ServiceSpecificCredentialId: serviceSpecificCredentialId;
  UserName?: userNameType;
}

export interface ResetServiceSpecificCredentialResponse {
  ServiceSpecificCredential?: ServiceSpecificCredential;
}

export type ResourceHandlingOptionType = string;

export type ResourceNameListType = ResourceNameType[];

export type ResourceNameType = string;

export interface ResourceSpecificResult {
  EvalDecisionDetails?: EvalDecisionDetailsType;
  EvalResourceDecision: PolicyEvaluationDecisionType;
  EvalResourceName: ResourceNameType;
  MatchedStatements?: StatementListType;
  MissingContextValues?: ContextKeyNamesResultListType;
  PermissionsBoundaryDecisionDetail?: PermissionsBoundaryDecisionDetail;
}

export type ResourceSpecificResultListType = ResourceSpecificResult[];

export interface ResyncMFADeviceRequest {
  AuthenticationCode1: authenticationCodeType;
  AuthenticationCode2: authenticationCodeType;
  SerialNumber: serialNumberType;
  UserName: existingUserNameType;
}

export interface Role {
  Arn: arnType;
  AssumeRolePolicyDocument?: policyDocumentType;
  CreateDate: dateType;
  Description?: roleDescriptionType;
  MaxSessionDuration?: roleMaxSessionDurationType;
  Path: pathType;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  RoleId: idType;
  RoleLastUsed?: RoleLastUsed;
  RoleName: roleNameType;
  Tags?: tagListType;
}

export interface RoleDetail {
  Arn?: arnType;
  AssumeRolePolicyDocument?: policyDocumentType;
  AttachedManagedPolicies?: attachedPoliciesListType;
  CreateDate?: dateType;
  InstanceProfileList?: instanceProfileListType;
  Path?: pathType;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  RoleId?: idType;
  RoleLastUsed?: RoleLastUsed;
  RoleName?: roleNameType;
  RolePolicyList?: policyDetailListType;
  Tags?: tagListType;
}

export interface RoleLastUsed {
  LastUsedDate?: dateType;
  Region?: stringType;
}

export type RoleUsageListType = RoleUsageType[];

export interface RoleUsageType {
  Region?: RegionNameType;
  Resources?: ArnListType;
}

export type SAMLMetadataDocumentType = string;

export interface SAMLPrivateKey {
  KeyId?: privateKeyIdType;
  Timestamp?: dateType;
}

export interface SAMLProviderListEntry {
  Arn?: arnType;
  CreateDate?: dateType;
  ValidUntil?: dateType;
}

export type SAMLProviderListType = SAMLProviderListEntry[];

export type SAMLProviderNameType = string;

export interface SSHPublicKey {
  Fingerprint: publicKeyFingerprintType;
  SSHPublicKeyBody: publicKeyMaterialType;
  SSHPublicKeyId: publicKeyIdType;
  Status: statusType;
  UploadDate?: dateType;
  UserName: userNameType;
}

export type SSHPublicKeyListType = SSHPublicKeyMetadata[];

export interface SSHPublicKeyMetadata {
  SSHPublicKeyId: publicKeyIdType;
  Status: statusType;
  UploadDate: dateType;
  UserName: userNameType;
}

export interface SendDelegationTokenRequest {
  DelegationRequestId: delegationRequestIdType;
}

export interface ServerCertificate {
  CertificateBody: certificateBodyType;
  CertificateChain?: certificateChainType;
  ServerCertificateMetadata: ServerCertificateMetadata;
  Tags?: tagListType;
}

export interface ServerCertificateMetadata {
  Arn: arnType;
  Expiration?: dateType;
  Path: pathType;
  ServerCertificateId: idType;
  ServerCertificateName: serverCertificateNameType;
  UploadDate?: dateType;
}

export interface ServiceLastAccessed {
  LastAuthenticated?: dateType;
  LastAuthenticatedEntity?: arnType;
  LastAuthenticatedRegion?: stringType;
  ServiceName: serviceNameType;
  ServiceNamespace: serviceNamespaceType;
  TotalAuthenticatedEntities?: integerType;
  TrackedActionsLastAccessed?: TrackedActionsLastAccessed;
}

export interface ServiceSpecificCredential {
  CreateDate: dateType;
  ExpirationDate?: dateType;
  ServiceCredentialAlias?: serviceCredentialAlias;
  ServiceCredentialSecret?: serviceCredentialSecret;
  ServiceName: serviceName;
  ServicePassword?: servicePassword;
  ServiceSpecificCredentialId: serviceSpecificCredentialId;
  ServiceUserName?: serviceUserName;
  Status: statusType;
  UserName: userNameType;
}

export interface ServiceSpecificCredentialMetadata {
  CreateDate: dateType;
  ExpirationDate?: dateType;
  ServiceCredentialAlias?: serviceCredentialAlias;
  ServiceName: serviceName;
  ServiceSpecificCredentialId: serviceSpecificCredentialId;
  ServiceUserName?: serviceUserName;
  Status: statusType;
  UserName: userNameType;
}

export type ServiceSpecificCredentialsListType = ServiceSpecificCredentialMetadata[];

export type ServicesLastAccessed = ServiceLastAccessed[];

export interface SetDefaultPolicyVersionRequest {
  PolicyArn: arnType;
  VersionId: policyVersionIdType;
}

export interface SetSecurityTokenServicePreferencesRequest {
  GlobalEndpointTokenVersion: globalEndpointTokenVersion;
}

export interface SigningCertificate {
  CertificateBody: certificateBodyType;
  CertificateId: certificateIdType;
  Status: statusType;
  UploadDate?: dateType;
  UserName: userNameType;
}

export interface SimulateCustomPolicyRequest {
  ActionNames: ActionNameListType;
  CallerArn?: ResourceNameType;
  ContextEntries?: ContextEntryListType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PermissionsBoundaryPolicyInputList?: SimulationPolicyListType;
  PolicyInputList: SimulationPolicyListType;
  ResourceArns?: ResourceNameListType;
  ResourceHandlingOption?: ResourceHandlingOptionType;
  ResourceOwner?: ResourceNameType;
  ResourcePolicy?: policyDocumentType;
}

export interface SimulatePolicyResponse {
  EvaluationResults?: EvaluationResultsListType;
  IsTruncated?: booleanType;
  Marker?: responseMarkerType;
}

export interface SimulatePrincipalPolicyRequest {
  ActionNames: ActionNameListType;
  CallerArn?: ResourceNameType;
  ContextEntries?: ContextEntryListType;
  Marker?: markerType;
  MaxItems?: maxItemsType;
  PermissionsBoundaryPolicyInputList?: SimulationPolicyListType;
  PolicyInputList?: SimulationPolicyListType;
  PolicySourceArn: arnType;
  ResourceArns?: ResourceNameListType;
  ResourceHandlingOption?: ResourceHandlingOptionType;
  ResourceOwner?: ResourceNameType;
  ResourcePolicy?: policyDocumentType;
}

export type SimulationPolicyListType = policyDocumentType[];

export interface Statement {
  EndPosition?: Position;
  SourcePolicyId?: PolicyIdentifierType;
  SourcePolicyType?: PolicySourceType;
  StartPosition?: Position;
}

export type StatementListType = Statement[];

export interface Tag {
  Key: tagKeyType;
  Value: tagValueType;
}

export interface TagInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
  Tags: tagListType;
}

export interface TagMFADeviceRequest {
  SerialNumber: serialNumberType;
  Tags: tagListType;
}

export interface TagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: arnType;
  Tags: tagListType;
}

export interface TagPolicyRequest {
  PolicyArn: arnType;
  Tags: tagListType;
}

export interface TagRoleRequest {
  RoleName: roleNameType;
  Tags: tagListType;
}

export interface TagSAMLProviderRequest {
  SAMLProviderArn: arnType;
  Tags: tagListType;
}

export interface TagServerCertificateRequest {
  ServerCertificateName: serverCertificateNameType;
  Tags: tagListType;
}

export interface TagUserRequest {
  Tags: tagListType;
  UserName: existingUserNameType;
}

export interface TrackedActionLastAccessed {
  ActionName?: stringType;
  LastAccessedEntity?: arnType;
  LastAccessedRegion?: stringType;
  LastAccessedTime?: dateType;
}

export type TrackedActionsLastAccessed = TrackedActionLastAccessed[];

export interface UntagInstanceProfileRequest {
  InstanceProfileName: instanceProfileNameType;
  TagKeys: tagKeyListType;
}

export interface UntagMFADeviceRequest {
  SerialNumber: serialNumberType;
  TagKeys: tagKeyListType;
}

export interface UntagOpenIDConnectProviderRequest {
  OpenIDConnectProviderArn: arnType;
  TagKeys: tagKeyListType;
}

export interface UntagPolicyRequest {
  PolicyArn: arnType;
  TagKeys: tagKeyListType;
}

export interface UntagRoleRequest {
  RoleName: roleNameType;
  TagKeys: tagKeyListType;
}

export interface UntagSAMLProviderRequest {
  SAMLProviderArn: arnType;
  TagKeys: tagKeyListType;
}

export interface UntagServerCertificateRequest {
  ServerCertificateName: serverCertificateNameType;
  TagKeys: tagKeyListType;
}

export interface UntagUserRequest {
  TagKeys: tagKeyListType;
  UserName: existingUserNameType;
}

export interface UpdateAccessKeyRequest {
  AccessKeyId: accessKeyIdType;
  Status: statusType;
  UserName?: existingUserNameType;
}

export interface UpdateAccountPasswordPolicyRequest {
  AllowUsersToChangePassword?: booleanType;
  HardExpiry?: booleanObjectType;
  MaxPasswordAge?: maxPasswordAgeType;
  MinimumPasswordLength?: minimumPasswordLengthType;
  PasswordReusePrevention?: passwordReusePreventionType;
  RequireLowercaseCharacters?: booleanType;
  RequireNumbers?: booleanType;
  RequireSymbols?: booleanType;
  RequireUppercaseCharacters?: booleanType;
}

export interface UpdateAssumeRolePolicyRequest {
  PolicyDocument: policyDocumentType;
  RoleName: roleNameType;
}

export interface UpdateDelegationRequestRequest {
  DelegationRequestId: delegationRequestIdType;
  Notes?: notesType;
}

export interface UpdateGroupRequest {
  GroupName: groupNameType;
  NewGroupName?: groupNameType;
  NewPath?: pathType;
}

export interface UpdateLoginProfileRequest {
  Password?: passwordType;
  PasswordResetRequired?: booleanObjectType;
  UserName: userNameType;
}

export interface UpdateOpenIDConnectProviderThumbprintRequest {
  OpenIDConnectProviderArn: arnType;
  ThumbprintList: thumbprintListType;
}

export interface UpdateRoleDescriptionRequest {
  Description: roleDescriptionType;
  RoleName: roleNameType;
}

export interface UpdateRoleDescriptionResponse {
  Role?: Role;
}

export interface UpdateRoleRequest {
  Description?: roleDescriptionType;
  MaxSessionDuration?: roleMaxSessionDurationType;
  RoleName: roleNameType;
}

export interface UpdateRoleResponse {}

export interface UpdateSAMLProviderRequest {
  AddPrivateKey?: privateKeyType;
  AssertionEncryptionMode?: assertionEncryptionModeType;
  RemovePrivateKey?: privateKeyIdType;
  SAMLMetadataDocument?: SAMLMetadataDocumentType;
  SAMLProviderArn: arnType;
}

export interface UpdateSAMLProviderResponse {
  SAMLProviderArn?: arnType;
}

export interface UpdateSSHPublicKeyRequest {
  SSHPublicKeyId: publicKeyIdType;
  Status: statusType;
  UserName: userNameType;
}

export interface UpdateServerCertificateRequest {
  NewPath?: pathType;
  NewServerCertificateName?: serverCertificateNameType;
  ServerCertificateName: serverCertificateNameType;
}

export interface UpdateServiceSpecificCredentialRequest {
  ServiceSpecificCredentialId: serviceSpecificCredentialId;
  Status: statusType;
  UserName?: userNameType;
}

export interface UpdateSigningCertificateRequest {
  CertificateId: certificateIdType;
  Status: statusType;
  UserName?: existingUserNameType;
}

export interface UpdateUserRequest {
  NewPath?: pathType;
  NewUserName?: userNameType;
  UserName: existingUserNameType;
}

export interface UploadSSHPublicKeyRequest {
  SSHPublicKeyBody: publicKeyMaterialType;
  UserName: userNameType;
}

export interface UploadSSHPublicKeyResponse {
  SSHPublicKey?: SSHPublicKey;
}

export interface UploadServerCertificateRequest {
  CertificateBody: certificateBodyType;
  CertificateChain?: certificateChainType;
  Path?: pathType;
  PrivateKey: privateKeyType;
  ServerCertificateName: serverCertificateNameType;
  Tags?: tagListType;
}

export interface UploadServerCertificateResponse {
  ServerCertificateMetadata?: ServerCertificateMetadata;
  Tags?: tagListType;
}

export interface UploadSigningCertificateRequest {
  CertificateBody: certificateBodyType;
  UserName?: existingUserNameType;
}

export interface UploadSigningCertificateResponse {
  Certificate: SigningCertificate;
}

export interface User {
  Arn: arnType;
  CreateDate: dateType;
  PasswordLastUsed?: dateType;
  Path: pathType;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: tagListType;
  UserId: idType;
  UserName: userNameType;
}

export interface UserDetail {
  Arn?: arnType;
  AttachedManagedPolicies?: attachedPoliciesListType;
  CreateDate?: dateType;
  GroupList?: groupNameListType;
  Path?: pathType;
  PermissionsBoundary?: AttachedPermissionsBoundary;
  Tags?: tagListType;
  UserId?: idType;
  UserName?: userNameType;
  UserPolicyList?: policyDetailListType;
}

export interface VirtualMFADevice {
  Base32StringSeed?: BootstrapDatum;
  EnableDate?: dateType;
  QRCodePNG?: BootstrapDatum;
  SerialNumber: serialNumberType;
  Tags?: tagListType;
  User?: User;
}

export type accessKeyIdType = string;

export type accessKeyMetadataListType = AccessKeyMetadata[];

export type accessKeySecretType = string;

export type accountAliasListType = accountAliasType[];

export type accountAliasType = string;

export type accountIdType = string;

export type allUsers = boolean;

export type arnType = string;

export type assertionEncryptionModeType = 'Required' | 'Allowed';

export type assignmentStatusType = 'Assigned' | 'Unassigned' | 'Any';

export type attachedPoliciesListType = AttachedPolicy[];

export type attachmentCountType = number;

export type authenticationCodeType = string;

export type booleanObjectType = boolean;

export type booleanType = boolean;

export type certificateBodyType = string;

export type certificateChainType = string;

export type certificateIdType = string;

export type certificateListType = SigningCertificate[];

export type clientIDListType = clientIDType[];

export type clientIDType = string;

export type consoleDeepLinkType = string;

export type credentialAgeDays = number;

export type credentialReportExpiredExceptionMessage = string;

export type credentialReportNotPresentExceptionMessage = string;

export type credentialReportNotReadyExceptionMessage = string;

export type customSuffixType = string;

export type dateType = Date;

export type delegationRequestDescriptionType = string;

export type delegationRequestIdType = string;

export type delegationRequestsListType = DelegationRequest[];

export type deleteConflictMessage = string;

export type duplicateCertificateMessage = string;

export type duplicateSSHPublicKeyMessage = string;

export type encodingType = 'SSH' | 'PEM';

export type entityAlreadyExistsMessage = string;

export type entityDetailsListType = EntityDetails[];

export type entityListType = EntityType[];

export type entityNameType = string;

export type entityTemporarilyUnmodifiableMessage = string;

export type existingUserNameType = string;

export type globalEndpointTokenVersion = 'v1Token' | 'v2Token';

export type groupDetailListType = GroupDetail[];

export type groupListType = Group[];

export type groupNameListType = groupNameType[];

export type groupNameType = string;

export type idType = string;

export type instanceProfileListType = InstanceProfile[];

export type instanceProfileNameType = string;

export type integerType = number;

export type invalidAuthenticationCodeMessage = string;

export type invalidCertificateMessage = string;

export type invalidInputMessage = string;

export type invalidPublicKeyMessage = string;

export type invalidUserTypeMessage = string;

export type jobIDType = string;

export type jobStatusType = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export type keyPairMismatchMessage = string;

export type limitExceededMessage = string;

export type listPolicyGrantingServiceAccessResponseListType = ListPoliciesGrantingServiceAccessEntry[];

export type localeType = string;

export type malformedCertificateMessage = string;

export type malformedPolicyDocumentMessage = string;

export type markerType = string;

export type maxItemsType = number;

export type maxPasswordAgeType = number;

export type mfaDeviceListType = MFADevice[];

export type minimumPasswordLengthType = number;

export type noSuchEntityMessage = string;

export type notesType = string;

export type notificationChannelType = string;

export type openIdIdpCommunicationErrorExceptionMessage = string;

export type organizationsEntityPathType = string;

export type organizationsPolicyIdType = string;

export type ownerIdType = string;

export type passwordPolicyViolationMessage = string;

export type passwordReusePreventionType = number;

export type passwordType = string;

export type pathPrefixType = string;

export type pathType = string;

export type permissionCheckResultType = 'ALLOWED' | 'DENIED' | 'UNSURE';

export type permissionCheckStatusType = 'COMPLETE' | 'IN_PROGRESS' | 'FAILED';

export type permissionType = string;

export type policyDescriptionType = string;

export type policyDetailListType = PolicyDetail[];

export type policyDocumentType = string;

export type policyDocumentVersionListType = PolicyVersion[];

export type policyEvaluationErrorMessage = string;

export type policyGrantingServiceAccessListType = PolicyGrantingServiceAccess[];

export type policyListType = Policy[];

export type policyNameListType = policyNameType[];

export type policyNameType = string;

export type policyNotAttachableMessage = string;

export type policyOwnerEntityType = 'USER' | 'ROLE' | 'GROUP';

export type policyParameterListType = PolicyParameter[];

export type policyParameterNameType = string;

export type policyParameterValueType = string;

export type policyParameterValuesListType = policyParameterValueType[];

export type policyPathType = string;

export type policyScopeType = 'All' | 'AWS' | 'Local';

export type policyType = 'INLINE' | 'MANAGED';

export type policyVersionIdType = string;

export type privateKeyIdType = string;

export type privateKeyList = SAMLPrivateKey[];

export type privateKeyType = string;

export type publicKeyFingerprintType = string;

export type publicKeyIdType = string;

export type publicKeyMaterialType = string;

export type redirectUrlType = string;

export type reportGenerationLimitExceededMessage = string;

export type requestMessageType = string;

export type requestorNameType = string;

export type requestorWorkflowIdType = string;

export type responseMarkerType = string;

export type roleDescriptionType = string;

export type roleDetailListType = RoleDetail[];

export type roleListType = Role[];

export type roleMaxSessionDurationType = number;

export type roleNameType = string;

export type rolePermissionRestrictionArnListType = arnType[];

export type serialNumberType = string;

export type serverCertificateMetadataListType = ServerCertificateMetadata[];

export type serverCertificateNameType = string;

export type serviceCredentialAlias = string;

export type serviceCredentialSecret = string;

export type serviceFailureExceptionMessage = string;

export type serviceName = string;

export type serviceNameType = string;

export type serviceNamespaceListType = serviceNamespaceType[];

export type serviceNamespaceType = string;

export type serviceNotSupportedMessage = string;

export type servicePassword = string;

export type serviceSpecificCredentialId = string;

export type serviceUserName = string;

export type sessionDurationType = number;

export type sortKeyType = 'SERVICE_NAMESPACE_ASCENDING' | 'SERVICE_NAMESPACE_DESCENDING' | 'LAST_AUTHENTICATED_TIME_ASCENDING' | 'LAST_AUTHENTICATED_TIME_DESCENDING';

export type stateType = 'UNASSIGNED' | 'ASSIGNED' | 'PENDING_APPROVAL' | 'FINALIZED' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';

export type statusType = 'Active' | 'Inactive' | 'Expired';

export type stringType = string;

export type summaryContentType = string;

export type summaryKeyType = 'Users' | 'UsersQuota' | 'Groups' | 'GroupsQuota' | 'ServerCertificates' | 'ServerCertificatesQuota' | 'UserPolicySizeQuota' | 'GroupPolicySizeQuota' | 'GroupsPerUserQuota' | 'SigningCertificatesPerUserQuota' | 'AccessKeysPerUserQuota' | 'MFADevices' | 'MFADevicesInUse' | 'AccountMFAEnabled' | 'AccountAccessKeysPresent' | 'AccountPasswordPresent' | 'AccountSigningCertificatesPresent' | 'AttachedPoliciesPerGroupQuota' | 'AttachedPoliciesPerRoleQuota' | 'AttachedPoliciesPerUserQuota' | 'Policies' | 'PoliciesQuota' | 'PolicySizeQuota' | 'PolicyVersionsInUse' | 'PolicyVersionsInUseQuota' | 'VersionsPerPolicyQuota' | 'GlobalEndpointTokenVersion' | 'AssumeRolePolicySizeQuota' | 'InstanceProfiles' | 'InstanceProfilesQuota' | 'Providers' | 'RolePolicySizeQuota' | 'Roles' | 'RolesQuota';

export type summaryMapType = Record<string, summaryValueType>;

export type summaryStateType = 'AVAILABLE' | 'NOT_AVAILABLE' | 'NOT_SUPPORTED' | 'FAILED';

export type summaryValueType = number;

export type tagKeyListType = tagKeyType[];

export type tagKeyType = string;

export type tagListType = Tag[];

export type tagValueType = string;

export type thumbprintListType = thumbprintType[];

export type thumbprintType = string;

export type unmodifiableEntityMessage = string;

export type unrecognizedPublicKeyEncodingMessage = string;

export type userDetailListType = UserDetail[];

export type userListType = User[];

export type userNameType = string;

export type virtualMFADeviceListType = VirtualMFADevice[];

export type virtualMFADeviceName = string;

// Operations

export interface IAMApi {
  AcceptDelegationRequest(ctx: RequestContext, input: AcceptDelegationRequestRequest): Promise<void>;
  AddClientIDToOpenIDConnectProvider(ctx: RequestContext, input: AddClientIDToOpenIDConnectProviderRequest): Promise<void>;
  AddRoleToInstanceProfile(ctx: RequestContext, input: AddRoleToInstanceProfileRequest): Promise<void>;
  AddUserToGroup(ctx: RequestContext, input: AddUserToGroupRequest): Promise<void>;
  AssociateDelegationRequest(ctx: RequestContext, input: AssociateDelegationRequestRequest): Promise<void>;
  AttachGroupPolicy(ctx: RequestContext, input: AttachGroupPolicyRequest): Promise<void>;
  AttachRolePolicy(ctx: RequestContext, input: AttachRolePolicyRequest): Promise<void>;
  AttachUserPolicy(ctx: RequestContext, input: AttachUserPolicyRequest): Promise<void>;
  ChangePassword(ctx: RequestContext, input: ChangePasswordRequest): Promise<void>;
  CreateAccessKey(ctx: RequestContext, input: CreateAccessKeyRequest): Promise<CreateAccessKeyResponse>;
  CreateAccountAlias(ctx: RequestContext, input: CreateAccountAliasRequest): Promise<void>;
  CreateDelegationRequest(ctx: RequestContext, input: CreateDelegationRequestRequest): Promise<CreateDelegationRequestResponse>;
  CreateGroup(ctx: RequestContext, input: CreateGroupRequest): Promise<CreateGroupResponse>;
  CreateInstanceProfile(ctx: RequestContext, input: CreateInstanceProfileRequest): Promise<CreateInstanceProfileResponse>;
  CreateLoginProfile(ctx: RequestContext, input: CreateLoginProfileRequest): Promise<CreateLoginProfileResponse>;
  CreateOpenIDConnectProvider(ctx: RequestContext, input: CreateOpenIDConnectProviderRequest): Promise<CreateOpenIDConnectProviderResponse>;
  CreatePolicy(ctx: RequestContext, input: CreatePolicyRequest): Promise<CreatePolicyResponse>;
  CreatePolicyVersion(ctx: RequestContext, input: CreatePolicyVersionRequest): Promise<CreatePolicyVersionResponse>;
  CreateRole(ctx: RequestContext, input: CreateRoleRequest): Promise<CreateRoleResponse>;
  CreateSAMLProvider(ctx: RequestContext, input: CreateSAMLProviderRequest): Promise<CreateSAMLProviderResponse>;
  CreateServiceLinkedRole(ctx: RequestContext, input: CreateServiceLinkedRoleRequest): Promise<CreateServiceLinkedRoleResponse>;
  CreateServiceSpecificCredential(ctx: RequestContext, input: CreateServiceSpecificCredentialRequest): Promise<CreateServiceSpecificCredentialResponse>;
  CreateUser(ctx: RequestContext, input: CreateUserRequest): Promise<CreateUserResponse>;
  CreateVirtualMFADevice(ctx: RequestContext, input: CreateVirtualMFADeviceRequest): Promise<CreateVirtualMFADeviceResponse>;
  DeactivateMFADevice(ctx: RequestContext, input: DeactivateMFADeviceRequest): Promise<void>;
  DeleteAccessKey(ctx: RequestContext, input: DeleteAccessKeyRequest): Promise<void>;
  DeleteAccountAlias(ctx: RequestContext, input: DeleteAccountAliasRequest): Promise<void>;
  DeleteAccountPasswordPolicy(ctx: RequestContext, input: {}): Promise<void>;
  DeleteGroup(ctx: RequestContext, input: DeleteGroupRequest): Promise<void>;
  DeleteGroupPolicy(ctx: RequestContext, input: DeleteGroupPolicyRequest): Promise<void>;
  DeleteInstanceProfile(ctx: RequestContext, input: DeleteInstanceProfileRequest): Promise<void>;
  DeleteLoginProfile(ctx: RequestContext, input: DeleteLoginProfileRequest): Promise<void>;
  DeleteOpenIDConnectProvider(ctx: RequestContext, input: DeleteOpenIDConnectProviderRequest): Promise<void>;
  DeletePolicy(ctx: RequestContext, input: DeletePolicyRequest): Promise<void>;
  DeletePolicyVersion(ctx: RequestContext, input: DeletePolicyVersionRequest): Promise<void>;
  DeleteRole(ctx: RequestContext, input: DeleteRoleRequest): Promise<void>;
  DeleteRolePermissionsBoundary(ctx: RequestContext, input: DeleteRolePermissionsBoundaryRequest): Promise<void>;
  DeleteRolePolicy(ctx: RequestContext, input: DeleteRolePolicyRequest): Promise<void>;
  DeleteSAMLProvider(ctx: RequestContext, input: DeleteSAMLProviderRequest): Promise<void>;
  DeleteSSHPublicKey(ctx: RequestContext, input: DeleteSSHPublicKeyRequest): Promise<void>;
  DeleteServerCertificate(ctx: RequestContext, input: DeleteServerCertificateRequest): Promise<void>;
  DeleteServiceLinkedRole(ctx: RequestContext, input: DeleteServiceLinkedRoleRequest): Promise<DeleteServiceLinkedRoleResponse>;
  DeleteServiceSpecificCredential(ctx: RequestContext, input: DeleteServiceSpecificCredentialRequest): Promise<void>;
  DeleteSigningCertificate(ctx: RequestContext, input: DeleteSigningCertificateRequest): Promise<void>;
  DeleteUser(ctx: RequestContext, input: DeleteUserRequest): Promise<void>;
  DeleteUserPermissionsBoundary(ctx: RequestContext, input: DeleteUserPermissionsBoundaryRequest): Promise<void>;
  DeleteUserPolicy(ctx: RequestContext, input: DeleteUserPolicyRequest): Promise<void>;
  DeleteVirtualMFADevice(ctx: RequestContext, input: DeleteVirtualMFADeviceRequest): Promise<void>;
  DetachGroupPolicy(ctx: RequestContext, input: DetachGroupPolicyRequest): Promise<void>;
  DetachRolePolicy(ctx: RequestContext, input: DetachRolePolicyRequest): Promise<void>;
  DetachUserPolicy(ctx: RequestContext, input: DetachUserPolicyRequest): Promise<void>;
  DisableOrganizationsRootCredentialsManagement(ctx: RequestContext, input: DisableOrganizationsRootCredentialsManagementRequest): Promise<DisableOrganizationsRootCredentialsManagementResponse>;
  DisableOrganizationsRootSessions(ctx: RequestContext, input: DisableOrganizationsRootSessionsRequest): Promise<DisableOrganizationsRootSessionsResponse>;
  DisableOutboundWebIdentityFederation(ctx: RequestContext, input: {}): Promise<void>;
  EnableMFADevice(ctx: RequestContext, input: EnableMFADeviceRequest): Promise<void>;
  EnableOrganizationsRootCredentialsManagement(ctx: RequestContext, input: EnableOrganizationsRootCredentialsManagementRequest): Promise<EnableOrganizationsRootCredentialsManagementResponse>;
  EnableOrganizationsRootSessions(ctx: RequestContext, input: EnableOrganizationsRootSessionsRequest): Promise<EnableOrganizationsRootSessionsResponse>;
  EnableOutboundWebIdentityFederation(ctx: RequestContext, input: {}): Promise<EnableOutboundWebIdentityFederationResponse>;
  GenerateCredentialReport(ctx: RequestContext, input: {}): Promise<GenerateCredentialReportResponse>;
  GenerateOrganizationsAccessReport(ctx: RequestContext, input: GenerateOrganizationsAccessReportRequest): Promise<GenerateOrganizationsAccessReportResponse>;
  GenerateServiceLastAccessedDetails(ctx: RequestContext, input: GenerateServiceLastAccessedDetailsRequest): Promise<GenerateServiceLastAccessedDetailsResponse>;
  GetAccessKeyLastUsed(ctx: RequestContext, input: GetAccessKeyLastUsedRequest): Promise<GetAccessKeyLastUsedResponse>;
  GetAccountAuthorizationDetails(ctx: RequestContext, input: GetAccountAuthorizationDetailsRequest): Promise<GetAccountAuthorizationDetailsResponse>;
  GetAccountPasswordPolicy(ctx: RequestContext, input: {}): Promise<GetAccountPasswordPolicyResponse>;
  GetAccountSummary(ctx: RequestContext, input: {}): Promise<GetAccountSummaryResponse>;
  GetContextKeysForCustomPolicy(ctx: RequestContext, input: GetContextKeysForCustomPolicyRequest): Promise<GetContextKeysForPolicyResponse>;
  GetContextKeysForPrincipalPolicy(ctx: RequestContext, input: GetContextKeysForPrincipalPolicyRequest): Promise<GetContextKeysForPolicyResponse>;
  GetCredentialReport(ctx: RequestContext, input: {}): Promise<GetCredentialReportResponse>;
  GetDelegationRequest(ctx: RequestContext, input: GetDelegationRequestRequest): Promise<GetDelegationRequestResponse>;
  GetGroup(ctx: RequestContext, input: GetGroupRequest): Promise<GetGroupResponse>;
  GetGroupPolicy(ctx: RequestContext, input: GetGroupPolicyRequest): Promise<GetGroupPolicyResponse>;
  GetHumanReadableSummary(ctx: RequestContext, input: GetHumanReadableSummaryRequest): Promise<GetHumanReadableSummaryResponse>;
  GetInstanceProfile(ctx: RequestContext, input: GetInstanceProfileRequest): Promise<GetInstanceProfileResponse>;
  GetLoginProfile(ctx: RequestContext, input: GetLoginProfileRequest): Promise<GetLoginProfileResponse>;
  GetMFADevice(ctx: RequestContext, input: GetMFADeviceRequest): Promise<GetMFADeviceResponse>;
  GetOpenIDConnectProvider(ctx: RequestContext, input: GetOpenIDConnectProviderRequest): Promise<GetOpenIDConnectProviderResponse>;
  GetOrganizationsAccessReport(ctx: RequestContext, input: GetOrganizationsAccessReportRequest): Promise<GetOrganizationsAccessReportResponse>;
  GetOutboundWebIdentityFederationInfo(ctx: RequestContext, input: {}): Promise<GetOutboundWebIdentityFederationInfoResponse>;
  GetPolicy(ctx: RequestContext, input: GetPolicyRequest): Promise<GetPolicyResponse>;
  GetPolicyVersion(ctx: RequestContext, input: GetPolicyVersionRequest): Promise<GetPolicyVersionResponse>;
  GetRole(ctx: RequestContext, input: GetRoleRequest): Promise<GetRoleResponse>;
  GetRolePolicy(ctx: RequestContext, input: GetRolePolicyRequest): Promise<GetRolePolicyResponse>;
  GetSAMLProvider(ctx: RequestContext, input: GetSAMLProviderRequest): Promise<GetSAMLProviderResponse>;
  GetSSHPublicKey(ctx: RequestContext, input: GetSSHPublicKeyRequest): Promise<GetSSHPublicKeyResponse>;
  GetServerCertificate(ctx: RequestContext, input: GetServerCertificateRequest): Promise<GetServerCertificateResponse>;
  GetServiceLastAccessedDetails(ctx: RequestContext, input: GetServiceLastAccessedDetailsRequest): Promise<GetServiceLastAccessedDetailsResponse>;
  GetServiceLastAccessedDetailsWithEntities(ctx: RequestContext, input: GetServiceLastAccessedDetailsWithEntitiesRequest): Promise<GetServiceLastAccessedDetailsWithEntitiesResponse>;
  GetServiceLinkedRoleDeletionStatus(ctx: RequestContext, input: GetServiceLinkedRoleDeletionStatusRequest): Promise<GetServiceLinkedRoleDeletionStatusResponse>;
  GetUser(ctx: RequestContext, input: GetUserRequest): Promise<GetUserResponse>;
  GetUserPolicy(ctx: RequestContext, input: GetUserPolicyRequest): Promise<GetUserPolicyResponse>;
  ListAccessKeys(ctx: RequestContext, input: ListAccessKeysRequest): Promise<ListAccessKeysResponse>;
  ListAccountAliases(ctx: RequestContext, input: ListAccountAliasesRequest): Promise<ListAccountAliasesResponse>;
  ListAttachedGroupPolicies(ctx: RequestContext, input: ListAttachedGroupPoliciesRequest): Promise<ListAttachedGroupPoliciesResponse>;
  ListAttachedRolePolicies(ctx: RequestContext, input: ListAttachedRolePoliciesRequest): Promise<ListAttachedRolePoliciesResponse>;
  ListAttachedUserPolicies(ctx: RequestContext, input: ListAttachedUserPoliciesRequest): Promise<ListAttachedUserPoliciesResponse>;
  ListDelegationRequests(ctx: RequestContext, input: ListDelegationRequestsRequest): Promise<ListDelegationRequestsResponse>;
  ListEntitiesForPolicy(ctx: RequestContext, input: ListEntitiesForPolicyRequest): Promise<ListEntitiesForPolicyResponse>;
  ListGroupPolicies(ctx: RequestContext, input: ListGroupPoliciesRequest): Promise<ListGroupPoliciesResponse>;
  ListGroups(ctx: RequestContext, input: ListGroupsRequest): Promise<ListGroupsResponse>;
  ListGroupsForUser(ctx: RequestContext, input: ListGroupsForUserRequest): Promise<ListGroupsForUserResponse>;
  ListInstanceProfileTags(ctx: RequestContext, input: ListInstanceProfileTagsRequest): Promise<ListInstanceProfileTagsResponse>;
  ListInstanceProfiles(ctx: RequestContext, input: ListInstanceProfilesRequest): Promise<ListInstanceProfilesResponse>;
  ListInstanceProfilesForRole(ctx: RequestContext, input: ListInstanceProfilesForRoleRequest): Promise<ListInstanceProfilesForRoleResponse>;
  ListMFADeviceTags(ctx: RequestContext, input: ListMFADeviceTagsRequest): Promise<ListMFADeviceTagsResponse>;
  ListMFADevices(ctx: RequestContext, input: ListMFADevicesRequest): Promise<ListMFADevicesResponse>;
  ListOpenIDConnectProviderTags(ctx: RequestContext, input: ListOpenIDConnectProviderTagsRequest): Promise<ListOpenIDConnectProviderTagsResponse>;
  ListOpenIDConnectProviders(ctx: RequestContext, input: ListOpenIDConnectProvidersRequest): Promise<ListOpenIDConnectProvidersResponse>;
  ListOrganizationsFeatures(ctx: RequestContext, input: ListOrganizationsFeaturesRequest): Promise<ListOrganizationsFeaturesResponse>;
  ListPolicies(ctx: RequestContext, input: ListPoliciesRequest): Promise<ListPoliciesResponse>;
  ListPoliciesGrantingServiceAccess(ctx: RequestContext, input: ListPoliciesGrantingServiceAccessRequest): Promise<ListPoliciesGrantingServiceAccessResponse>;
  ListPolicyTags(ctx: RequestContext, input: ListPolicyTagsRequest): Promise<ListPolicyTagsResponse>;
  ListPolicyVersions(ctx: RequestContext, input: ListPolicyVersionsRequest): Promise<ListPolicyVersionsResponse>;
  ListRolePolicies(ctx: RequestContext, input: ListRolePoliciesRequest): Promise<ListRolePoliciesResponse>;
  ListRoleTags(ctx: RequestContext, input: ListRoleTagsRequest): Promise<ListRoleTagsResponse>;
  ListRoles(ctx: RequestContext, input: ListRolesRequest): Promise<ListRolesResponse>;
  ListSAMLProviderTags(ctx: RequestContext, input: ListSAMLProviderTagsRequest): Promise<ListSAMLProviderTagsResponse>;
  ListSAMLProviders(ctx: RequestContext, input: ListSAMLProvidersRequest): Promise<ListSAMLProvidersResponse>;
  ListSSHPublicKeys(ctx: RequestContext, input: ListSSHPublicKeysRequest): Promise<ListSSHPublicKeysResponse>;
  ListServerCertificateTags(ctx: RequestContext, input: ListServerCertificateTagsRequest): Promise<ListServerCertificateTagsResponse>;
  ListServerCertificates(ctx: RequestContext, input: ListServerCertificatesRequest): Promise<ListServerCertificatesResponse>;
  ListServiceSpecificCredentials(ctx: RequestContext, input: ListServiceSpecificCredentialsRequest): Promise<ListServiceSpecificCredentialsResponse>;
  ListSigningCertificates(ctx: RequestContext, input: ListSigningCertificatesRequest): Promise<ListSigningCertificatesResponse>;
  ListUserPolicies(ctx: RequestContext, input: ListUserPoliciesRequest): Promise<ListUserPoliciesResponse>;
  ListUserTags(ctx: RequestContext, input: ListUserTagsRequest): Promise<ListUserTagsResponse>;
  ListUsers(ctx: RequestContext, input: ListUsersRequest): Promise<ListUsersResponse>;
  ListVirtualMFADevices(ctx: RequestContext, input: ListVirtualMFADevicesRequest): Promise<ListVirtualMFADevicesResponse>;
  PutGroupPolicy(ctx: RequestContext, input: PutGroupPolicyRequest): Promise<void>;
  PutRolePermissionsBoundary(ctx: RequestContext, input: PutRolePermissionsBoundaryRequest): Promise<void>;
  PutRolePolicy(ctx: RequestContext, input: PutRolePolicyRequest): Promise<void>;
  PutUserPermissionsBoundary(ctx: RequestContext, input: PutUserPermissionsBoundaryRequest): Promise<void>;
  PutUserPolicy(ctx: RequestContext, input: PutUserPolicyRequest): Promise<void>;
  RejectDelegationRequest(ctx: RequestContext, input: RejectDelegationRequestRequest): Promise<void>;
  RemoveClientIDFromOpenIDConnectProvider(ctx: RequestContext, input: RemoveClientIDFromOpenIDConnectProviderRequest): Promise<void>;
  RemoveRoleFromInstanceProfile(ctx: RequestContext, input: RemoveRoleFromInstanceProfileRequest): Promise<void>;
  RemoveUserFromGroup(ctx: RequestContext, input: RemoveUserFromGroupRequest): Promise<void>;
  ResetServiceSpecificCredential(ctx: RequestContext, input: ResetServiceSpecificCredentialRequest): Promise<ResetServiceSpecificCredentialResponse>;
  ResyncMFADevice(ctx: RequestContext, input: ResyncMFADeviceRequest): Promise<void>;
  SendDelegationToken(ctx: RequestContext, input: SendDelegationTokenRequest): Promise<void>;
  SetDefaultPolicyVersion(ctx: RequestContext, input: SetDefaultPolicyVersionRequest): Promise<void>;
  SetSecurityTokenServicePreferences(ctx: RequestContext, input: SetSecurityTokenServicePreferencesRequest): Promise<void>;
  SimulateCustomPolicy(ctx: RequestContext, input: SimulateCustomPolicyRequest): Promise<SimulatePolicyResponse>;
  SimulatePrincipalPolicy(ctx: RequestContext, input: SimulatePrincipalPolicyRequest): Promise<SimulatePolicyResponse>;
  TagInstanceProfile(ctx: RequestContext, input: TagInstanceProfileRequest): Promise<void>;
  TagMFADevice(ctx: RequestContext, input: TagMFADeviceRequest): Promise<void>;
  TagOpenIDConnectProvider(ctx: RequestContext, input: TagOpenIDConnectProviderRequest): Promise<void>;
  TagPolicy(ctx: RequestContext, input: TagPolicyRequest): Promise<void>;
  TagRole(ctx: RequestContext, input: TagRoleRequest): Promise<void>;
  TagSAMLProvider(ctx: RequestContext, input: TagSAMLProviderRequest): Promise<void>;
  TagServerCertificate(ctx: RequestContext, input: TagServerCertificateRequest): Promise<void>;
  TagUser(ctx: RequestContext, input: TagUserRequest): Promise<void>;
  UntagInstanceProfile(ctx: RequestContext, input: UntagInstanceProfileRequest): Promise<void>;
  UntagMFADevice(ctx: RequestContext, input: UntagMFADeviceRequest): Promise<void>;
  UntagOpenIDConnectProvider(ctx: RequestContext, input: UntagOpenIDConnectProviderRequest): Promise<void>;
  UntagPolicy(ctx: RequestContext, input: UntagPolicyRequest): Promise<void>;
  UntagRole(ctx: RequestContext, input: UntagRoleRequest): Promise<void>;
  UntagSAMLProvider(ctx: RequestContext, input: UntagSAMLProviderRequest): Promise<void>;
  UntagServerCertificate(ctx: RequestContext, input: UntagServerCertificateRequest): Promise<void>;
  UntagUser(ctx: RequestContext, input: UntagUserRequest): Promise<void>;
  UpdateAccessKey(ctx: RequestContext, input: UpdateAccessKeyRequest): Promise<void>;
  UpdateAccountPasswordPolicy(ctx: RequestContext, input: UpdateAccountPasswordPolicyRequest): Promise<void>;
  UpdateAssumeRolePolicy(ctx: RequestContext, input: UpdateAssumeRolePolicyRequest): Promise<void>;
  UpdateDelegationRequest(ctx: RequestContext, input: UpdateDelegationRequestRequest): Promise<void>;
  UpdateGroup(ctx: RequestContext, input: UpdateGroupRequest): Promise<void>;
  UpdateLoginProfile(ctx: RequestContext, input: UpdateLoginProfileRequest): Promise<void>;
  UpdateOpenIDConnectProviderThumbprint(ctx: RequestContext, input: UpdateOpenIDConnectProviderThumbprintRequest): Promise<void>;
  UpdateRole(ctx: RequestContext, input: UpdateRoleRequest): Promise<UpdateRoleResponse>;
  UpdateRoleDescription(ctx: RequestContext, input: UpdateRoleDescriptionRequest): Promise<UpdateRoleDescriptionResponse>;
  UpdateSAMLProvider(ctx: RequestContext, input: UpdateSAMLProviderRequest): Promise<UpdateSAMLProviderResponse>;
  UpdateSSHPublicKey(ctx: RequestContext, input: UpdateSSHPublicKeyRequest): Promise<void>;
  UpdateServerCertificate(ctx: RequestContext, input: UpdateServerCertificateRequest): Promise<void>;
  UpdateServiceSpecificCredential(ctx: RequestContext, input: UpdateServiceSpecificCredentialRequest): Promise<void>;
  UpdateSigningCertificate(ctx: RequestContext, input: UpdateSigningCertificateRequest): Promise<void>;
  UpdateUser(ctx: RequestContext, input: UpdateUserRequest): Promise<void>;
  UploadSSHPublicKey(ctx: RequestContext, input: UploadSSHPublicKeyRequest): Promise<UploadSSHPublicKeyResponse>;
  UploadServerCertificate(ctx: RequestContext, input: UploadServerCertificateRequest): Promise<UploadServerCertificateResponse>;
  UploadSigningCertificate(ctx: RequestContext, input: UploadSigningCertificateRequest): Promise<UploadSigningCertificateResponse>;
}

export const operations = [
  'AcceptDelegationRequest',
  'AddClientIDToOpenIDConnectProvider',
  'AddRoleToInstanceProfile',
  'AddUserToGroup',
  'AssociateDelegationRequest',
  'AttachGroupPolicy',
  'AttachRolePolicy',
  'AttachUserPolicy',
  'ChangePassword',
  'CreateAccessKey',
  'CreateAccountAlias',
  'CreateDelegationRequest',
  'CreateGroup',
  'CreateInstanceProfile',
  'CreateLoginProfile',
  'CreateOpenIDConnectProvider',
  'CreatePolicy',
  'CreatePolicyVersion',
  'CreateRole',
  'CreateSAMLProvider',
  'CreateServiceLinkedRole',
  'CreateServiceSpecificCredential',
  'CreateUser',
  'CreateVirtualMFADevice',
  'DeactivateMFADevice',
  'DeleteAccessKey',
  'DeleteAccountAlias',
  'DeleteAccountPasswordPolicy',
  'DeleteGroup',
  'DeleteGroupPolicy',
  'DeleteInstanceProfile',
  'DeleteLoginProfile',
  'DeleteOpenIDConnectProvider',
  'DeletePolicy',
  'DeletePolicyVersion',
  'DeleteRole',
  'DeleteRolePermissionsBoundary',
  'DeleteRolePolicy',
  'DeleteSAMLProvider',
  'DeleteSSHPublicKey',
  'DeleteServerCertificate',
  'DeleteServiceLinkedRole',
  'DeleteServiceSpecificCredential',
  'DeleteSigningCertificate',
  'DeleteUser',
  'DeleteUserPermissionsBoundary',
  'DeleteUserPolicy',
  'DeleteVirtualMFADevice',
  'DetachGroupPolicy',
  'DetachRolePolicy',
  'DetachUserPolicy',
  'DisableOrganizationsRootCredentialsManagement',
  'DisableOrganizationsRootSessions',
  'DisableOutboundWebIdentityFederation',
  'EnableMFADevice',
  'EnableOrganizationsRootCredentialsManagement',
  'EnableOrganizationsRootSessions',
  'EnableOutboundWebIdentityFederation',
  'GenerateCredentialReport',
  'GenerateOrganizationsAccessReport',
  'GenerateServiceLastAccessedDetails',
  'GetAccessKeyLastUsed',
  'GetAccountAuthorizationDetails',
  'GetAccountPasswordPolicy',
  'GetAccountSummary',
  'GetContextKeysForCustomPolicy',
  'GetContextKeysForPrincipalPolicy',
  'GetCredentialReport',
  'GetDelegationRequest',
  'GetGroup',
  'GetGroupPolicy',
  'GetHumanReadableSummary',
  'GetInstanceProfile',
  'GetLoginProfile',
  'GetMFADevice',
  'GetOpenIDConnectProvider',
  'GetOrganizationsAccessReport',
  'GetOutboundWebIdentityFederationInfo',
  'GetPolicy',
  'GetPolicyVersion',
  'GetRole',
  'GetRolePolicy',
  'GetSAMLProvider',
  'GetSSHPublicKey',
  'GetServerCertificate',
  'GetServiceLastAccessedDetails',
  'GetServiceLastAccessedDetailsWithEntities',
  'GetServiceLinkedRoleDeletionStatus',
  'GetUser',
  'GetUserPolicy',
  'ListAccessKeys',
  'ListAccountAliases',
  'ListAttachedGroupPolicies',
  'ListAttachedRolePolicies',
  'ListAttachedUserPolicies',
  'ListDelegationRequests',
  'ListEntitiesForPolicy',
  'ListGroupPolicies',
  'ListGroups',
  'ListGroupsForUser',
  'ListInstanceProfileTags',
  'ListInstanceProfiles',
  'ListInstanceProfilesForRole',
  'ListMFADeviceTags',
  'ListMFADevices',
  'ListOpenIDConnectProviderTags',
  'ListOpenIDConnectProviders',
  'ListOrganizationsFeatures',
  'ListPolicies',
  'ListPoliciesGrantingServiceAccess',
  'ListPolicyTags',
  'ListPolicyVersions',
  'ListRolePolicies',
  'ListRoleTags',
  'ListRoles',
  'ListSAMLProviderTags',
  'ListSAMLProviders',
  'ListSSHPublicKeys',
  'ListServerCertificateTags',
  'ListServerCertificates',
  'ListServiceSpecificCredentials',
  'ListSigningCertificates',
  'ListUserPolicies',
  'ListUserTags',
  'ListUsers',
  'ListVirtualMFADevices',
  'PutGroupPolicy',
  'PutRolePermissionsBoundary',
  'PutRolePolicy',
  'PutUserPermissionsBoundary',
  'PutUserPolicy',
  'RejectDelegationRequest',
  'RemoveClientIDFromOpenIDConnectProvider',
  'RemoveRoleFromInstanceProfile',
  'RemoveUserFromGroup',
  'ResetServiceSpecificCredential',
  'ResyncMFADevice',
  'SendDelegationToken',
  'SetDefaultPolicyVersion',
  'SetSecurityTokenServicePreferences',
  'SimulateCustomPolicy',
  'SimulatePrincipalPolicy',
  'TagInstanceProfile',
  'TagMFADevice',
  'TagOpenIDConnectProvider',
  'TagPolicy',
  'TagRole',
  'TagSAMLProvider',
  'TagServerCertificate',
  'TagUser',
  'UntagInstanceProfile',
  'UntagMFADevice',
  'UntagOpenIDConnectProvider',
  'UntagPolicy',
  'UntagRole',
  'UntagSAMLProvider',
  'UntagServerCertificate',
  'UntagUser',
  'UpdateAccessKey',
  'UpdateAccountPasswordPolicy',
  'UpdateAssumeRolePolicy',
  'UpdateDelegationRequest',
  'UpdateGroup',
  'UpdateLoginProfile',
  'UpdateOpenIDConnectProviderThumbprint',
  'UpdateRole',
  'UpdateRoleDescription',
  'UpdateSAMLProvider',
  'UpdateSSHPublicKey',
  'UpdateServerCertificate',
  'UpdateServiceSpecificCredential',
  'UpdateSigningCertificate',
  'UpdateUser',
  'UploadSSHPublicKey',
  'UploadServerCertificate',
  'UploadSigningCertificate',
] as const;

// Errors

export class AccountNotManagementOrDelegatedAdministratorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccountNotManagementOrDelegatedAdministratorException', message, 400, { fields });
  }
}

export class CallerIsNotManagementAccountException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CallerIsNotManagementAccountException', message, 400, { fields });
  }
}

export class ConcurrentModificationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConcurrentModificationException', message, 409, { fields });
  }
}

export class CredentialReportExpiredException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CredentialReportExpiredException', message, 410, { fields });
  }
}

export class CredentialReportNotPresentException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CredentialReportNotPresentException', message, 410, { fields });
  }
}

export class CredentialReportNotReadyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CredentialReportNotReadyException', message, 404, { fields });
  }
}

export class DeleteConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DeleteConflictException', message, 409, { fields });
  }
}

export class DuplicateCertificateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DuplicateCertificateException', message, 409, { fields });
  }
}

export class DuplicateSSHPublicKeyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DuplicateSSHPublicKeyException', message, 400, { fields });
  }
}

export class EntityAlreadyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntityAlreadyExistsException', message, 409, { fields });
  }
}

export class EntityTemporarilyUnmodifiableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EntityTemporarilyUnmodifiableException', message, 409, { fields });
  }
}

export class FeatureDisabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FeatureDisabledException', message, 404, { fields });
  }
}

export class FeatureEnabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FeatureEnabledException', message, 409, { fields });
  }
}

export class InvalidAuthenticationCodeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidAuthenticationCodeException', message, 403, { fields });
  }
}

export class InvalidCertificateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidCertificateException', message, 400, { fields });
  }
}

export class InvalidInputException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidInputException', message, 400, { fields });
  }
}

export class InvalidPublicKeyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidPublicKeyException', message, 400, { fields });
  }
}

export class InvalidUserTypeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidUserTypeException', message, 400, { fields });
  }
}

export class KeyPairMismatchException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('KeyPairMismatchException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 409, { fields });
  }
}

export class MalformedCertificateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MalformedCertificateException', message, 400, { fields });
  }
}

export class MalformedPolicyDocumentException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MalformedPolicyDocumentException', message, 400, { fields });
  }
}

export class NoSuchEntityException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NoSuchEntityException', message, 404, { fields });
  }
}

export class OpenIdIdpCommunicationErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OpenIdIdpCommunicationErrorException', message, 400, { fields });
  }
}

export class OrganizationNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OrganizationNotFoundException', message, 400, { fields });
  }
}

export class OrganizationNotInAllFeaturesModeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('OrganizationNotInAllFeaturesModeException', message, 400, { fields });
  }
}

export class PasswordPolicyViolationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PasswordPolicyViolationException', message, 400, { fields });
  }
}

export class PolicyEvaluationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PolicyEvaluationException', message, 500, { fields });
  }
}

export class PolicyNotAttachableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PolicyNotAttachableException', message, 400, { fields });
  }
}

export class ReportGenerationLimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ReportGenerationLimitExceededException', message, 409, { fields });
  }
}

export class ServiceAccessNotEnabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceAccessNotEnabledException', message, 400, { fields });
  }
}

export class ServiceFailureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceFailureException', message, 500, { fields });
  }
}

export class ServiceNotSupportedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceNotSupportedException', message, 404, { fields });
  }
}

export class UnmodifiableEntityException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnmodifiableEntityException', message, 400, { fields });
  }
}

export class UnrecognizedPublicKeyEncodingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnrecognizedPublicKeyEncodingException', message, 400, { fields });
  }
}

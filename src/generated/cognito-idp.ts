// Generated from models/aws/cognito-idp/service-2.json (API version 2016-04-18) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AWSAccountIdType = string;

export type AccessTokenValidityType = number;

export interface AccountRecoverySettingType {
  RecoveryMechanisms?: RecoveryMechanismsType;
}

export type AccountTakeoverActionNotifyType = boolean;

export interface AccountTakeoverActionType {
  EventAction: AccountTakeoverEventActionType;
  Notify: AccountTakeoverActionNotifyType;
}

export interface AccountTakeoverActionsType {
  HighAction?: AccountTakeoverActionType;
  LowAction?: AccountTakeoverActionType;
  MediumAction?: AccountTakeoverActionType;
}

export type AccountTakeoverEventActionType = 'BLOCK' | 'MFA_IF_CONFIGURED' | 'MFA_REQUIRED' | 'NO_ACTION';

export interface AccountTakeoverRiskConfigurationType {
  Actions: AccountTakeoverActionsType;
  NotifyConfiguration?: NotifyConfigurationType;
}

export interface AddCustomAttributesRequest {
  CustomAttributes: CustomAttributesListType;
  UserPoolId: UserPoolIdType;
}

export interface AddCustomAttributesResponse {}

export interface AddUserPoolClientSecretRequest {
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
  UserPoolId: UserPoolIdType;
}

export interface AddUserPoolClientSecretResponse {
  ClientSecretDescriptor?: ClientSecretDescriptorType;
}

export interface AdminAddUserToGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminConfirmSignUpRequest {
  ClientMetadata?: ClientMetadataType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminConfirmSignUpResponse {}

export interface AdminCreateUserConfigType {
  AllowAdminCreateUserOnly?: BooleanType;
  InviteMessageTemplate?: MessageTemplateType;
  UnusedAccountValidityDays?: AdminCreateUserUnusedAccountValidityDaysType;
}

export interface AdminCreateUserRequest {
  ClientMetadata?: ClientMetadataType;
  DesiredDeliveryMediums?: DeliveryMediumListType;
  ForceAliasCreation?: ForceAliasCreation;
  MessageAction?: MessageActionType;
  TemporaryPassword?: PasswordType;
  UserAttributes?: AttributeListType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  ValidationData?: AttributeListType;
}

export interface AdminCreateUserResponse {
  User?: UserType;
}

export type AdminCreateUserUnusedAccountValidityDaysType = number;

export interface AdminDeleteUserAttributesRequest {
  UserAttributeNames: AttributeNameListType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminDeleteUserAttributesResponse {}

export interface AdminDeleteUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminDisableProviderForUserRequest {
  User: ProviderUserIdentifierType;
  UserPoolId: StringType;
}

export interface AdminDisableProviderForUserResponse {}

export interface AdminDisableUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminDisableUserResponse {}

export interface AdminEnableUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminEnableUserResponse {}

export interface AdminForgetDeviceRequest {
  DeviceKey: DeviceKeyType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminGetDeviceRequest {
  DeviceKey: DeviceKeyType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminGetDeviceResponse {
  Device: DeviceType;
}

export interface AdminGetUserRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminGetUserResponse {
  Enabled?: BooleanType;
  MFAOptions?: MFAOptionListType;
  PreferredMfaSetting?: StringType;
  UserAttributes?: AttributeListType;
  UserCreateDate?: DateType;
  UserLastModifiedDate?: DateType;
  UserMFASettingList?: UserMFASettingListType;
  UserStatus?: UserStatusType;
  Username: UsernameType;
}

export interface AdminInitiateAuthRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  AuthFlow: AuthFlowType;
  AuthParameters?: AuthParametersType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  ContextData?: ContextDataType;
  Session?: SessionType;
  UserPoolId: UserPoolIdType;
}

export interface AdminInitiateAuthResponse {
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
  ChallengeName?: ChallengeNameType;
  ChallengeParameters?: ChallengeParametersType;
  Session?: SessionType;
}

export interface AdminLinkProviderForUserRequest {
  DestinationUser: ProviderUserIdentifierType;
  SourceUser: ProviderUserIdentifierType;
  UserPoolId: StringType;
}

export interface AdminLinkProviderForUserResponse {}

export interface AdminListDevicesRequest {
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminListDevicesResponse {
  Devices?: DeviceListType;
  PaginationToken?: SearchPaginationTokenType;
}

export interface AdminListGroupsForUserRequest {
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminListGroupsForUserResponse {
  Groups?: GroupListType;
  NextToken?: PaginationKey;
}

export interface AdminListUserAuthEventsRequest {
  MaxResults?: QueryLimitType;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminListUserAuthEventsResponse {
  AuthEvents?: AuthEventsType;
  NextToken?: PaginationKey;
}

export interface AdminRemoveUserFromGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminResetUserPasswordRequest {
  ClientMetadata?: ClientMetadataType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminResetUserPasswordResponse {}

export interface AdminRespondToAuthChallengeRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ChallengeName: ChallengeNameType;
  ChallengeResponses?: ChallengeResponsesType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  ContextData?: ContextDataType;
  Session?: SessionType;
  UserPoolId: UserPoolIdType;
}

export interface AdminRespondToAuthChallengeResponse {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType;
  ChallengeParameters?: ChallengeParametersType;
  Session?: SessionType;
}

export interface AdminSetUserMFAPreferenceRequest {
  EmailMfaSettings?: EmailMfaSettingsType;
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
  WebAuthnMfaSettings?: WebAuthnMfaSettingsType;
}

export interface AdminSetUserMFAPreferenceResponse {}

export interface AdminSetUserPasswordRequest {
  Password: PasswordType;
  Permanent?: BooleanType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminSetUserPasswordResponse {}

export interface AdminSetUserSettingsRequest {
  MFAOptions: MFAOptionListType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminSetUserSettingsResponse {}

export interface AdminUpdateAuthEventFeedbackRequest {
  EventId: EventIdType;
  FeedbackValue: FeedbackValueType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminUpdateAuthEventFeedbackResponse {}

export interface AdminUpdateDeviceStatusRequest {
  DeviceKey: DeviceKeyType;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminUpdateDeviceStatusResponse {}

export interface AdminUpdateUserAttributesRequest {
  ClientMetadata?: ClientMetadataType;
  UserAttributes: AttributeListType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminUpdateUserAttributesResponse {}

export interface AdminUserGlobalSignOutRequest {
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface AdminUserGlobalSignOutResponse {}

export interface AdvancedSecurityAdditionalFlowsType {
  CustomAuthMode?: AdvancedSecurityEnabledModeType;
}

export type AdvancedSecurityEnabledModeType = 'AUDIT' | 'ENFORCED';

export type AdvancedSecurityModeType = 'OFF' | 'AUDIT' | 'ENFORCED';

export type AliasAttributeType = 'phone_number' | 'email' | 'preferred_username';

export type AliasAttributesListType = AliasAttributeType[];

export type AllowedFirstAuthFactorsListType = AuthFactorType[];

export interface AnalyticsConfigurationType {
  ApplicationArn?: ArnType;
  ApplicationId?: HexStringType;
  ExternalId?: StringType;
  RoleArn?: ArnType;
  UserDataShared?: BooleanType;
}

export interface AnalyticsMetadataType {
  AnalyticsEndpointId?: StringType;
}

export type ArnType = string;

export type AssetBytesType = Buffer;

export type AssetCategoryType = 'FAVICON_ICO' | 'FAVICON_SVG' | 'EMAIL_GRAPHIC' | 'SMS_GRAPHIC' | 'AUTH_APP_GRAPHIC' | 'PASSWORD_GRAPHIC' | 'PASSKEY_GRAPHIC' | 'PAGE_HEADER_LOGO' | 'PAGE_HEADER_BACKGROUND' | 'PAGE_FOOTER_LOGO' | 'PAGE_FOOTER_BACKGROUND' | 'PAGE_BACKGROUND' | 'FORM_BACKGROUND' | 'FORM_LOGO' | 'IDP_BUTTON_ICON';

export type AssetExtensionType = 'ICO' | 'JPEG' | 'PNG' | 'SVG' | 'WEBP';

export type AssetListType = AssetType[];

export interface AssetType {
  Bytes?: AssetBytesType;
  Category: AssetCategoryType;
  ColorMode: ColorSchemeModeType;
  Extension: AssetExtensionType;
  ResourceId?: ResourceIdType;
}

export interface AssociateSoftwareTokenRequest {
  AccessToken?: TokenModelType;
  Session?: SessionType;
}

export interface AssociateSoftwareTokenResponse {
  SecretCode?: SecretCodeType;
  Session?: SessionType;
}

export type AttributeDataType = 'String' | 'Number' | 'DateTime' | 'Boolean';

export type AttributeListType = AttributeType[];

export type AttributeMappingKeyType = string;

export type AttributeMappingType = Record<string, StringType>;

export type AttributeNameListType = AttributeNameType[];

export type AttributeNameType = string;

export interface AttributeType {
  Name: AttributeNameType;
  Value?: AttributeValueType;
}

export type AttributeValueType = string;

export type AttributesRequireVerificationBeforeUpdateType = VerifiedAttributeType[];

export interface AuthEventType {
  ChallengeResponses?: ChallengeResponseListType;
  CreationDate?: DateType;
  EventContextData?: EventContextDataType;
  EventFeedback?: EventFeedbackType;
  EventId?: StringType;
  EventResponse?: EventResponseType;
  EventRisk?: EventRiskType;
  EventType?: EventType;
}

export type AuthEventsType = AuthEventType[];

export type AuthFactorType = 'PASSWORD' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

export type AuthFlowType = 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN' | 'CUSTOM_AUTH' | 'ADMIN_NO_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH' | 'USER_AUTH';

export type AuthParametersType = Record<string, StringType>;

export type AuthSessionValidityType = number;

export interface AuthenticationResultType {
  AccessToken?: TokenModelType;
  ExpiresIn?: IntegerType;
  IdToken?: TokenModelType;
  NewDeviceMetadata?: NewDeviceMetadataType;
  RefreshToken?: TokenModelType;
  TokenType?: StringType;
}

export type AvailableChallengeListType = ChallengeNameType[];

export type BlockedIPRangeListType = StringType[];

export type BooleanType = boolean;

export type CSSType = string;

export type CSSVersionType = string;

export type CallbackURLsListType = RedirectUrlType[];

export type ChallengeName = 'Password' | 'Mfa';

export type ChallengeNameType = 'SMS_MFA' | 'EMAIL_OTP' | 'SOFTWARE_TOKEN_MFA' | 'SELECT_MFA_TYPE' | 'MFA_SETUP' | 'PASSWORD_VERIFIER' | 'CUSTOM_CHALLENGE' | 'SELECT_CHALLENGE' | 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER' | 'ADMIN_NO_SRP_AUTH' | 'NEW_PASSWORD_REQUIRED' | 'SMS_OTP' | 'PASSWORD' | 'WEB_AUTHN' | 'PASSWORD_SRP';

export type ChallengeParametersType = Record<string, StringType>;

export type ChallengeResponse = 'Success' | 'Failure';

export type ChallengeResponseListType = ChallengeResponseType[];

export interface ChallengeResponseType {
  ChallengeName?: ChallengeName;
  ChallengeResponse?: ChallengeResponse;
}

export type ChallengeResponsesType = Record<string, StringType>;

export interface ChangePasswordRequest {
  AccessToken: TokenModelType;
  PreviousPassword?: PasswordType;
  ProposedPassword: PasswordType;
}

export interface ChangePasswordResponse {}

export type ClientIdType = string;

export type ClientMetadataType = Record<string, StringType>;

export type ClientNameType = string;

export type ClientPermissionListType = ClientPermissionType[];

export type ClientPermissionType = string;

export type ClientSecretDescriptorListType = ClientSecretDescriptorType[];

export interface ClientSecretDescriptorType {
  ClientSecretCreateDate?: DateType;
  ClientSecretId?: ClientSecretIdType;
  ClientSecretValue?: ClientSecretType;
}

export type ClientSecretIdType = string;

export type ClientSecretType = string;

export interface CloudWatchLogsConfigurationType {
  LogGroupArn?: ArnType;
}

export type CodeDeliveryDetailsListType = CodeDeliveryDetailsType[];

export interface CodeDeliveryDetailsType {
  AttributeName?: AttributeNameType;
  DeliveryMedium?: DeliveryMediumType;
  Destination?: StringType;
}

export type ColorSchemeModeType = 'LIGHT' | 'DARK' | 'DYNAMIC';

export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: TokenModelType;
  Credential: Document;
}

export interface CompleteWebAuthnRegistrationResponse {}

export type CompletionMessageType = string;

export interface CompromisedCredentialsActionsType {
  EventAction: CompromisedCredentialsEventActionType;
}

export type CompromisedCredentialsEventActionType = 'BLOCK' | 'NO_ACTION';

export interface CompromisedCredentialsRiskConfigurationType {
  Actions: CompromisedCredentialsActionsType;
  EventFilter?: EventFiltersType;
}

export type ConfiguredUserAuthFactorsListType = AuthFactorType[];

export interface ConfirmDeviceRequest {
  AccessToken: TokenModelType;
  DeviceKey: DeviceKeyType;
  DeviceName?: DeviceNameType;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
}

export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: BooleanType;
}

export interface ConfirmForgotPasswordRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  ConfirmationCode: ConfirmationCodeType;
  Password: PasswordType;
  SecretHash?: SecretHashType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
}

export interface ConfirmForgotPasswordResponse {}

export interface ConfirmSignUpRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  ConfirmationCode: ConfirmationCodeType;
  ForceAliasCreation?: ForceAliasCreation;
  SecretHash?: SecretHashType;
  Session?: SessionType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
}

export interface ConfirmSignUpResponse {
  Session?: SessionType;
}

export type ConfirmationCodeType = string;

export interface ContextDataType {
  EncodedData?: StringType;
  HttpHeaders: HttpHeaderList;
  IpAddress: StringType;
  ServerName: StringType;
  ServerPath: StringType;
}

export interface CreateGroupRequest {
  Description?: DescriptionType;
  GroupName: GroupNameType;
  Precedence?: PrecedenceType;
  RoleArn?: ArnType;
  UserPoolId: UserPoolIdType;
}

export interface CreateGroupResponse {
  Group?: GroupType;
}

export interface CreateIdentityProviderRequest {
  AttributeMapping?: AttributeMappingType;
  IdpIdentifiers?: IdpIdentifiersListType;
  ProviderDetails: ProviderDetailsType;
  ProviderName: ProviderNameTypeV2;
  ProviderType: IdentityProviderTypeType;
  UserPoolId: UserPoolIdType;
}

export interface CreateIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}

export interface CreateManagedLoginBrandingRequest {
  Assets?: AssetListType;
  ClientId: ClientIdType;
  Settings?: Document;
  UseCognitoProvidedValues?: BooleanType;
  UserPoolId: UserPoolIdType;
}

export interface CreateManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}

export interface CreateResourceServerRequest {
  Identifier: ResourceServerIdentifierType;
  Name: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
  UserPoolId: UserPoolIdType;
}

export interface CreateResourceServerResponse {
  ResourceServer: ResourceServerType;
}

export interface CreateTermsRequest {
  ClientId: ClientIdType;
  Enforcement: TermsEnforcementType;
  Links?: LinksType;
  TermsName: TermsNameType;
  TermsSource: TermsSourceType;
  UserPoolId: UserPoolIdType;
}

export interface CreateTermsResponse {
  Terms?: TermsType;
}

export interface CreateUserImportJobRequest {
  CloudWatchLogsRoleArn: ArnType;
  JobName: UserImportJobNameType;
  UserPoolId: UserPoolIdType;
}

export interface CreateUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}

export interface CreateUserPoolClientRequest {
  AccessTokenValidity?: AccessTokenValidityType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AllowedOAuthScopes?: ScopeListType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  AuthSessionValidity?: AuthSessionValidityType;
  CallbackURLs?: CallbackURLsListType;
  ClientName: ClientNameType;
  ClientSecret?: ClientSecretType;
  DefaultRedirectURI?: RedirectUrlType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  EnableTokenRevocation?: WrappedBooleanType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  GenerateSecret?: GenerateSecret;
  IdTokenValidity?: IdTokenValidityType;
  LogoutURLs?: LogoutURLsListType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  ReadAttributes?: ClientPermissionListType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  TokenValidityUnits?: TokenValidityUnitsType;
  UserPoolId: UserPoolIdType;
  WriteAttributes?: ClientPermissionListType;
}

export interface CreateUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}

export interface CreateUserPoolDomainRequest {
  CustomDomainConfig?: CustomDomainConfigType;
  Domain: DomainType;
  ManagedLoginVersion?: WrappedIntegerType;
  UserPoolId: UserPoolIdType;
}

export interface CreateUserPoolDomainResponse {
  CloudFrontDomain?: DomainType;
  ManagedLoginVersion?: WrappedIntegerType;
}

export interface CreateUserPoolRequest {
  AccountRecoverySetting?: AccountRecoverySettingType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  AliasAttributes?: AliasAttributesListType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  DeletionProtection?: DeletionProtectionType;
  DeviceConfiguration?: DeviceConfigurationType;
  EmailConfiguration?: EmailConfigurationType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  LambdaConfig?: LambdaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  Policies?: UserPoolPolicyType;
  PoolName: UserPoolNameType;
  Schema?: SchemaAttributesListType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  SmsConfiguration?: SmsConfigurationType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  UserPoolAddOns?: UserPoolAddOnsType;
  UserPoolTags?: UserPoolTagsType;
  UserPoolTier?: UserPoolTierType;
  UsernameAttributes?: UsernameAttributesListType;
  UsernameConfiguration?: UsernameConfigurationType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
}

export interface CreateUserPoolResponse {
  UserPool?: UserPoolType;
}

export type CustomAttributeNameType = string;

export type CustomAttributesListType = SchemaAttributeType[];

export interface CustomDomainConfigType {
  CertificateArn: ArnType;
}

export interface CustomEmailLambdaVersionConfigType {
  LambdaArn: ArnType;
  LambdaVersion: CustomEmailSenderLambdaVersionType;
}

export type CustomEmailSenderLambdaVersionType = 'V1_0';

export interface CustomSMSLambdaVersionConfigType {
  LambdaArn: ArnType;
  LambdaVersion: CustomSMSSenderLambdaVersionType;
}

export type CustomSMSSenderLambdaVersionType = 'V1_0';

export type DateType = Date;

export type DefaultEmailOptionType = 'CONFIRM_WITH_LINK' | 'CONFIRM_WITH_CODE';

export interface DeleteGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteIdentityProviderRequest {
  ProviderName: ProviderNameType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteManagedLoginBrandingRequest {
  ManagedLoginBrandingId: ManagedLoginBrandingIdType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteResourceServerRequest {
  Identifier: ResourceServerIdentifierType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteTermsRequest {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteUserAttributesRequest {
  AccessToken: TokenModelType;
  UserAttributeNames: AttributeNameListType;
}

export interface DeleteUserAttributesResponse {}

export interface DeleteUserPoolClientRequest {
  ClientId: ClientIdType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteUserPoolClientSecretRequest {
  ClientId: ClientIdType;
  ClientSecretId: ClientSecretIdType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteUserPoolClientSecretResponse {}

export interface DeleteUserPoolDomainRequest {
  Domain: DomainType;
  UserPoolId: UserPoolIdType;
}

export interface DeleteUserPoolDomainResponse {}

export interface DeleteUserPoolRequest {
  UserPoolId: UserPoolIdType;
}

export interface DeleteUserRequest {
  AccessToken: TokenModelType;
}

export interface DeleteWebAuthnCredentialRequest {
  AccessToken: TokenModelType;
  CredentialId: StringType;
}

export interface DeleteWebAuthnCredentialResponse {}

export type DeletionProtectionType = 'ACTIVE' | 'INACTIVE';

export type DeliveryMediumListType = DeliveryMediumType[];

export type DeliveryMediumType = 'SMS' | 'EMAIL';

export interface DescribeIdentityProviderRequest {
  ProviderName: ProviderNameType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}

export interface DescribeManagedLoginBrandingByClientRequest {
  ClientId: ClientIdType;
  ReturnMergedResources?: BooleanType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeManagedLoginBrandingByClientResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}

export interface DescribeManagedLoginBrandingRequest {
  ManagedLoginBrandingId: ManagedLoginBrandingIdType;
  ReturnMergedResources?: BooleanType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}

export interface DescribeResourceServerRequest {
  Identifier: ResourceServerIdentifierType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeResourceServerResponse {
  ResourceServer: ResourceServerType;
}

export interface DescribeRiskConfigurationRequest {
  ClientId?: ClientIdType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeRiskConfigurationResponse {
  RiskConfiguration: RiskConfigurationType;
}

export interface DescribeTermsRequest {
  TermsId: TermsIdType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeTermsResponse {
  Terms?: TermsType;
}

export interface DescribeUserImportJobRequest {
  JobId: UserImportJobIdType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}

export interface DescribeUserPoolClientRequest {
  ClientId: ClientIdType;
  UserPoolId: UserPoolIdType;
}

export interface DescribeUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}

export interface DescribeUserPoolDomainRequest {
  Domain: DomainType;
}

export interface DescribeUserPoolDomainResponse {
  DomainDescription?: DomainDescriptionType;
}

export interface DescribeUserPoolRequest {
  UserPoolId: UserPoolIdType;
}

export interface DescribeUserPoolResponse {
  UserPool?: UserPoolType;
}

export type DescriptionType = string;

export interface DeviceConfigurationType {
  ChallengeRequiredOnNewDevice?: BooleanType;
  DeviceOnlyRememberedOnUserPrompt?: BooleanType;
}

export type DeviceKeyType = string;

export type DeviceListType = DeviceType[];

export type DeviceNameType = string;

export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';

export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: StringType;
  Salt?: StringType;
}

export interface DeviceType {
  DeviceAttributes?: AttributeListType;
  DeviceCreateDate?: DateType;
  DeviceKey?: DeviceKeyType;
  DeviceLastAuthenticatedDate?: DateType;
  DeviceLastModifiedDate?: DateType;
}

export type Document = unknown;

export interface DomainDescriptionType {
  AWSAccountId?: AWSAccountIdType;
  CloudFrontDistribution?: StringType;
  CustomDomainConfig?: CustomDomainConfigType;
  Domain?: DomainType;
  ManagedLoginVersion?: WrappedIntegerType;
  S3Bucket?: S3BucketType;
  Status?: DomainStatusType;
  UserPoolId?: UserPoolIdType;
  Version?: DomainVersionType;
}

export type DomainStatusType = 'CREATING' | 'DELETING' | 'UPDATING' | 'ACTIVE' | 'FAILED';

export type DomainType = string;

export type DomainVersionType = string;

export type EmailAddressType = string;

export interface EmailConfigurationType {
  ConfigurationSet?: SESConfigurationSet;
  EmailSendingAccount?: EmailSendingAccountType;
  From?: StringType;
  ReplyToEmailAddress?: EmailAddressType;
  SourceArn?: ArnType;
}

export type EmailInviteMessageType = string;

export interface EmailMfaConfigType {
  Message?: EmailMfaMessageType;
  Subject?: EmailMfaSubjectType;
}

export type EmailMfaMessageType = string;

export interface EmailMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}

export type EmailMfaSubjectType = string;

export type EmailNotificationBodyType = string;

export type EmailNotificationSubjectType = string;

export type EmailSendingAccountType = 'COGNITO_DEFAULT' | 'DEVELOPER';

export type EmailVerificationMessageByLinkType = string;

export type EmailVerificationMessageType = string;

export type EmailVerificationSubjectByLinkType = string;

export type EmailVerificationSubjectType = string;

export interface EventContextDataType {
  City?: StringType;
  Country?: StringType;
  DeviceName?: StringType;
  IpAddress?: StringType;
  Timezone?: StringType;
}

export interface EventFeedbackType {
  FeedbackDate?: DateType;
  FeedbackValue: FeedbackValueType;
  Provider: StringType;
}

export type EventFilterType = 'SIGN_IN' | 'PASSWORD_CHANGE' | 'SIGN_UP';

export type EventFiltersType = EventFilterType[];

export type EventIdType = string;

export type EventResponseType = 'Pass' | 'Fail' | 'InProgress';

export interface EventRiskType {
  CompromisedCredentialsDetected?: WrappedBooleanType;
  RiskDecision?: RiskDecisionType;
  RiskLevel?: RiskLevelType;
}

export type EventSourceName = 'userNotification' | 'userAuthEvents';

export type EventType = 'SignIn' | 'SignUp' | 'ForgotPassword' | 'PasswordChange' | 'ResendCode';

export type ExplicitAuthFlowsListType = ExplicitAuthFlowsType[];

export type ExplicitAuthFlowsType = 'ADMIN_NO_SRP_AUTH' | 'CUSTOM_AUTH_FLOW_ONLY' | 'USER_PASSWORD_AUTH' | 'ALLOW_ADMIN_USER_PASSWORD_AUTH' | 'ALLOW_CUSTOM_AUTH' | 'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_USER_SRP_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH' | 'ALLOW_USER_AUTH';

export type FeatureType = 'ENABLED' | 'DISABLED';

export type FeedbackValueType = 'Valid' | 'Invalid';

export interface FirehoseConfigurationType {
  StreamArn?: ArnType;
}

export type ForceAliasCreation = boolean;

export interface ForgetDeviceRequest {
  AccessToken?: TokenModelType;
  DeviceKey: DeviceKeyType;
}

export interface ForgotPasswordRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  SecretHash?: SecretHashType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
}

export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

export type GenerateSecret = boolean;

export interface GetCSVHeaderRequest {
  UserPoolId: UserPoolIdType;
}

export interface GetCSVHeaderResponse {
  CSVHeader?: ListOfStringTypes;
  UserPoolId?: UserPoolIdType;
}

export interface GetDeviceRequest {
  AccessToken?: TokenModelType;
  DeviceKey: DeviceKeyType;
}

export interface GetDeviceResponse {
  Device: DeviceType;
}

export interface GetGroupRequest {
  GroupName: GroupNameType;
  UserPoolId: UserPoolIdType;
}

export interface GetGroupResponse {
  Group?: GroupType;
}

export interface GetIdentityProviderByIdentifierRequest {
  IdpIdentifier: IdpIdentifierType;
  UserPoolId: UserPoolIdType;
}

export interface GetIdentityProviderByIdentifierResponse {
  IdentityProvider: IdentityProviderType;
}

export interface GetLogDeliveryConfigurationRequest {
  UserPoolId: UserPoolIdType;
}

export interface GetLogDeliveryConfigurationResponse {
  LogDeliveryConfiguration?: LogDeliveryConfigurationType;
}

export interface GetSigningCertificateRequest {
  UserPoolId: UserPoolIdType;
}

export interface GetSigningCertificateResponse {
  Certificate?: StringType;
}

export interface GetTokensFromRefreshTokenRequest {
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  ClientSecret?: ClientSecretType;
  DeviceKey?: DeviceKeyType;
  RefreshToken: TokenModelType;
}

export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}

export interface GetUICustomizationRequest {
  ClientId?: ClientIdType;
  UserPoolId: UserPoolIdType;
}

export interface GetUICustomizationResponse {
  UICustomization: UICustomizationType;
}

export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: TokenModelType;
  AttributeName: AttributeNameType;
  ClientMetadata?: ClientMetadataType;
}

export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

export interface GetUserAuthFactorsRequest {
  AccessToken: TokenModelType;
}

export interface GetUserAuthFactorsResponse {
  ConfiguredUserAuthFactors?: ConfiguredUserAuthFactorsListType;
  PreferredMfaSetting?: StringType;
  UserMFASettingList?: UserMFASettingListType;
  Username: UsernameType;
}

export interface GetUserPoolMfaConfigRequest {
  UserPoolId: UserPoolIdType;
}

export interface GetUserPoolMfaConfigResponse {
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}

export interface GetUserRequest {
  AccessToken: TokenModelType;
}

export interface GetUserResponse {
  MFAOptions?: MFAOptionListType;
  PreferredMfaSetting?: StringType;
  UserAttributes: AttributeListType;
  UserMFASettingList?: UserMFASettingListType;
  Username: UsernameType;
}

export interface GlobalSignOutRequest {
  AccessToken: TokenModelType;
}

export interface GlobalSignOutResponse {}

export type GroupListType = GroupType[];

export type GroupNameType = string;

export interface GroupType {
  CreationDate?: DateType;
  Description?: DescriptionType;
  GroupName?: GroupNameType;
  LastModifiedDate?: DateType;
  Precedence?: PrecedenceType;
  RoleArn?: ArnType;
  UserPoolId?: UserPoolIdType;
}

export type HexStringType = string;

export interface HttpHeader {
  headerName?: StringType;
  headerValue?: StringType;
}

export type HttpHeaderList = HttpHeader[];

export type IdTokenValidityType = number;

export interface IdentityProviderType {
  AttributeMapping?: AttributeMappingType;
  CreationDate?: DateType;
  IdpIdentifiers?: IdpIdentifiersListType;
  LastModifiedDate?: DateType;
  ProviderDetails?: ProviderDetailsType;
  ProviderName?: ProviderNameType;
  ProviderType?: IdentityProviderTypeType;
  UserPoolId?: UserPoolIdType;
}

export type IdentityProviderTypeType = 'SAML' | 'Facebook' | 'Google' | 'LoginWithAmazon' | 'SignInWithApple' | 'OIDC';

export type IdpIdentifierType = string;

export type IdpIdentifiersListType = IdpIdentifierType[];

export type ImageFileType = Buffer;

export type ImageUrlType = string;

export interface InboundFederationLambdaType {
  LambdaArn: ArnType;
  LambdaVersion: InboundFederationLambdaVersionType;
}

export type InboundFederationLambdaVersionType = 'V1_0';

export interface InitiateAuthRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  AuthFlow: AuthFlowType;
  AuthParameters?: AuthParametersType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  Session?: SessionType;
  UserContextData?: UserContextDataType;
}

export interface InitiateAuthResponse {
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: AvailableChallengeListType;
  ChallengeName?: ChallengeNameType;
  ChallengeParameters?: ChallengeParametersType;
  Session?: SessionType;
}

export type IntegerType = number;

export type InvalidParameterExceptionReasonCodeType = string;

export interface LambdaConfigType {
  CreateAuthChallenge?: ArnType;
  CustomEmailSender?: CustomEmailLambdaVersionConfigType;
  CustomMessage?: ArnType;
  CustomSMSSender?: CustomSMSLambdaVersionConfigType;
  DefineAuthChallenge?: ArnType;
  InboundFederation?: InboundFederationLambdaType;
  KMSKeyID?: ArnType;
  PostAuthentication?: ArnType;
  PostConfirmation?: ArnType;
  PreAuthentication?: ArnType;
  PreSignUp?: ArnType;
  PreTokenGeneration?: ArnType;
  PreTokenGenerationConfig?: PreTokenGenerationVersionConfigType;
  UserMigration?: ArnType;
  VerifyAuthChallengeResponse?: ArnType;
}

export type LanguageIdType = string;

export type LinkUrlType = string;

export type LinksType = Record<string, LinkUrlType>;

export interface ListDevicesRequest {
  AccessToken: TokenModelType;
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
}

export interface ListDevicesResponse {
  Devices?: DeviceListType;
  PaginationToken?: SearchPaginationTokenType;
}

export interface ListGroupsRequest {
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
}

export interface ListGroupsResponse {
  Groups?: GroupListType;
  NextToken?: PaginationKey;
}

export interface ListIdentityProvidersRequest {
  MaxResults?: ListProvidersLimitType;
  NextToken?: PaginationKeyType;
  UserPoolId: UserPoolIdType;
}

export interface ListIdentityProvidersResponse {
  NextToken?: PaginationKeyType;
  Providers: ProvidersListType;
}

export type ListOfStringTypes = StringType[];

export type ListProvidersLimitType = number;

export type ListResourceServersLimitType = number;

export interface ListResourceServersRequest {
  MaxResults?: ListResourceServersLimitType;
  NextToken?: PaginationKeyType;
  UserPoolId: UserPoolIdType;
}

export interface ListResourceServersResponse {
  NextToken?: PaginationKeyType;
  ResourceServers: ResourceServersListType;
}

export interface ListTagsForResourceRequest {
  ResourceArn: ArnType;
}

export interface ListTagsForResourceResponse {
  Tags?: UserPoolTagsType;
}

export interface ListTermsRequest {
  MaxResults?: ListTermsRequestMaxResultsInteger;
  NextToken?: StringType;
  UserPoolId: UserPoolIdType;
}

export type ListTermsRequestMaxResultsInteger = number;

export interface ListTermsResponse {
  NextToken?: StringType;
  Terms: TermsDescriptionListType;
}

export interface ListUserImportJobsRequest {
  MaxResults: PoolQueryLimitType;
  PaginationToken?: PaginationKeyType;
  UserPoolId: UserPoolIdType;
}

export interface ListUserImportJobsResponse {
  PaginationToken?: PaginationKeyType;
  UserImportJobs?: UserImportJobsListType;
}

export interface ListUserPoolClientSecretsRequest {
  ClientId: ClientIdType;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
}

export interface ListUserPoolClientSecretsResponse {
  ClientSecrets?: ClientSecretDescriptorListType;
  NextToken?: PaginationKey;
}

export interface ListUserPoolClientsRequest {
  MaxResults?: QueryLimit;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
}

export interface ListUserPoolClientsResponse {
  NextToken?: PaginationKey;
  UserPoolClients?: UserPoolClientListType;
}

export interface ListUserPoolsRequest {
  MaxResults: PoolQueryLimitType;
  NextToken?: PaginationKeyType;
}

export interface ListUserPoolsResponse {
  NextToken?: PaginationKeyType;
  UserPools?: UserPoolListType;
}

export interface ListUsersInGroupRequest {
  GroupName: GroupNameType;
  Limit?: QueryLimitType;
  NextToken?: PaginationKey;
  UserPoolId: UserPoolIdType;
}

export interface ListUsersInGroupResponse {
  NextToken?: PaginationKey;
  Users?: UsersListType;
}

export interface ListUsersRequest {
  AttributesToGet?: SearchedAttributeNamesListType;
  Filter?: UserFilterType;
  Limit?: QueryLimitType;
  PaginationToken?: SearchPaginationTokenType;
  UserPoolId: UserPoolIdType;
}

export interface ListUsersResponse {
  PaginationToken?: SearchPaginationTokenType;
  Users?: UsersListType;
}

export interface ListWebAuthnCredentialsRequest {
  AccessToken: TokenModelType;
  MaxResults?: WebAuthnCredentialsQueryLimitType;
  NextToken?: PaginationKey;
}

export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescriptionListType;
  NextToken?: PaginationKey;
}

export type LogConfigurationListType = LogConfigurationType[];

export interface LogConfigurationType {
  CloudWatchLogsConfiguration?: CloudWatchLogsConfigurationType;
  EventSource: EventSourceName;
  FirehoseConfiguration?: FirehoseConfigurationType;
  LogLevel: LogLevel;
  S3Configuration?: S3ConfigurationType;
}

export interface LogDeliveryConfigurationType {
  LogConfigurations: LogConfigurationListType;
  UserPoolId: UserPoolIdType;
}

export type LogLevel = 'ERROR' | 'INFO';

export type LogoutURLsListType = RedirectUrlType[];

export type LongType = number;

export type MFAOptionListType = MFAOptionType[];

export interface MFAOptionType {
  AttributeName?: AttributeNameType;
  DeliveryMedium?: DeliveryMediumType;
}

export type ManagedLoginBrandingIdType = string;

export interface ManagedLoginBrandingType {
  Assets?: AssetListType;
  CreationDate?: DateType;
  LastModifiedDate?: DateType;
  ManagedLoginBrandingId?: ManagedLoginBrandingIdType;
  Settings?: Document;
  UseCognitoProvidedValues?: BooleanType;
  UserPoolId?: UserPoolIdType;
}

export type MessageActionType = 'RESEND' | 'SUPPRESS';

export interface MessageTemplateType {
  EmailMessage?: EmailInviteMessageType;
  EmailSubject?: EmailVerificationSubjectType;
  SMSMessage?: SmsInviteMessageType;
}

export type MessageType = string;

export interface NewDeviceMetadataType {
  DeviceGroupKey?: StringType;
  DeviceKey?: DeviceKeyType;
}

export interface NotifyConfigurationType {
  BlockEmail?: NotifyEmailType;
  From?: StringType;
  MfaEmail?: NotifyEmailType;
  NoActionEmail?: NotifyEmailType;
  ReplyTo?: StringType;
  SourceArn: ArnType;
}

export interface NotifyEmailType {
  HtmlBody?: EmailNotificationBodyType;
  Subject: EmailNotificationSubjectType;
  TextBody?: EmailNotificationBodyType;
}

export interface NumberAttributeConstraintsType {
  MaxValue?: StringType;
  MinValue?: StringType;
}

export type OAuthFlowType = 'code' | 'implicit' | 'client_credentials';

export type OAuthFlowsType = OAuthFlowType[];

export type PaginationKey = string;

export type PaginationKeyType = string;

export type PasswordHistorySizeType = number;

export type PasswordPolicyMinLengthType = number;

export interface PasswordPolicyType {
  MinimumLength?: PasswordPolicyMinLengthType;
  PasswordHistorySize?: PasswordHistorySizeType;
  RequireLowercase?: BooleanType;
  RequireNumbers?: BooleanType;
  RequireSymbols?: BooleanType;
  RequireUppercase?: BooleanType;
  TemporaryPasswordValidityDays?: TemporaryPasswordValidityDaysType;
}

export type PasswordType = string;

export type PoolQueryLimitType = number;

export type PreSignedUrlType = string;

export type PreTokenGenerationLambdaVersionType = 'V1_0' | 'V2_0' | 'V3_0';

export interface PreTokenGenerationVersionConfigType {
  LambdaArn: ArnType;
  LambdaVersion: PreTokenGenerationLambdaVersionType;
}

export type PrecedenceType = number;

export type PreventUserExistenceErrorTypes = 'LEGACY' | 'ENABLED';

export type PriorityType = number;

export interface ProviderDescription {
  CreationDate?: DateType;
  LastModifiedDate?: DateType;
  ProviderName?: ProviderNameType;
  ProviderType?: IdentityProviderTypeType;
}

export type ProviderDetailsType = Record<string, StringType>;

export type ProviderNameType = string;

export type ProviderNameTypeV2 = string;

export interface ProviderUserIdentifierType {
  ProviderAttributeName?: StringType;
  ProviderAttributeValue?: StringType;
  ProviderName?: ProviderNameType;
}

export type ProvidersListType = ProviderDescription[];

export type QueryLimit = number;

export type QueryLimitType = number;

export type RecoveryMechanismsType = RecoveryOptionType[];

export type RecoveryOptionNameType = 'verified_email' | 'verified_phone_number' | 'admin_only';

export interface RecoveryOptionType {
  Name: RecoveryOptionNameType;
  Priority: PriorityType;
}

export type RedirectUrlType = string;

export interface RefreshTokenRotationType {
  Feature: FeatureType;
  RetryGracePeriodSeconds?: RetryGracePeriodSecondsType;
}

export type RefreshTokenValidityType = number;

export type RegionCodeType = string;

export type RelyingPartyIdType = string;

export interface ResendConfirmationCodeRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  SecretHash?: SecretHashType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
}

export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

export type ResourceIdType = string;

export type ResourceServerIdentifierType = string;

export type ResourceServerNameType = string;

export type ResourceServerScopeDescriptionType = string;

export type ResourceServerScopeListType = ResourceServerScopeType[];

export type ResourceServerScopeNameType = string;

export interface ResourceServerScopeType {
  ScopeDescription: ResourceServerScopeDescriptionType;
  ScopeName: ResourceServerScopeNameType;
}

export interface ResourceServerType {
  Identifier?: ResourceServerIdentifierType;
  Name?: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
  UserPoolId?: UserPoolIdType;
}

export type ResourceServersListType = ResourceServerType[];

export interface RespondToAuthChallengeRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ChallengeName: ChallengeNameType;
  ChallengeResponses?: ChallengeResponsesType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  Session?: SessionType;
  UserContextData?: UserContextDataType;
}

export interface RespondToAuthChallengeResponse {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType;
  ChallengeParameters?: ChallengeParametersType;
  Session?: SessionType;
}

export type RetryGracePeriodSecondsType = number;

export interface RevokeTokenRequest {
  ClientId: ClientIdType;
  ClientSecret?: ClientSecretType;
  Token: TokenModelType;
}

export interface RevokeTokenResponse {}

export interface RiskConfigurationType {
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  ClientId?: ClientIdType;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  LastModifiedDate?: DateType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
  UserPoolId?: UserPoolIdType;
}

export type RiskDecisionType = 'NoRisk' | 'AccountTakeover' | 'Block';

export interface RiskExceptionConfigurationType {
  BlockedIPRangeList?: BlockedIPRangeListType;
  SkippedIPRangeList?: SkippedIPRangeListType;
}

export type RiskLevelType = 'Low' | 'Medium' | 'High';

export type S3ArnType = string;

export type S3BucketType = string;

export interface S3ConfigurationType {
  BucketArn?: S3ArnType;
}

export type SESConfigurationSet = string;

export interface SMSMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}

export interface SchemaAttributeType {
  AttributeDataType?: AttributeDataType;
  DeveloperOnlyAttribute?: BooleanType;
  Mutable?: BooleanType;
  Name?: CustomAttributeNameType;
  NumberAttributeConstraints?: NumberAttributeConstraintsType;
  Required?: BooleanType;
  StringAttributeConstraints?: StringAttributeConstraintsType;
}

export type SchemaAttributesListType = SchemaAttributeType[];

export type ScopeListType = ScopeType[];

export type ScopeType = string;

export type SearchPaginationTokenType = string;

export type SearchedAttributeNamesListType = AttributeNameType[];

export type SecretCodeType = string;

export type SecretHashType = string;

export type SessionType = string;

export interface SetLogDeliveryConfigurationRequest {
  LogConfigurations: LogConfigurationListType;
  UserPoolId: UserPoolIdType;
}

export interface SetLogDeliveryConfigurationResponse {
  LogDeliveryConfiguration?: LogDeliveryConfigurationType;
}

export interface SetRiskConfigurationRequest {
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  ClientId?: ClientIdType;
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
  UserPoolId: UserPoolIdType;
}

export interface SetRiskConfigurationResponse {
  RiskConfiguration: RiskConfigurationType;
}

export interface SetUICustomizationRequest {
  CSS?: CSSType;
  ClientId?: ClientIdType;
  ImageFile?: ImageFileType;
  UserPoolId: UserPoolIdType;
}

export interface SetUICustomizationResponse {
  UICustomization: UICustomizationType;
}

export interface SetUserMFAPreferenceRequest {
  AccessToken: TokenModelType;
  EmailMfaSettings?: EmailMfaSettingsType;
  SMSMfaSettings?: SMSMfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  WebAuthnMfaSettings?: WebAuthnMfaSettingsType;
}

export interface SetUserMFAPreferenceResponse {}

export interface SetUserPoolMfaConfigRequest {
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  UserPoolId: UserPoolIdType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}

export interface SetUserPoolMfaConfigResponse {
  EmailMfaConfiguration?: EmailMfaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  SmsMfaConfiguration?: SmsMfaConfigType;
  SoftwareTokenMfaConfiguration?: SoftwareTokenMfaConfigType;
  WebAuthnConfiguration?: WebAuthnConfigurationType;
}

export interface SetUserSettingsRequest {
  AccessToken: TokenModelType;
  MFAOptions: MFAOptionListType;
}

export interface SetUserSettingsResponse {}

export interface SignInPolicyType {
  AllowedFirstAuthFactors?: AllowedFirstAuthFactorsListType;
}

export interface SignUpRequest {
  AnalyticsMetadata?: AnalyticsMetadataType;
  ClientId: ClientIdType;
  ClientMetadata?: ClientMetadataType;
  Password?: PasswordType;
  SecretHash?: SecretHashType;
  UserAttributes?: AttributeListType;
  UserContextData?: UserContextDataType;
  Username: UsernameType;
  ValidationData?: AttributeListType;
}

export interface SignUpResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  Session?: SessionType;
  UserConfirmed: BooleanType;
  UserSub: StringType;
}

export type SkippedIPRangeListType = StringType[];

export interface SmsConfigurationType {
  ExternalId?: StringType;
  SnsCallerArn: ArnType;
  SnsRegion?: RegionCodeType;
}

export type SmsInviteMessageType = string;

export interface SmsMfaConfigType {
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  SmsConfiguration?: SmsConfigurationType;
}

export type SmsVerificationMessageType = string;

export type SoftwareTokenMFAUserCodeType = string;

export interface SoftwareTokenMfaConfigType {
  Enabled?: BooleanType;
}

export interface SoftwareTokenMfaSettingsType {
  Enabled?: BooleanType;
  PreferredMfa?: BooleanType;
}

export interface StartUserImportJobRequest {
  JobId: UserImportJobIdType;
  UserPoolId: UserPoolIdType;
}

export interface StartUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}

export interface StartWebAuthnRegistrationRequest {
  AccessToken: TokenModelType;
}

export interface StartWebAuthnRegistrationResponse {
  CredentialCreationOptions: Document;
}

export type StatusType = 'Enabled' | 'Disabled';

export interface StopUserImportJobRequest {
  JobId: UserImportJobIdType;
  UserPoolId: UserPoolIdType;
}

export interface StopUserImportJobResponse {
  UserImportJob?: UserImportJobType;
}

export interface StringAttributeConstraintsType {
  MaxLength?: StringType;
  MinLength?: StringType;
}

export type StringType = string;

export type SupportedIdentityProvidersListType = ProviderNameType[];

export type TagKeysType = string;

export interface TagResourceRequest {
  ResourceArn: ArnType;
  Tags: UserPoolTagsType;
}

export interface TagResourceResponse {}

export type TagValueType = string;

export type TemporaryPasswordValidityDaysType = number;

export type TermsDescriptionListType = TermsDescriptionType[];

export interface TermsDescriptionType {
  CreationDate: DateType;
  Enforcement: TermsEnforcementType;
  LastModifiedDate: DateType;
  TermsId: TermsIdType;
  TermsName: TermsNameType;
}

export type TermsEnforcementType = 'NONE';

export type TermsIdType = string;

export type TermsNameType = string;

export type TermsSourceType = 'LINK';

export interface TermsType {
  ClientId: ClientIdType;
  CreationDate: DateType;
  Enforcement: TermsEnforcementType;
  LastModifiedDate: DateType;
  Links: LinksType;
  TermsId: TermsIdType;
  TermsName: TermsNameType;
  TermsSource: TermsSourceType;
  UserPoolId: UserPoolIdType;
}

export type TimeUnitsType = 'seconds' | 'minutes' | 'hours' | 'days';

export type TokenModelType = string;

export interface TokenValidityUnitsType {
  AccessToken?: TimeUnitsType;
  IdToken?: TimeUnitsType;
  RefreshToken?: TimeUnitsType;
}

export interface UICustomizationType {
  CSS?: CSSType;
  CSSVersion?: CSSVersionType;
  ClientId?: ClientIdType;
  CreationDate?: DateType;
  ImageUrl?: ImageUrlType;
  LastModifiedDate?: DateType;
  UserPoolId?: UserPoolIdType;
}

export interface UntagResourceRequest {
  ResourceArn: ArnType;
  TagKeys: UserPoolTagsListType;
}

export interface UntagResourceResponse {}

export interface UpdateAuthEventFeedbackRequest {
  EventId: EventIdType;
  FeedbackToken: TokenModelType;
  FeedbackValue: FeedbackValueType;
  UserPoolId: UserPoolIdType;
  Username: UsernameType;
}

export interface UpdateAuthEventFeedbackResponse {}

export interface UpdateDeviceStatusRequest {
  AccessToken: TokenModelType;
  DeviceKey: DeviceKeyType;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}

export interface UpdateDeviceStatusResponse {}

export interface UpdateGroupRequest {
  Description?: DescriptionType;
  GroupName: GroupNameType;
  Precedence?: PrecedenceType;
  RoleArn?: ArnType;
  UserPoolId: UserPoolIdType;
}

export interface UpdateGroupResponse {
  Group?: GroupType;
}

export interface UpdateIdentityProviderRequest {
  AttributeMapping?: AttributeMappingType;
  IdpIdentifiers?: IdpIdentifiersListType;
  ProviderDetails?: ProviderDetailsType;
  ProviderName: ProviderNameType;
  UserPoolId: UserPoolIdType;
}

export interface UpdateIdentityProviderResponse {
  IdentityProvider: IdentityProviderType;
}

export interface UpdateManagedLoginBrandingRequest {
  Assets?: AssetListType;
  ManagedLoginBrandingId?: ManagedLoginBrandingIdType;
  Settings?: Document;
  UseCognitoProvidedValues?: BooleanType;
  UserPoolId?: UserPoolIdType;
}

export interface UpdateManagedLoginBrandingResponse {
  ManagedLoginBranding?: ManagedLoginBrandingType;
}

export interface UpdateResourceServerRequest {
  Identifier: ResourceServerIdentifierType;
  Name: ResourceServerNameType;
  Scopes?: ResourceServerScopeListType;
  UserPoolId: UserPoolIdType;
}

export interface UpdateResourceServerResponse {
  ResourceServer: ResourceServerType;
}

export interface UpdateTermsRequest {
  Enforcement?: TermsEnforcementType;
  Links?: LinksType;
  TermsId: TermsIdType;
  TermsName?: TermsNameType;
  TermsSource?: TermsSourceType;
  UserPoolId: UserPoolIdType;
}

export interface UpdateTermsResponse {
  Terms?: TermsType;
}

export interface UpdateUserAttributesRequest {
  AccessToken: TokenModelType;
  ClientMetadata?: ClientMetadataType;
  UserAttributes: AttributeListType;
}

export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsListType;
}

export interface UpdateUserPoolClientRequest {
  AccessTokenValidity?: AccessTokenValidityType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AllowedOAuthScopes?: ScopeListType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  AuthSessionValidity?: AuthSessionValidityType;
  CallbackURLs?: CallbackURLsListType;
  ClientId: ClientIdType;
  ClientName?: ClientNameType;
  DefaultRedirectURI?: RedirectUrlType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  EnableTokenRevocation?: WrappedBooleanType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  IdTokenValidity?: IdTokenValidityType;
  LogoutURLs?: LogoutURLsListType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  ReadAttributes?: ClientPermissionListType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  TokenValidityUnits?: TokenValidityUnitsType;
  UserPoolId: UserPoolIdType;
  WriteAttributes?: ClientPermissionListType;
}

export interface UpdateUserPoolClientResponse {
  UserPoolClient?: UserPoolClientType;
}

export interface UpdateUserPoolDomainRequest {
  CustomDomainConfig?: CustomDomainConfigType;
  Domain: DomainType;
  ManagedLoginVersion?: WrappedIntegerType;
  UserPoolId: UserPoolIdType;
}

export interface UpdateUserPoolDomainResponse {
  CloudFrontDomain?: DomainType;
  ManagedLoginVersion?: WrappedIntegerType;
}

export interface UpdateUserPoolRequest {
  AccountRecoverySetting?: AccountRecoverySettingType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  DeletionProtection?: DeletionProtectionType;
  DeviceConfiguration?: DeviceConfigurationType;
  EmailConfiguration?: EmailConfigurationType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  LambdaConfig?: LambdaConfigType;
  MfaConfiguration?: UserPoolMfaType;
  Policies?: UserPoolPolicyType;
  PoolName?: UserPoolNameType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  SmsConfiguration?: SmsConfigurationType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  UserPoolAddOns?: UserPoolAddOnsType;
  UserPoolId: UserPoolIdType;
  UserPoolTags?: UserPoolTagsType;
  UserPoolTier?: UserPoolTierType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
}

export interface UpdateUserPoolResponse {}

export interface UserAttributeUpdateSettingsType {
  AttributesRequireVerificationBeforeUpdate?: AttributesRequireVerificationBeforeUpdateType;
}

export interface UserContextDataType {
  EncodedData?: StringType;
  IpAddress?: StringType;
}

export type UserFilterType = string;

export type UserImportJobIdType = string;

export type UserImportJobNameType = string;

export type UserImportJobStatusType = 'Created' | 'Pending' | 'InProgress' | 'Stopping' | 'Expired' | 'Stopped' | 'Failed' | 'Succeeded';

export interface UserImportJobType {
  CloudWatchLogsRoleArn?: ArnType;
  CompletionDate?: DateType;
  CompletionMessage?: CompletionMessageType;
  CreationDate?: DateType;
  FailedUsers?: LongType;
  ImportedUsers?: LongType;
  JobId?: UserImportJobIdType;
  JobName?: UserImportJobNameType;
  PreSignedUrl?: PreSignedUrlType;
  SkippedUsers?: LongType;
  StartDate?: DateType;
  Status?: UserImportJobStatusType;
  UserPoolId?: UserPoolIdType;
}

export type UserImportJobsListType = UserImportJobType[];

export type UserMFASettingListType = StringType[];

export interface UserPoolAddOnsType {
  AdvancedSecurityAdditionalFlows?: AdvancedSecurityAdditionalFlowsType;
  AdvancedSecurityMode: AdvancedSecurityModeType;
}

export interface UserPoolClientDescription {
  ClientId?: ClientIdType;
  ClientName?: ClientNameType;
  UserPoolId?: UserPoolIdType;
}

export type UserPoolClientListType = UserPoolClientDescription[];

export interface UserPoolClientType {
  AccessTokenValidity?: AccessTokenValidityType;
  AllowedOAuthFlows?: OAuthFlowsType;
  AllowedOAuthFlowsUserPoolClient?: BooleanType;
  AllowedOAuthScopes?: ScopeListType;
  AnalyticsConfiguration?: AnalyticsConfigurationType;
  AuthSessionValidity?: AuthSessionValidityType;
  CallbackURLs?: CallbackURLsListType;
  ClientId?: ClientIdType;
  ClientName?: ClientNameType;
  ClientSecret?: ClientSecretType;
  CreationDate?: DateType;
  DefaultRedirectURI?: RedirectUrlType;
  EnablePropagateAdditionalUserContextData?: WrappedBooleanType;
  EnableTokenRevocation?: WrappedBooleanType;
  ExplicitAuthFlows?: ExplicitAuthFlowsListType;
  IdTokenValidity?: IdTokenValidityType;
  LastModifiedDate?: DateType;
  LogoutURLs?: LogoutURLsListType;
  PreventUserExistenceErrors?: PreventUserExistenceErrorTypes;
  ReadAttributes?: ClientPermissionListType;
  RefreshTokenRotation?: RefreshTokenRotationType;
  RefreshTokenValidity?: RefreshTokenValidityType;
  SupportedIdentityProviders?: SupportedIdentityProvidersListType;
  TokenValidityUnits?: TokenValidityUnitsType;
  UserPoolId?: UserPoolIdType;
  WriteAttributes?: ClientPermissionListType;
}

export interface UserPoolDescriptionType {
  CreationDate?: DateType;
  Id?: UserPoolIdType;
  LambdaConfig?: LambdaConfigType;
  LastModifiedDate?: DateType;
  Name?: UserPoolNameType;
  Status?: StatusType;
}

export type UserPoolIdType = string;

export type UserPoolListType = UserPoolDescriptionType[];

export type UserPoolMfaType = 'OFF' | 'ON' | 'OPTIONAL';

export type UserPoolNameType = string;

export interface UserPoolPolicyType {
  PasswordPolicy?: PasswordPolicyType;
  SignInPolicy?: SignInPolicyType;
}

export type UserPoolTagsListType = TagKeysType[];

export type UserPoolTagsType = Record<string, TagValueType>;

export type UserPoolTierType = 'LITE' | 'ESSENTIALS' | 'PLUS';

export interface UserPoolType {
  AccountRecoverySetting?: AccountRecoverySettingType;
  AdminCreateUserConfig?: AdminCreateUserConfigType;
  AliasAttributes?: AliasAttributesListType;
  Arn?: ArnType;
  AutoVerifiedAttributes?: VerifiedAttributesListType;
  CreationDate?: DateType;
  CustomDomain?: DomainType;
  DeletionProtection?: DeletionProtectionType;
  DeviceConfiguration?: DeviceConfigurationType;
  Domain?: DomainType;
  EmailConfiguration?: EmailConfigurationType;
  EmailConfigurationFailure?: StringType;
  EmailVerificationMessage?: EmailVerificationMessageType;
  EmailVerificationSubject?: EmailVerificationSubjectType;
  EstimatedNumberOfUsers?: IntegerType;
  Id?: UserPoolIdType;
  LambdaConfig?: LambdaConfigType;
  LastModifiedDate?: DateType;
  MfaConfiguration?: UserPoolMfaType;
  Name?: UserPoolNameType;
  Policies?: UserPoolPolicyType;
  SchemaAttributes?: SchemaAttributesListType;
  SmsAuthenticationMessage?: SmsVerificationMessageType;
  SmsConfiguration?: SmsConfigurationType;
  SmsConfigurationFailure?: StringType;
  SmsVerificationMessage?: SmsVerificationMessageType;
  Status?: StatusType;
  UserAttributeUpdateSettings?: UserAttributeUpdateSettingsType;
  UserPoolAddOns?: UserPoolAddOnsType;
  UserPoolTags?: UserPoolTagsType;
  UserPoolTier?: UserPoolTierType;
  UsernameAttributes?: UsernameAttributesListType;
  UsernameConfiguration?: UsernameConfigurationType;
  VerificationMessageTemplate?: VerificationMessageTemplateType;
}

export type UserStatusType = 'UNCONFIRMED' | 'CONFIRMED' | 'ARCHIVED' | 'COMPROMISED' | 'UNKNOWN' | 'RESET_REQUIRED' | 'FORCE_CHANGE_PASSWORD' | 'EXTERNAL_PROVIDER';

export interface UserType {
  Attributes?: AttributeListType;
  Enabled?: BooleanType;
  MFAOptions?: MFAOptionListType;
  UserCreateDate?: DateType;
  UserLastModifiedDate?: DateType;
  UserStatus?: UserStatusType;
  Username?: UsernameType;
}

export type UserVerificationType = 'required' | 'preferred';

export type UsernameAttributeType = 'phone_number' | 'email';

export type UsernameAttributesListType = UsernameAttributeType[];

export interface UsernameConfigurationType {
  CaseSensitive: WrappedBooleanType;
}

export type UsernameType = string;

export type UsersListType = UserType[];

export interface VerificationMessageTemplateType {
  DefaultEmailOption?: DefaultEmailOptionType;
  EmailMessage?: EmailVerificationMessageType;
  EmailMessageByLink?: EmailVerificationMessageByLinkType;
  EmailSubject?: EmailVerificationSubjectType;
  EmailSubjectByLink?: EmailVerificationSubjectByLinkType;
  SmsMessage?: SmsVerificationMessageType;
}

export type VerifiedAttributeType = 'phone_number' | 'email';

export type VerifiedAttributesListType = VerifiedAttributeType[];

export interface VerifySoftwareTokenRequest {
  AccessToken?: TokenModelType;
  FriendlyDeviceName?: StringType;
  Session?: SessionType;
  UserCode: SoftwareTokenMFAUserCodeType;
}

export interface VerifySoftwareTokenResponse {
  Session?: SessionType;
  Status?: VerifySoftwareTokenResponseType;
}

export type VerifySoftwareTokenResponseType = 'SUCCESS' | 'ERROR';

export interface VerifyUserAttributeRequest {
  AccessToken: TokenModelType;
  AttributeName: AttributeNameType;
  Code: ConfirmationCodeType;
}

export interface VerifyUserAttributeResponse {}

export type WebAuthnAuthenticatorAttachmentType = string;

export type WebAuthnAuthenticatorTransportType = string;

export type WebAuthnAuthenticatorTransportsList = WebAuthnAuthenticatorTransportType[];

export interface WebAuthnConfigurationType {
  FactorConfiguration?: WebAuthnFactorConfigurationType;
  RelyingPartyId?: RelyingPartyIdType;
  UserVerification?: UserVerificationType;
}

export interface WebAuthnCredentialDescription {
  AuthenticatorAttachment?: WebAuthnAuthenticatorAttachmentType;
  AuthenticatorTransports: WebAuthnAuthenticatorTransportsList;
  CreatedAt: DateType;
  CredentialId: StringType;
  FriendlyCredentialName: StringType;
  RelyingPartyId: StringType;
}

export type WebAuthnCredentialDescriptionListType = WebAuthnCredentialDescription[];

export type WebAuthnCredentialsQueryLimitType = number;

export type WebAuthnFactorConfigurationType = 'SINGLE_FACTOR' | 'MULTI_FACTOR_WITH_USER_VERIFICATION';

export interface WebAuthnMfaSettingsType {
  Enabled?: BooleanType;
}

export type WrappedBooleanType = boolean;

export type WrappedIntegerType = number;

// Operations

export interface CognitoIdentityProviderApi {
  AddCustomAttributes(ctx: RequestContext, input: AddCustomAttributesRequest): Promise<AddCustomAttributesResponse>;
  AddUserPoolClientSecret(ctx: RequestContext, input: AddUserPoolClientSecretRequest): Promise<AddUserPoolClientSecretResponse>;
  AdminAddUserToGroup(ctx: RequestContext, input: AdminAddUserToGroupRequest): Promise<void>;
  AdminConfirmSignUp(ctx: RequestContext, input: AdminConfirmSignUpRequest): Promise<AdminConfirmSignUpResponse>;
  AdminCreateUser(ctx: RequestContext, input: AdminCreateUserRequest): Promise<AdminCreateUserResponse>;
  AdminDeleteUser(ctx: RequestContext, input: AdminDeleteUserRequest): Promise<void>;
  AdminDeleteUserAttributes(ctx: RequestContext, input: AdminDeleteUserAttributesRequest): Promise<AdminDeleteUserAttributesResponse>;
  AdminDisableProviderForUser(ctx: RequestContext, input: AdminDisableProviderForUserRequest): Promise<AdminDisableProviderForUserResponse>;
  AdminDisableUser(ctx: RequestContext, input: AdminDisableUserRequest): Promise<AdminDisableUserResponse>;
  AdminEnableUser(ctx: RequestContext, input: AdminEnableUserRequest): Promise<AdminEnableUserResponse>;
  AdminForgetDevice(ctx: RequestContext, input: AdminForgetDeviceRequest): Promise<void>;
  AdminGetDevice(ctx: RequestContext, input: AdminGetDeviceRequest): Promise<AdminGetDeviceResponse>;
  AdminGetUser(ctx: RequestContext, input: AdminGetUserRequest): Promise<AdminGetUserResponse>;
  AdminInitiateAuth(ctx: RequestContext, input: AdminInitiateAuthRequest): Promise<AdminInitiateAuthResponse>;
  AdminLinkProviderForUser(ctx: RequestContext, input: AdminLinkProviderForUserRequest): Promise<AdminLinkProviderForUserResponse>;
  AdminListDevices(ctx: RequestContext, input: AdminListDevicesRequest): Promise<AdminListDevicesResponse>;
  AdminListGroupsForUser(ctx: RequestContext, input: AdminListGroupsForUserRequest): Promise<AdminListGroupsForUserResponse>;
  AdminListUserAuthEvents(ctx: RequestContext, input: AdminListUserAuthEventsRequest): Promise<AdminListUserAuthEventsResponse>;
  AdminRemoveUserFromGroup(ctx: RequestContext, input: AdminRemoveUserFromGroupRequest): Promise<void>;
  AdminResetUserPassword(ctx: RequestContext, input: AdminResetUserPasswordRequest): Promise<AdminResetUserPasswordResponse>;
  AdminRespondToAuthChallenge(ctx: RequestContext, input: AdminRespondToAuthChallengeRequest): Promise<AdminRespondToAuthChallengeResponse>;
  AdminSetUserMFAPreference(ctx: RequestContext, input: AdminSetUserMFAPreferenceRequest): Promise<AdminSetUserMFAPreferenceResponse>;
  AdminSetUserPassword(ctx: RequestContext, input: AdminSetUserPasswordRequest): Promise<AdminSetUserPasswordResponse>;
  AdminSetUserSettings(ctx: RequestContext, input: AdminSetUserSettingsRequest): Promise<AdminSetUserSettingsResponse>;
  AdminUpdateAuthEventFeedback(ctx: RequestContext, input: AdminUpdateAuthEventFeedbackRequest): Promise<AdminUpdateAuthEventFeedbackResponse>;
  AdminUpdateDeviceStatus(ctx: RequestContext, input: AdminUpdateDeviceStatusRequest): Promise<AdminUpdateDeviceStatusResponse>;
  AdminUpdateUserAttributes(ctx: RequestContext, input: AdminUpdateUserAttributesRequest): Promise<AdminUpdateUserAttributesResponse>;
  AdminUserGlobalSignOut(ctx: RequestContext, input: AdminUserGlobalSignOutRequest): Promise<AdminUserGlobalSignOutResponse>;
  AssociateSoftwareToken(ctx: RequestContext, input: AssociateSoftwareTokenRequest): Promise<AssociateSoftwareTokenResponse>;
  ChangePassword(ctx: RequestContext, input: ChangePasswordRequest): Promise<ChangePasswordResponse>;
  CompleteWebAuthnRegistration(ctx: RequestContext, input: CompleteWebAuthnRegistrationRequest): Promise<CompleteWebAuthnRegistrationResponse>;
  ConfirmDevice(ctx: RequestContext, input: ConfirmDeviceRequest): Promise<ConfirmDeviceResponse>;
  ConfirmForgotPassword(ctx: RequestContext, input: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordResponse>;
  ConfirmSignUp(ctx: RequestContext, input: ConfirmSignUpRequest): Promise<ConfirmSignUpResponse>;
  CreateGroup(ctx: RequestContext, input: CreateGroupRequest): Promise<CreateGroupResponse>;
  CreateIdentityProvider(ctx: RequestContext, input: CreateIdentityProviderRequest): Promise<CreateIdentityProviderResponse>;
  CreateManagedLoginBranding(ctx: RequestContext, input: CreateManagedLoginBrandingRequest): Promise<CreateManagedLoginBrandingResponse>;
  CreateResourceServer(ctx: RequestContext, input: CreateResourceServerRequest): Promise<CreateResourceServerResponse>;
  CreateTerms(ctx: RequestContext, input: CreateTermsRequest): Promise<CreateTermsResponse>;
  CreateUserImportJob(ctx: RequestContext, input: CreateUserImportJobRequest): Promise<CreateUserImportJobResponse>;
  CreateUserPool(ctx: RequestContext, input: CreateUserPoolRequest): Promise<CreateUserPoolResponse>;
  CreateUserPoolClient(ctx: RequestContext, input: CreateUserPoolClientRequest): Promise<CreateUserPoolClientResponse>;
  CreateUserPoolDomain(ctx: RequestContext, input: CreateUserPoolDomainRequest): Promise<CreateUserPoolDomainResponse>;
  DeleteGroup(ctx: RequestContext, input: DeleteGroupRequest): Promise<void>;
  DeleteIdentityProvider(ctx: RequestContext, input: DeleteIdentityProviderRequest): Promise<void>;
  DeleteManagedLoginBranding(ctx: RequestContext, input: DeleteManagedLoginBrandingRequest): Promise<void>;
  DeleteResourceServer(ctx: RequestContext, input: DeleteResourceServerRequest): Promise<void>;
  DeleteTerms(ctx: RequestContext, input: DeleteTermsRequest): Promise<void>;
  DeleteUser(ctx: RequestContext, input: DeleteUserRequest): Promise<void>;
  DeleteUserAttributes(ctx: RequestContext, input: DeleteUserAttributesRequest): Promise<DeleteUserAttributesResponse>;
  DeleteUserPool(ctx: RequestContext, input: DeleteUserPoolRequest): Promise<void>;
  DeleteUserPoolClient(ctx: RequestContext, input: DeleteUserPoolClientRequest): Promise<void>;
  DeleteUserPoolClientSecret(ctx: RequestContext, input: DeleteUserPoolClientSecretRequest): Promise<DeleteUserPoolClientSecretResponse>;
  DeleteUserPoolDomain(ctx: RequestContext, input: DeleteUserPoolDomainRequest): Promise<DeleteUserPoolDomainResponse>;
  DeleteWebAuthnCredential(ctx: RequestContext, input: DeleteWebAuthnCredentialRequest): Promise<DeleteWebAuthnCredentialResponse>;
  DescribeIdentityProvider(ctx: RequestContext, input: DescribeIdentityProviderRequest): Promise<DescribeIdentityProviderResponse>;
  DescribeManagedLoginBranding(ctx: RequestContext, input: DescribeManagedLoginBrandingRequest): Promise<DescribeManagedLoginBrandingResponse>;
  DescribeManagedLoginBrandingByClient(ctx: RequestContext, input: DescribeManagedLoginBrandingByClientRequest): Promise<DescribeManagedLoginBrandingByClientResponse>;
  DescribeResourceServer(ctx: RequestContext, input: DescribeResourceServerRequest): Promise<DescribeResourceServerResponse>;
  DescribeRiskConfiguration(ctx: RequestContext, input: DescribeRiskConfigurationRequest): Promise<DescribeRiskConfigurationResponse>;
  DescribeTerms(ctx: RequestContext, input: DescribeTermsRequest): Promise<DescribeTermsResponse>;
  DescribeUserImportJob(ctx: RequestContext, input: DescribeUserImportJobRequest): Promise<DescribeUserImportJobResponse>;
  DescribeUserPool(ctx: RequestContext, input: DescribeUserPoolRequest): Promise<DescribeUserPoolResponse>;
  DescribeUserPoolClient(ctx: RequestContext, input: DescribeUserPoolClientRequest): Promise<DescribeUserPoolClientResponse>;
  DescribeUserPoolDomain(ctx: RequestContext, input: DescribeUserPoolDomainRequest): Promise<DescribeUserPoolDomainResponse>;
  ForgetDevice(ctx: RequestContext, input: ForgetDeviceRequest): Promise<void>;
  ForgotPassword(ctx: RequestContext, input: ForgotPasswordRequest): Promise<ForgotPasswordResponse>;
  GetCSVHeader(ctx: RequestContext, input: GetCSVHeaderRequest): Promise<GetCSVHeaderResponse>;
  GetDevice(ctx: RequestContext, input: GetDeviceRequest): Promise<GetDeviceResponse>;
  GetGroup(ctx: RequestContext, input: GetGroupRequest): Promise<GetGroupResponse>;
  GetIdentityProviderByIdentifier(ctx: RequestContext, input: GetIdentityProviderByIdentifierRequest): Promise<GetIdentityProviderByIdentifierResponse>;
  GetLogDeliveryConfiguration(ctx: RequestContext, input: GetLogDeliveryConfigurationRequest): Promise<GetLogDeliveryConfigurationResponse>;
  GetSigningCertificate(ctx: RequestContext, input: GetSigningCertificateRequest): Promise<GetSigningCertificateResponse>;
  GetTokensFromRefreshToken(ctx: RequestContext, input: GetTokensFromRefreshTokenRequest): Promise<GetTokensFromRefreshTokenResponse>;
  GetUICustomization(ctx: RequestContext, input: GetUICustomizationRequest): Promise<GetUICustomizationResponse>;
  GetUser(ctx: RequestContext, input: GetUserRequest): Promise<GetUserResponse>;
  GetUserAttributeVerificationCode(ctx: RequestContext, input: GetUserAttributeVerificationCodeRequest): Promise<GetUserAttributeVerificationCodeResponse>;
  GetUserAuthFactors(ctx: RequestContext, input: GetUserAuthFactorsRequest): Promise<GetUserAuthFactorsResponse>;
  GetUserPoolMfaConfig(ctx: RequestContext, input: GetUserPoolMfaConfigRequest): Promise<GetUserPoolMfaConfigResponse>;
  GlobalSignOut(ctx: RequestContext, input: GlobalSignOutRequest): Promise<GlobalSignOutResponse>;
  InitiateAuth(ctx: RequestContext, input: InitiateAuthRequest): Promise<InitiateAuthResponse>;
  ListDevices(ctx: RequestContext, input: ListDevicesRequest): Promise<ListDevicesResponse>;
  ListGroups(ctx: RequestContext, input: ListGroupsRequest): Promise<ListGroupsResponse>;
  ListIdentityProviders(ctx: RequestContext, input: ListIdentityProvidersRequest): Promise<ListIdentityProvidersResponse>;
  ListResourceServers(ctx: RequestContext, input: ListResourceServersRequest): Promise<ListResourceServersResponse>;
  ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse>;
  ListTerms(ctx: RequestContext, input: ListTermsRequest): Promise<ListTermsResponse>;
  ListUserImportJobs(ctx: RequestContext, input: ListUserImportJobsRequest): Promise<ListUserImportJobsResponse>;
  ListUserPoolClientSecrets(ctx: RequestContext, input: ListUserPoolClientSecretsRequest): Promise<ListUserPoolClientSecretsResponse>;
  ListUserPoolClients(ctx: RequestContext, input: ListUserPoolClientsRequest): Promise<ListUserPoolClientsResponse>;
  ListUserPools(ctx: RequestContext, input: ListUserPoolsRequest): Promise<ListUserPoolsResponse>;
  ListUsers(ctx: RequestContext, input: ListUsersRequest): Promise<ListUsersResponse>;
  ListUsersInGroup(ctx: RequestContext, input: ListUsersInGroupRequest): Promise<ListUsersInGroupResponse>;
  ListWebAuthnCredentials(ctx: RequestContext, input: ListWebAuthnCredentialsRequest): Promise<ListWebAuthnCredentialsResponse>;
  ResendConfirmationCode(ctx: RequestContext, input: ResendConfirmationCodeRequest): Promise<ResendConfirmationCodeResponse>;
  RespondToAuthChallenge(ctx: RequestContext, input: RespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse>;
  RevokeToken(ctx: RequestContext, input: RevokeTokenRequest): Promise<RevokeTokenResponse>;
  SetLogDeliveryConfiguration(ctx: RequestContext, input: SetLogDeliveryConfigurationRequest): Promise<SetLogDeliveryConfigurationResponse>;
  SetRiskConfiguration(ctx: RequestContext, input: SetRiskConfigurationRequest): Promise<SetRiskConfigurationResponse>;
  SetUICustomization(ctx: RequestContext, input: SetUICustomizationRequest): Promise<SetUICustomizationResponse>;
  SetUserMFAPreference(ctx: RequestContext, input: SetUserMFAPreferenceRequest): Promise<SetUserMFAPreferenceResponse>;
  SetUserPoolMfaConfig(ctx: RequestContext, input: SetUserPoolMfaConfigRequest): Promise<SetUserPoolMfaConfigResponse>;
  SetUserSettings(ctx: RequestContext, input: SetUserSettingsRequest): Promise<SetUserSettingsResponse>;
  SignUp(ctx: RequestContext, input: SignUpRequest): Promise<SignUpResponse>;
  StartUserImportJob(ctx: RequestContext, input: StartUserImportJobRequest): Promise<StartUserImportJobResponse>;
  StartWebAuthnRegistration(ctx: RequestContext, input: StartWebAuthnRegistrationRequest): Promise<StartWebAuthnRegistrationResponse>;
  StopUserImportJob(ctx: RequestContext, input: StopUserImportJobRequest): Promise<StopUserImportJobResponse>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<UntagResourceResponse>;
  UpdateAuthEventFeedback(ctx: RequestContext, input: UpdateAuthEventFeedbackRequest): Promise<UpdateAuthEventFeedbackResponse>;
  UpdateDeviceStatus(ctx: RequestContext, input: UpdateDeviceStatusRequest): Promise<UpdateDeviceStatusResponse>;
  UpdateGroup(ctx: RequestContext, input: UpdateGroupRequest): Promise<UpdateGroupResponse>;
  UpdateIdentityProvider(ctx: RequestContext, input: UpdateIdentityProviderRequest): Promise<UpdateIdentityProviderResponse>;
  UpdateManagedLoginBranding(ctx: RequestContext, input: UpdateManagedLoginBrandingRequest): Promise<UpdateManagedLoginBrandingResponse>;
  UpdateResourceServer(ctx: RequestContext, input: UpdateResourceServerRequest): Promise<UpdateResourceServerResponse>;
  UpdateTerms(ctx: RequestContext, input: UpdateTermsRequest): Promise<UpdateTermsResponse>;
  UpdateUserAttributes(ctx: RequestContext, input: UpdateUserAttributesRequest): Promise<UpdateUserAttributesResponse>;
  UpdateUserPool(ctx: RequestContext, input: UpdateUserPoolRequest): Promise<UpdateUserPoolResponse>;
  UpdateUserPoolClient(ctx: RequestContext, input: UpdateUserPoolClientRequest): Promise<UpdateUserPoolClientResponse>;
  UpdateUserPoolDomain(ctx: RequestContext, input: UpdateUserPoolDomainRequest): Promise<UpdateUserPoolDomainResponse>;
  VerifySoftwareToken(ctx: RequestContext, input: VerifySoftwareTokenRequest): Promise<VerifySoftwareTokenResponse>;
  VerifyUserAttribute(ctx: RequestContext, input: VerifyUserAttributeRequest): Promise<VerifyUserAttributeResponse>;
}

export const operations = [
  'AddCustomAttributes',
  'AddUserPoolClientSecret',
  'AdminAddUserToGroup',
  'AdminConfirmSignUp',
  'AdminCreateUser',
  'AdminDeleteUser',
  'AdminDeleteUserAttributes',
  'AdminDisableProviderForUser',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminForgetDevice',
  'AdminGetDevice',
  'AdminGetUser',
  'AdminInitiateAuth',
  'AdminLinkProviderForUser',
  'AdminListDevices',
  'AdminListGroupsForUser',
  'AdminListUserAuthEvents',
  'AdminRemoveUserFromGroup',
  'AdminResetUserPassword',
  'AdminRespondToAuthChallenge',
  'AdminSetUserMFAPreference',
  'AdminSetUserPassword',
  'AdminSetUserSettings',
  'AdminUpdateAuthEventFeedback',
  'AdminUpdateDeviceStatus',
  'AdminUpdateUserAttributes',
  'AdminUserGlobalSignOut',
  'AssociateSoftwareToken',
  'ChangePassword',
  'CompleteWebAuthnRegistration',
  'ConfirmDevice',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'CreateGroup',
  'CreateIdentityProvider',
  'CreateManagedLoginBranding',
  'CreateResourceServer',
  'CreateTerms',
  'CreateUserImportJob',
  'CreateUserPool',
  'CreateUserPoolClient',
  'CreateUserPoolDomain',
  'DeleteGroup',
  'DeleteIdentityProvider',
  'DeleteManagedLoginBranding',
  'DeleteResourceServer',
  'DeleteTerms',
  'DeleteUser',
  'DeleteUserAttributes',
  'DeleteUserPool',
  'DeleteUserPoolClient',
  'DeleteUserPoolClientSecret',
  'DeleteUserPoolDomain',
  'DeleteWebAuthnCredential',
  'DescribeIdentityProvider',
  'DescribeManagedLoginBranding',
  'DescribeManagedLoginBrandingByClient',
  'DescribeResourceServer',
  'DescribeRiskConfiguration',
  'DescribeTerms',
  'DescribeUserImportJob',
  'DescribeUserPool',
  'DescribeUserPoolClient',
  'DescribeUserPoolDomain',
  'ForgetDevice',
  'ForgotPassword',
  'GetCSVHeader',
  'GetDevice',
  'GetGroup',
  'GetIdentityProviderByIdentifier',
  'GetLogDeliveryConfiguration',
  'GetSigningCertificate',
  'GetTokensFromRefreshToken',
  'GetUICustomization',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GetUserAuthFactors',
  'GetUserPoolMfaConfig',
  'GlobalSignOut',
  'InitiateAuth',
  'ListDevices',
  'ListGroups',
  'ListIdentityProviders',
  'ListResourceServers',
  'ListTagsForResource',
  'ListTerms',
  'ListUserImportJobs',
  'ListUserPoolClientSecrets',
  'ListUserPoolClients',
  'ListUserPools',
  'ListUsers',
  'ListUsersInGroup',
  'ListWebAuthnCredentials',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetLogDeliveryConfiguration',
  'SetRiskConfiguration',
  'SetUICustomization',
  'SetUserMFAPreference',
  'SetUserPoolMfaConfig',
  'SetUserSettings',
  'SignUp',
  'StartUserImportJob',
  'StartWebAuthnRegistration',
  'StopUserImportJob',
  'TagResource',
  'UntagResource',
  'UpdateAuthEventFeedback',
  'UpdateDeviceStatus',
  'UpdateGroup',
  'UpdateIdentityProvider',
  'UpdateManagedLoginBranding',
  'UpdateResourceServer',
  'UpdateTerms',
  'UpdateUserAttributes',
  'UpdateUserPool',
  'UpdateUserPoolClient',
  'UpdateUserPoolDomain',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 400, { fields });
  }
}

export class AliasExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AliasExistsException', message, 400, { fields });
  }
}

export class CodeDeliveryFailureException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CodeDeliveryFailureException', message, 400, { fields });
  }
}

export class CodeMismatchException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('CodeMismatchException', message, 400, { fields });
  }
}

export class ConcurrentModificationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConcurrentModificationException', message, 400, { fields });
  }
}

export class DeviceKeyExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DeviceKeyExistsException', message, 400, { fields });
  }
}

export class DuplicateProviderException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('DuplicateProviderException', message, 400, { fields });
  }
}

export class EnableSoftwareTokenMFAException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('EnableSoftwareTokenMFAException', message, 400, { fields });
  }
}

export class ExpiredCodeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ExpiredCodeException', message, 400, { fields });
  }
}

export class FeatureUnavailableInTierException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('FeatureUnavailableInTierException', message, 400, { fields });
  }
}

export class ForbiddenException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ForbiddenException', message, 400, { fields });
  }
}

export class GroupExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('GroupExistsException', message, 400, { fields });
  }
}

export class InternalErrorException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalErrorException', message, 400, { fields });
  }
}

export class InternalServerException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InternalServerException', message, 400, { fields });
  }
}

export class InvalidEmailRoleAccessPolicyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidEmailRoleAccessPolicyException', message, 400, { fields });
  }
}

export class InvalidLambdaResponseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidLambdaResponseException', message, 400, { fields });
  }
}

export class InvalidOAuthFlowException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidOAuthFlowException', message, 400, { fields });
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidParameterException', message, 400, { fields });
  }
}

export class InvalidPasswordException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidPasswordException', message, 400, { fields });
  }
}

export class InvalidSmsRoleAccessPolicyException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSmsRoleAccessPolicyException', message, 400, { fields });
  }
}

export class InvalidSmsRoleTrustRelationshipException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidSmsRoleTrustRelationshipException', message, 400, { fields });
  }
}

export class InvalidUserPoolConfigurationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('InvalidUserPoolConfigurationException', message, 400, { fields });
  }
}

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 400, { fields });
  }
}

export class MFAMethodNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('MFAMethodNotFoundException', message, 400, { fields });
  }
}

export class ManagedLoginBrandingExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ManagedLoginBrandingExistsException', message, 400, { fields });
  }
}

export class NotAuthorizedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NotAuthorizedException', message, 400, { fields });
  }
}

export class PasswordHistoryPolicyViolationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PasswordHistoryPolicyViolationException', message, 400, { fields });
  }
}

export class PasswordResetRequiredException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PasswordResetRequiredException', message, 400, { fields });
  }
}

export class PreconditionNotMetException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('PreconditionNotMetException', message, 400, { fields });
  }
}

export class RefreshTokenReuseException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('RefreshTokenReuseException', message, 400, { fields });
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ResourceNotFoundException', message, 400, { fields });
  }
}

export class ScopeDoesNotExistException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ScopeDoesNotExistException', message, 400, { fields });
  }
}

export class SoftwareTokenMFANotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('SoftwareTokenMFANotFoundException', message, 400, { fields });
  }
}

export class TermsExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TermsExistsException', message, 400, { fields });
  }
}

export class TierChangeNotAllowedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TierChangeNotAllowedException', message, 400, { fields });
  }
}

export class TooManyFailedAttemptsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyFailedAttemptsException', message, 400, { fields });
  }
}

export class TooManyRequestsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRequestsException', message, 400, { fields });
  }
}

export class UnauthorizedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnauthorizedException', message, 400, { fields });
  }
}

export class UnexpectedLambdaException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnexpectedLambdaException', message, 400, { fields });
  }
}

export class UnsupportedIdentityProviderException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedIdentityProviderException', message, 400, { fields });
  }
}

export class UnsupportedOperationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedOperationException', message, 400, { fields });
  }
}

export class UnsupportedTokenTypeException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedTokenTypeException', message, 400, { fields });
  }
}

export class UnsupportedUserStateException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnsupportedUserStateException', message, 400, { fields });
  }
}

export class UserImportInProgressException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserImportInProgressException', message, 400, { fields });
  }
}

export class UserLambdaValidationException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserLambdaValidationException', message, 400, { fields });
  }
}

export class UserNotConfirmedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserNotConfirmedException', message, 400, { fields });
  }
}

export class UserNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserNotFoundException', message, 400, { fields });
  }
}

export class UserPoolAddOnNotEnabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserPoolAddOnNotEnabledException', message, 400, { fields });
  }
}

export class UserPoolTaggingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UserPoolTaggingException', message, 400, { fields });
  }
}

export class UsernameExistsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UsernameExistsException', message, 400, { fields });
  }
}

export class WebAuthnChallengeNotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnChallengeNotFoundException', message, 400, { fields });
  }
}

export class WebAuthnClientMismatchException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnClientMismatchException', message, 400, { fields });
  }
}

export class WebAuthnConfigurationMissingException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnConfigurationMissingException', message, 400, { fields });
  }
}

export class WebAuthnCredentialNotSupportedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnCredentialNotSupportedException', message, 400, { fields });
  }
}

export class WebAuthnNotEnabledException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnNotEnabledException', message, 400, { fields });
  }
}

export class WebAuthnOriginNotAllowedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnOriginNotAllowedException', message, 400, { fields });
  }
}

export class WebAuthnRelyingPartyMismatchException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('WebAuthnRelyingPartyMismatchException', message, 400, { fields });
  }
}

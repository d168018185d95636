// Generated from models/aws/apigatewayv2/service-2.json (API version 2018-11-29) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export interface ACMManaged {
  CertificateArn: __stringMin10Max2048;
  DomainName: __stringMin3Max256;
}

export interface AccessDeniedExceptionResponseContent {
  Message?: __string;
}

export interface AccessLogSettings {
  DestinationArn?: Arn;
  Format?: StringWithLengthBetween1And1024;
}

export interface Api {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name: StringWithLengthBetween1And128;
  ProtocolType: ProtocolType;
  RouteSelectionExpression: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export interface ApiMapping {
  ApiId: Id;
  ApiMappingId?: Id;
  ApiMappingKey?: SelectionKey;
  Stage: StringWithLengthBetween1And128;
}

export interface ApiMappings {
  Items?: __listOfApiMapping;
  NextToken?: NextToken;
}

export interface Apis {
  Items?: __listOfApi;
  NextToken?: NextToken;
}

export type Arn = string;

export interface Authorization {
  CognitoConfig?: CognitoConfig;
  None?: None;
}

export type AuthorizationScopes = StringWithLengthBetween1And64[];

export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'JWT';

export interface Authorizer {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerId?: Id;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name: StringWithLengthBetween1And128;
}

export type AuthorizerType = 'REQUEST' | 'JWT';

export interface Authorizers {
  Items?: __listOfAuthorizer;
  NextToken?: NextToken;
}

export interface BadRequestExceptionResponseContent {
  Message?: __string;
}

export interface CognitoConfig {
  AppClientId: __stringMin1Max256;
  UserPoolArn: __stringMin20Max2048;
  UserPoolDomain: __stringMin20Max2048;
}

export interface ConflictExceptionResponseContent {
  Message?: __string;
}

export type ConnectionType = 'INTERNET' | 'VPC_LINK';

export type ContentHandlingStrategy = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

export interface Cors {
  AllowCredentials?: __boolean;
  AllowHeaders?: CorsHeaderList;
  AllowMethods?: CorsMethodList;
  AllowOrigins?: CorsOriginList;
  ExposeHeaders?: CorsHeaderList;
  MaxAge?: IntegerWithLengthBetweenMinus1And86400;
}

export type CorsHeaderList = __string[];

export type CorsMethodList = StringWithLengthBetween1And64[];

export type CorsOriginList = __string[];

export interface CreateApiInput {
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  Name: StringWithLengthBetween1And128;
  ProtocolType: ProtocolType;
  RouteKey?: SelectionKey;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Target?: UriWithLengthBetween1And2048;
  Version?: StringWithLengthBetween1And64;
}

export interface CreateApiMappingInput {
  ApiId: Id;
  ApiMappingKey?: SelectionKey;
  Stage: StringWithLengthBetween1And128;
}

export interface CreateApiMappingRequest {
  ApiId: Id;
  ApiMappingKey?: SelectionKey;
  DomainName: __string;
  Stage: StringWithLengthBetween1And128;
}

export interface CreateApiMappingResponse {
  ApiId?: Id;
  ApiMappingId?: Id;
  ApiMappingKey?: SelectionKey;
  Stage?: StringWithLengthBetween1And128;
}

export interface CreateApiRequest {
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  IpAddressType?: IpAddressType;
  Name: StringWithLengthBetween1And128;
  ProtocolType: ProtocolType;
  RouteKey?: SelectionKey;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Target?: UriWithLengthBetween1And2048;
  Version?: StringWithLengthBetween1And64;
}

export interface CreateApiResponse {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  ProtocolType?: ProtocolType;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export interface CreateAuthorizerInput {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name: StringWithLengthBetween1And128;
}

export interface CreateAuthorizerRequest {
  ApiId: __string;
  AuthorizerCredentialsArn?: Arn;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name: StringWithLengthBetween1And128;
}

export interface CreateAuthorizerResponse {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerId?: Id;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name?: StringWithLengthBetween1And128;
}

export interface CreateDeploymentInput {
  Description?: StringWithLengthBetween0And1024;
  StageName?: StringWithLengthBetween1And128;
}

export interface CreateDeploymentRequest {
  ApiId: __string;
  Description?: StringWithLengthBetween0And1024;
  StageName?: StringWithLengthBetween1And128;
}

export interface CreateDeploymentResponse {
  AutoDeployed?: __boolean;
  CreatedDate?: __timestampIso8601;
  DeploymentId?: Id;
  DeploymentStatus?: DeploymentStatus;
  DeploymentStatusMessage?: __string;
  Description?: StringWithLengthBetween0And1024;
}

export interface CreateDomainNameInput {
  DomainName: StringWithLengthBetween1And512;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthenticationInput;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface CreateDomainNameRequest {
  DomainName: StringWithLengthBetween1And512;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthenticationInput;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface CreateDomainNameResponse {
  ApiMappingSelectionExpression?: SelectionExpression;
  DomainName?: StringWithLengthBetween1And512;
  DomainNameArn?: Arn;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthentication;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface CreateIntegrationInput {
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfigInput;
}

export interface CreateIntegrationRequest {
  ApiId: __string;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfigInput;
}

export interface CreateIntegrationResponseInput {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseKey: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface CreateIntegrationResponseRequest {
  ApiId: __string;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationId: __string;
  IntegrationResponseKey: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface CreateIntegrationResponseResponse {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseId?: Id;
  IntegrationResponseKey?: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface CreateIntegrationResult {
  ApiGatewayManaged?: __boolean;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationId?: Id;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationResponseSelectionExpression?: SelectionExpression;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfig;
}

export interface CreateModelInput {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  Name: StringWithLengthBetween1And128;
  Schema: StringWithLengthBetween0And32K;
}

export interface CreateModelRequest {
  ApiId: __string;
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  Name: StringWithLengthBetween1And128;
  Schema: StringWithLengthBetween0And32K;
}

export interface CreateModelResponse {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  ModelId?: Id;
  Name?: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface CreatePortalProductRequest {
  Description?: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  Tags?: Tags;
}

export interface CreatePortalProductRequestContent {
  Description?: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  Tags?: Tags;
}

export interface CreatePortalProductResponse {
  Description?: __stringMin0Max1024;
  DisplayName?: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  LastModified?: __timestampIso8601;
  PortalProductArn?: __stringMin20Max2048;
  PortalProductId?: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface CreatePortalProductResponseContent {
  Description?: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  LastModified: __timestampIso8601;
  PortalProductArn: __stringMin20Max2048;
  PortalProductId: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface CreatePortalRequest {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationRequest;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LogoUri?: __stringMin0Max1092;
  PortalContent: PortalContent;
  RumAppMonitorName?: __stringMin0Max255;
  Tags?: Tags;
}

export interface CreatePortalRequestContent {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationRequest;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LogoUri?: __stringMin0Max1092;
  PortalContent: PortalContent;
  RumAppMonitorName?: __stringMin0Max255;
  Tags?: Tags;
}

export interface CreatePortalResponse {
  Authorization?: Authorization;
  EndpointConfiguration?: EndpointConfigurationResponse;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LastModified?: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn?: __stringMin20Max2048;
  PortalContent?: PortalContent;
  PortalId?: __stringMin10Max30PatternAZ09;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface CreatePortalResponseContent {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationResponse;
  IncludedPortalProductArns: __listOf__stringMin20Max2048;
  LastModified: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn: __stringMin20Max2048;
  PortalContent: PortalContent;
  PortalId: __stringMin10Max30PatternAZ09;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface CreateProductPageRequest {
  DisplayContent: DisplayContent;
  PortalProductId: __string;
}

export interface CreateProductPageRequestContent {
  DisplayContent: DisplayContent;
}

export interface CreateProductPageResponse {
  DisplayContent?: DisplayContent;
  LastModified?: __timestampIso8601;
  ProductPageArn?: __stringMin20Max2048;
  ProductPageId?: __stringMin10Max30PatternAZ09;
}

export interface CreateProductPageResponseContent {
  DisplayContent?: DisplayContent;
  LastModified: __timestampIso8601;
  ProductPageArn: __stringMin20Max2048;
  ProductPageId: __stringMin10Max30PatternAZ09;
}

export interface CreateProductRestEndpointPageRequest {
  DisplayContent?: EndpointDisplayContent;
  PortalProductId: __string;
  RestEndpointIdentifier: RestEndpointIdentifier;
  TryItState?: TryItState;
}

export interface CreateProductRestEndpointPageRequestContent {
  DisplayContent?: EndpointDisplayContent;
  RestEndpointIdentifier: RestEndpointIdentifier;
  TryItState?: TryItState;
}

export interface CreateProductRestEndpointPageResponse {
  DisplayContent?: EndpointDisplayContentResponse;
  LastModified?: __timestampIso8601;
  ProductRestEndpointPageArn?: __stringMin20Max2048;
  ProductRestEndpointPageId?: __stringMin10Max30PatternAZ09;
  RestEndpointIdentifier?: RestEndpointIdentifier;
  Status?: Status;
  StatusException?: StatusException;
  TryItState?: TryItState;
}

export interface CreateProductRestEndpointPageResponseContent {
  DisplayContent: EndpointDisplayContentResponse;
  LastModified: __timestampIso8601;
  ProductRestEndpointPageArn: __stringMin20Max2048;
  ProductRestEndpointPageId: __stringMin10Max30PatternAZ09;
  RestEndpointIdentifier: RestEndpointIdentifier;
  Status: Status;
  StatusException?: StatusException;
  TryItState: TryItState;
}

export interface CreateRouteInput {
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteKey: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface CreateRouteRequest {
  ApiId: __string;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteKey: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface CreateRouteResponseInput {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseKey: SelectionKey;
}

export interface CreateRouteResponseRequest {
  ApiId: __string;
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteId: __string;
  RouteResponseKey: SelectionKey;
}

export interface CreateRouteResponseResponse {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseId?: Id;
  RouteResponseKey?: SelectionKey;
}

export interface CreateRouteResult {
  ApiGatewayManaged?: __boolean;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteId?: Id;
  RouteKey?: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface CreateRoutingRuleRequest {
  Actions: __listOfRoutingRuleAction;
  Conditions: __listOfRoutingRuleCondition;
  DomainName: __string;
  DomainNameId?: __string;
  Priority: RoutingRulePriority;
}

export interface CreateRoutingRuleResponse {
  Actions?: __listOfRoutingRuleAction;
  Conditions?: __listOfRoutingRuleCondition;
  Priority?: RoutingRulePriority;
  RoutingRuleArn?: Arn;
  RoutingRuleId?: Id;
}

export interface CreateStageInput {
  AccessLogSettings?: AccessLogSettings;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  RouteSettings?: RouteSettingsMap;
  StageName: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export interface CreateStageRequest {
  AccessLogSettings?: AccessLogSettings;
  ApiId: __string;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  RouteSettings?: RouteSettingsMap;
  StageName: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export interface CreateStageResponse {
  AccessLogSettings?: AccessLogSettings;
  ApiGatewayManaged?: __boolean;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  CreatedDate?: __timestampIso8601;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  LastDeploymentStatusMessage?: __string;
  LastUpdatedDate?: __timestampIso8601;
  RouteSettings?: RouteSettingsMap;
  StageName?: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export interface CreateVpcLinkInput {
  Name: StringWithLengthBetween1And128;
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds: SubnetIdList;
  Tags?: Tags;
}

export interface CreateVpcLinkRequest {
  Name: StringWithLengthBetween1And128;
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds: SubnetIdList;
  Tags?: Tags;
}

export interface CreateVpcLinkResponse {
  CreatedDate?: __timestampIso8601;
  Name?: StringWithLengthBetween1And128;
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds?: SubnetIdList;
  Tags?: Tags;
  VpcLinkId?: Id;
  VpcLinkStatus?: VpcLinkStatus;
  VpcLinkStatusMessage?: StringWithLengthBetween0And1024;
  VpcLinkVersion?: VpcLinkVersion;
}

export interface CustomColors {
  AccentColor: __stringMin1Max16;
  BackgroundColor: __stringMin1Max16;
  ErrorValidationColor: __stringMin1Max16;
  HeaderColor: __stringMin1Max16;
  NavigationColor: __stringMin1Max16;
  TextColor: __stringMin1Max16;
}

export interface DeleteAccessLogSettingsRequest {
  ApiId: __string;
  StageName: __string;
}

export interface DeleteApiMappingRequest {
  ApiMappingId: __string;
  DomainName: __string;
}

export interface DeleteApiRequest {
  ApiId: __string;
}

export interface DeleteAuthorizerRequest {
  ApiId: __string;
  AuthorizerId: __string;
}

export interface DeleteCorsConfigurationRequest {
  ApiId: __string;
}

export interface DeleteDeploymentRequest {
  ApiId: __string;
  DeploymentId: __string;
}

export interface DeleteDomainNameRequest {
  DomainName: __string;
}

export interface DeleteIntegrationRequest {
  ApiId: __string;
  IntegrationId: __string;
}

export interface DeleteIntegrationResponseRequest {
  ApiId: __string;
  IntegrationId: __string;
  IntegrationResponseId: __string;
}

export interface DeleteModelRequest {
  ApiId: __string;
  ModelId: __string;
}

export interface DeletePortalProductRequest {
  PortalProductId: __string;
}

export interface DeletePortalProductSharingPolicyRequest {
  PortalProductId: __string;
}

export interface DeletePortalRequest {
  PortalId: __string;
}

export interface DeleteProductPageRequest {
  PortalProductId: __string;
  ProductPageId: __string;
}

export interface DeleteProductRestEndpointPageRequest {
  PortalProductId: __string;
  ProductRestEndpointPageId: __string;
}

export interface DeleteRouteRequest {
  ApiId: __string;
  RouteId: __string;
}

export interface DeleteRouteRequestParameterRequest {
  ApiId: __string;
  RequestParameterKey: __string;
  RouteId: __string;
}

export interface DeleteRouteResponseRequest {
  ApiId: __string;
  RouteId: __string;
  RouteResponseId: __string;
}

export interface DeleteRouteSettingsRequest {
  ApiId: __string;
  RouteKey: __string;
  StageName: __string;
}

export interface DeleteRoutingRuleRequest {
  DomainName: __string;
  DomainNameId?: __string;
  RoutingRuleId: __string;
}

export interface DeleteStageRequest {
  ApiId: __string;
  StageName: __string;
}

export interface DeleteVpcLinkRequest {
  VpcLinkId: __string;
}

export interface DeleteVpcLinkResponse {}

export interface Deployment {
  AutoDeployed?: __boolean;
  CreatedDate?: __timestampIso8601;
  DeploymentId?: Id;
  DeploymentStatus?: DeploymentStatus;
  DeploymentStatusMessage?: __string;
  Description?: StringWithLengthBetween0And1024;
}

export type DeploymentStatus = 'PENDING' | 'FAILED' | 'DEPLOYED';

export interface Deployments {
  Items?: __listOfDeployment;
  NextToken?: NextToken;
}

export interface DisablePortalRequest {
  PortalId: __string;
}

export interface DisplayContent {
  Body: __stringMin1Max32768;
  Title: __stringMin1Max255;
}

export interface DisplayContentOverrides {
  Body?: __stringMin1Max32768;
  Endpoint?: __stringMin1Max1024;
  OperationName?: __stringMin1Max255;
}

export interface DisplayOrder {
  Contents?: __listOfSection;
  OverviewPageArn?: __stringMin20Max2048;
  ProductPageArns?: __listOf__stringMin20Max2048;
}

export interface DomainName {
  ApiMappingSelectionExpression?: SelectionExpression;
  DomainName: StringWithLengthBetween1And512;
  DomainNameArn?: Arn;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthentication;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface DomainNameConfiguration {
  ApiGatewayDomainName?: __string;
  CertificateArn?: Arn;
  CertificateName?: StringWithLengthBetween1And128;
  CertificateUploadDate?: __timestampIso8601;
  DomainNameStatus?: DomainNameStatus;
  DomainNameStatusMessage?: __string;
  EndpointType?: EndpointType;
  HostedZoneId?: __string;
  IpAddressType?: IpAddressType;
  OwnershipVerificationCertificateArn?: Arn;
  SecurityPolicy?: SecurityPolicy;
}

export type DomainNameConfigurations = DomainNameConfiguration[];

export type DomainNameStatus = 'AVAILABLE' | 'UPDATING' | 'PENDING_CERTIFICATE_REIMPORT' | 'PENDING_OWNERSHIP_VERIFICATION';

export interface DomainNames {
  Items?: __listOfDomainName;
  NextToken?: NextToken;
}

export interface EndpointConfigurationRequest {
  AcmManaged?: ACMManaged;
  None?: None;
}

export interface EndpointConfigurationResponse {
  CertificateArn?: __stringMin10Max2048;
  DomainName?: __stringMin3Max256;
  PortalDefaultDomainName: __stringMin3Max256;
  PortalDomainHostedZoneId: __stringMin1Max64;
}

export interface EndpointDisplayContent {
  None?: None;
  Overrides?: DisplayContentOverrides;
}

export interface EndpointDisplayContentResponse {
  Body?: __stringMin1Max32768;
  Endpoint: __stringMin1Max1024;
  OperationName?: __stringMin1Max255;
}

export type EndpointType = 'REGIONAL' | 'EDGE';

export interface ExportApiRequest {
  ApiId: __string;
  ExportVersion?: __string;
  IncludeExtensions?: __boolean;
  OutputType: __string;
  Specification: __string;
  StageName?: __string;
}

export interface ExportApiResponse {
  body?: ExportedApi;
}

export type ExportedApi = Buffer;

export interface GetApiMappingRequest {
  ApiMappingId: __string;
  DomainName: __string;
}

export interface GetApiMappingResponse {
  ApiId?: Id;
  ApiMappingId?: Id;
  ApiMappingKey?: SelectionKey;
  Stage?: StringWithLengthBetween1And128;
}

export interface GetApiMappingsRequest {
  DomainName: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetApiMappingsResponse {
  Items?: __listOfApiMapping;
  NextToken?: NextToken;
}

export interface GetApiRequest {
  ApiId: __string;
}

export interface GetApiResponse {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  ProtocolType?: ProtocolType;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export interface GetApisRequest {
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetApisResponse {
  Items?: __listOfApi;
  NextToken?: NextToken;
}

export interface GetAuthorizerRequest {
  ApiId: __string;
  AuthorizerId: __string;
}

export interface GetAuthorizerResponse {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerId?: Id;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name?: StringWithLengthBetween1And128;
}

export interface GetAuthorizersRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetAuthorizersResponse {
  Items?: __listOfAuthorizer;
  NextToken?: NextToken;
}

export interface GetDeploymentRequest {
  ApiId: __string;
  DeploymentId: __string;
}

export interface GetDeploymentResponse {
  AutoDeployed?: __boolean;
  CreatedDate?: __timestampIso8601;
  DeploymentId?: Id;
  DeploymentStatus?: DeploymentStatus;
  DeploymentStatusMessage?: __string;
  Description?: StringWithLengthBetween0And1024;
}

export interface GetDeploymentsRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetDeploymentsResponse {
  Items?: __listOfDeployment;
  NextToken?: NextToken;
}

export interface GetDomainNameRequest {
  DomainName: __string;
}

export interface GetDomainNameResponse {
  ApiMappingSelectionExpression?: SelectionExpression;
  DomainName?: StringWithLengthBetween1And512;
  DomainNameArn?: Arn;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthentication;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface GetDomainNamesRequest {
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetDomainNamesResponse {
  Items?: __listOfDomainName;
  NextToken?: NextToken;
}

export interface GetIntegrationRequest {
  ApiId: __string;
  IntegrationId: __string;
}

export interface GetIntegrationResponseRequest {
  ApiId: __string;
  IntegrationId: __string;
  IntegrationResponseId: __string;
}

export interface GetIntegrationResponseResponse {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseId?: Id;
  IntegrationResponseKey?: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface GetIntegrationResponsesRequest {
  ApiId: __string;
  IntegrationId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetIntegrationResponsesResponse {
  Items?: __listOfIntegrationResponse;
  NextToken?: NextToken;
}

export interface GetIntegrationResult {
  ApiGatewayManaged?: __boolean;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationId?: Id;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationResponseSelectionExpression?: SelectionExpression;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfig;
}

export interface GetIntegrationsRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetIntegrationsResponse {
  Items?: __listOfIntegration;
  NextToken?: NextToken;
}

export interface GetModelRequest {
  ApiId: __string;
  ModelId: __string;
}

export interface GetModelResponse {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  ModelId?: Id;
  Name?: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface GetModelTemplateRequest {
  ApiId: __string;
  ModelId: __string;
}

export interface GetModelTemplateResponse {
  Value?: __string;
}

export interface GetModelsRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetModelsResponse {
  Items?: __listOfModel;
  NextToken?: NextToken;
}

export interface GetPortalProductRequest {
  PortalProductId: __string;
  ResourceOwnerAccountId?: __string;
}

export interface GetPortalProductResponse {
  Description?: __stringMin0Max1024;
  DisplayName?: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  LastModified?: __timestampIso8601;
  PortalProductArn?: __stringMin20Max2048;
  PortalProductId?: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface GetPortalProductResponseContent {
  Description: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  DisplayOrder: DisplayOrder;
  LastModified: __timestampIso8601;
  PortalProductArn: __stringMin20Max2048;
  PortalProductId: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface GetPortalProductSharingPolicyRequest {
  PortalProductId: __string;
}

export interface GetPortalProductSharingPolicyResponse {
  PolicyDocument?: __stringMin1Max307200;
  PortalProductId?: __stringMin10Max30PatternAZ09;
}

export interface GetPortalProductSharingPolicyResponseContent {
  PolicyDocument: __stringMin1Max307200;
  PortalProductId: __stringMin10Max30PatternAZ09;
}

export interface GetPortalRequest {
  PortalId: __string;
}

export interface GetPortalResponse {
  Authorization?: Authorization;
  EndpointConfiguration?: EndpointConfigurationResponse;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LastModified?: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn?: __stringMin20Max2048;
  PortalContent?: PortalContent;
  PortalId?: __stringMin10Max30PatternAZ09;
  Preview?: Preview;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface GetPortalResponseContent {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationResponse;
  IncludedPortalProductArns: __listOf__stringMin20Max2048;
  LastModified: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn: __stringMin20Max2048;
  PortalContent: PortalContent;
  PortalId: __stringMin10Max30PatternAZ09;
  Preview?: Preview;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface GetProductPageRequest {
  PortalProductId: __string;
  ProductPageId: __string;
  ResourceOwnerAccountId?: __string;
}

export interface GetProductPageResponse {
  DisplayContent?: DisplayContent;
  LastModified?: __timestampIso8601;
  ProductPageArn?: __stringMin20Max2048;
  ProductPageId?: __stringMin10Max30PatternAZ09;
}

export interface GetProductPageResponseContent {
  DisplayContent: DisplayContent;
  LastModified: __timestampIso8601;
  ProductPageArn: __stringMin20Max2048;
  ProductPageId: __stringMin10Max30PatternAZ09;
}

export interface GetProductRestEndpointPageRequest {
  IncludeRawDisplayContent?: __string;
  PortalProductId: __string;
  ProductRestEndpointPageId: __string;
  ResourceOwnerAccountId?: __string;
}

export interface GetProductRestEndpointPageResponse {
  DisplayContent?: EndpointDisplayContentResponse;
  LastModified?: __timestampIso8601;
  ProductRestEndpointPageArn?: __stringMin20Max2048;
  ProductRestEndpointPageId?: __stringMin10Max30PatternAZ09;
  RawDisplayContent?: __string;
  RestEndpointIdentifier?: RestEndpointIdentifier;
  Status?: Status;
  StatusException?: StatusException;
  TryItState?: TryItState;
}

export interface GetProductRestEndpointPageResponseContent {
  DisplayContent: EndpointDisplayContentResponse;
  LastModified: __timestampIso8601;
  ProductRestEndpointPageArn: __stringMin20Max2048;
  ProductRestEndpointPageId: __stringMin10Max30PatternAZ09;
  RawDisplayContent?: __string;
  RestEndpointIdentifier: RestEndpointIdentifier;
  Status: Status;
  StatusException?: StatusException;
  TryItState: TryItState;
}

export interface GetRouteRequest {
  ApiId: __string;
  RouteId: __string;
}

export interface GetRouteResponseRequest {
  ApiId: __string;
  RouteId: __string;
  RouteResponseId: __string;
}

export interface GetRouteResponseResponse {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseId?: Id;
  RouteResponseKey?: SelectionKey;
}

export interface GetRouteResponsesRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
  RouteId: __string;
}

export interface GetRouteResponsesResponse {
  Items?: __listOfRouteResponse;
  NextToken?: NextToken;
}

export interface GetRouteResult {
  ApiGatewayManaged?: __boolean;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteId?: Id;
  RouteKey?: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface GetRoutesRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetRoutesResponse {
  Items?: __listOfRoute;
  NextToken?: NextToken;
}

export interface GetRoutingRuleRequest {
  DomainName: __string;
  DomainNameId?: __string;
  RoutingRuleId: __string;
}

export interface GetRoutingRuleResponse {
  Actions?: __listOfRoutingRuleAction;
  Conditions?: __listOfRoutingRuleCondition;
  Priority?: RoutingRulePriority;
  RoutingRuleArn?: Arn;
  RoutingRuleId?: Id;
}

export interface GetStageRequest {
  ApiId: __string;
  StageName: __string;
}

export interface GetStageResponse {
  AccessLogSettings?: AccessLogSettings;
  ApiGatewayManaged?: __boolean;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  CreatedDate?: __timestampIso8601;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  LastDeploymentStatusMessage?: __string;
  LastUpdatedDate?: __timestampIso8601;
  RouteSettings?: RouteSettingsMap;
  StageName?: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export interface GetStagesRequest {
  ApiId: __string;
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetStagesResponse {
  Items?: __listOfStage;
  NextToken?: NextToken;
}

export interface GetTagsRequest {
  ResourceArn: __string;
}

export interface GetTagsResponse {
  Tags?: Tags;
}

export interface GetVpcLinkRequest {
  VpcLinkId: __string;
}

export interface GetVpcLinkResponse {
  CreatedDate?: __timestampIso8601;
  Name?: StringWithLengthBetween1And128;
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds?: SubnetIdList;
  Tags?: Tags;
  VpcLinkId?: Id;
  VpcLinkStatus?: VpcLinkStatus;
  VpcLinkStatusMessage?: StringWithLengthBetween0And1024;
  VpcLinkVersion?: VpcLinkVersion;
}

export interface GetVpcLinksRequest {
  MaxResults?: __string;
  NextToken?: __string;
}

export interface GetVpcLinksResponse {
  Items?: __listOfVpcLink;
  NextToken?: NextToken;
}

export type Id = string;

export interface IdentifierParts {
  Method: __stringMin1Max20;
  Path: __stringMin1Max4096;
  RestApiId: __stringMin1Max50;
  Stage: __stringMin1Max128;
}

export type IdentitySourceList = __string[];

export interface ImportApiInput {
  Body: __string;
}

export interface ImportApiRequest {
  Basepath?: __string;
  Body: __string;
  FailOnWarnings?: __boolean;
}

export interface ImportApiResponse {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  ProtocolType?: ProtocolType;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export type IntegerWithLengthBetween0And3600 = number;

export type IntegerWithLengthBetween50And30000 = number;

export type IntegerWithLengthBetweenMinus1And86400 = number;

export interface Integration {
  ApiGatewayManaged?: __boolean;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationId?: Id;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationResponseSelectionExpression?: SelectionExpression;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfig;
}

export type IntegrationParameters = Record<string, StringWithLengthBetween1And512>;

export interface IntegrationResponse {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseId?: Id;
  IntegrationResponseKey: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface IntegrationResponses {
  Items?: __listOfIntegrationResponse;
  NextToken?: NextToken;
}

export type IntegrationType = 'AWS' | 'HTTP' | 'MOCK' | 'HTTP_PROXY' | 'AWS_PROXY';

export interface Integrations {
  Items?: __listOfIntegration;
  NextToken?: NextToken;
}

export type IpAddressType = 'ipv4' | 'dualstack';

export interface JWTConfiguration {
  Audience?: __listOf__string;
  Issuer?: UriWithLengthBetween1And2048;
}

export interface LimitExceededException {
  LimitType?: __string;
  Message?: __string;
}

export interface LimitExceededExceptionResponseContent {
  LimitType?: __string;
  Message?: __string;
}

export interface ListPortalProductsRequest {
  MaxResults?: __string;
  NextToken?: __string;
  ResourceOwner?: __string;
}

export interface ListPortalProductsResponse {
  Items?: __listOfPortalProductSummary;
  NextToken?: __stringMin1Max2048;
}

export interface ListPortalProductsResponseContent {
  Items?: __listOfPortalProductSummary;
  NextToken?: __stringMin1Max2048;
}

export interface ListPortalsRequest {
  MaxResults?: __string;
  NextToken?: __string;
}

export interface ListPortalsResponse {
  Items?: __listOfPortalSummary;
  NextToken?: __stringMin1Max2048;
}

export interface ListPortalsResponseContent {
  Items?: __listOfPortalSummary;
  NextToken?: __stringMin1Max2048;
}

export interface ListProductPagesRequest {
  MaxResults?: __string;
  NextToken?: __string;
  PortalProductId: __string;
  ResourceOwnerAccountId?: __string;
}

export interface ListProductPagesResponse {
  Items?: __listOfProductPageSummaryNoBody;
  NextToken?: __stringMin1Max2048;
}

export interface ListProductPagesResponseContent {
  Items: __listOfProductPageSummaryNoBody;
  NextToken?: __stringMin1Max2048;
}

export interface ListProductRestEndpointPagesRequest {
  MaxResults?: __string;
  NextToken?: __string;
  PortalProductId: __string;
  ResourceOwnerAccountId?: __string;
}

export interface ListProductRestEndpointPagesResponse {
  Items?: __listOfProductRestEndpointPageSummaryNoBody;
  NextToken?: __string;
}

export interface ListProductRestEndpointPagesResponseContent {
  Items: __listOfProductRestEndpointPageSummaryNoBody;
  NextToken?: __string;
}

export interface ListRoutingRulesRequest {
  DomainName: __string;
  DomainNameId?: __string;
  MaxResults?: MaxResults;
  NextToken?: __string;
}

export interface ListRoutingRulesResponse {
  NextToken?: NextToken;
  RoutingRules?: __listOfRoutingRule;
}

export type LoggingLevel = 'ERROR' | 'INFO' | 'OFF';

export type MaxResults = number;

export interface Model {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  ModelId?: Id;
  Name: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface Models {
  Items?: __listOfModel;
  NextToken?: NextToken;
}

export interface MutualTlsAuthentication {
  TruststoreUri?: UriWithLengthBetween1And2048;
  TruststoreVersion?: StringWithLengthBetween1And64;
  TruststoreWarnings?: __listOf__string;
}

export interface MutualTlsAuthenticationInput {
  TruststoreUri?: UriWithLengthBetween1And2048;
  TruststoreVersion?: StringWithLengthBetween1And64;
}

export type NextToken = string;

export interface None {}

export interface NotFoundExceptionResponseContent {
  Message?: __string;
  ResourceType?: __string;
}

export interface ParameterConstraints {
  Required?: __boolean;
}

export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'NEVER' | 'WHEN_NO_TEMPLATES';

export interface PortalContent {
  Description?: __stringMin0Max1024;
  DisplayName: __stringMin3Max255;
  Theme: PortalTheme;
}

export interface PortalProductSummary {
  Description: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  LastModified: __timestampIso8601;
  PortalProductArn: __stringMin20Max2048;
  PortalProductId: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface PortalSummary {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationResponse;
  IncludedPortalProductArns: __listOf__stringMin20Max2048;
  LastModified: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn: __stringMin20Max2048;
  PortalContent: PortalContent;
  PortalId: __stringMin10Max30PatternAZ09;
  Preview?: Preview;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface PortalTheme {
  CustomColors: CustomColors;
  LogoLastUploaded?: __timestampIso8601;
}

export interface Preview {
  PreviewStatus: PreviewStatus;
  PreviewUrl?: __string;
  StatusException?: StatusException;
}

export interface PreviewPortalRequest {
  PortalId: __string;
}

export interface PreviewPortalResponse {}

export type PreviewStatus = 'PREVIEW_IN_PROGRESS' | 'PREVIEW_FAILED' | 'PREVIEW_READY';

export interface ProductPageSummaryNoBody {
  LastModified: __timestampIso8601;
  PageTitle: __stringMin1Max255;
  ProductPageArn: __stringMin20Max2048;
  ProductPageId: __stringMin10Max30PatternAZ09;
}

export interface ProductRestEndpointPageSummaryNoBody {
  Endpoint: __stringMin1Max1024;
  LastModified: __timestampIso8601;
  OperationName?: __stringMin1Max255;
  ProductRestEndpointPageArn: __stringMin20Max2048;
  ProductRestEndpointPageId: __stringMin10Max30PatternAZ09;
  RestEndpointIdentifier: RestEndpointIdentifier;
  Status: Status;
  StatusException?: StatusException;
  TryItState: TryItState;
}

export type ProtocolType = 'WEBSOCKET' | 'HTTP';

export interface PublishPortalRequest {
  Description?: __stringMin0Max1024;
  PortalId: __string;
}

export interface PublishPortalRequestContent {
  Description?: __stringMin0Max1024;
}

export interface PublishPortalResponse {}

export type PublishStatus = 'PUBLISHED' | 'PUBLISH_IN_PROGRESS' | 'PUBLISH_FAILED' | 'DISABLE_IN_PROGRESS' | 'DISABLE_FAILED' | 'DISABLED';

export interface PutPortalProductSharingPolicyRequest {
  PolicyDocument: __stringMin1Max307200;
  PortalProductId: __string;
}

export interface PutPortalProductSharingPolicyRequestContent {
  PolicyDocument: __stringMin1Max307200;
}

export interface PutPortalProductSharingPolicyResponse {}

export interface PutRoutingRuleRequest {
  Actions: __listOfRoutingRuleAction;
  Conditions: __listOfRoutingRuleCondition;
  DomainName: __string;
  DomainNameId?: __string;
  Priority: RoutingRulePriority;
  RoutingRuleId: __string;
}

export interface PutRoutingRuleResponse {
  Actions?: __listOfRoutingRuleAction;
  Conditions?: __listOfRoutingRuleCondition;
  Priority?: RoutingRulePriority;
  RoutingRuleArn?: Arn;
  RoutingRuleId?: Id;
}

export interface ReimportApiInput {
  Body: __string;
}

export interface ReimportApiRequest {
  ApiId: __string;
  Basepath?: __string;
  Body: __string;
  FailOnWarnings?: __boolean;
}

export interface ReimportApiResponse {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  ProtocolType?: ProtocolType;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export interface ResetAuthorizersCacheRequest {
  ApiId: __string;
  StageName: __string;
}

export type ResponseParameters = Record<string, IntegrationParameters>;

export interface RestEndpointIdentifier {
  IdentifierParts?: IdentifierParts;
}

export interface Route {
  ApiGatewayManaged?: __boolean;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteId?: Id;
  RouteKey: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export type RouteModels = Record<string, StringWithLengthBetween1And128>;

export type RouteParameters = Record<string, ParameterConstraints>;

export interface RouteResponse {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseId?: Id;
  RouteResponseKey: SelectionKey;
}

export interface RouteResponses {
  Items?: __listOfRouteResponse;
  NextToken?: NextToken;
}

export interface RouteSettings {
  DataTraceEnabled?: __boolean;
  DetailedMetricsEnabled?: __boolean;
  LoggingLevel?: LoggingLevel;
  ThrottlingBurstLimit?: __integer;
  ThrottlingRateLimit?: __double;
}

export type RouteSettingsMap = Record<string, RouteSettings>;

export interface Routes {
  Items?: __listOfRoute;
  NextToken?: NextToken;
}

export type RoutingMode = 'API_MAPPING_ONLY' | 'ROUTING_RULE_ONLY' | 'ROUTING_RULE_THEN_API_MAPPING';

export interface RoutingRule {
  Actions?: __listOfRoutingRuleAction;
  Conditions?: __listOfRoutingRuleCondition;
  Priority?: RoutingRulePriority;
  RoutingRuleArn?: Arn;
  RoutingRuleId?: Id;
}

export interface RoutingRuleAction {
  InvokeApi: RoutingRuleActionInvokeApi;
}

export interface RoutingRuleActionInvokeApi {
  ApiId: Id;
  Stage: StringWithLengthBetween1And128;
  StripBasePath?: __boolean;
}

export interface RoutingRuleCondition {
  MatchBasePaths?: RoutingRuleMatchBasePaths;
  MatchHeaders?: RoutingRuleMatchHeaders;
}

export interface RoutingRuleInput {
  Actions: __listOfRoutingRuleAction;
  Conditions: __listOfRoutingRuleCondition;
  Priority: RoutingRulePriority;
}

export interface RoutingRuleMatchBasePaths {
  AnyOf: __listOfSelectionKey;
}

export interface RoutingRuleMatchHeaderValue {
  Header: SelectionKey;
  ValueGlob: SelectionExpression;
}

export interface RoutingRuleMatchHeaders {
  AnyOf: __listOfRoutingRuleMatchHeaderValue;
}

export type RoutingRulePriority = number;

export interface RoutingRules {
  NextToken?: NextToken;
  RoutingRules?: __listOfRoutingRule;
}

export interface Section {
  ProductRestEndpointPageArns: __listOf__stringMin20Max2048;
  SectionName: __string;
}

export type SecurityGroupIdList = __string[];

export type SecurityPolicy = 'TLS_1_0' | 'TLS_1_2';

export type SelectionExpression = string;

export type SelectionKey = string;

export interface Stage {
  AccessLogSettings?: AccessLogSettings;
  ApiGatewayManaged?: __boolean;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  CreatedDate?: __timestampIso8601;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  LastDeploymentStatusMessage?: __string;
  LastUpdatedDate?: __timestampIso8601;
  RouteSettings?: RouteSettingsMap;
  StageName: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export type StageVariablesMap = Record<string, StringWithLengthBetween0And2048>;

export interface Stages {
  Items?: __listOfStage;
  NextToken?: NextToken;
}

export type Status = 'AVAILABLE' | 'IN_PROGRESS' | 'FAILED';

export interface StatusException {
  Exception?: __stringMin1Max256;
  Message?: __stringMin1Max2048;
}

export type StringWithLengthBetween0And1024 = string;

export type StringWithLengthBetween0And2048 = string;

export type StringWithLengthBetween0And32K = string;

export type StringWithLengthBetween1And1024 = string;

export type StringWithLengthBetween1And128 = string;

export type StringWithLengthBetween1And1600 = string;

export type StringWithLengthBetween1And256 = string;

export type StringWithLengthBetween1And512 = string;

export type StringWithLengthBetween1And64 = string;

export type SubnetIdList = __string[];

export interface TagResourceInput {
  Tags?: Tags;
}

export interface TagResourceRequest {
  ResourceArn: __string;
  Tags?: Tags;
}

export interface TagResourceResponse {}

export type Tags = Record<string, StringWithLengthBetween1And1600>;

export interface Template {
  Value?: __string;
}

export type TemplateMap = Record<string, StringWithLengthBetween0And32K>;

export interface TlsConfig {
  ServerNameToVerify?: StringWithLengthBetween1And512;
}

export interface TlsConfigInput {
  ServerNameToVerify?: StringWithLengthBetween1And512;
}

export type TryItState = 'ENABLED' | 'DISABLED';

export interface UntagResourceRequest {
  ResourceArn: __string;
  TagKeys: __listOf__string;
}

export interface UpdateApiInput {
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  RouteKey?: SelectionKey;
  RouteSelectionExpression?: SelectionExpression;
  Target?: UriWithLengthBetween1And2048;
  Version?: StringWithLengthBetween1And64;
}

export interface UpdateApiMappingInput {
  ApiId?: Id;
  ApiMappingKey?: SelectionKey;
  Stage?: StringWithLengthBetween1And128;
}

export interface UpdateApiMappingRequest {
  ApiId: Id;
  ApiMappingId: __string;
  ApiMappingKey?: SelectionKey;
  DomainName: __string;
  Stage?: StringWithLengthBetween1And128;
}

export interface UpdateApiMappingResponse {
  ApiId?: Id;
  ApiMappingId?: Id;
  ApiMappingKey?: SelectionKey;
  Stage?: StringWithLengthBetween1And128;
}

export interface UpdateApiRequest {
  ApiId: __string;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  RouteKey?: SelectionKey;
  RouteSelectionExpression?: SelectionExpression;
  Target?: UriWithLengthBetween1And2048;
  Version?: StringWithLengthBetween1And64;
}

export interface UpdateApiResponse {
  ApiEndpoint?: __string;
  ApiGatewayManaged?: __boolean;
  ApiId?: Id;
  ApiKeySelectionExpression?: SelectionExpression;
  CorsConfiguration?: Cors;
  CreatedDate?: __timestampIso8601;
  Description?: StringWithLengthBetween0And1024;
  DisableExecuteApiEndpoint?: __boolean;
  DisableSchemaValidation?: __boolean;
  ImportInfo?: __listOf__string;
  IpAddressType?: IpAddressType;
  Name?: StringWithLengthBetween1And128;
  ProtocolType?: ProtocolType;
  RouteSelectionExpression?: SelectionExpression;
  Tags?: Tags;
  Version?: StringWithLengthBetween1And64;
  Warnings?: __listOf__string;
}

export interface UpdateAuthorizerInput {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name?: StringWithLengthBetween1And128;
}

export interface UpdateAuthorizerRequest {
  ApiId: __string;
  AuthorizerCredentialsArn?: Arn;
  AuthorizerId: __string;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name?: StringWithLengthBetween1And128;
}

export interface UpdateAuthorizerResponse {
  AuthorizerCredentialsArn?: Arn;
  AuthorizerId?: Id;
  AuthorizerPayloadFormatVersion?: StringWithLengthBetween1And64;
  AuthorizerResultTtlInSeconds?: IntegerWithLengthBetween0And3600;
  AuthorizerType?: AuthorizerType;
  AuthorizerUri?: UriWithLengthBetween1And2048;
  EnableSimpleResponses?: __boolean;
  IdentitySource?: IdentitySourceList;
  IdentityValidationExpression?: StringWithLengthBetween0And1024;
  JwtConfiguration?: JWTConfiguration;
  Name?: StringWithLengthBetween1And128;
}

export interface UpdateDeploymentInput {
  Description?: StringWithLengthBetween0And1024;
}

export interface UpdateDeploymentRequest {
  ApiId: __string;
  DeploymentId: __string;
  Description?: StringWithLengthBetween0And1024;
}

export interface UpdateDeploymentResponse {
  AutoDeployed?: __boolean;
  CreatedDate?: __timestampIso8601;
  DeploymentId?: Id;
  DeploymentStatus?: DeploymentStatus;
  DeploymentStatusMessage?: __string;
  Description?: StringWithLengthBetween0And1024;
}

export interface UpdateDomainNameInput {
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthenticationInput;
  RoutingMode?: RoutingMode;
}

export interface UpdateDomainNameRequest {
  DomainName: __string;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthenticationInput;
  RoutingMode?: RoutingMode;
}

export interface UpdateDomainNameResponse {
  ApiMappingSelectionExpression?: SelectionExpression;
  DomainName?: StringWithLengthBetween1And512;
  DomainNameArn?: Arn;
  DomainNameConfigurations?: DomainNameConfigurations;
  MutualTlsAuthentication?: MutualTlsAuthentication;
  RoutingMode?: RoutingMode;
  Tags?: Tags;
}

export interface UpdateIntegrationInput {
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfigInput;
}

export interface UpdateIntegrationRequest {
  ApiId: __string;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationId: __string;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfigInput;
}

export interface UpdateIntegrationResponseInput {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseKey?: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface UpdateIntegrationResponseRequest {
  ApiId: __string;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationId: __string;
  IntegrationResponseId: __string;
  IntegrationResponseKey?: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface UpdateIntegrationResponseResponse {
  ContentHandlingStrategy?: ContentHandlingStrategy;
  IntegrationResponseId?: Id;
  IntegrationResponseKey?: SelectionKey;
  ResponseParameters?: IntegrationParameters;
  ResponseTemplates?: TemplateMap;
  TemplateSelectionExpression?: SelectionExpression;
}

export interface UpdateIntegrationResult {
  ApiGatewayManaged?: __boolean;
  ConnectionId?: StringWithLengthBetween1And1024;
  ConnectionType?: ConnectionType;
  ContentHandlingStrategy?: ContentHandlingStrategy;
  CredentialsArn?: Arn;
  Description?: StringWithLengthBetween0And1024;
  IntegrationId?: Id;
  IntegrationMethod?: StringWithLengthBetween1And64;
  IntegrationResponseSelectionExpression?: SelectionExpression;
  IntegrationSubtype?: StringWithLengthBetween1And128;
  IntegrationType?: IntegrationType;
  IntegrationUri?: UriWithLengthBetween1And2048;
  PassthroughBehavior?: PassthroughBehavior;
  PayloadFormatVersion?: StringWithLengthBetween1And64;
  RequestParameters?: IntegrationParameters;
  RequestTemplates?: TemplateMap;
  ResponseParameters?: ResponseParameters;
  TemplateSelectionExpression?: SelectionExpression;
  TimeoutInMillis?: IntegerWithLengthBetween50And30000;
  TlsConfig?: TlsConfig;
}

export interface UpdateModelInput {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  Name?: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface UpdateModelRequest {
  ApiId: __string;
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  ModelId: __string;
  Name?: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface UpdateModelResponse {
  ContentType?: StringWithLengthBetween1And256;
  Description?: StringWithLengthBetween0And1024;
  ModelId?: Id;
  Name?: StringWithLengthBetween1And128;
  Schema?: StringWithLengthBetween0And32K;
}

export interface UpdatePortalProductRequest {
  Description?: __stringMin0Max1024;
  DisplayName?: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  PortalProductId: __string;
}

export interface UpdatePortalProductRequestContent {
  Description?: __stringMin0Max1024;
  DisplayName?: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
}

export interface UpdatePortalProductResponse {
  Description?: __stringMin0Max1024;
  DisplayName?: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  LastModified?: __timestampIso8601;
  PortalProductArn?: __stringMin20Max2048;
  PortalProductId?: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface UpdatePortalProductResponseContent {
  Description?: __stringMin0Max1024;
  DisplayName: __stringMin1Max255;
  DisplayOrder?: DisplayOrder;
  LastModified: __timestampIso8601;
  PortalProductArn: __stringMin20Max2048;
  PortalProductId: __stringMin10Max30PatternAZ09;
  Tags?: Tags;
}

export interface UpdatePortalRequest {
  Authorization?: Authorization;
  EndpointConfiguration?: EndpointConfigurationRequest;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LogoUri?: __stringMin0Max1092;
  PortalContent?: PortalContent;
  PortalId: __string;
  RumAppMonitorName?: __stringMin0Max255;
}

export interface UpdatePortalRequestContent {
  Authorization?: Authorization;
  EndpointConfiguration?: EndpointConfigurationRequest;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LogoUri?: __stringMin0Max1092;
  PortalContent?: PortalContent;
  RumAppMonitorName?: __stringMin0Max255;
}

export interface UpdatePortalResponse {
  Authorization?: Authorization;
  EndpointConfiguration?: EndpointConfigurationResponse;
  IncludedPortalProductArns?: __listOf__stringMin20Max2048;
  LastModified?: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn?: __stringMin20Max2048;
  PortalContent?: PortalContent;
  PortalId?: __stringMin10Max30PatternAZ09;
  Preview?: Preview;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface UpdatePortalResponseContent {
  Authorization: Authorization;
  EndpointConfiguration: EndpointConfigurationResponse;
  IncludedPortalProductArns: __listOf__stringMin20Max2048;
  LastModified: __timestampIso8601;
  LastPublished?: __timestampIso8601;
  LastPublishedDescription?: __stringMin0Max1024;
  PortalArn: __stringMin20Max2048;
  PortalContent: PortalContent;
  PortalId: __stringMin10Max30PatternAZ09;
  Preview?: Preview;
  PublishStatus?: PublishStatus;
  RumAppMonitorName?: __stringMin0Max255;
  StatusException?: StatusException;
  Tags?: Tags;
}

export interface UpdateProductPageRequest {
  DisplayContent?: DisplayContent;
  PortalProductId: __string;
  ProductPageId: __string;
}

export interface UpdateProductPageRequestContent {
  DisplayContent?: DisplayContent;
}

export interface UpdateProductPageResponse {
  DisplayContent?: DisplayContent;
  LastModified?: __timestampIso8601;
  ProductPageArn?: __stringMin20Max2048;
  ProductPageId?: __stringMin10Max30PatternAZ09;
}

export interface UpdateProductPageResponseContent {
  DisplayContent?: DisplayContent;
  LastModified: __timestampIso8601;
  ProductPageArn: __stringMin20Max2048;
  ProductPageId: __stringMin10Max30PatternAZ09;
}

export interface UpdateProductRestEndpointPageRequest {
  DisplayContent?: EndpointDisplayContent;
  PortalProductId: __string;
  ProductRestEndpointPageId: __string;
  TryItState?: TryItState;
}

export interface UpdateProductRestEndpointPageRequestContent {
  DisplayContent?: EndpointDisplayContent;
  TryItState?: TryItState;
}

export interface UpdateProductRestEndpointPageResponse {
  DisplayContent?: EndpointDisplayContentResponse;
  LastModified?: __timestampIso8601;
  ProductRestEndpointPageArn?: __stringMin20Max2048;
  ProductRestEndpointPageId?: __stringMin10Max30PatternAZ09;
  RestEndpointIdentifier?: RestEndpointIdentifier;
  Status?: Status;
  StatusException?: StatusException;
  TryItState?: TryItState;
}

export interface UpdateProductRestEndpointPageResponseContent {
  DisplayContent: EndpointDisplayContentResponse;
  LastModified: __timestampIso8601;
  ProductRestEndpointPageArn: __stringMin20Max2048;
  ProductRestEndpointPageId: __stringMin10Max30PatternAZ09;
  RestEndpointIdentifier: RestEndpointIdentifier;
  Status: Status;
  StatusException?: StatusException;
  TryItState: TryItState;
}

export interface UpdateRouteInput {
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteKey?: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface UpdateRouteRequest {
  ApiId: __string;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteId: __string;
  RouteKey?: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface UpdateRouteResponseInput {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseKey?: SelectionKey;
}

export interface UpdateRouteResponseRequest {
  ApiId: __string;
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteId: __string;
  RouteResponseId: __string;
  RouteResponseKey?: SelectionKey;
}

export interface UpdateRouteResponseResponse {
  ModelSelectionExpression?: SelectionExpression;
  ResponseModels?: RouteModels;
  ResponseParameters?: RouteParameters;
  RouteResponseId?: Id;
  RouteResponseKey?: SelectionKey;
}

export interface UpdateRouteResult {
  ApiGatewayManaged?: __boolean;
  ApiKeyRequired?: __boolean;
  AuthorizationScopes?: AuthorizationScopes;
  AuthorizationType?: AuthorizationType;
  AuthorizerId?: Id;
  ModelSelectionExpression?: SelectionExpression;
  OperationName?: StringWithLengthBetween1And64;
  RequestModels?: RouteModels;
  RequestParameters?: RouteParameters;
  RouteId?: Id;
  RouteKey?: SelectionKey;
  RouteResponseSelectionExpression?: SelectionExpression;
  Target?: StringWithLengthBetween1And128;
}

export interface UpdateStageInput {
  AccessLogSettings?: AccessLogSettings;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  RouteSettings?: RouteSettingsMap;
  StageVariables?: StageVariablesMap;
}

export interface UpdateStageRequest {
  AccessLogSettings?: AccessLogSettings;
  ApiId: __string;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  RouteSettings?: RouteSettingsMap;
  StageName: __string;
  StageVariables?: StageVariablesMap;
}

export interface UpdateStageResponse {
  AccessLogSettings?: AccessLogSettings;
  ApiGatewayManaged?: __boolean;
  AutoDeploy?: __boolean;
  ClientCertificateId?: Id;
  CreatedDate?: __timestampIso8601;
  DefaultRouteSettings?: RouteSettings;
  DeploymentId?: Id;
  Description?: StringWithLengthBetween0And1024;
  LastDeploymentStatusMessage?: __string;
  LastUpdatedDate?: __timestampIso8601;
  RouteSettings?: RouteSettingsMap;
  StageName?: StringWithLengthBetween1And128;
  StageVariables?: StageVariablesMap;
  Tags?: Tags;
}

export interface UpdateVpcLinkInput {
  Name?: StringWithLengthBetween1And128;
}

export interface UpdateVpcLinkRequest {
  Name?: StringWithLengthBetween1And128;
  VpcLinkId: __string;
}

export interface UpdateVpcLinkResponse {
  CreatedDate?: __timestampIso8601;
  Name?: StringWithLengthBetween1And128;
  SecurityGroupIds?: SecurityGroupIdList;
  SubnetIds?: SubnetIdList;
  Tags?: Tags;
  VpcLinkId?: Id;
  VpcLinkStatus?: VpcLinkStatus;
  VpcLinkStatusMessage?: StringWithLengthBetween0And1024;
  VpcLinkVersion?: VpcLinkVersion;
}

export type UriWithLengthBetween1And2048 = string;

export interface VpcLink {
  CreatedDate?: __timestampIso8601;
  Name: StringWithLengthBetween1And128;
  SecurityGroupIds: SecurityGroupIdList;
  SubnetIds: SubnetIdList;
  Tags?: Tags;
  VpcLinkId: Id;
  VpcLinkStatus?: VpcLinkStatus;
  VpcLinkStatusMessage?: StringWithLengthBetween0And1024;
  VpcLinkVersion?: VpcLinkVersion;
}

export type VpcLinkStatus = 'PENDING' | 'AVAILABLE' | 'DELETING' | 'FAILED' | 'INACTIVE';

export type VpcLinkVersion = 'V2';

export interface VpcLinks {
  Items?: __listOfVpcLink;
  NextToken?: NextToken;
}

export type __boolean = boolean;

export type __double = number;

export type __integer = number;

export type __listOfApi = Api[];

export type __listOfApiMapping = ApiMapping[];

export type __listOfAuthorizer = Authorizer[];

export type __listOfDeployment = Deployment[];

export type __listOfDomainName = DomainName[];

export type __listOfIntegration = Integration[];

export type __listOfIntegrationResponse = IntegrationResponse[];

export type __listOfModel = Model[];

export type __listOfPortalProductSummary = PortalProductSummary[];

export type __listOfPortalSummary = PortalSummary[];

export type __listOfProductPageSummaryNoBody = ProductPageSummaryNoBody[];

export type __listOfProductRestEndpointPageSummaryNoBody = ProductRestEndpointPageSummaryNoBody[];

export type __listOfRoute = Route[];

export type __listOfRouteResponse = RouteResponse[];

export type __listOfRoutingRule = RoutingRule[];

export type __listOfRoutingRuleAction = RoutingRuleAction[];

export type __listOfRoutingRuleCondition = RoutingRuleCondition[];

export type __listOfRoutingRuleMatchHeaderValue = RoutingRuleMatchHeaderValue[];

export type __listOfSection = Section[];

export type __listOfSelectionKey = SelectionKey[];

export type __listOfStage = Stage[];

export type __listOfVpcLink = VpcLink[];

export type __listOf__string = __string[];

export type __listOf__stringMin20Max2048 = __stringMin20Max2048[];

export type __long = number;

export type __string = string;

export type __stringMin0Max1024 = string;

export type __stringMin0Max1092 = string;

export type __stringMin0Max255 = string;

export type __stringMin10Max2048 = string;

export type __stringMin10Max30PatternAZ09 = string;

export type __stringMin1Max1024 = string;

export type __stringMin1Max128 = string;

export type __stringMin1Max16 = string;

export type __stringMin1Max20 = string;

export type __stringMin1Max2048 = string;

export type __stringMin1Max255 = string;

export type __stringMin1Max256 = string;

export type __stringMin1Max307200 = string;

export type __stringMin1Max32768 = string;

export type __stringMin1Max4096 = string;

export type __stringMin1Max50 = string;

export type __stringMin1Max64 = string;

export type __stringMin20Max2048 = string;

export type __stringMin3Max255 = string;

export type __stringMin3Max256 = string;

export type __timestampIso8601 = Date;

export type __timestampUnix = Date;

// Operations

export interface ApiGatewayV2Api {
  CreateApi(ctx: RequestContext, input: CreateApiRequest): Promise<CreateApiResponse>;
  CreateApiMapping(ctx: RequestContext, input: CreateApiMappingRequest): Promise<CreateApiMappingResponse>;
  CreateAuthorizer(ctx: RequestContext, input: CreateAuthorizerRequest): Promise<CreateAuthorizerResponse>;
  CreateDeployment(ctx: RequestContext, input: CreateDeploymentRequest): Promise<CreateDeploymentResponse>;
  CreateDomainName(ctx: RequestContext, input: CreateDomainNameRequest): Promise<CreateDomainNameResponse>;
  CreateIntegration(ctx: RequestContext, input: CreateIntegrationRequest): Promise<CreateIntegrationResult>;
  CreateIntegrationResponse(ctx: RequestContext, input: CreateIntegrationResponseRequest): Promise<CreateIntegrationResponseResponse>;
  CreateModel(ctx: RequestContext, input: CreateModelRequest): Promise<CreateModelResponse>;
  CreatePortal(ctx: RequestContext, input: CreatePortalRequest): Promise<CreatePortalResponse>;
  CreatePortalProduct(ctx: RequestContext, input: CreatePortalProductRequest): Promise<CreatePortalProductResponse>;
  CreateProductPage(ctx: RequestContext, input: CreateProductPageRequest): Promise<CreateProductPageResponse>;
  CreateProductRestEndpointPage(ctx: RequestContext, input: CreateProductRestEndpointPageRequest): Promise<CreateProductRestEndpointPageResponse>;
  CreateRoute(ctx: RequestContext, input: CreateRouteRequest): Promise<CreateRouteResult>;
  CreateRouteResponse(ctx: RequestContext, input: CreateRouteResponseRequest): Promise<CreateRouteResponseResponse>;
  CreateRoutingRule(ctx: RequestContext, input: CreateRoutingRuleRequest): Promise<CreateRoutingRuleResponse>;
  CreateStage(ctx: RequestContext, input: CreateStageRequest): Promise<CreateStageResponse>;
  CreateVpcLink(ctx: RequestContext, input: CreateVpcLinkRequest): Promise<CreateVpcLinkResponse>;
  DeleteAccessLogSettings(ctx: RequestContext, input: DeleteAccessLogSettingsRequest): Promise<void>;
  DeleteApi(ctx: RequestContext, input: DeleteApiRequest): Promise<void>;
  DeleteApiMapping(ctx: RequestContext, input: DeleteApiMappingRequest): Promise<void>;
  DeleteAuthorizer(ctx: RequestContext, input: DeleteAuthorizerRequest): Promise<void>;
  DeleteCorsConfiguration(ctx: RequestContext, input: DeleteCorsConfigurationRequest): Promise<void>;
  DeleteDeployment(ctx: RequestContext, input: DeleteDeploymentRequest): Promise<void>;
  DeleteDomainName(ctx: RequestContext, input: DeleteDomainNameRequest): Promise<void>;
  DeleteIntegration(ctx: RequestContext, input: DeleteIntegrationRequest): Promise<void>;
  DeleteIntegrationResponse(ctx: RequestContext, input: DeleteIntegrationResponseRequest): Promise<void>;
  DeleteModel(ctx: RequestContext, input: DeleteModelRequest): Promise<void>;
  DeletePortal(ctx: RequestContext, input: DeletePortalRequest): Promise<void>;
  DeletePortalProduct(ctx: RequestContext, input: DeletePortalProductRequest): Promise<void>;
  DeletePortalProductSharingPolicy(ctx: RequestContext, input: DeletePortalProductSharingPolicyRequest): Promise<void>;
  DeleteProductPage(ctx: RequestContext, input: DeleteProductPageRequest): Promise<void>;
  DeleteProductRestEndpointPage(ctx: RequestContext, input: DeleteProductRestEndpointPageRequest): Promise<void>;
  DeleteRoute(ctx: RequestContext, input: DeleteRouteRequest): Promise<void>;
  DeleteRouteRequestParameter(ctx: RequestContext, input: DeleteRouteRequestParameterRequest): Promise<void>;
  DeleteRouteResponse(ctx: RequestContext, input: DeleteRouteResponseRequest): Promise<void>;
  DeleteRouteSettings(ctx: RequestContext, input: DeleteRouteSettingsRequest): Promise<void>;
  DeleteRoutingRule(ctx: RequestContext, input: DeleteRoutingRuleRequest): Promise<void>;
  DeleteStage(ctx: RequestContext, input: DeleteStageRequest): Promise<void>;
  DeleteVpcLink(ctx: RequestContext, input: DeleteVpcLinkRequest): Promise<DeleteVpcLinkResponse>;
  DisablePortal(ctx: RequestContext, input: DisablePortalRequest): Promise<void>;
  ExportApi(ctx: RequestContext, input: ExportApiRequest): Promise<ExportApiResponse>;
  GetApi(ctx: RequestContext, input: GetApiRequest): Promise<GetApiResponse>;
  GetApiMapping(ctx: RequestContext, input: GetApiMappingRequest): Promise<GetApiMappingResponse>;
  GetApiMappings(ctx: RequestContext, input: GetApiMappingsRequest): Promise<GetApiMappingsResponse>;
  GetApis(ctx: RequestContext, input: GetApisRequest): Promise<GetApisResponse>;
  GetAuthorizer(ctx: RequestContext, input: GetAuthorizerRequest): Promise<GetAuthorizerResponse>;
  GetAuthorizers(ctx: RequestContext, input: GetAuthorizersRequest): Promise<GetAuthorizersResponse>;
  GetDeployment(ctx: RequestContext, input: GetDeploymentRequest): Promise<GetDeploymentResponse>;
  GetDeployments(ctx: RequestContext, input: GetDeploymentsRequest): Promise<GetDeploymentsResponse>;
  GetDomainName(ctx: RequestContext, input: GetDomainNameRequest): Promise<GetDomainNameResponse>;
  GetDomainNames(ctx: RequestContext, input: GetDomainNamesRequest): Promise<GetDomainNamesResponse>;
  GetIntegration(ctx: RequestContext, input: GetIntegrationRequest): Promise<GetIntegrationResult>;
  GetIntegrationResponse(ctx: RequestContext, input: GetIntegrationResponseRequest): Promise<GetIntegrationResponseResponse>;
  GetIntegrationResponses(ctx: RequestContext, input: GetIntegrationResponsesRequest): Promise<GetIntegrationResponsesResponse>;
  GetIntegrations(ctx: RequestContext, input: GetIntegrationsRequest): Promise<GetIntegrationsResponse>;
  GetModel(ctx: RequestContext, input: GetModelRequest): Promise<GetModelResponse>;
  GetModelTemplate(ctx: RequestContext, input: GetModelTemplateRequest): Promise<GetModelTemplateResponse>;
  GetModels(ctx: RequestContext, input: GetModelsRequest): Promise<GetModelsResponse>;
  GetPortal(ctx: RequestContext, input: GetPortalRequest): Promise<GetPortalResponse>;
  GetPortalProduct(ctx: RequestContext, input: GetPortalProductRequest): Promise<GetPortalProductResponse>;
  GetPortalProductSharingPolicy(ctx: RequestContext, input: GetPortalProductSharingPolicyRequest): Promise<GetPortalProductSharingPolicyResponse>;
  GetProductPage(ctx: RequestContext, input: GetProductPageRequest): Promise<GetProductPageResponse>;
  GetProductRestEndpointPage(ctx: RequestContext, input: GetProductRestEndpointPageRequest): Promise<GetProductRestEndpointPageResponse>;
  GetRoute(ctx: RequestContext, input: GetRouteRequest): Promise<GetRouteResult>;
  GetRouteResponse(ctx: RequestContext, input: GetRouteResponseRequest): Promise<GetRouteResponseResponse>;
  GetRouteResponses(ctx: RequestContext, input: GetRouteResponsesRequest): Promise<GetRouteResponsesResponse>;
  GetRoutes(ctx: RequestContext, input: GetRoutesRequest): Promise<GetRoutesResponse>;
  GetRoutingRule(ctx: RequestContext, input: GetRoutingRuleRequest): Promise<GetRoutingRuleResponse>;
  GetStage(ctx: RequestContext, input: GetStageRequest): Promise<GetStageResponse>;
  GetStages(ctx: RequestContext, input: GetStagesRequest): Promise<GetStagesResponse>;
  GetTags(ctx: RequestContext, input: GetTagsRequest): Promise<GetTagsResponse>;
  GetVpcLink(ctx: RequestContext, input: GetVpcLinkRequest): Promise<GetVpcLinkResponse>;
  GetVpcLinks(ctx: RequestContext, input: GetVpcLinksRequest): Promise<GetVpcLinksResponse>;
  ImportApi(ctx: RequestContext, input: ImportApiRequest): Promise<ImportApiResponse>;
  ListPortalProducts(ctx: RequestContext, input: ListPortalProductsRequest): Promise<ListPortalProductsResponse>;
  ListPortals(ctx: RequestContext, input: ListPortalsRequest): Promise<ListPortalsResponse>;
  ListProductPages(ctx: RequestContext, input: ListProductPagesRequest): Promise<ListProductPagesResponse>;
  ListProductRestEndpointPages(ctx: RequestContext, input: ListProductRestEndpointPagesRequest): Promise<ListProductRestEndpointPagesResponse>;
  ListRoutingRules(ctx: RequestContext, input: ListRoutingRulesRequest): Promise<ListRoutingRulesResponse>;
  PreviewPortal(ctx: RequestContext, input: PreviewPortalRequest): Promise<PreviewPortalResponse>;
  PublishPortal(ctx: RequestContext, input: PublishPortalRequest): Promise<PublishPortalResponse>;
  PutPortalProductSharingPolicy(ctx: RequestContext, input: PutPortalProductSharingPolicyRequest): Promise<PutPortalProductSharingPolicyResponse>;
  PutRoutingRule(ctx: RequestContext, input: PutRoutingRuleRequest): Promise<PutRoutingRuleResponse>;
  ReimportApi(ctx: RequestContext, input: ReimportApiRequest): Promise<ReimportApiResponse>;
  ResetAuthorizersCache(ctx: RequestContext, input: ResetAuthorizersCacheRequest): Promise<void>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void>;
  UpdateApi(ctx: RequestContext, input: UpdateApiRequest): Promise<UpdateApiResponse>;
  UpdateApiMapping(ctx: RequestContext, input: UpdateApiMappingRequest): Promise<UpdateApiMappingResponse>;
  UpdateAuthorizer(ctx: RequestContext, input: UpdateAuthorizerRequest): Promise<UpdateAuthorizerResponse>;
  UpdateDeployment(ctx: RequestContext, input: UpdateDeploymentRequest): Promise<UpdateDeploymentResponse>;
  UpdateDomainName(ctx: RequestContext, input: UpdateDomainNameRequest): Promise<UpdateDomainNameResponse>;
  UpdateIntegration(ctx: RequestContext, input: UpdateIntegrationRequest): Promise<UpdateIntegrationResult>;
  UpdateIntegrationResponse(ctx: RequestContext, input: UpdateIntegrationResponseRequest): Promise<UpdateIntegrationResponseResponse>;
  UpdateModel(ctx: RequestContext, input: UpdateModelRequest): Promise<UpdateModelResponse>;
  UpdatePortal(ctx: RequestContext, input: UpdatePortalRequest): Promise<UpdatePortalResponse>;
  UpdatePortalProduct(ctx: RequestContext, input: UpdatePortalProductRequest): Promise<UpdatePortalProductResponse>;
  UpdateProductPage(ctx: RequestContext, input: UpdateProductPageRequest): Promise<UpdateProductPageResponse>;
  UpdateProductRestEndpointPage(ctx: RequestContext, input: UpdateProductRestEndpointPageRequest): Promise<UpdateProductRestEndpointPageResponse>;
  UpdateRoute(ctx: RequestContext, input: UpdateRouteRequest): Promise<UpdateRouteResult>;
  UpdateRouteResponse(ctx: RequestContext, input: UpdateRouteResponseRequest): Promise<UpdateRouteResponseResponse>;
  UpdateStage(ctx: RequestContext, input: UpdateStageRequest): Promise<UpdateStageResponse>;
  UpdateVpcLink(ctx: RequestContext, input: UpdateVpcLinkRequest): Promise<UpdateVpcLinkResponse>;
}

export const operations = [
  'CreateApi',
  'CreateApiMapping',
  'CreateAuthorizer',
  'CreateDeployment',
  'CreateDomainName',
  'CreateIntegration',
  'CreateIntegrationResponse',
  'CreateModel',
  'CreatePortal',
  'CreatePortalProduct',
  'CreateProductPage',
  'CreateProductRestEndpointPage',
  'CreateRoute',
  'CreateRouteResponse',
  'CreateRoutingRule',
  'CreateStage',
  'CreateVpcLink',
  'DeleteAccessLogSettings',
  'DeleteApi',
  'DeleteApiMapping',
  'DeleteAuthorizer',
  'DeleteCorsConfiguration',
  'DeleteDeployment',
  'DeleteDomainName',
  'DeleteIntegration',
  'DeleteIntegrationResponse',
  'DeleteModel',
  'DeletePortal',
  'DeletePortalProduct',
  'DeletePortalProductSharingPolicy',
  'DeleteProductPage',
  'DeleteProductRestEndpointPage',
  'DeleteRoute',
  'DeleteRouteRequestParameter',
  'DeleteRouteResponse',
  'DeleteRouteSettings',
  'DeleteRoutingRule',
  'DeleteStage',
  'DeleteVpcLink',
  'DisablePortal',
  'ExportApi',
  'GetApi',
  'GetApiMapping',
  'GetApiMappings',
  'GetApis',
  'GetAuthorizer',
  'GetAuthorizers',
  'GetDeployment',
  'GetDeployments',
  'GetDomainName',
  'GetDomainNames',
  'GetIntegration',
  'GetIntegrationResponse',
  'GetIntegrationResponses',
  'GetIntegrations',
  'GetModel',
  'GetModelTemplate',
  'GetModels',
  'GetPortal',
  'GetPortalProduct',
  'GetPortalProductSharingPolicy',
  'GetProductPage',
  'GetProductRestEndpointPage',
  'GetRoute',
  'GetRouteResponse',
  'GetRouteResponses',
  'GetRoutes',
  'GetRoutingRule',
  'GetStage',
  'GetStages',
  'GetTags',
  'GetVpcLink',
  'GetVpcLinks',
  'ImportApi',
  'ListPortalProducts',
  'ListPortals',
  'ListProductPages',
  'ListProductRestEndpointPages',
  'ListRoutingRules',
  'PreviewPortal',
  'PublishPortal',
  'PutPortalProductSharingPolicy',
  'PutRoutingRule',
  'ReimportApi',
  'ResetAuthorizersCache',
  'TagResource',
  'UntagResource',
  'UpdateApi',
  'UpdateApiMapping',
  'UpdateAuthorizer',
  'UpdateDeployment',
  'UpdateDomainName',
  'UpdateIntegration',
  'UpdateIntegrationResponse',
  'UpdateModel',
  'UpdatePortal',
  'UpdatePortalProduct',
  'UpdateProductPage',
  'UpdateProductRestEndpointPage',
  'UpdateRoute',
  'UpdateRouteResponse',
  'UpdateStage',
  'UpdateVpcLink',
] as const;

// Errors

export class AccessDeniedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('AccessDeniedException', message, 403, { fields });
  }
}

export class BadRequestException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('BadRequestException', message, 400, { fields });
  }
}

export class ConflictException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ConflictException', message, 409, { fields });
  }
}

export class NotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NotFoundException', message, 404, { fields });
  }
}

export class TooManyRequestsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRequestsException', message, 429, { fields });
  }
}

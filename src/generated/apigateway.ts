// Generated from models/aws/apigateway/service-2.json (API version 2015-07-09) by scripts/codegen.ts. Do not edit.

import type { RequestContext } from '../core/context.js';
import { AwsError } from '../aws/errors.js';

// Shapes

export type AccessAssociationSourceType = 'VPCE';

export interface AccessLogSettings {
  destinationArn?: String_;
  format?: String_;
}

export interface Account {
  apiKeyVersion?: String_;
  cloudwatchRoleArn?: String_;
  features?: ListOfString;
  throttleSettings?: ThrottleSettings;
}

export interface ApiKey {
  createdDate?: Timestamp;
  customerId?: String_;
  description?: String_;
  enabled?: Boolean_;
  id?: String_;
  lastUpdatedDate?: Timestamp;
  name?: String_;
  stageKeys?: ListOfString;
  tags?: MapOfStringToString;
  value?: String_;
}

export interface ApiKeyIds {
  ids?: ListOfString;
  warnings?: ListOfString;
}

export type ApiKeySourceType = 'HEADER' | 'AUTHORIZER';

export interface ApiKeys {
  items?: ListOfApiKey;
  position?: String_;
  warnings?: ListOfString;
}

export type ApiKeysFormat = 'csv';

export interface ApiStage {
  apiId?: String_;
  stage?: String_;
  throttle?: MapOfApiStageThrottleSettings;
}

export type ApiStatus = 'UPDATING' | 'AVAILABLE' | 'PENDING' | 'FAILED';

export interface Authorizer {
  authType?: String_;
  authorizerCredentials?: String_;
  authorizerResultTtlInSeconds?: NullableInteger;
  authorizerUri?: String_;
  id?: String_;
  identitySource?: String_;
  identityValidationExpression?: String_;
  name?: String_;
  providerARNs?: ListOfARNs;
  type?: AuthorizerType;
}

export type AuthorizerType = 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS';

export interface Authorizers {
  items?: ListOfAuthorizer;
  position?: String_;
}

export interface BasePathMapping {
  basePath?: String_;
  restApiId?: String_;
  stage?: String_;
}

export interface BasePathMappings {
  items?: ListOfBasePathMapping;
  position?: String_;
}

export type Blob_ = Buffer;

export type Boolean_ = boolean;

export type CacheClusterSize = '0.5' | '1.6' | '6.1' | '13.5' | '28.4' | '58.2' | '118' | '237';

export type CacheClusterStatus = 'CREATE_IN_PROGRESS' | 'AVAILABLE' | 'DELETE_IN_PROGRESS' | 'NOT_AVAILABLE' | 'FLUSH_IN_PROGRESS';

export interface CanarySettings {
  deploymentId?: String_;
  percentTraffic?: Double;
  stageVariableOverrides?: MapOfStringToString;
  useStageCache?: Boolean_;
}

export interface ClientCertificate {
  clientCertificateId?: String_;
  createdDate?: Timestamp;
  description?: String_;
  expirationDate?: Timestamp;
  pemEncodedCertificate?: String_;
  tags?: MapOfStringToString;
}

export interface ClientCertificates {
  items?: ListOfClientCertificate;
  position?: String_;
}

export type ConnectionType = 'INTERNET' | 'VPC_LINK';

export type ContentHandlingStrategy = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

export interface CreateApiKeyRequest {
  customerId?: String_;
  description?: String_;
  enabled?: Boolean_;
  generateDistinctId?: Boolean_;
  name?: String_;
  stageKeys?: ListOfStageKeys;
  tags?: MapOfStringToString;
  value?: String_;
}

export interface CreateAuthorizerRequest {
  authType?: String_;
  authorizerCredentials?: String_;
  authorizerResultTtlInSeconds?: NullableInteger;
  authorizerUri?: String_;
  identitySource?: String_;
  identityValidationExpression?: String_;
  name: String_;
  providerARNs?: ListOfARNs;
  restApiId: String_;
  type: AuthorizerType;
}

export interface CreateBasePathMappingRequest {
  basePath?: String_;
  domainName: String_;
  domainNameId?: String_;
  restApiId: String_;
  stage?: String_;
}

export interface CreateDeploymentRequest {
  cacheClusterEnabled?: NullableBoolean;
  cacheClusterSize?: CacheClusterSize;
  canarySettings?: DeploymentCanarySettings;
  description?: String_;
  restApiId: String_;
  stageDescription?: String_;
  stageName?: String_;
  tracingEnabled?: NullableBoolean;
  variables?: MapOfStringToString;
}

export interface CreateDocumentationPartRequest {
  location: DocumentationPartLocation;
  properties: String_;
  restApiId: String_;
}

export interface CreateDocumentationVersionRequest {
  description?: String_;
  documentationVersion: String_;
  restApiId: String_;
  stageName?: String_;
}

export interface CreateDomainNameAccessAssociationRequest {
  accessAssociationSource: String_;
  accessAssociationSourceType: AccessAssociationSourceType;
  domainNameArn: String_;
  tags?: MapOfStringToString;
}

export interface CreateDomainNameRequest {
  certificateArn?: String_;
  certificateBody?: String_;
  certificateChain?: String_;
  certificateName?: String_;
  certificatePrivateKey?: String_;
  domainName: String_;
  endpointAccessMode?: EndpointAccessMode;
  endpointConfiguration?: EndpointConfiguration;
  mutualTlsAuthentication?: MutualTlsAuthenticationInput;
  ownershipVerificationCertificateArn?: String_;
  policy?: String_;
  regionalCertificateArn?: String_;
  regionalCertificateName?: String_;
  routingMode?: RoutingMode;
  securityPolicy?: SecurityPolicy;
  tags?: MapOfStringToString;
}

export interface CreateModelRequest {
  contentType: String_;
  description?: String_;
  name: String_;
  restApiId: String_;
  schema?: String_;
}

export interface CreateRequestValidatorRequest {
  name?: String_;
  restApiId: String_;
  validateRequestBody?: Boolean_;
  validateRequestParameters?: Boolean_;
}

export interface CreateResourceRequest {
  parentId: String_;
  pathPart: String_;
  restApiId: String_;
}

export interface CreateRestApiRequest {
  apiKeySource?: ApiKeySourceType;
  binaryMediaTypes?: ListOfString;
  cloneFrom?: String_;
  description?: String_;
  disableExecuteApiEndpoint?: Boolean_;
  endpointAccessMode?: EndpointAccessMode;
  endpointConfiguration?: EndpointConfiguration;
  minimumCompressionSize?: NullableInteger;
  name: String_;
  policy?: String_;
  securityPolicy?: SecurityPolicy;
  tags?: MapOfStringToString;
  version?: String_;
}

export interface CreateStageRequest {
  cacheClusterEnabled?: Boolean_;
  cacheClusterSize?: CacheClusterSize;
  canarySettings?: CanarySettings;
  deploymentId: String_;
  description?: String_;
  documentationVersion?: String_;
  restApiId: String_;
  stageName: String_;
  tags?: MapOfStringToString;
  tracingEnabled?: Boolean_;
  variables?: MapOfStringToString;
}

export interface CreateUsagePlanKeyRequest {
  keyId: String_;
  keyType: String_;
  usagePlanId: String_;
}

export interface CreateUsagePlanRequest {
  apiStages?: ListOfApiStage;
  description?: String_;
  name: String_;
  quota?: QuotaSettings;
  tags?: MapOfStringToString;
  throttle?: ThrottleSettings;
}

export interface CreateVpcLinkRequest {
  description?: String_;
  name: String_;
  tags?: MapOfStringToString;
  targetArns: ListOfString;
}

export interface DeleteApiKeyRequest {
  apiKey: String_;
}

export interface DeleteAuthorizerRequest {
  authorizerId: String_;
  restApiId: String_;
}

export interface DeleteBasePathMappingRequest {
  basePath: String_;
  domainName: String_;
  domainNameId?: String_;
}

export interface DeleteClientCertificateRequest {
  clientCertificateId: String_;
}

export interface DeleteDeploymentRequest {
  deploymentId: String_;
  restApiId: String_;
}

export interface DeleteDocumentationPartRequest {
  documentationPartId: String_;
  restApiId: String_;
}

export interface DeleteDocumentationVersionRequest {
  documentationVersion: String_;
  restApiId: String_;
}

export interface DeleteDomainNameAccessAssociationRequest {
  domainNameAccessAssociationArn: String_;
}

export interface DeleteDomainNameRequest {
  domainName: String_;
  domainNameId?: String_;
}

export interface DeleteGatewayResponseRequest {
  responseType: GatewayResponseType;
  restApiId: String_;
}

export interface DeleteIntegrationRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
}

export interface DeleteIntegrationResponseRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface DeleteMethodRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
}

export interface DeleteMethodResponseRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface DeleteModelRequest {
  modelName: String_;
  restApiId: String_;
}

export interface DeleteRequestValidatorRequest {
  requestValidatorId: String_;
  restApiId: String_;
}

export interface DeleteResourceRequest {
  resourceId: String_;
  restApiId: String_;
}

export interface DeleteRestApiRequest {
  restApiId: String_;
}

export interface DeleteStageRequest {
  restApiId: String_;
  stageName: String_;
}

export interface DeleteUsagePlanKeyRequest {
  keyId: String_;
  usagePlanId: String_;
}

export interface DeleteUsagePlanRequest {
  usagePlanId: String_;
}

export interface DeleteVpcLinkRequest {
  vpcLinkId: String_;
}

export interface Deployment {
  apiSummary?: PathToMapOfMethodSnapshot;
  createdDate?: Timestamp;
  description?: String_;
  id?: String_;
}

export interface DeploymentCanarySettings {
  percentTraffic?: Double;
  stageVariableOverrides?: MapOfStringToString;
  useStageCache?: Boolean_;
}

export interface Deployments {
  items?: ListOfDeployment;
  position?: String_;
}

export interface DocumentationPart {
  id?: String_;
  location?: DocumentationPartLocation;
  properties?: String_;
}

export interface DocumentationPartIds {
  ids?: ListOfString;
  warnings?: ListOfString;
}

export interface DocumentationPartLocation {
  method?: String_;
  name?: String_;
  path?: String_;
  statusCode?: DocumentationPartLocationStatusCode;
  type: DocumentationPartType;
}

export type DocumentationPartLocationStatusCode = string;

export type DocumentationPartType = 'API' | 'AUTHORIZER' | 'MODEL' | 'RESOURCE' | 'METHOD' | 'PATH_PARAMETER' | 'QUERY_PARAMETER' | 'REQUEST_HEADER' | 'REQUEST_BODY' | 'RESPONSE' | 'RESPONSE_HEADER' | 'RESPONSE_BODY';

export interface DocumentationParts {
  items?: ListOfDocumentationPart;
  position?: String_;
}

export interface DocumentationVersion {
  createdDate?: Timestamp;
  description?: String_;
  version?: String_;
}

export interface DocumentationVersions {
  items?: ListOfDocumentationVersion;
  position?: String_;
}

export interface DomainName {
  certificateArn?: String_;
  certificateName?: String_;
  certificateUploadDate?: Timestamp;
  distributionDomainName?: String_;
  distributionHostedZoneId?: String_;
  domainName?: String_;
  domainNameArn?: String_;
  domainNameId?: String_;
  domainNameStatus?: DomainNameStatus;
  domainNameStatusMessage?: String_;
  endpointAccessMode?: EndpointAccessMode;
  endpointConfiguration?: EndpointConfiguration;
  managementPolicy?: String_;
  mutualTlsAuthentication?: MutualTlsAuthentication;
  ownershipVerificationCertificateArn?: String_;
  policy?: String_;
  regionalCertificateArn?: String_;
  regionalCertificateName?: String_;
  regionalDomainName?: String_;
  regionalHostedZoneId?: String_;
  routingMode?: RoutingMode;
  securityPolicy?: SecurityPolicy;
  tags?: MapOfStringToString;
}

export interface DomainNameAccessAssociation {
  accessAssociationSource?: String_;
  accessAssociationSourceType?: AccessAssociationSourceType;
  domainNameAccessAssociationArn?: String_;
  domainNameArn?: String_;
  tags?: MapOfStringToString;
}

export interface DomainNameAccessAssociations {
  items?: ListOfDomainNameAccessAssociation;
  position?: String_;
}

export type DomainNameStatus = 'AVAILABLE' | 'UPDATING' | 'PENDING' | 'PENDING_CERTIFICATE_REIMPORT' | 'PENDING_OWNERSHIP_VERIFICATION' | 'FAILED';

export interface DomainNames {
  items?: ListOfDomainName;
  position?: String_;
}

export type Double = number;

export type EndpointAccessMode = 'BASIC' | 'STRICT';

export interface EndpointConfiguration {
  ipAddressType?: IpAddressType;
  types?: ListOfEndpointType;
  vpcEndpointIds?: ListOfString;
}

export type EndpointType = 'REGIONAL' | 'EDGE' | 'PRIVATE';

export interface ExportResponse {
  body?: Blob_;
  contentDisposition?: String_;
  contentType?: String_;
}

export interface FlushStageAuthorizersCacheRequest {
  restApiId: String_;
  stageName: String_;
}

export interface FlushStageCacheRequest {
  restApiId: String_;
  stageName: String_;
}

export interface GatewayResponse {
  defaultResponse?: Boolean_;
  responseParameters?: MapOfStringToString;
  responseTemplates?: MapOfStringToString;
  responseType?: GatewayResponseType;
  statusCode?: StatusCode;
}

export type GatewayResponseType = 'DEFAULT_4XX' | 'DEFAULT_5XX' | 'RESOURCE_NOT_FOUND' | 'UNAUTHORIZED' | 'INVALID_API_KEY' | 'ACCESS_DENIED' | 'AUTHORIZER_FAILURE' | 'AUTHORIZER_CONFIGURATION_ERROR' | 'INVALID_SIGNATURE' | 'EXPIRED_TOKEN' | 'MISSING_AUTHENTICATION_TOKEN' | 'INTEGRATION_FAILURE' | 'INTEGRATION_TIMEOUT' | 'API_CONFIGURATION_ERROR' | 'UNSUPPORTED_MEDIA_TYPE' | 'BAD_REQUEST_PARAMETERS' | 'BAD_REQUEST_BODY' | 'REQUEST_TOO_LARGE' | 'THROTTLED' | 'QUOTA_EXCEEDED' | 'WAF_FILTERED';

export interface GatewayResponses {
  items?: ListOfGatewayResponse;
  position?: String_;
}

export interface GenerateClientCertificateRequest {
  description?: String_;
  tags?: MapOfStringToString;
}

export interface GetAccountRequest {}

export interface GetApiKeyRequest {
  apiKey: String_;
  includeValue?: NullableBoolean;
}

export interface GetApiKeysRequest {
  customerId?: String_;
  includeValues?: NullableBoolean;
  limit?: NullableInteger;
  nameQuery?: String_;
  position?: String_;
}

export interface GetAuthorizerRequest {
  authorizerId: String_;
  restApiId: String_;
}

export interface GetAuthorizersRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetBasePathMappingRequest {
  basePath: String_;
  domainName: String_;
  domainNameId?: String_;
}

export interface GetBasePathMappingsRequest {
  domainName: String_;
  domainNameId?: String_;
  limit?: NullableInteger;
  position?: String_;
}

export interface GetClientCertificateRequest {
  clientCertificateId: String_;
}

export interface GetClientCertificatesRequest {
  limit?: NullableInteger;
  position?: String_;
}

export interface GetDeploymentRequest {
  deploymentId: String_;
  embed?: ListOfString;
  restApiId: String_;
}

export interface GetDeploymentsRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetDocumentationPartRequest {
  documentationPartId: String_;
  restApiId: String_;
}

export interface GetDocumentationPartsRequest {
  limit?: NullableInteger;
  locationStatus?: LocationStatusType;
  nameQuery?: String_;
  path?: String_;
  position?: String_;
  restApiId: String_;
  type?: DocumentationPartType;
}

export interface GetDocumentationVersionRequest {
  documentationVersion: String_;
  restApiId: String_;
}

export interface GetDocumentationVersionsRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetDomainNameAccessAssociationsRequest {
  limit?: NullableInteger;
  position?: String_;
  resourceOwner?: ResourceOwner;
}

export interface GetDomainNameRequest {
  domainName: String_;
  domainNameId?: String_;
}

export interface GetDomainNamesRequest {
  limit?: NullableInteger;
  position?: String_;
  resourceOwner?: ResourceOwner;
}

export interface GetExportRequest {
  accepts?: String_;
  exportType: String_;
  parameters?: MapOfStringToString;
  restApiId: String_;
  stageName: String_;
}

export interface GetGatewayResponseRequest {
  responseType: GatewayResponseType;
  restApiId: String_;
}

export interface GetGatewayResponsesRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetIntegrationRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
}

export interface GetIntegrationResponseRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface GetMethodRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
}

export interface GetMethodResponseRequest {
  httpMethod: String_;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface GetModelRequest {
  flatten?: Boolean_;
  modelName: String_;
  restApiId: String_;
}

export interface GetModelTemplateRequest {
  modelName: String_;
  restApiId: String_;
}

export interface GetModelsRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetRequestValidatorRequest {
  requestValidatorId: String_;
  restApiId: String_;
}

export interface GetRequestValidatorsRequest {
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetResourceRequest {
  embed?: ListOfString;
  resourceId: String_;
  restApiId: String_;
}

export interface GetResourcesRequest {
  embed?: ListOfString;
  limit?: NullableInteger;
  position?: String_;
  restApiId: String_;
}

export interface GetRestApiRequest {
  restApiId: String_;
}

export interface GetRestApisRequest {
  limit?: NullableInteger;
  position?: String_;
}

export interface GetSdkRequest {
  parameters?: MapOfStringToString;
  restApiId: String_;
  sdkType: String_;
  stageName: String_;
}

export interface GetSdkTypeRequest {
  id: String_;
}

export interface GetSdkTypesRequest {
  limit?: NullableInteger;
  position?: String_;
}

export interface GetStageRequest {
  restApiId: String_;
  stageName: String_;
}

export interface GetStagesRequest {
  deploymentId?: String_;
  restApiId: String_;
}

export interface GetTagsRequest {
  limit?: NullableInteger;
  position?: String_;
  resourceArn: String_;
}

export interface GetUsagePlanKeyRequest {
  keyId: String_;
  usagePlanId: String_;
}

export interface GetUsagePlanKeysRequest {
  limit?: NullableInteger;
  nameQuery?: String_;
  position?: String_;
  usagePlanId: String_;
}

export interface GetUsagePlanRequest {
  usagePlanId: String_;
}

export interface GetUsagePlansRequest {
  keyId?: String_;
  limit?: NullableInteger;
  position?: String_;
}

export interface GetUsageRequest {
  endDate: String_;
  keyId?: String_;
  limit?: NullableInteger;
  position?: String_;
  startDate: String_;
  usagePlanId: String_;
}

export interface GetVpcLinkRequest {
  vpcLinkId: String_;
}

export interface GetVpcLinksRequest {
  limit?: NullableInteger;
  position?: String_;
}

export interface ImportApiKeysRequest {
  body: Blob_;
  failOnWarnings?: Boolean_;
  format: ApiKeysFormat;
}

export interface ImportDocumentationPartsRequest {
  body: Blob_;
  failOnWarnings?: Boolean_;
  mode?: PutMode;
  restApiId: String_;
}

export interface ImportRestApiRequest {
  body: Blob_;
  failOnWarnings?: Boolean_;
  parameters?: MapOfStringToString;
}

export type Integer = number;

export interface Integration {
  cacheKeyParameters?: ListOfString;
  cacheNamespace?: String_;
  connectionId?: String_;
  connectionType?: ConnectionType;
  contentHandling?: ContentHandlingStrategy;
  credentials?: String_;
  httpMethod?: String_;
  integrationResponses?: MapOfIntegrationResponse;
  integrationTarget?: String_;
  passthroughBehavior?: String_;
  requestParameters?: MapOfStringToString;
  requestTemplates?: MapOfStringToString;
  responseTransferMode?: ResponseTransferMode;
  timeoutInMillis?: Integer;
  tlsConfig?: TlsConfig;
  type?: IntegrationType;
  uri?: String_;
}

export interface IntegrationResponse {
  contentHandling?: ContentHandlingStrategy;
  responseParameters?: MapOfStringToString;
  responseTemplates?: MapOfStringToString;
  selectionPattern?: String_;
  statusCode?: StatusCode;
}

export type IntegrationType = 'HTTP' | 'AWS' | 'MOCK' | 'HTTP_PROXY' | 'AWS_PROXY';

export type IpAddressType = 'ipv4' | 'dualstack';

export type ListOfARNs = ProviderARN[];

export type ListOfApiKey = ApiKey[];

export type ListOfApiStage = ApiStage[];

export type ListOfAuthorizer = Authorizer[];

export type ListOfBasePathMapping = BasePathMapping[];

export type ListOfClientCertificate = ClientCertificate[];

export type ListOfDeployment = Deployment[];

export type ListOfDocumentationPart = DocumentationPart[];

export type ListOfDocumentationVersion = DocumentationVersion[];

export type ListOfDomainName = DomainName[];

export type ListOfDomainNameAccessAssociation = DomainNameAccessAssociation[];

export type ListOfEndpointType = EndpointType[];

export type ListOfGatewayResponse = GatewayResponse[];

export type ListOfLong = Long[];

export type ListOfModel = Model[];

export type ListOfPatchOperation = PatchOperation[];

export type ListOfRequestValidator = RequestValidator[];

export type ListOfResource = Resource[];

export type ListOfRestApi = RestApi[];

export type ListOfSdkConfigurationProperty = SdkConfigurationProperty[];

export type ListOfSdkType = SdkType[];

export type ListOfStage = Stage[];

export type ListOfStageKeys = StageKey[];

export type ListOfString = String_[];

export type ListOfUsage = ListOfLong[];

export type ListOfUsagePlan = UsagePlan[];

export type ListOfUsagePlanKey = UsagePlanKey[];

export type ListOfVpcLink = VpcLink[];

export type LocationStatusType = 'DOCUMENTED' | 'UNDOCUMENTED';

export type Long = number;

export type MapOfApiStageThrottleSettings = Record<string, ThrottleSettings>;

export type MapOfIntegrationResponse = Record<string, IntegrationResponse>;

export type MapOfKeyUsages = Record<string, ListOfUsage>;

export type MapOfMethod = Record<string, Method>;

export type MapOfMethodResponse = Record<string, MethodResponse>;

export type MapOfMethodSettings = Record<string, MethodSetting>;

export type MapOfMethodSnapshot = Record<string, MethodSnapshot>;

export type MapOfStringToBoolean = Record<string, NullableBoolean>;

export type MapOfStringToList = Record<string, ListOfString>;

export type MapOfStringToString = Record<string, String_>;

export interface Method {
  apiKeyRequired?: NullableBoolean;
  authorizationScopes?: ListOfString;
  authorizationType?: String_;
  authorizerId?: String_;
  httpMethod?: String_;
  methodIntegration?: Integration;
  methodResponses?: MapOfMethodResponse;
  operationName?: String_;
  requestModels?: MapOfStringToString;
  requestParameters?: MapOfStringToBoolean;
  requestValidatorId?: String_;
}

export interface MethodResponse {
  responseModels?: MapOfStringToString;
  responseParameters?: MapOfStringToBoolean;
  statusCode?: StatusCode;
}

export interface MethodSetting {
  cacheDataEncrypted?: Boolean_;
  cacheTtlInSeconds?: Integer;
  cachingEnabled?: Boolean_;
  dataTraceEnabled?: Boolean_;
  loggingLevel?: String_;
  metricsEnabled?: Boolean_;
  requireAuthorizationForCacheControl?: Boolean_;
  throttlingBurstLimit?: Integer;
  throttlingRateLimit?: Double;
  unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy;
}

export interface MethodSnapshot {
  apiKeyRequired?: Boolean_;
  authorizationType?: String_;
}

export interface Model {
  contentType?: String_;
  description?: String_;
  id?: String_;
  name?: String_;
  schema?: String_;
}

export interface Models {
  items?: ListOfModel;
  position?: String_;
}

export interface MutualTlsAuthentication {
  truststoreUri?: String_;
  truststoreVersion?: String_;
  truststoreWarnings?: ListOfString;
}

export interface MutualTlsAuthenticationInput {
  truststoreUri?: String_;
  truststoreVersion?: String_;
}

export type NullableBoolean = boolean;

export type NullableInteger = number;

export type Op = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';

export interface PatchOperation {
  from?: String_;
  op?: Op;
  path?: String_;
  value?: String_;
}

export type PathToMapOfMethodSnapshot = Record<string, MapOfMethodSnapshot>;

export type ProviderARN = string;

export interface PutGatewayResponseRequest {
  responseParameters?: MapOfStringToString;
  responseTemplates?: MapOfStringToString;
  responseType: GatewayResponseType;
  restApiId: String_;
  statusCode?: StatusCode;
}

export interface PutIntegrationRequest {
  cacheKeyParameters?: ListOfString;
  cacheNamespace?: String_;
  connectionId?: String_;
  connectionType?: ConnectionType;
  contentHandling?: ContentHandlingStrategy;
  credentials?: String_;
  httpMethod: String_;
  integrationHttpMethod?: String_;
  integrationTarget?: String_;
  passthroughBehavior?: String_;
  requestParameters?: MapOfStringToString;
  requestTemplates?: MapOfStringToString;
  resourceId: String_;
  responseTransferMode?: ResponseTransferMode;
  restApiId: String_;
  timeoutInMillis?: NullableInteger;
  tlsConfig?: TlsConfig;
  type: IntegrationType;
  uri?: String_;
}

export interface PutIntegrationResponseRequest {
  contentHandling?: ContentHandlingStrategy;
  httpMethod: String_;
  resourceId: String_;
  responseParameters?: MapOfStringToString;
  responseTemplates?: MapOfStringToString;
  restApiId: String_;
  selectionPattern?: String_;
  statusCode: StatusCode;
}

export interface PutMethodRequest {
  apiKeyRequired?: Boolean_;
  authorizationScopes?: ListOfString;
  authorizationType: String_;
  authorizerId?: String_;
  httpMethod: String_;
  operationName?: String_;
  requestModels?: MapOfStringToString;
  requestParameters?: MapOfStringToBoolean;
  requestValidatorId?: String_;
  resourceId: String_;
  restApiId: String_;
}

export interface PutMethodResponseRequest {
  httpMethod: String_;
  resourceId: String_;
  responseModels?: MapOfStringToString;
  responseParameters?: MapOfStringToBoolean;
  restApiId: String_;
  statusCode: StatusCode;
}

export type PutMode = 'merge' | 'overwrite';

export interface PutRestApiRequest {
  body: Blob_;
  failOnWarnings?: Boolean_;
  mode?: PutMode;
  parameters?: MapOfStringToString;
  restApiId: String_;
}

export type QuotaPeriodType = 'DAY' | 'WEEK' | 'MONTH';

export interface QuotaSettings {
  limit?: Integer;
  offset?: Integer;
  period?: QuotaPeriodType;
}

export interface RejectDomainNameAccessAssociationRequest {
  domainNameAccessAssociationArn: String_;
  domainNameArn: String_;
}

export interface RequestValidator {
  id?: String_;
  name?: String_;
  validateRequestBody?: Boolean_;
  validateRequestParameters?: Boolean_;
}

export interface RequestValidators {
  items?: ListOfRequestValidator;
  position?: String_;
}

export interface Resource {
  id?: String_;
  parentId?: String_;
  path?: String_;
  pathPart?: String_;
  resourceMethods?: MapOfMethod;
}

export type ResourceOwner = 'SELF' | 'OTHER_ACCOUNTS';

export interface Resources {
  items?: ListOfResource;
  position?: String_;
}

export type ResponseTransferMode = 'BUFFERED' | 'STREAM';

export interface RestApi {
  apiKeySource?: ApiKeySourceType;
  apiStatus?: ApiStatus;
  apiStatusMessage?: String_;
  binaryMediaTypes?: ListOfString;
  createdDate?: Timestamp;
  description?: String_;
  disableExecuteApiEndpoint?: Boolean_;
  endpointAccessMode?: EndpointAccessMode;
  endpointConfiguration?: EndpointConfiguration;
  id?: String_;
  minimumCompressionSize?: NullableInteger;
  name?: String_;
  policy?: String_;
  rootResourceId?: String_;
  securityPolicy?: SecurityPolicy;
  tags?: MapOfStringToString;
  version?: String_;
  warnings?: ListOfString;
}

export interface RestApis {
  items?: ListOfRestApi;
  position?: String_;
}

export type RoutingMode = 'BASE_PATH_MAPPING_ONLY' | 'ROUTING_RULE_ONLY' | 'ROUTING_RULE_THEN_BASE_PATH_MAPPING';

export interface SdkConfigurationProperty {
  defaultValue?: String_;
  description?: String_;
  friendlyName?: String_;
  name?: String_;
  required?: Boolean_;
}

export interface SdkResponse {
  body?: Blob_;
  contentDisposition?: String_;
  contentType?: String_;
}

export interface SdkType {
  configurationProperties?: ListOfSdkConfigurationProperty;
  description?: String_;
  friendlyName?: String_;
  id?: String_;
}

export interface SdkTypes {
  items?: ListOfSdkType;
  position?: String_;
}

export type SecurityPolicy = 'TLS_1_0' | 'TLS_1_2' | 'SecurityPolicy_TLS13_1_3_2025_09' | 'SecurityPolicy_TLS13_1_3_FIPS_2025_09' | 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09' | 'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09' | 'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09' | 'SecurityPolicy_TLS13_1_2_PQ_2025_09' | 'SecurityPolicy_TLS13_1_2_2021_06' | 'SecurityPolicy_TLS13_2025_EDGE' | 'SecurityPolicy_TLS12_PFS_2025_EDGE' | 'SecurityPolicy_TLS12_2018_EDGE';

export interface Stage {
  accessLogSettings?: AccessLogSettings;
  cacheClusterEnabled?: Boolean_;
  cacheClusterSize?: CacheClusterSize;
  cacheClusterStatus?: CacheClusterStatus;
  canarySettings?: CanarySettings;
  clientCertificateId?: String_;
  createdDate?: Timestamp;
  deploymentId?: String_;
  description?: String_;
  documentationVersion?: String_;
  lastUpdatedDate?: Timestamp;
  methodSettings?: MapOfMethodSettings;
  stageName?: String_;
  tags?: MapOfStringToString;
  tracingEnabled?: Boolean_;
  variables?: MapOfStringToString;
  webAclArn?: String_;
}

export interface StageKey {
  restApiId?: String_;
  stageName?: String_;
}

export interface Stages {
  item?: ListOfStage;
}

export type StatusCode = string;

export type String_ = string;

export interface TagResourceRequest {
  resourceArn: String_;
  tags: MapOfStringToString;
}

export interface Tags {
  tags?: MapOfStringToString;
}

export interface Template {
  value?: String_;
}

export interface TestInvokeAuthorizerRequest {
  additionalContext?: MapOfStringToString;
  authorizerId: String_;
  body?: String_;
  headers?: MapOfStringToString;
  multiValueHeaders?: MapOfStringToList;
  pathWithQueryString?: String_;
  restApiId: String_;
  stageVariables?: MapOfStringToString;
}

export interface TestInvokeAuthorizerResponse {
  authorization?: MapOfStringToList;
  claims?: MapOfStringToString;
  clientStatus?: Integer;
  latency?: Long;
  log?: String_;
  policy?: String_;
  principalId?: String_;
}

export interface TestInvokeMethodRequest {
  body?: String_;
  clientCertificateId?: String_;
  headers?: MapOfStringToString;
  httpMethod: String_;
  multiValueHeaders?: MapOfStringToList;
  pathWithQueryString?: String_;
  resourceId: String_;
  restApiId: String_;
  stageVariables?: MapOfStringToString;
}

export interface TestInvokeMethodResponse {
  body?: String_;
  headers?: MapOfStringToString;
  latency?: Long;
  log?: String_;
  multiValueHeaders?: MapOfStringToList;
  status?: Integer;
}

export interface ThrottleSettings {
  burstLimit?: Integer;
  rateLimit?: Double;
}

export type Timestamp = Date;

export interface TlsConfig {
  insecureSkipVerification?: Boolean_;
}

export type UnauthorizedCacheControlHeaderStrategy = 'FAIL_WITH_403' | 'SUCCEED_WITH_RESPONSE_HEADER' | 'SUCCEED_WITHOUT_RESPONSE_HEADER';

export interface UntagResourceRequest {
  resourceArn: String_;
  tagKeys: ListOfString;
}

export interface UpdateAccountRequest {
  patchOperations?: ListOfPatchOperation;
}

export interface UpdateApiKeyRequest {
  apiKey: String_;
  patchOperations?: ListOfPatchOperation;
}

export interface UpdateAuthorizerRequest {
  authorizerId: String_;
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateBasePathMappingRequest {
  basePath: String_;
  domainName: String_;
  domainNameId?: String_;
  patchOperations?: ListOfPatchOperation;
}

export interface UpdateClientCertificateRequest {
  clientCertificateId: String_;
  patchOperations?: ListOfPatchOperation;
}

export interface UpdateDeploymentRequest {
  deploymentId: String_;
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateDocumentationPartRequest {
  documentationPartId: String_;
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateDocumentationVersionRequest {
  documentationVersion: String_;
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateDomainNameRequest {
  domainName: String_;
  domainNameId?: String_;
  patchOperations?: ListOfPatchOperation;
}

export interface UpdateGatewayResponseRequest {
  patchOperations?: ListOfPatchOperation;
  responseType: GatewayResponseType;
  restApiId: String_;
}

export interface UpdateIntegrationRequest {
  httpMethod: String_;
  patchOperations?: ListOfPatchOperation;
  resourceId: String_;
  restApiId: String_;
}

export interface UpdateIntegrationResponseRequest {
  httpMethod: String_;
  patchOperations?: ListOfPatchOperation;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface UpdateMethodRequest {
  httpMethod: String_;
  patchOperations?: ListOfPatchOperation;
  resourceId: String_;
  restApiId: String_;
}

export interface UpdateMethodResponseRequest {
  httpMethod: String_;
  patchOperations?: ListOfPatchOperation;
  resourceId: String_;
  restApiId: String_;
  statusCode: StatusCode;
}

export interface UpdateModelRequest {
  modelName: String_;
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateRequestValidatorRequest {
  patchOperations?: ListOfPatchOperation;
  requestValidatorId: String_;
  restApiId: String_;
}

export interface UpdateResourceRequest {
  patchOperations?: ListOfPatchOperation;
  resourceId: String_;
  restApiId: String_;
}

export interface UpdateRestApiRequest {
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
}

export interface UpdateStageRequest {
  patchOperations?: ListOfPatchOperation;
  restApiId: String_;
  stageName: String_;
}

export interface UpdateUsagePlanRequest {
  patchOperations?: ListOfPatchOperation;
  usagePlanId: String_;
}

export interface UpdateUsageRequest {
  keyId: String_;
  patchOperations?: ListOfPatchOperation;
  usagePlanId: String_;
}

export interface UpdateVpcLinkRequest {
  patchOperations?: ListOfPatchOperation;
  vpcLinkId: String_;
}

export interface Usage {
  endDate?: String_;
  items?: MapOfKeyUsages;
  position?: String_;
  startDate?: String_;
  usagePlanId?: String_;
}

export interface UsagePlan {
  apiStages?: ListOfApiStage;
  description?: String_;
  id?: String_;
  name?: String_;
  productCode?: String_;
  quota?: QuotaSettings;
  tags?: MapOfStringToString;
  throttle?: ThrottleSettings;
}

export interface UsagePlanKey {
  id?: String_;
  name?: String_;
  type?: String_;
  value?: String_;
}

export interface UsagePlanKeys {
  items?: ListOfUsagePlanKey;
  position?: String_;
}

export interface UsagePlans {
  items?: ListOfUsagePlan;
  position?: String_;
}

export interface VpcLink {
  description?: String_;
  id?: String_;
  name?: String_;
  status?: VpcLinkStatus;
  statusMessage?: String_;
  tags?: MapOfStringToString;
  targetArns?: ListOfString;
}

export type VpcLinkStatus = 'AVAILABLE' | 'PENDING' | 'DELETING' | 'FAILED';

export interface VpcLinks {
  items?: ListOfVpcLink;
  position?: String_;
}

// Operations

export interface APIGatewayApi {
  CreateApiKey(ctx: RequestContext, input: CreateApiKeyRequest): Promise<ApiKey>;
  CreateAuthorizer(ctx: RequestContext, input: CreateAuthorizerRequest): Promise<Authorizer>;
  CreateBasePathMapping(ctx: RequestContext, input: CreateBasePathMappingRequest): Promise<BasePathMapping>;
  CreateDeployment(ctx: RequestContext, input: CreateDeploymentRequest): Promise<Deployment>;
  CreateDocumentationPart(ctx: RequestContext, input: CreateDocumentationPartRequest): Promise<DocumentationPart>;
  CreateDocumentationVersion(ctx: RequestContext, input: CreateDocumentationVersionRequest): Promise<DocumentationVersion>;
  CreateDomainName(ctx: RequestContext, input: CreateDomainNameRequest): Promise<DomainName>;
  CreateDomainNameAccessAssociation(ctx: RequestContext, input: CreateDomainNameAccessAssociationRequest): Promise<DomainNameAccessAssociation>;
  CreateModel(ctx: RequestContext, input: CreateModelRequest): Promise<Model>;
  CreateRequestValidator(ctx: RequestContext, input: CreateRequestValidatorRequest): Promise<RequestValidator>;
  CreateResource(ctx: RequestContext, input: CreateResourceRequest): Promise<Resource>;
  CreateRestApi(ctx: RequestContext, input: CreateRestApiRequest): Promise<RestApi>;
  CreateStage(ctx: RequestContext, input: CreateStageRequest): Promise<Stage>;
  CreateUsagePlan(ctx: RequestContext, input: CreateUsagePlanRequest): Promise<UsagePlan>;
  CreateUsagePlanKey(ctx: RequestContext, input: CreateUsagePlanKeyRequest): Promise<UsagePlanKey>;
  CreateVpcLink(ctx: RequestContext, input: CreateVpcLinkRequest): Promise<VpcLink>;
  DeleteApiKey(ctx: RequestContext, input: DeleteApiKeyRequest): Promise<void>;
  DeleteAuthorizer(ctx: RequestContext, input: DeleteAuthorizerRequest): Promise<void>;
  DeleteBasePathMapping(ctx: RequestContext, input: DeleteBasePathMappingRequest): Promise<void>;
  DeleteClientCertificate(ctx: RequestContext, input: DeleteClientCertificateRequest): Promise<void>;
  DeleteDeployment(ctx: RequestContext, input: DeleteDeploymentRequest): Promise<void>;
  DeleteDocumentationPart(ctx: RequestContext, input: DeleteDocumentationPartRequest): Promise<void>;
  DeleteDocumentationVersion(ctx: RequestContext, input: DeleteDocumentationVersionRequest): Promise<void>;
  DeleteDomainName(ctx: RequestContext, input: DeleteDomainNameRequest): Promise<void>;
  DeleteDomainNameAccessAssociation(ctx: RequestContext, input: DeleteDomainNameAccessAssociationRequest): Promise<void>;
  DeleteGatewayResponse(ctx: RequestContext, input: DeleteGatewayResponseRequest): Promise<void>;
  DeleteIntegration(ctx: RequestContext, input: DeleteIntegrationRequest): Promise<void>;
  DeleteIntegrationResponse(ctx: RequestContext, input: DeleteIntegrationResponseRequest): Promise<void>;
  DeleteMethod(ctx: RequestContext, input: DeleteMethodRequest): Promise<void>;
  DeleteMethodResponse(ctx: RequestContext, input: DeleteMethodResponseRequest): Promise<void>;
  DeleteModel(ctx: RequestContext, input: DeleteModelRequest): Promise<void>;
  DeleteRequestValidator(ctx: RequestContext, input: DeleteRequestValidatorRequest): Promise<void>;
  DeleteResource(ctx: RequestContext, input: DeleteResourceRequest): Promise<void>;
  DeleteRestApi(ctx: RequestContext, input: DeleteRestApiRequest): Promise<void>;
  DeleteStage(ctx: RequestContext, input: DeleteStageRequest): Promise<void>;
  DeleteUsagePlan(ctx: RequestContext, input: DeleteUsagePlanRequest): Promise<void>;
  DeleteUsagePlanKey(ctx: RequestContext, input: DeleteUsagePlanKeyRequest): Promise<void>;
  DeleteVpcLink(ctx: RequestContext, input: DeleteVpcLinkRequest): Promise<void>;
  FlushStageAuthorizersCache(ctx: RequestContext, input: FlushStageAuthorizersCacheRequest): Promise<void>;
  FlushStageCache(ctx: RequestContext, input: FlushStageCacheRequest): Promise<void>;
  GenerateClientCertificate(ctx: RequestContext, input: GenerateClientCertificateRequest): Promise<ClientCertificate>;
  GetAccount(ctx: RequestContext, input: GetAccountRequest): Promise<Account>;
  GetApiKey(ctx: RequestContext, input: GetApiKeyRequest): Promise<ApiKey>;
  GetApiKeys(ctx: RequestContext, input: GetApiKeysRequest): Promise<ApiKeys>;
  GetAuthorizer(ctx: RequestContext, input: GetAuthorizerRequest): Promise<Authorizer>;
  GetAuthorizers(ctx: RequestContext, input: GetAuthorizersRequest): Promise<Authorizers>;
  GetBasePathMapping(ctx: RequestContext, input: GetBasePathMappingRequest): Promise<BasePathMapping>;
  GetBasePathMappings(ctx: RequestContext, input: GetBasePathMappingsRequest): Promise<BasePathMappings>;
  GetClientCertificate(ctx: RequestContext, input: GetClientCertificateRequest): Promise<ClientCertificate>;
  GetClientCertificates(ctx: RequestContext, input: GetClientCertificatesRequest): Promise<ClientCertificates>;
  GetDeployment(ctx: RequestContext, input: GetDeploymentRequest): Promise<Deployment>;
  GetDeployments(ctx: RequestContext, input: GetDeploymentsRequest): Promise<Deployments>;
  GetDocumentationPart(ctx: RequestContext, input: GetDocumentationPartRequest): Promise<DocumentationPart>;
  GetDocumentationParts(ctx: RequestContext, input: GetDocumentationPartsRequest): Promise<DocumentationParts>;
  GetDocumentationVersion(ctx: RequestContext, input: GetDocumentationVersionRequest): Promise<DocumentationVersion>;
  GetDocumentationVersions(ctx: RequestContext, input: GetDocumentationVersionsRequest): Promise<DocumentationVersions>;
  GetDomainName(ctx: RequestContext, input: GetDomainNameRequest): Promise<DomainName>;
  GetDomainNameAccessAssociations(ctx: RequestContext, input: GetDomainNameAccessAssociationsRequest): Promise<DomainNameAccessAssociations>;
  GetDomainNames(ctx: RequestContext, input: GetDomainNamesRequest): Promise<DomainNames>;
  GetExport(ctx: RequestContext, input: GetExportRequest): Promise<ExportResponse>;
  GetGatewayResponse(ctx: RequestContext, input: GetGatewayResponseRequest): Promise<GatewayResponse>;
  GetGatewayResponses(ctx: RequestContext, input: GetGatewayResponsesRequest): Promise<GatewayResponses>;
  GetIntegration(ctx: RequestContext, input: GetIntegrationRequest): Promise<Integration>;
  GetIntegrationResponse(ctx: RequestContext, input: GetIntegrationResponseRequest): Promise<IntegrationResponse>;
  GetMethod(ctx: RequestContext, input: GetMethodRequest): Promise<Method>;
  GetMethodResponse(ctx: RequestContext, input: GetMethodResponseRequest): Promise<MethodResponse>;
  GetModel(ctx: RequestContext, input: GetModelRequest): Promise<Model>;
  GetModelTemplate(ctx: RequestContext, input: GetModelTemplateRequest): Promise<Template>;
  GetModels(ctx: RequestContext, input: GetModelsRequest): Promise<Models>;
  GetRequestValidator(ctx: RequestContext, input: GetRequestValidatorRequest): Promise<RequestValidator>;
  GetRequestValidators(ctx: RequestContext, input: GetRequestValidatorsRequest): Promise<RequestValidators>;
  GetResource(ctx: RequestContext, input: GetResourceRequest): Promise<Resource>;
  GetResources(ctx: RequestContext, input: GetResourcesRequest): Promise<Resources>;
  GetRestApi(ctx: RequestContext, input: GetRestApiRequest): Promise<RestApi>;
  GetRestApis(ctx: RequestContext, input: GetRestApisRequest): Promise<RestApis>;
  GetSdk(ctx: RequestContext, input: GetSdkRequest): Promise<SdkResponse>;
  GetSdkType(ctx: RequestContext, input: GetSdkTypeRequest): Promise<SdkType>;
  GetSdkTypes(ctx: RequestContext, input: GetSdkTypesRequest): Promise<SdkTypes>;
  GetStage(ctx: RequestContext, input: GetStageRequest): Promise<Stage>;
  GetStages(ctx: RequestContext, input: GetStagesRequest): Promise<Stages>;
  GetTags(ctx: RequestContext, input: GetTagsRequest): Promise<Tags>;
  GetUsage(ctx: RequestContext, input: GetUsageRequest): Promise<Usage>;
  GetUsagePlan(ctx: RequestContext, input: GetUsagePlanRequest): Promise<UsagePlan>;
  GetUsagePlanKey(ctx: RequestContext, input: GetUsagePlanKeyRequest): Promise<UsagePlanKey>;
  GetUsagePlanKeys(ctx: RequestContext, input: GetUsagePlanKeysRequest): Promise<UsagePlanKeys>;
  GetUsagePlans(ctx: RequestContext, input: GetUsagePlansRequest): Promise<UsagePlans>;
  GetVpcLink(ctx: RequestContext, input: GetVpcLinkRequest): Promise<VpcLink>;
  GetVpcLinks(ctx: RequestContext, input: GetVpcLinksRequest): Promise<VpcLinks>;
  ImportApiKeys(ctx: RequestContext, input: ImportApiKeysRequest): Promise<ApiKeyIds>;
  ImportDocumentationParts(ctx: RequestContext, input: ImportDocumentationPartsRequest): Promise<DocumentationPartIds>;
  ImportRestApi(ctx: RequestContext, input: ImportRestApiRequest): Promise<RestApi>;
  PutGatewayResponse(ctx: RequestContext, input: PutGatewayResponseRequest): Promise<GatewayResponse>;
  PutIntegration(ctx: RequestContext, input: PutIntegrationRequest): Promise<Integration>;
  PutIntegrationResponse(ctx: RequestContext, input: PutIntegrationResponseRequest): Promise<IntegrationResponse>;
  PutMethod(ctx: RequestContext, input: PutMethodRequest): Promise<Method>;
  PutMethodResponse(ctx: RequestContext, input: PutMethodResponseRequest): Promise<MethodResponse>;
  PutRestApi(ctx: RequestContext, input: PutRestApiRequest): Promise<RestApi>;
  RejectDomainNameAccessAssociation(ctx: RequestContext, input: RejectDomainNameAccessAssociationRequest): Promise<void>;
  TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void>;
  TestInvokeAuthorizer(ctx: RequestContext, input: TestInvokeAuthorizerRequest): Promise<TestInvokeAuthorizerResponse>;
  TestInvokeMethod(ctx: RequestContext, input: TestInvokeMethodRequest): Promise<TestInvokeMethodResponse>;
  UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void>;
  UpdateAccount(ctx: RequestContext, input: UpdateAccountRequest): Promise<Account>;
  UpdateApiKey(ctx: RequestContext, input: UpdateApiKeyRequest): Promise<ApiKey>;
  UpdateAuthorizer(ctx: RequestContext, input: UpdateAuthorizerRequest): Promise<Authorizer>;
  UpdateBasePathMapping(ctx: RequestContext, input: UpdateBasePathMappingRequest): Promise<BasePathMapping>;
  UpdateClientCertificate(ctx: RequestContext, input: UpdateClientCertificateRequest): Promise<ClientCertificate>;
  UpdateDeployment(ctx: RequestContext, input: UpdateDeploymentRequest): Promise<Deployment>;
  UpdateDocumentationPart(ctx: RequestContext, input: UpdateDocumentationPartRequest): Promise<DocumentationPart>;
  UpdateDocumentationVersion(ctx: RequestContext, input: UpdateDocumentationVersionRequest): Promise<DocumentationVersion>;
  UpdateDomainName(ctx: RequestContext, input: UpdateDomainNameRequest): Promise<DomainName>;
  UpdateGatewayResponse(ctx: RequestContext, input: UpdateGatewayResponseRequest): Promise<GatewayResponse>;
  UpdateIntegration(ctx: RequestContext, input: UpdateIntegrationRequest): Promise<Integration>;
  UpdateIntegrationResponse(ctx: RequestContext, input: UpdateIntegrationResponseRequest): Promise<IntegrationResponse>;
  UpdateMethod(ctx: RequestContext, input: UpdateMethodRequest): Promise<Method>;
  UpdateMethodResponse(ctx: RequestContext, input: UpdateMethodResponseRequest): Promise<MethodResponse>;
  UpdateModel(ctx: RequestContext, input: UpdateModelRequest): Promise<Model>;
  UpdateRequestValidator(ctx: RequestContext, input: UpdateRequestValidatorRequest): Promise<RequestValidator>;
  UpdateResource(ctx: RequestContext, input: UpdateResourceRequest): Promise<Resource>;
  UpdateRestApi(ctx: RequestContext, input: UpdateRestApiRequest): Promise<RestApi>;
  UpdateStage(ctx: RequestContext, input: UpdateStageRequest): Promise<Stage>;
  UpdateUsage(ctx: RequestContext, input: UpdateUsageRequest): Promise<Usage>;
  UpdateUsagePlan(ctx: RequestContext, input: UpdateUsagePlanRequest): Promise<UsagePlan>;
  UpdateVpcLink(ctx: RequestContext, input: UpdateVpcLinkRequest): Promise<VpcLink>;
}

export const operations = [
  'CreateApiKey',
  'CreateAuthorizer',
  'CreateBasePathMapping',
  'CreateDeployment',
  'CreateDocumentationPart',
  'CreateDocumentationVersion',
  'CreateDomainName',
  'CreateDomainNameAccessAssociation',
  'CreateModel',
  'CreateRequestValidator',
  'CreateResource',
  'CreateRestApi',
  'CreateStage',
  'CreateUsagePlan',
  'CreateUsagePlanKey',
  'CreateVpcLink',
  'DeleteApiKey',
  'DeleteAuthorizer',
  'DeleteBasePathMapping',
  'DeleteClientCertificate',
  'DeleteDeployment',
  'DeleteDocumentationPart',
  'DeleteDocumentationVersion',
  'DeleteDomainName',
  'DeleteDomainNameAccessAssociation',
  'DeleteGatewayResponse',
  'DeleteIntegration',
  'DeleteIntegrationResponse',
  'DeleteMethod',
  'DeleteMethodResponse',
  'DeleteModel',
  'DeleteRequestValidator',
  'DeleteResource',
  'DeleteRestApi',
  'DeleteStage',
  'DeleteUsagePlan',
  'DeleteUsagePlanKey',
  'DeleteVpcLink',
  'FlushStageAuthorizersCache',
  'FlushStageCache',
  'GenerateClientCertificate',
  'GetAccount',
  'GetApiKey',
  'GetApiKeys',
  'GetAuthorizer',
  'GetAuthorizers',
  'GetBasePathMapping',
  'GetBasePathMappings',
  'GetClientCertificate',
  'GetClientCertificates',
  'GetDeployment',
  'GetDeployments',
  'GetDocumentationPart',
  'GetDocumentationParts',
  'GetDocumentationVersion',
  'GetDocumentationVersions',
  'GetDomainName',
  'GetDomainNameAccessAssociations',
  'GetDomainNames',
  'GetExport',
  'GetGatewayResponse',
  'GetGatewayResponses',
  'GetIntegration',
  'GetIntegrationResponse',
  'GetMethod',
  'GetMethodResponse',
  'GetModel',
  'GetModelTemplate',
  'GetModels',
  'GetRequestValidator',
  'GetRequestValidators',
  'GetResource',
  'GetResources',
  'GetRestApi',
  'GetRestApis',
  'GetSdk',
  'GetSdkType',
  'GetSdkTypes',
  'GetStage',
  'GetStages',
  'GetTags',
  'GetUsage',
  'GetUsagePlan',
  'GetUsagePlanKey',
  'GetUsagePlanKeys',
  'GetUsagePlans',
  'GetVpcLink',
  'GetVpcLinks',
  'ImportApiKeys',
  'ImportDocumentationParts',
  'ImportRestApi',
  'PutGatewayResponse',
  'PutIntegration',
  'PutIntegrationResponse',
  'PutMethod',
  'PutMethodResponse',
  'PutRestApi',
  'RejectDomainNameAccessAssociation',
  'TagResource',
  'TestInvokeAuthorizer',
  'TestInvokeMethod',
  'UntagResource',
  'UpdateAccount',
  'UpdateApiKey',
  'UpdateAuthorizer',
  'UpdateBasePathMapping',
  'UpdateClientCertificate',
  'UpdateDeployment',
  'UpdateDocumentationPart',
  'UpdateDocumentationVersion',
  'UpdateDomainName',
  'UpdateGatewayResponse',
  'UpdateIntegration',
  'UpdateIntegrationResponse',
  'UpdateMethod',
  'UpdateMethodResponse',
  'UpdateModel',
  'UpdateRequestValidator',
  'UpdateResource',
  'UpdateRestApi',
  'UpdateStage',
  'UpdateUsage',
  'UpdateUsagePlan',
  'UpdateVpcLink',
] as const;

// Errors

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

export class LimitExceededException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('LimitExceededException', message, 429, { fields });
  }
}

export class NotFoundException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('NotFoundException', message, 404, { fields });
  }
}

export class ServiceUnavailableException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('ServiceUnavailableException', message, 503, { fields });
  }
}

export class TooManyRequestsException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('TooManyRequestsException', message, 429, { fields });
  }
}

export class UnauthorizedException extends AwsError {
  constructor(message: string, fields: Record<string, unknown> = {}) {
    super('UnauthorizedException', message, 401, { fields });
  }
}

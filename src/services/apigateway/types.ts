/**
 * Stored shapes of API Gateway REST API objects. A REST API is kept as one JSON document (its
 * resource tree with methods and integrations, models, validators, authorizers and gateway
 * responses): APIs are small (AWS allows 300 resources) and a deployment is then a snapshot of
 * that document. Timestamps are epoch milliseconds in storage.
 */

export type StrMap = Record<string, string>;

export interface IntegrationResponseDoc {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: StrMap;
  responseTemplates?: StrMap;
  contentHandling?: string;
}

export interface IntegrationDoc {
  type: string;
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: StrMap;
  requestTemplates?: StrMap;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace?: string;
  cacheKeyParameters: string[];
  integrationResponses?: Record<string, IntegrationResponseDoc>;
  tlsConfig?: { insecureSkipVerification?: boolean };
}

export interface MethodResponseDoc {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: StrMap;
}

export interface MethodDoc {
  httpMethod: string;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  requestValidatorId?: string;
  operationName?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: StrMap;
  authorizationScopes?: string[];
  methodResponses?: Record<string, MethodResponseDoc>;
  methodIntegration?: IntegrationDoc;
}

export interface ResourceDoc {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, MethodDoc>;
}

export interface ModelDoc {
  id: string;
  name: string;
  description?: string;
  schema?: string;
  contentType: string;
}

export interface ValidatorDoc {
  id: string;
  name?: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

export interface AuthorizerDoc {
  id: string;
  name: string;
  type: string;
  providerARNs?: string[];
  authType?: string;
  authorizerUri?: string;
  authorizerCredentials?: string;
  identitySource?: string;
  identityValidationExpression?: string;
  authorizerResultTtlInSeconds?: number;
}

export interface GatewayResponseDoc {
  responseType: string;
  statusCode?: string;
  responseParameters?: StrMap;
  responseTemplates?: StrMap;
  defaultResponse: boolean;
}

export interface RestApiMeta {
  id: string;
  name: string;
  description?: string;
  createdDate: number;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: string;
  endpointConfiguration: { types: string[]; vpcEndpointIds?: string[]; ipAddressType?: string };
  policy?: string;
  tags?: StrMap;
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  warnings?: string[];
}

export interface ApiDoc {
  api: RestApiMeta;
  resources: Record<string, ResourceDoc>;
  models: Record<string, ModelDoc>;
  validators: Record<string, ValidatorDoc>;
  authorizers: Record<string, AuthorizerDoc>;
  gatewayResponses: Record<string, GatewayResponseDoc>;
  documentation?: Documentation;
}

/** What a deployment freezes: everything the data plane needs to serve the API. */
export interface Snapshot {
  binaryMediaTypes: string[];
  apiKeySource: string;
  resources: Record<string, ResourceDoc>;
  models: Record<string, ModelDoc>;
  validators: Record<string, ValidatorDoc>;
  authorizers: Record<string, AuthorizerDoc>;
  gatewayResponses: Record<string, GatewayResponseDoc>;
  disableExecuteApiEndpoint: boolean;
  minimumCompressionSize?: number;
  /** The resource policy (JSON text), when the API has one. */
  policy?: string;
}

export interface DeploymentDoc {
  id: string;
  description?: string;
  createdDate: number;
  snapshot: Snapshot;
}

export interface MethodSettingDoc {
  metricsEnabled: boolean;
  loggingLevel: string;
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: string;
}

export interface CanaryDoc {
  deploymentId: string;
  percentTraffic: number;
  stageVariableOverrides?: StrMap;
  useStageCache: boolean;
}

export interface StageDoc {
  stageName: string;
  deploymentId: string;
  canarySettings?: CanaryDoc;
  accessLogSettings?: { format?: string; destinationArn?: string };
  description?: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus: string;
  methodSettings: Record<string, MethodSettingDoc>;
  variables?: StrMap;
  documentationVersion?: string;
  tracingEnabled: boolean;
  clientCertificateId?: string;
  webAclArn?: string;
  tags?: StrMap;
  createdDate: number;
  lastUpdatedDate: number;
}

export interface ApiKeyDoc {
  id: string;
  value: string;
  name?: string;
  customerId?: string;
  description?: string;
  enabled: boolean;
  createdDate: number;
  lastUpdatedDate: number;
  stageKeys: string[];
  tags?: StrMap;
}

export interface ThrottleDoc {
  burstLimit?: number;
  rateLimit?: number;
}

export interface UsagePlanDoc {
  id: string;
  name: string;
  description?: string;
  apiStages: { apiId: string; stage: string; throttle?: Record<string, ThrottleDoc> }[];
  throttle?: ThrottleDoc;
  quota?: { limit: number; offset: number; period: string };
  productCode?: string;
  tags?: StrMap;
}

export interface BasePathMappingDoc {
  basePath: string;
  restApiId: string;
  stage?: string;
}

export interface DomainDoc {
  domainName: string;
  domainNameId: string;
  certificateArn?: string;
  certificateName?: string;
  regionalCertificateArn?: string;
  regionalCertificateName?: string;
  certificateUploadDate: number;
  endpointConfiguration: { types: string[] };
  securityPolicy: string;
  distributionDomainName?: string;
  regionalDomainName?: string;
  tags?: StrMap;
  mappings: Record<string, BasePathMappingDoc>;
}

/** Where a documentation part applies (the fields that matter for its type). */
export interface DocLocation {
  type: string;
  path?: string;
  method?: string;
  statusCode?: string;
  name?: string;
}

export interface DocPart {
  id: string;
  location: DocLocation;
  properties: string;
}

export interface DocVersion {
  version: string;
  description?: string;
  createdDate: number;
  parts: DocPart[];
}

export interface Documentation {
  parts: Record<string, DocPart>;
  versions: Record<string, DocVersion>;
}


/** A client certificate: the PEM certificate AWS shows and the private key only the data plane uses. */
export interface CertificateDoc {
  clientCertificateId: string;
  description?: string;
  pemEncodedCertificate: string;
  privateKeyPem: string;
  createdDate: number;
  expirationDate: number;
  tags?: StrMap;
}

export interface VpcLinkDoc {
  id: string;
  name: string;
  description?: string;
  targetArns: string[];
  tags?: StrMap;
  created: number;
}

/** Settings of UpdateAccount, per account and region. */
export interface AccountDoc {
  cloudwatchRoleArn?: string;
}

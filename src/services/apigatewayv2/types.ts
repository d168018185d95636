import type { Scope } from '../../storage/documents.js';

/** CORS configuration as the API holds it (the model's Cors). */
export interface CorsDoc {
  AllowCredentials?: boolean;
  AllowHeaders?: string[];
  AllowMethods?: string[];
  AllowOrigins?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
}

export interface ApiFields {
  ApiId: string;
  Name: string;
  ProtocolType: 'HTTP' | 'WEBSOCKET';
  RouteSelectionExpression: string;
  ApiKeySelectionExpression?: string;
  Description?: string;
  Version?: string;
  DisableExecuteApiEndpoint?: boolean;
  DisableSchemaValidation?: boolean;
  IpAddressType?: string;
  CorsConfiguration?: CorsDoc;
  CreatedDate: number;
}

export interface RouteDoc {
  RouteId: string;
  RouteKey: string;
  ApiGatewayManaged?: boolean;
  ApiKeyRequired?: boolean;
  AuthorizationScopes?: string[];
  AuthorizationType?: string;
  AuthorizerId?: string;
  ModelSelectionExpression?: string;
  OperationName?: string;
  RequestModels?: Record<string, string>;
  RequestParameters?: Record<string, { Required?: boolean }>;
  RouteResponseSelectionExpression?: string;
  Target?: string;
}

export interface IntegrationDoc {
  IntegrationId: string;
  IntegrationType: string;
  ApiGatewayManaged?: boolean;
  ConnectionId?: string;
  ConnectionType?: string;
  ContentHandlingStrategy?: string;
  CredentialsArn?: string;
  Description?: string;
  IntegrationMethod?: string;
  IntegrationSubtype?: string;
  IntegrationUri?: string;
  IntegrationResponseSelectionExpression?: string;
  PassthroughBehavior?: string;
  PayloadFormatVersion?: string;
  RequestParameters?: Record<string, string>;
  RequestTemplates?: Record<string, string>;
  ResponseParameters?: Record<string, Record<string, string>>;
  TemplateSelectionExpression?: string;
  TimeoutInMillis?: number;
  TlsConfig?: { ServerNameToVerify?: string };
}

export interface AuthorizerDoc {
  AuthorizerId: string;
  AuthorizerType: 'JWT' | 'REQUEST';
  Name: string;
  IdentitySource?: string[];
  AuthorizerCredentialsArn?: string;
  AuthorizerPayloadFormatVersion?: string;
  AuthorizerResultTtlInSeconds?: number;
  AuthorizerUri?: string;
  EnableSimpleResponses?: boolean;
  IdentityValidationExpression?: string;
  JwtConfiguration?: { Audience?: string[]; Issuer?: string };
}

export interface RouteResponseDoc {
  RouteResponseId: string;
  RouteResponseKey: string;
  ModelSelectionExpression?: string;
  ResponseModels?: Record<string, string>;
  ResponseParameters?: Record<string, { Required?: boolean }>;
}

export interface IntegrationResponseDoc {
  IntegrationResponseId: string;
  IntegrationResponseKey: string;
  ContentHandlingStrategy?: string;
  ResponseParameters?: Record<string, string>;
  ResponseTemplates?: Record<string, string>;
  TemplateSelectionExpression?: string;
}

export interface ModelDoc {
  ModelId: string;
  Name: string;
  ContentType?: string;
  Description?: string;
  Schema?: string;
}

export interface StageDoc {
  StageName: string;
  AutoDeploy?: boolean;
  ApiGatewayManaged?: boolean;
  AccessLogSettings?: { DestinationArn?: string; Format?: string };
  ClientCertificateId?: string;
  DefaultRouteSettings?: Record<string, unknown>;
  DeploymentId?: string;
  Description?: string;
  LastDeploymentStatusMessage?: string;
  RouteSettings?: Record<string, Record<string, unknown>>;
  StageVariables?: Record<string, string>;
  CreatedDate: number;
  LastUpdatedDate: number;
}

/** What a deployment freezes: the API's routing as of the deployment. */
export interface Snapshot {
  api: ApiFields;
  routes: RouteDoc[];
  integrations: Record<string, IntegrationDoc>;
  authorizers: Record<string, AuthorizerDoc>;
  routeResponses: Record<string, RouteResponseDoc[]>;
}

export interface DeploymentDoc {
  DeploymentId: string;
  CreatedDate: number;
  Description?: string;
  AutoDeployed: boolean;
  snapshot: Snapshot;
}

/** One API stored whole: the API and every resource under it but deployments. */
export interface ApiDoc {
  api: ApiFields;
  routes: Record<string, RouteDoc>;
  integrations: Record<string, IntegrationDoc>;
  authorizers: Record<string, AuthorizerDoc>;
  stages: Record<string, StageDoc>;
  routeResponses: Record<string, Record<string, RouteResponseDoc>>;
  integrationResponses: Record<string, Record<string, IntegrationResponseDoc>>;
  models: Record<string, ModelDoc>;
}

export interface ConnectionRow {
  scope: Scope;
  apiId: string;
  stage: string;
  connectionId: string;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent: string;
}

export interface VpcLinkDoc {
  VpcLinkId: string;
  Name: string;
  SecurityGroupIds: string[];
  SubnetIds: string[];
  CreatedDate: number;
}

export interface ApiMappingDoc {
  ApiMappingId: string;
  ApiId: string;
  Stage: string;
  /** '' for the root of the domain. */
  ApiMappingKey: string;
}

export interface DomainDoc {
  DomainName: string;
  DomainNameConfigurations: Record<string, unknown>[];
  RoutingMode?: string;
  mappings: Record<string, ApiMappingDoc>;
}

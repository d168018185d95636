import type { GatewayResponseDoc, MethodSettingDoc, ModelDoc } from './types.js';

/** Gateway response types and their default status codes (DEFAULT_4XX/5XX have none). */
export const GATEWAY_RESPONSE_STATUS: Record<string, string | undefined> = {
  ACCESS_DENIED: '403',
  API_CONFIGURATION_ERROR: '500',
  AUTHORIZER_CONFIGURATION_ERROR: '500',
  AUTHORIZER_FAILURE: '500',
  BAD_REQUEST_PARAMETERS: '400',
  BAD_REQUEST_BODY: '400',
  DEFAULT_4XX: undefined,
  DEFAULT_5XX: undefined,
  EXPIRED_TOKEN: '403',
  INTEGRATION_FAILURE: '504',
  INTEGRATION_TIMEOUT: '504',
  INVALID_API_KEY: '403',
  INVALID_SIGNATURE: '403',
  MISSING_AUTHENTICATION_TOKEN: '403',
  QUOTA_EXCEEDED: '429',
  REQUEST_TOO_LARGE: '413',
  RESOURCE_NOT_FOUND: '404',
  THROTTLED: '429',
  UNAUTHORIZED: '401',
  UNSUPPORTED_MEDIA_TYPE: '415',
  WAF_FILTERED: '403',
};

export const DEFAULT_ERROR_TEMPLATE = '{"message":$context.error.messageString}';

export function defaultGatewayResponse(type: string): GatewayResponseDoc {
  const status = GATEWAY_RESPONSE_STATUS[type];
  return {
    responseType: type,
    ...(status ? { statusCode: status } : {}),
    responseParameters: {},
    responseTemplates: { 'application/json': DEFAULT_ERROR_TEMPLATE },
    defaultResponse: true,
  };
}

export function defaultMethodSetting(): MethodSettingDoc {
  return {
    metricsEnabled: false,
    loggingLevel: 'OFF',
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000,
    cachingEnabled: false,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
  };
}

/** The two models AWS creates with every new REST API. */
export function defaultModels(id: () => string): Record<string, ModelDoc> {
  return {
    Empty: {
      id: id(),
      name: 'Empty',
      description: 'This is a default empty schema model',
      contentType: 'application/json',
      schema: '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "Empty Schema",\n  "type" : "object"\n}',
    },
    Error: {
      id: id(),
      name: 'Error',
      description: 'This is a default error schema model',
      contentType: 'application/json',
      schema:
        '{\n  "$schema" : "http://json-schema.org/draft-04/schema#",\n  "title" : "Error Schema",\n  "type" : "object",\n  "properties" : {\n    "message" : { "type" : "string" }\n  }\n}',
    },
  };
}

export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];

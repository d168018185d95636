import { DEFAULT_ERROR_TEMPLATE, GATEWAY_RESPONSE_STATUS } from './defaults.js';
import type { GatewayResponseDoc } from './types.js';
import { renderTemplate } from './vtl.js';

/** The x-amzn-ErrorType header AWS sends with each gateway response type. */
const ERROR_TYPES: Record<string, string> = {
  ACCESS_DENIED: 'AccessDeniedException',
  API_CONFIGURATION_ERROR: 'InternalServerErrorException',
  AUTHORIZER_CONFIGURATION_ERROR: 'AuthorizerConfigurationException',
  AUTHORIZER_FAILURE: 'AuthorizerFailureException',
  BAD_REQUEST_PARAMETERS: 'BadRequestException',
  BAD_REQUEST_BODY: 'BadRequestException',
  DEFAULT_4XX: 'BadRequestException',
  DEFAULT_5XX: 'InternalServerErrorException',
  EXPIRED_TOKEN: 'ExpiredTokenException',
  INTEGRATION_FAILURE: 'InternalServerErrorException',
  INTEGRATION_TIMEOUT: 'InternalServerErrorException',
  INVALID_API_KEY: 'ForbiddenException',
  INVALID_SIGNATURE: 'InvalidSignatureException',
  MISSING_AUTHENTICATION_TOKEN: 'MissingAuthenticationTokenException',
  QUOTA_EXCEEDED: 'LimitExceededException',
  REQUEST_TOO_LARGE: 'RequestTooLongException',
  RESOURCE_NOT_FOUND: 'NotFoundException',
  THROTTLED: 'TooManyRequestsException',
  UNAUTHORIZED: 'UnauthorizedException',
  UNSUPPORTED_MEDIA_TYPE: 'UnsupportedMediaTypeException',
  WAF_FILTERED: 'ForbiddenException',
};

/** An error the gateway answers itself, before or instead of the integration. */
export class GatewayError extends Error {
  constructor(
    readonly type: string,
    message: string | null,
    /** Overrides the type's default status (e.g. 502 for a malformed Lambda proxy response). */
    readonly status?: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? '');
    this.messageValue = message;
  }
  readonly messageValue: string | null;
}

export interface GatewayReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Renders a gateway response: the API's own response for the type, else its DEFAULT_4XX or
 * DEFAULT_5XX, else AWS's built-in one; `{"message":$context.error.messageString}` by default.
 */
export function renderGatewayResponse(
  err: GatewayError,
  custom: Record<string, GatewayResponseDoc>,
  vars: { context: Record<string, unknown>; stageVariables: Record<string, string>; requestParams: (source: string) => string | undefined },
): GatewayReply {
  const defaultStatus = err.status ?? Number(GATEWAY_RESPONSE_STATUS[err.type] ?? 500);
  const family = defaultStatus >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const own = custom[err.type];
  const fallback = custom[family];
  const status = Number(own?.statusCode ?? (err.status !== undefined ? err.status : undefined) ?? GATEWAY_RESPONSE_STATUS[err.type] ?? fallback?.statusCode ?? defaultStatus);
  const params = { ...(fallback?.responseParameters ?? {}), ...(own?.responseParameters ?? {}) };
  const templates = own?.responseTemplates && Object.keys(own.responseTemplates).length ? own.responseTemplates : fallback?.responseTemplates && Object.keys(fallback.responseTemplates).length ? fallback.responseTemplates : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-errortype': ERROR_TYPES[err.type] ?? 'InternalServerErrorException' };
  const message = err.messageValue;
  const context = {
    ...vars.context,
    error: {
      message: message ?? '',
      messageString: message === null ? 'null' : JSON.stringify(message),
      responseType: err.type,
      validationErrorString: (err.extra.validationErrorString as string | undefined) ?? '',
    },
  };
  let body: string;
  if (!templates && err.type === 'ACCESS_DENIED' && !own && !fallback) {
    body = JSON.stringify({ Message: message });
  } else {
    const [contentType, template] = templates ? (Object.entries(templates).find(([k]) => k === 'application/json') ?? Object.entries(templates)[0]!) : ['application/json', DEFAULT_ERROR_TEMPLATE];
    headers['content-type'] = contentType;
    try {
      body = renderTemplate(template, { context, stageVariables: vars.stageVariables, input: {} }).trim();
    } catch {
      body = JSON.stringify({ message });
    }
  }
  for (const [target, source] of Object.entries(params)) {
    const m = /^gatewayresponse\.header\.(.+)$/.exec(target);
    if (!m) continue;
    const v = source.startsWith("'") && source.endsWith("'") ? source.slice(1, -1) : vars.requestParams(source);
    if (v !== undefined) headers[m[1]!.toLowerCase()] = v;
  }
  return { status, headers, body };
}

import { BadRequestException, ConflictException } from '../../../generated/apigateway.js';
import { parseIntegrationUri } from '../common.js';
import { HTTP_METHODS } from '../defaults.js';
import type { FieldType } from '../patch.js';
import type { ApiDoc, AuthorizerDoc, IntegrationDoc, MethodDoc, MethodSettingDoc, ResourceDoc, UsagePlanDoc } from '../types.js';

/** AWS's rules on the fields of control plane requests, with its messages. */

const PATH_PART = /^(\{[a-zA-Z0-9._-]+\+?\}|[a-zA-Z0-9._:-]+)$/;
export const MODEL_NAME = /^[a-zA-Z0-9]+$/;
const STAGE_NAME = /^[a-zA-Z0-9_-]+$/;

export function validatePathPart(part: string): void {
  if (!PATH_PART.test(part)) {
    throw new BadRequestException("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
  }
}

export function checkStageName(name: string): void {
  if (!STAGE_NAME.test(name)) throw new BadRequestException('Stage name only allows a-zA-Z0-9_');
}

/** The path of a new child of `parent` named `part`. */
export function childPath(parent: ResourceDoc, part: string): string {
  return parent.path === '/' ? `/${part}` : `${parent.path}/${part}`;
}

/** Checks a new child of `parent` against its siblings (AWS's rules on variables and greedy parts). */
export function checkSibling(doc: ApiDoc, parent: ResourceDoc, part: string, selfId?: string): void {
  if (parent.pathPart?.endsWith('+}')) throw new BadRequestException(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  for (const r of Object.values(doc.resources)) {
    if (r.parentId !== parent.id || r.id === selfId) continue;
    if (r.pathPart === part) throw new ConflictException(`Another resource with the same parent already has this name: ${part}`);
    if (part.startsWith('{') && r.pathPart?.startsWith('{')) throw new BadRequestException(`A sibling (${r.pathPart}) of this resource already has a variable path part -- only one is allowed`);
  }
}

export function validateIntegration(i: IntegrationDoc): void {
  const type = i.type;
  if (type !== 'MOCK') {
    if (!i.httpMethod) throw new BadRequestException('Enumeration value for HttpMethod must be non-empty');
    checkHttpMethod(i.httpMethod);
    if (!i.uri) throw new BadRequestException('Invalid integration URI specified');
  }
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!/^https?:\/\/[^/]+/i.test(i.uri!)) throw new BadRequestException('Invalid HTTP endpoint specified for URI');
  }
  if (type === 'AWS' || type === 'AWS_PROXY') {
    const target = parseIntegrationUri(i.uri!);
    if (!target || !/^(path|action)\//.test(target.resource)) throw new BadRequestException('AWS ARN for integration must contain path or action');
    if (type === 'AWS_PROXY' && !/:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/.+\/invocations$/.test(i.uri!)) {
      throw new BadRequestException("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
    }
  }
  if (i.timeoutInMillis < 50 || i.timeoutInMillis > 29000) throw new BadRequestException('Timeout should be between 50 ms and 29000 ms');
  if (i.passthroughBehavior && !['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'].includes(i.passthroughBehavior)) {
    throw new BadRequestException('Invalid passthrough behavior specified, must be one of: [WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER]');
  }
  if (i.contentHandling && !['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'].includes(i.contentHandling)) throw new BadRequestException('Invalid content handling specified');
}

export function checkHttpMethod(m: string): void {
  if (!HTTP_METHODS.includes(m)) throw new BadRequestException(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
}

export function checkStatusCode(code: string): void {
  if (!/^[1-5]\d\d$/.test(code)) throw new BadRequestException('Invalid status code specified');
}

/** Every model a method or method response names must exist in the API. */
export function checkModels(doc: ApiDoc, models: Record<string, string> | undefined): void {
  for (const model of Object.values(models ?? {})) if (!doc.models[model]) throw new BadRequestException(`Invalid model identifier specified: ${model}`);
}

/** A method's authorizer, request validator and request models must exist in the API. */
export function checkMethodRefs(doc: ApiDoc, m: MethodDoc): void {
  if (!['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'].includes(m.authorizationType)) {
    throw new BadRequestException(`Invalid authorization type specified. Valid options are: [NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS]`);
  }
  if (m.authorizationType === 'CUSTOM' || m.authorizationType === 'COGNITO_USER_POOLS') {
    const a = m.authorizerId ? doc.authorizers[m.authorizerId] : undefined;
    if (!a) throw new BadRequestException('Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.');
    if ((a.type === 'COGNITO_USER_POOLS') !== (m.authorizationType === 'COGNITO_USER_POOLS')) throw new BadRequestException('Authorizer type does not match the authorization type of the method.');
  }
  if (m.requestValidatorId && !doc.validators[m.requestValidatorId]) throw new BadRequestException('Invalid Request Validator identifier specified');
  checkModels(doc, m.requestModels);
}

/** The patchable method settings of a stage: patch path after /{resourcePath}/{httpMethod}/ -> field and type. */
export const METHOD_SETTING_PATHS: Record<string, [keyof MethodSettingDoc, FieldType]> = {
  'metrics/enabled': ['metricsEnabled', 'bool'],
  'logging/loglevel': ['loggingLevel', 'string'],
  'logging/dataTrace': ['dataTraceEnabled', 'bool'],
  'throttling/burstLimit': ['throttlingBurstLimit', 'int'],
  'throttling/rateLimit': ['throttlingRateLimit', 'double'],
  'caching/enabled': ['cachingEnabled', 'bool'],
  'caching/ttlInSeconds': ['cacheTtlInSeconds', 'int'],
  'caching/dataEncrypted': ['cacheDataEncrypted', 'bool'],
  'caching/requireAuthorizationForCacheControl': ['requireAuthorizationForCacheControl', 'bool'],
  'caching/unauthorizedCacheControlHeaderStrategy': ['unauthorizedCacheControlHeaderStrategy', 'string'],
};

export function checkPercent(p: number): number {
  if (!(p >= 0 && p <= 100)) throw new BadRequestException('Canary traffic percentage must be between 0.0 and 100.0');
  return p;
}

export function checkSchema(schema: string | undefined): void {
  if (schema === undefined) return;
  try {
    const v = JSON.parse(schema);
    if (typeof v !== 'object' || v === null) throw new Error('not an object');
  } catch {
    throw new BadRequestException('Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]');
  }
}

export function checkAuthorizer(a: AuthorizerDoc): void {
  if (!['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'].includes(a.type)) throw new BadRequestException('Invalid authorizer type specified, must be one of: [TOKEN, REQUEST, COGNITO_USER_POOLS]');
  if (a.type === 'COGNITO_USER_POOLS') {
    if (!a.providerARNs || a.providerARNs.length === 0) throw new BadRequestException('ProviderARNs need to be specified for COGNITO_USER_POOLS authorizer');
    for (const arn of a.providerARNs) {
      if (!/^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[a-z0-9-]+_[A-Za-z0-9]+$/.test(arn)) throw new BadRequestException(`Invalid provider ARN specified: ${arn}`);
    }
    return;
  }
  if (!a.authorizerUri) throw new BadRequestException('Authorizer URI must be specified for authorizer types TOKEN and REQUEST');
  if (!/:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/.+\/invocations$/.test(a.authorizerUri)) throw new BadRequestException('Invalid Authorizer URI specified');
  const ttl = a.authorizerResultTtlInSeconds ?? 300;
  if (ttl < 0 || ttl > 3600) throw new BadRequestException('Invalid TTL specified, must be between 0 and 3600 seconds');
  if (a.type === 'TOKEN') {
    if (!a.identitySource || !/^method\.request\.header\.[^,\s]+$/.test(a.identitySource)) {
      throw new BadRequestException('Invalid identity source specified, a TOKEN authorizer requires one method.request.header.<name> identity source');
    }
  } else if (a.identitySource) {
    for (const src of a.identitySource.split(',').map((x) => x.trim())) {
      if (!/^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)\.[^\s]+|stageVariables\.[^\s]+|context\.[^\s]+)$/.test(src)) throw new BadRequestException(`Invalid identity source specified: ${src}`);
    }
  } else if (ttl > 0) {
    throw new BadRequestException('Identity source must be specified when authorizer caching is enabled');
  }
  if (a.identityValidationExpression) {
    try {
      new RegExp(a.identityValidationExpression);
    } catch {
      throw new BadRequestException('Invalid identity validation expression specified');
    }
  }
}

export function checkPlan(p: UsagePlanDoc): void {
  if (p.throttle?.rateLimit !== undefined && p.throttle.rateLimit < 0) throw new BadRequestException('Invalid throttle rate limit');
  if (p.throttle?.burstLimit !== undefined && p.throttle.burstLimit < 0) throw new BadRequestException('Invalid throttle burst limit');
  if (p.quota) {
    if (!['DAY', 'WEEK', 'MONTH'].includes(p.quota.period)) throw new BadRequestException('Invalid quota period, must be one of: [DAY, WEEK, MONTH]');
    if (!(p.quota.limit >= 0)) throw new BadRequestException('Invalid quota limit');
  }
}

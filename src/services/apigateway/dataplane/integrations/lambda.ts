import { isAwsError } from '../../../../aws/errors.js';
import { parseResourceArn } from '../../../../aws/arn.js';
import type { LambdaApi } from '../../../../generated/lambda.js';
import { serviceClient } from '../../../clients.js';
import { internalContext } from '../../../../core/context.js';
import { percentDecode } from '../../../../core/http.js';
import type { Platform } from '../../../service.js';
import { GatewayError } from '../../gateway-responses.js';
import type { IntegrationDoc } from '../../types.js';
import { headerValue, mediaMatches } from '../http-util.js';
import { isBinaryRequest, withStageVariables } from '../integration-request.js';
import { requestContext } from '../request-context.js';
import { configurationError, type ExecutionLog, type MethodRequest, type Reply } from '../types.js';

/**
 * Lambda integrations: the function call shared by proxy integrations, AWS (non-proxy) integrations
 * and Lambda authorizers, and the REST proxy integration (payload format 1.0). The call takes plain
 * values (scope, URI, stage variables) so that HTTP and WebSocket APIs can use it too.
 */

/** A stand-in for Lambda's Invoke (tests give API Gateway a fake function this way). */
export interface LambdaInvoke {
  (
    ctx: unknown,
    input: { FunctionName: string; Payload: Buffer; InvocationType: 'RequestResponse'; Qualifier?: string },
  ): Promise<{ StatusCode?: number; FunctionError?: string; Payload?: Buffer | Uint8Array }>;
}

export interface LambdaResult {
  /** The function threw (or timed out): FunctionError was set. */
  functionError: boolean;
  payload: Buffer;
}

/** Invokes a function synchronously on behalf of an API in `scope`. */
export type InvokeLambda = (scope: { accountId: string; region: string }, functionArn: string, payload: Buffer) => Promise<LambdaResult>;

/** An integration could not reach the function (no Lambda service, unknown function...). */
export class LambdaUnavailable extends Error {}

/** The function ARN inside an apigateway Lambda integration URI (stage variables substituted). */
export function functionArnOf(uri: string, stageVariables: Record<string, string>): string | undefined {
  const m = /:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/(.+)\/invocations$/.exec(withStageVariables(uri, stageVariables));
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Whether an AWS integration URI is a Lambda one (rather than a service action). */
export function isLambdaUri(uri: string | undefined): boolean {
  return /:lambda:path\//.test(uri ?? '');
}

/**
 * Calls the Lambda service in-process through its typed client (or `override`, a test's stand-in), in
 * the function's own account and region.
 */
export function lambdaInvoker(platform: Platform, override?: LambdaInvoke): InvokeLambda {
  return async (scope, functionArn, payload) => {
    const fn = parseResourceArn(functionArn, 'lambda', 'function:');
    const caller = { accountId: fn?.account || scope.accountId, region: fn?.region || scope.region };
    const input = { FunctionName: functionArn, Payload: payload, InvocationType: 'RequestResponse' as const };
    const lambda = override ? undefined : serviceClient<LambdaApi>(platform, 'lambda', caller);
    if (!override && !lambda) throw new LambdaUnavailable('The Lambda service is not available');
    try {
      const out = override
        ? await override(internalContext(platform.clock, { ...caller, service: 'lambda', operation: 'Invoke' }), input)
        : await lambda!.Invoke(input);
      const body = out.Payload ? Buffer.from(out.Payload) : Buffer.alloc(0);
      return { functionError: !!out.FunctionError, payload: body };
    } catch (e) {
      if (isAwsError(e)) throw new LambdaUnavailable(`${e.code}: ${e.message}`);
      throw e;
    }
  };
}

/** What an integration calls a function with: the API's scope, its integration URI and the stage variables. */
export interface LambdaTarget {
  scope: { accountId: string; region: string };
  uri: string | undefined;
  stageVariables: Record<string, string>;
}

/** Calls the function of an integration URI; a function that cannot be reached is the API's configuration error. */
export async function callIntegrationFunction(invoke: InvokeLambda, target: LambdaTarget, payload: Buffer, log: ExecutionLog): Promise<LambdaResult> {
  const arn = functionArnOf(target.uri ?? '', target.stageVariables);
  if (!arn) throw configurationError(log);
  try {
    return await invoke(target.scope, arn, payload);
  } catch (e) {
    if (e instanceof LambdaUnavailable) throw configurationError(log, e.message);
    throw e;
  }
}

/**
 * A Lambda proxy response (payload format 1.0: statusCode, headers, multiValueHeaders, body,
 * isBase64Encoded) as the reply; anything else is a 502. `wantsBinary(contentType)` says whether a
 * base64 body is decoded for this client.
 */
export function proxyReply(out: LambdaResult, log: ExecutionLog, wantsBinary: (contentType: string) => boolean): Reply {
  const malformed = () => {
    log.lines.push('Execution failed due to configuration error: Malformed Lambda proxy response');
    return new GatewayError('DEFAULT_5XX', 'Internal server error', 502);
  };
  if (out.functionError) {
    log.lines.push('Lambda execution failed with status 200 due to customer function error');
    throw new GatewayError('DEFAULT_5XX', 'Internal server error', 502);
  }
  let r: any;
  try {
    r = JSON.parse(out.payload.toString('utf8'));
  } catch {
    throw malformed();
  }
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw malformed();
  for (const k of Object.keys(r)) if (!['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'].includes(k)) throw malformed();
  const status = typeof r.statusCode === 'string' && /^\d+$/.test(r.statusCode) ? Number(r.statusCode) : r.statusCode;
  if (!Number.isInteger(status) || status < 100 || status > 599) throw malformed();
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') throw malformed();
  const headers: Record<string, string | string[]> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object' || Array.isArray(r.headers)) throw malformed();
    for (const [k, v] of Object.entries(r.headers)) {
      if (v !== null && typeof v === 'object') throw malformed();
      if (v !== null && v !== undefined) headers[k.toLowerCase()] = String(v);
    }
  }
  if (r.multiValueHeaders !== undefined && r.multiValueHeaders !== null) {
    if (typeof r.multiValueHeaders !== 'object' || Array.isArray(r.multiValueHeaders)) throw malformed();
    for (const [k, v] of Object.entries(r.multiValueHeaders)) {
      if (!Array.isArray(v)) throw malformed();
      const key = k.toLowerCase();
      const prev = headers[key];
      const vals = v.map(String);
      headers[key] = prev === undefined ? vals : [...(Array.isArray(prev) ? prev : [prev]), ...vals];
    }
  }
  headers['content-type'] ??= 'application/json';
  // The gateway frames the body itself.
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers['connection'];
  let body = Buffer.from(r.body ?? '', 'utf8');
  if (r.isBase64Encoded === true && wantsBinary(String(headers['content-type']))) body = Buffer.from(r.body ?? '', 'base64');
  return { status, headers, body };
}

/** The REST API's Lambda proxy event (payload format 1.0). */
function proxyEvent(req: MethodRequest): Record<string, unknown> {
  const binary = isBinaryRequest(req);
  const raw = req.stageRequest.body;
  const body = raw.length === 0 ? null : binary ? raw.toString('base64') : raw.toString('utf8');
  const nonEmpty = <T>(o: Record<string, T>): Record<string, T> | null => (Object.keys(o).length ? o : null);
  return {
    resource: req.resource.path,
    path: percentDecode(req.stageRequest.path),
    httpMethod: req.stageRequest.method,
    headers: nonEmpty(req.headers),
    multiValueHeaders: nonEmpty(req.multiHeaders),
    queryStringParameters: nonEmpty(req.query),
    multiValueQueryStringParameters: nonEmpty(req.multiQuery),
    pathParameters: nonEmpty(req.pathParameters),
    stageVariables: nonEmpty(req.stageVariables),
    requestContext: requestContext(req),
    body,
    isBase64Encoded: binary && body !== null,
  };
}

/** AWS_PROXY to a function: the proxy event in, the function's proxy response out. */
export async function lambdaProxyIntegration(invoke: InvokeLambda, req: MethodRequest, i: IntegrationDoc): Promise<Reply> {
  const target = { scope: req.dep.scope, uri: i.uri, stageVariables: req.stageVariables };
  const out = await callIntegrationFunction(invoke, target, Buffer.from(JSON.stringify(proxyEvent(req))), req.log);
  return proxyReply(out, req.log, (contentType) => wantsBinary(req, contentType));
}

/** Whether a base64 proxy body is sent decoded: the client accepts a binary media type, or the catch-all type is one. */
function wantsBinary(req: MethodRequest, responseType: string | undefined): boolean {
  const accept = headerValue(req.headers, 'accept')?.split(',')[0]?.trim();
  const types = req.dep.snapshot.binaryMediaTypes;
  return types.some((p) => (accept ? mediaMatches(p, accept) : false) || (responseType ? p.trim() === '*/*' : false));
}

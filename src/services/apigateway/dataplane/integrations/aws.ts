import { isAwsError, notImplemented } from '../../../../aws/errors.js';
import { readInput } from '../../../../aws/validate.js';
import { toJsonValue } from '../../../../aws/protocols/values.js';
import { internalContext } from '../../../../core/context.js';
import type { OperationHandler, Platform } from '../../../service.js';
import { parseIntegrationUri } from '../../common.js';
import type { IntegrationDoc } from '../../types.js';
import { integrationRequestBody, withStageVariables } from '../integration-request.js';
import { integrationResponse } from '../integration-response.js';
import { configurationError, type MethodRequest, type Reply } from '../types.js';
import { callIntegrationFunction, isLambdaUri, type InvokeLambda } from './lambda.js';

/**
 * `AWS` integrations to other Stratus services by action (`arn:aws:apigateway:{region}:{service}:action/{Action}`),
 * for services speaking awsJson (DynamoDB, Step Functions, CloudWatch Logs...): the mapped request body
 * is the action's JSON input; the answer is the action's JSON output, or the service's error
 * (`{"__type": ..., "message": ...}`) with its HTTP status, for selection patterns to match.
 */

/** API Gateway's service names in integration URIs -> Stratus service (model folder) names. */
const SERVICE_NAMES: Record<string, string> = { states: 'stepfunctions', logs: 'logs', dynamodb: 'dynamodb', kinesis: 'kinesis', events: 'events', sqs: 'sqs', sns: 'sns', lambda: 'lambda' };

export interface ServiceActionResult {
  status: number;
  body: Buffer;
}

export class UnsupportedServiceIntegration extends Error {}

export class AwsServiceActions {
  constructor(private readonly platform: Platform) {}

  async call(scope: { accountId: string; region: string }, uri: string, body: Buffer, requestId: string): Promise<ServiceActionResult> {
    const target = parseIntegrationUri(uri);
    const action = target && /^action\/([A-Za-z0-9]+)(?:[?&].*)?$/.exec(target.resource)?.[1];
    if (!target || !action) throw new UnsupportedServiceIntegration(`only action-style AWS integrations are supported (${uri})`);
    const service = SERVICE_NAMES[target.service.split('.').pop()!] ?? target.service;
    const loaded = this.platform.services.get(service);
    if (!loaded) throw new UnsupportedServiceIntegration(`the service ${target.service} is not available in Stratus`);
    const protocol = loaded.model.metadata.protocol;
    if (protocol !== 'json') throw new UnsupportedServiceIntegration(`AWS integrations to ${service} (${protocol}) are not supported by Stratus yet`);
    const index = loaded.index;
    const op = index.operations.get(action);
    const handler = (loaded.loaded ? loaded.provider : (await loaded.load()).provider)[action] as OperationHandler | undefined;
    const error = (status: number, type: string, message: string): ServiceActionResult => ({ status, body: Buffer.from(JSON.stringify({ __type: type, message })) });
    if (!op) return error(400, 'UnknownOperationException', `Unknown operation ${action}`);
    if (typeof handler !== 'function') {
      const e = notImplemented(service, action);
      return error(e.status, e.code, e.message);
    }
    const ctx = internalContext(this.platform.clock, { accountId: scope.accountId, region: target.region || scope.region, service, operation: action, requestId });
    try {
      let json: unknown = {};
      if (body.length) {
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          return error(400, 'SerializationException', 'Could not parse request body into json');
        }
      }
      const input = op.input ? readInput(index, op.input.shape, json, true, loaded.definition.validationErrorCode ?? 'ValidationException') : {};
      const output = await handler.call(loaded.provider, ctx, input);
      const data = op.output && output ? toJsonValue(index, op.output.shape, output, false) : {};
      return { status: 200, body: Buffer.from(JSON.stringify(data ?? {})) };
    } catch (e) {
      if (isAwsError(e)) return error(e.status, e.code, e.message);
      throw e;
    }
  }
}

/** What the REST AWS integration needs besides the request. */
export interface AwsBackends {
  readonly invokeLambda: InvokeLambda;
  readonly actions: AwsServiceActions;
}

/**
 * AWS (non-proxy): a service action, or a Lambda function called with the mapped body (its error
 * message is what selection patterns match); the answer goes through the integration responses.
 */
export async function awsIntegration(backends: AwsBackends, req: MethodRequest, i: IntegrationDoc): Promise<Reply> {
  if (!isLambdaUri(i.uri)) {
    const uri = withStageVariables(i.uri ?? '', req.stageVariables);
    let result;
    try {
      result = await backends.actions.call(req.dep.scope, uri, integrationRequestBody(req, i), req.requestId);
    } catch (e) {
      if (!(e instanceof UnsupportedServiceIntegration)) throw e;
      throw configurationError(req.log, e.message);
    }
    return integrationResponse(req, i, { status: result.status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: result.body, selector: String(result.status) });
  }
  let payload = integrationRequestBody(req, i);
  if (payload.length === 0) payload = Buffer.from('{}');
  const out = await callIntegrationFunction(backends.invokeLambda, { scope: req.dep.scope, uri: i.uri, stageVariables: req.stageVariables }, payload, req.log);
  let selector = '';
  if (out.functionError) {
    try {
      selector = String(JSON.parse(out.payload.toString('utf8')).errorMessage ?? '');
    } catch {
      selector = out.payload.toString('utf8');
    }
  }
  return integrationResponse(req, i, { status: 200, headers: { 'content-type': 'application/json' }, body: out.payload, selector, lambda: true, functionError: out.functionError });
}

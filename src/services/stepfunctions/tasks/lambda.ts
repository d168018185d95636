/** Lambda task integrations: a function ARN as the resource, and arn:aws:states:::lambda:invoke(.waitForTaskToken). */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import type { InvocationRequest, InvocationResponse, LambdaApi } from '../../../generated/lambda.js';
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';
import { serviceClient } from '../../clients.js';

/** What a task answers: the function's result ('plain', a function ARN as the resource) or the integration's response. */
type Style = 'plain' | 'integration' | 'event';

/** A function ARN as the resource: the input is the payload, the function's result is the task's. */
export async function invokeFunctionResource(platform: Platform, call: TaskCall): Promise<unknown> {
  return invokeLambda(platform, call, call.resource, undefined, call.parameters, 'plain');
}

/** lambda:invoke: Parameters name the function; `.waitForTaskToken` invokes asynchronously and waits on the token. */
export async function lambdaInvoke(platform: Platform, call: TaskCall, waitForToken: boolean): Promise<unknown> {
  const p = (call.parameters ?? {}) as Record<string, any>;
  if (typeof p.FunctionName !== 'string') throw new StatesError('States.Runtime', `The field "FunctionName" is required for the resource ${call.resource}`);
  return invokeLambda(platform, call, p.FunctionName, p.Qualifier, p.Payload, waitForToken ? 'event' : 'integration', p.InvocationType);
}

async function invokeLambda(
  platform: Platform,
  call: TaskCall,
  functionName: string,
  qualifier: string | undefined,
  payload: unknown,
  style: Style,
  invocationType?: string,
): Promise<unknown> {
  const requestId = randomUUID();
  const lambda = serviceClient<LambdaApi>(platform, 'lambda', { accountId: call.execution.accountId, region: call.execution.region, requestId });
  if (!lambda) throw new StatesError('Lambda.ServiceException', 'Lambda is not available in this Stratus');
  const request: InvocationRequest = {
    FunctionName: functionName,
    Payload: Buffer.from(JSON.stringify(payload === undefined ? {} : payload)),
    InvocationType: style === 'event' || invocationType === 'Event' ? 'Event' : 'RequestResponse',
    Qualifier: qualifier,
  };
  let out: InvocationResponse;
  try {
    out = await lambda.Invoke(request);
  } catch (e) {
    if (isAwsError(e)) throw new StatesError(`Lambda.${e.code}`, `${e.message} (Service: Lambda, Status Code: ${e.status}, Error Code: ${e.code}, Request ID: ${requestId})`);
    throw e;
  }
  return taskResult(out, style, requestId);
}

/** The task's result from the function's response; a function error fails the task with the error's type. */
function taskResult(out: InvocationResponse, style: Style, requestId: string): unknown {
  const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (out.FunctionError) {
    const p = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const error = typeof p.errorType === 'string' ? p.errorType : out.FunctionError === 'Unhandled' ? 'Lambda.Unknown' : 'Exception';
    throw new StatesError(error, text);
  }
  if (style === 'plain') return parsed;
  return {
    ExecutedVersion: out.ExecutedVersion ?? '$LATEST',
    Payload: parsed,
    SdkHttpMetadata: { HttpHeaders: {}, HttpStatusCode: out.StatusCode ?? 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: out.StatusCode ?? 200,
  };
}

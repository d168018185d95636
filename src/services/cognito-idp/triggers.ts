/**
 * Lambda triggers, invoked through the Lambda service with AWS's documented events: the common
 * fields (version, triggerSource, region, userPoolId, userName, callerContext) and each trigger's
 * request and response. A function error is UserLambdaValidationException "<Trigger> failed with
 * error <message>."; a function that cannot be invoked is UnexpectedLambdaException.
 */
import type { LambdaApi } from '../../generated/lambda.js';
import { InvalidLambdaResponseException, UnexpectedLambdaException, UserLambdaValidationException, type LambdaConfigType } from '../../generated/cognito-idp.js';
import { isAwsError } from '../../aws/errors.js';
import { serviceClient } from '../clients.js';
import type { CognitoCore, StoredPool, StoredUser } from './core.js';

export type TriggerName = Exclude<keyof LambdaConfigType, 'CustomEmailSender' | 'CustomSMSSender' | 'KMSKeyID' | 'PreTokenGenerationConfig' | 'InboundFederation'>;

export interface TriggerCall {
  trigger: TriggerName;
  triggerSource: string;
  userName: string;
  clientId?: string;
  request: Record<string, unknown>;
  response?: Record<string, unknown>;
  version?: string;
}

/** The function configured for a trigger, if any (PreTokenGeneration also under PreTokenGenerationConfig). */
export function triggerArn(pool: StoredPool, trigger: TriggerName): string | undefined {
  const lc = pool.LambdaConfig ?? {};
  if (trigger === 'PreTokenGeneration') return lc.PreTokenGenerationConfig?.LambdaArn ?? lc.PreTokenGeneration;
  return lc[trigger];
}

/** Invokes the trigger when the pool has one; the function's `response`, or undefined when there is none. */
export async function invokeTrigger(core: CognitoCore, pool: StoredPool, call: TriggerCall): Promise<Record<string, unknown> | undefined> {
  const arn = triggerArn(pool, call.trigger);
  if (!arn) return undefined;
  const event = {
    version: call.version ?? '1',
    triggerSource: call.triggerSource,
    region: pool.region,
    userPoolId: pool.Id,
    userName: call.userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: call.clientId ?? 'CLIENT_ID_NOT_APPLICABLE' },
    request: call.request,
    response: call.response ?? {},
  };
  const lambda = serviceClient<LambdaApi>(core.platform, 'lambda', { accountId: arn.split(':')[4] || pool.account, region: arn.split(':')[3] || pool.region });
  if (!lambda) throw new UnexpectedLambdaException(`${call.trigger} invocation failed due to error AccessDeniedException.`);
  let result;
  try {
    result = await lambda.Invoke({ FunctionName: arn, Payload: Buffer.from(JSON.stringify(event)) });
  } catch (e) {
    const code = isAwsError(e) ? e.code : 'ServiceException';
    throw new UnexpectedLambdaException(`${call.trigger} invocation failed due to error ${code}.`);
  }
  const text = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
  if (result.FunctionError) {
    let message = text;
    try {
      message = String((JSON.parse(text) as { errorMessage?: unknown }).errorMessage ?? text);
    } catch {
      // the raw payload is the message
    }
    throw new UserLambdaValidationException(`${call.trigger} failed with error ${message}.`);
  }
  let out: unknown;
  try {
    out = JSON.parse(text);
  } catch {
    throw new InvalidLambdaResponseException('Unrecognizable lambda output');
  }
  if (!out || typeof out !== 'object') throw new InvalidLambdaResponseException('Unrecognizable lambda output');
  const response = (out as { response?: unknown }).response;
  return response && typeof response === 'object' ? (response as Record<string, unknown>) : {};
}

/** A user's attributes as triggers see them (sub included, cognito:user_status where AWS adds it). */
export function triggerAttributes(user: StoredUser, withStatus = true): Record<string, string> {
  return { sub: user.sub, ...user.attrs, ...(withStatus ? { 'cognito:user_status': user.status } : {}) };
}

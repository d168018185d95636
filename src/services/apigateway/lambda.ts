import { isAwsError } from '../../aws/errors.js';
import { internalContext } from '../../core/context.js';
import type { Platform } from '../service.js';

/** What API Gateway needs from the Lambda provider. */
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

/** An integration could not reach the function (no Lambda service, unknown function...). */
export class LambdaUnavailable extends Error {}

/** The function ARN inside an apigateway Lambda integration URI (stage variables substituted). */
export function functionArnOf(uri: string, stageVariables: Record<string, string>): string | undefined {
  const resolved = uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, n: string) => stageVariables[n] ?? '');
  const m = /:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/(.+)\/invocations$/.exec(resolved);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export function lambdaInvoker(platform: Platform, override?: LambdaInvoke) {
  return async (scope: { accountId: string; region: string }, functionArn: string, payload: Buffer): Promise<LambdaResult> => {
    const invoke = override ?? (platform.services.get('lambda')?.provider.Invoke as LambdaInvoke | undefined);
    if (typeof invoke !== 'function') throw new LambdaUnavailable('The Lambda service is not available');
    const arnAccount = /^arn:aws[a-z-]*:lambda:([^:]+):(\d{12}):function:/.exec(functionArn);
    const ctx = internalContext(platform.clock, {
      accountId: arnAccount?.[2] ?? scope.accountId,
      region: arnAccount?.[1] ?? scope.region,
      service: 'lambda',
      operation: 'Invoke',
    });
    try {
      const out = await invoke.call(platform.services.get('lambda')?.provider ?? {}, ctx, { FunctionName: functionArn, Payload: payload, InvocationType: 'RequestResponse' });
      const body = out.Payload ? Buffer.from(out.Payload) : Buffer.alloc(0);
      return { functionError: !!out.FunctionError, payload: body };
    } catch (e) {
      if (isAwsError(e)) throw new LambdaUnavailable(`${e.code}: ${e.message}`);
      throw e;
    }
  };
}

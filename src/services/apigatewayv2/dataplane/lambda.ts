import { parseResourceArn } from '../../../aws/arn.js';
import type { LambdaApi } from '../../../generated/lambda.js';
import { serviceClient } from '../../clients.js';
import type { Platform } from '../../service.js';
import type { Scope } from '../store.js';

export interface LambdaOutcome {
  kind: 'ok' | 'functionError' | 'unavailable' | 'timeout';
  payload: Buffer;
}

/** The function ARN of an integration or authorizer URI: a function ARN, or the apigateway invocation URI around one. */
export function functionArnOf(uri: string, stageVariables: Record<string, string>): string | undefined {
  const text = uri.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, k: string) => stageVariables[k] ?? '');
  const m = /:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/(.+)\/invocations$/.exec(text);
  const arn = m ? decodeURIComponent(m[1]!) : text;
  return /^arn:aws[a-z-]*:lambda:/.test(arn) ? arn : undefined;
}

/** Invokes functions synchronously through the Lambda service's client, with the integration's timeout on the platform clock. */
export class LambdaCaller {
  constructor(private readonly platform: Platform) {}

  async invoke(scope: Scope, functionArn: string, event: unknown, timeoutMs: number): Promise<LambdaOutcome> {
    const fn = parseResourceArn(functionArn, 'lambda', 'function:');
    const caller = { accountId: fn?.account || scope.accountId, region: fn?.region || scope.region };
    const lambda = serviceClient<LambdaApi>(this.platform, 'lambda', caller);
    if (!lambda) return { kind: 'unavailable', payload: Buffer.alloc(0) };
    let timer: { cancel(): void } | undefined;
    const timeout = new Promise<LambdaOutcome>((resolve) => {
      timer = this.platform.clock.setTimer(timeoutMs, () => resolve({ kind: 'timeout', payload: Buffer.alloc(0) }));
    });
    const call = lambda
      .Invoke({ FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)), InvocationType: 'RequestResponse' })
      .then(
        (out): LambdaOutcome => ({ kind: out.FunctionError ? 'functionError' : 'ok', payload: out.Payload ? Buffer.from(out.Payload) : Buffer.alloc(0) }),
        (): LambdaOutcome => ({ kind: 'unavailable', payload: Buffer.alloc(0) }),
      );
    try {
      return await Promise.race([call, timeout]);
    } finally {
      timer?.cancel();
    }
  }
}

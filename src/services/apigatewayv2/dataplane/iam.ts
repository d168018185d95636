import { arnFor } from '../../../aws/arn.js';
import type { HttpRequest } from '../../../core/http.js';
import { invokeDenial, signedCaller } from '../../execute-api/iam.js';
import type { Platform } from '../../service.js';

/** An AWS_IAM check's outcome: allowed, or AWS's 403 message and error type. */
export type IamOutcome = { ok: true } | { ok: false; message: string; errorType: string };

/**
 * AWS_IAM authorization of a request to an HTTP API route or a WebSocket $connect (the shared
 * execute-api/iam.ts): a SigV4 signature for `execute-api`, then execute-api:Invoke on
 * `arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path}` (a WebSocket route: its
 * route key in place of method and path) through the shared evaluator with `--iam enforce`.
 * `target` undefined: the signature alone (the @connections API).
 */
export async function iamCheck(platform: Platform, req: HttpRequest, target?: { scope: { accountId: string; region: string }; apiId: string; stage: string; route: string; sourceIp: string }): Promise<IamOutcome> {
  const signed = await signedCaller(platform, req);
  if ('refused' in signed) {
    const errorType = signed.refused === 'missing' ? 'MissingAuthenticationTokenException' : signed.refused === 'signature' ? 'InvalidSignatureException' : 'UnrecognizedClientException';
    return { ok: false, message: signed.message, errorType };
  }
  if (!target) return { ok: true };
  const methodArn = arnFor('execute-api', target.scope, `${target.apiId}/${target.stage}/${target.route}`);
  const denial = await invokeDenial(platform, signed.caller, { methodArn, sourceIp: target.sourceIp });
  return denial ? { ok: false, message: denial, errorType: 'AccessDeniedException' } : { ok: true };
}

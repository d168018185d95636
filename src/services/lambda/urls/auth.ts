/**
 * Who may call a function URL. AWS_IAM: a valid SigV4 signature for the service `lambda` (the
 * caller's own account is trusted, since Stratus models no identity policies; another account needs
 * the function's resource policy). NONE: the resource policy must let anyone both
 * `lambda:InvokeFunctionUrl` (condition `lambda:FunctionUrlAuthType` NONE, as AddPermission writes
 * it) and, as AWS requires for URLs created since October 2025, `lambda:InvokeFunction` (condition
 * `lambda:InvokedViaFunctionUrl`, or none). An alias's URL is governed by the alias's policy, as an
 * invocation of the alias is. A refusal is AWS's 403 with its message.
 */
import { accountRootArn } from '../../../aws/arn.js';
import { evaluatePolicy, parsePolicy, type PolicyStatement } from '../../../aws/iam-policy.js';
import { checkSigV4Time, parseSigV4, verifySigV4 } from '../../../aws/sigv4.js';
import type { HttpRequest } from '../../../core/http.js';
import type { LambdaCore } from '../core.js';
import { urlFunctionArn } from '../ops/urls.js';
import type { IamCaller } from './event.js';
import type { FunctionUrlTarget } from './store.js';

export const FORBIDDEN = 'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export type UrlAuthorization = { allowed: true; iam?: IamCaller } | { allowed: false; message: string };

const refuse = (message: string): UrlAuthorization => ({ allowed: false, message });

export async function authorizeUrl(core: LambdaCore, target: FunctionUrlTarget, req: HttpRequest, sourceIp: string): Promise<UrlAuthorization> {
  let iam: IamCaller | undefined;
  if (target.doc.AuthType === 'AWS_IAM') {
    const signed = verifyCaller(core, target, req);
    if ('message' in signed) return refuse(signed.message);
    iam = signed;
  }
  const statements = await policyStatements(core, target);
  const resource = urlFunctionArn(target.scope, target.name, target.qualifier);
  const callerAccount = iam?.accountId;
  const context = { 'lambda:functionurlauthtype': target.doc.AuthType, 'lambda:invokedviafunctionurl': 'true' };
  const decide = (action: string) => evaluatePolicy(statements, { action, resource, sourceIp, callerAccount, context });
  const url = decide('lambda:InvokeFunctionUrl');
  const invoke = decide('lambda:InvokeFunction');
  if ((!url.allowed && url.explicitDeny) || (!invoke.allowed && invoke.explicitDeny)) return refuse(FORBIDDEN);
  // The owner's own principals need no statement (their identity policies are not modelled).
  if (iam && iam.accountId === target.scope.accountId) return { allowed: true, iam };
  if (!url.allowed || !invoke.allowed) return refuse(FORBIDDEN);
  return { allowed: true, iam };
}

/** The SigV4-signed caller of an AWS_IAM URL, or why the signature is refused. */
function verifyCaller(core: LambdaCore, target: FunctionUrlTarget, req: HttpRequest): IamCaller | { message: string } {
  let sig;
  try {
    sig = parseSigV4(req, 'lambda');
  } catch {
    return { message: FORBIDDEN };
  }
  if (!sig || sig.service !== 'lambda' || sig.region !== target.scope.region) return { message: FORBIDDEN };
  const config = core.platform.config;
  let secret: string | undefined;
  let accountId: string | undefined;
  const known = config.credentials.find((c) => c.accessKeyId === sig.accessKeyId);
  if (known) {
    secret = known.secretAccessKey;
    accountId = known.accountId;
  } else if (config.auth === 'open' && /^\d{12}$/.test(sig.accessKeyId)) {
    // Open auth: the key functions get for an account without a configured one (invoke/sync.ts).
    secret = 'test';
    accountId = sig.accessKeyId;
  }
  if (secret === undefined || accountId === undefined) return { message: INVALID_TOKEN };
  if (checkSigV4Time(sig, core.clock.now()) !== 'ok') return { message: FORBIDDEN };
  if (!verifySigV4(req, sig, secret)) return { message: SIGNATURE_MISMATCH };
  const region = target.scope.region;
  return { accessKey: sig.accessKeyId, accountId, callerId: accountId, userArn: accountRootArn({ accountId, region }), userId: accountId };
}

/** The statements of the policy that governs the URL's function or alias. */
async function policyStatements(core: LambdaCore, target: FunctionUrlTarget): Promise<PolicyStatement[]> {
  const row = await core.db.get<{ policy: string }>('SELECT policy FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
    target.scope.accountId,
    target.scope.region,
    target.name,
    target.qualifier ?? '',
  ]);
  return parsePolicy(row?.policy) ?? [];
}

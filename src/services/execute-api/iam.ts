/**
 * IAM for API Gateway's data planes (REST methods and HTTP API routes with AWS_IAM authorization,
 * WebSocket $connect and @connections calls, REST API resource policies), shared by apigateway and
 * apigatewayv2 (a folder without index.ts: not a service).
 *
 * `signedCaller`: the SigV4 signature for `execute-api` is verified with the key's secret, the key
 * being a configured one (an account root), an IAM user's or an STS session's
 * (Platform.resolveCredential); with `--auth open` an unknown key is taken, unverified, as the root of
 * the account it names (or the default account), as for AWS API calls.
 * `invokeDenial`: execute-api:Invoke on the method's ARN through the shared evaluator
 * (Platform.evaluate) with the API's resource policy when `--iam` is enforce or report; with `--iam
 * off` identity policies are not modelled and the resource policy alone decides.
 */
import { formatArn, isAccountId, parseArn } from '../../aws/arn.js';
import { evaluatePolicy, type PolicyStatement } from '../../aws/iam-policy.js';
import { checkSigV4Time, parseSigV4, verifySigV4 } from '../../aws/sigv4.js';
import type { Principal } from '../../core/context.js';
import type { HttpRequest } from '../../core/http.js';
import type { Platform } from '../service.js';

/** Who signed a request, as API Gateway's `requestContext.identity` shows it. */
export interface IamCaller {
  readonly principal: Principal;
  readonly accessKey: string;
  readonly accountId: string;
  /** The principal's id (AIDA... for a user, AROA...:session for a role session, the account id for the root). */
  readonly caller: string;
  readonly user: string;
  readonly userArn: string;
}

/** Why a signature is refused (`header`: a malformed Authorization header; `expired`: outside the time window). */
export type SignatureRefusal = 'missing' | 'header' | 'scope' | 'invalidToken' | 'expiredToken' | 'expired' | 'signature';

export type SignedCaller = { caller: IamCaller } | { refused: SignatureRefusal; message: string };

/** AWS's 403 messages. */
const MESSAGES: Record<Exclude<SignatureRefusal, 'expired'>, string> = {
  missing: 'Missing Authentication Token',
  header: "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
  scope: "Credential should be scoped to correct service: 'execute-api'. ",
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  signature:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
};

const refuse = (refused: Exclude<SignatureRefusal, 'expired'>): SignedCaller => ({ refused, message: MESSAGES[refused] });

export async function signedCaller(platform: Platform, req: HttpRequest): Promise<SignedCaller> {
  let sig;
  try {
    sig = parseSigV4(req, 'execute-api');
  } catch {
    return refuse('header');
  }
  if (!sig) return refuse('missing');
  if (sig.service !== 'execute-api') return refuse('scope');
  const resolved = await platform.resolveCredential(sig.accessKeyId);
  let principal: Principal;
  if (resolved) {
    if (!resolved.active) return refuse('invalidToken');
    if (resolved.sessionToken !== undefined && sig.sessionToken !== resolved.sessionToken) return refuse('invalidToken');
    if (resolved.expiresAt !== undefined && platform.clock.now() >= resolved.expiresAt) return refuse('expiredToken');
    if (checkSigV4Time(sig, platform.clock.now()) !== 'ok') return { refused: 'expired', message: `Signature expired: ${sig.amzDate} is now earlier than the allowed time window.` };
    if (!verifySigV4(req, sig, resolved.secretAccessKey)) return refuse('signature');
    principal = resolved.principal;
  } else {
    if (platform.config.auth === 'strict') return refuse('invalidToken');
    const accountId = isAccountId(sig.accessKeyId) ? sig.accessKeyId : platform.config.defaultAccountId;
    principal = { type: 'root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId };
  }
  const id = principal.type === 'root' ? principal.accountId : principal.userId;
  return { caller: { principal, accessKey: sig.accessKeyId, accountId: principal.accountId, caller: id, user: id, userArn: principal.arn } };
}

/** What the invocation is: the method's ARN (`arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path}`), the API's resource policy. */
export interface InvokeRequest {
  readonly methodArn: string;
  readonly sourceIp: string;
  /** The API's resource policy statements (REST APIs), if it has one. */
  readonly policy?: readonly PolicyStatement[];
  /** The API's `execute-api:/{stage}/{METHOD}/{path}` shorthand, expanded to an ARN. */
  readonly expandResource?: (resource: string) => string;
}

/**
 * Whether `caller` (undefined: an unsigned request) may invoke the method; the refusal's message as
 * API Gateway words it (the account in the ARN partly masked), or undefined when allowed.
 */
export async function invokeDenial(platform: Platform, caller: IamCaller | undefined, r: InvokeRequest): Promise<string | undefined> {
  const arn = parseArn(r.methodArn)!;
  const who = caller?.userArn ?? 'anonymous';
  const message = (explicit: boolean) => `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${maskedArn(r.methodArn)}${explicit ? ' with an explicit deny' : ''}`;
  const mode = platform.config.iam;
  if (!caller || mode === 'off') {
    if (!r.policy) return undefined;
    const decision = evaluatePolicy([...r.policy], {
      action: 'execute-api:Invoke',
      resource: r.methodArn,
      sourceIp: r.sourceIp,
      ...(caller ? { callerAccount: caller.accountId, principal: principalNames(caller.principal) } : {}),
      ...(r.expandResource ? { expandResource: r.expandResource } : {}),
    });
    return decision.allowed ? undefined : message(decision.explicitDeny);
  }
  const decision = await platform.evaluate(caller.principal, {
    service: 'apigateway',
    action: 'execute-api:Invoke',
    resource: r.methodArn,
    sourceIp: r.sourceIp,
    region: arn.region,
    resourcePolicy: { accountId: arn.account, statements: r.policy ?? [] },
    ...(r.expandResource ? { expandResource: r.expandResource } : {}),
  });
  if (decision.allowed) return undefined;
  if (mode === 'report') {
    platform.log({ level: 'warn', iam: 'report', wouldDeny: message(decision.explicit), ...(decision.statement ? { statement: decision.statement } : {}) });
    return undefined;
  }
  return message(decision.explicit);
}

/** The ARNs a policy's Principal may name the caller by. */
function principalNames(p: Principal): { arns: string[]; limitedArns?: string[] } {
  return p.sourceArn ? { arns: [p.arn], limitedArns: [p.sourceArn] } : { arns: [p.arn] };
}

/** The ARN as API Gateway prints it in a refusal (account id partly masked). */
export function maskedArn(arn: string): string {
  const parts = parseArn(arn);
  return parts && isAccountId(parts.account) ? formatArn({ ...parts, account: `********${parts.account.slice(8)}` }) : arn;
}

/**
 * Resource policies of REST APIs (execute-api:Invoke), evaluated as API Gateway does for each
 * request: an explicit Deny that applies refuses; otherwise, for a policy that exists, an Allow must
 * apply (for IAM-authorized methods the IAM identity stands in for the caller's own permissions,
 * which Stratus does not model, so the resource policy's Allow is what is checked).
 *
 * Conditions supported: IpAddress / NotIpAddress on aws:SourceIp (IPv4 CIDR or exact address),
 * StringEquals / StringNotEquals / StringLike / StringNotLike on aws:SourceIp, aws:SourceVpce and
 * aws:SourceVpc (requests to Stratus never come through a VPC endpoint), and on aws:PrincipalAccount.
 * A statement with any other condition does not apply.
 */

export interface PolicyRequest {
  /** arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path} */
  methodArn: string;
  region: string;
  accountId: string;
  apiId: string;
  sourceIp: string;
  /** The SigV4 caller's account, when the method is AWS_IAM-authorized. */
  callerAccount?: string;
}

export type PolicyDecision = { allowed: true } | { allowed: false; explicitDeny: boolean };

type Statement = { Effect?: string; Principal?: unknown; Action?: unknown; NotAction?: unknown; Resource?: unknown; NotResource?: unknown; Condition?: Record<string, Record<string, unknown>> };

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function wildcard(pattern: string, text: string): boolean {
  const re = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(re, 's').test(text);
}

function ipv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export function ipMatches(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = ipv4(base ?? '');
  const b = ipv4(ip);
  if (a === undefined || b === undefined) return cidr === ip;
  const n = bits === undefined ? 32 : Number(bits);
  if (!(n >= 0 && n <= 32)) return false;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return (a & mask) === (b & mask);
}

/** Expands the execute-api:/stage/METHOD/path shorthand to a full ARN. */
function expandResource(r: string, req: PolicyRequest): string {
  if (r.startsWith('execute-api:/')) return `arn:aws:execute-api:${req.region}:${req.accountId}:${req.apiId}/${r.slice('execute-api:/'.length)}`;
  return r;
}

function principalApplies(principal: unknown, req: PolicyRequest): boolean {
  if (principal === undefined || principal === '*') return true;
  if (principal && typeof principal === 'object') {
    const aws = list((principal as Record<string, unknown>).AWS);
    if (aws.includes('*')) return true;
    if (!req.callerAccount) return false;
    return aws.some((p) => p === req.callerAccount || p.startsWith(`arn:aws:iam::${req.callerAccount}:`));
  }
  return false;
}

function conditionsApply(condition: Statement['Condition'], req: PolicyRequest): boolean {
  if (!condition) return true;
  const keys: Record<string, string | undefined> = {
    'aws:sourceip': req.sourceIp,
    'aws:sourcevpce': undefined,
    'aws:sourcevpc': undefined,
    'aws:principalaccount': req.callerAccount,
  };
  for (const [operator, tests] of Object.entries(condition)) {
    for (const [key, expected] of Object.entries(tests ?? {})) {
      const lower = key.toLowerCase();
      if (!(lower in keys)) return false;
      const actual = keys[lower];
      const values = list(expected);
      let ok: boolean;
      switch (operator) {
        case 'IpAddress':
          ok = actual !== undefined && values.some((v) => ipMatches(v, actual));
          break;
        case 'NotIpAddress':
          ok = actual === undefined || !values.some((v) => ipMatches(v, actual));
          break;
        case 'StringEquals':
          ok = actual !== undefined && values.includes(actual);
          break;
        case 'StringNotEquals':
          ok = actual === undefined || !values.includes(actual);
          break;
        case 'StringLike':
          ok = actual !== undefined && values.some((v) => wildcard(v, actual));
          break;
        case 'StringNotLike':
          ok = actual === undefined || !values.some((v) => wildcard(v, actual));
          break;
        default:
          return false;
      }
      if (!ok) return false;
    }
  }
  return true;
}

function applies(s: Statement, req: PolicyRequest): boolean {
  const actionOk = s.NotAction !== undefined ? !list(s.NotAction).some((a) => wildcard(a, 'execute-api:Invoke')) : list(s.Action).some((a) => wildcard(a, 'execute-api:Invoke'));
  if (!actionOk) return false;
  const resourceOk =
    s.NotResource !== undefined ? !list(s.NotResource).some((r) => wildcard(expandResource(r, req), req.methodArn)) : list(s.Resource).some((r) => wildcard(expandResource(r, req), req.methodArn));
  return resourceOk && principalApplies(s.Principal, req) && conditionsApply(s.Condition, req);
}

/** Parses a stored policy; undefined when there is none or it is not valid JSON. */
export function parsePolicy(text: string | undefined): Statement[] | undefined {
  if (!text) return undefined;
  try {
    const doc = JSON.parse(text) as { Statement?: Statement | Statement[] };
    const s = doc.Statement;
    return s === undefined ? [] : Array.isArray(s) ? s : [s];
  } catch {
    return undefined;
  }
}

export function evaluatePolicy(statements: Statement[], req: PolicyRequest): PolicyDecision {
  const matching = statements.filter((s) => applies(s, req));
  if (matching.some((s) => s.Effect === 'Deny')) return { allowed: false, explicitDeny: true };
  if (matching.some((s) => s.Effect === 'Allow')) return { allowed: true };
  return { allowed: false, explicitDeny: false };
}

/** The ARN as AWS prints it in the refusal message (account id partly masked). */
export function maskedArn(arn: string): string {
  return arn.replace(/^(arn:aws[a-z-]*:execute-api:[^:]*:)(\d{8})(\d{4}):/, (_, head: string, _hidden: string, tail: string) => `${head}********${tail}:`);
}

/**
 * IAM policy statements against one request: whether a statement applies (action, resource,
 * principal, conditions) and how its Principal names the caller (statementMatch), for the evaluator
 * of `--iam enforce` (iam-authorize.ts) and for decisions a resource policy makes alone
 * (evaluatePolicy: function URLs, API Gateway with `--iam off`, S3 websites, trust policies).
 *
 * Conditions supported: the String*, Arn*, Numeric*, Date*, Bool, IpAddress/NotIpAddress and Null
 * operators, with ...IfExists and ForAnyValue:/ForAllValues: (over single values), on aws:SourceIp,
 * aws:SourceVpce and aws:SourceVpc (requests to Stratus never come through a VPC endpoint),
 * aws:PrincipalAccount, and the keys the caller gives for the request (`context`). A statement with
 * another operator, or on a key Stratus does not know, does not apply.
 */
import { parseArn } from './arn.js';

export interface PolicyRequest {
  /** The action asked for, e.g. execute-api:Invoke. */
  action: string;
  /** The ARN of the resource acted on. */
  resource: string;
  /** The caller's address (aws:SourceIp). */
  sourceIp: string;
  /** The signed caller's account (aws:PrincipalAccount), when the request is signed. */
  callerAccount?: string;
  /** Turns a service's shorthand in a policy's Resource into an ARN (API Gateway's `execute-api:/stage/GET/path`). */
  expandResource?: (resource: string) => string;
  /** The service's own condition keys for this request, lower-cased (e.g. `lambda:functionurlauthtype`). */
  context?: Readonly<Record<string, string>>;
  /**
   * Who the caller is, where a policy's Principal names more than an account (trust policies): its
   * ARNs (a user's; an assumed role's session and role ARNs), or the identity provider or service it
   * comes as. Without it, any principal of `callerAccount` matches an IAM ARN of that account.
   * `limitedArns`: the role of a role session, the user of a federated session (principalMatch).
   */
  principal?: { arns?: readonly string[]; limitedArns?: readonly string[]; federated?: string; service?: string };
}

export type PolicyDecision = { allowed: true } | { allowed: false; explicitDeny: boolean };

export type PolicyStatement = { Sid?: string; Effect?: string; Principal?: unknown; NotPrincipal?: unknown; Action?: unknown; NotAction?: unknown; Resource?: unknown; NotResource?: unknown; Condition?: Record<string, Record<string, unknown>> };

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** IAM's string wildcards: `*` any run of characters, `?` any one character. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === text;
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
    // Policies are few and stable: their patterns are compiled once (bounded, for policies that change).
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re.test(text);
}

const compiled = new Map<string, RegExp>();

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

/**
 * How a statement's Principal names the caller: 'direct' (everyone, the caller's own ARN: a user, a
 * role session, a federated session; a service or identity provider), 'limited' (the role of a
 * session or the user of a federated session: grants that boundaries and session policies still
 * limit), 'account' (the caller's account: a delegation to the account's own IAM policies), or
 * undefined when it does not name the caller. A statement without Principal (identity policies)
 * names everyone.
 */
export type PrincipalMatch = 'direct' | 'limited' | 'account';

export function principalMatch(s: Pick<PolicyStatement, 'Principal' | 'NotPrincipal'>, req: PolicyRequest): PrincipalMatch | undefined {
  if (s.NotPrincipal !== undefined) return namedBy(s.NotPrincipal, req) ? undefined : 'direct';
  if (s.Principal === undefined) return 'direct';
  return namedBy(s.Principal, req);
}

function namedBy(principal: unknown, req: PolicyRequest): PrincipalMatch | undefined {
  if (principal === '*') return 'direct';
  if (!principal || typeof principal !== 'object') return undefined;
  const named = principal as Record<string, unknown>;
  if (req.principal?.federated && list(named.Federated).includes(req.principal.federated)) return 'direct';
  if (req.principal?.service && list(named.Service).includes(req.principal.service)) return 'direct';
  let best: PrincipalMatch | undefined;
  const rank = { direct: 3, limited: 2, account: 1 } as const;
  for (const p of list(named.AWS)) {
    const m = awsPrincipal(p, req);
    if (m && (!best || rank[m] > rank[best])) best = m;
    if (best === 'direct') break;
  }
  return best;
}

function awsPrincipal(p: string, req: PolicyRequest): PrincipalMatch | undefined {
  if (p === '*') return 'direct';
  if (!req.callerAccount) return undefined;
  if (p === req.callerAccount) return 'account';
  const arn = parseArn(p);
  if ((arn?.service !== 'iam' && arn?.service !== 'sts') || arn.account !== req.callerAccount) return undefined;
  // An account's root ARN names every principal of the account; another ARN names one principal.
  if (arn.resource === 'root') return 'account';
  const who = req.principal;
  if (!who?.arns) return arn.service === 'iam' ? 'direct' : undefined;
  if (who.arns.includes(p)) return 'direct';
  return who.limitedArns?.includes(p) ? 'limited' : undefined;
}

/** Condition keys every request has (the request's own `context` may override them). */
const REQUEST_KEYS: Record<string, (req: PolicyRequest) => string | undefined> = {
  'aws:sourceip': (req) => req.sourceIp,
  // Requests to Stratus never come through a VPC endpoint.
  'aws:sourcevpce': () => undefined,
  'aws:sourcevpc': () => undefined,
  'aws:principalaccount': (req) => req.callerAccount,
};

/** Whether the request knows a condition key (lower-cased), and its value; read in place, nothing copied per statement. */
function knows(req: PolicyRequest, key: string): boolean {
  return (req.context !== undefined && key in req.context) || key in REQUEST_KEYS;
}

function valueOf(req: PolicyRequest, key: string): string | undefined {
  if (req.context !== undefined && key in req.context) return req.context[key];
  return REQUEST_KEYS[key]?.(req);
}

function conditionsApply(condition: PolicyStatement['Condition'], req: PolicyRequest): boolean {
  if (!condition) return true;
  for (const [written, tests] of Object.entries(condition)) {
    // ForAnyValue:/ForAllValues: over the single-valued keys Stratus knows are the plain operator;
    // ...IfExists holds when the key is absent.
    const ifExists = written.endsWith('IfExists');
    const operator = written.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
    for (const [key, expected] of Object.entries(tests ?? {})) {
      const lower = key.toLowerCase();
      const values = list(expected);
      const known = knows(req, lower);
      const value = known ? valueOf(req, lower) : undefined;
      if (operator === 'Null') {
        const absent = value === undefined;
        if (!values.some((v) => (v.toLowerCase() === 'true') === absent)) return false;
        continue;
      }
      if (value === undefined) {
        if (ifExists) continue;
        if (!known) return false;
      }
      const ok = operatorHolds(operator, value, values);
      if (ok === undefined || !ok) return false;
    }
  }
  return true;
}

/** One condition operator on a key's value (undefined: absent); undefined for an operator Stratus does not know. */
function operatorHolds(operator: string, actual: string | undefined, values: string[]): boolean | undefined {
  const num = (v: string) => Number(v);
  const date = (v: string) => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));
  const compare = (parse: (v: string) => number, test: (a: number, b: number) => boolean) =>
    actual !== undefined && !Number.isNaN(parse(actual)) && values.some((v) => test(parse(actual), parse(v)));
  switch (operator) {
    case 'IpAddress':
      return actual !== undefined && values.some((v) => ipMatches(v, actual));
    case 'NotIpAddress':
      return actual === undefined || !values.some((v) => ipMatches(v, actual));
    case 'StringEquals':
      return actual !== undefined && values.includes(actual);
    case 'StringNotEquals':
      return actual === undefined || !values.includes(actual);
    case 'StringEqualsIgnoreCase':
      return actual !== undefined && values.some((v) => v.toLowerCase() === actual.toLowerCase());
    case 'StringNotEqualsIgnoreCase':
      return actual === undefined || !values.some((v) => v.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
    case 'ArnLike':
    case 'ArnEquals':
      return actual !== undefined && values.some((v) => wildcardMatch(v, actual));
    case 'StringNotLike':
    case 'ArnNotLike':
    case 'ArnNotEquals':
      return actual === undefined || !values.some((v) => wildcardMatch(v, actual));
    case 'Bool':
      return actual !== undefined && values.some((v) => v.toLowerCase() === actual.toLowerCase());
    case 'NumericEquals':
      return compare(num, (a, b) => a === b);
    case 'NumericNotEquals':
      return actual === undefined || !compare(num, (a, b) => a === b);
    case 'NumericLessThan':
      return compare(num, (a, b) => a < b);
    case 'NumericLessThanEquals':
      return compare(num, (a, b) => a <= b);
    case 'NumericGreaterThan':
      return compare(num, (a, b) => a > b);
    case 'NumericGreaterThanEquals':
      return compare(num, (a, b) => a >= b);
    case 'DateEquals':
      return compare(date, (a, b) => a === b);
    case 'DateNotEquals':
      return actual === undefined || !compare(date, (a, b) => a === b);
    case 'DateLessThan':
      return compare(date, (a, b) => a < b);
    case 'DateLessThanEquals':
      return compare(date, (a, b) => a <= b);
    case 'DateGreaterThan':
      return compare(date, (a, b) => a > b);
    case 'DateGreaterThanEquals':
      return compare(date, (a, b) => a >= b);
    default:
      return undefined;
  }
}

/** Whether a statement applies to the request (action, resource, principal and conditions), whatever its Effect. */
export function statementApplies(s: PolicyStatement, req: PolicyRequest): boolean {
  return statementMatch(s, req) !== undefined;
}

/**
 * A statement's Action/NotAction and Resource/NotResource as lists, action patterns lower-cased:
 * compiled once per statement object (policies are parsed once and cached by their owners), so a
 * request allocates nothing for them.
 */
interface CompiledStatement {
  readonly actions: readonly string[];
  readonly notAction: boolean;
  readonly resources: readonly string[];
  readonly notResource: boolean;
}

const compiledStatements = new WeakMap<PolicyStatement, CompiledStatement>();

function compile(s: PolicyStatement): CompiledStatement {
  let c = compiledStatements.get(s);
  if (!c) {
    const notAction = s.NotAction !== undefined;
    const notResource = s.NotResource !== undefined;
    c = { actions: list(notAction ? s.NotAction : s.Action).map((a) => a.toLowerCase()), notAction, resources: list(notResource ? s.NotResource : s.Resource), notResource };
    compiledStatements.set(s, c);
  }
  return c;
}

/** The last action names lower-cased (few distinct ones: one per operation). */
const lowered = new Map<string, string>();
function lowerAction(action: string): string {
  let l = lowered.get(action);
  if (l === undefined) {
    if (lowered.size >= 10_000) lowered.clear();
    l = action.toLowerCase();
    lowered.set(action, l);
  }
  return l;
}

/** How a statement that applies to the request names its principal (principalMatch); undefined when it does not apply. */
export function statementMatch(s: PolicyStatement, req: PolicyRequest): PrincipalMatch | undefined {
  const c = compile(s);
  // Action names are not case-sensitive (AWS's policy grammar); resources are.
  const action = lowerAction(req.action);
  // Action applies when one pattern matches (NotAction: when none does); likewise Resource.
  if (c.actions.some((a) => wildcardMatch(a, action)) === c.notAction) return undefined;
  const expand = req.expandResource;
  if (c.resources.some((r) => wildcardMatch(expand ? expand(r) : r, req.resource)) === c.notResource) return undefined;
  const who = principalMatch(s, req);
  return who && conditionsApply(s.Condition, req) ? who : undefined;
}

/** Parses a stored policy; undefined when there is none or it is not valid JSON. */
export function parsePolicy(text: string | undefined): PolicyStatement[] | undefined {
  if (!text) return undefined;
  try {
    const doc = JSON.parse(text) as { Statement?: PolicyStatement | PolicyStatement[] };
    const s = doc.Statement;
    return s === undefined ? [] : Array.isArray(s) ? s : [s];
  } catch {
    return undefined;
  }
}

export function evaluatePolicy(statements: PolicyStatement[], req: PolicyRequest): PolicyDecision {
  const matching = statements.filter((s) => statementApplies(s, req));
  if (matching.some((s) => s.Effect === 'Deny')) return { allowed: false, explicitDeny: true };
  if (matching.some((s) => s.Effect === 'Allow')) return { allowed: true };
  return { allowed: false, explicitDeny: false };
}

/**
 * IAM's checks of a policy document before it is stored, with AWS's MalformedPolicyDocument
 * messages: JSON and grammar ("Syntax errors in policy."), the Version, actions and resources, vendor
 * prefixes, resource ARN formats, unique Sids, Principal where it is required (trust policies) or
 * prohibited (identity policies). Pure: no storage.
 */
import { MalformedPolicyDocumentException } from '../../generated/iam.js';

export type PolicyKind = 'identity' | 'trust';

const TOP = new Set(['Version', 'Id', 'Statement']);
const STATEMENT = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const OPERATORS = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
]);
const IAM_RESOURCE_TYPES = [
  'user/', 'federated-user/', 'role/', 'group/', 'instance-profile/', 'mfa/', 'server-certificate/', 'policy/', 'sms-mfa/',
  'saml-provider/', 'oidc-provider/', 'report/', 'access-report/',
];

const malformed = (message: string) => new MalformedPolicyDocumentException(message);

type Statement = Record<string, unknown>;

const isStringOrStrings = (v: unknown): boolean => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const strings = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : v === undefined ? [] : [v as string]);

function operatorName(op: string): string {
  let name = op.replace(/^(ForAnyValue:|ForAllValues:)/, '');
  if (name.endsWith('IfExists')) name = name.slice(0, -'IfExists'.length);
  return name;
}

/** The statements of a document that parses and follows the policy grammar, else undefined. */
function grammar(text: string, kind: PolicyKind): { version: unknown; statements: Statement[] } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const top = doc as Record<string, unknown>;
  if (Object.keys(top).some((k) => !TOP.has(k))) return undefined;
  if (top.Version !== undefined && top.Version !== '2008-10-17' && top.Version !== '2012-10-17') return undefined;
  if (top.Id !== undefined && typeof top.Id !== 'string') return undefined;
  const raw = top.Statement;
  if (!raw || typeof raw !== 'object') return undefined;
  const statements = (Array.isArray(raw) ? raw : [raw]) as unknown[];
  if (statements.length === 0) return undefined;
  for (const s of statements) {
    if (!s || typeof s !== 'object' || Array.isArray(s)) return undefined;
    const st = s as Statement;
    if (Object.keys(st).some((k) => !STATEMENT.has(k))) return undefined;
    if ('Resource' in st && 'NotResource' in st) return undefined;
    if ('Action' in st && 'NotAction' in st) return undefined;
    if (typeof st.Effect !== 'string' || (st.Effect !== 'Allow' && st.Effect !== 'Deny')) return undefined;
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) if (k in st && !isStringOrStrings(st[k])) return undefined;
    if (st.Sid !== undefined && typeof st.Sid !== 'string') return undefined;
    if (st.Condition !== undefined) {
      if (!st.Condition || typeof st.Condition !== 'object' || Array.isArray(st.Condition)) return undefined;
      for (const [op, tests] of Object.entries(st.Condition as Record<string, unknown>)) {
        if (!tests || typeof tests !== 'object' || Array.isArray(tests)) return undefined;
        if (!OPERATORS.has(operatorName(op)) && Object.keys(tests).length > 0) return undefined;
        for (const v of Object.values(tests as Record<string, unknown>)) {
          if (!(typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => ['string', 'boolean', 'number'].includes(typeof x))))) return undefined;
        }
      }
    }
    for (const p of ['Principal', 'NotPrincipal']) {
      if (!(p in st)) continue;
      const v = st[p];
      if (v === '*') continue;
      if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
      for (const [type, ids] of Object.entries(v as Record<string, unknown>)) {
        if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(type) || !isStringOrStrings(ids)) return undefined;
      }
    }
  }
  void kind;
  return { version: top.Version, statements: statements as Statement[] };
}

/** A Resource entry's format problem, in AWS's words, or undefined. */
function resourceProblem(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const parts = resource.split(':');
  if (parts.length < 2) return `Resource ${resource} must be in ARN format or "*".`;
  if (parts[0] !== 'arn') return `Resource ${resource} must be in ARN format or "*".`;
  const partition = parts[1] ?? '';
  if (partition !== 'aws' && !/^aws(-[a-z]+)+$/.test(partition) && partition !== '*') {
    const rest = parts.slice(2);
    const at = (i: number) => (rest[i] !== undefined && (rest[i] !== '' || rest.length > i + 1) ? rest[i] : '*');
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${at(0)}:${at(1)}:${at(2)}:${rest.length > 3 ? rest.slice(3).join(':') : '*'}".`;
  }
  if (parts.length < 3 || parts[2] === '' || /[*?]/.test(parts[2]!)) return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const service = parts[2]!;
  if ((service === 'iam' || service === 's3') && parts.length > 3 && parts[3] !== '') {
    return service === 'iam' ? `IAM resource ${resource} cannot contain region information.` : `Resource ${resource} can not contain region information.`;
  }
  if (service === 'iam' && parts.length > 5) {
    const path = parts.slice(5).join(':');
    if (path !== '*' && !IAM_RESOURCE_TYPES.some((t) => path.startsWith(t))) {
      return `IAM resource path must either be "*" or start with ${IAM_RESOURCE_TYPES.join(', ')}.`;
    }
  }
  return undefined;
}

function actionProblem(action: string): string | undefined {
  if (action === '*') return undefined;
  const parts = action.split(':');
  if (parts.length === 1) return 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
  if (parts.length > 2) return 'Actions/Condition can contain only one colon.';
  if (/[^a-zA-Z0-9\-.]/.test(parts[0]!)) return `Vendor ${parts[0]} is not valid`;
  return undefined;
}

/**
 * Checks a policy document as IAM does before storing it; throws MalformedPolicyDocument with AWS's
 * message. `kind` 'trust' is a role's assume-role policy (Principal required, Resource not allowed).
 */
export function validatePolicyDocument(text: string, kind: PolicyKind): void {
  const parsed = grammar(text, kind);
  if (!parsed) throw malformed(kind === 'trust' && !isJson(text) ? 'This policy contains invalid Json' : 'Syntax errors in policy.');
  if (parsed.version !== '2012-10-17' && kind === 'identity') throw malformed('Policy document must be version 2012-10-17 or greater.');
  const sids = new Set<string>();
  for (const s of parsed.statements) {
    if (typeof s.Sid === 'string' && s.Sid !== '') {
      if (sids.has(s.Sid)) throw malformed('Statement IDs (SID) in a single policy must be unique.');
      sids.add(s.Sid);
    }
  }
  for (const s of parsed.statements) {
    const actions = s.Action ?? s.NotAction;
    if (actions === undefined || (Array.isArray(actions) && actions.length === 0)) throw malformed('Policy statement must contain actions.');
  }
  if (kind === 'identity') {
    for (const s of parsed.statements) {
      if ('Principal' in s || 'NotPrincipal' in s) throw malformed('Policy document should not specify a principal.');
      const resources = s.Resource ?? s.NotResource;
      if (resources === undefined || (Array.isArray(resources) && resources.length === 0)) throw malformed('Policy statement must contain resources.');
    }
    for (const s of parsed.statements) {
      for (const r of [...strings(s.Resource), ...strings(s.NotResource)]) {
        const problem = resourceProblem(r);
        if (problem) throw malformed(problem);
      }
    }
  } else {
    for (const s of parsed.statements) {
      if ('Resource' in s || 'NotResource' in s) throw malformed(`Has prohibited field ${'Resource' in s ? 'Resource' : 'NotResource'}`);
      if (!('Principal' in s) && !('NotPrincipal' in s)) throw malformed('Missing required field Principal');
      for (const a of [...strings(s.Action), ...strings(s.NotAction)]) {
        if (a !== '*' && !/^sts:/i.test(a)) throw malformed('AssumeRole policy may only specify STS AssumeRole actions.');
      }
    }
  }
  for (const s of parsed.statements) {
    for (const a of [...strings(s.Action), ...strings(s.NotAction)]) {
      const problem = actionProblem(a);
      if (problem) throw malformed(problem);
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The AWS principals (`"AWS": ...`) a trust policy names, for the existence check of same-account users and roles. */
export function awsPrincipals(text: string): string[] {
  const doc = JSON.parse(text) as { Statement: Statement | Statement[] };
  const out: string[] = [];
  for (const s of Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) {
    for (const key of ['Principal', 'NotPrincipal']) {
      const p = s[key];
      if (p && typeof p === 'object') out.push(...strings((p as Record<string, unknown>).AWS));
    }
  }
  return out;
}

/** The size IAM counts against a policy quota: the document without its whitespace. */
export function policySize(text: string): number {
  return text.replace(/\s+/g, '').length;
}

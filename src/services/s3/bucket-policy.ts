/**
 * Bucket policies: the checks PutBucketPolicy makes (AWS's MalformedPolicy messages), whether a policy
 * is public (GetBucketPolicyStatus, Block Public Access), and the anonymous reads it grants (served on
 * the website endpoint, where every request is anonymous). Evaluation is src/aws/iam-policy.ts's.
 */
import { AwsError } from '../../aws/errors.js';
import { evaluatePolicy, parsePolicy, wildcardMatch, type PolicyStatement } from '../../aws/iam-policy.js';

const malformed = (message: string): AwsError => new AwsError('MalformedPolicy', message, 400);

/** Actions on objects (`arn:aws:s3:::bucket/key`); every other S3 action is on the bucket. */
const OBJECT_ACTION = /^s3:(GetObject|PutObject|DeleteObject|AbortMultipartUpload|ListMultipartUploadParts|RestoreObject|Replicate|BypassGovernanceRetention|ObjectOwnerOverrideToBucketOwner|InitiateReplication)/i;
/** Condition keys that make an Allow to everyone no longer public (AWS's list for Block Public Access). */
const RESTRICTING_KEYS = ['aws:sourceip', 'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceaccount', 'aws:sourceowner', 'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid', 'aws:userid', 's3:datalocation'];

const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Checks a policy document for `bucket` as PutBucketPolicy does; the statements when valid. */
export function checkBucketPolicy(text: string, bucket: string): PolicyStatement[] {
  let doc: unknown;
  try {
    if (!text.trimStart().startsWith('{')) throw new Error();
    doc = JSON.parse(text);
  } catch {
    throw malformed("Policies must be valid JSON and the first byte must be '{'");
  }
  const d = doc as { Version?: unknown; Statement?: unknown };
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') throw malformed('Invalid policy version');
  if (d.Statement === undefined) throw malformed('Missing required field Statement');
  const statements = parsePolicy(text)!;
  if (statements.length === 0) throw malformed('Could not parse the policy: Statement is empty!');
  for (const s of statements) checkStatement(s, bucket);
  return statements;
}

function checkStatement(s: PolicyStatement, bucket: string): void {
  if (s.Effect === undefined) throw malformed('Missing required field Effect');
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed(`Invalid effect: ${String(s.Effect)}`);
  const p = s as PolicyStatement & { NotPrincipal?: unknown };
  if (p.Principal === undefined && p.NotPrincipal === undefined) throw malformed('Missing required field Principal');
  if (!validPrincipal(p.Principal ?? p.NotPrincipal)) throw malformed('Invalid principal in policy');
  if (s.Action === undefined && s.NotAction === undefined) throw malformed('Missing required field Action');
  const actions = list(s.Action ?? s.NotAction);
  if (actions.length === 0 || actions.some((a) => a !== '*' && !/^s3:[A-Za-z*?]+$/i.test(a))) throw malformed('Policy has invalid action');
  if (s.Resource === undefined && s.NotResource === undefined) throw malformed('Missing required field Resource');
  const resources = list(s.Resource ?? s.NotResource);
  for (const r of resources) {
    if (!r.startsWith('arn:aws:s3:::')) throw malformed('Policy has invalid resource');
    const name = r.slice('arn:aws:s3:::'.length).split('/')[0]!;
    if (!wildcardMatch(name, bucket)) throw malformed('Policy has invalid resource');
  }
  if (s.Action !== undefined && s.Resource !== undefined) {
    const objectResource = resources.some((r) => r.slice('arn:aws:s3:::'.length).includes('/') || r.endsWith('*'));
    const bucketResource = resources.some((r) => !r.slice('arn:aws:s3:::'.length).includes('/'));
    for (const a of actions) {
      if (a.includes('*') || a.includes('?')) continue;
      if (OBJECT_ACTION.test(a) ? !objectResource : !bucketResource) throw malformed('Action does not apply to any resource(s) in statement');
    }
  }
  for (const [operator, tests] of Object.entries(s.Condition ?? {})) {
    if (!/^(String|Numeric|Date|Bool|BinaryEquals|IpAddress|NotIpAddress|Arn|Null)/.test(operator)) throw malformed(`Invalid Condition type : ${operator}`);
    if (!tests || typeof tests !== 'object') throw malformed('Invalid Condition block');
  }
}

function validPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return false;
  const entries = Object.entries(principal as Record<string, unknown>);
  if (entries.length === 0) return false;
  return entries.every(([kind, value]) => {
    const ids = list(value);
    if (ids.length === 0) return false;
    switch (kind) {
      case 'AWS':
        return ids.every((id) => id === '*' || /^\d{12}$/.test(id) || /^arn:aws:(iam|sts)::\d{12}:\S+$/.test(id));
      case 'Service':
        return ids.every((id) => /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(id) || id === '*');
      case 'CanonicalUser':
        return ids.every((id) => /^[0-9a-f]{64}$/.test(id));
      case 'Federated':
        return ids.length > 0;
      default:
        return false;
    }
  });
}

const everyone = (principal: unknown): boolean =>
  principal === '*' || (!!principal && typeof principal === 'object' && list((principal as Record<string, unknown>).AWS).includes('*'));

/** Public as Block Public Access defines it: an Allow to everyone not narrowed by a restricting condition. */
export function isPublicPolicy(statements: readonly PolicyStatement[]): boolean {
  return statements.some((s) => {
    if (s.Effect !== 'Allow' || !everyone(s.Principal)) return false;
    const keys = Object.values(s.Condition ?? {}).flatMap((t) => Object.keys(t ?? {}).map((k) => k.toLowerCase()));
    return !keys.some((k) => RESTRICTING_KEYS.includes(k));
  });
}

/** Whether the policy lets an anonymous caller at `sourceIp` do `action` on `resource`. */
export function allowsAnonymous(text: string | undefined, action: string, resource: string, sourceIp: string): boolean {
  const statements = parsePolicy(text);
  if (!statements) return false;
  // An anonymous caller is only matched by statements for everyone.
  const forEveryone = statements.filter((s) => everyone(s.Principal));
  return evaluatePolicy(forEveryone, { action, resource, sourceIp }).allowed;
}

/**
 * Access control lists as S3 answers them: canned ACLs (x-amz-acl), grant headers (x-amz-grant-*),
 * AccessControlPolicy documents; the owner's FULL_CONTROL plus the grants recorded. Object Ownership
 * BucketOwnerEnforced (the default for new buckets) disables ACLs: only ones that give the owner full
 * control alone are accepted, any other is AccessControlListNotSupported.
 */
import { AwsError } from '../../aws/errors.js';
import type { Grant } from '../../generated/s3.js';
import { invalidArgument, invalidRequest } from './errors.js';
import { canonicalId } from './owner.js';

export type StoredGrant = { Grantee: { Type: string; ID?: string; URI?: string; EmailAddress?: string }; Permission: string };

const GROUPS = 'http://acs.amazonaws.com/groups/';
const ALL_USERS = `${GROUPS}global/AllUsers`;
const AUTHENTICATED = `${GROUPS}global/AuthenticatedUsers`;
const LOG_DELIVERY = `${GROUPS}s3/LogDelivery`;
const VALID_GROUPS = [ALL_USERS, AUTHENTICATED, LOG_DELIVERY];
const PERMISSIONS = ['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP'];
const CANNED = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];

const group = (uri: string, permission: string): StoredGrant => ({ Grantee: { Type: 'Group', URI: uri }, Permission: permission });

export const aclNotSupported = (): AwsError => new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);

/** The grants (besides the owner's) of a canned ACL. */
function cannedGrants(acl: string): StoredGrant[] {
  if (!CANNED.includes(acl)) throw new AwsError('InvalidArgument', '', 400, { fields: { ArgumentName: 'x-amz-acl', ArgumentValue: acl } });
  switch (acl) {
    case 'public-read':
      return [group(ALL_USERS, 'READ')];
    case 'public-read-write':
      return [group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE')];
    case 'authenticated-read':
      return [group(AUTHENTICATED, 'READ')];
    case 'log-delivery-write':
      return [group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP')];
    default:
      // private, and the bucket-owner-* ACLs (the bucket owner is the owner here).
      return [];
  }
}

const GRANT_HEADERS: [string, string][] = [
  ['GrantFullControl', 'FULL_CONTROL'],
  ['GrantRead', 'READ'],
  ['GrantReadACP', 'READ_ACP'],
  ['GrantWrite', 'WRITE'],
  ['GrantWriteACP', 'WRITE_ACP'],
];

/** `id="...", uri="...", emailAddress="..."` lists from an x-amz-grant-* header. */
function headerGrants(header: string, value: string, permission: string): StoredGrant[] {
  return value.split(',').map((part) => {
    const m = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/i.exec(part);
    if (!m) throw invalidArgument('Argument format not recognized', header, value);
    return grantee(m[1]!.toLowerCase(), m[2]!, permission, m[1]!.toLowerCase());
  });
}

function grantee(kind: string, value: string, permission: string, argumentPrefix: string): StoredGrant {
  if (kind === 'id') {
    if (!/^[0-9a-f]{64}$/.test(value)) throw invalidArgument('Invalid id', argumentPrefix === 'id' ? 'id' : 'CanonicalUser/ID', value);
    return { Grantee: { Type: 'CanonicalUser', ID: value }, Permission: permission };
  }
  if (kind === 'uri') {
    if (!VALID_GROUPS.includes(value)) throw invalidArgument('Invalid group uri', argumentPrefix === 'uri' ? 'uri' : 'Group/URI', value);
    return group(value, permission);
  }
  // AWS resolves an email address to an account; Stratus has no directory of them.
  throw new AwsError('UnresolvableGrantByEmailAddress', 'The e-mail address you provided does not match any account on record.', 400, { fields: { EmailAddressProvided: value } });
}

interface AclInput {
  ACL?: string;
  AccessControlPolicy?: { Grants?: Grant[]; Owner?: { ID?: string } };
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

/** The grants a Put...Acl (or a write's ACL headers) asks for, besides the owner's; undefined when it names none. */
export function requestedGrants(input: AclInput, ownerAccount: string, requireOne: boolean): StoredGrant[] | undefined {
  const headers = GRANT_HEADERS.filter(([k]) => (input as Record<string, unknown>)[k] !== undefined);
  if (input.ACL !== undefined && headers.length > 0) throw invalidRequest('Specifying both Canned ACLs and Header Grants is not allowed');
  if ((input.ACL !== undefined || headers.length > 0) && input.AccessControlPolicy) throw new AwsError('UnexpectedContent', 'This request does not support content', 400);
  if (input.ACL !== undefined) return cannedGrants(input.ACL);
  if (headers.length > 0) return headers.flatMap(([k, p]) => headerGrants(`x-amz-${k.replace(/^Grant/, 'grant-').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`, (input as Record<string, string>)[k]!, p));
  if (input.AccessControlPolicy) {
    const owner = canonicalId(ownerAccount);
    return (input.AccessControlPolicy.Grants ?? []).flatMap((g) => {
      const permission = g.Permission ?? '';
      if (!PERMISSIONS.includes(permission) || !g.Grantee) throw new AwsError('MalformedACLError', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      const t = g.Grantee;
      const kind = t.Type === 'CanonicalUser' ? 'id' : t.Type === 'Group' ? 'uri' : t.Type === 'AmazonCustomerByEmail' ? 'emailaddress' : '';
      if (!kind) throw new AwsError('MalformedACLError', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      const grant = grantee(kind, (kind === 'id' ? t.ID : kind === 'uri' ? t.URI : t.EmailAddress) ?? '', permission, 'xml');
      // The owner's own full control is implied, not a grant of its own.
      return grant.Grantee.ID === owner && permission === 'FULL_CONTROL' ? [] : [grant];
    });
  }
  if (requireOne) throw new AwsError('MissingSecurityHeader', 'Your request was missing a required header', 400, { fields: { MissingHeaderName: 'x-amz-acl' } });
  return undefined;
}

export const isPublicGrant = (g: StoredGrant): boolean => g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED;

/** The full list as Get...Acl answers it: the owner's FULL_CONTROL first. */
export function grantsWithOwner(ownerAccount: string, grants: readonly StoredGrant[]): Grant[] {
  return [{ Grantee: { Type: 'CanonicalUser', ID: canonicalId(ownerAccount) }, Permission: 'FULL_CONTROL' }, ...(grants as Grant[])];
}

/**
 * Identities: GetId (a guest identity, or the one of a verified login), DescribeIdentity,
 * ListIdentities, DeleteIdentities, GetOpenIdToken, and GetCredentialsForIdentity (the enhanced flow:
 * an OpenID token of this service exchanged with STS AssumeRoleWithWebIdentity for the pool's role,
 * session name CognitoIdentityCredentials, the role's trust policy evaluated as AWS does).
 */
import { isAwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidIdentityPoolConfigurationException,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
  type CognitoIdentityApi,
  type GetCredentialsForIdentityInput,
  type GetIdInput,
  type ListIdentitiesInput,
} from '../../../generated/cognito-identity.js';
import type { StsApi } from '../../../generated/sts.js';
import { serviceClient } from '../../clients.js';
import type { IdentityCore, Login, StoredIdentity, StoredPool } from '../core.js';

type Ops = 'GetId' | 'DescribeIdentity' | 'ListIdentities' | 'DeleteIdentities' | 'GetOpenIdToken' | 'GetCredentialsForIdentity';

const UNAUTH = 'Unauthenticated access is not supported for this identity pool.';
const LOGINS_MISMATCH = "Logins don't match. Please include at least one valid login for this identity or identity pool.";
const BAD_CONFIG = 'Invalid identity pool configuration. Check assigned IAM roles for this pool.';

export class IdentityOps implements Pick<CognitoIdentityApi, Ops> {
  constructor(private readonly core: IdentityCore) {}

  async GetId(ctx: RequestContext, input: GetIdInput) {
    const pool = await this.core.pool(input.IdentityPoolId);
    if (input.AccountId !== undefined && input.AccountId !== pool.account) throw new NotAuthorizedException(`Identity pool - ${pool.IdentityPoolId} does not have the account ${input.AccountId}`);
    const logins = await this.core.verifyLogins(pool, input.Logins ?? {});
    if (!logins.length && !pool.AllowUnauthenticatedIdentities) throw new NotAuthorizedException(UNAUTH);
    return { IdentityId: await this.core.identityFor(pool, logins) };
  }

  async DescribeIdentity(ctx: RequestContext, input: { IdentityId: string }) {
    const identity = await this.core.identity(input.IdentityId);
    await this.core.pool(identity.pool_id, ctx.accountId).catch(() => {
      throw new ResourceNotFoundException(`Identity '${input.IdentityId}' not found.`);
    });
    return description(identity);
  }

  async ListIdentities(ctx: RequestContext, input: ListIdentitiesInput) {
    const pool = await this.core.pool(input.IdentityPoolId, ctx.accountId);
    const after = input.NextToken ? Buffer.from(input.NextToken, 'base64url').toString('utf8') : '';
    const rows = await this.core.db.all<{ identity_id: string; pool_id: string; created: number; modified: number; logins: string }>(
      'SELECT identity_id, pool_id, created, modified, logins FROM cognito_identity_ids WHERE pool_id = ? AND identity_id > ? ORDER BY identity_id LIMIT ?',
      [pool.IdentityPoolId, after, input.MaxResults + 1],
    );
    const page = rows.slice(0, input.MaxResults);
    return {
      IdentityPoolId: pool.IdentityPoolId,
      Identities: page.map((r) => description({ ...r, created: Number(r.created), modified: Number(r.modified), logins: JSON.parse(r.logins) as string[] })),
      ...(rows.length > input.MaxResults ? { NextToken: Buffer.from(page[page.length - 1]!.identity_id).toString('base64url') } : {}),
    };
  }

  async DeleteIdentities(ctx: RequestContext, input: { IdentityIdsToDelete: string[] }) {
    const unprocessed: Array<{ IdentityId: string; ErrorCode: 'AccessDenied' }> = [];
    for (const id of input.IdentityIdsToDelete) {
      const identity = await this.core.identity(id).catch(() => undefined);
      const pool = identity ? await this.core.findPool(identity.pool_id) : undefined;
      if (!identity || !pool || pool.account !== ctx.accountId) {
        unprocessed.push({ IdentityId: id, ErrorCode: 'AccessDenied' });
        continue;
      }
      await this.core.db.tx(async (tx) => {
        await tx.run('DELETE FROM cognito_identity_ids WHERE identity_id = ?', [id]);
        await tx.run('DELETE FROM cognito_identity_logins WHERE identity_id = ?', [id]);
      });
    }
    return { UnprocessedIdentityIds: unprocessed };
  }

  async GetOpenIdToken(ctx: RequestContext, input: { IdentityId: string; Logins?: Record<string, string> }) {
    const { pool, logins } = await this.checked(input.IdentityId, input.Logins);
    return { IdentityId: input.IdentityId, Token: await this.core.openIdToken(pool, input.IdentityId, logins) };
  }

  async GetCredentialsForIdentity(ctx: RequestContext, input: GetCredentialsForIdentityInput) {
    const { pool, logins } = await this.checked(input.IdentityId, input.Logins);
    const roleArn = this.roleFor(pool, logins, input.CustomRoleArn);
    const sts = serviceClient<StsApi>(this.core.platform, 'sts', { accountId: pool.account, region: pool.region, requestId: ctx.requestId });
    if (!sts) throw new InvalidIdentityPoolConfigurationException(BAD_CONFIG);
    const token = await this.core.openIdToken(pool, input.IdentityId, logins);
    try {
      const out = await sts.AssumeRoleWithWebIdentity({ RoleArn: roleArn, RoleSessionName: 'CognitoIdentityCredentials', WebIdentityToken: token, DurationSeconds: 3600 });
      const c = out.Credentials!;
      return { IdentityId: input.IdentityId, Credentials: { AccessKeyId: c.AccessKeyId, SecretKey: c.SecretAccessKey, SessionToken: c.SessionToken, Expiration: c.Expiration } };
    } catch (e) {
      // A role that does not exist or does not trust cognito-identity.amazonaws.com for this pool.
      if (isAwsError(e) && (e.code === 'AccessDenied' || e.code === 'ValidationError')) throw new InvalidIdentityPoolConfigurationException(BAD_CONFIG);
      throw e;
    }
  }

  /** The identity's pool and the verified logins given for it, which must be the identity's own. */
  private async checked(identityId: string, given: Record<string, string> | undefined): Promise<{ pool: StoredPool; identity: StoredIdentity; logins: Login[] }> {
    const identity = await this.core.identity(identityId);
    const pool = await this.core.findPool(identity.pool_id);
    if (!pool) throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
    const logins = await this.core.verifyLogins(pool, given ?? {});
    if (logins.length) {
      if (!(await this.core.loginsMatch(identityId, pool.IdentityPoolId, logins))) throw new NotAuthorizedException(LOGINS_MISMATCH);
    } else {
      if (identity.logins.length) throw new NotAuthorizedException(LOGINS_MISMATCH);
      if (!pool.AllowUnauthenticatedIdentities) throw new NotAuthorizedException(UNAUTH);
    }
    return { pool, identity, logins };
  }

  /**
   * The role of the call. A login's role mapping (keyed `{provider}:{clientId}` as AWS keys them, or
   * `{provider}`) decides first: Token, the ID token's cognito:preferred_role (or CustomRoleArn when
   * it is one of its cognito:roles); Rules, the first rule whose claim matches. When the mapping finds
   * none, AmbiguousRoleResolution: the pool's authenticated role, or Deny. Without a mapping, the
   * pool's authenticated or unauthenticated role.
   */
  private roleFor(pool: StoredPool, logins: Login[], custom: string | undefined): string {
    for (const l of logins) {
      const mapping = pool.RoleMappings?.[`${l.provider}:${String(l.claims.aud ?? '')}`] ?? pool.RoleMappings?.[l.provider];
      if (!mapping) continue;
      if (mapping.Type === 'Token') {
        const roles = Array.isArray(l.claims['cognito:roles']) ? (l.claims['cognito:roles'] as string[]) : [];
        if (custom && roles.includes(custom)) return custom;
        if (custom) throw new InvalidParameterException('Invalid CustomRoleArn.');
        if (typeof l.claims['cognito:preferred_role'] === 'string') return l.claims['cognito:preferred_role'];
      } else {
        const rule = (mapping.RulesConfiguration?.Rules ?? []).find((r) => ruleMatches(l.claims[r.Claim], r.MatchType, r.Value));
        if (rule) return rule.RoleARN;
      }
      if (mapping.AmbiguousRoleResolution === 'Deny') throw new InvalidIdentityPoolConfigurationException(BAD_CONFIG);
    }
    const role = pool.Roles?.[logins.length ? 'authenticated' : 'unauthenticated'];
    if (!role) throw new InvalidIdentityPoolConfigurationException(BAD_CONFIG);
    return role;
  }
}

/** A rule of a Rules mapping against a claim; a list claim (cognito:groups) matches when one of its values does (NotEqual: when none equals). */
function ruleMatches(claim: unknown, type: string, value: string): boolean {
  const values = Array.isArray(claim) ? claim.map(String) : claim === undefined || claim === null ? [] : [String(claim)];
  switch (type) {
    case 'Equals':
      return values.includes(value);
    case 'Contains':
      return values.some((v) => v.includes(value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(value));
    case 'NotEqual':
      return values.length > 0 && !values.includes(value);
    default:
      return false;
  }
}

function description(identity: StoredIdentity) {
  return {
    IdentityId: identity.identity_id,
    ...(identity.logins.length ? { Logins: identity.logins } : {}),
    CreationDate: new Date(identity.created),
    LastModifiedDate: new Date(identity.modified),
  };
}

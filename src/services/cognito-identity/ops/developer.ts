/**
 * Developer-authenticated identities: the app's backend, signed with the account's credentials,
 * names its own user (`Logins: { [DeveloperProviderName]: userIdentifier }`) and gets an OpenID token
 * for that user's identity (GetOpenIdTokenForDeveloperIdentity); the app then presents the token as
 * the login `cognito-identity.amazonaws.com` to GetCredentialsForIdentity. Lookup, merge and unlink
 * of developer user identifiers.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  DeveloperUserAlreadyRegisteredException,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceConflictException,
  ResourceNotFoundException,
  type CognitoIdentityApi,
  type GetOpenIdTokenForDeveloperIdentityInput,
  type LookupDeveloperIdentityInput,
  type MergeDeveloperIdentitiesInput,
  type UnlinkDeveloperIdentityInput,
} from '../../../generated/cognito-identity.js';
import type { Queryable } from '../../../storage/db.js';
import type { IdentityCore, Login, StoredPool } from '../core.js';

type Ops = 'GetOpenIdTokenForDeveloperIdentity' | 'LookupDeveloperIdentity' | 'MergeDeveloperIdentities' | 'UnlinkDeveloperIdentity';

const DEFAULT_DURATION = 900;

export class DeveloperOps implements Pick<CognitoIdentityApi, Ops> {
  constructor(private readonly core: IdentityCore) {}

  private async devPool(ctx: RequestContext, poolId: string, provider?: string): Promise<StoredPool & { DeveloperProviderName: string }> {
    const pool = await this.core.pool(poolId, ctx.accountId);
    if (!pool.DeveloperProviderName) throw new NotAuthorizedException('This identity pool does not support developer authenticated identities.');
    if (provider !== undefined && provider !== pool.DeveloperProviderName) throw new NotAuthorizedException(`Developer provider name ${provider} does not match the identity pool's.`);
    return pool as StoredPool & { DeveloperProviderName: string };
  }

  private login(poolDev: string, user: string): string {
    return `${poolDev}|${user}`;
  }

  private async identityOfUser(q: Queryable, pool: StoredPool, provider: string, user: string): Promise<string | undefined> {
    const row = await q.get<{ identity_id: string }>('SELECT identity_id FROM cognito_identity_logins WHERE pool_id = ? AND login = ?', [pool.IdentityPoolId, this.login(provider, user)]);
    return row?.identity_id;
  }

  async GetOpenIdTokenForDeveloperIdentity(ctx: RequestContext, input: GetOpenIdTokenForDeveloperIdentityInput) {
    const pool = await this.devPool(ctx, input.IdentityPoolId);
    const dev = pool.DeveloperProviderName;
    const user = input.Logins[dev];
    const others = Object.fromEntries(Object.entries(input.Logins).filter(([k]) => k !== dev));
    if (user === undefined && !Object.keys(others).length) throw new InvalidParameterException('Logins must contain the developer provider name of the identity pool.');
    const verified = await this.core.verifyLogins(pool, others);
    const now = this.core.now();
    const identityId = await this.core.db.tx(async (tx) => {
      let id = user !== undefined ? await this.identityOfUser(tx, pool, dev, user) : undefined;
      if (input.IdentityId !== undefined) {
        const named = await tx.get<{ pool_id: string }>('SELECT pool_id FROM cognito_identity_ids WHERE identity_id = ?', [input.IdentityId]);
        if (!named || named.pool_id !== pool.IdentityPoolId) throw new ResourceNotFoundException(`Identity '${input.IdentityId}' not found.`);
        if (id !== undefined && id !== input.IdentityId) throw new DeveloperUserAlreadyRegisteredException('The developer user identifier is already registered with another identity.');
        id = input.IdentityId;
      }
      for (const l of verified) {
        const other = await tx.get<{ identity_id: string }>('SELECT identity_id FROM cognito_identity_logins WHERE pool_id = ? AND login = ?', [pool.IdentityPoolId, `${l.provider}|${l.sub}`]);
        if (other && id === undefined) id = other.identity_id;
        else if (other && other.identity_id !== id) throw new ResourceConflictException('The login is already linked to another identity.');
      }
      if (id === undefined) {
        id = `${pool.region}:${randomUUID()}`;
        await tx.run('INSERT INTO cognito_identity_ids (identity_id, pool_id, created, modified, logins) VALUES (?, ?, ?, ?, ?)', [id, pool.IdentityPoolId, now, now, '[]']);
      }
      const links = [...(user !== undefined ? [{ provider: dev, login: this.login(dev, user) }] : []), ...verified.map((l) => ({ provider: l.provider, login: `${l.provider}|${l.sub}` }))];
      for (const link of links) await tx.run('INSERT INTO cognito_identity_logins (pool_id, login, identity_id) VALUES (?, ?, ?) ON CONFLICT (pool_id, login) DO NOTHING', [pool.IdentityPoolId, link.login, id]);
      await this.refreshProviders(tx, id);
      return id;
    });
    const logins: Login[] = [...(user !== undefined ? [{ provider: dev, sub: user, claims: { developer: true } }] : []), ...verified];
    return { IdentityId: identityId, Token: await this.core.openIdToken(pool, identityId, logins, input.TokenDuration ?? DEFAULT_DURATION) };
  }

  /** The identity's list of linked providers, from its logins. */
  private async refreshProviders(q: Queryable, identityId: string): Promise<void> {
    const rows = await q.all<{ login: string }>('SELECT login FROM cognito_identity_logins WHERE identity_id = ? ORDER BY login', [identityId]);
    const providers = [...new Set(rows.map((r) => r.login.slice(0, r.login.indexOf('|'))))];
    await q.run('UPDATE cognito_identity_ids SET logins = ?, modified = ? WHERE identity_id = ?', [JSON.stringify(providers), this.core.now(), identityId]);
  }

  async LookupDeveloperIdentity(ctx: RequestContext, input: LookupDeveloperIdentityInput) {
    const pool = await this.devPool(ctx, input.IdentityPoolId);
    const dev = pool.DeveloperProviderName;
    if (input.IdentityId === undefined && input.DeveloperUserIdentifier === undefined) throw new InvalidParameterException('Either IdentityId or DeveloperUserIdentifier must be given.');
    let identityId = input.IdentityId;
    if (input.DeveloperUserIdentifier !== undefined) {
      const found = await this.identityOfUser(this.core.db, pool, dev, input.DeveloperUserIdentifier);
      if (!found || (identityId !== undefined && identityId !== found)) throw new ResourceNotFoundException(`No identity found for developer user identifier ${input.DeveloperUserIdentifier}.`);
      identityId = found;
    }
    const identity = await this.core.identity(identityId!).catch(() => undefined);
    if (!identity || identity.pool_id !== pool.IdentityPoolId) throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
    const size = input.MaxResults ?? 60;
    const after = input.NextToken ? Buffer.from(input.NextToken, 'base64url').toString('utf8') : '';
    const prefix = `${dev}|`;
    const rows = await this.core.db.all<{ login: string }>(
      'SELECT login FROM cognito_identity_logins WHERE identity_id = ? AND pool_id = ? AND login > ? ORDER BY login LIMIT ?',
      [identity.identity_id, pool.IdentityPoolId, after ? `${prefix}${after}` : prefix, size + 1],
    );
    const users = rows.filter((r) => r.login.startsWith(prefix)).map((r) => r.login.slice(prefix.length));
    const page = users.slice(0, size);
    return {
      IdentityId: identity.identity_id,
      DeveloperUserIdentifierList: page,
      ...(users.length > size ? { NextToken: Buffer.from(page[page.length - 1]!).toString('base64url') } : {}),
    };
  }

  /** Every login of the source user's identity moves to the destination user's identity; the source identity goes. */
  async MergeDeveloperIdentities(ctx: RequestContext, input: MergeDeveloperIdentitiesInput) {
    const pool = await this.devPool(ctx, input.IdentityPoolId, input.DeveloperProviderName);
    const dev = pool.DeveloperProviderName;
    const identityId = await this.core.db.tx(async (tx) => {
      const source = await this.identityOfUser(tx, pool, dev, input.SourceUserIdentifier);
      if (!source) throw new ResourceNotFoundException(`No identity found for developer user identifier ${input.SourceUserIdentifier}.`);
      const destination = await this.identityOfUser(tx, pool, dev, input.DestinationUserIdentifier);
      if (!destination) throw new ResourceNotFoundException(`No identity found for developer user identifier ${input.DestinationUserIdentifier}.`);
      if (source === destination) return destination;
      await tx.run('UPDATE cognito_identity_logins SET identity_id = ? WHERE identity_id = ? AND pool_id = ?', [destination, source, pool.IdentityPoolId]);
      await tx.run('DELETE FROM cognito_identity_ids WHERE identity_id = ?', [source]);
      await this.refreshProviders(tx, destination);
      return destination;
    });
    return { IdentityId: identityId };
  }

  async UnlinkDeveloperIdentity(ctx: RequestContext, input: UnlinkDeveloperIdentityInput) {
    const pool = await this.devPool(ctx, input.IdentityPoolId, input.DeveloperProviderName);
    await this.core.db.tx(async (tx) => {
      const linked = await this.identityOfUser(tx, pool, pool.DeveloperProviderName, input.DeveloperUserIdentifier);
      if (linked !== input.IdentityId) throw new ResourceNotFoundException(`Developer user identifier ${input.DeveloperUserIdentifier} is not linked to identity ${input.IdentityId}.`);
      await tx.run('DELETE FROM cognito_identity_logins WHERE pool_id = ? AND login = ?', [pool.IdentityPoolId, this.login(pool.DeveloperProviderName, input.DeveloperUserIdentifier)]);
      await this.refreshProviders(tx, input.IdentityId);
    });
  }
}

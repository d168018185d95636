/** App clients (secrets, auth flows, token validity) and groups with their members. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  GroupExistsException,
  InvalidOAuthFlowException,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
  ScopeDoesNotExistException,
  type CognitoIdentityProviderApi as Api,
  type CreateUserPoolClientRequest,
  type GroupType,
  type UpdateUserPoolClientRequest,
  type UserPoolClientType,
} from '../../../generated/cognito-idp.js';
import type { CognitoCore, StoredClient, StoredGroup, StoredPool } from '../core.js';
import { randomId } from './pools.js';
import { unknownScopes } from './resources.js';
import { unknownProviders } from './providers.js';
import { userOutput } from '../users.js';

type Ops =
  | 'CreateUserPoolClient' | 'DescribeUserPoolClient' | 'ListUserPoolClients' | 'UpdateUserPoolClient' | 'DeleteUserPoolClient'
  | 'CreateGroup' | 'GetGroup' | 'UpdateGroup' | 'DeleteGroup' | 'ListGroups'
  | 'AdminAddUserToGroup' | 'AdminRemoveUserFromGroup' | 'AdminListGroupsForUser' | 'ListUsersInGroup';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3600_000, days: 86_400_000 };
const LEGACY_FLOWS = new Set(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);

/** Validity of each token of a client, in milliseconds (defaults: 60 minutes, 60 minutes, 30 days). */
export function validityMs(client: StoredClient): { access: number; id: number; refresh: number } {
  const u = client.TokenValidityUnits ?? {};
  return {
    access: client.AccessTokenValidity !== undefined ? client.AccessTokenValidity * UNIT_MS[u.AccessToken ?? 'hours']! : 3600_000,
    id: client.IdTokenValidity !== undefined ? client.IdTokenValidity * UNIT_MS[u.IdToken ?? 'hours']! : 3600_000,
    refresh: (client.RefreshTokenValidity ?? 30) * UNIT_MS[u.RefreshToken ?? 'days']!,
  };
}

/** The ALLOW_ flows a client permits: its own list (legacy names mapped), or AWS's default. */
export function allowedFlows(client: StoredClient): Set<string> {
  const flows = client.ExplicitAuthFlows;
  if (!flows || flows.length === 0) return new Set(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']);
  const out = new Set<string>();
  for (const f of flows) {
    if (f === 'ADMIN_NO_SRP_AUTH') out.add('ALLOW_ADMIN_USER_PASSWORD_AUTH').add('ALLOW_USER_SRP_AUTH').add('ALLOW_REFRESH_TOKEN_AUTH');
    else if (f === 'USER_PASSWORD_AUTH') out.add('ALLOW_USER_PASSWORD_AUTH').add('ALLOW_USER_SRP_AUTH').add('ALLOW_REFRESH_TOKEN_AUTH');
    else if (f === 'CUSTOM_AUTH_FLOW_ONLY') out.add('ALLOW_CUSTOM_AUTH').add('ALLOW_REFRESH_TOKEN_AUTH');
    else out.add(f);
  }
  return out;
}

/** SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId)), required of a client with a secret. */
export function checkSecretHash(client: StoredClient, username: string, given: string | undefined): void {
  if (!client.ClientSecret) return;
  if (!given) throw new NotAuthorizedException(`Client ${client.ClientId} is configured with secret but SECRET_HASH was not received`);
  const expected = createHmac('sha256', client.ClientSecret).update(username + client.ClientId).digest();
  const got = Buffer.from(given, 'base64');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
}

/** AWS's rules on the OAuth flows of a client: client_credentials alone, and only with a secret. */
function checkOAuthFlows(flows: readonly string[] | undefined, hasSecret: boolean): void {
  if (!flows?.includes('client_credentials')) return;
  if (flows.some((f) => f !== 'client_credentials')) throw new InvalidOAuthFlowException('client_credentials flow can not be selected along with code flow or implicit flow.');
  if (!hasSecret) throw new InvalidOAuthFlowException('client_credentials flow can not be selected if client does not have a client secret.');
}

function clientSettings(input: CreateUserPoolClientRequest | UpdateUserPoolClientRequest): Partial<StoredClient> {
  const flows = input.ExplicitAuthFlows;
  if (flows && flows.some((f) => LEGACY_FLOWS.has(f)) && flows.some((f) => f.startsWith('ALLOW_'))) {
    throw new InvalidParameterException('ExplicitAuthFlows cannot contain both legacy auth flows and ALLOW_ auth flows.');
  }
  const c: Partial<StoredClient> = {
    AccessTokenValidity: input.AccessTokenValidity,
    IdTokenValidity: input.IdTokenValidity,
    RefreshTokenValidity: input.RefreshTokenValidity ?? 30,
    TokenValidityUnits: input.TokenValidityUnits,
    ExplicitAuthFlows: flows,
    ReadAttributes: input.ReadAttributes,
    WriteAttributes: input.WriteAttributes,
    CallbackURLs: input.CallbackURLs,
    LogoutURLs: input.LogoutURLs,
    DefaultRedirectURI: input.DefaultRedirectURI,
    AllowedOAuthFlows: input.AllowedOAuthFlows,
    AllowedOAuthScopes: input.AllowedOAuthScopes,
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? false,
    SupportedIdentityProviders: input.SupportedIdentityProviders,
    AnalyticsConfiguration: input.AnalyticsConfiguration,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors ?? 'LEGACY',
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    RefreshTokenRotation: input.RefreshTokenRotation,
  };
  const v = validityMs(c as StoredClient);
  const min = 5 * 60_000;
  if (v.access < min || v.access > 86_400_000 || v.id < min || v.id > 86_400_000 || v.refresh < 3600_000 || v.refresh > 3650 * 86_400_000) {
    throw new InvalidParameterException('Invalid range for token validity.');
  }
  if (v.access > v.refresh || v.id > v.refresh) throw new InvalidParameterException('Refresh token validity must be greater than access and id token validity.');
  return c;
}

export function clientOutput(c: StoredClient): UserPoolClientType {
  const out: Record<string, unknown> = { ...c, CreationDate: new Date(c.CreationDate), LastModifiedDate: new Date(c.LastModifiedDate) };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as UserPoolClientType;
}

function groupOutput(poolId: string, g: StoredGroup): GroupType {
  return { ...g, UserPoolId: poolId, CreationDate: new Date(g.CreationDate), LastModifiedDate: new Date(g.LastModifiedDate) };
}

export class ClientOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private async poolClient(ctx: RequestContext, poolId: string, clientId: string): Promise<{ pool: StoredPool; client: StoredClient }> {
    const pool = await this.core.ownPool(ctx, poolId);
    const client = await this.core.client(clientId);
    if (client.UserPoolId !== pool.Id) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    return { pool, client };
  }

  /** Read and write attributes must be attributes of the pool's schema. */
  private checkPermissions(pool: StoredPool, input: { ReadAttributes?: string[]; WriteAttributes?: string[] }, verb: string): void {
    const names = new Set((pool.SchemaAttributes ?? []).map((a) => a.Name));
    if ((input.ReadAttributes ?? []).some((n) => !names.has(n))) throw new InvalidParameterException(`Invalid read attributes specified while ${verb} a client`);
    if ((input.WriteAttributes ?? []).some((n) => !names.has(n) || n === 'sub')) throw new InvalidParameterException(`Invalid write attributes specified while ${verb} a client`);
  }

  private async checkProviders(poolId: string, names: string[] | undefined): Promise<void> {
    const unknown = await unknownProviders(this.core.db, poolId, names);
    if (unknown.length) throw new InvalidParameterException(`The provider ${unknown[0]} does not exist for User Pool ${poolId}`);
  }

  private async checkScopes(poolId: string, scopes: string[] | undefined): Promise<void> {
    const unknown = await unknownScopes(this.core.db, poolId, scopes);
    if (unknown.length) throw new ScopeDoesNotExistException(`Invalid scope requested: ${unknown[0]}`);
  }

  async CreateUserPoolClient(ctx: RequestContext, input: CreateUserPoolClientRequest) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    this.checkPermissions(pool, input, 'creating');
    await this.checkScopes(pool.Id, input.AllowedOAuthScopes);
    await this.checkProviders(pool.Id, input.SupportedIdentityProviders);
    const now = this.core.now();
    const secret = input.ClientSecret ?? (input.GenerateSecret ? randomId(51, LOWER) : undefined);
    checkOAuthFlows(input.AllowedOAuthFlows, !!secret);
    const client: StoredClient = {
      UserPoolId: pool.Id,
      ClientName: input.ClientName,
      ClientId: randomId(26, LOWER),
      ...(secret ? { ClientSecret: secret } : {}),
      CreationDate: now,
      LastModifiedDate: now,
      ...clientSettings(input),
    };
    await this.core.db.tx((tx) => this.core.putClient(tx, client));
    return { UserPoolClient: clientOutput(client) };
  }

  async DescribeUserPoolClient(ctx: RequestContext, input: { UserPoolId: string; ClientId: string }) {
    const { client } = await this.poolClient(ctx, input.UserPoolId, input.ClientId);
    return { UserPoolClient: clientOutput(client) };
  }

  async ListUserPoolClients(ctx: RequestContext, input: { UserPoolId: string; MaxResults?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const size = input.MaxResults ?? 60;
    const listing = listingOf('ListUserPoolClients', ctx, pool.Id);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ doc: string }>(
      `SELECT doc FROM cognito_clients WHERE pool_id = ?${after ? ' AND client_id > ?' : ''} ORDER BY client_id LIMIT ?`,
      [pool.Id, ...(after ? [after[0]!] : []), size + 1],
    );
    const page = rows.slice(0, size).map((r) => JSON.parse(r.doc) as StoredClient);
    return {
      UserPoolClients: page.map((c) => ({ ClientId: c.ClientId, ClientName: c.ClientName, UserPoolId: c.UserPoolId })),
      ...(rows.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.ClientId]) } : {}),
    };
  }

  async UpdateUserPoolClient(ctx: RequestContext, input: UpdateUserPoolClientRequest) {
    const { pool, client } = await this.poolClient(ctx, input.UserPoolId, input.ClientId);
    this.checkPermissions(pool, input, 'updating');
    await this.checkScopes(client.UserPoolId, input.AllowedOAuthScopes);
    await this.checkProviders(pool.Id, input.SupportedIdentityProviders);
    checkOAuthFlows(input.AllowedOAuthFlows, !!client.ClientSecret);
    const updated: StoredClient = {
      UserPoolId: client.UserPoolId,
      ClientId: client.ClientId,
      ClientName: input.ClientName ?? client.ClientName,
      ...(client.ClientSecret ? { ClientSecret: client.ClientSecret } : {}),
      CreationDate: client.CreationDate,
      LastModifiedDate: this.core.now(),
      ...clientSettings(input),
    };
    await this.core.db.tx((tx) => this.core.putClient(tx, updated));
    return { UserPoolClient: clientOutput(updated) };
  }

  async DeleteUserPoolClient(ctx: RequestContext, input: { UserPoolId: string; ClientId: string }) {
    const { client } = await this.poolClient(ctx, input.UserPoolId, input.ClientId);
    await this.core.db.tx(async (tx) => {
      await tx.run('DELETE FROM cognito_clients WHERE client_id = ?', [client.ClientId]);
      await tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE client_id = ?', [client.ClientId]);
    });
  }

  // ---- groups

  private async group(poolId: string, name: string): Promise<StoredGroup> {
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM cognito_groups WHERE pool_id = ? AND name = ?', [poolId, name]);
    if (!row) throw new ResourceNotFoundException('Group not found.');
    return JSON.parse(row.doc) as StoredGroup;
  }

  async CreateGroup(ctx: RequestContext, input: Parameters<Api['CreateGroup']>[1]) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const now = this.core.now();
    const g: StoredGroup = { GroupName: input.GroupName, Description: input.Description, RoleArn: input.RoleArn, Precedence: input.Precedence, CreationDate: now, LastModifiedDate: now };
    await this.core.db.tx(async (tx) => {
      const exists = await tx.get('SELECT 1 AS x FROM cognito_groups WHERE pool_id = ? AND name = ?', [pool.Id, g.GroupName]);
      if (exists) throw new GroupExistsException(`A group with the name ${g.GroupName} already exists.`);
      await tx.run('INSERT INTO cognito_groups (pool_id, name, doc) VALUES (?, ?, ?)', [pool.Id, g.GroupName, JSON.stringify(g)]);
    });
    return { Group: groupOutput(pool.Id, g) };
  }

  async GetGroup(ctx: RequestContext, input: { UserPoolId: string; GroupName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    return { Group: groupOutput(pool.Id, await this.group(pool.Id, input.GroupName)) };
  }

  async UpdateGroup(ctx: RequestContext, input: Parameters<Api['UpdateGroup']>[1]) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const g = await this.group(pool.Id, input.GroupName);
    const updated: StoredGroup = {
      ...g,
      Description: input.Description ?? g.Description,
      RoleArn: input.RoleArn ?? g.RoleArn,
      Precedence: input.Precedence ?? g.Precedence,
      LastModifiedDate: this.core.now(),
    };
    await this.core.db.tx((tx) => tx.run('UPDATE cognito_groups SET doc = ? WHERE pool_id = ? AND name = ?', [JSON.stringify(updated), pool.Id, g.GroupName]));
    return { Group: groupOutput(pool.Id, updated) };
  }

  async DeleteGroup(ctx: RequestContext, input: { UserPoolId: string; GroupName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    await this.group(pool.Id, input.GroupName);
    await this.core.db.tx(async (tx) => {
      await tx.run('DELETE FROM cognito_groups WHERE pool_id = ? AND name = ?', [pool.Id, input.GroupName]);
      await tx.run('DELETE FROM cognito_members WHERE pool_id = ? AND group_name = ?', [pool.Id, input.GroupName]);
    });
  }

  async ListGroups(ctx: RequestContext, input: { UserPoolId: string; Limit?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const size = input.Limit ?? 60;
    const listing = listingOf('ListGroups', ctx, pool.Id);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ doc: string }>(
      `SELECT doc FROM cognito_groups WHERE pool_id = ?${after ? ' AND name > ?' : ''} ORDER BY name LIMIT ?`,
      [pool.Id, ...(after ? [after[0]!] : []), size + 1],
    );
    const page = rows.slice(0, size).map((r) => JSON.parse(r.doc) as StoredGroup);
    return {
      Groups: page.map((g) => groupOutput(pool.Id, g)),
      ...(rows.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.GroupName]) } : {}),
    };
  }

  async AdminAddUserToGroup(ctx: RequestContext, input: { UserPoolId: string; Username: string; GroupName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const user = await this.core.mustFindUser(pool, input.Username);
    await this.group(pool.Id, input.GroupName);
    const ukey = this.core.ukey(pool, user.Username);
    await this.core.db.tx((tx) =>
      tx.run('INSERT INTO cognito_members (pool_id, group_name, ukey) VALUES (?, ?, ?) ON CONFLICT (pool_id, group_name, ukey) DO NOTHING', [pool.Id, input.GroupName, ukey]),
    );
  }

  async AdminRemoveUserFromGroup(ctx: RequestContext, input: { UserPoolId: string; Username: string; GroupName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const user = await this.core.mustFindUser(pool, input.Username);
    await this.group(pool.Id, input.GroupName);
    await this.core.db.tx((tx) => tx.run('DELETE FROM cognito_members WHERE pool_id = ? AND group_name = ? AND ukey = ?', [pool.Id, input.GroupName, this.core.ukey(pool, user.Username)]));
  }

  async AdminListGroupsForUser(ctx: RequestContext, input: { UserPoolId: string; Username: string; Limit?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const user = await this.core.mustFindUser(pool, input.Username);
    const groups = await this.core.groupsOf(pool.Id, this.core.ukey(pool, user.Username));
    const listing = listingOf('AdminListGroupsForUser', ctx, pool.Id, user.Username);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const size = input.Limit ?? 60;
    const rest = after ? groups.filter((g) => g.GroupName > String(after[0])) : groups;
    const page = rest.slice(0, size);
    return {
      Groups: page.map((g) => groupOutput(pool.Id, g)),
      ...(rest.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.GroupName]) } : {}),
    };
  }

  async ListUsersInGroup(ctx: RequestContext, input: { UserPoolId: string; GroupName: string; Limit?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    await this.group(pool.Id, input.GroupName);
    const size = input.Limit ?? 60;
    const listing = listingOf('ListUsersInGroup', ctx, pool.Id, input.GroupName);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ ukey: string; doc: string }>(
      `SELECT u.ukey, u.doc FROM cognito_members m JOIN cognito_users u ON u.pool_id = m.pool_id AND u.ukey = m.ukey WHERE m.pool_id = ? AND m.group_name = ?${after ? ' AND m.ukey > ?' : ''} ORDER BY m.ukey LIMIT ?`,
      [pool.Id, input.GroupName, ...(after ? [after[0]!] : []), size + 1],
    );
    const page = rows.slice(0, size);
    return {
      Users: page.map((r) => userOutput(JSON.parse(r.doc))),
      ...(rows.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.ukey]) } : {}),
    };
  }
}

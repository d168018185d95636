/**
 * Identity pools: create, describe, list, update, delete; their roles and role mappings; tags.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  type CognitoIdentityApi,
  type CreateIdentityPoolInput,
  type IdentityPool,
  type RoleMapping,
  type SetIdentityPoolRolesInput,
} from '../../../generated/cognito-identity.js';
import { parseUserPoolProvider, type IdentityCore, type StoredPool } from '../core.js';

type Ops =
  | 'CreateIdentityPool' | 'DescribeIdentityPool' | 'ListIdentityPools' | 'UpdateIdentityPool' | 'DeleteIdentityPool'
  | 'SetIdentityPoolRoles' | 'GetIdentityPoolRoles' | 'TagResource' | 'UntagResource' | 'ListTagsForResource';

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** The description AWS answers: the pool's fields, without its roles. */
function described(pool: StoredPool): IdentityPool {
  return {
    IdentityPoolId: pool.IdentityPoolId,
    IdentityPoolName: pool.IdentityPoolName,
    AllowUnauthenticatedIdentities: pool.AllowUnauthenticatedIdentities,
    AllowClassicFlow: pool.AllowClassicFlow ?? false,
    ...(pool.SupportedLoginProviders && Object.keys(pool.SupportedLoginProviders).length ? { SupportedLoginProviders: pool.SupportedLoginProviders } : {}),
    ...(pool.DeveloperProviderName ? { DeveloperProviderName: pool.DeveloperProviderName } : {}),
    ...(pool.OpenIdConnectProviderARNs?.length ? { OpenIdConnectProviderARNs: pool.OpenIdConnectProviderARNs } : {}),
    ...(pool.CognitoIdentityProviders?.length ? { CognitoIdentityProviders: pool.CognitoIdentityProviders } : {}),
    ...(pool.SamlProviderARNs?.length ? { SamlProviderARNs: pool.SamlProviderARNs } : {}),
    IdentityPoolTags: pool.IdentityPoolTags ?? {},
  };
}

/** The configuration fields of a create or update, validated as AWS does. */
function configuration(input: CreateIdentityPoolInput): Omit<IdentityPool, 'IdentityPoolId'> {
  for (const p of input.CognitoIdentityProviders ?? []) {
    if (!p.ProviderName || !parseUserPoolProvider(p.ProviderName)) throw new InvalidParameterException(`Invalid Cognito Identity Provider: ${String(p.ProviderName)}`);
    if (!p.ClientId) throw new InvalidParameterException('1 validation error detected: Value null at \'cognitoIdentityProviders.1.member.clientId\' failed to satisfy constraint: Member must not be null');
  }
  const seen = new Set<string>();
  for (const p of input.CognitoIdentityProviders ?? []) {
    const k = `${p.ProviderName} ${p.ClientId}`;
    if (seen.has(k)) throw new InvalidParameterException(`Duplicate Cognito Identity Provider: ${p.ProviderName}`);
    seen.add(k);
  }
  // AWS's own example name is `login.mycompany.myapp`: only Cognito's name and the public providers' domains are reserved.
  if (input.DeveloperProviderName !== undefined && /^(cognito|graph\.facebook\.com$|accounts\.google\.com$|www\.amazon\.com$|api\.twitter\.com$|www\.digits\.com$|appleid\.apple\.com$)/i.test(input.DeveloperProviderName)) {
    throw new InvalidParameterException(`Invalid DeveloperProviderName: ${input.DeveloperProviderName}`);
  }
  return {
    IdentityPoolName: input.IdentityPoolName,
    AllowUnauthenticatedIdentities: input.AllowUnauthenticatedIdentities,
    AllowClassicFlow: input.AllowClassicFlow ?? false,
    ...(input.SupportedLoginProviders ? { SupportedLoginProviders: input.SupportedLoginProviders } : {}),
    ...(input.DeveloperProviderName ? { DeveloperProviderName: input.DeveloperProviderName } : {}),
    ...(input.OpenIdConnectProviderARNs ? { OpenIdConnectProviderARNs: input.OpenIdConnectProviderARNs } : {}),
    ...(input.CognitoIdentityProviders ? { CognitoIdentityProviders: input.CognitoIdentityProviders.map((p) => ({ ...p, ServerSideTokenCheck: p.ServerSideTokenCheck ?? false })) } : {}),
    ...(input.SamlProviderARNs ? { SamlProviderARNs: input.SamlProviderARNs } : {}),
  };
}

function checkRoleMapping(provider: string, m: RoleMapping): void {
  if (m.Type === 'Rules' && !m.RulesConfiguration?.Rules?.length) throw new InvalidParameterException(`RulesConfiguration is required for rules-based role mapping of provider ${provider}`);
  if (!m.AmbiguousRoleResolution) throw new InvalidParameterException(`AmbiguousRoleResolution must be specified for provider ${provider}`);
  for (const r of m.RulesConfiguration?.Rules ?? []) if (!ROLE_ARN.test(r.RoleARN)) throw new InvalidParameterException(`Invalid RoleARN: ${r.RoleARN}`);
}

const poolArn = /^arn:aws:cognito-identity:[a-z0-9-]+:\d{12}:identitypool\/(.+)$/;

export class PoolOps implements Pick<CognitoIdentityApi, Ops> {
  constructor(private readonly core: IdentityCore) {}

  async CreateIdentityPool(ctx: RequestContext, input: CreateIdentityPoolInput) {
    const pool: StoredPool = {
      IdentityPoolId: `${ctx.region}:${randomUUID()}`,
      ...configuration(input),
      ...(input.IdentityPoolTags ? { IdentityPoolTags: input.IdentityPoolTags } : {}),
      account: ctx.accountId,
      region: ctx.region,
    };
    await this.core.db.tx((tx) => this.core.savePool(pool, tx));
    return described(pool);
  }

  async DescribeIdentityPool(ctx: RequestContext, input: { IdentityPoolId: string }) {
    return described(await this.core.pool(input.IdentityPoolId, ctx.accountId));
  }

  async ListIdentityPools(ctx: RequestContext, input: { MaxResults: number; NextToken?: string }) {
    const after = input.NextToken ? Buffer.from(input.NextToken, 'base64url').toString('utf8') : '';
    const rows = await this.core.db.all<{ pool_id: string; doc: string }>(
      'SELECT pool_id, doc FROM cognito_identity_pools WHERE account = ? AND region = ? AND pool_id > ? ORDER BY pool_id LIMIT ?',
      [ctx.accountId, ctx.region, after, input.MaxResults + 1],
    );
    const page = rows.slice(0, input.MaxResults);
    return {
      IdentityPools: page.map((r) => ({ IdentityPoolId: r.pool_id, IdentityPoolName: (JSON.parse(r.doc) as IdentityPool).IdentityPoolName })),
      ...(rows.length > input.MaxResults ? { NextToken: Buffer.from(page[page.length - 1]!.pool_id).toString('base64url') } : {}),
    };
  }

  async UpdateIdentityPool(ctx: RequestContext, input: IdentityPool) {
    return this.core.db.tx(async (tx) => {
      const pool = await this.core.pool(input.IdentityPoolId, ctx.accountId, tx);
      // A developer provider name, once set, stays: another is refused, an omitted one is kept.
      if (pool.DeveloperProviderName && input.DeveloperProviderName !== undefined && input.DeveloperProviderName !== pool.DeveloperProviderName) throw new InvalidParameterException('DeveloperProviderName cannot be changed once it is set.');
      const updated: StoredPool = {
        IdentityPoolId: pool.IdentityPoolId,
        ...configuration(input),
        ...(pool.DeveloperProviderName ? { DeveloperProviderName: pool.DeveloperProviderName } : {}),
        IdentityPoolTags: input.IdentityPoolTags ?? pool.IdentityPoolTags ?? {},
        ...(pool.Roles ? { Roles: pool.Roles } : {}),
        ...(pool.RoleMappings ? { RoleMappings: pool.RoleMappings } : {}),
        account: pool.account,
        region: pool.region,
      };
      await this.core.savePool(updated, tx);
      return described(updated);
    });
  }

  async DeleteIdentityPool(ctx: RequestContext, input: { IdentityPoolId: string }) {
    await this.core.db.tx(async (tx) => {
      await this.core.pool(input.IdentityPoolId, ctx.accountId, tx);
      await tx.run('DELETE FROM cognito_identity_pools WHERE pool_id = ?', [input.IdentityPoolId]);
      await tx.run('DELETE FROM cognito_identity_ids WHERE pool_id = ?', [input.IdentityPoolId]);
      await tx.run('DELETE FROM cognito_identity_logins WHERE pool_id = ?', [input.IdentityPoolId]);
    });
  }

  async SetIdentityPoolRoles(ctx: RequestContext, input: SetIdentityPoolRolesInput) {
    for (const [kind, arn] of Object.entries(input.Roles)) {
      if (kind !== 'authenticated' && kind !== 'unauthenticated') throw new InvalidParameterException(`Invalid role type: ${kind}. Valid values are authenticated and unauthenticated.`);
      if (!ROLE_ARN.test(arn)) throw new InvalidParameterException(`Invalid RoleARN: ${arn}`);
    }
    for (const [provider, m] of Object.entries(input.RoleMappings ?? {})) checkRoleMapping(provider, m);
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.pool(input.IdentityPoolId, ctx.accountId, tx);
      await this.core.savePool({ ...pool, Roles: input.Roles, RoleMappings: input.RoleMappings ?? {} }, tx);
    });
  }

  async GetIdentityPoolRoles(ctx: RequestContext, input: { IdentityPoolId: string }) {
    const pool = await this.core.pool(input.IdentityPoolId, ctx.accountId);
    return {
      IdentityPoolId: pool.IdentityPoolId,
      Roles: pool.Roles ?? {},
      ...(pool.RoleMappings && Object.keys(pool.RoleMappings).length ? { RoleMappings: pool.RoleMappings } : {}),
    };
  }

  async TagResource(ctx: RequestContext, input: { ResourceArn: string; Tags: Record<string, string> }) {
    await this.withPoolOf(ctx, input.ResourceArn, (pool) => ({ ...pool, IdentityPoolTags: { ...(pool.IdentityPoolTags ?? {}), ...input.Tags } }));
    return {};
  }

  async UntagResource(ctx: RequestContext, input: { ResourceArn: string; TagKeys: string[] }) {
    await this.withPoolOf(ctx, input.ResourceArn, (pool) => ({
      ...pool,
      IdentityPoolTags: Object.fromEntries(Object.entries(pool.IdentityPoolTags ?? {}).filter(([k]) => !input.TagKeys.includes(k))),
    }));
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: { ResourceArn: string }) {
    const pool = await this.poolOfArn(ctx, input.ResourceArn);
    return { Tags: pool.IdentityPoolTags ?? {} };
  }

  private async poolOfArn(ctx: RequestContext, arn: string, q = this.core.db): Promise<StoredPool> {
    const m = poolArn.exec(arn);
    if (!m) throw new InvalidParameterException(`Invalid ResourceArn: ${arn}`);
    const pool = await this.core.findPool(m[1]!, q);
    if (!pool || pool.account !== ctx.accountId || this.core.arn(pool) !== arn) throw new ResourceNotFoundException(`IdentityPool '${m[1]}' not found.`);
    return pool;
  }

  private async withPoolOf(ctx: RequestContext, arn: string, change: (p: StoredPool) => StoredPool): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const pool = await this.poolOfArn(ctx, arn, tx as never);
      await this.core.savePool(change(pool), tx);
    });
  }
}

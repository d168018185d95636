/** Resource servers (custom OAuth scopes `{identifier}/{scope}`) and the pool's tags. */
import type { RequestContext } from '../../../core/context.js';
import { parseArn } from '../../../aws/arn.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  type CognitoIdentityProviderApi as Api,
  type ResourceServerScopeType,
  type ResourceServerType,
} from '../../../generated/cognito-idp.js';
import type { Queryable } from '../../../storage/db.js';
import type { CognitoCore, StoredPool } from '../core.js';

type Ops = 'CreateResourceServer' | 'DescribeResourceServer' | 'UpdateResourceServer' | 'DeleteResourceServer' | 'ListResourceServers' | 'TagResource' | 'UntagResource' | 'ListTagsForResource';

interface StoredServer {
  Identifier: string;
  Name: string;
  Scopes: ResourceServerScopeType[];
}

const STANDARD_SCOPES = new Set(['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin']);

/** OAuth scopes a client may be allowed: the standard ones and those of the pool's resource servers. */
export async function unknownScopes(q: Queryable, poolId: string, scopes: readonly string[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const scope of scopes ?? []) {
    if (STANDARD_SCOPES.has(scope)) continue;
    const cut = scope.lastIndexOf('/');
    const row = cut > 0 ? await q.get<{ doc: string }>('SELECT doc FROM cognito_resource_servers WHERE pool_id = ? AND identifier = ?', [poolId, scope.slice(0, cut)]) : undefined;
    const server = row ? (JSON.parse(row.doc) as StoredServer) : undefined;
    if (!server?.Scopes.some((s) => s.ScopeName === scope.slice(cut + 1))) out.push(scope);
  }
  return out;
}

function checkScopes(scopes: ResourceServerScopeType[] | undefined): ResourceServerScopeType[] {
  const names = new Set<string>();
  for (const s of scopes ?? []) {
    if (names.has(s.ScopeName)) throw new InvalidParameterException(`Duplicate scope name: ${s.ScopeName}`);
    names.add(s.ScopeName);
  }
  return scopes ?? [];
}

export class ResourceOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private out(poolId: string, s: StoredServer): ResourceServerType {
    return { UserPoolId: poolId, Identifier: s.Identifier, Name: s.Name, Scopes: s.Scopes };
  }

  private async server(poolId: string, identifier: string): Promise<StoredServer> {
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM cognito_resource_servers WHERE pool_id = ? AND identifier = ?', [poolId, identifier]);
    if (!row) throw new ResourceNotFoundException(`Resource server ${identifier} does not exist.`);
    return JSON.parse(row.doc) as StoredServer;
  }

  async CreateResourceServer(ctx: RequestContext, input: { UserPoolId: string; Identifier: string; Name: string; Scopes?: ResourceServerScopeType[] }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const s: StoredServer = { Identifier: input.Identifier, Name: input.Name, Scopes: checkScopes(input.Scopes) };
    await this.core.db.tx(async (tx) => {
      if (await tx.get('SELECT 1 AS x FROM cognito_resource_servers WHERE pool_id = ? AND identifier = ?', [pool.Id, s.Identifier])) {
        throw new InvalidParameterException(`${s.Identifier} already exists in user pool ${pool.Id}.`);
      }
      await tx.run('INSERT INTO cognito_resource_servers (pool_id, identifier, doc) VALUES (?, ?, ?)', [pool.Id, s.Identifier, JSON.stringify(s)]);
    });
    return { ResourceServer: this.out(pool.Id, s) };
  }

  async DescribeResourceServer(ctx: RequestContext, input: { UserPoolId: string; Identifier: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    return { ResourceServer: this.out(pool.Id, await this.server(pool.Id, input.Identifier)) };
  }

  async UpdateResourceServer(ctx: RequestContext, input: { UserPoolId: string; Identifier: string; Name: string; Scopes?: ResourceServerScopeType[] }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    await this.server(pool.Id, input.Identifier);
    const s: StoredServer = { Identifier: input.Identifier, Name: input.Name, Scopes: checkScopes(input.Scopes) };
    await this.core.db.tx((tx) => tx.run('UPDATE cognito_resource_servers SET doc = ? WHERE pool_id = ? AND identifier = ?', [JSON.stringify(s), pool.Id, s.Identifier]));
    return { ResourceServer: this.out(pool.Id, s) };
  }

  async DeleteResourceServer(ctx: RequestContext, input: { UserPoolId: string; Identifier: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    await this.server(pool.Id, input.Identifier);
    await this.core.db.tx((tx) => tx.run('DELETE FROM cognito_resource_servers WHERE pool_id = ? AND identifier = ?', [pool.Id, input.Identifier]));
  }

  async ListResourceServers(ctx: RequestContext, input: { UserPoolId: string; MaxResults?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const size = input.MaxResults ?? 50;
    const listing = listingOf('ListResourceServers', ctx, pool.Id);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ doc: string }>(
      `SELECT doc FROM cognito_resource_servers WHERE pool_id = ?${after ? ' AND identifier > ?' : ''} ORDER BY identifier LIMIT ?`,
      [pool.Id, ...(after ? [after[0]!] : []), size + 1],
    );
    const page = rows.slice(0, size).map((r) => JSON.parse(r.doc) as StoredServer);
    return {
      ResourceServers: page.map((s) => this.out(pool.Id, s)),
      ...(rows.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.Identifier]) } : {}),
    };
  }

  /** The pool an ARN names (`arn:aws:cognito-idp:{region}:{account}:userpool/{id}`), in the caller's account and region. */
  private async poolOfArn(ctx: RequestContext, arn: string): Promise<StoredPool> {
    const parsed = parseArn(arn);
    const id = parsed?.service === 'cognito-idp' && parsed.resource.startsWith('userpool/') ? parsed.resource.slice('userpool/'.length) : undefined;
    if (!id || parsed!.region !== ctx.region || parsed!.account !== ctx.accountId) throw new ResourceNotFoundException(`Resource ${arn} does not exist.`);
    return this.core.ownPool(ctx, id);
  }

  async TagResource(ctx: RequestContext, input: { ResourceArn: string; Tags: Record<string, string> }) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.poolOfArn(ctx, input.ResourceArn);
      const tags = { ...pool.UserPoolTags, ...input.Tags };
      if (Object.keys(tags).length > 50) throw new InvalidParameterException('A user pool can have at most 50 tags.');
      await this.core.putPool(tx, { ...pool, UserPoolTags: tags });
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: { ResourceArn: string; TagKeys: string[] }) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.poolOfArn(ctx, input.ResourceArn);
      const tags = { ...pool.UserPoolTags };
      for (const k of input.TagKeys) delete tags[k];
      await this.core.putPool(tx, { ...pool, UserPoolTags: tags });
    });
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: { ResourceArn: string }) {
    const pool = await this.poolOfArn(ctx, input.ResourceArn);
    return { Tags: pool.UserPoolTags ?? {} };
  }
}

/**
 * Identity providers of a pool (SAML, OIDC, social), recorded with AWS's checks of their details.
 * OIDC ones are signed in through by the hosted UI (hosted/federation.ts); SAML and social ones are recorded only.
 */
import type { RequestContext } from '../../../core/context.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  DuplicateProviderException,
  InvalidParameterException,
  ResourceNotFoundException,
  type CognitoIdentityProviderApi as Api,
  type CreateIdentityProviderRequest,
  type IdentityProviderType,
  type UpdateIdentityProviderRequest,
} from '../../../generated/cognito-idp.js';
import type { Queryable } from '../../../storage/db.js';
import type { CognitoCore } from '../core.js';

type Ops = 'CreateIdentityProvider' | 'DescribeIdentityProvider' | 'UpdateIdentityProvider' | 'DeleteIdentityProvider' | 'ListIdentityProviders' | 'GetIdentityProviderByIdentifier';

interface StoredProvider {
  ProviderName: string;
  ProviderType: string;
  ProviderDetails: Record<string, string>;
  AttributeMapping?: Record<string, string>;
  IdpIdentifiers?: string[];
  CreationDate: number;
  LastModifiedDate: number;
}

/** The details each provider type requires, as AWS lists them. */
const REQUIRED: Record<string, string[]> = {
  Google: ['client_id', 'client_secret', 'authorize_scopes'],
  Facebook: ['client_id', 'client_secret', 'authorize_scopes'],
  LoginWithAmazon: ['client_id', 'client_secret', 'authorize_scopes'],
  SignInWithApple: ['client_id', 'team_id', 'key_id', 'private_key', 'authorize_scopes'],
  OIDC: ['client_id', 'attributes_request_method', 'oidc_issuer', 'authorize_scopes'],
  SAML: [],
};

function checkDetails(type: string, details: Record<string, string>): void {
  for (const key of REQUIRED[type] ?? []) {
    if (!details[key]) throw new InvalidParameterException(`${key} is a required field in the provider details for ${type}.`);
  }
  if (type === 'SAML' && !details.MetadataFile && !details.MetadataURL) throw new InvalidParameterException('Either MetadataFile or MetadataURL is required for SAML providers.');
  if (type === 'OIDC' && details.attributes_request_method && !['GET', 'POST'].includes(details.attributes_request_method)) {
    throw new InvalidParameterException('attributes_request_method must be GET or POST.');
  }
}

/** Names a client may list in SupportedIdentityProviders: COGNITO and the pool's providers. */
export async function unknownProviders(q: Queryable, poolId: string, names: readonly string[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const name of names ?? []) {
    if (name === 'COGNITO') continue;
    if (!(await q.get('SELECT 1 AS x FROM cognito_providers WHERE pool_id = ? AND name = ?', [poolId, name]))) out.push(name);
  }
  return out;
}

export class ProviderOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private out(poolId: string, p: StoredProvider): IdentityProviderType {
    return { ...p, UserPoolId: poolId, ProviderType: p.ProviderType as IdentityProviderType['ProviderType'], CreationDate: new Date(p.CreationDate), LastModifiedDate: new Date(p.LastModifiedDate) };
  }

  private async provider(poolId: string, name: string): Promise<StoredProvider> {
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM cognito_providers WHERE pool_id = ? AND name = ?', [poolId, name]);
    if (!row) throw new ResourceNotFoundException(`Identity provider ${name} does not exist.`);
    return JSON.parse(row.doc) as StoredProvider;
  }

  async CreateIdentityProvider(ctx: RequestContext, input: CreateIdentityProviderRequest) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    checkDetails(input.ProviderType, input.ProviderDetails);
    const now = this.core.now();
    const p: StoredProvider = { ProviderName: input.ProviderName, ProviderType: input.ProviderType, ProviderDetails: input.ProviderDetails, AttributeMapping: input.AttributeMapping, IdpIdentifiers: input.IdpIdentifiers, CreationDate: now, LastModifiedDate: now };
    await this.core.db.tx(async (tx) => {
      if (await tx.get('SELECT 1 AS x FROM cognito_providers WHERE pool_id = ? AND name = ?', [pool.Id, p.ProviderName])) {
        throw new DuplicateProviderException(`A provider with the name ${p.ProviderName} already exists in this user pool.`);
      }
      await tx.run('INSERT INTO cognito_providers (pool_id, name, doc) VALUES (?, ?, ?)', [pool.Id, p.ProviderName, JSON.stringify(p)]);
    });
    return { IdentityProvider: this.out(pool.Id, p) };
  }

  async DescribeIdentityProvider(ctx: RequestContext, input: { UserPoolId: string; ProviderName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    return { IdentityProvider: this.out(pool.Id, await this.provider(pool.Id, input.ProviderName)) };
  }

  async GetIdentityProviderByIdentifier(ctx: RequestContext, input: { UserPoolId: string; IdpIdentifier: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const rows = await this.core.db.all<{ doc: string }>('SELECT doc FROM cognito_providers WHERE pool_id = ? ORDER BY name', [pool.Id]);
    const found = rows.map((r) => JSON.parse(r.doc) as StoredProvider).find((p) => p.IdpIdentifiers?.includes(input.IdpIdentifier));
    if (!found) throw new ResourceNotFoundException(`Identity provider with identifier ${input.IdpIdentifier} does not exist.`);
    return { IdentityProvider: this.out(pool.Id, found) };
  }

  async UpdateIdentityProvider(ctx: RequestContext, input: UpdateIdentityProviderRequest) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const p = await this.provider(pool.Id, input.ProviderName);
    const updated: StoredProvider = {
      ...p,
      ProviderDetails: input.ProviderDetails ? { ...p.ProviderDetails, ...input.ProviderDetails } : p.ProviderDetails,
      AttributeMapping: input.AttributeMapping ?? p.AttributeMapping,
      IdpIdentifiers: input.IdpIdentifiers ?? p.IdpIdentifiers,
      LastModifiedDate: this.core.now(),
    };
    checkDetails(updated.ProviderType, updated.ProviderDetails);
    await this.core.db.tx((tx) => tx.run('UPDATE cognito_providers SET doc = ? WHERE pool_id = ? AND name = ?', [JSON.stringify(updated), pool.Id, p.ProviderName]));
    return { IdentityProvider: this.out(pool.Id, updated) };
  }

  async DeleteIdentityProvider(ctx: RequestContext, input: { UserPoolId: string; ProviderName: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    await this.provider(pool.Id, input.ProviderName);
    await this.core.db.tx((tx) => tx.run('DELETE FROM cognito_providers WHERE pool_id = ? AND name = ?', [pool.Id, input.ProviderName]));
  }

  async ListIdentityProviders(ctx: RequestContext, input: { UserPoolId: string; MaxResults?: number; NextToken?: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const size = input.MaxResults ?? 60;
    const listing = listingOf('ListIdentityProviders', ctx, pool.Id);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ doc: string }>(
      `SELECT doc FROM cognito_providers WHERE pool_id = ?${after ? ' AND name > ?' : ''} ORDER BY name LIMIT ?`,
      [pool.Id, ...(after ? [after[0]!] : []), size + 1],
    );
    const page = rows.slice(0, size).map((r) => JSON.parse(r.doc) as StoredProvider);
    return {
      Providers: page.map((p) => ({ ProviderName: p.ProviderName, ProviderType: p.ProviderType as IdentityProviderType['ProviderType'], CreationDate: new Date(p.CreationDate), LastModifiedDate: new Date(p.LastModifiedDate) })),
      ...(rows.length > size ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.ProviderName]) } : {}),
    };
  }
}

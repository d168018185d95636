import type { RequestContext } from '../../../core/context.js';
import {
  EntityAlreadyExistsException,
  InvalidInputException,
  LimitExceededException,
  type IAMApi,
  type CreateOpenIDConnectProviderRequest,
  type CreateSAMLProviderRequest,
  type UpdateAccountPasswordPolicyRequest,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { checkTagList, noSuchEntity, type IamCore } from '../core.js';
import { deleteEntity, getEntity, lower, putEntity, accountRow, type Entity, type Tag } from '../store.js';

type Ops =
  | 'CreateAccountAlias' | 'DeleteAccountAlias' | 'ListAccountAliases'
  | 'UpdateAccountPasswordPolicy' | 'GetAccountPasswordPolicy' | 'DeleteAccountPasswordPolicy' | 'GetAccountSummary'
  | 'CreateOpenIDConnectProvider' | 'GetOpenIDConnectProvider' | 'ListOpenIDConnectProviders' | 'DeleteOpenIDConnectProvider'
  | 'AddClientIDToOpenIDConnectProvider' | 'RemoveClientIDFromOpenIDConnectProvider' | 'UpdateOpenIDConnectProviderThumbprint'
  | 'TagOpenIDConnectProvider' | 'UntagOpenIDConnectProvider' | 'ListOpenIDConnectProviderTags'
  | 'CreateSAMLProvider' | 'GetSAMLProvider' | 'ListSAMLProviders' | 'DeleteSAMLProvider';

/** An OIDC provider is keyed by its URL without the scheme (`token.actions.githubusercontent.com`). */
export function oidcKey(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The account alias and password policy, and the identity providers (OpenID Connect, SAML) roles trust. */
export class AccountOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateAccountAlias(ctx: RequestContext, input: { AccountAlias: string }) {
    await this.core.db.tx(async (tx) => {
      const taken = await tx.get<{ account: string }>('SELECT account FROM iam_account WHERE alias = ?', [input.AccountAlias]);
      if (taken && taken.account !== ctx.accountId) throw new EntityAlreadyExistsException(`The account alias ${input.AccountAlias} already exists.`);
      await tx.run('INSERT INTO iam_account (account, alias) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET alias = excluded.alias', [ctx.accountId, input.AccountAlias]);
    });
  }

  async DeleteAccountAlias(ctx: RequestContext, input: { AccountAlias: string }) {
    await this.core.db.tx(async (tx) => {
      const { changes } = await tx.run('UPDATE iam_account SET alias = NULL WHERE account = ? AND alias = ?', [ctx.accountId, input.AccountAlias]);
      if (changes === 0) throw noSuchEntity(`The account alias ${input.AccountAlias} cannot be found.`);
    });
  }

  async ListAccountAliases(ctx: RequestContext) {
    const row = await accountRow(this.core.db, ctx.accountId);
    return { AccountAliases: row?.alias ? [row.alias] : [], IsTruncated: false };
  }

  async UpdateAccountPasswordPolicy(ctx: RequestContext, input: UpdateAccountPasswordPolicyRequest) {
    const policy = {
      MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
      RequireSymbols: input.RequireSymbols ?? false,
      RequireNumbers: input.RequireNumbers ?? false,
      RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
      RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
      AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
      ExpirePasswords: (input.MaxPasswordAge ?? 0) > 0,
      ...(input.MaxPasswordAge ? { MaxPasswordAge: input.MaxPasswordAge } : {}),
      ...(input.PasswordReusePrevention ? { PasswordReusePrevention: input.PasswordReusePrevention } : {}),
      HardExpiry: input.HardExpiry ?? false,
    };
    await this.core.db.tx((tx) =>
      tx.run('INSERT INTO iam_account (account, password_policy) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET password_policy = excluded.password_policy', [
        ctx.accountId,
        JSON.stringify(policy),
      ]),
    );
  }

  async GetAccountPasswordPolicy(ctx: RequestContext) {
    const row = await accountRow(this.core.db, ctx.accountId);
    if (!row?.password_policy) throw noSuchEntity(`The Password Policy with domain name ${ctx.accountId} cannot be found.`);
    return { PasswordPolicy: JSON.parse(row.password_policy) };
  }

  async DeleteAccountPasswordPolicy(ctx: RequestContext) {
    await this.core.db.tx(async (tx) => {
      const { changes } = await tx.run('UPDATE iam_account SET password_policy = NULL WHERE account = ? AND password_policy IS NOT NULL', [ctx.accountId]);
      if (changes === 0) throw noSuchEntity(`The Password Policy with domain name ${ctx.accountId} cannot be found.`);
    });
  }

  async GetAccountSummary(ctx: RequestContext) {
    const db = this.core.db;
    const count = async (sql: string): Promise<number> => Number((await db.get<{ n: number }>(sql, [ctx.accountId]))?.n ?? 0);
    const kind = (k: string) => count(`SELECT COUNT(*) AS n FROM iam_entities WHERE account = ? AND kind = '${k}'`);
    return {
      SummaryMap: {
        Users: await kind('user'), UsersQuota: 5000, Groups: await kind('group'), GroupsQuota: 300, Roles: await kind('role'), RolesQuota: 1000,
        Policies: await kind('policy'), PoliciesQuota: 1500, InstanceProfiles: await kind('instance-profile'), InstanceProfilesQuota: 1000,
        Providers: (await kind('oidc-provider')) + (await kind('saml-provider')),
        PolicyVersionsInUse: await count('SELECT COUNT(*) AS n FROM iam_attached WHERE account = ?'), PolicyVersionsInUseQuota: 10000,
        MFADevices: await kind('mfa'), MFADevicesInUse: 0, AccountMFAEnabled: 0,
        AccountAccessKeysPresent: (await count("SELECT COUNT(*) AS n FROM iam_access_keys WHERE account = ? AND usr = ''")) > 0 ? 1 : 0,
        AccountSigningCertificatesPresent: 0, AccountPasswordPresent: 1,
        AccessKeysPerUserQuota: 2, AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerGroupQuota: 10, AttachedPoliciesPerRoleQuota: 10,
        AttachedPoliciesPerUserQuota: 10, GroupPolicySizeQuota: 5120, GroupsPerUserQuota: 10, PolicySizeQuota: 6144, RolePolicySizeQuota: 10240,
        ServerCertificates: 0, ServerCertificatesQuota: 20, SigningCertificatesPerUserQuota: 2, UserPolicySizeQuota: 2048, VersionsPerPolicyQuota: 5,
        GlobalEndpointTokenVersion: 1,
      },
    };
  }

  async CreateOpenIDConnectProvider(ctx: RequestContext, input: CreateOpenIDConnectProviderRequest) {
    if (!/^https:\/\/[^\s/]+/.test(input.Url)) throw new InvalidInputException('Invalid URL');
    const tags = checkTagList(input.Tags);
    const key = oidcKey(input.Url);
    const arn = `arn:aws:iam::${ctx.accountId}:oidc-provider/${key}`;
    await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'oidc-provider', key)) throw new EntityAlreadyExistsException(`Provider with url ${input.Url} already exists.`);
      const e: Entity = {
        kind: 'oidc-provider', name: key, id: key, arn, path: '/', created: this.core.clock.now(), url: key,
        clientIds: input.ClientIDList ?? [], thumbprints: input.ThumbprintList ?? [], ...(tags.length ? { tags } : {}),
      };
      await putEntity(tx, ctx.accountId, e);
    });
    return { OpenIDConnectProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  }

  async GetOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string }) {
    const e = await this.oidc(this.core.db, ctx, input.OpenIDConnectProviderArn);
    return { Url: e.url, ClientIDList: e.clientIds ?? [], ThumbprintList: e.thumbprints ?? [], CreateDate: new Date(e.created), Tags: e.tags ?? [] };
  }

  async ListOpenIDConnectProviders(ctx: RequestContext) {
    const rows = await this.core.db.all<{ doc: string }>("SELECT doc FROM iam_entities WHERE account = ? AND kind = 'oidc-provider' ORDER BY lname", [ctx.accountId]);
    return { OpenIDConnectProviderList: rows.map((r) => ({ Arn: (JSON.parse(r.doc) as Entity).arn })) };
  }

  async DeleteOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.oidc(tx, ctx, input.OpenIDConnectProviderArn);
      await deleteEntity(tx, ctx.accountId, 'oidc-provider', e.name);
    });
  }

  async AddClientIDToOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string; ClientID: string }) {
    await this.updateOidc(ctx, input.OpenIDConnectProviderArn, (e) => {
      const ids = e.clientIds ?? [];
      if (!ids.includes(input.ClientID) && ids.length >= 100) throw new LimitExceededException('Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100');
      return { ...e, clientIds: ids.includes(input.ClientID) ? ids : [...ids, input.ClientID] };
    });
  }

  async RemoveClientIDFromOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string; ClientID: string }) {
    await this.updateOidc(ctx, input.OpenIDConnectProviderArn, (e) => ({ ...e, clientIds: (e.clientIds ?? []).filter((c) => c !== input.ClientID) }));
  }

  async UpdateOpenIDConnectProviderThumbprint(ctx: RequestContext, input: { OpenIDConnectProviderArn: string; ThumbprintList: string[] }) {
    await this.updateOidc(ctx, input.OpenIDConnectProviderArn, (e) => ({ ...e, thumbprints: input.ThumbprintList }));
  }

  async TagOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string; Tags: Tag[] }) {
    await this.updateOidc(ctx, input.OpenIDConnectProviderArn, (e) => ({ ...e, tags: checkTagList(input.Tags, e.tags) }));
  }

  async UntagOpenIDConnectProvider(ctx: RequestContext, input: { OpenIDConnectProviderArn: string; TagKeys: string[] }) {
    await this.updateOidc(ctx, input.OpenIDConnectProviderArn, (e) => ({ ...e, tags: (e.tags ?? []).filter((t) => !input.TagKeys.includes(t.Key)) }));
  }

  async ListOpenIDConnectProviderTags(ctx: RequestContext, input: { OpenIDConnectProviderArn: string }) {
    const e = await this.oidc(this.core.db, ctx, input.OpenIDConnectProviderArn);
    return { Tags: e.tags ?? [], IsTruncated: false };
  }

  async CreateSAMLProvider(ctx: RequestContext, input: CreateSAMLProviderRequest) {
    const tags = checkTagList(input.Tags);
    const arn = `arn:aws:iam::${ctx.accountId}:saml-provider/${input.Name}`;
    await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'saml-provider', input.Name)) throw new EntityAlreadyExistsException(`SAMLProvider ${input.Name} already exists`);
      await putEntity(tx, ctx.accountId, {
        kind: 'saml-provider', name: input.Name, id: input.Name, arn, path: '/', created: this.core.clock.now(), metadata: input.SAMLMetadataDocument,
        ...(tags.length ? { tags } : {}),
      });
    });
    return { SAMLProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) };
  }

  async GetSAMLProvider(ctx: RequestContext, input: { SAMLProviderArn: string }) {
    const e = await this.saml(ctx, input.SAMLProviderArn);
    return { SAMLMetadataDocument: e.metadata, CreateDate: new Date(e.created), ...(e.tags?.length ? { Tags: e.tags } : {}) };
  }

  async ListSAMLProviders(ctx: RequestContext) {
    const rows = await this.core.db.all<{ doc: string }>("SELECT doc FROM iam_entities WHERE account = ? AND kind = 'saml-provider' ORDER BY lname", [ctx.accountId]);
    return { SAMLProviderList: rows.map((r) => JSON.parse(r.doc) as Entity).map((e) => ({ Arn: e.arn, CreateDate: new Date(e.created) })) };
  }

  async DeleteSAMLProvider(ctx: RequestContext, input: { SAMLProviderArn: string }) {
    const e = await this.saml(ctx, input.SAMLProviderArn);
    await this.core.db.tx((tx) => deleteEntity(tx, ctx.accountId, 'saml-provider', e.name));
  }

  private async saml(ctx: RequestContext, arn: string): Promise<Entity> {
    const name = arn.slice(arn.indexOf(':saml-provider/') + ':saml-provider/'.length);
    const e = arn.includes(':saml-provider/') ? await getEntity(this.core.db, ctx.accountId, 'saml-provider', name) : undefined;
    if (!e || e.arn !== arn) throw noSuchEntity(`SAMLProvider not found for arn ${arn}`);
    return e;
  }

  private async oidc(q: Queryable, ctx: RequestContext, arn: string): Promise<Entity> {
    const m = /^arn:aws:iam::(\d{12}):oidc-provider\/(.+)$/.exec(arn);
    const e = m && m[1] === ctx.accountId ? await getEntity(q, ctx.accountId, 'oidc-provider', m[2]!) : undefined;
    if (!e || lower(e.arn) !== lower(arn)) throw noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
    return e;
  }

  private async updateOidc(ctx: RequestContext, arn: string, change: (e: Entity) => Entity): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await putEntity(tx, ctx.accountId, change(await this.oidc(tx, ctx, arn)));
    });
  }
}

/** User pools: create with AWS's checks and defaults, describe, list, update, delete, custom attributes, MFA settings. */
import { randomBytes } from 'node:crypto';
import { arnFor } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  FeatureUnavailableInTierException,
  InvalidParameterException,
  type CognitoIdentityProviderApi as Api,
  type CreateUserPoolRequest,
  type SchemaAttributeType,
  type UpdateUserPoolRequest,
  type UserPoolType,
} from '../../../generated/cognito-idp.js';
import type { CognitoCore, StoredPool } from '../core.js';

type Ops = 'CreateUserPool' | 'DescribeUserPool' | 'ListUserPools' | 'UpdateUserPool' | 'DeleteUserPool' | 'AddCustomAttributes' | 'GetUserPoolMfaConfig' | 'SetUserPoolMfaConfig';

const STD_STRING = ['name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website', 'email', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'address'];
const STANDARD: Record<string, SchemaAttributeType> = (() => {
  const out: Record<string, SchemaAttributeType> = {
    sub: { Name: 'sub', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } },
  };
  for (const name of STD_STRING) {
    out[name] = { Name: name, AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: { MinLength: name === 'birthdate' ? '10' : '0', MaxLength: name === 'birthdate' ? '10' : '2048' } };
  }
  out.email_verified = { Name: 'email_verified', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false };
  out.phone_number_verified = { Name: 'phone_number_verified', AttributeDataType: 'Boolean', DeveloperOnlyAttribute: false, Mutable: true, Required: false };
  out.updated_at = { Name: 'updated_at', AttributeDataType: 'Number', DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: '0' } };
  out.identities = { Name: 'identities', AttributeDataType: 'String', DeveloperOnlyAttribute: false, Mutable: true, Required: false, StringAttributeConstraints: {} };
  return out;
})();

export function isStandardAttribute(name: string): boolean {
  return name in STANDARD;
}

const DEFAULT_PASSWORD_POLICY = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 };

/** The settings UpdateUserPool replaces (an omitted one returns to its default, as AWS does). */
function settings(input: CreateUserPoolRequest | UpdateUserPoolRequest, pool: Partial<StoredPool>): Partial<StoredPool> {
  const mfa = input.MfaConfiguration ?? 'OFF';
  if (mfa !== 'OFF' && !input.SmsConfiguration && !pool.softwareTokenMfa) {
    throw new InvalidParameterException('SMS configuration and Auto verification for phone_number are required when MFA is required/optional');
  }
  const policy = { ...DEFAULT_PASSWORD_POLICY, ...input.Policies?.PasswordPolicy };
  for (const a of input.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? []) {
    if (!(input.AutoVerifiedAttributes ?? []).includes(a)) {
      throw new InvalidParameterException('The attributes in AttributesRequireVerificationBeforeUpdate must be in AutoVerifiedAttributes.');
    }
  }
  const tier = input.UserPoolTier ?? pool.UserPoolTier ?? 'ESSENTIALS';
  const lite = (feature: string): never => {
    throw new FeatureUnavailableInTierException(`${feature} is not available in the ${tier} tier.`);
  };
  if (tier === 'LITE') {
    const v = input.LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion;
    if (v && v !== 'V1_0') lite(`PreTokenGeneration ${v}`);
    if ((input.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((f) => f !== 'PASSWORD')) lite('Choice-based sign-in');
  }
  const lc = input.LambdaConfig;
  if (lc?.CustomEmailSender || lc?.CustomSMSSender || lc?.KMSKeyID) {
    // AWS encrypts the code it hands these triggers with the AWS Encryption SDK under KMSKeyID, and the
    // function decrypts it with KMS. Stratus has no KMS: it could neither encrypt as AWS does nor let
    // the function decrypt, so it refuses the configuration rather than send the messages another way.
    if ((lc.CustomEmailSender || lc.CustomSMSSender) && !lc.KMSKeyID) throw new InvalidParameterException('KMSKeyID is required when a CustomEmailSender or CustomSMSSender is configured.');
    throw new InvalidParameterException(`Invalid KMS key ${lc.KMSKeyID}: Stratus has no KMS, so the CustomEmailSender and CustomSMSSender triggers are not supported.`);
  }
  if (tier !== 'PLUS' && input.UserPoolAddOns?.AdvancedSecurityMode && input.UserPoolAddOns.AdvancedSecurityMode !== 'OFF') lite('Threat protection');
  return {
    Policies: { PasswordPolicy: policy, SignInPolicy: input.Policies?.SignInPolicy ?? { AllowedFirstAuthFactors: ['PASSWORD'] } },
    UserPoolTier: tier,
    LambdaConfig: input.LambdaConfig ?? {},
    AutoVerifiedAttributes: input.AutoVerifiedAttributes,
    MfaConfiguration: mfa,
    DeletionProtection: input.DeletionProtection ?? 'INACTIVE',
    DeviceConfiguration: input.DeviceConfiguration,
    EmailConfiguration: input.EmailConfiguration ?? { EmailSendingAccount: 'COGNITO_DEFAULT' },
    EmailVerificationMessage: input.EmailVerificationMessage,
    EmailVerificationSubject: input.EmailVerificationSubject,
    SmsAuthenticationMessage: input.SmsAuthenticationMessage,
    SmsConfiguration: input.SmsConfiguration,
    SmsVerificationMessage: input.SmsVerificationMessage,
    VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_CODE', ...input.VerificationMessageTemplate },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7, ...input.AdminCreateUserConfig },
    UserAttributeUpdateSettings: input.UserAttributeUpdateSettings ?? { AttributesRequireVerificationBeforeUpdate: [] },
    UserPoolAddOns: input.UserPoolAddOns,
    AccountRecoverySetting: input.AccountRecoverySetting,
    UserPoolTags: input.UserPoolTags ?? pool.UserPoolTags ?? {},
  };
}

function schemaOf(input: SchemaAttributeType[] | undefined): SchemaAttributeType[] {
  const std = Object.fromEntries(Object.entries(STANDARD).map(([k, v]) => [k, { ...v }]));
  const custom: SchemaAttributeType[] = [];
  for (const a of input ?? []) {
    const name = a.Name ?? '';
    if (std[name]) {
      const base = std[name]!;
      if (a.AttributeDataType && a.AttributeDataType !== base.AttributeDataType) throw new InvalidParameterException(`You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${name}`);
      if (a.DeveloperOnlyAttribute) throw new InvalidParameterException(`You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute ${name}`);
      std[name] = { ...base, Required: a.Required ?? base.Required, Mutable: a.Mutable ?? base.Mutable, ...(a.StringAttributeConstraints ? { StringAttributeConstraints: { ...base.StringAttributeConstraints, ...a.StringAttributeConstraints } } : {}) };
    } else {
      custom.push(customAttribute(a));
    }
  }
  if (custom.length > 50) throw new InvalidParameterException('Too many custom attributes: a user pool can have at most 50.');
  return [...Object.values(std), ...custom];
}

function customAttribute(a: SchemaAttributeType): SchemaAttributeType {
  if (a.Required) throw new InvalidParameterException('Required custom attributes are not supported currently.');
  const name = a.Name ?? '';
  if (!name) throw new InvalidParameterException('Custom attribute name must not be empty.');
  const type = a.AttributeDataType ?? 'String';
  return {
    Name: name.startsWith('custom:') || name.startsWith('dev:') ? name : `${a.DeveloperOnlyAttribute ? 'dev' : 'custom'}:${name}`,
    AttributeDataType: type,
    DeveloperOnlyAttribute: a.DeveloperOnlyAttribute ?? false,
    Mutable: a.Mutable ?? true,
    Required: false,
    ...(type === 'String' ? { StringAttributeConstraints: a.StringAttributeConstraints ?? {} } : {}),
    ...(type === 'Number' ? { NumberAttributeConstraints: a.NumberAttributeConstraints ?? {} } : {}),
  };
}

export function poolOutput(pool: StoredPool, estimatedUsers?: number): UserPoolType {
  const { account: _a, region: _r, softwareTokenMfa: _s, emailMfa: _e, CreationDate, LastModifiedDate, ...rest } = pool;
  return { ...rest, CreationDate: new Date(CreationDate), LastModifiedDate: new Date(LastModifiedDate), ...(estimatedUsers === undefined ? {} : { EstimatedNumberOfUsers: estimatedUsers }) };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(n: number, chars = ID_CHARS): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += chars[b % chars.length];
  return s;
}

export class PoolOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  async CreateUserPool(ctx: RequestContext, input: CreateUserPoolRequest) {
    if (input.UsernameAttributes?.length && input.AliasAttributes?.length) {
      throw new InvalidParameterException('Only one of the aliasAttributes or usernameAttributes should be set in a User Pool.');
    }
    const id = `${ctx.region}_${randomId(9)}`;
    const now = this.core.now();
    const pool: StoredPool = {
      Id: id,
      Name: input.PoolName,
      Arn: arnFor('cognito-idp', ctx, `userpool/${id}`),
      account: ctx.accountId,
      region: ctx.region,
      CreationDate: now,
      LastModifiedDate: now,
      ...settings(input, {}),
      SchemaAttributes: schemaOf(input.Schema),
      UsernameAttributes: input.UsernameAttributes,
      AliasAttributes: input.AliasAttributes,
      UsernameConfiguration: input.UsernameConfiguration,
    };
    await this.core.db.tx(async (tx) => {
      await this.core.putPool(tx, pool);
      await this.core.createKey(tx, id);
    });
    return { UserPool: poolOutput(pool, 0) };
  }

  async DescribeUserPool(ctx: RequestContext, input: { UserPoolId: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const n = await this.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cognito_users WHERE pool_id = ?', [pool.Id]);
    return { UserPool: poolOutput(pool, Number(n?.n ?? 0)) };
  }

  async ListUserPools(ctx: RequestContext, input: { MaxResults: number; NextToken?: string }) {
    const listing = listingOf('ListUserPools', ctx);
    const after = input.NextToken === undefined ? undefined : decodePageToken(input.NextToken, listing);
    if (input.NextToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ pool_id: string; doc: string }>(
      `SELECT pool_id, doc FROM cognito_pools WHERE account = ? AND region = ?${after ? ' AND pool_id > ?' : ''} ORDER BY pool_id LIMIT ?`,
      [ctx.accountId, ctx.region, ...(after ? [after[0]!] : []), input.MaxResults + 1],
    );
    const page = rows.slice(0, input.MaxResults).map((r) => JSON.parse(r.doc) as StoredPool);
    return {
      UserPools: page.map((p) => ({ Id: p.Id, Name: p.Name, LambdaConfig: p.LambdaConfig, CreationDate: new Date(p.CreationDate), LastModifiedDate: new Date(p.LastModifiedDate) })),
      ...(rows.length > input.MaxResults ? { NextToken: encodePageToken(listing, [page[page.length - 1]!.Id]) } : {}),
    };
  }

  async UpdateUserPool(ctx: RequestContext, input: UpdateUserPoolRequest) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      await this.core.putPool(tx, { ...pool, ...settings(input, pool), Name: input.PoolName ?? pool.Name, LastModifiedDate: this.core.now() });
    });
    return {};
  }

  async DeleteUserPool(ctx: RequestContext, input: { UserPoolId: string }) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      if (pool.DeletionProtection === 'ACTIVE') {
        throw new InvalidParameterException('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
      }
      if (pool.Domain || pool.CustomDomain) throw new InvalidParameterException('User pool cannot be deleted. It has a domain configured that should be deleted first.');
      for (const table of ['cognito_pools', 'cognito_keys', 'cognito_clients', 'cognito_groups', 'cognito_users', 'cognito_aliases', 'cognito_members', 'cognito_sessions', 'cognito_refresh', 'cognito_messages', 'cognito_resource_servers', 'cognito_devices', 'cognito_providers', 'cognito_oauth_codes', 'cognito_web_sessions']) {
        await tx.run(`DELETE FROM ${table} WHERE pool_id = ?`, [pool.Id]);
      }
    });
    this.core.forgetKey(input.UserPoolId);
  }

  async AddCustomAttributes(ctx: RequestContext, input: { UserPoolId: string; CustomAttributes: SchemaAttributeType[] }) {
    await this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      const schema = [...(pool.SchemaAttributes ?? [])];
      for (const a of input.CustomAttributes) {
        const attr = customAttribute(a);
        if (schema.some((s) => s.Name === attr.Name)) throw new InvalidParameterException('Existing schema attributes cannot be modified or deleted.');
        schema.push(attr);
      }
      if (schema.filter((s) => !isStandardAttribute(s.Name ?? '')).length > 50) throw new InvalidParameterException('Too many custom attributes: a user pool can have at most 50.');
      await this.core.putPool(tx, { ...pool, SchemaAttributes: schema, LastModifiedDate: this.core.now() });
    });
    return {};
  }

  async GetUserPoolMfaConfig(ctx: RequestContext, input: { UserPoolId: string }) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    return {
      MfaConfiguration: pool.MfaConfiguration ?? 'OFF',
      SoftwareTokenMfaConfiguration: { Enabled: pool.softwareTokenMfa === true },
      ...(pool.SmsConfiguration ? { SmsMfaConfiguration: { SmsAuthenticationMessage: pool.SmsAuthenticationMessage, SmsConfiguration: pool.SmsConfiguration } } : {}),
      ...(pool.emailMfa ? { EmailMfaConfiguration: pool.emailMfa } : {}),
    };
  }

  async SetUserPoolMfaConfig(ctx: RequestContext, input: Parameters<Api['SetUserPoolMfaConfig']>[1]) {
    return this.core.db.tx(async (tx) => {
      const pool = await this.core.ownPool(ctx, input.UserPoolId, tx);
      const totp = input.SoftwareTokenMfaConfiguration?.Enabled ?? pool.softwareTokenMfa ?? false;
      const sms = input.SmsMfaConfiguration?.SmsConfiguration ?? pool.SmsConfiguration;
      const mfa = input.MfaConfiguration ?? pool.MfaConfiguration ?? 'OFF';
      const emailMfa = input.EmailMfaConfiguration ?? pool.emailMfa;
      if (mfa !== 'OFF' && !totp && !sms && !emailMfa) {
        throw new InvalidParameterException('At least one MFA method must be enabled if MFA is set to ON or OPTIONAL.');
      }
      if (input.EmailMfaConfiguration && pool.UserPoolTier === 'LITE') {
        throw new FeatureUnavailableInTierException('Email MFA is not available in the LITE tier.');
      }
      await this.core.putPool(tx, {
        ...pool,
        MfaConfiguration: mfa,
        softwareTokenMfa: totp,
        ...(emailMfa ? { emailMfa } : {}),
        SmsConfiguration: sms,
        SmsAuthenticationMessage: input.SmsMfaConfiguration?.SmsAuthenticationMessage ?? pool.SmsAuthenticationMessage,
        LastModifiedDate: this.core.now(),
      });
      return { MfaConfiguration: mfa, SoftwareTokenMfaConfiguration: { Enabled: totp }, ...(sms ? { SmsMfaConfiguration: { SmsConfiguration: sms } } : {}), ...(emailMfa ? { EmailMfaConfiguration: emailMfa } : {}) };
    });
  }
}

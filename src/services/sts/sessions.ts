/**
 * STS's credential operations: AssumeRole (trust policy evaluated, external id, duration limits,
 * session policies and tags recorded), AssumeRoleWithWebIdentity (verified OIDC tokens),
 * GetSessionToken, GetFederationToken, and who a key or caller is.
 */
import { randomBytes } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import { evaluatePolicy, parsePolicy, type PolicyRequest } from '../../aws/iam-policy.js';
import type { Principal, RequestContext, ResolvedCredential } from '../../core/context.js';
import type { IAMApi } from '../../generated/iam.js';
import {
  InvalidAuthorizationMessageException,
  InvalidIdentityTokenException,
  MalformedPolicyDocumentException,
  type AssumeRoleRequest,
  type AssumeRoleWithWebIdentityRequest,
  type Credentials,
  type GetFederationTokenRequest,
  type GetSessionTokenRequest,
  type StsApi,
} from '../../generated/sts.js';
import { serviceClient } from '../clients.js';
import type { Platform } from '../service.js';
import { getSession, insertSession } from './store.js';
import { checkExpiry, issuerKey, parseJwt, verifySignature } from './web-identity.js';

type Ops =
  | 'GetCallerIdentity' | 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'GetSessionToken' | 'GetFederationToken'
  | 'GetAccessKeyInfo' | 'DecodeAuthorizationMessage';

/** The issuer of the OpenID tokens of Cognito identity pools (GetOpenIdToken). */
const COGNITO_IDENTITY_ISSUER = 'https://cognito-identity.amazonaws.com';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base32 = (n: number): string => [...randomBytes(n)].map((b) => BASE32[b & 31]).join('');

const validation = (message: string) => new AwsError('ValidationError', message, 400);

interface Role {
  arn: string;
  name: string;
  id: string;
  trust: string;
  maxSession: number;
}

/** The caller as a principal: who signed, else the account root. */
export function callerOf(ctx: RequestContext): Principal {
  return ctx.principal ?? { type: 'root', accountId: ctx.accountId, arn: `arn:aws:iam::${ctx.accountId}:root`, userId: ctx.accountId };
}

export class SessionOps implements Pick<StsApi, Ops> {
  constructor(private readonly platform: Platform) {}

  async GetCallerIdentity(ctx: RequestContext) {
    const p = callerOf(ctx);
    return { UserId: p.userId, Account: p.accountId, Arn: p.arn };
  }

  async AssumeRole(ctx: RequestContext, input: AssumeRoleRequest) {
    const caller = callerOf(ctx);
    const denied = () => new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 403);
    const role = await this.role(ctx, input.RoleArn);
    if (!role) throw denied();
    const arns = [caller.arn, ...(caller.sourceArn ? [caller.sourceArn] : [])];
    const service = caller.type === 'service' ? caller.arn : undefined;
    const context: Record<string, string> = { 'aws:principalarn': caller.sourceArn ?? caller.arn };
    if (input.ExternalId !== undefined) context['sts:externalid'] = input.ExternalId;
    if (input.RoleSessionName) context['sts:rolesessionname'] = input.RoleSessionName;
    if (input.SourceIdentity) context['sts:sourceidentity'] = input.SourceIdentity;
    for (const t of input.Tags ?? []) context[`aws:requesttag/${t.Key.toLowerCase()}`] = t.Value;
    for (const [k, v] of Object.entries(caller.sessionTags ?? {})) context[`aws:principaltag/${k.toLowerCase()}`] = v;
    if (!this.trusts(role, { action: 'sts:AssumeRole', callerAccount: service ? undefined : caller.accountId, principal: service ? { service } : { arns }, context })) throw denied();
    // With `--iam enforce`, the caller also needs sts:AssumeRole in its own policies unless the trust
    // policy names it (not merely its account) and the role is in its account.
    if (!service && (!namesPrincipal(role.trust, arns) || role.arn.split(':')[4] !== caller.accountId)) await this.platform.authorize(ctx, caller, 'sts:AssumeRole', role.arn);
    const chained = caller.type === 'assumed-role';
    const duration = input.DurationSeconds ?? 3600;
    if (chained && duration > 3600) throw validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    // A service's own sessions (Lambda's for its functions) may last up to 12 hours whatever the role's maximum.
    if (duration > (service ? 43200 : role.maxSession)) throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    this.checkSessionPolicy(input.Policy);
    // Transitive tags of a chained session carry over to the next one.
    const sessionTags = { ...(chained ? caller.sessionTags : {}), ...Object.fromEntries((input.Tags ?? []).map((t) => [t.Key, t.Value])) };
    const principal = assumedRole(role, input.RoleSessionName, { sessionTags, policy: input.Policy, policyArns: input.PolicyArns?.map((p) => p.arn ?? '') });
    const credentials = await this.issue(principal, duration);
    return {
      Credentials: credentials,
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      ...(input.Policy || input.Tags?.length ? { PackedPolicySize: packedSize(input.Policy, input.Tags?.length ?? 0) } : {}),
      ...(input.SourceIdentity ? { SourceIdentity: input.SourceIdentity } : {}),
    };
  }

  async AssumeRoleWithWebIdentity(ctx: RequestContext, input: AssumeRoleWithWebIdentityRequest) {
    const jwt = parseJwt(input.WebIdentityToken);
    const roleAccount = /^arn:aws:iam::(\d{12}):role\//.exec(input.RoleArn)?.[1] ?? ctx.accountId;
    const key = issuerKey(jwt.iss);
    // Cognito identity pools' tokens are trusted by every account (the federated principal
    // `cognito-identity.amazonaws.com`, no IAM provider); their keys are the cognito-identity service's,
    // published on the endpoint (src/services/cognito-identity/dataplane.ts).
    const cognito = jwt.iss === COGNITO_IDENTITY_ISSUER;
    const providerArn = cognito ? key : `arn:aws:iam::${roleAccount}:oidc-provider/${key}`;
    if (!cognito) {
      const iam = serviceClient<IAMApi>(this.platform, 'iam', { accountId: roleAccount, region: ctx.region });
      const provider = iam ? await iam.GetOpenIDConnectProvider({ OpenIDConnectProviderArn: providerArn }).catch(() => undefined) : undefined;
      if (!provider) throw new InvalidIdentityTokenException(`No OpenIDConnect provider found in your account for ${jwt.iss}`);
      if (!(provider.ClientIDList ?? []).includes(jwt.aud)) throw new InvalidIdentityTokenException('Incorrect token audience');
    }
    checkExpiry(jwt, this.platform.clock.now());
    await verifySignature(jwt, cognito ? `${this.platform.endpoint()}/_stratus/cognito-identity` : undefined);
    const denied = () => new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
    const role = await this.role({ ...ctx, accountId: roleAccount }, input.RoleArn);
    if (!role) throw denied();
    const context: Record<string, string> = { [`${key}:aud`.toLowerCase()]: jwt.aud, [`${key}:sub`.toLowerCase()]: jwt.sub };
    if (typeof jwt.claims.azp === 'string') context[`${key}:azp`.toLowerCase()] = jwt.claims.azp;
    // amr: 'authenticated' or 'unauthenticated' first, as `ForAnyValue:StringLike` conditions test it.
    if (Array.isArray(jwt.claims.amr) && typeof jwt.claims.amr[0] === 'string') context[`${key}:amr`] = jwt.claims.amr[0];
    if (!this.trusts(role, { action: 'sts:AssumeRoleWithWebIdentity', callerAccount: undefined, principal: { federated: providerArn }, context })) throw denied();
    const duration = input.DurationSeconds ?? 3600;
    if (duration > role.maxSession) throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    this.checkSessionPolicy(input.Policy);
    const principal = assumedRole(role, input.RoleSessionName, { policy: input.Policy, policyArns: input.PolicyArns?.map((p) => p.arn ?? '') });
    return {
      Credentials: await this.issue(principal, duration),
      SubjectFromWebIdentityToken: jwt.sub,
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      Provider: key,
      Audience: jwt.aud,
      ...(input.Policy ? { PackedPolicySize: packedSize(input.Policy, 0) } : {}),
    };
  }

  async GetSessionToken(ctx: RequestContext, input: GetSessionTokenRequest) {
    const caller = callerOf(ctx);
    if (caller.session) throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
    // The root's sessions last an hour at most; users' 36 hours (the model's range).
    const duration = Math.min(input.DurationSeconds ?? 43200, caller.type === 'root' ? 3600 : 129600);
    return { Credentials: await this.issue({ ...caller, session: true }, duration) };
  }

  async GetFederationToken(ctx: RequestContext, input: GetFederationTokenRequest) {
    const caller = callerOf(ctx);
    if (caller.session) throw new AwsError('AccessDenied', 'Cannot call GetFederationToken with session credentials', 403);
    this.checkSessionPolicy(input.Policy);
    const duration = Math.min(input.DurationSeconds ?? 43200, caller.type === 'root' ? 3600 : 129600);
    const principal: Principal = {
      type: 'federated-user',
      session: true,
      accountId: caller.accountId,
      arn: `arn:aws:sts::${caller.accountId}:federated-user/${input.Name}`,
      userId: `${caller.accountId}:${input.Name}`,
      sourceArn: caller.arn,
      ...(input.Tags?.length ? { sessionTags: Object.fromEntries(input.Tags.map((t) => [t.Key, t.Value])) } : {}),
      ...(input.Policy ? { sessionPolicy: input.Policy } : {}),
      ...(input.PolicyArns?.length ? { sessionPolicyArns: input.PolicyArns.map((p) => p.arn ?? '') } : {}),
    };
    return {
      Credentials: await this.issue(principal, duration),
      FederatedUser: { FederatedUserId: principal.userId, Arn: principal.arn },
      ...(input.Policy || input.Tags?.length ? { PackedPolicySize: packedSize(input.Policy, input.Tags?.length ?? 0) } : {}),
    };
  }

  async GetAccessKeyInfo(ctx: RequestContext, input: { AccessKeyId: string }) {
    const found = await this.platform.resolveCredential(input.AccessKeyId);
    return { Account: found?.principal.accountId ?? this.platform.config.defaultAccountId };
  }

  /** Messages Stratus encoded (`--iam enforce` denials): base64 of their JSON. */
  async DecodeAuthorizationMessage(ctx: RequestContext, input: { EncodedMessage: string }) {
    try {
      const text = Buffer.from(input.EncodedMessage, 'base64').toString('utf8');
      const parsed = JSON.parse(text) as Record<string, unknown>;
      if (typeof parsed.allowed !== 'boolean') throw new Error('not ours');
      return { DecodedMessage: text };
    } catch {
      throw new InvalidAuthorizationMessageException('The specified authorization message is invalid.');
    }
  }

  /** The role an ARN names, read from IAM in the role's account; undefined when it does not exist. */
  private async role(ctx: RequestContext, roleArn: string): Promise<Role | undefined> {
    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
    if (!m) throw validation(`${roleArn} is invalid`);
    const iam = serviceClient<IAMApi>(this.platform, 'iam', { accountId: m[1]!, region: ctx.region });
    const got = iam ? await iam.GetRole({ RoleName: m[2]! }).catch(() => undefined) : undefined;
    if (!got || got.Role.Arn !== roleArn) return undefined;
    return { arn: got.Role.Arn, name: got.Role.RoleName, id: got.Role.RoleId, trust: decodeURIComponent(got.Role.AssumeRolePolicyDocument ?? ''), maxSession: got.Role.MaxSessionDuration ?? 3600 };
  }

  private trusts(role: Role, req: Omit<PolicyRequest, 'resource' | 'sourceIp'>): boolean {
    const statements = parsePolicy(role.trust) ?? [];
    // Trust policies have no Resource: the role itself is the resource.
    const withResource = statements.map((s) => ({ ...s, Resource: '*' }));
    return evaluatePolicy(withResource, { ...req, resource: role.arn, sourceIp: '127.0.0.1' }).allowed;
  }

  private checkSessionPolicy(policy: string | undefined): void {
    if (policy === undefined) return;
    try {
      const doc = JSON.parse(policy) as unknown;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not an object');
    } catch {
      throw new MalformedPolicyDocumentException('The policy is not in the valid JSON format.');
    }
  }

  /** New temporary credentials for `principal`, stored with their expiry. */
  private async issue(principal: Principal, durationSeconds: number): Promise<Credentials> {
    const now = this.platform.clock.now();
    const expires = now + durationSeconds * 1000;
    const keyId = `ASIA${base32(16)}`;
    const secret = randomBytes(30).toString('base64');
    const token = `IQoJb3JpZ2luX2Vj${randomBytes(192).toString('base64')}`;
    await this.platform.db.tx((tx) => insertSession(tx, { keyId, secret, token, expires, now, principal }));
    return { AccessKeyId: keyId, SecretAccessKey: secret, SessionToken: token, Expiration: new Date(expires) };
  }
}

function assumedRole(role: Role, session: string, extra: { sessionTags?: Record<string, string>; policy?: string; policyArns?: string[] }): Principal {
  const account = /^arn:aws:iam::(\d{12}):/.exec(role.arn)![1]!;
  return {
    type: 'assumed-role',
    session: true,
    accountId: account,
    arn: `arn:aws:sts::${account}:assumed-role/${role.name}/${session}`,
    userId: `${role.id}:${session}`,
    sourceArn: role.arn,
    ...(extra.sessionTags && Object.keys(extra.sessionTags).length ? { sessionTags: extra.sessionTags } : {}),
    ...(extra.policy ? { sessionPolicy: extra.policy } : {}),
    ...(extra.policyArns?.length ? { sessionPolicyArns: extra.policyArns } : {}),
  };
}

/** Whether an Allow statement of a trust policy names one of these principal ARNs itself. */
function namesPrincipal(trust: string, arns: readonly string[]): boolean {
  return (parsePolicy(trust) ?? []).some((st) => {
    if (st.Effect !== 'Allow' || !st.Principal || typeof st.Principal !== 'object') return false;
    const aws = (st.Principal as Record<string, unknown>).AWS;
    return (Array.isArray(aws) ? aws : [aws]).some((p) => typeof p === 'string' && arns.includes(p));
  });
}

/** STS's PackedPolicySize: the percentage of the packed limit the session policy and tags use. */
function packedSize(policy: string | undefined, tags: number): number {
  const size = (policy ? policy.replace(/\s+/g, '').length : 0) + tags * 64;
  return Math.max(1, Math.ceil((size / 2048) * 100));
}

/** What an ASIA key stands for: its session's secret, token, expiry and principal. */
export async function resolveSession(platform: Platform, accessKeyId: string): Promise<ResolvedCredential | undefined> {
  if (!accessKeyId.startsWith('ASIA')) return undefined;
  const row = await getSession(platform.db, accessKeyId);
  if (!row) return undefined;
  return { secretAccessKey: row.secret, sessionToken: row.token, expiresAt: Number(row.expires), active: true, principal: JSON.parse(row.principal) as Principal };
}

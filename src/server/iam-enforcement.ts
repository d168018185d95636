/**
 * `--iam enforce` / `report` (docs/services/iam.md): the one place requests are authorised with the
 * shared evaluator (aws/iam-authorize.ts). A principal's policies come from IAM's
 * `principalPolicies` hook, a resource's owner and policy from its service's `resourcePolicy` hook;
 * both are cached by their owners. API calls (server.ts), services' own checks (`Platform.authorize`:
 * STS's sts:AssumeRole) and API Gateway's AWS_IAM methods (`Platform.evaluate`) all come here.
 */
import { accessDeniedError } from '../aws/auth-errors.js';
import type { ActionRequest } from '../aws/iam-actions.js';
import { authorize, denialMessage, type Authorization, type PrincipalPolicies, type ResourcePolicy } from '../aws/iam-authorize.js';
import type { PolicyRequest } from '../aws/iam-policy.js';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { Principal, RequestContext } from '../core/context.js';
import type { EvaluationRequest, LoadedService, ServiceEntry } from '../services/service.js';

const PRINCIPAL_TYPES = { user: 'User', 'assumed-role': 'AssumedRole', 'federated-user': 'FederatedUser', root: 'Account', service: 'Service' } as const;

/** The account root a configured key (or an account id used as key) stands for. */
export function rootPrincipal(accountId: string): Principal {
  return { type: 'root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId };
}

export class IamEnforcement {
  constructor(
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly services: ReadonlyMap<string, ServiceEntry>,
    /** The loaded services that may know principals (IAM, loaded here when it has state). */
    private readonly credentialServices: () => Promise<LoadedService[]>,
    private readonly log: (fields: Record<string, unknown>) => void,
  ) {}

  /** IAM's policies for a principal; undefined for the root (allowed everything in its account). */
  private async policiesOf(p: Principal): Promise<PrincipalPolicies | undefined> {
    if (p.type === 'root') return undefined;
    for (const s of await this.credentialServices()) if (s.provider.principalPolicies) return s.provider.principalPolicies(p);
    return undefined;
  }

  /** The resource's owner and policy, from the service whose ARN it is (the request's own service). */
  private async resourceOf(service: string, action: string, resource: string, callerAccount: string): Promise<ResourcePolicy | undefined> {
    // IAM's resources (iam:PassRole's role; sts:AssumeRole's, whose trust policy STS evaluates itself)
    // have no resource policy here: the caller's side decides.
    if (action.startsWith('iam:') || /^arn:aws[\w-]*:iam:/.test(resource)) return undefined;
    const entry = this.services.get(service);
    const provider = entry ? (entry.loaded ? entry.provider : (await entry.load()).provider) : undefined;
    const found = provider?.resourcePolicy ? await provider.resourcePolicy(resource) : undefined;
    if (found) return found;
    const account = arnAccount(resource);
    return account && /^\d{12}$/.test(account) && account !== callerAccount ? { accountId: account, statements: [] } : undefined;
  }

  /**
   * The global condition keys of a principal's request (aws:PrincipalArn, aws:PrincipalTag/...):
   * one object per principal and policies (both cached objects), whose per-request keys (region,
   * time, resource account) are written in place before each decision, which reads it
   * synchronously. Copying an object of such keys per request costs more than the decision.
   */
  private globalKeys(p: Principal, policies: PrincipalPolicies | undefined, region: string, resourceAccount: string | undefined): Record<string, string | undefined> {
    let base = this.keysOf.get(p);
    if (!base || base.policies !== policies) {
      const keys: Record<string, string | undefined> = {
        'aws:principalarn': p.sourceArn && p.type === 'assumed-role' ? p.sourceArn : p.arn,
        'aws:principaltype': PRINCIPAL_TYPES[p.type],
        'aws:userid': p.userId,
        'aws:username': p.type === 'user' ? p.arn.slice(p.arn.lastIndexOf('/') + 1) : undefined,
        'aws:securetransport': 'false',
        'aws:requestedregion': region,
        'aws:currenttime': '',
        'aws:resourceaccount': undefined,
      };
      // The user's or role's own tags, then the session's (which win).
      for (const [k, v] of Object.entries({ ...policies?.tags, ...p.sessionTags })) keys[`aws:principaltag/${k.toLowerCase()}`] = v;
      base = { policies, keys };
      this.keysOf.set(p, base);
    }
    const now = this.clock.now();
    if (now !== this.isoAt) {
      this.isoAt = now;
      this.iso = new Date(now).toISOString();
    }
    const keys = base.keys;
    keys['aws:requestedregion'] = region;
    keys['aws:currenttime'] = this.iso;
    keys['aws:resourceaccount'] = resourceAccount;
    return keys;
  }

  private readonly keysOf = new WeakMap<Principal, { policies: PrincipalPolicies | undefined; keys: Record<string, string | undefined> }>();
  private isoAt = NaN;
  private iso = '';

  /** The evaluator's decision for one action, whatever the mode (Platform.evaluate). */
  async evaluate(p: Principal, e: EvaluationRequest): Promise<Authorization> {
    // The root of its own account is allowed everything: what the ARN's account says is enough,
    // the owner is only looked up for ARNs without one (S3's).
    if (p.type === 'root' && e.resourcePolicy === undefined && arnAccount(e.resource) === p.accountId) return { allowed: true };
    const policies = await this.policiesOf(p);
    const resource = e.resourcePolicy === null ? undefined : (e.resourcePolicy ?? (await this.resourceOf(e.service, e.action, e.resource, p.accountId)));
    if (p.type === 'root' && (!resource || resource.accountId === p.accountId)) return { allowed: true };
    const context = this.globalKeys(p, policies, e.region, resource?.accountId);
    const req: PolicyRequest = {
      action: e.action,
      resource: e.resource,
      sourceIp: e.sourceIp,
      callerAccount: p.accountId,
      context: (e.context ? Object.assign({}, context, e.context) : context) as Record<string, string>,
      principal: who(p),
      expandResource: e.expandResource,
    };
    return authorize(policies ?? (p.type === 'root' ? undefined : { identity: [] }), req, resource);
  }

  /**
   * The principal's policies (and the resources' own) must allow every action the request maps to
   * (aws/iam-actions.ts): enforce throws the service's AccessDenied with AWS's message; report logs
   * the denial, with the statement that decided it. A request let into another account's resource by
   * that resource's policy is marked on its context (`crossAccountGrant`: S3 then serves it).
   */
  async check(ctx: RequestContext, p: Principal, sourceIp: string, actions: readonly ActionRequest[]): Promise<void> {
    if (this.config.iam === 'off' || p.type === 'service') return;
    for (const { action, resource, context } of actions) {
      const decision = await this.evaluate(p, { service: ctx.service, action, resource, sourceIp, region: ctx.region, context });
      if (decision.allowed) {
        if (decision.crossAccount) ctx.crossAccountGrant = true;
        continue;
      }
      const message = denialMessage(p.arn, action, resource, decision);
      if (this.config.iam === 'enforce') throw accessDeniedError(ctx.service, message);
      this.log({ level: 'warn', requestId: ctx.requestId, iam: 'report', wouldDeny: message, ...(decision.statement ? { statement: decision.statement } : {}) });
    }
  }
}

/** The ARNs a resource policy may name the principal by (principalMatch). */
function who(p: Principal): PolicyRequest['principal'] {
  let names = principalNames.get(p);
  if (!names) {
    names = p.type === 'assumed-role' || p.type === 'federated-user' ? { arns: [p.arn], limitedArns: p.sourceArn ? [p.sourceArn] : [] } : { arns: [p.arn] };
    principalNames.set(p, names);
  }
  return names;
}

const principalNames = new WeakMap<Principal, NonNullable<PolicyRequest['principal']>>();

/** The account field of an ARN ('' when it has none, as S3's; undefined for '*'). */
function arnAccount(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  let at = 0;
  for (let i = 0; i < 4; i++) {
    at = arn.indexOf(':', at) + 1;
    if (at === 0) return undefined;
  }
  const end = arn.indexOf(':', at);
  return end < 0 ? undefined : arn.slice(at, end);
}

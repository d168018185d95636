/**
 * AWS's policy evaluation (no SCPs or RCPs: an organisation without them). An explicit Deny in any
 * policy decides. Within an account, a resource-based policy that names the caller directly (its
 * user, its role session, everyone) allows on its own; one that names the role of a session (or the
 * user of a federated session) allows within the permissions boundary and session policies; one that
 * names the account delegates to its identity policies. Otherwise an identity-based policy must
 * allow, and the permissions boundary and session policies (when there are any). Across accounts,
 * both the caller's side (identity, boundary, session; everything for the other account's root) and
 * the resource-based policy must allow. The denial message names the policy type that decided, as
 * AWS's messages do (`User: arn is not authorized to perform: dynamodb:PutItem on resource: arn
 * because no identity-based policy allows the dynamodb:PutItem action`).
 */
import { statementApplies, statementMatch, type PolicyRequest, type PolicyStatement, type PrincipalMatch } from './iam-policy.js';

/** The policies that apply to a principal, parsed once and cached by whoever loads them. */
export interface PrincipalPolicies {
  /** Every statement of the identity's inline and attached policies (a user's groups' included). */
  readonly identity: readonly PolicyStatement[];
  /** The permissions boundary's statements, when the user or role has one. */
  readonly boundary?: readonly PolicyStatement[];
  /** The session policies' statements, when the session was given any (inline Policy, PolicyArns). */
  readonly session?: readonly PolicyStatement[];
  /** The user's or role's tags (aws:PrincipalTag/*; session tags override them). */
  readonly tags?: Readonly<Record<string, string>>;
}

export type PolicyType = 'identity-based policy' | 'permissions boundary' | 'session policy' | 'resource-based policy';

/** The resource acted on: the account that owns it and its resource-based policy (none: no statements). */
export interface ResourcePolicy {
  readonly accountId: string;
  readonly statements: readonly PolicyStatement[];
}

export type Authorization =
  | { readonly allowed: true; /** Allowed into another account's resource by its resource-based policy. */ readonly crossAccount?: boolean }
  | { readonly allowed: false; readonly explicit: boolean; readonly policyType: PolicyType; readonly statement?: PolicyStatement };

/**
 * `policies` undefined: the account root (allowed everything in its own account). `resource`
 * undefined: the request's resource has no policy of its own and is in the caller's account.
 */
export function authorize(policies: PrincipalPolicies | undefined, req: PolicyRequest, resource?: ResourcePolicy): Authorization {
  const layers: [PolicyType, readonly PolicyStatement[] | undefined][] = policies
    ? [
        ['identity-based policy', policies.identity],
        ['permissions boundary', policies.boundary],
        ['session policy', policies.session],
      ]
    : [];
  const matching = layers.map(([type, statements]) => [type, statements?.filter((s) => statementApplies(s, req))] as const);
  for (const [policyType, found] of matching) {
    const deny = found?.find((s) => s.Effect === 'Deny');
    if (deny) return { allowed: false, explicit: true, policyType, statement: deny };
  }
  // How each Allow of the resource's policy names the caller.
  const granted = new Set<PrincipalMatch>();
  for (const s of resource?.statements ?? []) {
    const how = statementMatch(s, req);
    if (!how) continue;
    if (s.Effect === 'Deny') return { allowed: false, explicit: true, policyType: 'resource-based policy', statement: s };
    if (s.Effect === 'Allow') granted.add(how);
  }
  const allows = (type: PolicyType) => {
    const found = matching.find(([t]) => t === type)?.[1];
    return !found || found.some((s) => s.Effect === 'Allow');
  };
  const crossAccount = resource !== undefined && req.callerAccount !== undefined && resource.accountId !== req.callerAccount;
  if (!crossAccount) {
    if (!policies || granted.has('direct')) return { allowed: true };
    if (granted.has('limited')) {
      for (const type of ['permissions boundary', 'session policy'] as const) if (!allows(type)) return { allowed: false, explicit: false, policyType: type };
      return { allowed: true };
    }
  }
  for (const [policyType] of matching) if (!allows(policyType)) return { allowed: false, explicit: false, policyType };
  if (crossAccount && granted.size === 0) return { allowed: false, explicit: false, policyType: 'resource-based policy' };
  return crossAccount ? { allowed: true, crossAccount } : { allowed: true };
}

/** AWS's denial message for a principal, an action and a resource. */
export function denialMessage(principalArn: string, action: string, resource: string, decision: Exclude<Authorization, { allowed: true }>): string {
  const why = decision.explicit ? `with an explicit deny in a${/^[aeiou]/.test(decision.policyType) ? 'n' : ''} ${decision.policyType}` : `because no ${decision.policyType} allows the ${action} action`;
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}

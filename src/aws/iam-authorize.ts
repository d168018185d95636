/**
 * AWS's policy evaluation for a principal of the account (no SCPs, no resource-based policies yet):
 * an explicit Deny in any policy decides; then an identity-based policy must allow, a permissions
 * boundary (when the principal has one) must allow, and session policies (when the session has any)
 * must allow. The denial message names the policy type that decided, as AWS's messages do
 * (`User: arn is not authorized to perform: dynamodb:PutItem on resource: arn because no
 * identity-based policy allows the dynamodb:PutItem action`).
 */
import { statementApplies, type PolicyRequest, type PolicyStatement } from './iam-policy.js';

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

export type PolicyType = 'identity-based policy' | 'permissions boundary' | 'session policy';

export type Authorization =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly explicit: boolean; readonly policyType: PolicyType; readonly statement?: PolicyStatement };

export function authorize(policies: PrincipalPolicies, req: PolicyRequest): Authorization {
  const layers: [PolicyType, readonly PolicyStatement[] | undefined][] = [
    ['identity-based policy', policies.identity],
    ['permissions boundary', policies.boundary],
    ['session policy', policies.session],
  ];
  const matching = layers.map(([type, statements]) => [type, statements?.filter((s) => statementApplies(s, req))] as const);
  for (const [policyType, found] of matching) {
    const deny = found?.find((s) => s.Effect === 'Deny');
    if (deny) return { allowed: false, explicit: true, policyType, statement: deny };
  }
  for (const [policyType, found] of matching) {
    if (found && !found.some((s) => s.Effect === 'Allow')) return { allowed: false, explicit: false, policyType };
  }
  return { allowed: true };
}

/** AWS's denial message for a principal, an action and a resource. */
export function denialMessage(principalArn: string, action: string, resource: string, decision: Exclude<Authorization, { allowed: true }>): string {
  const why = decision.explicit ? `with an explicit deny in a${decision.policyType === 'identity-based policy' ? 'n' : ''} ${decision.policyType}` : `because no ${decision.policyType} allows the ${action} action`;
  return `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}

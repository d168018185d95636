/**
 * The evaluator of `--iam enforce` and IAM's simulations against the cases of AWS's policy evaluation
 * documentation. Each case cites the page (and section) it comes from:
 *   [logic]     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *   [within]    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 *   [boundary]  https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 *   [session]   https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 *   [notaction] https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 *   [notres]    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 *   [action]    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 *   [tags]      https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html
 *   [operators] https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 *   [resource]  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html (resource-based policies)
 *   [cross]     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 *   [principal] https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, denialMessage, type PrincipalPolicies, type ResourcePolicy } from '../../src/aws/iam-authorize.js';
import type { PolicyStatement } from '../../src/aws/iam-policy.js';

const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ Effect: 'Deny', Action, Resource, ...extra });

const BUCKET = 'arn:aws:s3:::reports';
const OBJECT = 'arn:aws:s3:::reports/2026/q1.csv';

interface Case {
  cite: string;
  name: string;
  policies: PrincipalPolicies;
  action: string;
  resource: string;
  context?: Record<string, string>;
  expect: 'allowed' | 'explicit' | 'implicit';
  decidedBy?: 'identity-based policy' | 'permissions boundary' | 'session policy';
}

const CASES: Case[] = [
  { cite: '[logic] "By default, all requests are implicitly denied"', name: 'no policy', policies: { identity: [] }, action: 's3:GetObject', resource: OBJECT, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[logic] "An explicit allow in an identity-based ... policy overrides this default"', name: 'identity allow', policies: { identity: [allow('s3:GetObject', `${BUCKET}/*`)] }, action: 's3:GetObject', resource: OBJECT, expect: 'allowed' },
  { cite: '[logic] "An explicit deny in any policy overrides any allows"', name: 'deny beats allow', policies: { identity: [allow('s3:*'), deny('s3:DeleteObject', `${BUCKET}/*`)] }, action: 's3:DeleteObject', resource: OBJECT, expect: 'explicit', decidedBy: 'identity-based policy' },
  { cite: '[within] an allow for another resource does not apply', name: 'resource mismatch', policies: { identity: [allow('s3:GetObject', 'arn:aws:s3:::other/*')] }, action: 's3:GetObject', resource: OBJECT, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[boundary] "effective permissions ... are the intersection of identity-based policies and permissions boundaries" (allowed by both)', name: 'boundary allows', policies: { identity: [allow('s3:*')], boundary: [allow(['s3:GetObject', 's3:ListBucket'])] }, action: 's3:GetObject', resource: OBJECT, expect: 'allowed' },
  { cite: '[boundary] an action the identity policy allows but the boundary does not is denied', name: 'outside boundary', policies: { identity: [allow('s3:*')], boundary: [allow('s3:GetObject')] }, action: 's3:PutObject', resource: OBJECT, expect: 'implicit', decidedBy: 'permissions boundary' },
  { cite: '[boundary] "the boundary does not grant permissions on its own"', name: 'boundary alone', policies: { identity: [], boundary: [allow('s3:*')] }, action: 's3:GetObject', resource: OBJECT, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[boundary] an explicit deny in a boundary overrides the allow', name: 'deny in boundary', policies: { identity: [allow('*')], boundary: [allow('*'), deny('s3:DeleteBucket')] }, action: 's3:DeleteBucket', resource: BUCKET, expect: 'explicit', decidedBy: 'permissions boundary' },
  { cite: '[session] "the resulting session permissions are the intersection of the identity-based policies and the session policies"', name: 'session narrows', policies: { identity: [allow('s3:*')], session: [allow('s3:GetObject')] }, action: 's3:PutObject', resource: OBJECT, expect: 'implicit', decidedBy: 'session policy' },
  { cite: '[session] allowed by both the identity-based policy and the session policy', name: 'session allows', policies: { identity: [allow('s3:*')], session: [allow('s3:GetObject')] }, action: 's3:GetObject', resource: OBJECT, expect: 'allowed' },
  { cite: '[session] "session policies ... cannot be used to grant more permissions than those allowed by the identity-based policy"', name: 'session cannot grant', policies: { identity: [allow('s3:GetObject')], session: [allow('*')] }, action: 's3:PutObject', resource: OBJECT, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[notaction] Allow with NotAction iam:* allows every action but IAM\'s', name: 'NotAction allow', policies: { identity: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t', expect: 'allowed' },
  { cite: '[notaction] ... and does not allow the excluded ones', name: 'NotAction excluded', policies: { identity: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }, action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/x', expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[notres] Deny with NotResource denies every resource but the listed ones', name: 'NotResource deny', policies: { identity: [allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] }] }, action: 's3:GetObject', resource: 'arn:aws:s3:::secrets/key', expect: 'explicit', decidedBy: 'identity-based policy' },
  { cite: '[notres] ... and leaves the listed ones to the allows', name: 'NotResource spared', policies: { identity: [allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] }] }, action: 's3:GetObject', resource: OBJECT, expect: 'allowed' },
  { cite: '[action] "action names are not case sensitive"', name: 'action case', policies: { identity: [allow('DynamoDB:putitem')] }, action: 'dynamodb:PutItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/t', expect: 'allowed' },
  { cite: '[action] wildcards in action names (s3:Get*)', name: 'action wildcard', policies: { identity: [allow('s3:Get*')] }, action: 's3:GetObjectTagging', resource: OBJECT, expect: 'allowed' },
  { cite: '[tags] aws:PrincipalTag condition matches the session tag', name: 'principal tag match', policies: { identity: [allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:principaltag/team': 'data' }, expect: 'allowed' },
  { cite: '[tags] ... and not another value', name: 'principal tag mismatch', policies: { identity: [allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:principaltag/team': 'web' }, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[operators] Date condition operators: aws:CurrentTime before a date', name: 'date window open', policies: { identity: [allow('s3:GetObject', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:currenttime': '2026-06-01T00:00:00Z' }, expect: 'allowed' },
  { cite: '[operators] Date condition operators: aws:CurrentTime after the date', name: 'date window closed', policies: { identity: [allow('s3:GetObject', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:currenttime': '2026-06-01T00:00:00Z' }, expect: 'implicit', decidedBy: 'identity-based policy' },
  { cite: '[operators] "...IfExists": "If the policy key is not present ... the condition evaluates to true"', name: 'IfExists absent', policies: { identity: [allow('s3:GetObject', '*', { Condition: { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'data' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:principaltag/team': undefined as unknown as string }, expect: 'allowed' },
  { cite: '[operators] Null: "true" when the key is absent', name: 'Null true', policies: { identity: [deny('s3:*', '*', { Condition: { Null: { 'aws:PrincipalTag/team': 'true' } } }), allow('s3:*')] }, action: 's3:GetObject', resource: OBJECT, expect: 'explicit', decidedBy: 'identity-based policy' },
  { cite: '[operators] Numeric condition operators', name: 'numeric', policies: { identity: [allow('s3:GetObject', '*', { Condition: { NumericLessThanEquals: { 's3:max-keys': '10' } } })] }, action: 's3:GetObject', resource: OBJECT, context: { 's3:max-keys': '5' }, expect: 'allowed' },
  { cite: '[operators] ArnLike on aws:PrincipalArn', name: 'arn like', policies: { identity: [deny('s3:*', '*', { Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/blocked-*' } } }), allow('s3:*')] }, action: 's3:GetObject', resource: OBJECT, context: { 'aws:principalarn': 'arn:aws:iam::111122223333:role/blocked-ci' }, expect: 'explicit', decidedBy: 'identity-based policy' },
];

describe('IAM policy evaluation (AWS documentation cases)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.cite}`, () => {
      const decision = authorize(c.policies, { action: c.action, resource: c.resource, sourceIp: '10.0.0.1', callerAccount: '111122223333', context: c.context });
      if (c.expect === 'allowed') {
        assert.equal(decision.allowed, true);
        return;
      }
      assert.equal(decision.allowed, false);
      if (decision.allowed) return;
      assert.equal(decision.explicit, c.expect === 'explicit');
      assert.equal(decision.policyType, c.decidedBy);
    });
  }

  it('words denials as AWS does', () => {
    const arn = 'arn:aws:sts::111122223333:assumed-role/r/s';
    const table = 'arn:aws:dynamodb:us-east-1:111122223333:table/t';
    assert.equal(
      denialMessage(arn, 'dynamodb:PutItem', table, { allowed: false, explicit: false, policyType: 'identity-based policy' }),
      `User: ${arn} is not authorized to perform: dynamodb:PutItem on resource: ${table} because no identity-based policy allows the dynamodb:PutItem action`,
    );
    assert.equal(
      denialMessage(arn, 'dynamodb:PutItem', table, { allowed: false, explicit: true, policyType: 'identity-based policy' }),
      `User: ${arn} is not authorized to perform: dynamodb:PutItem on resource: ${table} with an explicit deny in an identity-based policy`,
    );
    assert.equal(
      denialMessage(arn, 'dynamodb:PutItem', table, { allowed: false, explicit: false, policyType: 'permissions boundary' }),
      `User: ${arn} is not authorized to perform: dynamodb:PutItem on resource: ${table} because no permissions boundary allows the dynamodb:PutItem action`,
    );
  });

  describe('with resource-based policies', () => {
    const OWNER = '111122223333';
    const OTHER = '444455556666';
    const ROLE = `arn:aws:iam::${OWNER}:role/app`;
    const SESSION = `arn:aws:sts::${OWNER}:assumed-role/app/s1`;
    const USER = `arn:aws:iam::${OWNER}:user/ana`;
    const OTHER_USER = `arn:aws:iam::${OTHER}:user/bo`;
    const grant = (AWS: string | string[], Effect = 'Allow'): PolicyStatement => ({ Effect, Principal: AWS === '*' ? '*' : { AWS }, Action: 's3:GetObject', Resource: `${BUCKET}/*` });
    const bucket = (...statements: PolicyStatement[]): ResourcePolicy => ({ accountId: OWNER, statements });
    interface RCase {
      cite: string;
      name: string;
      caller: 'session' | 'user' | 'other-user' | 'other-root';
      policies?: PrincipalPolicies;
      resource: ResourcePolicy;
      expect: 'allowed' | 'explicit' | 'implicit';
      decidedBy?: string;
    }
    const R_CASES: RCase[] = [
      { cite: '[resource] "the resulting permissions are the union" (same account, resource policy alone)', name: 'user named by bucket policy', caller: 'user', policies: { identity: [] }, resource: bucket(grant(USER)), expect: 'allowed' },
      { cite: '[resource] union: identity policy alone', name: 'identity alone', caller: 'user', policies: { identity: [allow('s3:GetObject')] }, resource: bucket(), expect: 'allowed' },
      { cite: '[logic] explicit deny in a resource-based policy overrides an identity allow', name: 'resource deny', caller: 'user', policies: { identity: [allow('s3:*')] }, resource: bucket(grant(USER, 'Deny')), expect: 'explicit', decidedBy: 'resource-based policy' },
      { cite: '[resource] an implicit deny in a permissions boundary does not limit a grant to the role session ARN', name: 'session named, boundary', caller: 'session', policies: { identity: [], boundary: [allow('sqs:*')] }, resource: bucket(grant(SESSION)), expect: 'allowed' },
      { cite: '[resource] ... but limits a grant to the role ARN', name: 'role named, boundary', caller: 'session', policies: { identity: [], boundary: [allow('sqs:*')] }, resource: bucket(grant(ROLE)), expect: 'implicit', decidedBy: 'permissions boundary' },
      { cite: '[resource] a grant to the role ARN within the boundary allows', name: 'role named, within boundary', caller: 'session', policies: { identity: [], boundary: [allow('s3:*')] }, resource: bucket(grant(ROLE)), expect: 'allowed' },
      { cite: '[resource] session policies limit a grant to the role ARN', name: 'role named, session policy', caller: 'session', policies: { identity: [], session: [allow('sqs:*')] }, resource: bucket(grant(ROLE)), expect: 'implicit', decidedBy: 'session policy' },
      { cite: '[resource] ... and do not limit a grant to the session ARN', name: 'session named, session policy', caller: 'session', policies: { identity: [], session: [allow('sqs:*')] }, resource: bucket(grant(SESSION)), expect: 'allowed' },
      { cite: '[principal] the account principal delegates to the account identity policies', name: 'account named, no identity', caller: 'user', policies: { identity: [] }, resource: bucket(grant(`arn:aws:iam::${OWNER}:root`)), expect: 'implicit', decidedBy: 'identity-based policy' },
      { cite: '[principal] Principal "*" names everyone', name: 'everyone', caller: 'user', policies: { identity: [] }, resource: bucket(grant('*')), expect: 'allowed' },
      { cite: '[cross] "the identity-based policy and the resource-based policy must both allow" (both do)', name: 'cross both', caller: 'other-user', policies: { identity: [allow('s3:GetObject')] }, resource: bucket(grant(`arn:aws:iam::${OTHER}:root`)), expect: 'allowed' },
      { cite: '[cross] resource policy alone is not enough', name: 'cross resource only', caller: 'other-user', policies: { identity: [] }, resource: bucket(grant(OTHER_USER)), expect: 'implicit', decidedBy: 'identity-based policy' },
      { cite: '[cross] identity policy alone is not enough', name: 'cross identity only', caller: 'other-user', policies: { identity: [allow('s3:*')] }, resource: bucket(), expect: 'implicit', decidedBy: 'resource-based policy' },
      { cite: '[cross] the trusted account root has its identity side and needs the resource grant', name: 'cross root', caller: 'other-root', resource: bucket(grant(OTHER)), expect: 'allowed' },
      { cite: '[principal] NotPrincipal with Deny denies everyone but the listed principal', name: 'NotPrincipal', caller: 'other-user', policies: { identity: [allow('s3:*')] }, resource: bucket(grant(OTHER), { Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: 's3:*', Resource: `${BUCKET}/*` }), expect: 'explicit', decidedBy: 'resource-based policy' },
    ];
    for (const c of R_CASES) {
      it(`${c.name}: ${c.cite}`, () => {
        const who = {
          session: { account: OWNER, principal: { arns: [SESSION], limitedArns: [ROLE] } },
          user: { account: OWNER, principal: { arns: [USER] } },
          'other-user': { account: OTHER, principal: { arns: [OTHER_USER] } },
          'other-root': { account: OTHER, principal: { arns: [`arn:aws:iam::${OTHER}:root`] } },
        }[c.caller];
        const decision = authorize(c.policies, { action: 's3:GetObject', resource: OBJECT, sourceIp: '10.0.0.1', callerAccount: who.account, principal: who.principal }, c.resource);
        assert.equal(decision.allowed, c.expect === 'allowed', JSON.stringify(decision));
        if (decision.allowed) return;
        assert.equal(decision.explicit, c.expect === 'explicit');
        assert.equal(decision.policyType, c.decidedBy);
      });
    }

    it('words resource-based denials as AWS does', () => {
      assert.equal(
        denialMessage(OTHER_USER, 's3:GetObject', OBJECT, { allowed: false, explicit: false, policyType: 'resource-based policy' }),
        `User: ${OTHER_USER} is not authorized to perform: s3:GetObject on resource: ${OBJECT} because no resource-based policy allows the s3:GetObject action`,
      );
      assert.equal(
        denialMessage(OTHER_USER, 's3:GetObject', OBJECT, { allowed: false, explicit: true, policyType: 'resource-based policy' }),
        `User: ${OTHER_USER} is not authorized to perform: s3:GetObject on resource: ${OBJECT} with an explicit deny in a resource-based policy`,
      );
    });
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolicy, ipMatches, parsePolicy, wildcardMatch, type PolicyRequest } from '../../src/aws/iam-policy.js';

const arn = 'arn:aws:execute-api:us-east-1:000000000000:abc123/prod/GET/pets';
const request: PolicyRequest = { action: 'execute-api:Invoke', resource: arn, sourceIp: '10.1.2.3' };

function decide(policy: unknown, req: PolicyRequest = request) {
  return evaluatePolicy(parsePolicy(JSON.stringify(policy))!, req);
}

describe('IAM resource policies', () => {
  it('needs an Allow that applies; an explicit Deny wins', () => {
    const allow = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: arn };
    assert.deepEqual(decide({ Statement: [allow] }), { allowed: true });
    assert.deepEqual(decide({ Statement: [] }), { allowed: false, explicitDeny: false });
    assert.deepEqual(decide({ Statement: [allow, { ...allow, Effect: 'Deny' }] }), { allowed: false, explicitDeny: true });
    assert.deepEqual(decide({ Statement: { ...allow, Action: 'lambda:InvokeFunction' } }), { allowed: false, explicitDeny: false });
  });

  it('matches resources with wildcards, NotResource and a service shorthand', () => {
    assert.deepEqual(decide({ Statement: { Effect: 'Allow', Action: 'execute-api:*', Resource: 'arn:aws:execute-api:*:*:abc123/*/GET/*' } }), { allowed: true });
    assert.deepEqual(decide({ Statement: { Effect: 'Allow', Action: '*', NotResource: arn } }), { allowed: false, explicitDeny: false });
    const shorthand = { Statement: { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'execute-api:/prod/GET/*' } };
    assert.deepEqual(decide(shorthand), { allowed: false, explicitDeny: false });
    const expandResource = (r: string) => r.replace('execute-api:/', 'arn:aws:execute-api:us-east-1:000000000000:abc123/');
    assert.deepEqual(decide(shorthand, { ...request, expandResource }), { allowed: true });
  });

  it('applies source IP and principal account conditions, and no statement with an unknown condition', () => {
    const allowFrom = (condition: unknown) => ({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } });
    assert.deepEqual(decide(allowFrom({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })), { allowed: true });
    assert.deepEqual(decide(allowFrom({ NotIpAddress: { 'aws:SourceIp': ['10.1.0.0/16'] } })), { allowed: false, explicitDeny: false });
    assert.deepEqual(decide(allowFrom({ StringEquals: { 'aws:PrincipalAccount': '111122223333' } }), { ...request, callerAccount: '111122223333' }), { allowed: true });
    assert.deepEqual(decide(allowFrom({ StringEquals: { 'aws:PrincipalAccount': '111122223333' } })), { allowed: false, explicitDeny: false });
    assert.deepEqual(decide(allowFrom({ StringEquals: { 'aws:UserAgent': 'x' } })), { allowed: false, explicitDeny: false });
  });

  it('matches principals by account', () => {
    const policy = { Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*', Resource: '*' } };
    assert.deepEqual(decide(policy), { allowed: false, explicitDeny: false });
    assert.deepEqual(decide(policy, { ...request, callerAccount: '111122223333' }), { allowed: true });
  });

  it('parses documents and matches wildcards and CIDR blocks', () => {
    assert.equal(parsePolicy(undefined), undefined);
    assert.equal(parsePolicy('{not json'), undefined);
    assert.deepEqual(parsePolicy('{"Version":"2012-10-17"}'), []);
    assert.ok(wildcardMatch('a?c*', 'abcdef'));
    assert.ok(!wildcardMatch('a.c', 'abc'));
    assert.ok(ipMatches('192.168.0.0/24', '192.168.0.200'));
    assert.ok(!ipMatches('192.168.0.0/24', '192.168.1.1'));
    assert.ok(ipMatches('::1', '::1'));
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileFilterPolicy, FilterPolicyError, filterPolicyScope, matchesFilterPolicy, type FilterPolicyScope, type SnsMessageAttribute,
} from '../../src/aws/event-patterns/index.js';

const attrs = (entries: Record<string, [string, string]>): Record<string, SnsMessageAttribute> =>
  Object.fromEntries(Object.entries(entries).map(([k, [DataType, StringValue]]) => [k, { DataType, StringValue }]));

const byAttributes = (policy: object, attributes: Record<string, [string, string]>): boolean =>
  matchesFilterPolicy(compileFilterPolicy(JSON.stringify(policy)), 'MessageAttributes', { attributes: attrs(attributes) });

const byBody = (policy: object, body: string): boolean => matchesFilterPolicy(compileFilterPolicy(JSON.stringify(policy), 'MessageBody'), 'MessageBody', { body });

/** SNS's message for a refused policy, as SetSubscriptionAttributes and Subscribe word it. */
function refusal(policy: string, scope: FilterPolicyScope = 'MessageAttributes'): [string, string] {
  try {
    compileFilterPolicy(policy, scope);
  } catch (e) {
    assert.ok(e instanceof FilterPolicyError, String(e));
    return [e.awsMessage('SetSubscriptionAttributes'), e.awsMessage('Subscribe')];
  }
  return ['valid', 'valid'];
}

// Amazon SNS developer guide, "String value matching", "Numeric value matching", "Key matching", "AND/OR logic".
describe('SNS filter policies: matching (SNS guide examples)', () => {
  it('exact, prefix, anything-but and anything-but prefix on attributes and bodies', () => {
    assert.equal(byAttributes({ customer_interests: ['rugby', 'tennis'] }, { customer_interests: ['String', 'rugby'] }), true);
    assert.equal(byAttributes({ customer_interests: ['rugby', 'tennis'] }, { customer_interests: ['String', 'baseball'] }), false);
    assert.equal(byAttributes({ customer_interests: ['rugby', 'tennis'] }, { customer_interests: ['String.Array', '["rugby", "tennis"]'] }), true);
    assert.equal(byBody({ customer_interests: [{ prefix: 'bas' }] }, '{"customer_interests": "basketball"}'), true);
    assert.equal(byBody({ customer_interests: [{ prefix: 'bas' }] }, '{"customer_interests": "rugby"}'), false);
    const notRugby = { customer_interests: [{ 'anything-but': ['rugby', 'tennis'] }] };
    assert.equal(byAttributes(notRugby, { customer_interests: ['String.Array', '["rugby", "baseball"]'] }), true);
    assert.equal(byBody(notRugby, '{"customer_interests": ["rugby"]}'), false);
    assert.equal(byAttributes({ event: [{ 'anything-but': { prefix: 'order-' } }] }, { event: ['String', 'order_number'] }), true);
    assert.equal(byAttributes({ event: [{ 'anything-but': { prefix: 'order-' } }] }, { event: ['String', 'order-cancelled'] }), false);
    assert.equal(byAttributes({ source_ip: [{ cidr: '10.0.0.0/24' }] }, { source_ip: ['String', '10.0.0.255'] }), true);
    assert.equal(byAttributes({ source_ip: [{ cidr: '10.0.0.0/24' }] }, { source_ip: ['String', '10.1.1.0'] }), false);
  });

  it('numbers: exact, anything-but, ranges; Number attributes keep their text', () => {
    assert.equal(byAttributes({ price_usd: [{ numeric: ['=', 301.5] }] }, { price_usd: ['Number', '3.015e2'] }), true);
    assert.equal(byBody({ price_usd: [{ numeric: ['=', 301.5] }] }, '{"price_usd": 3.015e2}'), true);
    assert.equal(byAttributes({ price: [{ 'anything-but': [100, 500] }] }, { price: ['Number', '100.1'] }), true);
    assert.equal(byAttributes({ price: [{ 'anything-but': [100, 500] }] }, { price: ['Number', '100'] }), false);
    assert.equal(byBody({ price: [{ 'anything-but': [100, 500] }] }, '{"price": [100, 50]}'), true);
    assert.equal(byAttributes({ price_usd: [{ numeric: ['>', 0, '<=', 150] }] }, { price_usd: ['Number', '150'] }), true);
    assert.equal(byAttributes({ price_usd: [{ numeric: ['<', 0] }] }, { price_usd: ['String', '-1'] }), false);
  });

  it('exists, AND across names, OR within a name and with $or', () => {
    assert.equal(byAttributes({ store: [{ exists: true }] }, { store: ['String', 'fans'] }), true);
    assert.equal(byAttributes({ store: [{ exists: false }] }, { customer_interests: ['String.Array', '["baseball"]'] }), true);
    assert.equal(byAttributes({ store: [{ exists: false }] }, { store: ['String', 'fans'] }), false);
    const and = { customer_interests: ['rugby'], price_usd: [{ numeric: ['>', 100] }] };
    assert.equal(byAttributes(and, { customer_interests: ['String', 'rugby'], price_usd: ['Number', '101'] }), true);
    assert.equal(byAttributes(and, { customer_interests: ['String', 'rugby'], price_usd: ['Number', '99'] }), false);
    const or = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] };
    assert.equal(byAttributes(or, { source: ['String', 'aws.cloudwatch'], namespace: ['String', 'AWS/EC2'] }), true);
  });

  it('ignores Binary attributes; compares String attributes with " and \\ escaped (written twice in policies)', () => {
    assert.equal(byAttributes({ img: [{ exists: true }] }, { img: ['Binary', 'AAEC'] }), false);
    assert.equal(byAttributes({ quote: ['say \\"hi\\"'] }, { quote: ['String', 'say "hi"'] }), true);
    assert.equal(byAttributes({ quote: ['say "hi"'] }, { quote: ['String', 'say "hi"'] }), false);
  });

  it('matches nested body properties, and nothing when the body is not a JSON object', () => {
    const p = { object: { key: [{ prefix: 'auto-' }] } };
    assert.equal(byBody(p, '{"object": {"key": "auto-test"}}'), true);
    assert.equal(byBody(p, '{"object": {"key": "hardcodedvalue"}}'), false);
    assert.equal(byBody({ detail: { eventVersion: [''] } }, '{"detail": {"eventVersion": ""}}'), true);
    assert.equal(byBody({ a: [{ exists: false }] }, 'not json'), false);
  });
});

describe('SNS filter policies: constraints and messages AWS returns', () => {
  it('words a refusal by the call that carried the policy', () => {
    assert.deepEqual(refusal('{"key": [["value"]]}'), [
      'Invalid parameter: FilterPolicy: Match value must be String, number, true, false, or null\n at [Source: (String)"{"key":[["value"]]}"; line: 1, column: 10]',
      'Invalid parameter: Attributes Reason: FilterPolicy: Match value must be String, number, true, false, or null\n at [Source: (String)"{"key":[["value"]]}"; line: 1, column: 10]',
    ]);
  });

  it('quotes the policy as SNS writes it back: compact, with Java number forms', () => {
    assert.equal(refusal('{ "key": [ 3.0e2, {"suffix": 100} ] }')[0], 'Invalid parameter: FilterPolicy: suffix match pattern must be a string\n at [Source: (String)"{"key":[300.0,{"suffix":100}]}"; line: 1, column: 28]');
    assert.equal(refusal('{"k": [1e-7, {"x": 1}]}')[0], 'Invalid parameter: FilterPolicy: Unrecognized match type x\n at [Source: (String)"{"k":[1.0E-7,{"x":1}]}"; line: 1, column: 20]');
  });

  it("speaks SNS's dialect of anything-but", () => {
    assert.equal(refusal('{"key": [{"anything-but": {"suffix": "test"}}]}')[1], 'Invalid parameter: Attributes Reason: FilterPolicy: Unsupported anything-but pattern: suffix\n at [Source: (String)"{"key":[{"anything-but":{"suffix":"test"}}]}"; line: 1, column: 36]');
    assert.equal(refusal('{"key": [{"anything-but": {"prefix": false}}]}')[1], 'Invalid parameter: Attributes Reason: FilterPolicy: prefix match pattern must be a string\n at [Source: (String)"{"key":[{"anything-but":{"prefix":false}}]}"; line: 1, column: 40]');
    assert.equal(refusal('{"key": [{"anything-but": {"prefix": ""}}]}')[0], 'Invalid parameter: FilterPolicy: Null prefix not allowed\n at [Source: (String)"{"key":[{"anything-but":{"prefix":""}}]}"; line: 1, column: 37]');
  });

  it('reports JSON that does not parse without quoting it', () => {
    assert.equal(refusal('{invalidjson}')[0], "Invalid parameter: FilterPolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]");
    assert.equal(refusal('invalid-json')[1], "Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON. Unrecognized token 'invalid': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 8]");
  });

  it('refuses nesting for attributes, more than five keys, more than 150 combinations', () => {
    const nested = '{"object": {"key": [{"prefix": "auto-"}]}}';
    assert.equal(refusal(nested)[0], 'Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy');
    assert.equal(refusal(nested, 'MessageBody')[0], 'valid');
    const six = JSON.stringify(Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, ['v']])));
    assert.equal(refusal(six)[1], 'Invalid parameter: Attributes Reason: FilterPolicy: Filter policy can not have more than 5 keys');
    const values = (n: number): string[] => Array.from({ length: n }, (_, i) => `v${i}`);
    assert.equal(refusal(JSON.stringify({ key: values(150) }))[0], 'valid');
    assert.equal(refusal(JSON.stringify({ key: values(151) }))[0], 'Invalid parameter: FilterPolicy: Filter policy is too complex');
    // Nested keys multiply by their depth: 3 x 4 x 2 x 3 = 72 (the guide's example), x 3 more values = 216.
    const deep = { key_a: { key_b: { key_c: values(4) } }, key_d: { key_e: values(3) } };
    assert.equal(refusal(JSON.stringify(deep), 'MessageBody')[0], 'valid');
    assert.equal(refusal(JSON.stringify({ ...deep, key_f: values(3) }), 'MessageBody')[0], 'Invalid parameter: FilterPolicy: Filter policy is too complex');
    // $or adds its sub-rules: 4 x 6 + 4 x 4 x 4 + 4 x 4 x 4 = 152.
    const or = { source: values(4), $or: [{ metricName: values(6) }, { metricType: values(4), $or: [{ metricId: values(4) }, { spaceId: values(4) }] }] };
    assert.equal(refusal(JSON.stringify(or))[0], 'Invalid parameter: FilterPolicy: Filter policy is too complex');
  });

  it('checks the scope value', () => {
    assert.equal(filterPolicyScope('MessageBody'), 'MessageBody');
    assert.throws(() => filterPolicyScope('RandomValue'), (e: unknown) => e instanceof FilterPolicyError
      && e.awsMessage('SetSubscriptionAttributes') === 'Invalid parameter: FilterPolicyScope: Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileEventPattern, EventPatternError, matchesEventPattern } from '../../src/aws/event-patterns/index.js';

const matches = (pattern: unknown, event: unknown): boolean => matchesEventPattern(compileEventPattern(JSON.stringify(pattern)), event);

// The EC2 event of EventBridge's "Amazon EventBridge event patterns" documentation.
const ec2 = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated', 'c-count': 5, 'source-ip': '10.0.0.123', location: null, tags: ['a', 'b'] },
};

describe('event patterns: matching', () => {
  it('matches literal values, OR within a field and AND across fields, nested objects', () => {
    assert.equal(matches({ source: ['aws.ec2'], detail: { state: ['running', 'terminated'] } }, ec2), true);
    assert.equal(matches({ source: ['aws.ec2'], detail: { state: ['running'] } }, ec2), false);
    assert.equal(matches({ source: ['aws.s3'] }, ec2), false);
    assert.equal(matches({ detail: { location: [null] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [5.0] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': ['5'] } }, ec2), false);
  });

  it('matches an event array when any element matches', () => {
    assert.equal(matches({ resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0', 'x'] }, ec2), true);
    assert.equal(matches({ detail: { tags: ['b'] } }, ec2), true);
  });

  it('prefix, suffix, equals-ignore-case, with ignore-case variants', () => {
    assert.equal(matches({ time: [{ prefix: '2017-12-22' }] }, ec2), true);
    assert.equal(matches({ source: [{ suffix: '.ec2' }] }, ec2), true);
    assert.equal(matches({ source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }] }, ec2), true);
    assert.equal(matches({ source: [{ suffix: { 'equals-ignore-case': '.EC2' } }] }, ec2), true);
    assert.equal(matches({ 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [{ prefix: '5' }] } }, ec2), false);
  });

  it('anything-but with values, lists, prefix, suffix, equals-ignore-case and wildcard', () => {
    assert.equal(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, ec2), true);
    assert.equal(matches({ detail: { state: [{ 'anything-but': ['stopped', 'terminated'] }] } }, ec2), false);
    assert.equal(matches({ detail: { 'c-count': [{ 'anything-but': [1, 2] }] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [{ 'anything-but': 5 }] } }, ec2), false);
    assert.equal(matches({ detail: { state: [{ 'anything-but': { prefix: 'term' } }] } }, ec2), false);
    assert.equal(matches({ detail: { state: [{ 'anything-but': { suffix: 'ing' } }] } }, ec2), true);
    assert.equal(matches({ detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['TERMINATED'] } }] } }, ec2), false);
    assert.equal(matches({ detail: { state: [{ 'anything-but': { wildcard: 'term*' } }] } }, ec2), false);
    // A field that is missing matches no anything-but.
    assert.equal(matches({ detail: { missing: [{ 'anything-but': 'x' }] } }, ec2), false);
  });

  it('numeric ranges', () => {
    assert.equal(matches({ detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [{ numeric: ['>', 0, '<', 5] }] } }, ec2), false);
    assert.equal(matches({ detail: { 'c-count': [{ numeric: ['=', 5] }] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [{ numeric: ['>=', 5.5] }] } }, ec2), false);
    assert.equal(matches({ detail: { state: [{ numeric: ['>', 0] }] } }, ec2), false);
  });

  it('exists only on leaves, and exists false where the field or its parent is missing', () => {
    assert.equal(matches({ detail: { state: [{ exists: true }] } }, ec2), true);
    assert.equal(matches({ detail: { nope: [{ exists: false }] } }, ec2), true);
    assert.equal(matches({ detail: { state: [{ exists: false }] } }, ec2), false);
    assert.equal(matches({ detail: [{ exists: true }] }, ec2), false);
    assert.equal(matches({ detail: [{ exists: false }] }, ec2), true);
    assert.equal(matches({ other: { deeper: [{ exists: false }] } }, ec2), true);
    assert.equal(matches({ detail: { tags: [{ exists: true }] } }, ec2), true);
    assert.equal(matches({ detail: { state: [{ exists: false }, 'terminated'] } }, ec2), true);
  });

  it('cidr and IP addresses', () => {
    assert.equal(matches({ detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, ec2), true);
    assert.equal(matches({ detail: { 'source-ip': [{ cidr: '10.0.1.0/24' }] } }, ec2), false);
    assert.equal(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:DB8:0:0::1' }), true);
    assert.equal(matches({ ip: ['2001:db8::1'] }, { ip: '2001:0db8:0000::0001' }), true);
  });

  it('wildcards', () => {
    assert.equal(matches({ resources: [{ wildcard: 'arn:aws:ec2:*:instance/*' }] }, ec2), true);
    assert.equal(matches({ source: [{ wildcard: 'aws.*2' }] }, ec2), true);
    assert.equal(matches({ k: [{ wildcard: 'a\\*b' }] }, { k: 'a*b' }), true);
    assert.equal(matches({ k: [{ wildcard: 'a\\*b' }] }, { k: 'axb' }), false);
  });

  it('$or at any level', () => {
    const p = { source: ['aws.ec2'], $or: [{ detail: { state: ['running'] } }, { detail: { 'c-count': [{ numeric: ['>', 4] }] } }] };
    assert.equal(matches(p, ec2), true);
    assert.equal(matches({ detail: { $or: [{ state: ['x'] }, { 'c-count': [1] }] } }, ec2), false);
  });

  it('matches fields of one sub-pattern within one element of an array of objects', () => {
    const event = { employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }, { firstName: 'Peter', lastName: 'Jones' }] };
    assert.equal(matches({ employees: { firstName: ['Anna'] } }, event), true);
    assert.equal(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, event), true);
    assert.equal(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event), false);
  });
});

describe('event patterns: AWS validation', () => {
  const reason = (text: string): string => {
    try {
      compileEventPattern(text);
    } catch (e) {
      assert.ok(e instanceof EventPatternError);
      return e.reason;
    }
    return 'valid';
  };

  it('answers the engine reasons for invalid patterns', () => {
    assert.equal(reason('[]'), 'Filter is not an object');
    assert.equal(reason('{"detail": {"pipeline": {"slug": "some-pipeline"}}}'), '"slug" must be an object or an array');
    assert.equal(reason('{"source": ["aws.health"], "detail": {}}'), 'Empty objects are not allowed');
    assert.equal(reason('{"source": []}'), 'Empty arrays are not allowed');
    assert.equal(reason('{"a": [{"exists": "true"}]}'), 'exists match pattern must be either true or false.');
    assert.equal(reason('{"a": [{"numeric": [">", "25"]}]}'), 'Value of > must be numeric');
    assert.equal(reason('{"a": [{"numeric": ["<", 1, ">", 0]}]}'), 'Too many elements in numeric expression');
    assert.equal(reason('{"a": [{"numeric": [">", 1, ">", 0]}]}'), 'Bad numeric range operator: >');
    assert.equal(reason('{"a": [{"foo": 1}]}'), 'Unrecognized match type foo');
    assert.equal(reason('{"a": [{"prefix": 1}]}'), 'prefix match pattern must be a string');
    assert.equal(reason('{"a": [{"prefix": "x", "suffix": "y"}]}'), 'Only one key allowed in match expression');
    assert.equal(reason('{"a": [{"anything-but": [1, "x"]}]}'), 'Inside anything but list, either all values are number or string, mixed type is not supported');
    assert.equal(reason('{"a": [{"anything-but": {"foo": "x"}}]}'), 'Unsupported anything-but pattern: foo');
    // Positions count UTF-8 bytes of the value as the engine stores it, after an opening quote (AWS answers
    // "pos 26" for "arn:aws:events:us-east-1:**:event-bus/*").
    assert.equal(reason('{"a": [{"wildcard": "a**"}]}'), 'Consecutive wildcard characters at pos 2');
    assert.equal(reason('{"$or": [{"a": ["x"]}]}'), 'There must have at least 2 Objects in $or relationship.');
    assert.equal(reason('{"$or": [{"prefix": ["x"]}, {"b": ["y"]}]}'), 'prefix is Ruler reserved fieldName which cannot be used inside $or.');
    // "If you include a key more than once the last reference will be the one used" (EventBridge user guide,
    // content filtering, complex example; Lambda event filtering, duplicate keys).
    assert.equal(reason('{"a": ["x"], "a": ["y"]}'), 'valid');
    assert.equal(reason('{"a": [{"numeric": ["=", 0.1]}]}'), 'valid');
  });

  it('formats EventBridge message with the location past the offending token', () => {
    const text = '{"source": ["aws.health"], "detail": {}}';
    try {
      compileEventPattern(text);
      assert.fail('compiled');
    } catch (e) {
      // AWS's response puts the location on its own line ("...\n at [Source: ...").
      assert.equal((e as EventPatternError).awsMessage(), `Event pattern is not valid. Reason: Empty objects are not allowed\n at [Source: (String)"${text}"; line: 1, column: 40]`);
    }
  });

  it('refuses text that is not JSON without throwing anything else', () => {
    for (const bad of ['', '{', '{"a": [1,]}', '{"a" [1]}', 'nope']) {
      assert.throws(() => compileEventPattern(bad), EventPatternError, bad);
    }
    // The engine stops reading at the end of the pattern's object: what follows is not looked at.
    assert.doesNotThrow(() => compileEventPattern('{"a": ["x"]} extra'));
  });
});

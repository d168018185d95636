import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileEventPattern, matchesEventPattern, parseJson } from '../../src/aws/event-patterns/index.js';

/** Matches a pattern against an event given as JSON text (numbers keep their written form). */
const matches = (pattern: string | object, event: string | object): boolean =>
  matchesEventPattern(
    compileEventPattern(typeof pattern === 'string' ? pattern : JSON.stringify(pattern)),
    typeof event === 'string' ? parseJson(event) : event,
  );

// The EC2 event of the guide, reduced to the fields these examples read.
const ec2 = { source: 'aws.ec2', 'detail-type': 'EC2 Instance State-change Notification', detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' } };

// EventBridge user guide, "Amazon EventBridge event patterns" and "Matching events on event field values".
describe('event patterns (EventBridge guide): fields and values', () => {
  it('selects EC2 instance-termination events', () => {
    const p = { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } };
    assert.equal(matches(p, ec2), true);
    assert.equal(matches(p, { ...ec2, detail: { state: 'running' } }), false);
  });

  it('requires every field of the pattern, with the same nesting', () => {
    assert.equal(matches({ source: ['aws.ec2'], state: ['terminated'] }, ec2), false);
    assert.equal(matches({ source: ['aws.ec2', 'aws.fargate'] }, ec2), true);
  });

  it('matches nested values of a Macie finding (severity score 1 and count 2)', () => {
    const p = { source: ['aws.macie'], 'detail-type': ['Macie Finding'], detail: { severity: { score: [1] }, count: [2] } };
    assert.equal(matches(p, { source: 'aws.macie', 'detail-type': 'Macie Finding', detail: { severity: { score: 1 }, count: 2 } }), true);
    assert.equal(matches(p, { source: 'aws.macie', 'detail-type': 'Macie Finding', detail: { severity: { score: 1 }, count: 3 } }), false);
  });

  // "Matching null values and empty strings": the two are not interchangeable.
  it('matches null and empty strings separately', () => {
    const event = { detail: { eventVersion: '', responseElements: null } };
    assert.equal(matches({ detail: { eventVersion: [''] } }, event), true);
    assert.equal(matches({ detail: { responseElements: [null] } }, event), true);
    assert.equal(matches({ detail: { responseElements: [''] } }, event), false);
    assert.equal(matches({ detail: { eventVersion: [null] } }, event), false);
  });

  // "Arrays in event patterns": a non-empty intersection matches.
  it('matches an event array that shares a value with the pattern array', () => {
    const p = { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f'] };
    assert.equal(matches(p, { resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup', 'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'] }), true);
    assert.equal(matches(p, { resources: ['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup'] }), false);
    assert.equal(matches(p, { resources: [] }), false);
  });

  // Content filtering, complex example: "if you include a key more than once the last reference will be the one used".
  it('uses the last of duplicate keys', () => {
    const p = '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}';
    assert.equal(matches(p, { detail: { location: 'eu-west' } }), true);
    assert.equal(matches(p, { detail: { location: 'us-east' } }), false);
  });

  it('compares numbers by value, as AWS does despite the guide saying 300 and 300.0 differ', () => {
    // Recorded from AWS: pattern [300] matches 300.0.
    assert.equal(matches('{"number": [300]}', '{"number": 300.0}'), true);
    assert.equal(matches('{"number": [300]}', '{"number": 3.0e2}'), true);
    assert.equal(matches('{"number": [300]}', '{"number": "300"}'), false);
    // A number that is not exactly a double is compared by its text.
    assert.equal(matches('{"n": [12345678901234567890]}', '{"n": 12345678901234567890}'), true);
    assert.equal(matches('{"n": [12345678901234567890]}', '{"n": 12345678901234567000}'), false);
  });
});

// EventBridge user guide, "Content filtering in Amazon EventBridge event patterns" / "Comparison operators".
describe('event patterns (EventBridge guide): comparison operators', () => {
  it('prefix and suffix, also ignoring case; strings only', () => {
    assert.equal(matches({ time: [{ prefix: '2017-10-02' }] }, { time: '2017-10-02T18:43:48Z' }), true);
    assert.equal(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' }), true);
    assert.equal(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' }), false);
    assert.equal(matches({ service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] }, { service: 'EventBridge' }), true);
    assert.equal(matches({ FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] }, { FileName: 'image.PNG' }), true);
    assert.equal(matches({ n: [{ prefix: '1' }] }, { n: 12 }), false);
  });

  it('anything-but with values, lists, prefix, suffix, ignore-case and wildcard', () => {
    assert.equal(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, { detail: { state: 'running' } }), true);
    assert.equal(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, { detail: { state: 'initializing' } }), false);
    assert.equal(matches({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, { detail: { 'x-limit': 123.0 } }), false);
    assert.equal(matches({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, { detail: { 'x-limit': 301.8 } }), true);
    assert.equal(matches({ detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, { detail: { state: 'stopped' } }), false);
    assert.equal(matches({ Region: [{ 'anything-but': { prefix: 'us-' } }] }, { Region: 'eu-west-1' }), true);
    assert.equal(matches({ Region: [{ 'anything-but': { prefix: 'us-' } }] }, { Region: 'us-east-1' }), false);
    assert.equal(matches({ FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.png' }), false);
    assert.equal(matches({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, { state: 'INITIALIZING' }), false);
    assert.equal(matches({ FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/lib/x.so' }), false);
    assert.equal(matches({ FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/bin/x' }), true);
  });

  it('anything-but: any value of another type matches, a missing field does not, an array needs one other value', () => {
    const p = { state: [{ 'anything-but': ['stopped', 'running'] }] };
    assert.equal(matches(p, { state: null }), true);
    assert.equal(matches(p, { state: true }), true);
    assert.equal(matches(p, { state: 5 }), true);
    assert.equal(matches(p, {}), false);
    assert.equal(matches(p, { state: ['stopped', 'pending'] }), true);
    assert.equal(matches(p, { state: ['stopped'] }), false);
    assert.equal(matches({ n: [{ 'anything-but': 0 }] }, { n: '0' }), true);
  });

  it('numeric ranges over the double range; only exact numbers compare', () => {
    const p = { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } };
    assert.equal(matches(p, { detail: { 'c-count': 5, 'd-count': 9, 'x-limit': 301.8 } }), true);
    assert.equal(matches(p, { detail: { 'c-count': 0, 'd-count': 9, 'x-limit': 301.8 } }), false);
    assert.equal(matches({ n: [{ numeric: ['>', 1e300] }] }, '{"n": 1.5e300}'), true);
    assert.equal(matches({ n: [{ numeric: ['=', 0.3] }] }, '{"n": 0.30000000000000001}'), false);
    assert.equal(matches({ n: [{ numeric: ['>', 0] }] }, { n: '5' }), false);
    assert.equal(matches({ n: [{ numeric: ['>', 100] }] }, { n: null }), false);
  });

  it('IP addresses and CIDR blocks, IPv4 and IPv6', () => {
    assert.equal(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' }), true);
    assert.equal(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.0' }), false);
    assert.equal(matches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:DB8:0:0::1' }), true);
    // A pattern string that is an address matches the address however it is written.
    assert.equal(matches({ ip: ['2001:db8::1'] }, { ip: '2001:0db8:0000::0001' }), true);
    // Java reads an IPv4-mapped IPv6 address as the IPv4 one.
    assert.equal(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: '::ffff:a00:1' }), true);
    assert.equal(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: '::ffff:10.0.0.1' }), false);
  });

  it('exists works on leaves only', () => {
    assert.equal(matches({ detail: { state: [{ exists: true }] } }, ec2), true);
    assert.equal(matches({ detail: { 'c-count': [{ exists: true }] } }, { detail: { 'c-count': { c1: 100 } } }), false);
    assert.equal(matches({ detail: { 'c-count': [{ exists: false }] } }, { detail: { 'c-count': { c1: 100 } } }), true);
    assert.equal(matches({ resources: [{ exists: true }] }, { resources: [] }), false);
    assert.equal(matches({ v: [{ exists: true }] }, { v: null }), true);
  });

  it('equals-ignore-case follows Java case mapping per character', () => {
    const p = { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] };
    assert.equal(matches(p, ec2), true);
    assert.equal(matches({ s: [{ 'equals-ignore-case': 'straße' }] }, { s: 'STRASSE' }), true);
    assert.equal(matches({ s: [{ 'equals-ignore-case': 'ß' }] }, { s: 'ss' }), false);
    assert.equal(matches({ s: [{ 'equals-ignore-case': 'ΣΊΣΥΦΟΣ' }] }, { s: 'σίσυφοσ' }), true);
    // Beyond the BMP each half of the pair is encoded alone, which Java writes as "?".
    assert.equal(matches({ s: [{ 'equals-ignore-case': 'a😀' }] }, { s: 'A😀' }), false);
    assert.equal(matches({ s: [{ 'equals-ignore-case': 'a😀' }] }, { s: 'A??' }), true);
  });

  it('wildcards: any run, escapes, the empty pattern', () => {
    assert.equal(matches({ a: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] }, { a: 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus' }), true);
    assert.equal(matches({ a: [{ wildcard: '/Users/*/doc.txt' }] }, { a: '/Users/x/dir/doc.txt' }), true);
    assert.equal(matches({ a: [{ wildcard: '/Users/*/doc.txt' }] }, { a: '/Users/x/doc.md' }), false);
    assert.equal(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'a*b' }), true);
    assert.equal(matches({ a: [{ wildcard: 'a\\*b' }] }, { a: 'axb' }), false);
    assert.equal(matches({ a: [{ wildcard: 'a\\\\b' }] }, { a: 'a\\b' }), true);
    assert.equal(matches({ a: [{ wildcard: '' }] }, { a: 'x' }), false);
    assert.equal(matches({ a: [{ wildcard: '*' }] }, { a: '' }), true);
    assert.equal(matches({ a: [{ wildcard: '*' }] }, { a: 1 }), false);
  });

  it('$or across fields, and $or combined with other fields', () => {
    const p = { detail: { $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ numeric: ['=', 3.018e2] }] }] } };
    assert.equal(matches(p, { detail: { 'd-count': 3 } }), true);
    assert.equal(matches(p, { detail: { 'c-count': 7, 'd-count': 30 } }), false);
    const q = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] };
    assert.equal(matches(q, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' }), true);
    assert.equal(matches(q, { source: 'aws.ec2', namespace: 'AWS/EC2' }), false);
    assert.equal(matches(q, { source: 'aws.cloudwatch', namespace: 'AWS/ES' }), false);
  });
});

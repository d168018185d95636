import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileEventPattern, matchesEventPattern, parseJson } from '../../src/aws/event-patterns/index.js';
import { wildcardComplexity } from '../../src/aws/event-patterns/complexity.js';

const matches = (pattern: object | string, event: object | string): boolean =>
  matchesEventPattern(compileEventPattern(typeof pattern === 'string' ? pattern : JSON.stringify(pattern)), typeof event === 'string' ? parseJson(event) : event);

// aws/event-ruler README, "JSON Array Matching".
describe('event patterns (rule engine): arrays of objects', () => {
  const flat = { employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }, { firstName: 'Peter', lastName: 'Jones' }] };
  const nested = { employees: [[{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }], [{ firstName: 'Peter', lastName: 'Jones' }]] };

  it('crushes arrays out of the structure', () => {
    assert.equal(matches({ employees: { firstName: ['Anna'] } }, flat), true);
    assert.equal(matches({ employees: { firstName: ['Anna'] } }, nested), true);
  });

  it('never takes two fields of one sub-pattern from different elements of one array', () => {
    assert.equal(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, flat), true);
    assert.equal(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, flat), false);
    assert.equal(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, nested), false);
    assert.equal(matches({ employees: { firstName: ['John'], lastName: ['Doe'] } }, nested), true);
  });

  it('judges exists:false against the element chosen by the fields sorted before it', () => {
    const event = { a: [{ c: 'x' }, { b: 1, c: 'y' }] };
    // "a.b" sorts before "a.c": absence is judged before an element is chosen, and a.b exists somewhere.
    assert.equal(matches({ a: { b: [{ exists: false }], c: ['x'] } }, event), false);
    // "a.c" sorts before "a.z": element 0 is chosen first, and it has no z.
    assert.equal(matches({ a: { z: [{ exists: false }], c: ['x'] } }, { a: [{ c: 'x' }, { z: 1, c: 'y' }] }), true);
    assert.equal(matches({ a: { z: [{ exists: false }], c: ['y'] } }, { a: [{ c: 'x' }, { z: 1, c: 'y' }] }), false);
  });
});

// aws/event-ruler README, "Caveat: Compiled rules and JSON keys with dots".
describe('event patterns (rule engine): field paths', () => {
  it('joins names with dots in patterns and events alike', () => {
    assert.equal(matches({ detail: { state: { status: ['running'] } } }, { detail: { 'state.status': 'running' } }), true);
    assert.equal(matches({ detail: { 'state.status': ['running'] } }, { detail: { state: { status: 'running' } } }), true);
  });

  it('lets a later key of the same path replace an earlier one, inside $or too', () => {
    assert.equal(compileEventPattern('{"a": {"b": ["1"]}, "a.b": ["2"]}').rules[0]!.get('a.b')!.length, 1);
    assert.equal(matches('{"a": {"b": ["1"]}, "a.b": ["2"]}', { a: { b: '2' } }), true);
    assert.equal(matches('{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}', { a: '2' }), true);
    assert.equal(matches('{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}', { a: '1', b: '3' }), true);
    assert.equal(matches('{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}', { a: '1' }), false);
  });
});

// aws/event-ruler README, "The $or Primitive".
describe('event patterns (rule engine): $or', () => {
  it('expands into sub-rules: normal, parallel, with an AND inside, nested', () => {
    assert.equal(compileEventPattern('{"source": ["x"], "$or": [{"a": ["1"]}, {"b": ["2"]}]}').rules.length, 2);
    const parallel = { $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }], detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] } };
    assert.equal(compileEventPattern(JSON.stringify(parallel)).rules.length, 4);
    assert.equal(matches(parallel, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } }), true);
    assert.equal(matches(parallel, { namespace: 'AWS/EC2', detail: { source: 'other' } }), false);
    const nestedOr = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] }, { scope: ['Service'] }],
    };
    assert.equal(compileEventPattern(JSON.stringify(nestedOr)).rules.length, 4);
    assert.equal(matches(nestedOr, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 }), true);
    assert.equal(matches(nestedOr, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' }), false);
  });

  it('matches exists:false alternatives as any other field', () => {
    const p = { dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } } };
    assert.equal(matches(p, { dynamodb: { NewImage: { other: { S: 'x' } } } }), true);
    assert.equal(matches(p, { dynamodb: { NewImage: { homemade: { S: 'roses' } } } }), false);
    assert.equal(matches(p, { dynamodb: { NewImage: { homemade: { S: 'tulips' } } } }), true);
  });
});

// aws/event-ruler MachineComplexityEvaluatorTest, for the measure behind "Rule is too complex".
describe('event patterns (rule engine): wildcard complexity', () => {
  it('counts the wildcard-pattern prefixes one input can match at once (values stored between quotes)', () => {
    assert.equal(wildcardComplexity(['abc']), 1);
    assert.equal(wildcardComplexity(['a*a*a*a*a*a*']), 11);
    assert.equal(wildcardComplexity(['arn:aws:events:us-east-1:*:event-bus/*']), 3);
    assert.equal(wildcardComplexity(['/Users/*/dir/dir/dir/dir/dir/doc.txt']), 7);
    assert.equal(wildcardComplexity(['*:*:*:*:*:event-bus/*']), 11);
  });

  it('refuses a field whose wildcards are too complex, counting every sub-rule', () => {
    assert.doesNotThrow(() => compileEventPattern('{"a": [{"wildcard": "*:stack/A/*"}, {"wildcard": "*:stack/B/*"}, {"wildcard": "*:stack/C/*"}]}'));
    assert.throws(() => compileEventPattern('{"a": [{"wildcard": "*:stack/A/*"}, {"wildcard": "*:stack/B/*"}, {"wildcard": "*:stack/C/*"}, {"wildcard": "*:stack/D/*"}]}'), /Rule is too complex/);
    assert.throws(() => compileEventPattern('{"$or": [{"a": [{"wildcard": "*:x/A/*"}, {"wildcard": "*:x/B/*"}]}, {"a": [{"wildcard": "*:x/C/*"}, {"wildcard": "*:x/D/*"}]}]}'), /Rule is too complex/);
    assert.doesNotThrow(() => compileEventPattern('{"a": [{"wildcard": "*:x/A/*"}], "b": [{"wildcard": "*:x/B/*"}], "c": [{"wildcard": "*:x/C/*"}], "d": [{"wildcard": "*:x/D/*"}]}'));
    assert.doesNotThrow(() => compileEventPattern('{"a": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}', { dialect: 'sns' }));
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addNumbers, canonicalNumber, compareNumbers, encodeNumberKey, subtractNumbers } from '../../src/services/dynamodb/numbers.js';
import { checkValue, compareStrings, itemSize } from '../../src/services/dynamodb/values.js';
import { Binder, evalCondition, project, applyUpdate } from '../../src/services/dynamodb/expressions/bind.js';
import { AwsError } from '../../src/aws/errors.js';

const msg = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AwsError, String(e));
    return e.message;
  }
  assert.fail('expected an error');
};

test('numbers: canonical form, 38 digits, range', () => {
  assert.equal(canonicalNumber('1.50'), '1.5');
  assert.equal(canonicalNumber('1E2'), '100');
  assert.equal(canonicalNumber('-0.000'), '0');
  assert.equal(canonicalNumber('.5'), '0.5');
  assert.equal(canonicalNumber('00012.3400e-2'), '0.1234');
  assert.equal(canonicalNumber('1E-130'), '0.' + '0'.repeat(129) + '1');
  assert.equal(canonicalNumber('9.9999999999999999999999999999999999999E+125').length, 126);
  assert.equal(msg(() => canonicalNumber('abc')), 'The parameter cannot be converted to a numeric value: abc');
  assert.equal(msg(() => canonicalNumber('')), 'The parameter cannot be converted to a numeric value');
  assert.equal(msg(() => canonicalNumber('1E126')), 'Number overflow. Attempting to store a number with magnitude larger than supported range');
  assert.equal(msg(() => canonicalNumber('1E-131')), 'Number underflow. Attempting to store a number with magnitude smaller than supported range');
  assert.equal(msg(() => canonicalNumber('1.' + '1'.repeat(38))), 'Attempting to store more than 38 significant digits in a Number');
});

test('numbers: exact decimal arithmetic (no doubles)', () => {
  assert.equal(addNumbers('0.1', '0.2'), '0.3');
  assert.equal(addNumbers('99999999999999999999999999999999999999', '-1'), '99999999999999999999999999999999999998');
  assert.equal(subtractNumbers('1', '1.000'), '0');
  assert.equal(subtractNumbers('-1.5', '2.25'), '-3.75');
  assert.equal(addNumbers('1E+125', '1E+125'), '2' + '0'.repeat(125));
  assert.throws(() => addNumbers('9E+125', '9E+125'), /Number overflow/);
});

test('numbers: byte encoding sorts in numeric order', () => {
  const values = ['-1E+100', '-1000', '-10', '-9.5', '-1', '-0.5', '-0.05', '-1E-130', '0', '1E-130', '0.05', '0.5', '1', '9.5', '10', '1000', '1E+100'];
  for (let i = 1; i < values.length; i++) {
    assert.ok(Buffer.compare(encodeNumberKey(values[i - 1]!), encodeNumberKey(values[i]!)) < 0, `${values[i - 1]} < ${values[i]}`);
    assert.ok(compareNumbers(values[i - 1]!, values[i]!) < 0);
  }
  assert.ok(encodeNumberKey('1.5').equals(encodeNumberKey('1.50')));
});

test('strings compare by UTF-8 bytes', () => {
  assert.ok(compareStrings('a', 'b') < 0);
  assert.ok(compareStrings('\uffff', '\u{10000}') < 0); // UTF-16 order would say the opposite
  assert.ok(compareStrings('ab', 'a') > 0);
});

test('attribute values: validation messages', () => {
  assert.equal(msg(() => checkValue({}, 1)), 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  assert.equal(msg(() => checkValue({ S: 'a', N: '1' }, 1)), 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  assert.equal(msg(() => checkValue({ SS: [] }, 1)), 'One or more parameter values were invalid: An string set  may not be empty');
  assert.equal(msg(() => checkValue({ SS: ['a', 'a'] }, 1)), 'One or more parameter values were invalid: Input collection [a, a] contains duplicates.');
  assert.equal(msg(() => checkValue({ NULL: false }, 1)), 'One or more parameter values were invalid: Null attribute value types must have the value of true');
  assert.equal(msg(() => checkValue({ NS: ['1', '1.0'] }, 1)), 'Input collection contains duplicates');
  let deep: any = { S: 'x' };
  for (let i = 0; i < 40; i++) deep = { L: [deep] };
  assert.equal(msg(() => checkValue(deep, 1)), 'Nesting Levels have exceeded supported limits');
});

test('item size follows AWS rules', () => {
  assert.equal(itemSize({ a: { S: 'abc' } }), 4);
  assert.equal(itemSize({ ab: { BOOL: true } }), 3);
  assert.equal(itemSize({ m: { M: { x: { S: 'y' } } } }), 1 + 3 + 1 + 1 + 1);
  assert.equal(itemSize({ n: { N: '12345' } }), 1 + 4);
  assert.equal(itemSize({ b: { B: Buffer.from('hello').toString('base64') } }), 6);
});

test('expressions: syntax errors, reserved words, undefined and unused placeholders', () => {
  const cond = (src: string, names?: any, values?: any) => {
    const b = new Binder(names, values);
    const c = b.condition('ConditionExpression', src);
    b.finish();
    return c;
  };
  assert.equal(msg(() => cond('a = = :v', undefined, { ':v': { S: 'x' } })), 'Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v"');
  assert.equal(msg(() => cond('a =', undefined, undefined)), 'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "="');
  assert.equal(msg(() => cond('status = :v', undefined, { ':v': { S: 'x' } })), 'Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status');
  assert.equal(msg(() => cond('#a = :v', undefined, { ':v': { S: 'x' } })), 'Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a');
  assert.equal(msg(() => cond('a = :w', undefined, { ':v': { S: 'x' } })), 'Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :w');
  assert.equal(msg(() => cond('a = :v', { '#x': 'y' }, { ':v': { S: 'x' } })), 'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}');
  assert.equal(msg(() => cond('foo(a)')), 'Invalid ConditionExpression: Invalid function name; function: foo');
  assert.equal(msg(() => cond('((a = :v))', undefined, { ':v': { S: 'x' } })), 'Invalid ConditionExpression: The expression has redundant parentheses;');
  assert.equal(msg(() => cond('')), 'Invalid ConditionExpression: The expression can not be empty;');
  assert.equal(msg(() => cond('a = a')), 'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]');
  assert.equal(msg(() => cond('attribute_type(a, :v)', undefined, { ':v': { S: 'XX' } })), 'Invalid ConditionExpression: Invalid attribute type name found; type: XX, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}');
  assert.equal(
    msg(() => cond('a BETWEEN :b AND :a', undefined, { ':a': { N: '1' }, ':b': { N: '2' } })),
    'Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}',
  );
});

test('expressions: limits make huge or deeply nested input fail fast', () => {
  const b = () => new Binder(undefined, { ':v': { S: 'x' } });
  const deep = '('.repeat(5000) + 'a = :v' + ')'.repeat(5000);
  assert.match(msg(() => b().condition('ConditionExpression', deep)), /^Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 10006$/);
  const nested = 'a = :v AND ('.repeat(320) + 'a = :v' + ')'.repeat(320);
  assert.match(msg(() => b().condition('ConditionExpression', nested.slice(0, 4096))), /Invalid ConditionExpression: /);
  const many = Array.from({ length: 301 }, () => 'a=:v').join(' OR ');
  assert.equal(msg(() => b().condition('ConditionExpression', many)), 'Invalid ConditionExpression: The expression contains too many operators; operator count: 601');
});

test('conditions evaluate as DynamoDB does', () => {
  const item = { a: { N: '5' }, s: { S: 'hello' }, l: { L: [{ S: 'x' }, { N: '1' }] }, ss: { SS: ['p', 'q'] }, m: { M: { k: { BOOL: true } } } };
  const check = (src: string, values: any = undefined, names: any = undefined) => {
    const b = new Binder(names, values);
    return evalCondition(b.condition('ConditionExpression', src), item);
  };
  assert.equal(check('a BETWEEN :x AND :y', { ':x': { N: '1' }, ':y': { N: '10' } }), true);
  assert.equal(check('begins_with(s, :p)', { ':p': { S: 'he' } }), true);
  assert.equal(check('contains(ss, :p)', { ':p': { S: 'q' } }), true);
  assert.equal(check('contains(l, :p)', { ':p': { N: '1' } }), true);
  assert.equal(check('size(s) = :n', { ':n': { N: '5' } }), true);
  assert.equal(check('attribute_type(m.k, :t)', { ':t': { S: 'BOOL' } }), true);
  assert.equal(check('a IN (:x, :y)', { ':x': { N: '4' }, ':y': { N: '5.0' } }), true);
  assert.equal(check('NOT attribute_exists(zz) AND l[1] = :o', { ':o': { N: '1' } }), true);
  assert.equal(check('a < :s', { ':s': { S: 'x' } }), false); // different types never compare
  assert.equal(check('zz <> :s', { ':s': { S: 'x' } }), true);
});

test('projection keeps nested structure; updates apply to a copy', () => {
  const item = { a: { M: { b: { S: 'x' }, c: { S: 'y' } } }, l: { L: [{ S: '0' }, { S: '1' }, { S: '2' }] }, k: { S: 'k' } };
  const b = new Binder(undefined, undefined);
  assert.deepEqual(project(item, b.projection('a.b, l[2], l[0]')), { a: { M: { b: { S: 'x' } } }, l: { L: [{ S: '0' }, { S: '2' }] } });
  assert.equal(msg(() => new Binder(undefined, undefined).projection('a, a.b')), 'Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]');
  const ub = new Binder(undefined, { ':v': { N: '2' }, ':s': { SS: ['z'] } });
  const actions = ub.update('SET a.d = :v, n = :v + :v REMOVE l[0], l[1] ADD ss :s');
  const next = applyUpdate(item, actions, item);
  assert.deepEqual(next.a, { M: { b: { S: 'x' }, c: { S: 'y' }, d: { N: '2' } } });
  assert.deepEqual(next.n, { N: '4' });
  assert.deepEqual(next.l, { L: [{ S: '2' }] });
  assert.deepEqual(next.ss, { SS: ['z'] });
  assert.equal(item.l.L.length, 3, 'original untouched');
  assert.equal(
    msg(() => applyUpdate(item, new Binder(undefined, { ':v': { N: '1' } }).update('SET x.y = :v'), item)),
    'Invalid UpdateExpression: The document path provided in the update expression is invalid for update',
  );
  assert.equal(msg(() => new Binder(undefined, { ':v': { N: '1' } }).update('SET a = :v SET b = :v')), 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;');
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileEventPattern, EventPatternError } from '../../src/aws/event-patterns/index.js';

/** EventBridge's InvalidEventPatternException message for a pattern, or 'valid'. */
function message(pattern: string): string {
  try {
    compileEventPattern(pattern);
    return 'valid';
  } catch (e) {
    assert.ok(e instanceof EventPatternError, String(e));
    return e.awsMessage();
  }
}

const expected = (pattern: string, reason: string, column: number | null, times: number): string =>
  `Event pattern is not valid. Reason: ${reason}${column === null ? '' : `\n at [Source: (String)"${pattern}"; line: 1, column: ${column}]`.repeat(times)}`;

describe('event patterns: messages AWS returns', () => {
  // TestEventPattern responses recorded from AWS (LocalStack's AWS-validated snapshot tests): pattern as
  // sent, reason, column of the location (none for reasons raised outside the parser), times it appears
  // (twice where the engine catches its own exception and raises it again).
  const recorded: [string, string, number | null, number][] = [
    ["{\"int\": 42}", "\"int\" must be an object or an array", 11, 1],
    ["{\"detail\": {\"equal\": [{\"NUMERIC\": [\"=\", 5]}]}}", "Unrecognized match type NUMERIC", 36, 1],
    ["{\"string\": \"my-value\"}", "\"string\" must be an object or an array", 13, 1],
    ["{\"resources\": []}", "Empty arrays are not allowed", 17, 1],
    ["{\"my_key\": [{\"EXISTS\": true}]}", "Unrecognized match type EXISTS", 28, 1],
    ["{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \">\", 0]}]}}", "Bad numeric range operator: >", 49, 1],
    ["{\"EventBusArn\": [{\"wildcard\": \"*:*:*:*:*:event-bus/*\"}]}", "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character", null, 0],
    ["{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<\"]}]}}", "Value of < must be numeric", 50, 1],
    ["{\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:**:event-bus/*\"}]}", "Consecutive wildcard characters at pos 26", 72, 1],
    ["{\"detail-type\": [{\"equals-ignore-case\": [\"ec2 instance state-change notification\"]}]}", "equals-ignore-case match pattern must be a string", 42, 1],
    ["{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"bad-filter\"}]}}", "Malformed CIDR, one '/' required", null, 0],
    ["{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": 123}}]}}", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.", 66, 1],
    ["{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": [123, 456]}}]}}", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.", 67, 2],
    ["{\"detail-type\": [{\"equals-ignore-case\": {\"prefix\": \"ec2\"}}]}", "equals-ignore-case match pattern must be a string", 42, 1],
    ["{\"EventBusArn\": [{\"wildcard\": 123}]}", "wildcard match pattern must be a string", 34, 1],
    ["{\"EventBusArn\": [{\"wildcard\": [\"arn:aws:events:us-east-1:**:event-bus/*\"]}]}", "wildcard match pattern must be a string", 32, 1],
    ["{\"detail\": {\"state\": [{\"anything-but\": {\"wildcard\": [123, \"*/dir/*\"]}}]}}", "wildcard match pattern must be a string", 57, 2],
    ["{\"detail\": {\"FilePath\": [{\"anything-but\": {\"wildcard\": 123}}]}}", "wildcard match pattern must be a string", 59, 1],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": [123, \".txt\"]}}]}}", "prefix/suffix match pattern must be a string", 58, 2],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": 123}}]}}", "prefix/suffix match pattern must be a string", 57, 1],
    ["{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": [123, \"test\"]}}]}}", "prefix/suffix match pattern must be a string", 55, 2],
    ["{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": 123}}]}}", "prefix/suffix match pattern must be a string", 54, 1],
    ["{\"time\": [{\"prefix\": [\"2022-07-13\"]}]}", "prefix match pattern must be a string", 23, 1],
    ["{\"time\": [{\"prefix\": 123}]}", "prefix match pattern must be a string", 25, 1],
    ["{\"FileName\": [{\"suffix\": 123}]}", "suffix match pattern must be a string", 29, 1],
    ["{\"FileName\": [{\"suffix\": [\".png\"]}]}", "suffix match pattern must be a string", 27, 1],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"prefix\": {\"equals-ignore-case\": \"file\"}}}]}}", "Value of anything-but must be an array or single string/number value.", 55, 1],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": {\"equals-ignore-case\": \".png\"}}}]}}", "Value of anything-but must be an array or single string/number value.", 55, 1],
    ["{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"bad-/64filter\"}]}}", "Malformed CIDR, mask bits must be an integer", null, 0],
    ["{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"xx.11.xx/8\"}]}}", "Nonstandard IP address: xx.11.xx", null, 0],
    ["{\"detail\": {\"sourceIPAddress\": [{\"cidr\": [\"bad-type\"]}]}}", "prefix match pattern must be a string", 43, 1],
    ["{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"xxxx:db8:1234:1a00::/64\"}]}}", "Nonstandard IP address: xxxx:db8:1234:1a00::", null, 0],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"prefix\": \"\"}}]}}", "Null prefix/suffix not allowed", 56, 1],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": \"\"}}]}}", "Null prefix/suffix not allowed", 56, 1],
    ["{\"detail\": {\"c-count\": [{\"numeric\": 10}]}}", "Value of numeric must be an array.", 39, 1],
    ["{\"detail\": {\"state\": [{\"anything-but\": null}]}}", "Value of anything-but must be an array or single string/number value.", 44, 1],
    ["{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", null]}]}}", "Inside anything but list, start|null|boolean is not supported.", 56, 2],
    ["{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": [null, \".txt\"]}}]}}", "prefix/suffix match pattern must be a string", 59, 2],
  ];

  for (const [pattern, reason, column, times] of recorded) {
    it(`${reason} (${pattern})`, () => assert.equal(message(pattern), expected(pattern, reason, column, times)));
  }
});

// aws/event-ruler JsonRuleCompiler, the reasons not covered above, located as Jackson locates them.
describe('event patterns: other reasons of the engine', () => {
  const cases: [string, string, number | null, number][] = [
    ['[]', 'Filter is not an object', 2, 1],
    ['', 'Filter is not an object', 1, 1],
    ['{}', 'Empty objects are not allowed', 3, 1],
    ['{"a": [[1]]}', 'Match value must be String, number, true, false, or null', 9, 1],
    ['{"a": [{}]}', 'Match expression name not found', 10, 1],
    ['{"a": [{"exactly": 1}]}', 'exact match pattern must be a string', 21, 1],
    ['{"a": [{"prefix": {"equals-ignore-case": 1}}]}', 'equals-ignore-case match pattern must be a string', 43, 1],
    ['{"a": [{"prefix": {"x": "y"}}]}', 'Unsupported prefix pattern: x', 26, 1],
    ['{"a": [{"suffix": {}}]}', 'Suffix expression name not found', 21, 1],
    ['{"a": [{"anything-but": {}}]}', 'Anything-But expression name not found', 27, 1],
    ['{"a": [{"anything-but": []}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported', 27, 1],
    ['{"a": [{"anything-but": ["x", 1]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported', 33, 1],
    ['{"a": [{"anything-but": "x", "b": 1}]}', 'Too many elements in numeric expression', 36, 1],
    ['{"a": [{"anything-but": 0.30000000000000001}]}', 'Cannot compare number : 0.30000000000000001', null, 0],
    ['{"a": [{"anything-but": [0.30000000000000001]}]}', 'Cannot compare number : 0.30000000000000001', 45, 1],
    ['{"a": [{"anything-but": {"prefix": [""]}}]}', 'Null prefix/suffix not allowed', 39, 2],
    ['{"a": [{"anything-but": {"wildcard": ["a\\\\"]}}]}', 'Invalid escape character at pos 2', 45, 1],
    ['{"a": [{"numeric": ["=", 1e400]}]}', 'Cannot compare number : 1e400', 32, 1],
    ['{"a": [{"numeric": [">=", 5, "<=", 5]}]}', 'Bottom must be less than top', 38, 1],
    ['{"a": [{"numeric": [{}]}]}', 'Invalid member in numeric match: {', 22, 1],
    ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32', null, 0],
    ['{"a": [{"cidr": "::/128"}]}', 'IPv6 mask bits must be < 128', null, 0],
    ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'Malformed CIDR, mask bits must not be negative', null, 0],
    ['{"a": [{"cidr": "256.0.0.0/8"}]}', 'Invalid IP address: 256.0.0.0', null, 0],
    ['{"a": [{"cidr": "10.0.0.1"}]}', "Malformed CIDR, one '/' required", null, 0],
    ['{"a": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 2', 27, 1],
    ['{"a": [{"wildcard": "é**"}]}', 'Consecutive wildcard characters at pos 3', 26, 1],
    ['{"$or": {"a": ["x"]}}', 'It must be an Array followed with $or.', 10, 1],
    ['{"$or": ["a", "b"]}', 'Only JSON object is allowed in array of $or relationship.', 11, 1],
    ['{"$or": [{"a": ["x"]}]}', 'There must have at least 2 Objects in $or relationship.', 23, 1],
    ['{"$or": [{"numeric": ["x"]}, {"b": ["y"]}]}', 'numeric is Ruler reserved fieldName which cannot be used inside $or.', 23, 1],
    ['{"$or": [{"a": {"prefix": ["x"]}}, {"b": ["y"]}]}', 'prefix is Ruler reserved fieldName which cannot be used inside $or.', 28, 1],
  ];
  for (const [pattern, reason, column, times] of cases) {
    it(`${reason} (${pattern})`, () => assert.equal(message(pattern), expected(pattern, reason, column, times)));
  }

  it('reports a pattern fault before a syntax fault further on, as the parser reads lazily', () => {
    assert.equal(message('{"a": "x", !'), expected('{"a": "x", !', '"a" must be an object or an array', 8, 1));
    assert.equal(message('{"a": "bad \\q escape"}'), expected('{"a": "bad \\q escape"}', '"a" must be an object or an array', 8, 1));
    assert.equal(message('{"a": ["bad \\q escape"]}'), expected('{"a": ["bad \\q escape"]}', "Unrecognized character escape 'q' (code 113)", 14, 1));
  });

  it("reports Jackson's syntax errors", () => {
    const cases: [string, string, number][] = [
      ['{"a": [1,]}', "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 10],
      ['{"a": [1}', 'Unexpected close marker \'}\': expected \']\' (for Array starting at [Source: (String)"{"a": [1}"; line: 1, column: 7])', 9],
      ['{"a" [1]}', "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value", 6],
      ['{a: [1]}', "Unexpected character ('a' (code 97)): was expecting double-quote to start field name", 2],
      ['{"a": [tru]}', "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')", 11],
      ['{"a": [01]}', 'Invalid numeric value: Leading zeroes not allowed', 9],
      ['{"a": [1', 'Unexpected end-of-input: expected close marker for Array (start marker at [Source: (String)"{"a": [1"; line: 1, column: 7])', 9],
    ];
    for (const [pattern, reason, column] of cases) assert.equal(message(pattern), expected(pattern, reason, column, 1), pattern);
  });

  it('counts lines and columns across line breaks, and shortens long sources', () => {
    assert.equal(message('{\n  "a": {}\n}'), expected('{\n  "a": {}\n}', 'Empty objects are not allowed', null, 0).replace(/$/, '\n at [Source: (String)"{\n  "a": {}\n}"; line: 2, column: 10]'));
    const long = `{"a": ["${'x'.repeat(600)}"], "b": {}}`;
    assert.match(message(long), /\[truncated 120 chars\]; line: 1, column: 620\]$/);
  });

  it('accepts what follows the pattern object unread, as the engine stops there', () => {
    assert.equal(message('{"a": ["x"]} trailing'), 'valid');
  });
});

/** CloudWatch Logs filter patterns over JSON and space-delimited events, from the examples of AWS's filter pattern syntax guide. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from '../../src/services/logs/filter.js';

const matches = (pattern: string, message: string): boolean => compileFilter(pattern)(message);

describe('JSON filter patterns', () => {
  const trail = JSON.stringify({
    eventType: 'UpdateTrail',
    sourceIPAddress: '123.123.123.123',
    bandwidth: 80,
    latency: 20,
    user: { id: 1, email: 'John.Stiles@example.com' },
    arrayKey: ['value', 'another'],
    objectList: [{ name: 'a', id: 1 }, { name: 'b', id: 2 }],
    hasError: true,
    nothing: null,
  });

  it('compares strings (with * wildcards), numbers, booleans, null and absence', () => {
    assert.equal(matches('{ $.eventType = "UpdateTrail" }', trail), true);
    assert.equal(matches('{ $.eventType = "Update*" }', trail), true);
    assert.equal(matches('{ $.eventType = "Delete*" }', trail), false);
    assert.equal(matches('{ $.sourceIPAddress != 123.123.* }', trail), false);
    assert.equal(matches('{ $.sourceIPAddress != 10.0.* }', trail), true);
    assert.equal(matches('{ $.bandwidth > 75 }', trail), true);
    assert.equal(matches('{ $.latency <= 10 }', trail), false);
    assert.equal(matches('{ $.user.id = 1 }', trail), true);
    assert.equal(matches('{ $.user.email = "John.Stiles@example.com" }', trail), true);
    assert.equal(matches('{ $.arrayKey[0] = "value" }', trail), true);
    assert.equal(matches('{ $.objectList[1].id = 2 }', trail), true);
    assert.equal(matches('{ $.hasError IS TRUE }', trail), true);
    assert.equal(matches('{ $.hasError IS FALSE }', trail), false);
    assert.equal(matches('{ $.nothing IS NULL }', trail), true);
    assert.equal(matches('{ $.missing NOT EXISTS }', trail), true);
    assert.equal(matches('{ $.user NOT EXISTS }', trail), false);
    assert.equal(matches('{ $.missing = "x" }', trail), false);
    assert.equal(matches('{ $.eventType = %Update[A-Z]rail% }', trail), true);
  });

  it('combines with && before ||, and parentheses', () => {
    assert.equal(matches('{ ($.user.id = 2) || ($.bandwidth > 75 && $.latency < 30) }', trail), true);
    assert.equal(matches('{ $.user.id = 2 || $.bandwidth > 75 && $.latency > 30 }', trail), false);
    assert.equal(matches('{ ($.user.id = 2 || $.bandwidth > 75) && $.latency > 30 }', trail), false);
  });

  it('never matches an event that is not JSON, and refuses malformed patterns', () => {
    assert.equal(matches('{ $.eventType = "UpdateTrail" }', 'UpdateTrail happened'), false);
    assert.throws(() => compileFilter('{ $.a = '), (e: Error) => e.name === 'InvalidParameterException' && e.message === "If a filter pattern starts with '{' it must end with '}'");
    assert.throws(() => compileFilter('{ $.a > "text" }'), (e: Error) => e.name === 'InvalidParameterException' && e.message === 'Invalid filter pattern');
    assert.throws(() => compileFilter('{ a = 1 }'), (e: Error) => e.message === 'Invalid filter pattern');
  });
});

describe('space-delimited filter patterns', () => {
  const line = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 404 1534';

  it('binds the fields by position (quoted and bracketed text as one field) and checks the conditions', () => {
    assert.equal(matches('[ip, user, username, timestamp, request, status_code, bytes]', line), true);
    assert.equal(matches('[ip, user, username, timestamp, request, status_code = 404, bytes]', line), true);
    assert.equal(matches('[ip, user, username, timestamp, request, status_code = 4*, bytes > 1000]', line), true);
    assert.equal(matches('[ip, user, username, timestamp, request = "*html*", status_code, bytes]', line), false);
    assert.equal(matches('[ip, user, username, timestamp, request = "*gif*", status_code, bytes]', line), true);
    assert.equal(matches('[ip, user, username, timestamp, request, status_code = 200 || status_code = 404, bytes]', line), true);
    assert.equal(matches('[ip, user, username, timestamp, request, status_code, bytes < 1000]', line), false);
    // A different number of fields does not match, unless an ellipsis takes the rest.
    assert.equal(matches('[ip, user, username]', line), false);
    assert.equal(matches('[ip = 127.*, ...]', line), true);
    assert.equal(matches('[..., status_code = 404, bytes]', line), true);
  });
});

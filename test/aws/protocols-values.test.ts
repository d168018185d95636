/** Value-level wire rules: timestampFormat traits, header lists, XML escaping and attributes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/aws/model.js';
import { ServiceIndex } from '../../src/aws/service-index.js';
import { splitHeaderList } from '../../src/aws/protocols/rest.js';
import { toJsonValue } from '../../src/aws/protocols/values.js';
import { escapeXml, fromXml, parseXml, toXml } from '../../src/aws/protocols/xml.js';
import { readInput } from '../../src/aws/validate.js';

const when = new Date('2026-03-04T05:06:07Z');

describe('wire values', () => {
  it('a timestampFormat trait wins over the protocol default (API Gateway v2: ISO 8601 in JSON)', () => {
    const apigw2 = new ServiceIndex('apigatewayv2', loadModel('apigatewayv2'));
    const out = toJsonValue(apigw2, 'GetApiResponse', { CreatedDate: when, Name: 'a' }, true) as Record<string, unknown>;
    assert.deepEqual(out, { createdDate: '2026-03-04T05:06:07Z', name: 'a' });
    const lambda = new ServiceIndex('lambda', loadModel('lambda'));
    // Lambda's restJson1 default: epoch seconds.
    assert.deepEqual(toJsonValue(lambda, 'GetFunctionUrlConfigResponse', { FunctionUrl: 'u' }, true), { FunctionUrl: 'u' });
    const ddb = new ServiceIndex('dynamodb', loadModel('dynamodb'));
    assert.deepEqual(toJsonValue(ddb, 'TableDescription', { CreationDateTime: new Date(1500) }, false), { CreationDateTime: 1.5 });
  });

  it('JSON timestamps are read as epoch seconds (fractions kept) or ISO 8601 text', () => {
    const ddb = new ServiceIndex('dynamodb', loadModel('dynamodb'));
    const input = readInput(ddb, 'ListBackupsInput', { TimeRangeLowerBound: 1772600767.25, TimeRangeUpperBound: '2026-03-04T05:06:07Z' }, true, 'ValidationException');
    assert.equal(input.TimeRangeLowerBound.getTime(), 1772600767250);
    assert.equal(input.TimeRangeUpperBound.getTime(), when.getTime());
  });

  it('header lists: quoted items keep their commas; HTTP-dates split every second comma', () => {
    assert.deepEqual(splitHeaderList('a, "b,c", "d\\"e", f', false), ['a', 'b,c', 'd"e', 'f']);
    assert.deepEqual(splitHeaderList('ETag,ObjectSize', false), ['ETag', 'ObjectSize']);
    assert.deepEqual(splitHeaderList('Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT', true), ['Mon, 16 Dec 2019 23:48:18 GMT', 'Tue, 17 Dec 2019 23:48:18 GMT']);
  });

  it('XML text escapes &, < and > but leaves quotes as AWS does', () => {
    assert.equal(escapeXml(`Value 'a' at "b" <c> & d`), `Value 'a' at "b" &lt;c&gt; &amp; d`);
  });

  it('XML attributes with a namespace prefix (S3 Grantee xsi:type) are written and read back', () => {
    const s3 = new ServiceIndex('s3', loadModel('s3'));
    const xml = toXml(s3, { shape: 'Grant' }, { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'READ' }, 'Grant');
    assert.equal(
      xml,
      '<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>abc</ID></Grantee><Permission>READ</Permission></Grant>',
    );
    const parsed = fromXml(s3, { shape: 'Grant' }, parseXml(Buffer.from(xml)).Grant);
    assert.deepEqual(parsed, { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'READ' });
  });
});

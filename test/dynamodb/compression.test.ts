/**
 * Compressed DynamoDB requests and responses, pinned to what DynamoDB does as ScyllaDB's Alternator
 * suite records it (test_compressed_request.py, test_compressed_response.py): gzip request bodies
 * (concatenated members too) are read, any other Content-Encoding or broken gzip is a 500 and writes
 * nothing; responses of 4 KiB or more are compressed with the coding Accept-Encoding prefers among
 * gzip and deflate.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { preferredEncoding } from '../../src/server/compression.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { DYNAMODB_TEST_SIGNER, signedJsonHeaders } from '../helpers/sign.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function post(server: TestServer, target: string, body: Buffer, extra: Record<string, string> = {}): Promise<Raw> {
  const host = `127.0.0.1:${server.port}`;
  const headers = { ...signedJsonHeaders(DYNAMODB_TEST_SIGNER, host, `DynamoDB_20120810.${target}`, body), ...extra };
  return new Promise((resolve, reject) => {
    const req = request(`${server.endpoint}/`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('DynamoDB compressed requests and responses', () => {
  let server: TestServer;
  let ddb: DynamoDBClient;
  const putItem = (p: string) => Buffer.from(JSON.stringify({ TableName: 'zip', Item: { p: { S: p }, v: { S: 'x' } } }));
  const stored = async (p: string) => (await ddb.send(new GetItemCommand({ TableName: 'zip', Key: { p: { S: p } }, ConsistentRead: true }))).Item;

  before(async () => {
    server = await startServer({ services: [dynamodb] });
    ddb = new DynamoDBClient(clientConfig(server.endpoint));
    await ddb.send(new CreateTableCommand({ TableName: 'zip', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }] }));
  });
  after(async () => {
    ddb.destroy();
    await server.stop();
  });

  it('reads a gzip request body, also one made of two gzip members', async () => {
    const one = await post(server, 'PutItem', gzipSync(putItem('one')), { 'content-encoding': 'gzip' });
    assert.equal(one.status, 200, one.body.toString());
    assert.deepEqual(await stored('one'), { p: { S: 'one' }, v: { S: 'x' } });
    const body = putItem('two');
    const two = await post(server, 'PutItem', Buffer.concat([gzipSync(body.subarray(0, 10)), gzipSync(body.subarray(10))]), { 'content-encoding': 'gzip' });
    assert.equal(two.status, 200, two.body.toString());
    assert.deepEqual(await stored('two'), { p: { S: 'two' }, v: { S: 'x' } });
  });

  it('answers 500 and writes nothing for an unknown encoding or a broken gzip body', async () => {
    const cases: [string, Buffer, string][] = [
      ['garbage encoding', putItem('g1'), 'garbage'],
      ['deflate is not taken for requests', putItem('g2'), 'deflate'],
      ['not gzip at all', putItem('g3'), 'gzip'],
      ['truncated gzip', gzipSync(putItem('g4')).subarray(0, -1), 'gzip'],
      ['empty body', Buffer.alloc(0), 'gzip'],
    ];
    for (const [what, body, encoding] of cases) {
      const r = await post(server, 'PutItem', body, { 'content-encoding': encoding });
      assert.equal(r.status, 500, what);
      assert.equal(JSON.parse(r.body.toString()).__type, 'com.amazonaws.dynamodb.v20120810#InternalServerError', what);
    }
    for (const p of ['g1', 'g2', 'g3', 'g4']) assert.equal(await stored(p), undefined, p);
    // The server still serves.
    assert.equal((await post(server, 'PutItem', putItem('after'))).status, 200);
  });

  it('takes compressed requests from an SDK client that gzips every body before signing', async () => {
    // What an SDK's request-compression feature does (botocore's request_min_compression_size_bytes,
    // the Smithy requestCompression trait): the body gzipped, Content-Encoding set, then signed.
    const zipped = new DynamoDBClient(clientConfig(server.endpoint));
    zipped.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { body?: string; headers: Record<string, string> };
        if (typeof req.body === 'string') {
          req.body = gzipSync(req.body) as unknown as string;
          req.headers['content-encoding'] = 'gzip';
          delete req.headers['content-length'];
        }
        return next(args);
      },
      { step: 'build', name: 'gzipBody' },
    );
    await zipped.send(new PutItemCommand({ TableName: 'zip', Item: { p: { S: 'sdk' }, long: { S: 'y'.repeat(10000) } } }));
    const got = await zipped.send(new GetItemCommand({ TableName: 'zip', Key: { p: { S: 'sdk' } }, ConsistentRead: true }));
    assert.equal(got.Item?.long?.S?.length, 10000);
    zipped.destroy();
  });

  it('compresses responses of 4 KiB or more with the encoding the client prefers', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'zip', Item: { p: { S: 'big' }, x: { S: 'x'.repeat(4096 - 25) } } }));
    const get = (projection: string, accept?: string) =>
      post(server, 'GetItem', Buffer.from(JSON.stringify({ TableName: 'zip', Key: { p: { S: 'big' } }, ProjectionExpression: projection })), accept === undefined ? {} : { 'accept-encoding': accept });
    const plain = await get('p, x');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.length >= 4096);

    const gz = await get('p, x', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()));
    assert.ok(gz.body.length * 30 < plain.body.length);

    const df = await get('p, x', 'deflate');
    assert.equal(df.headers['content-encoding'], 'deflate');
    assert.deepEqual(JSON.parse(inflateSync(df.body).toString()), JSON.parse(plain.body.toString()));

    const small = await get('x', 'gzip');
    assert.ok(small.body.length < 4096);
    assert.equal(small.headers['content-encoding'], undefined);
  });

  it('reads Accept-Encoding as DynamoDB does', () => {
    const cases: [string, string | undefined][] = [
      ['identity', undefined], ['', undefined], ['br', undefined], ['zstd', undefined], ['compress', undefined], ['x-gzip', undefined],
      ['gzip, deflate', 'gzip'], ['br, identity, deflate, gzip', 'deflate'], ['GZIP, identity', 'gzip'], ['dog, gzip ,, cat', 'gzip'],
      ['gzip;q=0.8, deflate;q=0.5', 'gzip'], ['br, gzip;q=0, deflate; q = 0.5 , identity;q=0', 'deflate'],
      ['*', 'gzip'], ['*, deflate;q=0.5', 'gzip'], ['*, deflate', 'deflate'], ['*, identity', 'gzip'], ['*, gzip;q=0.5', 'deflate'],
      ['gzip ;q=0', undefined], ['identity;q=0', undefined], ['*;q=0', undefined], ['*;q=0.5,identity', 'gzip'],
      ['gzip;q=0.5,identity;q=0.8', 'gzip'], ['br;q=0.8,identity;q=0.5,*;q=0', undefined],
      ['"gzip"', undefined], ['gzip br', undefined], ['gzip:q=1', undefined],
      ['deflate;q=0.5, gzip;q=31', 'gzip'], ['gzip;q=31,deflate;q=51', 'gzip'], ['deflate;q=0.5, gzip;q=0.2', 'deflate'],
      ['deflate;q=0.5, gzip;q=1;q=0.2', 'gzip'], ['deflate;q=0.5,gzip;q=0.', 'deflate'], ['deflate;q=0.5,gzip;q=0.x', 'gzip'],
      ['deflate;q=-0.5,gzip;q=0.2', 'gzip'], ['gzip;nq=1;q=0 ', undefined], ['gzip;q=0, gzip;q=1, gzip;q=0', 'gzip'],
      ['br,identity;q=0.5,gzip;q=0.0001', 'gzip'],
    ];
    for (const [header, expected] of cases) assert.equal(preferredEncoding(header), expected, header);
  });
});

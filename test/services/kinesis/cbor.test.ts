import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cbor, tag } from '@smithy/core/cbor';
import { decodeCbor, encodeCbor } from '../../../src/aws/protocols/cbor.js';
import type { TestServer } from '../../helpers/server.js';
import { kinesisServer } from './helpers.js';

/** A request as the AWS SDK for Java sends it to Kinesis by default: awsJson1.1 targets, CBOR bodies. */
describe('Kinesis over CBOR (application/x-amz-cbor-1.1)', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await kinesisServer());
  });
  after(() => server.stop());

  async function call(operation: string, body: Record<string, unknown>): Promise<{ status: number; type: string | null; errorType: string | null; doc: any }> {
    const res = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': `Kinesis_20131202.${operation}` },
      body: Buffer.from(cbor.serialize(body)),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), errorType: res.headers.get('x-amzn-errortype'), doc: bytes.length ? cbor.deserialize(bytes) : undefined };
  }

  it('creates a stream, puts bytes and reads them back with tagged timestamps', async () => {
    assert.equal((await call('CreateStream', { StreamName: 'cbor', ShardCount: 1 })).status, 200);
    const data = new Uint8Array([0, 1, 2, 250, 255]);
    const put = await call('PutRecord', { StreamName: 'cbor', PartitionKey: 'k', Data: data });
    assert.equal(put.status, 200);
    assert.equal(put.type, 'application/x-amz-cbor-1.1');
    assert.equal(put.doc.ShardId, 'shardId-000000000000');
    assert.match(put.doc.SequenceNumber, /^\d{56}$/);
    // AT_TIMESTAMP with the Java SDK's timestamp: tag 1 over epoch milliseconds.
    const it = await call('GetShardIterator', { StreamName: 'cbor', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: tag({ tag: 1, value: server.clock.now() - 60_000 }) });
    assert.equal(it.status, 200);
    const got = await call('GetRecords', { ShardIterator: it.doc.ShardIterator });
    assert.equal(got.status, 200);
    const record = got.doc.Records[0];
    assert.deepEqual(new Uint8Array(record.Data), data);
    assert.equal(record.PartitionKey, 'k');
    const arrival = record.ApproximateArrivalTimestamp;
    const ms = arrival instanceof Date ? arrival.getTime() : arrival.value;
    assert.ok(Math.abs(ms - server.clock.now()) < 60_000, `tag 1 over milliseconds: ${JSON.stringify(arrival)}`);
  });

  it('reads the indefinite-length maps, arrays and strings Jackson writes', () => {
    const text = (t: string) => [0x60 + t.length, ...Buffer.from(t)];
    const doc = Buffer.from([
      0xbf, // map of unknown size
      ...text('StreamName'), 0x7f, ...text('ab'), ...text('c'), 0xff, // a chunked string: "abc"
      ...text('Tags'), 0x9f, ...text('x'), 0x18, 0x2a, 0xff, // an array of unknown size: ["x", 42]
      ...text('When'), 0xc1, 0x1b, ...Buffer.from('0000018c00000000', 'hex'), // tag 1 over epoch ms (uint64)
      ...text('Data'), 0x42, 0x01, 0x02,
      0xff,
    ]);
    const v = decodeCbor(doc) as Record<string, unknown>;
    assert.equal(v.StreamName, 'abc');
    assert.deepEqual(v.Tags, ['x', 42]);
    assert.equal((v.When as Date).getTime(), 0x18c00000000);
    assert.deepEqual(v.Data, Buffer.from([1, 2]));
    assert.deepEqual(decodeCbor(encodeCbor({ a: -5, b: 1.5, c: true, d: [null], e: new Date(1000) })), { a: -5, b: 1.5, c: true, d: [null], e: new Date(1000) });
  });

  it('answers errors in CBOR with their type', async () => {
    const missing = await call('DescribeStream', { StreamName: 'nope' });
    assert.equal(missing.status, 400);
    assert.equal(missing.type, 'application/x-amz-cbor-1.1');
    assert.equal(missing.errorType, 'ResourceNotFoundException');
    assert.equal(missing.doc.__type, 'ResourceNotFoundException');
    assert.equal(missing.doc.message, 'Stream nope under account 000000000000 not found.');
    const garbage = await fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-cbor-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' }, body: new Uint8Array([0xbf, 0x61]) });
    assert.equal(garbage.status, 400);
  });
});

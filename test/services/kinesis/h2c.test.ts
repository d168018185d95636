import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { clientConfig, type TestServer } from '../../helpers/server.js';
import { failure, kinesisServer } from './helpers.js';

describe('Kinesis with the SDK default HTTP/2 handler (h2c on the same port)', () => {
  let server: TestServer;
  let h2: KinesisClient;
  before(async () => {
    ({ server } = await kinesisServer());
    // No requestHandler: @aws-sdk/client-kinesis talks HTTP/2 in cleartext to an http:// endpoint.
    h2 = new KinesisClient(clientConfig(server.endpoint));
  });
  after(async () => {
    h2.destroy();
    await server.stop();
  });

  it('creates a stream, puts and reads records over h2c', async () => {
    await h2.send(new CreateStreamCommand({ StreamName: 'h2', ShardCount: 1 }));
    const put = await h2.send(new PutRecordCommand({ StreamName: 'h2', PartitionKey: 'k', Data: Buffer.from('over h2') }));
    const many = await h2.send(new PutRecordsCommand({ StreamName: 'h2', Records: Array.from({ length: 50 }, (_, i) => ({ PartitionKey: `k${i}`, Data: Buffer.alloc(10_000, i) })) }));
    assert.equal(many.FailedRecordCount, 0);
    // Requests in parallel share one HTTP/2 session.
    const its = await Promise.all(
      Array.from({ length: 5 }, () => h2.send(new GetShardIteratorCommand({ StreamName: 'h2', ShardId: put.ShardId!, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: put.SequenceNumber }))),
    );
    const reads = await Promise.all(its.map((it) => h2.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator! }))));
    for (const r of reads) {
      assert.equal(r.Records!.length, 51);
      assert.equal(Buffer.from(r.Records![0]!.Data!).toString(), 'over h2');
      assert.deepEqual(Buffer.from(r.Records![50]!.Data!), Buffer.alloc(10_000, 49));
    }
    const err = await failure(h2.send(new PutRecordCommand({ StreamName: 'missing', PartitionKey: 'k', Data: Buffer.from('x') })));
    assert.equal(err.name, 'ResourceNotFoundException');
    assert.equal(err.status, 400);
  });
});

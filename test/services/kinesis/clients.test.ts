import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awsCli, boto3 } from '../../helpers/clients.js';
import type { TestServer } from '../../helpers/server.js';
import { kinesisServer } from './helpers.js';

describe('Kinesis with the AWS CLI and boto3', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await kinesisServer());
  });
  after(() => server.stop());

  it('the AWS CLI creates a stream, puts a record and reads it back', async () => {
    const url = server.endpoint;
    await awsCli(['kinesis', 'create-stream', '--stream-name', 'cli', '--shard-count', '2', '--endpoint-url', url]);
    const summary = JSON.parse(await awsCli(['kinesis', 'describe-stream-summary', '--stream-name', 'cli', '--endpoint-url', url]));
    assert.equal(summary.StreamDescriptionSummary.OpenShardCount, 2);
    const put = JSON.parse(await awsCli(['kinesis', 'put-record', '--stream-name', 'cli', '--partition-key', 'k', '--data', 'aGVsbG8=', '--endpoint-url', url]));
    const it = JSON.parse(await awsCli(['kinesis', 'get-shard-iterator', '--stream-name', 'cli', '--shard-id', put.ShardId, '--shard-iterator-type', 'TRIM_HORIZON', '--endpoint-url', url]));
    const got = JSON.parse(await awsCli(['kinesis', 'get-records', '--shard-iterator', it.ShardIterator, '--endpoint-url', url]));
    assert.equal(got.Records.length, 1);
    assert.equal(Buffer.from(got.Records[0].Data, 'base64').toString(), 'hello');
    assert.equal(got.Records[0].SequenceNumber, put.SequenceNumber);
  });

  it('boto3 puts a batch and reads every shard', async () => {
    const out = await boto3(
      `
import boto3, json, os
k = boto3.client('kinesis', endpoint_url=os.environ['ENDPOINT'])
k.create_stream(StreamName='py', ShardCount=3)
k.get_waiter('stream_exists').wait(StreamName='py', WaiterConfig={'Delay': 1})
r = k.put_records(StreamName='py', Records=[{'Data': ('r%d' % i).encode(), 'PartitionKey': 'p%d' % i} for i in range(30)])
seen = []
for s in k.list_shards(StreamName='py')['Shards']:
    it = k.get_shard_iterator(StreamName='py', ShardId=s['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
    seen += [x['Data'].decode() for x in k.get_records(ShardIterator=it)['Records']]
print(json.dumps({'failed': r['FailedRecordCount'], 'seen': sorted(seen)}))
`,
      server.endpoint,
    );
    const result = JSON.parse(out);
    assert.equal(result.failed, 0);
    assert.deepEqual(result.seen, Array.from({ length: 30 }, (_, i) => `r${i}`).sort());
  });
});

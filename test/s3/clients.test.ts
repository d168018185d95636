/** The AWS CLI (`aws s3` and `aws s3api`) and boto3 (path-style and virtual-hosted) against S3. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { awsCli, boto3 } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { bytes, md5Hex, readAll, s3Client, startS3 } from './helpers.js';

const MiB = 1024 * 1024;

describe('S3 with the AWS CLI and boto3', () => {
  let server: TestServer;
  let s3: S3Client;
  let dir: string;
  before(async () => {
    // Strict auth: every request the CLI and boto3 send (chunk-signed bodies included) is verified.
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    s3 = s3Client(server);
    dir = mkdtempSync(join(tmpdir(), 'stratus-s3-cli-'));
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]): Promise<string> => awsCli([...args, '--endpoint-url', server.endpoint]);

  it('aws s3 mb / cp (single and multipart) / ls / sync, and back down', async () => {
    await cli('s3', 'mb', 's3://cli-bucket');
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'small file\n');
    const big = join(dir, 'big.bin');
    const bigData = bytes(20 * MiB + 123, 21);
    writeFileSync(big, bigData);
    await cli('s3', 'cp', small, 's3://cli-bucket/up/small.txt');
    await cli('s3', 'cp', big, 's3://cli-bucket/up/big.bin');
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'cli-bucket', Key: 'up/big.bin' }));
    assert.equal(head.ContentLength, bigData.length);
    assert.match(head.ETag!, /-\d+"$/, 'the CLI uploads 20 MiB in parts');
    const got = await s3.send(new GetObjectCommand({ Bucket: 'cli-bucket', Key: 'up/big.bin' }));
    assert.equal(md5Hex(await readAll(got.Body as AsyncIterable<Uint8Array>)), md5Hex(bigData));

    const ls = await cli('s3', 'ls', 's3://cli-bucket/up/');
    assert.match(ls, /small\.txt/);
    assert.match(ls, /big\.bin/);
    const down = join(dir, 'down.bin');
    await cli('s3', 'cp', 's3://cli-bucket/up/big.bin', down);
    assert.equal(md5Hex(readFileSync(down)), md5Hex(bigData));

    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(tree, 'a.txt'), 'a');
    writeFileSync(join(tree, 'nested', 'b c.txt'), 'b');
    writeFileSync(join(tree, 'nested', 'deeper', 'ü+.txt'), 'c');
    await cli('s3', 'sync', tree, 's3://cli-bucket/tree');
    const back = join(dir, 'back');
    await cli('s3', 'sync', 's3://cli-bucket/tree', back);
    assert.equal(readFileSync(join(back, 'nested', 'deeper', 'ü+.txt'), 'utf8'), 'c');
    assert.equal(readFileSync(join(back, 'nested', 'b c.txt'), 'utf8'), 'b');
    // A second sync has nothing to do.
    assert.equal((await cli('s3', 'sync', tree, 's3://cli-bucket/tree')).trim(), '');
  });

  it('aws s3api put-object / get-object / list-objects-v2 / head-object', async () => {
    const file = join(dir, 'api.txt');
    writeFileSync(file, 'via s3api');
    const put = JSON.parse(await cli('s3api', 'put-object', '--bucket', 'cli-bucket', '--key', 'api/obj key.txt', '--body', file, '--content-type', 'text/plain', '--metadata', 'k=v')) as { ETag: string };
    assert.equal(put.ETag, `"${md5Hex('via s3api')}"`);
    const out = join(dir, 'api-out.txt');
    const got = JSON.parse(await cli('s3api', 'get-object', '--bucket', 'cli-bucket', '--key', 'api/obj key.txt', out)) as { ContentType: string; Metadata: Record<string, string> };
    assert.equal(got.ContentType, 'text/plain');
    assert.deepEqual(got.Metadata, { k: 'v' });
    assert.equal(readFileSync(out, 'utf8'), 'via s3api');
    const list = JSON.parse(await cli('s3api', 'list-objects-v2', '--bucket', 'cli-bucket', '--prefix', 'api/')) as { Contents: { Key: string }[] };
    assert.deepEqual(list.Contents.map((c) => c.Key), ['api/obj key.txt']);
    await assert.rejects(cli('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'absent'), /404/);
  });

  for (const style of ['path', 'virtual'] as const) {
    it(`boto3, ${style} addressing: buckets, objects, listing, multipart, errors`, async () => {
      const out = await boto3(
        `
import os, json, socket, hashlib, boto3
from botocore.config import Config
from botocore.exceptions import ClientError
real = socket.getaddrinfo
def lookup(host, *args, **kw):
    return real('127.0.0.1' if str(host).endswith('.localhost') else host, *args, **kw)
socket.getaddrinfo = lookup
endpoint = os.environ['ENDPOINT']
if '${style}' == 'virtual':
    endpoint = endpoint.replace('127.0.0.1', 's3.localhost')
s3 = boto3.client('s3', endpoint_url=endpoint, region_name='us-east-1', config=Config(s3={'addressing_style': '${style}'}))
b = 'boto-${style}'
s3.create_bucket(Bucket=b)
s3.put_object(Bucket=b, Key='dir/k 1+ü', Body=b'hello boto', Metadata={'a': 'b'}, ChecksumAlgorithm='SHA256')
g = s3.get_object(Bucket=b, Key='dir/k 1+ü', ChecksumMode='ENABLED')
body = g['Body'].read()
r = s3.get_object(Bucket=b, Key='dir/k 1+ü', Range='bytes=0-4')
listing = s3.list_objects_v2(Bucket=b, Delimiter='/')
inner = s3.list_objects_v2(Bucket=b, Prefix='dir/', EncodingType='url')
data = bytes(range(256)) * (6 * 1024 * 4 + 7)
s3.upload_fileobj(__import__('io').BytesIO(data), b, 'multi.bin', Config=boto3.s3.transfer.TransferConfig(multipart_threshold=5*1024*1024, multipart_chunksize=5*1024*1024))
m = s3.get_object(Bucket=b, Key='multi.bin')
mbody = m['Body'].read()
try:
    s3.get_object(Bucket=b, Key='nope')
    err = None
except ClientError as e:
    err = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
loc = s3.get_bucket_location(Bucket=b)['LocationConstraint']
print(json.dumps({'body': body.decode(), 'meta': g['Metadata'], 'sha': g.get('ChecksumSHA256'), 'range': r['Body'].read().decode(), 'prefixes': [p['Prefix'] for p in listing.get('CommonPrefixes', [])], 'inner': [c['Key'] for c in inner['Contents']], 'multi': hashlib.md5(mbody).hexdigest() == hashlib.md5(data).hexdigest(), 'etag': m['ETag'], 'err': err, 'loc': loc}))
`,
        server.endpoint,
      );
      const r = JSON.parse(out) as Record<string, unknown>;
      assert.equal(r.body, 'hello boto');
      assert.deepEqual(r.meta, { a: 'b' });
      assert.ok(r.sha);
      assert.equal(r.range, 'hello');
      assert.deepEqual(r.prefixes, ['dir/']);
      // Asked for explicitly, EncodingType=url reaches the caller encoded (space as +, as AWS answers).
      assert.deepEqual(r.inner, ['dir/k+1%2B%C3%BC']);
      assert.equal(r.multi, true);
      assert.match(r.etag as string, /-\d+"$/);
      assert.deepEqual(r.err, ['NoSuchKey', 404]);
      assert.equal(r.loc, null);
    });
  }
});

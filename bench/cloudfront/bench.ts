/**
 * CloudFront edge throughput on a `stratus start` process: requests/s and latency at 8 and 50
 * connections for a cache hit, a miss to an S3 origin (a CachingDisabled behavior), and a hit behind
 * a viewer-request CloudFront Function; the p50 a CloudFront Function adds to a hit and a
 * Lambda@Edge viewer-request function adds to a request, and a function with a KeyValueStore lookup
 * (kvs.get), at one connection; the server's RSS after
 * each row.
 *
 *   npm run build && node dist/bench/cloudfront/bench.js [seconds per row]
 */
import { readFileSync } from 'node:fs';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import { CreateFunctionCommand, LambdaClient, PublishVersionCommand, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import '@aws-sdk/signature-v4a';
import { Agent, type AgentOptions } from 'node:http';
import * as KVS from '@aws-sdk/client-cloudfront-keyvaluestore';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createZip } from '../../src/runtime/zip.js';
import { clientConfig, spawnServer } from '../../test/helpers/server.js';
import { row, runLoad, type LoadResult } from '../lib/load.js';

const seconds = Number(process.argv[2] ?? 5);
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const server = await spawnServer(['--ephemeral']);
const pid = server.process.pid!;
try {
  const cf = new CF.CloudFrontClient(clientConfig(server.endpoint));
  const s3 = new S3.S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });
  await s3.send(new S3.CreateBucketCommand({ Bucket: 'bench-site' }));
  const body = 'x'.repeat(4096);
  for (const key of ['index.html', 'nocache/index.html', 'fn/index.html', 'edge/index.html', 'kvs/index.html']) await s3.send(new S3.PutObjectCommand({ Bucket: 'bench-site', Key: key, Body: body, ContentType: 'text/html' }));
  const fn = await cf.send(
    new CF.CreateFunctionCommand({
      Name: 'bench-rewrite',
      FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' },
      FunctionCode: Buffer.from("function handler(event) { var r = event.request; if (r.uri.endsWith('/')) r.uri += 'index.html'; return r; }"),
    }),
  );
  const arn = (await cf.send(new CF.PublishFunctionCommand({ Name: 'bench-rewrite', IfMatch: fn.ETag }))).FunctionSummary!.FunctionMetadata!.FunctionARN!;
  // A function that looks its path up in a KeyValueStore (the key set through the data API).
  const store = (await cf.send(new CF.CreateKeyValueStoreCommand({ Name: 'bench-kvs' }))).KeyValueStore!.ARN!;
  const lookup = ((_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) => (o?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4))) as unknown as AgentOptions['lookup'];
  const kvs = new KVS.CloudFrontKeyValueStoreClient({
    ...clientConfig(server.endpoint.replace('127.0.0.1', 'localhost')),
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ lookup }) }),
  });
  const kvsEtag = (await kvs.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: store }))).ETag!;
  await kvs.send(new KVS.PutKeyCommand({ KvsARN: store, Key: '/kvs/', Value: '/kvs/index.html', IfMatch: kvsEtag }));
  const kvsFn = await cf.send(
    new CF.CreateFunctionCommand({
      Name: 'bench-kvs',
      FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0', KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: store }] } },
      FunctionCode: Buffer.from("import cf from 'cloudfront'; const kvs = cf.kvs(); async function handler(event) { var r = event.request; r.uri = await kvs.get(r.uri); return r; }"),
    }),
  );
  const kvsArn = (await cf.send(new CF.PublishFunctionCommand({ Name: 'bench-kvs', IfMatch: kvsFn.ETag }))).FunctionSummary!.FunctionMetadata!.FunctionARN!;
  const lambda = new LambdaClient(clientConfig(server.endpoint));
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'bench-edge',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::000000000000:role/edge',
      Code: { ZipFile: createZip({ 'index.js': 'exports.handler = async (e) => e.Records[0].cf.request;' }) },
    }),
  );
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'bench-edge' });
  const edgeArn = (await lambda.send(new PublishVersionCommand({ FunctionName: 'bench-edge' }))).FunctionArn!;
  const d = await cf.send(
    new CF.CreateDistributionCommand({
      DistributionConfig: {
        CallerReference: 'bench',
        Comment: '',
        Enabled: true,
        Origins: { Quantity: 1, Items: [{ Id: 's3', DomainName: 'bench-site.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
        DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: CACHING_OPTIMIZED },
        CacheBehaviors: {
          Quantity: 4,
          Items: [
            {
              PathPattern: '/kvs/*',
              TargetOriginId: 's3',
              ViewerProtocolPolicy: 'allow-all',
              CachePolicyId: CACHING_OPTIMIZED,
              FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: kvsArn }] },
            },
            {
              PathPattern: '/edge/*',
              TargetOriginId: 's3',
              ViewerProtocolPolicy: 'allow-all',
              CachePolicyId: CACHING_OPTIMIZED,
              LambdaFunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', LambdaFunctionARN: edgeArn }] },
            },
            { PathPattern: '/nocache/*', TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: CACHING_DISABLED },
            {
              PathPattern: '/fn/*',
              TargetOriginId: 's3',
              ViewerProtocolPolicy: 'allow-all',
              CachePolicyId: CACHING_OPTIMIZED,
              FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: arn }] },
            },
          ],
        },
      },
    }),
  );
  const host = `${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost:${new URL(server.endpoint).port}`;
  const load = (path: string, connections: number): Promise<LoadResult> =>
    runLoad({ endpoint: server.endpoint, connections, durationMs: seconds * 1000, pool: 1, request: () => ({ method: 'GET', path, headers: { host } }), cpuPids: [pid] });

  console.log(`CloudFront edge, ${seconds} s per row, 4 KiB objects, server pid ${pid}`);
  const rows: [string, string][] = [
    ['cache hit', '/index.html'],
    ['miss to S3 (CachingDisabled)', '/nocache/index.html'],
    ['hit behind a viewer-request function', '/fn/'],
  ];
  for (const connections of [8, 50]) {
    for (const [name, path] of rows) {
      const r = await load(path, connections);
      console.log(`${row(`${name}, ${connections} conns`, r)}   ${r.cpuUsPerRequest?.toFixed(0)} us CPU/req   RSS ${rssMb(pid).toFixed(0)} MB`);
    }
  }
  const plain = await load('/index.html', 1);
  const withFn = await load('/fn/', 1);
  console.log(`function added latency at 1 connection: p50 ${((withFn.p50ms - plain.p50ms) * 1000).toFixed(0)} us (hit ${plain.p50ms.toFixed(3)} ms, with function ${withFn.p50ms.toFixed(3)} ms)`);
  const withKvs = await load('/kvs/', 1);
  console.log(`function with a KeyValueStore lookup, added latency at 1 connection: p50 ${((withKvs.p50ms - plain.p50ms) * 1000).toFixed(0)} us (${withKvs.p50ms.toFixed(3)} ms)`);
  const withLambda = await load('/edge/index.html', 1);
  console.log(`Lambda@Edge viewer-request added latency at 1 connection: p50 ${((withLambda.p50ms - plain.p50ms) * 1000).toFixed(0)} us (with Lambda@Edge ${withLambda.p50ms.toFixed(3)} ms)`);
  lambda.destroy();
  kvs.destroy();
  cf.destroy();
  s3.destroy();
} finally {
  await server.stop();
}

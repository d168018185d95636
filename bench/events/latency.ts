/**
 * Event-source mappings, end to end, in one in-process server:
 * - latency: from just before a SendMessage (SQS), PutItem (DynamoDB Streams) or PutRecord (Kinesis) to the first line of
 *   a warm function's handler (its wall clock, performance.timeOrigin + now(), minus the time the
 *   sender put in the record), one record at a time, p50/p99;
 * - throughput: records per second through each mapping, from the first send to the last record
 *   handled (SendMessageBatch x10 / BatchWriteItem x25 / PutRecords x100 from 8 concurrent senders;
 *   BatchSize 10 for SQS, 100 for the streams; the Kinesis stream has 4 shards).
 *   npm run bench:events [samples] [records]
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateStreamCommand, KinesisClient, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { definition as kinesisService } from '../../src/services/kinesis/index.js';
import { defaultConfig } from '../../src/core/config.js';
import { createZip } from '../../src/runtime/zip.js';
import { startStratus } from '../../src/server/server.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { definition as streams } from '../../src/services/dynamodbstreams/index.js';
import { definition as lambdaService } from '../../src/services/lambda/index.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { definition as sts } from '../../src/services/sts/index.js';

const samples = Number(process.argv[2] ?? 200);
const records = Number(process.argv[3] ?? 5000);
const stratus = await startStratus(
  { ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false, services: { lambda: { idleTimeoutSeconds: 600 } } },
  { services: [lambdaService, logsService, sts, sqsService, dynamodb, streams, kinesisService] },
);
const config = { endpoint: stratus.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
const lambda = new LambdaClient(config);
const sqs = new SQSClient(config);
const ddb = new DynamoDBClient(config);
const logs = new CloudWatchLogsClient(config);
const kinesis = new KinesisClient(config);
const now = (): number => performance.timeOrigin + performance.now();

const HANDLER = `exports.handler = async (e) => {
  const start = performance.timeOrigin + performance.now();
  const r = e.Records[0];
  const sent = Number(r.body ?? r.dynamodb?.NewImage?.t?.S ?? (r.kinesis && Buffer.from(r.kinesis.data, 'base64').toString()));
  if (e.Records.length === 1 && sent > 0) console.log('esmlat', JSON.stringify(start - sent));
  console.log('esmcount', JSON.stringify(e.Records.length));
};`;

async function fn(name: string): Promise<void> {
  await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: createZip({ 'index.js': HANDLER }) } }));
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: name });
  await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"Records":[{}]}') })); // warm
}

async function lines(name: string, tag: string): Promise<number[]> {
  const out: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${name}`, filterPattern: `"${tag}"`, nextToken }));
    for (const e of page.events ?? []) {
      const m = new RegExp(`${tag} (\\S+)`).exec(e.message!);
      if (m) out.push(Number(m[1]));
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function handled(name: string, total: number): Promise<void> {
  for (;;) {
    const n = (await lines(name, 'esmcount')).reduce((a, b) => a + b, 0);
    if (n >= total) return;
    await sleep(20);
  }
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function latency(name: string, send: (t0: number) => Promise<unknown>): Promise<string> {
  // The request's own round trip, for reference: the function often starts before it returns.
  const trips: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = now();
    await send(t0);
    trips.push(now() - t0);
    await sleep(10);
  }
  let values: number[] = [];
  for (let i = 0; i < 200 && values.length < samples; i++) {
    values = await lines(name, 'esmlat');
    await sleep(50);
  }
  return `p50 ${pct(values, 50).toFixed(2)} ms  p99 ${pct(values, 99).toFixed(2)} ms  (${values.length} samples; the request's own round trip p50 ${pct(trips, 50).toFixed(2)} ms)`;
}

async function throughput(name: string, before: number, sendAll: () => Promise<void>): Promise<string> {
  const t0 = now();
  await sendAll();
  await handled(name, before + records);
  const seconds = (now() - t0) / 1000;
  return `${Math.round(records / seconds)} records/s (${records} in ${seconds.toFixed(2)} s)`;
}

async function parallel(workers: number, total: number, chunk: number, send: (from: number, n: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) {
        const from = next;
        next += chunk;
        await send(from, Math.min(chunk, total - from));
      }
    }),
  );
}

// SQS -> Lambda
await fn('bench-sqs');
const url = (await sqs.send(new CreateQueueCommand({ QueueName: 'bench-events' }))).QueueUrl!;
await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'bench-sqs', EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:bench-events', BatchSize: 10 }));
await sleep(200);
const sqsLatency = await latency('bench-sqs', (t0) => sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: String(t0) })));
await handled('bench-sqs', samples);
const sqsRate = await throughput('bench-sqs', samples, () =>
  parallel(8, records, 10, (from, n) => sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, MessageBody: `x${from + i}` })) })).then(() => undefined)),
);

// DynamoDB Streams -> Lambda
await fn('bench-ddb');
const table = await ddb.send(
  new CreateTableCommand({
    TableName: 'bench-events',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  }),
);
await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'bench-ddb', EventSourceArn: table.TableDescription!.LatestStreamArn!, StartingPosition: 'LATEST', BatchSize: 100 }));
await sleep(200);
let k = 0;
const ddbLatency = await latency('bench-ddb', (t0) => ddb.send(new PutItemCommand({ TableName: 'bench-events', Item: { id: { S: `l${k++}` }, t: { S: String(t0) } } })));
await handled('bench-ddb', samples);
const ddbRate = await throughput('bench-ddb', samples, () =>
  parallel(8, records, 25, (from, n) =>
    ddb.send(new BatchWriteItemCommand({ RequestItems: { 'bench-events': Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { id: { S: `b${from + i}` } } } })) } })).then(() => undefined),
  ),
);

// Kinesis -> Lambda
await fn('bench-kinesis');
await kinesis.send(new CreateStreamCommand({ StreamName: 'bench-events', ShardCount: 4 }));
await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'bench-kinesis', EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/bench-events', StartingPosition: 'LATEST', BatchSize: 100 }));
await sleep(200);
let pk = 0;
const kinesisLatency = await latency('bench-kinesis', (t0) => kinesis.send(new PutRecordCommand({ StreamName: 'bench-events', PartitionKey: `l${pk++}`, Data: Buffer.from(String(t0)) })));
await handled('bench-kinesis', samples);
const kinesisRate = await throughput('bench-kinesis', samples, () =>
  parallel(8, records, 100, (from, n) =>
    kinesis.send(new PutRecordsCommand({ StreamName: 'bench-events', Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `b${from + i}`, Data: Buffer.from(`x${from + i}`) })) })).then(() => undefined),
  ),
);

console.log('event-source mappings, warm function, in-process server');
console.log(`SQS SendMessage -> function start       ${sqsLatency}`);
console.log(`DynamoDB PutItem -> function start      ${ddbLatency}`);
console.log(`SQS -> Lambda throughput                ${sqsRate}`);
console.log(`DynamoDB Streams -> Lambda throughput   ${ddbRate}`);
console.log(`Kinesis PutRecord -> function start     ${kinesisLatency}`);
console.log(`Kinesis -> Lambda throughput            ${kinesisRate}`);
for (const c of [lambda, sqs, ddb, logs, kinesis]) c.destroy();
await stratus.close();

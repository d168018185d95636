/**
 * SQS throughput and long-poll latency, next to a bare Node HTTP floor measured in the same run:
 * - send: SendMessage and SendMessageBatch (10) at 1 and 16 connections (closed loop, bench/lib/load.ts);
 * - cycle: SendMessageBatch(10) + ReceiveMessage(10) + DeleteMessageBatch per loop, 1 and 16 workers,
 *   and the single-message cycle SendMessage + ReceiveMessage + DeleteMessage;
 * - long-poll wake-up: a ReceiveMessage waiting (WaitTimeSeconds 20) and a SendMessage; the time from
 *   the send's answer to the receive's answer, p50/p99.
 * Requests are unsigned awsJson1.0 (the server parses, does not verify, signatures unless auth is strict).
 * The cycle and long-poll rows read responses through Node's http client in this same process, whose
 * own CPU is part of what they measure (the send rows use the raw generator of bench/lib/load.ts).
 *   npm run bench:sqs [seconds]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultConfig } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import { definition } from '../../src/services/sqs/index.js';
import { row, runLoad } from '../lib/load.js';

const seconds = Number(process.argv[2] ?? 5);
const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false }, { services: [definition] });
const url = new URL(stratus.endpoint);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, noDelay: true } as http.AgentOptions);

function call(target: string, body: unknown): Promise<any> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: '/', method: 'POST', agent, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${target}`, 'content-length': Buffer.byteLength(data) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${target}: ${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : {});
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const queue = async (name: string): Promise<string> => (await call('CreateQueue', { QueueName: name })).QueueUrl as string;
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, MessageBody: `message body ${i} ${'x'.repeat(100)}` }));

// The floor: a bare Node server answering a SendMessage-sized response.
const reply = JSON.stringify({ MD5OfMessageBody: '0'.repeat(32), MessageId: '00000000-0000-0000-0000-000000000000' });
const bare = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

console.log(`SQS bench, ${seconds} s per row, in-process server (SQLite, ephemeral data directory)`);
const sendQueue = await queue('bench-send');
const sendOne = JSON.stringify({ QueueUrl: sendQueue, MessageBody: `message body ${'x'.repeat(100)}` });
const sendTen = JSON.stringify({ QueueUrl: sendQueue, Entries: entries(10) });
const req = (target: string, body: string) => () => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${target}` }, body });
for (const connections of [1, 16]) {
  const floor = await runLoad({ endpoint: bareUrl, connections, durationMs: seconds * 1000, request: req('SendMessage', sendOne) });
  console.log(row(`bare node http (floor) c=${connections}`, floor));
  const one = await runLoad({ endpoint: stratus.endpoint, connections, durationMs: seconds * 1000, request: req('SendMessage', sendOne) });
  console.log(`${row(`SendMessage c=${connections}`, one)}   ${Math.round(one.rps)} msgs/s`);
  const ten = await runLoad({ endpoint: stratus.endpoint, connections, durationMs: seconds * 1000, request: req('SendMessageBatch', sendTen) });
  console.log(`${row(`SendMessageBatch(10) c=${connections}`, ten)}   ${Math.round(ten.rps * 10)} msgs/s`);
}
await call('PurgeQueue', { QueueUrl: sendQueue });

/** Workers looping send, receive, delete; messages deleted per second. */
async function cycle(workers: number, batch: number): Promise<number> {
  const q = await queue(`bench-cycle-${workers}-${batch}`);
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) {
        if (batch === 1) await call('SendMessage', { QueueUrl: q, MessageBody: `message body ${'x'.repeat(100)}` });
        else await call('SendMessageBatch', { QueueUrl: q, Entries: entries(batch) });
        const r = await call('ReceiveMessage', { QueueUrl: q, MaxNumberOfMessages: batch });
        const msgs = (r.Messages ?? []) as { ReceiptHandle: string }[];
        if (msgs.length === 0) continue;
        if (batch === 1) await call('DeleteMessage', { QueueUrl: q, ReceiptHandle: msgs[0]!.ReceiptHandle });
        else await call('DeleteMessageBatch', { QueueUrl: q, Entries: msgs.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) });
        done += msgs.length;
      }
    }),
  );
  return done / seconds;
}
for (const workers of [1, 16]) {
  console.log(`cycle SendMessageBatch+ReceiveMessage+DeleteMessageBatch (10) c=${workers}`.padEnd(64), `${Math.round(await cycle(workers, 10))} msgs/s`);
  console.log(`cycle SendMessage+ReceiveMessage+DeleteMessage (1) c=${workers}`.padEnd(64), `${Math.round(await cycle(workers, 1))} msgs/s`);
}

// Long-poll wake-up: from the send's answer to the waiting receive's answer.
const lp = await queue('bench-longpoll');
const lat: number[] = [];
for (let i = 0; i < 300; i++) {
  let received = 0n;
  const waiting = call('ReceiveMessage', { QueueUrl: lp, WaitTimeSeconds: 20 }).then((r) => {
    received = process.hrtime.bigint();
    return r;
  });
  await new Promise((r) => setTimeout(r, 2));
  await call('SendMessage', { QueueUrl: lp, MessageBody: 'wake' });
  const sent = process.hrtime.bigint();
  const r = await waiting;
  await call('DeleteMessage', { QueueUrl: lp, ReceiptHandle: r.Messages[0].ReceiptHandle });
  lat.push(Math.max(0, Number(received - sent)) / 1e6);
}
lat.sort((a, b) => a - b);
console.log('long-poll wake-up after SendMessage answered'.padEnd(64), `p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(2)} ms  p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(2)} ms`);

agent.destroy();
bare.close();
await stratus.close();

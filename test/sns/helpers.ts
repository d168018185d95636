import { request } from 'node:http';
import { SNSClient } from '@aws-sdk/client-sns';
import { DeleteMessageBatchCommand, SQSClient, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { definition as sns } from '../../src/services/sns/index.js';
import { definition as sqs } from '../../src/services/sqs/index.js';
import { clientConfig, startServer, type StartServerOptions, type TestServer } from '../helpers/server.js';

export { failure } from '../sqs/helpers.js';

export interface SnsTestContext {
  server: TestServer;
  sns: SNSClient;
  sqs: SQSClient;
}

/** A server with SNS and SQS (and any other services given), with SDK clients for both. */
export async function snsServer(options: StartServerOptions = {}): Promise<SnsTestContext> {
  const server = await startServer({ ...options, services: [sns, sqs, ...(options.services ?? [])] });
  return { server, sns: new SNSClient(clientConfig(server.endpoint)), sqs: new SQSClient(clientConfig(server.endpoint)) };
}

/** Receives (and deletes) from a queue until `count` messages came (or `tries` polls), with their attributes. */
export async function receive(sqs: SQSClient, QueueUrl: string, count: number, tries = 50): Promise<Message[]> {
  const out: Message[] = [];
  for (let i = 0; out.length < count && i < tries; i++) {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
    const got = r.Messages ?? [];
    out.push(...got);
    if (got.length > 0) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: got.map((m, j) => ({ Id: `d${j}`, ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return out;
}

/** GET a URL that names a `*.localhost` host (which this machine may not resolve): sent to 127.0.0.1 with its Host header. */
export function getVia127(url: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path: `${u.pathname}${u.search}`, method: 'GET', headers: { host: u.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls until `check` returns a value (real time, for work that runs in the background). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

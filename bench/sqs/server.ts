/**
 * Starts Stratus with SQS alone, in its own process, so that the load generator does not share the
 * server's event loop and the server's CPU time per request can be read from /proc. Prints
 * "ready at <endpoint>". SQS_DIST names another build's dist directory to serve instead of this one
 * (A/B comparisons against a previous build in the same run). DATA_DIR: a durable data directory
 * (synchronous=NORMAL, as a real server); absent, an ephemeral one. SQS_BARE=1: the floor instead,
 * a bare Node http server answering a SendMessage-sized response.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let close: () => Promise<void>;
if (process.env.SQS_BARE === '1') {
  const reply = JSON.stringify({ MD5OfMessageBody: '0'.repeat(32), MessageId: '00000000-0000-0000-0000-000000000000' });
  const bare = http.createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  process.stdout.write(`ready at http://127.0.0.1:${(bare.address() as AddressInfo).port}\n`);
  close = () => new Promise((r) => bare.close(() => r()));
} else {
  const dist = process.env.SQS_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '../..');
  const load = async (path: string): Promise<any> => import(pathToFileURL(join(dist, path)).href);
  const { defaultConfig } = await load('src/core/config.js');
  const { startStratus } = await load('src/server/server.js');
  const { definition } = await load('src/services/sqs/index.js');
  const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: process.env.DATA_DIR, logRequests: false }, { services: [definition] });
  process.stdout.write(`ready at ${stratus.endpoint}\n`);
  close = () => stratus.close();
}
const stop = (): void => {
  void close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

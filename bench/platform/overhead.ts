/**
 * The platform's per-request cost: a signed awsJson request through Stratus's whole path (SigV4 parse,
 * routing, model-driven parsing and validation, a trivial provider, serialization) against the floor
 * of a bare Node HTTP server answering the same bytes, with the same load generator in the same run.
 * Besides throughput, each row gives the CPU time per request of this process (server and load
 * generator together): on a shared machine it moves less than req/s, so compare it between rows.
 *   npm run build && node dist/bench/platform/overhead.js [seconds]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultConfig } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { row, runLoad } from '../lib/load.js';

const seconds = Number(process.argv[2] ?? 5);
const output = { executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e', status: 'RUNNING', stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m' };
const body = JSON.stringify({ executionArn: output.executionArn });
const request = () => ({
  method: 'POST',
  path: '/',
  headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.DescribeExecution' },
  body,
});
const sign = { service: 'states', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };

const echo: ServiceDefinition = {
  name: 'stepfunctions',
  create: async () => ({ DescribeExecution: async () => ({ ...output, startDate: new Date(0) }) }),
};

const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false }, { services: [echo] });
const reply = JSON.stringify({ ...output, startDate: 0 });
const bare = http.createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(reply) });
    res.end(reply);
  });
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

console.log(`platform overhead, ${seconds} s per row, signed awsJson1.0 requests`);
for (const connections of [1, 8, 32]) {
  for (const [name, endpoint] of [['bare node http (floor)', bareUrl], ['stratus DescribeExecution (echo)', stratus.endpoint]] as const) {
    await runLoad({ endpoint, connections, durationMs: 500, request, sign }); // warm-up
    const r = await runLoad({ endpoint, connections, durationMs: seconds * 1000, request, sign, cpuPids: [process.pid] });
    console.log(`${row(`${name} c=${connections}`, r)}   cpu ${r.cpuUsPerRequest!.toFixed(1).padStart(5)} us/req`);
  }
}
await stratus.close();
bare.close();

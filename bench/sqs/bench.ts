/**
 * SQS throughput and long-poll latency, next to a bare Node HTTP floor measured in the same run.
 * Every server runs in its own process (bench/sqs/server.ts) and its CPU time (user + system, from
 * /proc) is reported per request or per message: on a machine shared with other work, CPU per
 * message is the figure that compares builds; msgs/s moves with the machine's load.
 * - floor: a bare Node http server answering a SendMessage-sized response;
 * - send: SendMessage and SendMessageBatch (10) at 1 and 16 connections (bench/lib/load.ts);
 * - lockstep cycle: workers each looping SendMessageBatch(10) -> ReceiveMessage(10) ->
 *   DeleteMessageBatch on one connection, 1 and 16 workers; and the single-message cycle;
 * - pipelined cycle: producers sending batches while consumers receive and delete (each consumer's
 *   delete overlapping its next receive), 16 connections in all; messages deleted per second;
 * - long-poll wake-up: a ReceiveMessage waiting (WaitTimeSeconds 20), then a SendMessage; from the
 *   send's answer to the receive's answer, p50/p99.
 * Requests are unsigned awsJson1.0 over raw keep-alive sockets (the server accepts open auth).
 *   npm run bench:sqs -- [seconds] [--base <another build's dist>] [--data-dir <dir>]
 * --base serves the same rows from a previous build too, alternating A and B per row.
 * --data-dir: a durable data directory (synchronous=NORMAL) instead of an ephemeral one.
 * --only <words,...>: the rows whose kind contains one of them (floor, send, lockstep, single, pipelined, longpoll).
 * --cpu-prof <dir>: this build's server writes a V8 CPU profile there when it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row, runLoad, type LoadResult } from '../lib/load.js';
import { RawConn, receiptHandles, sqsRequest } from './raw.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const baseDist = flag('--base');
const dataDirFlag = flag('--data-dir');
const only = flag('--only');
const profDir = flag('--cpu-prof');
const seconds = Number(args[0] ?? 5);
const here = fileURLToPath(new URL('.', import.meta.url));

interface Server {
  name: string;
  endpoint: string;
  host: string;
  port: number;
  pid: number;
  child: ChildProcess;
  dataDir?: string;
}

async function startServer(name: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, join(here, 'server.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${name} server exited (${code})`)));
  });
  const url = new URL(endpoint);
  return { name, endpoint, host: url.host, port: Number(url.port), pid: child.pid!, child, dataDir: env.DATA_DIR };
}

function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000; // utime + stime, in 10 ms ticks
}

const json = (s: Server, target: string, body: unknown): Buffer => sqsRequest(s.host, target, JSON.stringify(body));

async function call(s: Server, target: string, body: unknown): Promise<any> {
  const c = new RawConn('127.0.0.1', s.port);
  await c.ready;
  const r = await c.request(json(s, target, body));
  c.close();
  if (r.status !== 200) throw new Error(`${target}: ${r.status} ${r.body.toString()}`);
  return r.body.length ? JSON.parse(r.body.toString()) : {};
}

let queues = 0;
const newQueue = async (s: Server): Promise<string> => (await call(s, 'CreateQueue', { QueueName: `bench-${queues++}` })).QueueUrl as string;
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Id: `e${i}`, MessageBody: `message body ${i} ${'x'.repeat(100)}` }));
const sendBody = (q: string, n: number) => (n === 1 ? { QueueUrl: q, MessageBody: `message body ${'x'.repeat(100)}` } : { QueueUrl: q, Entries: entries(n) });
const deleteBody = (q: string, handles: string[]) => ({ QueueUrl: q, Entries: handles.map((h, i) => ({ Id: `d${i}`, ReceiptHandle: h })) });

function check(target: string, r: { status: number; body: Buffer }): void {
  if (r.status !== 200) throw new Error(`${target}: ${r.status} ${r.body.toString()}`);
}

interface CycleResult {
  msgsPerSec: number;
  cpuUsPerMsg: number;
}

/** Workers each looping send -> receive -> delete on one connection. */
async function lockstep(s: Server, workers: number, batch: number): Promise<CycleResult> {
  const q = await newQueue(s);
  const send = json(s, batch === 1 ? 'SendMessage' : 'SendMessageBatch', sendBody(q, batch));
  const receive = json(s, 'ReceiveMessage', { QueueUrl: q, MaxNumberOfMessages: batch });
  const conns = Array.from({ length: workers }, () => new RawConn('127.0.0.1', s.port));
  await Promise.all(conns.map((c) => c.ready));
  let done = 0;
  const cpu0 = cpuUs(s.pid);
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    conns.map(async (c) => {
      while (performance.now() < until) {
        check('send', await c.request(send));
        const r = await c.request(receive);
        check('receive', r);
        const handles = receiptHandles(r.body);
        if (handles.length === 0) continue;
        const del = batch === 1 ? json(s, 'DeleteMessage', { QueueUrl: q, ReceiptHandle: handles[0] }) : json(s, 'DeleteMessageBatch', deleteBody(q, handles));
        check('delete', await c.request(del));
        done += handles.length;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuUs(s.pid) - cpu0;
  for (const c of conns) c.close();
  return { msgsPerSec: done / elapsed, cpuUsPerMsg: cpu / Math.max(1, done) };
}

/**
 * Producers send batches of 10 while consumers receive 10 and delete them, a consumer's delete
 * overlapping its next receive; the backlog is held under a bound so that the queue stays small.
 */
async function pipelined(s: Server, producers: number, consumers: number): Promise<CycleResult> {
  const q = await newQueue(s);
  const send = json(s, 'SendMessageBatch', sendBody(q, 10));
  const receive = json(s, 'ReceiveMessage', { QueueUrl: q, MaxNumberOfMessages: 10 });
  const open = async (n: number): Promise<RawConn[]> => {
    const cs = Array.from({ length: n }, () => new RawConn('127.0.0.1', s.port));
    await Promise.all(cs.map((c) => c.ready));
    return cs;
  };
  const prod = await open(producers);
  const recv = await open(consumers);
  const dels = await open(consumers);
  let sent = 0;
  let deleted = 0;
  const backlog = 2000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const cpu0 = cpuUs(s.pid);
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all([
    ...prod.map(async (c) => {
      while (performance.now() < until) {
        if (sent - deleted > backlog) {
          await sleep(1);
          continue;
        }
        check('send', await c.request(send));
        sent += 10;
      }
    }),
    ...recv.map(async (c, i) => {
      let pending: Promise<void> = Promise.resolve();
      while (performance.now() < until) {
        const r = await c.request(receive);
        check('receive', r);
        const handles = receiptHandles(r.body);
        if (handles.length === 0) continue;
        await pending;
        pending = dels[i]!.request(json(s, 'DeleteMessageBatch', deleteBody(q, handles))).then((d) => {
          check('delete', d);
          deleted += handles.length;
        });
      }
      await pending;
    }),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuUs(s.pid) - cpu0;
  for (const c of [...prod, ...recv, ...dels]) c.close();
  return { msgsPerSec: deleted / elapsed, cpuUsPerMsg: cpu / Math.max(1, deleted) };
}

const servers: Server[] = [];
const temp: string[] = [];
const dataDir = (): Record<string, string> => {
  if (!dataDirFlag) return {};
  const d = mkdtempSync(join(dataDirFlag, 'sqs-bench-'));
  temp.push(d);
  return { DATA_DIR: d };
};
const bare = await startServer('bare', { SQS_BARE: '1' });
const current = await startServer('this build', dataDir(), profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
servers.push(current);
if (baseDist) servers.push(await startServer('base', { SQS_DIST: baseDist, ...dataDir() }));

const label = (s: Server): string => (servers.length > 1 ? ` [${s.name}]` : '');
const cycleLine = (name: string, r: CycleResult): string =>
  `${name.padEnd(70)} ${Math.round(r.msgsPerSec).toString().padStart(7)} msgs/s   server CPU ${r.cpuUsPerMsg.toFixed(1).padStart(6)} µs/msg`;
const loadLine = (name: string, r: LoadResult, perReq: number): string =>
  `${row(name, r)}   ${Math.round(r.rps * perReq)} msgs/s   server CPU ${(r.cpuUsPerRequest! / perReq).toFixed(1)} µs/msg`;
const want = (name: string): boolean => !only || only.split(',').some((w) => name.includes(w));

console.log(`SQS bench, ${seconds} s per row, servers in their own processes (SQLite, ${dataDirFlag ? 'durable data directory, synchronous=NORMAL' : 'ephemeral data directory'})`);
const reqOf = (target: string, body: string) => () => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonSQS.${target}` }, body });
for (const connections of [1, 16]) {
  if (want('floor')) {
    const floor = await runLoad({ endpoint: bare.endpoint, connections, durationMs: seconds * 1000, request: reqOf('SendMessage', '{}'), cpuPids: [bare.pid] });
    console.log(`${row(`bare node http (floor) c=${connections}`, floor)}   server CPU ${floor.cpuUsPerRequest!.toFixed(1)} µs/req`);
  }
  for (const s of servers) {
    if (!want('send')) continue;
    const q = await newQueue(s);
    const one = await runLoad({ endpoint: s.endpoint, connections, durationMs: seconds * 1000, request: reqOf('SendMessage', JSON.stringify(sendBody(q, 1))), cpuPids: [s.pid] });
    console.log(loadLine(`SendMessage c=${connections}${label(s)}`, one, 1));
    const ten = await runLoad({ endpoint: s.endpoint, connections, durationMs: seconds * 1000, request: reqOf('SendMessageBatch', JSON.stringify(sendBody(q, 10))), cpuPids: [s.pid] });
    console.log(loadLine(`SendMessageBatch(10) c=${connections}${label(s)}`, ten, 10));
    await call(s, 'DeleteQueue', { QueueUrl: q });
  }
}
for (const workers of [1, 16]) {
  for (const s of servers) {
    if (want('lockstep')) console.log(cycleLine(`lockstep cycle SendMessageBatch+ReceiveMessage+DeleteMessageBatch (10) c=${workers}${label(s)}`, await lockstep(s, workers, 10)));
  }
  for (const s of servers) {
    if (want('single')) console.log(cycleLine(`lockstep cycle SendMessage+ReceiveMessage+DeleteMessage (1) c=${workers}${label(s)}`, await lockstep(s, workers, 1)));
  }
}
for (const s of servers) {
  if (want('pipelined')) console.log(cycleLine(`pipelined cycle, 4 producers + 6 consumers (16 connections)${label(s)}`, await pipelined(s, 4, 6)));
}

// Long-poll wake-up: from the send's answer to the waiting receive's answer.
for (const s of servers) {
  if (!want('longpoll')) continue;
  const lp = await newQueue(s);
  const waiter = new RawConn('127.0.0.1', s.port);
  const sender = new RawConn('127.0.0.1', s.port);
  await Promise.all([waiter.ready, sender.ready]);
  const wait = json(s, 'ReceiveMessage', { QueueUrl: lp, WaitTimeSeconds: 20 });
  const wake = json(s, 'SendMessage', { QueueUrl: lp, MessageBody: 'wake' });
  const lat: number[] = [];
  for (let i = 0; i < 300; i++) {
    let received = 0;
    const waiting = waiter.request(wait).then((r) => {
      received = performance.now();
      return r;
    });
    await new Promise((r) => setTimeout(r, 2));
    check('send', await sender.request(wake));
    const sentAt = performance.now();
    const r = await waiting;
    check('receive', r);
    check('delete', await sender.request(json(s, 'DeleteMessage', { QueueUrl: lp, ReceiptHandle: receiptHandles(r.body)[0] })));
    lat.push(Math.max(0, received - sentAt));
  }
  waiter.close();
  sender.close();
  lat.sort((a, b) => a - b);
  console.log(`long-poll wake-up after SendMessage answered${label(s)}`.padEnd(70), `p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(2)} ms  p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(2)} ms`);
}

for (const s of [bare, ...servers]) {
  s.child.kill('SIGTERM');
  await new Promise((r) => s.child.once('exit', r));
}
for (const d of temp) rmSync(d, { recursive: true, force: true });

/**
 * DynamoDB benchmark: Stratus (durable SQLite storage) against dynalite (in-memory), same
 * SigV4-signed closed-loop load generator (../lib/load.ts, raw keep-alive HTTP/1.1), 8 and 32 connections, for GetItem, PutItem,
 * Query (page of 100) and BatchWriteItem (25 items). Then loads BENCH_LOAD_MB (default 500) MB
 * into one Stratus table and reports the server's resident memory.
 *
 *   npm run build && node dist/bench/dynamodb/run.js
 *   BENCH_SECONDS=1.5 BENCH_ROUNDS=3 BENCH_LOAD_MB=500 BENCH_OPS=GetItem,PutItem node dist/bench/dynamodb/run.js
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DYNAMODB_TEST_SIGNER, runLoad, signedJsonHeaders, type LoadResult } from '../lib/load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
/** Rounds per figure, alternating the two servers so that load from other processes hits both alike; the median round is reported. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LOAD_MB = Number(process.env.BENCH_LOAD_MB ?? 500);
/** Comma-separated operation names to run (default: all), e.g. BENCH_OPS=GetItem,PutItem. */
const OPS = process.env.BENCH_OPS?.split(',');
const SERVERS = join(dirname(fileURLToPath(import.meta.url)), 'servers.js');
const TABLE = 'bench';
const KEYS = 10_000;

interface Server {
  name: string;
  endpoint: string;
  child: ChildProcess;
}

async function startServer(name: string, args: string[]): Promise<Server> {
  const child = spawn(process.execPath, [SERVERS, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${out}`)));
  });
  return { name, endpoint, child };
}

async function call(endpoint: string, op: string, body: unknown): Promise<any> {
  const text = JSON.stringify(body);
  const res = await fetch(endpoint, { method: 'POST', headers: signedJsonHeaders(DYNAMODB_TEST_SIGNER, new URL(endpoint).host, `DynamoDB_20120810.${op}`, text), body: text });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${op}: ${JSON.stringify(json)}`);
  return json;
}

function item(i: number): Record<string, unknown> {
  return {
    pk: { S: `user#${i % KEYS}` },
    sk: { N: String(i) },
    name: { S: `name-${i}` },
    email: { S: `user${i}@example.com` },
    score: { N: String((i * 7919) % 100000) },
    tags: { SS: ['a', 'b', 'c'] },
    profile: { M: { city: { S: 'Paris' }, age: { N: '42' }, active: { BOOL: true } } },
  };
}

async function prepare(endpoint: string): Promise<void> {
  await call(endpoint, 'CreateTable', {
    TableName: TABLE,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  });
  for (;;) {
    const d = await call(endpoint, 'DescribeTable', { TableName: TABLE });
    if (d.Table.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  // 1,000 keys with one item each (GetItem targets) and one partition of 1,000 items (Query).
  const puts: Record<string, unknown>[] = [];
  for (let i = 0; i < 1000; i++) puts.push(item(i));
  for (let i = 0; i < 1000; i++) puts.push({ ...item(i), pk: { S: 'hot' }, sk: { N: String(i) } });
  for (let i = 0; i < puts.length; i += 25) {
    await call(endpoint, 'BatchWriteItem', { RequestItems: { [TABLE]: puts.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } });
  }
}

type Scenario = { name: string; request: (i: number) => { op: string; body: string } };
const scenarios: Scenario[] = [
  { name: 'GetItem', request: (i) => ({ op: 'GetItem', body: JSON.stringify({ TableName: TABLE, Key: { pk: { S: `user#${i % 1000}` }, sk: { N: String(i % 1000) } } }) }) },
  { name: 'PutItem', request: (i) => ({ op: 'PutItem', body: JSON.stringify({ TableName: TABLE, Item: item(100_000 + i) }) }) },
  {
    name: 'Query (page of 100)',
    request: (i) => ({
      op: 'Query',
      body: JSON.stringify({ TableName: TABLE, KeyConditionExpression: 'pk = :p AND sk >= :s', ExpressionAttributeValues: { ':p': { S: 'hot' }, ':s': { N: String((i * 37) % 900) } }, Limit: 100 }),
    }),
  },
  {
    name: 'BatchWriteItem (25 items)',
    request: (i) => ({
      op: 'BatchWriteItem',
      body: JSON.stringify({ RequestItems: { [TABLE]: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: item(1_000_000 + i * 25 + j) } })) } }),
    }),
  },
];

async function measure(server: Server, s: Scenario, connections: number): Promise<LoadResult> {
  return runLoad({
    endpoint: server.endpoint,
    connections,
    cpuPids: [server.child.pid!],
    durationMs: SECONDS * 1000,
    sign: DYNAMODB_TEST_SIGNER,
    request: (i) => {
      const r = s.request(i);
      return { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${r.op}` }, body: r.body };
    },
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const fmt = (r: LoadResult): string =>
  `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50ms.toFixed(2).padStart(6)} ms  p99 ${r.p99ms.toFixed(2).padStart(7)} ms  cpu ${r.cpuUsPerRequest!.toFixed(0).padStart(4)} us${r.errors ? `  errors ${r.errors}` : ''}`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stratus-bench-'));
  const stratus = await startServer('stratus', ['stratus', dataDir]);
  const dynalite = await startServer('dynalite', ['dynalite']);
  try {
    await prepare(stratus.endpoint);
    await prepare(dynalite.endpoint);
    console.log(
      `DynamoDB bench: median of ${ROUNDS} alternating ${SECONDS}s rounds per figure; Stratus = durable SQLite (WAL, synchronous=NORMAL), dynalite = in-memory`,
    );
    console.log('');
    console.log(`${'operation'.padEnd(28)} conns  ${'Stratus'.padEnd(58)}  ${'dynalite'.padEnd(58)}  ratio (req/s)`);
    for (const s of scenarios.filter((x) => !OPS || OPS.some((op) => x.name.startsWith(op)))) {
      for (const connections of [8, 32]) {
        const as: LoadResult[] = [];
        const bs: LoadResult[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          as.push(await measure(stratus, s, connections));
          bs.push(await measure(dynalite, s, connections));
        }
        const median = (xs: LoadResult[]): LoadResult => [...xs].sort((x, y) => x.rps - y.rps)[Math.floor(xs.length / 2)]!;
        const a = median(as);
        const b = median(bs);
        console.log(`${s.name.padEnd(28)} ${String(connections).padStart(5)}  ${fmt(a)}  ${fmt(b)}  ${(a.rps / b.rps).toFixed(2)}x`);
      }
    }
    if (LOAD_MB > 0) {
      console.log('');
      const value = 'v'.repeat(60 * 1024);
      const perBatch = 16; // ~1 MB per request
      const batches = Math.ceil((LOAD_MB * 1024 * 1024) / (perBatch * value.length));
      const t0 = performance.now();
      let peak = 0;
      const loaders = 4;
      let next = 0;
      await Promise.all(
        Array.from({ length: loaders }, async () => {
          for (let b = next++; b < batches; b = next++) {
            const reqs = Array.from({ length: perBatch }, (_, j) => ({ PutRequest: { Item: { pk: { S: `load#${b}` }, sk: { N: String(j) }, v: { S: value } } } }));
            await call(stratus.endpoint, 'BatchWriteItem', { RequestItems: { [TABLE]: reqs } });
            if (b % 50 === 0) peak = Math.max(peak, rssMb(stratus.child.pid!));
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      peak = Math.max(peak, rssMb(stratus.child.pid!));
      const d = await call(stratus.endpoint, 'DescribeTable', { TableName: TABLE });
      const q = await call(stratus.endpoint, 'Query', { TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: `load#${batches - 1}` } } });
      console.log(
        `Loaded ${(d.Table.TableSizeBytes / 1024 / 1024).toFixed(0)} MB (${d.Table.ItemCount} items) into one table in ${secs.toFixed(1)} s ` +
          `(${((batches * perBatch * value.length) / 1024 / 1024 / secs).toFixed(1)} MB/s); query after load returned ${q.Count} items`,
      );
      console.log(`Stratus RSS: peak during load ${peak.toFixed(0)} MB, after load ${rssMb(stratus.child.pid!).toFixed(0)} MB (target < 250 MB)`);
    }
  } finally {
    stratus.child.kill('SIGTERM');
    dynalite.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * Kinesis Data Streams: PutRecords then GetRecords throughput through the SDK (HTTP/1.1), Stratus
 * against kinesalite (npm) in the same run, rows alternating A B A B so that a busy machine weighs
 * on both alike. Each server runs as its own process, so its CPU time is read from /proc: records per
 * CPU-second is the figure a loaded machine disturbs least; records per second of wall clock is shown
 * beside it, with the load average.
 * - put: `records` records of 100 bytes in PutRecords calls of 500, from 8 concurrent senders, to a
 *   fresh stream of 4 shards;
 * - get: every shard read from TRIM_HORIZON with GetRecords (Limit 10000) to its end.
 * Stratus keeps its data in a data directory (durable) unless --ephemeral; kinesalite keeps it in
 * memory. kinesalite 3 is installed on demand into bench/kinesis/peer (not a dependency of Stratus).
 *   npm run build && node dist/bench/kinesis/bench.js [records] [--rounds N] [--ephemeral] [--no-peer]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ensurePeer } from '../lib/processes.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const records = Number(args.find((a, i) => /^\d+$/.test(a) && !['--rounds'].includes(args[i - 1] ?? '')) ?? 50_000);
const rounds = Number(flag('--rounds') ?? 3);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const peerDir = join(repo, 'bench/kinesis/peer');

interface Target {
  name: string;
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

interface Figures {
  put: number;
  get: number;
  /** Server CPU microseconds per record. */
  putCpu: number;
  getCpu: number;
}

/** Clock ticks (1/100 s) of user + system CPU time of a process so far. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function spawnServer(name: string, argv: string[], ready: RegExp, cleanup: () => void = () => {}): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = ready.exec(log);
      if (m) {
        ok({
          name,
          endpoint: m[1]!.replace('0.0.0.0', '127.0.0.1').replace('::', '127.0.0.1'),
          pid: child.pid!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) {
              const exited = new Promise((r) => child.once('exit', r));
              child.kill('SIGTERM');
              await exited;
            }
            cleanup();
          },
        });
      }
    });
    child.once('exit', () => fail(new Error(`${name} exited before it was ready:\n${log}`)));
  });
}

function stratus(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-kinesis-bench-'));
  const data = args.includes('--ephemeral') ? ['--ephemeral'] : ['--data-dir', dir];
  const cli = join(repo, 'dist/src/cli/main.js');
  return spawnServer('stratus', [cli, 'start', '--port', '0', '--quiet', '--services', 'kinesis', ...data], /ready at (http:\/\/\S+)/, () => rmSync(dir, { recursive: true, force: true }));
}

function kinesalite(cli: string): Promise<Target> {
  return spawnServer('kinesalite', [cli, '--port', '0', '--createStreamMs', '0', '--deleteStreamMs', '0', '--updateStreamMs', '0', '--shardLimit', '1000'], /Listening at (http:\/\/\S+)/);
}

async function run(target: Target, stream: string): Promise<Figures> {
  const k = new KinesisClient({ endpoint: target.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
  try {
    await k.send(new CreateStreamCommand({ StreamName: stream, ShardCount: 4 }));
    while ((await k.send(new DescribeStreamSummaryCommand({ StreamName: stream }))).StreamDescriptionSummary!.StreamStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 50));
    const data = Buffer.alloc(100, 120);
    let next = 0;
    const cpu0 = cpuTicks(target.pid);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < records) {
          const from = next;
          next += 500;
          const n = Math.min(500, records - from);
          const out = await k.send(new PutRecordsCommand({ StreamName: stream, Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${from + i}`, Data: data })) }));
          if (out.FailedRecordCount) throw new Error(`${target.name}: ${out.FailedRecordCount} records failed`);
        }
      }),
    );
    const put = records / ((performance.now() - t0) / 1000);
    const cpu1 = cpuTicks(target.pid);
    const t1 = performance.now();
    let read = 0;
    for (const shard of (await k.send(new ListShardsCommand({ StreamName: stream }))).Shards!) {
      let it = (await k.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      while (it) {
        const out = await k.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10_000 }));
        read += out.Records!.length;
        it = out.Records!.length > 0 ? out.NextShardIterator : undefined;
      }
    }
    if (read !== records) throw new Error(`${target.name}: read ${read} of ${records} records`);
    const get = records / ((performance.now() - t1) / 1000);
    const cpu2 = cpuTicks(target.pid);
    // Ticks are 10 ms: microseconds per record.
    return { put, get, putCpu: ((cpu1 - cpu0) * 10_000) / records, getCpu: ((cpu2 - cpu1) * 10_000) / records };
  } finally {
    k.destroy();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (f: Figures): string =>
  `PutRecords ${Math.round(f.put).toString().padStart(7)} rec/s ${f.putCpu.toFixed(1).padStart(6)} us CPU/rec   GetRecords ${Math.round(f.get).toString().padStart(7)} rec/s ${f.getCpu.toFixed(1).padStart(6)} us CPU/rec`;

const peerCli = args.includes('--no-peer') ? undefined : ensurePeer(peerDir, 'node_modules/kinesalite/cli.js', 'kinesalite@3');
const targets = [await stratus(), ...(peerCli ? [await kinesalite(peerCli)] : [])];
console.log(`Kinesis, ${records} records of 100 bytes per round, 4 shards, SDK over HTTP/1.1; node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`Stratus ${args.includes('--ephemeral') ? 'ephemeral' : 'with a data directory (durable)'}; kinesalite in memory; ${rounds} rounds, alternating`);
const results = new Map<string, Figures[]>(targets.map((t) => [t.name, []]));
try {
  for (let round = 0; round < rounds; round++) {
    // A B, then B A: neither always goes first.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const f = await run(t, `bench-${round}`);
      results.get(t.name)!.push(f);
      console.log(`round ${round + 1} ${t.name.padEnd(10)} ${fmt(f)}   load ${loadavg()[0]!.toFixed(2)}`);
    }
  }
} finally {
  for (const t of targets) await t.stop();
}
const summary = (name: string): Figures => {
  const rows = results.get(name)!;
  return { put: median(rows.map((r) => r.put)), get: median(rows.map((r) => r.get)), putCpu: median(rows.map((r) => r.putCpu)), getCpu: median(rows.map((r) => r.getCpu)) };
};
const ours = summary('stratus');
console.log(`median  stratus    ${fmt(ours)}`);
if (results.has('kinesalite')) {
  const theirs = summary('kinesalite');
  console.log(`median  kinesalite ${fmt(theirs)}`);
  console.log(
    `ratio (stratus / kinesalite): PutRecords ${(ours.put / theirs.put).toFixed(2)}x rec/s, ${(theirs.putCpu / ours.putCpu).toFixed(2)}x less CPU per record; ` +
      `GetRecords ${(ours.get / theirs.get).toFixed(2)}x rec/s, ${(theirs.getCpu / ours.getCpu).toFixed(2)}x less CPU per record`,
  );
}
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

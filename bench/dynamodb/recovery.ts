/**
 * DynamoDB backup, restore and export figures: loads BENCH_LOAD_MB (default 1024) MB into one table
 * of a Stratus process (DynamoDB and S3, durable storage), then times CreateBackup until AVAILABLE
 * with PutItem latency measured meanwhile (the copy-on-write path), RestoreTableFromBackup until
 * ACTIVE, enabling PITR, and a full export to S3 until COMPLETED, with the server's peak RSS
 * during each.
 *
 *   npm run build && node dist/bench/dynamodb/recovery.js
 *   BENCH_LOAD_MB=200 node dist/bench/dynamodb/recovery.js
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DYNAMODB_TEST_SIGNER, signedJsonHeaders, signHeaders } from '../lib/load.js';

const LOAD_MB = Number(process.env.BENCH_LOAD_MB ?? 1024);

if (process.argv[2] === 'child') {
  const { defaultConfig } = await import('../../src/core/config.js');
  const { startStratus } = await import('../../src/server/server.js');
  const { definition } = await import('../../src/services/dynamodb/index.js');
  const { definition: s3 } = await import('../../src/services/s3/index.js');
  const stratus = await startStratus(
    { ...defaultConfig(), port: 0, dataDir: process.argv[3], logRequests: false, services: { dynamodb: { throttling: false } } },
    { services: [definition, s3] },
  );
  console.log(`ready at ${stratus.endpoint}`);
  process.on('SIGTERM', () => void stratus.close().then(() => process.exit(0)));
} else {
  await main();
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stratus-bench-recovery-'));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'child', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const call = async (op: string, body: unknown): Promise<any> => {
    const text = JSON.stringify(body);
    const res = await fetch(endpoint, { method: 'POST', headers: signedJsonHeaders(DYNAMODB_TEST_SIGNER, new URL(endpoint).host, `DynamoDB_20120810.${op}`, text), body: text });
    const json = await res.json();
    if (res.status !== 200) throw new Error(`${op}: ${JSON.stringify(json)}`);
    return json;
  };
  const pid = child.pid!;
  /** Runs `fn` while sampling the server's RSS; returns seconds and the peak. */
  const phase = async (name: string, fn: () => Promise<void>): Promise<void> => {
    let peak = rssMb(pid);
    const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    const t0 = performance.now();
    try {
      await fn();
    } finally {
      clearInterval(timer);
    }
    console.log(`${name.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s   RSS peak ${peak.toFixed(0)} MB`);
  };
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) await new Promise((r) => setTimeout(r, 100));
  };
  try {
    await call('CreateTable', {
      TableName: 'bench',
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
    const host = new URL(endpoint).host;
    const signed = signHeaders({ ...DYNAMODB_TEST_SIGNER, service: 's3' }, 'PUT', '/bench-exports', { host }, Buffer.alloc(0));
    const bucket = await fetch(`${endpoint}/bench-exports`, { method: 'PUT', headers: { host, ...signed } });
    if (bucket.status !== 200) throw new Error(`CreateBucket: ${bucket.status} ${await bucket.text()}`);
    const value = 'v'.repeat(4 * 1024);
    const perBatch = 25;
    const batches = Math.ceil((LOAD_MB * 1024 * 1024) / (perBatch * value.length));
    await phase(`load ${LOAD_MB} MB (${batches * perBatch} items)`, async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let b = next++; b < batches; b = next++) {
            const reqs = Array.from({ length: perBatch }, (_, j) => ({ PutRequest: { Item: { pk: { S: `load#${b}` }, sk: { N: String(j) }, v: { S: value } } } }));
            await call('BatchWriteItem', { RequestItems: { bench: reqs } });
          }
        }),
      );
    });
    const report = (what: string, l: number[]) => {
      l.sort((a, b) => a - b);
      const pct = (p: number) => l[Math.min(l.length - 1, Math.floor(l.length * p))]!.toFixed(2);
      console.log(`  PutItem ${what}: ${l.length} writes, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`);
    };
    // The same writer without a backup, for comparison (the machine's own noise).
    const quiet: number[] = [];
    const quietEnd = performance.now() + 3000;
    for (let i = 0; performance.now() < quietEnd; i++) {
      const t = performance.now();
      await call('PutItem', { TableName: 'bench', Item: { pk: { S: `load#${i % batches}` }, sk: { N: '1' }, v: { S: 'changed' } } });
      quiet.push(performance.now() - t);
    }
    report('without a backup (3 s)', quiet);
    let arn = '';
    const latencies: number[] = [];
    await phase('CreateBackup until AVAILABLE', async () => {
      arn = (await call('CreateBackup', { TableName: 'bench', BackupName: 'bench-backup' })).BackupDetails.BackupArn;
      let done = false;
      const writer = (async () => {
        for (let i = 0; !done; i++) {
          const t = performance.now();
          await call('PutItem', { TableName: 'bench', Item: { pk: { S: `load#${i % batches}` }, sk: { N: '0' }, v: { S: 'changed' } } });
          latencies.push(performance.now() - t);
        }
      })();
      await until(async () => (await call('DescribeBackup', { BackupArn: arn })).BackupDescription.BackupDetails.BackupStatus === 'AVAILABLE');
      done = true;
      await writer;
    });
    report('during the backup', latencies);
    await phase('RestoreTableFromBackup until ACTIVE', async () => {
      await call('RestoreTableFromBackup', { BackupArn: arn, TargetTableName: 'bench-restored' });
      await until(async () => (await call('DescribeTable', { TableName: 'bench-restored' })).Table.TableStatus === 'ACTIVE');
    });
    await phase('UpdateContinuousBackups (enable)', async () => {
      await call('UpdateContinuousBackups', { TableName: 'bench', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    });
    await phase('ExportTableToPointInTime until done', async () => {
      const e = await call('ExportTableToPointInTime', { TableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/bench', S3Bucket: 'bench-exports' });
      await until(async () => (await call('DescribeExport', { ExportArn: e.ExportDescription.ExportArn })).ExportDescription.ExportStatus !== 'IN_PROGRESS');
      const d = (await call('DescribeExport', { ExportArn: e.ExportDescription.ExportArn })).ExportDescription;
      if (d.ExportStatus !== 'COMPLETED') throw new Error(`export ${d.ExportStatus}: ${d.FailureMessage}`);
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

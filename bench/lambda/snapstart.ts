/**
 * SnapStart bench: a Python cold start against a SnapStart restore of the same import-heavy module
 * (boto3 with a client, json, email, http, xml, decimal, asyncio...). Each round measures one of
 * each, alternating (A B A B) so load drifts on the machine hit both alike; each needs a fresh
 * environment, so the one used is killed after its invocation. Prints the medians of the
 * client-side first-invoke latency and of what REPORT says (Init Duration; Restore Duration).
 *
 * The cold start is Stratus's usual one: with `prewarm` (the default) the Python process was
 * started ahead, so it pays for the imports but not for the interpreter's boot. PREWARM=0 starts
 * the server without pre-started processes.
 *
 *   npm run bench:snapstart            (N=15 rounds; N=<n> to change)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  waitUntilFunctionActiveV2,
  waitUntilPublishedVersionActive,
} from '@aws-sdk/client-lambda';
import { createZip } from '../../src/runtime/zip.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.N ?? 15);

const MODULE = [
  'import asyncio, datetime, decimal, email, email.mime.multipart, email.mime.text, http.client, json, logging',
  'import os, urllib.request, uuid, xml.etree.ElementTree',
  'import boto3',
  's3 = boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"])',
  'dynamodb = boto3.resource("dynamodb", endpoint_url=os.environ["AWS_ENDPOINT_URL"])',
  'def handler(event, context):',
  '    return {"pid": os.getpid()}',
].join('\n');

async function startServer(): Promise<{ endpoint: string; child: ChildProcess }> {
  const env = { ...process.env, IDLE_SECONDS: '600', ...(process.env.PREWARM === '0' ? { PREWARM: '0' } : {}) };
  const child = spawn(process.execPath, [join(here, 'server.js')], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const on = (d: Buffer): void => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
  });
  return { endpoint, child };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Sample {
  clientMs: number;
  reportedMs: number;
}

/** One invocation on a fresh environment; the environment is killed afterwards. */
async function coldInvoke(lambda: LambdaClient, name: string, field: RegExp): Promise<Sample> {
  const t0 = performance.now();
  const r = await lambda.send(new InvokeCommand({ FunctionName: name, LogType: 'Tail' }));
  const clientMs = performance.now() - t0;
  const logs = Buffer.from(r.LogResult ?? '', 'base64').toString('utf8');
  if (r.FunctionError) throw new Error(`${name}: ${Buffer.from(r.Payload ?? []).toString()}\n${logs}`);
  const m = field.exec(logs);
  if (!m) throw new Error(`${name}: not a fresh environment (${field}):\n${logs}`);
  const { pid } = JSON.parse(Buffer.from(r.Payload!).toString()) as { pid: number };
  process.kill(pid, 'SIGKILL');
  // The pool concludes the killed environment, and the prewarm keeps its spare coming: a pause.
  await sleep(400);
  return { clientMs, reportedMs: Number(m[1]) };
}

const { endpoint, child } = await startServer();
try {
  const lambda = new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  const code = createZip({ 'app.py': MODULE });
  const base = { Runtime: 'python3.12' as const, Handler: 'app.handler', Role: 'arn:aws:iam::000000000000:role/bench', MemorySize: 512, Timeout: 30, Code: { ZipFile: code } };
  await lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'cold' }));
  await lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'snap', SnapStart: { ApplyOn: 'PublishedVersions' } }));
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: 'cold' });
  const t0 = performance.now();
  await lambda.send(new PublishVersionCommand({ FunctionName: 'snap' }));
  await waitUntilPublishedVersionActive({ client: lambda, maxWaitTime: 120, minDelay: 1 }, { FunctionName: 'snap', Qualifier: '1' });
  const snapshotMs = performance.now() - t0;
  // One of each first, not counted: code unpacked, spare processes and the template warmed up.
  await coldInvoke(lambda, 'cold', /Init Duration: ([\d.]+) ms/);
  await coldInvoke(lambda, 'snap:1', /\tRestore Duration: ([\d.]+) ms/);
  const cold: Sample[] = [];
  const restored: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    cold.push(await coldInvoke(lambda, 'cold', /Init Duration: ([\d.]+) ms/));
    restored.push(await coldInvoke(lambda, 'snap:1', /\tRestore Duration: ([\d.]+) ms/));
  }
  const row = (label: string, xs: Sample[], field: string): string =>
    `${label.padEnd(28)} first invoke ${median(xs.map((x) => x.clientMs)).toFixed(1).padStart(7)} ms   ${field} ${median(xs.map((x) => x.reportedMs)).toFixed(1).padStart(7)} ms`;
  console.log(`Python import-heavy module (boto3 + clients), ${ROUNDS} rounds A B A B, medians; prewarm ${process.env.PREWARM === '0' ? 'off' : 'on'}`);
  console.log(row('cold start', cold, 'Init Duration   '));
  console.log(row('SnapStart restore', restored, 'Restore Duration'));
  console.log(`speed-up (first invoke): ${(median(cold.map((x) => x.clientMs)) / median(restored.map((x) => x.clientMs))).toFixed(1)}x; snapshot made in ${snapshotMs.toFixed(0)} ms (PublishVersion to Active)`);
} finally {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
}

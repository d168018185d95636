/**
 * State transitions per second: a 100-state Pass chain and a Map of 1,000 items, run as Stratus
 * Express (StartSyncExecution over HTTP), Stratus Standard (durable: on-disk SQLite, events and
 * checkpoints persisted as it runs) and aws-local-stepfunctions (in-process library) in the same run.
 *
 *   npm run build && node dist/bench/stepfunctions/transitions.js [--runs N]
 *
 * Figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SFNClient, CreateStateMachineCommand, StartSyncExecutionCommand, StartExecutionCommand, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { StateMachine } from 'aws-local-stepfunctions';
import { startStratus } from '../../src/server/server.js';
import { defaultConfig } from '../../src/core/config.js';
import { definition as sfn } from '../../src/services/stepfunctions/index.js';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;

function chain(n: number): Record<string, unknown> {
  const States: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) States[`S${i}`] = i === n - 1 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `S${i + 1}` };
  return { StartAt: 'S0', States };
}

const map = {
  StartAt: 'M',
  States: {
    M: { Type: 'Map', MaxConcurrency: 0, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
  },
};

const workloads = [
  { name: '100-state Pass chain', def: chain(100), input: { a: 1 }, transitions: 100 },
  { name: 'Map of 1,000 items', def: map, input: Array.from({ length: 1000 }, (_, i) => ({ i })), transitions: 1001 },
];

async function measure(label: string, transitions: number, fn: () => Promise<void>): Promise<void> {
  for (let w = 0; w < 3; w++) await fn(); // warm-up (JIT)
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < RUNS; r++) await fn();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const tps = (transitions * RUNS) / s;
  console.log(`${label.padEnd(58)} ${tps.toFixed(0).padStart(9)} transitions/s  (${((s / RUNS) * 1000).toFixed(1)} ms per execution)`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-bench-'));
  const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: dir, logRequests: false }, { services: [sfn] });
  const client = new SFNClient({
    endpoint: stratus.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    disableHostPrefix: true,
  });
  const role = 'arn:aws:iam::000000000000:role/bench';
  console.log(`runs per figure: ${RUNS}; node ${process.version}`);
  try {
    let k = 0;
    for (const w of workloads) {
      const body = JSON.stringify(w.def);
      const input = JSON.stringify(w.input);
      const express = (await client.send(new CreateStateMachineCommand({ name: `bench-x-${k}`, definition: body, roleArn: role, type: 'EXPRESS' }))).stateMachineArn!;
      const standard = (await client.send(new CreateStateMachineCommand({ name: `bench-s-${k++}`, definition: body, roleArn: role }))).stateMachineArn!;
      await measure(`Stratus Express (StartSyncExecution), ${w.name}`, w.transitions, async () => {
        const out = await client.send(new StartSyncExecutionCommand({ stateMachineArn: express, input }));
        if (out.status !== 'SUCCEEDED') throw new Error(`express run ${out.status}`);
      });
      await measure(`Stratus Standard (durable), ${w.name}`, w.transitions, async () => {
        const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: standard, input }));
        for (;;) {
          const d = await client.send(new DescribeExecutionCommand({ executionArn }));
          if (d.status === 'SUCCEEDED') return;
          if (d.status !== 'RUNNING') throw new Error(`standard run ${d.status}`);
          await new Promise((r) => setTimeout(r, 1));
        }
      });
      const peer = new StateMachine(w.def as never);
      await measure(`aws-local-stepfunctions (in-process), ${w.name}`, w.transitions, async () => {
        await peer.run(w.input as never).result;
      });
    }
  } finally {
    client.destroy();
    await stratus.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Start-up time and idle memory of `stratus start` with every service enabled: the time from spawning
 * the process to its ready line (Node's own start included), the CPU time it took, and the server's
 * own figure from that line; then the resident memory (VmRSS) once it has sat idle a moment, and
 * again once every service has answered one request (each is loaded on first use) and sat idle.
 * Goals: ready in under 500 ms, idle RSS under 80 MB.
 *   npm run build && node dist/bench/platform/startup.js [runs]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstCalls } from '../../test/helpers/first-calls.js';

const runs = Number(process.argv[2] ?? 5);
const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');
const READY_GOAL_MS = 500;
const RSS_GOAL_MB = 80;

/** CPU time (user + system) a process has used, in ms: less moved by other work on the machine than wall time. */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100 per second).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
}

async function once(): Promise<{ wallMs: number; cpuMs: number; serverMs: number; services: number; rssMb: number; loadedRssMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--ephemeral', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^.*ready at .*$/m.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', () => reject(new Error(`the server exited: ${out}`)));
  });
  const wallMs = performance.now() - t0;
  const cpuMs = cpuMsOf(child.pid!);
  const m = /in (\d+) ms: (\d+) services/.exec(line);
  await new Promise((r) => setTimeout(r, 2000));
  const rssMb = rssOf(child.pid!);
  // Every service loaded: one request each.
  const endpoint = /ready at (\S+)/.exec(line)![1]!;
  for (const [, call] of firstCalls(endpoint)) await call();
  await new Promise((r) => setTimeout(r, 2000));
  const loadedRssMb = rssOf(child.pid!);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { wallMs, cpuMs, serverMs: Number(m?.[1]), services: Number(m?.[2]), rssMb, loadedRssMb };
}

console.log(`stratus start, every service enabled, ephemeral; ${runs} runs; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const results = [];
for (let i = 0; i < runs; i++) {
  const r = await once();
  results.push(r);
  console.log(`run ${i + 1}: ready ${r.wallMs.toFixed(0)} ms from spawn (server ${r.serverMs} ms, ${r.services} services; ${r.cpuMs} ms of CPU), idle RSS ${r.rssMb.toFixed(0)} MB; ${r.loadedRssMb.toFixed(0)} MB once every service answered a request`);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall = median(results.map((r) => r.wallMs));
const rss = median(results.map((r) => r.rssMb));
const cpu = median(results.map((r) => r.cpuMs));
const loadedRss = median(results.map((r) => r.loadedRssMb));
console.log(`median: ready ${wall.toFixed(0)} ms, ${cpu} ms of CPU (goal < ${READY_GOAL_MS}: ${wall < READY_GOAL_MS ? 'met' : 'NOT met'}), idle RSS ${rss.toFixed(0)} MB (goal < ${RSS_GOAL_MB}: ${rss < RSS_GOAL_MB ? 'met' : 'NOT met'}); ${loadedRss.toFixed(0)} MB once every service answered a request`);

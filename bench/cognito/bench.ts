/**
 * Cognito user pools against cognito-local (npm) in the same run:
 *  - USER_PASSWORD_AUTH sign-ins/s, USER_SRP_AUTH sign-ins/s (InitiateAuth + RespondToAuthChallenge
 *    PASSWORD_VERIFIER, the client's SRP maths included), GetUser/s; each row with the server's CPU
 *    time per operation (from /proc, the figure a loaded machine does not blur), rows alternating
 *    A B A B;
 *  - a side-by-side table of the flows each one supports, each probed with the AWS SDK (a "no" is
 *    the error the server gave).
 *
 *   npm run bench:cognito -- [seconds per row] [--concurrency N] [--no-peer]
 *
 * Each server is its own process; Stratus with a data directory (fsyncs on), cognito-local with its
 * JSON files. cognito-local 5 is installed on demand into bench/cognito/peer.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SrpClient } from '../../test/services/cognito-idp/srp-client.js';
import { probeFlows, setUp, type Fixture } from './flows.js';
import { ensurePeer, freePort, stopChild } from '../lib/processes.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(args.find((a, i) => /^\d+(\.\d+)?$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 5);
const concurrency = Number(flag('--concurrency') ?? 4);
const withPeer = !args.includes('--no-peer');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const peerDir = join(repo, 'bench/cognito/peer');
const ROUNDS = 2;

export interface Target {
  name: string;
  endpoint: string;
  pid: number;
  stop(): Promise<unknown>;
}

async function stratus(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-cognitobench-'));
  const child = spawn(process.execPath, [join(repo, 'dist/src/cli/main.js'), 'start', '--port', '0', '--quiet', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const endpoint = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(log);
      if (m) ok(m[1]!);
    });
    child.once('exit', () => fail(new Error(`stratus exited before it was ready:\n${log}`)));
  });
  return { name: 'stratus', endpoint, pid: child.pid!, stop: async () => (await stopChild(child), rmSync(dir, { recursive: true, force: true })) };
}

async function cognitoLocal(): Promise<Target | undefined> {
  const bin = ensurePeer(peerDir, 'node_modules/cognito-local/lib/bin/start.js', 'cognito-local@5');
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'stratus-cognito-local-'));
  const port = await freePort();
  const child = spawn(process.execPath, [bin], { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited:\n${log}`);
    if (i > 300) throw new Error(`cognito-local not listening after 30 s:\n${log}`);
    try {
      await fetch(endpoint);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { name: 'cognito-local', endpoint, pid: child.pid!, stop: async () => (await stopChild(child), rmSync(dir, { recursive: true, force: true })) };
}

/** User plus system CPU time of a process so far, in milliseconds (Linux /proc, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Measured {
  ops: number;
  errors: number;
  firstError?: string;
  perSecond: number;
  serverCpuMsPerOp: number;
}

/** `concurrency` loops each running `op` back to back for the row's duration. */
async function measure(target: Target, op: () => Promise<void>): Promise<Measured> {
  let ops = 0;
  let errors = 0;
  let firstError: string | undefined;
  const cpu0 = cpuMs(target.pid);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        try {
          await op();
          ops++;
        } catch (e) {
          errors++;
          firstError ??= `${(e as Error).name}: ${(e as Error).message}`;
          if (errors > 50 && ops === 0) return;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuMs(target.pid) - cpu0;
  return { ops, errors, firstError, perSecond: ops / elapsed, serverCpuMsPerOp: ops ? cpu / ops : NaN };
}

function rows(f: Fixture): Record<string, () => Promise<void>> {
  const { idp, clientId, poolId, username, password } = f;
  // With email-shaped usernames AWS answers GetUser's Username as the sub: any name will do.
  return {
    'USER_PASSWORD_AUTH sign-in': async () => {
      const r = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }));
      if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
    },
    'USER_SRP_AUTH sign-in': async () => {
      const srp = new SrpClient(poolId);
      const start = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.srpA } }));
      if (start.ChallengeName !== 'PASSWORD_VERIFIER') throw new Error(`challenge ${start.ChallengeName}`);
      const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, password) }));
      if (!done.AuthenticationResult?.AccessToken) throw new Error('no tokens');
    },
    GetUser: async () => {
      const r = await idp.send(new GetUserCommand({ AccessToken: f.accessToken }));
      if (!r.Username) throw new Error('no user');
    },
  };
}

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

async function main(): Promise<void> {
  const targets: Target[] = [await stratus()];
  if (withPeer) {
    const peer = await cognitoLocal();
    if (peer) targets.push(peer);
  }
  try {
    const fixtures = new Map<string, Fixture>();
    for (const t of targets) fixtures.set(t.name, await setUp(t.endpoint));
    console.log(`\nCognito bench: ${seconds} s per row, ${concurrency} concurrent clients (AWS SDK v3), rows alternating A B A B\n`);
    console.log('| operation | server | ops/s | server CPU ms/op | errors |');
    console.log('| --- | --- | ---: | ---: | ---: |');
    const names = Object.keys(rows(fixtures.get('stratus')!));
    for (const name of names) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const t of targets) {
          const m = await measure(t, rows(fixtures.get(t.name)!)[name]!);
          console.log(`| ${name} | ${t.name} | ${fmt(m.perSecond, 1)} | ${fmt(m.serverCpuMsPerOp, 2)} | ${m.errors}${m.firstError && !m.ops ? ` (${m.firstError.slice(0, 80)})` : ''} |`);
        }
      }
    }
    console.log('\nFlows each supports (probed with the AWS SDK; "no" gives the answer received):\n');
    const results = new Map<string, Map<string, string>>();
    for (const t of targets) results.set(t.name, await probeFlows(t.endpoint));
    console.log(`| flow | ${targets.map((t) => t.name).join(' | ')} |`);
    console.log(`| --- | ${targets.map(() => '---').join(' | ')} |`);
    for (const flow of results.get('stratus')!.keys()) console.log(`| ${flow} | ${targets.map((t) => results.get(t.name)!.get(flow) ?? '-').join(' | ')} |`);
    for (const f of fixtures.values()) f.idp.destroy();
  } finally {
    for (const t of targets) await t.stop();
  }
}

await main();

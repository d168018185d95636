/**
 * Replays a Step Functions conformance corpus (manifest.json + templates + snapshot files, the
 * format of ../shared/conformance/stepfunctions) against a Stratus endpoint, or against an
 * ephemeral in-process Stratus when --endpoint is not given.
 *
 *   node dist/scripts/conformance-stepfunctions.js <corpus dir> [--endpoint URL] [--filter TEXT] [--verbose]
 *
 * Prints one line per failing entry, the counts per entry kind and, last, `N passed, M failed`. Exit code is 0 unless the
 * runner itself broke: the pass count is a measurement, not a gate.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSON5 from 'json5';
import {
  SFNClient,
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StopExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { matchHistory, match } from '../test/stepfunctions/conformance/compare.js';
import { recipeFor, type Recipe, type Entry } from '../test/stepfunctions/conformance/recipes.js';
import { VINTAGE_CHANGES, beginEntry, endEntry } from '../test/stepfunctions/conformance/vintage.js';

interface Options {
  corpus: string;
  endpoint: string | undefined;
  filter: string | undefined;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { corpus: '', endpoint: undefined, filter: undefined, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--endpoint') o.endpoint = argv[++i];
    else if (a === '--filter') o.filter = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else if (!a.startsWith('--')) o.corpus = a;
  }
  if (!o.corpus) throw new Error('usage: conformance-stepfunctions <corpus dir> [--endpoint URL] [--filter TEXT] [--verbose]');
  return o;
}

const ROLE = 'arn:aws:iam::000000000000:role/stratus-conformance';
let counter = 0;

export interface Harness {
  client: SFNClient;
  endpoint: string;
  advance(ms: number): Promise<void>;
  corpus: string;
  loadTemplate(path: string): Record<string, any>;
}

function historyKeys(recorded: Record<string, any>): string[] {
  const keys = Object.keys(recorded).filter((k) => recorded[k] && Array.isArray(recorded[k].events));
  const num = (k: string) => {
    const m = /_(\d+)$/.exec(k);
    return m ? Number(m[1]) : -1;
  };
  return keys.sort((a, b) => num(a) - num(b));
}

/** The input of a recorded execution, from its ExecutionStarted event. */
export function recordedInput(events: Record<string, any>[]): string {
  const started = events.find((e) => e.type === 'ExecutionStarted');
  const input = started?.executionStartedEventDetails?.input;
  if (input === undefined) return '{}';
  return typeof input === 'string' ? input : JSON.stringify(input);
}

export async function createMachine(h: Harness, definition: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> {
  const name = `conf-${process.pid}-${++counter}`;
  const out = await h.client.send(
    new CreateStateMachineCommand({ name, definition: typeof definition === 'string' ? definition : JSON.stringify(definition), roleArn: ROLE, type }),
  );
  return out.stateMachineArn!;
}

async function fullHistory(h: Harness, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await h.client.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Runs one execution until its last event is `terminal` (or it ends), advancing the clock through waits. */
export async function runToTerminal(h: Harness, smArn: string, input: string, terminal: string | undefined): Promise<{ arn: string; events: HistoryEvent[] }> {
  const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: smArn, input }));
  let idle = 0;
  let lastCount = -1;
  for (let round = 0; round < 400; round++) {
    const d = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    const events = await fullHistory(h, executionArn!);
    const last = events[events.length - 1]?.type;
    if (d.status !== 'RUNNING') return { arn: executionArn!, events };
    if (terminal && last === terminal && !terminal.startsWith('Execution')) return { arn: executionArn!, events };
    if (events.length === lastCount) idle++;
    else idle = 0;
    lastCount = events.length;
    if (idle >= 3 && terminal === 'ExecutionAborted') await h.client.send(new StopExecutionCommand({ executionArn }));
    else if (idle >= 3) await h.advance(idle > 6 ? 3_600_000 : 60_000);
    await new Promise((r) => setTimeout(r, round < 10 ? 2 : 10));
  }
  await h.client.send(new StopExecutionCommand({ executionArn }));
  return { arn: executionArn!, events: await fullHistory(h, executionArn!) };
}

/** Strips what the SDK adds, so events look like the recorded ones. */
export function plainEvent(e: HistoryEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v;
  return out;
}

export async function runEntry(h: Harness, entry: Entry, recorded: Record<string, any>): Promise<string | undefined> {
  const recipe: Recipe | undefined = recipeFor(entry);
  if (recipe) return recipe(h, entry, recorded);
  if (entry.kind === 'execution-history') {
    if (entry.definitionMutatedByTestCode) return 'no recipe for a definition the test mutates';
    const template = pickTemplate(entry);
    if (!template) return `cannot tell which of ${entry.templates.length} templates the entry uses`;
    return runHistories(h, entry, recorded, h.loadTemplate(template));
  }
  if (entry.kind === 'express') {
    if (!recorded.start_execution_sync_response) return 'no recipe for an express entry without a StartSyncExecution response';
    const template = pickTemplate(entry);
    if (!template) return 'no template';
    const arn = await createMachine(h, h.loadTemplate(template), 'EXPRESS');
    const expected = recorded.start_execution_sync_response;
    const input = typeof expected.input === 'string' ? expected.input : JSON.stringify(expected.input);
    const out = await h.client.send(new StartSyncExecutionCommand({ stateMachineArn: arn, input }));
    const { $metadata, ...rest } = out as unknown as Record<string, unknown>;
    void $metadata;
    return match(expected, rest, 'start_execution_sync_response');
  }
  return `no recipe for ${entry.kind} entries`;
}

export async function runHistoriesWithInput(h: Harness, entry: Entry, recorded: Record<string, any>, definition: unknown, input: string): Promise<string | undefined> {
  const expected = recorded.get_execution_history?.events as Record<string, any>[] | undefined;
  if (!expected) return 'no recorded history';
  const smArn = await createMachine(h, definition);
  const { events } = await runToTerminal(h, smArn, input, entry.terminal?.[0]);
  return matchHistory(expected, events.map(plainEvent));
}

export async function runHistories(h: Harness, entry: Entry, recorded: Record<string, any>, definition: unknown): Promise<string | undefined> {
  const keys = historyKeys(recorded);
  if (!keys.length) return 'no recorded history';
  const smArn = await createMachine(h, definition);
  try {
    for (let i = 0; i < keys.length; i++) {
      const expected = recorded[keys[i]!].events as Record<string, any>[];
      const terminal = entry.terminal?.[i] ?? expected[expected.length - 1]?.type;
      const { events } = await runToTerminal(h, smArn, rebuildInput(recordedInput(expected), expected), terminal);
      const actual = events.map(plainEvent);
      if (keys[i]!.includes('reverseOrder[True]')) actual.reverse();
      const r = matchHistory(expected, actual);
      if (r) return `${keys[i]}: ${r}`;
    }
  } finally {
    await h.client.send(new DeleteStateMachineCommand({ stateMachineArn: smArn })).catch(() => undefined);
  }
  return undefined;
}

/**
 * The snapshot tool replaced timestamps in recorded inputs by "timestamp"/"date"/"<timestamp>".
 * Rebuilds them from the value quoted in the recorded error cause when the execution failed on
 * it; otherwise the entry needs a recipe that knows the test's input (no guessing here).
 */
export function rebuildInput(input: string, expected: Record<string, any>[]): string {
  if (!/"(timestamp|date|<timestamp>)"/.test(input)) return input;
  const causes = expected.map((e) => JSON.stringify(e.executionFailedEventDetails?.cause ?? e.evaluationFailedEventDetails?.cause ?? ''));
  let quoted: string | undefined;
  for (const c of causes) {
    const m = / == (.+?)"$/.exec(c) ?? /date-time format string: (.+?)"$/.exec(c);
    if (m) quoted = JSON.parse(`"${m[1]}"`);
  }
  if (quoted === undefined) throw new Error(`the recorded input ${input} lost its timestamps to the snapshot tool and no recipe rebuilds them`);
  const value = quoted;
  return input.replace(/"(timestamp|date|<timestamp>)"/g, JSON.stringify(value));
}

/** The template an entry runs: the only one, or the one named after the test parameter. */
export function pickTemplate(entry: Entry): string | undefined {
  if (entry.templates.length === 1) return entry.templates[0];
  const param = (entry.param ?? '').replace(/^\[|\]$/g, '').toLowerCase();
  // Without a parameter the test uses its first (base) template.
  if (!param) return entry.templates[0];
  const base = (t: string) => t.split('/').pop()!.replace(/\.json5$/, '').toLowerCase();
  const exact = entry.templates.find((t) => base(t) === param);
  if (exact) return exact;
  // Otherwise the template whose name shares most words with the parameter (in the same order).
  const words = param.split('_');
  let best: string | undefined;
  let bestScore = 0;
  let tie = false;
  for (const t of entry.templates) {
    const tw = base(t).split('_');
    const joined = base(t).replace(/_/g, '');
    let score = words.filter((w) => tw.includes(w)).length + words.filter((w, i) => tw[tw.length - words.length + i] === w).length * 0.5;
    if (joined.endsWith(param.replace(/_/g, ''))) score += 10;
    if (score > bestScore) {
      best = t;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const corpus = resolve(o.corpus);
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as Entry[];
  let endpoint = o.endpoint;
  let stop: (() => Promise<void>) | undefined;
  let advanceLocal: ((ms: number) => void) | undefined;
  if (!endpoint) {
    const { startStratus } = await import('../src/server/server.js');
    const { defaultConfig } = await import('../src/core/config.js');
    // The corpus needs Step Functions only: serve just it, so other services' state cannot interfere.
    const { definition } = await import('../src/services/stepfunctions/index.js');
    const services = [definition];
    // CloudWatch Logs receives execution events for the logging entries (skipped if it cannot load).
    try {
      services.push((await import('../src/services/logs/index.js')).definition);
    } catch {
      /* the logging entries then fail with a reason */
    }
    const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false }, { services });
    endpoint = stratus.endpoint;
    stop = () => stratus.close();
    advanceLocal = (ms) => stratus.clock.advance(ms);
  }
  const client = new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1, disableHostPrefix: true });
  const templates = new Map<string, Record<string, any>>();
  const h: Harness = {
    client,
    endpoint,
    corpus,
    advance: async (ms) => {
      if (advanceLocal) advanceLocal(ms);
      else
        await fetch(`${endpoint}/_stratus/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advanceMs: ms }),
        });
    },
    loadTemplate: (p) => {
      let t = templates.get(p);
      if (!t) {
        t = JSON5.parse(readFileSync(join(corpus, p), 'utf8')) as Record<string, any>;
        templates.set(p, t);
      }
      return structuredClone(t);
    },
  };
  const snapshots = new Map<string, Record<string, any>>();
  let passed = 0;
  let failed = 0;
  // Counts per entry kind (execution-history, choice-io-cases, express, api-response), in first-seen order.
  const byKind = new Map<string, { passed: number; failed: number }>();
  // Entries where a known AWS behaviour change (vintage.ts) was normalised away, by change id.
  const vintage = new Map<string, { passed: number; failed: number }>(VINTAGE_CHANGES.map((c) => [c.id, { passed: 0, failed: 0 }]));
  for (const entry of manifest) {
    if (o.filter && !entry.key.includes(o.filter)) continue;
    let snap = snapshots.get(entry.snapshot);
    if (!snap) {
      snap = JSON.parse(readFileSync(join(corpus, entry.snapshot), 'utf8')) as Record<string, any>;
      snapshots.set(entry.snapshot, snap);
    }
    const recorded = snap[entry.key]?.['recorded-content'] as Record<string, any> | undefined;
    let reason: string | undefined;
    beginEntry(snap[entry.key]?.['recorded-date'] as string | undefined);
    try {
      reason = recorded ? await runEntry(h, entry, recorded) : 'entry missing from its snapshot file';
    } catch (e) {
      reason = `error: ${(e as Error).name}: ${(e as Error).message}`;
    }
    const touched = endEntry();
    for (const id of touched) vintage.get(id)![reason === undefined ? 'passed' : 'failed']++;
    if (touched.length && o.verbose) console.log(`VINTAGE ${entry.key}: ${touched.join(', ')}`);
    const kind = byKind.get(entry.kind) ?? { passed: 0, failed: 0 };
    byKind.set(entry.kind, kind);
    kind[reason === undefined ? 'passed' : 'failed']++;
    if (reason === undefined) {
      passed++;
      if (o.verbose) console.log(`PASS ${entry.key}`);
    } else {
      failed++;
      console.log(`FAIL ${entry.key}: ${reason.replace(/\s+/g, ' ').slice(0, 600)}`);
    }
  }
  client.destroy();
  if (stop) await stop();
  const touchedTotal = [...vintage.values()].reduce((n, v) => n + v.passed + v.failed, 0);
  console.log(`vintage normalisation (recordings older than a known AWS change, see test/stepfunctions/conformance/vintage.ts): ${touchedTotal} entries`);
  for (const c of VINTAGE_CHANGES) {
    const v = vintage.get(c.id)!;
    console.log(`  ${c.id} (before ${c.cutoff}): ${v.passed + v.failed} entries (${v.passed} passed, ${v.failed} failed)`);
  }
  console.log('by entry kind:');
  for (const [k, v] of byKind) console.log(`  ${k}: ${v.passed} passed, ${v.failed} failed (of ${v.passed + v.failed})`);
  console.log(`${passed} passed, ${failed} failed`);
}

const invokedDirectly = process.argv[1] && /conformance-stepfunctions\.(js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}

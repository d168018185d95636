import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { definition as streamsService } from '../../src/services/dynamodbstreams/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { SERVICES } from './helpers.js';

export const ESM_SERVICES = [...SERVICES, sqsService, dynamodbService, streamsService];

export interface EsmContext {
  server: TestServer;
  lambda: LambdaClient;
  sqs: SQSClient;
  ddb: DynamoDBClient;
  logs: CloudWatchLogsClient;
}

export async function startEsmServer(): Promise<EsmContext> {
  const server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } }, services: ESM_SERVICES });
  const c = clientConfig(server.endpoint);
  return { server, lambda: new LambdaClient(c), sqs: new SQSClient(c), ddb: new DynamoDBClient(c), logs: new CloudWatchLogsClient(c) };
}

export async function stopEsmServer(t: EsmContext): Promise<void> {
  await t.server.stop();
  for (const c of [t.lambda, t.sqs, t.ddb, t.logs]) c.destroy();
}

function busy(t: EsmContext): number {
  const pool = (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): { busy: number } } }).pool;
  return pool.stats().busy;
}

/**
 * The messages a function logged (`console.log(tag, JSON)` lines), parsed, once at least `count`
 * are there; advances the platform clock by `advanceMs` between polls while no environment is busy.
 */
export async function logged<T = any>(t: EsmContext, fn: string, tag: string, count: number, advanceMs = 0): Promise<T[]> {
  let found: T[] = [];
  for (let i = 0; i < 600; i++) {
    try {
      const out = await t.logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${fn}`, filterPattern: `"${tag}"` }));
      found = (out.events ?? []).map((e) => JSON.parse(e.message!.slice(e.message!.indexOf(tag) + tag.length + 1)) as T);
      if (found.length >= count) return found;
    } catch (e) {
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
    }
    if (advanceMs && busy(t) === 0) t.server.clock.advance(advanceMs);
    await sleep(25);
  }
  throw new Error(`${fn} logged ${found.length} of ${count} "${tag}" lines`);
}

/** Polls `check` until it answers a value (not undefined), advancing the clock between polls when asked. */
export async function until<T>(t: EsmContext, check: () => Promise<T | undefined>, advanceMs = 0, what = 'condition'): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await check();
    if (v !== undefined) return v;
    if (advanceMs && busy(t) === 0) t.server.clock.advance(advanceMs);
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

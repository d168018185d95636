import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, CreateTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { startServer, clientConfig, type TestServer } from '../helpers/server.js';
import { definition } from '../../src/services/dynamodb/index.js';
import { definition as streamsDefinition } from '../../src/services/dynamodbstreams/index.js';
import type { Config } from '../../src/core/config.js';
import { DYNAMODB_TEST_SIGNER, signedJsonHeaders } from '../helpers/sign.js';

export interface Env {
  server: TestServer;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** An in-process server with only DynamoDB loaded, and an SDK client for it. */
export async function setup(config: Partial<Config> = {}): Promise<Env> {
  const server = await startServer({ services: [definition, streamsDefinition], config });
  const client = new DynamoDBClient(clientConfig(server.endpoint));
  return {
    server,
    client,
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

/** Raw, signed awsJson1.0 call: returns status and parsed body (for malformed-input tests). */
export async function raw(endpoint: string, target: string, body: string | Buffer): Promise<{ status: number; body: any }> {
  const host = new URL(endpoint).host;
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: signedJsonHeaders(DYNAMODB_TEST_SIGNER, host, target.includes('.') ? target : `DynamoDB_20120810.${target}`, body),
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export const hashTable = (name: string, extra: Partial<CreateTableCommandInput> = {}): CreateTableCommand =>
  new CreateTableCommand({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
    ...extra,
  });

export const rangeTable = (name: string, sortType: 'S' | 'N' | 'B' = 'S', extra: Partial<CreateTableCommandInput> = {}): CreateTableCommand =>
  new CreateTableCommand({
    TableName: name,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: sortType },
      ...(extra.AttributeDefinitions ?? []),
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'AttributeDefinitions')),
  });

/** Runs `fn` and returns the error it rejects with (fails if it resolves). */
export async function error(fn: () => Promise<unknown>): Promise<{ name: string; message: string; [k: string]: any }> {
  try {
    await fn();
  } catch (e) {
    return e as any;
  }
  throw new Error('expected an error');
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/child-server.js');

/**
 * A server in a child process on `dataDir` (fixtures/child-server.ts, with its JSON options), for
 * tests that kill it: its endpoint once ready, and `kill(signal)` resolving once it has exited.
 */
export async function startChildServer(dataDir: string, options?: Record<string, unknown>): Promise<{ endpoint: string; kill(signal: NodeJS.Signals): Promise<void> }> {
  const child = spawn(process.execPath, [CHILD, dataDir, ...(options ? [JSON.stringify(options)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`server exited:\n${out}`)));
  });
  return {
    endpoint,
    kill: async (signal) => {
      child.kill(signal);
      await exited;
    },
  };
}

/**
 * Services load on first use: the server is ready knowing only their definitions, and a service's
 * implementation is created by the first request routed to it, the first job of its kinds, or a
 * call from another service.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadMetadata, MODELS_DIR } from '../../src/aws/model.js';
import { enqueue } from '../../src/jobs/queue.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { definition as sqsDefinition } from '../../src/services/sqs/index.js';
import { definition as stsDefinition } from '../../src/services/sts/index.js';
import { firstCalls } from '../helpers/first-calls.js';
import { clientConfig, spawnServer, startServer } from '../helpers/server.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A request to `/` with the host header as given (fetch sets its own). */
function hostRequest(port: number, host: string, method: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` until it holds (the work it waits for runs in the background). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never happened: ${what}`);
}

describe('services loaded on first use', () => {
  it('starts with every service registered and none created; the health endpoints list them all', async () => {
    const server = await startServer();
    try {
      assert.equal(server.services.size, 19);
      for (const s of server.services.values()) assert.equal(s.loaded, false, `${s.definition.name} was created at start`);
      const stratus = (await (await fetch(`${server.endpoint}/_stratus/health`)).json()) as { services: Record<string, { state: string; loaded: boolean }> };
      assert.deepEqual(Object.keys(stratus.services).sort(), [...server.services.keys()].sort());
      for (const [name, s] of Object.entries(stratus.services)) assert.deepEqual([name, s.state, s.loaded], [name, 'running', false]);
      const localstack = (await (await fetch(`${server.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> };
      assert.deepEqual(localstack.services, Object.fromEntries([...server.services.keys()].map((n) => [n, 'running'])));
      // Asking for the health loads nothing.
      assert.equal([...server.services.values()].filter((s) => s.loaded).length, 0);
    } finally {
      await server.stop();
    }
  });

  it('imports no service implementation before the ready line (stratus start)', async () => {
    const record = join(mkdtempSync(join(tmpdir(), 'stratus-imports-')), 'imports.txt');
    const server = await spawnServer(['--ephemeral'], { NODE_OPTIONS: `--import=${join(here, 'fixtures/record-imports.js')}`, STRATUS_RECORD_IMPORTS: record });
    try {
      const ready = readFileSync(record, 'utf8').split('\n').filter(Boolean);
      assert.ok(ready.some((u) => u.endsWith('/services/s3/index.js')), 'the recorder saw the service definitions');
      assert.deepEqual(ready.filter((u) => /\/services\/[^/]+\/provider\.js$/.test(u)), []);
      // The first S3 call imports S3's implementation, and only S3's.
      await new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true }).send(new ListBucketsCommand({}));
      const after = readFileSync(record, 'utf8').split('\n').filter((u) => /\/services\/[^/]+\/provider\.js$/.test(u));
      assert.deepEqual(after.map((u) => /\/services\/([^/]+)\/provider\.js$/.exec(u)![1]), ['s3']);
    } finally {
      await server.stop();
      rmSync(dirname(record), { recursive: true, force: true });
    }
  });

  it('answers the first request to each service, creating it then', async () => {
    const server = await startServer();
    try {
      const calls = firstCalls(server.endpoint);
      assert.deepEqual(calls.map(([n]) => n), [...server.services.keys()]);
      for (const [name, call] of calls) {
        assert.equal(server.services.get(name)!.loaded, false, `${name} before its first request`);
        const out = (await call()) as { $metadata: { httpStatusCode?: number } };
        assert.equal(out.$metadata.httpStatusCode, 200, name);
        assert.equal(server.services.get(name)!.loaded, true, `${name} after its first request`);
      }
    } finally {
      await server.stop();
    }
  });

  it('routes a request by host name (an S3 virtual host) to a service not created yet', async () => {
    const server = await startServer();
    try {
      assert.equal(server.services.get('s3')!.loaded, false);
      const port = new URL(server.endpoint).port;
      const host = `lazy-bucket.s3.localhost:${port}`;
      // CreateBucket and ListObjects by the bucket's host name, the first requests S3 gets.
      const created = await hostRequest(Number(port), host, 'PUT');
      assert.equal(created.status, 200);
      assert.equal(server.services.get('s3')!.loaded, true);
      const list = await hostRequest(Number(port), host, 'GET');
      assert.equal(list.status, 200);
      assert.match(list.body, /<Name>lazy-bucket<\/Name>/);
    } finally {
      await server.stop();
    }
  });

  it('creates a service once for concurrent first requests', async () => {
    let creations = 0;
    const counted: ServiceDefinition = {
      ...sqsDefinition,
      create: (platform) => {
        creations++;
        return sqsDefinition.create(platform);
      },
    };
    const server = await startServer({ services: [counted] });
    try {
      const sqs = new SQSClient(clientConfig(server.endpoint));
      const outs = await Promise.all(Array.from({ length: 8 }, () => sqs.send(new ListQueuesCommand({}))));
      for (const out of outs) assert.equal(out.$metadata.httpStatusCode, 200);
      assert.equal(creations, 1);
      assert.equal(server.services.get('sqs')!.loaded, true);
    } finally {
      await server.stop();
    }
  });

  it('runs a job queued before a restart after the restart, with no request to its service', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-lazy-jobs-'));
    const ran: string[] = [];
    // STS with a job kind of its own: its handler is registered only when the service is created.
    const withJobs: ServiceDefinition = {
      ...stsDefinition,
      lazy: { ...stsDefinition.lazy, jobPrefix: 'probe.' },
      create: async (platform) => {
        platform.jobs.handle<{ note: string }>('probe.mark', async (job) => void ran.push(job.payload.note));
        return stsDefinition.create(platform);
      },
    };
    try {
      const first = await startServer({ services: [withJobs], config: { dataDir } });
      try {
        const now = first.clock.now();
        // Queued as a service's transaction queues it, with nothing in this process to run it.
        await first.db.tx((tx) => enqueue(tx, { kind: 'probe.mark', account: '000000000000', region: 'us-east-1', payload: { note: 'queued before the restart' }, dueAt: now }, now));
        assert.equal(first.services.get('sts')!.loaded, false);
      } finally {
        await first.stop();
      }
      assert.deepEqual(ran, []);
      const second = await startServer({ services: [withJobs], config: { dataDir } });
      try {
        await eventually(() => ran.length > 0, 'the queued job ran');
        assert.deepEqual(ran, ['queued before the restart']);
        assert.equal(second.services.get('sts')!.loaded, true);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('resets a service never created after a restart: its stored state goes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-lazy-reset-'));
    try {
      const first = await startServer({ config: { dataDir } });
      try {
        await new SQSClient(clientConfig(first.endpoint)).send(new CreateQueueCommand({ QueueName: 'kept-until-reset' }));
      } finally {
        await first.stop();
      }
      const second = await startServer({ config: { dataDir } });
      try {
        assert.equal(second.services.get('sqs')!.loaded, false);
        const res = await fetch(`${second.endpoint}/_stratus/reset?services=sqs`, { method: 'POST' });
        assert.equal(res.status, 200);
        const out = await new SQSClient(clientConfig(second.endpoint)).send(new ListQueuesCommand({}));
        assert.deepEqual(out.QueueUrls ?? [], []);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("routes by each model's metadata, read from the head of its file: the same as the whole model's", () => {
    const names = readdirSync(MODELS_DIR).filter((n) => existsSync(join(MODELS_DIR, n, 'service-2.json')));
    assert.ok(names.length >= 19);
    for (const name of names) {
      const whole = JSON.parse(readFileSync(join(MODELS_DIR, name, 'service-2.json'), 'utf8')) as { metadata: unknown };
      assert.deepEqual(loadMetadata(name), whole.metadata, name);
    }
  });
});

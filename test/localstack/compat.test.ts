/**
 * LocalStack compatibility: /_localstack/* in LocalStack's shapes, its host names, its environment
 * variables, init hooks, and a setup written for LocalStack (environment, an init script calling
 * awslocal) running unchanged.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { loadConfig } from '../../src/core/config.js';
import { hostPattern, isPlainHost } from '../../src/core/http.js';
import { readLocalStackEnv } from '../../src/core/localstack-env.js';
import { HOST_RE } from '../../src/services/apigateway/dataplane/entry.js';
import { URL_HOST_RE } from '../../src/services/lambda/urls/dataplane.js';
import { VIRTUAL_HOST } from '../../src/services/s3/addressing.js';
import { clientConfig, spawnServer, startServer, type TestServer } from '../helpers/server.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../src/cli/main.js');

/** Runs the CLI to its end: exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

/** Polls /_localstack/init/ready until LocalStack's health check would pass. */
async function untilReady(endpoint: string): Promise<{ completed: boolean; scripts: { name: string; state: string }[] }> {
  for (;;) {
    const body = (await (await fetch(`${endpoint}/_localstack/init/ready`)).json()) as { completed: boolean; scripts: { name: string; state: string }[] };
    if (body.completed) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function script(dir: string, stage: string, name: string, text: string): void {
  mkdirSync(join(dir, stage), { recursive: true });
  writeFileSync(join(dir, stage, name), text);
  chmodSync(join(dir, stage, name), 0o755);
}

describe('/_localstack routes', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('GET /_localstack/health answers LocalStack shape: every service running, edition, version', async () => {
    const res = await fetch(`${server.endpoint}/_localstack/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['edition', 'services', 'version']);
    assert.equal(body.edition, 'community');
    assert.match(body.version as string, /^\d+\.\d+\.\d+/);
    const services = body.services as Record<string, string>;
    const ours = ((await (await fetch(`${server.endpoint}/_stratus/health`)).json()) as { services: Record<string, unknown> }).services;
    assert.deepEqual(Object.keys(services).sort(), Object.keys(ours).sort());
    for (const name of ['dynamodb', 'sqs', 's3', 'lambda', 'stepfunctions']) assert.equal(services[name], 'running');
    assert.equal((await fetch(`${server.endpoint}/_localstack/health`, { method: 'HEAD' })).status, 200);
  });

  it('GET /_localstack/info and /_localstack/init answer LocalStack shapes', async () => {
    const info = (await (await fetch(`${server.endpoint}/_localstack/info`)).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(info).sort(), ['edition', 'is_docker', 'is_license_activated', 'machine_id', 'server_time_utc', 'session_id', 'system', 'uptime', 'version']);
    assert.equal(info.is_license_activated, false);
    assert.match(info.server_time_utc as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(typeof info.uptime, 'number');
    const init = (await (await fetch(`${server.endpoint}/_localstack/init`)).json()) as Record<string, unknown>;
    assert.deepEqual(init, { completed: { BOOT: true, START: true, READY: true, SHUTDOWN: true }, scripts: [] });
    assert.equal((await fetch(`${server.endpoint}/_localstack/init/nosuch`)).status, 404);
    // Written as LocalStack (Python) writes JSON, for health checks that grep it.
    assert.equal(await (await fetch(`${server.endpoint}/_localstack/init/ready`)).text(), '{"completed": true, "scripts": []}');
  });

  it('serves S3 virtual hosts under localhost.localstack.cloud and treats the bare name as the endpoint', async () => {
    const s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'site' }));
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'index.html', Body: '<h1>hi</h1>' }));
    const get = (host: string, path: string) =>
      new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `${host}:${server.port}` } }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(`${res.statusCode} ${text}`));
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal(await get('site.s3.localhost.localstack.cloud', '/index.html'), '200 <h1>hi</h1>');
    // LocalStack's S3 endpoint name (AWS_ENDPOINT_URL_S3=http://s3.localhost.localstack.cloud:4566), path-style.
    assert.equal(await get('s3.localhost.localstack.cloud', '/site/index.html'), '200 <h1>hi</h1>');
    assert.equal(await get('localhost.localstack.cloud', '/site/index.html'), '200 <h1>hi</h1>');
    assert.equal(isPlainHost('localhost.localstack.cloud'), true);
  });
});

describe('host names', () => {
  it('every *.localhost form also answers under localhost.localstack.cloud', () => {
    assert.equal(HOST_RE.exec('abc123.execute-api.localhost.localstack.cloud')?.[1], 'abc123');
    assert.equal(HOST_RE.exec('abc123.execute-api.us-east-1.localhost.localstack.cloud')?.[1], 'abc123');
    assert.equal(HOST_RE.exec('abc123.execute-api.localhost')?.[1], 'abc123');
    const id = 'a'.repeat(32);
    assert.deepEqual(URL_HOST_RE.exec(`${id}.lambda-url.eu-west-1.localhost.localstack.cloud`)?.slice(1), [id, 'eu-west-1']);
    assert.equal(VIRTUAL_HOST.exec('my.bucket.s3.us-east-1.localhost.localstack.cloud')?.[1], 'my.bucket');
    assert.equal(VIRTUAL_HOST.exec('bucket.s3.localhost.localstack.cloud')?.[1], 'bucket');
    assert.equal(hostPattern('x\\.svc', ['example\\.com']).test('x.svc.example.com'), true);
    assert.equal(hostPattern('x\\.svc').test('x.svc.localstack.cloud'), false);
  });
});

describe('LocalStack environment variables', () => {
  it('maps the ones with a Stratus meaning, STRATUS_* and flags winning, and names the others', () => {
    const env = {
      GATEWAY_LISTEN: '0.0.0.0:4510,0.0.0.0:443',
      PERSISTENCE: '0',
      SERVICES: 'S3, sqs',
      DEBUG: '1',
      DEFAULT_REGION: 'eu-central-1',
      LAMBDA_KEEPALIVE_MS: '30000',
      LAMBDA_EXECUTOR: 'docker',
      LOCALSTACK_AUTH_TOKEN: 'x',
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      HOSTNAME: 'container',
    };
    const ls = readLocalStackEnv(env);
    assert.deepEqual(ls.ignored, ['LAMBDA_EXECUTOR', 'LOCALSTACK_AUTH_TOKEN']);
    assert.deepEqual(ls.mapped.sort(), ['DEBUG', 'DEFAULT_REGION', 'GATEWAY_LISTEN', 'LAMBDA_KEEPALIVE_MS', 'PERSISTENCE', 'SERVICES']);
    const config = loadConfig({}, env);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 4510);
    assert.equal(config.dataDir, undefined);
    assert.deepEqual(config.serviceNames, ['s3', 'sqs']);
    assert.equal(config.defaultRegion, 'eu-central-1');
    assert.equal(config.services.lambda?.idleTimeoutSeconds, 30);
    const overridden = loadConfig({ port: '4600' }, { ...env, STRATUS_DATA_DIR: '/tmp/x', STRATUS_REGION: 'us-west-2' });
    assert.equal(overridden.port, 4600);
    assert.equal(overridden.dataDir, '/tmp/x');
    assert.equal(overridden.defaultRegion, 'us-west-2');
    assert.throws(() => loadConfig({}, { GATEWAY_LISTEN: 'host:99999' }), /GATEWAY_LISTEN/);
  });
});

describe('stratus start: errors and exit codes', () => {
  it('names the setting: unknown flag and bad port exit 2, a port in use and an unwritable data directory exit 3', async () => {
    const unknown = await cli(['start', '--prot', '4566']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /unknown option --prot/);
    const badPort = await cli(['start', '--port', '70000']);
    assert.equal(badPort.code, 2);
    assert.match(badPort.out, /--port \(STRATUS_PORT\)/);
    const badService = await cli(['start', '--port', '0', '--ephemeral', '--services', 'sqs,nosuch']);
    assert.equal(badService.code, 2);
    assert.match(badService.out, /unknown service nosuch/);
    const dir = mkdtempSync(join(tmpdir(), 'stratus-cli-'));
    writeFileSync(join(dir, 'file'), '');
    const unwritable = await cli(['start', '--port', '0', '--data-dir', join(dir, 'file', 'sub')]);
    assert.equal(unwritable.code, 3);
    assert.match(unwritable.out, /--data-dir \(STRATUS_DATA_DIR\)/);
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    try {
      const port = (taken.address() as { port: number }).port;
      const inUse = await cli(['start', '--port', String(port), '--ephemeral']);
      assert.equal(inUse.code, 3);
      assert.match(inUse.out, /already in use/);
    } finally {
      taken.close();
    }
  });
});

describe('init hooks', () => {
  it('a ready.d script creates a queue that exists once health reports ready; a failing script is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-init-'));
    script(dir, 'ready.d', '01-queue.sh', '#!/bin/sh\nset -e\n/usr/bin/aws --endpoint-url "$AWS_ENDPOINT_URL" sqs create-queue --queue-name from-ready-hook\n');
    script(dir, 'ready.d', '02-fails.sh', '#!/bin/sh\necho about to fail >&2\nexit 4\n');
    script(dir, 'start.d', 'seed.py', 'import os\nprint("start stage at", os.environ["AWS_ENDPOINT_URL"])\n');
    script(dir, 'ready.d', 'README.txt', 'not a script');
    const marker = join(dir, 'stopped');
    script(dir, 'shutdown.d', 'bye.sh', `#!/bin/sh\necho "$AWS_ENDPOINT_URL" > ${marker}\n`);
    const server = await spawnServer(['--ephemeral', '--init-dir', dir]);
    try {
      const ready = await untilReady(server.endpoint);
      assert.deepEqual(ready.scripts, [
        { stage: 'READY', name: '01-queue.sh', state: 'SUCCESSFUL' },
        { stage: 'READY', name: '02-fails.sh', state: 'ERROR' },
      ]);
      const sqs = new SQSClient(clientConfig(server.endpoint));
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'from-ready-hook' }));
      assert.match(QueueUrl!, /\/000000000000\/from-ready-hook$/);
      const health = (await (await fetch(`${server.endpoint}/_stratus/health`)).json()) as { init: { ready: boolean; failed: { stage: string; script: string; exitCode: number }[] } };
      assert.equal(health.init.ready, true);
      assert.deepEqual(health.init.failed, [{ stage: 'READY', script: join(dir, 'ready.d', '02-fails.sh'), exitCode: 4 }]);
      const all = (await (await fetch(`${server.endpoint}/_localstack/init`)).json()) as { completed: Record<string, boolean> };
      assert.deepEqual(all.completed, { BOOT: true, START: true, READY: true, SHUTDOWN: false });
      assert.match(server.output(), /\[start\.d\/seed\.py\] start stage at http:\/\/127\.0\.0\.1:\d+/);
      assert.match(server.output(), /\[ready\.d\/02-fails\.sh!\] about to fail/);
      assert.match(server.output(), /ready\.d\/02-fails\.sh FAILED \(exit code 4\)/);
    } finally {
      assert.equal(await server.stop(), 0);
    }
    assert.match(readFileSync(marker, 'utf8'), /^http:\/\/127\.0\.0\.1:\d+\n$/);
  });

  it('a LocalStack setup runs unchanged: its environment, and an init script calling awslocal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-compose-'));
    // As mounted at /etc/localstack/init/ready.d in a docker-compose file written for LocalStack.
    script(
      dir,
      'ready.d',
      'init-aws.sh',
      [
        '#!/bin/bash',
        'set -euo pipefail',
        'awslocal s3 mb s3://uploads',
        'awslocal sqs create-queue --queue-name orders',
        'awslocal dynamodb create-table --table-name sessions --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST > /dev/null',
        'echo "Initialized."',
        '',
      ].join('\n'),
    );
    const compose = {
      SERVICES: 's3,sqs,dynamodb,secretsmanager',
      PERSISTENCE: '0',
      DEBUG: '1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      LAMBDA_EXECUTOR: 'docker',
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      STRATUS_INIT_DIR: dir,
    };
    const server = await spawnServer([], compose);
    try {
      await untilReady(server.endpoint);
      const region = 'eu-west-1';
      await new S3Client({ ...clientConfig(server.endpoint, region), forcePathStyle: true }).send(new HeadBucketCommand({ Bucket: 'uploads' }));
      await new SQSClient(clientConfig(server.endpoint, region)).send(new GetQueueUrlCommand({ QueueName: 'orders' }));
      const table = await new DynamoDBClient(clientConfig(server.endpoint, region)).send(new DescribeTableCommand({ TableName: 'sessions' }));
      assert.equal(table.Table?.TableStatus, 'ACTIVE');
      const health = (await (await fetch(`${server.endpoint}/_localstack/health`)).json()) as { services: Record<string, string>; features: unknown };
      assert.deepEqual(health.services, { dynamodb: 'running', s3: 'running', sqs: 'running' });
      assert.deepEqual(health.features, { initScripts: 'initialized' });
      assert.match(server.output(), /LocalStack settings: read .*SERVICES.*; ignored \(no meaning here\): LAMBDA_EXECUTOR/);
      assert.match(server.output(), /\[ready\.d\/init-aws\.sh\] Initialized\./);
      assert.match(server.output(), /^Ready\.$/m);
      assert.match(server.output(), /SERVICES names services Stratus does not serve \(skipped; their calls fail\): secretsmanager/);
    } finally {
      await server.stop();
    }
  });

  it('stratus aws passes the endpoint and test credentials to the AWS CLI', async () => {
    const server = await startServer();
    try {
      const made = await cli(['aws', 'sqs', 'create-queue', '--queue-name', 'via-cli', '--output', 'json'], { AWS_ENDPOINT_URL: server.endpoint, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PAGER: '' });
      assert.equal(made.code, 0, made.out);
      assert.match(made.out, /via-cli/);
      const failed = await cli(['aws', 'sqs', 'get-queue-url', '--queue-name', 'nope'], { AWS_ENDPOINT_URL: server.endpoint });
      assert.notEqual(failed.code, 0);
      assert.match(failed.out, /NonExistentQueue|QueueDoesNotExist/);
    } finally {
      await server.stop();
    }
  });
});

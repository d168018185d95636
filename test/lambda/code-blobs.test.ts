import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient, PublishVersionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { listZip } from '../../src/runtime/zip.js';
import { LAMBDA_MIGRATIONS } from '../../src/services/lambda/store.js';
import type { Db } from '../../src/storage/db.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { createFunction, json, SERVICES, zip } from './helpers.js';

const config = (dataDir: string) => ({ dataDir, services: { lambda: { prewarm: false, idleTimeoutSeconds: 600 } } });
const handler = (value: string) => ({ 'index.js': `exports.handler = async () => ${JSON.stringify(value)};` });
const hexOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Runs `body` with a fresh data directory, removed afterwards. */
async function withDataDir(prefix: string, body: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await body(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts a server on `dataDir`, runs `body` with a Lambda client, and stops it. */
async function withServer(dataDir: string, body: (lambda: LambdaClient, server: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer({ config: config(dataDir), services: SERVICES });
  try {
    // Lambda is created (its migrations run) before the test reads its tables.
    await server.services.get('lambda')!.load();
    await body(new LambdaClient(clientConfig(server.endpoint)), server);
  } finally {
    await server.stop();
  }
}

/** The blob files of a data directory. */
function blobFiles(dataDir: string): string[] {
  const data = join(dataDir, 'blobs', 'data');
  return readdirSync(data).flatMap((d) => readdirSync(join(data, d)));
}

/** GetFunction's Code.Location, downloaded: status, headers and bytes. */
async function download(lambda: LambdaClient, name: string): Promise<{ status: number; type: string | null; length: string | null; body: Buffer }> {
  const got = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
  const res = await fetch(got.Code!.Location!);
  return { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), body: Buffer.from(await res.arrayBuffer()) };
}

async function invoke(lambda: LambdaClient, name: string, qualifier?: string): Promise<unknown> {
  const out = await lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: qualifier }));
  assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
  return json(out.Payload);
}

async function codeRows(db: Db): Promise<{ sha: string; blob_id: string; refs: number }[]> {
  return db.all('SELECT c.sha, c.blob_id, b.refs FROM lambda_code c JOIN stratus_blobs b ON b.id = c.blob_id ORDER BY c.sha');
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  return (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((c) => c.name);
}

describe('lambda code in the blob store', () => {
  it('keeps the code of a function across a restart, in the blob store only', async () => {
    await withDataDir('stratus-lambda-code-', async (dataDir) => {
      const pkg = zip(handler('kept'));
      const hex = hexOf(pkg);
      await withServer(dataDir, async (lambda, server) => {
        await createFunction(lambda, 'kept', handler('kept'));
        assert.equal(await invoke(lambda, 'kept'), 'kept');
        assert.deepEqual(await columnsOf(server.db, 'lambda_code'), ['account', 'region', 'sha', 'size', 'unzipped', 'blob_id']);
      });
      // The unpacked copy goes (isolated functions' copies went with their sandbox): the next start unpacks the blob.
      rmSync(join(dataDir, 'lambda', 'code', hex), { recursive: true, force: true });
      await withServer(dataDir, async (lambda, server) => {
        const [row] = await codeRows(server.db);
        assert.deepEqual({ sha: row?.sha, refs: row?.refs }, { sha: hex, refs: 1 });
        assert.deepEqual(blobFiles(dataDir), [row!.blob_id]);
        assert.deepEqual(await download(lambda, 'kept'), { status: 200, type: 'application/zip', length: String(pkg.length), body: pkg });
        assert.equal(await invoke(lambda, 'kept'), 'kept');
      });
    });
  });

  it('moves the zips of a data directory of an earlier version into the blob store', async () => {
    // Configurations as a server writes them, for a function with a published version.
    const used = zip(handler('from the column'));
    const unused = zip(handler('of a deleted function'));
    let fnConfig = '';
    let versionConfig = '';
    const ephemeral = await startServer({ config: { services: { lambda: { prewarm: false } } }, services: SERVICES });
    try {
      const lambda = new LambdaClient(clientConfig(ephemeral.endpoint));
      await createFunction(lambda, 'old-code', handler('from the column'));
      await lambda.send(new PublishVersionCommand({ FunctionName: 'old-code' }));
      fnConfig = (await ephemeral.db.get<{ config: string }>("SELECT config FROM lambda_functions WHERE name = 'old-code'"))!.config;
      versionConfig = (await ephemeral.db.get<{ config: string }>("SELECT config FROM lambda_versions WHERE name = 'old-code'"))!.config;
    } finally {
      await ephemeral.stop();
    }

    await withDataDir('stratus-lambda-old-code-', async (dataDir) => {
      // The data directory as an earlier version left it: zips in lambda_code, one no function uses any more.
      const db = new SqliteDb({ dataDir });
      await db.migrate('lambda', LAMBDA_MIGRATIONS);
      const scope = ['000000000000', 'us-east-1'];
      await db.run("INSERT INTO lambda_functions (account, region, name, config, reserved, tags, next_version, created) VALUES (?, ?, 'old-code', ?, NULL, '{}', 2, ?)", [
        ...scope,
        fnConfig,
        Date.now(),
      ]);
      await db.run("INSERT INTO lambda_versions (account, region, name, version, config) VALUES (?, ?, 'old-code', 1, ?)", [...scope, versionConfig]);
      for (const bytes of [used, unused]) {
        const unzipped = listZip(bytes).reduce((n, e) => n + e.size, 0);
        await db.run('INSERT INTO lambda_code (account, region, sha, zip, size, unzipped) VALUES (?, ?, ?, ?, ?, ?)', [...scope, hexOf(bytes), bytes, bytes.length, unzipped]);
      }
      await db.close();

      let blobId = '';
      await withServer(dataDir, async (lambda, server) => {
        const rows = await codeRows(server.db);
        assert.deepEqual(rows.map((r) => ({ sha: r.sha, refs: r.refs })), [{ sha: hexOf(used), refs: 1 }]);
        blobId = rows[0]!.blob_id;
        assert.deepEqual(blobFiles(dataDir), [blobId]);
        assert.equal((await columnsOf(server.db, 'lambda_code')).includes('zip'), false);
        assert.deepEqual(await download(lambda, 'old-code'), { status: 200, type: 'application/zip', length: String(used.length), body: used });
        assert.equal(await invoke(lambda, 'old-code'), 'from the column');
        assert.equal(await invoke(lambda, 'old-code', '1'), 'from the column');
      });
      // Moved once: a later start finds nothing to move.
      await withServer(dataDir, async (lambda, server) => {
        assert.deepEqual((await codeRows(server.db)).map((r) => r.blob_id), [blobId]);
        assert.deepEqual(blobFiles(dataDir), [blobId]);
        assert.equal(await invoke(lambda, 'old-code'), 'from the column');
      });
    });
  });

  it('shares a package between functions of one hash, and removes its blob once nothing uses it', async () => {
    await withDataDir('stratus-lambda-code-release-', async (dataDir) => {
      await withServer(dataDir, async (lambda, server) => {
        const blobOf = async (bytes: Buffer): Promise<string | undefined> =>
          (await server.db.get<{ blob_id: string }>('SELECT blob_id FROM lambda_code WHERE sha = ?', [hexOf(bytes)]))?.blob_id;
        const [a, b, c] = ['a', 'b', 'c'].map((v) => zip(handler(v))) as [Buffer, Buffer, Buffer];
        await createFunction(lambda, 'first', handler('a'));
        await createFunction(lambda, 'second', handler('a'));
        const blobA = (await blobOf(a))!;
        assert.deepEqual(blobFiles(dataDir), [blobA]);

        // Version 1 of "first" keeps b after $LATEST moves on to c.
        await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'first', ZipFile: b, Publish: true }));
        const blobB = (await blobOf(b))!;
        await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'first', ZipFile: c }));
        const blobC = (await blobOf(c))!;
        assert.deepEqual(blobFiles(dataDir).sort(), [blobA, blobB, blobC].sort());
        assert.equal(await invoke(lambda, 'first', '1'), 'b');

        await lambda.send(new DeleteFunctionCommand({ FunctionName: 'first', Qualifier: '1' }));
        assert.equal(await blobOf(b), undefined);
        assert.deepEqual(blobFiles(dataDir).sort(), [blobA, blobC].sort());

        const location = (await lambda.send(new GetFunctionCommand({ FunctionName: 'second' }))).Code!.Location!;
        await lambda.send(new DeleteFunctionCommand({ FunctionName: 'second' }));
        assert.deepEqual(blobFiles(dataDir), [blobC]);
        const gone = await fetch(location);
        assert.equal(gone.status, 404);
        assert.match(await gone.text(), /<Code>NoSuchKey<\/Code>/);

        await lambda.send(new DeleteFunctionCommand({ FunctionName: 'first' }));
        assert.deepEqual(blobFiles(dataDir), []);
        assert.deepEqual(await server.db.all('SELECT id FROM stratus_blobs'), []);
      });
    });
  });
});

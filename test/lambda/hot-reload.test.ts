import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  type CreateFunctionCommandInput,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { HotReloadDirs } from '../../src/services/lambda/hot-reload.js';
import { awsError, json, ROLE, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

const HOT_SHA = 'hot-reloading-hash-not-available';

/** A function whose code is the local directory `dir` (LocalStack's hot-reload bucket). */
async function createHot(lambda: LambdaClient, name: string, dir: string, options: Partial<CreateFunctionCommandInput> = {}) {
  const out = await lambda.send(
    new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { S3Bucket: 'hot-reload', S3Key: dir }, ...options }),
  );
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: name });
  return out;
}

/** Invokes with the tail log: the result, and whether this invocation was a cold start. */
async function invoke(lambda: LambdaClient, name: string, qualifier?: string): Promise<{ result: unknown; cold: boolean }> {
  const out = await lambda.send(new InvokeCommand({ FunctionName: name, Qualifier: qualifier, LogType: 'Tail', Payload: Buffer.from('{}') }));
  assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
  const log = Buffer.from(out.LogResult ?? '', 'base64').toString();
  return { result: json(out.Payload), cold: /Init Duration/.test(log) };
}

function hotDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-hot-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

for (const isolation of [undefined, false] as const) {
  // As root, functions run under their own uid (the directory is mirrored into the sandbox); with
  // isolation off (and when not root) they run from the directory itself.
  describe(`lambda hot reload (${isolation === false ? 'isolation off' : 'default isolation'})`, () => {
    let t: LambdaTestContext;
    const dirs: string[] = [];
    const dir = (files: Record<string, string>): string => {
      const d = hotDir(files);
      dirs.push(d);
      return d;
    };
    before(async () => {
      t = await startLambdaServer(isolation === false ? { isolation: false } : {});
    });
    after(async () => {
      await t.server.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it('runs a Node handler from the directory and shows edits and new modules on the next invocation', async () => {
      const d = dir({ 'index.js': 'exports.handler = async () => "v1";' });
      const created = await createHot(t.lambda, 'hot-node', d);
      assert.equal(created.CodeSha256, HOT_SHA);
      assert.equal(created.CodeSize, 0);
      const got = await t.lambda.send(new GetFunctionCommand({ FunctionName: 'hot-node' }));
      assert.equal(got.Code?.Location, `Code location: ${d}`);
      assert.equal(got.Code?.RepositoryType, 'S3');
      assert.equal(got.Configuration?.CodeSha256, HOT_SHA);

      assert.deepEqual(await invoke(t.lambda, 'hot-node'), { result: 'v1', cold: true });
      // Unchanged: the warm environment serves it.
      assert.deepEqual(await invoke(t.lambda, 'hot-node'), { result: 'v1', cold: false });
      writeFileSync(join(d, 'index.js'), 'exports.handler = async () => "v2";');
      assert.deepEqual(await invoke(t.lambda, 'hot-node'), { result: 'v2', cold: true });
      writeFileSync(join(d, 'greeting.js'), 'module.exports = "hello from a new module";');
      mkdirSync(join(d, 'lib'));
      writeFileSync(join(d, 'lib', 'util.js'), 'module.exports = (s) => s.toUpperCase();');
      writeFileSync(join(d, 'index.js'), 'const g = require("./greeting"); const up = require("./lib/util"); exports.handler = async () => up(g);');
      assert.deepEqual(await invoke(t.lambda, 'hot-node'), { result: 'HELLO FROM A NEW MODULE', cold: true });
      assert.deepEqual(await invoke(t.lambda, 'hot-node'), { result: 'HELLO FROM A NEW MODULE', cold: false });
    });

    it('runs a Python handler from the directory and shows edits and new modules', async () => {
      const d = dir({ 'app.py': 'def handler(event, context):\n    return "py1"\n' });
      await createHot(t.lambda, 'hot-python', d, { Runtime: 'python3.12', Handler: 'app.handler' });
      assert.deepEqual(await invoke(t.lambda, 'hot-python'), { result: 'py1', cold: true });
      writeFileSync(join(d, 'app.py'), 'def handler(event, context):\n    return "py2"\n');
      assert.deepEqual(await invoke(t.lambda, 'hot-python'), { result: 'py2', cold: true });
      writeFileSync(join(d, 'helper.py'), 'def shout(s):\n    return s.upper() + "!"\n');
      writeFileSync(join(d, 'app.py'), 'from helper import shout\n\ndef handler(event, context):\n    return shout("py3")\n');
      assert.deepEqual(await invoke(t.lambda, 'hot-python'), { result: 'PY3!', cold: true });
      assert.deepEqual(await invoke(t.lambda, 'hot-python'), { result: 'PY3!', cold: false });
    });

    it('follows a directory removed and made again (a clean build)', async () => {
      const d = dir({ 'index.js': 'exports.handler = async () => "before";' });
      await createHot(t.lambda, 'hot-rebuilt', d);
      assert.equal((await invoke(t.lambda, 'hot-rebuilt')).result, 'before');
      rmSync(d, { recursive: true });
      mkdirSync(d);
      writeFileSync(join(d, 'index.js'), 'exports.handler = async () => "rebuilt";');
      // The directory's inode is looked at no more than every 500 ms: wait for the new code.
      let result: unknown;
      for (let i = 0; i < 100 && result !== 'rebuilt'; i++) {
        result = (await invoke(t.lambda, 'hot-rebuilt')).result;
        if (result !== 'rebuilt') await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(result, 'rebuilt');
      writeFileSync(join(d, 'index.js'), 'exports.handler = async () => "edited after the rebuild";');
      assert.equal((await invoke(t.lambda, 'hot-rebuilt')).result, 'edited after the rebuild');
    });

    it('switches to and from hot reload with UpdateFunctionCode; published versions reload too', async () => {
      const d = dir({ 'index.js': 'exports.handler = async () => "from the directory";' });
      const packaged = zip({ 'index.js': 'exports.handler = async () => "from the zip";' });
      const made = await t.lambda.send(new CreateFunctionCommand({ FunctionName: 'hot-switch', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: packaged } }));
      await waitUntilFunctionActiveV2({ client: t.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'hot-switch' });
      assert.equal((await invoke(t.lambda, 'hot-switch')).result, 'from the zip');

      const toHot = await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'hot-switch', S3Bucket: 'hot-reload', S3Key: d }));
      assert.equal(toHot.CodeSha256, HOT_SHA);
      assert.equal(toHot.CodeSize, 0);
      assert.equal((await invoke(t.lambda, 'hot-switch')).result, 'from the directory');

      // A version published from a hot-reload $LATEST runs the directory too (as on LocalStack);
      // a deploy tool's CodeSha256 of its own package is not compared with the placeholder.
      const v1 = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'hot-switch', CodeSha256: made.CodeSha256 }));
      assert.equal(v1.Version, '1');
      assert.equal(v1.CodeSha256, HOT_SHA);
      writeFileSync(join(d, 'index.js'), 'exports.handler = async () => "edited";');
      assert.equal((await invoke(t.lambda, 'hot-switch', '1')).result, 'edited');
      assert.equal((await invoke(t.lambda, 'hot-switch')).result, 'edited');
      const got = await t.lambda.send(new GetFunctionCommand({ FunctionName: 'hot-switch', Qualifier: '1' }));
      assert.equal(got.Code?.Location, `Code location: ${d}`);

      const back = await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'hot-switch', ZipFile: packaged }));
      assert.equal(back.CodeSha256, made.CodeSha256);
      assert.equal(back.CodeSize, made.CodeSize);
      assert.equal((await invoke(t.lambda, 'hot-switch')).result, 'from the zip');
      const latest = await t.lambda.send(new GetFunctionCommand({ FunctionName: 'hot-switch' }));
      assert.match(latest.Code?.Location ?? '', /^http:\/\/.*\.zip$/);
      // The published version keeps its directory.
      assert.equal((await invoke(t.lambda, 'hot-switch', '1')).result, 'edited');
    });
  });
}

describe('lambda hot reload: bad directories', () => {
  let t: LambdaTestContext;
  let file: string;
  before(async () => {
    t = await startLambdaServer();
    file = join(mkdtempSync(join(tmpdir(), 'stratus-hot-file-')), 'index.js');
    writeFileSync(file, 'exports.handler = async () => 1;');
  });
  after(async () => {
    await t.server.stop();
    rmSync(join(file, '..'), { recursive: true, force: true });
  });

  const create = (key: string) =>
    t.lambda.send(new CreateFunctionCommand({ FunctionName: 'bad-hot', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { S3Bucket: 'hot-reload', S3Key: key } }));

  it('answers InvalidParameterValueException for a relative path, a file, a missing directory and a system directory', async () => {
    await assert.rejects(create('relative/path'), awsError('InvalidParameterValueException', 400, 'When using hot reloading, the archive key has to be an absolute path! Your archive key: relative/path'));
    await assert.rejects(create(file), awsError('InvalidParameterValueException', 400, `When using hot reloading, the archive key has to be an existing directory! Your archive key: ${file}`));
    await assert.rejects(create('/no/such/dir'), awsError('InvalidParameterValueException', 400, 'When using hot reloading, the archive key has to be an existing directory! Your archive key: /no/such/dir'));
    await assert.rejects(create('/proc'), awsError('InvalidParameterValueException', 400, "When using hot reloading, the archive key cannot be a system directory or hold Stratus's own data! Your archive key: /proc"));
    await assert.rejects(create('/'), awsError('InvalidParameterValueException', 400, "When using hot reloading, the archive key cannot be a system directory or hold Stratus's own data! Your archive key: /"));
    await assert.rejects(
      t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'bad-hot', S3Bucket: 'hot-reload', S3Key: 'x' })),
      awsError('ResourceNotFoundException', 404),
    );
  });

  it('expands $VAR and ${VAR} in the key, as LocalStack does', async () => {
    process.env.STRATUS_HOT_TEST_DIR = join(file, '..');
    try {
      const out = await create('${STRATUS_HOT_TEST_DIR}');
      assert.equal(out.CodeSha256, HOT_SHA);
      const got = await t.lambda.send(new GetFunctionCommand({ FunctionName: 'bad-hot' }));
      assert.equal(got.Code?.Location, `Code location: ${join(file, '..')}`);
    } finally {
      delete process.env.STRATUS_HOT_TEST_DIR;
    }
  });
});

describe('hot reload change detection without a watch (stamp comparison)', () => {
  it('changes the generation when a file is edited, added or removed, and only then', async () => {
    const d = hotDir({ 'a.js': '1', 'sub/b.js': '2' });
    const dirs = new HotReloadDirs({ poll: true, checkMs: 0 });
    try {
      const g1 = await dirs.generation(d);
      assert.equal(await dirs.generation(d), g1);
      writeFileSync(join(d, 'sub', 'b.js'), '22');
      const g2 = await dirs.generation(d);
      assert.notEqual(g2, g1);
      assert.equal(await dirs.generation(d), g2);
      writeFileSync(join(d, 'sub', 'c.js'), '3');
      const g3 = await dirs.generation(d);
      assert.notEqual(g3, g2);
      rmSync(join(d, 'a.js'));
      assert.notEqual(await dirs.generation(d), g3);
    } finally {
      dirs.close();
      rmSync(d, { recursive: true, force: true });
    }
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-lambda';
import { clientConfig, startServer } from '../helpers/server.js';
import { awsError, createFunction, ROLE, SERVICES, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:';
const code = { 'index.js': 'exports.handler = async () => 1;' };
const TOO_MANY = 'Number of tags exceeds resource tag limit.';

function numbered(count: number, prefix = 'k'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `v${i}`]));
}

describe('lambda tags', () => {
  let t: LambdaTestContext;
  before(async () => {
    t = await startLambdaServer({ prewarm: false });
  });
  after(async () => {
    await t.server.stop();
  });

  it('allows 50 tags per function, on CreateFunction as on TagResource', async () => {
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'tag-many', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) }, Tags: numbered(51) })),
      awsError('InvalidParameterValueException', 400, TOO_MANY),
    );
    await assert.rejects(t.lambda.send(new GetFunctionCommand({ FunctionName: 'tag-many' })), awsError('ResourceNotFoundException', 404));

    await createFunction(t.lambda, 'tag-many', code, { Tags: numbered(50) });
    await assert.rejects(t.lambda.send(new TagResourceCommand({ Resource: `${ARN}tag-many`, Tags: { extra: 'x' } })), awsError('InvalidParameterValueException', 400, TOO_MANY));
    await t.lambda.send(new TagResourceCommand({ Resource: `${ARN}tag-many`, Tags: { k0: 'replaced' } }));
    assert.deepEqual((await t.lambda.send(new ListTagsCommand({ Resource: `${ARN}tag-many` }))).Tags, { ...numbered(50), k0: 'replaced' });
  });

  it('keeps tags on the function, shown for every qualifier, and forgets them with the function', async () => {
    await createFunction(t.lambda, 'tag-q', code, { Tags: { team: 'x' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'tag-q' }));
    await assert.rejects(
      t.lambda.send(new TagResourceCommand({ Resource: `${ARN}tag-q:1`, Tags: { env: 'dev' } })),
      awsError('InvalidParameterValueException', 400, 'Tags on function aliases and versions are not supported. Please specify a function ARN.'),
    );
    await t.lambda.send(new TagResourceCommand({ Resource: `${ARN}tag-q`, Tags: { env: 'dev' } }));
    for (const Qualifier of [undefined, '$LATEST', '1']) {
      assert.deepEqual((await t.lambda.send(new GetFunctionCommand({ FunctionName: 'tag-q', Qualifier }))).Tags, { env: 'dev', team: 'x' }, Qualifier ?? 'unqualified');
    }

    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'tag-q', Qualifier: '1' }));
    assert.deepEqual((await t.lambda.send(new ListTagsCommand({ Resource: `${ARN}tag-q` }))).Tags, { env: 'dev', team: 'x' });
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'tag-q' }));
    assert.deepEqual(await t.server.db.all('SELECT tag_key FROM stratus_tags WHERE arn = ?', [`${ARN}tag-q`]), []);
    await createFunction(t.lambda, 'tag-q', code);
    await t.lambda.send(new UntagResourceCommand({ Resource: `${ARN}tag-q`, TagKeys: ['env'] }));
    assert.deepEqual((await t.lambda.send(new GetFunctionCommand({ FunctionName: 'tag-q' }))).Tags, {});
  });
});

describe('lambda tags kept in the old column', () => {
  it('moves them, all of them, to the shared tags table at start-up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-lambda-tags-'));
    const config = { dataDir, services: { lambda: { prewarm: false } } };
    // More than 50 tags, with a key the shared checks would refuse: an earlier CreateFunction took them.
    const old = { ...numbered(55), 'aws:origin': 'import' };
    try {
      const first = await startServer({ config, services: SERVICES });
      await createFunction(new LambdaClient(clientConfig(first.endpoint)), 'old-tags', code);
      await first.db.tx((tx) => tx.run("UPDATE lambda_functions SET tags = ? WHERE name = 'old-tags'", [JSON.stringify(old)]));
      await first.stop();

      const second = await startServer({ config, services: SERVICES });
      try {
        const lambda = new LambdaClient(clientConfig(second.endpoint));
        assert.deepEqual((await lambda.send(new ListTagsCommand({ Resource: `${ARN}old-tags` }))).Tags, old);
        assert.deepEqual((await lambda.send(new GetFunctionCommand({ FunctionName: 'old-tags' }))).Tags, old);
        assert.deepEqual(await second.db.all("SELECT tags FROM lambda_functions WHERE name = 'old-tags'"), [{ tags: '{}' }]);
        await lambda.send(new UntagResourceCommand({ Resource: `${ARN}old-tags`, TagKeys: ['k0'] }));
      } finally {
        await second.stop();
      }
      // Moved once: a later start-up finds nothing left to move, and the untagged key stays gone.
      const third = await startServer({ config, services: SERVICES });
      try {
        const tags = (await new LambdaClient(clientConfig(third.endpoint)).send(new ListTagsCommand({ Resource: `${ARN}old-tags` }))).Tags;
        assert.equal(Object.keys(tags ?? {}).length, 55);
        assert.equal(tags?.k0, undefined);
      } finally {
        await third.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddLayerVersionPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteLayerVersionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  GetLayerVersionPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListLayersCommand,
  ListLayerVersionsCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
  RemoveLayerVersionPermissionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type PublishLayerVersionCommandInput,
} from '@aws-sdk/client-lambda';
import { awsCli } from '../helpers/clients.js';
import { clientConfig } from '../helpers/server.js';
import { awsError, createFunction, json, ROLE, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

const ACCOUNT = '000000000000';
const OTHER = '111122223333';
const LAYER = `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:`;
const NOT_FOUND = 'The resource you requested does not exist.';
const ARN_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)';
const GREET = { 'nodejs/node_modules/greet/index.js': 'module.exports = (who) => `hello ${who}`;' };

async function publish(lambda: LambdaClient, LayerName: string, files: Parameters<typeof zip>[0], extra: Partial<PublishLayerVersionCommandInput> = {}) {
  return lambda.send(new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zip(files) }, ...extra }));
}

async function invoke(lambda: LambdaClient, FunctionName: string, Qualifier?: string): Promise<unknown> {
  const r = await lambda.send(new InvokeCommand({ FunctionName, Qualifier }));
  assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
  return json(r.Payload);
}

describe('lambda layers', () => {
  let t: LambdaTestContext;
  let other: LambdaClient;
  before(async () => {
    t = await startLambdaServer();
    other = new LambdaClient({ ...clientConfig(t.server.endpoint), credentials: { accessKeyId: OTHER, secretAccessKey: 'x' } });
  });
  after(async () => {
    await t.server.stop();
  });

  it('publishes numbered versions with their content, reads and lists them, and never reuses a number after delete', async () => {
    const bytes = zip(GREET);
    const v1 = await t.lambda.send(
      new PublishLayerVersionCommand({
        LayerName: 'life',
        Content: { ZipFile: bytes },
        Description: 'greetings',
        LicenseInfo: 'MIT',
        CompatibleRuntimes: ['nodejs20.x', 'python3.12'],
        CompatibleArchitectures: ['x86_64'],
      }),
    );
    assert.equal(v1.$metadata.httpStatusCode, 201);
    assert.equal(v1.LayerArn, `${LAYER}life`);
    assert.equal(v1.LayerVersionArn, `${LAYER}life:1`);
    assert.equal(v1.Version, 1);
    assert.equal(v1.Description, 'greetings');
    assert.equal(v1.LicenseInfo, 'MIT');
    assert.deepEqual(v1.CompatibleRuntimes, ['nodejs20.x', 'python3.12']);
    assert.deepEqual(v1.CompatibleArchitectures, ['x86_64']);
    assert.match(v1.CreatedDate!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    assert.equal(v1.Content!.CodeSha256, createHash('sha256').update(bytes).digest('base64'));
    assert.equal(v1.Content!.CodeSize, bytes.length);
    const download = await fetch(v1.Content!.Location!);
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes);

    // Without compatibility lists, none is shown.
    const v2 = await publish(t.lambda, 'life', GREET);
    assert.equal(v2.Version, 2);
    assert.equal(v2.CompatibleRuntimes, undefined);
    assert.equal(v2.Description, '');

    const got = await t.lambda.send(new GetLayerVersionCommand({ LayerName: 'life', VersionNumber: 1 }));
    assert.deepEqual({ ...got, $metadata: undefined }, { ...v1, $metadata: undefined });
    const byArn = await t.lambda.send(new GetLayerVersionByArnCommand({ Arn: `${LAYER}life:2` }));
    assert.equal(byArn.LayerVersionArn, `${LAYER}life:2`);
    // A layer ARN names the layer as well as its name does.
    assert.equal((await t.lambda.send(new GetLayerVersionCommand({ LayerName: `${LAYER}life`, VersionNumber: 2 }))).Version, 2);

    const listed = await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'life' }));
    assert.deepEqual(
      listed.LayerVersions!.map((v) => [v.Version, v.LayerVersionArn]),
      [
        [2, `${LAYER}life:2`],
        [1, `${LAYER}life:1`],
      ],
    );
    assert.deepEqual(listed.LayerVersions![1], {
      LayerVersionArn: `${LAYER}life:1`,
      Version: 1,
      Description: 'greetings',
      CreatedDate: v1.CreatedDate,
      CompatibleRuntimes: ['nodejs20.x', 'python3.12'],
      CompatibleArchitectures: ['x86_64'],
      LicenseInfo: 'MIT',
    });
    const layers = await t.lambda.send(new ListLayersCommand({}));
    const life = layers.Layers!.find((l) => l.LayerName === 'life');
    assert.equal(life?.LayerArn, `${LAYER}life`);
    assert.equal(life?.LatestMatchingVersion?.Version, 2);

    for (const VersionNumber of [1, 2, 2]) {
      const deleted = await t.lambda.send(new DeleteLayerVersionCommand({ LayerName: 'life', VersionNumber }));
      assert.equal(deleted.$metadata.httpStatusCode, 204);
    }
    // Deleting what was never there succeeds too.
    await t.lambda.send(new DeleteLayerVersionCommand({ LayerName: 'never-published', VersionNumber: 1 }));
    assert.deepEqual((await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'life' }))).LayerVersions, []);
    assert.ok(!(await t.lambda.send(new ListLayersCommand({}))).Layers!.some((l) => l.LayerName === 'life'));
    await assert.rejects(t.lambda.send(new GetLayerVersionCommand({ LayerName: 'life', VersionNumber: 1 })), awsError('ResourceNotFoundException', 404, NOT_FOUND));
    assert.equal((await publish(t.lambda, 'life', GREET)).Version, 3);
  });

  it('answers AWS errors for missing versions, bad version numbers and ARNs, and S3 content', async () => {
    await publish(t.lambda, 'errs', GREET);
    await assert.rejects(t.lambda.send(new GetLayerVersionCommand({ LayerName: 'no-such-layer', VersionNumber: 1 })), awsError('ResourceNotFoundException', 404, NOT_FOUND));
    await assert.rejects(t.lambda.send(new GetLayerVersionCommand({ LayerName: 'errs', VersionNumber: 2 })), awsError('ResourceNotFoundException', 404, NOT_FOUND));
    await assert.rejects(t.lambda.send(new GetLayerVersionByArnCommand({ Arn: `${LAYER}errs:9` })), awsError('ResourceNotFoundException', 404, NOT_FOUND));
    for (const VersionNumber of [0, -1]) {
      await assert.rejects(
        t.lambda.send(new GetLayerVersionCommand({ LayerName: 'errs', VersionNumber })),
        awsError('InvalidParameterValueException', 400, 'Layer Version Cannot be less than 1'),
      );
    }
    await assert.rejects(
      t.lambda.send(new DeleteLayerVersionCommand({ LayerName: 'errs', VersionNumber: 0 })),
      awsError('InvalidParameterValueException', 400, 'Layer Version Cannot be less than 1'),
    );
    await assert.rejects(
      t.lambda.send(new GetLayerVersionByArnCommand({ Arn: `${LAYER}errs` })),
      awsError('ValidationException', 400, `1 validation error detected: Value '${LAYER}errs' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_PATTERN}`),
    );
    // No S3 here: what CreateFunction answers for code in S3.
    await assert.rejects(
      t.lambda.send(new PublishLayerVersionCommand({ LayerName: 'errs', Content: { S3Bucket: 'bucket', S3Key: 'layer.zip' } })),
      awsError('InvalidParameterValueException', 400, 'Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist'),
    );
    await assert.rejects(
      t.lambda.send(new PublishLayerVersionCommand({ LayerName: 'errs', Content: { ZipFile: Buffer.from('not a zip') } })),
      awsError('InvalidParameterValueException', 400, 'Could not unzip uploaded file. Please check your file, then try to upload again.'),
    );
    assert.deepEqual((await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'no-such-layer' }))).LayerVersions, []);
  });

  it('filters ListLayerVersions and ListLayers by runtime and architecture, and pages them', async () => {
    await publish(t.lambda, 'filt', GREET, { CompatibleRuntimes: ['nodejs20.x'], CompatibleArchitectures: ['x86_64'] });
    await publish(t.lambda, 'filt', GREET, { CompatibleRuntimes: ['python3.12'], CompatibleArchitectures: ['arm64'] });
    await publish(t.lambda, 'filt', GREET, { CompatibleRuntimes: ['nodejs20.x', 'python3.12'], CompatibleArchitectures: ['arm64'] });
    await publish(t.lambda, 'filt', GREET);
    const versions = async (input: Omit<ConstructorParameters<typeof ListLayerVersionsCommand>[0], 'LayerName'>) =>
      (await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'filt', ...input }))).LayerVersions!.map((v) => v.Version);
    assert.deepEqual(await versions({}), [4, 3, 2, 1]);
    assert.deepEqual(await versions({ CompatibleRuntime: 'nodejs20.x' }), [3, 1]);
    assert.deepEqual(await versions({ CompatibleArchitecture: 'arm64' }), [3, 2]);
    assert.deepEqual(await versions({ CompatibleRuntime: 'python3.12', CompatibleArchitecture: 'x86_64' }), []);

    const first = await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'filt', MaxItems: 1, CompatibleRuntime: 'nodejs20.x' }));
    assert.deepEqual(first.LayerVersions!.map((v) => v.Version), [3]);
    assert.ok(first.NextMarker);
    const second = await t.lambda.send(new ListLayerVersionsCommand({ LayerName: 'filt', MaxItems: 1, CompatibleRuntime: 'nodejs20.x', Marker: first.NextMarker }));
    assert.deepEqual(second.LayerVersions!.map((v) => v.Version), [1]);
    assert.equal(second.NextMarker, undefined);

    const latest = async (input: NonNullable<ConstructorParameters<typeof ListLayersCommand>[0]>) =>
      (await t.lambda.send(new ListLayersCommand(input))).Layers!.find((l) => l.LayerName === 'filt')?.LatestMatchingVersion?.Version;
    assert.equal(await latest({}), 4);
    assert.equal(await latest({ CompatibleRuntime: 'nodejs20.x', CompatibleArchitecture: 'x86_64' }), 1);
    assert.equal(await latest({ CompatibleRuntime: 'python3.12' }), 3);
    assert.equal(await latest({ CompatibleRuntime: 'nodejs18.x' }), undefined);

    const names: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await t.lambda.send(new ListLayersCommand({ MaxItems: 1, Marker }));
      assert.ok(page.Layers!.length <= 1);
      names.push(...page.Layers!.map((l) => l.LayerName!));
      Marker = page.NextMarker;
    } while (Marker);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('filt') && names.includes('errs'));
  });

  it('keeps a policy per version: statement ids, revision ids, account and organization principals', async () => {
    await publish(t.lambda, 'pol', GREET);
    const key = { LayerName: 'pol', VersionNumber: 1 };
    await assert.rejects(t.lambda.send(new GetLayerVersionPolicyCommand(key)), awsError('ResourceNotFoundException', 404, 'No policy is associated with the given resource.'));
    const s1 = await t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 's1', Action: 'lambda:GetLayerVersion', Principal: '*' }));
    assert.equal(s1.$metadata.httpStatusCode, 201);
    assert.deepEqual(JSON.parse(s1.Statement!), { Sid: 's1', Effect: 'Allow', Principal: '*', Action: 'lambda:GetLayerVersion', Resource: `${LAYER}pol:1` });
    await assert.rejects(
      t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 's1', Action: 'lambda:GetLayerVersion', Principal: OTHER })),
      awsError('ResourceConflictException', 409, 'The statement id (s1) provided already exists. Please provide a new statement id, or remove the existing statement.'),
    );
    const mismatch = 'The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id';
    await assert.rejects(
      t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 's2', Action: 'lambda:GetLayerVersion', Principal: OTHER, RevisionId: 'stale' })),
      awsError('PreconditionFailedException', 412, mismatch),
    );
    const s2 = await t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 's2', Action: 'lambda:GetLayerVersion', Principal: OTHER, RevisionId: s1.RevisionId }));
    assert.deepEqual(JSON.parse(s2.Statement!).Principal, { AWS: `arn:aws:iam::${OTHER}:root` });
    assert.notEqual(s2.RevisionId, s1.RevisionId);
    const s3 = await t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 'org', Action: 'lambda:GetLayerVersion', Principal: '*', OrganizationId: 'o-t194hfs8cz' }));
    assert.deepEqual(JSON.parse(s3.Statement!).Condition, { StringEquals: { 'aws:PrincipalOrgID': 'o-t194hfs8cz' } });
    await assert.rejects(
      t.lambda.send(new AddLayerVersionPermissionCommand({ ...key, StatementId: 'bad', Action: '*', Principal: '*' })),
      awsError('ValidationException', 400, "1 validation error detected: Value '*' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: lambda:GetLayerVersion"),
    );

    const policy = await t.lambda.send(new GetLayerVersionPolicyCommand(key));
    assert.equal(policy.RevisionId, s3.RevisionId);
    const doc = JSON.parse(policy.Policy!) as { Version: string; Id: string; Statement: { Sid: string }[] };
    assert.equal(doc.Version, '2012-10-17');
    assert.equal(doc.Id, 'default');
    assert.deepEqual(doc.Statement.map((s) => s.Sid), ['s1', 's2', 'org']);

    await assert.rejects(
      t.lambda.send(new RemoveLayerVersionPermissionCommand({ ...key, StatementId: 's2', RevisionId: s1.RevisionId })),
      awsError('PreconditionFailedException', 412, mismatch),
    );
    await assert.rejects(
      t.lambda.send(new RemoveLayerVersionPermissionCommand({ ...key, StatementId: 'doesnotexist' })),
      awsError('ResourceNotFoundException', 404, 'Statement doesnotexist is not found in resource policy.'),
    );
    const removed = await t.lambda.send(new RemoveLayerVersionPermissionCommand({ ...key, StatementId: 's2', RevisionId: s3.RevisionId }));
    assert.equal(removed.$metadata.httpStatusCode, 204);
    const after2 = await t.lambda.send(new GetLayerVersionPolicyCommand(key));
    assert.deepEqual((JSON.parse(after2.Policy!) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid), ['s1', 'org']);
    assert.notEqual(after2.RevisionId, s3.RevisionId);
    for (const StatementId of ['s1', 'org']) await t.lambda.send(new RemoveLayerVersionPermissionCommand({ ...key, StatementId }));
    await assert.rejects(t.lambda.send(new GetLayerVersionPolicyCommand(key)), awsError('ResourceNotFoundException', 404, 'No policy is associated with the given resource.'));

    for (const [LayerName, VersionNumber] of [
      ['pol', 2],
      ['pol-doesnotexist', 1],
    ] as const) {
      const message = `Layer version ${LAYER}${LayerName}:${VersionNumber} does not exist.`;
      await assert.rejects(
        t.lambda.send(new AddLayerVersionPermissionCommand({ LayerName, VersionNumber, StatementId: 's', Action: 'lambda:GetLayerVersion', Principal: '*' })),
        awsError('ResourceNotFoundException', 404, message),
      );
      await assert.rejects(t.lambda.send(new GetLayerVersionPolicyCommand({ LayerName, VersionNumber })), awsError('ResourceNotFoundException', 404, message));
      await assert.rejects(t.lambda.send(new RemoveLayerVersionPermissionCommand({ LayerName, VersionNumber, StatementId: 's' })), awsError('ResourceNotFoundException', 404, message));
    }
  });

  it("lets another account read and use a version once the version's policy allows that account", async () => {
    const shared = await publish(t.lambda, 'shared', GREET);
    const arn = shared.LayerVersionArn!;
    const denied = `User: arn:aws:iam::${OTHER}:root is not authorized to perform: lambda:GetLayerVersion on resource: ${arn} because no resource-based policy allows the lambda:GetLayerVersion action`;
    await assert.rejects(other.send(new GetLayerVersionByArnCommand({ Arn: arn })), awsError('AccessDeniedException', 403, denied));
    const code = { 'index.js': 'exports.handler = async () => require("greet")("other account");' };
    const create = () => other.send(new CreateFunctionCommand({ FunctionName: 'uses-shared', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) }, Layers: [arn] }));
    await assert.rejects(create(), awsError('AccessDeniedException', 403, denied));
    // A grant to an organization does not reach an account Stratus cannot place in one.
    await t.lambda.send(new AddLayerVersionPermissionCommand({ LayerName: 'shared', VersionNumber: 1, StatementId: 'org', Action: 'lambda:GetLayerVersion', Principal: '*', OrganizationId: 'o-abcdefghij' }));
    await assert.rejects(other.send(new GetLayerVersionByArnCommand({ Arn: arn })), awsError('AccessDeniedException', 403, denied));

    await t.lambda.send(new AddLayerVersionPermissionCommand({ LayerName: 'shared', VersionNumber: 1, StatementId: 'other', Action: 'lambda:GetLayerVersion', Principal: OTHER }));
    assert.equal((await other.send(new GetLayerVersionByArnCommand({ Arn: arn }))).LayerVersionArn, arn);
    await create();
    await waitUntilFunctionUpdatedV2({ client: other, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'uses-shared' });
    assert.equal(await invoke(other, 'uses-shared'), 'hello other account');
    // Another account lists no one's versions but its own.
    await assert.rejects(
      other.send(new ListLayerVersionsCommand({ LayerName: `${LAYER}shared` })),
      awsError('AccessDeniedException', 403, `User: arn:aws:iam::${OTHER}:root is not authorized to perform: lambda:ListLayerVersions on resource: ${LAYER}shared because no resource-based policy allows the lambda:ListLayerVersions action`),
    );
  });

  it('publishes a layer with the AWS CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-layer-cli-'));
    try {
      const path = join(dir, 'layer.zip');
      writeFileSync(path, zip(GREET));
      const out = JSON.parse(
        await awsCli([
          'lambda',
          'publish-layer-version',
          '--layer-name',
          'cli-layer',
          '--zip-file',
          `fileb://${path}`,
          '--compatible-runtimes',
          'nodejs20.x',
          'nodejs22.x',
          '--description',
          'from the CLI',
          '--endpoint-url',
          t.server.endpoint,
        ]),
      ) as { LayerVersionArn: string; Version: number; CompatibleRuntimes: string[]; Description: string; Content: { CodeSize: number } };
      assert.equal(out.LayerVersionArn, `${LAYER}cli-layer:1`);
      assert.equal(out.Version, 1);
      assert.deepEqual(out.CompatibleRuntimes, ['nodejs20.x', 'nodejs22.x']);
      assert.equal(out.Description, 'from the CLI');
      assert.equal(out.Content.CodeSize, zip(GREET).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lambda functions with layers', () => {
  let t: LambdaTestContext;
  let mode: string;
  before(async () => {
    // Pre-started processes stay on: a function with layers must still get its layers.
    t = await startLambdaServer();
    mode = (t.server.services.get('lambda')!.provider as unknown as { health(): { isolation: string } }).health().isolation;
  });
  after(async () => {
    await t.server.stop();
  });

  it('requires a module of a layer from Node (CommonJS), with the paths AWS sets, under /opt in namespace mode', async () => {
    const layer = await publish(t.lambda, 'node-greet', GREET);
    const code = {
      'index.js': `const fs = require('fs');
exports.handler = async () => {
  let write = 'none';
  try { fs.writeFileSync('/opt/x', '1'); write = 'ok'; } catch (e) { write = e.code; }
  return { greeting: require('greet')('node'), NODE_PATH: process.env.NODE_PATH, PATH: process.env.PATH, LD: process.env.LD_LIBRARY_PATH,
    optLiteral: fs.existsSync('/opt/nodejs/node_modules/greet/index.js'), write };
};`,
    };
    await createFunction(t.lambda, 'node-layers', code, { Layers: [layer.LayerVersionArn!] });
    const conf = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'node-layers' }));
    assert.deepEqual(conf.Layers, [{ Arn: layer.LayerVersionArn, CodeSize: layer.Content!.CodeSize }]);
    assert.deepEqual((await t.lambda.send(new GetFunctionCommand({ FunctionName: 'node-layers' }))).Configuration!.Layers, conf.Layers);
    const out = (await invoke(t.lambda, 'node-layers')) as { greeting: string; NODE_PATH: string; PATH: string; LD: string; optLiteral: boolean; write: string };
    assert.equal(out.greeting, 'hello node');
    const opt = mode === 'namespace' ? '/opt' : out.NODE_PATH.split(':')[0]!.replace(/\/nodejs\/node20\/node_modules$/, '');
    assert.ok(out.NODE_PATH.startsWith(`${opt}/nodejs/node20/node_modules:${opt}/nodejs/node_modules:`), out.NODE_PATH);
    assert.ok(out.PATH.endsWith(`:${opt}/bin`), out.PATH);
    assert.equal(out.LD, `${opt}/lib`);
    if (mode === 'namespace') {
      assert.equal(out.optLiteral, true);
      assert.equal(out.write, 'EROFS');
    } else {
      assert.notEqual(opt, '/opt');
    }
  });

  it('imports a package of a layer from an ES module handler, beside the SDK the runtime ships', async () => {
    const layer = await publish(t.lambda, 'esm-greet', {
      'nodejs/node_modules/shout/package.json': '{"name":"shout","type":"module","exports":"./index.js"}',
      'nodejs/node_modules/shout/index.js': 'export const shout = (s) => s.toUpperCase();',
    });
    const code = {
      'index.mjs': `import { shout } from 'shout';
import { STSClient } from '@aws-sdk/client-sts';
export const handler = async () => shout(typeof STSClient);`,
    };
    await createFunction(t.lambda, 'esm-layers', code, { Layers: [layer.LayerVersionArn!] });
    assert.equal(await invoke(t.lambda, 'esm-layers'), 'FUNCTION');
  });

  it('imports a module of a layer from Python, from python/ and python/lib/python3.12/site-packages', async () => {
    const flat = await publish(t.lambda, 'py-greet', { 'python/greet.py': 'def greet(who):\n    return "hello " + who\n' });
    const site = await publish(t.lambda, 'py-site', { 'python/lib/python3.12/site-packages/shout.py': 'def shout(s):\n    return s.upper()\n' });
    const code = { 'app.py': 'import os, greet, shout\ndef handler(event, context):\n    return {"out": shout.shout(greet.greet("python")), "path": os.environ["PYTHONPATH"]}\n' };
    await createFunction(t.lambda, 'py-layers', code, { Runtime: 'python3.12', Handler: 'app.handler', Layers: [flat.LayerVersionArn!, site.LayerVersionArn!] });
    const out = (await invoke(t.lambda, 'py-layers')) as { out: string; path: string };
    assert.equal(out.out, 'HELLO PYTHON');
    const parts = out.path.split(':');
    assert.ok(parts[1]!.endsWith('/python/lib/python3.12/site-packages') && parts[2]!.endsWith('/python'), out.path);
  });

  it("runs a custom runtime's bootstrap from a layer, with the layer's bin/ on PATH", async () => {
    const bootstrap = [
      '#!/bin/sh',
      'set -eu',
      'while true; do',
      '  HEADERS="$(mktemp)"',
      '  curl -sS -D "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next" > /dev/null',
      '  REQUEST_ID=$(grep -i Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d "[:space:]" | cut -d: -f2)',
      '  curl -sS -X POST "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "{\\"out\\":\\"$(shout layered)\\"}" > /dev/null',
      'done',
    ].join('\n');
    const runtime = await publish(t.lambda, 'shell-runtime', {
      bootstrap: { data: bootstrap, mode: 0o755 },
      'bin/shout': { data: '#!/bin/sh\necho "$1" | tr a-z A-Z\n', mode: 0o755 },
    });
    await createFunction(t.lambda, 'layer-runtime', { 'function.sh': '' }, { Runtime: 'provided.al2023', Handler: 'function.handler', Layers: [runtime.LayerVersionArn!] });
    assert.deepEqual(await invoke(t.lambda, 'layer-runtime'), { out: 'LAYERED' });
  });

  it('extracts layers in their order: a later layer replaces an earlier one’s files', async () => {
    const a = await publish(t.lambda, 'order-a', { 'nodejs/node_modules/which/index.js': 'module.exports = "A";', 'nodejs/node_modules/only-a/index.js': 'module.exports = "only A";' });
    const b = await publish(t.lambda, 'order-b', { 'nodejs/node_modules/which/index.js': 'module.exports = "B";' });
    const code = { 'index.js': 'exports.handler = async () => [require("which"), require("only-a")];' };
    await createFunction(t.lambda, 'order', code, { Layers: [a.LayerVersionArn!, b.LayerVersionArn!] });
    assert.deepEqual(await invoke(t.lambda, 'order'), ['B', 'only A']);
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'order', Layers: [b.LayerVersionArn!, a.LayerVersionArn!] }));
    await waitUntilFunctionUpdatedV2({ client: t.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'order' });
    assert.deepEqual(await invoke(t.lambda, 'order'), ['A', 'only A']);
    // Layers: [] takes them all away.
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'order', Layers: [] }));
    assert.equal((await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'order' }))).Layers, undefined);
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'order' }));
    assert.equal(r.FunctionError, 'Unhandled');
  });

  it('snapshots layers in published versions, and keeps running a deleted layer version', async () => {
    const v1 = await publish(t.lambda, 'snap', { 'nodejs/node_modules/ver/index.js': 'module.exports = 1;' });
    const v2 = await publish(t.lambda, 'snap', { 'nodejs/node_modules/ver/index.js': 'module.exports = 2;' });
    await createFunction(t.lambda, 'snap-fn', { 'index.js': 'exports.handler = async () => require("ver");' }, { Layers: [v1.LayerVersionArn!], Publish: true });
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'snap-fn', Layers: [v2.LayerVersionArn!] }));
    await waitUntilFunctionUpdatedV2({ client: t.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'snap-fn' });
    assert.equal(await invoke(t.lambda, 'snap-fn'), 2);
    assert.equal(await invoke(t.lambda, 'snap-fn', '1'), 1);
    const published = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'snap-fn' }));
    assert.deepEqual(published.Layers, [{ Arn: v2.LayerVersionArn, CodeSize: v2.Content!.CodeSize }]);

    await t.lambda.send(new DeleteLayerVersionCommand({ LayerName: 'snap', VersionNumber: 1 }));
    await assert.rejects(t.lambda.send(new GetLayerVersionCommand({ LayerName: 'snap', VersionNumber: 1 })), awsError('ResourceNotFoundException', 404, NOT_FOUND));
    assert.deepEqual((await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'snap-fn', Qualifier: '1' }))).Layers, [{ Arn: v1.LayerVersionArn, CodeSize: v1.Content!.CodeSize }]);
    // Its content stays while a function uses it: a new environment of version 1 still gets it.
    assert.equal((await fetch(v1.Content!.Location!)).status, 200);
    (t.server.services.get('lambda')!.provider as unknown as { pool: { reapAll(): void } }).pool.reapAll();
    assert.equal(await invoke(t.lambda, 'snap-fn', '1'), 1);
    await assert.rejects(
      createFunction(t.lambda, 'snap-late', { 'index.js': 'exports.handler = async () => 0;' }, { Layers: [v1.LayerVersionArn!] }),
      awsError('InvalidParameterValueException', 400, `Layer version ${v1.LayerVersionArn} does not exist.`),
    );
    // The last function using it gone, the deleted version is gone for good; its number stays used.
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'snap-fn' }));
    assert.equal((await fetch(v1.Content!.Location!)).status, 404);
    assert.equal((await fetch(v2.Content!.Location!)).status, 200);
    assert.equal((await publish(t.lambda, 'snap', { 'nodejs/node_modules/ver/index.js': 'module.exports = 3;' })).Version, 3);
  });

  it('checks Layers as AWS does: how many, which ARNs, one version per layer, the region, the unzipped total', async () => {
    const one = await publish(t.lambda, 'lim', GREET);
    const two = await publish(t.lambda, 'lim', GREET);
    const others = await Promise.all(['lim-b', 'lim-c', 'lim-d', 'lim-e', 'lim-f'].map((n) => publish(t.lambda, n, GREET)));
    const code = { 'index.js': 'exports.handler = async () => 0;' };
    const create = (Layers: string[]) => t.lambda.send(new CreateFunctionCommand({ FunctionName: 'lim-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) }, Layers }));
    const bad = (message: string) => awsError('InvalidParameterValueException', 400, message);
    await assert.rejects(create([one.LayerVersionArn!, ...others.map((o) => o.LayerVersionArn!)]), bad('Cannot reference more than 5 layers.'));
    await assert.rejects(
      create([`${LAYER}lim`]),
      awsError(
        'ValidationException',
        400,
        `1 validation error detected: Value '[${LAYER}lim]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 2048, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${ARN_PATTERN}, Member must not be null]`,
      ),
    );
    await assert.rejects(create([`${LAYER}lim:9`]), bad(`Layer version ${LAYER}lim:9 does not exist.`));
    await assert.rejects(create([`${LAYER}doesnotexist:1`]), bad(`Layer version ${LAYER}doesnotexist:1 does not exist.`));
    await assert.rejects(
      create([one.LayerVersionArn!, two.LayerVersionArn!]),
      bad(`Two different versions of the same layer are not allowed to be referenced in the same function. ${one.LayerVersionArn} and ${two.LayerVersionArn} are versions of the same layer.`),
    );
    await assert.rejects(create([`arn:aws:lambda:eu-west-1:${ACCOUNT}:layer:lim:1`]), bad('Layers are not in the same region as the function. Layers are expected to be in region us-east-1.'));

    // Two layers of 131,100,000 bytes unzipped each (zeros: a small zip) exceed 262,144,000 together.
    const big = zip({ 'big.bin': Buffer.alloc(131_100_000) });
    const b1 = await t.lambda.send(new PublishLayerVersionCommand({ LayerName: 'big-1', Content: { ZipFile: big } }));
    const b2 = await t.lambda.send(new PublishLayerVersionCommand({ LayerName: 'big-2', Content: { ZipFile: big } }));
    const total = 2 * 131_100_000 + Buffer.byteLength(code['index.js']);
    const tooBig = bad(`Function code combined with layers exceeds the maximum allowed size of 262144000 bytes. The actual size is ${total} bytes.`);
    await assert.rejects(create([b1.LayerVersionArn!, b2.LayerVersionArn!]), tooBig);
    await createFunction(t.lambda, 'lim-fn', code, { Layers: [b1.LayerVersionArn!] });
    await assert.rejects(t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'lim-fn', Layers: [b1.LayerVersionArn!, b2.LayerVersionArn!] })), tooBig);
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'lim-fn', Layers: [one.LayerVersionArn!, ...others.map((o) => o.LayerVersionArn!)] })),
      bad('Cannot reference more than 5 layers.'),
    );
    assert.deepEqual((await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'lim-fn' }))).Layers?.map((l) => l.Arn), [b1.LayerVersionArn]);
  });
});

for (const isolation of ['uid', false] as const) {
  describe(`lambda layers with isolation ${String(isolation)}`, () => {
    let t: LambdaTestContext;
    before(async () => {
      t = await startLambdaServer({ isolation, prewarm: false });
    });
    after(async () => {
      await t.server.stop();
    });

    it("names the merged directory's real path in the variables (the literal /opt is namespace mode's)", async () => {
      const layer = await publish(t.lambda, 'real', GREET);
      await createFunction(t.lambda, 'real-fn', { 'index.js': 'exports.handler = async () => [require("greet")("real"), process.env.NODE_PATH];' }, { Layers: [layer.LayerVersionArn!] });
      const [greeting, nodePath] = (await invoke(t.lambda, 'real-fn')) as [string, string];
      assert.equal(greeting, 'hello real');
      const first = nodePath.split(':')[0]!;
      assert.ok(!first.startsWith('/opt/') && first.endsWith('/nodejs/node20/node_modules'), nodePath);
    });
  });
}

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetAccountSettingsCommand,
  InvokeCommand,
  LambdaClient,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { clientConfig } from '../helpers/server.js';
import { awsError, createFunction, ROLE, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:';
const code = { 'index.js': 'exports.handler = async () => 1;' };

describe('lambda control plane', () => {
  let t: LambdaTestContext;
  before(async () => {
    t = await startLambdaServer();
  });
  after(async () => {
    await t.server.stop();
  });

  it('creates a function (Pending), then it is Active with AWS defaults', async () => {
    const created = await t.lambda.send(
      new CreateFunctionCommand({ FunctionName: 'ctl-a', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) }, Tags: { team: 'x' } }),
    );
    assert.equal(created.State, 'Pending');
    assert.equal(created.StateReasonCode, 'Creating');
    assert.equal(created.FunctionArn, `${ARN}ctl-a`);
    assert.equal(created.Timeout, 3);
    assert.equal(created.MemorySize, 128);
    assert.equal(created.Version, '$LATEST');
    assert.equal(created.PackageType, 'Zip');
    assert.deepEqual(created.EphemeralStorage, { Size: 512 });
    assert.deepEqual(created.Architectures, ['x86_64']);
    assert.match(created.CodeSha256!, /^[A-Za-z0-9+/]{43}=$/);
    assert.match(created.LastModified!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    const got = await t.lambda.send(new GetFunctionCommand({ FunctionName: 'ctl-a' }));
    assert.equal(got.Configuration?.State, 'Active');
    assert.equal(got.Configuration?.LastUpdateStatus, 'Successful');
    assert.deepEqual(got.Tags, { team: 'x' });
    assert.equal(got.Code?.RepositoryType, 'S3');
    const res = await fetch(got.Code!.Location!);
    assert.equal(res.status, 200);
    assert.equal(Buffer.from(await res.arrayBuffer()).length, got.Configuration?.CodeSize);
    const byArn = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: `${ARN}ctl-a` }));
    assert.equal(byArn.FunctionName, 'ctl-a');
  });

  it('answers AWS errors for duplicates, missing functions and limits', async () => {
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'ctl-a', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) } })),
      awsError('ResourceConflictException', 409, 'Function already exist: ctl-a'),
    );
    await assert.rejects(t.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })), awsError('ResourceNotFoundException', 404, `Function not found: ${ARN}nope`));
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'big-timeout', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Timeout: 901, Code: { ZipFile: zip(code) } })),
      awsError('ValidationException', 400, "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'big-mem', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, MemorySize: 10241, Code: { ZipFile: zip(code) } })),
      awsError('ValidationException', 400, /Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240/),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'small-mem', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, MemorySize: 64, Code: { ZipFile: zip(code) } })),
      awsError('ValidationException', 400, /Member must have value greater than or equal to 128/),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'bad-zip', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: Buffer.from('not a zip') } })),
      awsError('InvalidParameterValueException', 400, 'Could not unzip uploaded file. Please check your file, then try to upload again.'),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'no-runtime', Role: ROLE, Code: { ZipFile: zip(code) } })),
      awsError('InvalidParameterValueException', 400, 'Runtime and Handler are mandatory parameters for functions created with deployment packages.'),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'old-rt', Runtime: 'nodejs12.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) } })),
      awsError('InvalidParameterValueException', 400, /The runtime parameter of nodejs12.x is no longer supported/),
    );
    // Container images: Stratus has no ECR, so the image cannot be found, as AWS answers.
    const image = '000000000000.dkr.ecr.us-east-1.amazonaws.com/app:latest';
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'image', PackageType: 'Image', Role: ROLE, Code: { ImageUri: image } })),
      awsError('InvalidParameterValueException', 400, `Source image ${image} does not exist. Provide a valid source image.`),
    );
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'image', PackageType: 'Image', Role: ROLE, Code: { ImageUri: 'public.ecr.aws/lambda/nodejs:22' } })),
      awsError('InvalidParameterValueException', 400, 'Source image public.ecr.aws/lambda/nodejs:22 is not valid. Provide a valid source image.'),
    );
  });

  it('limits the unzipped package to 250 MB', async () => {
    const archive = zip({ 'big.bin': 'x' });
    // Declare 300 MB uncompressed in the central directory entry (the limit is checked on the declared sizes).
    const cen = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt32LE(300 * 1024 * 1024, cen + 24);
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'too-big', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: archive } })),
      awsError('InvalidParameterValueException', 400, 'Unzipped size must be smaller than 262144000 bytes'),
    );
  });

  it('limits environment variables to 4 KB', async () => {
    const Variables = { BIG: 'x'.repeat(4100) };
    await assert.rejects(
      t.lambda.send(new CreateFunctionCommand({ FunctionName: 'env-big', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip(code) }, Environment: { Variables } })),
      awsError(
        'InvalidParameterValueException',
        400,
        /^Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit\. String measured: \{"BIG":"x+"\}$/,
      ),
    );
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ctl-a', Environment: { Variables } })),
      awsError('InvalidParameterValueException', 400, /exceeded the 4KB limit/),
    );
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ctl-a', Environment: { Variables: { AWS_REGION: 'x' } } })),
      awsError('InvalidParameterValueException', 400, /reserved keys/),
    );
  });

  it('updates code and configuration (InProgress, then Successful) with revision checks', async () => {
    const before = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ctl-a' }));
    const updated = await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'ctl-a', ZipFile: zip({ 'index.js': 'exports.handler = async () => 2;' }) }));
    assert.equal(updated.LastUpdateStatus, 'InProgress');
    assert.notEqual(updated.CodeSha256, before.CodeSha256);
    assert.notEqual(updated.RevisionId, before.RevisionId);
    const cfg = await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ctl-a', Timeout: 30, MemorySize: 512, Description: 'd' }));
    assert.equal(cfg.Timeout, 30);
    assert.equal(cfg.MemorySize, 512);
    const now = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ctl-a' }));
    assert.equal(now.LastUpdateStatus, 'Successful');
    assert.equal(now.Description, 'd');
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ctl-a', Timeout: 5, RevisionId: before.RevisionId })),
      awsError('PreconditionFailedException', 412),
    );
  });

  it('lists functions with pagination', async () => {
    for (const n of ['list-1', 'list-2', 'list-3']) {
      await t.lambda.send(new CreateFunctionCommand({ FunctionName: n, Runtime: 'python3.12', Handler: 'a.b', Role: ROLE, Code: { ZipFile: zip({ 'a.py': 'def b(e, c): return 1' }) } }));
    }
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await t.lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      names.push(...page.Functions!.map((f) => f.FunctionName!));
      marker = page.NextMarker;
      pages++;
    } while (marker);
    assert.ok(pages >= 2);
    for (const n of ['ctl-a', 'list-1', 'list-2', 'list-3']) assert.ok(names.includes(n), n);
    assert.deepEqual(names, [...names].sort());
  });

  it('publishes versions and manages aliases with routing weights', async () => {
    await createFunction(t.lambda, 'ver', code);
    const v1 = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ver', Description: 'first' }));
    assert.equal(v1.Version, '1');
    assert.equal(v1.FunctionArn, `${ARN}ver:1`);
    const same = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ver' }));
    assert.equal(same.Version, '1', 'nothing changed since version 1');
    await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'ver', ZipFile: zip({ 'index.js': 'exports.handler = async () => 2;' }) }));
    await assert.rejects(
      t.lambda.send(new PublishVersionCommand({ FunctionName: 'ver', CodeSha256: v1.CodeSha256 })),
      awsError('InvalidParameterValueException', 400, /is different from current CodeSHA256 in \$LATEST/),
    );
    const v2 = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ver' }));
    assert.equal(v2.Version, '2');
    const versions = await t.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'ver' }));
    assert.deepEqual(versions.Versions!.map((v) => v.Version), ['$LATEST', '1', '2']);

    const alias = await t.lambda.send(new CreateAliasCommand({ FunctionName: 'ver', Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.25 } } }));
    assert.equal(alias.AliasArn, `${ARN}ver:live`);
    assert.deepEqual(alias.RoutingConfig, { AdditionalVersionWeights: { '2': 0.25 } });
    await assert.rejects(t.lambda.send(new CreateAliasCommand({ FunctionName: 'ver', Name: 'live', FunctionVersion: '1' })), awsError('ResourceConflictException', 409));
    await assert.rejects(t.lambda.send(new CreateAliasCommand({ FunctionName: 'ver', Name: 'bad', FunctionVersion: '9' })), awsError('ResourceNotFoundException', 404));
    await assert.rejects(
      t.lambda.send(new CreateAliasCommand({ FunctionName: 'ver', Name: 'latest2', FunctionVersion: '$LATEST', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } })),
      awsError('InvalidParameterValueException', 400),
    );
    const updated = await t.lambda.send(new UpdateAliasCommand({ FunctionName: 'ver', Name: 'live', FunctionVersion: '2', RoutingConfig: { AdditionalVersionWeights: {} } }));
    assert.equal(updated.FunctionVersion, '2');
    assert.equal(updated.RoutingConfig, undefined);
    assert.equal((await t.lambda.send(new GetAliasCommand({ FunctionName: 'ver', Name: 'live' }))).FunctionVersion, '2');
    assert.equal((await t.lambda.send(new ListAliasesCommand({ FunctionName: 'ver' }))).Aliases!.length, 1);
    await assert.rejects(t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'ver', Qualifier: '2' })), awsError('ResourceConflictException', 409, /aliases reference it: \[live\]/));
    await t.lambda.send(new DeleteAliasCommand({ FunctionName: 'ver', Name: 'live' }));
    await assert.rejects(t.lambda.send(new GetAliasCommand({ FunctionName: 'ver', Name: 'live' })), awsError('ResourceNotFoundException', 404));
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'ver', Qualifier: '1' }));
    await assert.rejects(t.lambda.send(new GetFunctionCommand({ FunctionName: 'ver', Qualifier: '1' })), awsError('ResourceNotFoundException', 404, `Function not found: ${ARN}ver:1`));
  });

  it('pages versions and aliases by marker', async () => {
    await createFunction(t.lambda, 'pages', code);
    for (const n of ['1', '2', '3']) {
      await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'pages', Environment: { Variables: { NUM: n } } }));
      assert.equal((await t.lambda.send(new PublishVersionCommand({ FunctionName: 'pages' }))).Version, n);
    }
    for (const [name, version] of [['a1', '1'], ['a2', '2'], ['a3', '1'], ['a4', '$LATEST']] as const) {
      await t.lambda.send(new CreateAliasCommand({ FunctionName: 'pages', Name: name, FunctionVersion: version }));
    }
    const pages = async <T>(list: (marker: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[][]> => {
      const out: T[][] = [];
      let marker: string | undefined;
      do {
        const page = await list(marker);
        out.push(page.items);
        marker = page.next;
      } while (marker);
      return out;
    };
    const versions = (maxItems: number) =>
      pages(async (Marker) => {
        const page = await t.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'pages', MaxItems: maxItems, Marker }));
        return { items: page.Versions!.map((v) => v.Version!), next: page.NextMarker };
      });
    assert.deepEqual(await versions(2), [['$LATEST', '1'], ['2', '3']]);
    assert.deepEqual(await versions(3), [['$LATEST', '1', '2'], ['3']]);
    assert.deepEqual(await versions(1), [['$LATEST'], ['1'], ['2'], ['3']]);
    const aliases = (maxItems: number, functionVersion?: string) =>
      pages(async (Marker) => {
        const page = await t.lambda.send(new ListAliasesCommand({ FunctionName: 'pages', FunctionVersion: functionVersion, MaxItems: maxItems, Marker }));
        return { items: page.Aliases!.map((a) => a.Name!), next: page.NextMarker };
      });
    assert.deepEqual(await aliases(3), [['a1', 'a2', 'a3'], ['a4']]);
    assert.deepEqual(await aliases(1, '1'), [['a1'], ['a3']]);
    assert.deepEqual(await aliases(2, '$LATEST'), [['a4']]);
    await assert.rejects(t.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'pages', Marker: 'not-a-marker!' })), awsError('InvalidParameterValueException', 400, 'Invalid marker'));
  });

  it('manages reserved concurrency and reports account settings', async () => {
    const settings = await t.lambda.send(new GetAccountSettingsCommand({}));
    assert.equal(settings.AccountLimit?.ConcurrentExecutions, 1000);
    assert.equal(settings.AccountLimit?.CodeSizeZipped, 52428800);
    assert.equal(settings.AccountLimit?.CodeSizeUnzipped, 262144000);
    assert.ok((settings.AccountUsage?.FunctionCount ?? 0) >= 1);
    assert.deepEqual((await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'ctl-a', ReservedConcurrentExecutions: 10 }))).ReservedConcurrentExecutions, 10);
    assert.equal((await t.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'ctl-a' }))).ReservedConcurrentExecutions, 10);
    assert.equal((await t.lambda.send(new GetAccountSettingsCommand({}))).AccountLimit?.UnreservedConcurrentExecutions, 990);
    await assert.rejects(
      t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'list-1', ReservedConcurrentExecutions: 950 })),
      awsError('InvalidParameterValueException', 400, "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]."),
    );
    await t.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'ctl-a' }));
    assert.equal((await t.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'ctl-a' }))).ReservedConcurrentExecutions, undefined);
  });

  it('manages resource policies and tags', async () => {
    const added = await t.lambda.send(
      new AddPermissionCommand({ FunctionName: 'ctl-a', StatementId: 's3-invoke', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: 'arn:aws:s3:::bucket' }),
    );
    const stmt = JSON.parse(added.Statement!) as Record<string, unknown>;
    assert.deepEqual(stmt.Principal, { Service: 's3.amazonaws.com' });
    assert.equal(stmt.Resource, `${ARN}ctl-a`);
    assert.deepEqual(stmt.Condition, { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::bucket' } });
    await assert.rejects(
      t.lambda.send(new AddPermissionCommand({ FunctionName: 'ctl-a', StatementId: 's3-invoke', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' })),
      awsError('ResourceConflictException', 409, /The statement id \(sid\) provided already exists/),
    );
    const policy = JSON.parse((await t.lambda.send(new GetPolicyCommand({ FunctionName: 'ctl-a' }))).Policy!) as { Statement: unknown[] };
    assert.equal(policy.Statement.length, 1);
    await t.lambda.send(new RemovePermissionCommand({ FunctionName: 'ctl-a', StatementId: 's3-invoke' }));
    await assert.rejects(t.lambda.send(new GetPolicyCommand({ FunctionName: 'ctl-a' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));

    await t.lambda.send(new TagResourceCommand({ Resource: `${ARN}ctl-a`, Tags: { env: 'dev', owner: 'me' } }));
    await t.lambda.send(new UntagResourceCommand({ Resource: `${ARN}ctl-a`, TagKeys: ['owner'] }));
    assert.deepEqual((await t.lambda.send(new ListTagsCommand({ Resource: `${ARN}ctl-a` }))).Tags, { team: 'x', env: 'dev' });
  });

  it('keeps functions apart per account and region', async () => {
    const other = new LambdaClient({ ...clientConfig(t.server.endpoint), credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
    const west = new LambdaClient(clientConfig(t.server.endpoint, 'eu-west-1'));
    await other.send(new CreateFunctionCommand({ FunctionName: 'ctl-a', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::111122223333:role/r', Code: { ZipFile: zip(code) } }));
    const theirs = await other.send(new GetFunctionConfigurationCommand({ FunctionName: 'ctl-a' }));
    assert.equal(theirs.FunctionArn, 'arn:aws:lambda:us-east-1:111122223333:function:ctl-a');
    assert.equal(theirs.Timeout, 3, 'not the default account\'s ctl-a (Timeout 30)');
    await assert.rejects(west.send(new GetFunctionCommand({ FunctionName: 'ctl-a' })), awsError('ResourceNotFoundException', 404, 'Function not found: arn:aws:lambda:eu-west-1:000000000000:function:ctl-a'));
    const invoked = await other.send(new InvokeCommand({ FunctionName: 'ctl-a' }));
    assert.equal(Buffer.from(invoked.Payload!).toString(), '1');
  });

  it('deletes a function', async () => {
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'list-3' }));
    await assert.rejects(t.lambda.send(new GetFunctionCommand({ FunctionName: 'list-3' })), awsError('ResourceNotFoundException', 404));
    await assert.rejects(t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'list-3' })), awsError('ResourceNotFoundException', 404));
  });
});

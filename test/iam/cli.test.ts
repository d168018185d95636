import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createZip } from '../../src/runtime/zip.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { definition as lambdaService } from '../../src/services/lambda/index.js';
import { definition as logsService } from '../../src/services/logs/index.js';

/** The commands of AWS's Lambda tutorial ("Create a Lambda function with the AWS CLI"), unchanged. */
describe('IAM through the AWS CLI: the Lambda tutorial', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startServer({ services: [iamService, stsService, lambdaService, logsService] });
    dir = mkdtempSync(join(tmpdir(), 'stratus-iam-cli-'));
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the execution role, attaches AWSLambdaBasicExecutionRole and creates a function with it', async () => {
    const e = ['--endpoint-url', server.endpoint];
    const role = JSON.parse(
      await awsCli([
        'iam', 'create-role', '--role-name', 'lambda-ex',
        '--assume-role-policy-document', '{"Version": "2012-10-17","Statement": [{ "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}',
        ...e,
      ]),
    ) as { Role: { Arn: string; AssumeRolePolicyDocument: { Statement: { Principal: { Service: string } }[] } } };
    assert.equal(role.Role.Arn, 'arn:aws:iam::000000000000:role/lambda-ex');
    // The CLI decodes the URL-encoded document IAM answers with.
    assert.equal(role.Role.AssumeRolePolicyDocument.Statement[0]!.Principal.Service, 'lambda.amazonaws.com');
    assert.equal(await awsCli(['iam', 'attach-role-policy', '--role-name', 'lambda-ex', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', ...e]), '');
    const attached = JSON.parse(await awsCli(['iam', 'list-attached-role-policies', '--role-name', 'lambda-ex', ...e])) as { AttachedPolicies: { PolicyName: string }[] };
    assert.deepEqual(attached.AttachedPolicies.map((p) => p.PolicyName), ['AWSLambdaBasicExecutionRole']);
    const zipPath = join(dir, 'function.zip');
    writeFileSync(zipPath, createZip({ 'index.mjs': 'export const handler = async (event) => ({ length: event.length * event.width });' }));
    const fn = JSON.parse(
      await awsCli(['lambda', 'create-function', '--function-name', 'my-function', '--zip-file', `fileb://${zipPath}`, '--handler', 'index.handler', '--runtime', 'nodejs20.x', '--role', role.Role.Arn, ...e]),
    ) as { FunctionName: string; Role: string };
    assert.equal(fn.Role, 'arn:aws:iam::000000000000:role/lambda-ex');
    await assert.rejects(awsCli(['iam', 'delete-role', '--role-name', 'lambda-ex', ...e]), /DeleteConflict.*Cannot delete entity, must detach all policies first\./s);
    await assert.rejects(awsCli(['iam', 'get-role', '--role-name', 'missing', ...e]), /NoSuchEntity.*The role with name missing cannot be found\./s);
  });
});

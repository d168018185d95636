import assert from 'node:assert/strict';
import { LambdaClient, CreateFunctionCommand, waitUntilFunctionActiveV2, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda';
import { createZip } from '../../src/runtime/zip.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as lambdaService } from '../../src/services/lambda/index.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';

/** The services these tests need (other services may be mid-edit in a shared tree). */
export const SERVICES = [lambdaService, logsService, stsService];

export const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';

export interface LambdaTestContext {
  server: TestServer;
  lambda: LambdaClient;
}

export async function startLambdaServer(services: Record<string, unknown> = {}): Promise<LambdaTestContext> {
  const server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600, ...services } } }, services: SERVICES });
  // Lambda is created at once (its start-up work done, its provider readable by the tests), not on its first request.
  await server.services.get('lambda')!.load();
  const lambda = new LambdaClient(clientConfig(server.endpoint));
  return { server, lambda };
}

export const zip = createZip;

/** Creates a function from files and waits for it to be Active. */
export async function createFunction(
  lambda: LambdaClient,
  name: string,
  files: Parameters<typeof createZip>[0],
  options: Partial<CreateFunctionCommandInput> = {},
): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: createZip(files) },
      ...options,
    }),
  );
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: name });
}

export function json(payload: Uint8Array | undefined): unknown {
  return payload && payload.length ? JSON.parse(Buffer.from(payload).toString('utf8')) : undefined;
}

export function text(payload: Uint8Array | undefined): string {
  return payload ? Buffer.from(payload).toString('utf8') : '';
}

/** An assert.rejects check: the AWS error's name, HTTP status and (exact or matching) message. */
export function awsError(name: string, status: number, message?: RegExp | string) {
  return (e: Error & { $metadata?: { httpStatusCode?: number } }): boolean => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

import { request } from 'node:http';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { createApiGateway } from '../../src/services/apigateway/provider.js';
import type { LambdaInvoke } from '../../src/services/apigateway/dataplane/integrations/lambda.js';
import type { ServiceDefinition } from '../../src/services/service.js';

export type Handler = (event: any) => unknown | Promise<unknown>;

/** An in-process stand-in for the Lambda provider: functions are JS handlers by name. */
export class FakeLambda {
  readonly functions = new Map<string, Handler>();
  readonly calls: { name: string; event: any }[] = [];

  add(name: string, handler: Handler): string {
    this.functions.set(name, handler);
    return `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:${name}/invocations`;
  }

  count(name: string): number {
    return this.calls.filter((c) => c.name === name).length;
  }

  readonly invoke: LambdaInvoke = async (_ctx, input) => {
    const name = input.FunctionName.split(':').pop()!;
    const fn = this.functions.get(name);
    if (!fn) throw Object.assign(new (await import('../../src/aws/errors.js')).AwsError('ResourceNotFoundException', `Function not found: ${input.FunctionName}`, 404));
    const event = JSON.parse(input.Payload.toString('utf8'));
    this.calls.push({ name, event });
    try {
      const result = await fn(event);
      return { StatusCode: 200, Payload: Buffer.from(JSON.stringify(result ?? null)) };
    } catch (e) {
      return { StatusCode: 200, FunctionError: 'Unhandled', Payload: Buffer.from(JSON.stringify({ errorType: 'Error', errorMessage: (e as Error).message })) };
    }
  };
}

export interface Gateway {
  server: TestServer;
  client: APIGatewayClient;
  lambda: FakeLambda;
  /** Path-based invoke URL. */
  url(apiId: string, stage: string, path?: string): string;
  stop(): Promise<void>;
}

export async function startGateway(extra: ServiceDefinition[] = []): Promise<Gateway> {
  const lambda = new FakeLambda();
  const def: ServiceDefinition = { name: 'apigateway', validationErrorCode: 'BadRequestException', create: (p) => createApiGateway(p, { lambda: lambda.invoke }) };
  const server = await startServer({ services: [def, ...extra] });
  const client = new APIGatewayClient(clientConfig(server.endpoint));
  return {
    server,
    client,
    lambda,
    url: (apiId, stage, path = '/') => `${server.endpoint}/restapis/${apiId}/${stage}/_user_request_${path}`,
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
  json(): any;
}

/** Plain HTTP with full control of headers (Host included). */
export function http(url: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string | Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

import { request } from 'node:http';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { SERVICES } from '../lambda/helpers.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';
import type { Config } from '../../src/core/config.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  body: Buffer;
  json(): any;
}

/** Plain HTTP with full control of headers (Host included). */
export function http(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
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

export interface Env {
  server: TestServer;
  v2: ApiGatewayV2Client;
  lambda: LambdaClient;
  port: number;
  /** The host-name form of an API's invoke URL: (url, Host header). */
  host(apiId: string, path: string): { url: string; headers: Record<string, string> };
  stop(): Promise<void>;
}

export async function startEnv(config: Partial<Config> = {}): Promise<Env> {
  const server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } }, ...config }, services: [...SERVICES, apigatewayv2] });
  const v2 = new ApiGatewayV2Client(clientConfig(server.endpoint));
  const lambda = new LambdaClient(clientConfig(server.endpoint));
  const port = server.port;
  return {
    server,
    v2,
    lambda,
    port,
    host: (apiId, path) => ({ url: `${server.endpoint}${path}`, headers: { host: `${apiId}.execute-api.localhost:${port}` } }),
    stop: async () => {
      v2.destroy();
      lambda.destroy();
      await server.stop();
    },
  };
}

export const fnArn = (name: string): string => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

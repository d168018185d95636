import assert from 'node:assert/strict';
import { request } from 'node:http';
import { CloudFrontClient, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import { clientConfig, startServer, type StartServerOptions, type TestServer } from '../helpers/server.js';
import { definition } from '../../src/services/cloudfront/index.js';
import { Agent, type AgentOptions } from 'node:http';
import * as KVS from '@aws-sdk/client-cloudfront-keyvaluestore';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export { definition };

export function startCloudFront(options: StartServerOptions = {}, services = [definition]): Promise<TestServer> {
  return startServer({ services, ...options });
}

export function cloudFrontClient(server: TestServer): CloudFrontClient {
  return new CloudFrontClient(clientConfig(server.endpoint, 'us-east-1'));
}

/** A distribution config with one S3 origin and the CachingOptimized policy. */
export function s3Config(ref: string, bucket: string, extra: Partial<DistributionConfig> = {}): DistributionConfig {
  return {
    CallerReference: ref,
    Comment: 'test',
    Enabled: true,
    Origins: { Quantity: 1, Items: [{ Id: 's3', DomainName: `${bucket}.s3.us-east-1.amazonaws.com`, S3OriginConfig: { OriginAccessIdentity: '' } }] },
    DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    ...extra,
  };
}

export interface EdgeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request to `{host}` on the test server (clients cannot resolve `*.cloudfront.localhost` themselves). */
export function edge(server: TestServer, host: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<EdgeResponse> {
  const port = Number(new URL(server.endpoint).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path, headers: { host: `${host}:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
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

/** The SDK sends to `{account}.{endpoint host}`: this agent takes every name to 127.0.0.1 (as `*.localhost.localstack.cloud` resolves). */
const loopback: AgentOptions['lookup'] = ((_host: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) =>
  options?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) as unknown as AgentOptions['lookup'];

/** A KeyValueStore data-API client of the server at `endpoint` (SigV4A-signed: import '@aws-sdk/signature-v4a' first). */
export function kvsClient(server: { endpoint: string }, secretAccessKey = 'test'): KVS.CloudFrontKeyValueStoreClient {
  const port = new URL(server.endpoint).port;
  return new KVS.CloudFrontKeyValueStoreClient({
    endpoint: `http://localhost:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ lookup: loopback }) }),
  });
}

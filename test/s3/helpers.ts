import { Agent } from 'node:http';
import { createHash } from 'node:crypto';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { definition } from '../../src/services/s3/index.js';
import { signHeaders } from '../helpers/sign.js';
import { clientConfig, startServer, type StartServerOptions, type TestServer } from '../helpers/server.js';

export { definition };

export function startS3(options: StartServerOptions = {}): Promise<TestServer> {
  return startServer({ services: [definition], ...options });
}

/** An agent that sends every host name to the loopback address (clients cannot resolve `*.s3.localhost` themselves). */
export const loopbackAgent = (): Agent =>
  new Agent({
    keepAlive: true,
    lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
      options?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) as never,
  });

/** The SDK with its defaults (checksums on): path-style, or virtual-hosted at `{bucket}.s3.localhost`. */
export function s3Client(server: TestServer, options: { virtual?: boolean; region?: string } & Partial<S3ClientConfig> = {}): S3Client {
  const { virtual, region, ...rest } = options;
  if (virtual) {
    const port = new URL(server.endpoint).port;
    return new S3Client({
      ...clientConfig(`http://s3.localhost:${port}`, region),
      // The SDK builds its Node handler from these options.
      requestHandler: { httpAgent: loopbackAgent() },
      ...rest,
    });
  }
  return new S3Client({ ...clientConfig(server.endpoint, region), forcePathStyle: true, ...rest });
}

/** Deterministic bytes. */
export function bytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export const md5Hex = (b: Buffer | string): string => createHash('md5').update(b).digest('hex');
export const md5B64 = (b: Buffer | string): string => createHash('md5').update(b).digest('base64');
export const sha256Hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export async function readAll(body: AsyncIterable<Uint8Array> | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body ?? []) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/** Expects `p` to reject with an S3 service error; returns it for further checks. */
export async function s3Error(p: Promise<unknown>): Promise<{ name: string; message: string; status: number; raw: any }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number }; $response?: unknown };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode ?? 0, raw: err };
  }
  throw new Error('expected an error');
}

/** A raw S3 request signed with the test credentials (x-amz-content-sha256 of the body unless given). */
export async function signedFetch(
  server: TestServer,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; region?: string } = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const url = new URL(server.endpoint);
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
  const headers: Record<string, string> = { host: url.host, ...options.headers };
  const signed = signHeaders({ service: 's3', region: options.region ?? 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' }, method, path, headers, body);
  if (options.headers?.['x-amz-content-sha256']) signed['x-amz-content-sha256'] = options.headers['x-amz-content-sha256'];
  const res = await fetch(`${server.endpoint}${path}`, { method, headers: { ...headers, ...signed }, body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body) });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

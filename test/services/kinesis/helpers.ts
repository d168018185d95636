import { KinesisClient } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { definition } from '../../../src/services/kinesis/index.js';
import type { Config } from '../../../src/core/config.js';
import { clientConfig, startServer, type TestServer } from '../../helpers/server.js';

/**
 * A Kinesis client over HTTP/1.1. The SDK's default handler for Kinesis speaks HTTP/2 (for
 * SubscribeToShard); the tests also run it where the server takes h2c.
 */
export function kinesisClient(endpoint: string, region = 'us-east-1'): KinesisClient {
  return new KinesisClient({ ...clientConfig(endpoint, region), requestHandler: new NodeHttpHandler() });
}

export async function kinesisServer(config: Partial<Config> = {}): Promise<{ server: TestServer; kinesis: KinesisClient }> {
  const server = await startServer({ services: [definition], config });
  return { server, kinesis: kinesisClient(server.endpoint) };
}

/** The error an SDK call rejects with. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode ?? 0 };
  }
  throw new Error('expected the call to fail');
}

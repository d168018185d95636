import { SQSClient } from '@aws-sdk/client-sqs';
import { definition } from '../../src/services/sqs/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

/** A server with SQS alone, and an SDK client for it (its MD5 checks on, as by default). */
export async function sqsServer(): Promise<{ server: TestServer; sqs: SQSClient }> {
  const server = await startServer({ services: [definition] });
  const sqs = new SQSClient(clientConfig(server.endpoint));
  return { server, sqs };
}

/** The error an SDK call rejects with, for asserting its name, query code and message. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; code: string; message: string; status: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; Code?: string; $metadata?: { httpStatusCode?: number }; $response?: { headers?: Record<string, string> } };
    return { name: err.name, code: err.Code ?? err.name, message: err.message, status: err.$metadata?.httpStatusCode ?? 0 };
  }
  throw new Error('expected the call to fail');
}

import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeleteMessageBatchCommand, SQSClient, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { definition as eventsService } from '../../src/services/events/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { clientConfig, startServer, type TestServer, type StartServerOptions } from '../helpers/server.js';

export { eventsService, sqsService };

export interface EventsTestContext {
  server: TestServer;
  events: EventBridgeClient;
  sqs: SQSClient;
}

/** A server with EventBridge and SQS (plus `extra` services), and clients for both. */
export async function eventsServer(extra: StartServerOptions['services'] = [], options: Omit<StartServerOptions, 'services'> = {}): Promise<EventsTestContext> {
  const server = await startServer({ ...options, services: [eventsService, sqsService, ...(extra ?? [])] });
  return { server, events: new EventBridgeClient(clientConfig(server.endpoint)), sqs: new SQSClient(clientConfig(server.endpoint)) };
}

/** Receives (and deletes) until `count` messages arrived (long polls of 1 s; deliveries are jobs that run moments after the call). */
export async function receiveN(sqs: SQSClient, QueueUrl: string, count: number, tries = 20): Promise<Message[]> {
  const got: Message[] = [];
  for (let i = 0; i < tries && got.length < count; i++) {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }));
    if (!Messages?.length) continue;
    got.push(...Messages);
    // Deleted, so that a later clock advance does not bring them back.
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return got;
}

/** The error a call rejects with: name, HTTP status and message. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode ?? 0 };
  }
  throw new Error('expected the call to fail');
}

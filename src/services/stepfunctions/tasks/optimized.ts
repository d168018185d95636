/**
 * The optimised integrations that call a service as the AWS SDK for Java 1.x does: DynamoDB
 * (getItem, putItem, updateItem, deleteItem), SQS (sendMessage), SNS (publish). Their output carries
 * that SDK's response metadata (`SdkHttpMetadata`, `SdkResponseMetadata`), and a failure is named by
 * the service's modelled exception (`SNS.NotFoundException`) or, for an error the SDK does not model,
 * by its generic one (`DynamoDB.AmazonDynamoDBException`), the cause in that SDK's message form.
 * EventBridge (putEvents) answers without metadata and fails with `EventBridge.FailedEntry`.
 */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import { queryErrorCode } from '../../../aws/protocols/wire.js';
import type { Platform } from '../../service.js';
import { serviceClient } from '../../clients.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';

interface Integration {
  /** The Stratus service called. */
  readonly service: string;
  /** The error prefix (`DynamoDB`) and the SDK's service name in causes (`AmazonDynamoDBv2`). */
  readonly prefix: string;
  readonly sdkName: string;
  /** Its generic exception, for errors the SDK does not model. */
  readonly generic: string;
  readonly contentType: string;
  /** Integration action -> operation. */
  readonly actions: Readonly<Record<string, string>>;
  /** Members whose JSON value (not text) AWS serialises before the call. */
  readonly textMembers?: readonly string[];
}

const INTEGRATIONS: Readonly<Record<string, Integration>> = {
  dynamodb: {
    service: 'dynamodb',
    prefix: 'DynamoDB',
    sdkName: 'AmazonDynamoDBv2',
    generic: 'AmazonDynamoDBException',
    contentType: 'application/x-amz-json-1.0',
    actions: { getItem: 'GetItem', putItem: 'PutItem', updateItem: 'UpdateItem', deleteItem: 'DeleteItem' },
  },
  sqs: {
    service: 'sqs',
    prefix: 'SQS',
    sdkName: 'AmazonSQS',
    generic: 'AmazonSQSException',
    contentType: 'application/x-amz-json-1.0',
    actions: { sendMessage: 'SendMessage' },
    textMembers: ['MessageBody'],
  },
  sns: {
    service: 'sns',
    prefix: 'SNS',
    sdkName: 'AmazonSNS',
    generic: 'AmazonSNSException',
    contentType: 'text/xml',
    actions: { publish: 'Publish' },
    textMembers: ['Message'],
  },
};

/** Whether `service:action` is one of these integrations. */
export function isOptimized(service: string, action: string): boolean {
  return (Object.hasOwn(INTEGRATIONS, service) && Object.hasOwn(INTEGRATIONS[service]!.actions, action)) || (service === 'events' && action === 'putEvents');
}

export async function optimizedTask(platform: Platform, call: TaskCall, service: string, action: string): Promise<unknown> {
  if (service === 'events') return putEvents(platform, call);
  const spec = INTEGRATIONS[service]!;
  const operation = spec.actions[action]!;
  const requestId = randomUUID();
  const scope = { accountId: call.execution.accountId, region: call.execution.region, requestId };
  const client = serviceClient<Record<string, (input: unknown) => Promise<unknown>>>(platform, spec.service, scope, { fromJson: true });
  if (!client) throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by this Stratus (${spec.service} is not loaded)`);
  let out: unknown;
  try {
    out = await client[operation]!(serialised(call.parameters, spec.textMembers));
  } catch (e) {
    if (!isAwsError(e)) throw e;
    const index = platform.services.get(spec.service)!.index;
    const modelled = index.errorShape(e.code) ? (e.code.endsWith('Exception') ? e.code : `${e.code}Exception`) : spec.generic;
    const wireCode = spec.service === 'dynamodb' ? e.code : queryErrorCode(index, e.code);
    throw new StatesError(`${spec.prefix}.${modelled}`, `${e.message} (Service: ${spec.sdkName}; Status Code: ${e.status}; Error Code: ${wireCode}; Request ID: ${requestId}; Proxy: null)`);
  }
  const result = jsonValue(out) as Record<string, unknown>;
  return { ...result, ...sdkMetadata(requestId, spec.contentType, Buffer.byteLength(JSON.stringify(result)), platform.clock.now()) };
}

/** EventBridge PutEvents: entries' object Details serialised; any failed entry fails the task with the response as its cause. */
async function putEvents(platform: Platform, call: TaskCall): Promise<unknown> {
  const p = (call.parameters ?? {}) as { Entries?: Record<string, unknown>[] };
  const events = serviceClient<{ PutEvents(input: unknown): Promise<unknown> }>(platform, 'events', { accountId: call.execution.accountId, region: call.execution.region }, { fromJson: true });
  if (!events) throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by this Stratus (events is not loaded)`);
  const entries = Array.isArray(p.Entries) ? p.Entries.map((e) => serialised(e, ['Detail'])) : p.Entries;
  let out: { FailedEntryCount?: number };
  try {
    out = jsonValue(await events.PutEvents({ ...p, Entries: entries })) as { FailedEntryCount?: number };
  } catch (e) {
    if (!isAwsError(e)) throw e;
    throw new StatesError(`EventBridge.${e.code.endsWith('Exception') ? e.code : `${e.code}Exception`}`, `${e.message} (Service: EventBridge, Status Code: ${e.status}, Request ID: ${randomUUID()})`);
  }
  if (out.FailedEntryCount) throw new StatesError('EventBridge.FailedEntry', JSON.stringify(out));
  return out;
}

/** Members given as JSON objects, arrays, numbers or booleans are sent as their JSON text. */
function serialised(parameters: unknown, members: readonly string[] | undefined): unknown {
  if (!members || !parameters || typeof parameters !== 'object') return parameters;
  const p = { ...(parameters as Record<string, unknown>) };
  for (const m of members) if (p[m] !== undefined && p[m] !== null && typeof p[m] !== 'string') p[m] = JSON.stringify(p[m]);
  return p;
}

/** The Java SDK 1.x's response metadata, as these integrations add it to their output. */
export function sdkMetadata(requestId: string, contentType: string, contentLength: number, now: number): Record<string, unknown> {
  // The length of a JSON body is that of the output; an XML one's is not known here.
  const headers: Record<string, string> = {
    ...(contentType.includes('json') ? { 'Content-Length': String(contentLength) } : {}),
    'Content-Type': contentType,
    Date: new Date(now).toUTCString(),
    'x-amzn-RequestId': requestId,
  };
  return {
    SdkHttpMetadata: { AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

/** An output as JSON: dates as epoch seconds, binary values as base64. */
function jsonValue(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? {}, (_k, x) => (x instanceof Date ? x.getTime() / 1000 : Buffer.isBuffer(x) ? x.toString('base64') : x)));
}

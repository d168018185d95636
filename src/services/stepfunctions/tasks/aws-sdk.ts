/**
 * AWS SDK integrations (`arn:aws:states:::aws-sdk:{service}:{action}`): any operation of a service this
 * Stratus serves, its Parameters read as the operation's input (PascalCase members, JSON values) and
 * its output given back with timestamps as ISO 8601 text and a streamed payload (S3 GetObject's Body)
 * as text. A failure is `{Service}.{Error}` with the `Exception` suffix AWS always adds
 * (`S3.NoSuchKeyException`, `Sfn.InvalidTokenException`), its cause in the Java SDK's message form.
 */
import { randomUUID } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import type { ServiceIndex } from '../../../aws/service-index.js';
import type { OperationHandler, Platform } from '../../service.js';
import { serviceClient } from '../../clients.js';
import { sdkTarget } from '../../targets/sdk-services.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';

/**
 * A streamed payload (S3 GetObject's Body) is read no further than past the 256 KiB output limit: a
 * longer one fails the state with States.DataLimitExceeded, as the engine checks every output.
 */
const MAX_STREAMED_BYTES = 256 * 1024 + 1;

export async function awsSdkTask(platform: Platform, call: TaskCall, sdkService: string, action: string): Promise<unknown> {
  const target = sdkTarget(sdkService, action);
  const loaded = platform.services.get(target.service);
  const op = loaded?.index.operations.get(target.operation);
  if (!loaded || !op) throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
  const requestId = randomUUID();
  const client = serviceClient<Record<string, OperationHandler>>(platform, target.service, { accountId: call.execution.accountId, region: call.execution.region, requestId }, { fromJson: true });
  const input = withStreamedPayload(loaded.index, op.input?.shape, call.parameters);
  let out: unknown;
  try {
    out = await (client![target.operation] as unknown as (input: unknown) => Promise<unknown>)(input);
  } catch (e) {
    if (!isAwsError(e)) throw e;
    const name = e.code.endsWith('Exception') ? e.code : `${e.code}Exception`;
    throw new StatesError(`${target.errorPrefix}.${name}`, `${e.message} (Service: ${target.errorPrefix}, Status Code: ${e.status}, Request ID: ${requestId}) (SDK Attempt Count: 1)`);
  }
  return op.output ? stateValue(loaded.index, op.output.shape, out) : {};
}

/**
 * A streaming blob payload (S3 PutObject's Body) given as a state value: text as its UTF-8 bytes,
 * any other JSON value serialised, as AWS does.
 */
function withStreamedPayload(index: ServiceIndex, shapeName: string | undefined, parameters: unknown): unknown {
  if (!shapeName || !parameters || typeof parameters !== 'object') return parameters;
  const shape = index.shape(shapeName);
  const payload = shape.payload;
  if (!payload || !shape.members?.[payload] || index.shape(shape.members[payload].shape).type !== 'blob') return parameters;
  const p = parameters as Record<string, unknown>;
  if (p[payload] === undefined) return parameters;
  const bytes = Buffer.from(typeof p[payload] === 'string' ? p[payload] : JSON.stringify(p[payload]), 'utf8');
  const body = Object.assign((async function* () { yield bytes; })(), { length: bytes.length });
  return { ...p, [payload]: body };
}

/** An operation's output as the state sees it (model-driven: timestamps ISO 8601, streams as text, blobs base64). */
async function stateValue(index: ServiceIndex, shapeName: string, value: unknown): Promise<unknown> {
  if (value === undefined || value === null) return undefined;
  const shape = index.shape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return value;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        if (v === undefined || v === null || ref.location === 'statusCode') continue;
        out[name] = await stateValue(index, ref.shape, v);
      }
      return out;
    }
    case 'list':
      return Promise.all((value as unknown[]).map((v) => stateValue(index, shape.member!.shape, v)));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = await stateValue(index, shape.value!.shape, v);
      return out;
    }
    case 'timestamp':
      return (value instanceof Date ? value : new Date(value as string | number)).toISOString();
    case 'blob':
      if (shape.streaming || !(Buffer.isBuffer(value) || value instanceof Uint8Array)) return (await readAll(value)).toString('utf8');
      return Buffer.from(value).toString('base64');
    default:
      return value;
  }
}

async function readAll(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(c));
    size += c.length;
    if (size >= MAX_STREAMED_BYTES) break;
  }
  return Buffer.concat(chunks);
}

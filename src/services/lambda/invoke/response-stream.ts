/**
 * InvokeWithResponseStream: an invocation whose response reaches the caller as an event stream,
 * PayloadChunk events as the function writes (awslambda.streamifyResponse), then InvokeComplete
 * (ErrorCode and ErrorDetails when the function failed, LogResult for LogType Tail). A function
 * that does not stream sends its whole response as one chunk, as on AWS. The invocation itself is
 * Invoke's (concurrency, versions and aliases, logs).
 */
import type { RequestContext } from '../../../core/context.js';
import { encodeEvent } from '../../../aws/eventstream.js';
import {
  TooManyRequestsException,
  type InvokeWithResponseStreamRequest,
  type InvokeWithResponseStreamResponse,
  type InvokeWithResponseStreamResponseEvent,
  type LambdaApi,
} from '../../../generated/lambda.js';
import type { PoolResult } from '../../../runtime/pool.js';
import type { LambdaCore } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { MAX_SYNC_PAYLOAD } from '../limits.js';
import { StreamBridge } from './stream-bridge.js';
import { checkInvocation, logTail, type InvocationRunner } from './sync.js';

export class ResponseStreamOps implements Pick<LambdaApi, 'InvokeWithResponseStream'> {
  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
  ) {}

  async InvokeWithResponseStream(ctx: RequestContext, input: InvokeWithResponseStreamRequest): Promise<InvokeWithResponseStreamResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const payload = input.Payload ?? Buffer.alloc(0);
    const clientContext = checkInvocation(payload, input.ClientContext, MAX_SYNC_PAYLOAD, 'InvokeWithResponseStream');
    const target = await this.core.resolve(ctx, name, qualifier, true);
    if (input.InvocationType === 'DryRun') return { StatusCode: 204 };
    // Throttling is an error answer, so the slot is taken before the stream begins.
    const reason = await this.runner.acquire(ctx, target);
    if (reason) throw new TooManyRequestsException('Rate Exceeded.', { ...USER_FAULT, Reason: reason });
    const bridge = new StreamBridge();
    const run = this.runner.run(ctx, target, payload, ctx.requestId, clientContext, bridge).finally(() => this.runner.release(ctx, target));
    // Settled here too, so a caller that goes away never leaves a rejection unhandled.
    run.catch(() => undefined);
    return {
      StatusCode: 200,
      ExecutedVersion: target.version,
      EventStream: events(bridge, run, input.LogType === 'Tail') as unknown as InvokeWithResponseStreamResponseEvent,
    };
  }
}

async function* events(bridge: StreamBridge, run: Promise<PoolResult>, tail: boolean): AsyncGenerator<Buffer> {
  const began = await Promise.race([bridge.begun.then(() => true), run.then(() => false, () => false)]);
  if (began) for (let piece = await bridge.next(); piece; piece = await bridge.next()) yield chunk(piece);
  let result: PoolResult;
  try {
    result = await run;
  } catch (e) {
    yield complete({ ErrorCode: 'ServiceException', ErrorDetails: (e as Error).message });
    return;
  }
  if (!began && result.outcome === 'success' && result.payload.length) yield chunk(result.payload);
  const done: Record<string, string> = {};
  if (result.outcome !== 'success') {
    done.ErrorCode = result.errorType ?? 'Unhandled';
    done.ErrorDetails = errorMessage(result.payload);
  }
  if (tail) done.LogResult = logTail(result);
  yield complete(done);
}

function chunk(payload: Buffer): Buffer {
  return encodeEvent('PayloadChunk', 'application/octet-stream', payload);
}

function complete(fields: Record<string, string>): Buffer {
  return encodeEvent('InvokeComplete', 'application/json', Buffer.from(JSON.stringify(fields)));
}

/** The errorMessage of an error document, else the document itself. */
function errorMessage(payload: Buffer): string {
  const text = payload.toString('utf8');
  try {
    const doc = JSON.parse(text) as { errorMessage?: unknown };
    if (typeof doc.errorMessage === 'string') return doc.errorMessage;
  } catch {
    // Not JSON: the text as it is.
  }
  return text;
}

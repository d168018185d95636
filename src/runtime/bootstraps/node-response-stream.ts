/**
 * Response streaming for the Node.js runtime (runs in the child process beside node-bootstrap):
 * the global `awslambda` AWS's Node runtimes define (`streamifyResponse`, `HttpResponseStream`), and
 * the invocation of a streaming handler, `handler(event, responseStream, context)`, whose writes go
 * to the Runtime API as they are made: a POST with `Lambda-Runtime-Function-Response-Mode:
 * streaming` and a chunked body, a failure reported in the trailers. An `.mts` module so that its
 * copy beside the bootstrap in the runtime directory loads as ESM with no package.json there.
 */
import { request, type ClientRequest } from 'node:http';
import { Writable, finished } from 'node:stream';

const HANDLER_STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const HANDLER_HIGHWATERMARK = Symbol.for('aws.lambda.runtime.handler.streaming.highWaterMark');
const STREAM_RESPONSE = 'response';
/** The content type of a response that begins with HTTP metadata (status, headers, cookies). */
const HTTP_INTEGRATION_RESPONSE = 'application/vnd.awslambda.http-integration-response';
/** The metadata prelude ends with 8 NUL bytes (JSON cannot contain one). */
const DELIMITER_LENGTH = 8;

type AnyHandler = ((...args: unknown[]) => unknown) & { [HANDLER_STREAMING]?: string; [HANDLER_HIGHWATERMARK]?: number };

export interface StreamErrorDoc {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

/** What the bootstrap lends: the Runtime API address and its own error formatting and logging. */
export interface StreamingRuntime {
  host: string;
  port: number;
  toErrorDoc(err: unknown): StreamErrorDoc;
  logError(label: string, doc: StreamErrorDoc): void;
}

/** Defines the global `awslambda`, unless AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA asks not to (as on AWS). */
export function installAwsLambdaGlobal(): void {
  const off = process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA;
  if (off === '1' || off === 'true') return;
  (globalThis as Record<string, unknown>).awslambda = { streamifyResponse, HttpResponseStream };
}

/** Marks a handler as streaming: the runtime then calls it with a response stream. */
function streamifyResponse(handler: AnyHandler, options?: { highWaterMark?: number }): AnyHandler {
  handler[HANDLER_STREAMING] = STREAM_RESPONSE;
  const hwm = Number(options?.highWaterMark);
  if (Number.isInteger(hwm) && hwm > 0) handler[HANDLER_HIGHWATERMARK] = hwm;
  return handler;
}

/** `HttpResponseStream.from(stream, { statusCode, headers, cookies })`: the metadata goes first. */
class HttpResponseStream {
  static from(stream: ResponseStream, prelude: unknown): ResponseStream {
    stream.setContentType(HTTP_INTEGRATION_RESPONSE);
    const metadata = JSON.stringify(prelude);
    stream._onBeforeFirstWrite = (write) => {
      write(metadata);
      write(new Uint8Array(DELIMITER_LENGTH));
    };
    return stream;
  }
}

export function isStreamingHandler(handler: unknown): boolean {
  return typeof handler === 'function' && (handler as AnyHandler)[HANDLER_STREAMING] === STREAM_RESPONSE;
}

/**
 * The stream handed to a streaming handler. The POST starts with the first write (or the end), so
 * the content type can be set until then; writes wait for the socket (backpressure).
 */
class ResponseStream extends Writable {
  _onBeforeFirstWrite: ((write: (chunk: string | Uint8Array) => void) => void) | undefined;
  private contentType = 'application/octet-stream';
  private req: ClientRequest | undefined;
  /** Settles once the runtime answered the POST. */
  readonly accepted: Promise<void>;
  private settle!: (error?: Error) => void;

  constructor(
    private readonly runtime: StreamingRuntime,
    private readonly path: string,
    highWaterMark: number | undefined,
  ) {
    super(highWaterMark ? { highWaterMark } : {});
    this.accepted = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
    // Failures reach the invocation through `fail`, not as unhandled stream errors.
    this.on('error', () => undefined);
  }

  setContentType(contentType: string): void {
    if (this.req) throw new Error('Cannot set content-type, too late.');
    this.contentType = contentType;
  }

  private open(): ClientRequest {
    if (this.req) return this.req;
    const req = request({
      host: this.runtime.host,
      port: this.runtime.port,
      method: 'POST',
      path: this.path,
      agent: false,
      headers: {
        'Lambda-Runtime-Function-Response-Mode': 'streaming',
        'Content-Type': this.contentType,
        'Transfer-Encoding': 'chunked',
        Trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body',
      },
    });
    req.setNoDelay(true);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => this.settle());
    });
    req.on('error', (e) => this.settle(e));
    this.req = req;
    const hook = this._onBeforeFirstWrite;
    this._onBeforeFirstWrite = undefined;
    hook?.((chunk) => req.write(chunk));
    return req;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const req = this.open();
    if (req.write(chunk)) callback();
    else req.once('drain', () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.open().end(() => callback());
  }

  /** Ends the response with the error in its trailers (a response not begun is begun empty). */
  fail(doc: StreamErrorDoc): void {
    const req = this.open();
    if (req.writableEnded) return;
    req.addTrailers({ 'Lambda-Runtime-Function-Error-Type': doc.errorType, 'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify(doc)).toString('base64') });
    req.end();
  }
}

/**
 * Runs one invocation of a streaming handler; resolves once the runtime accepted the response.
 * The handler must return a promise; the invocation ends when the stream has ended (a stream never
 * ended runs until the function's timeout, as on AWS); a failure before or during the stream is
 * reported in its trailers.
 */
export async function runStreamingHandler(handler: unknown, event: unknown, context: unknown, requestId: string, runtime: StreamingRuntime): Promise<void> {
  const fn = handler as AnyHandler;
  const stream = new ResponseStream(runtime, `/2018-06-01/runtime/invocation/${encodeURIComponent(requestId)}/response`, fn[HANDLER_HIGHWATERMARK]);
  const fail = (err: unknown): void => {
    const doc = runtime.toErrorDoc(err);
    runtime.logError('Invoke Error', doc);
    stream.fail(doc);
  };
  try {
    const out = fn(event, stream, context) as Promise<unknown> | undefined;
    if (!out || typeof out.then !== 'function') {
      fail(new Error('Streaming does not support non-async handlers.'));
    } else {
      const result = await out;
      if (result !== undefined) console.warn('Streaming handlers ignore return values.');
      await new Promise<void>((resolve, reject) => finished(stream, (e) => (e ? reject(e) : resolve())));
    }
  } catch (e) {
    fail(e);
  }
  await stream.accepted.catch(() => undefined);
}

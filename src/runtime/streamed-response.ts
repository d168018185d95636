/**
 * Streamed function responses on the Runtime API, as AWS's runtimes send them: a POST to
 * `/invocation/{id}/response` with `Lambda-Runtime-Function-Response-Mode: streaming`, a chunked
 * body and, when the function fails part-way, the trailers `Lambda-Runtime-Function-Error-Type` and
 * `Lambda-Runtime-Function-Error-Body` (the error document, base64). The pieces go to the
 * invocation's sink as they arrive; without a sink (a plain Invoke) they are collected and the
 * invocation answers as a buffered one, within the buffered limit.
 */
import type { RuntimeRequest } from './runtime-api-server.js';

/** Where a streamed response goes (a function URL's HTTP response, InvokeWithResponseStream's events). */
export interface ResponseStreamSink {
  /** The function began its response, with this Content-Type; called once, before the first chunk. */
  begin(contentType: string): void;
  chunk(data: Buffer): void;
  /** The response ended; `error` when the function failed, timed out or died after it began. */
  end(error?: { errorType: string; payload: Buffer }): void;
}

export interface StreamState {
  /** The sink was told the response began (so it must be told it ended). */
  begun: boolean;
}

type Outcome = 'success' | 'error';

/** What the environment lets this module do with the invocation. */
export interface StreamedResponseHost {
  /** Answers the runtime's POST. */
  accepted(status: number, doc: unknown): void;
  finish(outcome: Outcome, payload: Buffer, errorType?: string): void;
}

/** A pending invocation as far as a streamed response is concerned. */
interface PendingStream {
  req: { stream?: ResponseStreamSink | undefined };
  done: boolean;
  streaming?: StreamState;
}

/** The buffered response limit, and AWS's figure for it in the error (see environment.ts). */
const MAX_BUFFERED = 6 * 1024 * 1024;
const BUFFERED_REPORTED = 6291556;
const STREAMED_REPORTED = 200 * 1024 * 1024;

function errorDoc(errorType: string, errorMessage: string): Buffer {
  return Buffer.from(JSON.stringify({ errorType, errorMessage }));
}

/** Takes a streamed response POST for the pending invocation `p`. */
export function acceptStreamedResponse(p: PendingStream, req: RuntimeRequest, host: StreamedResponseHost): void {
  const sink = p.req.stream;
  const state: StreamState = { begun: false };
  p.streaming = state;
  const contentType = req.headers['content-type'] || 'application/octet-stream';
  const begin = (): void => {
    if (state.begun || !sink) return;
    state.begun = true;
    sink.begin(contentType);
  };
  const collected: Buffer[] = [];
  let size = 0;
  let overBuffered = false;
  const stream = req.stream!;
  stream.onData = (chunk) => {
    if (p.done || chunk.length === 0) return;
    if (sink) {
      begin();
      sink.chunk(chunk);
      return;
    }
    size += chunk.length;
    if (size > MAX_BUFFERED) overBuffered = true;
    if (!overBuffered) collected.push(chunk);
  };
  stream.onEnd = (trailers) => {
    if (p.done) {
      host.accepted(202, { status: 'OK' });
      return;
    }
    if (req.tooLarge || overBuffered) {
      host.accepted(413, { errorMessage: `Exceeded maximum allowed payload size (${sink ? STREAMED_REPORTED : MAX_BUFFERED} bytes).`, errorType: 'RequestEntityTooLarge' });
      const limit = sink ? STREAMED_REPORTED : BUFFERED_REPORTED;
      host.finish('error', errorDoc('Function.ResponseSizeTooLarge', `Response payload size exceeded maximum allowed payload size (${limit} bytes).`), 'Function.ResponseSizeTooLarge');
      return;
    }
    host.accepted(202, { status: 'OK' });
    const errorType = trailers['lambda-runtime-function-error-type'];
    if (errorType) {
      const body = trailers['lambda-runtime-function-error-body'];
      host.finish('error', body ? Buffer.from(body, 'base64') : errorDoc(errorType, 'Unknown error'), errorType);
      return;
    }
    // An empty response still begins (and ends) the client's.
    begin();
    host.finish('success', sink ? Buffer.alloc(0) : Buffer.concat(collected));
  };
  // A connection cut mid-body: the process died or is dying; its death concludes the invocation.
  stream.onAbort = () => undefined;
}

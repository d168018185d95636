import { createHash } from 'node:crypto';
import type { BodyStream, HttpRequest } from '../core/http.js';

/**
 * A request as a transport (http1.ts, or Node's http for upgraded connections) hands it to the
 * server: the head, and the body either whole already (`body`, the common case: it came in the
 * same read as the head) or still arriving (`incoming`). The server then reads it whole, under the
 * destination's limit, or hands it on as a stream.
 */
export interface IncomingRequest extends HttpRequest {
  /** Rewritten when a service addresses the request by its host (the sent path kept in `signedPath`). */
  rawPath: string;
  signedPath?: string;
  body: Buffer;
  stream?: BodyStream;
  /** The body still to receive; undefined once `body` holds all of it. */
  incoming: IncomingBody | undefined;
}

/** How a transport lets the body's reader steer the connection. */
export interface BodyFlow {
  /** Stop reading from the client (the reader holds enough unread bytes). */
  pause(): void;
  resume(): void;
  /** The reader asked for the body: time for `100 Continue` if the client waits for it. */
  start(): void;
  /** Nothing of the body came for too long (the reader has its error): drop the connection. */
  abort(): void;
}

/**
 * How long a reader waits for the next bytes of a body before the connection is dropped: a client
 * that stops sending mid-body would otherwise hold its request, and the server's shutdown, forever.
 * About what AWS's front ends allow an idle upload.
 */
export const BODY_IDLE_MS = 20_000;

/** Unread bytes held before the connection is paused (and resumed below half of it). */
const HIGH_WATER = 1024 * 1024;

/**
 * A body arriving from the client, read once: whole (`readAll`, under a limit) or as an async
 * iterable of chunks. The transport pushes what it receives; past HIGH_WATER unread bytes it is
 * told to pause, so a slow reader holds the client back instead of filling memory. A reader that
 * waits `idleMs` (real time: this is the client's pace, not the platform clock's) for bytes that
 * do not come gets a ConnectionClosedError, and the transport is told to drop the connection.
 */
export class IncomingBody implements BodyStream {
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private error: Error | undefined;
  private wake: (() => void) | undefined;
  private paused = false;
  private started = false;
  /** Runs while the reader waits for bytes. */
  private idle: NodeJS.Timeout | undefined;

  constructor(
    readonly length: number | undefined,
    private readonly flow: BodyFlow,
    private readonly idleMs: number,
  ) {}

  // The transport's side.

  push(data: Buffer): void {
    if (data.length === 0) return;
    this.queue.push(data);
    this.queued += data.length;
    if (!this.paused && this.queued >= HIGH_WATER) {
      this.paused = true;
      this.flow.pause();
    }
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: Error): void {
    if (this.ended) return;
    this.error ??= error;
    this.notify();
  }

  private notify(): void {
    clearTimeout(this.idle);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  // The reader's side.

  /** The next chunk; undefined at the end of the body. */
  async read(): Promise<Buffer | undefined> {
    if (!this.started) {
      this.started = true;
      this.flow.start();
    }
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.length;
        if (this.paused && this.queued < HIGH_WATER / 2) {
          this.paused = false;
          this.flow.resume();
        }
        return chunk;
      }
      if (this.error) throw this.error;
      if (this.ended) return undefined;
      this.idle = setTimeout(this.stalled, this.idleMs);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private readonly stalled = (): void => {
    this.fail(new ConnectionClosedError(`no bytes of the body came for ${this.idleMs / 1000} s`));
    this.flow.abort();
  };

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (let chunk = await this.read(); chunk; chunk = await this.read()) yield chunk;
  }

  /**
   * The whole body, or 'too-large' as soon as the declared length or the running count passes
   * `max` (the rest is then left unread). Linear in the size: each byte is copied once.
   */
  async readAll(max: number): Promise<Buffer | 'too-large'> {
    if (this.length !== undefined && this.length > max) return 'too-large';
    if (this.length !== undefined) {
      // The size is known: each chunk is copied into place as it comes, so no step (nor a
      // collection of many chunks) takes long, and what was copied becomes garbage at once.
      // The allocation is address space; memory is taken as bytes are written into it.
      const whole = Buffer.allocUnsafeSlow(this.length);
      let at = 0;
      for (let chunk = await this.read(); chunk; chunk = await this.read()) at += chunk.copy(whole, at);
      return whole;
    }
    // A chunked body: its chunks are joined once, at its end.
    const chunks: Buffer[] = [];
    let size = 0;
    for (let chunk = await this.read(); chunk; chunk = await this.read()) {
      size += chunk.length;
      if (size > max) return 'too-large';
      chunks.push(chunk);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  }
}

/** A malformed body (bad chunk framing): answered 400, and the connection closed. */
export class MalformedBodyError extends Error {}

/** The client went away before its body was read, or while a response was being streamed to it. */
export class ConnectionClosedError extends Error {
  constructor(what = 'the client closed the connection') {
    super(what);
  }
}

/**
 * Separates a body's bytes from what follows it on the connection, as they arrive: by
 * Content-Length, or by chunked framing (extensions and trailers read past and ignored).
 */
export interface BodyFraming {
  /** Passes the body bytes of `buf` to `onData`; returns how many bytes of `buf` belonged to the body. */
  feed(buf: Buffer, onData: (data: Buffer) => void): number;
  readonly done: boolean;
}

export class LengthFraming implements BodyFraming {
  constructor(private remaining: number) {}

  get done(): boolean {
    return this.remaining === 0;
  }

  feed(buf: Buffer, onData: (data: Buffer) => void): number {
    const n = Math.min(this.remaining, buf.length);
    if (n > 0) onData(n === buf.length ? buf : buf.subarray(0, n));
    this.remaining -= n;
    return n;
  }
}

/** A chunk-size or trailer line longer than this is refused (nothing legitimate comes close). */
const MAX_LINE = 8 * 1024;

export class ChunkedFraming implements BodyFraming {
  private state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
  /** The line read so far (size line or trailer line), as latin1. */
  private line = '';
  private left = 0;

  get done(): boolean {
    return this.state === 'done';
  }

  feed(buf: Buffer, onData: (data: Buffer) => void): number {
    let pos = 0;
    while (pos < buf.length && this.state !== 'done') {
      if (this.state === 'data') {
        const n = Math.min(this.left, buf.length - pos);
        onData(buf.subarray(pos, pos + n));
        pos += n;
        this.left -= n;
        if (this.left === 0) this.state = 'data-end';
        continue;
      }
      // A line: the chunk size, the CRLF after a chunk's data, or a trailer.
      const lf = buf.indexOf(10, pos);
      const end = lf < 0 ? buf.length : lf + 1;
      this.line += buf.toString('latin1', pos, end);
      pos = end;
      if (this.line.length > MAX_LINE) throw new MalformedBodyError('chunk line too long');
      if (lf < 0) break;
      if (!this.line.endsWith('\r\n')) throw new MalformedBodyError('bare LF in chunked body');
      const text = this.line.slice(0, -2);
      this.line = '';
      if (this.state === 'data-end') {
        if (text !== '') throw new MalformedBodyError('chunk data longer than its size');
        this.state = 'size';
      } else if (this.state === 'trailer') {
        if (text === '') this.state = 'done';
      } else {
        const size = text.split(';', 1)[0]!.trim();
        if (!/^[0-9a-fA-F]{1,12}$/.test(size)) throw new MalformedBodyError('bad chunk size');
        this.left = parseInt(size, 16);
        this.state = this.left === 0 ? 'trailer' : 'data';
      }
    }
    return pos;
  }
}

/** Whether the body is at most `max` bytes, one still arriving read whole first (only then is there anything to await). */
export function bodyWithin(req: IncomingRequest, max: number): boolean | Promise<boolean> {
  return req.incoming ? readWhole(req, max) : req.body.length <= max;
}

/** Reads a body still arriving whole into `req.body`; false (the rest left unread) when it passes `max`. */
export async function readWhole(req: IncomingRequest, max: number): Promise<boolean> {
  const whole = await req.incoming!.readAll(max);
  if (whole === 'too-large') return false;
  req.body = whole;
  req.incoming = undefined;
  return true;
}

/** A body that came whole, for a reader that takes a stream. */
export function bufferedStream(body: Buffer): BodyStream {
  return {
    length: body.length,
    async *[Symbol.asyncIterator]() {
      if (body.length > 0) yield body;
    },
  };
}

/** `stream` as it is, except that its end fails with `mismatch()` when its SHA-256 is not `sha256Hex`. */
export function verifiedStream(stream: BodyStream, sha256Hex: string, mismatch: (computed: string) => Error): BodyStream {
  return {
    length: stream.length,
    unchecked: stream,
    async *[Symbol.asyncIterator]() {
      const hash = createHash('sha256');
      for await (const chunk of stream) {
        hash.update(chunk);
        yield chunk;
      }
      const computed = hash.digest('hex');
      if (computed !== sha256Hex.toLowerCase()) throw mismatch(computed);
    },
  };
}

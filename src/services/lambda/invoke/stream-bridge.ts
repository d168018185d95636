/**
 * A streamed function response on its way out: the runtime side pushes (ResponseStreamSink), the
 * HTTP side (a function URL, InvokeWithResponseStream) pulls the pieces in order as they come.
 */
import type { ResponseStreamSink } from '../../../runtime/streamed-response.js';

export class StreamBridge implements ResponseStreamSink {
  /** Resolves with the Content-Type once the function began its response. */
  readonly begun: Promise<string>;
  /** The function failed after it began (the stream was cut short). */
  failure: { errorType: string; payload: Buffer } | undefined;
  private resolveBegun!: (contentType: string) => void;
  private readonly queue: Buffer[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor() {
    this.begun = new Promise((resolve) => (this.resolveBegun = resolve));
  }

  begin(contentType: string): void {
    this.resolveBegun(contentType);
  }

  chunk(data: Buffer): void {
    this.queue.push(data);
    this.notify();
  }

  end(error?: { errorType: string; payload: Buffer }): void {
    this.ended = true;
    this.failure = error;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** The pieces in order, as they come; done when the function's response ended. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const piece = this.queue.shift();
      if (piece) return piece;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

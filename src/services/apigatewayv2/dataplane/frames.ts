/**
 * Watches the frames a WebSocket client sends (their headers only, as the bytes pass by) for the
 * largest frame payload API Gateway takes: 32 KB. The `ws` package's own limit is per message
 * (128 KB here); a larger single frame is API Gateway's 1009 close.
 */
export class FrameWatcher {
  private header = Buffer.alloc(0);
  /** Payload bytes of the current frame still to pass before the next header. */
  private skip = 0;

  constructor(
    private readonly maxFrame: number,
    private readonly onOversized: () => void,
  ) {}

  /** Feeds bytes read from the socket (after the handshake). */
  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      // A header is at most 14 bytes: take what is missing of it from this chunk.
      const before = this.header.length;
      const slice = chunk.subarray(at, at + (14 - before));
      this.header = Buffer.concat([this.header, slice]);
      const parsed = frameHeader(this.header);
      if (!parsed) {
        at += slice.length;
        continue;
      }
      at += parsed.headerLength - before;
      this.header = Buffer.alloc(0);
      if (parsed.payloadLength > this.maxFrame) {
        this.onOversized();
        return;
      }
      this.skip = parsed.payloadLength;
    }
  }
}

/** A frame header's length and payload length, once enough bytes are there. */
function frameHeader(b: Buffer): { headerLength: number; payloadLength: number } | undefined {
  if (b.length < 2) return undefined;
  const masked = (b[1]! & 0x80) !== 0;
  let len = b[1]! & 0x7f;
  let headerLength = 2;
  if (len === 126) {
    if (b.length < 4) return undefined;
    len = b.readUInt16BE(2);
    headerLength = 4;
  } else if (len === 127) {
    if (b.length < 10) return undefined;
    len = Number(b.readBigUInt64BE(2));
    headerLength = 10;
  }
  if (masked) headerLength += 4;
  if (b.length < headerLength) return undefined;
  return { headerLength, payloadLength: len };
}

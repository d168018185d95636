/**
 * A multipart/form-data body read as it arrives (browser POST uploads): the fields before the file
 * are collected (bounded), the file part is handed over as a stream, nothing after it is kept.
 */
import type { BodyStream } from '../../core/http.js';

export class MalformedForm extends Error {}

const MAX_FIELD_BYTES = 64 * 1024;

export interface FormFile {
  filename: string;
  contentType?: string;
  body: AsyncIterable<Buffer>;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Buffer>;

  constructor(stream: AsyncIterable<Buffer>) {
    this.it = stream[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const n = await this.it.next();
    if (n.done) {
      this.done = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? n.value : Buffer.concat([this.buf, n.value]);
    return true;
  }

  async take(n: number): Promise<Buffer> {
    while (this.buf.length < n) if (!(await this.fill())) throw new MalformedForm('truncated');
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  async until(delim: Buffer, max = MAX_FIELD_BYTES): Promise<Buffer> {
    for (;;) {
      const i = this.buf.indexOf(delim);
      if (i >= 0) {
        const out = this.buf.subarray(0, i);
        this.buf = this.buf.subarray(i + delim.length);
        return out;
      }
      if (this.buf.length > max + delim.length) throw new MalformedForm('field too large');
      if (!(await this.fill())) throw new MalformedForm('truncated');
    }
  }

  /** The bytes up to `delim`, as they arrive: only a delimiter's length is held back. */
  async *streamUntil(delim: Buffer): AsyncIterable<Buffer> {
    for (;;) {
      const i = this.buf.indexOf(delim);
      if (i >= 0) {
        if (i > 0) yield this.buf.subarray(0, i);
        this.buf = this.buf.subarray(i + delim.length);
        return;
      }
      const keep = delim.length - 1;
      if (this.buf.length > keep) {
        const out = this.buf.subarray(0, this.buf.length - keep);
        this.buf = this.buf.subarray(this.buf.length - keep);
        yield out;
      }
      if (!(await this.fill())) throw new MalformedForm('truncated');
    }
  }

  async drain(): Promise<void> {
    this.buf = Buffer.alloc(0);
    while (await this.fill()) this.buf = Buffer.alloc(0);
  }
}

/**
 * Reads the form: `fields` (names lower-cased, first value kept) up to the part named `file`, then
 * `onFile` with that part's stream, which it must consume. Fields after the file are ignored, as S3 does.
 */
export async function readForm(stream: BodyStream, boundary: string, onFields: (fields: Map<string, string>, file: FormFile | undefined) => Promise<void>): Promise<void> {
  const r = new Reader(stream);
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delim = Buffer.from(`\r\n--${boundary}`);
  await r.until(dashBoundary);
  const fields = new Map<string, string>();
  for (;;) {
    const after = (await r.take(2)).toString('latin1');
    if (after === '--') break;
    if (after !== '\r\n') throw new MalformedForm('bad boundary');
    const head = (await r.until(Buffer.from('\r\n\r\n'))).toString('utf8');
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(head)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw new MalformedForm('part without a name');
    if (name.toLowerCase() === 'file') {
      const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? '';
      const contentType = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
      await onFields(fields, { filename, contentType, body: r.streamUntil(delim) });
      await r.drain();
      return;
    }
    const value = (await r.until(delim)).toString('utf8');
    if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);
  }
  await onFields(fields, undefined);
}

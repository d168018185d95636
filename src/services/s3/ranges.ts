/** Byte ranges: GET's Range header and UploadPartCopy's x-amz-copy-source-range. */
import { invalidRange } from './errors.js';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range a GET asks for within `size` bytes, undefined for the whole object: a header that is not
 * one well-formed `bytes=` range is ignored, as AWS ignores it; one that starts past the end is 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    // The last N bytes.
    const n = Number(m[2]);
    if (n === 0 || size === 0) throw invalidRange(header, size);
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw invalidRange(header, size);
  return { start, end };
}

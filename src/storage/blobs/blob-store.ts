import type { Tx } from '../db.js';

/**
 * Large binary values (S3 objects, Lambda code, uploads) kept outside SQL rows, referenced from
 * SQL by id. A blob is written from a stream and read back as one, whole or a byte range, in
 * bounded memory.
 *
 * Life of a blob: `put` stores it unreferenced; the service records it in its own transaction and
 * `claim`s it there (both commit or neither does); `release` in the transaction that drops the
 * reference, then `delete` once that committed removes it if nothing claims it any more. A blob
 * left unreferenced (a crash between `put` and the service's commit) is removed at a later start.
 */
export interface BlobStore {
  /**
   * Stores the stream's bytes; fails with BlobTooLargeError past `maxBytes`, keeping nothing.
   * `sha256: false` skips the SHA-256 (a caller that has its own digests need not pay for it).
   * `inline: true` lets the store keep a small blob with its SQL row rather than as a file: then it
   * is exactly as durable as the caller's rows (the database's sync setting), not more.
   */
  put(source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<BlobInfo>;
  /** Size and checksum of a stored blob; undefined if there is none by that id. */
  stat(id: string): Promise<BlobInfo | undefined>;
  /**
   * The blob's bytes, or those of `range` (inclusive offsets, `end` defaulting to the last byte);
   * undefined if there is none by that id. Throws RangeError for a range outside the blob.
   * Ending the iteration early (break, return()) releases the file.
   */
  read(id: string, range?: BlobRange): Promise<AsyncIterable<Buffer> | undefined>;
  /** Adds a reference, inside the caller's transaction (SQL only, as tx callbacks must be). */
  claim(tx: Tx, id: string): Promise<void>;
  /** Drops a reference, inside the caller's transaction; call `delete` after it committed. */
  release(tx: Tx, id: string): Promise<void>;
  /** Removes the blob unless something references it; true if it was removed. */
  delete(id: string): Promise<boolean>;
  /** Removes what nothing references any more (files without a row, rows never claimed), where the store can. */
  sweep?(): Promise<void>;
  close(): Promise<void>;
}

export interface PutOptions {
  maxBytes?: number;
  sha256?: boolean;
  inline?: boolean;
}

export interface BlobInfo {
  readonly id: string;
  readonly size: number;
  /** Hex SHA-256 of the bytes; absent for a blob put with `sha256: false`. */
  readonly sha256?: string;
}

export interface BlobRange {
  readonly start: number;
  readonly end?: number;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}

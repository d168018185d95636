import { join } from 'node:path';
import type { Config } from '../../core/config.js';
import type { Db } from '../db.js';
import type { BlobStore } from './blob-store.js';
import { FileBlobStore } from './file-blob-store.js';

export type { BlobInfo, BlobRange, BlobStore, PutOptions } from './blob-store.js';
export { BlobTooLargeError } from './blob-store.js';

/**
 * The blob store for a configuration: files under the data directory (a temporary directory,
 * removed on close, when ephemeral), with their rows in `db`. This is the one place that chooses:
 * several nodes on PostgreSQL would need a store they share (an object store, large objects).
 */
export function createBlobStore(config: Pick<Config, 'dataDir'>, db: Db): Promise<BlobStore> {
  return FileBlobStore.open(db, { dir: config.dataDir ? join(config.dataDir, 'blobs') : undefined });
}

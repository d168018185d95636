/**
 * Deployment packages: stored in SQL (so every node sees them), unpacked once per code hash
 * into the Lambda directory (under the data dir, or a temporary one when ephemeral).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AwsError } from '../../aws/errors.js';
import { listZip, readZipEntry, safeEntryPath, ZipError } from '../../runtime/zip.js';
import type { Db, Queryable } from '../../storage/db.js';

export const MAX_ZIPPED_BYTES = 50 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 262_144_000;

export interface CodeInfo {
  sha256: string;
  hex: string;
  size: number;
  unzipped: number;
}

const invalid = (message: string): AwsError => new AwsError('InvalidParameterValueException', message, 400, { fields: { Type: 'User' } });

/** Checks a zip and measures it, as CreateFunction/UpdateFunctionCode do before storing it. */
export function inspectZip(zip: Buffer, operation: string): CodeInfo {
  if (zip.length > MAX_ZIPPED_BYTES) {
    throw new AwsError('RequestEntityTooLargeException', `Request must be smaller than 70167211 bytes for the ${operation} operation`, 413, { fields: { Type: 'User' } });
  }
  let unzipped = 0;
  try {
    const entries = listZip(zip);
    for (const e of entries) unzipped += e.size;
  } catch (e) {
    if (e instanceof ZipError) throw invalid('Could not unzip uploaded file. Please check your file, then try to upload again.');
    throw e;
  }
  if (unzipped > MAX_UNZIPPED_BYTES) throw invalid(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  const digest = createHash('sha256').update(zip).digest();
  return { sha256: digest.toString('base64'), hex: digest.toString('hex'), size: zip.length, unzipped };
}

export async function storeCode(tx: Queryable, accountId: string, region: string, info: CodeInfo, zip: Buffer): Promise<void> {
  await tx.run(
    'INSERT INTO lambda_code (account, region, sha, zip, size, unzipped) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [accountId, region, info.hex, zip, info.size, info.unzipped],
  );
}

export async function loadCode(db: Db, accountId: string, region: string, hex: string): Promise<Buffer | undefined> {
  const row = await db.get<{ zip: Buffer }>('SELECT zip FROM lambda_code WHERE account = ? AND region = ? AND sha = ?', [accountId, region, hex]);
  return row ? Buffer.from(row.zip) : undefined;
}

/** Unpacks a zip into `dir` (atomically: into a sibling then renamed). */
export function unpack(zip: Buffer, dir: string): void {
  if (existsSync(dir)) return;
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(tmp, { recursive: true });
  try {
    for (const entry of listZip(zip)) {
      const rel = safeEntryPath(entry.name);
      if (!rel) continue;
      const target = join(tmp, rel);
      if (entry.isDirectory) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readZipEntry(zip, entry));
      const mode = entry.mode & 0o777;
      chmodSync(target, mode ? mode | 0o400 : 0o644);
    }
    mkdirSync(dirname(dir), { recursive: true });
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(dir)) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

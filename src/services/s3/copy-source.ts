/** x-amz-copy-source (`[/]bucket/key[?versionId=id]`, URL-encoded) and the source object it names. */
import type { RequestContext } from '../../core/context.js';
import { checkCopySource, type Conditions } from './conditions.js';
import { MAX_OBJECT_BYTES, type S3Core } from './core.js';
import { invalidArgument, invalidRequest } from './errors.js';
import type { ObjectRow } from './store.js';
import { resolveObject, versions, wellFormedVersionId } from './versions.js';

export interface CopySource {
  bucket: string;
  key: string;
  versionId?: string;
}

export function parseCopySource(header: string): CopySource {
  let text = header.startsWith('/') ? header.slice(1) : header;
  let versionId: string | undefined;
  const q = text.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(text.slice(q + 1));
    versionId = params.get('versionId') ?? undefined;
    text = text.slice(0, q);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    throw invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', header);
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', header);
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}

/** The source object of a copy, its conditions checked (412 for each that fails). */
export async function copySourceObject(core: S3Core, ctx: RequestContext, header: string, conditions: Conditions): Promise<{ source: CopySource; object: ObjectRow }> {
  const source = parseCopySource(header);
  await core.bucket(ctx, source.bucket);
  if (source.versionId !== undefined) {
    if (!wellFormedVersionId(source.versionId)) throw invalidArgument('Invalid version id specified', 'x-amz-copy-source', header);
    const named = await versions.get(core.db, source.bucket, source.key, source.versionId);
    if (named?.deleteMarker) throw invalidRequest('The source of a copy request may not specifically refer to a delete marker by version id.');
  }
  const object = await resolveObject(core.db, source.bucket, source.key, source.versionId, 'GET');
  checkCopySource(object, conditions);
  return { source, object };
}

export function checkCopySize(size: number): void {
  if (size > MAX_OBJECT_BYTES) throw invalidRequest(`The specified copy source is larger than the maximum allowable size for a copy source: ${MAX_OBJECT_BYTES}`);
}

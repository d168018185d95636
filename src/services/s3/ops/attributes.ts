/**
 * GetObjectAttributes: ETag (unquoted), Checksum, ObjectParts (a page of a multipart object's parts;
 * each part listed only when the object has a checksum, as AWS lists them), StorageClass, ObjectSize.
 */
import type { RequestContext } from '../../../core/context.js';
import type { GetObjectAttributesOutput, GetObjectAttributesRequest, ObjectPart, S3Api } from '../../../generated/s3.js';
import { checksumMember, type ChecksumAlgorithm } from '../checksums.js';
import type { S3Core } from '../core.js';
import { invalidArgument, invalidRequest } from '../errors.js';
import { resolveObject } from '../versions.js';
import { NULL_VERSION } from '../store.js';

const ATTRIBUTES = new Set(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);
const MAX_PARTS = 1000;

export class AttributesOps implements Pick<S3Api, 'GetObjectAttributes'> {
  constructor(private readonly core: S3Core) {}

  async GetObjectAttributes(ctx: RequestContext, input: GetObjectAttributesRequest): Promise<GetObjectAttributesOutput> {
    const wanted = new Set((input.ObjectAttributes ?? []).flatMap((a) => String(a).split(',')).map((a) => a.trim()).filter((a) => a !== ''));
    if (wanted.size === 0) throw invalidRequest('The x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty');
    for (const a of wanted) if (!ATTRIBUTES.has(a)) throw invalidArgument('Invalid attribute name specified.', 'x-amz-object-attributes', a);
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const o = await resolveObject(this.core.db, input.Bucket, input.Key, input.VersionId, 'GET');
    const out: GetObjectAttributesOutput = {
      LastModified: new Date(o.lastModified),
      VersionId: settings.versioning || o.versionId !== NULL_VERSION ? o.versionId : undefined,
    };
    if (wanted.has('ETag')) out.ETag = o.etag.replace(/"/g, '');
    if (wanted.has('StorageClass')) out.StorageClass = o.storageClass as GetObjectAttributesOutput['StorageClass'];
    if (wanted.has('ObjectSize')) out.ObjectSize = o.size;
    const c = o.meta.checksum;
    if (wanted.has('Checksum') && c) out.Checksum = { [checksumMember(c.algorithm)]: c.value, ChecksumType: c.type };
    if (wanted.has('ObjectParts') && o.parts) {
      const max = Math.min(input.MaxParts ?? MAX_PARTS, MAX_PARTS);
      const marker = input.PartNumberMarker !== undefined ? Number(input.PartNumberMarker) : 0;
      const numbered = o.parts.map((p, i) => ({ ...p, number: i + 1 })).filter((p) => p.number > marker);
      const page = numbered.slice(0, max);
      const algorithm = c?.algorithm;
      out.ObjectParts = {
        TotalPartsCount: o.parts.length,
        PartNumberMarker: marker,
        NextPartNumberMarker: page.length > 0 ? page[page.length - 1]!.number : undefined,
        MaxParts: max,
        IsTruncated: numbered.length > max,
        Parts: algorithm
          ? page.map((p): ObjectPart => {
              const value = p.checksum?.startsWith(`${algorithm}:`) ? p.checksum.slice(algorithm.length + 1) : undefined;
              return { PartNumber: p.number, Size: p.size, ...(value ? { [checksumMember(algorithm as ChecksumAlgorithm)]: value } : {}) };
            })
          : undefined,
      };
    }
    return out;
  }
}

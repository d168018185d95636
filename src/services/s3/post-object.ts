/**
 * Browser POST uploads (S3's PostObject): a multipart/form-data body with a base64 policy signed with
 * SigV4 (x-amz-algorithm, x-amz-credential, x-amz-date, x-amz-signature). The signature and every
 * policy condition are checked on the fields before the file is read (expiration on the platform
 * clock); the file streams into a blob, content-length-range is checked on its size.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import { signingKey } from '../../aws/sigv4.js';
import type { RequestContext } from '../../core/context.js';
import { checksummer } from './checksums.js';
import { MAX_OBJECT_BYTES, type S3Core } from './core.js';
import { entityTooLarge, entityTooSmall, malformedXml, storageClassOf } from './errors.js';
import { BlobTooLargeError } from '../../storage/blobs/index.js';
import type { FormFile } from './multipart-form.js';
import { quotedEtag } from './object-headers.js';
import { NULL_VERSION, type ObjectMeta, type ObjectRow } from './store.js';
import { checkTags } from './tagging.js';

const denied = (message: string): AwsError => new AwsError('AccessDenied', message, 403);
const invalidPolicy = (message: string): AwsError => new AwsError('InvalidPolicyDocument', `Invalid Policy: ${message}`, 400);

/** Fields no condition needs to cover. */
const EXEMPT = new Set(['x-amz-signature', 'file', 'policy', 'awsaccesskeyid', 'signature', 'x-amz-security-token']);

export interface PostResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Signer {
  accountId: string;
  accessKeyId?: string;
}

/** Who signed the form (or AccessDenied / the signature errors S3 answers). */
export function checkSignature(core: S3Core, fields: Map<string, string>): Signer {
  const config = core.platform.config;
  const policy = fields.get('policy');
  if (policy === undefined) {
    throw denied('Access Denied');
  }
  const algorithm = fields.get('x-amz-algorithm');
  const credential = fields.get('x-amz-credential');
  const signature = fields.get('x-amz-signature');
  if (algorithm !== 'AWS4-HMAC-SHA256') throw new AwsError('InvalidArgument', 'POST requires exactly one of the following: x-amz-algorithm', 400);
  if (!credential || !signature || !fields.get('x-amz-date')) throw invalidArgumentField('Bucket POST must contain a field named', credential ? (signature ? 'x-amz-date' : 'x-amz-signature') : 'x-amz-credential');
  const [accessKeyId, date, region, service] = credential.split('/');
  if (!accessKeyId || !date || !region || service !== 's3') throw new AwsError('InvalidArgument', `Invalid credential: ${credential}`, 400);
  const known = config.credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!known) {
    if (config.auth === 'strict') throw new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, { fields: { AWSAccessKeyId: accessKeyId } });
    return { accountId: /^\d{12}$/.test(accessKeyId) ? accessKeyId : config.defaultAccountId, accessKeyId };
  }
  const expected = createHmac('sha256', signingKey(known.secretAccessKey, date, region, 's3')).update(policy).digest('hex');
  const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  if (!ok && config.auth === 'strict') {
    throw new AwsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403, {
      fields: { AWSAccessKeyId: accessKeyId, StringToSign: policy, SignatureProvided: signature },
    });
  }
  return { accountId: known.accountId, accessKeyId };
}

const invalidArgumentField = (message: string, field: string): AwsError =>
  new AwsError('InvalidArgument', `${message} ${field}`, 400, { fields: { ArgumentName: field } });

type Condition = { kind: 'eq' | 'starts-with'; field: string; value: string; text: string } | { kind: 'range'; min: number; max: number };

/** The policy's conditions, checked against the fields; content-length-range is returned for after the upload. */
export function checkPolicy(policyB64: string, fields: Map<string, string>, bucket: string, key: string, nowMs: number): { min: number; max: number } | undefined {
  let doc: { expiration?: unknown; conditions?: unknown };
  try {
    doc = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8')) as typeof doc;
  } catch {
    throw invalidPolicy('Invalid JSON.');
  }
  if (typeof doc.expiration !== 'string') throw invalidPolicy('Policy missing expiration.');
  const expires = Date.parse(doc.expiration);
  if (Number.isNaN(expires)) throw invalidPolicy(`Invalid 'expiration' value: '${doc.expiration}'`);
  if (expires <= nowMs) throw denied('Invalid according to Policy: Policy expired.');
  if (!Array.isArray(doc.conditions)) throw invalidPolicy('Policy missing conditions.');
  const values = new Map(fields);
  values.set('bucket', bucket);
  values.set('key', key);
  let range: { min: number; max: number } | undefined;
  const covered = new Set<string>(['bucket']);
  for (const c of doc.conditions.map(parseCondition)) {
    if (c.kind === 'range') {
      range = { min: c.min, max: c.max };
      continue;
    }
    covered.add(c.field);
    const actual = values.get(c.field) ?? '';
    const ok = c.kind === 'eq' ? actual === c.value : actual.startsWith(c.value);
    if (!ok) throw denied(`Invalid according to Policy: Policy Condition failed: ${c.text}`);
  }
  for (const name of fields.keys()) {
    if (EXEMPT.has(name) || name.startsWith('x-ignore-') || covered.has(name)) continue;
    throw denied(`Invalid according to Policy: Extra input fields: ${name}`);
  }
  return range;
}

function parseCondition(c: unknown): Condition {
  if (Array.isArray(c)) {
    const text = `[${c.map((x) => JSON.stringify(String(x))).join(', ')}]`;
    const op = String(c[0]).toLowerCase();
    if (op === 'content-length-range') {
      const min = Number(c[1]);
      const max = Number(c[2]);
      if (c.length !== 3 || !Number.isInteger(min) || !Number.isInteger(max)) throw denied(`Invalid according to Policy: Policy Condition failed: ${text}`);
      return { kind: 'range', min, max };
    }
    if ((op !== 'eq' && op !== 'starts-with') || c.length !== 3 || typeof c[1] !== 'string' || !c[1].startsWith('$')) {
      throw denied(`Invalid according to Policy: Policy Condition failed: ${text}`);
    }
    return { kind: op, field: c[1].slice(1).toLowerCase(), value: String(c[2]), text };
  }
  if (c && typeof c === 'object') {
    const entries = Object.entries(c as Record<string, unknown>);
    if (entries.length !== 1) throw invalidPolicy('Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.');
    const [field, value] = entries[0]!;
    return { kind: 'eq', field: field.toLowerCase(), value: String(value), text: `["eq", "$${field}", ${JSON.stringify(String(value))}]` };
  }
  throw invalidPolicy('Invalid Condition.');
}

/** The object's headers and metadata from the form's fields. */
export function metaFromFields(fields: Map<string, string>, file: FormFile): { meta: ObjectMeta; storageClass: string; tags: { Key: string; Value: string }[] } {
  const metadata: Record<string, string> = {};
  for (const [k, v] of fields) if (k.startsWith('x-amz-meta-')) metadata[k.slice('x-amz-meta-'.length)] = v;
  const meta: ObjectMeta = {
    contentType: fields.get('content-type') ?? file.contentType ?? 'binary/octet-stream',
    contentEncoding: fields.get('content-encoding'),
    contentDisposition: fields.get('content-disposition'),
    cacheControl: fields.get('cache-control'),
    expires: fields.get('expires'),
    websiteRedirectLocation: fields.get('x-amz-website-redirect-location'),
    metadata,
  };
  return { meta, storageClass: storageClassOf(fields.get('x-amz-storage-class')), tags: tagsFromField(fields.get('tagging')) };
}

function tagsFromField(xml: string | undefined): { Key: string; Value: string }[] {
  if (xml === undefined) return [];
  if (!/^\s*<Tagging[\s>][\s\S]*<\/Tagging>\s*$/.test(xml)) throw malformedXml();
  const tags = [...xml.matchAll(/<Tag>\s*<Key>([^<]*)<\/Key>\s*<Value>([^<]*)<\/Value>\s*<\/Tag>/g)].map((m) => ({ Key: unescape(m[1]!), Value: unescape(m[2]!) }));
  return checkTags(tags);
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Streams the file into a blob and commits the object; the blob is gone again if anything fails. */
export async function storePosted(
  core: S3Core,
  ctx: RequestContext,
  bucket: string,
  key: string,
  file: FormFile,
  range: { min: number; max: number } | undefined,
  fields: Map<string, string>,
): Promise<ObjectRow> {
  const { meta, storageClass, tags } = metaFromFields(fields, file);
  const md5 = createHash('md5');
  const crc = checksummer('CRC64NVME');
  let size = 0;
  async function* tap(): AsyncIterable<Buffer> {
    for await (const chunk of file.body) {
      size += chunk.length;
      md5.update(chunk);
      crc.update(chunk);
      yield chunk;
    }
  }
  const max = Math.min(range?.max ?? MAX_OBJECT_BYTES, MAX_OBJECT_BYTES);
  let blob;
  try {
    blob = await core.blobs.put(tap(), { maxBytes: max });
  } catch (e) {
    if (e instanceof BlobTooLargeError) throw entityTooLarge(size, max);
    throw e;
  }
  try {
    if (range && size < range.min) throw entityTooSmall(size, range.min);
    meta.checksum = { algorithm: 'CRC64NVME', value: crc.digest().toString('base64'), type: 'FULL_OBJECT' };
    const object: ObjectRow = {
      bucket,
      key,
      versionId: NULL_VERSION,
      isLatest: true,
      deleteMarker: false,
      size,
      etag: quotedEtag(md5.digest()),
      lastModified: core.now(),
      storageClass,
      blob: blob.id,
      parts: null,
      meta,
      tags,
    };
    await core.commitObject(ctx, object, { claim: [blob.id] });
    return object;
  } catch (e) {
    await core.dropBlobs([blob.id]);
    throw e;
  }
}

/**
 * Deployment packages: where they come from (ZipFile or S3), the checks of a function's
 * configuration, unpacking into a directory (they are stored in the blob store: code-store.ts).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AwsError } from '../../aws/errors.js';
import { validationError } from '../../aws/validate.js';
import type { RequestContext } from '../../core/context.js';
import { InvalidParameterValueException, type Environment, type FunctionCode, type PackageType } from '../../generated/lambda.js';
import { listZip, readZipEntry, safeEntryPath, ZipError } from '../../runtime/zip.js';
import type { S3Api } from '../../generated/s3.js';
import { serviceClient } from '../clients.js';
import type { Platform } from '../service.js';
import { USER_FAULT } from './errors.js';
import { DEPRECATED_RUNTIMES, MAX_ENV_BYTES, MAX_TIMEOUT_SECONDS, MAX_UNZIPPED_BYTES, MAX_ZIPPED_BYTES, RESERVED_ENV, SUPPORTED_RUNTIMES } from './limits.js';

export interface CodeInfo {
  sha256: string;
  hex: string;
  size: number;
  unzipped: number;
}

/** A checked deployment package, as a request brought it. */
export interface CodePackage {
  info: CodeInfo;
  zip: Buffer;
}

/** Checks a zip and measures it, as CreateFunction/UpdateFunctionCode do before storing it. */
export function inspectZip(zip: Buffer, operation: string): CodeInfo {
  if (zip.length > MAX_ZIPPED_BYTES) {
    // Not an error of the Lambda model (AWS's front end answers it), hence no generated class.
    throw new AwsError('RequestEntityTooLargeException', `Request must be smaller than 70167211 bytes for the ${operation} operation`, 413, { fields: USER_FAULT });
  }
  let unzipped = 0;
  try {
    const entries = listZip(zip);
    for (const e of entries) unzipped += e.size;
  } catch (e) {
    if (e instanceof ZipError) throw new InvalidParameterValueException('Could not unzip uploaded file. Please check your file, then try to upload again.', USER_FAULT);
    throw e;
  }
  if (unzipped > MAX_UNZIPPED_BYTES) throw new InvalidParameterValueException(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`, USER_FAULT);
  const digest = createHash('sha256').update(zip).digest();
  return { sha256: digest.toString('base64'), hex: digest.toString('hex'), size: zip.length, unzipped };
}

/** The configuration members CreateFunction and UpdateFunctionConfiguration check alike. */
export interface CheckedSettings {
  Timeout?: number;
  MemorySize?: number;
  Environment?: Environment;
  Runtime?: string;
  PackageType?: PackageType;
  /** CreateFunction's code, for the container image answer. */
  Code?: { ImageUri?: string | undefined };
}

/**
 * Container image functions: Stratus has no ECR registry, so no image exists to run; the answer
 * is AWS's for an image it cannot find (or for a URI that names no private ECR image).
 */
function imageError(uri: string | undefined): InvalidParameterValueException {
  if (uri === undefined) return new InvalidParameterValueException('Please provide a source for function code.', USER_FAULT);
  const ecr = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[^:@\s]+(:[\w.-]+|@sha256:[0-9a-f]{64})$/.test(uri);
  return new InvalidParameterValueException(`Source image ${uri} ${ecr ? 'does not exist' : 'is not valid'}. Provide a valid source image.`, USER_FAULT);
}

/** Checks limits, package type, runtime and environment variables, with AWS's messages. */
export function checkSettings(input: CheckedSettings): void {
  const issues: string[] = [];
  if (input.Timeout !== undefined && input.Timeout > MAX_TIMEOUT_SECONDS) {
    issues.push(`Value '${input.Timeout}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to ${MAX_TIMEOUT_SECONDS}`);
  }
  if (input.MemorySize !== undefined && input.MemorySize > 10240) {
    issues.push(`Value '${input.MemorySize}' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240`);
  }
  if (issues.length) throw validationError(issues, 'ValidationException');
  if (input.PackageType === 'Image') throw imageError(input.Code?.ImageUri);
  if (input.Runtime !== undefined) {
    if (DEPRECATED_RUNTIMES.has(input.Runtime)) {
      throw new InvalidParameterValueException(
        `The runtime parameter of ${input.Runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
        USER_FAULT,
      );
    }
    if (!SUPPORTED_RUNTIMES.includes(input.Runtime)) {
      throw new InvalidParameterValueException(`Stratus does not support the runtime parameter of ${input.Runtime}. Supported runtimes: ${SUPPORTED_RUNTIMES.join(', ')}.`, USER_FAULT);
    }
  }
  const vars = input.Environment?.Variables;
  if (vars) {
    const measured = JSON.stringify(vars);
    if (Buffer.byteLength(measured) > MAX_ENV_BYTES) {
      throw new InvalidParameterValueException(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`, USER_FAULT);
    }
    for (const key of Object.keys(vars)) {
      if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(key)) {
        throw new InvalidParameterValueException(`Lambda was unable to configure your environment variables because the environment variables you have provided contains invalid keys: ${key}`, USER_FAULT);
      }
      if (RESERVED_ENV.has(key)) {
        throw new InvalidParameterValueException(
          `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${key}`,
          USER_FAULT,
        );
      }
    }
  }
}

/** Reads the package from ZipFile or S3Bucket/S3Key, and checks it. */
export async function codeFrom(platform: Platform, ctx: RequestContext, code: FunctionCode, operation: string): Promise<CodePackage> {
  if (code.ImageUri !== undefined) throw imageError(code.ImageUri);
  let zip: Buffer | undefined;
  if (code.ZipFile !== undefined) {
    if (code.S3Bucket !== undefined || code.S3Key !== undefined) throw new InvalidParameterValueException('Please provide a source for function code.', USER_FAULT);
    zip = Buffer.from(code.ZipFile);
  } else if (code.S3Bucket !== undefined && code.S3Key !== undefined) {
    zip = await fromS3(platform, ctx, code.S3Bucket, code.S3Key, code.S3ObjectVersion);
  } else {
    throw new InvalidParameterValueException('Please provide a source for function code.', USER_FAULT);
  }
  return { info: inspectZip(zip, operation), zip };
}

/** GetObject on the S3 service of this server, when it has one. */
async function fromS3(platform: Platform, ctx: RequestContext, bucket: string, key: string, version?: string): Promise<Buffer> {
  const failure = (code: string, message: string): string => `Error occurred while GetObject. S3 Error Code: ${code}. S3 Error Message: ${message}`;
  const s3 = serviceClient<S3Api>(platform, 's3', { accountId: ctx.accountId, region: ctx.region, requestId: ctx.requestId });
  if (!s3) throw new InvalidParameterValueException(failure('NoSuchBucket', 'The specified bucket does not exist'), USER_FAULT);
  let body: unknown;
  try {
    body = (await s3.GetObject({ Bucket: bucket, Key: key, VersionId: version })).Body;
  } catch (e) {
    const err = e as AwsError;
    throw new InvalidParameterValueException(failure(err.code ?? 'InternalError', err.message), USER_FAULT);
  }
  // The provider answers with the object's stream (a Buffer from a smaller store).
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/** Unpacks a zip into `dir` (atomically: into a sibling then renamed). */
export function unpack(zip: Buffer, dir: string): void {
  unpackAll([zip], dir);
}

/**
 * Unpacks zips one after the other into `dir`, a later one's files replacing an earlier one's (as
 * AWS extracts a function's layers in order into /opt); atomically: into a sibling, given to
 * `prepare` (e.g. to change its owner), then renamed.
 */
export function unpackAll(zips: readonly Buffer[], dir: string, prepare?: (tmp: string) => void): void {
  if (existsSync(dir)) return;
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(tmp, { recursive: true });
  try {
    for (const zip of zips) extractInto(zip, tmp);
    prepare?.(tmp);
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

/** Writes a zip's entries under `root`, replacing what is in the way (a file where a directory goes, or the reverse). */
function extractInto(zip: Buffer, root: string): void {
  // Directories known to exist under root (relative paths), so that each is looked at once.
  const made = new Set<string>(['']);
  for (const entry of listZip(zip)) {
    const rel = safeEntryPath(entry.name);
    if (!rel) continue;
    if (entry.isDirectory) {
      makeDirectory(root, rel, made);
      continue;
    }
    makeDirectory(root, dirname(rel), made);
    const target = join(root, rel);
    if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      rmSync(target, { recursive: true, force: true });
      made.clear();
      made.add('');
    }
    writeFileSync(target, readZipEntry(zip, entry));
    const mode = entry.mode & 0o777;
    chmodSync(target, mode ? mode | 0o400 : 0o644);
  }
}

/** Creates `root/rel` and its parents, removing a file that stands where one of them goes. */
function makeDirectory(root: string, rel: string, made: Set<string>): void {
  if (rel === '.' || made.has(rel)) return;
  let sub = '';
  for (const part of rel.split('/')) {
    sub = sub ? `${sub}/${part}` : part;
    if (made.has(sub)) continue;
    const path = join(root, sub);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      if (st) rmSync(path, { force: true });
      mkdirSync(path);
    }
    made.add(sub);
  }
}

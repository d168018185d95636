/**
 * S3's errors that its model does not declare as shapes, with AWS's codes, statuses, messages and
 * extra elements (from the S3 REST error code table and responses quoted in public issues).
 */
import { contentSha256Error } from '../../aws/auth-errors.js';
import { AwsError } from '../../aws/errors.js';
import { InvalidRequest, NoSuchBucket, NoSuchKey, NoSuchUpload } from '../../generated/s3.js';

export const noSuchBucket = (bucket: string): AwsError => new NoSuchBucket('The specified bucket does not exist', { BucketName: bucket });
export const noSuchKey = (key: string): AwsError => new NoSuchKey('The specified key does not exist.', { Key: key });
export const noSuchUpload = (uploadId: string): AwsError =>
  new NoSuchUpload('The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', { UploadId: uploadId });
export const invalidRequest = (message: string): AwsError => new InvalidRequest(message);

const STORAGE_CLASSES = new Set(['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'OUTPOSTS', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE']);

/** The storage class a write records (STANDARD by default): InvalidStorageClass for one S3 does not have. */
export function storageClassOf(value: string | undefined): string {
  if (value === undefined) return 'STANDARD';
  if (!STORAGE_CLASSES.has(value)) throw new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', 400, { fields: { StorageClassRequested: value } });
  return value;
}

export const invalidArgument = (message: string, name: string, value: string | undefined): AwsError =>
  new AwsError('InvalidArgument', message, 400, { fields: { ArgumentName: name, ArgumentValue: value } });

export const invalidBucketName = (bucket: string): AwsError =>
  new AwsError('InvalidBucketName', 'The specified bucket is not valid.', 400, { fields: { BucketName: bucket } });

export const preconditionFailed = (condition: string): AwsError =>
  new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, { fields: { Condition: condition } });

/** 304: no body; the ETag and Last-Modified of the object go as headers. */
export const notModified = (headers: Record<string, string>): AwsError => new AwsError('NotModified', 'Not Modified', 304, { headers });

export const invalidRange = (requested: string, size: number): AwsError =>
  new AwsError('InvalidRange', 'The requested range is not satisfiable', 416, { fields: { RangeRequested: requested, ActualObjectSize: size } });

export const entityTooLarge = (proposed: number | undefined, max: number): AwsError =>
  new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, { fields: { ProposedSize: proposed, MaxSizeAllowed: max } });

export const entityTooSmall = (proposed: number, min: number): AwsError =>
  new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, { fields: { ProposedSize: proposed, MinSizeAllowed: min } });

export const badDigest = (expected: string, calculated: string): AwsError =>
  new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, { fields: { ExpectedDigest: expected, CalculatedDigest: calculated } });

export const invalidDigest = (given: string): AwsError =>
  new AwsError('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400, { fields: { 'Content-MD5': given } });

/** A x-amz-checksum-* value that does not match the body. */
export const checksumMismatch = (algorithm: string): AwsError =>
  new AwsError('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400);

export const invalidChecksumHeader = (header: string): AwsError => invalidRequest(`Value for ${header} header is invalid.`);

/** A body whose SHA-256 is not its x-amz-content-sha256 (the server checks it too when it verifies signatures). */
export const sha256Mismatch = contentSha256Error;

export const incompleteBody = (): AwsError =>
  new AwsError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header', 400);

export const missingContentLength = (): AwsError => new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);

export const keyTooLong = (size: number): AwsError =>
  new AwsError('KeyTooLongError', 'Your key is too long', 400, { fields: { MaxSizeAllowed: 1024, Size: size } });

export const malformedXml = (): AwsError =>
  new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);

export const invalidPart = (uploadId: string, partNumber: number, etag: string | undefined): AwsError =>
  new AwsError(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { fields: { UploadId: uploadId, PartNumber: partNumber, ETag: etag } },
  );

export const invalidPartOrder = (uploadId: string): AwsError =>
  new AwsError('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400, { fields: { UploadId: uploadId } });

export const unsupportedChecksum = (): AwsError =>
  invalidRequest('Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]');

/**
 * The errors AWS answers when request authentication fails, per service family (query, sqs, json,
 * rest, s3). docs/platform/sigv4.md lists the families and the public evidence for each answer.
 */
import { AwsError } from './errors.js';
import { loadModel } from './model.js';

/** `expiredToken`: temporary credentials past their expiry; `invalidToken`: a session key with the wrong or no session token. */
export type AuthErrorKind = 'signature' | 'unknownKey' | 'skewed' | 'expired' | 'missing' | 'expiredToken' | 'invalidToken';

/** S3's answer to a body whose SHA-256 is not the x-amz-content-sha256 it was signed with. */
export function contentSha256Error(claimed: string, computed: string): AwsError {
  return new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
    fields: { ClientComputedContentSHA256: claimed, S3ComputedContentSHA256: computed },
  });
}

/**
 * S3's answer to a presigned request carrying x-amz-* headers its URL did not sign: AccessDenied,
 * naming them (comma-separated, as AWS lists them) in HeadersNotSigned.
 */
export function headersNotSignedError(names: readonly string[]): AwsError {
  return new AwsError('AccessDenied', 'There were headers present in the request which were not signed', 403, { fields: { HeadersNotSigned: names.join(', ') } });
}

export type AuthFamily = 'query' | 'sqs' | 'json' | 'rest' | 's3';

export interface AuthErrorDetails {
  /** The access key id the request was signed with. */
  accessKeyId?: string;
  /** The request time, ISO-8601 basic (YYYYMMDDTHHMMSSZ), from X-Amz-Date or Date. */
  amzDate?: string;
  /** Server time, ms since the epoch (for the skew and expiry messages). */
  nowMs?: number;
  /** X-Amz-Expires of a presigned request, seconds. */
  expiresSeconds?: number;
  /** The request was presigned (query-string authentication). */
  presigned?: boolean;
  /** The signature the client sent. */
  signatureProvided?: string;
  /** What the server computed, for the messages/fields that echo it. */
  canonicalRequest?: string;
  stringToSign?: string;
}

/** The maximum clock skew AWS accepts for a header-signed request: 15 minutes. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

const FAMILIES: Record<string, AuthFamily> = {
  sts: 'query',
  sns: 'query',
  iam: 'query',
  cloudwatch: 'query',
  sqs: 'sqs',
  dynamodb: 'json',
  dynamodbstreams: 'json',
  logs: 'json',
  stepfunctions: 'json',
  kinesis: 'json',
  events: 'json',
  dax: 'json',
  'cognito-idp': 'json',
  'cognito-identity': 'json',
  lambda: 'rest',
  apigateway: 'rest',
  apigatewayv2: 'rest',
  apigatewaymanagementapi: 'rest',
  scheduler: 'rest',
  s3: 's3',
  cloudfront: 'query',
};

/** SigV4 signing names that differ from the Stratus service (model folder) name. */
const SIGNING_NAME_TO_SERVICE: Record<string, string> = {
  states: 'stepfunctions',
  'execute-api': 'apigateway',
  'cognito-identity': 'cognito-identity',
  monitoring: 'cloudwatch',
};

/** The family of a service, by Stratus service name or SigV4 signing name. */
export function authFamily(service: string): AuthFamily {
  const name = SIGNING_NAME_TO_SERVICE[service] ?? service;
  const known = FAMILIES[name];
  if (known) return known;
  try {
    const model = loadModel(name);
    if (model.metadata.awsQueryCompatible) return 'sqs';
    switch (model.metadata.protocol) {
      case 'query':
      case 'ec2':
        return 'query';
      case 'rest-json':
        return 'rest';
      case 'rest-xml':
        return 'query';
      default:
        return 'json';
    }
  } catch {
    return 'json';
  }
}

/** YYYYMMDDTHHMMSSZ for a time in ms. */
export function toAmzDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

let lastAmzDate = '';
let lastAmzDateMs = NaN;

/** ms since the epoch for YYYYMMDDTHHMMSSZ, NaN when malformed (cached: requests of one second share it). */
export function parseAmzDate(amzDate: string): number {
  if (amzDate === lastAmzDate) return lastAmzDateMs;
  lastAmzDateMs = parseAmzDateUncached(amzDate);
  lastAmzDate = amzDate;
  return lastAmzDateMs;
}

function parseAmzDateUncached(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return NaN;
  return ms;
}

/** 2026-01-01T00:00:00Z (S3's ServerTime / Expires elements). */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const S3_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN_MESSAGE = 'The security token included in the request is expired';

/**
 * "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)"
 * or, for a request dated in the future, "Signature not yet current: X is still later than Y (Z + 15 min.)".
 */
export function skewMessage(amzDate: string, nowMs: number): string {
  const reqMs = parseAmzDate(amzDate);
  if (!Number.isNaN(reqMs) && reqMs > nowMs) {
    return `Signature not yet current: ${amzDate} is still later than ${toAmzDate(nowMs + MAX_SKEW_MS)} (${toAmzDate(nowMs)} + 15 min.)`;
  }
  return `Signature expired: ${amzDate} is now earlier than ${toAmzDate(nowMs - MAX_SKEW_MS)} (${toAmzDate(nowMs)} - 15 min.)`;
}

interface FamilyCodes {
  status: number;
  signature: string;
  unknownKey: string;
  missing: string;
  missingMessage: string;
  incomplete: string;
  incompleteStatus: number;
}

const CODES: Record<Exclude<AuthFamily, 's3'>, FamilyCodes> = {
  query: {
    status: 403,
    signature: 'SignatureDoesNotMatch',
    unknownKey: 'InvalidClientTokenId',
    missing: 'MissingAuthenticationToken',
    missingMessage: 'Request is missing Authentication Token',
    incomplete: 'IncompleteSignature',
    incompleteStatus: 400,
  },
  sqs: {
    status: 403,
    signature: 'SignatureDoesNotMatch',
    unknownKey: 'InvalidClientTokenId',
    missing: 'MissingAuthenticationToken',
    missingMessage: 'Request is missing Authentication Token',
    incomplete: 'IncompleteSignature',
    incompleteStatus: 400,
  },
  json: {
    status: 400,
    signature: 'InvalidSignatureException',
    unknownKey: 'UnrecognizedClientException',
    missing: 'MissingAuthenticationTokenException',
    missingMessage: 'Request is missing Authentication Token',
    incomplete: 'IncompleteSignatureException',
    incompleteStatus: 400,
  },
  rest: {
    status: 403,
    signature: 'InvalidSignatureException',
    unknownKey: 'UnrecognizedClientException',
    missing: 'MissingAuthenticationTokenException',
    missingMessage: 'Missing Authentication Token',
    incomplete: 'IncompleteSignatureException',
    incompleteStatus: 403,
  },
};

function make(family: AuthFamily, code: string, message: string, status: number, fields: Record<string, unknown> = {}): AwsError {
  const headers: Record<string, string> = {};
  // awsQueryCompatible services (SQS): SDKs take the query-protocol code from this header.
  if (family === 'sqs') headers['x-amzn-query-error'] = `${code};Sender`;
  return new AwsError(code, message, status, { fields, headers, senderFault: true });
}

/** The AWS error for an authentication failure of `kind` on `service` (Stratus name or signing name). */
export function authError(service: string, kind: AuthErrorKind, details: AuthErrorDetails = {}): AwsError {
  const family = authFamily(service);
  const nowMs = details.nowMs ?? 0;
  if (family === 's3') return s3AuthError(kind, details, nowMs);
  const c = CODES[family];
  switch (kind) {
    case 'signature': {
      let message = MISMATCH_MESSAGE;
      // The JSON and REST front ends echo what they computed; the query ones do not.
      if ((family === 'json' || family === 'rest') && details.canonicalRequest !== undefined && details.stringToSign !== undefined) {
        message += `\n\nThe Canonical String for this request should have been\n'${details.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${details.stringToSign}'\n`;
      }
      return make(family, c.signature, message, c.status);
    }
    case 'unknownKey':
    case 'invalidToken':
      return make(family, c.unknownKey, INVALID_TOKEN_MESSAGE, c.status);
    case 'expiredToken':
      // The query front ends (STS, IAM, SNS, SQS) answer ExpiredToken 403; JSON ones ExpiredTokenException 400, REST ones 403.
      return family === 'query' || family === 'sqs'
        ? make(family, 'ExpiredToken', EXPIRED_TOKEN_MESSAGE, 403)
        : make(family, 'ExpiredTokenException', EXPIRED_TOKEN_MESSAGE, family === 'json' ? 400 : 403);
    case 'skewed':
    case 'expired':
      // Outside S3, presigned URLs live 15 minutes from X-Amz-Date whatever X-Amz-Expires says
      // (aws/aws-sdk-go#2167, kubernetes-sigs/aws-iam-authenticator#160), so an expired presigned
      // request gets the same "Signature expired" answer as a skewed one.
      return make(family, c.signature, skewMessage(details.amzDate ?? toAmzDate(nowMs), nowMs), c.status);
    case 'missing':
      return make(family, c.missing, c.missingMessage, c.status);
  }
}

function s3AuthError(kind: AuthErrorKind, d: AuthErrorDetails, nowMs: number): AwsError {
  switch (kind) {
    case 'signature': {
      const fields: Record<string, unknown> = {};
      if (d.accessKeyId !== undefined) fields.AWSAccessKeyId = d.accessKeyId;
      if (d.stringToSign !== undefined) {
        fields.StringToSign = d.stringToSign;
      }
      if (d.signatureProvided !== undefined) fields.SignatureProvided = d.signatureProvided;
      if (d.stringToSign !== undefined) fields.StringToSignBytes = hexBytes(d.stringToSign);
      if (d.canonicalRequest !== undefined) {
        fields.CanonicalRequest = d.canonicalRequest;
        fields.CanonicalRequestBytes = hexBytes(d.canonicalRequest);
      }
      return make('s3', 'SignatureDoesNotMatch', S3_MISMATCH_MESSAGE, 403, fields);
    }
    case 'expiredToken':
      return make('s3', 'ExpiredToken', 'The provided token has expired.', 400);
    case 'invalidToken':
      return make('s3', 'InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);
    case 'unknownKey':
      return make('s3', 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, {
        ...(d.accessKeyId !== undefined ? { AWSAccessKeyId: d.accessKeyId } : {}),
      });
    case 'skewed': {
      if (d.presigned) {
        // A presigned URL dated in the future.
        const fields: Record<string, unknown> = {};
        if (d.amzDate !== undefined) fields['X-Amz-Date'] = d.amzDate;
        fields.ServerTime = isoSeconds(nowMs);
        return make('s3', 'AccessDenied', 'Request is not yet valid', 403, fields);
      }
      return make('s3', 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
        ...(d.amzDate !== undefined ? { RequestTime: d.amzDate } : {}),
        ServerTime: isoSeconds(nowMs),
        MaxAllowedSkewMilliseconds: MAX_SKEW_MS,
      });
    }
    case 'expired': {
      const fields: Record<string, unknown> = {};
      if (d.expiresSeconds !== undefined) fields['X-Amz-Expires'] = d.expiresSeconds;
      const reqMs = d.amzDate !== undefined ? parseAmzDate(d.amzDate) : NaN;
      if (!Number.isNaN(reqMs) && d.expiresSeconds !== undefined) fields.Expires = isoSeconds(reqMs + d.expiresSeconds * 1000);
      fields.ServerTime = isoSeconds(nowMs);
      return make('s3', 'AccessDenied', 'Request has expired', 403, fields);
    }
    case 'missing':
      // An anonymous request to a resource that does not allow public access.
      return make('s3', 'AccessDenied', 'Access Denied', 403);
  }
}

/** S3 echoes the string to sign as space-separated hex bytes ("41 57 53 34 ..."). */
function hexBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('hex').replace(/(..)(?!$)/g, '$1 ');
}

/**
 * A malformed signature (IncompleteSignature in AWS's terms): an Authorization header or presigned
 * query that lacks or garbles a component. For S3, `s3Code` picks AuthorizationHeaderMalformed or
 * AuthorizationQueryParametersError (both 400), with S3's own message in `s3Message`.
 */
export function malformedSignatureError(
  service: string | undefined,
  message: string,
  s3?: { code: 'AuthorizationHeaderMalformed' | 'AuthorizationQueryParametersError' | 'InvalidRequest'; message: string },
): AwsError {
  const family = service === undefined ? 'json' : authFamily(service);
  if (family === 's3') {
    return make('s3', s3?.code ?? 'AuthorizationHeaderMalformed', s3?.message ?? message, 400);
  }
  const c = CODES[family];
  return make(family, c.incomplete, message, c.incompleteStatus);
}

/**
 * A well-formed signature that cannot be right (credential date not the request date...): the
 * service's signature-mismatch code with a specific message. S3 answers AuthorizationHeaderMalformed.
 */
export function signatureScopeError(service: string, message: string, s3Message: string): AwsError {
  const family = authFamily(service);
  if (family === 's3') return make('s3', 'AuthorizationHeaderMalformed', s3Message, 400);
  const c = CODES[family];
  return make(family, c.signature, message, c.status);
}

/**
 * A request IAM policies do not allow (`--iam enforce`), in the service's own error: DynamoDB's
 * AccessDeniedException (400), Lambda's AccessDeniedException (403), S3's and the query services'
 * AccessDenied (403), SNS's AuthorizationError (403).
 */
export function accessDeniedError(service: string, message: string): AwsError {
  const family = authFamily(service);
  if (service === 'sns') return make('query', 'AuthorizationError', message, 403);
  if (family === 's3' || family === 'query' || family === 'sqs') return make(family, 'AccessDenied', message, 403);
  return make(family, 'AccessDeniedException', message, family === 'json' ? 400 : 403);
}

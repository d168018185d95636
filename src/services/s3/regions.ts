/**
 * A bucket addressed in a region other than its own. S3's endpoints serve one region each: a
 * request for a bucket of another region gets 301 PermanentRedirect, naming the bucket's endpoint
 * (Endpoint, Bucket) and its region (x-amz-bucket-region, which the SDKs' region redirects read:
 * botocore's S3RegionRedirectorv2, the v3 SDKs' followRegionRedirects); a request that reached the
 * bucket's region but was signed for another gets 400 AuthorizationHeaderMalformed (or, presigned,
 * AuthorizationQueryParametersError) "the region 'X' is wrong; expecting 'Y'" with a Region element.
 * A HEAD gets the status and headers alone. Stratus's plain endpoint (localhost:4566, s3.localhost)
 * names no region: it serves the region the request is signed for. Host names that carry one
 * (`{bucket}.s3.{region}.localhost`, `s3.{region}.amazonaws.com`) are that region's endpoint.
 */
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { ServiceProvider } from '../service.js';
import type { BucketRow } from './store.js';

/** Operations S3 answers from any region: GetBucketLocation (how a client finds the region), and CreateBucket, which has its own rules. */
const ANY_REGION = new Set(['CreateBucket', 'GetBucketLocation', 'ListBuckets', 'ListDirectoryBuckets']);

/** The bucket each request addresses (its input's Bucket), for the bucket lookups to check. */
const addressed = new WeakMap<RequestContext, string>();

/** `provider` with each operation noting the bucket it addresses, so that `checkBucketRegion` knows it. */
export function withRegionChecks<P extends ServiceProvider>(provider: P): P {
  const p = provider as Record<string, unknown>;
  for (const [name, fn] of Object.entries(p)) {
    if (!/^[A-Z]/.test(name) || typeof fn !== 'function' || ANY_REGION.has(name)) continue;
    const op = fn as (ctx: RequestContext, input: { Bucket?: unknown }) => unknown;
    p[name] = (ctx: RequestContext, input: { Bucket?: unknown }) => {
      // A call from another Stratus service (no request headers: DynamoDB exports, CloudFront origins)
      // is AWS's own integration, which reaches a bucket in any region.
      if (typeof input?.Bucket === 'string' && Object.keys(ctx.headers).length > 0) addressed.set(ctx, input.Bucket);
      return op(ctx, input);
    };
  }
  return provider;
}

/** The region a host name's endpoint serves, if it names one: `s3.eu-west-1.`, `s3-eu-west-1.`, `s3.dualstack.eu-west-1.`. */
export function hostRegion(host: string | undefined): string | undefined {
  const m = /(?:^|\.)s3(?:\.dualstack)?[.-]([a-z]{2}(?:-[a-z]+)+-\d+)\.(?:localhost|amazonaws\.com)(?::\d+)?$/.exec(host?.toLowerCase() ?? '');
  return m?.[1];
}

/** Throws S3's answer when `bucket` is the one the request addresses and the request is not for its region. */
export function checkBucketRegion(ctx: RequestContext, bucket: BucketRow): void {
  if (addressed.get(ctx) !== bucket.name) return;
  const host = ctx.headers.host;
  const endpointRegion = hostRegion(host) ?? ctx.region;
  const headers = { 'x-amz-bucket-region': bucket.region };
  if (endpointRegion !== bucket.region) {
    const aws = /amazonaws\.com(:\d+)?$/i.test(host ?? '');
    const port = /:(\d+)$/.exec(host ?? '')?.[0] ?? '';
    // AWS names its host; Stratus the `{bucket}.s3.{region}.localhost` name of the same port.
    const endpoint = aws ? `${bucket.name}.s3.${bucket.region}.amazonaws.com` : `${bucket.name}.s3.${bucket.region}.localhost${port}`;
    throw new AwsError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', 301, {
      fields: { Endpoint: endpoint, Bucket: bucket.name },
      headers,
    });
  }
  if (ctx.region !== bucket.region && ctx.accessKeyId !== undefined) {
    const presigned = ctx.headers.authorization === undefined;
    throw new AwsError(
      presigned ? 'AuthorizationQueryParametersError' : 'AuthorizationHeaderMalformed',
      `${presigned ? 'Error parsing the X-Amz-Credential parameter' : 'The authorization header is malformed'}; the region '${ctx.region}' is wrong; expecting '${bucket.region}'`,
      400,
      { fields: { Region: bucket.region }, headers },
    );
  }
}

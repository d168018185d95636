/**
 * AWS's managed cache policies and origin request policies, with their ids, names and settings as
 * AWS documents them (they are the same in every account and cannot be changed).
 */

const names = (items: string[]) => ({ Quantity: items.length, Items: items });

function cache(id: string, name: string, comment: string, ttl: [number, number, number], p: { gzip: boolean; brotli: boolean; headers?: string[]; qs?: 'none' | 'all' | string[]; cookies?: 'none' | 'all' }) {
  const qs = p.qs ?? 'none';
  return {
    id,
    config: {
      Comment: comment,
      Name: name,
      MinTTL: ttl[0],
      DefaultTTL: ttl[1],
      MaxTTL: ttl[2],
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingGzip: p.gzip,
        EnableAcceptEncodingBrotli: p.brotli,
        HeadersConfig: p.headers ? { HeaderBehavior: 'whitelist', Headers: names(p.headers) } : { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: p.cookies ?? 'none' },
        QueryStringsConfig: Array.isArray(qs) ? { QueryStringBehavior: 'whitelist', QueryStrings: names(qs) } : { QueryStringBehavior: qs },
      },
    },
  };
}

const YEAR = 31536000;

export const MANAGED_CACHE_POLICIES: { id: string; config: any }[] = [
  cache('658327ea-f89d-4fab-a63d-7e88639e58f6', 'Managed-CachingOptimized', 'Policy with caching enabled. Supports Gzip and Brotli compression.', [1, 86400, YEAR], { gzip: true, brotli: true }),
  cache('4135ea2d-6df8-44a3-9df3-4b5a84be39ad', 'Managed-CachingDisabled', 'Policy with caching disabled', [0, 0, 0], { gzip: false, brotli: false }),
  cache('b2884449-e4de-46a7-ac36-70bc7f1ddd6d', 'Managed-CachingOptimizedForUncompressedObjects', 'Default policy when compression is disabled', [1, 86400, YEAR], { gzip: false, brotli: false }),
  cache('08627262-05a9-4f76-9ded-b50ca2e3a84f', 'Managed-Elemental-MediaPackage', 'Policy for Elemental MediaPackage Origin', [0, 86400, YEAR], {
    gzip: true,
    brotli: false,
    headers: ['origin'],
    qs: ['aws.manifestfilter', 'start', 'end', 'm'],
  }),
  cache('2e54312d-136d-493c-8eb9-b001f22f67d2', 'Managed-Amplify', 'Policy for Amplify Origin', [2, 2, YEAR], {
    gzip: true,
    brotli: true,
    headers: ['Authorization', 'CloudFront-Viewer-Country', 'Host'],
    qs: 'all',
    cookies: 'all',
  }),
  cache('83da9c7e-98b4-4e11-a168-04f0df8e2c65', 'UseOriginCacheControlHeaders', 'Policy for origins that return Cache-Control headers. Query strings are not included in the cache key.', [0, 0, YEAR], {
    gzip: true,
    brotli: true,
    headers: ['host', 'origin', 'x-http-method-override', 'x-http-method', 'x-method-override'],
    cookies: 'all',
  }),
  cache('4cc15a8a-d715-48a4-82b8-cc0b614638fe', 'UseOriginCacheControlHeaders-QueryStrings', 'Policy for origins that return Cache-Control headers and serve different content based on query strings.', [0, 0, YEAR], {
    gzip: true,
    brotli: true,
    headers: ['host', 'origin', 'x-http-method-override', 'x-http-method', 'x-method-override'],
    cookies: 'all',
    qs: 'all',
  }),
];

function originRequest(id: string, name: string, comment: string, headers: { HeaderBehavior: string; Headers?: object }, cookies: string, qs: string) {
  return {
    id,
    config: { Comment: comment, Name: name, HeadersConfig: headers, CookiesConfig: { CookieBehavior: cookies }, QueryStringsConfig: { QueryStringBehavior: qs } },
  };
}

export const MANAGED_ORIGIN_REQUEST_POLICIES: { id: string; config: any }[] = [
  originRequest('216adef6-5c7f-47e4-b989-5492eafa07d3', 'Managed-AllViewer', 'Policy to forward all parameters in viewer requests', { HeaderBehavior: 'allViewer' }, 'all', 'all'),
  originRequest(
    'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    'Managed-AllViewerExceptHostHeader',
    'Policy to forward all parameters in viewer requests except for the Host header',
    { HeaderBehavior: 'allExcept', Headers: names(['host']) },
    'all',
    'all',
  ),
  originRequest(
    '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf',
    'Managed-CORS-S3Origin',
    'Policy for S3 origin with CORS',
    { HeaderBehavior: 'whitelist', Headers: names(['origin', 'access-control-request-headers', 'access-control-request-method']) },
    'none',
    'none',
  ),
  originRequest('59781a5b-3903-41f3-afcb-af62929ccde1', 'Managed-CORS-CustomOrigin', 'Policy for ALB, API Gateway and other custom origins with CORS', { HeaderBehavior: 'whitelist', Headers: names(['origin']) }, 'none', 'none'),
  originRequest('acba4595-bd28-49b8-b9fe-13317c0390fa', 'Managed-UserAgentRefererHeaders', 'Policy to forward user-agent and referer headers to origin', { HeaderBehavior: 'whitelist', Headers: names(['user-agent', 'referer']) }, 'none', 'none'),
];

/** The ETag of a managed policy never changes. */
export const MANAGED_ETAG = 'E23ZP02F085DFQ';
export const MANAGED_MODIFIED = new Date('2020-08-24T00:00:00.000Z');

export function managedCachePolicy(id: string) {
  return MANAGED_CACHE_POLICIES.find((p) => p.id === id);
}

export function managedOriginRequestPolicy(id: string) {
  return MANAGED_ORIGIN_REQUEST_POLICIES.find((p) => p.id === id);
}


/**
 * A DistributionConfig as CloudFront checks and stores it: quantities that must match their items,
 * origins (exactly one kind of origin config), cache behaviors pointing at existing origins, either a
 * cache policy or the legacy ForwardedValues with TTLs in order, Lambda@Edge associations of
 * numbered versions in us-east-1, function associations of CloudFront Functions, custom error
 * responses; then the defaults CloudFront fills in and shows in GetDistribution.
 */
import { parseArn } from '../../aws/arn.js';
import {
  InconsistentQuantities,
  InvalidArgument,
  InvalidDefaultRootObject,
  InvalidErrorCode,
  InvalidFunctionAssociation,
  InvalidLambdaFunctionAssociation,
  InvalidOrigin,
  InvalidResponseCode,
  InvalidTTLOrder,
  NoSuchCachePolicy,
  NoSuchOrigin,
  NoSuchOriginAccessControl,
  NoSuchOriginRequestPolicy,
  NoSuchResponseHeadersPolicy,
  TooManyCacheBehaviors,
  TooManyOrigins,
  TooManyLambdaFunctionAssociations,
  TooManyFunctionAssociations,
  TooManyKeyGroupsAssociatedToDistribution,
  TrustedKeyGroupDoesNotExist,
  InvalidLocationCode,
} from '../../generated/cloudfront.js';

/** What the checks need to look up: whether a policy or a function (by ARN) exists for the account. */
export interface ConfigLookups {
  cachePolicy(id: string): Promise<boolean>;
  originRequestPolicy(id: string): Promise<boolean>;
  responseHeadersPolicy(id: string): Promise<boolean>;
  /** Whether the CloudFront function ARN names a function of the account (published or not). */
  functionExists(arn: string): Promise<boolean>;
  originAccessControl(id: string): Promise<boolean>;
  /** Whether the key group exists for the account. */
  keyGroup(id: string): Promise<boolean>;
  /** The Lambda function version an association names, when Lambda is served here (undefined: it is not). */
  lambdaVersion(arn: string): Promise<{ found: boolean; environment: boolean; layers: boolean; memory: number } | undefined>;
}

const LIMITS = { origins: 100, behaviors: 75, lambdaAssociations: 4, functionAssociations: 2, keyGroups: 4 };
const ERROR_CODES = new Set([400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]);
const RESPONSE_CODES = new Set(['200', '400', '403', '404', '405', '414', '416', '500', '501', '502', '503', '504']);

/** Checks that a Quantity matches its Items (a missing Items list counts as empty). */
function quantities(container: any): any[] {
  if (container === undefined || container === null) return [];
  const items: any[] = container.Items ?? [];
  if (Number(container.Quantity) !== items.length) throw new InconsistentQuantities("The value of Quantity and the size of Items don't match.");
  return items;
}

function required(v: unknown, name: string): void {
  if (v === undefined || v === null) throw new InvalidArgument(`The parameter ${name} is required.`);
}

/** The checked config with CloudFront's defaults filled in. */
export async function normaliseConfig(config: any, lookups: ConfigLookups): Promise<any> {
  const c = structuredClone(config);
  c.Aliases = normaliseList(c.Aliases);
  const origins = quantities(c.Origins);
  if (origins.length === 0) throw new InvalidArgument('The parameter Origins is required.');
  if (origins.length > LIMITS.origins) throw new TooManyOrigins('Your request contains too many origins.');
  const ids = new Set<string>();
  for (const o of origins) {
    if (ids.has(o.Id)) throw new InvalidArgument('The parameter origin Id must be unique.');
    ids.add(o.Id);
    normaliseOrigin(o);
    if (o.OriginAccessControlId && !(await lookups.originAccessControl(o.OriginAccessControlId))) {
      throw new NoSuchOriginAccessControl('The origin access control does not exist.');
    }
  }
  const groups = quantities(c.OriginGroups);
  for (const g of groups) {
    const members = quantities(g.Members);
    for (const m of members) if (!ids.has(m.OriginId)) throw new NoSuchOrigin('One or more of your origins or origin groups do not exist.');
    quantities(g.FailoverCriteria?.StatusCodes);
    if (ids.has(g.Id)) throw new InvalidArgument('The parameter origin group Id must be unique.');
    ids.add(g.Id);
  }
  c.OriginGroups = { Quantity: groups.length, ...(groups.length ? { Items: groups } : {}) };

  required(c.DefaultCacheBehavior, 'DefaultCacheBehavior');
  await normaliseBehavior(c.DefaultCacheBehavior, ids, lookups);
  const behaviors = quantities(c.CacheBehaviors);
  if (behaviors.length > LIMITS.behaviors) throw new TooManyCacheBehaviors('Your request contains too many cache behaviors.');
  const patterns = new Set<string>();
  for (const b of behaviors) {
    if (patterns.has(b.PathPattern)) throw new InvalidArgument(`The parameter PathPattern contains a duplicate value: ${b.PathPattern}.`);
    patterns.add(b.PathPattern);
    await normaliseBehavior(b, ids, lookups);
  }
  c.CacheBehaviors = { Quantity: behaviors.length, ...(behaviors.length ? { Items: behaviors } : {}) };

  const errors = quantities(c.CustomErrorResponses);
  const seen = new Set<number>();
  for (const e of errors) {
    if (!ERROR_CODES.has(Number(e.ErrorCode)) || seen.has(Number(e.ErrorCode))) throw new InvalidErrorCode('The error code specified is not valid.');
    seen.add(Number(e.ErrorCode));
    const hasPage = e.ResponsePagePath !== undefined && e.ResponsePagePath !== '';
    const hasCode = e.ResponseCode !== undefined && e.ResponseCode !== '';
    if (hasCode && !RESPONSE_CODES.has(String(e.ResponseCode))) throw new InvalidResponseCode('The response code specified is not valid.');
    if (hasPage !== hasCode) throw new InvalidArgument('Your request must specify both ResponsePagePath and ResponseCode, or neither.');
    if (hasPage && !String(e.ResponsePagePath).startsWith('/')) throw new InvalidArgument('The parameter ResponsePagePath must begin with a slash.');
    e.ResponsePagePath ??= '';
    e.ResponseCode ??= '';
    e.ErrorCachingMinTTL ??= 10;
  }
  c.CustomErrorResponses = { Quantity: errors.length, ...(errors.length ? { Items: errors } : {}) };

  if (c.DefaultRootObject !== undefined && c.DefaultRootObject !== '') {
    const root = String(c.DefaultRootObject);
    if (root.startsWith('/') || root.length > 255 || /[\s\\]/.test(root)) throw new InvalidDefaultRootObject('The specified default root object is invalid.');
  }
  c.DefaultRootObject ??= '';
  c.Logging ??= { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' };
  c.PriceClass ??= 'PriceClass_All';
  c.ViewerCertificate ??= { CloudFrontDefaultCertificate: true, SSLSupportMethod: 'vip', MinimumProtocolVersion: 'TLSv1', CertificateSource: 'cloudfront' };
  c.Restrictions ??= { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } };
  const geo = c.Restrictions.GeoRestriction;
  const locations = quantities(geo);
  if (geo.RestrictionType === 'none' && locations.length > 0) throw new InvalidArgument('The parameter GeoRestriction Items must be empty when RestrictionType is none.');
  if (geo.RestrictionType !== 'none' && locations.length === 0) throw new InvalidArgument('The parameter GeoRestriction Items must not be empty when RestrictionType is whitelist or blacklist.');
  if (locations.some((l: unknown) => typeof l !== 'string' || !/^[A-Z]{2}$/.test(l))) throw new InvalidLocationCode('The location code specified is not valid.');
  c.WebACLId ??= '';
  c.HttpVersion ??= 'http2';
  c.IsIPV6Enabled ??= true;
  c.Staging ??= false;
  c.ContinuousDeploymentPolicyId ??= '';
  return c;
}

function normaliseList(list: any): any {
  const items = quantities(list);
  return { Quantity: items.length, ...(items.length ? { Items: items } : {}) };
}

function normaliseOrigin(o: any): void {
  const kinds = [o.S3OriginConfig, o.CustomOriginConfig, o.VpcOriginConfig].filter((x) => x !== undefined).length;
  if (kinds !== 1) throw new InvalidOrigin('The specified origin server does not exist or is not valid.');
  const domain = String(o.DomainName ?? '');
  if (domain.includes(':')) throw new InvalidArgument('The parameter origin name cannot contain a colon.');
  if (!/^[a-zA-Z0-9.-]+$/.test(domain) || domain.length > 253) throw new InvalidArgument('The parameter origin name must be a domain name.');
  if (o.S3OriginConfig && !S3_REST_ORIGIN.test(domain.toLowerCase()))
    throw new InvalidArgument('The parameter Origin DomainName does not refer to a valid S3 bucket.');
  if (o.OriginPath !== undefined && o.OriginPath !== '' && (!String(o.OriginPath).startsWith('/') || String(o.OriginPath).endsWith('/')))
    throw new InvalidArgument('The parameter origin path must begin with a slash and must not end with a slash.');
  o.OriginPath ??= '';
  o.CustomHeaders = normaliseList(o.CustomHeaders);
  o.ConnectionAttempts ??= 3;
  o.ConnectionTimeout ??= 10;
  o.OriginShield ??= { Enabled: false };
  o.OriginAccessControlId ??= '';
  if (o.S3OriginConfig) o.S3OriginConfig.OriginReadTimeout ??= 30;
  if (o.CustomOriginConfig) {
    const cc = o.CustomOriginConfig;
    cc.OriginSslProtocols ??= { Quantity: 1, Items: ['TLSv1.2'] };
    cc.OriginReadTimeout ??= 30;
    cc.OriginKeepaliveTimeout ??= 5;
  }
}

/** `{bucket}.s3.amazonaws.com`, `{bucket}.s3.{region}.amazonaws.com`, `{bucket}.s3-{region}.amazonaws.com` (and `.localhost`). */
export const S3_REST_ORIGIN = /^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.s3(?:[.-]([a-z0-9-]+))?\.(?:amazonaws\.com|localhost)$/;
/** S3 website endpoints, used as custom origins. */
export const S3_WEBSITE_ORIGIN = /^(.+)\.s3-website[.-]([a-z0-9-]+)\.(?:amazonaws\.com|localhost)$/;

async function normaliseBehavior(b: any, origins: Set<string>, lookups: ConfigLookups): Promise<void> {
  if (!origins.has(b.TargetOriginId)) throw new NoSuchOrigin('One or more of your origins or origin groups do not exist.');
  if (b.CachePolicyId) {
    if (b.ForwardedValues !== undefined) throw new InvalidArgument('The parameter ForwardedValues cannot be used when a cache policy is associated to the cache behavior.');
    for (const ttl of ['MinTTL', 'DefaultTTL', 'MaxTTL']) {
      if (b[ttl] !== undefined) throw new InvalidArgument(`The parameter ${ttl} cannot be used when a cache policy is associated to the cache behavior.`);
    }
    if (!(await lookups.cachePolicy(b.CachePolicyId))) throw new NoSuchCachePolicy('The cache policy does not exist.');
  } else {
    required(b.ForwardedValues, 'ForwardedValues');
    required(b.MinTTL, 'MinTTL');
    const fv = b.ForwardedValues;
    fv.Headers = normaliseList(fv.Headers);
    fv.QueryStringCacheKeys = normaliseList(fv.QueryStringCacheKeys);
    if (fv.Cookies?.WhitelistedNames) fv.Cookies.WhitelistedNames = normaliseList(fv.Cookies.WhitelistedNames);
    b.DefaultTTL ??= 86400;
    b.MaxTTL ??= 31536000;
    if (!(b.MinTTL <= b.DefaultTTL && b.DefaultTTL <= b.MaxTTL)) throw new InvalidTTLOrder('The TTL order specified is not valid.');
  }
  if (b.OriginRequestPolicyId && !(await lookups.originRequestPolicy(b.OriginRequestPolicyId)))
    throw new NoSuchOriginRequestPolicy('The origin request policy does not exist.');
  if (b.ResponseHeadersPolicyId && !(await lookups.responseHeadersPolicy(b.ResponseHeadersPolicyId)))
    throw new NoSuchResponseHeadersPolicy('The response headers policy does not exist.');
  const allowed = b.AllowedMethods ? quantities(b.AllowedMethods) : ['HEAD', 'GET'];
  const allowedSet = [...allowed].sort().join(',');
  if (!['GET,HEAD', 'GET,HEAD,OPTIONS', 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'].includes(allowedSet))
    throw new InvalidArgument('The parameter AllowedMethods is not valid.');
  const cached = b.AllowedMethods?.CachedMethods ? quantities(b.AllowedMethods.CachedMethods) : ['HEAD', 'GET'];
  if (!['GET,HEAD', 'GET,HEAD,OPTIONS'].includes([...cached].sort().join(',')) || cached.some((m: string) => !allowed.includes(m)))
    throw new InvalidArgument('The parameter CachedMethods is not valid.');
  b.AllowedMethods = { Quantity: allowed.length, Items: allowed, CachedMethods: { Quantity: cached.length, Items: cached } };

  const lambdas = quantities(b.LambdaFunctionAssociations);
  if (lambdas.length > LIMITS.lambdaAssociations) throw new TooManyLambdaFunctionAssociations('Your request contains more Lambda@Edge function associations than are allowed per cache behavior.');
  const events = new Set<string>();
  for (const l of lambdas) {
    checkLambdaArn(String(l.LambdaFunctionARN));
    await checkLambdaVersion(String(l.LambdaFunctionARN), String(l.EventType), lookups);
    if (events.has(l.EventType)) throw new InvalidLambdaFunctionAssociation(`Only one Lambda function association per event type is allowed. EventType: ${l.EventType}`);
    events.add(l.EventType);
    l.IncludeBody ??= false;
  }
  b.LambdaFunctionAssociations = normaliseList(b.LambdaFunctionAssociations);
  const fns = quantities(b.FunctionAssociations);
  if (fns.length > LIMITS.functionAssociations) throw new TooManyFunctionAssociations('You have reached the maximum number of CloudFront function associations.');
  for (const f of fns) {
    if (f.EventType !== 'viewer-request' && f.EventType !== 'viewer-response')
      throw new InvalidFunctionAssociation(`The function association is not valid. CloudFront Functions can only be associated with viewer events. EventType: ${f.EventType}`);
    if (events.has(f.EventType)) throw new InvalidFunctionAssociation(`You cannot associate a CloudFront function and a Lambda@Edge function with the same event type. EventType: ${f.EventType}`);
    if (!(await lookups.functionExists(String(f.FunctionARN)))) throw new InvalidFunctionAssociation(`The function ARN is not valid or the function does not exist. ARN: ${f.FunctionARN}`);
  }
  b.FunctionAssociations = normaliseList(b.FunctionAssociations);
  b.TrustedSigners = b.TrustedSigners ? { Enabled: b.TrustedSigners.Enabled, ...normaliseList(b.TrustedSigners) } : { Enabled: false, Quantity: 0 };
  b.TrustedKeyGroups = b.TrustedKeyGroups ? { Enabled: b.TrustedKeyGroups.Enabled, ...normaliseList(b.TrustedKeyGroups) } : { Enabled: false, Quantity: 0 };
  const groups: string[] = b.TrustedKeyGroups.Items ?? [];
  if (groups.length > LIMITS.keyGroups) throw new TooManyKeyGroupsAssociatedToDistribution('Your request contains more key groups than are allowed per distribution.');
  for (const g of groups) if (!(await lookups.keyGroup(String(g)))) throw new TrustedKeyGroupDoesNotExist('The specified key group does not exist.');
  for (const a of b.TrustedSigners.Items ?? []) {
    if (a !== 'self' && !/^\d{12}$/.test(String(a))) throw new InvalidArgument(`The parameter TrustedSigners contains an invalid AWS account: ${a}.`);
  }
  b.SmoothStreaming ??= false;
  b.Compress ??= false;
  b.FieldLevelEncryptionId ??= '';
}

/** Lambda@Edge takes a numbered version of a function in us-east-1, as AWS checks it. */
export function checkLambdaArn(text: string): void {
  const arn = parseArn(text);
  const parts = arn?.resource.split(':') ?? [];
  const versioned = arn !== undefined && arn.service === 'lambda' && parts[0] === 'function' && parts.length === 3 && /^[1-9][0-9]*$/.test(parts[2]!);
  if (!versioned)
    throw new InvalidLambdaFunctionAssociation(`The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: ${text}`);
  if (arn!.region !== 'us-east-1') throw new InvalidLambdaFunctionAssociation(`The function must be in region 'us-east-1'. ARN: ${text}`);
}

/** What CloudFront checks of the function version itself: that it exists, has no environment variables or layers, and the memory of viewer functions. */
async function checkLambdaVersion(arn: string, eventType: string, lookups: ConfigLookups): Promise<void> {
  const v = await lookups.lambdaVersion(arn);
  if (!v) return;
  if (!v.found)
    throw new InvalidLambdaFunctionAssociation(`Lambda@Edge cannot retrieve the specified Lambda function. Update the IAM policy to add permission: lambda:GetFunction for resource: ${arn} and try again.`);
  if (v.environment) throw new InvalidLambdaFunctionAssociation(`The function cannot have environment variables. Function: ${arn}`);
  if (v.layers) throw new InvalidLambdaFunctionAssociation(`The function cannot have layers. Function: ${arn}`);
  if (eventType.startsWith('viewer') && v.memory > 128)
    throw new InvalidLambdaFunctionAssociation(`The function memory size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: ${v.memory} Max allowed: 128 Function: ${arn}`);
}

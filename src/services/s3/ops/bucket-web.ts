/**
 * What browsers and the public see of a bucket: its policy (stored, checked, public or not), CORS
 * rules (enforced by cors.ts) and website configuration (served by website.ts).
 */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type * as S3 from '../../../generated/s3.js';
import { checkBucketPolicy, isPublicPolicy } from '../bucket-policy.js';
import { invalidArgument, invalidRequest, malformedXml } from '../errors.js';
import { parsePolicy } from '../../../aws/iam-policy.js';
import { publicAccessBlockOf, type CorsRule, type WebsiteSettings } from '../bucket-config.js';
import { BucketSettingsBase } from './bucket-settings.js';

const CORS_METHODS = ['GET', 'PUT', 'HEAD', 'POST', 'DELETE'];
const MAX_CORS_RULES = 100;

const notFound = (code: string, message: string, bucket: string): AwsError => new AwsError(code, message, 404, { fields: { BucketName: bucket } });

export class BucketWebOps
  extends BucketSettingsBase
  implements
    Pick<
      S3.S3Api,
      | 'PutBucketPolicy'
      | 'GetBucketPolicy'
      | 'DeleteBucketPolicy'
      | 'GetBucketPolicyStatus'
      | 'PutBucketCors'
      | 'GetBucketCors'
      | 'DeleteBucketCors'
      | 'PutBucketWebsite'
      | 'GetBucketWebsite'
      | 'DeleteBucketWebsite'
    >
{
  async PutBucketPolicy(ctx: RequestContext, input: S3.PutBucketPolicyRequest): Promise<void> {
    const statements = checkBucketPolicy(input.Policy, input.Bucket);
    const settings = await this.settings(ctx, input.Bucket);
    if (publicAccessBlockOf(settings)?.BlockPublicPolicy && isPublicPolicy(statements)) {
      throw new AwsError(
        'AccessDenied',
        `User: arn:aws:iam::${ctx.accountId}:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${input.Bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
        403,
      );
    }
    // Stored as sent: GetBucketPolicy gives back the document byte for byte.
    await this.set(ctx, input.Bucket, 'policy', input.Policy);
  }

  async GetBucketPolicy(ctx: RequestContext, input: S3.GetBucketPolicyRequest): Promise<S3.GetBucketPolicyOutput> {
    const s = await this.settings(ctx, input.Bucket);
    if (s.policy === undefined) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', input.Bucket);
    return { Policy: s.policy };
  }

  async DeleteBucketPolicy(ctx: RequestContext, input: S3.DeleteBucketPolicyRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'policy', undefined);
  }

  async GetBucketPolicyStatus(ctx: RequestContext, input: S3.GetBucketPolicyStatusRequest): Promise<S3.GetBucketPolicyStatusOutput> {
    const s = await this.settings(ctx, input.Bucket);
    if (s.policy === undefined) throw notFound('NoSuchBucketPolicy', 'The bucket policy does not exist', input.Bucket);
    return { PolicyStatus: { IsPublic: isPublicPolicy(parsePolicy(s.policy) ?? []) } };
  }

  async PutBucketCors(ctx: RequestContext, input: S3.PutBucketCorsRequest): Promise<void> {
    const rules = input.CORSConfiguration.CORSRules ?? [];
    if (rules.length === 0 || rules.length > MAX_CORS_RULES) throw malformedXml();
    const stored: CorsRule[] = rules.map((r) => {
      if (!r.AllowedMethods?.length || !r.AllowedOrigins?.length) throw malformedXml();
      for (const m of r.AllowedMethods) if (!CORS_METHODS.includes(m)) throw invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${m}`);
      for (const o of r.AllowedOrigins) {
        if (o.split('*').length > 2) throw invalidRequest(`AllowedOrigin "${o}" can not have more than one wildcard.`);
      }
      for (const h of r.AllowedHeaders ?? []) {
        if (h.split('*').length > 2) throw invalidRequest(`AllowedHeader "${h}" can not have more than one wildcard.`);
      }
      return { ID: r.ID, AllowedHeaders: r.AllowedHeaders, AllowedMethods: r.AllowedMethods, AllowedOrigins: r.AllowedOrigins, ExposeHeaders: r.ExposeHeaders, MaxAgeSeconds: r.MaxAgeSeconds };
    });
    await this.set(ctx, input.Bucket, 'cors', stored);
  }

  async GetBucketCors(ctx: RequestContext, input: S3.GetBucketCorsRequest): Promise<S3.GetBucketCorsOutput> {
    const s = await this.settings(ctx, input.Bucket);
    if (!s.cors) throw notFound('NoSuchCORSConfiguration', 'The CORS configuration does not exist', input.Bucket);
    return { CORSRules: s.cors };
  }

  async DeleteBucketCors(ctx: RequestContext, input: S3.DeleteBucketCorsRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'cors', undefined);
  }

  async PutBucketWebsite(ctx: RequestContext, input: S3.PutBucketWebsiteRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'website', checkWebsite(input.WebsiteConfiguration));
  }

  async GetBucketWebsite(ctx: RequestContext, input: S3.GetBucketWebsiteRequest): Promise<S3.GetBucketWebsiteOutput> {
    const s = await this.settings(ctx, input.Bucket);
    if (!s.website) throw notFound('NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration', input.Bucket);
    return s.website as S3.GetBucketWebsiteOutput;
  }

  async DeleteBucketWebsite(ctx: RequestContext, input: S3.DeleteBucketWebsiteRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'website', undefined);
  }
}

/** PutBucketWebsite's checks, with AWS's errors (messages as S3 answers them). */
function checkWebsite(c: S3.WebsiteConfiguration): WebsiteSettings {
  if (c.RedirectAllRequestsTo) {
    if (c.IndexDocument || c.ErrorDocument || c.RoutingRules) {
      throw invalidArgument('RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.', 'RedirectAllRequestsTo', 'not null');
    }
    checkProtocol(c.RedirectAllRequestsTo.Protocol);
    return { RedirectAllRequestsTo: { HostName: c.RedirectAllRequestsTo.HostName, Protocol: c.RedirectAllRequestsTo.Protocol } };
  }
  if (!c.IndexDocument) throw invalidArgument('A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty', 'IndexDocument', 'null');
  const suffix = c.IndexDocument.Suffix;
  if (!suffix || suffix.includes('/')) throw invalidArgument('The IndexDocument Suffix is not well formed', 'IndexDocument', suffix || undefined);
  const rules = (c.RoutingRules ?? []).map((r) => {
    if (r.Condition && r.Condition.HttpErrorCodeReturnedEquals === undefined && r.Condition.KeyPrefixEquals === undefined) {
      throw invalidRequest("Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present.");
    }
    if (r.Redirect.ReplaceKeyPrefixWith !== undefined && r.Redirect.ReplaceKeyWith !== undefined) throw invalidRequest('You can only define ReplaceKeyPrefix or ReplaceKey but not both.');
    checkProtocol(r.Redirect.Protocol);
    return { Condition: r.Condition, Redirect: r.Redirect };
  });
  return { IndexDocument: { Suffix: suffix }, ErrorDocument: c.ErrorDocument && { Key: c.ErrorDocument.Key }, RoutingRules: rules.length > 0 ? rules : undefined };
}

function checkProtocol(p: string | undefined): void {
  if (p !== undefined && p !== 'http' && p !== 'https') throw invalidRequest('Invalid protocol, protocol can be http or https. If not defined the protocol will be selected automatically.');
}

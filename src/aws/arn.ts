/**
 * Amazon Resource Names: `arn:partition:service:region:account-id:resource`. One parser and one
 * formatter for every service, so that each does not write its own regular expression.
 *
 * Global services (IAM, CloudFront, Route 53, Organizations) have no region in their ARNs; S3 bucket
 * and object ARNs have neither region nor account. The partition follows the region (`aws`, `aws-cn`,
 * `aws-us-gov`, `aws-iso`...).
 */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  /** '' for global services and for S3 buckets/objects. */
  readonly region: string;
  /** '' for S3 buckets/objects and for AWS-owned resources such as `arn:aws:iam::aws:policy/...` ('aws' there). */
  readonly account: string;
  /** Everything after the fifth colon, e.g. `function:my-fn:PROD`, `table/Users/stream/2024...`, `log-group:/aws/x:*`. */
  readonly resource: string;
}

/** Services whose resources are global: their ARNs carry no region. */
export const GLOBAL_SERVICES: ReadonlySet<string> = new Set(['iam', 'cloudfront', 'route53', 'organizations', 'sts-global']);

const PARTITION = /^aws(-[a-z]+)*$/;
const SERVICE = /^[a-z0-9-]+$/;

/** Parses an ARN; undefined for anything that is not one (the caller answers its service's own error). */
export function parseArn(text: string): Arn | undefined {
  if (typeof text !== 'string' || !text.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let from = 4;
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  const [partition, service, region, account] = parts as [string, string, string, string];
  const resource = text.slice(from);
  if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '') return undefined;
  return { partition, service, region, account, resource };
}

/** The ARN text for its parts. */
export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** The partition a region belongs to. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** Builds the ARN of a resource of `service` in the caller's scope (no region for global services). */
export function arnFor(service: string, scope: { accountId: string; region: string }, resource: string): string {
  const region = GLOBAL_SERVICES.has(service) ? '' : scope.region;
  return formatArn({ partition: partitionOf(scope.region), service, region, account: scope.accountId, resource });
}

/**
 * Parses an ARN of one service whose resource starts with `type` and its separator (`function:`,
 * `table/`, `log-group:`, `role/`...), returning the rest of the resource as `name`.
 */
export function parseResourceArn(text: string, service: string, type: string): (Arn & { name: string }) | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== service || !arn.resource.startsWith(type) || arn.resource.length === type.length) return undefined;
  return { ...arn, name: arn.resource.slice(type.length) };
}

/** A 12-digit account id, as every account field of an ARN must be (AWS-owned resources aside). */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}

/** The ARN of an account's root user (`arn:aws:iam::123456789012:root`), as policies and callers name an account. */
export function accountRootArn(scope: { accountId: string; region: string }): string {
  return arnFor('iam', scope, 'root');
}

/**
 * Whether `text` is an IAM role ARN (`arn:aws:iam::123456789012:role/path/name`), as services check
 * the roles they are given to assume: no region, a 12-digit account, a role name on one line.
 */
export function isRoleArn(text: string): boolean {
  const arn = parseArn(text);
  return !!arn && arn.service === 'iam' && arn.region === '' && isAccountId(arn.account) && /^role\/.+$/.test(arn.resource);
}

/**
 * A CloudWatch Logs log group ARN (`arn:aws:logs:region:account:log-group:name`, with or without the
 * `:*` DescribeLogGroups shows), as several services name their log destinations.
 */
export function parseLogGroupArn(text: string): { name: string; account: string; region: string } | undefined {
  const parsed = parseResourceArn(text, 'logs', 'log-group:');
  if (!parsed) return undefined;
  const name = parsed.name.endsWith(':*') ? parsed.name.slice(0, -2) : parsed.name;
  return name === '' || name.includes(':') ? undefined : { name, account: parsed.account, region: parsed.region };
}

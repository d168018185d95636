/**
 * What CloudFront's operation families and its edge share: the store, the clock, ids and ETags in
 * CloudFront's formats, lookups with AWS's not-found errors, the If-Match check, and the
 * deployment delay (a changed distribution or a new invalidation is InProgress for
 * `services.cloudfront.deploymentMs` platform milliseconds, then Deployed/Completed).
 */
import { randomBytes } from 'node:crypto';
import { NoSuchDistribution, InvalidIfMatchVersion, PreconditionFailed } from '../../generated/cloudfront.js';
import type { Platform } from '../service.js';
import { TagStore } from '../../storage/tags.js';
import { CLOUDFRONT_MIGRATIONS, CloudFrontStore, type DistributionDoc } from './store.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomText(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[bytes[i]! % alphabet.length];
  return s;
}

/** Distribution ids (E2QWRUHAPOMQZL), ETags and invalidation ids look alike: 'E' or 'I' and 13 more. */
export const newDistributionId = (): string => 'E' + randomText(UPPER, 13);
export const newETag = (): string => 'E' + randomText(UPPER, 13);
export const newInvalidationId = (): string => 'I' + randomText(UPPER, 13);
export const newDomainLabel = (): string => 'd' + randomText(LOWER, 13);

export const IF_MATCH_MISSING = 'The If-Match version is missing or not valid for the resource.';
export const IF_MATCH_STALE = "The request failed because it didn't meet the preconditions in one or more request-header fields.";

/** AWS's If-Match check: missing is InvalidIfMatchVersion (400), another version PreconditionFailed (412). */
export function checkIfMatch(ifMatch: string | undefined, etag: string): void {
  if (ifMatch === undefined || ifMatch === '') throw new InvalidIfMatchVersion(IF_MATCH_MISSING);
  if (ifMatch !== etag) throw new PreconditionFailed(IF_MATCH_STALE);
}

export class CloudFrontCore {
  readonly store: CloudFrontStore;
  /** How long a change stays InProgress (platform ms). */
  readonly deploymentMs: number;
  /** Called after a committed write to a distribution (the edge drops what it cached of it). */
  onDistributionChange: (id: string) => void = () => {};
  /** Called after a distribution is deleted (the edge drops its cached objects). */
  onDistributionDeleted: (id: string) => void = () => {};
  /** Called after an invalidation is created (the edge drops matching cached objects). */
  onInvalidation: (distributionId: string, paths: readonly string[]) => void = () => {};
  /** Called after a function's code or stage changes. */
  onFunctionChange: (account: string, name: string) => void = () => {};

  private constructor(
    readonly platform: Platform,
    readonly tags: TagStore,
  ) {
    this.store = new CloudFrontStore(platform.db);
    const opts = platform.config.services?.cloudfront ?? {};
    this.deploymentMs = typeof opts.deploymentMs === 'number' ? opts.deploymentMs : 0;
  }

  static async open(platform: Platform): Promise<CloudFrontCore> {
    await platform.db.migrate('cloudfront', CLOUDFRONT_MIGRATIONS);
    return new CloudFrontCore(platform, await TagStore.open(platform.db));
  }

  get db() {
    return this.platform.db;
  }

  now(): number {
    return this.platform.clock.now();
  }

  /** The distribution of this account, or AWS's NoSuchDistribution. */
  async distribution(account: string, id: string): Promise<DistributionDoc> {
    const d = await this.store.distribution(id);
    if (!d || d.account !== account) throw new NoSuchDistribution('The specified distribution does not exist.');
    return d;
  }

  status(d: DistributionDoc): 'InProgress' | 'Deployed' {
    return this.now() < d.deployedAt ? 'InProgress' : 'Deployed';
  }
}

/**
 * Object Lock: the bucket's configuration (default retention), a version's retention and legal
 * hold, and the x-amz-object-lock-* headers of writes. A bucket created with Object Lock has
 * versioning enabled for good; a locked version cannot be deleted (versions.ts `lockHolds`).
 * Retention dates are compared with the platform clock.
 */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type {
  GetObjectLegalHoldOutput,
  GetObjectLegalHoldRequest,
  GetObjectLockConfigurationOutput,
  GetObjectLockConfigurationRequest,
  GetObjectRetentionOutput,
  GetObjectRetentionRequest,
  PutObjectLegalHoldOutput,
  PutObjectLegalHoldRequest,
  PutObjectLockConfigurationOutput,
  PutObjectLockConfigurationRequest,
  PutObjectRetentionOutput,
  PutObjectRetentionRequest,
  S3Api,
} from '../../../generated/s3.js';
import type { S3Core } from '../core.js';
import { invalidArgument, invalidRequest, malformedXml } from '../errors.js';
import { updateSettings, type BucketSettings } from '../settings.js';
import type { ObjectMeta, ObjectRow } from '../store.js';
import { requireIntegrity, resolveObject, versions } from '../versions.js';

const MAX_RETENTION_DAYS = 36_500;
const MAX_RETENTION_YEARS = 100;

const missingLock = (): AwsError => invalidRequest('Bucket is missing Object Lock Configuration');
const noObjectLock = (): AwsError => new AwsError('NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration.', 404);

interface LockHeaders {
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: string;
}

/** The lock a write asks for with x-amz-object-lock-* headers, checked as AWS checks them. */
export function lockFromInput(ctx: RequestContext, input: LockHeaders, settings: BucketSettings, withBody: boolean): ObjectMeta['lock'] | undefined {
  const { ObjectLockMode: mode, ObjectLockRetainUntilDate: until, ObjectLockLegalHoldStatus: hold } = input;
  if (mode === undefined && until === undefined && hold === undefined) return undefined;
  if (mode !== undefined && mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') throw invalidArgument('Unknown wormMode directive.', 'x-amz-object-lock-mode', mode);
  if (hold !== undefined && hold !== 'ON' && hold !== 'OFF') throw invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", 'x-amz-object-lock-legal-hold', hold);
  if (mode !== undefined && until === undefined) throw invalidArgument('x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied.', 'x-amz-object-lock-retain-until-date', undefined);
  if (mode === undefined && until !== undefined) throw invalidArgument('x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied.', 'x-amz-object-lock-mode', undefined);
  if (!settings.objectLock) throw invalidRequest('Bucket is missing ObjectLockConfiguration');
  if (until !== undefined && until.getTime() <= ctx.clock.now()) throw invalidArgument('The retain until date must be in the future!', 'x-amz-object-lock-retain-until-date', until.toISOString());
  const h = ctx.headers;
  if (withBody && h['content-md5'] === undefined && h['x-amz-trailer'] === undefined && !Object.keys(h).some((k) => k.startsWith('x-amz-checksum-'))) {
    throw invalidRequest('Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters');
  }
  return { mode: mode as 'GOVERNANCE' | 'COMPLIANCE' | undefined, until: until?.getTime(), legalHold: hold === undefined ? undefined : hold === 'ON' };
}

export class ObjectLockOps
  implements
    Pick<S3Api, 'PutObjectLockConfiguration' | 'GetObjectLockConfiguration' | 'PutObjectRetention' | 'GetObjectRetention' | 'PutObjectLegalHold' | 'GetObjectLegalHold'>
{
  constructor(private readonly core: S3Core) {}

  async PutObjectLockConfiguration(ctx: RequestContext, input: PutObjectLockConfigurationRequest): Promise<PutObjectLockConfigurationOutput> {
    requireIntegrity(ctx.headers);
    const c = input.ObjectLockConfiguration;
    if (!c || c.ObjectLockEnabled !== 'Enabled') throw malformedXml();
    let rule: NonNullable<BucketSettings['objectLock']>['rule'];
    if (c.Rule) {
      const d = c.Rule.DefaultRetention;
      if (!d || (d.Mode !== 'GOVERNANCE' && d.Mode !== 'COMPLIANCE')) throw malformedXml();
      if ((d.Days === undefined) === (d.Years === undefined)) throw malformedXml();
      const [value, name, max] = d.Days !== undefined ? [d.Days, 'Days', MAX_RETENTION_DAYS] : [d.Years!, 'Years', MAX_RETENTION_YEARS];
      if (!Number.isInteger(value) || value <= 0) throw invalidArgument('Default retention period must be a positive integer value.', name, String(value));
      if (value > max) throw invalidArgument('Default retention period too large.', name, String(value));
      rule = { mode: d.Mode, days: d.Days, years: d.Years };
    }
    await this.core.db.tx(async (tx) => {
      const { settings } = await this.core.owned(ctx, input.Bucket, tx);
      // Object Lock can be enabled on an existing bucket whose versioning is enabled.
      if (!settings.objectLock && settings.versioning !== 'Enabled') {
        throw new AwsError('InvalidBucketState', "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration", 409);
      }
      await updateSettings(tx, input.Bucket, (s) => {
        s.objectLock = { enabled: true, rule };
      });
    });
    return {};
  }

  async GetObjectLockConfiguration(ctx: RequestContext, input: GetObjectLockConfigurationRequest): Promise<GetObjectLockConfigurationOutput> {
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const lock = settings.objectLock;
    if (!lock) throw new AwsError('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket.', 404, { fields: { BucketName: input.Bucket } });
    return {
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: lock.rule ? { DefaultRetention: { Mode: lock.rule.mode, Days: lock.rule.days, Years: lock.rule.years } } : undefined,
      },
    };
  }

  async PutObjectRetention(ctx: RequestContext, input: PutObjectRetentionRequest): Promise<PutObjectRetentionOutput> {
    requireIntegrity(ctx.headers);
    const r = input.Retention;
    if (r && r.Mode !== undefined && r.Mode !== 'GOVERNANCE' && r.Mode !== 'COMPLIANCE') throw malformedXml();
    if (r && (r.Mode === undefined) !== (r.RetainUntilDate === undefined)) throw malformedXml();
    const now = this.core.platform.clock.now();
    if (r?.RetainUntilDate !== undefined && r.RetainUntilDate.getTime() <= now) {
      throw invalidArgument('The retain until date must be in the future!', 'RetainUntilDate', r.RetainUntilDate.toISOString());
    }
    const bypass = input.BypassGovernanceRetention === true;
    await this.change(ctx, input, (o) => {
      const old = o.meta.lock;
      const until = r?.RetainUntilDate?.getTime();
      const active = old?.mode !== undefined && old.until !== undefined && old.until > now;
      if (active) {
        const shortened = until === undefined || until < old.until!;
        // COMPLIANCE never gives way; GOVERNANCE only to the bypass header.
        if (old.mode === 'COMPLIANCE' && (shortened || r?.Mode !== 'COMPLIANCE')) throw new AwsError('AccessDenied', 'Access Denied because object protected by object lock.', 403);
        if (old.mode === 'GOVERNANCE' && (shortened || r?.Mode !== 'GOVERNANCE') && !bypass) throw new AwsError('AccessDenied', 'Access Denied because object protected by object lock.', 403);
      }
      o.meta.lock = { ...old, mode: r?.Mode, until };
    });
    return {};
  }

  async GetObjectRetention(ctx: RequestContext, input: GetObjectRetentionRequest): Promise<GetObjectRetentionOutput> {
    const o = await this.read(ctx, input, 'GET');
    const l = o.meta.lock;
    if (!l?.mode) throw noObjectLock();
    return { Retention: { Mode: l.mode, RetainUntilDate: new Date(l.until!) } };
  }

  async PutObjectLegalHold(ctx: RequestContext, input: PutObjectLegalHoldRequest): Promise<PutObjectLegalHoldOutput> {
    requireIntegrity(ctx.headers);
    const status = input.LegalHold?.Status;
    if (status !== 'ON' && status !== 'OFF') throw malformedXml();
    await this.change(ctx, input, (o) => {
      o.meta.lock = { ...o.meta.lock, legalHold: status === 'ON' };
    });
    return {};
  }

  async GetObjectLegalHold(ctx: RequestContext, input: GetObjectLegalHoldRequest): Promise<GetObjectLegalHoldOutput> {
    const o = await this.read(ctx, input, 'GET');
    const hold = o.meta.lock?.legalHold;
    if (hold === undefined) throw noObjectLock();
    return { LegalHold: { Status: hold ? 'ON' : 'OFF' } };
  }

  private async read(ctx: RequestContext, input: { Bucket: string; Key: string; VersionId?: string }, method: string): Promise<ObjectRow> {
    const { settings } = await this.core.owned(ctx, input.Bucket);
    if (!settings.objectLock) throw missingLock();
    return resolveObject(this.core.db, input.Bucket, input.Key, input.VersionId, method);
  }

  private async change(ctx: RequestContext, input: { Bucket: string; Key: string; VersionId?: string }, edit: (o: ObjectRow) => void): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { settings } = await this.core.owned(ctx, input.Bucket, tx);
      if (!settings.objectLock) throw missingLock();
      const o = await resolveObject(tx, input.Bucket, input.Key, input.VersionId, 'PUT');
      edit(o);
      await versions.setMeta(tx, o);
    });
  }
}

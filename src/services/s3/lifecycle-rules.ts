/**
 * Lifecycle rules: PutBucketLifecycleConfiguration's validation (AWS's MalformedXML, InvalidArgument
 * and InvalidRequest answers), the filter a rule applies to, and the times its actions fall due.
 * AWS rounds each action's time up to the next midnight UTC (creation + Days, or the time a version
 * became noncurrent + NoncurrentDays).
 */
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import type { LifecycleRule } from '../../generated/s3.js';
import { invalidArgument, invalidRequest, malformedXml } from './errors.js';
import type { BucketSettings, StoredRule } from './settings.js';
import type { ObjectRow } from './store.js';

export const DAY_MS = 86_400_000;
const MAX_RULES = 1000;
const MAX_ID = 255;
const TRANSITION_CLASSES = new Set(['GLACIER', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'DEEP_ARCHIVE', 'GLACIER_IR']);
/** Storage classes a transition to needs 30 days first. */
const THIRTY_DAY_CLASSES = new Set(['STANDARD_IA', 'ONEZONE_IA']);
export const MIN_TRANSITION_BYTES = 128 * 1024;

/** The next midnight UTC at or after `t`. */
export function midnightAtOrAfter(t: number): number {
  return Math.ceil(t / DAY_MS) * DAY_MS;
}

/** The first midnight UTC strictly after `t`: when the daily evaluation runs next. */
export function nextMidnight(t: number): number {
  return Math.floor(t / DAY_MS) * DAY_MS + DAY_MS;
}

export const noSuchLifecycle = (bucket: string): AwsError =>
  new AwsError('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', 404, { fields: { BucketName: bucket } });

const positive = (v: number | undefined): boolean => v !== undefined && Number.isInteger(v) && v > 0;

function midnightDate(d: Date | undefined): number | undefined {
  if (d === undefined) return undefined;
  const t = new Date(d).getTime();
  if (Number.isNaN(t) || t % DAY_MS !== 0) throw invalidArgument("'Date' must be at midnight GMT", 'Date', new Date(d).toISOString());
  return t;
}

/** Validates a configuration's rules as AWS does; the stored form of each. */
export function parseRules(rules: readonly LifecycleRule[] | undefined): StoredRule[] {
  if (!rules || rules.length === 0 || rules.length > MAX_RULES) throw malformedXml();
  const ids = new Set<string>();
  const out: StoredRule[] = [];
  for (const r of rules) {
    if (r.Status !== 'Enabled' && r.Status !== 'Disabled') throw malformedXml();
    const id = r.ID ?? Buffer.from(randomUUID()).toString('base64');
    if (id.length > MAX_ID) throw invalidArgument(`ID length should not exceed allowed limit of ${MAX_ID}`, 'ID', id);
    if (ids.has(id)) throw invalidArgument('Rule ID must be unique. Found same ID for more than one rule', 'ID', id);
    ids.add(id);
    const filter = filterOf(r);
    const rule: StoredRule = { id, enabled: r.Status === 'Enabled', filter, wire: { ...r, ID: id }, transitions: [], noncurrentTransitions: [] };
    if (r.Expiration) {
      const e = r.Expiration;
      const given = [e.Days, e.Date, e.ExpiredObjectDeleteMarker].filter((v) => v !== undefined).length;
      if (given !== 1) throw malformedXml();
      if (e.Days !== undefined && !positive(e.Days)) throw invalidArgument("'Days' for Expiration action must be a positive integer", 'Days', String(e.Days));
      rule.expiration = { days: e.Days, date: midnightDate(e.Date), expiredObjectDeleteMarker: e.ExpiredObjectDeleteMarker };
    }
    if (r.NoncurrentVersionExpiration) {
      const n = r.NoncurrentVersionExpiration;
      if (n.NoncurrentDays === undefined) throw malformedXml();
      if (!positive(n.NoncurrentDays)) throw invalidArgument("'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer", 'NoncurrentDays', String(n.NoncurrentDays));
      if (n.NewerNoncurrentVersions !== undefined && !positive(n.NewerNoncurrentVersions)) {
        throw invalidArgument("'NewerNoncurrentVersions' for NoncurrentVersionExpiration action must be a positive integer", 'NewerNoncurrentVersions', String(n.NewerNoncurrentVersions));
      }
      rule.noncurrentExpiration = { days: n.NoncurrentDays, newer: n.NewerNoncurrentVersions };
    }
    if (r.AbortIncompleteMultipartUpload) {
      const days = r.AbortIncompleteMultipartUpload.DaysAfterInitiation;
      if (days === undefined) throw malformedXml();
      if (!positive(days)) throw invalidArgument("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer", 'DaysAfterInitiation', String(days));
      if (filter.tags.length > 0) throw invalidRequest('AbortIncompleteMultipartUpload cannot be specified with Tags.');
      rule.abortDays = days;
    }
    for (const t of r.Transitions ?? []) {
      if (t.StorageClass === undefined || !TRANSITION_CLASSES.has(t.StorageClass)) throw malformedXml();
      if ((t.Days === undefined) === (t.Date === undefined)) throw malformedXml();
      if (t.Days !== undefined && (!Number.isInteger(t.Days) || t.Days < 0)) throw invalidArgument("'Days' in Transition action must be nonnegative", 'Days', String(t.Days));
      if (t.Days !== undefined && THIRTY_DAY_CLASSES.has(t.StorageClass) && t.Days < 30) {
        throw invalidArgument(`'Days' in Transition action must be greater than or equal to 30 for storageClass '${t.StorageClass}'`, 'Days', String(t.Days));
      }
      rule.transitions.push({ days: t.Days, date: midnightDate(t.Date), storageClass: t.StorageClass });
    }
    for (const t of r.NoncurrentVersionTransitions ?? []) {
      if (t.StorageClass === undefined || !TRANSITION_CLASSES.has(t.StorageClass) || t.NoncurrentDays === undefined) throw malformedXml();
      if (!Number.isInteger(t.NoncurrentDays) || t.NoncurrentDays < 0) throw invalidArgument("'NoncurrentDays' in NoncurrentVersionTransition action must be nonnegative", 'NoncurrentDays', String(t.NoncurrentDays));
      if (THIRTY_DAY_CLASSES.has(t.StorageClass) && t.NoncurrentDays < 30) {
        throw invalidArgument(
          `'NoncurrentDays' in NoncurrentVersionTransition action must be greater than or equal to 30 for storageClass '${t.StorageClass}'`,
          'NoncurrentDays',
          String(t.NoncurrentDays),
        );
      }
      rule.noncurrentTransitions.push({ days: t.NoncurrentDays, newer: t.NewerNoncurrentVersions, storageClass: t.StorageClass });
    }
    if (!rule.expiration && !rule.noncurrentExpiration && rule.abortDays === undefined && rule.transitions.length === 0 && rule.noncurrentTransitions.length === 0) {
      throw invalidRequest('At least one action needs to be specified in a rule');
    }
    out.push(rule);
  }
  return out;
}

/** A rule's filter: the legacy top-level Prefix, or Filter with one of Prefix, Tag, a size bound or And. */
function filterOf(r: LifecycleRule): StoredRule['filter'] {
  if (r.Filter !== undefined && r.Prefix !== undefined) throw malformedXml();
  if (r.Filter === undefined) {
    if (r.Prefix === undefined) throw malformedXml();
    return { prefix: r.Prefix, tags: [] };
  }
  const f = r.Filter;
  const given = [f.Prefix, f.Tag, f.ObjectSizeGreaterThan, f.ObjectSizeLessThan, f.And].filter((v) => v !== undefined).length;
  if (given > 1) throw malformedXml();
  if (f.And) {
    const a = f.And;
    return { prefix: a.Prefix ?? '', tags: (a.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })), greaterThan: a.ObjectSizeGreaterThan, lessThan: a.ObjectSizeLessThan };
  }
  return { prefix: f.Prefix ?? '', tags: f.Tag ? [{ Key: f.Tag.Key, Value: f.Tag.Value }] : [], greaterThan: f.ObjectSizeGreaterThan, lessThan: f.ObjectSizeLessThan };
}

/** Whether a version falls under a rule's filter (a delete marker by its key alone). */
export function matches(rule: StoredRule, o: Pick<ObjectRow, 'key' | 'size' | 'tags' | 'deleteMarker'>): boolean {
  const f = rule.filter;
  if (!o.key.startsWith(f.prefix)) return false;
  if (o.deleteMarker) return f.tags.length === 0 && f.greaterThan === undefined && f.lessThan === undefined;
  for (const t of f.tags) if (!o.tags.some((x) => x.Key === t.Key && x.Value === t.Value)) return false;
  if (f.greaterThan !== undefined && !(o.size > f.greaterThan)) return false;
  if (f.lessThan !== undefined && !(o.size < f.lessThan)) return false;
  return true;
}

/** When a rule expires the current version `o` (Days or Date), if it does. */
export function expiryOf(rule: StoredRule, o: ObjectRow): number | undefined {
  const e = rule.expiration;
  if (!rule.enabled || !e || !matches(rule, o)) return undefined;
  if (e.days !== undefined) return midnightAtOrAfter(o.lastModified + e.days * DAY_MS);
  return e.date;
}

/** x-amz-expiration for a current object: the earliest expiration of the rules that apply to it. */
export function expirationHeader(settings: BucketSettings, o: ObjectRow): string | undefined {
  let best: { at: number; id: string } | undefined;
  for (const rule of settings.lifecycle?.rules ?? []) {
    const at = expiryOf(rule, o);
    if (at !== undefined && (!best || at < best.at)) best = { at, id: rule.id };
  }
  return best && `expiry-date="${new Date(best.at).toUTCString()}", rule-id="${best.id}"`;
}

/** The rules as GetBucketLifecycleConfiguration answers them (dates back to Date values). */
export function wireRules(rules: readonly StoredRule[]): LifecycleRule[] {
  return rules.map((r) => {
    const w = structuredClone(r.wire) as unknown as LifecycleRule;
    if (w.Expiration?.Date !== undefined) w.Expiration.Date = new Date(w.Expiration.Date);
    for (const t of w.Transitions ?? []) if (t.Date !== undefined) t.Date = new Date(t.Date);
    return w;
  });
}

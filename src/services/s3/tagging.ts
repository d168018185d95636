/** Object tags: the x-amz-tagging header (URL-encoded) and Tagging documents, with AWS's limits. */
import { AwsError } from '../../aws/errors.js';
import type { Tag } from './store.js';

export const MAX_OBJECT_TAGS = 10;

const invalidTag = (message: string): AwsError => new AwsError('InvalidTag', message, 400);

export function checkTags(tags: readonly Tag[]): Tag[] {
  if (tags.length > MAX_OBJECT_TAGS) throw new AwsError('BadRequest', 'Object tags cannot be greater than 10', 400);
  const seen = new Set<string>();
  for (const t of tags) {
    if ([...t.Key].length > 128) throw invalidTag('The TagKey you have provided is too long, max 128');
    if ([...t.Value].length > 256) throw invalidTag('The TagValue you have provided is too long, max 256');
    if (t.Key.length === 0) throw invalidTag('The TagKey you have provided is invalid');
    if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.Key)) throw invalidTag('The TagKey you have provided is invalid');
    if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.Value)) throw invalidTag('The TagValue you have provided is invalid');
    if (t.Key.startsWith('aws:')) throw invalidTag('Your TagKey cannot be prefixed with aws:');
    if (seen.has(t.Key)) throw invalidTag('Cannot provide multiple Tags with the same key');
    seen.add(t.Key);
  }
  return tags.map((t) => ({ Key: t.Key, Value: t.Value }));
}

/** `k1=v1&k2=v2`, as the x-amz-tagging header carries tags. */
export function parseTaggingHeader(header: string | undefined): Tag[] {
  if (header === undefined || header === '') return [];
  const tags: Tag[] = [];
  for (const [Key, Value] of new URLSearchParams(header)) tags.push({ Key, Value });
  return checkTags(tags);
}

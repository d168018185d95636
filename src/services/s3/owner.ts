import { createHash } from 'node:crypto';

/** An account's canonical user id (64 hex digits, as S3 shows owners), stable per account. */
export function canonicalId(accountId: string): string {
  return createHash('sha256').update(`stratus-canonical-user:${accountId}`).digest('hex');
}

export const ownerOf = (accountId: string): { ID: string } => ({ ID: canonicalId(accountId) });

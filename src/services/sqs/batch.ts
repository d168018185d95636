/** The rules every *Batch operation shares: 1-10 entries, well-formed distinct ids. */
import { AwsError, isAwsError } from '../../aws/errors.js';
import { BatchEntryIdsNotDistinct, EmptyBatchRequest, InvalidBatchEntryId, TooManyEntriesInBatchRequest, type BatchResultErrorEntry } from '../../generated/sqs.js';
import { BATCH_ID } from './message.js';

export const MAX_BATCH = 10;

export function checkBatch(entries: readonly { Id: string }[], entryShape: string): void {
  if (entries.length === 0) throw new EmptyBatchRequest(`There should be at least one ${entryShape} in the request.`);
  if (entries.length > MAX_BATCH) throw new TooManyEntriesInBatchRequest(`Maximum number of entries per request are ${MAX_BATCH}. You have sent ${entries.length}.`);
  const seen = new Set<string>();
  for (const e of entries) {
    if (!BATCH_ID.test(e.Id)) throw new InvalidBatchEntryId('A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    if (seen.has(e.Id)) throw new BatchEntryIdsNotDistinct(`Id ${e.Id} repeated.`);
    seen.add(e.Id);
  }
}

/** The code a failed batch entry reports: the query-protocol code, as AWS puts it there. */
const ENTRY_CODES: Record<string, string> = {
  InvalidParameterValueException: 'InvalidParameterValue',
  MissingRequiredParameterException: 'MissingParameter',
};

export function failedEntry(id: string, error: unknown): BatchResultErrorEntry {
  if (!isAwsError(error)) throw error;
  const e = error as AwsError;
  return { Id: id, SenderFault: e.senderFault, Code: ENTRY_CODES[e.code] ?? e.code, Message: e.message };
}

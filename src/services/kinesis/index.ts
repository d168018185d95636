/**
 * Kinesis Data Streams: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'kinesis',
  validationErrorCode: 'ValidationException',
  // A record's data is up to 10 MiB (MaxRecordSizeInKiB) and base64 in JSON; a PutRecords carries at most 5 MiB.
  maxBodyBytes: 16 * 1024 * 1024,
  lazy: {},
  create: async (platform) => (await import('./provider.js')).create(platform),
};

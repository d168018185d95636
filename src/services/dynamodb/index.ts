/**
 * DynamoDB: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'dynamodb',
  // Request bodies in gzip, responses of 4 KiB or more in gzip or deflate when the client accepts them, as DynamoDB does.
  compression: { requestEncodings: ['gzip'], responseThreshold: 4096 },
  validationErrorCode: 'ValidationException',
  wireShapes: ['AttributeValue'],
  lazy: {},
  create: async (platform) => (await import('./provider.js')).create(platform),
};

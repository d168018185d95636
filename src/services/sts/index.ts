/**
 * STS: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'sts',
  validationErrorCode: 'ValidationError',
  // Its sessions' temporary keys: a key the configured credentials do not know may be one.
  lazy: { issuesCredentials: true },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

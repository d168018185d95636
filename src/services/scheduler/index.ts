/**
 * EventBridge Scheduler: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'scheduler',
  validationErrorCode: 'ValidationException',
  lazy: {},
  create: async (platform) => (await import('./provider.js')).create(platform),
};

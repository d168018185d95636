/**
 * CloudWatch Logs: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'logs',
  validationErrorCode: 'InvalidParameterException',
  lazy: {},
  create: async (platform) => (await import('./provider.js')).create(platform),
};

/**
 * SNS: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { SNS_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'sns',
  validationErrorCode: 'ValidationError',
  // The signing key and certificate (an RSA key pair costs ~0.2 s of CPU): kept by POST /_stratus/reset.
  keepOnReset: ['sns_signing'],
  lazy: { routes: SNS_GUARDS },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

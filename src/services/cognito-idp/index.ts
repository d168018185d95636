/**
 * Cognito user pools: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { IDP_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'cognito-idp',
  validationErrorCode: 'InvalidParameterException',
  lazy: { routes: IDP_GUARDS },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

/**
 * CloudFront: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { EDGE_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'cloudfront',
  validationErrorCode: 'MalformedXML',
  lazy: { routes: EDGE_GUARDS },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

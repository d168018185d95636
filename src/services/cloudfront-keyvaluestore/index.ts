/**
 * CloudFront KeyValueStore's data API: what the server knows of it from the start. The
 * implementation (provider.ts) is imported when the service is first used; requests reach it by
 * their signing name (`cloudfront-keyvaluestore`), whatever the host.
 */
import type { ServiceDefinition } from '../service.js';

export const definition: ServiceDefinition = {
  name: 'cloudfront-keyvaluestore',
  lazy: {},
  create: async (platform) => (await import('./provider.js')).create(platform),
};

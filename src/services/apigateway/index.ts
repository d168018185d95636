/**
 * API Gateway (REST APIs): what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { INVOKE_URL_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'apigateway',
  validationErrorCode: 'BadRequestException',
  lazy: { routes: INVOKE_URL_GUARDS },
  create: async (platform) => (await import('./provider.js')).createApiGateway(platform),
};

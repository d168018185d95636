/**
 * API Gateway v2 (HTTP and WebSocket APIs): what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { INVOKE_URL_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'apigatewayv2',
  validationErrorCode: 'BadRequestException',
  // HTTP APIs take request payloads of up to 10 MB.
  maxBodyBytes: 10 * 1024 * 1024,
  lazy: { routes: INVOKE_URL_GUARDS },
  create: async (platform) => (await import('./provider.js')).createApiGatewayV2(platform),
};

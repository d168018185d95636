/**
 * SQS: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { PEEK_GUARD } from './peek-path.js';

export const definition: ServiceDefinition = {
  name: 'sqs',
  validationErrorCode: 'InvalidParameterValueException',
  // Checked by the provider with SQS's own errors (InvalidAttributeName "Unknown Attribute X.").
  wireShapes: ['AttributeNameList', 'MessageSystemAttributeList'],
  lazy: { routes: [PEEK_GUARD] },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

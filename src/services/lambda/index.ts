/**
 * Lambda: what the server knows of it from the start (its routes, its jobs). The implementation
 * (provider.ts) is imported when the service is first used.
 */
import type { ServiceDefinition } from '../service.js';
import { LAMBDA_GUARDS } from './addresses.js';

export const definition: ServiceDefinition = {
  name: 'lambda',
  validationErrorCode: 'ValidationException',
  // AWS's servers check layer version ARNs against a newer pattern than the published model's.
  shapeConstraints: {
    LayerVersionArn: {
      max: 2048,
      pattern: '(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)',
    },
  },
  // The order AWS lists these enums' values in its validation messages (recorded from AWS).
  enumOrder: { InvokeMode: ['RESPONSE_STREAM', 'BUFFERED'] },
  lazy: { routes: LAMBDA_GUARDS },
  create: async (platform) => (await import('./provider.js')).create(platform),
};

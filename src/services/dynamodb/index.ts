import type { ServiceDefinition, ServiceProvider } from '../service.js';
import { DynamoDbProvider } from './provider.js';

/** DynamoDB (awsJson1.0, target prefix DynamoDB_20120810). */
export const definition: ServiceDefinition = {
  name: 'dynamodb',
  validationErrorCode: 'ValidationException',
  wireShapes: ['AttributeValue'],
  async create(platform) {
    const provider = new DynamoDbProvider(platform);
    await provider.init();
    return provider as unknown as ServiceProvider;
  },
};

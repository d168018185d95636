import type { ServiceDefinition, ServiceProvider } from '../service.js';
import { StreamsProvider } from '../dynamodb/streams.js';

/** DynamoDB Streams (awsJson1.0, target prefix DynamoDBStreams_20120810); implemented with DynamoDB in ../dynamodb/streams.ts. */
export const definition: ServiceDefinition = {
  name: 'dynamodbstreams',
  validationErrorCode: 'ValidationException',
  wireShapes: ['AttributeValue'],
  async create(platform) {
    return new StreamsProvider(platform) as unknown as ServiceProvider;
  },
};

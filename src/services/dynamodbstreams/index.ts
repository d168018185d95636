import type { DynamoDBStreamsApi } from '../../generated/dynamodbstreams.js';
import { StreamsCore } from '../dynamodb/streams/core.js';
import { ShardOps } from '../dynamodb/streams/shards.js';
import { StreamOps } from '../dynamodb/streams/streams.js';
import { defineProvider, type ServiceDefinition } from '../service.js';

/** DynamoDB Streams (awsJson1.0, target prefix DynamoDBStreams_20120810); its operations live with DynamoDB in ../dynamodb/streams/. */
export const definition: ServiceDefinition = {
  name: 'dynamodbstreams',
  validationErrorCode: 'ValidationException',
  wireShapes: ['AttributeValue'],
  async create(platform) {
    const core = new StreamsCore(platform);
    return defineProvider<DynamoDBStreamsApi>()([new StreamOps(core), new ShardOps(core)]);
  },
};

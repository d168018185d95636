import type { DynamoDBStreamsApi } from '../../generated/dynamodbstreams.js';
import { StreamsCore } from '../dynamodb/streams/core.js';
import { ShardOps } from '../dynamodb/streams/shards.js';
import { StreamOps } from '../dynamodb/streams/streams.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';

/** DynamoDB Streams (awsJson1.0, target prefix DynamoDBStreams_20120810); its operations live with DynamoDB in ../dynamodb/streams/. */
export async function create(platform: Platform): Promise<ServiceProvider> {
  // Its records are in DynamoDB's store, which DynamoDB opens.
  await platform.services.get('dynamodb')?.load();
  const core = new StreamsCore(platform);
  return defineProvider<DynamoDBStreamsApi>()([new StreamOps(core), new ShardOps(core)]);
}

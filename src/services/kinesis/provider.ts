/**
 * Amazon Kinesis Data Streams (awsJson1.1, target prefix Kinesis_20131202): provisioned and
 * on-demand streams, shards with AWS's hash-key ranges, records in SQL (trimmed past the retention
 * period by a job), shard iterators, resharding, tags, and enhanced fan-out consumers with
 * SubscribeToShard's event stream (HTTP/2 in cleartext, as the SDK sends it: server/h2c.ts).
 */
import type { KinesisApi } from '../../generated/kinesis.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { KinesisCore } from './core.js';
import { ConsumerOps } from './ops/consumers.js';
import { RecordOps } from './ops/records.js';
import { ReshardOps } from './ops/resharding.js';
import { SettingsOps } from './ops/settings.js';
import { StreamOps } from './ops/streams.js';
import { TagOps } from './ops/tags.js';
import { shardIndexOf } from './shards.js';

/**
 * In-process wake-ups for readers in other services (Lambda's event-source pollers), which read the
 * records themselves through the API: `provider.watchShard(streamArn, shardId, wake)` calls `wake`
 * after each committed put to that shard, until the returned function is called.
 */
export type WatchShard = (streamArn: string, shardId: string, wake: () => void) => () => void;

function watchShardHook(core: KinesisCore): WatchShard {
  return (streamArn, shardId, wake) => {
    const idx = shardIndexOf(shardId);
    return idx === undefined ? () => undefined : core.watch(streamArn, idx, wake);
  };
}

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await KinesisCore.open(platform);
  const provider = defineProvider<KinesisApi>()([new StreamOps(core), new RecordOps(core), new ReshardOps(core), new TagOps(core), new ConsumerOps(core), new SettingsOps(core)]);
  return Object.assign(provider, { watchShard: watchShardHook(core) });
}

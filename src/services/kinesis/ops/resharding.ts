/**
 * Resharding: SplitShard, MergeShards and UpdateShardCount (UNIFORM_SCALING). The parent shards are
 * closed (their last sequence number recorded, their records readable until they expire) and the
 * children open with new indexes; the stream is UPDATING for `streamActivationMs`.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArgumentException,
  ResourceNotFoundException,
  type KinesisApi,
  type MergeShardsInput,
  type SplitShardInput,
  type UpdateShardCountInput,
  type UpdateShardCountOutput,
} from '../../../generated/kinesis.js';
import type { Tx } from '../../../storage/db.js';
import type { KinesisCore, Scope } from '../core.js';
import { evenRanges, shardIdOf, shardIndexOf, type ShardInfo } from '../shards.js';
import { addShardCounters, nextCounter, writeStream, type StreamDoc } from '../store.js';

type Ops = 'SplitShard' | 'MergeShards' | 'UpdateShardCount';

export class ReshardOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  async SplitShard(ctx: RequestContext, input: SplitShardInput): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, input, tx);
      const shard = openShard(doc, scope, input.ShardToSplit);
      const key = BigInt(input.NewStartingHashKey);
      const start = BigInt(shard.start);
      const end = BigInt(shard.end);
      if (key <= start + 1n || key >= end) {
        throw new InvalidArgumentException(
          `NewStartingHashKey ${input.NewStartingHashKey} used in SplitShard() on shard ${shardIdOf(shard.index)} in stream ${doc.name} under account ${scope.accountId} ` +
            `is not both greater than one plus the shard's StartingHashKey ${shard.start} and less than the shard's EndingHashKey ${shard.end}.`,
        );
      }
      const now = ctx.clock.now();
      const n = doc.shards.length;
      const children: ShardInfo[] = [
        { index: n, start: shard.start, end: (key - 1n).toString(), parent: shard.index, created: now },
        { index: n + 1, start: key.toString(), end: shard.end, parent: shard.index, created: now },
      ];
      await this.reshard(tx, scope, doc, [shard], children, now);
    });
  }

  async MergeShards(ctx: RequestContext, input: MergeShardsInput): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, input, tx);
      const a = openShard(doc, scope, input.ShardToMerge);
      const b = openShard(doc, scope, input.AdjacentShardToMerge);
      const [low, high] = BigInt(a.start) < BigInt(b.start) ? [a, b] : [b, a];
      if (a === b || BigInt(low.end) + 1n !== BigInt(high.start)) {
        throw new InvalidArgumentException(
          `Shards ${shardIdOf(a.index)} and ${shardIdOf(b.index)} in stream ${doc.name} under account ${scope.accountId} are not an adjacent pair of shards eligible for merging`,
        );
      }
      const now = ctx.clock.now();
      const child: ShardInfo = { index: doc.shards.length, start: low.start, end: high.end, parent: a.index, adjacentParent: b.index, created: now };
      await this.reshard(tx, scope, doc, [a, b], [child], now);
    });
  }

  async UpdateShardCount(ctx: RequestContext, input: UpdateShardCountInput): Promise<UpdateShardCountOutput> {
    return this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, input, tx);
      if (doc.mode === 'ON_DEMAND') throw new InvalidArgumentException(`UpdateShardCount is not supported for stream ${doc.name} under account ${scope.accountId} in ON_DEMAND mode.`);
      const open = doc.shards.filter((s) => s.closed === undefined).sort((x, y) => (BigInt(x.start) < BigInt(y.start) ? -1 : 1));
      const current = open.length;
      const target = input.TargetShardCount;
      if (target > current * 2) {
        throw new InvalidArgumentException(`UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
      }
      if (target < Math.ceil(current / 2)) {
        throw new InvalidArgumentException(`UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
      }
      const out = { StreamName: doc.name, StreamARN: doc.arn, CurrentShardCount: current, TargetShardCount: target };
      if (target === current) return out;
      const now = ctx.clock.now();
      const bounds = open.map((s) => ({ s, start: BigInt(s.start), end: BigInt(s.end) }));
      const children: ShardInfo[] = evenRanges(target).map((r, i) => {
        // A new shard's parents: the old shards its range overlaps, the first two of them.
        const lo = BigInt(r.start);
        const hi = BigInt(r.end);
        const overlaps = bounds.filter((b) => b.start <= hi && b.end >= lo).map((b) => b.s.index);
        const child: ShardInfo = { index: doc.shards.length + i, ...r, parent: overlaps[0], created: now };
        if (overlaps.length > 1) child.adjacentParent = overlaps[1];
        return child;
      });
      await this.reshard(tx, scope, doc, open, children, now);
      return out;
    });
  }

  /** Closes `parents` (recording each one's last counter), opens `children`, and marks the stream UPDATING. */
  private async reshard(tx: Tx, scope: Scope, doc: StreamDoc, parents: readonly ShardInfo[], children: ShardInfo[], now: number): Promise<void> {
    for (const p of parents) {
      p.closed = now;
      p.lastCounter = (await nextCounter(tx, doc.id, p.index)) - 1;
    }
    doc.shards.push(...children);
    doc.updatingUntil = now + this.core.activationMs;
    await writeStream(tx, scope.accountId, scope.region, doc);
    await addShardCounters(tx, doc.id, children);
  }
}

/** An open shard of the stream, or the error AWS answers for a shard it does not have (or that is closed). */
function openShard(doc: StreamDoc, scope: Scope, id: string): ShardInfo {
  const idx = shardIndexOf(id);
  const shard = idx === undefined ? undefined : doc.shards.find((s) => s.index === idx);
  if (!shard || shard.closed !== undefined) throw new ResourceNotFoundException(`Could not find shard ${id} in stream ${doc.name} under account ${scope.accountId}.`);
  return shard;
}

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
    const closed = await this.core.db.tx(async (tx) => {
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
      if (doc.mode === 'PROVISIONED') await this.core.checkShardLimit(tx, scope, 1);
      const now = ctx.clock.now();
      const n = doc.shards.length;
      const children: ShardInfo[] = [
        { index: n, start: shard.start, end: (key - 1n).toString(), parent: shard.index, created: now },
        { index: n + 1, start: key.toString(), end: shard.end, parent: shard.index, created: now },
      ];
      return this.reshard(tx, scope, doc, [shard], children, now);
    });
    this.closed(closed);
  }

  async MergeShards(ctx: RequestContext, input: MergeShardsInput): Promise<void> {
    const closed = await this.core.db.tx(async (tx) => {
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
      return this.reshard(tx, scope, doc, [a, b], [child], now);
    });
    this.closed(closed);
  }

  async UpdateShardCount(ctx: RequestContext, input: UpdateShardCountInput): Promise<UpdateShardCountOutput> {
    const { out, closed } = await this.core.db.tx(async (tx) => {
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
      if (target === current) return { out, closed: undefined };
      await this.core.checkShardLimit(tx, scope, target - current);
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
      return { out, closed: await this.reshard(tx, scope, doc, open, children, now) };
    });
    if (closed) this.closed(closed);
    return out;
  }

  /** Readers waiting on the closed shards (subscriptions, Lambda's pollers) read their end now. */
  private closed(c: { arn: string; shards: number[] }): void {
    this.core.notify(c.arn, c.shards);
  }

  /** Closes `parents` (recording each one's last counter), opens `children`, and marks the stream UPDATING. */
  private async reshard(tx: Tx, scope: Scope, doc: StreamDoc, parents: readonly ShardInfo[], children: ShardInfo[], now: number): Promise<{ arn: string; shards: number[] }> {
    for (const p of parents) {
      p.closed = now;
      p.lastCounter = (await nextCounter(tx, doc.id, p.index)) - 1;
    }
    doc.shards.push(...children);
    doc.updatingUntil = now + this.core.activationMs;
    await writeStream(tx, scope.accountId, scope.region, doc);
    await addShardCounters(tx, doc.id, children);
    return { arn: doc.arn, shards: parents.map((p) => p.index) };
  }
}

/** An open shard of the stream, or the error AWS answers for a shard it does not have (or that is closed). */
function openShard(doc: StreamDoc, scope: Scope, id: string): ShardInfo {
  const idx = shardIndexOf(id);
  const shard = idx === undefined ? undefined : doc.shards.find((s) => s.index === idx);
  if (!shard || shard.closed !== undefined) throw new ResourceNotFoundException(`Could not find shard ${id} in stream ${doc.name} under account ${scope.accountId}.`);
  return shard;
}

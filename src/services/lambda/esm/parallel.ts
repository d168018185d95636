/**
 * ParallelizationFactor for a Kinesis shard: the poller gathers up to BatchSize x factor records, which
 * are split by partition key into `factor` groups (the MD5 of the key, so one key always lands in the
 * same group); the groups are delivered at once, each in batches of at most BatchSize records and one
 * payload's bytes, in order. A partition key's records are thus handled in order, different keys
 * concurrently, as Lambda's concurrent batches per shard do. The checkpoint moves once every group is
 * delivered (or given up by the stream sender).
 */
import { createHash } from 'node:crypto';
import type { SendContext, Sender } from '../../../jobs/pollers/source.js';

export class ParallelSender<R> implements Sender<R> {
  constructor(
    private readonly inner: Sender<R>,
    private readonly factor: number,
    private readonly batchSize: number,
    private readonly maxBytes: number,
    private readonly key: (record: R) => string,
  ) {}

  async send(records: readonly R[], context: SendContext): Promise<void> {
    const groups = new Map<number, R[]>();
    for (const r of records) {
      const g = createHash('md5').update(this.key(r), 'utf8').digest().readUInt32BE(0) % this.factor;
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push(r);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        for (const batch of this.batches(group)) await this.inner.send(batch, context);
      }),
    );
  }

  private *batches(group: readonly R[]): Generator<R[]> {
    let batch: R[] = [];
    let bytes = 0;
    for (const r of group) {
      const size = JSON.stringify(r).length;
      if (batch.length > 0 && (batch.length >= this.batchSize || bytes + size > this.maxBytes)) {
        yield batch;
        batch = [];
        bytes = 0;
      }
      batch.push(r);
      bytes += size;
    }
    if (batch.length > 0) yield batch;
  }
}

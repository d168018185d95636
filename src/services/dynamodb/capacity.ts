/**
 * Capacity units as DynamoDB computes them, and provisioned-throughput throttling.
 *
 * Reads: one unit per 4 KB (rounded up) for a strongly consistent read, half for an eventually
 * consistent one, double in a transaction. Writes: one unit per 1 KB of the larger of the old and
 * new item, double in a transaction; each secondary index the write touches is charged too.
 *
 * Throttling: a token bucket per table (and GSI) per direction, refilled at the provisioned rate
 * and holding up to 300 seconds of unused capacity (AWS's burst credit). A request is refused
 * with ProvisionedThroughputExceededException while the bucket is empty.
 */
import type { Clock } from '../../core/clock.js';
import { ProvisionedThroughputExceededException, type ConsumedCapacity } from '../../generated/dynamodb.js';
import { indexKey, projectedNames, projectItem } from './keys.js';
import type { TableMeta } from './tables.js';
import { itemSize, type Item } from './values.js';

export function readUnits(size: number, consistent: boolean, transactional = false): number {
  const units = Math.max(1, Math.ceil(size / 4096));
  if (transactional) return units * 2;
  return consistent ? units : units / 2;
}

function writeUnits(size: number, transactional = false): number {
  const units = Math.max(1, Math.ceil(size / 1024));
  return transactional ? units * 2 : units;
}

export interface Consumed {
  table: number;
  read: number;
  write: number;
  gsis: Map<string, number>;
  lsis: Map<string, number>;
}

export function newConsumed(): Consumed {
  return { table: 0, read: 0, write: 0, gsis: new Map(), lsis: new Map() };
}

export function addIndex(c: Consumed, kind: 'GSI' | 'LSI', name: string, units: number): void {
  const m = kind === 'GSI' ? c.gsis : c.lsis;
  m.set(name, (m.get(name) ?? 0) + units);
}

/** The ConsumedCapacity member for ReturnConsumedCapacity TOTAL or INDEXES. */
export function consumedCapacity(tableName: string, c: Consumed, mode: string | undefined, kind: 'read' | 'write'): ConsumedCapacity | undefined {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  let total = c.table;
  for (const v of c.gsis.values()) total += v;
  for (const v of c.lsis.values()) total += v;
  const unitsField = kind === 'read' ? 'ReadCapacityUnits' : 'WriteCapacityUnits';
  const out: ConsumedCapacity = { TableName: tableName, CapacityUnits: total, [unitsField]: total };
  if (mode === 'INDEXES') {
    out.Table = { CapacityUnits: c.table, [unitsField]: c.table };
    if (c.gsis.size) out.GlobalSecondaryIndexes = Object.fromEntries([...c.gsis].map(([k, v]) => [k, { CapacityUnits: v, [unitsField]: v }]));
    if (c.lsis.size) out.LocalSecondaryIndexes = Object.fromEntries([...c.lsis].map(([k, v]) => [k, { CapacityUnits: v, [unitsField]: v }]));
  }
  return out;
}

/** Adds the write units of a change of one item from `old` to `item` to `c`: the table's and each index's it touches. */
export function addWriteUnits(c: Consumed, t: TableMeta, old: Item | undefined, oldSize: number, item: Item | undefined, newSize: number, transactional = false): void {
  c.table += writeUnits(Math.max(oldSize, newSize), transactional);
  for (const ix of t.lsis.length ? [...t.lsis, ...t.gsis] : t.gsis) {
    const before = old && indexKey(ix, old);
    const after = item && indexKey(ix, item);
    if (!before && !after) continue;
    const names = projectedNames(t, ix);
    const sz = (x: Item | undefined) => (x ? itemSize(projectItem(x, names)) : 0);
    let units = 0;
    if (before && after && before.ipk.equals(after.ipk) && before.isk.equals(after.isk)) units = writeUnits(Math.max(sz(old), sz(item)), transactional);
    else {
      if (before) units += writeUnits(sz(old), transactional);
      if (after) units += writeUnits(sz(item), transactional);
    }
    addIndex(c, ix.kind, ix.name, units);
  }
}

const BURST_SECONDS = 300;

interface Bucket {
  tokens: number;
  at: number;
  rate: number;
}


export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly clock: Clock,
    readonly enabled: boolean,
  ) {}

  private bucket(key: string, rate: number): Bucket {
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: rate * BURST_SECONDS, at: now, rate };
      this.buckets.set(key, b);
      return b;
    }
    if (b.rate !== rate) b.rate = rate;
    const elapsed = Math.max(0, now - b.at) / 1000;
    b.tokens = Math.min(rate * BURST_SECONDS, b.tokens + elapsed * rate);
    b.at = now;
    return b;
  }

  /** Throws when the table's bucket for this direction is empty. */
  check(key: string, rate: number): void {
    if (!this.enabled || rate <= 0) return;
    if (this.bucket(key, rate).tokens <= 0) {
      throw new ProvisionedThroughputExceededException(
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      );
    }
  }

  /** Takes consumed units out of the bucket (it may go below zero, as AWS's does). */
  consume(key: string, rate: number, units: number): void {
    if (!this.enabled || rate <= 0 || units <= 0) return;
    this.bucket(key, rate).tokens -= units;
  }

  forget(prefix: string): void {
    for (const k of this.buckets.keys()) if (k.startsWith(prefix)) this.buckets.delete(k);
  }
}

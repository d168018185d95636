/**
 * What every DynamoDB operation family shares: the store, the tags table, provisioned-throughput
 * throttling, the platform clock, and finding tables and indexes with DynamoDB's errors.
 */
import type { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import { LimitExceededException, ResourceNotFoundException, type Tag } from '../../generated/dynamodb.js';
import type { Db, Tx } from '../../storage/db.js';
import { MAX_TAGS_PER_RESOURCE, TagStore, type TagProblem, type TagRules } from '../../storage/tags.js';
import { notifyingWrites } from '../../storage/notifying-db.js';
import type { Platform } from '../service.js';
import { Throttle, type Consumed } from './capacity.js';
import { KINESIS_JOB } from './kinesis-destinations.js';
import { REPLICATE_JOB } from './global-tables.js';
import { expiryDueAt, expiryOf, Store, TTL_JOB } from './store.js';
import { tableNameOf, type IndexMeta, type TableMeta } from './tables.js';
import { validation, type Item } from './values.js';

const stores = new WeakMap<Platform, Store>();

/** The store of the DynamoDB service of a server, if it is loaded: DynamoDB Streams reads the records its tables write. */
export function dynamoDbStore(platform: Platform): Store | undefined {
  return stores.get(platform);
}

export function tableNotFound(name: string): AwsError {
  return new ResourceNotFoundException(`Requested resource not found: Table: ${name} not found`);
}

/** A tag list as a map (a key given twice keeps its last value, as TagResource applies them in order). */
export function tagMap(tags: readonly Tag[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
}

/** What DynamoDB takes as tags: `aws:` keys too (it always has); key and value lengths are the model's, checked first. */
export const DYNAMODB_TAG_RULES: TagRules = { acceptReservedPrefix: true };

/** The error for tags the shared tags table refuses under DYNAMODB_TAG_RULES: only their number can be. */
export function tagError(problem: TagProblem): AwsError {
  if (problem.kind !== 'tooMany') throw new Error(`tag problem ${problem.kind} cannot pass the model's validation`);
  return new LimitExceededException(`Subscriber limit exceeded: The number of tags exceeds the limit of ${MAX_TAGS_PER_RESOURCE}`);
}

export class DynamoDbCore {
  readonly store: Store;
  readonly throttle: Throttle;
  /** How long a new table or index stays CREATING (platform ms; 0 by default). */
  readonly activationMs: number;
  /** Items a backup copies per transaction (`services.dynamodb.backupBatch`, 1,000 by default). */
  readonly backupBatch: number;

  private constructor(
    readonly platform: Platform,
    readonly tags: TagStore,
  ) {
    this.store = new Store(platform.db, platform.clock);
    const opts = platform.config.services?.dynamodb ?? {};
    this.throttle = new Throttle(platform.clock, opts.throttling !== false);
    this.activationMs = typeof opts.tableActivationMs === 'number' ? opts.tableActivationMs : 0;
    this.backupBatch = typeof opts.backupBatch === 'number' && opts.backupBatch >= 1 ? opts.backupBatch : 1000;
    stores.set(platform, this.store);
    this.notifying = notifyingWrites(platform.db, () => {
      this.store.flushStreamWakes();
      if (this.store.takeKinesisPending()) platform.jobs.wake(KINESIS_JOB);
      if (this.store.takeReplicationPending()) platform.jobs.wake(REPLICATE_JOB);
    });
  }

  private readonly notifying: Db;

  /** Opens the tags table, then the DynamoDB tables (whose migration 5 moves table tags into it). */
  static async open(platform: Platform): Promise<DynamoDbCore> {
    const core = new DynamoDbCore(platform, await TagStore.open(platform.db));
    await core.store.init(core.tags);
    return core;
  }

  /** The platform's database; a write that appended stream records wakes their in-process readers when it ends. */
  get db(): Db {
    return this.notifying;
  }

  now(): number {
    return this.platform.clock.now();
  }

  /**
   * A table by name or ARN. For item operations (`forItems`) a table still being created is not
   * found yet and the error names no table, as in AWS.
   */
  async tableOrThrow(ctx: RequestContext, nameOrArn: string, forItems = true): Promise<TableMeta> {
    const name = tableNameOf(nameOrArn);
    const t = await this.store.table(ctx.accountId, ctx.region, name);
    if (!t) throw forItems ? new ResourceNotFoundException('Requested resource not found') : tableNotFound(name);
    if (forItems && this.now() < t.activeAt) throw new ResourceNotFoundException('Requested resource not found');
    return t;
  }

  /**
   * Changes a table's metadata in one transaction: `change` gets the table as the transaction
   * reads it, may run SQL, and throws to change nothing. The new metadata is cached once committed.
   */
  async changeTable(
    ctx: RequestContext,
    name: string,
    change: (t: TableMeta, tx: Tx) => Promise<void> | void,
    missing: () => AwsError = () => tableNotFound(name),
  ): Promise<TableMeta> {
    const t = await this.db.tx(async (tx) => {
      const t = await this.store.loadTable(tx, ctx.accountId, ctx.region, name);
      if (!t) throw missing();
      await change(t, tx);
      await this.store.saveTable(tx, t);
      return t;
    });
    this.store.cacheTable(t);
    return t;
  }

  /**
   * After a committed write of `item` to `t`. The write brought the table's TTL job forward to the
   * item's expiry in its transaction (store.put) if that is sooner: the runner of this process
   * learns it here (a no-op when it is to wake up sooner anyway).
   */
  wakeTtl(t: TableMeta, item: Item | undefined): void {
    const expires = expiryOf(t, item, this.now());
    if (expires !== undefined) this.platform.jobs.wake(TTL_JOB, expiryDueAt(expires));
  }

  /** The index a Query, Scan or PartiQL SELECT names, if any, checked as readable. */
  indexOrThrow(t: TableMeta, name: string | undefined, consistent: boolean): IndexMeta | undefined {
    if (name === undefined) return undefined;
    const ix = t.gsis.find((g) => g.name === name) ?? t.lsis.find((l) => l.name === name);
    if (!ix) throw validation(`The table does not have the specified index: ${name}`);
    if (ix.kind === 'GSI' && consistent) throw validation('Consistent reads are not supported on global secondary indexes');
    if (ix.kind === 'GSI' && this.now() < ix.activeAt) {
      throw validation(`Cannot read from backfilling global secondary index: ${name}`);
    }
    return ix;
  }

  // Provisioned throughput: a read or write is refused while its bucket is empty, and charged
  // with what it consumed once done.

  checkRead(t: TableMeta, ix?: IndexMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    if (ix?.kind === 'GSI') this.throttle.check(`${t.id}:r:${ix.name}`, ix.read);
    else this.throttle.check(`${t.id}:r`, t.read);
  }

  chargeRead(t: TableMeta, units: number, ix?: IndexMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    if (ix?.kind === 'GSI') this.throttle.consume(`${t.id}:r:${ix.name}`, ix.read, units);
    else this.throttle.consume(`${t.id}:r`, t.read, units);
  }

  checkWrite(t: TableMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    this.throttle.check(`${t.id}:w`, t.write);
    for (const g of t.gsis) this.throttle.check(`${t.id}:w:${g.name}`, g.write);
  }

  chargeWrite(t: TableMeta, c: Consumed): void {
    if (t.billingMode !== 'PROVISIONED') return;
    this.throttle.consume(`${t.id}:w`, t.write, c.table);
    for (const g of t.gsis) {
      const u = c.gsis.get(g.name);
      if (u) this.throttle.consume(`${t.id}:w:${g.name}`, g.write, u);
    }
  }

  health(): Record<string, unknown> {
    return { throttling: this.throttle.enabled };
  }
}

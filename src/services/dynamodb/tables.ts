/**
 * Table metadata: validation of CreateTable/UpdateTable input with AWS's messages, the stored
 * shape of a table, and its TableDescription.
 */
import type { KinesisDestinationMeta } from './kinesis-destinations.js';
import { GLOBAL_TABLE_VERSION, type ReplicaMeta } from './global-tables.js';
import { arnFor, parseResourceArn } from '../../aws/arn.js';
import { LimitExceededException, type KeySchemaElement, type TableDescription, type TableStatus, type Tag } from '../../generated/dynamodb.js';
import { MAX_TAGS_PER_RESOURCE } from '../../storage/tags.js';
import { invalidParam, validation, type KeyType } from './values.js';

export interface KeyAttr {
  name: string;
  type: KeyType;
}

export interface Projection {
  ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  NonKeyAttributes?: string[];
}

export interface IndexMeta {
  name: string;
  kind: 'GSI' | 'LSI';
  /** The first partition key attribute (the only one unless `hashAttrs`). */
  hash: KeyAttr;
  /** The first sort key attribute (the only one unless `rangeAttrs`). */
  range?: KeyAttr;
  /** A GSI with a multi-attribute partition key (2-4 attributes, AWS since Nov 2025): all of them, in KeySchema order. */
  hashAttrs?: KeyAttr[];
  /** A GSI with a multi-attribute sort key (2-4 attributes): all of them, in KeySchema order. */
  rangeAttrs?: KeyAttr[];
  projection: Projection;
  read: number;
  write: number;
  /** Platform time (ms) at which a GSI being created becomes ACTIVE. */
  activeAt: number;
  /** Set while the index is being deleted. */
  deleting?: boolean;
}

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export interface StreamMeta {
  /** Unique id (storage key of its records). */
  id: string;
  label: string;
  viewType: StreamViewType;
  createdAt: number;
  /** Set once the stream was disabled (its records stay readable for 24 hours). */
  disabledAt?: number;
}

export function streamArn(t: { region: string; account: string; name: string }, label: string): string {
  return `${tableArn(t)}/stream/${label}`;
}

/** The stream new writes go to, if the table has one enabled. */
export function activeStream(t: TableMeta): StreamMeta | undefined {
  const last = t.streams?.[t.streams.length - 1];
  return last && last.disabledAt === undefined ? last : undefined;
}

/** Validates a StreamSpecification and returns the stream it enables, if any. */
export function checkStreamSpec(spec: any, now: number, id: string, creating = false): StreamMeta | undefined {
  if (!spec) return undefined;
  if (spec.StreamEnabled && !spec.StreamViewType) {
    throw validation('One or more parameter values were invalid: StreamViewType must be specified when StreamEnabled is true');
  }
  if (!spec.StreamEnabled && spec.StreamViewType) {
    throw validation(
      creating
        ? 'One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified'
        : 'One or more parameter values were invalid: Stream is being disabled, UpdateViewType should not be specified',
    );
  }
  if (!spec.StreamEnabled) return undefined;
  return { id, label: new Date(now).toISOString().replace('Z', ''), viewType: spec.StreamViewType, createdAt: now };
}

export interface TableMeta {
  id: number;
  account: string;
  region: string;
  name: string;
  tableId: string;
  createdAt: number;
  activeAt: number;
  attributeDefinitions: { AttributeName: string; AttributeType: KeyType }[];
  hash: KeyAttr;
  range?: KeyAttr;
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  billingModeExplicit: boolean;
  lastPayPerRequestAt?: number;
  read: number;
  write: number;
  lastIncreaseAt?: number;
  lastDecreaseAt?: number;
  decreasesToday: number;
  tableClass?: 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS';
  deletionProtection: boolean;
  gsis: IndexMeta[];
  lsis: IndexMeta[];
  /** Every stream the table had (the last one is current while enabled). */
  streams?: StreamMeta[];
  /** A replica of a global table (global-tables.ts): the other replicas. */
  replicas?: ReplicaMeta[];
  /** Kinesis Data Streams destinations (kinesis-destinations.ts), newest first. */
  kinesis?: KinesisDestinationMeta[];
  /** Platform time until which the table reports UPDATING. */
  updatingUntil?: number;
  sse?: { Enabled?: boolean; SSEType?: string; KMSMasterKeyId?: string };
  onDemand?: { MaxReadRequestUnits?: number; MaxWriteRequestUnits?: number };
  warm?: { ReadUnitsPerSecond?: number; WriteUnitsPerSecond?: number };
  /** Time to live: the attribute holding each item's expiry (epoch seconds), when enabled. */
  ttl?: { attribute: string; enabled: boolean };
  /** Point-in-time recovery, while enabled: since when, and the window (days). Writes log item versions (store.ts). */
  pitr?: { enabledAt: number; days: number };
  /** Where a restored table came from (RestoreSummary). */
  restore?: { sourceBackupArn?: string; sourceTableArn: string; at: number };
  /**
   * While a restore fills the table (CREATING): its source (a backup's id, or a table's id and the
   * time restored) and the last key copied (base64), for the `dynamodb.restore` job (restore.ts).
   */
  restoring?: { backup?: number; table?: number; at?: number; pk?: string; sk?: string };
}

/** The partition key attributes of an index, in KeySchema order. */
export function hashAttrsOf(ix: IndexMeta): KeyAttr[] {
  return ix.hashAttrs ?? [ix.hash];
}

/** The sort key attributes of an index, in KeySchema order (none when it has no sort key). */
export function rangeAttrsOf(ix: IndexMeta): KeyAttr[] {
  return ix.rangeAttrs ?? (ix.range ? [ix.range] : []);
}

/** Every key attribute of an index: partition key attributes, then sort key attributes. */
export function keyAttrsOf(ix: IndexMeta): KeyAttr[] {
  return [...hashAttrsOf(ix), ...rangeAttrsOf(ix)];
}

/** Whether an index has a multi-attribute partition or sort key. */
export function isMultiAttribute(ix: IndexMeta): boolean {
  return ix.hashAttrs !== undefined || ix.rangeAttrs !== undefined;
}

/** A global secondary index key holds up to 4 partition key and 4 sort key attributes. */
export const MAX_GSI_KEY_ATTRS = 4;

export const MAX_GSIS = 20;
export const MAX_LSIS = 5;

export function tableArn(t: { region: string; account: string; name: string }): string {
  return arnFor('dynamodb', { accountId: t.account, region: t.region }, `table/${t.name}`);
}

/** The parts of a table ARN (`arn:aws:dynamodb:<region>:<account>:table/<name>`); ValidationException when it is not one. */
export function parseTableArn(text: string): { region: string; account: string; name: string } {
  const arn = parseResourceArn(text, 'dynamodb', 'table/');
  if (!arn || arn.name.includes('/')) throw validation(`Invalid TableArn: Invalid ResourceArn provided as input ${text}`);
  return { region: arn.region, account: arn.account, name: arn.name };
}

/** Table names may be given as ARNs; returns the plain name. */
export function tableNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? parseTableArn(nameOrArn).name : nameOrArn;
}

function missingDefs(names: string[], defs: Map<string, KeyType>): void {
  const missing = names.filter((n) => !defs.has(n));
  if (missing.length) {
    throw invalidParam(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${missing.join(', ')}], AttributeDefinitions: [${[...defs.keys()].join(', ')}]`,
    );
  }
}

function keyOf(schema: any[], defs: Map<string, KeyType>, where: string): { hash: KeyAttr; range?: KeyAttr } {
  const first = schema[0];
  if (!first || first.KeyType !== 'HASH') throw validation(`${where}Invalid KeySchema: The first KeySchemaElement is not a HASH key type`);
  if (schema.length > 2) throw validation(`${where}Invalid KeySchema: too many KeySchemaElements`);
  const second = schema[1];
  if (second && second.KeyType !== 'RANGE') throw validation(`${where}Invalid KeySchema: The second KeySchemaElement is not a RANGE key type`);
  if (second && second.AttributeName === first.AttributeName) {
    throw validation(`${where}Both the Hash Key and the Range Key element in the KeySchema have the same name`);
  }
  missingDefs(schema.map((k) => k.AttributeName), defs);
  return {
    hash: { name: first.AttributeName, type: defs.get(first.AttributeName)! },
    range: second ? { name: second.AttributeName, type: defs.get(second.AttributeName)! } : undefined,
  };
}

/**
 * A GSI's KeySchema: 1-4 HASH elements, then 0-4 RANGE elements, no attribute twice. A schema
 * of one HASH and at most one RANGE is an ordinary index key (keyOf, its messages).
 */
function gsiKeyOf(schema: any[], defs: Map<string, KeyType>): Pick<IndexMeta, 'hash' | 'range' | 'hashAttrs' | 'rangeAttrs'> {
  const hashes = schema.filter((k) => k.KeyType === 'HASH').length;
  if (schema.length <= 2 && hashes <= 1) return keyOf(schema, defs, '');
  if (schema[0]?.KeyType !== 'HASH') throw validation('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  const firstRange = schema.findIndex((k) => k.KeyType === 'RANGE');
  if (firstRange >= 0 && schema.slice(firstRange).some((k) => k.KeyType !== 'RANGE')) {
    throw validation('Invalid KeySchema: All HASH KeySchemaElements must precede the RANGE KeySchemaElements');
  }
  const ranges = schema.length - hashes;
  if (hashes > MAX_GSI_KEY_ATTRS) {
    throw validation(`Invalid KeySchema: too many HASH KeySchemaElements: ${hashes}, the maximum is ${MAX_GSI_KEY_ATTRS}`);
  }
  if (ranges > MAX_GSI_KEY_ATTRS) {
    throw validation(`Invalid KeySchema: too many RANGE KeySchemaElements: ${ranges}, the maximum is ${MAX_GSI_KEY_ATTRS}`);
  }
  const names: string[] = schema.map((k) => k.AttributeName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw validation(`Invalid KeySchema: Duplicate AttributeName in KeySchema: ${dup}`);
  missingDefs(names, defs);
  const attrs = names.map((name) => ({ name, type: defs.get(name)! }));
  const hashAttrs = attrs.slice(0, hashes);
  const rangeAttrs = attrs.slice(hashes);
  return {
    hash: hashAttrs[0]!,
    range: rangeAttrs[0],
    ...(hashAttrs.length > 1 ? { hashAttrs } : {}),
    ...(rangeAttrs.length > 1 ? { rangeAttrs } : {}),
  };
}

function checkProjection(p: any, indexName: string): Projection {
  if (!p) throw validation(`One or more parameter values were invalid: Projection must be specified for index: ${indexName}`);
  const type = p.ProjectionType ?? 'KEYS_ONLY';
  const nka: string[] | undefined = p.NonKeyAttributes;
  if (type === 'INCLUDE' && !nka) {
    throw invalidParam('ProjectionType is INCLUDE, but NonKeyAttributes is not specified');
  }
  if (type !== 'INCLUDE' && nka) {
    throw invalidParam(`ProjectionType is ${type}, but NonKeyAttributes is specified`);
  }
  if (nka && new Set(nka).size !== nka.length) {
    throw invalidParam(`Duplicate attribute name in NonKeyAttributes for index: ${indexName}`);
  }
  return nka ? { ProjectionType: type, NonKeyAttributes: [...nka] } : { ProjectionType: type };
}

function checkThroughput(pt: any, where: string): { read: number; write: number } {
  const read = pt.ReadCapacityUnits;
  const write = pt.WriteCapacityUnits;
  if (read === undefined || write === undefined) {
    throw invalidParam(`ReadCapacityUnits and WriteCapacityUnits must both be specified${where}`);
  }
  if (read < 1 || write < 1) {
    throw invalidParam(`ProvisionedThroughput${where} must be at least 1: ReadCapacityUnits: ${read}, WriteCapacityUnits: ${write}`);
  }
  if (read > 40000 || write > 40000) {
    throw new LimitExceededException(`Subscriber limit exceeded: Provisioned throughput for the table cannot exceed 40000 read and write capacity units`);
  }
  return { read, write };
}

export function buildIndex(
  kind: 'GSI' | 'LSI',
  spec: any,
  defs: Map<string, KeyType>,
  table: { hash: KeyAttr; range?: KeyAttr; billingMode: string },
  activeAt: number,
): IndexMeta {
  const name: string = spec.IndexName;
  const key = kind === 'GSI' ? gsiKeyOf(spec.KeySchema ?? [], defs) : keyOf(spec.KeySchema ?? [], defs, '');
  const { hash, range } = key;
  if (kind === 'LSI') {
    if (!table.range) {
      throw invalidParam('Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex');
    }
    if (hash.name !== table.hash.name) {
      throw invalidParam(
        `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${name}. index hash key: ${hash.name}, table hash key: ${table.hash.name}`,
      );
    }
    if (!range) throw invalidParam(`Index KeySchema does not have a range key for index: ${name}`);
  }
  const projection = checkProjection(spec.Projection, name);
  let read = 0;
  let write = 0;
  if (kind === 'GSI') {
    if (table.billingMode === 'PAY_PER_REQUEST') {
      if (spec.ProvisionedThroughput) {
        throw invalidParam(`ProvisionedThroughput should not be specified for index: ${name} when BillingMode is PAY_PER_REQUEST`);
      }
    } else {
      if (!spec.ProvisionedThroughput) throw invalidParam(`ProvisionedThroughput must be specified for index: ${name}`);
      ({ read, write } = checkThroughput(spec.ProvisionedThroughput, ` for index: ${name}`));
    }
  }
  return { name, kind, ...key, projection, read, write, activeAt };
}

export function attributeDefs(input: any): Map<string, KeyType> {
  const defs = new Map<string, KeyType>();
  for (const d of input.AttributeDefinitions ?? []) {
    if (defs.has(d.AttributeName)) throw invalidParam(`Duplicate AttributeName in AttributeDefinitions: ${d.AttributeName}`);
    defs.set(d.AttributeName, d.AttributeType);
  }
  return defs;
}

/** Validates CreateTable input and builds the table's metadata (without id). */
export function buildTable(input: any, ctx: { account: string; region: string; now: number; tableId: string; activeAt: number }): Omit<TableMeta, 'id'> {
  const defs = attributeDefs(input);
  if (!input.KeySchema) throw validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
  const { hash, range } = keyOf(input.KeySchema, defs, '');
  const billingMode = input.BillingMode ?? 'PROVISIONED';
  let read = 0;
  let write = 0;
  if (billingMode === 'PROVISIONED') {
    if (!input.ProvisionedThroughput) throw validation('One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
    ({ read, write } = checkThroughput(input.ProvisionedThroughput, ' when BillingMode is PROVISIONED'));
  } else if (input.ProvisionedThroughput) {
    throw invalidParam('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  }
  const table = { hash, range, billingMode };
  const names = new Set<string>();
  const lsis = (input.LocalSecondaryIndexes ?? []).map((s: any) => {
    if (names.has(s.IndexName)) throw invalidParam(`Duplicate index name: ${s.IndexName}`);
    names.add(s.IndexName);
    return buildIndex('LSI', s, defs, table, ctx.activeAt);
  });
  if (input.LocalSecondaryIndexes && input.LocalSecondaryIndexes.length === 0) {
    throw invalidParam('List of LocalSecondaryIndexes is empty');
  }
  if (lsis.length > MAX_LSIS) throw invalidParam(`Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LSIS}`);
  const gsis = (input.GlobalSecondaryIndexes ?? []).map((s: any) => {
    if (names.has(s.IndexName)) throw invalidParam(`Duplicate index name: ${s.IndexName}`);
    names.add(s.IndexName);
    return buildIndex('GSI', s, defs, table, ctx.activeAt);
  });
  if (input.GlobalSecondaryIndexes && input.GlobalSecondaryIndexes.length === 0) {
    throw invalidParam('List of GlobalSecondaryIndexes is empty');
  }
  if (gsis.length > MAX_GSIS) throw invalidParam(`GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GSIS}`);
  const used = new Set<string>([hash.name, ...(range ? [range.name] : [])]);
  for (const ix of [...lsis, ...gsis]) for (const k of keyAttrsOf(ix)) used.add(k.name);
  if (used.size !== defs.size) {
    throw invalidParam(
      `Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions`,
    );
  }
  // The tags themselves are written by CreateTable, to the shared tags table.
  if (new Set((input.Tags ?? []).map((t: Tag) => t.Key)).size > MAX_TAGS_PER_RESOURCE) throw validation('One or more parameter values were invalid: Too many tags');
  const stream = checkStreamSpec(input.StreamSpecification, ctx.now, ctx.tableId, true);
  unsupportedTableParams(input);
  return {
    account: ctx.account,
    region: ctx.region,
    name: input.TableName,
    tableId: ctx.tableId,
    createdAt: ctx.now,
    activeAt: ctx.activeAt,
    attributeDefinitions: [...defs].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    hash,
    range,
    billingMode,
    billingModeExplicit: input.BillingMode !== undefined,
    lastPayPerRequestAt: billingMode === 'PAY_PER_REQUEST' ? ctx.now : undefined,
    read,
    write,
    decreasesToday: 0,
    tableClass: input.TableClass,
    deletionProtection: !!input.DeletionProtectionEnabled,
    gsis,
    lsis,
    sse: input.SSESpecification,
    streams: stream ? [stream] : [],
    onDemand: input.OnDemandThroughput,
    warm: input.WarmThroughput,
  };
}

/** Parameters of features Stratus does not have: refused rather than silently ignored. */
export function unsupportedTableParams(input: any): void {
  for (const name of ['ResourcePolicy', 'GlobalTableSourceArn', 'GlobalTableSettingsReplicationMode', 'MultiRegionConsistency', 'GlobalTableWitnessUpdates']) {
    if (input[name] !== undefined) throw validation(`Stratus does not support ${name} yet`);
  }
}

function keySchema(hash: KeyAttr, range?: KeyAttr): KeySchemaElement[] {
  const out: KeySchemaElement[] = [{ AttributeName: hash.name, KeyType: 'HASH' }];
  if (range) out.push({ AttributeName: range.name, KeyType: 'RANGE' });
  return out;
}

/** An index's KeySchema as DescribeTable (and a restore's CreateTable input) gives it. */
export function indexKeySchema(ix: IndexMeta): KeySchemaElement[] {
  return [
    ...hashAttrsOf(ix).map((k) => ({ AttributeName: k.name, KeyType: 'HASH' as const })),
    ...rangeAttrsOf(ix).map((k) => ({ AttributeName: k.name, KeyType: 'RANGE' as const })),
  ];
}

export function tableStatus(t: TableMeta, now: number): 'CREATING' | 'ACTIVE' | 'UPDATING' {
  if (now < t.activeAt) return 'CREATING';
  if (t.updatingUntil !== undefined && now < t.updatingUntil) return 'UPDATING';
  if (t.gsis.some((g) => now < g.activeAt || g.deleting)) return 'UPDATING';
  return 'ACTIVE';
}

export interface Stats {
  count: number;
  bytes: number;
  indexes: Map<string, { count: number; bytes: number }>;
}

export function describeTable(t: TableMeta, now: number, stats: Stats | undefined, status?: TableStatus): TableDescription {
  const arn = tableArn(t);
  const d: TableDescription = {
    AttributeDefinitions: t.attributeDefinitions,
    TableName: t.name,
    KeySchema: keySchema(t.hash, t.range),
    TableStatus: status ?? tableStatus(t, now),
    CreationDateTime: new Date(t.createdAt),
    ProvisionedThroughput: {
      ...(t.lastIncreaseAt ? { LastIncreaseDateTime: new Date(t.lastIncreaseAt) } : {}),
      ...(t.lastDecreaseAt ? { LastDecreaseDateTime: new Date(t.lastDecreaseAt) } : {}),
      NumberOfDecreasesToday: t.decreasesToday,
      ReadCapacityUnits: t.read,
      WriteCapacityUnits: t.write,
    },
    TableSizeBytes: stats?.bytes ?? 0,
    ItemCount: stats?.count ?? 0,
    TableArn: arn,
    TableId: t.tableId,
  };
  if (t.billingModeExplicit || t.billingMode === 'PAY_PER_REQUEST') {
    d.BillingModeSummary = {
      BillingMode: t.billingMode,
      ...(t.lastPayPerRequestAt ? { LastUpdateToPayPerRequestDateTime: new Date(t.lastPayPerRequestAt) } : {}),
    };
  }
  if (t.lsis.length) {
    d.LocalSecondaryIndexes = t.lsis.map((ix) => ({
      IndexName: ix.name,
      KeySchema: indexKeySchema(ix),
      Projection: ix.projection,
      IndexSizeBytes: stats?.indexes.get(ix.name)?.bytes ?? 0,
      ItemCount: stats?.indexes.get(ix.name)?.count ?? 0,
      IndexArn: `${arn}/index/${ix.name}`,
    }));
  }
  if (t.gsis.length) {
    d.GlobalSecondaryIndexes = t.gsis.map((ix) => {
      const creating = now < ix.activeAt;
      return {
        IndexName: ix.name,
        KeySchema: indexKeySchema(ix),
        Projection: ix.projection,
        IndexStatus: ix.deleting ? 'DELETING' : creating ? 'CREATING' : 'ACTIVE',
        ...(creating ? { Backfilling: now >= t.activeAt } : {}),
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: ix.read, WriteCapacityUnits: ix.write },
        IndexSizeBytes: stats?.indexes.get(ix.name)?.bytes ?? 0,
        ItemCount: stats?.indexes.get(ix.name)?.count ?? 0,
        IndexArn: `${arn}/index/${ix.name}`,
      };
    });
  }
  const latest = t.streams?.[t.streams.length - 1];
  if (latest) {
    const on = latest.disabledAt === undefined;
    d.StreamSpecification = on ? { StreamEnabled: true, StreamViewType: latest.viewType } : { StreamEnabled: false };
    d.LatestStreamLabel = latest.label;
    d.LatestStreamArn = streamArn(t, latest.label);
  }
  if (t.replicas?.length) {
    d.GlobalTableVersion = GLOBAL_TABLE_VERSION;
    d.Replicas = t.replicas.map((r) => ({ RegionName: r.region, ReplicaStatus: now < r.activeAt ? 'CREATING' : 'ACTIVE' }));
  }
  if (t.tableClass) d.TableClassSummary = { TableClass: t.tableClass };
  if (t.onDemand) d.OnDemandThroughput = t.onDemand;
  if (t.warm) d.WarmThroughput = { ...t.warm, Status: 'ACTIVE' };
  if (t.restore) {
    d.RestoreSummary = {
      ...(t.restore.sourceBackupArn ? { SourceBackupArn: t.restore.sourceBackupArn } : {}),
      SourceTableArn: t.restore.sourceTableArn,
      RestoreDateTime: new Date(t.restore.at),
      RestoreInProgress: (status ?? tableStatus(t, now)) === 'CREATING',
    };
  }
  d.DeletionProtectionEnabled = t.deletionProtection;
  if (t.sse?.Enabled) {
    d.SSEDescription = {
      Status: 'ENABLED',
      SSEType: 'KMS',
      KMSMasterKeyArn: arnFor('kms', { accountId: t.account, region: t.region }, `key/${t.sse.KMSMasterKeyId ?? 'aws/dynamodb'}`),
    };
  }
  return d;
}

/**
 * CloudFront KeyValueStore, what its two APIs and the edge share. A store's metadata is a
 * cf_policies document of kind 'kvs' (keyed by its UUID, named per account); its keys are rows of
 * cf_kvs_keys. The control plane (CloudFront's restXml API) has one ETag per store; the data API
 * (cloudfront-keyvaluestore, restJson) has another, which changes with every write of keys.
 * Limits as AWS documents them: key 512 bytes, value 1 KB, store 5 MB (keys and values together).
 */
import { randomBytes } from 'node:crypto';
import { parseArn } from '../../aws/arn.js';
import type { Queryable } from '../../storage/db.js';
import type { CloudFrontCore } from './core.js';
import type { CloudFrontStore, PolicyDoc } from './store.js';

export const MAX_KVS_KEY_BYTES = 512;
export const MAX_KVS_VALUE_BYTES = 1024;
export const MAX_KVS_BYTES = 5 * 1024 * 1024;

/** What a store document's `config` holds. */
export interface KvsConfig {
  Name: string;
  Comment: string;
  /** Platform ms. */
  Created: number;
  ItemCount: number;
  TotalSizeInBytes: number;
  /** The data API's version of the keys. */
  DataETag: string;
  /** Platform ms of the last write of keys. */
  DataModified: number;
}

export function kvsArn(account: string, id: string): string {
  return `arn:aws:cloudfront::${account}:key-value-store/${id}`;
}

/** The account and id of a KeyValueStore ARN, or undefined for another text. */
export function parseKvsArn(text: string): { account: string; id: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'cloudfront' || arn.region !== '' || !arn.resource.startsWith('key-value-store/')) return undefined;
  return { account: arn.account, id: arn.resource.slice('key-value-store/'.length) };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** A data-API ETag, in the shape AWS gives them (KV + 13). */
export function newKvsDataETag(): string {
  const b = randomBytes(13);
  let s = 'KV';
  for (let i = 0; i < 13; i++) s += UPPER[b[i]! % UPPER.length];
  return s;
}

export const entryBytes = (key: string, value: string): number => Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');

export type KvsLimitProblem = { kind: 'key' | 'value'; key: string } | { kind: 'store' };

/**
 * Applies puts then deletes to a store inside `tx`, keeping its count and size; returns the store's
 * new config, or the first limit a change breaks (nothing written then: the caller's tx rolls back).
 */
export async function applyKvsChanges(
  store: CloudFrontStore,
  tx: Queryable,
  doc: PolicyDoc,
  puts: readonly { Key: string; Value: string }[],
  deletes: readonly { Key: string }[],
  now: number,
): Promise<KvsConfig | KvsLimitProblem> {
  const config = { ...(doc.config as KvsConfig) };
  for (const p of puts) {
    if (Buffer.byteLength(p.Key, 'utf8') > MAX_KVS_KEY_BYTES) return { kind: 'key', key: p.Key };
    if (Buffer.byteLength(p.Value, 'utf8') > MAX_KVS_VALUE_BYTES) return { kind: 'value', key: p.Key };
  }
  for (const p of puts) {
    const before = await store.kvsValue(doc.id, p.Key, tx);
    if (before === undefined) config.ItemCount++;
    else config.TotalSizeInBytes -= entryBytes(p.Key, before);
    config.TotalSizeInBytes += entryBytes(p.Key, p.Value);
    await store.kvsPut(tx, doc.id, p.Key, p.Value);
  }
  for (const d of deletes) {
    const before = await store.kvsValue(doc.id, d.Key, tx);
    if (before === undefined) continue;
    config.ItemCount--;
    config.TotalSizeInBytes -= entryBytes(d.Key, before);
    await store.kvsDelete(tx, doc.id, d.Key);
  }
  if (config.TotalSizeInBytes > MAX_KVS_BYTES) return { kind: 'store' };
  config.DataETag = newKvsDataETag();
  config.DataModified = now;
  return config;
}

/** The ids of the stores a function's KeyValueStoreAssociations name (of its own account). */
export function associatedStores(account: string, associations: { Items?: { KeyValueStoreARN: string }[] } | undefined): string[] {
  const ids: string[] = [];
  for (const a of associations?.Items ?? []) {
    const p = parseKvsArn(a.KeyValueStoreARN);
    if (p && p.account === account) ids.push(p.id);
  }
  return ids;
}

/** A function's read of a store (functions-runtime.ts's KvsReader answers). */
export async function readKvs(core: CloudFrontCore, account: string, id: string, op: string, key: string): Promise<string> {
  const doc = await core.store.policy(account, 'kvs', id);
  if (!doc) return 'e:The KeyValueStore does not exist.';
  if (op === 'meta') {
    const c = doc.config as KvsConfig;
    return 'v:' + JSON.stringify({ creationDateTime: new Date(c.Created).toISOString(), lastUpdatedDateTime: new Date(c.DataModified).toISOString(), keyCount: c.ItemCount });
  }
  const value = await core.store.kvsValue(id, key);
  if (op === 'exists') return value === undefined ? 'v:false' : 'v:true';
  return value === undefined ? 'n' : 'v:' + value;
}

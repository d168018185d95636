/**
 * KeyValueStore in CloudFront's API: Create (optionally importing keys from an S3 object in AWS's
 * `{"data":[{"key":..,"value":..}]}` format), Describe, Update (its comment), Delete (refused while
 * a function is associated with it), List. A new store is PROVISIONING for the deployment delay,
 * then READY; an import that cannot be read leaves it PROVISIONING_FAILED with the reason the data
 * API's DescribeKeyValueStore gives. The keys themselves are the cloudfront-keyvaluestore API's.
 */
import type { RequestContext } from '../../../core/context.js';
import { uuid } from '../../../core/ids.js';
import type * as CF from '../../../generated/cloudfront.js';
import { CannotDeleteEntityWhileInUse, EntityAlreadyExists, EntityNotFound, InvalidArgument } from '../../../generated/cloudfront.js';
import type { S3Api } from '../../../generated/s3.js';
import { serviceClient } from '../../clients.js';
import { checkIfMatch, newETag, type CloudFrontCore } from '../core.js';
import { applyKvsChanges, kvsArn, newKvsDataETag, type KvsConfig } from '../kvs.js';
import type { PolicyDoc } from '../store.js';
import { API_ROOT, TAG_SCOPE, maxItems, tagRecord } from './distributions.js';

const KIND = 'kvs' as const;
const notFound = () => new EntityNotFound('The specified key value store does not exist.');

export class KeyValueStoreOps
  implements Pick<CF.CloudFrontApi, 'CreateKeyValueStore' | 'DescribeKeyValueStore' | 'UpdateKeyValueStore' | 'DeleteKeyValueStore' | 'ListKeyValueStores'>
{
  constructor(private readonly core: CloudFrontCore) {}

  /** The store's status: a failed import, else PROVISIONING during the deployment delay, then READY. */
  status(doc: PolicyDoc): string {
    if (doc.config.FailureReason) return 'PROVISIONING_FAILED';
    return this.core.now() < (doc.config as KvsConfig).Created + this.core.deploymentMs ? 'PROVISIONING' : 'READY';
  }

  private view(account: string, doc: PolicyDoc): CF.KeyValueStore {
    const c = doc.config as KvsConfig;
    return { Name: c.Name, Id: doc.id, Comment: c.Comment, ARN: kvsArn(account, doc.id), Status: this.status(doc), LastModifiedTime: new Date(doc.lastModified) };
  }

  private async find(account: string, name: string): Promise<PolicyDoc> {
    const doc = await this.core.store.policyByName(account, KIND, name);
    if (!doc) throw notFound();
    return doc;
  }

  async CreateKeyValueStore(ctx: RequestContext, input: CF.CreateKeyValueStoreRequest): Promise<CF.CreateKeyValueStoreResult> {
    const now = this.core.now();
    const tags = tagRecord(input.Tags);
    const config: KvsConfig = { Name: input.Name, Comment: input.Comment ?? '', Created: now, ItemCount: 0, TotalSizeInBytes: 0, DataETag: newKvsDataETag(), DataModified: now };
    const doc: PolicyDoc = { id: uuid(), kind: KIND, etag: newETag(), config, lastModified: now };
    const imported = input.ImportSource ? await this.readImport(ctx, input.ImportSource) : undefined;
    await this.core.db.tx(async (tx) => {
      if (await this.core.store.policyByName(ctx.accountId, KIND, input.Name, tx)) throw new EntityAlreadyExists('A key value store with this name already exists.');
      await this.core.store.putPolicy(tx, ctx.accountId, doc);
      if (Object.keys(tags).length) await this.core.tags.tag(tx, TAG_SCOPE(ctx.accountId), kvsArn(ctx.accountId, doc.id), tags);
      if (imported && 'failure' in imported) {
        doc.config = { ...config, FailureReason: imported.failure };
      } else if (imported) {
        const next = await applyKvsChanges(this.core.store, tx, doc, imported.puts, [], now);
        doc.config = 'kind' in next ? { ...config, FailureReason: 'The import source exceeds the key value store limits.' } : next;
      }
      if (imported) await this.core.store.putPolicy(tx, ctx.accountId, doc);
    });
    return { KeyValueStore: this.view(ctx.accountId, doc), ETag: doc.etag, Location: `${API_ROOT}/key-value-store/${doc.id}` };
  }

  /** The keys of an S3 import source, or why they cannot be read (the store then fails to provision). */
  private async readImport(ctx: RequestContext, source: CF.ImportSource): Promise<{ puts: { Key: string; Value: string }[] } | { failure: string }> {
    const m = /^arn:aws:s3:::([^/]+)\/(.+)$/.exec(source.SourceARN);
    if (source.SourceType !== 'S3' || !m) throw new InvalidArgument('The import source is not valid.');
    const s3 = serviceClient<S3Api>(this.core.platform, 's3', { accountId: ctx.accountId, region: 'us-east-1', requestId: ctx.requestId });
    if (!s3) return { failure: 'The import source could not be read.' };
    let text: string;
    try {
      const body = (await s3.GetObject({ Bucket: m[1]!, Key: m[2]! })).Body as unknown;
      const chunks: Buffer[] = [];
      if (Buffer.isBuffer(body)) chunks.push(body);
      else for await (const c of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
      text = Buffer.concat(chunks).toString('utf8');
    } catch (e) {
      return { failure: `The import source could not be read: ${(e as Error).message}` };
    }
    try {
      const data = (JSON.parse(text) as { data?: unknown }).data;
      if (!Array.isArray(data)) throw new Error('no data array');
      const seen = new Set<string>();
      const puts = data.map((d: { key?: unknown; value?: unknown }) => {
        if (typeof d?.key !== 'string' || typeof d.value !== 'string' || seen.has(d.key)) throw new Error('bad entry');
        seen.add(d.key);
        return { Key: d.key, Value: d.value };
      });
      return { puts };
    } catch {
      return { failure: 'The import source is not in the required JSON format or has duplicate keys.' };
    }
  }

  async DescribeKeyValueStore(ctx: RequestContext, input: CF.DescribeKeyValueStoreRequest): Promise<CF.DescribeKeyValueStoreResult> {
    const doc = await this.find(ctx.accountId, input.Name);
    return { KeyValueStore: this.view(ctx.accountId, doc), ETag: doc.etag };
  }

  async UpdateKeyValueStore(ctx: RequestContext, input: CF.UpdateKeyValueStoreRequest): Promise<CF.UpdateKeyValueStoreResult> {
    const next = await this.core.db.tx(async (tx) => {
      const doc = await this.core.store.policyByName(ctx.accountId, KIND, input.Name, tx);
      if (!doc) throw notFound();
      checkIfMatch(input.IfMatch, doc.etag);
      const updated: PolicyDoc = { ...doc, config: { ...doc.config, Comment: input.Comment }, etag: newETag(), lastModified: this.core.now() };
      await this.core.store.putPolicy(tx, ctx.accountId, updated);
      return updated;
    });
    return { KeyValueStore: this.view(ctx.accountId, next), ETag: next.etag };
  }

  async DeleteKeyValueStore(ctx: RequestContext, input: CF.DeleteKeyValueStoreRequest): Promise<void> {
    const doc = await this.find(ctx.accountId, input.Name);
    checkIfMatch(input.IfMatch, doc.etag);
    if (await this.core.store.functionsMentioning(ctx.accountId, `"${kvsArn(ctx.accountId, doc.id)}"`)) {
      throw new CannotDeleteEntityWhileInUse('Cannot delete the key value store while it is associated with a function.');
    }
    await this.core.db.tx(async (tx) => {
      await this.core.store.deletePolicy(tx, ctx.accountId, KIND, doc.id);
      await this.core.tags.forget(tx, TAG_SCOPE(ctx.accountId), kvsArn(ctx.accountId, doc.id));
    });
  }

  async ListKeyValueStores(ctx: RequestContext, input: CF.ListKeyValueStoresRequest): Promise<CF.ListKeyValueStoresResult> {
    const max = maxItems(input.MaxItems);
    const all = (await this.core.store.listPolicies(ctx.accountId, KIND)).filter((d) => !input.Status || this.status(d) === input.Status);
    const start = input.Marker ? all.findIndex((d) => d.id === input.Marker) + 1 : 0;
    const page = all.slice(start, start + max);
    const truncated = start + max < all.length;
    return {
      KeyValueStoreList: {
        MaxItems: max,
        Quantity: page.length,
        ...(page.length ? { Items: page.map((d) => this.view(ctx.accountId, d)) } : {}),
        ...(truncated ? { NextMarker: page[page.length - 1]!.id } : {}),
      },
    };
  }
}

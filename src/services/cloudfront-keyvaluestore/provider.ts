/**
 * Amazon CloudFront KeyValueStore's data API (restJson, signing name cloudfront-keyvaluestore,
 * signed with SigV4A by AWS's SDKs): DescribeKeyValueStore, GetKey, ListKeys, PutKey, DeleteKey and
 * UpdateKeys on the stores CloudFront's CreateKeyValueStore makes (their tables are CloudFront's,
 * see ../cloudfront/kvs.ts). Every write needs the store's current data ETag in If-Match
 * (ConflictException otherwise) and gives it a new one. The SDK sends to
 * `{account}.cloudfront-kvs.global.api.aws`, or `{account}.` before an overriding endpoint's host:
 * the ARN in the path names the store, so any host routes here. docs/services/cloudfront.md.
 */
import type { RequestContext } from '../../core/context.js';
import type { Queryable } from '../../storage/db.js';
import type * as KVS from '../../generated/cloudfront-keyvaluestore.js';
import { ConflictException, ResourceNotFoundException, ServiceQuotaExceededException, ValidationException } from '../../generated/cloudfront-keyvaluestore.js';
import { applyKvsChanges, kvsArn, parseKvsArn, MAX_KVS_KEY_BYTES, MAX_KVS_VALUE_BYTES, type KvsConfig, type KvsLimitProblem } from '../cloudfront/kvs.js';
import { CLOUDFRONT_MIGRATIONS, CloudFrontStore, type PolicyDoc } from '../cloudfront/store.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';

const notFound = () => new ResourceNotFoundException('Resource not found.');
const CONFLICT = 'Pre-Condition failed: ETag mismatch.';

function limitError(p: KvsLimitProblem): Error {
  if (p.kind === 'key') return new ValidationException(`Key size exceeds the maximum of ${MAX_KVS_KEY_BYTES} bytes.`);
  if (p.kind === 'value') return new ValidationException(`Value size exceeds the maximum of ${MAX_KVS_VALUE_BYTES} bytes.`);
  return new ServiceQuotaExceededException('The key value store exceeds its maximum size of 5 MB.');
}

class KeyOps implements KVS.CloudFrontKeyValueStoreApi {
  private readonly store: CloudFrontStore;

  constructor(private readonly platform: Platform) {
    this.store = new CloudFrontStore(platform.db);
  }

  /** The store the ARN names, of the caller's account, ready for keys. */
  private async find(ctx: RequestContext, arn: string, q: Queryable = this.platform.db): Promise<PolicyDoc> {
    const parsed = parseKvsArn(arn);
    if (!parsed) throw new ValidationException('The provided KVS ARN is not valid.');
    // A store of another account is not found in the caller's.
    const doc = parsed.account === ctx.accountId ? await this.store.policy(ctx.accountId, 'kvs', parsed.id, q) : undefined;
    if (!doc) throw notFound();
    if ((doc.config as { FailureReason?: string }).FailureReason) throw new ConflictException('The key value store is not ready.');
    return doc;
  }

  /** A write: the If-Match check, the changes, the new counts, in one transaction. */
  private async write(ctx: RequestContext, arn: string, ifMatch: string, puts: { Key: string; Value: string }[], deletes: { Key: string }[]) {
    const config = await this.platform.db.tx(async (tx) => {
      const doc = await this.find(ctx, arn, tx);
      if (ifMatch !== (doc.config as KvsConfig).DataETag) throw new ConflictException(CONFLICT);
      const next = await applyKvsChanges(this.store, tx, doc, puts, deletes, this.platform.clock.now());
      if ('kind' in next) throw limitError(next);
      await this.store.putPolicy(tx, ctx.accountId, { ...doc, config: next });
      return next;
    });
    return { ItemCount: config.ItemCount, TotalSizeInBytes: config.TotalSizeInBytes, ETag: config.DataETag };
  }

  async DescribeKeyValueStore(ctx: RequestContext, input: KVS.DescribeKeyValueStoreRequest): Promise<KVS.DescribeKeyValueStoreResponse> {
    const parsed = parseKvsArn(input.KvsARN);
    const doc = parsed && parsed.account === ctx.accountId ? await this.store.policy(ctx.accountId, 'kvs', parsed.id) : undefined;
    if (!doc) throw notFound();
    const c = doc.config as KvsConfig & { FailureReason?: string };
    const status = c.FailureReason ? 'PROVISIONING_FAILED' : 'READY';
    return {
      ItemCount: c.ItemCount,
      TotalSizeInBytes: c.TotalSizeInBytes,
      KvsARN: kvsArn(ctx.accountId, doc.id),
      Created: new Date(c.Created),
      ETag: c.DataETag,
      LastModified: new Date(c.DataModified),
      Status: status,
      ...(c.FailureReason ? { FailureReason: c.FailureReason } : {}),
    };
  }

  async GetKey(ctx: RequestContext, input: KVS.GetKeyRequest): Promise<KVS.GetKeyResponse> {
    const doc = await this.find(ctx, input.KvsARN);
    const value = await this.store.kvsValue(doc.id, input.Key);
    if (value === undefined) throw notFound();
    const c = doc.config as KvsConfig;
    return { Key: input.Key, Value: value, ItemCount: c.ItemCount, TotalSizeInBytes: c.TotalSizeInBytes };
  }

  async ListKeys(ctx: RequestContext, input: KVS.ListKeysRequest): Promise<KVS.ListKeysResponse> {
    const doc = await this.find(ctx, input.KvsARN);
    let after = '';
    if (input.NextToken !== undefined) {
      const decoded = Buffer.from(input.NextToken, 'base64url').toString('utf8');
      if (!decoded.startsWith('k:')) throw new ValidationException('The provided NextToken is not valid.');
      after = decoded.slice(2);
    }
    const max = input.MaxResults ?? 10;
    const rows = await this.store.kvsKeys(doc.id, after, max + 1);
    const page = rows.slice(0, max);
    return {
      Items: page.map((r) => ({ Key: r.k, Value: r.v })),
      ...(rows.length > max ? { NextToken: Buffer.from('k:' + page[page.length - 1]!.k, 'utf8').toString('base64url') } : {}),
    };
  }

  PutKey(ctx: RequestContext, input: KVS.PutKeyRequest): Promise<KVS.PutKeyResponse> {
    return this.write(ctx, input.KvsARN, input.IfMatch, [{ Key: input.Key, Value: input.Value }], []);
  }

  DeleteKey(ctx: RequestContext, input: KVS.DeleteKeyRequest): Promise<KVS.DeleteKeyResponse> {
    return this.write(ctx, input.KvsARN, input.IfMatch, [], [{ Key: input.Key }]);
  }

  UpdateKeys(ctx: RequestContext, input: KVS.UpdateKeysRequest): Promise<KVS.UpdateKeysResponse> {
    return this.write(ctx, input.KvsARN, input.IfMatch, input.Puts ?? [], input.Deletes ?? []);
  }
}

export async function create(platform: Platform): Promise<ServiceProvider> {
  // The tables are CloudFront's (a no-op when CloudFront, created first, has made them).
  await platform.db.migrate('cloudfront', CLOUDFRONT_MIGRATIONS);
  return defineProvider<KVS.CloudFrontKeyValueStoreApi>()([new KeyOps(platform)]);
}

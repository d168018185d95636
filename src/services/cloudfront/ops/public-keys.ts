/**
 * Public keys and key groups, the signers of signed URLs and cookies: Create, Get, GetConfig,
 * Update, Delete, List of each, with ETags, and ListDistributionsByKeyGroup. A public key is an
 * RSA key in PEM; only its comment may change once created. A key group holds up to 5 public keys;
 * a key in a group, or a group a cache behavior trusts, cannot be deleted. Quotas as AWS's defaults:
 * 10 public keys and 10 key groups per account.
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import { uuid } from '../../../core/ids.js';
import type * as CF from '../../../generated/cloudfront.js';
import {
  CannotChangeImmutablePublicKeyFields,
  InvalidArgument,
  KeyGroupAlreadyExists,
  NoSuchPublicKey,
  NoSuchResource,
  PublicKeyAlreadyExists,
  PublicKeyInUse,
  ResourceInUse,
  TooManyKeyGroups,
  TooManyPublicKeys,
  TooManyPublicKeysInKeyGroup,
} from '../../../generated/cloudfront.js';
import { checkIfMatch, newETag, type CloudFrontCore } from '../core.js';
import type { PolicyDoc } from '../store.js';
import { API_ROOT, maxItems } from './distributions.js';

const MAX_PUBLIC_KEYS = 10;
const MAX_KEY_GROUPS = 10;
const MAX_KEYS_PER_GROUP = 5;

/** Public key ids look like K2JCJMDEHXQW5F: K and 13 upper-case letters and digits. */
function newPublicKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const b = randomBytes(13);
  let s = 'K';
  for (let i = 0; i < 13; i++) s += alphabet[b[i]! % alphabet.length];
  return s;
}

function checkEncodedKey(pem: string): void {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    throw new InvalidArgument('Invalid request provided: The encoded key is not a valid public key.');
  }
}

const noSuchKey = () => new NoSuchPublicKey('The specified public key does not exist.');
const noSuchGroup = () => new NoSuchResource('The specified key group does not exist.');

export class PublicKeyOps
  implements
    Pick<
      CF.CloudFrontApi,
      | 'CreatePublicKey' | 'GetPublicKey' | 'GetPublicKeyConfig' | 'UpdatePublicKey' | 'DeletePublicKey' | 'ListPublicKeys'
      | 'CreateKeyGroup' | 'GetKeyGroup' | 'GetKeyGroupConfig' | 'UpdateKeyGroup' | 'DeleteKeyGroup' | 'ListKeyGroups' | 'ListDistributionsByKeyGroup'
    >
{
  constructor(private readonly core: CloudFrontCore) {}

  private async key(account: string, id: string): Promise<PolicyDoc> {
    const doc = await this.core.store.policy(account, 'public-key', id);
    if (!doc) throw noSuchKey();
    return doc;
  }

  private async group(account: string, id: string): Promise<PolicyDoc> {
    const doc = await this.core.store.policy(account, 'key-group', id);
    if (!doc) throw noSuchGroup();
    return doc;
  }

  private keyView(doc: PolicyDoc): CF.PublicKey {
    const { CreatedTime, ...config } = doc.config;
    return { Id: doc.id, CreatedTime: new Date(CreatedTime as number), PublicKeyConfig: config };
  }

  private groupView(doc: PolicyDoc): CF.KeyGroup {
    return { Id: doc.id, LastModifiedTime: new Date(doc.lastModified), KeyGroupConfig: doc.config };
  }

  async CreatePublicKey(ctx: RequestContext, input: CF.CreatePublicKeyRequest): Promise<CF.CreatePublicKeyResult> {
    const c = input.PublicKeyConfig;
    checkEncodedKey(c.EncodedKey);
    const now = this.core.now();
    const doc: PolicyDoc = { id: newPublicKeyId(), kind: 'public-key', etag: newETag(), config: { ...c, CreatedTime: now }, lastModified: now };
    const all = await this.core.store.listPolicies(ctx.accountId, 'public-key');
    if (all.some((k) => k.config.CallerReference === c.CallerReference || k.config.Name === c.Name)) throw new PublicKeyAlreadyExists('The specified public key already exists.');
    if (all.length >= MAX_PUBLIC_KEYS) throw new TooManyPublicKeys('The maximum number of public keys for this account has been reached.');
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, doc));
    return { PublicKey: this.keyView(doc), ETag: doc.etag, Location: `${API_ROOT}/public-key/${doc.id}` };
  }

  async GetPublicKey(ctx: RequestContext, input: CF.GetPublicKeyRequest): Promise<CF.GetPublicKeyResult> {
    const doc = await this.key(ctx.accountId, input.Id);
    return { PublicKey: this.keyView(doc), ETag: doc.etag };
  }

  async GetPublicKeyConfig(ctx: RequestContext, input: CF.GetPublicKeyConfigRequest): Promise<CF.GetPublicKeyConfigResult> {
    const doc = await this.key(ctx.accountId, input.Id);
    return { PublicKeyConfig: this.keyView(doc).PublicKeyConfig, ETag: doc.etag };
  }

  async UpdatePublicKey(ctx: RequestContext, input: CF.UpdatePublicKeyRequest): Promise<CF.UpdatePublicKeyResult> {
    const doc = await this.key(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    const c = input.PublicKeyConfig;
    const before = doc.config;
    if (c.CallerReference !== before.CallerReference || c.Name !== before.Name || c.EncodedKey.trim() !== String(before.EncodedKey).trim()) {
      throw new CannotChangeImmutablePublicKeyFields('You can’t change the value of a public key.');
    }
    const next: PolicyDoc = { ...doc, etag: newETag(), config: { ...before, Comment: c.Comment }, lastModified: this.core.now() };
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, next));
    return { PublicKey: this.keyView(next), ETag: next.etag };
  }

  async DeletePublicKey(ctx: RequestContext, input: CF.DeletePublicKeyRequest): Promise<void> {
    const doc = await this.key(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    const groups = await this.core.store.listPolicies(ctx.accountId, 'key-group');
    if (groups.some((g) => (g.config.Items as string[]).includes(doc.id))) throw new PublicKeyInUse('The specified public key is in use.');
    await this.core.db.tx((tx) => this.core.store.deletePolicy(tx, ctx.accountId, 'public-key', doc.id));
  }

  async ListPublicKeys(ctx: RequestContext, input: CF.ListPublicKeysRequest): Promise<CF.ListPublicKeysResult> {
    const { page, max, next } = await this.page(ctx.accountId, 'public-key', input.Marker, input.MaxItems);
    const items = page.map((d) => {
      const k = this.keyView(d);
      return { Id: k.Id, Name: k.PublicKeyConfig.Name, CreatedTime: k.CreatedTime, EncodedKey: k.PublicKeyConfig.EncodedKey, ...(k.PublicKeyConfig.Comment !== undefined ? { Comment: k.PublicKeyConfig.Comment } : {}) };
    });
    return { PublicKeyList: { MaxItems: max, Quantity: items.length, ...(items.length ? { Items: items } : {}), ...(next ? { NextMarker: next } : {}) } };
  }

  private async page(account: string, kind: string, marker: string | undefined, maxText: string | undefined) {
    const max = maxItems(maxText);
    const all = await this.core.store.listPolicies(account, kind);
    const start = marker ? all.findIndex((d) => d.id === marker) + 1 : 0;
    const page = all.slice(start, start + max);
    return { page, max, next: start + max < all.length ? page[page.length - 1]!.id : undefined };
  }

  /** A key group's keys: existing public keys of the account, at most 5. */
  private async checkGroup(account: string, config: CF.KeyGroupConfig, except: string): Promise<void> {
    if (config.Items.length > MAX_KEYS_PER_GROUP) throw new TooManyPublicKeysInKeyGroup('The number of public keys in this key group is more than the maximum allowed.');
    for (const id of config.Items) {
      if (!(await this.core.store.policy(account, 'public-key', id))) throw new InvalidArgument(`Invalid request provided: The public key ${id} does not exist.`);
    }
    if (await this.core.store.policyNameTaken(this.core.db, account, 'key-group', config.Name, except)) throw new KeyGroupAlreadyExists('A key group with this name already exists.');
  }

  async CreateKeyGroup(ctx: RequestContext, input: CF.CreateKeyGroupRequest): Promise<CF.CreateKeyGroupResult> {
    await this.checkGroup(ctx.accountId, input.KeyGroupConfig, '');
    if ((await this.core.store.listPolicies(ctx.accountId, 'key-group')).length >= MAX_KEY_GROUPS) throw new TooManyKeyGroups('The maximum number of key groups for this account has been reached.');
    const doc: PolicyDoc = { id: uuid(), kind: 'key-group', etag: newETag(), config: { ...input.KeyGroupConfig }, lastModified: this.core.now() };
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, doc));
    return { KeyGroup: this.groupView(doc), ETag: doc.etag, Location: `${API_ROOT}/key-group/${doc.id}` };
  }

  async GetKeyGroup(ctx: RequestContext, input: CF.GetKeyGroupRequest): Promise<CF.GetKeyGroupResult> {
    const doc = await this.group(ctx.accountId, input.Id);
    return { KeyGroup: this.groupView(doc), ETag: doc.etag };
  }

  async GetKeyGroupConfig(ctx: RequestContext, input: CF.GetKeyGroupConfigRequest): Promise<CF.GetKeyGroupConfigResult> {
    const doc = await this.group(ctx.accountId, input.Id);
    return { KeyGroupConfig: doc.config, ETag: doc.etag };
  }

  async UpdateKeyGroup(ctx: RequestContext, input: CF.UpdateKeyGroupRequest): Promise<CF.UpdateKeyGroupResult> {
    const doc = await this.group(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    await this.checkGroup(ctx.accountId, input.KeyGroupConfig, doc.id);
    const next: PolicyDoc = { ...doc, etag: newETag(), config: { ...input.KeyGroupConfig }, lastModified: this.core.now() };
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, next));
    // The edge reads trusted keys through its memo of the group: drop it.
    this.core.onDistributionChange('*');
    return { KeyGroup: this.groupView(next), ETag: next.etag };
  }

  async DeleteKeyGroup(ctx: RequestContext, input: CF.DeleteKeyGroupRequest): Promise<void> {
    const doc = await this.group(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    if (await this.core.store.distributionsMentioning(ctx.accountId, `"${doc.id}"`)) {
      throw new ResourceInUse('Cannot delete key group because it is attached to one or more cache behaviors.');
    }
    await this.core.db.tx((tx) => this.core.store.deletePolicy(tx, ctx.accountId, 'key-group', doc.id));
  }

  async ListKeyGroups(ctx: RequestContext, input: CF.ListKeyGroupsRequest): Promise<CF.ListKeyGroupsResult> {
    const { page, max, next } = await this.page(ctx.accountId, 'key-group', input.Marker, input.MaxItems);
    const items = page.map((d) => ({ KeyGroup: this.groupView(d) }));
    return { KeyGroupList: { MaxItems: max, Quantity: items.length, ...(items.length ? { Items: items } : {}), ...(next ? { NextMarker: next } : {}) } };
  }

  async ListDistributionsByKeyGroup(ctx: RequestContext, input: CF.ListDistributionsByKeyGroupRequest): Promise<CF.ListDistributionsByKeyGroupResult> {
    await this.group(ctx.accountId, input.KeyGroupId);
    const max = maxItems(input.MaxItems);
    const ids = await this.core.store.distributionIdsMentioning(ctx.accountId, `"${input.KeyGroupId}"`, input.Marker ?? '', max + 1);
    const page = ids.slice(0, max);
    return {
      DistributionIdList: {
        Marker: input.Marker ?? '',
        MaxItems: max,
        IsTruncated: ids.length > max,
        Quantity: page.length,
        ...(page.length ? { Items: page } : {}),
        ...(ids.length > max ? { NextMarker: page[page.length - 1]! } : {}),
      },
    };
  }
}

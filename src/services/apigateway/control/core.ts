import type { RequestContext } from '../../../core/context.js';
import { NotFoundException } from '../../../generated/apigateway.js';
import type { Db, Queryable } from '../../../storage/db.js';
import type { DocTable } from '../../../storage/documents.js';
import { found, page, pageTable, scopeOf } from '../common.js';
import { applyPatch, type FieldType, type PatchOp } from '../patch.js';
import type { Scope, Store } from '../store.js';
import type { ApiDoc, ApiKeyDoc, DeploymentDoc, StageDoc, UsagePlanDoc } from '../types.js';

/** Callbacks into the data plane when what it serves changes. */
export interface ControlHooks {
  /** An API's deployed state changed (every API's when no id is given: keys and usage plans). */
  invalidate(apiId?: string): void;
  flushCache(apiId: string, stage: string): void;
  flushAuthorizers(apiId: string, stage: string): void;
  /** A client certificate was deleted. */
  forgetCertificates(): void;
  /** A custom domain name or one of its base path mappings changed: resolves once the data plane serves the change. */
  domainsChanged(): Promise<void>;
}

/** What every control plane family shares: the store, the data plane hooks and the lookups with AWS's NotFound messages. */
export class ControlCore {
  constructor(
    readonly store: Store,
    readonly hooks: ControlHooks,
  ) {}

  get db(): Db {
    return this.store.db;
  }

  async loadApi(q: Queryable, s: Scope, id: string): Promise<ApiDoc> {
    return found(await this.store.apis.get(q, s, [id]), `Invalid API identifier specified ${s.accountId}:${id}`);
  }

  read(ctx: RequestContext, apiId: string): Promise<ApiDoc> {
    return this.loadApi(this.db, scopeOf(ctx), apiId);
  }

  /** Read-modify-write of one REST API document in a transaction. */
  async mutate<T>(ctx: RequestContext, apiId: string, fn: (doc: ApiDoc) => T | Promise<T>): Promise<T> {
    const s = scopeOf(ctx);
    const result = await this.db.tx(async (tx) => {
      const doc = await this.loadApi(tx, s, apiId);
      const r = await fn(doc);
      await this.store.apis.put(tx, s, [apiId], doc);
      return r;
    });
    this.hooks.invalidate(apiId);
    return result;
  }

  async stage(q: Queryable, s: Scope, apiId: string, name: string): Promise<StageDoc> {
    return found(await this.store.stages.get(q, s, [apiId, name]), 'Invalid stage identifier specified');
  }

  async deployment(q: Queryable, s: Scope, apiId: string, id: string): Promise<DeploymentDoc> {
    return found(await this.store.deployments.get(q, s, [apiId, id]), 'Invalid Deployment identifier specified');
  }

  async key(q: Queryable, s: Scope, id: string): Promise<ApiKeyDoc> {
    return found(await this.store.keys.get(q, s, [id]), 'Invalid API Key identifier specified');
  }

  async plan(q: Queryable, s: Scope, id: string): Promise<UsagePlanDoc> {
    return found(await this.store.plans.get(q, s, [id]), 'Invalid Usage Plan ID specified');
  }
}

/** Identifies a REST API in a request. */
export interface ApiRef {
  restApiId: string;
}

/**
 * A collection inside the REST API document (models, validators, authorizers, method and
 * integration responses, documentation parts and versions). `P` is the request fields that locate
 * the collection, `K` those that also name one member.
 */
export interface MemberSpec<T extends object, Out, K extends P, P extends ApiRef> {
  /** The collection `where` points into, created empty when the document has none yet. */
  in(doc: ApiDoc, where: P): Record<string, T>;
  /** The member a request names. */
  id(key: K): string;
  /** The name a new member is stored under. */
  idOf(member: T): string;
  /** AWS's NotFoundException message for a missing member. */
  missing(key: K): string;
  /** The fields its Update operation may patch. */
  fields: Record<string, FieldType>;
  /** Checks a member after a patch. */
  check?(member: T): void;
  out(member: T): Out;
}

/** Create, Get, list, Update and Delete of the members of one collection inside the API document. */
export class ApiMembers<T extends object, Out, K extends P, P extends ApiRef = ApiRef> {
  constructor(
    private readonly core: ControlCore,
    private readonly spec: MemberSpec<T, Out, K, P>,
  ) {}

  find(doc: ApiDoc, key: K): T {
    return found(this.spec.in(doc, key)[this.spec.id(key)], this.spec.missing(key));
  }

  /** Stores the member `make` builds (which checks it against the document first); replaces one of the same name. */
  put(ctx: RequestContext, where: P, make: (doc: ApiDoc) => T): Promise<Out> {
    return this.core.mutate(ctx, where.restApiId, (doc) => {
      const member = make(doc);
      this.spec.in(doc, where)[this.spec.idOf(member)] = member;
      return this.spec.out(member);
    });
  }

  async get(ctx: RequestContext, key: K): Promise<Out> {
    return this.spec.out(this.find(await this.core.read(ctx, key.restApiId), key));
  }

  async list(
    ctx: RequestContext,
    input: P & { position?: string; limit?: number },
    options: { sort?: (a: T, b: T) => number; keep?: (member: T) => boolean } = {},
  ): Promise<{ items: Out[]; position?: string }> {
    let all = Object.values(this.spec.in(await this.core.read(ctx, input.restApiId), input));
    if (options.keep) all = all.filter(options.keep);
    if (options.sort) all.sort(options.sort);
    const p = page(all, input.position, input.limit);
    return { items: p.items.map((m) => this.spec.out(m)), position: p.position };
  }

  update(ctx: RequestContext, input: K & { patchOperations?: PatchOp[] }): Promise<Out> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const member = this.find(doc, input);
      applyPatch(member, input.patchOperations, this.spec.fields);
      this.spec.check?.(member);
      return this.spec.out(member);
    });
  }

  /** Deletes a member; `before` may refuse (a member still referenced) or clear references to it. */
  async delete(ctx: RequestContext, key: K, before?: (doc: ApiDoc, member: T) => void): Promise<void> {
    await this.core.mutate(ctx, key.restApiId, (doc) => {
      const member = this.find(doc, key);
      before?.(doc, member);
      delete this.spec.in(doc, key)[this.spec.id(key)];
    });
  }
}

/** Get, page, Update and Delete of a top-level resource kept in its own document table (client certificates, VPC links, domain names). */
export class TableResources<T extends object, Out> {
  constructor(
    private readonly core: ControlCore,
    private readonly spec: {
      table: DocTable<T>;
      /** AWS's NotFoundException message for a missing resource. */
      missing: string;
      /** The fields its Update operation may patch. */
      fields: Record<string, FieldType>;
      out(doc: T, ctx: RequestContext): Out;
    },
  ) {}

  async find(q: Queryable, ctx: RequestContext, id: string): Promise<T> {
    return found(await this.spec.table.get(q, scopeOf(ctx), [id]), this.spec.missing);
  }

  async get(ctx: RequestContext, id: string): Promise<Out> {
    return this.spec.out(await this.find(this.core.db, ctx, id), ctx);
  }

  async list(ctx: RequestContext, input: { position?: string; limit?: number }): Promise<{ items: Out[]; position?: string }> {
    const p = await pageTable(this.spec.table, this.core.db, scopeOf(ctx), input);
    return { items: p.items.map((d) => this.spec.out(d, ctx)), position: p.position };
  }

  update(ctx: RequestContext, id: string, patchOperations: PatchOp[] | undefined): Promise<Out> {
    return this.core.db.tx(async (tx) => {
      const doc = await this.find(tx, ctx, id);
      applyPatch(doc, patchOperations, this.spec.fields);
      await this.spec.table.put(tx, scopeOf(ctx), [id], doc);
      return this.spec.out(doc, ctx);
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    if (!(await this.core.db.tx((tx) => this.spec.table.delete(tx, scopeOf(ctx), [id])))) throw new NotFoundException(this.spec.missing);
  }
}

import type { RequestContext } from '../../core/context.js';
import type { Clock } from '../../core/clock.js';
import { randomId } from '../../core/ids.js';
import { AwsError } from '../../aws/errors.js';
import { BadRequestException, NotFoundException } from '../../generated/apigatewayv2.js';
import type { Tx } from '../../storage/db.js';
import type { TagStore } from '../../storage/tags.js';
import type { Scope, Store } from './store.js';
import type { ApiDoc, ApiFields, DeploymentDoc, Snapshot, StageDoc } from './types.js';

/** What the control plane tells the data plane after its writes commit. */
export interface ControlHooks {
  /** An API, or what is deployed of it, changed (or the API is new or gone). */
  changed(apiId: string, scope: Scope, exists: boolean): void;
}

/** Shared by the operation families: the store, the clock, lookups with AWS's not-found errors, auto-deploy. */
export class ControlCore {
  constructor(
    readonly store: Store,
    readonly tags: TagStore,
    readonly clock: Clock,
    private readonly hooks: ControlHooks,
  ) {}

  scope(ctx: RequestContext): Scope {
    return { accountId: ctx.accountId, region: ctx.region };
  }

  apiArn(scope: Scope, apiId: string): string {
    return `arn:aws:apigateway:${scope.region}::/apis/${apiId}`;
  }

  apiNotFound(ctx: RequestContext, apiId: string): NotFoundException {
    return new NotFoundException(`Invalid API identifier specified ${ctx.accountId}:${apiId}`, { ResourceType: 'Api' });
  }

  async load(ctx: RequestContext, apiId: string): Promise<ApiDoc> {
    const doc = await this.store.apis.get(this.store.db, this.scope(ctx), [apiId]);
    if (!doc) throw this.apiNotFound(ctx, apiId);
    return doc;
  }

  /**
   * Changes an API document in one transaction: `fn` edits it (or throws an AwsError, which undoes
   * nothing since nothing was written). With `deploy`, stages with AutoDeploy get a new deployment.
   */
  async mutate<T>(ctx: RequestContext, apiId: string, fn: (doc: ApiDoc, tx: Tx) => T | Promise<T>, options: { deploy?: boolean } = {}): Promise<T> {
    const scope = this.scope(ctx);
    const now = this.clock.now();
    const result = await this.store.db.tx(async (tx) => {
      const doc = await this.store.apis.get(tx, scope, [apiId]);
      if (!doc) throw this.apiNotFound(ctx, apiId);
      const out = await fn(doc, tx);
      if (options.deploy) await this.autoDeploy(tx, scope, doc, now);
      await this.store.apis.put(tx, scope, [apiId], doc);
      return out;
    });
    this.hooks.changed(apiId, scope, true);
    return result;
  }

  /** Inside a tx: a deployment of the document as it is now. */
  async deploy(tx: Tx, scope: Scope, doc: ApiDoc, now: number, description: string | undefined, auto: boolean): Promise<DeploymentDoc> {
    const dep: DeploymentDoc = { DeploymentId: randomId(6), CreatedDate: now, AutoDeployed: auto, snapshot: snapshotOf(doc) };
    if (description !== undefined) dep.Description = description;
    await this.store.deployments.put(tx, scope, [doc.api.ApiId, dep.DeploymentId], dep);
    return dep;
  }

  /** Every stage with AutoDeploy gets a deployment of the current document. */
  async autoDeploy(tx: Tx, scope: Scope, doc: ApiDoc, now: number): Promise<void> {
    const auto = Object.values(doc.stages).filter((s) => s.AutoDeploy);
    if (auto.length === 0) return;
    const dep = await this.deploy(tx, scope, doc, now, 'Automatic deployment triggered by changes to the Api configuration', true);
    for (const s of auto) {
      s.DeploymentId = dep.DeploymentId;
      s.LastUpdatedDate = now;
      s.LastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${dep.DeploymentId}'`;
    }
  }

  notifyChanged(apiId: string, scope: Scope, exists: boolean): void {
    this.hooks.changed(apiId, scope, exists);
  }
}

/** The routing a deployment freezes. */
export function snapshotOf(doc: ApiDoc): Snapshot {
  return structuredClone({
    api: doc.api,
    routes: Object.values(doc.routes),
    integrations: doc.integrations,
    authorizers: doc.authorizers,
    routeResponses: Object.fromEntries(Object.entries(doc.routeResponses).map(([k, v]) => [k, Object.values(v)])),
  });
}

export function newId(): string {
  return randomId(7);
}

/** The invoke endpoint AWS gives an API. */
export function apiEndpoint(api: ApiFields, scope: Scope): string {
  return `${api.ProtocolType === 'WEBSOCKET' ? 'wss' : 'https'}://${api.ApiId}.execute-api.${scope.region}.amazonaws.com`;
}

/** The API as its operations answer it (tags added by the caller). */
export function apiOut(api: ApiFields, scope: Scope): Record<string, unknown> {
  const out: Record<string, unknown> = { ...api, CreatedDate: new Date(api.CreatedDate), ApiEndpoint: apiEndpoint(api, scope) };
  if (api.DisableExecuteApiEndpoint === undefined) out.DisableExecuteApiEndpoint = false;
  if (api.ProtocolType === 'HTTP') out.ApiKeySelectionExpression ??= '$request.header.x-api-key';
  return out;
}

export function stageOut(s: StageDoc): Record<string, unknown> {
  return { ...s, CreatedDate: new Date(s.CreatedDate), LastUpdatedDate: new Date(s.LastUpdatedDate) };
}

/** A page of an in-document list: MaxResults (a string in this API) and an offset token. */
export function pageItems<T>(items: T[], maxResults: string | undefined, nextToken: string | undefined): { Items: T[]; NextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const n = /^\d+$/.test(nextToken) ? Number(nextToken) : NaN;
    if (!Number.isSafeInteger(n)) throw new BadRequestException('Invalid pagination token specified');
    start = n;
  }
  let size = 100;
  if (maxResults !== undefined) {
    const m = Number(maxResults);
    if (!/^\d+$/.test(maxResults) || m < 1 || m > 500) throw new BadRequestException('MaxResults must be between 1 and 500');
    size = m;
  }
  const page = items.slice(start, start + size);
  return start + size < items.length ? { Items: page, NextToken: String(start + size) } : { Items: page };
}

/** AWS's error for a member one kind of API does not take. */
export function badRequest(message: string): AwsError {
  return new BadRequestException(message);
}

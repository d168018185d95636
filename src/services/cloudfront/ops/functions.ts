/**
 * CloudFront Functions: Create, Describe, Get, Update, Publish, Delete, List and TestFunction. A
 * function has a DEVELOPMENT stage (what Create and Update write) and, once published, a LIVE stage
 * (what distributions run); each stage has its own ETag. Code is limited to 10 KB
 * (FunctionSizeLimitExceeded, 413).
 */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type * as CF from '../../../generated/cloudfront.js';
import { FunctionAlreadyExists, FunctionInUse, InvalidArgument, FunctionSizeLimitExceeded, NoSuchFunctionExists, TestFunctionFailed } from '../../../generated/cloudfront.js';
import { checkIfMatch, newETag, type CloudFrontCore } from '../core.js';
import type { FunctionRuntime } from '../edge/functions-runtime.js';
import { associatedStores, parseKvsArn } from '../kvs.js';
import type { FunctionDoc } from '../store.js';
import { API_ROOT, TAG_SCOPE, maxItems, tagRecord } from './distributions.js';

export const MAX_FUNCTION_BYTES = 10 * 1024;

export function functionArn(account: string, name: string): string {
  return `arn:aws:cloudfront::${account}:function/${name}`;
}

export function parseFunctionArn(text: string): { account: string; name: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'cloudfront' || !arn.resource.startsWith('function/')) return undefined;
  return { account: arn.account, name: arn.resource.slice('function/'.length) };
}

function codeOf(blob: unknown): Buffer {
  return Buffer.isBuffer(blob) ? blob : Buffer.from(String(blob ?? ''), 'base64');
}

const notFound = () => new NoSuchFunctionExists('The function does not exist.');

export class FunctionOps
  implements
    Pick<CF.CloudFrontApi, 'CreateFunction' | 'DescribeFunction' | 'GetFunction' | 'UpdateFunction' | 'PublishFunction' | 'DeleteFunction' | 'ListFunctions' | 'TestFunction'>
{
  constructor(
    private readonly core: CloudFrontCore,
    private readonly runtime: FunctionRuntime,
  ) {}

  private async summary(f: FunctionDoc): Promise<CF.FunctionSummary> {
    let status: string;
    const inUse = () => this.core.store.distributionsMentioning(f.account, functionArn(f.account, f.name) + '"');
    if (f.stage === 'DEVELOPMENT') {
      const live = await this.core.store.fn(f.account, f.name, 'LIVE');
      status = !live || live.code !== f.code ? 'UNPUBLISHED' : (await inUse()) ? 'DEPLOYED' : 'UNASSOCIATED';
    } else {
      status = (await inUse()) ? 'DEPLOYED' : 'UNASSOCIATED';
    }
    return {
      Name: f.name,
      Status: status,
      FunctionConfig: { Comment: f.comment, Runtime: f.runtime as CF.FunctionRuntime, ...(f.keyValueStoreAssociations ? { KeyValueStoreAssociations: f.keyValueStoreAssociations } : {}) },
      FunctionMetadata: { FunctionARN: functionArn(f.account, f.name), Stage: f.stage, CreatedTime: new Date(f.created), LastModifiedTime: new Date(f.lastModified) },
    };
  }

  private async get(account: string, name: string, stage: string | undefined): Promise<FunctionDoc> {
    const f = await this.core.store.fn(account, name, stage ?? 'DEVELOPMENT');
    if (!f) throw notFound();
    return f;
  }

  private checkSize(code: Buffer): void {
    if (code.length > MAX_FUNCTION_BYTES) throw new FunctionSizeLimitExceeded('The function is too large.');
  }

  /** KeyValueStore associations: one store (AWS's quota), of this account, with the 2.0 runtime. */
  private async checkAssociations(account: string, config: CF.FunctionConfig): Promise<void> {
    const items = config.KeyValueStoreAssociations?.Items ?? [];
    if (items.length === 0) return;
    if (items.length > 1) throw new InvalidArgument('A function can be associated with only one KeyValueStore.');
    if (config.Runtime !== 'cloudfront-js-2.0') throw new InvalidArgument('KeyValueStore associations require the cloudfront-js-2.0 runtime.');
    for (const a of items) {
      const p = parseKvsArn(a.KeyValueStoreARN);
      if (!p || p.account !== account || !(await this.core.store.policy(account, 'kvs', p.id))) {
        throw new InvalidArgument(`The KeyValueStore ${a.KeyValueStoreARN} does not exist.`);
      }
    }
  }

  async CreateFunction(ctx: RequestContext, input: CF.CreateFunctionRequest): Promise<CF.CreateFunctionResult> {
    const code = codeOf(input.FunctionCode);
    this.checkSize(code);
    await this.checkAssociations(ctx.accountId, input.FunctionConfig);
    const tags = tagRecord(input.Tags);
    const now = this.core.now();
    const doc: FunctionDoc = {
      name: input.Name,
      account: ctx.accountId,
      stage: 'DEVELOPMENT',
      etag: newETag(),
      comment: input.FunctionConfig.Comment,
      runtime: input.FunctionConfig.Runtime,
      keyValueStoreAssociations: input.FunctionConfig.KeyValueStoreAssociations,
      code: code.toString('base64'),
      created: now,
      lastModified: now,
    };
    await this.core.db.tx(async (tx) => {
      if ((await this.core.store.fn(ctx.accountId, input.Name, 'DEVELOPMENT', tx)) || (await this.core.store.fn(ctx.accountId, input.Name, 'LIVE', tx))) {
        throw new FunctionAlreadyExists('A function with the same name already exists in this account.');
      }
      await this.core.store.putFn(tx, doc);
      if (Object.keys(tags).length) await this.core.tags.tag(tx, TAG_SCOPE(ctx.accountId), functionArn(ctx.accountId, input.Name), tags);
    });
    return { FunctionSummary: await this.summary(doc), ETag: doc.etag, Location: `${API_ROOT}/function/${functionArn(ctx.accountId, input.Name)}` };
  }

  async DescribeFunction(ctx: RequestContext, input: CF.DescribeFunctionRequest): Promise<CF.DescribeFunctionResult> {
    const f = await this.get(ctx.accountId, input.Name, input.Stage);
    return { FunctionSummary: await this.summary(f), ETag: f.etag };
  }

  async GetFunction(ctx: RequestContext, input: CF.GetFunctionRequest): Promise<CF.GetFunctionResult> {
    const f = await this.get(ctx.accountId, input.Name, input.Stage);
    return { FunctionCode: Buffer.from(f.code, 'base64'), ContentType: 'application/octet-stream', ETag: f.etag };
  }

  async UpdateFunction(ctx: RequestContext, input: CF.UpdateFunctionRequest): Promise<CF.UpdateFunctionResult> {
    const code = codeOf(input.FunctionCode);
    this.checkSize(code);
    await this.checkAssociations(ctx.accountId, input.FunctionConfig);
    const next = await this.core.db.tx(async (tx) => {
      const f = await this.core.store.fn(ctx.accountId, input.Name, 'DEVELOPMENT', tx);
      if (!f) throw notFound();
      checkIfMatch(input.IfMatch, f.etag);
      const updated: FunctionDoc = {
        ...f,
        etag: newETag(),
        comment: input.FunctionConfig.Comment,
        runtime: input.FunctionConfig.Runtime,
        keyValueStoreAssociations: input.FunctionConfig.KeyValueStoreAssociations,
        code: code.toString('base64'),
        lastModified: this.core.now(),
      };
      await this.core.store.putFn(tx, updated);
      return updated;
    });
    return { FunctionSummary: await this.summary(next), ETag: next.etag };
  }

  async PublishFunction(ctx: RequestContext, input: CF.PublishFunctionRequest): Promise<CF.PublishFunctionResult> {
    const live = await this.core.db.tx(async (tx) => {
      const f = await this.core.store.fn(ctx.accountId, input.Name, 'DEVELOPMENT', tx);
      if (!f) throw notFound();
      checkIfMatch(input.IfMatch, f.etag);
      const before = await this.core.store.fn(ctx.accountId, input.Name, 'LIVE', tx);
      const doc: FunctionDoc = { ...f, stage: 'LIVE', etag: newETag(), created: before?.created ?? f.created, lastModified: this.core.now() };
      await this.core.store.putFn(tx, doc);
      return doc;
    });
    this.core.onFunctionChange(ctx.accountId, input.Name);
    return { FunctionSummary: await this.summary(live) };
  }

  async DeleteFunction(ctx: RequestContext, input: CF.DeleteFunctionRequest): Promise<void> {
    const dev = await this.core.store.fn(ctx.accountId, input.Name, 'DEVELOPMENT');
    const live = await this.core.store.fn(ctx.accountId, input.Name, 'LIVE');
    if (!dev && !live) throw notFound();
    if (input.IfMatch !== dev?.etag && input.IfMatch !== live?.etag) checkIfMatch(input.IfMatch, (dev ?? live)!.etag);
    if (await this.core.store.distributionsMentioning(ctx.accountId, functionArn(ctx.accountId, input.Name) + '"')) {
      throw new FunctionInUse('Cannot delete function, it’s in use by a distribution.');
    }
    await this.core.db.tx(async (tx) => {
      await this.core.store.deleteFn(tx, ctx.accountId, input.Name);
      await this.core.tags.forget(tx, TAG_SCOPE(ctx.accountId), functionArn(ctx.accountId, input.Name));
    });
    this.core.onFunctionChange(ctx.accountId, input.Name);
  }

  async ListFunctions(ctx: RequestContext, input: CF.ListFunctionsRequest): Promise<CF.ListFunctionsResult> {
    const max = maxItems(input.MaxItems);
    const rows = await this.core.store.listFns(ctx.accountId, input.Stage, input.Marker ?? '', max + 1);
    const page = rows.slice(0, max);
    const items: CF.FunctionSummary[] = [];
    for (const f of page) items.push(await this.summary(f));
    return {
      FunctionList: {
        MaxItems: max,
        Quantity: items.length,
        ...(items.length ? { Items: items } : {}),
        ...(rows.length > max ? { NextMarker: page[page.length - 1]!.name } : {}),
      },
    };
  }

  async TestFunction(ctx: RequestContext, input: CF.TestFunctionRequest): Promise<CF.TestFunctionResult> {
    const f = await this.get(ctx.accountId, input.Name, input.Stage);
    checkIfMatch(input.IfMatch, f.etag);
    let event: unknown;
    try {
      event = JSON.parse(codeOf(input.EventObject).toString('utf8'));
    } catch {
      throw new TestFunctionFailed('The CloudFront function failed to test. The event object is not valid JSON.');
    }
    const run = await this.runtime.run(Buffer.from(f.code, 'base64').toString('utf8'), event, { account: f.account, stores: associatedStores(f.account, f.keyValueStoreAssociations) });
    return {
      TestResult: {
        FunctionSummary: await this.summary(f),
        ComputeUtilization: String(Math.min(100, Math.max(0, Math.round(run.elapsedMs * 100)))),
        FunctionExecutionLogs: run.logs,
        FunctionErrorMessage: run.error ?? '',
        FunctionOutput: run.output !== undefined ? JSON.stringify(run.output) : '',
      },
    };
  }
}

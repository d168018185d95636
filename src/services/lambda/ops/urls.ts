/**
 * Function URLs: one per function ($LATEST, no qualifier) and one per alias, each with its own
 * stable 32-character id. Errors and messages as AWS answers them (recorded against AWS in
 * LocalStack's validated snapshots): a version number or `$LATEST` is no qualifier of a URL.
 * The data plane that serves the URLs is urls/dataplane.ts.
 */
import type { RequestContext } from '../../../core/context.js';
import { randomId } from '../../../core/ids.js';
import { validationError } from '../../../aws/validate.js';
import {
  ResourceConflictException,
  ResourceNotFoundException,
  type CreateFunctionUrlConfigRequest,
  type CreateFunctionUrlConfigResponse,
  type DeleteFunctionUrlConfigRequest,
  type FunctionUrlConfig,
  type GetFunctionUrlConfigRequest,
  type GetFunctionUrlConfigResponse,
  type LambdaApi,
  type ListFunctionUrlConfigsRequest,
  type ListFunctionUrlConfigsResponse,
  type UpdateFunctionUrlConfigRequest,
  type UpdateFunctionUrlConfigResponse,
} from '../../../generated/lambda.js';
import type { Queryable } from '../../../storage/db.js';
import { decodeMarker, encodeMarker, fnArnBase, type LambdaCore, type Scope } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import { functionUrl, urlRow, urlTimestamp, type UrlDoc, type UrlRow } from '../urls/store.js';

const NO_FUNCTION = 'Function does not exist';
const NO_RESOURCE = 'The resource you requested does not exist.';
const QUALIFIER_PATTERN = '((?!^\\d+$)^[0-9a-zA-Z-_]+$)';

type UrlOperations = 'CreateFunctionUrlConfig' | 'GetFunctionUrlConfig' | 'UpdateFunctionUrlConfig' | 'DeleteFunctionUrlConfig' | 'ListFunctionUrlConfigs';

export class UrlOps implements Pick<LambdaApi, UrlOperations> {
  constructor(private readonly core: LambdaCore) {}

  async CreateFunctionUrlConfig(ctx: RequestContext, input: CreateFunctionUrlConfigRequest): Promise<CreateFunctionUrlConfigResponse> {
    const { name, qualifier } = this.target(ctx, input.FunctionName, input.Qualifier);
    const now = urlTimestamp(ctx.clock.now());
    const doc: UrlDoc = { AuthType: input.AuthType, Cors: input.Cors, InvokeMode: input.InvokeMode, CreationTime: now, LastModifiedTime: now };
    const urlId = randomId(32);
    await this.core.db.tx(async (tx) => {
      if (!(await functionExists(tx, ctx, name))) throw new ResourceNotFoundException(NO_FUNCTION, USER_FAULT);
      if (await urlRow(tx, ctx, name, qualifier)) {
        throw new ResourceConflictException(
          `Failed to create function url config for [functionArn = ${urlFunctionArn(ctx, name, qualifier)}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
          USER_FAULT,
        );
      }
      if (qualifier !== undefined && !(await this.core.aliasDoc(ctx, name, qualifier, tx))) throw new ResourceNotFoundException(NO_FUNCTION, USER_FAULT);
      await tx.run('INSERT INTO lambda_urls (account, region, name, qualifier, url_id, config) VALUES (?, ?, ?, ?, ?, ?)', [
        ctx.accountId,
        ctx.region,
        name,
        qualifier ?? '',
        urlId,
        JSON.stringify(doc),
      ]);
    });
    return {
      FunctionUrl: functionUrl(this.core.platform.endpoint(), urlId, ctx.region),
      FunctionArn: urlFunctionArn(ctx, name, qualifier),
      AuthType: doc.AuthType,
      Cors: doc.Cors,
      CreationTime: doc.CreationTime,
      InvokeMode: doc.InvokeMode,
    };
  }

  async GetFunctionUrlConfig(ctx: RequestContext, input: GetFunctionUrlConfigRequest): Promise<GetFunctionUrlConfigResponse> {
    const { name, qualifier } = this.target(ctx, input.FunctionName, input.Qualifier);
    const row = await urlRow(this.core.db, ctx, name, qualifier);
    if (!row) throw new ResourceNotFoundException(NO_RESOURCE, USER_FAULT);
    return this.shown(ctx, row);
  }

  async UpdateFunctionUrlConfig(ctx: RequestContext, input: UpdateFunctionUrlConfigRequest): Promise<UpdateFunctionUrlConfigResponse> {
    const { name, qualifier } = this.target(ctx, input.FunctionName, input.Qualifier);
    const row = await this.core.db.tx(async (tx) => {
      if (!(await functionExists(tx, ctx, name))) throw new ResourceNotFoundException(NO_FUNCTION, USER_FAULT);
      if (qualifier !== undefined && !(await this.core.aliasDoc(ctx, name, qualifier, tx))) throw new ResourceNotFoundException(NO_FUNCTION, USER_FAULT);
      const row = await urlRow(tx, ctx, name, qualifier);
      if (!row) throw new ResourceNotFoundException(NO_RESOURCE, USER_FAULT);
      const doc = JSON.parse(row.config) as UrlDoc;
      if (input.AuthType !== undefined) doc.AuthType = input.AuthType;
      if (input.Cors !== undefined) doc.Cors = input.Cors;
      if (input.InvokeMode !== undefined) doc.InvokeMode = input.InvokeMode;
      doc.LastModifiedTime = urlTimestamp(ctx.clock.now());
      row.config = JSON.stringify(doc);
      await tx.run('UPDATE lambda_urls SET config = ? WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [row.config, ctx.accountId, ctx.region, name, qualifier ?? '']);
      return row;
    });
    const doc = JSON.parse(row.config) as UrlDoc;
    return { ...this.shown(ctx, row), InvokeMode: doc.InvokeMode };
  }

  async DeleteFunctionUrlConfig(ctx: RequestContext, input: DeleteFunctionUrlConfigRequest): Promise<void> {
    const { name, qualifier } = this.target(ctx, input.FunctionName, input.Qualifier);
    await this.core.db.tx(async (tx) => {
      if (!(await urlRow(tx, ctx, name, qualifier))) throw new ResourceNotFoundException(NO_RESOURCE, USER_FAULT);
      await tx.run('DELETE FROM lambda_urls WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [ctx.accountId, ctx.region, name, qualifier ?? '']);
    });
  }

  /** The function's URL first, then its aliases' in name order; the marker is the last qualifier listed. */
  async ListFunctionUrlConfigs(ctx: RequestContext, input: ListFunctionUrlConfigsRequest): Promise<ListFunctionUrlConfigsResponse> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    if (!(await functionExists(this.core.db, ctx, name))) throw new ResourceNotFoundException(NO_FUNCTION, USER_FAULT);
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    let after: string | undefined;
    if (input.Marker !== undefined) after = decodeMarker(input.Marker).slice(1);
    const rows = await this.core.db.all<UrlRow>(
      `SELECT * FROM lambda_urls WHERE account = ? AND region = ? AND name = ?${after === undefined ? '' : ' AND qualifier > ?'} ORDER BY qualifier LIMIT ?`,
      after === undefined ? [ctx.accountId, ctx.region, name, limit + 1] : [ctx.accountId, ctx.region, name, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      FunctionUrlConfigs: page.map((r) => this.shown(ctx, r)),
      // A leading character keeps the function's own URL (qualifier '') a non-empty marker.
      NextMarker: rows.length > limit ? encodeMarker(`q${page[page.length - 1]!.qualifier}`) : undefined,
    };
  }

  /** Name and qualifier; a qualifier (given or in the ARN) must be an alias name. */
  private target(ctx: RequestContext, functionName: string, qualifierParam: string | undefined): { name: string; qualifier: string | undefined } {
    const { name, qualifier } = this.core.parseName(ctx, functionName, qualifierParam);
    if (qualifier !== undefined && !new RegExp(QUALIFIER_PATTERN).test(qualifier)) {
      throw validationError([`Value '${qualifier}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ${QUALIFIER_PATTERN}`], 'ValidationException');
    }
    return { name, qualifier };
  }

  /** A stored URL as GetFunctionUrlConfig and ListFunctionUrlConfigs show it. */
  private shown(scope: Scope, row: UrlRow): FunctionUrlConfig {
    const doc = JSON.parse(row.config) as UrlDoc;
    return {
      FunctionUrl: functionUrl(this.core.platform.endpoint(), row.url_id, scope.region),
      FunctionArn: urlFunctionArn(scope, row.name, row.qualifier || undefined),
      AuthType: doc.AuthType,
      Cors: doc.Cors,
      CreationTime: doc.CreationTime,
      LastModifiedTime: doc.LastModifiedTime,
      InvokeMode: doc.InvokeMode ?? 'BUFFERED',
    };
  }
}

async function functionExists(q: Queryable, scope: Scope, name: string): Promise<boolean> {
  return !!(await q.get('SELECT 1 AS found FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]));
}

/** The function's ARN, qualified by the alias for an alias's URL. */
export function urlFunctionArn(scope: Scope, name: string, qualifier: string | undefined): string {
  return `${fnArnBase(scope)}${name}${qualifier === undefined ? '' : `:${qualifier}`}`;
}

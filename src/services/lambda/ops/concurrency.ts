/** Reserved concurrency of functions, and the account's limits and usage. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  type Concurrency,
  type DeleteFunctionConcurrencyRequest,
  type GetAccountSettingsResponse,
  type GetFunctionConcurrencyRequest,
  type GetFunctionConcurrencyResponse,
  type LambdaApi,
  type PutFunctionConcurrencyRequest,
} from '../../../generated/lambda.js';
import type { LambdaCore } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { MAX_TOTAL_CODE_BYTES, MAX_UNZIPPED_BYTES, MAX_ZIPPED_BYTES } from '../limits.js';
import type { FnConfig } from '../store.js';

type ConcurrencyOperations = 'PutFunctionConcurrency' | 'GetFunctionConcurrency' | 'DeleteFunctionConcurrency' | 'GetAccountSettings';

export class ConcurrencyOps implements Pick<LambdaApi, ConcurrencyOperations> {
  constructor(private readonly core: LambdaCore) {}

  async PutFunctionConcurrency(ctx: RequestContext, input: PutFunctionConcurrencyRequest): Promise<Concurrency> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      const s = await tx.get<{ s: number | null }>('SELECT SUM(reserved) AS s FROM lambda_functions WHERE account = ? AND region = ? AND name <> ?', [ctx.accountId, ctx.region, name]);
      const others = Number(s?.s ?? 0);
      if (this.core.accountLimit() - others - input.ReservedConcurrentExecutions < this.core.minUnreserved()) {
        throw new InvalidParameterValueException(
          `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${this.core.minUnreserved()}].`,
          USER_FAULT,
        );
      }
      await tx.run('UPDATE lambda_functions SET reserved = ? WHERE account = ? AND region = ? AND name = ?', [input.ReservedConcurrentExecutions, ctx.accountId, ctx.region, name]);
    });
    this.core.forgetReservedSum(ctx);
    return { ReservedConcurrentExecutions: input.ReservedConcurrentExecutions };
  }

  async GetFunctionConcurrency(ctx: RequestContext, input: GetFunctionConcurrencyRequest): Promise<GetFunctionConcurrencyResponse> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const row = await this.core.fnRow(ctx, name);
    return row.reserved === null ? {} : { ReservedConcurrentExecutions: row.reserved };
  }

  async DeleteFunctionConcurrency(ctx: RequestContext, input: DeleteFunctionConcurrencyRequest): Promise<void> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    await this.core.fnRow(ctx, name);
    await this.core.db.run('UPDATE lambda_functions SET reserved = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    this.core.forgetReservedSum(ctx);
  }

  async GetAccountSettings(ctx: RequestContext): Promise<GetAccountSettingsResponse> {
    const limit = this.core.accountLimit();
    const reserved = await this.core.reservedSum(ctx);
    const rows = await this.core.db.all<{ config: string }>('SELECT config FROM lambda_functions WHERE account = ? AND region = ?', [ctx.accountId, ctx.region]);
    let total = 0;
    for (const r of rows) total += (JSON.parse(r.config) as FnConfig).CodeSize;
    return {
      AccountLimit: {
        TotalCodeSize: MAX_TOTAL_CODE_BYTES,
        CodeSizeUnzipped: MAX_UNZIPPED_BYTES,
        CodeSizeZipped: MAX_ZIPPED_BYTES,
        ConcurrentExecutions: limit,
        UnreservedConcurrentExecutions: limit - reserved,
      },
      AccountUsage: { TotalCodeSize: total, FunctionCount: rows.length },
    };
  }
}

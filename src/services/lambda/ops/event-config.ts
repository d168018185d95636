/** Event invoke configuration: retries and maximum age of asynchronous invocations (see invoke/async-queue.ts). */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceNotFoundException,
  type DeleteFunctionEventInvokeConfigRequest,
  type FunctionEventInvokeConfig,
  type GetFunctionEventInvokeConfigRequest,
  type LambdaApi,
  type PutFunctionEventInvokeConfigRequest,
} from '../../../generated/lambda.js';
import { fnArnBase, type LambdaCore } from '../core.js';
import { USER_FAULT } from '../errors.js';

/** The event invoke configuration as stored in the function's row (LastModified as ISO text). */
export interface EventConfigDoc {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  LastModified: string;
}

type EventConfigOperations = 'PutFunctionEventInvokeConfig' | 'GetFunctionEventInvokeConfig' | 'DeleteFunctionEventInvokeConfig';

export class EventConfigOps implements Pick<LambdaApi, EventConfigOperations> {
  constructor(private readonly core: LambdaCore) {}

  async PutFunctionEventInvokeConfig(ctx: RequestContext, input: PutFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    if (qualifier !== undefined) throw new InvalidParameterValueException('Stratus supports event invoke configuration on the unqualified function only.', USER_FAULT);
    if (input.DestinationConfig !== undefined) throw new InvalidParameterValueException('Stratus does not support asynchronous invocation destinations yet.', USER_FAULT);
    const doc = { MaximumRetryAttempts: input.MaximumRetryAttempts, MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds, LastModified: new Date(ctx.clock.now()) };
    await this.core.fnRow(ctx, name);
    await this.core.db.run('UPDATE lambda_functions SET event_config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(doc), ctx.accountId, ctx.region, name]);
    return { ...doc, FunctionArn: `${fnArnBase(ctx)}${name}`, DestinationConfig: { OnSuccess: {}, OnFailure: {} } };
  }

  async GetFunctionEventInvokeConfig(ctx: RequestContext, input: GetFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig> {
    const { name } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const row = await this.core.fnRow(ctx, name);
    if (!row.event_config) throw new ResourceNotFoundException(`The function ${fnArnBase(ctx)}${name} doesn't have an EventInvokeConfig`, USER_FAULT);
    const doc = JSON.parse(row.event_config) as EventConfigDoc;
    return { ...doc, LastModified: new Date(doc.LastModified), FunctionArn: `${fnArnBase(ctx)}${name}`, DestinationConfig: { OnSuccess: {}, OnFailure: {} } };
  }

  async DeleteFunctionEventInvokeConfig(ctx: RequestContext, input: DeleteFunctionEventInvokeConfigRequest): Promise<void> {
    const { name } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const row = await this.core.fnRow(ctx, name);
    if (!row.event_config) throw new ResourceNotFoundException(`The function ${fnArnBase(ctx)}${name} doesn't have an EventInvokeConfig`, USER_FAULT);
    await this.core.db.run('UPDATE lambda_functions SET event_config = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
  }
}

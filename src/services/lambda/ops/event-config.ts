/**
 * Event invoke configuration: retries, maximum age and destinations of asynchronous invocations
 * (see invoke/async-queue.ts), on the unqualified function.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceNotFoundException,
  type DeleteFunctionEventInvokeConfigRequest,
  type DestinationConfig,
  type FunctionEventInvokeConfig,
  type GetFunctionEventInvokeConfigRequest,
  type LambdaApi,
  type PutFunctionEventInvokeConfigRequest,
  type UpdateFunctionEventInvokeConfigRequest,
} from '../../../generated/lambda.js';
import { fnArnBase, type LambdaCore } from '../core.js';
import { destinationService } from '../destinations.js';
import { USER_FAULT } from '../errors.js';

/** The event invoke configuration as stored in the function's row (LastModified as ISO text). */
export interface EventConfigDoc {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfig;
  LastModified: string;
}

type EventConfigOperations = 'PutFunctionEventInvokeConfig' | 'UpdateFunctionEventInvokeConfig' | 'GetFunctionEventInvokeConfig' | 'DeleteFunctionEventInvokeConfig';

export class EventConfigOps implements Pick<LambdaApi, EventConfigOperations> {
  constructor(private readonly core: LambdaCore) {}

  async PutFunctionEventInvokeConfig(ctx: RequestContext, input: PutFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig> {
    const name = this.unqualified(ctx, input.FunctionName, input.Qualifier);
    await this.core.fnRow(ctx, name);
    await this.checkDestinations(ctx, name, input.DestinationConfig);
    const doc: EventConfigDoc = { MaximumRetryAttempts: input.MaximumRetryAttempts, MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds, DestinationConfig: input.DestinationConfig, LastModified: new Date(ctx.clock.now()).toISOString() };
    await this.save(ctx, name, doc);
    return this.shown(ctx, name, doc);
  }

  /** Changes the settings given and keeps the others (Put replaces them all). */
  async UpdateFunctionEventInvokeConfig(ctx: RequestContext, input: UpdateFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig> {
    const name = this.unqualified(ctx, input.FunctionName, input.Qualifier);
    const before = await this.current(ctx, name);
    await this.checkDestinations(ctx, name, input.DestinationConfig);
    const doc: EventConfigDoc = {
      MaximumRetryAttempts: input.MaximumRetryAttempts ?? before.MaximumRetryAttempts,
      MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds ?? before.MaximumEventAgeInSeconds,
      DestinationConfig: input.DestinationConfig ?? before.DestinationConfig,
      LastModified: new Date(ctx.clock.now()).toISOString(),
    };
    await this.save(ctx, name, doc);
    return this.shown(ctx, name, doc);
  }

  async GetFunctionEventInvokeConfig(ctx: RequestContext, input: GetFunctionEventInvokeConfigRequest): Promise<FunctionEventInvokeConfig> {
    const { name } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    return this.shown(ctx, name, await this.current(ctx, name));
  }

  async DeleteFunctionEventInvokeConfig(ctx: RequestContext, input: DeleteFunctionEventInvokeConfigRequest): Promise<void> {
    const { name } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.current(ctx, name);
    await this.core.db.run('UPDATE lambda_functions SET event_config = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
  }

  private unqualified(ctx: RequestContext, functionName: string, qualifier: string | undefined): string {
    const parsed = this.core.parseName(ctx, functionName, qualifier);
    if (parsed.qualifier !== undefined) throw new InvalidParameterValueException('Stratus supports event invoke configuration on the unqualified function only.', USER_FAULT);
    return parsed.name;
  }

  private async current(ctx: RequestContext, name: string): Promise<EventConfigDoc> {
    const row = await this.core.fnRow(ctx, name);
    if (!row.event_config) throw new ResourceNotFoundException(`The function ${fnArnBase(ctx)}${name} doesn't have an EventInvokeConfig`, USER_FAULT);
    return JSON.parse(row.event_config) as EventConfigDoc;
  }

  private async save(ctx: RequestContext, name: string, doc: EventConfigDoc): Promise<void> {
    await this.core.db.run('UPDATE lambda_functions SET event_config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(doc), ctx.accountId, ctx.region, name]);
  }

  private shown(ctx: RequestContext, name: string, doc: EventConfigDoc): FunctionEventInvokeConfig {
    const d = doc.DestinationConfig;
    return {
      ...(doc.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: doc.MaximumRetryAttempts } : {}),
      ...(doc.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: doc.MaximumEventAgeInSeconds } : {}),
      LastModified: new Date(doc.LastModified),
      FunctionArn: `${fnArnBase(ctx)}${name}`,
      DestinationConfig: {
        OnSuccess: d?.OnSuccess?.Destination ? { Destination: d.OnSuccess.Destination } : {},
        OnFailure: d?.OnFailure?.Destination ? { Destination: d.OnFailure.Destination } : {},
      },
    };
  }

  /**
   * Destinations must be SQS queues, SNS topics, Lambda functions (existing, not the function itself)
   * or EventBridge buses; AWS's messages.
   */
  private async checkDestinations(ctx: RequestContext, name: string, config: DestinationConfig | undefined): Promise<void> {
    const success = config?.OnSuccess?.Destination || undefined;
    const failure = config?.OnFailure?.Destination || undefined;
    let valid = true;
    for (const arn of [failure, success]) {
      if (arn === undefined) continue;
      const service = destinationService(arn);
      if (service === 'lambda') {
        const target = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::[a-zA-Z0-9-_$]+)?$/.exec(arn);
        if (!target) valid = false;
        else {
          if (target[3] === name && target[1] === ctx.region && target[2] === ctx.accountId) throw new InvalidParameterValueException("You can't specify the function as a destination for itself.", USER_FAULT);
          try {
            await this.core.fnRow({ accountId: target[2]!, region: target[1]! }, target[3]!);
          } catch {
            throw new InvalidParameterValueException(`The destination ARN ${arn} is invalid.`, USER_FAULT);
          }
        }
      } else if (!service) valid = false;
    }
    if (!valid) {
      const s = success ? `OnSuccess(destination=${success})` : 'null';
      const f = failure ? `OnFailure(destination=${failure})` : 'null';
      throw new InvalidParameterValueException(`The provided destination config DestinationConfig(onSuccess=${s}, onFailure=${f}) is invalid.`, USER_FAULT);
    }
  }
}

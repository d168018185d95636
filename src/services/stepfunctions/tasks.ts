/** Task integrations: Lambda, DynamoDB, Step Functions, activities and task-token callbacks. */
import { randomBytes } from 'node:crypto';
import type { Platform } from '../service.js';
import { internalContext } from '../../core/context.js';
import { isAwsError } from '../../aws/errors.js';
import { StatesError } from './asl/errors.js';
import { classify, type ExecutionInfo, type TaskCall, type TaskRunner } from './asl/engine.js';

interface Waiter {
  token: string;
  resolve(v: unknown): void;
  reject(e: StatesError): void;
  heartbeat(): void;
  executionArn: string;
}

export interface ActivityTask {
  token: string;
  input: string;
  started(workerName: string | undefined): void;
}

/** Pending callbacks and activity queues (in memory; a resumed execution re-schedules its task). */
export class TaskRegistry {
  readonly waiters = new Map<string, Waiter>();
  readonly activityQueues = new Map<string, ActivityTask[]>();
  readonly pollers = new Map<string, ((t: ActivityTask) => void)[]>();

  newToken(): string {
    return randomBytes(96).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 120) + randomBytes(8).toString('hex');
  }

  wait(token: string, executionArn: string, heartbeat: () => void, signal: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        token,
        executionArn,
        heartbeat,
        resolve: (v) => {
          this.waiters.delete(token);
          resolve(v);
        },
        reject: (e) => {
          this.waiters.delete(token);
          reject(e);
        },
      };
      this.waiters.set(token, w);
      signal.addEventListener('abort', () => this.waiters.delete(token), { once: true });
    });
  }

  enqueueActivity(activityArn: string, task: ActivityTask, signal: AbortSignal): void {
    const pollers = this.pollers.get(activityArn);
    if (pollers && pollers.length) {
      pollers.shift()!(task);
      return;
    }
    const q = this.activityQueues.get(activityArn) ?? [];
    q.push(task);
    this.activityQueues.set(activityArn, q);
    signal.addEventListener(
      'abort',
      () => {
        const list = this.activityQueues.get(activityArn);
        if (list) this.activityQueues.set(activityArn, list.filter((t) => t !== task));
      },
      { once: true },
    );
  }
}

const jsonClone = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Date ? x.getTime() / 1000 : Buffer.isBuffer(x) ? x.toString('base64') : x)));

export function makeTaskRunner(
  platform: Platform,
  registry: TaskRegistry,
  startChild: (info: ExecutionInfo, params: Record<string, any>, mode: 'fire' | 'sync' | 'sync2') => Promise<unknown>,
): TaskRunner {
  return {
    newToken: () => registry.newToken(),
    async run(call: TaskCall): Promise<unknown> {
      const kind = classify(call.resource);
      const info = call.execution;
      const ctxFor = (service: string, operation: string) =>
        internalContext(platform.clock, { accountId: info.accountId, region: info.region, service, operation });
      if (kind.type === 'activity') {
        const activityArn = call.resource;
        const p = registry.wait(call.taskToken!, info.executionArn, () => call.onHeartbeat(), call.signal);
        registry.enqueueActivity(
          activityArn,
          { token: call.taskToken!, input: JSON.stringify(call.parameters ?? null), started: (w) => call.onStarted(w) },
          call.signal,
        );
        return p;
      }
      const waitToken = call.resource.endsWith('.waitForTaskToken');
      const invoke = async (): Promise<unknown> => {
        if (kind.type === 'lambda') return invokeLambda(platform, ctxFor('lambda', 'Invoke'), call.resource, undefined, call.parameters, 'plain');
        const action = kind.action.replace(/\.waitForTaskToken$/, '');
        if (kind.service === 'lambda' && action === 'invoke') {
          const p = (call.parameters ?? {}) as Record<string, any>;
          if (typeof p.FunctionName !== 'string')
            throw new StatesError('States.Runtime', `The field "FunctionName" is required for the resource ${call.resource}`);
          return invokeLambda(platform, ctxFor('lambda', 'Invoke'), p.FunctionName, p.Qualifier, p.Payload, waitToken ? 'event' : 'integration', p.InvocationType);
        }
        if (kind.service === 'dynamodb') {
          const ops: Record<string, string> = { getItem: 'GetItem', putItem: 'PutItem', updateItem: 'UpdateItem', deleteItem: 'DeleteItem' };
          const op = ops[action];
          const ddb = platform.services.get('dynamodb')?.provider as Record<string, any> | undefined;
          if (!op) throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
          if (!ddb || typeof ddb[op] !== 'function') throw new StatesError('States.Runtime', `DynamoDB is not available in this Stratus`);
          try {
            return jsonClone(await ddb[op](ctxFor('dynamodb', op), call.parameters));
          } catch (e) {
            if (isAwsError(e)) throw new StatesError(`DynamoDB.${e.code}`, `${e.message} (Service: DynamoDb, Status Code: ${e.status}, Error Code: ${e.code})`);
            throw e;
          }
        }
        if (kind.service === 'states' && action.startsWith('startExecution')) {
          const mode = action === 'startExecution.sync' ? 'sync' : action === 'startExecution.sync:2' ? 'sync2' : 'fire';
          return startChild(info, (call.parameters ?? {}) as Record<string, any>, mode);
        }
        throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
      };
      if (waitToken) {
        const p = registry.wait(call.taskToken!, info.executionArn, () => call.onHeartbeat(), call.signal);
        p.catch(() => undefined);
        const out = await invoke();
        call.onSubmitted(out);
        return p;
      }
      return invoke();
    },
  };
}

async function invokeLambda(
  platform: Platform,
  ctx: ReturnType<typeof internalContext>,
  functionName: string,
  qualifier: string | undefined,
  payload: unknown,
  style: 'plain' | 'integration' | 'event',
  invocationType?: string,
): Promise<unknown> {
  const lambda = platform.services.get('lambda')?.provider as Record<string, any> | undefined;
  if (!lambda || typeof lambda.Invoke !== 'function') throw new StatesError('Lambda.ServiceException', 'Lambda is not available in this Stratus');
  let out: { StatusCode?: number; FunctionError?: string; Payload?: Buffer | Uint8Array; ExecutedVersion?: string };
  try {
    out = await lambda.Invoke(ctx, {
      FunctionName: functionName,
      Payload: Buffer.from(JSON.stringify(payload === undefined ? {} : payload)),
      InvocationType: style === 'event' || invocationType === 'Event' ? 'Event' : 'RequestResponse',
      Qualifier: qualifier,
    });
  } catch (e) {
    if (isAwsError(e))
      throw new StatesError(`Lambda.${e.code}`, `${e.message} (Service: Lambda, Status Code: ${e.status}, Error Code: ${e.code}, Request ID: ${ctx.requestId})`);
    throw e;
  }
  const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (out.FunctionError) {
    const p = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
    const error = typeof p.errorType === 'string' ? p.errorType : out.FunctionError === 'Unhandled' ? 'Lambda.Unknown' : 'Exception';
    throw new StatesError(error, text);
  }
  if (style === 'plain') return parsed;
  return {
    ExecutedVersion: out.ExecutedVersion ?? '$LATEST',
    Payload: parsed,
    SdkHttpMetadata: { HttpHeaders: {}, HttpStatusCode: out.StatusCode ?? 200 },
    SdkResponseMetadata: { RequestId: ctx.requestId },
    StatusCode: out.StatusCode ?? 200,
  };
}

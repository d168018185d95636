/**
 * Invocations: Invoke and InvokeAsync, and how one invocation runs (concurrency, the environment
 * spec of the function version, the environment pool). Event invocations go to the async queue.
 *
 * Other services invoke functions in-process through `provider.Invoke(ctx, { FunctionName,
 * InvocationType, LogType, Qualifier, Payload: Buffer, ClientContext })`, which answers
 * `{ StatusCode, FunctionError, LogResult, Payload: Buffer, ExecutedVersion }` as the API does.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  InvalidRequestContentException,
  RequestTooLargeException,
  TooManyRequestsException,
  type InvocationRequest,
  type InvocationResponse,
  type InvokeAsyncRequest,
  type InvokeAsyncResponse,
  type LambdaApi,
} from '../../../generated/lambda.js';
import type { EnvironmentSpec } from '../../../runtime/environment.js';
import type { Identity } from '../../../runtime/sandbox.js';
import type { PoolResult } from '../../../runtime/pool.js';
import { codeHex } from '../code-store.js';
import { functionKey, type LambdaCore, type Scope, type Target } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { MAX_ASYNC_PAYLOAD, MAX_CLIENT_CONTEXT, MAX_SYNC_PAYLOAD } from '../limits.js';
import type { AsyncQueue } from './async-queue.js';

/** Runs one invocation of a resolved target in an execution environment, within the concurrency limits. */
export class InvocationRunner {
  /** The spec key each hot-reload function version last ran with, by its key without the directory's generation. */
  private readonly hotKeys = new Map<string, string>();

  constructor(private readonly core: LambdaCore) {}

  /** Takes a concurrency slot; or answers why there is none (the TooManyRequestsException Reason). */
  async acquire(scope: Scope, target: Target): Promise<string | undefined> {
    const reserved = target.row.reserved;
    const unreservedLimit = this.core.accountLimit() - (reserved === null ? await this.core.reservedSum(scope) : 0);
    return this.core.concurrency.tryAcquire(`${scope.accountId}:${scope.region}`, functionKey(scope, target.row.name), reserved, unreservedLimit);
  }

  release(scope: Scope, target: Target): void {
    this.core.concurrency.release(`${scope.accountId}:${scope.region}`, functionKey(scope, target.row.name), target.row.reserved);
  }

  async run(scope: Scope, target: Target, payload: Buffer, requestId: string, clientContext?: string): Promise<PoolResult> {
    const spec =
      target.config._hotReload !== undefined ? await this.hotSpec(scope, target, target.config._hotReload) : (this.core.cachedSpec(this.specKey(scope, target)) ?? (await this.environmentSpec(scope, target)));
    return this.core.pool.run(spec, {
      requestId,
      payload: payload.length ? payload : Buffer.from('{}'),
      invokedFunctionArn: target.invokedArn,
      clientContext,
      traceId: `Root=1-${Math.floor(this.core.clock.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Parent=${randomUUID().replace(/-/g, '').slice(0, 16)};Sampled=0;Lineage=1:${randomUUID().slice(0, 8)}:0`,
    });
  }

  private specKey(scope: Scope, target: Target): string {
    return `${functionKey(scope, target.row.name)}:${target.version}:${target.config.RevisionId}`;
  }

  /**
   * The spec of a hot-reload function version for its directory's content now: the directory's
   * generation is part of the key, so a change gives new environments, and the environments of
   * the content before are retired (idle ones stop, busy ones finish what they run).
   */
  private async hotSpec(scope: Scope, target: Target, source: string): Promise<EnvironmentSpec> {
    const base = this.specKey(scope, target);
    const code = await this.core.files.hotCodeDir(scope, target.row.name, source);
    const key = `${base}:hot${code.generation}`;
    const cached = this.core.cachedSpec(key);
    if (cached) return cached;
    const previous = this.hotKeys.get(base);
    if (previous !== undefined && previous !== key) this.core.pool.retire((k) => k === previous);
    if (this.hotKeys.size >= 10_000) this.hotKeys.clear();
    this.hotKeys.set(base, key);
    return this.environmentSpec(scope, target, key, code);
  }

  /** What an environment of this function version runs with (cached like the function rows). */
  private async environmentSpec(scope: Scope, target: Target, key = this.specKey(scope, target), code?: { dir: string; identity: Identity | undefined }): Promise<EnvironmentSpec> {
    const c = target.config;
    const generation = this.core.generation;
    const { dir, identity } = code ?? (await this.core.files.codeDir(scope, target.row.name, codeHex(c)));
    const spec: EnvironmentSpec = {
      key,
      runtime: c.Runtime ?? 'provided.al2023',
      handler: c.Handler ?? '',
      taskRoot: dir,
      functionName: target.row.name,
      functionVersion: target.version,
      memoryMb: c.MemorySize,
      timeoutSec: c.Timeout,
      ephemeralMb: c.EphemeralStorage.Size,
      region: scope.region,
      accountId: scope.accountId,
      logGroupName: c.LoggingConfig.LogGroup,
      variables: c.Environment?.Variables ?? {},
      credentials: this.credentialsFor(scope.accountId),
      endpoint: this.core.platform.endpoint(),
      identity,
    };
    this.core.cacheSpec(spec, generation);
    return spec;
  }

  /**
   * Credentials for the function's account: a configured key of that account, else (open auth) the
   * account id itself as access key, which the server maps back to that account.
   */
  private credentialsFor(accountId: string): EnvironmentSpec['credentials'] {
    const config = this.core.platform.config;
    const c = config.credentials.find((x) => x.accountId === accountId);
    if (c) return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: '' };
    if (config.auth === 'open') return { accessKeyId: accountId, secretAccessKey: 'test', sessionToken: '' };
    const first = config.credentials[0];
    return { accessKeyId: first?.accessKeyId ?? 'test', secretAccessKey: first?.secretAccessKey ?? 'test', sessionToken: '' };
  }
}

export class InvokeOps implements Pick<LambdaApi, 'Invoke' | 'InvokeAsync'> {
  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
    private readonly queue: AsyncQueue,
  ) {}

  async Invoke(ctx: RequestContext, input: InvocationRequest): Promise<InvocationResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const type = input.InvocationType ?? 'RequestResponse';
    const payload = input.Payload ?? Buffer.alloc(0);
    const limit = type === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw new RequestTooLargeException(`Request must be smaller than ${limit} bytes for the ${type === 'Event' ? 'InvokeAsync' : 'InvokeFunction'} operation`, USER_FAULT);
    }
    if (payload.length > 0) {
      try {
        JSON.parse(payload.toString('utf8'));
      } catch (e) {
        throw new InvalidRequestContentException(`Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`, USER_FAULT);
      }
    }
    let clientContext: string | undefined;
    if (input.ClientContext !== undefined) {
      if (input.ClientContext.length > MAX_CLIENT_CONTEXT) throw new InvalidParameterValueException(`Client context must be smaller than ${MAX_CLIENT_CONTEXT} bytes`, USER_FAULT);
      clientContext = Buffer.from(input.ClientContext, 'base64').toString('utf8');
      try {
        JSON.parse(clientContext);
      } catch {
        throw new InvalidParameterValueException('Client context must be a valid Base64-encoded JSON object.', USER_FAULT);
      }
    }
    const target = await this.core.resolve(ctx, name, qualifier, true);
    if (type === 'DryRun') return { StatusCode: 204 };
    if (type === 'Event') {
      await this.queue.enqueue(ctx, name, qualifier, payload);
      return { StatusCode: 202, Payload: Buffer.alloc(0) };
    }
    const reason = await this.runner.acquire(ctx, target);
    if (reason) throw new TooManyRequestsException('Rate Exceeded.', { ...USER_FAULT, Reason: reason });
    let result: PoolResult;
    try {
      result = await this.runner.run(ctx, target, payload, ctx.requestId, clientContext);
    } finally {
      this.runner.release(ctx, target);
    }
    const out: InvocationResponse = { StatusCode: 200, Payload: result.payload, ExecutedVersion: target.version };
    if (result.outcome !== 'success') out.FunctionError = 'Unhandled';
    if (input.LogType === 'Tail') {
      const text = Buffer.from(result.logs.map((e) => (e.message.endsWith('\n') ? e.message : `${e.message}\n`)).join(''), 'utf8');
      out.LogResult = text.subarray(Math.max(0, text.length - 4096)).toString('base64');
    }
    return out;
  }

  /** The deprecated InvokeAsync: an Event invocation answered with Status 202. */
  async InvokeAsync(ctx: RequestContext, input: InvokeAsyncRequest): Promise<InvokeAsyncResponse> {
    const out = await this.Invoke(ctx, { FunctionName: input.FunctionName, InvocationType: 'Event', Payload: input.InvokeArgs });
    return { Status: out.StatusCode };
  }
}

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
import type { StsApi } from '../../../generated/sts.js';
import { serviceClient } from '../../clients.js';
import {
  InvalidParameterValueException,
  InvalidRequestContentException,
  RequestTooLargeException,
  SnapStartTimeoutException,
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
import type { ResponseStreamSink } from '../../../runtime/streamed-response.js';
import { codeHex } from '../code-store.js';
import { functionKey, type LambdaCore, type Scope, type Target } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { MAX_ASYNC_PAYLOAD, MAX_CLIENT_CONTEXT, MAX_SYNC_PAYLOAD } from '../limits.js';
import { checkInvocable } from '../snapstart.js';
import type { FnConfig } from '../store.js';
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

  /**
   * A synchronous invocation as Invoke makes it (function URLs too): a concurrency slot, else
   * TooManyRequestsException with its Reason; the run; the slot given back.
   */
  async invokeSync(scope: Scope, target: Target, payload: Buffer, requestId: string, options: { clientContext?: string; stream?: ResponseStreamSink } = {}): Promise<PoolResult> {
    const reason = await this.acquire(scope, target);
    if (reason) throw new TooManyRequestsException('Rate Exceeded.', { ...USER_FAULT, Reason: reason });
    try {
      return await this.run(scope, target, payload, requestId, options.clientContext, options.stream);
    } finally {
      this.release(scope, target);
    }
  }

  async run(scope: Scope, target: Target, payload: Buffer, requestId: string, clientContext?: string, stream?: ResponseStreamSink): Promise<PoolResult> {
    const c = target.config;
    const name = target.row.name;
    const spec = c._hotReload !== undefined ? await this.hotSpec(scope, name, c, c._hotReload) : (this.core.cachedSpec(this.specKey(scope, name, c.Version, c)) ?? (await this.specFor(scope, name, c)));
    return this.core.pool.run(spec, {
      requestId,
      payload: payload.length ? payload : Buffer.from('{}'),
      invokedFunctionArn: target.invokedArn,
      clientContext,
      stream,
      traceId: `Root=1-${Math.floor(this.core.clock.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Parent=${randomUUID().replace(/-/g, '').slice(0, 16)};Sampled=0;Lineage=1:${randomUUID().slice(0, 8)}:0`,
    });
  }

  private specKey(scope: Scope, name: string, version: string, config: FnConfig): string {
    return `${functionKey(scope, name)}:${version}:${config.RevisionId}`;
  }

  /**
   * The spec of a hot-reload function version for its directory's content now: the directory's
   * generation is part of the key, so a change gives new environments, and the environments of
   * the content before are retired (idle ones stop, busy ones finish what they run).
   */
  private async hotSpec(scope: Scope, name: string, c: FnConfig, source: string): Promise<EnvironmentSpec> {
    const base = this.specKey(scope, name, c.Version, c);
    const code = await this.core.files.hotCodeDir(scope, name, source);
    const key = `${base}:hot${code.generation}`;
    const cached = this.core.cachedSpec(key);
    if (cached) return cached;
    const previous = this.hotKeys.get(base);
    if (previous !== undefined && previous !== key) this.core.pool.retire((k) => k === previous);
    if (this.hotKeys.size >= 10_000) this.hotKeys.clear();
    this.hotKeys.set(base, key);
    return this.specFor(scope, name, c, key, code);
  }

  /** What an environment of this function version ($LATEST or a version's configuration) runs with (cached like the function rows). */
  async specFor(scope: Scope, name: string, c: FnConfig, key = this.specKey(scope, name, c.Version, c), code?: { dir: string; identity: Identity | undefined }): Promise<EnvironmentSpec> {
    const version = c.Version;
    const generation = this.core.generation;
    const { dir, identity } = code ?? (c._hotReload !== undefined ? await this.core.files.hotCodeDir(scope, name, c._hotReload) : await this.core.files.codeDir(scope, name, codeHex(c)));
    const runtime = await this.core.runtimes.choose(c.Runtime ?? 'provided.al2023');
    const spec: EnvironmentSpec = {
      key,
      runtime: c.Runtime ?? 'provided.al2023',
      handler: c.Handler ?? '',
      taskRoot: dir,
      functionName: name,
      functionVersion: version,
      memoryMb: c.MemorySize,
      timeoutSec: c.Timeout,
      ephemeralMb: c.EphemeralStorage.Size,
      region: scope.region,
      accountId: scope.accountId,
      logGroupName: c.LoggingConfig.LogGroup,
      variables: c.Environment?.Variables ?? {},
      credentials: await this.credentialsFor(scope, name, c.Role),
      endpoint: this.core.platform.endpoint(),
      identity,
      executable: runtime.executable,
      runtimeVersion: runtime.version,
      optDir: await this.core.files.optDir(scope, name, c._layerCode),
      snapStart: version !== '$LATEST' && c.SnapStart?.OptimizationStatus === 'On',
      runtimeVersionArn: c.RuntimeVersionConfig?.RuntimeVersionArn,
    };
    this.core.cacheSpec(spec, generation);
    return spec;
  }

  /**
   * Credentials for the function: with `--iam enforce` or `report`, a session of its execution role
   * (assumed by lambda.amazonaws.com through STS, so the role's trust policy must name Lambda); else a
   * configured key of its account, else (open auth) the account id itself as access key, which the
   * server maps back to that account.
   */
  private async credentialsFor(scope: Scope, name: string, role: string | undefined): Promise<EnvironmentSpec['credentials']> {
    const config = this.core.platform.config;
    if (config.iam !== 'off' && role) {
      const lambda = { type: 'service' as const, accountId: scope.accountId, arn: 'lambda.amazonaws.com', userId: 'lambda.amazonaws.com' };
      const sts = serviceClient<StsApi>(this.core.platform, 'sts', { ...scope, principal: lambda });
      const session = await sts?.AssumeRole({ RoleArn: role, RoleSessionName: name.slice(0, 64), DurationSeconds: 43200 }).catch(() => undefined);
      const c = session?.Credentials;
      if (c) return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
      if (config.iam === 'enforce') throw new InvalidParameterValueException('The role defined for the function cannot be assumed by Lambda.', USER_FAULT);
      // `--iam report` allows everything: the function runs with the account's credentials, and the log says why.
      this.core.platform.log({ level: 'warn', iam: 'report', wouldDeny: `The role defined for the function cannot be assumed by Lambda: ${role} (function ${name})` });
    }
    const c = config.credentials.find((x) => x.accountId === scope.accountId);
    if (c) return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: '' };
    if (config.auth === 'open') return { accessKeyId: scope.accountId, secretAccessKey: 'test', sessionToken: '' };
    const first = config.credentials[0];
    return { accessKeyId: first?.accessKeyId ?? 'test', secretAccessKey: first?.secretAccessKey ?? 'test', sessionToken: '' };
  }
}

/**
 * Checks an invocation's payload (size, JSON) and ClientContext (size, base64 JSON) as Invoke does;
 * answers the client context decoded.
 */
export function checkInvocation(payload: Buffer, clientContextBase64: string | undefined, limit: number, operation: string): string | undefined {
  if (payload.length > limit) throw new RequestTooLargeException(`Request must be smaller than ${limit} bytes for the ${operation} operation`, USER_FAULT);
  if (payload.length > 0) {
    try {
      JSON.parse(payload.toString('utf8'));
    } catch (e) {
      throw new InvalidRequestContentException(`Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`, USER_FAULT);
    }
  }
  if (clientContextBase64 === undefined) return undefined;
  if (clientContextBase64.length > MAX_CLIENT_CONTEXT) throw new InvalidParameterValueException(`Client context must be smaller than ${MAX_CLIENT_CONTEXT} bytes`, USER_FAULT);
  const clientContext = Buffer.from(clientContextBase64, 'base64').toString('utf8');
  try {
    JSON.parse(clientContext);
  } catch {
    throw new InvalidParameterValueException('Client context must be a valid Base64-encoded JSON object.', USER_FAULT);
  }
  return clientContext;
}

/** The last 4 KB of an invocation's log, base64 (LogType Tail). */
export function logTail(result: PoolResult): string {
  const text = Buffer.from(result.logs.map((e) => (e.message.endsWith('\n') ? e.message : `${e.message}\n`)).join(''), 'utf8');
  return text.subarray(Math.max(0, text.length - 4096)).toString('base64');
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
    const clientContext = checkInvocation(payload, input.ClientContext, type === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD, type === 'Event' ? 'InvokeAsync' : 'InvokeFunction');
    const target = await this.core.resolve(ctx, name, qualifier, true);
    checkInvocable(target.config);
    if (type === 'DryRun') return { StatusCode: 204 };
    if (type === 'Event') {
      await this.queue.enqueue(ctx, name, qualifier, payload);
      return { StatusCode: 202, Payload: Buffer.alloc(0) };
    }
    const result = await this.runner.invokeSync(ctx, target, payload, ctx.requestId, { clientContext });
    if (result.outcome === 'init-error' && result.errorType === 'SnapStartTimeoutException') {
      throw new SnapStartTimeoutException("Lambda couldn't restore the snapshot within the timeout limit.", USER_FAULT);
    }
    const out: InvocationResponse = { StatusCode: 200, Payload: result.payload, ExecutedVersion: target.version };
    if (result.outcome !== 'success') out.FunctionError = 'Unhandled';
    if (input.LogType === 'Tail') out.LogResult = logTail(result);
    return out;
  }

  /** The deprecated InvokeAsync: an Event invocation answered with Status 202. */
  async InvokeAsync(ctx: RequestContext, input: InvokeAsyncRequest): Promise<InvokeAsyncResponse> {
    const out = await this.Invoke(ctx, { FunctionName: input.FunctionName, InvocationType: 'Event', Payload: input.InvokeArgs });
    return { Status: out.StatusCode };
  }
}

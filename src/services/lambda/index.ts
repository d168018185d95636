/**
 * AWS Lambda (restJson1, 2015-03-31): the control plane in SQL, invocations in execution
 * environments (child processes talking to the Lambda Runtime API; see src/runtime/).
 *
 * Other services invoke functions in-process through `provider.Invoke(ctx, { FunctionName,
 * InvocationType, LogType, Qualifier, Payload: Buffer, ClientContext })`, which answers
 * `{ StatusCode, FunctionError, LogResult, Payload: Buffer, ExecutedVersion }` as the API does.
 */
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AwsError } from '../../aws/errors.js';
import { validationError } from '../../aws/validate.js';
import { internalContext, type RequestContext } from '../../core/context.js';
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { Db, Queryable } from '../../storage/db.js';
import { cleanScratch, type EnvironmentSpec, type LogEvent, type RuntimePaths } from '../../runtime/environment.js';
import { EnvironmentPool, type PoolResult } from '../../runtime/pool.js';
import { PYTHON_BOOTSTRAP } from '../../runtime/bootstraps/python-bootstrap.js';
import { chownTree, createSandboxDir, functionDir, probeIsolation, uidCandidate, UID_MAX, UID_MIN, type Identity } from '../../runtime/sandbox.js';
import { LOGS_MIGRATIONS, logWriterFor, type LogWriter } from '../logs/store.js';
import type { DataPlaneRoute, Platform, ServiceDefinition, ServiceProvider } from '../service.js';
import { inspectZip, loadCode, storeCode, unpack, type CodeInfo } from './code.js';
import { LAMBDA_MIGRATIONS, type AliasDoc, type FnConfig, type FnRow } from './store.js';

// ---- limits (AWS defaults) ----
const MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
const MAX_ASYNC_PAYLOAD = 1024 * 1024;
const MAX_ENV_BYTES = 4096;
const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
const MIN_UNRESERVED = 100;
const DEFAULT_IDLE_SECONDS = 300;
/** Warm environments kept at most (Stratus runs on one machine: memory must stay bounded). */
const DEFAULT_MAX_IDLE = 32;
const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000];
const MAX_EVENT_AGE_MS = 6 * 3600_000;

const SUPPORTED_RUNTIMES = [
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'python3.14',
  'provided',
  'provided.al2',
  'provided.al2023',
];
const DEPRECATED_RUNTIMES = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'nodejs4.3-edge',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet6',
  'ruby2.5',
  'ruby2.7',
  'go1.x',
  'java8',
]);

const user = { Type: 'User' };
const invalidParam = (message: string): AwsError => new AwsError('InvalidParameterValueException', message, 400, { fields: user });
const notFound = (message: string): AwsError => new AwsError('ResourceNotFoundException', message, 404, { fields: user });
const conflict = (message: string): AwsError => new AwsError('ResourceConflictException', message, 409, { fields: user });
const preconditionFailed = (): AwsError =>
  new AwsError('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id', 412, { fields: user });

function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function fnArnBase(ctx: { region: string; accountId: string }): string {
  return `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:`;
}

interface Target {
  row: FnRow;
  config: FnConfig;
  version: string;
  /** The ARN the caller invoked (qualified when a qualifier was given). */
  invokedArn: string;
  alias?: string;
}

interface InvokeInput {
  FunctionName: string;
  InvocationType?: 'Event' | 'RequestResponse' | 'DryRun';
  LogType?: 'None' | 'Tail';
  ClientContext?: string;
  Payload?: Buffer | Uint8Array | string;
  Qualifier?: string;
}

interface InvokeOutput {
  StatusCode: number;
  FunctionError?: string;
  LogResult?: string;
  Payload?: Buffer;
  ExecutedVersion?: string;
}

/** In-flight invocation counts, for reserved and account concurrency. */
class Concurrency {
  private readonly byFunction = new Map<string, number>();
  private readonly unreserved = new Map<string, number>();

  tryAcquire(scope: string, fnKey: string, reserved: number | null, unreservedLimit: number): string | undefined {
    const current = this.byFunction.get(fnKey) ?? 0;
    if (reserved !== null) {
      if (current >= reserved) return 'ReservedFunctionConcurrentInvocationLimitExceeded';
    } else {
      const pool = this.unreserved.get(scope) ?? 0;
      if (pool >= unreservedLimit) return 'ConcurrentInvocationLimitExceeded';
      this.unreserved.set(scope, pool + 1);
    }
    this.byFunction.set(fnKey, current + 1);
    return undefined;
  }

  release(scope: string, fnKey: string, reserved: number | null): void {
    const current = (this.byFunction.get(fnKey) ?? 1) - 1;
    if (current <= 0) this.byFunction.delete(fnKey);
    else this.byFunction.set(fnKey, current);
    if (reserved === null) this.unreserved.set(scope, Math.max(0, (this.unreserved.get(scope) ?? 1) - 1));
  }
}

export class LambdaProvider implements ServiceProvider {
  [operation: string]: unknown;
  private readonly db: Platform['db'];
  private readonly clock: Platform['clock'];
  private readonly concurrency = new Concurrency();
  private readonly unpacked = new Set<string>();
  /** Function uid by `account:region:name` (isolation modes uid/namespace). */
  private readonly uids = new Map<string, number>();
  /** Code directory and identity by `account:region:name:sha` (the warm path skips the checks). */
  private readonly codeDirs = new Map<string, { dir: string; identity: Identity | undefined }>();
  private readonly reservedSums = new Map<string, number>();
  private readonly asyncTimers = new Map<string, { cancel(): void }>();
  private closed = false;

  constructor(
    private readonly platform: Platform,
    private readonly root: string,
    private readonly ephemeralRoot: boolean,
    readonly pool: EnvironmentPool,
    private readonly writer: LogWriter,
    private readonly paths: RuntimePaths & { ownSandbox: boolean },
  ) {
    this.db = notifyingWrites(platform.db, this.wrote);
    this.clock = platform.clock;
  }

  private settings(): Record<string, unknown> {
    return this.platform.config.services.lambda ?? {};
  }
  private accountLimit(): number {
    const v = Number(this.settings().concurrency);
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_ACCOUNT_CONCURRENCY;
  }
  private minUnreserved(): number {
    return Math.min(MIN_UNRESERVED, Math.floor(this.accountLimit() / 10));
  }

  // ---------------------------------------------------------------- names and lookups

  /** Splits FunctionName (name, partial ARN or ARN, maybe with a qualifier) and Qualifier. */
  private parseName(ctx: RequestContext, functionName: string, qualifier?: string): { name: string; qualifier: string | undefined } {
    const m = /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::([a-zA-Z0-9-_$.]+))?$/.exec(functionName);
    if (!m) throw invalidParam(`1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern`);
    const [, region, account, name, fromArn] = m;
    if (region && region !== ctx.region) throw invalidParam(`Functions from '${region}' are not reachable in this region ('${ctx.region}')`);
    if (account && account !== ctx.accountId) {
      throw new AwsError('AccessDeniedException', `User is not authorized to access function ${functionName}`, 403, { fields: user });
    }
    if (fromArn !== undefined && qualifier !== undefined && fromArn !== qualifier) {
      throw invalidParam('The derived qualifier from the function name does not match the specified qualifier.');
    }
    return { name: name!, qualifier: qualifier ?? fromArn };
  }

  /**
   * Function rows read outside a transaction (the invoke path reads one per invocation), and the
   * environment specs built from them, cached until this service next writes anything; a read
   * that overlapped a write is not cached.
   */
  private readonly fnRows = new Map<string, FnRow>();
  private fnRowsGeneration = 0;
  private readonly specs = new Map<string, EnvironmentSpec>();
  private readonly wrote = (): void => {
    this.fnRowsGeneration++;
    this.fnRows.clear();
    this.specs.clear();
  };

  private async fnRow(ctx: RequestContext, name: string, q: Queryable = this.db): Promise<FnRow> {
    const cacheable = q === this.db;
    const key = `${ctx.accountId}:${ctx.region}:${name}`;
    const hit = cacheable ? this.fnRows.get(key) : undefined;
    if (hit) return hit;
    const generation = this.fnRowsGeneration;
    const row = await q.get<FnRow>('SELECT * FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    if (!row) throw notFound(`Function not found: ${fnArnBase(ctx)}${name}`);
    if (cacheable && generation === this.fnRowsGeneration) {
      if (this.fnRows.size >= 1000) this.fnRows.clear();
      this.fnRows.set(key, Object.freeze(row));
    }
    return row;
  }

  private async versionConfig(ctx: RequestContext, name: string, version: string, q: Queryable = this.db): Promise<FnConfig | undefined> {
    if (!/^\d+$/.test(version)) return undefined;
    const row = await q.get<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [
      ctx.accountId,
      ctx.region,
      name,
      Number(version),
    ]);
    return row ? this.parsed(row.config) : undefined;
  }

  /** Parsed configurations by their stored text (read-only; the invoke path reads them often). */
  private readonly parsedConfigs = new Map<string, FnConfig>();
  private parsed(text: string): FnConfig {
    let config = this.parsedConfigs.get(text);
    if (!config) {
      config = JSON.parse(text) as FnConfig;
      if (this.parsedConfigs.size >= 1000) this.parsedConfigs.clear();
      this.parsedConfigs.set(text, config);
    }
    return config;
  }

  private async aliasDoc(ctx: RequestContext, name: string, alias: string, q: Queryable = this.db): Promise<AliasDoc | undefined> {
    const row = await q.get<{ config: string }>('SELECT config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? AND alias = ?', [ctx.accountId, ctx.region, name, alias]);
    return row ? (JSON.parse(row.config) as AliasDoc) : undefined;
  }

  /** The configuration a (name, qualifier) designates: $LATEST, a version, or an alias. */
  private async resolve(ctx: RequestContext, name: string, qualifier: string | undefined, routing = false): Promise<Target> {
    const row = await this.fnRow(ctx, name);
    const base = `${fnArnBase(ctx)}${name}`;
    if (qualifier === undefined || qualifier === '$LATEST') {
      return { row, config: this.parsed(row.config), version: '$LATEST', invokedArn: qualifier ? `${base}:$LATEST` : base };
    }
    const missing = (): AwsError => notFound(`Function not found: ${base}:${qualifier}`);
    if (/^\d+$/.test(qualifier)) {
      const config = await this.versionConfig(ctx, name, qualifier);
      if (!config) throw missing();
      return { row, config, version: qualifier, invokedArn: `${base}:${qualifier}` };
    }
    const alias = await this.aliasDoc(ctx, name, qualifier);
    if (!alias) throw missing();
    let version = alias.FunctionVersion;
    const weights = alias.RoutingConfig?.AdditionalVersionWeights;
    if (routing && weights) {
      let r = Math.random();
      for (const [v, w] of Object.entries(weights)) {
        if (r < w) {
          version = v;
          break;
        }
        r -= w;
      }
    }
    const config = version === '$LATEST' ? this.parsed(row.config) : await this.versionConfig(ctx, name, version);
    if (!config) throw missing();
    return { row, config, version, invokedArn: `${base}:${qualifier}`, alias: qualifier };
  }

  /** The FunctionConfiguration as the API shows it. */
  private present(config: FnConfig): Record<string, unknown> {
    const out: Record<string, unknown> = { ...config };
    delete out._unzipped;
    out.State ??= 'Active';
    out.LastUpdateStatus ??= 'Successful';
    return out;
  }

  // ---------------------------------------------------------------- validation

  private checkLimits(input: { Timeout?: number; MemorySize?: number; Environment?: { Variables?: Record<string, string> }; Runtime?: string; PackageType?: string }): void {
    const issues: string[] = [];
    if (input.Timeout !== undefined && input.Timeout > 900) issues.push(`Value '${input.Timeout}' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900`);
    if (input.MemorySize !== undefined && input.MemorySize > 10240) {
      issues.push(`Value '${input.MemorySize}' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240`);
    }
    if (issues.length) throw validationError(issues, 'ValidationException');
    if (input.PackageType === 'Image') {
      throw invalidParam('Stratus does not support container image functions (PackageType Image); use a .zip deployment package.');
    }
    if (input.Runtime !== undefined) {
      if (DEPRECATED_RUNTIMES.has(input.Runtime)) {
        throw invalidParam(
          `The runtime parameter of ${input.Runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
        );
      }
      if (!SUPPORTED_RUNTIMES.includes(input.Runtime)) {
        throw invalidParam(`Stratus does not support the runtime parameter of ${input.Runtime}. Supported runtimes: ${SUPPORTED_RUNTIMES.join(', ')}.`);
      }
    }
    const vars = input.Environment?.Variables;
    if (vars) {
      const measured = JSON.stringify(vars);
      if (Buffer.byteLength(measured) > MAX_ENV_BYTES) {
        throw invalidParam(
          `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`,
        );
      }
      for (const key of Object.keys(vars)) {
        if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(key)) {
          throw invalidParam(`Lambda was unable to configure your environment variables because the environment variables you have provided contains invalid keys: ${key}`);
        }
        if (RESERVED_ENV.has(key)) {
          throw invalidParam(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${key}`);
        }
      }
    }
  }

  /** Reads the package from ZipFile or S3Bucket/S3Key. */
  private async codeFrom(ctx: RequestContext, code: { ZipFile?: Buffer; S3Bucket?: string; S3Key?: string; S3ObjectVersion?: string; ImageUri?: string }, operation: string): Promise<{ info: CodeInfo; zip: Buffer }> {
    if (code.ImageUri !== undefined) throw invalidParam('Stratus does not support container image functions (ImageUri); use a .zip deployment package.');
    let zip: Buffer | undefined;
    if (code.ZipFile !== undefined) {
      if (code.S3Bucket !== undefined || code.S3Key !== undefined) {
        throw invalidParam('Please provide a source for function code.');
      }
      zip = Buffer.from(code.ZipFile);
    } else if (code.S3Bucket !== undefined && code.S3Key !== undefined) {
      zip = await this.fromS3(ctx, code.S3Bucket, code.S3Key, code.S3ObjectVersion);
    } else {
      throw invalidParam('Please provide a source for function code.');
    }
    return { info: inspectZip(zip, operation), zip };
  }

  private async fromS3(ctx: RequestContext, bucket: string, key: string, version?: string): Promise<Buffer> {
    const s3 = this.platform.services.get('s3')?.provider as Record<string, unknown> | undefined;
    const getObject = s3?.GetObject as ((c: RequestContext, i: unknown) => Promise<{ Body?: unknown }>) | undefined;
    if (!getObject) throw invalidParam('Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist');
    let out: { Body?: unknown };
    try {
      out = await getObject.call(s3, internalContext(this.clock, { accountId: ctx.accountId, region: ctx.region, service: 's3', operation: 'GetObject' }), {
        Bucket: bucket,
        Key: key,
        VersionId: version,
      });
    } catch (e) {
      const err = e as AwsError;
      throw invalidParam(`Error occurred while GetObject. S3 Error Code: ${err.code ?? 'InternalError'}. S3 Error Message: ${err.message}`);
    }
    const body = out.Body;
    if (Buffer.isBuffer(body)) return body;
    if (body instanceof Uint8Array) return Buffer.from(body);
    if (typeof body === 'string') return Buffer.from(body);
    if (body && typeof (body as AsyncIterable<Buffer>)[Symbol.asyncIterator] === 'function') {
      const chunks: Buffer[] = [];
      for await (const c of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
      return Buffer.concat(chunks);
    }
    throw invalidParam('Error occurred while GetObject. S3 Error Code: InternalError. S3 Error Message: empty object body');
  }

  // ---------------------------------------------------------------- control plane

  async CreateFunction(ctx: RequestContext, input: any): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const packageType = input.PackageType ?? 'Zip';
    this.checkLimits({ ...input, PackageType: packageType });
    if (input.Runtime === undefined || input.Handler === undefined) {
      throw invalidParam('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
    }
    const { info, zip } = await this.codeFrom(ctx, input.Code ?? {}, 'CreateFunction');
    const now = ctx.clock.now();
    const config: FnConfig = {
      FunctionName: name,
      FunctionArn: `${fnArnBase(ctx)}${name}`,
      Runtime: input.Runtime,
      Role: input.Role,
      Handler: input.Handler,
      CodeSize: info.size,
      Description: input.Description ?? '',
      Timeout: input.Timeout ?? 3,
      MemorySize: input.MemorySize ?? 128,
      LastModified: lastModified(now),
      CodeSha256: info.sha256,
      Version: '$LATEST',
      Environment: input.Environment?.Variables ? { Variables: { ...input.Environment.Variables } } : undefined,
      TracingConfig: { Mode: input.TracingConfig?.Mode ?? 'PassThrough' },
      RevisionId: randomUUID(),
      PackageType: packageType,
      Architectures: input.Architectures ?? ['x86_64'],
      EphemeralStorage: { Size: input.EphemeralStorage?.Size ?? 512 },
      LoggingConfig: {
        LogFormat: input.LoggingConfig?.LogFormat ?? 'Text',
        LogGroup: input.LoggingConfig?.LogGroup ?? `/aws/lambda/${name}`,
        ...(input.LoggingConfig?.ApplicationLogLevel ? { ApplicationLogLevel: input.LoggingConfig.ApplicationLogLevel } : {}),
        ...(input.LoggingConfig?.SystemLogLevel ? { SystemLogLevel: input.LoggingConfig.SystemLogLevel } : {}),
      },
      SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
      DeadLetterConfig: input.DeadLetterConfig?.TargetArn ? { TargetArn: input.DeadLetterConfig.TargetArn } : undefined,
      KMSKeyArn: input.KMSKeyArn,
      RuntimeVersionConfig: { RuntimeVersionArn: `arn:aws:lambda:${ctx.region}::runtime:${createHash('sha256').update(input.Runtime).digest('hex')}` },
      _unzipped: info.unzipped,
    };
    if (input.Layers?.length) throw invalidParam('Stratus does not support Lambda layers yet; include dependencies in the deployment package.');
    let published: FnConfig | undefined;
    await this.db.tx(async (tx) => {
      const existing = await tx.get('SELECT name FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
      if (existing) throw conflict(`Function already exist: ${name}`);
      await storeCode(tx, ctx.accountId, ctx.region, info, zip);
      await tx.run(
        'INSERT INTO lambda_functions (account, region, name, config, reserved, tags, next_version, created) VALUES (?, ?, ?, ?, NULL, ?, 1, ?)',
        [ctx.accountId, ctx.region, name, JSON.stringify(config), JSON.stringify(input.Tags ?? {}), now],
      );
      if (input.Publish) published = await this.publish(tx, ctx, name, config, undefined);
    });
    // Unpack now, and start a runtime process ahead, so the first invoke does not pay for them.
    await this.codeDir(ctx, name, info.hex, zip);
    this.prepare(config);
    const shown = this.present(published ?? config);
    return { ...shown, State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating', LastUpdateStatus: undefined };
  }

  /**
   * The directory a function's code runs from, unpacked if needed: shared by code hash when not
   * isolated; isolated, the function's own copy in its own 0700 directory, owned by its uid.
   */
  private async codeDir(ctx: { accountId: string; region: string }, name: string, hex: string, zip?: Buffer): Promise<{ dir: string; identity: Identity | undefined }> {
    const cacheKey = `${ctx.accountId}:${ctx.region}:${name}:${hex}`;
    const cached = this.codeDirs.get(cacheKey);
    if (cached && !zip) return cached;
    const identity = this.paths.isolation.mode === 'none' ? undefined : await this.identityFor(ctx, name);
    const dir = identity ? join(functionDir(this.paths.sandboxDir, identity), `task-${hex}`) : join(this.root, 'code', hex);
    const key = identity ? `${identity.uid}:${hex}` : hex;
    if (!this.unpacked.has(key) && !existsSync(dir)) {
      const code = zip ?? (await loadCode(this.db, ctx.accountId, ctx.region, hex));
      if (!code) throw new AwsError('ServiceException', 'The deployment package of the function is missing.', 500, { fields: { Type: 'Service' } });
      unpack(code, dir);
      if (identity) chownTree(dir, identity);
    }
    this.unpacked.add(key);
    const out = { dir, identity };
    if (this.codeDirs.size > 10_000) this.codeDirs.clear();
    this.codeDirs.set(cacheKey, out);
    return out;
  }

  async GetFunction(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    const t = await this.resolve(ctx, name, qualifier);
    const hex = Buffer.from(t.config.CodeSha256, 'base64').toString('hex');
    const out: Record<string, unknown> = {
      Configuration: this.present(t.config),
      Code: { RepositoryType: 'S3', Location: `${this.platform.endpoint()}${CODE_PATH}${ctx.accountId}/${ctx.region}/${hex}.zip` },
      Tags: JSON.parse(t.row.tags) as Record<string, string>,
    };
    if (t.row.reserved !== null) out.Concurrency = { ReservedConcurrentExecutions: t.row.reserved };
    return out;
  }

  async GetFunctionConfiguration(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    return this.present((await this.resolve(ctx, name, qualifier)).config);
  }

  async ListFunctions(ctx: RequestContext, input: { FunctionVersion?: string; Marker?: string; MaxItems?: number; MasterRegion?: string }): Promise<unknown> {
    const limit = input.MaxItems ?? 50;
    const after = input.Marker ? decodeMarker(input.Marker) : '';
    const rows = await this.db.all<FnRow>('SELECT * FROM lambda_functions WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?', [
      ctx.accountId,
      ctx.region,
      after,
      limit + 1,
    ]);
    const page = rows.slice(0, limit);
    const functions: unknown[] = [];
    for (const row of page) {
      functions.push(this.present(JSON.parse(row.config) as FnConfig));
      if (input.FunctionVersion === 'ALL') {
        const versions = await this.db.all<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? ORDER BY version', [
          ctx.accountId,
          ctx.region,
          row.name,
        ]);
        for (const v of versions) functions.push(this.present(JSON.parse(v.config) as FnConfig));
      }
    }
    return { Functions: functions, NextMarker: rows.length > limit ? encodeMarker(page[page.length - 1]!.name) : undefined };
  }

  async UpdateFunctionCode(ctx: RequestContext, input: any): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName);
    if (qualifier !== undefined) throw invalidParam('Unsupported qualifier: UpdateFunctionCode applies to $LATEST.');
    await this.fnRow(ctx, name);
    const { info, zip } = await this.codeFrom(ctx, input, 'UpdateFunctionCode');
    let result: FnConfig | undefined;
    await this.db.tx(async (tx) => {
      const row = await this.fnRow(ctx, name, tx);
      const config = JSON.parse(row.config) as FnConfig;
      if (input.RevisionId !== undefined && input.RevisionId !== config.RevisionId) throw preconditionFailed();
      if (input.DryRun) {
        result = { ...config, CodeSha256: info.sha256, CodeSize: info.size };
        return;
      }
      await storeCode(tx, ctx.accountId, ctx.region, info, zip);
      config.CodeSha256 = info.sha256;
      config.CodeSize = info.size;
      config._unzipped = info.unzipped;
      if (input.Architectures) config.Architectures = input.Architectures;
      config.LastModified = lastModified(ctx.clock.now());
      config.RevisionId = randomUUID();
      await tx.run('UPDATE lambda_functions SET config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(config), ctx.accountId, ctx.region, name]);
      result = input.Publish ? await this.publish(tx, ctx, name, config, undefined) : config;
    });
    if (!input.DryRun) {
      await this.codeDir(ctx, name, info.hex, zip);
      this.retireLatest(ctx, name);
    }
    return { ...this.present(result!), LastUpdateStatus: input.Publish ? 'Successful' : 'InProgress', LastUpdateStatusReason: input.Publish ? undefined : 'The function is being created.', LastUpdateStatusReasonCode: input.Publish ? undefined : 'Creating' };
  }

  async UpdateFunctionConfiguration(ctx: RequestContext, input: any): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName);
    if (qualifier !== undefined) throw invalidParam('Unsupported qualifier: UpdateFunctionConfiguration applies to $LATEST.');
    this.checkLimits(input);
    if (input.Layers?.length) throw invalidParam('Stratus does not support Lambda layers yet; include dependencies in the deployment package.');
    let result: FnConfig | undefined;
    await this.db.tx(async (tx) => {
      const row = await this.fnRow(ctx, name, tx);
      const config = JSON.parse(row.config) as FnConfig;
      if (input.RevisionId !== undefined && input.RevisionId !== config.RevisionId) throw preconditionFailed();
      for (const key of ['Role', 'Handler', 'Description', 'Timeout', 'MemorySize', 'Runtime', 'KMSKeyArn'] as const) {
        if (input[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = input[key];
      }
      if (input.Environment !== undefined) {
        config.Environment = input.Environment.Variables && Object.keys(input.Environment.Variables).length ? { Variables: { ...input.Environment.Variables } } : undefined;
      }
      if (input.EphemeralStorage) config.EphemeralStorage = { Size: input.EphemeralStorage.Size };
      if (input.TracingConfig?.Mode) config.TracingConfig = { Mode: input.TracingConfig.Mode };
      if (input.DeadLetterConfig) config.DeadLetterConfig = input.DeadLetterConfig.TargetArn ? { TargetArn: input.DeadLetterConfig.TargetArn } : undefined;
      if (input.LoggingConfig) config.LoggingConfig = { ...config.LoggingConfig, ...input.LoggingConfig };
      config.LastModified = lastModified(ctx.clock.now());
      config.RevisionId = randomUUID();
      await tx.run('UPDATE lambda_functions SET config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(config), ctx.accountId, ctx.region, name]);
      result = config;
    });
    this.retireLatest(ctx, name);
    this.prepare(result!);
    return { ...this.present(result!), LastUpdateStatus: 'InProgress', LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' };
  }

  private prepare(c: FnConfig): void {
    this.pool.prepare({
      runtime: c.Runtime ?? 'provided.al2023',
      memoryMb: c.MemorySize,
      ephemeralMb: c.EphemeralStorage.Size,
      variables: c.Environment?.Variables ?? {},
      taskRoot: join(this.root, 'code', Buffer.from(c.CodeSha256, 'base64').toString('hex')),
    });
  }

  private retireLatest(ctx: RequestContext, name: string): void {
    const prefix = `${ctx.accountId}:${ctx.region}:${name}:$LATEST:`;
    this.pool.retire((key) => key.startsWith(prefix));
  }

  async DeleteFunction(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<Record<string, never>> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.db.tx(async (tx) => {
      await this.fnRow(ctx, name, tx);
      const args = [ctx.accountId, ctx.region, name];
      if (qualifier !== undefined) {
        if (qualifier === '$LATEST') throw invalidParam('$LATEST version cannot be deleted without deleting the function.');
        if (!/^\d+$/.test(qualifier)) throw invalidParam('Deletion of aliases is not supported.');
        if (!(await this.versionConfig(ctx, name, qualifier, tx))) throw notFound(`Function not found: ${fnArnBase(ctx)}${name}:${qualifier}`);
        const aliases = await tx.all<{ alias: string; config: string }>('SELECT alias, config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ?', args);
        const using = aliases.filter((a) => {
          const doc = JSON.parse(a.config) as AliasDoc;
          return doc.FunctionVersion === qualifier || Object.keys(doc.RoutingConfig?.AdditionalVersionWeights ?? {}).includes(qualifier);
        });
        if (using.length) throw conflict(`Unable to delete version because the following aliases reference it: [${using.map((a) => a.alias).join(', ')}]`);
        await tx.run('DELETE FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [...args, Number(qualifier)]);
        await tx.run('DELETE FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [...args, qualifier]);
        return;
      }
      for (const table of ['lambda_functions', 'lambda_versions', 'lambda_aliases', 'lambda_policies', 'lambda_async']) {
        await tx.run(`DELETE FROM ${table} WHERE account = ? AND region = ? AND name = ?`, args);
      }
    });
    this.reservedSums.delete(`${ctx.accountId}:${ctx.region}`);
    const prefix = qualifier !== undefined ? `${ctx.accountId}:${ctx.region}:${name}:${qualifier}:` : `${ctx.accountId}:${ctx.region}:${name}:`;
    this.pool.retire((key) => key.startsWith(prefix));
    if (qualifier === undefined && this.paths.isolation.mode !== 'none') this.scheduleCodeRemoval(ctx, name);
    return {};
  }

  /**
   * A deleted function's own directory (its code copies) goes once invocations still running on it
   * are over (after the longest timeout), unless a function of that name exists again by then.
   */
  private scheduleCodeRemoval(ctx: { accountId: string; region: string }, name: string): void {
    const key = `${ctx.accountId}:${ctx.region}:${name}`;
    const uid = this.uids.get(key);
    if (uid === undefined) return;
    const id = `rm:${key}:${randomUUID()}`;
    const timer = this.clock.setTimer((900 + 5) * 1000, () => {
      this.asyncTimers.delete(id);
      void (async () => {
        if (this.closed) return;
        const row = await this.db.get('SELECT name FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
        if (row || this.closed) return;
        rmSync(join(this.paths.sandboxDir, String(uid)), { recursive: true, force: true });
        for (const k of [...this.unpacked]) if (k.startsWith(`${uid}:`)) this.unpacked.delete(k);
        for (const k of [...this.codeDirs.keys()]) if (k.startsWith(`${key}:`)) this.codeDirs.delete(k);
      })().catch(() => undefined);
    });
    this.asyncTimers.set(id, timer);
  }

  // ---------------------------------------------------------------- versions and aliases

  /** Publishes $LATEST as a new version, unless it is unchanged since the last one. */
  private async publish(tx: Queryable, ctx: RequestContext, name: string, latest: FnConfig, description: string | undefined): Promise<FnConfig> {
    const row = await this.fnRow(ctx, name, tx);
    const last = await tx.get<{ config: string; version: number }>(
      'SELECT config, version FROM lambda_versions WHERE account = ? AND region = ? AND name = ? ORDER BY version DESC LIMIT 1',
      [ctx.accountId, ctx.region, name],
    );
    if (last) {
      const prev = JSON.parse(last.config) as FnConfig;
      if (publishHash(prev) === publishHash(latest)) return prev;
    }
    const version = String(row.next_version);
    const config: FnConfig = {
      ...latest,
      Version: version,
      FunctionArn: `${fnArnBase(ctx)}${name}:${version}`,
      Description: description ?? latest.Description,
      RevisionId: randomUUID(),
      LastModified: lastModified(ctx.clock.now()),
    };
    await tx.run('INSERT INTO lambda_versions (account, region, name, version, config) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, ctx.region, name, Number(version), JSON.stringify(config)]);
    await tx.run('UPDATE lambda_functions SET next_version = ? WHERE account = ? AND region = ? AND name = ?', [row.next_version + 1, ctx.accountId, ctx.region, name]);
    return config;
  }

  async PublishVersion(ctx: RequestContext, input: { FunctionName: string; CodeSha256?: string; Description?: string; RevisionId?: string }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const config = await this.db.tx(async (tx) => {
      const row = await this.fnRow(ctx, name, tx);
      const latest = JSON.parse(row.config) as FnConfig;
      if (input.RevisionId !== undefined && input.RevisionId !== latest.RevisionId) throw preconditionFailed();
      if (input.CodeSha256 !== undefined && input.CodeSha256 !== latest.CodeSha256) {
        throw invalidParam(`CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.CodeSha256}). Please try again with the current CodeSHA256.`);
      }
      return this.publish(tx, ctx, name, latest, input.Description);
    });
    return this.present(config);
  }

  async ListVersionsByFunction(ctx: RequestContext, input: { FunctionName: string; Marker?: string; MaxItems?: number }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const row = await this.fnRow(ctx, name);
    const versions = await this.db.all<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? ORDER BY version', [ctx.accountId, ctx.region, name]);
    const all = [this.present(JSON.parse(row.config) as FnConfig), ...versions.map((v) => this.present(JSON.parse(v.config) as FnConfig))];
    const start = input.Marker ? Number(decodeMarker(input.Marker)) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalidParam('Invalid marker');
    const limit = input.MaxItems ?? 50;
    const page = all.slice(start, start + limit);
    return { Versions: page, NextMarker: start + limit < all.length ? encodeMarker(String(start + limit)) : undefined };
  }

  private presentAlias(ctx: RequestContext, name: string, alias: string, doc: AliasDoc): unknown {
    return {
      AliasArn: `${fnArnBase(ctx)}${name}:${alias}`,
      Name: alias,
      FunctionVersion: doc.FunctionVersion,
      Description: doc.Description,
      RoutingConfig: doc.RoutingConfig,
      RevisionId: doc.RevisionId,
    };
  }

  private async checkAliasTargets(ctx: RequestContext, tx: Queryable, name: string, version: string, routing: AliasDoc['RoutingConfig']): Promise<void> {
    const exists = async (v: string): Promise<boolean> => v === '$LATEST' || (await this.versionConfig(ctx, name, v, tx)) !== undefined;
    if (!(await exists(version))) throw notFound(`Function not found: ${fnArnBase(ctx)}${name}:${version}`);
    const weights = routing?.AdditionalVersionWeights;
    if (!weights) return;
    const entries = Object.entries(weights);
    if (entries.length > 1) throw invalidParam('Number of items in AdditionalVersionWeights cannot be greater than 1');
    for (const [v, w] of entries) {
      if (!(w >= 0 && w <= 1)) throw invalidParam(`1 validation error detected: Value '${w}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]`);
      if (version === '$LATEST' || v === '$LATEST') throw invalidParam('$LATEST is not supported for an alias pointing to more than 1 version');
      if (v === version) throw invalidParam(`Invalid function version ${v}. Function version ${v} is already included in routing configuration.`);
      if (!(await exists(v))) throw invalidParam(`Function version ${v} does not exist for function ${name}.`);
    }
  }

  async CreateAlias(ctx: RequestContext, input: { FunctionName: string; Name: string; FunctionVersion: string; Description?: string; RoutingConfig?: AliasDoc['RoutingConfig'] }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const doc: AliasDoc = { FunctionVersion: input.FunctionVersion, Description: input.Description ?? '', RoutingConfig: input.RoutingConfig, RevisionId: randomUUID() };
    await this.db.tx(async (tx) => {
      await this.fnRow(ctx, name, tx);
      if (await this.aliasDoc(ctx, name, input.Name, tx)) throw conflict(`Alias already exists: ${fnArnBase(ctx)}${name}:${input.Name}`);
      await this.checkAliasTargets(ctx, tx, name, input.FunctionVersion, input.RoutingConfig);
      await tx.run('INSERT INTO lambda_aliases (account, region, name, alias, config) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, ctx.region, name, input.Name, JSON.stringify(doc)]);
    });
    return this.presentAlias(ctx, name, input.Name, doc);
  }

  async GetAlias(ctx: RequestContext, input: { FunctionName: string; Name: string }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    await this.fnRow(ctx, name);
    const doc = await this.aliasDoc(ctx, name, input.Name);
    if (!doc) throw notFound(`Cannot find alias arn: ${fnArnBase(ctx)}${name}:${input.Name}`);
    return this.presentAlias(ctx, name, input.Name, doc);
  }

  async UpdateAlias(ctx: RequestContext, input: { FunctionName: string; Name: string; FunctionVersion?: string; Description?: string; RoutingConfig?: AliasDoc['RoutingConfig']; RevisionId?: string }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const doc = await this.db.tx(async (tx) => {
      await this.fnRow(ctx, name, tx);
      const doc = await this.aliasDoc(ctx, name, input.Name, tx);
      if (!doc) throw notFound(`Cannot find alias arn: ${fnArnBase(ctx)}${name}:${input.Name}`);
      if (input.RevisionId !== undefined && input.RevisionId !== doc.RevisionId) throw preconditionFailed();
      if (input.FunctionVersion !== undefined) doc.FunctionVersion = input.FunctionVersion;
      if (input.Description !== undefined) doc.Description = input.Description;
      if (input.RoutingConfig !== undefined) {
        doc.RoutingConfig = input.RoutingConfig.AdditionalVersionWeights && Object.keys(input.RoutingConfig.AdditionalVersionWeights).length ? input.RoutingConfig : undefined;
      }
      await this.checkAliasTargets(ctx, tx, name, doc.FunctionVersion, doc.RoutingConfig);
      doc.RevisionId = randomUUID();
      await tx.run('UPDATE lambda_aliases SET config = ? WHERE account = ? AND region = ? AND name = ? AND alias = ?', [JSON.stringify(doc), ctx.accountId, ctx.region, name, input.Name]);
      return doc;
    });
    return this.presentAlias(ctx, name, input.Name, doc);
  }

  async DeleteAlias(ctx: RequestContext, input: { FunctionName: string; Name: string }): Promise<Record<string, never>> {
    const { name } = this.parseName(ctx, input.FunctionName);
    await this.fnRow(ctx, name);
    await this.db.run('DELETE FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? AND alias = ?', [ctx.accountId, ctx.region, name, input.Name]);
    return {};
  }

  async ListAliases(ctx: RequestContext, input: { FunctionName: string; FunctionVersion?: string; Marker?: string; MaxItems?: number }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    await this.fnRow(ctx, name);
    const rows = await this.db.all<{ alias: string; config: string }>('SELECT alias, config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? ORDER BY alias', [
      ctx.accountId,
      ctx.region,
      name,
    ]);
    const all = rows
      .map((r) => ({ alias: r.alias, doc: JSON.parse(r.config) as AliasDoc }))
      .filter((a) => input.FunctionVersion === undefined || a.doc.FunctionVersion === input.FunctionVersion)
      .map((a) => this.presentAlias(ctx, name, a.alias, a.doc));
    const start = input.Marker ? Number(decodeMarker(input.Marker)) : 0;
    const limit = input.MaxItems ?? 50;
    return { Aliases: all.slice(start, start + limit), NextMarker: start + limit < all.length ? encodeMarker(String(start + limit)) : undefined };
  }

  // ---------------------------------------------------------------- concurrency and account

  private async reservedSum(ctx: { accountId: string; region: string }): Promise<number> {
    const key = `${ctx.accountId}:${ctx.region}`;
    let sum = this.reservedSums.get(key);
    if (sum === undefined) {
      const row = await this.db.get<{ s: number | null }>('SELECT SUM(reserved) AS s FROM lambda_functions WHERE account = ? AND region = ?', [ctx.accountId, ctx.region]);
      sum = Number(row?.s ?? 0);
      this.reservedSums.set(key, sum);
    }
    return sum;
  }

  async PutFunctionConcurrency(ctx: RequestContext, input: { FunctionName: string; ReservedConcurrentExecutions: number }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    await this.db.tx(async (tx) => {
      await this.fnRow(ctx, name, tx);
      const s = await tx.get<{ s: number | null }>('SELECT SUM(reserved) AS s FROM lambda_functions WHERE account = ? AND region = ? AND name <> ?', [ctx.accountId, ctx.region, name]);
      const others = Number(s?.s ?? 0);
      if (this.accountLimit() - others - input.ReservedConcurrentExecutions < this.minUnreserved()) {
        throw invalidParam(
          `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${this.minUnreserved()}].`,
        );
      }
      await tx.run('UPDATE lambda_functions SET reserved = ? WHERE account = ? AND region = ? AND name = ?', [input.ReservedConcurrentExecutions, ctx.accountId, ctx.region, name]);
    });
    this.reservedSums.delete(`${ctx.accountId}:${ctx.region}`);
    return { ReservedConcurrentExecutions: input.ReservedConcurrentExecutions };
  }

  async GetFunctionConcurrency(ctx: RequestContext, input: { FunctionName: string }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName);
    const row = await this.fnRow(ctx, name);
    return row.reserved === null ? {} : { ReservedConcurrentExecutions: row.reserved };
  }

  async DeleteFunctionConcurrency(ctx: RequestContext, input: { FunctionName: string }): Promise<Record<string, never>> {
    const { name } = this.parseName(ctx, input.FunctionName);
    await this.fnRow(ctx, name);
    await this.db.run('UPDATE lambda_functions SET reserved = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    this.reservedSums.delete(`${ctx.accountId}:${ctx.region}`);
    return {};
  }

  async GetAccountSettings(ctx: RequestContext): Promise<unknown> {
    const limit = this.accountLimit();
    const reserved = await this.reservedSum(ctx);
    const rows = await this.db.all<{ config: string }>('SELECT config FROM lambda_functions WHERE account = ? AND region = ?', [ctx.accountId, ctx.region]);
    let total = 0;
    for (const r of rows) total += (JSON.parse(r.config) as FnConfig).CodeSize;
    return {
      AccountLimit: {
        TotalCodeSize: 80530636800,
        CodeSizeUnzipped: 262144000,
        CodeSizeZipped: 52428800,
        ConcurrentExecutions: limit,
        UnreservedConcurrentExecutions: limit - reserved,
      },
      AccountUsage: { TotalCodeSize: total, FunctionCount: rows.length },
    };
  }

  // ---------------------------------------------------------------- permissions and tags

  async AddPermission(ctx: RequestContext, input: any): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    const q = qualifier ?? '';
    const statement = await this.db.tx(async (tx) => {
      const t = await this.resolveForPolicy(ctx, tx, name, qualifier);
      const row = await tx.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
        ctx.accountId,
        ctx.region,
        name,
        q,
      ]);
      const policy = row ? (JSON.parse(row.policy) as { Version: string; Id: string; Statement: Record<string, unknown>[] }) : { Version: '2012-10-17', Id: 'default', Statement: [] };
      if (input.RevisionId !== undefined && row && input.RevisionId !== row.revision) throw preconditionFailed();
      if (policy.Statement.some((s) => s.Sid === input.StatementId)) {
        throw conflict('The statement id (sid) provided already exists. Please provide a new statement id, or remove the existing statement.');
      }
      const principal = input.Principal as string;
      const stmt: Record<string, unknown> = {
        Sid: input.StatementId,
        Effect: 'Allow',
        Principal: principal === '*' ? '*' : /^\d{12}$/.test(principal) ? { AWS: `arn:aws:iam::${principal}:root` } : principal.startsWith('arn:') ? { AWS: principal } : { Service: principal },
        Action: input.Action,
        Resource: t,
      };
      const condition: Record<string, Record<string, string>> = {};
      if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
      if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
      if (input.PrincipalOrgID) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'aws:PrincipalOrgID': input.PrincipalOrgID };
      if (input.EventSourceToken) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:EventSourceToken': input.EventSourceToken };
      if (input.FunctionUrlAuthType) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType };
      if (Object.keys(condition).length) stmt.Condition = condition;
      policy.Statement.push(stmt);
      const text = JSON.stringify(policy);
      if (Buffer.byteLength(text) > 20480) throw new AwsError('PolicyLengthExceededException', 'The final policy size (' + Buffer.byteLength(text) + ') is bigger than the limit (20480).', 400, { fields: user });
      await tx.run(
        'INSERT INTO lambda_policies (account, region, name, qualifier, policy, revision) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, name, qualifier) DO UPDATE SET policy = excluded.policy, revision = excluded.revision',
        [ctx.accountId, ctx.region, name, q, text, randomUUID()],
      );
      return stmt;
    });
    return { Statement: JSON.stringify(statement) };
  }

  private async resolveForPolicy(ctx: RequestContext, tx: Queryable, name: string, qualifier: string | undefined): Promise<string> {
    await this.fnRow(ctx, name, tx);
    const base = `${fnArnBase(ctx)}${name}`;
    if (qualifier === undefined) return base;
    if (qualifier === '$LATEST') throw invalidParam('We currently do not support adding policies for $LATEST.');
    const ok = /^\d+$/.test(qualifier) ? await this.versionConfig(ctx, name, qualifier, tx) : await this.aliasDoc(ctx, name, qualifier, tx);
    if (!ok) throw notFound(`Function not found: ${base}:${qualifier}`);
    return `${base}:${qualifier}`;
  }

  async RemovePermission(ctx: RequestContext, input: { FunctionName: string; StatementId: string; Qualifier?: string; RevisionId?: string }): Promise<Record<string, never>> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.db.tx(async (tx) => {
      await this.fnRow(ctx, name, tx);
      const row = await tx.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
        ctx.accountId,
        ctx.region,
        name,
        qualifier ?? '',
      ]);
      if (!row) throw notFound('No policy is associated with the given resource.');
      if (input.RevisionId !== undefined && input.RevisionId !== row.revision) throw preconditionFailed();
      const policy = JSON.parse(row.policy) as { Statement: Record<string, unknown>[] };
      const before = policy.Statement.length;
      policy.Statement = policy.Statement.filter((s) => s.Sid !== input.StatementId);
      if (policy.Statement.length === before) throw notFound('Statement sid is not found in resource policy.');
      const args = [ctx.accountId, ctx.region, name, qualifier ?? ''];
      if (policy.Statement.length === 0) await tx.run('DELETE FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', args);
      else await tx.run('UPDATE lambda_policies SET policy = ?, revision = ? WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [JSON.stringify(policy), randomUUID(), ...args]);
    });
    return {};
  }

  async GetPolicy(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    await this.fnRow(ctx, name);
    const row = await this.db.get<{ policy: string; revision: string }>('SELECT policy, revision FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [
      ctx.accountId,
      ctx.region,
      name,
      qualifier ?? '',
    ]);
    if (!row) throw notFound('The resource you requested does not exist.');
    return { Policy: row.policy, RevisionId: row.revision };
  }

  private async taggedFunction(ctx: RequestContext, resource: string): Promise<string> {
    const m = /^arn:aws[a-zA-Z-]*:lambda:([^:]+):(\d{12}):function:([a-zA-Z0-9-_]+)$/.exec(resource);
    if (!m) throw invalidParam(`Tags are supported on unqualified function ARNs only in Stratus: ${resource}`);
    if (m[1] !== ctx.region || m[2] !== ctx.accountId) throw notFound(`Function not found: ${resource}`);
    return m[3]!;
  }

  async TagResource(ctx: RequestContext, input: { Resource: string; Tags: Record<string, string> }): Promise<Record<string, never>> {
    const name = await this.taggedFunction(ctx, input.Resource);
    await this.db.tx(async (tx) => {
      const row = await this.fnRow(ctx, name, tx);
      const tags = { ...(JSON.parse(row.tags) as Record<string, string>), ...input.Tags };
      if (Object.keys(tags).length > 50) throw invalidParam('Number of tags exceeds resource tag limit.');
      await tx.run('UPDATE lambda_functions SET tags = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(tags), ctx.accountId, ctx.region, name]);
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: { Resource: string; TagKeys: string[] }): Promise<Record<string, never>> {
    const name = await this.taggedFunction(ctx, input.Resource);
    await this.db.tx(async (tx) => {
      const row = await this.fnRow(ctx, name, tx);
      const tags = JSON.parse(row.tags) as Record<string, string>;
      for (const k of input.TagKeys) delete tags[k];
      await tx.run('UPDATE lambda_functions SET tags = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(tags), ctx.accountId, ctx.region, name]);
    });
    return {};
  }

  async ListTags(ctx: RequestContext, input: { Resource: string }): Promise<unknown> {
    const name = await this.taggedFunction(ctx, input.Resource);
    const row = await this.fnRow(ctx, name);
    return { Tags: JSON.parse(row.tags) as Record<string, string> };
  }

  // ---------------------------------------------------------------- event invoke config

  async PutFunctionEventInvokeConfig(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string; MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number; DestinationConfig?: unknown }): Promise<unknown> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    if (qualifier !== undefined) throw invalidParam('Stratus supports event invoke configuration on the unqualified function only.');
    if (input.DestinationConfig !== undefined) throw invalidParam('Stratus does not support asynchronous invocation destinations yet.');
    const doc = { MaximumRetryAttempts: input.MaximumRetryAttempts, MaximumEventAgeInSeconds: input.MaximumEventAgeInSeconds, LastModified: new Date(ctx.clock.now()) };
    await this.fnRow(ctx, name);
    await this.db.run('UPDATE lambda_functions SET event_config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(doc), ctx.accountId, ctx.region, name]);
    return { ...doc, FunctionArn: `${fnArnBase(ctx)}${name}`, DestinationConfig: { OnSuccess: {}, OnFailure: {} } };
  }

  async GetFunctionEventInvokeConfig(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<unknown> {
    const { name } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    const row = await this.fnRow(ctx, name);
    if (!row.event_config) throw notFound(`The function ${fnArnBase(ctx)}${name} doesn't have an EventInvokeConfig`);
    const doc = JSON.parse(row.event_config) as Record<string, unknown>;
    return { ...doc, LastModified: new Date(doc.LastModified as string), FunctionArn: `${fnArnBase(ctx)}${name}`, DestinationConfig: { OnSuccess: {}, OnFailure: {} } };
  }

  async DeleteFunctionEventInvokeConfig(ctx: RequestContext, input: { FunctionName: string; Qualifier?: string }): Promise<Record<string, never>> {
    const { name } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    const row = await this.fnRow(ctx, name);
    if (!row.event_config) throw notFound(`The function ${fnArnBase(ctx)}${name} doesn't have an EventInvokeConfig`);
    await this.db.run('UPDATE lambda_functions SET event_config = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    return {};
  }

  // ---------------------------------------------------------------- invoke

  async Invoke(ctx: RequestContext, input: InvokeInput): Promise<InvokeOutput> {
    const { name, qualifier } = this.parseName(ctx, input.FunctionName, input.Qualifier);
    const type = input.InvocationType ?? 'RequestResponse';
    const payload = input.Payload === undefined ? Buffer.alloc(0) : Buffer.isBuffer(input.Payload) ? input.Payload : Buffer.from(input.Payload);
    const limit = type === 'Event' ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw new AwsError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the ${type === 'Event' ? 'InvokeAsync' : 'InvokeFunction'} operation`, 413, { fields: user });
    }
    if (payload.length > 0) {
      try {
        JSON.parse(payload.toString('utf8'));
      } catch (e) {
        throw new AwsError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`, 400, { fields: user });
      }
    }
    let clientContext: string | undefined;
    if (input.ClientContext !== undefined) {
      if (input.ClientContext.length > 3583) throw invalidParam('Client context must be smaller than 3583 bytes');
      clientContext = Buffer.from(input.ClientContext, 'base64').toString('utf8');
      try {
        JSON.parse(clientContext);
      } catch {
        throw invalidParam('Client context must be a valid Base64-encoded JSON object.');
      }
    }
    const target = await this.resolve(ctx, name, qualifier, true);
    if (type === 'DryRun') return { StatusCode: 204 };
    if (type === 'Event') {
      await this.enqueue(ctx, name, qualifier, payload);
      return { StatusCode: 202, Payload: Buffer.alloc(0) };
    }
    const reason = await this.acquire(ctx, target);
    if (reason) throw new AwsError('TooManyRequestsException', 'Rate Exceeded.', 429, { fields: { ...user, Reason: reason } });
    let result: PoolResult;
    try {
      result = await this.execute(ctx, target, payload, ctx.requestId, clientContext);
    } finally {
      this.release(ctx, target);
    }
    const out: InvokeOutput = { StatusCode: 200, Payload: result.payload, ExecutedVersion: target.version };
    if (result.outcome !== 'success') out.FunctionError = 'Unhandled';
    if (input.LogType === 'Tail') {
      const text = Buffer.from(result.logs.map((e) => (e.message.endsWith('\n') ? e.message : `${e.message}\n`)).join(''), 'utf8');
      out.LogResult = text.subarray(Math.max(0, text.length - 4096)).toString('base64');
    }
    return out;
  }

  /** The deprecated InvokeAsync: an Event invocation answered with Status 202. */
  async InvokeAsync(ctx: RequestContext, input: { FunctionName: string; InvokeArgs?: Buffer }): Promise<{ Status: number }> {
    const out = await this.Invoke(ctx, { FunctionName: input.FunctionName, InvocationType: 'Event', Payload: input.InvokeArgs ?? Buffer.alloc(0) });
    return { Status: out.StatusCode };
  }

  private fnKey(ctx: { accountId: string; region: string }, name: string): string {
    return `${ctx.accountId}:${ctx.region}:${name}`;
  }

  private async acquire(ctx: { accountId: string; region: string }, target: Target): Promise<string | undefined> {
    const reserved = target.row.reserved;
    const unreservedLimit = this.accountLimit() - (reserved === null ? await this.reservedSum(ctx) : 0);
    return this.concurrency.tryAcquire(`${ctx.accountId}:${ctx.region}`, this.fnKey(ctx, target.row.name), reserved, unreservedLimit);
  }

  private release(ctx: { accountId: string; region: string }, target: Target): void {
    this.concurrency.release(`${ctx.accountId}:${ctx.region}`, this.fnKey(ctx, target.row.name), target.row.reserved);
  }

  /**
   * Credentials for the function's account: a configured key of that account, else (open auth) the
   * account id itself as access key, which the server maps back to that account.
   */
  private credentialsFor(accountId: string): EnvironmentSpec['credentials'] {
    const config = this.platform.config;
    const c = config.credentials.find((x) => x.accountId === accountId);
    if (c) return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: '' };
    if (config.auth === 'open') return { accessKeyId: accountId, secretAccessKey: 'test', sessionToken: '' };
    const first = config.credentials[0];
    return { accessKeyId: first?.accessKeyId ?? 'test', secretAccessKey: first?.secretAccessKey ?? 'test', sessionToken: '' };
  }

  /**
   * The function's own uid/gid: stable per function (stored in lambda_uids), picked from
   * 60000-64999 starting at a hash of its name, the next free one on a collision.
   */
  private async identityFor(ctx: { accountId: string; region: string }, name: string): Promise<Identity> {
    const key = `${ctx.accountId}:${ctx.region}:${name}`;
    let uid = this.uids.get(key);
    if (uid === undefined) {
      const args = [ctx.accountId, ctx.region, name];
      for (let attempt = 0; attempt <= UID_MAX - UID_MIN + 1; attempt++) {
        const row = await this.db.get<{ uid: number }>('SELECT uid FROM lambda_uids WHERE account = ? AND region = ? AND name = ?', args);
        if (row) {
          uid = Number(row.uid);
          break;
        }
        if (attempt > UID_MAX - UID_MIN) break;
        await this.db.run('INSERT INTO lambda_uids (account, region, name, uid) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [...args, uidCandidate(key, attempt)]);
      }
      if (uid === undefined) throw new AwsError('ServiceException', 'No unprivileged uid is left for this function (60000-64999 are all in use).', 500, { fields: { Type: 'Service' } });
      this.uids.set(key, uid);
    }
    return { uid, gid: uid };
  }

  private async execute(ctx: { accountId: string; region: string }, target: Target, payload: Buffer, requestId: string, clientContext?: string): Promise<PoolResult> {
    const spec = this.specs.get(this.specKey(ctx, target)) ?? (await this.environmentSpec(ctx, target));
    return this.pool.run(spec, {
      requestId,
      payload: payload.length ? payload : Buffer.from('{}'),
      invokedFunctionArn: target.invokedArn,
      clientContext,
      traceId: `Root=1-${Math.floor(this.clock.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Parent=${randomUUID().replace(/-/g, '').slice(0, 16)};Sampled=0;Lineage=1:${randomUUID().slice(0, 8)}:0`,
    });
  }

  private specKey(ctx: { accountId: string; region: string }, target: Target): string {
    return `${ctx.accountId}:${ctx.region}:${target.row.name}:${target.version}:${target.config.RevisionId}`;
  }

  /** What an environment of this function version runs with (cached like the function rows). */
  private async environmentSpec(ctx: { accountId: string; region: string }, target: Target): Promise<EnvironmentSpec> {
    const c = target.config;
    const hex = Buffer.from(c.CodeSha256, 'base64').toString('hex');
    const generation = this.fnRowsGeneration;
    const { dir, identity } = await this.codeDir(ctx, target.row.name, hex);
    const spec: EnvironmentSpec = {
      key: this.specKey(ctx, target),
      runtime: c.Runtime ?? 'provided.al2023',
      handler: c.Handler ?? '',
      taskRoot: dir,
      functionName: target.row.name,
      functionVersion: target.version,
      memoryMb: c.MemorySize,
      timeoutSec: c.Timeout,
      ephemeralMb: c.EphemeralStorage.Size,
      region: ctx.region,
      accountId: ctx.accountId,
      logGroupName: c.LoggingConfig.LogGroup,
      variables: c.Environment?.Variables ?? {},
      credentials: this.credentialsFor(ctx.accountId),
      endpoint: this.platform.endpoint(),
      identity,
    };
    if (generation === this.fnRowsGeneration) {
      if (this.specs.size >= 1000) this.specs.clear();
      this.specs.set(spec.key, spec);
    }
    return spec;
  }

  // ---------------------------------------------------------------- async invocations

  private async enqueue(ctx: RequestContext, name: string, qualifier: string | undefined, payload: Buffer): Promise<void> {
    const id = randomUUID();
    const now = ctx.clock.now();
    await this.db.run(
      'INSERT INTO lambda_async (id, account, region, name, qualifier, payload, request_id, attempt, next_at, created, lease) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL)',
      [id, ctx.accountId, ctx.region, name, qualifier ?? null, payload, ctx.requestId, now, now],
    );
    this.schedule(id, 0);
  }

  private schedule(id: string, delayMs: number): void {
    if (this.closed) return;
    this.asyncTimers.get(id)?.cancel();
    const timer = this.clock.setTimer(delayMs, () => {
      this.asyncTimers.delete(id);
      void this.runAsync(id).catch((e: unknown) => this.platform.log({ level: 'error', service: 'lambda', asyncEvent: id, error: String((e as Error)?.stack ?? e) }));
    });
    this.asyncTimers.set(id, timer);
  }

  private async runAsync(id: string): Promise<void> {
    if (this.closed) return;
    const now = this.clock.now();
    const row = await this.db.get<{ account: string; region: string; name: string; qualifier: string | null; payload: Buffer; request_id: string; attempt: number; created: number; lease: number | null }>(
      'SELECT * FROM lambda_async WHERE id = ?',
      [id],
    );
    if (!row) return;
    const ctx = internalContext(this.clock, { accountId: row.account, region: row.region, service: 'lambda', operation: 'Invoke', requestId: row.request_id });
    const drop = async (): Promise<void> => {
      await this.db.run('DELETE FROM lambda_async WHERE id = ?', [id]);
    };
    let target: Target;
    try {
      target = await this.resolve(ctx, row.name, row.qualifier ?? undefined, true);
    } catch {
      return drop();
    }
    // A lease (the function's timeout plus a margin) so that only one node runs an event when
    // several share the database; an expired lease (a node died) lets another node run it.
    const leaseMs = (target.config.Timeout + 60) * 1000;
    const { changes } = await this.db.run('UPDATE lambda_async SET lease = ? WHERE id = ? AND (lease IS NULL OR lease < ?)', [now + leaseMs, id, now]);
    if (changes === 0) {
      if (row.lease !== null) this.schedule(id, Math.max(1000, row.lease - now + 1));
      return;
    }
    const eventConfig = target.row.event_config ? (JSON.parse(target.row.event_config) as { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number }) : {};
    const maxRetries = eventConfig.MaximumRetryAttempts ?? 2;
    const maxAge = (eventConfig.MaximumEventAgeInSeconds ?? MAX_EVENT_AGE_MS / 1000) * 1000;
    if (now - row.created > maxAge) return drop();
    const reason = await this.acquire(ctx, target);
    if (reason) {
      // Throttled: retried with backoff until the maximum event age.
      const delay = Math.min(5 * 60_000, 1000 * 2 ** Math.min(8, row.attempt));
      await this.db.run('UPDATE lambda_async SET lease = NULL, next_at = ? WHERE id = ?', [now + delay, id]);
      this.schedule(id, delay);
      return;
    }
    let result: PoolResult | undefined;
    try {
      result = await this.execute(ctx, target, Buffer.from(row.payload), row.request_id);
    } catch (e) {
      this.platform.log({ level: 'error', service: 'lambda', asyncEvent: id, error: String((e as Error)?.stack ?? e) });
    } finally {
      this.release(ctx, target);
    }
    if (!result) {
      if (this.closed) return;
      const delay = 1000 * 2 ** Math.min(8, row.attempt);
      await this.db.run('UPDATE lambda_async SET lease = NULL, next_at = ? WHERE id = ?', [this.clock.now() + delay, id]);
      this.schedule(id, delay);
      return;
    }
    if (result.outcome === 'success') return drop();
    const attempt = row.attempt + 1;
    if (attempt > maxRetries) return drop();
    const delay = ASYNC_RETRY_DELAYS_MS[Math.min(attempt - 1, ASYNC_RETRY_DELAYS_MS.length - 1)]!;
    const after = this.clock.now();
    await this.db.run('UPDATE lambda_async SET attempt = ?, next_at = ?, lease = NULL WHERE id = ?', [attempt, after + delay, id]);
    this.schedule(id, delay);
  }

  /** Picks up async events left by a previous run. */
  async resumeAsync(): Promise<void> {
    const rows = await this.db.all<{ id: string; next_at: number; lease: number | null }>('SELECT id, next_at, lease FROM lambda_async');
    const now = this.clock.now();
    for (const r of rows) this.schedule(r.id, Math.max(0, Math.max(r.next_at, (r.lease ?? 0) + 1) - now));
  }

  // ---------------------------------------------------------------- data plane, health, close

  /** Serves code download URLs (GetFunction's Code.Location); false, synchronously, for anything else. */
  /** GetFunction's Code.Location: the zip, served as S3 would serve a presigned GET. */
  readonly dataPlanes: DataPlaneRoute[] = [{ pathPrefix: CODE_PATH, handle: (req, res) => req.method === 'GET' && this.serveCode(req, res) }];

  private async serveCode(req: HttpRequest, res: ResponseSink): Promise<boolean> {
    const m = /^([0-9]{12})\/([a-z0-9-]+)\/([0-9a-f]{64})\.zip$/.exec(req.rawPath.slice(CODE_PATH.length));
    const zip = m ? await loadCode(this.db, m[1]!, m[2]!, m[3]!) : undefined;
    if (!zip) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
    res.end(zip);
    return true;
  }

  health(): Record<string, unknown> {
    return { environments: this.pool.stats(), isolation: this.paths.isolation.mode, ...(this.paths.isolation.reason ? { isolationReason: this.paths.isolation.reason } : {}) };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.asyncTimers.values()) t.cancel();
    this.asyncTimers.clear();
    await this.pool.close();
    await this.writer.flush().catch(() => undefined);
    if (this.ephemeralRoot) rmSync(this.root, { recursive: true, force: true });
    if (this.paths.ownSandbox) rmSync(this.paths.sandboxDir, { recursive: true, force: true });
  }
}

const CODE_PATH = '/stratus-lambda-code/';

const RESERVED_ENV = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/** Fields that change on every publish or update, left out when telling whether $LATEST changed. */
const VOLATILE_FIELDS = ['Version', 'FunctionArn', 'RevisionId', 'LastModified', 'State', 'StateReason', 'StateReasonCode', 'LastUpdateStatus', 'LastUpdateStatusReason', 'LastUpdateStatusReasonCode', 'Description'];

function publishHash(c: FnConfig): string {
  const rest: Record<string, unknown> = { ...c };
  for (const k of VOLATILE_FIELDS) delete rest[k];
  return JSON.stringify(rest);
}

function encodeMarker(s: string): string {
  return Buffer.from(s).toString('base64url');
}
function decodeMarker(s: string): string {
  const v = Buffer.from(s, 'base64url').toString('utf8');
  if (encodeMarker(v) !== s) throw invalidParam('Invalid marker');
  return v;
}

/** Where the runtime files live and how environments reach the SDK, set up once per server. */
function runtimePaths(root: string, settings: Record<string, unknown>, dataDir: string | undefined): RuntimePaths & { ownSandbox: boolean } {
  const here = dirname(fileURLToPath(import.meta.url));
  // Code directories get an empty package.json above them so .js handlers are CommonJS unless
  // their own package.json says otherwise (as under /var/task on AWS).
  mkdirSync(join(root, 'code'), { recursive: true });
  writeFileSync(join(root, 'code', 'package.json'), '{}\n');
  const scratchDir = join(root, 'scratch');
  mkdirSync(scratchDir, { recursive: true });
  cleanScratch(scratchDir);
  // The AWS SDK for JavaScript v3 is part of AWS's Node runtimes; expose the one Stratus ships with.
  const projectModules = resolvePath(here, '../../../../node_modules');
  const nodeModules = [projectModules, resolvePath(here, '../../../node_modules')].find((p) => existsSync(join(p, '@aws-sdk')));
  const nodeBootstrap = resolvePath(here, '../../runtime/bootstraps/node-bootstrap.js');
  const python = typeof settings.python === 'string' ? settings.python : existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const sandboxSetting = typeof settings.sandboxDir === 'string' ? settings.sandboxDir : undefined;
  // Isolation (root only): functions' files live in a sandbox directory outside the data directory.
  const isolation = probeIsolation(settings.isolation, [process.execPath, nodeBootstrap, nodeModules ?? '', python, sandboxSetting ?? (existsSync('/var/tmp') ? '/var/tmp' : '/tmp')].filter(Boolean));
  let sandboxDir = root;
  let runtimeDir = join(root, 'runtime');
  const ownSandbox = isolation.mode !== 'none' && !sandboxSetting;
  if (isolation.mode !== 'none') {
    sandboxDir = createSandboxDir(sandboxSetting, isolation.mode);
    runtimeDir = join(sandboxDir, 'runtime');
    // Nothing of the server's data is readable by functions.
    for (const dir of [dataDir, root]) if (dir) chmodSync(dir, 0o700);
  }
  mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  chmodSync(runtimeDir, 0o755);
  const pythonBootstrap = join(runtimeDir, 'bootstrap.py');
  writeFileSync(pythonBootstrap, PYTHON_BOOTSTRAP, { mode: 0o644 });
  return {
    runtimeDir,
    nodeBootstrap,
    pythonBootstrap,
    prlimit: ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p)),
    python,
    scratchDir,
    nodePath: nodeModules,
    isolation,
    sandboxDir,
    ownSandbox,
  };
}

export const definition: ServiceDefinition = {
  name: 'lambda',
  validationErrorCode: 'ValidationException',
  async create(platform: Platform): Promise<ServiceProvider> {
    await platform.db.migrate('lambda', LAMBDA_MIGRATIONS);
    // Function logs go to CloudWatch Logs tables, whether or not the logs service is loaded.
    await platform.db.migrate('logs', LOGS_MIGRATIONS);
    const ephemeral = !platform.config.dataDir;
    const root = platform.config.dataDir ? resolvePath(platform.config.dataDir, 'lambda') : mkdtempSync(join(tmpdir(), 'stratus-lambda-'));
    const paths = runtimePaths(root, platform.config.services.lambda ?? {}, platform.config.dataDir ? resolvePath(platform.config.dataDir) : undefined);
    const writer = logWriterFor(platform.db, platform.clock);
    const sink = (spec: EnvironmentSpec, stream: string, events: LogEvent[]): void =>
      writer.put({ accountId: spec.accountId, region: spec.region, logGroupName: spec.logGroupName, logStreamName: stream, events });
    const settings = platform.config.services.lambda ?? {};
    const idle = Number(settings.idleTimeoutSeconds);
    const maxIdle = Number(settings.maxIdleEnvironments);
    const pool = new EnvironmentPool(paths, platform.clock, sink, {
      idleTimeoutMs: (Number.isFinite(idle) && idle > 0 ? idle : DEFAULT_IDLE_SECONDS) * 1000,
      maxIdle: Number.isInteger(maxIdle) && maxIdle >= 0 ? maxIdle : DEFAULT_MAX_IDLE,
      prewarm: settings.prewarm !== false,
      // Environments starting at once (default: CPU count, at least 2); see src/runtime/pool.ts.
      maxStarting: settings.maxStartingEnvironments === undefined ? undefined : Number(settings.maxStartingEnvironments),
    });
    const provider = new LambdaProvider(platform, root, ephemeral, pool, writer, paths);
    await provider.resumeAsync();
    return provider;
  },
};

/** `db`, calling `onWrite` once each write (transaction or statement) has finished. */
function notifyingWrites(db: Db, onWrite: () => void): Db {
  return {
    dialect: db.dialect,
    get: (sql, params) => db.get(sql, params),
    all: (sql, params) => db.all(sql, params),
    run: (sql, params) => db.run(sql, params).finally(onWrite),
    tx: (fn) => db.tx(fn).finally(onWrite),
    migrate: (service, migrations) => db.migrate(service, migrations),
    close: () => db.close(),
  };
}

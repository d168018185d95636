/** Lambda functions: create, read, list, update code and configuration, delete. */
import { createHash, randomUUID } from 'node:crypto';
import { arnFor } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceConflictException,
  ResourceNotFoundException,
  type CreateFunctionRequest,
  type DeleteFunctionRequest,
  type DeleteFunctionResponse,
  type FunctionCode,
  type FunctionConfiguration,
  type GetFunctionConfigurationRequest,
  type GetFunctionRequest,
  type GetFunctionResponse,
  type LambdaApi,
  type LastUpdateStatusReasonCode,
  type ListFunctionsRequest,
  type ListFunctionsResponse,
  type UpdateFunctionCodeRequest,
  type UpdateFunctionConfigurationRequest,
} from '../../../generated/lambda.js';
import { cancelPrefix, enqueue } from '../../../jobs/queue.js';
import type { Tx } from '../../../storage/db.js';
import { checkSettings, codeFrom, type CodePackage } from '../code.js';
import { codeHex, packageHex } from '../code-store.js';
import { decodeMarker, encodeMarker, fnArnBase, functionArn, functionKey, isVersionNumber, lastModified, withoutInternalFields, type LambdaCore, type Scope } from '../core.js';
import { codeLocation } from '../dataplane.js';
import { USER_FAULT } from '../errors.js';
import { HOT_RELOAD_SHA, hotReloadDir, isHotReloadCode } from '../hot-reload.js';
import { ASYNC_KIND, asyncKeyPrefix } from '../invoke/async-queue.js';
import { checkCombinedSize, resolveLayers } from '../layers.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import type { AliasDoc, FnConfig, FnRow } from '../store.js';
import { checkedSnapStart } from '../snapstart.js';
import { publishVersion } from './versions-aliases.js';

/** What a function's code comes from: a deployment package, or a local directory (hot reload). */
type CodeSource = { pkg: CodePackage; dir?: undefined } | { pkg?: undefined; dir: string };

/** Sets the code members of a configuration (LocalStack's figures for hot reload: no package exists). */
function withCode(config: FnConfig, source: CodeSource): FnConfig {
  if (source.pkg) {
    config.CodeSha256 = source.pkg.info.sha256;
    config.CodeSize = source.pkg.info.size;
    config._unzipped = source.pkg.info.unzipped;
    delete config._hotReload;
  } else {
    config.CodeSha256 = HOT_RELOAD_SHA;
    config.CodeSize = 0;
    config._unzipped = 0;
    config._hotReload = source.dir;
  }
  return config;
}
/**
 * What AWS answers while an update is applied (Stratus applies it at once; clients then wait for
 * Successful). AWS sends the reason code 'Creating', which the model's enum lacks.
 */
const IN_PROGRESS: FunctionConfiguration = {
  LastUpdateStatus: 'InProgress',
  LastUpdateStatusReason: 'The function is being created.',
  LastUpdateStatusReasonCode: 'Creating' as LastUpdateStatusReasonCode,
};

type FunctionOperations = 'CreateFunction' | 'GetFunction' | 'GetFunctionConfiguration' | 'ListFunctions' | 'UpdateFunctionCode' | 'UpdateFunctionConfiguration' | 'DeleteFunction';

export class FunctionOps implements Pick<LambdaApi, FunctionOperations> {
  constructor(private readonly core: LambdaCore) {}

  async CreateFunction(ctx: RequestContext, input: CreateFunctionRequest): Promise<FunctionConfiguration> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const packageType = input.PackageType ?? 'Zip';
    checkSettings({ ...input, PackageType: packageType });
    if (input.Runtime === undefined || input.Handler === undefined) {
      throw new InvalidParameterValueException('Runtime and Handler are mandatory parameters for functions created with deployment packages.', USER_FAULT);
    }
    const source = await this.sourceOf(ctx, input.Code, 'CreateFunction');
    const now = ctx.clock.now();
    const config: FnConfig = {
      FunctionName: name,
      FunctionArn: `${fnArnBase(ctx)}${name}`,
      Runtime: input.Runtime,
      Role: input.Role,
      Handler: input.Handler,
      CodeSize: 0,
      Description: input.Description ?? '',
      Timeout: input.Timeout ?? 3,
      MemorySize: input.MemorySize ?? 128,
      LastModified: lastModified(now),
      CodeSha256: '',
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
      SnapStart: checkedSnapStart(input.Runtime, input.SnapStart),
      DeadLetterConfig: input.DeadLetterConfig?.TargetArn ? { TargetArn: input.DeadLetterConfig.TargetArn } : undefined,
      KMSKeyArn: input.KMSKeyArn,
      RuntimeVersionConfig: { RuntimeVersionArn: arnFor('lambda', { accountId: '', region: ctx.region }, `runtime:${createHash('sha256').update(input.Runtime).digest('hex')}`) },
      _unzipped: 0,
    };
    withCode(config, source);
    const published = await this.storing(ctx, source, async (tx, keepCode) => {
      const existing = await tx.get('SELECT name FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
      if (existing) throw new ResourceConflictException(`Function already exist: ${name}`, USER_FAULT);
      if (input.Layers?.length) {
        const layers = await resolveLayers(tx, ctx, input.Layers);
        checkCombinedSize(config._unzipped ?? 0, layers.code);
        config.Layers = layers.layers;
        config._layerCode = layers.code;
        await this.core.layerUses.set(tx, ctx, name, '$LATEST', layers.layers);
      }
      await keepCode();
      // The tags column is the old place of tags, left empty: they go to the shared tags table.
      await tx.run(
        "INSERT INTO lambda_functions (account, region, name, config, reserved, tags, next_version, created, code_sha) VALUES (?, ?, ?, ?, NULL, '{}', 1, ?, ?)",
        [ctx.accountId, ctx.region, name, JSON.stringify(config), now, packageHex(config)],
      );
      if (input.Tags) await this.core.tagFunction(tx, ctx, name, input.Tags);
      return input.Publish ? publishVersion(this.core, tx, ctx, name, config, undefined) : undefined;
    });
    // Unpack now, and start a runtime process ahead, so the first invoke does not pay for them.
    if (source.pkg) await this.core.files.codeDir(ctx, name, source.pkg.info.hex, source.pkg.zip);
    await this.core.files.optDir(ctx, name, config._layerCode);
    this.prepare(config);
    if (published) this.core.snapStart?.published(ctx, name, published);
    const shown = withoutInternalFields(published ?? config);
    return { ...shown, State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating', LastUpdateStatus: undefined };
  }

  async GetFunction(ctx: RequestContext, input: GetFunctionRequest): Promise<GetFunctionResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const t = await this.core.resolve(ctx, name, qualifier);
    const out: GetFunctionResponse = {
      Configuration: withoutInternalFields(t.config),
      // A hot-reload function has no package: LocalStack's text names its directory instead.
      Code: { RepositoryType: 'S3', Location: t.config._hotReload !== undefined ? `Code location: ${t.config._hotReload}` : codeLocation(this.core.platform.endpoint(), ctx, codeHex(t.config)) },
      Tags: await this.core.tags.list(ctx, functionArn(ctx, name)),
    };
    if (t.row.reserved !== null) out.Concurrency = { ReservedConcurrentExecutions: t.row.reserved };
    return out;
  }

  async GetFunctionConfiguration(ctx: RequestContext, input: GetFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    return withoutInternalFields((await this.core.resolve(ctx, name, qualifier)).config);
  }

  async ListFunctions(ctx: RequestContext, input: ListFunctionsRequest): Promise<ListFunctionsResponse> {
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    const after = input.Marker ? decodeMarker(input.Marker) : '';
    const rows = await this.core.db.all<FnRow>('SELECT * FROM lambda_functions WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?', [
      ctx.accountId,
      ctx.region,
      after,
      limit + 1,
    ]);
    const page = rows.slice(0, limit);
    const functions: FunctionConfiguration[] = [];
    for (const row of page) {
      functions.push(withoutInternalFields(JSON.parse(row.config) as FnConfig));
      if (input.FunctionVersion === 'ALL') {
        const versions = await this.core.db.all<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? ORDER BY version', [
          ctx.accountId,
          ctx.region,
          row.name,
        ]);
        for (const v of versions) functions.push(withoutInternalFields(JSON.parse(v.config) as FnConfig));
      }
    }
    return { Functions: functions, NextMarker: rows.length > limit ? encodeMarker(page[page.length - 1]!.name) : undefined };
  }

  async UpdateFunctionCode(ctx: RequestContext, input: UpdateFunctionCodeRequest): Promise<FunctionConfiguration> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName);
    if (qualifier !== undefined) throw new InvalidParameterValueException('Unsupported qualifier: UpdateFunctionCode applies to $LATEST.', USER_FAULT);
    await this.core.fnRow(ctx, name);
    const source = await this.sourceOf(ctx, input, 'UpdateFunctionCode');
    const result = input.DryRun ? await this.checkedUpdate(ctx, name, input.RevisionId, source) : await this.updateCode(ctx, name, input, source);
    const shown = withoutInternalFields(result);
    return input.Publish ? { ...shown, LastUpdateStatus: 'Successful', LastUpdateStatusReason: undefined, LastUpdateStatusReasonCode: undefined } : { ...shown, ...IN_PROGRESS };
  }

  /** What UpdateFunctionCode would make of $LATEST, stored nowhere (DryRun). */
  private async checkedUpdate(ctx: RequestContext, name: string, revisionId: string | undefined, source: CodeSource): Promise<FnConfig> {
    const config = await this.core.latestForUpdate(ctx, name, this.core.db, revisionId);
    checkCombinedSize(source.pkg?.info.unzipped ?? 0, config._layerCode);
    return withCode(config, source);
  }

  /** Gives $LATEST new code (publishing it when asked); the code nothing uses any more goes. */
  private async updateCode(ctx: RequestContext, name: string, input: UpdateFunctionCodeRequest, source: CodeSource): Promise<FnConfig> {
    const { result, released } = await this.storing(ctx, source, async (tx, keepCode) => {
      const config = await this.core.latestForUpdate(ctx, name, tx, input.RevisionId);
      checkCombinedSize(source.pkg?.info.unzipped ?? 0, config._layerCode);
      const previous = packageHex(config);
      await keepCode();
      withCode(config, source);
      if (input.Architectures) config.Architectures = input.Architectures;
      config.LastModified = lastModified(ctx.clock.now());
      config.RevisionId = randomUUID();
      await tx.run('UPDATE lambda_functions SET config = ?, code_sha = ? WHERE account = ? AND region = ? AND name = ?', [
        JSON.stringify(config),
        packageHex(config),
        ctx.accountId,
        ctx.region,
        name,
      ]);
      const result = input.Publish ? await publishVersion(this.core, tx, ctx, name, config, undefined) : config;
      return { result, released: await this.core.code.release(tx, ctx, [previous]) };
    });
    await this.core.code.forget(released);
    if (source.pkg) await this.core.files.codeDir(ctx, name, source.pkg.info.hex, source.pkg.zip);
    this.retireLatest(ctx, name);
    if (input.Publish) this.core.snapStart?.published(ctx, name, result);
    return result;
  }

  async UpdateFunctionConfiguration(ctx: RequestContext, input: UpdateFunctionConfigurationRequest): Promise<FunctionConfiguration> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName);
    if (qualifier !== undefined) throw new InvalidParameterValueException('Unsupported qualifier: UpdateFunctionConfiguration applies to $LATEST.', USER_FAULT);
    checkSettings(input);
    const { result, released } = await this.core.db.tx(async (tx) => {
      const config = await this.core.latestForUpdate(ctx, name, tx, input.RevisionId);
      let released: string[] = [];
      if (input.Layers !== undefined) {
        const layers = input.Layers.length ? await resolveLayers(tx, ctx, input.Layers) : { layers: [], code: [] };
        checkCombinedSize(config._unzipped, layers.code);
        config.Layers = layers.layers.length ? layers.layers : undefined;
        config._layerCode = layers.code.length ? layers.code : undefined;
        released = await this.core.layerUses.set(tx, ctx, name, '$LATEST', layers.layers);
      }
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
      config.SnapStart = checkedSnapStart(config.Runtime, input.SnapStart, config.SnapStart);
      config.LastModified = lastModified(ctx.clock.now());
      config.RevisionId = randomUUID();
      await tx.run('UPDATE lambda_functions SET config = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(config), ctx.accountId, ctx.region, name]);
      return { result: config, released };
    });
    await this.core.code.forget(released);
    this.retireLatest(ctx, name);
    await this.core.files.optDir(ctx, name, result._layerCode);
    this.prepare(result);
    return { ...withoutInternalFields(result), ...IN_PROGRESS };
  }

  async DeleteFunction(ctx: RequestContext, input: DeleteFunctionRequest): Promise<DeleteFunctionResponse> {
    const { name, qualifier } = this.core.parseName(ctx, input.FunctionName, input.Qualifier);
    const now = ctx.clock.now();
    const { removal, released } = await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      const args = [ctx.accountId, ctx.region, name];
      if (qualifier !== undefined) {
        if (qualifier === '$LATEST') throw new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.', USER_FAULT);
        if (!isVersionNumber(qualifier)) throw new InvalidParameterValueException('Deletion of aliases is not supported.', USER_FAULT);
        const version = await this.core.versionConfig(ctx, name, qualifier, tx);
        if (!version) throw new ResourceNotFoundException(`Function not found: ${fnArnBase(ctx)}${name}:${qualifier}`, USER_FAULT);
        const aliases = await tx.all<{ alias: string; config: string }>('SELECT alias, config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ?', args);
        const using = aliases.filter((a) => {
          const doc = JSON.parse(a.config) as AliasDoc;
          return doc.FunctionVersion === qualifier || Object.keys(doc.RoutingConfig?.AdditionalVersionWeights ?? {}).includes(qualifier);
        });
        if (using.length) throw new ResourceConflictException(`Unable to delete version because the following aliases reference it: [${using.map((a) => a.alias).join(', ')}]`, USER_FAULT);
        await tx.run('DELETE FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [...args, Number(qualifier)]);
        await tx.run('DELETE FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [...args, qualifier]);
        const layers = await this.core.layerUses.drop(tx, ctx, name, qualifier);
        return { removal: undefined, released: [...(await this.core.code.release(tx, ctx, [packageHex(version)])), ...layers] };
      }
      const codes = await tx.all<{ code_sha: string }>(
        'SELECT code_sha FROM lambda_functions WHERE account = ? AND region = ? AND name = ? UNION SELECT code_sha FROM lambda_versions WHERE account = ? AND region = ? AND name = ?',
        [...args, ...args],
      );
      for (const table of ['lambda_functions', 'lambda_versions', 'lambda_aliases', 'lambda_policies', 'lambda_urls']) {
        await tx.run(`DELETE FROM ${table} WHERE account = ? AND region = ? AND name = ?`, args);
      }
      await this.core.tags.forget(tx, ctx, functionArn(ctx, name));
      // Its pending async invocations go with it; its own directory once its last invocations are over.
      await cancelPrefix(tx, ASYNC_KIND, asyncKeyPrefix(ctx, name));
      const spec = await this.core.files.removalAfterDeletion(tx, ctx, name, now);
      if (spec) await enqueue(tx, spec, now);
      const layers = await this.core.layerUses.drop(tx, ctx, name);
      return { removal: spec, released: [...(await this.core.code.release(tx, ctx, codes.map((c) => c.code_sha))), ...layers] };
    });
    await this.core.code.forget(released);
    if (removal) this.core.platform.jobs.wake(removal.kind, removal.dueAt);
    this.core.forgetReservedSum(ctx);
    const prefix = `${functionKey(ctx, name)}:${qualifier !== undefined ? `${qualifier}:` : ''}`;
    this.core.pool.retire((key) => key.startsWith(prefix));
    return {};
  }

  /**
   * Starts an environment of this configuration ahead of its first invocation (and, for a Node
   * major the server does not run on, installs it).
   */
  private prepare(c: FnConfig): void {
    if (c.Layers?.length) return; // no pre-started process for them: see spareKind
    const runtime = c.Runtime ?? 'provided.al2023';
    void this.core.runtimes.choose(runtime).then((choice) =>
      this.core.pool.prepare({
        runtime,
        memoryMb: c.MemorySize,
        ephemeralMb: c.EphemeralStorage.Size,
        variables: c.Environment?.Variables ?? {},
        taskRoot: c._hotReload ?? this.core.files.sharedCodeDir(codeHex(c)),
        executable: choice.executable,
      }),
    );
  }

  /** The code a request brings: a checked deployment package, or a hot-reload directory (hot-reload.ts). */
  private async sourceOf(ctx: RequestContext, code: FunctionCode, operation: string): Promise<CodeSource> {
    if (code.ZipFile === undefined && code.ImageUri === undefined && isHotReloadCode(code)) return { dir: hotReloadDir(code.S3Key, this.core.files.hotForbidden) };
    return { pkg: await codeFrom(this.core.platform, ctx, code, operation) };
  }

  /** Runs `write` in a write transaction that stores the package first if there is one (code-store.ts). */
  private storing<T>(ctx: RequestContext, source: CodeSource, write: (tx: Tx, keepCode: () => Promise<void>) => Promise<T>): Promise<T> {
    if (source.pkg) return this.core.code.storing(ctx, source.pkg, write);
    return this.core.db.tx((tx) => write(tx, async () => undefined));
  }

  /** Environments of $LATEST run the old code or configuration: none takes new invocations. */
  private retireLatest(scope: Scope, name: string): void {
    const prefix = `${functionKey(scope, name)}:$LATEST:`;
    this.core.pool.retire((key) => key.startsWith(prefix));
  }
}

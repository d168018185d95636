/** Lambda versions (immutable snapshots of $LATEST) and aliases (named pointers to up to two versions). */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  type AliasConfiguration,
  type AliasRoutingConfiguration,
  type CreateAliasRequest,
  type DeleteAliasRequest,
  type FunctionConfiguration,
  type GetAliasRequest,
  type LambdaApi,
  type ListAliasesRequest,
  type ListAliasesResponse,
  type ListVersionsByFunctionRequest,
  type ListVersionsByFunctionResponse,
  type PublishVersionRequest,
  type UpdateAliasRequest,
} from '../../../generated/lambda.js';
import type { Queryable } from '../../../storage/db.js';
import { packageHex } from '../code-store.js';
import { decodeMarker, encodeMarker, fnArnBase, lastModified, withoutInternalFields, type LambdaCore, type Scope } from '../core.js';
import { REVISION_MISMATCH, USER_FAULT } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../limits.js';
import { publishedSnapStart } from '../snapstart.js';
import type { AliasDoc, FnConfig } from '../store.js';

/**
 * Fields left out when telling whether $LATEST changed since the last version: those that change
 * on every publish or update, and Description, since AWS publishes no new version when only the
 * description differs (PublishVersion's Description describes the version, not the code).
 */
const NOT_PUBLISHED_FIELDS = [
  'Version',
  'FunctionArn',
  'RevisionId',
  'LastModified',
  'State',
  'StateReason',
  'StateReasonCode',
  'LastUpdateStatus',
  'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode',
  'Description',
];

function publishedContent(c: FnConfig): string {
  const rest: Record<string, unknown> = { ...c };
  for (const k of NOT_PUBLISHED_FIELDS) delete rest[k];
  // A version shows OptimizationStatus On where $LATEST shows Off: only ApplyOn is configuration.
  rest.SnapStart = c.SnapStart?.ApplyOn;
  return JSON.stringify(rest);
}

/** Publishes $LATEST as a new version (in the caller's transaction), unless it is unchanged since the last one. */
export async function publishVersion(core: LambdaCore, tx: Queryable, ctx: RequestContext, name: string, latest: FnConfig, description: string | undefined): Promise<FnConfig> {
  const row = await core.fnRow(ctx, name, tx);
  const last = await tx.get<{ config: string; version: number }>('SELECT config, version FROM lambda_versions WHERE account = ? AND region = ? AND name = ? ORDER BY version DESC LIMIT 1', [
    ctx.accountId,
    ctx.region,
    name,
  ]);
  if (last) {
    const prev = JSON.parse(last.config) as FnConfig;
    if (publishedContent(prev) === publishedContent(latest)) return prev;
  }
  const version = String(row.next_version);
  const config: FnConfig = {
    ...latest,
    ...publishedSnapStart(latest),
    Version: version,
    FunctionArn: `${fnArnBase(ctx)}${name}:${version}`,
    Description: description ?? latest.Description,
    RevisionId: randomUUID(),
    LastModified: lastModified(ctx.clock.now()),
  };
  // The version uses the code row $LATEST uses (code-store.ts); a hot-reload version, $LATEST's
  // directory (it reloads too: there is no package to snapshot, as on LocalStack).
  await tx.run('INSERT INTO lambda_versions (account, region, name, version, config, code_sha) VALUES (?, ?, ?, ?, ?, ?)', [
    ctx.accountId,
    ctx.region,
    name,
    Number(version),
    JSON.stringify(config),
    packageHex(config),
  ]);
  await tx.run('UPDATE lambda_functions SET next_version = ? WHERE account = ? AND region = ? AND name = ?', [row.next_version + 1, ctx.accountId, ctx.region, name]);
  // The version runs the layers $LATEST has now, even once they are deleted.
  if (config.Layers?.length) await core.layerUses.set(tx, ctx, name, version, config.Layers);
  return config;
}

type VersionAliasOperations = 'PublishVersion' | 'ListVersionsByFunction' | 'CreateAlias' | 'GetAlias' | 'UpdateAlias' | 'DeleteAlias' | 'ListAliases';

export class VersionAliasOps implements Pick<LambdaApi, VersionAliasOperations> {
  constructor(private readonly core: LambdaCore) {}

  async PublishVersion(ctx: RequestContext, input: PublishVersionRequest): Promise<FunctionConfiguration> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const config = await this.core.db.tx(async (tx) => {
      const latest = await this.core.latestForUpdate(ctx, name, tx, input.RevisionId);
      // Not for hot reload (as LocalStack): deploy tools send the SHA-256 of the package they built.
      if (input.CodeSha256 !== undefined && input.CodeSha256 !== latest.CodeSha256 && latest._hotReload === undefined) {
        throw new InvalidParameterValueException(
          `CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.CodeSha256}). Please try again with the current CodeSHA256.`,
          USER_FAULT,
        );
      }
      return publishVersion(this.core, tx, ctx, name, latest, input.Description);
    });
    this.core.snapStart?.published(ctx, name, config);
    return withoutInternalFields(config);
  }

  /** $LATEST, then the versions in order; the marker is the last version listed (0 for $LATEST). */
  async ListVersionsByFunction(ctx: RequestContext, input: ListVersionsByFunctionRequest): Promise<ListVersionsByFunctionResponse> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const row = await this.core.fnRow(ctx, name);
    const after = input.Marker === undefined ? undefined : Number(decodeMarker(input.Marker));
    if (after !== undefined && (!Number.isInteger(after) || after < 0)) throw new InvalidParameterValueException('Invalid marker', USER_FAULT);
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    const versions: FunctionConfiguration[] = after === undefined ? [withoutInternalFields(this.core.parsed(row.config))] : [];
    const wanted = limit - versions.length;
    const rows = await this.core.db.all<{ config: string; version: number }>(
      'SELECT config, version FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version > ? ORDER BY version LIMIT ?',
      [ctx.accountId, ctx.region, name, after ?? 0, wanted + 1],
    );
    const page = rows.slice(0, wanted);
    for (const v of page) versions.push(withoutInternalFields(JSON.parse(v.config) as FnConfig));
    const last = page.length ? Number(page[page.length - 1]!.version) : (after ?? 0);
    return { Versions: versions, NextMarker: rows.length > wanted ? encodeMarker(String(last)) : undefined };
  }

  async CreateAlias(ctx: RequestContext, input: CreateAliasRequest): Promise<AliasConfiguration> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const doc: AliasDoc = { FunctionVersion: input.FunctionVersion, Description: input.Description ?? '', RoutingConfig: input.RoutingConfig, RevisionId: randomUUID() };
    await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      if (await this.core.aliasDoc(ctx, name, input.Name, tx)) throw new ResourceConflictException(`Alias already exists: ${fnArnBase(ctx)}${name}:${input.Name}`, USER_FAULT);
      await this.checkAliasTargets(ctx, tx, name, input.FunctionVersion, input.RoutingConfig);
      await tx.run('INSERT INTO lambda_aliases (account, region, name, alias, config) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, ctx.region, name, input.Name, JSON.stringify(doc)]);
    });
    return aliasConfiguration(ctx, name, input.Name, doc);
  }

  async GetAlias(ctx: RequestContext, input: GetAliasRequest): Promise<AliasConfiguration> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    await this.core.fnRow(ctx, name);
    const doc = await this.core.aliasDoc(ctx, name, input.Name);
    if (!doc) throw new ResourceNotFoundException(`Cannot find alias arn: ${fnArnBase(ctx)}${name}:${input.Name}`, USER_FAULT);
    return aliasConfiguration(ctx, name, input.Name, doc);
  }

  async UpdateAlias(ctx: RequestContext, input: UpdateAliasRequest): Promise<AliasConfiguration> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    const doc = await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      const doc = await this.core.aliasDoc(ctx, name, input.Name, tx);
      if (!doc) throw new ResourceNotFoundException(`Cannot find alias arn: ${fnArnBase(ctx)}${name}:${input.Name}`, USER_FAULT);
      if (input.RevisionId !== undefined && input.RevisionId !== doc.RevisionId) throw new PreconditionFailedException(REVISION_MISMATCH, USER_FAULT);
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
    return aliasConfiguration(ctx, name, input.Name, doc);
  }

  async DeleteAlias(ctx: RequestContext, input: DeleteAliasRequest): Promise<void> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    await this.core.fnRow(ctx, name);
    await this.core.db.tx(async (tx) => {
      const args = [ctx.accountId, ctx.region, name, input.Name];
      await tx.run('DELETE FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? AND alias = ?', args);
      // The alias's function URL goes with it (AWS removes it shortly after; here at once).
      await tx.run('DELETE FROM lambda_urls WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', args);
    });
  }

  /**
   * Aliases in name order, read in bounded batches (the FunctionVersion filter looks inside the
   * stored document, so a page may take several); the marker is the last alias listed.
   */
  async ListAliases(ctx: RequestContext, input: ListAliasesRequest): Promise<ListAliasesResponse> {
    const { name } = this.core.parseName(ctx, input.FunctionName);
    await this.core.fnRow(ctx, name);
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    const aliases: AliasConfiguration[] = [];
    let cursor = input.Marker === undefined ? '' : decodeMarker(input.Marker);
    let more = false;
    while (!more) {
      const rows = await this.core.db.all<{ alias: string; config: string }>(
        'SELECT alias, config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? AND alias > ? ORDER BY alias LIMIT ?',
        [ctx.accountId, ctx.region, name, cursor, limit + 1],
      );
      for (const r of rows) {
        const doc = JSON.parse(r.config) as AliasDoc;
        if (input.FunctionVersion !== undefined && doc.FunctionVersion !== input.FunctionVersion) continue;
        if (aliases.length === limit) {
          more = true;
          break;
        }
        aliases.push(aliasConfiguration(ctx, name, r.alias, doc));
      }
      if (rows.length <= limit) break;
      cursor = rows[rows.length - 1]!.alias;
    }
    return { Aliases: aliases, NextMarker: more ? encodeMarker(aliases[aliases.length - 1]!.Name!) : undefined };
  }

  private async checkAliasTargets(ctx: RequestContext, tx: Queryable, name: string, version: string, routing: AliasRoutingConfiguration | undefined): Promise<void> {
    const exists = async (v: string): Promise<boolean> => v === '$LATEST' || (await this.core.versionConfig(ctx, name, v, tx)) !== undefined;
    if (!(await exists(version))) throw new ResourceNotFoundException(`Function not found: ${fnArnBase(ctx)}${name}:${version}`, USER_FAULT);
    const weights = routing?.AdditionalVersionWeights;
    if (!weights) return;
    const entries = Object.entries(weights);
    if (entries.length > 1) throw new InvalidParameterValueException('Number of items in AdditionalVersionWeights cannot be greater than 1', USER_FAULT);
    for (const [v, w] of entries) {
      if (!(w >= 0 && w <= 1)) {
        throw new InvalidParameterValueException(
          `1 validation error detected: Value '${w}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]`,
          USER_FAULT,
        );
      }
      if (version === '$LATEST' || v === '$LATEST') throw new InvalidParameterValueException('$LATEST is not supported for an alias pointing to more than 1 version', USER_FAULT);
      if (v === version) throw new InvalidParameterValueException(`Invalid function version ${v}. Function version ${v} is already included in routing configuration.`, USER_FAULT);
      if (!(await exists(v))) throw new InvalidParameterValueException(`Function version ${v} does not exist for function ${name}.`, USER_FAULT);
    }
  }
}

function aliasConfiguration(scope: Scope, name: string, alias: string, doc: AliasDoc): AliasConfiguration {
  return {
    AliasArn: `${fnArnBase(scope)}${name}:${alias}`,
    Name: alias,
    FunctionVersion: doc.FunctionVersion,
    Description: doc.Description,
    RoutingConfig: doc.RoutingConfig,
    RevisionId: doc.RevisionId,
  };
}

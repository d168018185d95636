/**
 * Lambda layers: versions published from a .zip (numbered 1, 2, 3... per layer, never reused),
 * read, listed, deleted; and each version's resource policy, which lets other accounts use it.
 * How functions reference layers and run with them: layers.ts, paths.ts, src/runtime/environment.ts.
 */
import { randomUUID } from 'node:crypto';
import { accountRootArn, isAccountId } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  PolicyLengthExceededException,
  PreconditionFailedException,
  ResourceConflictException,
  ResourceNotFoundException,
  type AddLayerVersionPermissionRequest,
  type AddLayerVersionPermissionResponse,
  type DeleteLayerVersionRequest,
  type FunctionCode,
  type GetLayerVersionByArnRequest,
  type GetLayerVersionPolicyRequest,
  type GetLayerVersionPolicyResponse,
  type GetLayerVersionRequest,
  type GetLayerVersionResponse,
  type LambdaApi,
  type LayersListItem,
  type LayerVersionsListItem,
  type ListLayersRequest,
  type ListLayersResponse,
  type ListLayerVersionsRequest,
  type ListLayerVersionsResponse,
  type PublishLayerVersionRequest,
  type PublishLayerVersionResponse,
  type RemoveLayerVersionPermissionRequest,
} from '../../../generated/lambda.js';
import type { Queryable, Tx } from '../../../storage/db.js';
import { codeFrom } from '../code.js';
import { decodeMarker, encodeMarker, lastModified, type LambdaCore } from '../core.js';
import { codeLocation } from '../dataplane.js';
import { LAYER_REVISION_MISMATCH, USER_FAULT } from '../errors.js';
import { accessDenied, layerArn, layerVersionArn, layerVersionRow, parseLayerName, parseLayerVersionArn, policyAllows, type LayerKey, type LayerPolicy, type LayerVersionRow } from '../layers.js';
import { DEFAULT_PAGE_SIZE, MAX_POLICY_BYTES } from '../limits.js';
import type { LayerVersionDoc } from '../store.js';

const NOT_FOUND = 'The resource you requested does not exist.';
const NO_POLICY = 'No policy is associated with the given resource.';
/** Rows read per query while a filtered list fills a page. */
const BATCH = 100;

type LayerOperations =
  | 'PublishLayerVersion'
  | 'GetLayerVersion'
  | 'GetLayerVersionByArn'
  | 'ListLayers'
  | 'ListLayerVersions'
  | 'DeleteLayerVersion'
  | 'AddLayerVersionPermission'
  | 'RemoveLayerVersionPermission'
  | 'GetLayerVersionPolicy';

/** The compatibility filters of ListLayers and ListLayerVersions. */
type Filters = Pick<ListLayersRequest, 'CompatibleRuntime' | 'CompatibleArchitecture'>;

function matches(doc: LayerVersionDoc, f: Filters): boolean {
  if (f.CompatibleRuntime !== undefined && !doc.CompatibleRuntimes?.includes(f.CompatibleRuntime)) return false;
  if (f.CompatibleArchitecture !== undefined && !doc.CompatibleArchitectures?.includes(f.CompatibleArchitecture)) return false;
  return true;
}

function checkVersionNumber(version: number): void {
  if (version < 1) throw new InvalidParameterValueException('Layer Version Cannot be less than 1', USER_FAULT);
}

export class LayerOps implements Pick<LambdaApi, LayerOperations> {
  constructor(private readonly core: LambdaCore) {}

  async PublishLayerVersion(ctx: RequestContext, input: PublishLayerVersionRequest): Promise<PublishLayerVersionResponse> {
    const key = this.ownLayer(ctx, input.LayerName, 'PublishLayerVersion');
    if (key.region !== ctx.region) throw new InvalidParameterValueException(`Layers from '${key.region}' are not reachable in this region ('${ctx.region}')`, USER_FAULT);
    // The same sources as a function's code (an S3 object is read from this server's S3, when it has one).
    const pkg = await codeFrom(this.core.platform, ctx, input.Content as FunctionCode, 'PublishLayerVersion');
    const doc: LayerVersionDoc = {
      Description: input.Description ?? '',
      CreatedDate: lastModified(ctx.clock.now()),
      ...(input.CompatibleRuntimes ? { CompatibleRuntimes: [...input.CompatibleRuntimes] } : {}),
      ...(input.CompatibleArchitectures ? { CompatibleArchitectures: [...input.CompatibleArchitectures] } : {}),
      ...(input.LicenseInfo !== undefined ? { LicenseInfo: input.LicenseInfo } : {}),
      CodeSha256: pkg.info.sha256,
      CodeSize: pkg.info.size,
    };
    const version = await this.core.code.storing(ctx, pkg, async (tx, keepCode) => {
      await keepCode();
      const args = [key.accountId, key.region, key.name];
      await tx.run('INSERT INTO lambda_layers (account, region, name, next_version) VALUES (?, ?, ?, 1) ON CONFLICT DO NOTHING', args);
      const row = await tx.get<{ next_version: number }>('SELECT next_version FROM lambda_layers WHERE account = ? AND region = ? AND name = ?', args);
      const version = Number(row!.next_version);
      await tx.run('UPDATE lambda_layers SET next_version = ? WHERE account = ? AND region = ? AND name = ?', [version + 1, ...args]);
      await tx.run('INSERT INTO lambda_layer_versions (account, region, name, version, config, code_sha, unzipped, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 0)', [
        ...args,
        version,
        JSON.stringify(doc),
        pkg.info.hex,
        pkg.info.unzipped,
      ]);
      return version;
    });
    return this.shown(key, version, doc, pkg.info.hex);
  }

  async GetLayerVersion(ctx: RequestContext, input: GetLayerVersionRequest): Promise<GetLayerVersionResponse> {
    checkVersionNumber(input.VersionNumber);
    return this.readable(ctx, parseLayerName(ctx, input.LayerName), input.VersionNumber);
  }

  async GetLayerVersionByArn(ctx: RequestContext, input: GetLayerVersionByArnRequest): Promise<GetLayerVersionResponse> {
    const ref = parseLayerVersionArn(input.Arn);
    if (!ref) throw new ResourceNotFoundException(NOT_FOUND, USER_FAULT);
    return this.readable(ctx, ref, ref.version);
  }

  /**
   * Layers with a version matching the filters, in name order, each with the latest such version;
   * read in bounded batches (the filters look inside the stored documents). The marker is the last layer listed.
   */
  async ListLayers(ctx: RequestContext, input: ListLayersRequest): Promise<ListLayersResponse> {
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    const layers: LayersListItem[] = [];
    let cursor = input.Marker === undefined ? '' : decodeMarker(input.Marker);
    let more = false;
    for (;;) {
      const names = await this.core.db.all<{ name: string }>('SELECT name FROM lambda_layers WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?', [
        ctx.accountId,
        ctx.region,
        cursor,
        BATCH,
      ]);
      for (const { name } of names) {
        const key = { accountId: ctx.accountId, region: ctx.region, name };
        const latest = await this.latestMatching(key, input);
        if (!latest) continue;
        if (layers.length === limit) {
          more = true;
          break;
        }
        layers.push({ LayerName: name, LayerArn: layerArn(key), LatestMatchingVersion: latest });
      }
      if (more || names.length < BATCH) break;
      cursor = names[names.length - 1]!.name;
    }
    return { Layers: layers, NextMarker: more ? encodeMarker(layers[layers.length - 1]!.LayerName!) : undefined };
  }

  /** A layer's versions matching the filters, newest first; the marker is the last version listed. */
  async ListLayerVersions(ctx: RequestContext, input: ListLayerVersionsRequest): Promise<ListLayerVersionsResponse> {
    const key = parseLayerName(ctx, input.LayerName);
    if (key.accountId !== ctx.accountId) throw accessDenied(ctx, 'ListLayerVersions', layerArn(key));
    const limit = input.MaxItems ?? DEFAULT_PAGE_SIZE;
    let below = Number.MAX_SAFE_INTEGER;
    if (input.Marker !== undefined) {
      below = Number(decodeMarker(input.Marker));
      if (!Number.isInteger(below) || below < 1) throw new InvalidParameterValueException('Invalid marker', USER_FAULT);
    }
    const versions: LayerVersionsListItem[] = [];
    let more = false;
    while (!more && key.region === ctx.region) {
      const rows = await this.versionsBelow(key, below);
      for (const row of rows) {
        const doc = JSON.parse(row.config) as LayerVersionDoc;
        if (!matches(doc, input)) continue;
        if (versions.length === limit) {
          more = true;
          break;
        }
        versions.push(listItem(key, row.version, doc));
      }
      if (rows.length < BATCH) break;
      below = rows[rows.length - 1]!.version;
    }
    return { LayerVersions: versions, NextMarker: more ? encodeMarker(String(versions[versions.length - 1]!.Version)) : undefined };
  }

  /** Deleting a version that is not there succeeds, as on AWS. Functions using it keep running it (layers.ts). */
  async DeleteLayerVersion(ctx: RequestContext, input: DeleteLayerVersionRequest): Promise<void> {
    checkVersionNumber(input.VersionNumber);
    const key = this.ownLayer(ctx, input.LayerName, 'DeleteLayerVersion', input.VersionNumber);
    if (key.region !== ctx.region) return;
    const released = await this.core.db.tx(async (tx) => {
      const row = await layerVersionRow(tx, key, input.VersionNumber);
      if (!row || row.deleted) return [];
      if (await this.core.layerUses.inUse(tx, key, row.version)) {
        await tx.run('UPDATE lambda_layer_versions SET deleted = 1 WHERE account = ? AND region = ? AND name = ? AND version = ?', [key.accountId, key.region, key.name, row.version]);
        return [];
      }
      return this.core.layerUses.removeIfUnused(tx, key, row.version, false);
    });
    await this.core.code.forget(released);
  }

  async AddLayerVersionPermission(ctx: RequestContext, input: AddLayerVersionPermissionRequest): Promise<AddLayerVersionPermissionResponse> {
    const key = this.ownLayer(ctx, input.LayerName, 'AddLayerVersionPermission', input.VersionNumber);
    const resource = layerVersionArn(key, input.VersionNumber);
    return this.core.db.tx(async (tx) => {
      const row = await this.policyRow(tx, ctx, key, input.VersionNumber);
      const policy: LayerPolicy = row.policy ? (JSON.parse(row.policy) as LayerPolicy) : { Version: '2012-10-17', Id: 'default', Statement: [] };
      if (policy.Statement.some((s) => s.Sid === input.StatementId)) {
        throw new ResourceConflictException(`The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`, USER_FAULT);
      }
      if (input.RevisionId !== undefined && row.policy && input.RevisionId !== row.revision) throw new PreconditionFailedException(LAYER_REVISION_MISMATCH, USER_FAULT);
      const principal = input.Principal;
      const statement: Record<string, unknown> = {
        Sid: input.StatementId,
        Effect: 'Allow',
        // An account id is shown as that account's root, as AWS shows it.
        Principal: principal === '*' ? '*' : { AWS: isAccountId(principal) ? accountRootArn({ accountId: principal, region: ctx.region }) : principal },
        Action: input.Action,
        Resource: resource,
        ...(input.OrganizationId !== undefined ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': input.OrganizationId } } } : {}),
      };
      policy.Statement.push(statement);
      const text = JSON.stringify(policy);
      const size = Buffer.byteLength(text);
      if (size > MAX_POLICY_BYTES) throw new PolicyLengthExceededException(`The final policy size (${size}) is bigger than the limit (${MAX_POLICY_BYTES}).`, USER_FAULT);
      const revision = randomUUID();
      await this.savePolicy(tx, key, input.VersionNumber, text, revision);
      return { Statement: JSON.stringify(statement), RevisionId: revision };
    });
  }

  async RemoveLayerVersionPermission(ctx: RequestContext, input: RemoveLayerVersionPermissionRequest): Promise<void> {
    const key = this.ownLayer(ctx, input.LayerName, 'RemoveLayerVersionPermission', input.VersionNumber);
    await this.core.db.tx(async (tx) => {
      const row = await this.policyRow(tx, ctx, key, input.VersionNumber);
      if (!row.policy) throw new ResourceNotFoundException(NO_POLICY, USER_FAULT);
      if (input.RevisionId !== undefined && input.RevisionId !== row.revision) throw new PreconditionFailedException(LAYER_REVISION_MISMATCH, USER_FAULT);
      const policy = JSON.parse(row.policy) as LayerPolicy;
      const kept = policy.Statement.filter((s) => s.Sid !== input.StatementId);
      if (kept.length === policy.Statement.length) throw new ResourceNotFoundException(`Statement ${input.StatementId} is not found in resource policy.`, USER_FAULT);
      // The last statement gone, the version has no policy left (as a function's).
      const text = kept.length ? JSON.stringify({ ...policy, Statement: kept }) : null;
      await this.savePolicy(tx, key, input.VersionNumber, text, text ? randomUUID() : null);
    });
  }

  async GetLayerVersionPolicy(ctx: RequestContext, input: GetLayerVersionPolicyRequest): Promise<GetLayerVersionPolicyResponse> {
    const key = this.ownLayer(ctx, input.LayerName, 'GetLayerVersionPolicy', input.VersionNumber);
    const row = await this.policyRow(this.core.db, ctx, key, input.VersionNumber);
    if (!row.policy) throw new ResourceNotFoundException(NO_POLICY, USER_FAULT);
    return { Policy: row.policy, RevisionId: row.revision ?? undefined };
  }

  /** A layer of the caller's account (another account's is IAM's AccessDenied, `action` on the layer or `version`). */
  private ownLayer(ctx: RequestContext, layerName: string, action: string, version?: number): LayerKey {
    const key = parseLayerName(ctx, layerName);
    if (key.accountId !== ctx.accountId) throw accessDenied(ctx, action, version === undefined ? layerArn(key) : layerVersionArn(key, version));
    return key;
  }

  /** A version the caller may read: its own account's, or another's whose policy lets it. */
  private async readable(ctx: RequestContext, key: LayerKey, version: number): Promise<GetLayerVersionResponse> {
    const row = key.region === ctx.region ? await layerVersionRow(this.core.db, key, version) : undefined;
    const live = row && !row.deleted ? row : undefined;
    if (key.accountId !== ctx.accountId && !(live && policyAllows(live.policy, ctx.accountId, ctx.region))) {
      throw accessDenied(ctx, 'GetLayerVersion', layerVersionArn(key, version));
    }
    if (!live) throw new ResourceNotFoundException(NOT_FOUND, USER_FAULT);
    return this.shown(key, version, JSON.parse(live.config) as LayerVersionDoc, live.code_sha);
  }

  /** A version whose policy is read or changed: AWS's ResourceNotFoundException naming it when there is none. */
  private async policyRow(q: Queryable, ctx: RequestContext, key: LayerKey, version: number): Promise<LayerVersionRow> {
    const row = key.region === ctx.region ? await layerVersionRow(q, key, version) : undefined;
    if (!row || row.deleted) throw new ResourceNotFoundException(`Layer version ${layerVersionArn(key, version)} does not exist.`, USER_FAULT);
    return row;
  }

  private async savePolicy(tx: Tx, key: LayerKey, version: number, policy: string | null, revision: string | null): Promise<void> {
    await tx.run('UPDATE lambda_layer_versions SET policy = ?, revision = ? WHERE account = ? AND region = ? AND name = ? AND version = ?', [
      policy,
      revision,
      key.accountId,
      key.region,
      key.name,
      version,
    ]);
  }

  /** Live versions of a layer below `below`, newest first, one batch. */
  private async versionsBelow(key: LayerKey, below: number): Promise<{ version: number; config: string }[]> {
    const rows = await this.core.db.all<{ version: number; config: string }>(
      'SELECT version, config FROM lambda_layer_versions WHERE account = ? AND region = ? AND name = ? AND deleted = 0 AND version < ? ORDER BY version DESC LIMIT ?',
      [key.accountId, key.region, key.name, below, BATCH],
    );
    return rows.map((r) => ({ version: Number(r.version), config: r.config }));
  }

  /** The newest live version of a layer matching the filters, as ListLayers shows it. */
  private async latestMatching(key: LayerKey, filters: Filters): Promise<LayerVersionsListItem | undefined> {
    let below = Number.MAX_SAFE_INTEGER;
    for (;;) {
      const rows = await this.versionsBelow(key, below);
      for (const row of rows) {
        const doc = JSON.parse(row.config) as LayerVersionDoc;
        if (matches(doc, filters)) return listItem(key, row.version, doc);
      }
      if (rows.length < BATCH) return undefined;
      below = rows[rows.length - 1]!.version;
    }
  }

  /** A version as PublishLayerVersion and GetLayerVersion answer it. */
  private shown(key: LayerKey, version: number, doc: LayerVersionDoc, hex: string): GetLayerVersionResponse {
    return {
      Content: { Location: codeLocation(this.core.platform.endpoint(), key, hex), CodeSha256: doc.CodeSha256, CodeSize: doc.CodeSize },
      LayerArn: layerArn(key),
      LayerVersionArn: layerVersionArn(key, version),
      Description: doc.Description,
      CreatedDate: doc.CreatedDate,
      Version: version,
      CompatibleRuntimes: doc.CompatibleRuntimes,
      CompatibleArchitectures: doc.CompatibleArchitectures,
      LicenseInfo: doc.LicenseInfo,
    };
  }
}

function listItem(key: LayerKey, version: number, doc: LayerVersionDoc): LayerVersionsListItem {
  return {
    LayerVersionArn: layerVersionArn(key, version),
    Version: version,
    Description: doc.Description,
    CreatedDate: doc.CreatedDate,
    CompatibleRuntimes: doc.CompatibleRuntimes,
    CompatibleArchitectures: doc.CompatibleArchitectures,
    LicenseInfo: doc.LicenseInfo,
  };
}

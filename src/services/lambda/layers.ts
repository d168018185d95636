/**
 * Layers as functions see them: layer names and ARNs, who may use a version (its policy), the
 * layers a function references (AWS's checks), and the uses that keep a deleted version's code
 * while functions still run it. The API operations on layers are in ops/layers.ts.
 */
import { accountRootArn, arnFor } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import { InvalidParameterValueException, type Layer } from '../../generated/lambda.js';
import type { Queryable, Tx } from '../../storage/db.js';
import type { CodeStore } from './code-store.js';
import type { Scope } from './core.js';
import { USER_FAULT } from './errors.js';
import { MAX_LAYERS_PER_FUNCTION, MAX_UNZIPPED_BYTES } from './limits.js';
import type { LayerCode } from './store.js';

/** A layer: the account and region it lives in, and its name. */
export interface LayerKey {
  accountId: string;
  region: string;
  name: string;
}

/** A layer version's row in `lambda_layer_versions`. */
export interface LayerVersionRow {
  account: string;
  region: string;
  name: string;
  version: number;
  config: string;
  code_sha: string;
  unzipped: number;
  policy: string | null;
  revision: string | null;
  deleted: number;
}

/** A layer version's resource policy as stored. */
export interface LayerPolicy {
  Version: string;
  Id: string;
  Statement: Record<string, unknown>[];
}

export function layerArn(key: LayerKey): string {
  return arnFor('lambda', key, `layer:${key.name}`);
}

export function layerVersionArn(key: LayerKey, version: number): string {
  return `${layerArn(key)}:${version}`;
}

/** A LayerName member (a name, or a layer ARN that names the account and region too). */
export function parseLayerName(ctx: Scope, layerName: string): LayerKey {
  const m = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+)$/.exec(layerName);
  return m ? { region: m[1]!, accountId: m[2]!, name: m[3]! } : { accountId: ctx.accountId, region: ctx.region, name: layerName };
}

/** A layer version ARN (as validated by the model); undefined for AWS's own `awslayer` form, which Stratus has none of. */
export function parseLayerVersionArn(arn: string): (LayerKey & { version: number }) | undefined {
  const m = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):(\d+)$/.exec(arn);
  return m ? { region: m[1]!, accountId: m[2]!, name: m[3]!, version: Number(m[4]) } : undefined;
}

/** A version of a layer (marked deleted or not); undefined when there is no such row. */
export async function layerVersionRow(q: Queryable, key: LayerKey, version: number): Promise<LayerVersionRow | undefined> {
  const row = await q.get<LayerVersionRow>('SELECT * FROM lambda_layer_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [
    key.accountId,
    key.region,
    key.name,
    version,
  ]);
  return row ? { ...row, version: Number(row.version), unzipped: Number(row.unzipped), deleted: Number(row.deleted) } : undefined;
}

/**
 * Whether a version's policy lets `account` use it: a statement for every account (`*`) or for that
 * account's root. A statement limited to an organization grants nothing here: Stratus knows of no
 * organizations, so it cannot tell that the caller belongs to one.
 */
export function policyAllows(policy: string | null, account: string, region: string): boolean {
  if (!policy) return false;
  const root = accountRootArn({ accountId: account, region });
  return (JSON.parse(policy) as LayerPolicy).Statement.some((s) => {
    if (s.Action !== 'lambda:GetLayerVersion' || s.Condition !== undefined) return false;
    const p = s.Principal as string | { AWS?: string };
    return p === '*' || (typeof p === 'object' && p.AWS === root);
  });
}

/** IAM's answer to a caller that no policy lets act on another account's layer (not an error of the Lambda model). */
export function accessDenied(ctx: Scope, action: string, resource: string): AwsError {
  return new AwsError(
    'AccessDeniedException',
    `User: ${accountRootArn(ctx)} is not authorized to perform: lambda:${action} on resource: ${resource} because no resource-based policy allows the lambda:${action} action`,
    403,
    { fields: USER_FAULT },
  );
}

/** The layers a function references, as its configuration shows them and as running it needs them. */
export interface ResolvedLayers {
  layers: Layer[];
  code: LayerCode[];
}

/**
 * Checks the layers given to CreateFunction or UpdateFunctionConfiguration, as AWS does and with its
 * messages, in the caller's transaction: at most 5; each an existing version (of this region, and
 * of another account only when that version's policy allows this one); two versions of one layer never.
 */
export async function resolveLayers(q: Queryable, ctx: RequestContext, arns: readonly string[]): Promise<ResolvedLayers> {
  if (arns.length > MAX_LAYERS_PER_FUNCTION) throw new InvalidParameterValueException(`Cannot reference more than ${MAX_LAYERS_PER_FUNCTION} layers.`, USER_FAULT);
  const out: ResolvedLayers = { layers: [], code: [] };
  const seen = new Map<string, string>();
  for (const arn of arns) {
    const ref = parseLayerVersionArn(arn);
    const own = ref?.accountId === ctx.accountId;
    if (ref && ref.region !== ctx.region) {
      if (own) throw new InvalidParameterValueException(`Layers are not in the same region as the function. Layers are expected to be in region ${ctx.region}.`, USER_FAULT);
      throw accessDenied(ctx, 'GetLayerVersion', arn);
    }
    const row = ref && (await layerVersionRow(q, ref, ref.version));
    const usable = row && !row.deleted && (own || policyAllows(row.policy, ctx.accountId, ctx.region));
    if (!usable) {
      if (ref && !own) throw accessDenied(ctx, 'GetLayerVersion', arn);
      throw new InvalidParameterValueException(`Layer version ${arn} does not exist.`, USER_FAULT);
    }
    const layer = layerArn(ref);
    const earlier = seen.get(layer);
    if (earlier !== undefined) {
      throw new InvalidParameterValueException(
        `Two different versions of the same layer are not allowed to be referenced in the same function. ${earlier} and ${arn} are versions of the same layer.`,
        USER_FAULT,
      );
    }
    seen.set(layer, arn);
    const size = (JSON.parse(row.config) as { CodeSize: number }).CodeSize;
    out.layers.push({ Arn: layerVersionArn(ref, ref.version), CodeSize: size });
    out.code.push({ account: ref.accountId, region: ref.region, hex: row.code_sha, unzipped: row.unzipped });
  }
  return out;
}

/** AWS's limit on a function's code and its layers unzipped together. */
export function checkCombinedSize(functionUnzipped: number, layers: readonly LayerCode[] | undefined): void {
  if (!layers?.length) return;
  const total = layers.reduce((sum, l) => sum + l.unzipped, functionUnzipped);
  if (total > MAX_UNZIPPED_BYTES) {
    throw new InvalidParameterValueException(
      `Function code combined with layers exceeds the maximum allowed size of ${MAX_UNZIPPED_BYTES} bytes. The actual size is ${total} bytes.`,
      USER_FAULT,
    );
  }
}

/**
 * Which layer versions a function's $LATEST or published version uses (`lambda_layer_uses`): a
 * deleted layer version stays, marked deleted, while any function still uses it (its code runs
 * them), and goes with the last use.
 */
export class LayerUses {
  constructor(private readonly code: CodeStore) {}

  /** Records that a function's `version` ('$LATEST' or a number) uses `layers`, replacing what it used. Returns blobs to forget after commit. */
  async set(tx: Tx, scope: Scope, name: string, version: string, layers: readonly Layer[]): Promise<string[]> {
    const before = await this.forget(tx, scope, name, version);
    for (const layer of layers) {
      const ref = parseLayerVersionArn(layer.Arn!)!;
      await tx.run(
        'INSERT INTO lambda_layer_uses (account, region, name, version, layer_account, layer_region, layer_name, layer_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [scope.accountId, scope.region, name, version, ref.accountId, ref.region, ref.name, ref.version],
      );
    }
    return this.removeDeletedUnused(tx, before);
  }

  /**
   * Forgets the uses of a function's `version` (of all its versions when undefined), and removes the
   * deleted layer versions nothing uses any more, with their code. Returns blobs to forget after commit.
   */
  async drop(tx: Tx, scope: Scope, name: string, version?: string): Promise<string[]> {
    return this.removeDeletedUnused(tx, await this.forget(tx, scope, name, version));
  }

  /** Deletes a function's uses (of one version or all), returning the layer versions they named. */
  private async forget(tx: Tx, scope: Scope, name: string, version?: string): Promise<(LayerKey & { version: number })[]> {
    const where = `account = ? AND region = ? AND name = ?${version === undefined ? '' : ' AND version = ?'}`;
    const args = [scope.accountId, scope.region, name, ...(version === undefined ? [] : [version])];
    const used = await tx.all<{ layer_account: string; layer_region: string; layer_name: string; layer_version: number }>(
      `SELECT DISTINCT layer_account, layer_region, layer_name, layer_version FROM lambda_layer_uses WHERE ${where}`,
      args,
    );
    if (used.length) await tx.run(`DELETE FROM lambda_layer_uses WHERE ${where}`, args);
    return used.map((u) => ({ accountId: u.layer_account, region: u.layer_region, name: u.layer_name, version: Number(u.layer_version) }));
  }

  private async removeDeletedUnused(tx: Tx, versions: readonly (LayerKey & { version: number })[]): Promise<string[]> {
    const released: string[] = [];
    for (const v of versions) released.push(...(await this.removeIfUnused(tx, v, v.version, true)));
    return released;
  }

  /** Whether any function still uses a layer version. */
  async inUse(q: Queryable, key: LayerKey, version: number): Promise<boolean> {
    const row = await q.get('SELECT 1 AS used FROM lambda_layer_uses WHERE layer_account = ? AND layer_region = ? AND layer_name = ? AND layer_version = ? LIMIT 1', [
      key.accountId,
      key.region,
      key.name,
      version,
    ]);
    return row !== undefined;
  }

  /**
   * Removes a layer version (only one marked deleted, when `onlyDeleted`) that no function uses,
   * releasing its code; returns the blobs to forget after commit.
   */
  async removeIfUnused(tx: Tx, key: LayerKey, version: number, onlyDeleted: boolean): Promise<string[]> {
    const row = await layerVersionRow(tx, key, version);
    if (!row || (onlyDeleted && !row.deleted) || (await this.inUse(tx, key, version))) return [];
    await tx.run('DELETE FROM lambda_layer_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [key.accountId, key.region, key.name, version]);
    return this.code.release(tx, key, [row.code_sha]);
  }
}

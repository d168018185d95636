/**
 * What Lambda's operation families share: settings, the database (behind a wrapper that empties
 * the read caches on every write), the tags table, names and lookups of functions, versions and aliases.
 */
import { ResourcePolicyCache } from '../../aws/iam-resource-policies.js';
import { arnFor, parseArn } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import type { Clock } from '../../core/clock.js';
import type { RequestContext } from '../../core/context.js';
import { InvalidParameterValueException, PreconditionFailedException, ResourceNotFoundException, type FunctionConfiguration, type Tags } from '../../generated/lambda.js';
import type { EnvironmentSpec } from '../../runtime/environment.js';
import type { EnvironmentPool } from '../../runtime/pool.js';
import type { Db, Queryable, Tx } from '../../storage/db.js';
import { notifyingWrites } from '../../storage/notifying-db.js';
import { TagStore, type TagRules } from '../../storage/tags.js';
import type { Platform } from '../service.js';
import { CodeStore } from './code-store.js';
import { Concurrency } from './concurrency.js';
import { REVISION_MISMATCH, USER_FAULT } from './errors.js';
import { DEFAULT_ACCOUNT_CONCURRENCY, MIN_UNRESERVED } from './limits.js';
import { LayerUses } from './layers.js';
import { FunctionFiles, type LambdaLayout } from './paths.js';
import { RuntimeVersions } from './runtimes.js';
import type { SnapStartVersions } from './snapstart.js';
import { LAMBDA_MIGRATIONS, type AliasDoc, type FnConfig, type FnRow } from './store.js';

/** The account and region a function lives in. */
export type Scope = Pick<RequestContext, 'accountId' | 'region'>;

/** A (name, qualifier) resolved: the function's row and the configuration that runs. */
export interface Target {
  row: FnRow;
  config: FnConfig;
  version: string;
  /** The ARN the caller invoked (qualified when a qualifier was given). */
  invokedArn: string;
  alias?: string;
}

/** The ARN of the caller's functions up to the name: `arn:aws:lambda:<region>:<account>:function:`. */
export function fnArnBase(scope: Scope): string {
  return arnFor('lambda', scope, 'function:');
}

/** A function's unqualified ARN, under which its tags are kept (versions and aliases have none of their own). */
export function functionArn(scope: Scope, name: string): string {
  return `${fnArnBase(scope)}${name}`;
}

/**
 * Lambda has taken any tag key and value so far, and AWS's messages for its key and value rules are
 * not known, so of the shared table's checks only the number of tags applies.
 */
const LAMBDA_TAG_RULES: TagRules = { acceptReservedPrefix: true, acceptAnyLength: true };

/**
 * A function name without its ARN prefix (`arn:aws:lambda:<region>:`): the region the prefix gave, and
 * the rest (`[account:][function:]name[:qualifier]`, a partial ARN). Anything else is a name as given.
 */
function withoutArnPrefix(functionName: string): { region?: string; rest: string } {
  const arn = parseArn(functionName);
  if (arn?.service !== 'lambda' || !/^[a-z0-9-]+$/.test(arn.region)) return { rest: functionName };
  return { region: arn.region, rest: `${arn.account}:${arn.resource}` };
}

/** The key of a function in this process's maps (uids, concurrency, caches). */
export function functionKey(scope: Scope, name: string): string {
  return `${scope.accountId}:${scope.region}:${name}`;
}

export function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export function isVersionNumber(qualifier: string): boolean {
  return /^\d+$/.test(qualifier);
}

/** The FunctionConfiguration as the API shows it: without internal fields, with the states Stratus reaches at once. */
export function withoutInternalFields(config: FnConfig): FunctionConfiguration {
  const out: FunctionConfiguration & Partial<Pick<FnConfig, '_unzipped' | '_layerCode' | '_hotReload'>> = { ...config };
  delete out._unzipped;
  delete out._layerCode;
  delete out._hotReload;
  out.State ??= 'Active';
  // A version whose SnapStart snapshot is being made has no update status yet (as a function being created).
  if (out.State !== 'Pending') out.LastUpdateStatus ??= 'Successful';
  return out;
}

export function encodeMarker(s: string): string {
  return Buffer.from(s).toString('base64url');
}

export function decodeMarker(s: string): string {
  const v = Buffer.from(s, 'base64url').toString('utf8');
  if (encodeMarker(v) !== s) throw new InvalidParameterValueException('Invalid marker', USER_FAULT);
  return v;
}

export class LambdaCore {
  /** The database, through a wrapper that empties the caches below once a write has finished. */
  readonly db: Db;
  readonly clock: Clock;
  readonly files: FunctionFiles;
  /** The interpreter each runtime runs on. */
  readonly runtimes: RuntimeVersions;
  /** Deployment packages and layer contents, in the blob store. */
  readonly code: CodeStore;
  /** Which layer versions functions use. */
  readonly layerUses: LayerUses;
  /** In-flight invocations of this process. */
  readonly concurrency = new Concurrency();
  /** Makes the snapshots of published SnapStart versions (set once the invocation runner exists). */
  snapStart: SnapStartVersions | undefined;
  /** Sum of reserved concurrency by `account:region`, dropped when a reservation or function changes. */
  private readonly reservedSums = new Map<string, number>();

  /**
   * Function rows read outside a transaction (the invoke path reads one per invocation), and the
   * environment specs built from them, cached until this service next writes anything; a read
   * that overlapped a write is not cached (its generation is no longer the current one).
   */
  private readonly fnRows = new Map<string, FnRow>();
  private readonly specs = new Map<string, EnvironmentSpec>();
  private writes = 0;
  /** Parsed configurations by their stored text (read-only; the invoke path reads them often). */
  private readonly parsedConfigs = new Map<string, FnConfig>();

  /** Function policies for `--iam enforce`, by function ARN (with its qualifier), dropped with the caches above. */
  readonly policies: ResourcePolicyCache;

  private constructor(
    readonly platform: Platform,
    readonly pool: EnvironmentPool,
    layout: LambdaLayout,
    readonly tags: TagStore,
  ) {
    this.db = notifyingWrites(platform.db, () => {
      this.writes++;
      this.fnRows.clear();
      this.specs.clear();
      this.policies.changed();
    });
    this.clock = platform.clock;
    this.policies = new ResourcePolicyCache(platform.clock, async (arn) => {
      const m = /^arn:aws[\w-]*:lambda:([a-z0-9-]+):(\d{12}):function:([^:]+)(?::([^:]+))?$/.exec(arn);
      if (!m) return undefined;
      const row = await this.db.get<{ policy: string }>('SELECT policy FROM lambda_policies WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [m[2], m[1], m[3], m[4] ?? '']);
      return { accountId: m[2]!, policy: row?.policy };
    });
    this.code = new CodeStore(this.db, platform.blobs, platform.log);
    this.layerUses = new LayerUses(this.code);
    this.files = new FunctionFiles(this.db, this.code, platform.jobs, layout);
    this.runtimes = new RuntimeVersions(layout.paths.python, layout.paths.runtimeCache);
  }

  /**
   * Opens the Lambda tables, the code store and the tags table, and moves what an earlier version
   * kept elsewhere (zips in SQL, tags in a column).
   */
  static async open(platform: Platform, pool: EnvironmentPool, layout: LambdaLayout): Promise<LambdaCore> {
    await platform.db.migrate('lambda', LAMBDA_MIGRATIONS);
    const core = new LambdaCore(platform, pool, layout, await TagStore.open(platform.db));
    await core.code.migrate();
    await core.moveColumnTags();
    return core;
  }

  /** Adds or replaces tags of a function in the caller's transaction; AWS's error past 50 tags. */
  async tagFunction(tx: Tx, scope: Scope, name: string, tags: Tags): Promise<void> {
    const problem = await this.tags.tag(tx, scope, functionArn(scope, name), tags, LAMBDA_TAG_RULES);
    if (problem) throw new InvalidParameterValueException('Number of tags exceeds resource tag limit.', USER_FAULT);
  }

  /**
   * Tags that functions kept in `lambda_functions.tags` before the shared tags table, moved there
   * whole (an old CreateFunction did not count them); the column is left empty.
   */
  private async moveColumnTags(): Promise<void> {
    // Nearly every start has nothing to move: a read, not a write transaction.
    if (!(await this.db.get("SELECT 1 AS found FROM lambda_functions WHERE tags <> '{}' LIMIT 1"))) return;
    await this.db.tx(async (tx) => {
      const rows = await tx.all<{ account: string; region: string; name: string; tags: string }>(
        "SELECT account, region, name, tags FROM lambda_functions WHERE tags <> '{}'",
      );
      for (const row of rows) {
        const scope = { accountId: row.account, region: row.region };
        await this.tags.tag(tx, scope, functionArn(scope, row.name), JSON.parse(row.tags) as Tags, { ...LAMBDA_TAG_RULES, limit: Infinity });
        await tx.run("UPDATE lambda_functions SET tags = '{}' WHERE account = ? AND region = ? AND name = ?", [row.account, row.region, row.name]);
      }
    });
  }

  /** The `services.lambda` section of the configuration. */
  settings(): Record<string, unknown> {
    return this.platform.config.services.lambda ?? {};
  }

  accountLimit(): number {
    const v = Number(this.settings().concurrency);
    return Number.isInteger(v) && v > 0 ? v : DEFAULT_ACCOUNT_CONCURRENCY;
  }

  minUnreserved(): number {
    return Math.min(MIN_UNRESERVED, Math.floor(this.accountLimit() / 10));
  }

  async reservedSum(scope: Scope): Promise<number> {
    const key = `${scope.accountId}:${scope.region}`;
    let sum = this.reservedSums.get(key);
    if (sum === undefined) {
      const row = await this.db.get<{ s: number | null }>('SELECT SUM(reserved) AS s FROM lambda_functions WHERE account = ? AND region = ?', [scope.accountId, scope.region]);
      sum = Number(row?.s ?? 0);
      this.reservedSums.set(key, sum);
    }
    return sum;
  }

  forgetReservedSum(scope: Scope): void {
    this.reservedSums.delete(`${scope.accountId}:${scope.region}`);
  }

  /** A count that changes on every write: a value computed from reads is cached only if it did not change meanwhile. */
  get generation(): number {
    return this.writes;
  }

  cachedSpec(key: string): EnvironmentSpec | undefined {
    return this.specs.get(key);
  }

  /** Caches a spec built from reads made at `generation`, unless a write happened since. */
  cacheSpec(spec: EnvironmentSpec, generation: number): void {
    if (generation !== this.writes) return;
    if (this.specs.size >= 1000) this.specs.clear();
    this.specs.set(spec.key, spec);
  }

  /** Splits FunctionName (name, partial ARN or ARN, maybe with a qualifier) and Qualifier. */
  parseName(ctx: RequestContext, functionName: string, qualifier?: string): { name: string; qualifier: string | undefined } {
    const { region, rest } = withoutArnPrefix(functionName);
    const m = /^(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::([a-zA-Z0-9-_$.]+))?$/.exec(rest);
    if (!m) {
      throw new InvalidParameterValueException(
        `1 validation error detected: Value '${functionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern`,
        USER_FAULT,
      );
    }
    const [, account, name, fromArn] = m;
    if (region && region !== ctx.region) throw new InvalidParameterValueException(`Functions from '${region}' are not reachable in this region ('${ctx.region}')`, USER_FAULT);
    // Not an error of the Lambda model (IAM answers it on AWS), hence no generated class.
    if (account && account !== ctx.accountId) throw new AwsError('AccessDeniedException', `User is not authorized to access function ${functionName}`, 403, { fields: USER_FAULT });
    if (fromArn !== undefined && qualifier !== undefined && fromArn !== qualifier) {
      throw new InvalidParameterValueException('The derived qualifier from the function name does not match the specified qualifier.', USER_FAULT);
    }
    return { name: name!, qualifier: qualifier ?? fromArn };
  }

  /** The function's row (cached when read outside a transaction); ResourceNotFoundException when there is none. */
  async fnRow(scope: Scope, name: string, q: Queryable = this.db): Promise<FnRow> {
    const cacheable = q === this.db;
    const key = functionKey(scope, name);
    const hit = cacheable ? this.fnRows.get(key) : undefined;
    if (hit) return hit;
    const generation = this.writes;
    const row = await q.get<FnRow>('SELECT * FROM lambda_functions WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
    if (!row) throw new ResourceNotFoundException(`Function not found: ${fnArnBase(scope)}${name}`, USER_FAULT);
    if (cacheable && generation === this.writes) {
      if (this.fnRows.size >= 1000) this.fnRows.clear();
      this.fnRows.set(key, Object.freeze(row));
    }
    return row;
  }

  /**
   * $LATEST's configuration read in a write transaction, as a copy to change; PreconditionFailed
   * when the caller gave a RevisionId that is not the current one.
   */
  async latestForUpdate(scope: Scope, name: string, tx: Queryable, revisionId: string | undefined): Promise<FnConfig> {
    const row = await this.fnRow(scope, name, tx);
    const config = JSON.parse(row.config) as FnConfig;
    if (revisionId !== undefined && revisionId !== config.RevisionId) throw new PreconditionFailedException(REVISION_MISMATCH, USER_FAULT);
    return config;
  }

  async versionConfig(scope: Scope, name: string, version: string, q: Queryable = this.db): Promise<FnConfig | undefined> {
    if (!isVersionNumber(version)) return undefined;
    const row = await q.get<{ config: string }>('SELECT config FROM lambda_versions WHERE account = ? AND region = ? AND name = ? AND version = ?', [
      scope.accountId,
      scope.region,
      name,
      Number(version),
    ]);
    return row ? this.parsed(row.config) : undefined;
  }

  /** A stored configuration, parsed once per distinct text; callers must not modify it. */
  parsed(text: string): FnConfig {
    let config = this.parsedConfigs.get(text);
    if (!config) {
      config = JSON.parse(text) as FnConfig;
      if (this.parsedConfigs.size >= 1000) this.parsedConfigs.clear();
      this.parsedConfigs.set(text, config);
    }
    return config;
  }

  async aliasDoc(scope: Scope, name: string, alias: string, q: Queryable = this.db): Promise<AliasDoc | undefined> {
    const row = await q.get<{ config: string }>('SELECT config FROM lambda_aliases WHERE account = ? AND region = ? AND name = ? AND alias = ?', [scope.accountId, scope.region, name, alias]);
    return row ? (JSON.parse(row.config) as AliasDoc) : undefined;
  }

  /** The configuration a (name, qualifier) designates: $LATEST, a version, or an alias (picking by its weights when `routing`). */
  async resolve(scope: Scope, name: string, qualifier: string | undefined, routing = false): Promise<Target> {
    const row = await this.fnRow(scope, name);
    const base = `${fnArnBase(scope)}${name}`;
    if (qualifier === undefined || qualifier === '$LATEST') {
      return { row, config: this.parsed(row.config), version: '$LATEST', invokedArn: qualifier ? `${base}:$LATEST` : base };
    }
    const missing = (): AwsError => new ResourceNotFoundException(`Function not found: ${base}:${qualifier}`, USER_FAULT);
    if (isVersionNumber(qualifier)) {
      const config = await this.versionConfig(scope, name, qualifier);
      if (!config) throw missing();
      return { row, config, version: qualifier, invokedArn: `${base}:${qualifier}` };
    }
    const alias = await this.aliasDoc(scope, name, qualifier);
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
    const config = version === '$LATEST' ? this.parsed(row.config) : await this.versionConfig(scope, name, version);
    if (!config) throw missing();
    return { row, config, version, invokedArn: `${base}:${qualifier}`, alias: qualifier };
  }
}

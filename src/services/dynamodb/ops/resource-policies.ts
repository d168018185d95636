/**
 * Resource-based policies of tables and their streams: Put/Get/DeleteResourcePolicy with revision ids
 * (the time of the write, so later revisions compare greater; putting the same document again keeps
 * its revision), ExpectedRevisionId checks (`NO_POLICY` expects none) and AWS's messages. A policy
 * belongs to one incarnation of its table (its TableId): a table deleted and created again has none.
 * Kept in their own table, beside the DynamoDB tables' migrations.
 */
import { parseResourceArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type { ResourcePolicy } from '../../../aws/iam-authorize.js';
import { ResourcePolicyCache } from '../../../aws/iam-resource-policies.js';
import {
  PolicyNotFoundException,
  type DeleteResourcePolicyInput,
  type DeleteResourcePolicyOutput,
  type DynamoDBApi,
  type GetResourcePolicyInput,
  type GetResourcePolicyOutput,
  type PutResourcePolicyInput,
  type PutResourcePolicyOutput,
} from '../../../generated/dynamodb.js';
import type { Db, Migration, Tx } from '../../../storage/db.js';
import { tableNotFound, type DynamoDbCore } from '../core.js';
import type { TableMeta } from '../tables.js';
import { validation } from '../values.js';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE IF NOT EXISTS dynamodb_resource_policies (
  account TEXT NOT NULL, region TEXT NOT NULL, resource_arn TEXT NOT NULL, table_id TEXT NOT NULL,
  policy TEXT NOT NULL, revision TEXT NOT NULL,
  PRIMARY KEY (account, region, resource_arn)
);`,
  },
];

/** AWS's limit on a policy document (20 KB). */
const MAX_POLICY_BYTES = 20 * 1024;

interface PolicyRow {
  table_id: string;
  policy: string;
  revision: string;
}

type Ops = 'PutResourcePolicy' | 'GetResourcePolicy' | 'DeleteResourcePolicy';

export class ResourcePolicyOps implements Pick<DynamoDBApi, Ops> {
  /** Policies for `--iam enforce`, by ARN and table incarnation (changed() after Put/Delete commit). */
  private readonly policies: ResourcePolicyCache;

  private constructor(private readonly core: DynamoDbCore) {
    this.policies = new ResourcePolicyCache(core.platform.clock, async (key) => {
      const [arn, account, region, tableId] = key.split('\u0000') as [string, string, string, string];
      const row = await core.db.get<PolicyRow>('SELECT table_id, policy, revision FROM dynamodb_resource_policies WHERE account = ? AND region = ? AND resource_arn = ?', [account, region, arn]);
      return { accountId: account, policy: row && row.table_id === tableId ? row.policy : undefined };
    });
  }

  /**
   * The provider's resourcePolicy hook: the policy of the table an ARN names (an index's ARN: its
   * table's; a stream's: the stream's own), and the owning account. A table deleted and created again
   * does not inherit its predecessor's policy (the cache is keyed by the table's incarnation).
   */
  async resourcePolicy(arn: string): Promise<ResourcePolicy | undefined> {
    let named = this.arns.get(arn);
    if (named === undefined) {
      const m = /^arn:aws[\w-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/([^/]+)(\/stream\/[^/]+)?/.exec(arn);
      named = m ? { region: m[1]!, account: m[2]!, name: m[3]!, policyArn: `arn:aws:dynamodb:${m[1]}:${m[2]}:table/${m[3]}${m[4] ?? ''}` } : null;
      if (this.arns.size >= 10_000) this.arns.clear();
      this.arns.set(arn, named);
    }
    if (!named) return undefined;
    const t = await this.core.store.table(named.account, named.region, named.name);
    if (!t) return { accountId: named.account, statements: [] };
    return this.policies.get(`${named.policyArn}\u0000${named.account}\u0000${named.region}\u0000${t.tableId}`);
  }

  /** ARNs as the hook reads them (parsed once: every request names one). */
  private readonly arns = new Map<string, { region: string; account: string; name: string; policyArn: string } | null>();

  static async open(core: DynamoDbCore, db: Db): Promise<ResourcePolicyOps> {
    await db.migrate('dynamodb.resource-policies', MIGRATIONS);
    return new ResourcePolicyOps(core);
  }

  async PutResourcePolicy(ctx: RequestContext, input: PutResourcePolicyInput): Promise<PutResourcePolicyOutput> {
    const t = await this.resource(ctx, input.ResourceArn);
    checkPolicy(input.Policy);
    return this.core.db.tx(async (tx) => {
      const current = await this.current(tx, ctx, input.ResourceArn, t);
      if (current && input.ExpectedRevisionId === 'NO_POLICY') {
        throw notFound(`Requested policy update expecting none to be present for table ${t.name}, but a policy exists with revision id ${current.revision}.`);
      }
      if (current && input.ExpectedRevisionId !== undefined && input.ExpectedRevisionId !== 'NO_POLICY' && input.ExpectedRevisionId !== current.revision) {
        throw revisionMismatch(input.ExpectedRevisionId, t.name, current.revision);
      }
      if (!current && input.ExpectedRevisionId !== undefined && input.ExpectedRevisionId !== 'NO_POLICY') throw notFound(input.ResourceArn);
      if (current?.policy === input.Policy) return { RevisionId: current.revision };
      // Later than the revision it replaces, even within one millisecond.
      const revision = String(Math.max(this.core.now(), current ? Number(current.revision) + 1 : 0));
      await tx.run(
        `INSERT INTO dynamodb_resource_policies (account, region, resource_arn, table_id, policy, revision) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (account, region, resource_arn) DO UPDATE SET table_id = excluded.table_id, policy = excluded.policy, revision = excluded.revision`,
        [ctx.accountId, ctx.region, input.ResourceArn, t.tableId, input.Policy, revision],
      );
      return { RevisionId: revision };
    }).finally(() => this.policies.changed());
  }

  async GetResourcePolicy(ctx: RequestContext, input: GetResourcePolicyInput): Promise<GetResourcePolicyOutput> {
    const t = await this.resource(ctx, input.ResourceArn);
    const current = await this.current(this.core.db, ctx, input.ResourceArn, t);
    if (!current) throw notFound(input.ResourceArn);
    return { Policy: current.policy, RevisionId: current.revision };
  }

  async DeleteResourcePolicy(ctx: RequestContext, input: DeleteResourcePolicyInput): Promise<DeleteResourcePolicyOutput> {
    const t = await this.resource(ctx, input.ResourceArn);
    return this.core.db.tx(async (tx) => {
      const current = await this.current(tx, ctx, input.ResourceArn, t);
      if (!current) throw notFound(input.ResourceArn);
      if (input.ExpectedRevisionId !== undefined && input.ExpectedRevisionId !== current.revision) throw revisionMismatch(input.ExpectedRevisionId, t.name, current.revision);
      await tx.run('DELETE FROM dynamodb_resource_policies WHERE account = ? AND region = ? AND resource_arn = ?', [ctx.accountId, ctx.region, input.ResourceArn]);
      return { RevisionId: current.revision };
    }).finally(() => this.policies.changed());
  }

  /** The table a policy ARN names (a table, or one of its streams), in the caller's account and region. */
  private async resource(ctx: RequestContext, arn: string): Promise<TableMeta> {
    const parsed = parseResourceArn(arn, 'dynamodb', 'table/');
    const [name, kind, label] = parsed?.name.split('/') ?? [];
    if (!parsed || !name || (kind !== undefined && (kind !== 'stream' || !label))) {
      throw validation(`One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: ${arn}`);
    }
    const t = parsed.account === ctx.accountId && parsed.region === ctx.region ? await this.core.store.table(ctx.accountId, ctx.region, name) : undefined;
    if (!t) throw tableNotFound(name);
    return t;
  }

  /** The resource's policy, if it was put on this incarnation of the table. */
  private async current(q: Db | Tx, ctx: RequestContext, arn: string, t: TableMeta): Promise<PolicyRow | undefined> {
    const row = await q.get<PolicyRow>('SELECT table_id, policy, revision FROM dynamodb_resource_policies WHERE account = ? AND region = ? AND resource_arn = ?', [
      ctx.accountId,
      ctx.region,
      arn,
    ]);
    return row && row.table_id === t.tableId ? row : undefined;
  }
}

function notFound(detail: string): PolicyNotFoundException {
  return new PolicyNotFoundException(`Resource-based policy not found for the provided ResourceArn: ${detail}`);
}

function revisionMismatch(expected: string, table: string, actual: string): PolicyNotFoundException {
  return notFound(`Requested update for policy with revision id ${expected}, but the policy associated to target table ${table} has revision id ${actual}.`);
}

/** A policy document is JSON with Statements, at most 20 KB. */
function checkPolicy(policy: string): void {
  if (Buffer.byteLength(policy) > MAX_POLICY_BYTES) throw validation(`Policy document exceeds the maximum allowed size of ${MAX_POLICY_BYTES} bytes`);
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    doc = undefined;
  }
  const statements = (doc as { Statement?: unknown } | undefined)?.Statement;
  if (doc === null || typeof doc !== 'object' || statements === undefined || (typeof statements !== 'object')) {
    throw validation('Invalid policy document. Please check the policy syntax and ensure that Principals are valid.');
  }
}

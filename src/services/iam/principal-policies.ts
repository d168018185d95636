/**
 * The policies that apply to a principal, for `--iam enforce`: a user's inline and attached policies
 * and those of its groups; a role's for its sessions; a federated user's federating user's; the
 * permissions boundary; the session's policies. Parsed once and cached per principal until IAM
 * changes anything in this process (generation), and for at most a second of platform time (another
 * node's changes).
 */
import { parsePolicy, type PolicyStatement } from '../../aws/iam-policy.js';
import type { PrincipalPolicies } from '../../aws/iam-authorize.js';
import type { Principal, ResolvedCredential } from '../../core/context.js';
import type { Queryable } from '../../storage/db.js';
import type { IamCore } from './core.js';
import { getEntity, lower, type Entity } from './store.js';

const TTL_MS = 1000;
const MAX_CACHED = 10_000;

export class PrincipalPolicyCache {
  private generation = 0;
  private readonly cache = new Map<string, { at: number; generation: number; policies: PrincipalPolicies }>();

  constructor(private readonly core: IamCore) {}

  private readonly keys = new Map<string, { at: number; generation: number; value: ResolvedCredential | undefined }>();

  /** Called after every IAM write this process commits. */
  changed(): void {
    this.generation++;
  }

  /** What an access key stands for, cached like the policies (a key made Inactive stops working with the write). */
  async credential(accessKeyId: string, load: () => Promise<ResolvedCredential | undefined>): Promise<ResolvedCredential | undefined> {
    const now = this.core.clock.now();
    const hit = this.keys.get(accessKeyId);
    if (hit && hit.generation === this.generation && now - hit.at < TTL_MS) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (this.keys.size >= MAX_CACHED) this.keys.clear();
    this.keys.set(accessKeyId, { at: now, generation, value });
    return value;
  }

  async policiesOf(p: Principal): Promise<PrincipalPolicies | undefined> {
    if (p.type === 'root') return undefined;
    const key = `${p.arn}\n${p.sessionPolicy ?? ''}\n${(p.sessionPolicyArns ?? []).join(',')}`;
    const now = this.core.clock.now();
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && now - hit.at < TTL_MS) return hit.policies;
    const generation = this.generation;
    const policies = await this.load(p);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, { at: now, generation, policies });
    return policies;
  }

  private async load(p: Principal): Promise<PrincipalPolicies> {
    const db = this.core.db;
    // The identity whose policies apply: the user; the role of a session; the user who federated.
    const identityArn = p.type === 'user' ? p.arn : (p.sourceArn ?? p.arn);
    const m = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(identityArn);
    const entity = m ? await getEntity(db, m[1]!, m[2] as 'user' | 'role', m[3]!) : undefined;
    const identity: PolicyStatement[] = [];
    let boundary: PolicyStatement[] | undefined;
    if (entity && entity.arn === identityArn) {
      const account = m![1]!;
      identity.push(...(await this.ownerStatements(db, account, entity.kind as 'user' | 'role', entity)));
      if (entity.kind === 'user') {
        const groups = await db.all<{ grp: string }>('SELECT grp FROM iam_members WHERE account = ? AND usr = ?', [account, lower(entity.name)]);
        for (const g of groups) {
          const group = await getEntity(db, account, 'group', g.grp);
          if (group) identity.push(...(await this.ownerStatements(db, account, 'group', group)));
        }
      }
      if (entity.boundary) boundary = await this.statementsOf(db, account, entity.boundary);
    }
    let session: PolicyStatement[] | undefined;
    if (p.type === 'federated-user' || p.sessionPolicy !== undefined || p.sessionPolicyArns?.length) {
      // A federated user without session policies has no permissions, as on AWS.
      session = [...(parsePolicy(p.sessionPolicy) ?? [])];
      for (const arn of p.sessionPolicyArns ?? []) session.push(...(await this.statementsOf(db, p.accountId, arn)));
    }
    const tags = entity && entity.arn === identityArn && p.type !== 'federated-user' && entity.tags?.length ? Object.fromEntries(entity.tags!.map((t) => [t.Key, t.Value])) : undefined;
    return { identity, ...(boundary ? { boundary } : {}), ...(session ? { session } : {}), ...(tags ? { tags } : {}) };
  }

  private async ownerStatements(q: Queryable, account: string, kind: 'user' | 'group' | 'role', e: Entity): Promise<PolicyStatement[]> {
    const out: PolicyStatement[] = [];
    const inline = await q.all<{ doc: string }>('SELECT doc FROM iam_inline WHERE account = ? AND kind = ? AND owner = ?', [account, kind, lower(e.name)]);
    for (const r of inline) out.push(...(parsePolicy(r.doc) ?? []));
    const attached = await q.all<{ policy_arn: string }>('SELECT policy_arn FROM iam_attached WHERE account = ? AND kind = ? AND owner = ?', [account, kind, lower(e.name)]);
    for (const r of attached) out.push(...(await this.statementsOf(q, account, r.policy_arn)));
    return out;
  }

  private async statementsOf(q: Queryable, account: string, arn: string): Promise<PolicyStatement[]> {
    return parsePolicy(await this.core.policyDocument(q, account, arn)) ?? [];
  }
}

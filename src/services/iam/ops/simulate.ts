import type { RequestContext } from '../../../core/context.js';
import { parsePolicy, statementApplies, type PolicyRequest, type PolicyStatement } from '../../../aws/iam-policy.js';
import {
  InvalidInputException,
  type IAMApi,
  type ContextEntry,
  type EvaluationResult,
  type PolicySourceType,
  type SimulateCustomPolicyRequest,
  type SimulatePrincipalPolicyRequest,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { encodePageToken } from '../../../storage/paginate.js';
import { noSuchEntity, type IamCore } from '../core.js';
import { awsManagedPolicy } from '../managed.js';
import { validatePolicyDocument } from '../policy-document.js';
import { getEntity, lower, type Entity } from '../store.js';

interface Source {
  readonly id: string;
  readonly type: PolicySourceType;
  readonly statements: readonly PolicyStatement[];
}

/**
 * SimulatePrincipalPolicy and SimulateCustomPolicy on the evaluator `--iam enforce` uses: every
 * action against every resource, explicit deny first, then an identity policy must allow and the
 * permissions boundary (when given or set) must allow. Matched statements name their source policy.
 */
export class SimulateOps implements Pick<IAMApi, 'SimulatePrincipalPolicy' | 'SimulateCustomPolicy'> {
  constructor(private readonly core: IamCore) {}

  async SimulatePrincipalPolicy(ctx: RequestContext, input: SimulatePrincipalPolicyRequest) {
    const db = this.core.db;
    const m = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(input.PolicySourceArn);
    const entity = m && m[1] === ctx.accountId ? await getEntity(db, ctx.accountId, m[2] as 'user' | 'group' | 'role', m[3]!) : undefined;
    if (!entity || entity.arn !== input.PolicySourceArn) throw noSuchEntity(`Entity ${input.PolicySourceArn} does not exist.`);
    const sources = await this.sourcesOf(db, ctx.accountId, entity);
    if (entity.kind === 'user') {
      const groups = await db.all<{ grp: string }>('SELECT grp FROM iam_members WHERE account = ? AND usr = ?', [ctx.accountId, lower(entity.name)]);
      for (const g of groups) {
        const group = await getEntity(db, ctx.accountId, 'group', g.grp);
        if (group) sources.push(...(await this.sourcesOf(db, ctx.accountId, group)));
      }
    }
    sources.push(...inputSources(input.PolicyInputList));
    let boundary = inputSources(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList');
    if (boundary.length === 0 && entity.boundary) boundary = [await this.managedSource(db, ctx.accountId, entity.boundary)];
    return this.simulate(ctx, input, sources, boundary, input.CallerArn ?? (entity.kind === 'group' ? undefined : entity.arn));
  }

  async SimulateCustomPolicy(ctx: RequestContext, input: SimulateCustomPolicyRequest) {
    return this.simulate(ctx, input, inputSources(input.PolicyInputList), inputSources(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList'), input.CallerArn);
  }

  private simulate(
    ctx: RequestContext,
    input: { ActionNames: string[]; ResourceArns?: string[]; ContextEntries?: ContextEntry[]; MaxItems?: number; Marker?: string },
    sources: readonly Source[],
    boundary: readonly Source[],
    callerArn: string | undefined,
  ) {
    const context: Record<string, string> = {};
    for (const e of input.ContextEntries ?? []) if (e.ContextKeyName && e.ContextKeyValues?.length) context[e.ContextKeyName.toLowerCase()] = e.ContextKeyValues[0]!;
    if (callerArn) context['aws:principalarn'] ??= callerArn;
    const results: EvaluationResult[] = [];
    for (const action of input.ActionNames) {
      for (const resource of input.ResourceArns ?? ['*']) {
        const req: PolicyRequest = { action, resource, sourceIp: context['aws:sourceip'] ?? '127.0.0.1', callerAccount: ctx.accountId, context };
        const matched = (list: readonly Source[]) => list.flatMap((s) => s.statements.filter((st) => statementApplies(st, req)).map((st) => ({ source: s, st })));
        const identity = matched(sources);
        const bounded = matched(boundary);
        const explicit = [...identity, ...bounded].filter((x) => x.st.Effect === 'Deny');
        const allows = identity.filter((x) => x.st.Effect === 'Allow');
        const boundaryAllows = boundary.length === 0 || bounded.some((x) => x.st.Effect === 'Allow');
        const decision = explicit.length ? 'explicitDeny' : allows.length && boundaryAllows ? 'allowed' : 'implicitDeny';
        const shown = explicit.length ? explicit : decision === 'allowed' ? allows : [];
        results.push({
          EvalActionName: action,
          EvalResourceName: resource,
          EvalDecision: decision,
          MatchedStatements: shown.map((x) => ({ SourcePolicyId: x.source.id, SourcePolicyType: x.source.type })),
          MissingContextValues: [],
          ...(boundary.length ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: boundaryAllows } } : {}),
        });
      }
    }
    const page = this.core.page(ctx, 'Simulate', input, JSON.stringify([input.ActionNames, input.ResourceArns]));
    const start = page.after ? Number(page.after[0]) : 0;
    const shown = results.slice(start, start + page.limit);
    const more = start + page.limit < results.length;
    return {
      EvaluationResults: shown,
      ...(more ? { IsTruncated: true, Marker: encodeMarker(page.listing, start + page.limit) } : { IsTruncated: false }),
    };
  }

  private async sourcesOf(q: Queryable, account: string, e: Entity): Promise<Source[]> {
    const kind = e.kind as 'user' | 'group' | 'role';
    const out: Source[] = [];
    const inline = await q.all<{ name: string; doc: string }>('SELECT name, doc FROM iam_inline WHERE account = ? AND kind = ? AND owner = ? ORDER BY name', [account, kind, lower(e.name)]);
    for (const r of inline) out.push({ id: r.name, type: kind, statements: parsePolicy(r.doc) ?? [] });
    const attached = await q.all<{ policy_arn: string }>('SELECT policy_arn FROM iam_attached WHERE account = ? AND kind = ? AND owner = ? ORDER BY policy_arn', [account, kind, lower(e.name)]);
    for (const r of attached) out.push(await this.managedSource(q, account, r.policy_arn));
    return out;
  }

  private async managedSource(q: Queryable, account: string, arn: string): Promise<Source> {
    return { id: arn, type: awsManagedPolicy(arn) ? 'aws-managed' : 'user-managed', statements: parsePolicy(await this.core.policyDocument(q, account, arn)) ?? [] };
  }
}

/** Policies given in the request (PolicyInputList.N), checked as IAM checks them. */
function inputSources(docs: readonly string[] | undefined, name = 'PolicyInputList'): Source[] {
  return (docs ?? []).map((doc, i) => {
    try {
      validatePolicyDocument(doc, 'identity');
    } catch (e) {
      throw new InvalidInputException(`${name}.${i + 1}: ${(e as Error).message}`);
    }
    return { id: `${name}.${i + 1}`, type: 'none' as const, statements: parsePolicy(doc) ?? [] };
  });
}


function encodeMarker(listing: string, next: number): string {
  return encodePageToken(listing, [next]);
}

/** State machine aliases, and what a machine, version or alias ARN runs. */
import type { RequestContext } from '../../../core/context.js';
import {
  ConflictException,
  ResourceNotFound,
  StateMachineDoesNotExist,
  ValidationException,
  type CreateStateMachineAliasInput,
  type DeleteStateMachineAliasInput,
  type DescribeStateMachineAliasInput,
  type DescribeStateMachineAliasOutput,
  type ListStateMachineAliasesInput,
  type RoutingConfigurationListItem,
  type SFNApi,
  type UpdateStateMachineAliasInput,
} from '../../../generated/stepfunctions.js';
import { arnParts, resourceTypeNotValid, type SfnCore } from '../core.js';
import type { AliasRow, SfnStore, StateMachineRow } from '../store.js';
import { pageOf, pageSize, readToken } from '../pages.js';

export class AliasOps
  implements Pick<SFNApi, 'CreateStateMachineAlias' | 'DescribeStateMachineAlias' | 'UpdateStateMachineAlias' | 'DeleteStateMachineAlias' | 'ListStateMachineAliases'>
{
  constructor(private readonly core: SfnCore) {}

  async CreateStateMachineAlias(ctx: RequestContext, input: CreateStateMachineAliasInput) {
    const routing = input.routingConfiguration;
    const notVersions = routing.filter((r) => !/:stateMachine:[^:]+:\d+$/.test(r.stateMachineVersionArn)).map((r) => r.stateMachineVersionArn);
    if (notVersions.length) throw new ValidationException(`Routing configuration must contain state machine version ARNs. Received: [${notVersions.join(', ')}]`);
    const smArn = routing[0]!.stateMachineVersionArn.split(':').slice(0, 7).join(':');
    await this.core.stateMachineOrThrow(ctx, smArn);
    for (const r of routing) {
      if (!(await this.core.store.version(r.stateMachineVersionArn))) throw new ResourceNotFound(`Resource not found: '${r.stateMachineVersionArn}'`);
    }
    const arn = `${smArn}:${input.name}`;
    const now = this.core.clock.now();
    const existing = await this.core.store.alias(arn);
    if (existing) {
      if (existing.routing === JSON.stringify(routing) && (existing.description ?? undefined) === input.description)
        return { stateMachineAliasArn: arn, creationDate: new Date(existing.created) };
      throw new ConflictException(`Failed to create alias because an alias with the same name and a different routing configuration already exists.`);
    }
    await this.core.store.createAlias({ arn, sm_arn: smArn, name: input.name, description: input.description ?? null, routing: JSON.stringify(routing), created: now, updated: now });
    return { stateMachineAliasArn: arn, creationDate: new Date(now) };
  }

  async DescribeStateMachineAlias(_ctx: RequestContext, input: DescribeStateMachineAliasInput) {
    const a = await aliasOrThrow(this.core.store, input.stateMachineAliasArn);
    const out: DescribeStateMachineAliasOutput = {
      stateMachineAliasArn: a.arn,
      name: a.name,
      routingConfiguration: JSON.parse(a.routing),
      creationDate: new Date(a.created),
      updateDate: new Date(a.updated),
    };
    if (a.description) out.description = a.description;
    return out;
  }

  async UpdateStateMachineAlias(_ctx: RequestContext, input: UpdateStateMachineAliasInput) {
    const a = await aliasOrThrow(this.core.store, input.stateMachineAliasArn);
    const now = this.core.clock.now();
    await this.core.store.updateAlias(a.arn, input.description ?? a.description, input.routingConfiguration ? JSON.stringify(input.routingConfiguration) : a.routing, now);
    return { updateDate: new Date(now) };
  }

  async DeleteStateMachineAlias(_ctx: RequestContext, input: DeleteStateMachineAliasInput) {
    await this.core.store.deleteAlias(input.stateMachineAliasArn);
    return {};
  }

  async ListStateMachineAliases(ctx: RequestContext, input: ListStateMachineAliasesInput) {
    const sm = await this.core.stateMachineOrThrow(ctx, input.stateMachineArn);
    const listing = { kind: 'aliases', scope: sm.arn, key: ['number', 'string'] } as const;
    const after = readToken(listing, input.nextToken);
    const size = pageSize(input.maxResults);
    const rows = await this.core.store.listAliases(sm.arn, after, size + 1);
    const page = pageOf(listing, rows, size, (r) => [r.created, r.arn]);
    return {
      stateMachineAliases: page.rows.map((r) => ({ stateMachineAliasArn: r.arn, creationDate: new Date(r.created) })),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  }
}

async function aliasOrThrow(store: SfnStore, arn: string): Promise<AliasRow> {
  const a = await store.alias(arn);
  if (!a) throw new ResourceNotFound(`Resource not found: '${arn}'`);
  return a;
}

/** What an execution runs: a machine's current definition, a version's, or a version an alias routes to (by weight). */
export interface ExecutionTarget {
  sm: StateMachineRow;
  definition: string;
  roleArn: string;
  versionArn?: string;
  aliasArn?: string;
}

/** Resolves a state machine, version or alias ARN to what an execution runs. */
export async function resolveTarget(core: SfnCore, ctx: RequestContext, arn: string): Promise<ExecutionTarget> {
  const parts = arnParts(arn);
  if (!parts || parts[5] !== 'stateMachine') throw resourceTypeNotValid(parts?.[5] ?? arn);
  const sm = await core.stateMachineOrThrow(ctx, arn);
  if (parts.length === 7) return { sm, definition: sm.definition, roleArn: sm.role_arn };
  let versionArn = arn;
  let aliasArn: string | undefined;
  if (!/^\d+$/.test(parts[7]!)) {
    const a = await aliasOrThrow(core.store, arn);
    aliasArn = arn;
    versionArn = pickVersion(JSON.parse(a.routing) as RoutingConfigurationListItem[]);
  }
  const v = await core.store.version(versionArn);
  if (!v) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${versionArn}'`);
  return { sm, definition: v.definition, roleArn: v.role_arn, versionArn, aliasArn };
}

/** A version of an alias's routing, drawn by the weights (percentages). */
function pickVersion(routing: RoutingConfigurationListItem[]): string {
  let pick = Math.random() * 100;
  for (const r of routing) {
    if (pick < r.weight) return r.stateMachineVersionArn;
    pick -= r.weight;
  }
  return routing[0]!.stateMachineVersionArn;
}

/** Rules (event patterns and schedules) and their targets. */
import { parseArn } from '../../../aws/arn.js';
import { compileEventPattern, EventPatternError } from '../../../aws/event-patterns/index.js';
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidEventPatternException, LimitExceededException, type DeleteRuleRequest, type DescribeRuleRequest, type DescribeRuleResponse, type DisableRuleRequest, type EnableRuleRequest,
  type EventBridgeApi, type ListRuleNamesByTargetRequest, type ListRuleNamesByTargetResponse, type ListRulesRequest,
  type ListRulesResponse, type ListTargetsByRuleRequest, type ListTargetsByRuleResponse, type PutRuleRequest, type PutRuleResponse,
  type PutTargetsRequest, type PutTargetsResponse, type PutTargetsResultEntry, type RemoveTargetsRequest, type RemoveTargetsResponse,
  type Rule, type Target,
} from '../../../generated/events.js';
import { EVENTS_INVALID_SCHEDULE_MESSAGE, parseScheduleExpression, ScheduleExpressionError } from '../../../jobs/schedule.js';
import type { Scope } from '../../../storage/documents.js';
import { decodePageToken, encodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import { DEFAULT_BUS, RULE_FIRE_KIND, type EventsCore } from '../core.js';
import { rules, targets, type StoredRule } from '../store.js';
import { checkTargetInput } from '../transform.js';
import { tagProblem, tagsOf } from './tags.js';

/** The most targets a rule may have. */
export const MAX_TARGETS_PER_RULE = 5;

/** Checks an event pattern and answers InvalidEventPatternException with AWS's message. */
export function checkPattern(text: string): void {
  try {
    compileEventPattern(text);
  } catch (e) {
    if (e instanceof EventPatternError) throw new InvalidEventPatternException(e.awsMessage());
    throw e;
  }
}

function ruleOut(r: StoredRule): Rule & DescribeRuleResponse {
  return {
    Name: r.name,
    Arn: r.arn,
    ...(r.eventPattern !== undefined ? { EventPattern: r.eventPattern } : {}),
    ...(r.scheduleExpression !== undefined ? { ScheduleExpression: r.scheduleExpression } : {}),
    State: r.state,
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(r.roleArn !== undefined ? { RoleArn: r.roleArn } : {}),
    EventBusName: r.bus,
  };
}

type Ops =
  | 'PutRule' | 'DescribeRule' | 'ListRules' | 'EnableRule' | 'DisableRule' | 'DeleteRule'
  | 'PutTargets' | 'RemoveTargets' | 'ListTargetsByRule' | 'ListRuleNamesByTarget';

export class RuleOps implements Pick<EventBridgeApi, Ops> {
  constructor(private readonly core: EventsCore) {}

  async PutRule(ctx: RequestContext, input: PutRuleRequest): Promise<PutRuleResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    if (input.EventPattern === undefined && input.ScheduleExpression === undefined) throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    if (input.EventPattern !== undefined) checkPattern(input.EventPattern);
    if (input.ScheduleExpression !== undefined) {
      try {
        parseScheduleExpression(input.ScheduleExpression, { allowAt: false });
      } catch (e) {
        if (e instanceof ScheduleExpressionError) throw new ValidationException(EVENTS_INVALID_SCHEDULE_MESSAGE);
        throw e;
      }
      if (ref.name !== DEFAULT_BUS) throw new ValidationException('ScheduleExpression is supported only on the default event bus.');
    }
    const tags = tagsOf(input.Tags);
    const bad = tagProblem(tags);
    if (bad) throw bad;
    const s = ref.scope;
    const rule = await this.core.db.tx(async (tx) => {
      await this.core.requireBus(s, ref.name, tx);
      const existing = await rules.get(tx, s, [ref.name, input.Name]);
      const r: StoredRule = {
        name: input.Name,
        bus: ref.name,
        arn: this.core.ruleArn(s, ref.name, input.Name),
        eventPattern: input.EventPattern,
        scheduleExpression: input.ScheduleExpression,
        state: input.State ?? 'ENABLED',
        description: input.Description,
        roleArn: input.RoleArn,
        created: existing?.created ?? this.core.clock.now(),
      };
      await rules.put(tx, s, [ref.name, input.Name], r);
      if (!existing && Object.keys(tags).length) await this.core.tags.tag(tx, s, r.arn, tags);
      return r;
    });
    await this.syncSchedule(s, rule);
    return { RuleArn: rule.arn };
  }

  /** A rule's schedule is a recurring job while the rule is enabled and has an expression. */
  private async syncSchedule(s: Scope, rule: StoredRule): Promise<void> {
    const key = this.core.ruleScheduleKey(s, rule.bus, rule.name);
    if (rule.scheduleExpression && rule.state !== 'DISABLED') {
      // A rate rule's period starts when the rule is created: its first fire is one period later.
      const expression = parseScheduleExpression(rule.scheduleExpression, { allowAt: false });
      const startMs = expression.type === 'rate' ? rule.created + expression.periodMs : undefined;
      await this.core.jobs.schedules.put({ kind: RULE_FIRE_KIND, key, account: s.accountId, region: s.region, expression: rule.scheduleExpression, startMs, payload: { bus: rule.bus, name: rule.name } });
    } else {
      await this.core.jobs.schedules.delete(RULE_FIRE_KIND, key);
    }
  }

  async DescribeRule(ctx: RequestContext, input: DescribeRuleRequest): Promise<DescribeRuleResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    const rule = await this.core.requireRule(ref.scope, ref.name, input.Name);
    return { ...ruleOut(rule), CreatedBy: ref.scope.accountId };
  }

  async ListRules(ctx: RequestContext, input: ListRulesRequest): Promise<ListRulesResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    await this.core.requireBus(ref.scope, ref.name);
    const page = await this.core.listNamed<StoredRule>('events_rules', ref.scope, {
      operation: 'ListRules', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit, where: 'bus = ?', params: [ref.name], filters: [ref.name],
    });
    return { Rules: page.items.map(ruleOut), ...(page.next ? { NextToken: page.next } : {}) };
  }

  private async setState(ctx: RequestContext, busName: string | undefined, name: string, state: 'ENABLED' | 'DISABLED'): Promise<void> {
    const ref = this.core.busRef(ctx, busName);
    const rule = await this.core.db.tx(async (tx) => {
      const r = await this.core.requireRule(ref.scope, ref.name, name, tx);
      r.state = state;
      await rules.put(tx, ref.scope, [ref.name, name], r);
      return r;
    });
    await this.syncSchedule(ref.scope, rule);
  }

  async EnableRule(ctx: RequestContext, input: EnableRuleRequest): Promise<void> {
    await this.setState(ctx, input.EventBusName, input.Name, 'ENABLED');
  }

  async DisableRule(ctx: RequestContext, input: DisableRuleRequest): Promise<void> {
    await this.setState(ctx, input.EventBusName, input.Name, 'DISABLED');
  }

  async DeleteRule(ctx: RequestContext, input: DeleteRuleRequest): Promise<void> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    const s = ref.scope;
    await this.core.db.tx(async (tx) => {
      const rule = await rules.get(tx, s, [ref.name, input.Name]);
      if (!rule) return; // deleting a rule that does not exist succeeds
      const page = await targets.list(tx, s, { parent: [ref.name, input.Name], limit: 1 });
      if (page.items.length > 0) throw new ValidationException("Rule can't be deleted since it has targets.");
      await rules.delete(tx, s, [ref.name, input.Name]);
      await this.core.tags.forget(tx, s, rule.arn);
    });
    await this.core.jobs.schedules.delete(RULE_FIRE_KIND, this.core.ruleScheduleKey(s, ref.name, input.Name));
  }

  async PutTargets(ctx: RequestContext, input: PutTargetsRequest): Promise<PutTargetsResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    const s = ref.scope;
    for (const t of input.Targets) checkTargetInput(t);
    const failed: PutTargetsResultEntry[] = [];
    const accepted: Target[] = [];
    for (const t of input.Targets) {
      const problem = targetProblem(t);
      if (problem) failed.push({ TargetId: t.Id, ErrorCode: 'ValidationException', ErrorMessage: problem });
      else accepted.push(t);
    }
    await this.core.db.tx(async (tx) => {
      await this.core.requireRule(s, ref.name, input.Rule, tx);
      const ids = new Set<string>();
      for await (const t of targets.scan(tx, s, [ref.name, input.Rule])) ids.add(t.Id);
      for (const t of accepted) ids.add(t.Id);
      if (ids.size > MAX_TARGETS_PER_RULE) throw new LimitExceededException('The requested resource exceeds the maximum number allowed.');
      for (const t of accepted) await targets.put(tx, s, [ref.name, input.Rule, t.Id], t);
    });
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  }

  async RemoveTargets(ctx: RequestContext, input: RemoveTargetsRequest): Promise<RemoveTargetsResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    await this.core.db.tx(async (tx) => {
      await this.core.requireRule(ref.scope, ref.name, input.Rule, tx);
      for (const id of input.Ids) await targets.delete(tx, ref.scope, [ref.name, input.Rule, id]);
    });
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  async ListTargetsByRule(ctx: RequestContext, input: ListTargetsByRuleRequest): Promise<ListTargetsByRuleResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    await this.core.requireRule(ref.scope, ref.name, input.Rule);
    const listing = listingOf('ListTargetsByRule', ref.scope, ref.name, input.Rule);
    let after: string | undefined;
    if (input.NextToken !== undefined) {
      const pos = decodePageToken(input.NextToken, listing);
      if (!pos) throw new ValidationException('The NextToken provided is invalid.');
      after = String(pos[0]);
    }
    const page = await targets.list(this.core.db, ref.scope, { parent: [ref.name, input.Rule], after: after === undefined ? undefined : [after], limit: input.Limit ?? 100 });
    const next = page.next ? encodePageToken(listing, [page.items[page.items.length - 1]!.Id]) : undefined;
    return { Targets: page.items, ...(next ? { NextToken: next } : {}) };
  }

  async ListRuleNamesByTarget(ctx: RequestContext, input: ListRuleNamesByTargetRequest): Promise<ListRuleNamesByTargetResponse> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    const s = ref.scope;
    await this.core.requireBus(s, ref.name);
    const listing = listingOf('ListRuleNamesByTarget', s, ref.name, input.TargetArn);
    const size = Math.min(Math.max(input.Limit ?? 100, 1), 100);
    const params = [s.accountId, s.region, ref.name, input.TargetArn];
    let where = 'account = ? AND region = ? AND bus = ? AND arn = ?';
    if (input.NextToken !== undefined) {
      const pos = decodePageToken(input.NextToken, listing);
      if (!pos) throw new ValidationException('The NextToken provided is invalid.');
      where += ' AND rule > ?';
      params.push(String(pos[0]));
    }
    const rows = await this.core.db.all<{ rule: string }>(`SELECT DISTINCT rule FROM events_targets WHERE ${where} ORDER BY rule LIMIT ${size + 1}`, params);
    const page = pageOf(listing, rows, size, (r) => [r.rule]);
    return { RuleNames: page.items.map((r) => r.rule), ...(page.next ? { NextToken: page.next } : {}) };
  }
}

/** A target Stratus cannot accept, as PutTargets reports it in FailedEntries. */
function targetProblem(t: Target): string | undefined {
  const a = parseArn(t.Arn);
  if (!a) return `Parameter ${t.Arn} is not valid. Reason: Provided Arn is not in correct format.`;
  if (t.DeadLetterConfig?.Arn !== undefined) {
    const d = parseArn(t.DeadLetterConfig.Arn);
    if (!d || d.service !== 'sqs') return 'Only SQS queue ARNs are supported as dead-letter queue targets.';
    if (d.resource.endsWith('.fifo')) return 'FIFO queues are not supported as dead-letter queues.';
  }
  if (a.service === 'sqs' && a.resource.endsWith('.fifo') && !t.SqsParameters?.MessageGroupId) return 'Parameter(s) SqsParameters must be specified for FIFO queues.';
  return undefined;
}

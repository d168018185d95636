/** Schedules: create, read, update, delete, list; each enabled one is a recurring job on the platform clock. */
import type { RequestContext } from '../../../core/context.js';
import {
  ConflictException, ValidationException,
  type CreateScheduleInput, type CreateScheduleOutput, type DeleteScheduleInput, type DeleteScheduleOutput, type GetScheduleInput,
  type GetScheduleOutput, type ListSchedulesInput, type ListSchedulesOutput, type SchedulerApi, type UpdateScheduleInput,
  type UpdateScheduleOutput,
} from '../../../generated/scheduler.js';
import { isTimeZone, parseScheduleExpression, ScheduleExpressionError } from '../../../jobs/schedule.js';
import type { Scope } from '../../../storage/documents.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import { targetKind } from '../../targets/send.js';
import { DEFAULT_GROUP, FIRE_KIND, schedules, type SchedulerCore, type StoredSchedule } from '../core.js';
import { universalTarget } from '../fire.js';

/** Checks what the model cannot: the expression, time zone, window, dates and target. */
function checkSchedule(input: CreateScheduleInput | UpdateScheduleInput): void {
  try {
    parseScheduleExpression(input.ScheduleExpression);
  } catch (e) {
    if (e instanceof ScheduleExpressionError) throw new ValidationException(e.message);
    throw e;
  }
  if (input.ScheduleExpressionTimezone !== undefined && !isTimeZone(input.ScheduleExpressionTimezone)) throw new ValidationException(`Invalid timezone ${input.ScheduleExpressionTimezone}.`);
  const w = input.FlexibleTimeWindow;
  if (w.Mode === 'FLEXIBLE' && w.MaximumWindowInMinutes === undefined) throw new ValidationException('MaximumWindowInMinutes must be provided when FlexibleTimeWindow Mode is FLEXIBLE.');
  if (w.Mode === 'OFF' && w.MaximumWindowInMinutes !== undefined) throw new ValidationException('MaximumWindowInMinutes must not be provided when FlexibleTimeWindow Mode is OFF.');
  if (input.StartDate && input.EndDate && input.EndDate.getTime() <= input.StartDate.getTime()) throw new ValidationException('The EndDate must be after the StartDate.');
  const arn = input.Target.Arn;
  if (targetKind(arn) === 'events' && !input.Target.EventBridgeParameters) throw new ValidationException('EventBridgeParameters must be provided for an EventBridge target.');
  if (!universalTarget(arn) && !targetKind(arn)) throw new ValidationException(`Invalid target ${arn}. Stratus delivers to Lambda, SQS, SNS, Step Functions, EventBridge, Kinesis and CloudWatch Logs ARNs and to universal targets.`);
}

function scheduleOut(s: StoredSchedule): GetScheduleOutput {
  return {
    Arn: s.arn,
    Name: s.name,
    GroupName: s.group,
    ScheduleExpression: s.expression,
    ...(s.timeZone !== undefined ? { ScheduleExpressionTimezone: s.timeZone } : {}),
    ...(s.startMs !== undefined ? { StartDate: new Date(s.startMs) } : {}),
    ...(s.endMs !== undefined ? { EndDate: new Date(s.endMs) } : {}),
    FlexibleTimeWindow: s.flexMinutes !== undefined ? { Mode: 'FLEXIBLE', MaximumWindowInMinutes: s.flexMinutes } : { Mode: 'OFF' },
    State: s.state,
    ...(s.description !== undefined ? { Description: s.description } : {}),
    Target: { ...s.target, RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185, ...s.target.RetryPolicy } },
    ActionAfterCompletion: s.actionAfterCompletion,
    ...(s.kmsKeyArn !== undefined ? { KmsKeyArn: s.kmsKeyArn } : {}),
    CreationDate: new Date(s.created),
    LastModificationDate: new Date(s.modified),
  };
}

type Ops = 'CreateSchedule' | 'GetSchedule' | 'UpdateSchedule' | 'DeleteSchedule' | 'ListSchedules';

export class ScheduleOps implements Pick<SchedulerApi, Ops> {
  constructor(private readonly core: SchedulerCore) {}

  private build(s: Scope, input: CreateScheduleInput | UpdateScheduleInput, group: string, created: number, now: number): StoredSchedule {
    return {
      name: input.Name,
      group,
      arn: this.core.scheduleArn(s, group, input.Name),
      expression: input.ScheduleExpression,
      timeZone: input.ScheduleExpressionTimezone,
      startMs: input.StartDate?.getTime(),
      endMs: input.EndDate?.getTime(),
      flexMinutes: input.FlexibleTimeWindow.Mode === 'FLEXIBLE' ? input.FlexibleTimeWindow.MaximumWindowInMinutes : undefined,
      state: input.State ?? 'ENABLED',
      description: input.Description,
      target: input.Target,
      actionAfterCompletion: input.ActionAfterCompletion ?? 'NONE',
      kmsKeyArn: input.KmsKeyArn,
      created,
      modified: now,
    };
  }

  async CreateSchedule(ctx: RequestContext, input: CreateScheduleInput): Promise<CreateScheduleOutput> {
    checkSchedule(input);
    const s = { accountId: ctx.accountId, region: ctx.region };
    const group = input.GroupName ?? DEFAULT_GROUP;
    const now = this.core.clock.now();
    const sc = this.build(s, input, group, now, now);
    await this.core.db.tx(async (tx) => {
      await this.core.requireGroup(s, group, tx);
      if (await schedules.get(tx, s, [group, input.Name])) throw new ConflictException(`Schedule ${input.Name} already exists.`);
      await schedules.put(tx, s, [group, input.Name], sc);
    });
    await this.core.sync(s, sc);
    return { ScheduleArn: sc.arn };
  }

  async GetSchedule(ctx: RequestContext, input: GetScheduleInput): Promise<GetScheduleOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    const group = input.GroupName ?? DEFAULT_GROUP;
    await this.core.requireGroup(s, group);
    return scheduleOut(await this.core.requireSchedule(s, group, input.Name));
  }

  async UpdateSchedule(ctx: RequestContext, input: UpdateScheduleInput): Promise<UpdateScheduleOutput> {
    checkSchedule(input);
    const s = { accountId: ctx.accountId, region: ctx.region };
    const group = input.GroupName ?? DEFAULT_GROUP;
    const sc = await this.core.db.tx(async (tx) => {
      await this.core.requireGroup(s, group, tx);
      const old = await this.core.requireSchedule(s, group, input.Name, tx);
      const next = this.build(s, input, group, old.created, Math.max(this.core.clock.now(), old.modified + 1));
      await schedules.put(tx, s, [group, input.Name], next);
      return next;
    });
    await this.core.sync(s, sc);
    return { ScheduleArn: sc.arn };
  }

  async DeleteSchedule(ctx: RequestContext, input: DeleteScheduleInput): Promise<DeleteScheduleOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    const group = input.GroupName ?? DEFAULT_GROUP;
    await this.core.db.tx(async (tx) => {
      await this.core.requireGroup(s, group, tx);
      await this.core.requireSchedule(s, group, input.Name, tx);
      await schedules.delete(tx, s, [group, input.Name]);
    });
    await this.core.jobs.schedules.delete(FIRE_KIND, this.core.jobKey(s, group, input.Name));
    return {};
  }

  async ListSchedules(ctx: RequestContext, input: ListSchedulesInput): Promise<ListSchedulesOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    const listing = listingOf('ListSchedules', s, input.GroupName, input.NamePrefix, input.State);
    const size = Math.min(Math.max(input.MaxResults ?? 100, 1), 100);
    let where = 'account = ? AND region = ?';
    const params: (string | number)[] = [s.accountId, s.region];
    if (input.GroupName !== undefined) {
      where += ' AND grp = ?';
      params.push(input.GroupName);
    }
    if (input.State !== undefined) {
      where += ' AND state = ?';
      params.push(input.State);
    }
    if (input.NamePrefix !== undefined) {
      where += ' AND substr(name, 1, ?) = ?';
      params.push(input.NamePrefix.length, input.NamePrefix);
    }
    if (input.NextToken !== undefined) {
      const after = decodePageToken(input.NextToken, listing);
      if (!after) throw new ValidationException('Invalid next token.');
      where += ' AND (name > ? OR (name = ? AND grp > ?))';
      params.push(String(after[0]), String(after[0]), String(after[1]));
    }
    const rows = await this.core.db.all<{ name: string; grp: string; doc: string }>(`SELECT name, grp, doc FROM scheduler_schedules WHERE ${where} ORDER BY name, grp LIMIT ${size + 1}`, params);
    const page = pageOf(listing, rows, size, (r) => [r.name, r.grp]);
    return {
      Schedules: page.items.map((r) => {
        const sc = JSON.parse(r.doc) as StoredSchedule;
        return { Arn: sc.arn, Name: sc.name, GroupName: sc.group, State: sc.state, CreationDate: new Date(sc.created), LastModificationDate: new Date(sc.modified), Target: { Arn: sc.target.Arn } };
      }),
      ...(page.next ? { NextToken: page.next } : {}),
    };
  }
}

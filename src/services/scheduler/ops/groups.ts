/** Schedule groups (the default one exists in every account and region) and their tags. */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  ConflictException, ResourceNotFoundException, ValidationException,
  type CreateScheduleGroupInput, type CreateScheduleGroupOutput, type DeleteScheduleGroupInput, type DeleteScheduleGroupOutput,
  type GetScheduleGroupInput, type GetScheduleGroupOutput, type ListScheduleGroupsInput, type ListScheduleGroupsOutput,
  type ListTagsForResourceInput, type ListTagsForResourceOutput, type SchedulerApi, type TagResourceInput, type TagResourceOutput,
  type UntagResourceInput, type UntagResourceOutput,
} from '../../../generated/scheduler.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import type { Scope } from '../../../storage/documents.js';
import { DEFAULT_GROUP, FIRE_KIND, groups, schedules, type SchedulerCore, type StoredGroup } from '../core.js';

function groupOut(g: StoredGroup): GetScheduleGroupOutput {
  return { Arn: g.arn, Name: g.name, State: 'ACTIVE', CreationDate: new Date(g.created), LastModificationDate: new Date(g.modified) };
}

type Ops = 'CreateScheduleGroup' | 'GetScheduleGroup' | 'DeleteScheduleGroup' | 'ListScheduleGroups' | 'TagResource' | 'UntagResource' | 'ListTagsForResource';

export class GroupOps implements Pick<SchedulerApi, Ops> {
  constructor(private readonly core: SchedulerCore) {}

  async CreateScheduleGroup(ctx: RequestContext, input: CreateScheduleGroupInput): Promise<CreateScheduleGroupOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    const now = this.core.clock.now();
    const g: StoredGroup = { name: input.Name, arn: this.core.groupArn(s, input.Name), created: now, modified: now };
    await this.core.db.tx(async (tx) => {
      if (await this.core.group(s, input.Name, tx)) throw new ConflictException(`Schedule group ${input.Name} already exists.`);
      await groups.put(tx, s, [input.Name], g);
      const tags = Object.fromEntries((input.Tags ?? []).map((t) => [t.Key, t.Value]));
      if (Object.keys(tags).length) await this.core.tags.tag(tx, s, g.arn, tags);
    });
    return { ScheduleGroupArn: g.arn };
  }

  async GetScheduleGroup(ctx: RequestContext, input: GetScheduleGroupInput): Promise<GetScheduleGroupOutput> {
    return groupOut(await this.core.requireGroup({ accountId: ctx.accountId, region: ctx.region }, input.Name));
  }

  async DeleteScheduleGroup(ctx: RequestContext, input: DeleteScheduleGroupInput): Promise<DeleteScheduleGroupOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    if (input.Name === DEFAULT_GROUP) throw new ValidationException('Cannot delete the default schedule group.');
    const names: string[] = [];
    await this.core.db.tx(async (tx) => {
      const g = await this.core.requireGroup(s, input.Name, tx);
      for await (const sc of schedules.scan(tx, s, [input.Name])) names.push(sc.name);
      await schedules.deleteAll(tx, s, [input.Name]);
      await this.core.tags.forget(tx, s, g.arn);
      await groups.delete(tx, s, [input.Name]);
    });
    for (const name of names) await this.core.jobs.schedules.delete(FIRE_KIND, this.core.jobKey(s, input.Name, name));
    return {};
  }

  async ListScheduleGroups(ctx: RequestContext, input: ListScheduleGroupsInput): Promise<ListScheduleGroupsOutput> {
    const s = { accountId: ctx.accountId, region: ctx.region };
    await this.core.group(s, DEFAULT_GROUP);
    const listing = listingOf('ListScheduleGroups', s, input.NamePrefix);
    const size = Math.min(Math.max(input.MaxResults ?? 100, 1), 100);
    let where = 'account = ? AND region = ?';
    const params: (string | number)[] = [s.accountId, s.region];
    if (input.NamePrefix !== undefined) {
      where += ' AND substr(name, 1, ?) = ?';
      params.push(input.NamePrefix.length, input.NamePrefix);
    }
    if (input.NextToken !== undefined) {
      const after = decodePageToken(input.NextToken, listing);
      if (!after) throw new ValidationException('Invalid next token.');
      where += ' AND name > ?';
      params.push(String(after[0]));
    }
    const rows = await this.core.db.all<{ name: string; doc: string }>(`SELECT name, doc FROM scheduler_groups WHERE ${where} ORDER BY name LIMIT ${size + 1}`, params);
    const page = pageOf(listing, rows, size, (r) => [r.name]);
    return { ScheduleGroups: page.items.map((r) => groupOut(JSON.parse(r.doc) as StoredGroup)), ...(page.next ? { NextToken: page.next } : {}) };
  }

  /** Only schedule groups take tags. */
  private async taggable(ctx: RequestContext, arn: string): Promise<Scope> {
    const a = parseArn(arn);
    const s = { accountId: a?.account || ctx.accountId, region: a?.region || ctx.region };
    if (!a || a.service !== 'scheduler' || !a.resource.startsWith('schedule-group/')) throw new ResourceNotFoundException(`Resource ${arn} does not exist.`);
    await this.core.requireGroup(s, a.resource.slice('schedule-group/'.length));
    return s;
  }

  async TagResource(ctx: RequestContext, input: TagResourceInput): Promise<TagResourceOutput> {
    const s = await this.taggable(ctx, input.ResourceArn);
    const tags = Object.fromEntries(input.Tags.map((t) => [t.Key, t.Value]));
    const problem = await this.core.db.tx((tx) => this.core.tags.tag(tx, s, input.ResourceArn, tags));
    if (problem) throw new ValidationException(problem.kind === 'tooMany' ? 'Too many tags.' : `Invalid tag: ${'key' in problem ? problem.key : ''}.`);
    return {};
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<UntagResourceOutput> {
    const s = await this.taggable(ctx, input.ResourceArn);
    await this.core.db.tx((tx) => this.core.tags.untag(tx, s, input.ResourceArn, input.TagKeys));
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput> {
    const s = await this.taggable(ctx, input.ResourceArn);
    const entries = await this.core.tags.entries(s, input.ResourceArn);
    return { Tags: entries.map(([Key, Value]) => ({ Key, Value })) };
  }
}

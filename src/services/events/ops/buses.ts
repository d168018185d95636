/** Event buses and their resource policies (PutPermission, RemovePermission). */
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceAlreadyExistsException, ResourceNotFoundException, type CreateEventBusRequest, type CreateEventBusResponse, type DeleteEventBusRequest, type DescribeEventBusRequest,
  type DescribeEventBusResponse, type EventBridgeApi, type EventBus, type ListEventBusesRequest, type ListEventBusesResponse,
  type PutPermissionRequest, type RemovePermissionRequest, type UpdateEventBusRequest, type UpdateEventBusResponse,
} from '../../../generated/events.js';
import { DEFAULT_BUS, RULE_FIRE_KIND, type EventsCore } from '../core.js';
import { buses, rules, targets, type StoredBus } from '../store.js';
import { tagsOf, tagProblem } from './tags.js';

export function busOut(b: StoredBus): EventBus & DescribeEventBusResponse {
  return {
    Name: b.name,
    Arn: b.arn,
    ...(b.description !== undefined ? { Description: b.description } : {}),
    ...(b.policy ? { Policy: JSON.stringify(b.policy) } : {}),
    ...(b.deadLetterArn ? { DeadLetterConfig: { Arn: b.deadLetterArn } } : {}),
    CreationTime: new Date(b.created),
    LastModifiedTime: new Date(b.modified),
  };
}

type Ops = 'CreateEventBus' | 'DescribeEventBus' | 'DeleteEventBus' | 'ListEventBuses' | 'UpdateEventBus' | 'PutPermission' | 'RemovePermission';

export class BusOps implements Pick<EventBridgeApi, Ops> {
  constructor(private readonly core: EventsCore) {}

  async CreateEventBus(ctx: RequestContext, input: CreateEventBusRequest): Promise<CreateEventBusResponse> {
    const s = this.core.scopeOf(ctx);
    if (input.EventSourceName !== undefined) throw new ResourceNotFoundException(`Event source ${input.EventSourceName} does not exist.`);
    if (input.Name.startsWith('aws.')) throw new ValidationException('Event bus name must not start with \'aws.\'.');
    const tags = tagsOf(input.Tags);
    const problem = tagProblem(tags);
    if (problem) throw problem;
    const now = this.core.clock.now();
    const bus: StoredBus = { name: input.Name, arn: this.core.busArn(s, input.Name), description: input.Description, created: now, modified: now, deadLetterArn: input.DeadLetterConfig?.Arn };
    await this.core.db.tx(async (tx) => {
      if (await this.core.bus(s, input.Name, tx)) throw new ResourceAlreadyExistsException(`Event bus ${input.Name} already exists.`);
      await buses.put(tx, s, [input.Name], bus);
      if (Object.keys(tags).length) await this.core.tags.tag(tx, s, bus.arn, tags);
    });
    return { EventBusArn: bus.arn, ...(bus.description !== undefined ? { Description: bus.description } : {}), ...(bus.deadLetterArn ? { DeadLetterConfig: { Arn: bus.deadLetterArn } } : {}) };
  }

  async DescribeEventBus(ctx: RequestContext, input: DescribeEventBusRequest): Promise<DescribeEventBusResponse> {
    const ref = this.core.busRef(ctx, input.Name);
    return busOut(await this.core.requireBus(ref.scope, ref.name));
  }

  async UpdateEventBus(ctx: RequestContext, input: UpdateEventBusRequest): Promise<UpdateEventBusResponse> {
    const ref = this.core.busRef(ctx, input.Name);
    const bus = await this.core.db.tx(async (tx) => {
      const b = await this.core.requireBus(ref.scope, ref.name, tx);
      if (input.Description !== undefined) b.description = input.Description;
      if (input.DeadLetterConfig !== undefined) b.deadLetterArn = input.DeadLetterConfig.Arn;
      b.modified = this.core.clock.now();
      await buses.put(tx, ref.scope, [b.name], b);
      return b;
    });
    return { Arn: bus.arn, Name: bus.name, ...(bus.description !== undefined ? { Description: bus.description } : {}), ...(bus.deadLetterArn ? { DeadLetterConfig: { Arn: bus.deadLetterArn } } : {}) };
  }

  async DeleteEventBus(ctx: RequestContext, input: DeleteEventBusRequest): Promise<void> {
    const s = this.core.scopeOf(ctx);
    if (input.Name === DEFAULT_BUS) throw new ValidationException('Cannot delete event bus default.');
    const scheduled: string[] = [];
    await this.core.db.tx(async (tx) => {
      const bus = await this.core.bus(s, input.Name, tx);
      if (!bus) return; // deleting a bus that does not exist succeeds
      for await (const rule of rules.scan(tx, s, [input.Name])) {
        await targets.deleteAll(tx, s, [input.Name, rule.name]);
        await this.core.tags.forget(tx, s, rule.arn);
        if (rule.scheduleExpression) scheduled.push(this.core.ruleScheduleKey(s, input.Name, rule.name));
      }
      await rules.deleteAll(tx, s, [input.Name]);
      await this.core.tags.forget(tx, s, bus.arn);
      await buses.delete(tx, s, [input.Name]);
    });
    for (const key of scheduled) await this.core.jobs.schedules.delete(RULE_FIRE_KIND, key);
  }

  async ListEventBuses(ctx: RequestContext, input: ListEventBusesRequest): Promise<ListEventBusesResponse> {
    const s = this.core.scopeOf(ctx);
    await this.core.bus(s, DEFAULT_BUS);
    const page = await this.core.listNamed<StoredBus>('events_buses', s, { operation: 'ListEventBuses', prefix: input.NamePrefix, token: input.NextToken, limit: input.Limit });
    return { EventBuses: page.items.map(busOut), ...(page.next ? { NextToken: page.next } : {}) };
  }

  async PutPermission(ctx: RequestContext, input: PutPermissionRequest): Promise<void> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    await this.core.db.tx(async (tx) => {
      const bus = await this.core.requireBus(ref.scope, ref.name, tx);
      if (input.Policy !== undefined) {
        let policy: unknown;
        try {
          policy = JSON.parse(input.Policy);
        } catch {
          throw new ValidationException('Policy is not valid JSON.');
        }
        bus.policy = policy as StoredBus['policy'];
      } else {
        if (input.Action !== 'events:PutEvents') throw new ValidationException("Provided value in parameter 'action' is not supported.");
        if (!input.Principal || !input.StatementId) throw new ValidationException('Parameter(s) Principal and StatementId must be specified.');
        if (input.Principal === '*' && !input.Condition) throw new ValidationException('Condition is required when Principal is "*".');
        const statement: Record<string, unknown> = {
          Sid: input.StatementId,
          Effect: 'Allow',
          Principal: input.Principal === '*' ? '*' : { AWS: `arn:aws:iam::${input.Principal}:root` },
          Action: input.Action,
          Resource: bus.arn,
          ...(input.Condition ? { Condition: { [input.Condition.Type === 'StringEquals' ? 'StringEquals' : input.Condition.Type]: { [input.Condition.Key]: input.Condition.Value } } } : {}),
        };
        const existing = (bus.policy?.Statement ?? []).filter((st) => st.Sid !== input.StatementId);
        bus.policy = { Version: '2012-10-17', Statement: [...existing, statement] };
      }
      bus.modified = this.core.clock.now();
      await buses.put(tx, ref.scope, [bus.name], bus);
    });
  }

  async RemovePermission(ctx: RequestContext, input: RemovePermissionRequest): Promise<void> {
    const ref = this.core.busRef(ctx, input.EventBusName);
    await this.core.db.tx(async (tx) => {
      const bus = await this.core.requireBus(ref.scope, ref.name, tx);
      if (!bus.policy) throw new ResourceNotFoundException('EventBus does not have a policy.');
      if (input.RemoveAllPermissions) bus.policy = undefined;
      else {
        if (!input.StatementId) throw new ValidationException('Parameter StatementId must be specified.');
        const kept = bus.policy.Statement.filter((st) => st.Sid !== input.StatementId);
        if (kept.length === bus.policy.Statement.length) throw new ResourceNotFoundException('Statement with the provided id does not exist.');
        bus.policy = kept.length ? { ...bus.policy, Statement: kept } : undefined;
      }
      bus.modified = this.core.clock.now();
      await buses.put(tx, ref.scope, [bus.name], bus);
    });
  }
}

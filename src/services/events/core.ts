/**
 * What the EventBridge families share: the database, clock, jobs and tags; bus and rule lookups with
 * AWS's not-found errors; the compiled patterns of rules and archives (kept by pattern text); named
 * listings with prefix and token; and `ingest`, which commits an accepted event with one delivery
 * job per matched target and its copy in each matching archive, in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import { arnFor, parseArn } from '../../aws/arn.js';
import { compileEventPattern, matchesEventPattern, parseJson, type CompiledPattern } from '../../aws/event-patterns/index.js';
import { ValidationException } from './errors.js';
import type { RequestContext } from '../../core/context.js';
import { ResourceNotFoundException } from '../../generated/events.js';
import { enqueue } from '../../jobs/queue.js';
import type { Queryable, SqlValue, Tx } from '../../storage/db.js';
import type { Scope } from '../../storage/documents.js';
import { decodePageToken, listingOf, pageOf } from '../../storage/paginate.js';
import { TagStore } from '../../storage/tags.js';
import type { Platform } from '../service.js';
import { eventTime } from '../targets/service-events.js';
import { archives, buses, EVENTS_MIGRATIONS, rules, targets, type StoredBus, type StoredRule } from './store.js';

export const DELIVER_KIND = 'events.deliver';
export const RULE_FIRE_KIND = 'events.rule-fire';
export const REPLAY_KIND = 'events.replay';
export const DEFAULT_BUS = 'default';

/** One delivery: the event (JSON text) for one target of one rule. */
export interface DeliveryPayload {
  event: string;
  ruleArn: string;
  ruleName: string;
  bus: string;
  targetId: string;
  /** The target as it was when the event was accepted. */
  target: import('../../generated/events.js').Target;
  ingestion: number;
}

/** An event as PutEvents builds it, before it is serialized. */
export interface EventEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  'replay-name'?: string;
}

/** AWS's event time: seconds, no fraction. */
export { eventTime };

export class EventsCore {
  private readonly patterns = new Map<string, CompiledPattern>();

  private constructor(
    readonly platform: Platform,
    readonly tags: TagStore,
  ) {}

  static async open(platform: Platform): Promise<EventsCore> {
    await platform.db.migrate('events', EVENTS_MIGRATIONS);
    return new EventsCore(platform, await TagStore.open(platform.db));
  }

  get db() {
    return this.platform.db;
  }
  get clock() {
    return this.platform.clock;
  }
  get jobs() {
    return this.platform.jobs;
  }

  scopeOf(ctx: RequestContext): Scope {
    return { accountId: ctx.accountId, region: ctx.region };
  }

  busArn(s: Scope, name: string): string {
    return arnFor('events', s, `event-bus/${name}`);
  }

  ruleArn(s: Scope, bus: string, name: string): string {
    return arnFor('events', s, bus === DEFAULT_BUS ? `rule/${name}` : `rule/${bus}/${name}`);
  }

  /** A bus named by name or ARN: its scope (an ARN may name another account) and name. */
  busRef(ctx: RequestContext, nameOrArn: string | undefined): { scope: Scope; name: string } {
    if (nameOrArn === undefined || nameOrArn === '') return { scope: this.scopeOf(ctx), name: DEFAULT_BUS };
    if (nameOrArn.startsWith('arn:')) {
      const a = parseArn(nameOrArn);
      if (!a || a.service !== 'events' || !a.resource.startsWith('event-bus/')) throw new ValidationException(`Parameter ${nameOrArn} is not valid. Reason: Provided Arn is not in correct format.`);
      return { scope: { accountId: a.account, region: a.region }, name: a.resource.slice('event-bus/'.length) };
    }
    return { scope: this.scopeOf(ctx), name: nameOrArn };
  }

  /** The bus, the default one created on first use. */
  async bus(s: Scope, name: string, q: Queryable = this.db): Promise<StoredBus | undefined> {
    const found = await buses.get(q, s, [name]);
    if (found || name !== DEFAULT_BUS) return found;
    const now = this.clock.now();
    const created: StoredBus = { name, arn: this.busArn(s, name), created: now, modified: now };
    await buses.put(q as Tx, s, [name], created);
    return created;
  }

  async requireBus(s: Scope, name: string, q: Queryable = this.db): Promise<StoredBus> {
    const bus = await this.bus(s, name, q);
    if (!bus) throw new ResourceNotFoundException(`Event bus ${name} does not exist.`);
    return bus;
  }

  async requireRule(s: Scope, bus: string, name: string, q: Queryable = this.db): Promise<StoredRule> {
    const rule = await rules.get(q, s, [bus, name]);
    if (!rule) throw new ResourceNotFoundException(`Rule ${name} does not exist on EventBus ${bus}.`);
    return rule;
  }

  /** The compiled form of a stored pattern (stored patterns compiled when they were accepted). */
  pattern(text: string): CompiledPattern {
    let p = this.patterns.get(text);
    if (!p) {
      p = compileEventPattern(text);
      if (this.patterns.size > 5000) this.patterns.clear();
      this.patterns.set(text, p);
    }
    return p;
  }

  /**
   * A page of a listing by name: rows of `table` in scope (and `where`), names starting with `prefix`,
   * after the token's position. The token is bound to the listing.
   */
  async listNamed<T>(
    table: string,
    s: Scope,
    page: { operation: string; prefix?: string; token?: string; limit?: number; where?: string; params?: SqlValue[]; filters?: (string | undefined)[] },
  ): Promise<{ items: T[]; next?: string }> {
    const listing = listingOf(page.operation, s, page.prefix, ...(page.filters ?? []));
    const size = Math.min(Math.max(page.limit ?? 100, 1), 100);
    let where = `account = ? AND region = ?${page.where ? ` AND ${page.where}` : ''}`;
    const params: SqlValue[] = [s.accountId, s.region, ...(page.params ?? [])];
    if (page.prefix) {
      where += ' AND substr(name, 1, ?) = ?';
      params.push(page.prefix.length, page.prefix);
    }
    if (page.token !== undefined) {
      const after = decodePageToken(page.token, listing);
      if (!after) throw new ValidationException('The NextToken provided is invalid.');
      where += ' AND name > ?';
      params.push(after[0]!);
    }
    const rows = await this.db.all<{ name: string; doc: string }>(`SELECT name, doc FROM ${table} WHERE ${where} ORDER BY name LIMIT ${size + 1}`, params);
    const p = pageOf(listing, rows, size, (r) => [r.name]);
    return { items: p.items.map((r) => JSON.parse(r.doc) as T), next: p.next };
  }

  /**
   * Commits an accepted event on a bus in `tx`: one delivery job per target of each enabled rule
   * whose pattern matches, and a copy in each archive of the bus whose pattern matches (replayed
   * events are not archived again). `onlyRules` limits a replay to the rules it names.
   */
  async ingest(tx: Tx, s: Scope, busName: string, event: EventEnvelope, now: number, options: { onlyRules?: ReadonlySet<string>; replayKey?: string } = {}): Promise<number> {
    const bus = await this.bus(s, busName, tx);
    if (!bus) return 0; // AWS accepts events for a bus that does not exist, and drops them
    const text = JSON.stringify(event);
    const parsed = parseJson(text);
    let jobs = 0;
    for await (const rule of rules.scan(tx, s, [busName])) {
      if (rule.state === 'DISABLED' || !rule.eventPattern) continue;
      if (options.onlyRules && !options.onlyRules.has(rule.arn)) continue;
      if (!matchesEventPattern(this.pattern(rule.eventPattern), parsed)) continue;
      for await (const target of targets.scan(tx, s, [busName, rule.name])) {
        const payload: DeliveryPayload = { event: text, ruleArn: rule.arn, ruleName: rule.name, bus: busName, targetId: target.Id, target, ingestion: now };
        await enqueue(tx, { kind: DELIVER_KIND, key: `${options.replayKey ? `${options.replayKey}:` : ''}${event.id}/${rule.arn}/${target.Id}`, account: s.accountId, region: s.region, dueAt: now, payload }, now, 'keep');
        jobs++;
      }
    }
    if (!event['replay-name']) {
      for await (const archive of archives.scan(tx, s, [])) {
        if (archive.sourceArn !== bus.arn) continue;
        if (archive.eventPattern && !matchesEventPattern(this.pattern(archive.eventPattern), parsed)) continue;
        await tx.run('INSERT INTO events_archived (account, region, archive, time, id, event) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [s.accountId, s.region, archive.name, Date.parse(event.time), event.id, text]);
        archive.eventCount += 1;
        archive.sizeBytes += Buffer.byteLength(text);
        await archives.put(tx, s, [archive.name], archive);
      }
    }
    return jobs;
  }

  /** Delivers the fired schedule of a rule to its targets (the documented "Scheduled Event"). */
  async scheduledEvent(tx: Tx, s: Scope, rule: StoredRule, fireMs: number, now: number): Promise<number> {
    const event: EventEnvelope = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: s.accountId,
      time: eventTime(fireMs),
      region: s.region,
      resources: [rule.arn],
      detail: {},
    };
    const text = JSON.stringify(event);
    let jobs = 0;
    for await (const target of targets.scan(tx, s, [rule.bus, rule.name])) {
      const payload: DeliveryPayload = { event: text, ruleArn: rule.arn, ruleName: rule.name, bus: rule.bus, targetId: target.Id, target, ingestion: now };
      await enqueue(tx, { kind: DELIVER_KIND, key: `${rule.arn}@${fireMs}/${target.Id}`, account: s.accountId, region: s.region, dueAt: now, payload }, now, 'keep');
      jobs++;
    }
    return jobs;
  }

  ruleScheduleKey(s: Scope, bus: string, name: string): string {
    return `${s.accountId}/${s.region}/${bus}/${name}`;
  }
}

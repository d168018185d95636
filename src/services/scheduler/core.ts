/**
 * What the Scheduler families share: storage (groups and schedules as JSON documents), lookups with
 * AWS's not-found errors, and the recurring job behind each enabled schedule (`scheduler.fire`).
 */
import { arnFor } from '../../aws/arn.js';
import { ResourceNotFoundException, type Target } from '../../generated/scheduler.js';
import type { Migration, Queryable } from '../../storage/db.js';
import { DocTable, type Scope } from '../../storage/documents.js';
import { TagStore } from '../../storage/tags.js';
import type { Platform } from '../service.js';

export const FIRE_KIND = 'scheduler.fire';
export const DELIVER_KIND = 'scheduler.deliver';
export const DEFAULT_GROUP = 'default';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS scheduler_groups (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS scheduler_schedules (
  account TEXT NOT NULL, region TEXT NOT NULL, grp TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, state TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, grp, name)
);
CREATE INDEX IF NOT EXISTS scheduler_schedules_name ON scheduler_schedules (account, region, name, grp);
`,
  },
];

export interface StoredGroup {
  name: string;
  arn: string;
  created: number;
  modified: number;
}

export interface StoredSchedule {
  name: string;
  group: string;
  arn: string;
  expression: string;
  timeZone?: string;
  startMs?: number;
  endMs?: number;
  flexMinutes?: number;
  state: 'ENABLED' | 'DISABLED';
  description?: string;
  target: Target;
  actionAfterCompletion: 'NONE' | 'DELETE';
  kmsKeyArn?: string;
  created: number;
  modified: number;
}

export const groups = new DocTable<StoredGroup>({ table: 'scheduler_groups', key: ['name'] });
export const schedules = new DocTable<StoredSchedule, readonly [string, string]>({ table: 'scheduler_schedules', key: ['grp', 'name'], columns: { state: (s) => s.state } });

export class SchedulerCore {
  private constructor(
    readonly platform: Platform,
    readonly tags: TagStore,
  ) {}

  static async open(platform: Platform): Promise<SchedulerCore> {
    await platform.db.migrate('scheduler', MIGRATIONS);
    return new SchedulerCore(platform, await TagStore.open(platform.db));
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

  groupArn(s: Scope, name: string): string {
    return arnFor('scheduler', s, `schedule-group/${name}`);
  }

  scheduleArn(s: Scope, group: string, name: string): string {
    return arnFor('scheduler', s, `schedule/${group}/${name}`);
  }

  /** The group, the default one created on first use. */
  async group(s: Scope, name: string, q: Queryable = this.db): Promise<StoredGroup | undefined> {
    const found = await groups.get(q, s, [name]);
    if (found || name !== DEFAULT_GROUP) return found;
    const now = this.clock.now();
    const created: StoredGroup = { name, arn: this.groupArn(s, name), created: now, modified: now };
    await groups.put(q, s, [name], created);
    return created;
  }

  async requireGroup(s: Scope, name: string, q: Queryable = this.db): Promise<StoredGroup> {
    const g = await this.group(s, name, q);
    if (!g) throw new ResourceNotFoundException(`Schedule group ${name} does not exist.`);
    return g;
  }

  async requireSchedule(s: Scope, group: string, name: string, q: Queryable = this.db): Promise<StoredSchedule> {
    const found = await schedules.get(q, s, [group, name]);
    if (!found) throw new ResourceNotFoundException(`Schedule ${name} does not exist.`);
    return found;
  }

  jobKey(s: Scope, group: string, name: string): string {
    return `${s.accountId}/${s.region}/${group}/${name}`;
  }

  /** Makes the recurring job match the schedule: present while it is enabled, absent otherwise. */
  async sync(s: Scope, sc: StoredSchedule): Promise<void> {
    const key = this.jobKey(s, sc.group, sc.name);
    if (sc.state !== 'ENABLED') {
      await this.jobs.schedules.delete(FIRE_KIND, key);
      return;
    }
    await this.jobs.schedules.put({
      kind: FIRE_KIND,
      key,
      account: s.accountId,
      region: s.region,
      expression: sc.expression,
      timeZone: sc.timeZone,
      startMs: sc.startMs,
      endMs: sc.endMs,
      payload: { group: sc.group, name: sc.name, modified: sc.modified },
    });
  }
}

/**
 * Step Functions storage: the migrations and the SQL statements of the service (those of task
 * tokens are in tasks/token-store.ts). Rows are keyed by ARN (which carries the account and region);
 * the account/region columns scope the listings. Listings are keyset pages: `limit` rows after a
 * position, in an order an index serves.
 *
 * Tags are in the shared tags table (storage/tags.ts), under the resource's account and region.
 *
 * A RUNNING Standard execution always has its job (EXECUTION_JOB, keyed by its ARN), enqueued in the
 * transaction that starts or redrives it, or that answers one of its task tokens. A run writes only
 * while its execution is RUNNING at the redrive it loaded (RunFence): a stop written here (or a
 * redrive) while a run goes on elsewhere fences that run off.
 */
import type { Db, Migration, Queryable, Tx } from '../../storage/db.js';
import type { TagProblem, TagRules, TagStore } from '../../storage/tags.js';
import { cancel, complete, enqueue, enqueueClaimed } from '../../jobs/queue.js';
import type { Job, JobSlot } from '../../jobs/index.js';
import type { ExecutionStatus, StateMachineType } from '../../generated/stepfunctions.js';
import { stoppedHistory, type Checkpoint, type ExecutionInfo, type HistoryEvent, type StopDetails } from './asl/engine.js';

/** The job that runs a Standard execution (executions/runner.ts), keyed by the execution's ARN. */
export const EXECUTION_JOB = 'sfn.execution';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE sfn_state_machines (
  arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  definition TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL, created BIGINT NOT NULL,
  logging TEXT, tracing TEXT, description TEXT, revision_id TEXT NOT NULL, next_version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sfn_versions (
  arn TEXT PRIMARY KEY, sm_arn TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
  created BIGINT NOT NULL, description TEXT, revision_id TEXT NOT NULL
);
CREATE TABLE sfn_aliases (
  arn TEXT COLLATE "C" PRIMARY KEY, sm_arn TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, description TEXT, routing TEXT NOT NULL,
  created BIGINT NOT NULL, updated BIGINT NOT NULL
);
CREATE TABLE sfn_executions (
  arn TEXT COLLATE "C" PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, sm_arn TEXT NOT NULL, name TEXT NOT NULL,
  status TEXT NOT NULL, input TEXT NOT NULL, output TEXT, error TEXT, cause TEXT, start_ms BIGINT NOT NULL, stop_ms BIGINT,
  definition TEXT NOT NULL, role_arn TEXT NOT NULL, checkpoint TEXT, redrive_count INTEGER NOT NULL DEFAULT 0,
  version_arn TEXT, alias_arn TEXT
);
CREATE TABLE sfn_events (execution_arn TEXT NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_arn, id));
CREATE TABLE sfn_tags (arn TEXT NOT NULL, tag_key TEXT COLLATE "C" NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (arn, tag_key));
CREATE TABLE sfn_activities (arn TEXT PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL);
`,
  },
  {
    version: 2,
    sql: `
ALTER TABLE sfn_state_machines ADD COLUMN encryption TEXT;
ALTER TABLE sfn_activities ADD COLUMN encryption TEXT;
`,
  },
  { version: 3, sql: 'ALTER TABLE sfn_executions ADD COLUMN redrive_ms BIGINT;' },
  {
    // The orders the listings page in (databases of the first versions had sfn_executions_sm).
    version: 4,
    sql: `
DROP INDEX IF EXISTS sfn_executions_sm;
CREATE INDEX sfn_executions_sm_start ON sfn_executions (sm_arn, start_ms, arn);
CREATE INDEX sfn_state_machines_scope ON sfn_state_machines (account, region, name);
CREATE INDEX sfn_versions_sm ON sfn_versions (sm_arn, version);
CREATE INDEX sfn_aliases_sm ON sfn_aliases (sm_arn, created, arn);
CREATE INDEX sfn_activities_scope ON sfn_activities (account, region, created, name);
`,
  },
  {
    // Task tokens and activity tasks in SQL; StopExecution's request (no longer written: StopExecution
    // aborts in SQL now); a job for each execution that was running when the server stopped before
    // executions ran as jobs.
    version: 5,
    sql: `
CREATE TABLE sfn_task_tokens (
  token TEXT COLLATE "C" PRIMARY KEY, execution_arn TEXT COLLATE "C" NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
  node TEXT, activity_arn TEXT, input TEXT, created BIGINT NOT NULL, worker TEXT, started BIGINT,
  timeout_at BIGINT, heartbeat_s INTEGER, heartbeat_at BIGINT, outcome TEXT
);
CREATE INDEX sfn_task_tokens_execution ON sfn_task_tokens (execution_arn);
CREATE INDEX sfn_task_tokens_queue ON sfn_task_tokens (activity_arn, started, created);
ALTER TABLE sfn_executions ADD COLUMN stop_request TEXT;
INSERT INTO stratus_jobs (kind, key, account, region, due_at, lease_owner, lease_until, attempt, rev, enqueued_at, payload)
  SELECT '${EXECUTION_JOB}', arn, account, region, 0, NULL, NULL, 0, 1, start_ms, 'null' FROM sfn_executions WHERE status = 'RUNNING';
`,
  },
  {
    // Tags move to the shared tags table (opened before these migrations), under their resource's
    // account and region; deletes removed a resource's tags with it, so every row has its resource.
    version: 6,
    sql: `
INSERT INTO stratus_tags (account, region, arn, tag_key, tag_value)
  SELECT r.account, r.region, t.arn, t.tag_key, t.tag_value FROM sfn_tags t
  JOIN (SELECT arn, account, region FROM sfn_state_machines UNION ALL SELECT arn, account, region FROM sfn_activities) r ON r.arn = t.arn;
DROP TABLE sfn_tags;
`,
  },
  // The mock configuration's test case an execution runs under (tasks/mocks.ts).
  { version: 7, sql: 'ALTER TABLE sfn_executions ADD COLUMN mock_case TEXT;' },
  {
    // The map runs of distributed Map states (executions/map-runs.ts); counts as JSON {items, executions}.
    version: 8,
    sql: `
CREATE TABLE sfn_map_runs (
  arn TEXT COLLATE "C" PRIMARY KEY, execution_arn TEXT COLLATE "C" NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
  sm_arn TEXT NOT NULL, status TEXT NOT NULL, start_ms BIGINT NOT NULL, stop_ms BIGINT, max_concurrency INTEGER NOT NULL,
  tolerated_count BIGINT, tolerated_pct DOUBLE PRECISION, counts TEXT NOT NULL
);
CREATE INDEX sfn_map_runs_execution ON sfn_map_runs (execution_arn, start_ms, arn);
`,
  },
  {
    // History in rows of consecutive events (ids first_id..last_id, a JSON array), written a batch
    // at a time: one row per step of a run instead of one per event (insertEvents).
    version: 9,
    sql: `
CREATE TABLE sfn_history (
  execution_arn TEXT NOT NULL, first_id INTEGER NOT NULL, last_id INTEGER NOT NULL, events TEXT NOT NULL,
  PRIMARY KEY (execution_arn, first_id)
);
INSERT INTO sfn_history (execution_arn, first_id, last_id, events) SELECT execution_arn, id, id, '[' || body || ']' FROM sfn_events;
DROP TABLE sfn_events;
`,
  },
];

/**
 * Step Functions' tags as it always answered: `aws:` keys accepted, and no count at creation (only
 * TagResource checks it). Key and value lengths are the model's, checked before an operation runs.
 */
export const TAG_RULES: TagRules = { acceptReservedPrefix: true };
const CREATION_TAG_RULES: TagRules = { ...TAG_RULES, limit: Infinity };

export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

export interface StateMachineRow {
  arn: string;
  account: string;
  region: string;
  name: string;
  definition: string;
  role_arn: string;
  type: StateMachineType;
  created: number;
  /** JSON of the normalized LoggingConfiguration. */
  logging: string | null;
  tracing: string | null;
  description: string | null;
  revision_id: string;
  next_version: number;
  encryption: string | null;
}

export interface VersionRow {
  arn: string;
  sm_arn: string;
  version: number;
  definition: string;
  role_arn: string;
  created: number;
  description: string | null;
  revision_id: string;
}

export interface AliasRow {
  arn: string;
  sm_arn: string;
  name: string;
  description: string | null;
  /** JSON of the RoutingConfigurationList. */
  routing: string;
  created: number;
  updated: number;
}

export interface ExecutionRow {
  arn: string;
  account: string;
  region: string;
  sm_arn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output: string | null;
  error: string | null;
  cause: string | null;
  start_ms: number;
  stop_ms: number | null;
  definition: string;
  role_arn: string;
  checkpoint: string | null;
  redrive_count: number;
  version_arn: string | null;
  alias_arn: string | null;
  redrive_ms?: number | null;
  /** The mock configuration's test case (StartExecution with `arn#TestCase`). */
  mock_case?: string | null;
}

/** Which run of an execution may write: one that loaded it RUNNING at this redrive count. */
export interface RunFence {
  readonly arn: string;
  readonly redriveCount: number;
}

/** What ListExecutions shows of an execution (no input, output or definition). */
export type ExecutionSummary = Pick<
  ExecutionRow,
  'arn' | 'sm_arn' | 'name' | 'status' | 'start_ms' | 'stop_ms' | 'version_arn' | 'alias_arn' | 'redrive_count'
>;

export interface ActivityRow {
  arn: string;
  account: string;
  region: string;
  name: string;
  created: number;
  encryption: string | null;
}

/** How PublishStateMachineVersion ended. */
export type PublishResult =
  | { kind: 'published'; arn: string; created: number }
  | { kind: 'missing' }
  | { kind: 'conflict'; currentRevision: string };

export class SfnStore {
  constructor(
    readonly db: Db,
    readonly tags: TagStore,
    /** Called in each transaction that changes an execution's status (EventBridge status-change events). */
    private readonly statusChanged: (tx: Tx, arn: string) => Promise<void> = async () => {},
  ) {}

  // ------------------------------------------------------------ state machines and versions

  stateMachine(arn: string, scope?: Scope): Promise<StateMachineRow | undefined> {
    if (!scope) return this.db.get<StateMachineRow>('SELECT * FROM sfn_state_machines WHERE arn = ?', [arn]);
    return this.db.get<StateMachineRow>('SELECT * FROM sfn_state_machines WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
  }

  async stateMachineLogging(arn: string): Promise<string | null | undefined> {
    return (await this.db.get<{ logging: string | null }>('SELECT logging FROM sfn_state_machines WHERE arn = ?', [arn]))?.logging;
  }

  /** Stores the machine with its tags, or answers what is wrong with the tags and stores nothing. */
  createStateMachine(sm: Omit<StateMachineRow, 'next_version' | 'description'>, tags: Readonly<Record<string, string>>): Promise<TagProblem | undefined> {
    return this.db.tx(async (tx) => {
      const problem = await this.tags.tag(tx, scopeOf(sm), sm.arn, tags, CREATION_TAG_RULES);
      if (problem) return problem;
      await tx.run(
        'INSERT INTO sfn_state_machines (arn, account, region, name, definition, role_arn, type, created, logging, tracing, description, revision_id, next_version, encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, ?)',
        [sm.arn, sm.account, sm.region, sm.name, sm.definition, sm.role_arn, sm.type, sm.created, sm.logging, sm.tracing, sm.revision_id, sm.encryption],
      );
      return undefined;
    });
  }

  /** Replaces the machine's configuration; `encryption` null keeps the current one. */
  async updateStateMachine(
    arn: string,
    next: { definition: string; role_arn: string; logging: string | null; tracing: string | null; revision_id: string; encryption: string | null },
  ): Promise<void> {
    await this.db.run(
      'UPDATE sfn_state_machines SET definition = ?, role_arn = ?, logging = ?, tracing = ?, revision_id = ?, encryption = COALESCE(?, encryption) WHERE arn = ?',
      [next.definition, next.role_arn, next.logging, next.tracing, next.revision_id, next.encryption, arn],
    );
  }

  async deleteStateMachine(arn: string, scope: Scope): Promise<void> {
    await this.db.tx(async (tx) => {
      await tx.run('DELETE FROM sfn_state_machines WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
      await tx.run('DELETE FROM sfn_versions WHERE sm_arn = ?', [arn]);
      await tx.run('DELETE FROM sfn_aliases WHERE sm_arn = ?', [arn]);
      await this.tags.forget(tx, scope, arn);
    });
  }

  /** State machines of a scope by name, after the name `after`. */
  listStateMachines(scope: Scope, after: string | undefined, limit: number): Promise<Pick<StateMachineRow, 'arn' | 'name' | 'type' | 'created'>[]> {
    return this.db.all(
      `SELECT arn, name, type, created FROM sfn_state_machines WHERE account = ? AND region = ?${after === undefined ? '' : ' AND name > ?'} ORDER BY name LIMIT ?`,
      [scope.accountId, scope.region, ...(after === undefined ? [] : [after]), limit],
    );
  }

  /**
   * Publishes the machine's current revision as its next version, unless the latest version is that
   * revision already (then that version is the answer). `revisionId`, when given, must be current.
   */
  publishVersion(smArn: string, description: string | undefined, revisionId: string | undefined, now: number): Promise<PublishResult> {
    return this.db.tx(async (tx): Promise<PublishResult> => {
      const sm = await tx.get<StateMachineRow>('SELECT * FROM sfn_state_machines WHERE arn = ?', [smArn]);
      if (!sm) return { kind: 'missing' };
      if (revisionId !== undefined && revisionId !== sm.revision_id) return { kind: 'conflict', currentRevision: sm.revision_id };
      const latest = await tx.get<{ arn: string; revision_id: string; created: number }>(
        'SELECT arn, revision_id, created FROM sfn_versions WHERE sm_arn = ? ORDER BY version DESC LIMIT 1',
        [smArn],
      );
      if (latest && latest.revision_id === sm.revision_id) return { kind: 'published', arn: latest.arn, created: latest.created };
      const version = sm.next_version;
      const arn = `${smArn}:${version}`;
      await tx.run('INSERT INTO sfn_versions (arn, sm_arn, version, definition, role_arn, created, description, revision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        arn,
        smArn,
        version,
        sm.definition,
        sm.role_arn,
        now,
        description ?? null,
        sm.revision_id,
      ]);
      await tx.run('UPDATE sfn_state_machines SET next_version = ? WHERE arn = ?', [version + 1, smArn]);
      return { kind: 'published', arn, created: now };
    });
  }

  version(arn: string): Promise<VersionRow | undefined> {
    return this.db.get<VersionRow>('SELECT * FROM sfn_versions WHERE arn = ?', [arn]);
  }

  async deleteVersion(arn: string): Promise<void> {
    await this.db.run('DELETE FROM sfn_versions WHERE arn = ?', [arn]);
  }

  /** Versions of a machine, newest first, below the version number `before`. */
  listVersions(smArn: string, before: number | undefined, limit: number): Promise<Pick<VersionRow, 'arn' | 'version' | 'created'>[]> {
    return this.db.all(
      `SELECT arn, version, created FROM sfn_versions WHERE sm_arn = ?${before === undefined ? '' : ' AND version < ?'} ORDER BY version DESC LIMIT ?`,
      [smArn, ...(before === undefined ? [] : [before]), limit],
    );
  }

  // ------------------------------------------------------------ aliases

  alias(arn: string): Promise<AliasRow | undefined> {
    return this.db.get<AliasRow>('SELECT * FROM sfn_aliases WHERE arn = ?', [arn]);
  }

  /** Names of the aliases whose routing names the version. */
  async aliasesRoutingTo(versionArn: string): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>('SELECT name FROM sfn_aliases WHERE routing LIKE ? ORDER BY name', [`%"${versionArn}"%`]);
    return rows.map((r) => r.name);
  }

  async createAlias(alias: AliasRow): Promise<void> {
    await this.db.run('INSERT INTO sfn_aliases (arn, sm_arn, name, description, routing, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      alias.arn,
      alias.sm_arn,
      alias.name,
      alias.description,
      alias.routing,
      alias.created,
      alias.updated,
    ]);
  }

  async updateAlias(arn: string, description: string | null, routing: string, updated: number): Promise<void> {
    await this.db.run('UPDATE sfn_aliases SET description = ?, routing = ?, updated = ? WHERE arn = ?', [description, routing, updated, arn]);
  }

  async deleteAlias(arn: string): Promise<void> {
    await this.db.run('DELETE FROM sfn_aliases WHERE arn = ?', [arn]);
  }

  /** Aliases of a machine in creation order, after the position (created, arn). */
  listAliases(smArn: string, after: readonly [number, string] | undefined, limit: number): Promise<Pick<AliasRow, 'arn' | 'created'>[]> {
    const [where, params] = after === undefined ? ['', []] : [' AND (created > ? OR (created = ? AND arn > ?))', [after[0], after[0], after[1]]];
    return this.db.all(`SELECT arn, created FROM sfn_aliases WHERE sm_arn = ?${where} ORDER BY created, arn LIMIT ?`, [smArn, ...params, limit]);
  }

  // ------------------------------------------------------------ executions

  execution(arn: string, scope?: Scope): Promise<ExecutionRow | undefined> {
    if (!scope) return this.db.get<ExecutionRow>('SELECT * FROM sfn_executions WHERE arn = ?', [arn]);
    return this.db.get<ExecutionRow>('SELECT * FROM sfn_executions WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
  }

  /**
   * Stores a new Standard execution and enqueues its job: leased to this process when it holds a run
   * slot for it (the job, to run at once), due now otherwise.
   */
  startExecution(row: ExecutionRow, now: number, slot?: JobSlot): Promise<Job | undefined> {
    return this.db.tx(async (tx) => {
      await tx.run(
        'INSERT INTO sfn_executions (arn, account, region, sm_arn, name, status, input, start_ms, definition, role_arn, redrive_count, version_arn, alias_arn, mock_case) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)',
        [row.arn, row.account, row.region, row.sm_arn, row.name, row.status, row.input, row.start_ms, row.definition, row.role_arn, row.version_arn, row.alias_arn, row.mock_case ?? null],
      );
      const job = await enqueueRun(tx, row, now, slot);
      await this.statusChanged(tx, row.arn);
      return job;
    });
  }

  /**
   * Appends history events and moves the checkpoint, or records the end of the execution (its tokens
   * go; its last checkpoint stays when `end.keepCheckpoint`, for RedriveExecution; the run's `job`
   * goes with them when given), in one transaction. 'fenced', writing nothing, when the run is fenced
   * off; 'completed' when the job went.
   */
  saveProgress(fence: RunFence, checkpoint: Checkpoint | undefined, events: readonly HistoryEvent[], end?: ExecutionEnd, job?: Job): Promise<'fenced' | 'saved' | 'completed'> {
    const arn = fence.arn;
    return this.db.tx(async (tx) => {
      if (!(await isCurrentRun(tx, fence))) return 'fenced';
      await insertEvents(tx, arn, events);
      if (checkpoint) {
        await tx.run('UPDATE sfn_executions SET checkpoint = ? WHERE arn = ?', [JSON.stringify(checkpoint), arn]);
        // Past the task that waited on them, the answered (or ended) tokens are history.
        if (!checkpoint.task) await tx.run('DELETE FROM sfn_task_tokens WHERE execution_arn = ? AND outcome IS NOT NULL', [arn]);
      }
      if (end) {
        await tx.run(
          `UPDATE sfn_executions SET status = ?, output = ?, error = ?, cause = ?, stop_ms = ?${end.keepCheckpoint ? '' : ', checkpoint = NULL'} WHERE arn = ?`,
          [end.status, end.output, end.error, end.cause, end.stop_ms, arn],
        );
        await tx.run('DELETE FROM sfn_task_tokens WHERE execution_arn = ?', [arn]);
        await this.statusChanged(tx, arn);
        if (job && (await complete(tx, job))) return 'completed';
      }
      return 'saved';
    });
  }

  /** RedriveExecution: RUNNING again, its job enqueued as startExecution's (the run sees its last event is the failure, and redrives). */
  redriveExecution(row: ExecutionRow, now: number, slot?: JobSlot): Promise<Job | undefined> {
    return this.db.tx(async (tx) => {
      await tx.run(
        "UPDATE sfn_executions SET status = 'RUNNING', output = NULL, error = NULL, cause = NULL, stop_ms = NULL, redrive_count = redrive_count + 1, redrive_ms = ? WHERE arn = ?",
        [now, row.arn],
      );
      const job = await enqueueRun(tx, row, now, slot);
      await this.statusChanged(tx, row.arn);
      return job;
    });
  }

  /**
   * StopExecution of an execution no run of this process has in memory, in one transaction: ABORTED
   * at `now`, the events a run stopped at once would record (asl stoppedHistory) after those stored,
   * its tokens and queued activity tasks gone (later answers are refused), its job cancelled. The
   * events written; none when it is not RUNNING.
   */
  abortExecution(row: ExecutionRow, stop: StopDetails, now: number): Promise<HistoryEvent[] | undefined> {
    return this.db.tx(async (tx) => {
      const { changes } = await tx.run("UPDATE sfn_executions SET status = 'ABORTED', output = NULL, error = ?, cause = ?, stop_ms = ? WHERE arn = ? AND status = 'RUNNING'", [
        stop.error ?? null,
        stop.cause ?? null,
        now,
        row.arn,
      ]);
      if (changes === 0) return undefined;
      const last = await tx.get<{ events: string }>('SELECT events FROM sfn_history WHERE execution_arn = ? ORDER BY first_id DESC LIMIT 1', [row.arn]);
      const events = stoppedHistory(executionInfo(row), last && (JSON.parse(last.events) as HistoryEvent[]).at(-1), now, stop);
      await insertEvents(tx, row.arn, events);
      await tx.run('DELETE FROM sfn_task_tokens WHERE execution_arn = ?', [row.arn]);
      await cancel(tx, EXECUTION_JOB, row.arn);
      await this.statusChanged(tx, row.arn);
      return events;
    });
  }

  /** Executions of a machine, newest first, below the position (start_ms, arn). */
  listExecutions(
    smArn: string,
    filter: { status?: string; versionArn?: string; aliasArn?: string },
    before: readonly [number, string] | undefined,
    limit: number,
  ): Promise<ExecutionSummary[]> {
    const params: (string | number)[] = [smArn];
    let sql = 'SELECT arn, sm_arn, name, status, start_ms, stop_ms, version_arn, alias_arn, redrive_count FROM sfn_executions WHERE sm_arn = ?';
    if (filter.status !== undefined) {
      sql += ' AND status = ?';
      params.push(filter.status);
    }
    if (filter.versionArn !== undefined) {
      sql += ' AND version_arn = ?';
      params.push(filter.versionArn);
    }
    if (filter.aliasArn !== undefined) {
      sql += ' AND alias_arn = ?';
      params.push(filter.aliasArn);
    }
    if (before !== undefined) {
      sql += ' AND (start_ms < ? OR (start_ms = ? AND arn < ?))';
      params.push(before[0], before[0], before[1]);
    }
    return this.db.all<ExecutionSummary>(`${sql} ORDER BY start_ms DESC, arn DESC LIMIT ?`, [...params, limit]);
  }

  // ------------------------------------------------------------ history events

  async events(arn: string): Promise<HistoryEvent[]> {
    const rows = await this.db.all<{ events: string }>('SELECT events FROM sfn_history WHERE execution_arn = ? ORDER BY first_id', [arn]);
    return rows.flatMap((r) => JSON.parse(r.events) as HistoryEvent[]);
  }

  /** A page of an execution's history: ids after `after` (before it when `reverse`). */
  async eventsPage(arn: string, after: number | undefined, reverse: boolean, limit: number): Promise<HistoryEvent[]> {
    const page: HistoryEvent[] = [];
    // Rows a few at a time, from the one that holds the first event of the page.
    for (let bound = after; ; ) {
      const where = bound === undefined ? '' : reverse ? ' AND first_id < ?' : ' AND first_id > ? AND last_id > ?';
      const params = bound === undefined ? [] : reverse ? [bound] : [bound - EVENTS_PER_ROW, bound];
      const rows = await this.db.all<{ events: string }>(
        `SELECT events FROM sfn_history WHERE execution_arn = ?${where} ORDER BY first_id${reverse ? ' DESC' : ''} LIMIT ?`,
        [arn, ...params, HISTORY_ROWS_READ],
      );
      for (const row of rows) {
        const events = JSON.parse(row.events) as HistoryEvent[];
        if (reverse) events.reverse();
        for (const e of events) {
          if (bound !== undefined && (reverse ? e.id >= bound : e.id <= bound)) continue;
          if (page.push(e) === limit) return page;
        }
      }
      // Every row read held an event of the page: the next rows come after the last of them.
      if (rows.length < HISTORY_ROWS_READ) return page;
      bound = page[page.length - 1]!.id;
    }
  }

  /**
   * Deletes the execution's events from id `fromId` on (all of them without it); a row that holds
   * events on both sides keeps those before. False, deleting nothing, when the run is fenced off.
   */
  deleteEvents(fence: RunFence, fromId = 0): Promise<boolean> {
    return this.db.tx(async (tx) => {
      if (!(await isCurrentRun(tx, fence))) return false;
      await tx.run('DELETE FROM sfn_history WHERE execution_arn = ? AND first_id >= ?', [fence.arn, fromId]);
      const split = await tx.get<{ first_id: number; events: string }>('SELECT first_id, events FROM sfn_history WHERE execution_arn = ? AND last_id >= ?', [
        fence.arn,
        fromId,
      ]);
      if (split) {
        const kept = (JSON.parse(split.events) as HistoryEvent[]).filter((e) => e.id < fromId);
        await tx.run('UPDATE sfn_history SET last_id = ?, events = ? WHERE execution_arn = ? AND first_id = ?', [fromId - 1, JSON.stringify(kept), fence.arn, split.first_id]);
      }
      return true;
    });
  }

  // ------------------------------------------------------------ activities

  activity(arn: string, scope?: Scope): Promise<ActivityRow | undefined> {
    if (!scope) return this.db.get<ActivityRow>('SELECT * FROM sfn_activities WHERE arn = ?', [arn]);
    return this.db.get<ActivityRow>('SELECT * FROM sfn_activities WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
  }

  /** Stores the activity with its tags, or answers what is wrong with the tags and stores nothing. */
  createActivity(activity: ActivityRow, tags: Readonly<Record<string, string>>): Promise<TagProblem | undefined> {
    return this.db.tx(async (tx) => {
      const problem = await this.tags.tag(tx, scopeOf(activity), activity.arn, tags, CREATION_TAG_RULES);
      if (problem) return problem;
      await tx.run('INSERT INTO sfn_activities (arn, account, region, name, created, encryption) VALUES (?, ?, ?, ?, ?, ?)', [
        activity.arn,
        activity.account,
        activity.region,
        activity.name,
        activity.created,
        activity.encryption,
      ]);
      return undefined;
    });
  }

  async deleteActivity(arn: string, scope: Scope): Promise<void> {
    await this.db.tx(async (tx) => {
      await tx.run('DELETE FROM sfn_activities WHERE arn = ? AND account = ? AND region = ?', [arn, scope.accountId, scope.region]);
      await this.tags.forget(tx, scope, arn);
    });
  }

  /** Activities of a scope in creation order, after the position (created, name). */
  listActivities(scope: Scope, after: readonly [number, string] | undefined, limit: number): Promise<Pick<ActivityRow, 'arn' | 'name' | 'created'>[]> {
    const [where, params] = after === undefined ? ['', []] : [' AND (created > ? OR (created = ? AND name > ?))', [after[0], after[0], after[1]]];
    return this.db.all(`SELECT arn, name, created FROM sfn_activities WHERE account = ? AND region = ?${where} ORDER BY created, name LIMIT ?`, [
      scope.accountId,
      scope.region,
      ...params,
      limit,
    ]);
  }

  // ------------------------------------------------------------ tags

  /** The account and region of the state machine or activity an ARN names, if it exists (in any scope, as tagging finds it). */
  taggedResource(arn: string, table: 'sfn_state_machines' | 'sfn_activities', q: Queryable = this.db): Promise<Scope | undefined> {
    return q.get<Scope>(`SELECT account AS "accountId", region FROM ${table} WHERE arn = ?`, [arn]);
  }
}

function scopeOf(row: { account: string; region: string }): Scope {
  return { accountId: row.account, region: row.region };
}

/** Whether the fenced run may write: its execution is RUNNING at the redrive it loaded. */
async function isCurrentRun(tx: Tx, fence: RunFence): Promise<boolean> {
  const row = await tx.get("SELECT 1 AS running FROM sfn_executions WHERE arn = ? AND status = 'RUNNING' AND redrive_count = ?", [fence.arn, fence.redriveCount]);
  return row !== undefined;
}

/** What the interpreter knows of the execution (its context object). */
export function executionInfo(row: ExecutionRow): ExecutionInfo {
  return {
    executionArn: row.arn,
    name: row.name,
    stateMachineArn: row.version_arn ?? row.sm_arn,
    stateMachineName: row.sm_arn.split(':')[6]!,
    roleArn: row.role_arn,
    startTime: row.start_ms,
    input: row.input,
    redriveCount: row.redrive_count,
    express: row.arn.includes(':express:'),
    ...(row.version_arn ? { versionArn: row.version_arn } : {}),
    ...(row.alias_arn ? { aliasArn: row.alias_arn } : {}),
    region: row.region,
    accountId: row.account,
    ...(row.mock_case ? { mockTestCase: row.mock_case } : {}),
  };
}

/** How an execution ended, as its row records it. */
export interface ExecutionEnd {
  status: ExecutionStatus;
  output: string | null;
  error: string | null;
  cause: string | null;
  stop_ms: number;
  keepCheckpoint: boolean;
}

/**
 * Enqueues the execution's job, due now: a run that is under way finishes first, then it runs again.
 * With a run slot of this process, a new job is enqueued leased to it: the job, which the slot runs.
 */
export async function enqueueRun(tx: Tx, row: Pick<ExecutionRow, 'arn' | 'account' | 'region'>, now: number, slot?: JobSlot): Promise<Job | undefined> {
  const spec = { kind: EXECUTION_JOB, key: row.arn, account: row.account, region: row.region };
  const job = slot && (await enqueueClaimed(tx, spec, slot.owner, slot.leaseMs, now));
  if (!job) await enqueue(tx, spec, now);
  return job;
}

/**
 * Events per row of sfn_history at most: a batch of events is written in rows of up to this many
 * (one row for most steps), and a page of history finds the row holding its first event among those
 * that start fewer than this many ids before it.
 */
const EVENTS_PER_ROW = 100;
/** Rows a page of history reads at a time. */
const HISTORY_ROWS_READ = 4;

/** Appends history events, in rows of EVENTS_PER_ROW consecutive events. */
async function insertEvents(tx: Tx, arn: string, events: readonly HistoryEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += EVENTS_PER_ROW) {
    const row = events.slice(i, i + EVENTS_PER_ROW);
    await tx.run('INSERT INTO sfn_history (execution_arn, first_id, last_id, events) VALUES (?, ?, ?, ?)', [arn, row[0]!.id, row[row.length - 1]!.id, JSON.stringify(row)]);
  }
}

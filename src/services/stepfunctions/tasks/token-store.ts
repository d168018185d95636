/**
 * The SQL of task tokens (sfn_task_tokens, created by store.ts's migrations, which also deletes the
 * tokens of an execution as it checkpoints past them and when it ends): one row per token of a
 * callback task (.waitForTaskToken or an activity), from the moment its request goes out or its
 * activity task is queued until its execution ends. An activity task is queued while its row has
 * an `activity_arn` and no `started`; an answer is the row's `outcome`.
 *
 * A durable token (a Standard execution's top-level task, `node` NULL) is answered together with
 * re-enqueueing its execution's job, so the answer resumes the execution wherever and whenever it
 * runs. Other tokens belong to the process (`node`) that runs their execution in memory.
 */
import type { Db, Tx } from '../../../storage/db.js';
import { enqueueRun } from '../store.js';

export interface TokenRow {
  token: string;
  execution_arn: string;
  account: string;
  region: string;
  /** The process whose memory the execution lives in; NULL for a durable token. */
  node: string | null;
  activity_arn: string | null;
  input: string | null;
  created: number;
  worker: string | null;
  started: number | null;
  timeout_at: number | null;
  heartbeat_s: number | null;
  heartbeat_at: number | null;
  /** JSON of the Outcome, once the task was answered or ended without an answer. */
  outcome: string | null;
}

/** What a token got: an output (SendTaskSuccess), an error (SendTaskFailure), or nothing more (its task ended). */
export type Outcome = { output: unknown } | { error: string; cause?: string } | { closed: true };

/** A token that accepts an answer or a heartbeat at `?` (twice): open, within TimeoutSeconds and HeartbeatSeconds. */
const OPEN = 'outcome IS NULL AND (timeout_at IS NULL OR timeout_at > ?) AND (heartbeat_s IS NULL OR heartbeat_at IS NULL OR heartbeat_at + heartbeat_s * 1000 > ?)';

export class TokenStore {
  constructor(private readonly db: Db) {}

  async insert(row: Omit<TokenRow, 'worker' | 'started' | 'outcome'>): Promise<void> {
    await this.db.run(
      `INSERT INTO sfn_task_tokens (token, execution_arn, account, region, node, activity_arn, input, created, timeout_at, heartbeat_s, heartbeat_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.token, row.execution_arn, row.account, row.region, row.node, row.activity_arn, row.input, row.created, row.timeout_at, row.heartbeat_s, row.heartbeat_at],
    );
  }

  get(token: string): Promise<TokenRow | undefined> {
    return this.db.get<TokenRow>('SELECT * FROM sfn_task_tokens WHERE token = ?', [token]);
  }

  /** Whether the token takes an answer now. */
  async isOpen(token: string, now: number): Promise<boolean> {
    return (await this.db.get(`SELECT 1 AS open FROM sfn_task_tokens WHERE token = ? AND ${OPEN}`, [token, now, now])) !== undefined;
  }

  /** Records the answer of an open token, re-enqueueing a durable token's execution. The row; none when the token is unknown or its task over. */
  answer(token: string, outcome: Outcome, now: number): Promise<TokenRow | undefined> {
    return this.db.tx(async (tx) => {
      const { changes } = await tx.run(`UPDATE sfn_task_tokens SET outcome = ? WHERE token = ? AND ${OPEN}`, [JSON.stringify(outcome), token, now, now]);
      return changes === 1 ? resumeExecution(tx, token, now) : undefined;
    });
  }

  /** SendTaskHeartbeat: the heartbeat timer of an open token starts again. False when the token is unknown or its task over. */
  async heartbeat(token: string, now: number): Promise<boolean> {
    const { changes } = await this.db.run(`UPDATE sfn_task_tokens SET heartbeat_at = ? WHERE token = ? AND ${OPEN}`, [now, token, now, now]);
    return changes === 1;
  }

  /** The task ended without an answer (timed out, failed to send, cancelled): later answers are refused. */
  async close(token: string): Promise<void> {
    await this.db.run('UPDATE sfn_task_tokens SET outcome = ? WHERE token = ? AND outcome IS NULL', [JSON.stringify({ closed: true }), token]);
  }

  /**
   * GetActivityTask: takes the activity's oldest queued task for `worker`, re-enqueueing a durable
   * token's execution (which records ActivityStarted). The row as taken, if any.
   */
  take(activityArn: string, worker: string | null, now: number): Promise<TokenRow | undefined> {
    return this.db.tx(async (tx) => {
      const row = await tx.get<{ token: string }>(
        'SELECT token FROM sfn_task_tokens WHERE activity_arn = ? AND started IS NULL AND outcome IS NULL ORDER BY created, token LIMIT 1',
        [activityArn],
      );
      if (!row) return undefined;
      await tx.run('UPDATE sfn_task_tokens SET started = ?, worker = ?, heartbeat_at = ? WHERE token = ?', [now, worker, now, row.token]);
      return resumeExecution(tx, row.token, now);
    });
  }

  /** Forgets the tokens of an execution that ran in memory only, once it ended. */
  async forget(executionArn: string): Promise<void> {
    await this.db.run('DELETE FROM sfn_task_tokens WHERE execution_arn = ?', [executionArn]);
  }

  /** Forgets the tokens of executions that lived in the memory of processes that are gone. */
  async forgetDeadNodes(): Promise<void> {
    await this.db.run('DELETE FROM sfn_task_tokens WHERE node IS NOT NULL AND node NOT IN (SELECT id FROM stratus_nodes)');
  }
}

/** A durable token's execution runs (again) now, to take what happened to the token. */
async function resumeExecution(tx: Tx, token: string, now: number): Promise<TokenRow> {
  const row = (await tx.get<TokenRow>('SELECT * FROM sfn_task_tokens WHERE token = ?', [token]))!;
  if (row.node === null) await enqueueRun(tx, { arn: row.execution_arn, account: row.account, region: row.region }, now);
  return row;
}

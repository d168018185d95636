/**
 * Dead-letter queue redrive: StartMessageMoveTask, ListMessageMoveTasks, CancelMessageMoveTask.
 * A task is a row (its progress) and a durable job (`sqs.move`, keyed by its handle) that moves
 * messages in batches, at the rate asked for, back to the queues they came from or to a destination.
 */
import { randomUUID } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type {
  CancelMessageMoveTaskRequest,
  CancelMessageMoveTaskResult,
  ListMessageMoveTasksRequest,
  ListMessageMoveTasksResult,
  ListMessageMoveTasksResultEntry,
  SQSApi,
  StartMessageMoveTaskRequest,
  StartMessageMoveTaskResult,
} from '../../../generated/sqs.js';
import type { Jobs } from '../../../jobs/index.js';
import { enqueue } from '../../../jobs/queue.js';
import { moveMessages } from '../claim.js';
import type { Queue, SqsCore } from '../core.js';
import { invalidParameter, resourceNotFound } from '../errors.js';
import { MESSAGE_COLUMNS, type MessageRow, type MoveTaskRow } from '../store.js';

export const MOVE_KIND = 'sqs.move';
const UNLIMITED_BATCH = 1000;

interface MovePayload {
  handle: string;
  /** Messages up to this seq (those in the queue when the task started) are moved. */
  lastSeq: number;
  queue: number;
}

function taskHandle(sourceArn: string): string {
  return Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn })).toString('base64');
}

export class MoveTaskOps implements Pick<SQSApi, 'StartMessageMoveTask' | 'ListMessageMoveTasks' | 'CancelMessageMoveTask'> {
  constructor(private readonly core: SqsCore) {}

  private async source(arn: string): Promise<Queue> {
    if (!parseArn(arn)) throw invalidParameter('You must use this format to specify the SourceArn: arn:<partition>:<service>:<region>:<account-id>:<resource-id>');
    const queue = await this.core.queueByArn(arn);
    if (!queue) throw resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
    return queue;
  }

  async StartMessageMoveTask(ctx: RequestContext, input: StartMessageMoveTaskRequest): Promise<StartMessageMoveTaskResult> {
    const source = await this.source(input.SourceArn);
    const rate = input.MaxNumberOfMessagesPerSecond;
    if (rate !== undefined && (rate < 1 || rate > 500)) {
      throw invalidParameter(`Value ${rate} for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: You must enter a number that's between 1 and 500.`);
    }
    if (input.DestinationArn !== undefined) {
      if (!parseArn(input.DestinationArn)) throw invalidParameter('You must use this format to specify the DestinationArn: arn:<partition>:<service>:<region>:<account-id>:<resource-id>');
      if (!(await this.core.queueByArn(input.DestinationArn))) throw resourceNotFound("The resource that you specified for the DestinationArn parameter doesn't exist.");
    }
    const sources = await this.core.db.all<{ attrs: string }>('SELECT attrs FROM sqs_queues WHERE account = ? AND region = ?', [source.account, source.region]);
    const isDlq = sources.some((r) => {
      const redrive = (JSON.parse(r.attrs) as Record<string, string>).RedrivePolicy;
      return redrive !== undefined && (JSON.parse(redrive) as { deadLetterTargetArn: string }).deadLetterTargetArn === source.arn;
    });
    if (!isDlq) throw invalidParameter('Source queue must be configured as a Dead Letter Queue.');
    const handle = taskHandle(source.arn);
    const now = this.core.clock.now();
    await this.core.db.tx(async (tx) => {
      const running = await tx.get("SELECT handle FROM sqs_move_tasks WHERE source_arn = ? AND status = 'RUNNING'", [source.arn]);
      if (running) throw invalidParameter('There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
      const stats = await tx.get<{ n: number; last: number | null }>('SELECT COUNT(*) AS n, MAX(seq) AS last FROM sqs_messages WHERE queue = ?', [source.id]);
      await tx.run(
        "INSERT INTO sqs_move_tasks (handle, account, region, source_arn, destination_arn, max_per_second, started, status, moved, to_move, failure) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?, NULL)",
        [handle, source.account, source.region, source.arn, input.DestinationArn ?? null, rate ?? null, now, Number(stats?.n ?? 0)],
      );
      const payload: MovePayload = { handle, lastSeq: Number(stats?.last ?? 0), queue: source.id };
      await enqueue(tx, { kind: MOVE_KIND, key: handle, account: source.account, region: source.region, payload, dueAt: now }, now, 'replace');
    });
    this.core.jobs.wake(MOVE_KIND, now);
    return { TaskHandle: handle };
  }

  async ListMessageMoveTasks(ctx: RequestContext, input: ListMessageMoveTasksRequest): Promise<ListMessageMoveTasksResult> {
    const source = await this.source(input.SourceArn);
    const max = input.MaxResults ?? 1;
    if (max < 1 || max > 10) throw invalidParameter(`Value ${max} for parameter MaxResults is invalid. Reason: You must enter a number that's between 1 and 10.`);
    const rows = await this.core.db.all<MoveTaskRow>('SELECT * FROM sqs_move_tasks WHERE source_arn = ? ORDER BY started DESC LIMIT ?', [source.arn, max]);
    return {
      Results: rows.map((r) => {
        const e: ListMessageMoveTasksResultEntry = {
          Status: r.status,
          SourceArn: r.source_arn,
          ApproximateNumberOfMessagesMoved: Number(r.moved),
          ApproximateNumberOfMessagesToMove: Number(r.to_move),
          StartedTimestamp: Number(r.started),
        };
        if (r.status === 'RUNNING') e.TaskHandle = r.handle;
        if (r.destination_arn) e.DestinationArn = r.destination_arn;
        if (r.max_per_second !== null) e.MaxNumberOfMessagesPerSecond = Number(r.max_per_second);
        if (r.failure) e.FailureReason = r.failure;
        return e;
      }),
    };
  }

  async CancelMessageMoveTask(ctx: RequestContext, input: CancelMessageMoveTaskRequest): Promise<CancelMessageMoveTaskResult> {
    const moved = await this.core.db.tx(async (tx) => {
      const row = await tx.get<MoveTaskRow>('SELECT * FROM sqs_move_tasks WHERE handle = ?', [input.TaskHandle]);
      if (!row) throw resourceNotFound('Task does not exist.');
      if (row.status !== 'RUNNING') throw invalidParameter('Only active tasks can be cancelled.');
      await tx.run("UPDATE sqs_move_tasks SET status = 'CANCELLED' WHERE handle = ?", [input.TaskHandle]);
      return Number(row.moved);
    });
    await this.core.jobs.cancel(MOVE_KIND, input.TaskHandle);
    return { ApproximateNumberOfMessagesMoved: moved };
  }
}

/** The job that moves a task's messages, a batch per run. */
export function handleMoves(jobs: Jobs, core: SqsCore): void {
  jobs.handle<MovePayload>(MOVE_KIND, async (job) => {
    const { handle, lastSeq, queue } = job.payload;
    const now = core.clock.now();
    const outcome = await core.db.tx(async (tx) => {
      const task = await tx.get<MoveTaskRow>('SELECT * FROM sqs_move_tasks WHERE handle = ?', [handle]);
      if (!task || task.status !== 'RUNNING') return { done: true, woken: [] as number[] };
      const fail = async (reason: string) => {
        await tx.run("UPDATE sqs_move_tasks SET status = 'FAILED', failure = ? WHERE handle = ?", [reason, handle]);
        return { done: true, woken: [] as number[] };
      };
      const source = await core.queueById(queue, tx);
      if (!source) return fail('AWS.SimpleQueueService.NonExistentQueue');
      const limit = task.max_per_second !== null ? Number(task.max_per_second) : UNLIMITED_BATCH;
      const rows = await tx.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM sqs_messages WHERE queue = ? AND seq <= ? AND visible_at <= ? ORDER BY seq LIMIT ?`, [queue, lastSeq, now, limit]);
      const byDestination = new Map<string, MessageRow[]>();
      for (const m of rows) {
        const to = task.destination_arn ?? m.dlq_source;
        if (!to) return fail('AWS.SimpleQueueService.InvalidParameterValue');
        const list = byDestination.get(to) ?? [];
        list.push(m);
        byDestination.set(to, list);
      }
      const woken: number[] = [];
      for (const [arn, list] of byDestination) {
        const dest = await core.queueByArn(arn, tx);
        if (!dest) return fail('AWS.SimpleQueueService.NonExistentQueue');
        await moveMessages(tx, list, dest, { keepReceives: false, dlqSource: null, now });
        woken.push(dest.id);
      }
      await tx.run('UPDATE sqs_move_tasks SET moved = moved + ? WHERE handle = ?', [rows.length, handle]);
      const left = await tx.get<{ next: number | null; n: number }>('SELECT MIN(visible_at) AS next, COUNT(*) AS n FROM sqs_messages WHERE queue = ? AND seq <= ?', [queue, lastSeq]);
      if (Number(left?.n ?? 0) === 0) {
        await tx.run("UPDATE sqs_move_tasks SET status = 'COMPLETED' WHERE handle = ?", [handle]);
        return { done: true, woken };
      }
      const nextAt = task.max_per_second !== null ? now + 1000 : Math.max(now, Number(left!.next ?? now));
      return { done: false, dueAt: nextAt, woken };
    });
    for (const id of outcome.woken) core.notify(id);
    if (outcome.done) return { then: 'done' };
    return { then: 'reschedule', dueAt: outcome.dueAt! };
  });
}

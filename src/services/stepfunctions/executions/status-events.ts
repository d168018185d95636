/**
 * "Step Functions Execution Status Change" events (source `aws.states`) on the account's default
 * EventBridge bus, for Standard executions as AWS sends them: on start (RUNNING), on each end
 * (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) and on a redrive. Enqueued in the transaction that changes
 * the status, so none is lost to a crash.
 */
import type { Tx } from '../../../storage/db.js';
import type { Platform } from '../../service.js';
import { enqueueServiceEvent } from '../../targets/service-events.js';
import type { ExecutionRow } from '../store.js';

type StatusRow = Pick<ExecutionRow, 'arn' | 'account' | 'region' | 'sm_arn' | 'name' | 'status' | 'input' | 'output' | 'error' | 'cause' | 'start_ms' | 'stop_ms' | 'redrive_count'> & {
  redrive_ms: number | null;
};

/** Announces the execution's status as its row holds it in `tx`. */
export async function announceStatus(tx: Tx, platform: Pick<Platform, 'services'>, arn: string): Promise<void> {
  if (!platform.services.has('events')) return;
  const row = await tx.get<StatusRow>(
    'SELECT arn, account, region, sm_arn, name, status, input, output, error, cause, start_ms, stop_ms, redrive_count, redrive_ms FROM sfn_executions WHERE arn = ?',
    [arn],
  );
  if (!row) return;
  const time = Number(row.stop_ms ?? row.redrive_ms ?? row.start_ms);
  await enqueueServiceEvent(tx, platform, {
    account: row.account,
    region: row.region,
    source: 'aws.states',
    detailType: 'Step Functions Execution Status Change',
    resources: [row.arn],
    time,
    detail: {
      executionArn: row.arn,
      stateMachineArn: row.sm_arn,
      name: row.name,
      status: row.status,
      startDate: Number(row.start_ms),
      stopDate: row.stop_ms === null ? null : Number(row.stop_ms),
      input: row.input,
      output: row.output,
      inputDetails: { included: true },
      outputDetails: row.output === null ? null : { included: true },
      error: row.error,
      cause: row.cause,
      redriveCount: Number(row.redrive_count),
      redriveDate: row.redrive_ms === null ? null : Number(row.redrive_ms),
    },
  });
}

/**
 * CloudWatch Logs delivery of execution events, as the machine's loggingConfiguration asks
 * (level ALL/ERROR/FATAL, includeExecutionData), when the Logs service is loaded.
 */
import { parseResourceArn } from '../../../aws/arn.js';
import type { Platform } from '../../service.js';
import type { LoggingConfiguration } from '../../../generated/stepfunctions.js';
import type { HistoryEvent } from '../asl/engine.js';
import type { ExecutionRow, SfnStore } from '../store.js';

type EventSink = (e: HistoryEvent) => void;

/** Buffers events until the log destination of the execution is known, then delivers them. */
export function deferredLogger(platform: Platform, store: SfnStore, row: ExecutionRow): EventSink {
  const state: { fn?: EventSink; pending: HistoryEvent[]; ready: boolean } = { pending: [], ready: false };
  void eventLogger(platform, store, row).then((fn) => {
    state.fn = fn;
    state.ready = true;
    if (fn) for (const e of state.pending) fn(e);
    state.pending = [];
  });
  return (e) => {
    if (!state.ready) state.pending.push(e);
    else state.fn?.(e);
  };
}

async function eventLogger(platform: Platform, store: SfnStore, row: ExecutionRow): Promise<EventSink | undefined> {
  const logging = await store.stateMachineLogging(row.sm_arn);
  const cfg = logging ? (JSON.parse(logging) as LoggingConfiguration) : undefined;
  const level = cfg?.level ?? 'OFF';
  const groupArn: string | undefined = cfg?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  if (level === 'OFF' || !groupArn || !platform.services.get('logs')) return undefined;
  const arn = parseResourceArn(groupArn, 'logs', 'log-group:');
  if (!arn || !/^\d{12}$/.test(arn.account)) return undefined;
  const { region, account } = arn;
  const group = arn.name.replace(/:\*$/, '');
  const writer = platform.logs;
  const d = new Date(row.start_ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stream = `states/${row.sm_arn.split(':')[6]}/${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}/${row.name.slice(0, 64)}`;
  const isError = (t: string) => /(Failed|TimedOut|Aborted)$/.test(t);
  const isFatal = (t: string) => t === 'ExecutionFailed' || t === 'ExecutionAborted' || t === 'ExecutionTimedOut';
  return (e) => {
    if (level === 'ERROR' && !isError(e.type)) return;
    if (level === 'FATAL' && !isFatal(e.type)) return;
    const key = Object.keys(e).find((k) => k.endsWith('EventDetails'));
    let details: Record<string, unknown> = key ? { ...(e[key] as Record<string, unknown>) } : {};
    if (!cfg?.includeExecutionData) {
      const { input, inputDetails, output, outputDetails, parameters, assignedVariables, assignedVariablesDetails, ...rest } = details;
      void input, inputDetails, output, outputDetails, parameters, assignedVariables, assignedVariablesDetails;
      details = rest;
    }
    const message = JSON.stringify({
      id: String(e.id),
      type: e.type,
      details,
      previous_event_id: String(e.previousEventId),
      event_timestamp: String(e.timestamp),
      execution_arn: row.arn,
      redrive_count: String(row.redrive_count),
    });
    writer.put({ accountId: account!, region: region || row.region, logGroupName: group!, logStreamName: stream, events: [{ timestamp: e.timestamp, message }] });
  };
}

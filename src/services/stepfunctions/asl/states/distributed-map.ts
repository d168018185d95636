import type { Execution } from '../execution.js';
import { StatesError } from '../errors.js';
import { CancelToken, emptyCounts, type Frame, type MapRunCounts, type MapRunRecord, type QueryLanguage, type StateMachineDefinition } from '../types.js';
import type { ChildRecord } from './map-s3.js';

export interface MapRun {
  execution: Execution;
  /** The Map state's thread. */
  frame: Frame;
  /** The map run's name in its ARN: the state's Label, else its name. */
  label: string;
  processor: StateMachineDefinition;
  /** The selected (and batched) items, one child execution each. */
  work: unknown[];
  /** The items as read, for $$.Map.Item.Value. */
  items: unknown[];
  maxConcurrency: number;
  toleratedCount: number | undefined;
  toleratedPct: number | undefined;
  queryLanguage: QueryLanguage;
  /** ItemBatcher groups the items: each work item is a batch `{Items, BatchInput}`. */
  batched: boolean;
  /** ResultWriter: records the child executions (before the tolerated-failure check); its answer is the Map's result. */
  writer?: (mapRunArn: string, children: ChildRecord[]) => Promise<unknown>;
}

/**
 * A distributed Map's map run: one child execution per item or batch, as many at once as
 * MaxConcurrency says (1,000 unless it does; UpdateMapRun may change it while the run goes on),
 * failing once more items failed than tolerated (thresholds as they are at the end, UpdateMapRun
 * included). The host records the run (DescribeMapRun, ListMapRuns). Returns the outputs in item
 * order, or the ResultWriter's answer.
 */
export async function runMapRun(run: MapRun): Promise<unknown> {
  const { execution, frame: mapFrame, processor, work, items } = run;
  const info = execution.info;
  const machineArn = info.stateMachineArn.split(':').slice(0, 7).join(':');
  const mapRunArn = `${machineArn.replace(':stateMachine:', ':mapRun:')}/${run.label}:${globalThis.crypto.randomUUID()}`;
  // Items per child execution: one, or the batch's (ItemBatcher).
  const sizes = work.map((w) => (run.batched && Array.isArray((w as { Items?: unknown[] })?.Items) ? (w as { Items: unknown[] }).Items.length : 1));
  const record: MapRunRecord = {
    mapRunArn,
    executionArn: info.executionArn,
    stateMachineArn: `${machineArn}/${run.label}`,
    status: 'RUNNING',
    startDate: execution.clock.now(),
    maxConcurrency: run.maxConcurrency,
    toleratedFailureCount: run.toleratedCount,
    toleratedFailurePercentage: run.toleratedPct,
    items: emptyCounts(sizes.reduce((a, b) => a + b, 0)),
    executions: emptyCounts(work.length),
  };
  const move = (i: number, from: keyof MapRunCounts, to: keyof MapRunCounts) => {
    record.executions[from]--;
    record.executions[to]++;
    record.items[from] -= sizes[i]!;
    record.items[to] += sizes[i]!;
  };
  await execution.mapRuns?.start(record);
  execution.emit(mapFrame, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn });
  const runStartedId = mapFrame.last;
  const outputs: unknown[] = new Array(work.length);
  const records: ChildRecord[] = new Array(work.length);
  let failures = 0;
  // Child executions of a distributed map keep their own histories; the parent records the map run only.
  const children = execution.detached({ StartAt: processor.StartAt, States: processor.States, QueryLanguage: run.queryLanguage });
  const runChild = async (i: number) => {
    const frame: Frame = {
      cancel: new CancelToken(mapFrame.cancel),
      last: 0,
      scope: { vars: {}, parent: mapFrame.scope },
      top: false,
      mapItem: { Index: i, Value: items[i] },
      queryLanguage: run.queryLanguage,
    };
    const start = execution.clock.now();
    const name = globalThis.crypto.randomUUID();
    move(i, 'pending', 'running');
    try {
      outputs[i] = await children.runProgram(processor, work[i], frame);
      records[i] = { name, input: work[i], status: 'SUCCEEDED', output: outputs[i], start, stop: execution.clock.now() };
      move(i, 'running', 'succeeded');
    } catch (e) {
      execution.checkInterrupted();
      failures++;
      if (!(e instanceof StatesError)) throw e;
      records[i] = { name, input: work[i], status: 'FAILED', error: e.error, cause: e.cause, start, stop: execution.clock.now() };
      move(i, 'running', e.error === 'States.Timeout' ? 'timedOut' : 'failed');
    }
    record.executions.resultsWritten++;
    record.items.resultsWritten += sizes[i]!;
  };
  try {
    await schedule(work.length, () => (record.maxConcurrency > 0 ? record.maxConcurrency : 1000), runChild, (wake) => (record.changed = wake));
  } catch (e) {
    await endRun(execution, record, 'ABORTED');
    throw e;
  }
  const written = run.writer ? await run.writer(mapRunArn, records) : undefined;
  const total = work.length;
  const toleratedCount = record.toleratedFailureCount;
  const toleratedPct = record.toleratedFailurePercentage;
  const countOk = toleratedCount === undefined ? failures === 0 : failures <= toleratedCount;
  const pctOk = toleratedPct === undefined ? false : total > 0 && (failures / total) * 100 <= toleratedPct;
  if (failures > 0 && !countOk && !pctOk) {
    await endRun(execution, record, 'FAILED');
    execution.emit(mapFrame, 'MapRunFailed', 'mapRunFailedEventDetails', {
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    const e = new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
    e.needsStateFailed = true;
    throw e;
  }
  await endRun(execution, record, 'SUCCEEDED');
  execution.emit(mapFrame, 'MapRunSucceeded', undefined);
  execution.emit(mapFrame, 'MapStateSucceeded', undefined, undefined);
  // Since late 2024 AWS links MapStateExited to MapRunStarted (earlier recordings: MapRunSucceeded).
  mapFrame.last = runStartedId;
  return run.writer ? written : outputs;
}

/** Records the map run's end (its pending children, when it did not finish, count as aborted). */
async function endRun(execution: Execution, record: MapRunRecord, status: MapRunRecord['status']): Promise<void> {
  record.status = status;
  record.stopDate = execution.clock.now();
  record.changed = undefined;
  if (status === 'ABORTED') {
    for (const c of [record.items, record.executions]) {
      c.aborted += c.pending + c.running;
      c.pending = 0;
      c.running = 0;
    }
  }
  await execution.mapRuns?.end(record).catch(() => undefined);
}

/**
 * Runs `count` tasks, at most `limit()` at once; `limit` is read again whenever one ends or `onWake`'s
 * callback is called (a raised MaxConcurrency starts more at once). Rejects with the first error.
 */
function schedule(count: number, limit: () => number, task: (i: number) => Promise<void>, onWake: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const pump = () => {
      if (failed) return;
      if (next >= count && running === 0) return resolve();
      while (next < count && running < limit()) {
        const i = next++;
        running++;
        task(i).then(
          () => {
            running--;
            pump();
          },
          (e) => {
            failed = true;
            reject(e);
          },
        );
      }
    };
    onWake(pump);
    pump();
  });
}

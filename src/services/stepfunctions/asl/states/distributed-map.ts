import type { Execution } from '../execution.js';
import { StatesError } from '../errors.js';
import { CancelToken, type Frame, type QueryLanguage, type StateMachineDefinition } from '../types.js';
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
  /** ResultWriter: records the child executions (before the tolerated-failure check); its answer is the Map's result. */
  writer?: (mapRunArn: string, children: ChildRecord[]) => Promise<unknown>;
}

/**
 * A distributed Map's map run: one child execution per item (1,000 at a time unless MaxConcurrency says
 * otherwise), failing once more items failed than tolerated. Returns the outputs in item order, or
 * the ResultWriter's answer.
 */
export async function runMapRun(run: MapRun): Promise<unknown> {
  const { execution, frame: mapFrame, processor, work, items, maxConcurrency, toleratedCount, toleratedPct } = run;
  const info = execution.info;
  const mapRunArn = `${info.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${run.label}:${globalThis.crypto.randomUUID()}`;
  execution.emit(mapFrame, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn });
  const runStartedId = mapFrame.last;
  const outputs: unknown[] = new Array(work.length);
  const records: ChildRecord[] = new Array(work.length);
  let failures = 0;
  const limit = maxConcurrency > 0 ? maxConcurrency : Math.min(work.length || 1, 1000);
  let nextIndex = 0;
  // Child executions of a distributed map keep their own histories; the parent records the map run only.
  const children = execution.detached({ StartAt: processor.StartAt, States: processor.States, QueryLanguage: run.queryLanguage });
  await Promise.all(
    Array.from({ length: Math.min(limit, work.length) }, async () => {
      while (nextIndex < work.length) {
        const i = nextIndex++;
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
        try {
          outputs[i] = await children.runProgram(processor, work[i], frame);
          records[i] = { name, input: work[i], status: 'SUCCEEDED', output: outputs[i], start, stop: execution.clock.now() };
        } catch (e) {
          execution.checkInterrupted();
          failures++;
          if (!(e instanceof StatesError)) throw e;
          records[i] = { name, input: work[i], status: 'FAILED', error: e.error, cause: e.cause, start, stop: execution.clock.now() };
        }
      }
    }),
  );
  const written = run.writer ? await run.writer(mapRunArn, records) : undefined;
  const total = work.length;
  const countOk = toleratedCount === undefined ? failures === 0 : failures <= toleratedCount;
  const pctOk = toleratedPct === undefined ? false : total > 0 && (failures / total) * 100 <= toleratedPct;
  if (failures > 0 && !countOk && !pctOk) {
    execution.emit(mapFrame, 'MapRunFailed', 'mapRunFailedEventDetails', {
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    const e = new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
    e.needsStateFailed = true;
    throw e;
  }
  execution.emit(mapFrame, 'MapRunSucceeded', undefined);
  execution.emit(mapFrame, 'MapStateSucceeded', undefined, undefined);
  // Since late 2024 AWS links MapStateExited to MapRunStarted (earlier recordings: MapRunSucceeded).
  mapFrame.last = runStartedId;
  return run.writer ? written : outputs;
}

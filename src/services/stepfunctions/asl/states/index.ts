/** Which StateRun class runs a state of each type. */
import type { Execution } from '../execution.js';
import { StateRun, type StateEntry } from '../state-run.js';
import type { Checkpoint, Frame, QueryLanguage, StateDefinition } from '../types.js';
import { ChoiceState } from './choice.js';
import { FailState } from './fail.js';
import { MapState } from './map.js';
import { ParallelState } from './parallel.js';
import { PassState } from './pass.js';
import { SucceedState } from './succeed.js';
import { TaskState } from './task.js';
import { WaitState } from './wait.js';

const STATE_RUNS: Record<string, typeof StateRun> = {
  Pass: PassState,
  Succeed: SucceedState,
  Fail: FailState,
  Choice: ChoiceState,
  Wait: WaitState,
  Task: TaskState,
  Map: MapState,
  Parallel: ParallelState,
};

export function createStateRun(
  execution: Execution,
  name: string,
  state: StateDefinition,
  type: string,
  queryLanguage: QueryLanguage,
  input: unknown,
  frame: Frame,
  entered: StateEntry,
  resume: Checkpoint | undefined,
): StateRun {
  // The base StateRun fails a state of an unknown type with States.Runtime.
  const Run = Object.hasOwn(STATE_RUNS, type) ? STATE_RUNS[type]! : StateRun;
  return new Run(execution, name, state, type, queryLanguage, input, frame, entered, resume);
}

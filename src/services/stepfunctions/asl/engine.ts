/**
 * The ASL interpreter: definition + input + clock + task runner -> execution history events.
 * Pure: no storage, no HTTP. The provider persists the events and checkpoints it hands out.
 *
 * Event ids and previousEventId follow what AWS records: each thread (the execution, a Map
 * iteration, a Parallel branch) links its events in a chain; ExecutionStarted does not start the
 * chain (the first state's Entered event has previousEventId 0); XxxSucceeded events of Map and
 * Parallel, and MapIterationSucceeded/Failed, do not move the chain forward.
 *
 * This module is what the rest of the service imports. The interpreter lives in: types.ts (what the
 * host and the modules exchange), execution.ts (the Execution: threads, history, checkpoints),
 * state-run.ts (one state's run: context object, paths, JSONata, Assign), retry.ts (Retry/Catch),
 * states/ (one file per state type) and resources.ts (what a Task resource names).
 */
export { END_EVENTS, Execution, stoppedHistory, type StopDetails } from './execution.js';
export { classify, type ResourceKind } from './resources.js';
export { StatesError } from './errors.js';
export type { Checkpoint, EngineHost, ExecutionInfo, ExecutionResult, HistoryEvent, MapRunCounts, MapRunHost, MapRunRecord, TaskCall, TaskRunner, TaskWait } from './types.js';

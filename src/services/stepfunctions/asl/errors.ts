/** A failure inside an execution: an error name and a cause, as Catch and Retry see them. */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string | undefined,
    /** Where a JSONata evaluation failed (EvaluationFailed.location). */
    readonly location?: string,
  ) {
    super(`${error}: ${cause ?? ''}`);
  }
  /** Marks errors that surface as an EvaluationFailed event (JSONata evaluation errors). */
  evaluation = false;
  /** The EvaluationFailed event of this error is already in the history. */
  declare recorded?: boolean;
  /** A failed Map or Parallel records its XxxStateFailed event before the failure is caught or final. */
  declare needsStateFailed?: boolean;
}

/**
 * The execution was stopped (StopExecution) or timed out, or this run of it ends (SUSPENDED: the
 * server stops; PARKED: it only waits, until `wakeAt` or an answer); unwinds every running state.
 */
export class ExecutionInterrupted extends Error {
  constructor(
    readonly reason: 'ABORTED' | 'TIMED_OUT' | 'SUSPENDED' | 'PARKED',
    /** PARKED: when the host resumes it at the latest (none: only an answer or a stop does). */
    readonly wakeAt?: number,
  ) {
    super(reason);
  }

  /** Whether the execution goes on in a later run (its durable state stays as it is). */
  get resumable(): boolean {
    return this.reason === 'SUSPENDED' || this.reason === 'PARKED';
  }
}

/** Errors that States.ALL does not match. */
export const NOT_MATCHED_BY_ALL = new Set(['States.DataLimitExceeded', 'States.Runtime']);

/** Whether a Retrier/Catcher's ErrorEquals matches an error name. */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  for (const e of errorEquals) {
    if (e === error) return true;
    if (e === 'States.ALL' && !NOT_MATCHED_BY_ALL.has(error)) return true;
    if (e === 'States.TaskFailed' && error !== 'States.Timeout' && !error.startsWith('States.') ) return true;
    if (e === 'States.TaskFailed' && (error === 'States.TaskFailed' || error === 'States.HeartbeatTimeout' || error === 'States.Permissions')) return true;
  }
  return false;
}

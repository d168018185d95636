/**
 * Each state's status in an execution, read from its history (GetExecutionHistory's events):
 * not-started, running, succeeded, failed or caught, plus how often it was retried and its last
 * input, output, assigned variables and error. A state run several times (a Map's iterations, a
 * loop) is running while any run is, failed if any run failed, caught if a Catch took any, else
 * succeeded once one run exited.
 *
 * Events name their state only on entry and exit (`<Type>StateEntered` / `<Type>StateExited`);
 * every other event is tied to its state through `previousEventId`, the chain of its branch.
 */

/** Failure events that end one attempt of a state (Task's, Lambda's, activities', evaluation). */
const ATTEMPT_FAILED = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed|StartTimedOut)$|^EvaluationFailed$/;
/** Events that start another attempt (after a Retry). */
const ATTEMPT_STARTED = /^(TaskScheduled|LambdaFunctionScheduled|ActivityScheduled)$/;
const EXECUTION_END = new Set(['ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted', 'ExecutionSucceeded']);

const detailsOf = (e) => {
  for (const [k, v] of Object.entries(e)) if (k.endsWith('EventDetails') && v && typeof v === 'object') return v;
  return {};
};

/**
 * { states: Map(name -> StateRecord), order: [names as their status last changed], execution: { status, error, cause } }.
 * `failState(name)` gives a Fail state's { error, cause } from the definition (its events carry none).
 */
export function statusesFromHistory(events, { failState } = {}) {
  const states = new Map();
  const changed = new Map(); // name -> id of the event that last changed its status
  const threadState = new Map(); // event id -> the state run it belongs to (undefined between states)
  const threadParent = new Map(); // event id -> the Map or Parallel run its branch is inside
  const open = new Set();
  const execution = { status: 'RUNNING' };
  const record = (name) => {
    let r = states.get(name);
    if (!r) {
      r = { name, status: 'not-started', runs: 0, running: 0, succeeded: 0, failed: 0, caught: 0, retries: 0 };
      states.set(name, r);
    }
    return r;
  };
  const recompute = (r, id) => {
    const status = r.running > 0 ? 'running' : r.failed > 0 ? 'failed' : r.caught > 0 ? 'caught' : r.succeeded > 0 ? 'succeeded' : 'not-started';
    if (status !== r.status) {
      r.status = status;
      changed.set(r.name, id);
    }
  };
  /** A run that ends without its own exit event (cut short, or failed inside a Map or Parallel that went on). */
  const close = (o, id, error, cause) => {
    open.delete(o);
    o.record.running--;
    o.record.failed++;
    o.record.error ??= o.attemptFailed?.error ?? error;
    o.record.cause ??= o.attemptFailed?.cause ?? cause;
    recompute(o.record, id);
  };
  /** A failure inside a Map or Parallel is what the container fails with when its own event says nothing. */
  const failed = (run, failure) => {
    run.attemptFailed = failure;
    run.record.error = failure.error;
    run.record.cause = failure.cause;
    for (let p = run.parent; p; p = p.parent) p.childFailure ??= failure;
  };
  const inside = (o, container) => {
    for (let p = o.parent; p; p = p.parent) if (p === container) return true;
    return false;
  };
  for (const e of events) {
    const type = e.type;
    const d = detailsOf(e);
    const prevRun = threadState.get(e.previousEventId);
    let run = prevRun;
    let parent = threadParent.get(e.previousEventId);
    // A Map's or Parallel's exit follows its branches' last events, not its own chain: found by name.
    if (type.endsWith('StateExited') && run?.record.name !== d.name) run = [...open].reverse().find((o) => o.record.name === d.name);
    if (type.endsWith('StateEntered')) {
      const r = record(d.name);
      // The first state of a branch or iteration follows an event of its Map or Parallel.
      if (prevRun && (prevRun.type === 'Map' || prevRun.type === 'Parallel')) parent = prevRun;
      run = { record: r, type: type.slice(0, -'StateEntered'.length), attemptFailed: undefined, enteredId: e.id, parent };
      open.add(run);
      r.runs++;
      r.running++;
      r.input = d.input;
      r.error = undefined;
      r.cause = undefined;
      recompute(r, e.id);
      if (run.type === 'Fail') failed(run, failState?.(d.name) ?? {});
    } else if (type.endsWith('StateExited') && run) {
      const r = run.record;
      for (const o of [...open]) if (inside(o, run)) close(o, e.id);
      open.delete(run);
      r.running--;
      r.output = d.output;
      r.assignedVariables = d.assignedVariables;
      if (run.attemptFailed) r.caught++;
      else r.succeeded++;
      recompute(r, e.id);
      threadState.set(e.id, undefined);
      threadParent.set(e.id, run.parent);
      continue;
    } else if (run && ATTEMPT_FAILED.test(type)) {
      failed(run, { error: d.error, cause: d.cause });
    } else if (run && ATTEMPT_STARTED.test(type) && run.attemptFailed) {
      // Scheduled again after a failure: a Retry.
      run.attemptFailed = undefined;
      run.record.retries++;
    } else if (/^(Map|Parallel)StateFailed$/.test(type)) {
      // Tied to the failing branch's chain: the Map or Parallel is the nearest open run of that type up the chain.
      const want = type.startsWith('Map') ? 'Map' : 'Parallel';
      let owner = run;
      while (owner && owner.type !== want) owner = owner.parent;
      owner ??= [...open].reverse().find((o) => o.type === want);
      if (owner) {
        failed(owner, d.error ? { error: d.error, cause: d.cause } : owner.childFailure ?? {});
        run = owner;
      }
    } else if (EXECUTION_END.has(type)) {
      execution.status = { ExecutionFailed: 'FAILED', ExecutionTimedOut: 'TIMED_OUT', ExecutionAborted: 'ABORTED', ExecutionSucceeded: 'SUCCEEDED' }[type];
      execution.error = d.error;
      execution.cause = d.cause;
      execution.output = d.output;
      // What was still running ends with the execution: failed, with the execution's error when it had none of its own.
      for (const o of [...open]) close(o, e.id, d.error ?? (type === 'ExecutionAborted' ? 'Execution aborted' : undefined), d.cause);
    }
    threadState.set(e.id, run);
    threadParent.set(e.id, parent);
  }
  const order = [...changed.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return { states, order, execution };
}

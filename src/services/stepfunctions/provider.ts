/**
 * Step Functions (awsJson1.0, AWSStepFunctions). State machines, executions (Standard: durable in
 * SQL, run as leased jobs that park while they wait; Express: in memory), history, activities and
 * task tokens (in SQL), tags.
 */
import type { SFNApi } from '../../generated/stepfunctions.js';
import { TagStore } from '../../storage/tags.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { announceStatus } from './executions/status-events.js';
import { MIGRATIONS, SfnStore } from './store.js';
import { SfnCore } from './core.js';
import { StateMachineOps } from './ops/state-machines.js';
import { AliasOps } from './ops/aliases.js';
import { ExecutionOps } from './ops/executions.js';
import { TestStateOps } from './ops/test-state.js';
import { ActivityOps } from './ops/activities.js';
import { CallbackOps } from './ops/callbacks.js';
import { TagOps } from './ops/tags.js';
import { MapRunOps } from './ops/map-runs.js';
import { NestedExecutions } from './tasks/states.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  // The tags table first: a migration moves the tags Step Functions kept in its own table there.
  const tags = await TagStore.open(platform.db);
  await platform.db.migrate('stepfunctions', MIGRATIONS);
  // Nested executions (states:startExecution tasks) start through the StartExecution operation.
  const core = new SfnCore(platform, new SfnStore(platform.db, tags, (tx, arn) => announceStatus(tx, platform, arn)), (parent, params, mode, signal) => nested.start(parent, params, mode, signal));
  const executions = new ExecutionOps(core);
  const nested = new NestedExecutions(core, executions);
  // Tokens of in-memory executions (Express, TestState) whose process is gone.
  await core.tokenStore.forgetDeadNodes();
  core.runner.start();
  return defineProvider<SFNApi>()(
    [new StateMachineOps(core), new AliasOps(core), executions, new TestStateOps(core), new ActivityOps(core), new CallbackOps(core), new TagOps(core), new MapRunOps(core)],
    { close: () => core.runner.close(), health: () => ({ running: core.runner.size }) },
  );
}

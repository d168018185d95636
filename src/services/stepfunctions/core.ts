/**
 * What the operation families of Step Functions share: storage, the execution runner, the task
 * integrations with their callback tokens and activity queues, and the lookups and checks several
 * operations make.
 */
import { arnFor } from '../../aws/arn.js';
import type { Platform } from '../service.js';
import type { RequestContext } from '../../core/context.js';
import { validationError } from '../../aws/validate.js';
import {
  ExecutionDoesNotExist,
  InvalidArn,
  InvalidExecutionInput,
  StateMachineDoesNotExist,
  TooManyTags,
  ValidationException,
  type EncryptionConfiguration,
  type Tag,
} from '../../generated/stepfunctions.js';
import { MAX_TAGS_PER_RESOURCE, type TagProblem } from '../../storage/tags.js';
import type { TaskRunner } from './asl/engine.js';
import { SfnStore, type ExecutionRow, type StateMachineRow } from './store.js';
import { ExecutionRunner } from './executions/runner.js';
import { makeTaskRunner, type StartChild } from './tasks/runner.js';
import { TaskTokens } from './tasks/tokens.js';
import { TokenStore } from './tasks/token-store.js';
import { ActivityPolls } from './tasks/activity.js';
import { jsonProblem } from './json-errors.js';
import { TaskMocks } from './tasks/mocks.js';
import { MapRuns } from './executions/map-runs.js';

/** What AWS answers when no customer managed key was configured. */
export const DEFAULT_ENCRYPTION: EncryptionConfiguration = { type: 'AWS_OWNED_KEY' };

/** Names: 1-80 characters, no whitespace, brackets, wildcards, special or control characters (as AWS). */
export const NAME_RE = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

/** The parts of a Step Functions ARN (`arn:aws:states:region:account:type:name[:...]`), or undefined. */
export function arnParts(arn: string): string[] | undefined {
  const p = arn.split(':');
  if (p.length < 7 || p[0] !== 'arn' || p[2] !== 'states') return undefined;
  return p;
}

/**
 * A value that does not even start like an ARN: AWS answers InvalidArn "Invalid ARN prefix"
 * (test_sfn_api.py::test_describe_invalid_arn_sm and the other *_invalid_arn tests, 08-03-2024;
 * test_sfn_api_activities.py::test_describe_activity_invalid_arn, 11-03-2024).
 */
export function checkArnPrefix(arn: string): void {
  if (!arn.startsWith('arn:')) throw new InvalidArn(`Invalid Arn: 'Invalid ARN prefix: ${arn}'`);
}

/** An ARN of the wrong resource type for the operation. */
export function resourceTypeNotValid(type: string): InvalidArn {
  return new InvalidArn(`Invalid Arn: 'Resource type not valid in this context: ${type}'`);
}

/** Refuses Express execution ARNs where only Standard executions (which are stored) are accepted. */
export function refuseExpress(executionArn: string): void {
  if (executionArn.split(':')[5] === 'express') throw resourceTypeNotValid('express');
}

/** Execution input: JSON text of at most 256 KiB ('{}' when absent); invalid JSON is refused with Jackson's message, as AWS does. */
export function checkExecutionInput(text: string | undefined): string {
  const input = text ?? '{}';
  if (input.trim() === '') throw new InvalidExecutionInput("Invalid State Machine Execution Input: 'Invalid execution input.'");
  const problem = jsonProblem(input);
  if (problem) throw new InvalidExecutionInput(`Invalid State Machine Execution Input: '${problem.message}'`);
  if (Buffer.byteLength(input) > 262144) throw new InvalidExecutionInput('Invalid State Machine Execution Input: input size exceeds 262144 bytes');
  return input;
}

/**
 * A request's tags as a map (a later tag replaces an earlier one of the same key; no value is an
 * empty one). The model leaves Tag.key optional, but a tag without a key is refused as AWS's
 * validation refuses a missing required member.
 */
export function tagMap(tags: readonly Tag[] | undefined): Record<string, string> {
  const missing = (tags ?? []).flatMap((t, i) => (t.key == null ? [i + 1] : []));
  if (missing.length > 0) {
    throw validationError(
      missing.map((n) => `Value null at 'tags.${n}.member.key' failed to satisfy constraint: Member must not be null`),
      'ValidationException',
    );
  }
  return Object.fromEntries((tags ?? []).map((t) => [t.key!, t.value ?? '']));
}

/**
 * The error for tags the tags table refuses. With Step Functions' rules (store.ts) that is the count;
 * the model's key and value lengths are checked before an operation runs, so the rest cannot happen.
 */
export function tagError(problem: TagProblem): TooManyTags | ValidationException {
  if (problem.kind === 'tooMany') return new TooManyTags(`Too many tags: the resource can have at most ${MAX_TAGS_PER_RESOURCE} tags`);
  return new ValidationException(`Invalid tag: '${problem.key}'`);
}

export class SfnCore {
  readonly clock;
  readonly tokenStore: TokenStore;
  readonly activities: ActivityPolls;
  readonly tokens: TaskTokens;
  readonly tasks: TaskRunner;
  readonly runner: ExecutionRunner;
  /** The mock configuration's test cases (StartExecution with `arn#TestCase`). */
  readonly mocks: TaskMocks;
  /** Map runs of distributed Map states (DescribeMapRun, ListMapRuns, UpdateMapRun). */
  readonly mapRuns: MapRuns;

  /** `startChild` runs the states:startExecution integration (tasks/states.ts, through the StartExecution operation). */
  constructor(
    readonly platform: Platform,
    readonly store: SfnStore,
    startChild: StartChild,
  ) {
    this.clock = platform.clock;
    this.tokenStore = new TokenStore(platform.db);
    this.activities = new ActivityPolls(platform.clock);
    this.tokens = new TaskTokens(platform, this.tokenStore, this.activities);
    this.mocks = TaskMocks.fromPlatform(platform);
    this.tasks = makeTaskRunner(platform, this.tokens, startChild, this.mocks);
    this.mapRuns = new MapRuns(platform.db);
    this.runner = new ExecutionRunner(platform, store, this.tasks, this.tokens, this.mapRuns);
  }

  smArn(ctx: RequestContext, name: string): string {
    return arnFor('states', ctx, `stateMachine:${name}`);
  }

  /** The state machine of a machine, version or alias ARN, in the caller's account and region. */
  async stateMachineOrThrow(ctx: RequestContext, arn: string): Promise<StateMachineRow> {
    checkArnPrefix(arn);
    const parts = arnParts(arn);
    if (!parts) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${arn}'`);
    if (parts[5] !== 'stateMachine') throw resourceTypeNotValid(parts[5]!);
    const row = await this.store.stateMachine(parts.slice(0, 7).join(':'), ctx);
    if (!row) throw new StateMachineDoesNotExist(`State Machine Does Not Exist: '${arn}'`);
    return row;
  }

  /** A Standard execution in the caller's account and region (Express executions are not stored: AWS cannot describe them either). */
  async executionOrThrow(ctx: RequestContext, arn: string): Promise<ExecutionRow> {
    checkArnPrefix(arn);
    const parts = arnParts(arn);
    if (!parts) throw new ExecutionDoesNotExist(`Execution Does Not Exist: '${arn}'`);
    if (parts[5] !== 'execution') throw resourceTypeNotValid(parts[5]!);
    const row = await this.store.execution(arn, ctx);
    if (!row) throw new ExecutionDoesNotExist(`Execution Does Not Exist: '${arn}'`);
    return row;
  }
}

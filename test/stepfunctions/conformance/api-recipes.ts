/**
 * Recipes for the corpus's api-response entries: each replays the API calls of the original test
 * (from its name, parameter and recorded keys) and compares every recorded response.
 */
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListExecutionsCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  type LoggingConfiguration,
} from '@aws-sdk/client-sfn';
import type { Harness } from '../../../scripts/conformance-stepfunctions.js';
import { match } from './compare.js';
import type { Entry, Recipe } from './recipes.js';

let counter = 0;
const uniqueName = (prefix = 'api') => `${prefix}-${process.pid}-${++counter}`;
const role = (suffix = '') => `arn:aws:iam::000000000000:role/conformance${suffix}`;
const paramOf = (e: Entry): string => (e.param ?? '').replace(/^\[|\]$/g, '');

/** Collects recorded-vs-actual comparisons; the first mismatch is the entry's failure. */
class Check {
  problem: string | undefined;
  constructor(readonly recorded: Record<string, any>) {}

  /** Compares a successful response (or an AWS error) with the recorded value under `key`. */
  async step<T>(key: string, call: () => Promise<T>): Promise<T | undefined> {
    let out: T | undefined;
    let actual: unknown;
    try {
      out = await call();
      const { $metadata, ...rest } = out as Record<string, unknown>;
      void $metadata;
      actual = rest;
    } catch (e) {
      const err = e as Error;
      actual = { Error: { Code: err.name, Message: err.message }, message: err.message };
    }
    const expected = this.recorded[key];
    if (key.startsWith('__')) return out;
    if (expected === undefined) {
      this.problem ??= `no recorded value for ${key}`;
      return out;
    }
    let exp: unknown = expected;
    if (expected && typeof expected === 'object' && 'exception_typename' in expected) {
      const m = /^An error occurred \(([^)]+)\) when calling the \w+ operation: (.*)$/s.exec(String(expected.exception_value));
      exp = { Error: { Code: expected.exception_typename, Message: m?.[2] ?? '' }, message: m?.[2] ?? '' };
    } else if (expected && typeof expected === 'object' && 'Error' in expected) {
      exp = { Error: expected.Error, message: expected.message ?? expected.Error.Message };
    }
    const r = match(exp, actual, key);
    if (r) this.problem ??= r;
    return out;
  }
}

async function settle(h: Harness, executionArn: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const d = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

const def = (h: Harness, e: Entry) => JSON.stringify(h.loadTemplate(e.templates[0]!));

const logGroup = 'arn:aws:logs:us-east-1:000000000000:log-group:log_group_name:*';
const logging = (level: string, include: boolean): LoggingConfiguration => ({
  level: level as LoggingConfiguration['level'],
  includeExecutionData: include,
  destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }],
});

function recipe(fn: (h: Harness, e: Entry, c: Check) => Promise<void>): Recipe {
  return async (h, e, recorded) => {
    const c = new Check(recorded);
    await fn(h, e, c);
    return c.problem;
  };
}

type CreateDescribe = { name?: string; logging?: LoggingConfiguration; createKey: string; describeKey: string };
const createDescribe = (opts: CreateDescribe) => recipe((h, e, c) => createDescribeSteps(h, e, c, opts));

async function createDescribeSteps(h: Harness, e: Entry, c: Check, opts: CreateDescribe): Promise<void> {
  {
    const name = opts.name ?? uniqueName();
    const created = await c.step(opts.createKey, () =>
      h.client.send(new CreateStateMachineCommand({ name, definition: def(h, e), roleArn: role(), loggingConfiguration: opts.logging })),
    );
    if (!created) return;
    await c.step(opts.describeKey, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn })));
    if (opts.name) await h.client.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
  }
}

const updateScenario = (changes: { definition?: boolean; role?: boolean; same?: boolean }, keys: string[]) =>
  recipe(async (h, e, c) => {
    const base = h.loadTemplate(e.templates[0]!);
    const created = await c.step(keys[0]!, () =>
      h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(base), roleArn: role(changes.role || changes.same ? '_t0' : '') })),
    );
    if (!created) return;
    const arn = created.stateMachineArn!;
    await c.step(keys[1]!, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })));
    for (const t of [1, 2]) {
      const d = structuredClone(base);
      if (changes.definition) d.States.State_1.Result.Arg1 = `AfterUpdate${t}`;
      await c.step(keys[2 * t]!, () =>
        h.client.send(
          new UpdateStateMachineCommand({
            stateMachineArn: arn,
            definition: changes.definition ? JSON.stringify(d) : undefined,
            roleArn: changes.role ? role(`_t${t}`) : changes.same ? role('_t1') : undefined,
          }),
        ),
      );
      await c.step(keys[2 * t + 1]!, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })));
    }
  });

export const API_RECIPES: [RegExp, Recipe][] = [
  [
    /TestSnfApi::test_create_delete_invalid_sm$/,
    recipe(async (h, e, c) => {
      await c.step('invalid_definition_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role() })));
    }),
  ],
  [
    /TestSnfApi::test_delete_nonexistent_sm$/,
    recipe(async (h, _e, c) => {
      await c.step('deletion_resp_1', () =>
        h.client.send(new DeleteStateMachineCommand({ stateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${uniqueName('missing')}` })),
      );
    }),
  ],
  [/TestSnfApi::test_describe_sm_arn_containing_punctuation$/, createDescribe({ name: `sm.with_punctuation-${process.pid}`, createKey: 'creation_resp', describeKey: 'describe_resp' })],
  [
    /TestSnfApi::test_create_exact_duplicate_sm$/,
    recipe(async (h, e, c) => {
      const name = uniqueName();
      for (const i of [1, 2]) {
        const out = await c.step(`creation_resp_${i}`, () => h.client.send(new CreateStateMachineCommand({ name, definition: def(h, e), roleArn: role() })));
        if (out) await c.step(`describe_resp_${i}`, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineArn })));
      }
    }),
  ],
  [
    /TestSnfApi::test_create_duplicate_definition_format_sm$|TestSnfApi::test_create_duplicate_sm_name$/,
    recipe(async (h, e, c) => {
      const name = uniqueName();
      const out = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name, definition: def(h, e), roleArn: role() })));
      if (!out) return;
      await c.step('describe_resp_1', () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineArn })));
      const other = e.key.includes('definition_format') ? JSON.stringify(h.loadTemplate(e.templates[0]!), null, 2) : JSON.stringify({ ...h.loadTemplate(e.templates[0]!), Comment: 'other' });
      await c.step('already_exists_1', () => h.client.send(new CreateStateMachineCommand({ name, definition: other, roleArn: role() })));
    }),
  ],
  [
    /TestSnfApi::test_invalid_start_execution_arn$/,
    recipe(async (h, e, c) => {
      const name = uniqueName();
      const out = await c.step('creation_resp', () => h.client.send(new CreateStateMachineCommand({ name, definition: def(h, e), roleArn: role() })));
      if (!out) return;
      const bad = out.stateMachineArn!.replace(`:stateMachine:${name}`, `:stateMachine:statemachine_invalid_${name}`);
      await c.step('start_exec_of_deleted', () => h.client.send(new StartExecutionCommand({ stateMachineArn: bad })));
    }),
  ],
  [
    /TestSnfApi::test_create_update_state_machine_base_definition$/,
    updateScenario({ definition: true }, ['creation_resp_t0', 'describe_resp_t0', 'update_state_machine_res', 'describe_resp_t1', 'update_state_machine_res_t2', 'describe_resp_t2']),
  ],
  [
    /TestSnfApi::test_create_update_state_machine_base_role_arn$/,
    updateScenario({ role: true }, ['creation_resp_t0', 'describe_resp_t0', 'update_state_machine_res_t1', 'describe_resp_t1', 'update_state_machine_res_t2', 'describe_resp_t2']),
  ],
  [
    /TestSnfApi::test_create_update_state_machine_base_definition_and_role$/,
    updateScenario({ definition: true, role: true }, ['creation_resp_t0', 'describe_resp_t0', 'update_state_machine_res_t1', 'describe_resp_t1', 'update_state_machine_res_t2', 'describe_resp_t2']),
  ],
  [
    /TestSnfApi::test_create_update_state_machine_same_parameters$/,
    updateScenario({ same: true }, ['creation_resp_t0', 'describe_resp_t0', 'update_state_machine_res_t1', 'describe_resp_t1', 'update_state_machine_res_t2', 'describe_resp_t2']),
  ],
  [
    /TestSnfApi::test_cloudformation_definition(_string)?_create_describe\[/,
    createDescribe({ name: 'state_machine_name', createKey: '__none__', describeKey: 'describe_state_machine_response' }),
  ],
  [
    /TestSnfApi::test_describe_execution$/,
    recipe(async (h, e, c) => {
      const sm = await c.step('creation_resp', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role() })));
      if (!sm) return;
      const ex = await c.step('exec_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn })));
      if (!ex) return;
      await settle(h, ex.executionArn!);
      await c.step('describe_execution', () => h.client.send(new DescribeExecutionCommand({ executionArn: ex.executionArn })));
    }),
  ],
  [
    /TestSnfApi::test_describe_execution_no_such_state_machine$/,
    recipe(async (h, _e, c) => {
      await c.step('exception', () => h.client.send(new DescribeExecutionCommand({ executionArn: 'invalid_execution_arn' })));
    }),
  ],
  [
    /TestSnfApi::test_list_execution_no_such_state_machine$/,
    recipe(async (h, _e, c) => {
      await c.step('exception', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: 'ssm_nonexistent_arn' })));
    }),
  ],
  [
    /TestSnfApi::test_state_machine_status_filter$/,
    recipe(async (h, e, c) => {
      const sm = await c.step('creation_resp', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role() })));
      if (!sm) return;
      const arn = sm.stateMachineArn!;
      await c.step('list_before_execution', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: arn })));
      const ex = await c.step('exec_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: arn })));
      if (ex) await settle(h, ex.executionArn!);
      await c.step('list_succeeded_when_complete', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' })));
      await c.step('list_running_when_complete', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' })));
      await c.step('list_executions_filter_exc', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'succeeded' as never })));
    }),
  ],
  [
    /TestSnfApiLogs::test_logging_configuration\[/,
    recipe(async (h, e, c) => {
      const [level, include] = paramOf(e).split('-');
      await createDescribeSteps(h, e, c, { logging: logging(level!, include === 'True'), createKey: 'creation_resp', describeKey: 'describe_resp' });
    }),
  ],
  [
    /TestSnfApiLogs::test_invalid_logging_configuration\[/,
    recipe(async (h, e, c) => {
      const cfg: LoggingConfiguration =
        paramOf(e) === 'logging_configuration2'
          ? { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }, { cloudWatchLogsLogGroup: { logGroupArn: logGroup } }] }
          : { level: 'ALL', includeExecutionData: true };
      await c.step('exception', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), loggingConfiguration: cfg })));
    }),
  ],
  [
    /TestSnfApiLogs::test_update_logging_configuration$/,
    recipe(async (h, e, c) => {
      const sm = await c.step('creation_resp', () =>
        h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), loggingConfiguration: logging('ALL', true) })),
      );
      if (!sm) return;
      const arn = sm.stateMachineArn!;
      const describe = () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
      await c.step('describe_resp', describe);
      const expectedLevel = c.recorded;
      const lvl = expectedLevel.describe_resp_log_level?.loggingConfiguration;
      await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, loggingConfiguration: logging(lvl?.level ?? 'ERROR', lvl?.includeExecutionData ?? true) }));
      await c.step('describe_resp_log_level', describe);
      await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, loggingConfiguration: logging(lvl?.level ?? 'ERROR', lvl?.includeExecutionData ?? true) }));
      await c.step('describe_resp_no_change', describe);
      const flag = expectedLevel.describe_resp_flag?.loggingConfiguration;
      await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, loggingConfiguration: logging(flag?.level ?? 'ERROR', flag?.includeExecutionData ?? false) }));
      await c.step('describe_resp_flag', describe);
      await c.step('exception_multiple_endpoints', () =>
        h.client.send(
          new UpdateStateMachineCommand({
            stateMachineArn: arn,
            loggingConfiguration: { level: 'ALL', destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }, { cloudWatchLogsLogGroup: { logGroupArn: logGroup } }] },
          }),
        ),
      );
      await c.step('exception_invalid', () => h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, loggingConfiguration: { level: 'ALL' } })));
    }),
  ],
  [
    /TestSfnApiValidation::test_validate_state_machine_definition_type_standard\[/,
    recipe(async (h, e, c) => {
      const t = e.templates.find((p) => p.split('/').pop()!.replace(/\.json5$/, '').toUpperCase() === paramOf(e))!;
      await c.step('validation_response', () =>
        h.client.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify(h.loadTemplate(t)), type: 'STANDARD' })),
      );
    }),
  ],
  [
    /TestBaseScenarios::test_wait_timestamp_invalid\[/,
    recipe(async (h, e, c) => {
      const values: Record<string, string> = {
        NO_Z: '2016-03-14T01:59:00',
        INVALID_DATE: '2016-13-14T01:59:00Z',
        INVALID_ISO: '14-03-2016T01:59:00Z',
        JSONATA: '{% $now() %}',
      };
      const d = h.loadTemplate(e.templates[0]!);
      d.States.WaitUntil.Timestamp = values[paramOf(e)];
      await c.step('exception', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(d), roleArn: role() })));
    }),
  ],
  [
    /TestBaseScenarios::test_illegal_escapes\[/,
    recipe(async (h, e, c) => {
      const t = e.templates.find((p) => p.split('/').pop()!.replace(/\.json5$/, '').toUpperCase() === paramOf(e))!;
      await c.step('exception', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(h.loadTemplate(t)), roleArn: role() })));
    }),
  ],
  // Versions
  [
    /TestSnfApiVersioning::test_create_with_publish$|TestSnfApiVersioning::test_create_express_with_publish$/,
    recipe(async (h, e, c) => {
      await c.step('creation_resp_1', () =>
        h.client.send(
          new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true, type: e.key.includes('express') ? 'EXPRESS' : 'STANDARD' }),
        ),
      );
    }),
  ],
  [
    /TestSnfApiVersioning::test_create_with_version_description_no_publish$/,
    recipe(async (h, e, c) => {
      await c.step('validation_exception', () =>
        h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), versionDescription: 'HelloWorld!' })),
      );
    }),
  ],
  [
    /TestSnfApiVersioning::test_create_publish_describe_(no|with)_version_description$/,
    recipe(async (h, e, c) => {
      const withDesc = e.key.includes('with_version_description');
      const out = await c.step('creation_resp_1', () =>
        h.client.send(
          new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true, versionDescription: withDesc ? 'HelloWorld!' : undefined }),
        ),
      );
      if (!out) return;
      await c.step('describe_resp_version', () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineVersionArn })));
      await c.step('describe_resp', () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineArn })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_list_delete_version$/,
    recipe(async (h, e, c) => {
      const out = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true })));
      if (!out) return;
      await c.step('describe_resp_version', () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: out.stateMachineVersionArn })));
      await c.step('list_versions_resp_1', () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: out.stateMachineArn })));
      await c.step('delete_version_resp', () => h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: out.stateMachineVersionArn })));
      await c.step('list_versions_resp_2', () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: out.stateMachineArn })));
      await c.step('delete_version_resp_after_del', () => h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: out.stateMachineVersionArn })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_empty_revision_with_publish_and_(no_)?publish_on_creation$/,
    recipe(async (h, e, c) => {
      const onCreate = !e.key.includes('no_publish_on_creation');
      const out = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: onCreate })));
      if (!out) return;
      for (const k of ['update_resp_1', 'update_resp_2'])
        await c.step(k, () => h.client.send(new UpdateStateMachineCommand({ stateMachineArn: out.stateMachineArn, definition: def(h, e), publish: true })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_describe_state_machine_for_execution_of_version$/,
    recipe(async (h, e, c) => {
      const out = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true })));
      if (!out) return;
      const ex = await c.step('execution_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: out.stateMachineVersionArn })));
      if (!ex) return;
      await settle(h, ex.executionArn!);
      await c.step('describe_resp', () => h.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: ex.executionArn })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_publish_state_machine_version$/,
    recipe(async (h, e, c) => {
      const base = h.loadTemplate(e.templates[0]!);
      const out = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(base), roleArn: role() })));
      if (!out) return;
      const arn = out.stateMachineArn!;
      const recorded = c.recorded;
      for (let r = 1; `update_resp_${r}` in recorded; r++) {
        const d = { ...base, Comment: `${base.Comment}-R${r}` };
        const up = await c.step(`update_resp_${r}`, () => h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: JSON.stringify(d) })));
        const pub = await c.step(`publish_v${r}`, () => h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, revisionId: up?.revisionId, description: recorded[`describe_v${r}`]?.description })));
        if (`list_versions_resp_${r}` in recorded) await c.step(`list_versions_resp_${r}`, () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn })));
        if (pub && `describe_v${r}` in recorded)
          await c.step(`describe_v${r}`, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: pub.stateMachineVersionArn })));
      }
    }),
  ],
];

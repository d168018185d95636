/**
 * Recipes for the corpus's api-response entries: each replays the API calls of the original test
 * (from its name, parameter and recorded keys) and compares every recorded response.
 */
import {
  SFNClient,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
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
import { pickTemplate, type Harness } from '../../../scripts/conformance-stepfunctions.js';
import { match } from './compare.js';
import type { Entry, Recipe } from './recipes.js';
import { Check, def, paramOf, recipe, role, settle, shownAs, uniqueName } from './api-check.js';
import { aliasRecipes } from './api-recipes-aliases.js';

const logGroup = 'arn:aws:logs:us-east-1:000000000000:log-group:log_group_name:*';
const logging = (level: string, include: boolean): LoggingConfiguration => ({
  level: level as LoggingConfiguration['level'],
  includeExecutionData: include,
  destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }],
});

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
    // The test asked about a well-formed ARN of an execution that does not exist; its snapshot shows
    // that ARN as the word 'invalid_execution_arn' (a snapshot transformer), so the recipe does the same.
    /TestSnfApi::test_describe_execution_no_such_state_machine$/,
    recipe(async (h, _e, c) => {
      const arn = `arn:aws:states:us-east-1:000000000000:execution:${uniqueName('missing')}:x`;
      await c.step('exception', () => shownAs(h.client.send(new DescribeExecutionCommand({ executionArn: arn })), arn, 'invalid_execution_arn'));
    }),
  ],
  [
    // As above: the ARN of a state machine that does not exist, shown as 'ssm_nonexistent_arn'.
    /TestSnfApi::test_list_execution_no_such_state_machine$/,
    recipe(async (h, _e, c) => {
      const arn = `arn:aws:states:us-east-1:000000000000:stateMachine:${uniqueName('missing')}`;
      await c.step('exception', () => shownAs(h.client.send(new ListExecutionsCommand({ stateMachineArn: arn })), arn, 'ssm_nonexistent_arn'));
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
      let lastRevision: string | undefined;
      for (let r = 1; `update_resp_${r}` in recorded; r++) {
        const d = { ...base, Comment: `${base.Comment}-R${r}` };
        const up = await c.step(`update_resp_${r}`, () => h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: JSON.stringify(d) })));
        if (!(`publish_v${r}` in recorded)) {
          // Publishing with the previous revision id is refused once the machine has changed.
          if ('conflict_exception' in recorded)
            await c.step('conflict_exception', () => h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, revisionId: lastRevision })));
          break;
        }
        lastRevision = up?.revisionId;
        const pub = await c.step(`publish_v${r}`, () => h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, revisionId: up?.revisionId, description: recorded[`describe_v${r}`]?.description })));
        if (`list_versions_resp_${r}` in recorded) await c.step(`list_versions_resp_${r}`, () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn })));
        if (pub && `describe_v${r}` in recorded)
          await c.step(`describe_v${r}`, () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: pub.stateMachineVersionArn })));
      }
    }),
  ],
  [
    /TestSfnApiVariableReferences::test_base_variable_references_in_jsonata_template\[/,
    recipe(async (h, e, c) => {
      const t = pickTemplate(e);
      if (!t) {
        c.problem = 'cannot tell which template the entry uses';
        return;
      }
      const sm = await h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(h.loadTemplate(t)), roleArn: role() }));
      await c.step('describe_response', () => h.client.send(new DescribeStateMachineCommand({ stateMachineArn: sm.stateMachineArn })));
    }),
  ],
  // Aliases
  ...aliasRecipes(),
  // CloudWatch Logs delivery
  [
    /TestExpressAsync::test_base\[|TestSfnApiExpress::test_start_async_describe_history_execution$/,
    recipe(async (h, e, c) => {
      const group = uniqueName('/aws/vendedlogs/states/express');
      const sm = await c.step('creation_response', () =>
        h.client.send(
          new CreateStateMachineCommand({
            name: uniqueName(),
            definition: def(h, e),
            roleArn: role(),
            type: 'EXPRESS',
            loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:us-east-1:000000000000:log-group:${group}:*` } }] },
          }),
        ),
      );
      if (!sm) return;
      const ex = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn, input: '{}' }));
      const events = await logEvents(h, group, (evs) => evs.some((x) => x.type === 'ExecutionSucceeded' || x.type === 'ExecutionFailed'));
      const end = events.find((x) => x.type === 'ExecutionSucceeded' || x.type === 'ExecutionFailed');
      const r = match(c.recorded.end_event, end, 'end_event');
      if (r) c.problem ??= r;
      if ('list_executions_error' in c.recorded) {
        await c.step('list_executions_error', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn })));
        await c.step('describe_execution_error', () => h.client.send(new DescribeExecutionCommand({ executionArn: ex.executionArn })));
        const { StopExecutionCommand, GetExecutionHistoryCommand } = await import('@aws-sdk/client-sfn');
        await c.step('stop_execution_error', () => h.client.send(new StopExecutionCommand({ executionArn: ex.executionArn })));
        await c.step('get_execution_history_error', () => h.client.send(new GetExecutionHistoryCommand({ executionArn: ex.executionArn })));
      }
    }),
  ],
  [
    /TestLogs::test_log_group_with_multiple_runs$/,
    recipe(async (h, e, c) => {
      const group = uniqueName('/aws/vendedlogs/states/multi');
      const sm = await h.client.send(
        new CreateStateMachineCommand({
          name: uniqueName(),
          definition: def(h, e),
          roleArn: role(),
          loggingConfiguration: { level: 'ALL', includeExecutionData: false, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:us-east-1:000000000000:log-group:${group}:*` } }] },
        }),
      );
      const expected = c.recorded.logged_execution_events as unknown[];
      const runs = expected.filter((x) => (x as { type: string }).type === 'ExecutionStarted').length;
      for (let i = 0; i < runs; i++) {
        const ex = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn, input: '{}' }));
        await settle(h, ex.executionArn!);
      }
      const events = await logEvents(h, group, (evs) => evs.filter((x) => x.type === 'ExecutionSucceeded').length >= runs);
      const r = match(expected, events, 'logged_execution_events');
      if (r) c.problem ??= r;
    }),
  ],
  // Pagination
  [
    /TestSnfApi::test_list_executions_pagination$|TestSnfApi::test_list_executions_versions_pagination$/,
    recipe(async (h, e, c) => {
      const versions = e.key.includes('versions_pagination');
      const sm = await h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: versions }));
      const target = versions ? sm.stateMachineVersionArn! : sm.stateMachineArn!;
      for (let i = 0; i < 13; i++) {
        const ex = await h.client.send(new StartExecutionCommand({ stateMachineArn: target, name: `exec-${i}` }));
        await settle(h, ex.executionArn!);
      }
      const page1 = await c.step('list-executions-page-1', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, maxResults: 10 })));
      await c.step(c.recorded['list-executions-page-2'] ? 'list-executions-page-2' : 'list-execution-page-2', () =>
        h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, maxResults: 3, nextToken: page1?.nextToken })),
      );
      await c.step('list-executions-invalid-param-too-large', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, maxResults: 1001 })));
      await c.step('list-executions-invalid-param-short-nextToken', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, nextToken: '' })));
      await c.step('list-executions-invalid-param-long-nextToken', () =>
        h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, nextToken: 'x'.repeat(3097) })),
      );
      await c.step('deletion_resp', () => h.client.send(new DeleteStateMachineCommand({ stateMachineArn: sm.stateMachineArn })));
    }),
  ],
  [
    /TestSnfApi::test_list_sms_pagination$/,
    recipe(async (h, e, c) => {
      // A region of its own, so other entries' state machines do not show up in the listing.
      const client = new SFNClient({ endpoint: h.endpoint, region: 'eu-north-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
      try {
        const arns: string[] = [];
        for (let i = 0; i < 13; i++)
          arns.push((await client.send(new CreateStateMachineCommand({ name: `sm-page-${i}`, definition: def(h, e), roleArn: role() }))).stateMachineArn!);
        const page1 = await client.send(new ListStateMachinesCommand({ maxResults: 10 }));
        const r1 = match(c.recorded['list-state-machines-page-1'], page1.stateMachines, 'list-state-machines-page-1');
        if (r1) c.problem ??= r1;
        const page2 = await client.send(new ListStateMachinesCommand({ maxResults: 3, nextToken: page1.nextToken }));
        const r2 = match(c.recorded['list-state-machines-page-2'], page2.stateMachines, 'list-state-machines-page-2');
        if (r2) c.problem ??= r2;
        await c.step('list-state-machines-invalid-param-too-large', () => client.send(new ListStateMachinesCommand({ maxResults: 1001 })));
        await c.step('list-state-machines-invalid-param-long-nextToken', () => client.send(new ListStateMachinesCommand({ nextToken: 'x'.repeat(1025) })));
        for (const arn of arns) await client.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
      } finally {
        client.destroy();
      }
    }),
  ],
  [
    /TestSnfApiVersioning::test_list_state_machine_versions_pagination$/,
    recipe(async (h, e, c) => {
      const base = h.loadTemplate(e.templates[0]!);
      const sm = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(base), roleArn: role() })));
      if (!sm) return;
      const arn = sm.stateMachineArn!;
      for (let i = 0; i < 13; i++)
        await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: JSON.stringify({ ...base, Comment: `v${i}` }), publish: true }));
      const p1 = await c.step('list-state-machine-versions-page-1', () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn, maxResults: 10 })));
      await c.step('list-state-machine-versions-page-2', () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn, maxResults: 10, nextToken: p1?.nextToken })));
      await c.step('list-state-machine-versions-invalid-param-too-large', () => h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn, maxResults: 1001 })));
      await c.step('list-state-machine-versions-invalid-param-long-nextToken', () =>
        h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn, nextToken: 'x'.repeat(1025) })),
      );
    }),
  ],
  [
    /TestSnfApiVersioning::test_version_ids_between_deletions$/,
    recipe(async (h, e, c) => {
      const base = h.loadTemplate(e.templates[0]!);
      const sm = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(base), roleArn: role(), publish: true })));
      if (!sm) return;
      const v2 = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm.stateMachineArn, definition: JSON.stringify({ ...base, Comment: 'v2' }), publish: true }));
      await h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2.stateMachineVersionArn }));
      await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm.stateMachineArn, definition: JSON.stringify({ ...base, Comment: 'v2_2' }) }));
      await c.step('publish_res_v2_2', () => h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: sm.stateMachineArn })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_describe_state_machine_for_execution_of_version_with_revision$/,
    recipe(async (h, e, c) => {
      const base = h.loadTemplate(e.templates[0]!);
      const sm = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(base), roleArn: role() })));
      if (!sm) return;
      const up = await c.step('update_resp', () =>
        h.client.send(new UpdateStateMachineCommand({ stateMachineArn: sm.stateMachineArn, definition: JSON.stringify({ ...base, Comment: `${base.Comment}-R2` }), publish: true })),
      );
      const ex = await c.step('execution_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: up?.stateMachineVersionArn })));
      if (!ex) return;
      await settle(h, ex.executionArn!);
      await c.step('describe_resp', () => h.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: ex.executionArn })));
    }),
  ],
  [
    /TestSnfApiVersioning::test_start_version_execution$/,
    recipe(async (h, e, c) => {
      const sm = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true })));
      if (!sm) return;
      const ex = await c.step('execution_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn })));
      if (ex) await settle(h, ex.executionArn!);
      await c.step('exec_list_resp', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn })));
      const ev = await c.step('execution_version_resp', () => h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineVersionArn })));
      if (ev) await settle(h, ev.executionArn!);
      await c.step('exec_version_list_resp', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineVersionArn })));
    }),
  ],
  [
    /TestTimeouts::test_global_timeout$/,
    recipe(async (h, e, c) => {
      const d = { ...h.loadTemplate(e.templates[0]!), TimeoutSeconds: 5 };
      const sm = await h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: JSON.stringify(d), roleArn: role() }));
      const ex = await h.client.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn, name: uniqueName('execution-name') }));
      for (let i = 0; i < 200; i++) {
        const st = await h.client.send(new DescribeExecutionCommand({ executionArn: ex.executionArn }));
        if (st.status !== 'RUNNING') break;
        await h.advance(1000);
        await new Promise((r) => setTimeout(r, 2));
      }
      await c.step('describe_execution', () => h.client.send(new DescribeExecutionCommand({ executionArn: ex.executionArn })));
    }),
  ],
  [
    /TestSnfApiTagging::test_create_state_machine$/,
    recipe(async (h, e, c) => {
      const tags = (c.recorded.list_resources_res?.tags ?? []) as { key: string; value: string }[];
      const sm = await c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), tags })));
      if (sm) await c.step('list_resources_res', () => h.client.send(new ListTagsForResourceCommand({ resourceArn: sm.stateMachineArn })));
    }),
  ],
  ...taggingRecipes(),
];

/**
 * TestSnfApiTagging (LocalStack tests/aws/services/stepfunctions/v2/test_sfn_api_tagging.py). The
 * parameter ids are pytest's `<argname><index>` over the test's lists, reproduced here.
 */
function taggingRecipes(): [RegExp, Recipe][] {
  type T = { key?: string; value?: string };
  // test_tag_state_machine's tag_list parameter.
  const tagLists: T[][] = [
    [],
    [{ key: 'key1', value: 'value1' }],
    [{ key: 'key1', value: '' }],
    [
      { key: 'key1', value: 'value1' },
      { key: 'key1', value: 'value1' },
    ],
    [
      { key: 'key1', value: 'value1' },
      { key: 'key2', value: 'value2' },
    ],
  ];
  // test_untag_state_machine's tag_keys parameter.
  const tagKeys: string[][] = [[], ['key1'], ['key1', 'key1'], ['key1', 'key2']];
  const index = (e: Entry, name: string): number => {
    const m = new RegExp(`^${name}(\\d+)$`).exec(paramOf(e));
    return m ? Number(m[1]) : -1;
  };
  const create = (h: Harness, e: Entry, c: Check) =>
    c.step('creation_resp_1', () => h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role() })));
  const untagScenario = (keys: string[]) =>
    recipe(async (h, e, c) => {
      const sm = await create(h, e, c);
      if (!sm) return;
      const resourceArn = sm.stateMachineArn!;
      await c.step('tag_resource_resp', () => h.client.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'key1', value: 'value1' }] })));
      await c.step('untag_resource_resp', () => h.client.send(new UntagResourceCommand({ resourceArn, tagKeys: keys })));
      await c.step('list_resources_res', () => h.client.send(new ListTagsForResourceCommand({ resourceArn })));
    });
  return [
    [
      /TestSnfApiTagging::test_untag_state_machine\[tag_keys\d+\]$/,
      async (h, e, recorded) => untagScenario(tagKeys[index(e, 'tag_keys')] ?? [])(h, e, recorded),
    ],
    [
      // Entries recorded at 19:28-19:29 on 25-08-2023, before the test was split: their recorded keys
      // (creation_resp_1, tag_resource_resp, untag_resource_resp, list_resources_res) and results
      // (key1 left by [], nothing left by the others) are those of today's test_untag_state_machine,
      // whose tag_keys parameter they carry.
      /TestSnfApiTagging::test_tag_state_machine\[tag_keys\d+\]$/,
      async (h, e, recorded) => {
        if (!('untag_resource_resp' in recorded)) return 'expected the untag scenario of an older version of the test';
        return untagScenario(tagKeys[index(e, 'tag_keys')] ?? [])(h, e, recorded);
      },
    ],
    [
      /TestSnfApiTagging::test_tag_state_machine\[tag_list\d+\]$/,
      recipe(async (h, e, c) => {
        const tags = tagLists[index(e, 'tag_list')];
        if (!tags) {
          c.problem = `unknown parameter ${paramOf(e)}`;
          return;
        }
        const sm = await create(h, e, c);
        if (!sm) return;
        const resourceArn = sm.stateMachineArn!;
        await c.step('tag_resource_resp', () => h.client.send(new TagResourceCommand({ resourceArn, tags: tags as { key: string; value: string }[] })));
        await c.step('list_resources_res', () => h.client.send(new ListTagsForResourceCommand({ resourceArn })));
      }),
    ],
    [
      // The recorded errors were raised by botocore before any request ("Parameter validation
      // failed"): only the CreateStateMachine response is AWS's. Where the invalid value breaks a
      // model constraint AWS enforces on its side too (tags required, key length >= 1), Stratus must
      // reject the request with a ValidationException; a null tag value (tag_list3) is not a
      // server-side constraint (TagValue may be absent), so nothing is asserted for it.
      /TestSnfApiTagging::test_tag_invalid_state_machine\[/,
      recipe(async (h, e, c) => {
        const sm = await create(h, e, c);
        if (!sm) return;
        const resourceArn = sm.stateMachineArn!;
        const p = paramOf(e);
        const key = Object.keys(c.recorded).find((k) => k !== 'creation_resp_1')!;
        const recordedError = String(c.recorded[key]);
        let tags: T[] | undefined;
        if (p === 'None' && /Invalid type for parameter tags, value: None/.test(recordedError)) tags = undefined;
        else if (/Invalid length for parameter tags\[0\]\.key, value: 0/.test(recordedError)) tags = [{ key: '', value: 'value' }];
        else if (/Invalid type for parameter tags\[0\]\.value, value: None/.test(recordedError)) return;
        else {
          c.problem = `unexpected recorded error ${recordedError.slice(0, 200)}`;
          return;
        }
        try {
          await h.client.send(new TagResourceCommand({ resourceArn, tags: tags as { key: string; value: string }[] }));
          c.problem = 'TagResource accepted an input that breaks the model constraints';
        } catch (err) {
          if ((err as Error).name !== 'ValidationException') c.problem = `TagResource: expected ValidationException, got ${(err as Error).name}: ${(err as Error).message}`;
        }
      }),
    ],
  ];
}

/** The execution events delivered to a log group (parsed), once `done` holds for them. */
async function logEvents(h: Harness, group: string, done: (events: Record<string, any>[]) => boolean): Promise<Record<string, any>[]> {
  const { CloudWatchLogsClient, FilterLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const logs = new CloudWatchLogsClient({ endpoint: h.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  try {
    let events: Record<string, any>[] = [];
    for (let i = 0; i < 200; i++) {
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: group }));
        events = (out.events ?? []).map((x) => JSON.parse(x.message!) as Record<string, any>);
        if (done(events)) break;
      } catch {
        /* the group appears with the first delivery */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return events;
  } finally {
    logs.destroy();
  }
}

/** Recipes of the corpus's alias tests (TestSfnApiAliasing). */
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeStateMachineAliasCommand,
  ListStateMachineAliasesCommand,
  StartExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  ListExecutionsCommand,
  DescribeExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Harness } from '../../../scripts/conformance-stepfunctions.js';
import type { Entry, Recipe } from './recipes.js';
import { def, paramOf, recipe, role, settle, uniqueName } from './api-check.js';

export function aliasRecipes(): [RegExp, Recipe][] {
  const setupVersion = async (h: Harness, e: Entry) => {
    const sm = await h.client.send(new CreateStateMachineCommand({ name: uniqueName(), definition: def(h, e), roleArn: role(), publish: true }));
    return { smArn: sm.stateMachineArn!, versionArn: sm.stateMachineVersionArn! };
  };
  const createAlias = (h: Harness, name: string, versionArn: string, description?: string) =>
    h.client.send(new CreateStateMachineAliasCommand({ name, description, routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }] }));
  const DESC = 'create state machine alias description';
  return [
    [
      /TestSfnApiAliasing::test_base_create_alias_single_router_config$/,
      recipe(async (h, e, c) => {
        const { versionArn } = await setupVersion(h, e);
        await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
      }),
    ],
    [
      /TestSfnApiAliasing::test_error_create_alias_with_state_machine_arn$/,
      recipe(async (h, e, c) => {
        const { smArn } = await setupVersion(h, e);
        await c.step('exception', () => createAlias(h, 'state_machine_alias_name', smArn, DESC));
      }),
    ],
    [
      /TestSfnApiAliasing::test_error_create_alias_not_idempotent$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        await c.step('not_idempotent_description', () => createAlias(h, 'state_machine_alias_name', versionArn, 'another description'));
        const v2 = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: smArn, definition: JSON.stringify({ ...h.loadTemplate(e.templates[0]!), Comment: 'v2' }), publish: true }));
        await c.step('not_idempotent_routing_configuration', () => createAlias(h, 'state_machine_alias_name', v2.stateMachineVersionArn!, DESC));
      }),
    ],
    [
      /TestSfnApiAliasing::test_idempotent_create_alias$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        for (const k of ['create_state_machine_alias_response_attempt_0', 'create_state_machine_alias_response_attempt_1'])
          await c.step(k, () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        await c.step('create_state_machine_alias_response_different_name', () => createAlias(h, 'state_machine_alias_name-second', versionArn, DESC));
        await c.step('list_state_machine_aliases_response', () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn })));
      }),
    ],
    [
      /TestSfnApiAliasing::test_error_create_alias_invalid_name$/,
      recipe(async (h, e, c) => {
        const { versionArn } = await setupVersion(h, e);
        for (const name of ['123', '', 'A'.repeat(81), 'INVALID ALIAS', '!INVALID', 'ALIAS@'])
          await c.step(`exception_for_name${name}`, () => createAlias(h, name, versionArn, DESC));
      }),
    ],
    [
      /TestSfnApiAliasing::test_base_lifecycle_create_delete_list$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        const list = () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn }));
        await c.step('list_state_machine_aliases_response_empty', list);
        const arns: string[] = [];
        for (const i of [0, 1, 2]) {
          const a = await c.step(`create_state_machine_alias_response_num_${i}`, () => createAlias(h, `state_machine_alias_base_name-${i}`, versionArn, DESC));
          arns.push(a?.stateMachineAliasArn ?? '');
          await c.step(`list_state_machine_aliases_response_after_creation_${i}`, list);
        }
        for (const i of [0, 1, 2]) {
          await c.step(`delete_state_machine_alias_response_${i}`, () => h.client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: arns[i] })));
          await c.step(`list_state_machine_aliases_response_after_deletion_${i}`, list);
        }
      }),
    ],
    [
      /TestSfnApiAliasing::test_base_lifecycle_create_invoke_describe_list$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        await c.step('list_state_machine_aliases_response_empty', () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn })));
        const a = await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        if (!a) return;
        if ('describe_state_machine_alias_response' in c.recorded)
          await c.step('describe_state_machine_alias_response', () => h.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: a.stateMachineAliasArn })));
        const x1 = await c.step('start_execution_response_through_alias', () => h.client.send(new StartExecutionCommand({ stateMachineArn: a.stateMachineAliasArn })));
        if (x1) await settle(h, x1.executionArn!);
        await c.step('describe_execution_response_through_alias', () => h.client.send(new DescribeExecutionCommand({ executionArn: x1?.executionArn })));
        const x2 = await c.step('start_execution_response_through_version_arn', () => h.client.send(new StartExecutionCommand({ stateMachineArn: versionArn })));
        if (x2) await settle(h, x2.executionArn!);
        await c.step('describe_execution_response_through_version_arn', () => h.client.send(new DescribeExecutionCommand({ executionArn: x2?.executionArn })));
        await c.step('list_executions_response', () => h.client.send(new ListExecutionsCommand({ stateMachineArn: smArn })));
      }),
    ],
    [
      /TestSfnApiAliasing::test_delete_version_with_alias$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        const v2 = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: smArn, definition: JSON.stringify({ ...h.loadTemplate(e.templates[0]!), Comment: 'v2' }), publish: true }));
        const a = await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', v2.stateMachineVersionArn!, DESC));
        if (!a) return;
        await c.step('exception_delete_version_with_alias_reference', () => h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2.stateMachineVersionArn })));
        await c.step('describe_state_machine_alias_response', () => h.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: a.stateMachineAliasArn })));
        await h.client.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: a.stateMachineAliasArn, routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }] }));
        await c.step('delete_version_response', () => h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2.stateMachineVersionArn })));
      }),
    ],
    [
      /TestSfnApiAliasing::test_delete_revision_with_alias$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        await c.step('delete_state_machine_response', () => h.client.send(new DeleteStateMachineCommand({ stateMachineArn: smArn })));
      }),
    ],
    [
      /TestSfnApiAliasing::test_delete_no_such_alias_arn$/,
      recipe(async (h, e, c) => {
        const { versionArn } = await setupVersion(h, e);
        const a = await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        await c.step('delete_state_machine_alias_response', () =>
          h.client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${a?.stateMachineAliasArn ?? ''}-missing` })),
        );
      }),
    ],
    [
      /TestSfnApiAliasing::test_list_state_machine_aliases_pagination_invalid_next_token$/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        await c.step('create_state_machine_alias_response', () => createAlias(h, 'state_machine_alias_name', versionArn, DESC));
        await c.step('invalidTokenException', () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn, nextToken: 'InvalidToken' })));
      }),
    ],
    [
      /TestSfnApiAliasing::test_list_state_machine_aliases_pagination_max_results\[/,
      recipe(async (h, e, c) => {
        const { smArn, versionArn } = await setupVersion(h, e);
        for (const i of [1, 2, 3]) await c.step(`create_state_machine_alias_response-${i}`, () => createAlias(h, `AliasName-${i}`, versionArn, DESC));
        const max = Number(paramOf(e));
        await c.step('list_state_machine_aliases_max_results_-1_response', () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn, maxResults: -1 })));
        await c.step('list_state_machine_aliases_max_results_1001_response', () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn, maxResults: 1001 })));
        const page = await c.step(`list_state_machine_aliases_max_results_${max}_response`, () => h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn, maxResults: max })));
        if ('list_state_machine_aliases_next_token_response' in c.recorded)
          await c.step('list_state_machine_aliases_next_token_response', () =>
            h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: smArn, nextToken: page?.nextToken })),
          );
      }),
    ],
  ];
}

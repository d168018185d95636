/**
 * Step Functions: state machines listed; each drawn as a graph beside its definition editor
 * (pages/stepfunctions/editor.js); saved as a new machine or a new version; executions started and
 * listed, each watched live (pages/stepfunctions/execution.js).
 */
import { field, h, pretty, replace, table, when } from '../lib/dom.js';
import { zoomControls } from '../lib/asl-graph.js';
import { createEditor } from './stepfunctions/editor.js';
import { findState, renderExecution } from './stepfunctions/execution.js';

export default {
  id: 'stepfunctions',
  title: 'Step Functions',
  routes: [
    { path: '', render: listMachines },
    { path: 'new', render: newMachine },
    { path: 'machines/:arn', render: showMachine },
    { path: 'executions/:arn', render: renderExecution },
  ],
};

const DEFAULT_ROLE = 'arn:aws:iam::000000000000:role/stepfunctions-role';
const STARTER = {
  Comment: 'A new state machine',
  StartAt: 'Hello',
  States: {
    Hello: { Type: 'Pass', Result: { greeting: 'hello' }, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

async function listAll(ctx, operation, input, key) {
  const out = [];
  let nextToken;
  do {
    const page = await ctx.aws.json('stepfunctions', operation, { ...input, nextToken });
    out.push(...page[key]);
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function listMachines(root, _params, ctx) {
  root.append(h('h1', null, 'State machines'), h('p', null, h('a', { class: 'button', href: ctx.href('new') }, 'New state machine')));
  const machines = await listAll(ctx, 'ListStateMachines', {}, 'stateMachines');
  root.append(
    table({
      caption: `State machines in ${ctx.aws.region}`,
      empty: 'none yet',
      columns: [
        { label: 'Name', cell: (m) => h('a', { href: ctx.href('machines', m.stateMachineArn) }, m.name) },
        { label: 'Type', cell: (m) => m.type },
        { label: 'Created', cell: (m) => when(m.creationDate) },
      ],
      rows: machines,
    }),
  );
}

/** The editor and graph side by side; answers the editor. */
function editorLayout(root, ctx, text, type) {
  const details = h('div', { class: 'details', dataset: { test: 'state-details' }, hidden: true });
  let editor;
  const onSelect = (name) => {
    for (const [n, node] of editor.nodes()) node.setAttribute('aria-pressed', String(n === name));
    let state;
    try {
      state = findState(JSON.parse(editor.text()), name);
    } catch {
      state = undefined; // The text is mid-edit: the graph is the last one that parsed.
    }
    details.hidden = false;
    replace(details, h('h3', null, name), h('pre', null, JSON.stringify(state, null, 2)));
  };
  editor = createEditor({ text, aws: ctx.aws, type, onSelect });
  root.append(h('div', { class: 'split' }, editor.element, h('div', null, zoomControls(editor.graph), editor.graph, h('p', { class: 'note' }, 'Click a state (or focus it and press Enter) to see its definition.'), details)));
  return editor;
}

async function newMachine(root, _params, ctx) {
  root.append(h('h1', null, 'New state machine'));
  const name = h('input', { name: 'name', required: true, pattern: '[A-Za-z0-9_-]{1,80}', value: 'my-state-machine' });
  const role = h('input', { name: 'roleArn', required: true, size: 50, value: DEFAULT_ROLE });
  const type = h('select', { name: 'type' }, h('option', { value: 'STANDARD' }, 'Standard'), h('option', { value: 'EXPRESS' }, 'Express'));
  const result = h('div');
  const form = h('form', { class: 'toolbar' }, field('Name', name), field('Role ARN', role), field('Type', type), h('button', { class: 'primary' }, 'Create state machine'));
  root.append(form, result);
  const editor = editorLayout(root, ctx, JSON.stringify(STARTER, null, 2), () => type.value);
  type.addEventListener('change', () => editor.setText(editor.text()));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const out = await ctx.aws.json('stepfunctions', 'CreateStateMachine', { name: name.value, roleArn: role.value, type: type.value, definition: editor.text() });
      ctx.navigate(ctx.href('machines', out.stateMachineArn));
    } catch (err) {
      replace(result, ctx.errorBox(err));
    }
  });
}

async function showMachine(root, { arn }, ctx) {
  const m = await ctx.aws.json('stepfunctions', 'DescribeStateMachine', { stateMachineArn: arn });
  root.append(
    h('p', null, h('a', { href: ctx.href() }, 'State machines'), ' / '),
    h('h1', null, m.name),
    h('dl', { class: 'facts' }, h('dt', null, 'ARN'), h('dd', null, h('code', null, m.stateMachineArn)), h('dt', null, 'Type'), h('dd', null, m.type), h('dt', null, 'Role'), h('dd', null, m.roleArn), h('dt', null, 'Updated'), h('dd', null, when(m.updateDate ?? m.creationDate))),
  );
  const editor = editorLayout(root, ctx, prettyDefinition(m.definition), () => m.type);
  root.append(saveSection(m, editor, ctx), startSection(m, editor, ctx));
  const executions = h('div', { dataset: { test: 'executions' } });
  const versions = h('div');
  root.append(h('section', { 'aria-labelledby': 'h-execs' }, h('h2', { id: 'h-execs' }, 'Executions'), executions), h('section', { 'aria-labelledby': 'h-versions' }, h('h2', { id: 'h-versions' }, 'Versions'), versions));
  ctx.every(2000, async () => {
    const list = m.type === 'EXPRESS' ? [] : (await ctx.aws.json('stepfunctions', 'ListExecutions', { stateMachineArn: arn, maxResults: 50 })).executions;
    replace(
      executions,
      m.type === 'EXPRESS'
        ? h('p', { class: 'note' }, 'Express executions are not listed (as in AWS): start one synchronously above to see its result.')
        : table({
            caption: 'Latest executions',
            empty: 'none yet',
            columns: [
              { label: 'Name', cell: (x) => h('a', { href: ctx.href('executions', x.executionArn) }, x.name) },
              { label: 'Status', cell: (x) => h('span', { class: `status-${x.status}` }, x.status) },
              { label: 'Started', cell: (x) => when(x.startDate) },
              { label: 'Stopped', cell: (x) => when(x.stopDate) },
            ],
            rows: list,
          }),
    );
  });
  const vs = await ctx.aws.json('stepfunctions', 'ListStateMachineVersions', { stateMachineArn: arn });
  replace(versions, table({ caption: 'Published versions', empty: 'none', columns: [{ label: 'Version ARN', cell: (v) => h('code', null, v.stateMachineVersionArn) }, { label: 'Created', cell: (v) => when(v.creationDate) }], rows: vs.stateMachineVersions }));
}

function prettyDefinition(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function saveSection(m, editor, ctx) {
  const result = h('div', { role: 'status' });
  const description = h('input', { name: 'versionDescription', size: 30 });
  const newName = h('input', { name: 'newName', value: `${m.name}-copy` });
  const run = (fn) => async (e) => {
    e.preventDefault();
    try {
      replace(result, await fn());
    } catch (err) {
      replace(result, ctx.errorBox(err));
    }
  };
  return h(
    'section',
    { 'aria-labelledby': 'h-save' },
    h('h2', { id: 'h-save' }, 'Save'),
    h(
      'form',
      {
        class: 'toolbar',
        onsubmit: run(async () => {
          const out = await ctx.aws.json('stepfunctions', 'UpdateStateMachine', { stateMachineArn: m.stateMachineArn, definition: editor.text(), publish: true, ...(description.value && { versionDescription: description.value }) });
          return h('p', { class: 'ok' }, 'Saved as version ', h('code', null, out.stateMachineVersionArn));
        }),
      },
      field('Version description (optional)', description),
      h('button', { class: 'primary' }, 'Save as new version'),
    ),
    h(
      'form',
      {
        class: 'toolbar',
        onsubmit: run(async () => {
          const out = await ctx.aws.json('stepfunctions', 'CreateStateMachine', { name: newName.value, roleArn: m.roleArn, type: m.type, definition: editor.text() });
          return h('p', { class: 'ok' }, 'Created ', h('a', { href: ctx.href('machines', out.stateMachineArn) }, newName.value));
        }),
      },
      field('New machine name', newName),
      h('button', null, 'Save as new machine'),
    ),
    result,
  );
}

function startSection(m, editor, ctx) {
  const input = h('textarea', { class: 'code', rows: 5, cols: 60, name: 'input', spellcheck: 'false', value: '{}' });
  const name = h('input', { name: 'executionName', placeholder: 'generated' });
  const result = h('div', { role: 'status' });
  return h(
    'section',
    { 'aria-labelledby': 'h-start' },
    h('h2', { id: 'h-start' }, 'Start an execution'),
    h(
      'form',
      {
        async onsubmit(e) {
          e.preventDefault();
          try {
            const args = { stateMachineArn: m.stateMachineArn, input: input.value, ...(name.value && { name: name.value }) };
            if (m.type === 'EXPRESS') {
              const out = await ctx.aws.json('stepfunctions', 'StartSyncExecution', args);
              replace(result, h('div', { class: 'details' }, h('p', null, 'Status: ', h('strong', { class: `status-${out.status}` }, out.status)), out.output !== undefined && h('pre', { dataset: { test: 'sync-output' } }, pretty(out.output)), out.error && ctx.errorBox({ code: out.error, message: out.cause ?? '' })));
              return;
            }
            const out = await ctx.aws.json('stepfunctions', 'StartExecution', args);
            ctx.navigate(ctx.href('executions', out.executionArn));
          } catch (err) {
            replace(result, ctx.errorBox(err));
          }
        },
      },
      field('Input (JSON)', input),
      field('Execution name (optional)', name),
      h('button', { class: 'primary' }, 'Start execution'),
    ),
    result,
  );
}

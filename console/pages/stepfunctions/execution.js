/**
 * One execution, live: its machine's graph with each state's status (polled from
 * GetExecutionHistory while the execution runs), the selected state's input, output, variables and
 * error, the history as a table, and Stop / Redrive.
 */
import { h, pretty, replace, table, when } from '../../lib/dom.js';
import { drawMachine, zoomControls } from '../../lib/asl-graph.js';
import { statusesFromHistory } from '../../lib/sfn-history.js';

const POLL_MS = 500;
const HISTORY_ROWS = 1000;

async function fullHistory(ctx, executionArn) {
  const events = [];
  let nextToken;
  do {
    const page = await ctx.aws.json('stepfunctions', 'GetExecutionHistory', { executionArn, maxResults: 1000, nextToken, includeExecutionData: true });
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

export async function renderExecution(root, { arn }, ctx) {
  const [exec, machine] = await Promise.all([
    ctx.aws.json('stepfunctions', 'DescribeExecution', { executionArn: arn }),
    ctx.aws.json('stepfunctions', 'DescribeStateMachineForExecution', { executionArn: arn }),
  ]);
  const def = JSON.parse(machine.definition);
  /** A Fail state's error and cause as its definition gives them (ErrorPath and JSONata ones are only known to the run). */
  const failState = (name) => {
    const st = findState(def, name);
    const text = (v) => (typeof v === 'string' && !v.startsWith('{%') ? v : undefined);
    return { error: text(st?.Error) ?? (st?.ErrorPath ? `(from ${st.ErrorPath})` : undefined), cause: text(st?.Cause) };
  };
  let selected;
  let latest = { states: new Map(), execution: {} };
  const details = h('div', { class: 'details', dataset: { test: 'state-details' }, 'aria-live': 'polite' }, h('p', { class: 'note' }, 'Click a state (or focus it and press Enter) to see its input, output, variables and error.'));
  const select = (name) => {
    selected = name;
    for (const [n, node] of drawing.nodes) node.setAttribute('aria-pressed', String(n === name));
    showState();
  };
  const drawing = drawMachine(def, { title: `Graph of execution ${exec.name}`, onSelect: select });
  const graphBox = h('div', { class: 'graph-wrap', dataset: { test: 'graph' } }, drawing.svg);
  const facts = h('dl', { class: 'facts', dataset: { test: 'execution' } });
  const actions = h('div', { class: 'row' });
  const actionResult = h('div');
  const history = h('div', { dataset: { test: 'history' } });
  const io = h('div');
  const machineArn = exec.stateMachineArn ?? machine.stateMachineArn;
  root.append(
    h('p', null, h('a', { href: ctx.href() }, 'State machines'), ' / ', h('a', { href: ctx.href('machines', machineArn) }, machine.name), ' /'),
    h('h1', null, `Execution ${exec.name}`),
    facts,
    actions,
    actionResult,
    h(
      'div',
      { class: 'legend', 'aria-hidden': 'true' },
      ['not-started', 'running', 'succeeded', 'caught', 'failed'].map((st) => h('span', { class: st }, st.replace('-', ' '))),
      h('span', null, 'dashed: retried'),
    ),
    h('div', { class: 'split graph-first' }, h('div', null, zoomControls(graphBox), graphBox), h('div', null, details, io)),
    h('section', { 'aria-labelledby': 'h-history' }, h('h2', { id: 'h-history' }, 'History'), history),
  );

  function showState() {
    const r = latest.states.get(selected);
    details.hidden = false;
    if (!r) {
      replace(details, h('h2', null, selected), h('p', null, 'Not started.'));
      return;
    }
    const block = (label, value) => value !== undefined && [h('h3', null, label), h('pre', { dataset: { test: label.toLowerCase() } }, pretty(value))];
    replace(
      details,
      h('h2', null, selected),
      h('p', { dataset: { test: 'state-status' } }, `Status: ${r.status}`, r.runs > 1 ? ` (${r.runs} runs: ${r.succeeded} succeeded, ${r.caught} caught, ${r.failed} failed)` : '', r.retries ? `, retried ${r.retries} time(s)` : ''),
      r.error !== undefined && h('div', { class: 'error', role: 'alert', dataset: { test: 'state-error' } }, h('strong', null, r.error ?? 'Error'), r.cause ? `: ${r.cause}` : ''),
      block('Input', r.input),
      block('Output', r.output),
      // assignedVariables holds each value as JSON text: shown as the values themselves.
      block('Variables', r.assignedVariables && Object.fromEntries(Object.entries(r.assignedVariables).map(([k, v]) => [k, parseJson(v)]))),
    );
  }

  function showExecution(x) {
    replace(
      facts,
      h('dt', null, 'Status'),
      h('dd', null, h('strong', { class: `status-${x.status}`, dataset: { test: 'execution-status' } }, x.status)),
      h('dt', null, 'Started'),
      h('dd', null, when(x.startDate)),
      x.stopDate && [h('dt', null, 'Stopped'), h('dd', null, when(x.stopDate))],
      x.redriveCount ? [h('dt', null, 'Redrives'), h('dd', null, String(x.redriveCount))] : null,
      x.error && [h('dt', null, 'Error'), h('dd', { dataset: { test: 'execution-error' } }, h('strong', null, x.error), x.cause ? `: ${x.cause}` : '')],
    );
    replace(
      io,
      h('details', { class: 'details' }, h('summary', null, 'Execution input'), h('pre', null, pretty(x.input))),
      x.output !== undefined && h('details', { class: 'details', open: true }, h('summary', null, 'Execution output'), h('pre', { dataset: { test: 'execution-output' } }, pretty(x.output))),
    );
    const running = x.status === 'RUNNING';
    replace(
      actions,
      h('button', { type: 'button', class: 'danger', disabled: !running, onclick: stop }, 'Stop execution'),
      h('button', { type: 'button', disabled: running || x.redriveStatus === 'NOT_REDRIVABLE', onclick: redrive }, 'Redrive execution'),
    );
  }

  async function stop() {
    if (!confirm(`Stop execution ${exec.name}?`)) return;
    try {
      await ctx.aws.json('stepfunctions', 'StopExecution', { executionArn: arn });
      replace(actionResult, h('p', { role: 'status', class: 'ok' }, 'Stopped.'));
      poll();
    } catch (e) {
      replace(actionResult, ctx.errorBox(e));
    }
  }

  async function redrive() {
    try {
      await ctx.aws.json('stepfunctions', 'RedriveExecution', { executionArn: arn });
      replace(actionResult, h('p', { role: 'status', class: 'ok' }, 'Redriven.'));
      poll();
    } catch (e) {
      replace(actionResult, ctx.errorBox(e));
    }
  }

  function showHistory(events) {
    const shown = events.length > HISTORY_ROWS ? events.slice(-HISTORY_ROWS) : events;
    replace(
      history,
      table({
        caption: `${events.length} events${shown.length < events.length ? ` (the last ${shown.length} shown)` : ''}`,
        columns: [
          { label: 'ID', cell: (e) => String(e.id) },
          { label: 'Type', cell: (e) => e.type },
          { label: 'Step', cell: (e) => stepOf(e) },
          { label: 'Time', cell: (e) => when(e.timestamp) },
          { label: 'Details', cell: (e) => summary(e) },
        ],
        rows: shown,
        rowProps: (e) => ({ dataset: { type: e.type } }),
      }),
    );
  }

  let seen = -1;
  async function refresh() {
    const [x, events] = await Promise.all([ctx.aws.json('stepfunctions', 'DescribeExecution', { executionArn: arn }), fullHistory(ctx, arn)]);
    if (ctx.signal.aborted) return x.status;
    showExecution(x);
    if (events.length !== seen) {
      seen = events.length;
      latest = statusesFromHistory(events, { failState });
      // Nodes change in the order their states changed, so an observer sees them turn in order.
      for (const name of latest.order) {
        const node = drawing.nodes.get(name);
        const r = latest.states.get(name);
        if (!node || !r) continue;
        if (node.dataset.status !== r.status) node.dataset.status = r.status;
        if (r.retries) node.dataset.retried = String(r.retries);
      }
      showHistory(events);
      if (selected) showState();
    }
    return x.status;
  }

  // Poll while running; once it ended, one last read and stop (a redrive or stop polls again).
  let timer;
  async function poll() {
    clearTimeout(timer);
    let status;
    try {
      status = await refresh();
    } catch (e) {
      replace(actionResult, ctx.errorBox(e));
    }
    if (!ctx.signal.aborted && (status === 'RUNNING' || status === undefined)) timer = setTimeout(poll, POLL_MS);
  }
  ctx.onLeave(() => clearTimeout(timer));
  showExecution(exec);
  await poll();
}

/** A state's definition anywhere in a machine (inside Parallel branches and Map processors). */
export function findState(def, name) {
  const states = def?.States;
  if (!states || typeof states !== 'object') return undefined;
  if (Object.hasOwn(states, name)) return states[name];
  for (const st of Object.values(states)) {
    const subs = st?.Type === 'Parallel' ? st.Branches ?? [] : st?.Type === 'Map' ? [st.ItemProcessor ?? st.Iterator] : [];
    for (const sub of subs) {
      const found = findState(sub, name);
      if (found) return found;
    }
  }
  return undefined;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stepOf(e) {
  for (const [k, v] of Object.entries(e)) if (k.endsWith('EventDetails') && v?.name) return v.name;
  return '';
}

function summary(e) {
  for (const [k, v] of Object.entries(e)) {
    if (!k.endsWith('EventDetails') || !v) continue;
    const parts = [];
    if (v.error) parts.push(`${v.error}${v.cause ? `: ${String(v.cause).slice(0, 160)}` : ''}`);
    if (v.resourceType) parts.push(`${v.resourceType}:${v.resource}`);
    if (v.index !== undefined) parts.push(`index ${v.index}`);
    return parts.join(' ');
  }
  return '';
}

/**
 * The definition editor: ASL JSON (JSONPath or JSONata) in a textarea with line numbers, the graph
 * redrawn as you type (debounced), and ValidateStateMachineDefinition's diagnostics listed and
 * marked on the lines their locations point at.
 */
import { debounce, h, replace } from '../../lib/dom.js';
import { countStates, drawMachine } from '../../lib/asl-graph.js';
import { locate } from '../../lib/json-locate.js';

const REDRAW_MS = 250;

/**
 * `createEditor({ text, aws, type, onSelect })` -> { element, graph, text(), setText(t), validated }
 * `element` holds the editor and its diagnostics; `graph` the drawing (placed by the caller).
 */
export function createEditor({ text, aws, type = () => 'STANDARD', label = 'Definition (ASL JSON)', onSelect }) {
  const gutter = h('pre', { class: 'gutter', 'aria-hidden': 'true' });
  const area = h('textarea', {
    class: 'code',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    wrap: 'off',
    id: 'definition',
    'aria-describedby': 'diagnostics-summary',
    value: text,
  });
  const summary = h('p', { id: 'diagnostics-summary', role: 'status', class: 'note', dataset: { test: 'diagnostics-summary' } });
  const list = h('ul', { class: 'diagnostics', dataset: { test: 'diagnostics' }, 'aria-label': 'Diagnostics' });
  const graph = h('div', { class: 'graph-wrap', dataset: { test: 'graph' } });
  const element = h(
    'div',
    { class: 'editor-pane' },
    h('label', { for: 'definition' }, label),
    h('div', { class: 'editor' }, gutter, area),
    h('small', { class: 'note' }, 'Tab indents; press Escape, then Tab, to leave the editor.'),
    summary,
    list,
  );
  let badLines = new Set();
  let validation = 0;
  let lastDrawn;
  let drawing = { svg: undefined, nodes: new Map() };
  const api = { element, graph, text: () => area.value, setText, nodes: () => drawing.nodes, validated: Promise.resolve() };

  function numberLines() {
    const n = area.value.split('\n').length;
    const lines = [];
    for (let i = 1; i <= n; i++) lines.push(badLines.has(i) ? `<span class="bad">${i}</span>` : String(i));
    gutter.innerHTML = lines.join('\n');
    gutter.scrollTop = area.scrollTop;
  }

  function redraw() {
    let def;
    try {
      def = JSON.parse(area.value);
    } catch {
      return; // The last graph stays; the diagnostics say what is wrong.
    }
    const key = JSON.stringify(def);
    if (key === lastDrawn) return;
    lastDrawn = key;
    const t0 = performance.now();
    drawing = drawMachine(def, { title: `Graph of the definition (${countStates(def)} states)`, onSelect });
    replace(graph, drawing.svg);
    graph.dataset.states = String(drawing.nodes.size);
    // For bench/console/paint.ts: the layout and SVG build, and the frame that shows them.
    performance.measure('stratus:graph-build', { start: t0 });
    requestAnimationFrame(() => setTimeout(() => performance.mark('stratus:graph-painted'), 0));
  }

  async function validate() {
    const mine = ++validation;
    const text = area.value;
    let out;
    try {
      out = await aws.json('stepfunctions', 'ValidateStateMachineDefinition', { definition: text, type: type() });
    } catch (e) {
      if (mine !== validation) return;
      replace(list, h('li', null, h('strong', null, e.code ?? 'Error'), `: ${e.message}`));
      summary.textContent = 'The definition could not be validated.';
      return;
    }
    if (mine !== validation) return;
    const diagnostics = out.diagnostics ?? [];
    badLines = new Set();
    replace(
      list,
      diagnostics.map((d) => {
        const line = locate(text, d.location, d.message);
        if (line && d.severity === 'ERROR') badLines.add(line);
        return h(
          'li',
          { class: d.severity === 'WARNING' ? 'warning' : 'error', dataset: { code: d.code, line: line ?? '' } },
          h('strong', null, `${d.severity} ${d.code}`),
          d.location && !d.location.startsWith('[') ? ` at ${d.location}` : '',
          ': ',
          h('span', { class: 'message' }, d.message),
          ' ',
          line && h('button', { type: 'button', onclick: () => goToLine(line), 'aria-label': `Go to line ${line}` }, `line ${line}`),
        );
      }),
    );
    summary.textContent = out.result === 'OK' ? (diagnostics.length ? `Valid, with ${diagnostics.length} warning(s).` : 'Valid definition.') : `${diagnostics.length} problem(s) found.`;
    summary.dataset.result = out.result;
    numberLines();
  }

  function goToLine(line) {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    area.scrollTop = Math.max(0, (line - 5) * 18);
  }

  const changed = debounce(() => {
    redraw();
    api.validated = validate();
  }, REDRAW_MS);
  area.addEventListener('input', () => {
    numberLines();
    changed();
  });
  area.addEventListener('scroll', () => (gutter.scrollTop = area.scrollTop));
  // Tab indents instead of leaving the field; Escape then Tab leaves it (keyboard users are not trapped).
  let escaped = false;
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') escaped = true;
    else if (e.key === 'Tab' && !e.shiftKey && !escaped) {
      e.preventDefault();
      area.setRangeText('  ', area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new Event('input'));
    } else escaped = false;
  });

  function setText(t) {
    area.value = t;
    numberLines();
    redraw();
    api.validated = validate();
  }

  numberLines();
  redraw();
  api.validated = validate();
  return api;
}

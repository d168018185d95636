/**
 * A state machine definition drawn as an SVG graph: states as nodes, Next / Default / Choice rules
 * / Catch as labelled edges, Parallel branches and Map item processors as nested groups laid out
 * recursively (lib/layout.js). Each state's node is a focusable `role="button"` whose accessible
 * name is the state's name, with `data-state` (its name) and `data-status` (not-started, running,
 * succeeded, failed, caught) for styling, tests and assistive technology.
 */
import { h, s } from './dom.js';
import { layoutGraph } from './layout.js';

const NODE_H = 36;
const HEADER_H = 30;
const PAD = 14;
const TERMINAL = 26;
const CHAR_W = 7.1;

/**
 * Node width for a label (an estimate from its length). Names are never cut: the visible text must
 * stay the accessible name (axe's label-content-name-mismatch), and AWS caps them at 80 characters.
 */
const widthOf = (label, min = 96) => Math.max(min, Math.round(label.length * CHAR_W) + 28);

/** The transitions out of one state: [{ to, label, kind }]. */
export function transitions(state) {
  const out = [];
  if (!state || typeof state !== 'object') return out;
  if (state.Type === 'Choice') {
    (Array.isArray(state.Choices) ? state.Choices : []).forEach((rule, i) => {
      if (typeof rule?.Next === 'string') out.push({ to: rule.Next, label: ruleLabel(rule, i), kind: 'choice' });
    });
    if (typeof state.Default === 'string') out.push({ to: state.Default, label: 'Default', kind: 'default' });
  } else if (typeof state.Next === 'string') out.push({ to: state.Next, label: '', kind: 'next' });
  for (const c of Array.isArray(state.Catch) ? state.Catch : []) {
    if (typeof c?.Next === 'string') out.push({ to: c.Next, label: `Catch ${(c.ErrorEquals ?? []).join(', ')}`, kind: 'catch' });
  }
  return out;
}

/** A Choice rule's label: its JSONata Condition, or `$.x == 1` / `And(...)` for JSONPath rules. */
function ruleLabel(rule, i) {
  let text;
  if (typeof rule.Condition === 'string') text = rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  else text = comparison(rule);
  text ||= `Rule ${i + 1}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function comparison(rule) {
  if (Array.isArray(rule.And)) return rule.And.map(comparison).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map(comparison).join(' or ');
  if (rule.Not) return `not (${comparison(rule.Not)})`;
  const op = Object.keys(rule).find((k) => /(Equals|LessThan|GreaterThan|Matches|IsPresent|IsNull|IsString|IsNumeric|IsBoolean|IsTimestamp)/.test(k));
  if (!op) return '';
  const sym = op.replace(/^(String|Numeric|Boolean|Timestamp)/, '').replace(/Path$/, '');
  const symbols = { Equals: '==', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=' };
  return `${rule.Variable ?? ''} ${symbols[sym] ?? sym} ${JSON.stringify(rule[op])}`;
}

/** The sub-machines a state holds: a Parallel's branches, a Map's item processor. */
function children(state) {
  if (state?.Type === 'Parallel') return (Array.isArray(state.Branches) ? state.Branches : []).map((b, i) => ({ label: `Branch ${i + 1}`, def: b }));
  if (state?.Type === 'Map') {
    const p = state.ItemProcessor ?? state.Iterator;
    return p && typeof p === 'object' ? [{ label: 'Item processor', def: p }] : [];
  }
  return [];
}

/**
 * Lays out a (sub-)machine: { width, height, items } where items are positioned boxes:
 * { kind: 'state'|'start'|'end', name, state, x, y, width, height, groups: [laid-out sub-machines] }
 * and edges with their points. Recursive: a group's size comes from its children's layouts.
 */
export function layoutMachine(def, scope = '') {
  const states = def && typeof def.States === 'object' && def.States !== null && !Array.isArray(def.States) ? def.States : {};
  const names = Object.keys(states);
  const startId = `${scope}^start`;
  const endId = `${scope}^end`;
  const nodes = [{ id: startId, width: TERMINAL, height: TERMINAL }];
  const info = new Map();
  // StartAt first, then the definition's order: the layout's first choices follow it.
  const ordered = names.includes(def?.StartAt) ? [def.StartAt, ...names.filter((n) => n !== def.StartAt)] : names;
  for (const name of ordered) {
    const state = states[name];
    const subs = children(state).map((c, i) => ({ ...c, layout: layoutMachine(c.def, `${scope}${name}/${i}/`) }));
    let width = widthOf(name);
    let height = NODE_H;
    if (subs.length) {
      const inner = subs.reduce((w, sub) => w + sub.layout.width + 2 * PAD, 0) + PAD * (subs.length - 1);
      width = Math.max(width + 40, inner + 2 * PAD);
      height = HEADER_H + PAD + Math.max(...subs.map((sub) => sub.layout.height + 2 * PAD + 18)) + PAD;
    }
    nodes.push({ id: `${scope}${name}`, width, height });
    info.set(`${scope}${name}`, { name, state, subs });
  }
  nodes.push({ id: endId, width: TERMINAL, height: TERMINAL });
  const edges = [];
  if (typeof def?.StartAt === 'string') edges.push({ from: startId, to: `${scope}${def.StartAt}`, label: '', kind: 'start' });
  for (const name of names) {
    const state = states[name];
    for (const t of transitions(state)) edges.push({ from: `${scope}${name}`, to: `${scope}${t.to}`, label: t.label, kind: t.kind, missing: !(t.to in states) });
    if (state?.End === true || state?.Type === 'Succeed' || state?.Type === 'Fail') edges.push({ from: `${scope}${name}`, to: endId, label: '', kind: 'end' });
  }
  const laid = layoutGraph({ nodes, edges });
  const items = nodes.map((n) => {
    const p = laid.nodes.get(n.id);
    if (n.id === startId || n.id === endId) return { kind: n.id === startId ? 'start' : 'end', ...p };
    const { name, state, subs } = info.get(n.id);
    // The groups side by side inside the node, under its header.
    let gx = p.x + PAD + Math.max(0, (p.width - 2 * PAD - subs.reduce((w, sub) => w + sub.layout.width + 2 * PAD, 0) - PAD * (subs.length - 1)) / 2);
    const groups = subs.map((sub) => {
      const g = { label: sub.label, x: gx, y: p.y + HEADER_H + PAD, width: sub.layout.width + 2 * PAD, height: sub.layout.height + 2 * PAD + 18, layout: sub.layout };
      gx += g.width + PAD;
      return g;
    });
    return { kind: 'state', name, state, groups, ...p };
  });
  return { width: laid.width, height: laid.height, items, edges: laid.edges.filter((e) => !e.missing) };
}

/** Counts the states of a definition, nested ones included. */
export function countStates(def) {
  let n = 0;
  for (const st of Object.values(def?.States ?? {})) n += 1 + children(st).reduce((k, c) => k + countStates(c.def), 0);
  return n;
}

let drawings = 0;

/**
 * The SVG of a definition. `onSelect(name)` is called when a state's node is clicked or activated
 * with Enter/Space. Answers { svg, nodes: Map(name -> <g>) } so callers can set statuses.
 */
export function drawMachine(def, { title = 'State machine graph', onSelect } = {}) {
  const laid = layoutMachine(def);
  const margin = 16;
  const arrow = `arrow${++drawings}`;
  const nodes = new Map();
  const svg = s('svg', {
    class: 'asl-graph',
    role: 'group',
    'aria-label': title,
    width: Math.ceil(laid.width + 2 * margin),
    height: Math.ceil(laid.height + 2 * margin),
    viewBox: `${-margin} ${-margin} ${Math.ceil(laid.width + 2 * margin)} ${Math.ceil(laid.height + 2 * margin)}`,
  });
  svg.append(
    s('defs', null, s('marker', { id: arrow, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))),
  );
  drawLevel(svg, laid, 0, 0, nodes, onSelect, arrow);
  return { svg, nodes };
}

function drawLevel(parent, laid, ox, oy, nodes, onSelect, arrow) {
  const edgeLayer = s('g', { class: 'edges', 'aria-hidden': 'true' });
  const nodeLayer = s('g', { class: 'nodes' });
  parent.append(edgeLayer, nodeLayer);
  for (const e of laid.edges) {
    const pts = e.points.map(([x, y]) => [x + ox, y + oy]);
    const d = pts.map(([x, y], k) => `${k ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    edgeLayer.append(s('path', { d, class: `edge ${e.kind}${e.back ? ' back' : ''}`, 'marker-end': `url(#${arrow})` }));
    if (e.label) {
      const [a, b] = [pts[0], pts[1] ?? pts[0]];
      const lx = a[0] + (b[0] - a[0]) * 0.5;
      const ly = a[1] + Math.min(22, (b[1] - a[1]) * 0.5);
      edgeLayer.append(s('text', { x: lx.toFixed(1), y: ly.toFixed(1), class: `edge-label ${e.kind}`, 'text-anchor': 'middle' }, e.label));
    }
  }
  for (const it of laid.items) {
    const x = it.x + ox;
    const y = it.y + oy;
    if (it.kind !== 'state') {
      nodeLayer.append(s('circle', { cx: x + it.width / 2, cy: y + it.height / 2, r: it.width / 2 - 2, class: `terminal ${it.kind}`, 'aria-hidden': 'true' }));
      continue;
    }
    const type = typeof it.state?.Type === 'string' ? it.state.Type : 'Unknown';
    const grouped = it.groups.length > 0;
    const box = s('g', { class: `state ${type.toLowerCase()}${grouped ? ' group' : ''}` });
    if (grouped) box.append(s('rect', { x, y, width: it.width, height: it.height, rx: 8, class: 'group-frame' }));
    const headH = grouped ? HEADER_H : it.height;
    // The button's only text is the state's name (its accessible name); the type is drawn beside it.
    const node = s(
      'g',
      { role: 'button', tabindex: '0', 'aria-label': it.name, 'aria-pressed': 'false', 'data-state': it.name, 'data-type': type, 'data-status': 'not-started', class: 'node' },
      s('rect', { x, y, width: it.width, height: headH, rx: grouped ? 8 : 6, class: 'node-box' }),
      s('text', { x: x + it.width / 2, y: y + headH / 2 + 4.5, 'text-anchor': 'middle', class: 'node-label' }, it.name),
    );
    if (onSelect) {
      node.addEventListener('click', () => onSelect(it.name));
      node.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onSelect(it.name);
        }
      });
    }
    nodes.set(it.name, node);
    box.append(node, s('text', { x: x + it.width - 6, y: y + 11, 'text-anchor': 'end', class: 'node-type', 'aria-hidden': 'true' }, type));
    for (const g of it.groups) {
      box.append(
        s('rect', { x: g.x + ox, y: g.y + oy, width: g.width, height: g.height, rx: 6, class: 'branch-frame' }),
        s('text', { x: g.x + ox + 8, y: g.y + oy + 14, class: 'branch-label', 'aria-hidden': 'true' }, g.label),
      );
      const inner = s('g', { class: 'branch', role: 'group', 'aria-label': `${it.name}: ${g.label}` });
      box.append(inner);
      drawLevel(inner, g.layout, g.x + ox + PAD, g.y + oy + PAD + 18, nodes, onSelect, arrow);
    }
    nodeLayer.append(box);
  }
}

/**
 * Zoom buttons for a graph box: the drawing is scaled through the SVG's width and height (its
 * viewBox stays), so a 100-state machine can be seen whole or read closely.
 */
export function zoomControls(box) {
  let zoom = 1;
  const apply = () => {
    const svg = box.querySelector('svg');
    if (!svg) return;
    const [, , w, hgt] = svg.getAttribute('viewBox').split(' ').map(Number);
    svg.setAttribute('width', String(Math.round(w * zoom)));
    svg.setAttribute('height', String(Math.round(hgt * zoom)));
    level.textContent = `${Math.round(zoom * 100)}%`;
  };
  const level = h('output', { 'aria-live': 'polite' }, '100%');
  const set = (z) => () => {
    zoom = Math.min(2, Math.max(0.2, z()));
    apply();
  };
  // A redrawn graph (the editor's) keeps the zoom.
  new MutationObserver(apply).observe(box, { childList: true });
  return h(
    'div',
    { class: 'row zoom', role: 'group', 'aria-label': 'Zoom' },
    h('button', { type: 'button', onclick: set(() => zoom / 1.25) }, 'Zoom out'),
    h('button', { type: 'button', onclick: set(() => zoom * 1.25) }, 'Zoom in'),
    h('button', { type: 'button', onclick: set(() => 1) }, 'Actual size'),
    h('button', {
      type: 'button',
      onclick: set(() => {
        const svg = box.querySelector('svg');
        const [, , w, hgt] = svg.getAttribute('viewBox').split(' ').map(Number);
        return Math.min(1, (box.clientWidth - 4) / w, (box.clientHeight - 4) / hgt);
      }),
    }, 'Fit'),
    level,
  );
}

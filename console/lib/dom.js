/**
 * Small DOM helpers: `h()` builds elements (HTML and SVG), the rest are conveniences every page uses.
 * No virtual DOM: pages build nodes once and update the few that change.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * `h('button', { class: 'x', onclick: fn, 'aria-label': 'Run', dataset: { id: 1 } }, 'text', child)`.
 * Props: `on<event>` adds a listener, `class`/`style`/attributes are set as attributes, `dataset`
 * fills data-*, `value`/`checked`/`disabled` are set as properties. Children: nodes, strings,
 * numbers, arrays (flattened), null/undefined/false (skipped).
 */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'textContent', 'hidden', 'readOnly']);

function build(el, props, children) {
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'dataset') for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
      else if (PROPERTIES.has(k)) el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (same rules as `h`). */
export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * A table with a caption (its accessible name) and column headers; `columns` are
 * `{ label, cell(row) -> node|string }`. `rowProps(row)` adds attributes to each <tr>.
 */
export function table({ caption, columns, rows, empty = 'None.', rowProps }) {
  if (rows.length === 0) return h('p', { class: 'empty' }, caption ? `${caption}: ${empty}` : empty);
  return h(
    'table',
    { class: 'grid' },
    caption && h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', null, rows.map((r) => h('tr', rowProps?.(r), columns.map((c) => h('td', null, c.cell(r)))))),
  );
}

/** A labelled form field: `field('Name', h('input', {...}))` gives the input an id and a <label for>. */
let fieldIds = 0;
export function field(label, control, hint) {
  control.id ||= `f${++fieldIds}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint && h('small', null, hint));
}

/** Pretty JSON text for display. */
export function pretty(value) {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/**
 * A date (Date, epoch seconds as AWS JSON sends them, or ISO text) as local time text,
 * `2026-12-02 15:04:05.123`. Formatted by hand: toLocaleString's first call loads ICU (~30 ms).
 */
export function when(value) {
  if (value === undefined || value === null) return '';
  const d = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** Calls `fn` at most once per `ms`, after the last call (editors redrawing as you type). */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

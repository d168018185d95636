/**
 * Pieces the resource pages share: sections with headings, fact lists, XML lists made arrays, and
 * a page made of listings (one table per section) for services that need no more than that.
 */
import { h, table, when } from './dom.js';

let sectionIds = 0;

/** A <section> named by its <h2>. */
export function section(title, ...children) {
  const id = `s${++sectionIds}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** A <dl> of [term, value] pairs (values: nodes or text; empty ones left out). */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

/** An XML list as an array: absent -> [], one element -> [it]. */
export function list(x) {
  return x === undefined || x === null || x === '' ? [] : Array.isArray(x) ? x : [x];
}

/** A code block of JSON or text. */
export function code(text) {
  return h('pre', { class: 'code', tabindex: '0' }, text);
}

export { when };

/**
 * A page listing resources: `sections` are `{ title, load(ctx) -> rows, columns }`; each loads on
 * its own, so a failing one shows its error and the others still render.
 */
export function listing(title, sections) {
  return async (root, _params, ctx) => {
    root.append(h('h1', null, title));
    await Promise.all(
      sections.map(async (s) => {
        const box = section(s.title);
        root.append(box);
        try {
          const rows = await s.load(ctx);
          box.append(table({ caption: `${s.title} (${rows.length})`, columns: s.columns(ctx), rows }));
        } catch (err) {
          box.append(ctx.errorBox(err));
        }
      }),
    );
  };
}

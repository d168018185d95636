/**
 * The console's shell: navigation (Platform, then one entry per service /_stratus/health lists),
 * the hash router (`#/<page>/<route...>`), credentials for `--auth strict`, and the context every
 * page gets. Pages are modules in pages/ (registered in pages/index.js), loaded on first visit.
 */
import { createAws, storeCredentials, storedCredentials } from './lib/aws.js';
import { field, h, replace } from './lib/dom.js';
import { pages, serviceTitles } from './pages/index.js';

const nav = document.getElementById('nav');
const main = document.getElementById('main');
const status = document.getElementById('status');
const who = document.getElementById('who');

let health = { services: {}, auth: 'open', region: 'us-east-1' };
/** Set while the credentials form is shown: the page waits for it. */
let askingCredentials;
const aws = createAws({ onAuthError: () => void askCredentials('The server refused the credentials; enter an access key it knows.') });

/** Fetches JSON from a /_stratus/* endpoint (admin routes are not AWS APIs and are not signed). */
export async function admin(path, init) {
  const res = await fetch(`/_stratus/${path}`, { cache: 'no-store', ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.message ?? `HTTP ${res.status}`), { code: `HTTP ${res.status}`, status: res.status });
  return body;
}

/** One page module per id, loaded once. */
const loaded = new Map();
async function pageModule(id) {
  const entry = pages.find((p) => p.id === id);
  if (!entry) return serviceWithoutPage(id);
  if (!loaded.has(id)) loaded.set(id, entry.load().then((m) => m.default));
  return loaded.get(id);
}

/** A service Stratus serves that has no page module yet: what health says of it, said plainly. */
function serviceWithoutPage(id) {
  return {
    id,
    title: serviceTitles[id] ?? id,
    routes: [
      {
        path: '',
        render(root) {
          const known = id in health.services;
          root.append(
            h('h1', null, serviceTitles[id] ?? id),
            h('p', null, known ? `This service is running (${JSON.stringify(health.services[id])}); the console has no page for it yet.` : `No service or page named ${id}.`),
          );
        },
      },
    ],
  };
}

/** `pattern` like 'machines/:arn/executions/:id' or '*rest' against path segments; the params or undefined. */
export function matchRoute(pattern, segments) {
  const parts = pattern === '' ? [] : pattern.split('/');
  const params = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.startsWith('*')) {
      params[p.slice(1)] = segments.slice(i).join('/');
      return params;
    }
    if (i >= segments.length) return undefined;
    if (p.startsWith(':')) params[p.slice(1)] = segments[i];
    else if (p !== segments[i]) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

/** `#/stepfunctions/machines/arn%3A...` for page 'stepfunctions' and parts ['machines', arn]. */
export function href(pageId, ...parts) {
  return `#/${[pageId, ...parts].map((p) => encodeURIComponent(p)).join('/')}`;
}

let current; // { leave(): void } of the page shown
let generation = 0;

async function show() {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // in-page anchors (the skip link)
  const segments = (hash.slice(2) || 'platform').split('/').map((s) => decodeURIComponent(s));
  const [id, ...rest] = segments;
  current?.leave();
  const mine = ++generation;
  const cleanups = [];
  const controller = new AbortController();
  current = {
    leave() {
      controller.abort();
      for (const fn of cleanups.splice(0)) fn();
    },
  };
  markNav(id);
  let page;
  try {
    page = await pageModule(id);
  } catch (e) {
    return failed(e);
  }
  if (mine !== generation) return;
  performance.mark('stratus:page-module');
  const route = page.routes.map((r) => ({ r, params: matchRoute(r.path, rest) })).find((x) => x.params);
  const root = h('div', { class: 'page', dataset: { page: id } });
  replace(main, root);
  if (!route) {
    root.append(h('h1', null, page.title), h('p', { role: 'alert' }, `No such view: #/${segments.join('/')}`));
    main.dataset.view = hash;
    return;
  }
  document.title = `${page.title} · Stratus console`;
  if (askingCredentials) await askingCredentials;
  const ctx = {
    aws,
    health,
    admin,
    href: (...parts) => href(id, ...parts),
    hrefTo: href,
    navigate: (to) => (location.hash = to),
    signal: controller.signal,
    /** Runs `fn` when the page is left. */
    onLeave: (fn) => cleanups.push(fn),
    /** Calls `fn` now and every `ms` until the page is left; a call still running is not overlapped. */
    every(ms, fn) {
      let timer;
      const tick = async () => {
        try {
          await fn();
        } catch (e) {
          console.error(e);
        }
        if (!controller.signal.aborted) timer = setTimeout(tick, ms);
      };
      cleanups.push(() => clearTimeout(timer));
      void tick();
    },
    say: (text) => (status.textContent = text),
    errorBox,
  };
  try {
    await route.r.render(root, route.params, ctx);
  } catch (e) {
    if (mine === generation) root.append(errorBox(e));
  }
  if (mine !== generation) return;
  performance.mark('stratus:rendered');
  // Tests wait for this: the view named by the hash has rendered.
  main.dataset.view = hash || '#/platform';
  // Keyboard and screen-reader users start at the new content.
  if (document.activeElement === document.body) main.focus({ preventScroll: true });
}

/** An alert showing an error as AWS named it: `Code: message`. */
export function errorBox(e) {
  return h('div', { class: 'error', role: 'alert', dataset: { errorCode: e?.code ?? 'Error' } }, h('strong', null, e?.code ?? e?.name ?? 'Error'), ': ', e?.message ?? String(e));
}

function failed(e) {
  replace(main, h('div', { class: 'page' }, errorBox(e)));
}

function markNav(id) {
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.nav === id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function renderNav() {
  // Plain comparison, not localeCompare: its first call loads ICU's collator (~40 ms before first paint of the nav).
  const title = (id) => (serviceTitles[id] ?? id).toLowerCase();
  const served = Object.keys(health.services).sort((a, b) => (title(a) < title(b) ? -1 : title(a) > title(b) ? 1 : 0));
  const link = (id, title) => h('li', null, h('a', { href: href(id), dataset: { nav: id } }, title));
  replace(
    nav,
    h('ul', null, link('platform', 'Platform')),
    h('h2', { id: 'nav-services' }, 'Services'),
    h('ul', { 'aria-labelledby': 'nav-services' }, served.map((id) => link(id, pages.find((p) => p.id === id)?.title ?? serviceTitles[id] ?? id))),
  );
}

function renderWho() {
  const c = aws.credentials();
  replace(
    who,
    h('span', null, `${c.accessKeyId} · `),
    h('label', { for: 'region' }, 'Region '),
    h('input', {
      id: 'region',
      size: 12,
      value: aws.region,
      onchange: (e) => {
        aws.region = e.target.value.trim() || health.region;
        sessionStorage.setItem('stratus.console.region', aws.region);
        void show();
      },
    }),
    ' ',
    h('button', { type: 'button', onclick: () => void askCredentials() }, 'Credentials'),
  );
}

/** The credentials form (a modal dialog); resolves once the user saved or closed it. */
function askCredentials(reason) {
  if (askingCredentials) return askingCredentials;
  const current = storedCredentials();
  const key = h('input', { name: 'accessKeyId', autocomplete: 'username', required: true, value: current?.accessKeyId ?? '' });
  const secret = h('input', { name: 'secretAccessKey', type: 'password', autocomplete: 'current-password', required: true, value: current?.secretAccessKey ?? '' });
  const token = h('input', { name: 'sessionToken', autocomplete: 'off', value: current?.sessionToken ?? '' });
  const dialog = h(
    'dialog',
    { class: 'credentials', 'aria-labelledby': 'cred-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'cred-title' }, 'Credentials'),
      h('p', null, reason ?? (health.auth === 'strict' ? 'This server runs with --auth strict: the console signs its calls with an access key it knows.' : 'The access key the console signs its calls with (test/test by default).')),
      field('Access key ID', key),
      field('Secret access key', secret),
      field('Session token (optional)', token),
      h('p', { class: 'note' }, 'Kept in this tab only (sessionStorage).'),
      h('div', { class: 'actions' }, h('button', { value: 'save' }, 'Save'), h('button', { value: 'default', formnovalidate: true }, 'Use test/test')),
    ),
  );
  document.body.append(dialog);
  askingCredentials = new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === 'save') storeCredentials({ accessKeyId: key.value.trim(), secretAccessKey: secret.value, ...(token.value.trim() && { sessionToken: token.value.trim() }) });
      else if (dialog.returnValue === 'default') storeCredentials(undefined);
      dialog.remove();
      askingCredentials = undefined;
      renderWho();
      resolve();
    });
  });
  dialog.showModal();
  return askingCredentials;
}

async function start() {
  // The first view's module loads while health is fetched (both are needed before it renders).
  const first = (location.hash.startsWith('#/') ? location.hash.slice(2).split('/')[0] : '') || 'platform';
  const entry = pages.find((p) => p.id === decodeURIComponent(first));
  if (entry) {
    for (const href of entry.preload ?? []) document.head.append(h('link', { rel: 'modulepreload', href }));
    pageModule(entry.id).catch(() => undefined);
  }
  try {
    health = await admin('health');
  } catch (e) {
    return failed(e);
  }
  performance.mark('stratus:health');
  aws.region = sessionStorage.getItem('stratus.console.region') || health.region || 'us-east-1';
  renderNav();
  renderWho();
  if (health.auth === 'strict' && !storedCredentials()) void askCredentials();
  window.addEventListener('hashchange', () => void show());
  await show();
  document.documentElement.dataset.ready = 'true';
}

void start();

/**
 * Platform: what /_stratus/health says, the platform clock (read and advanced), reset, and the
 * requests the server answered, live (GET /_stratus/requests?since=...), filterable by service and status.
 */
import { field, h, replace, table } from '../lib/dom.js';

const MAX_ROWS = 500;

export default {
  id: 'platform',
  title: 'Platform',
  routes: [{ path: '', render }],
};

async function render(root, _params, ctx) {
  const healthBox = h('div', { dataset: { test: 'health' } });
  const clockBox = h('div', { dataset: { test: 'clock' } });
  const resetBox = h('div');
  const requestsBox = h('div', { dataset: { test: 'requests' } });
  root.append(
    h('h1', null, 'Platform'),
    h('section', { 'aria-labelledby': 'h-health' }, h('h2', { id: 'h-health' }, 'Health'), healthBox),
    h('section', { 'aria-labelledby': 'h-clock' }, h('h2', { id: 'h-clock' }, 'Clock'), clockBox),
    h('section', { 'aria-labelledby': 'h-reset' }, h('h2', { id: 'h-reset' }, 'Reset'), resetBox),
    h('section', { 'aria-labelledby': 'h-requests' }, h('h2', { id: 'h-requests' }, 'Requests'), requestsBox),
  );
  await Promise.all([renderHealth(healthBox, ctx), renderClock(clockBox, ctx)]);
  renderReset(resetBox, ctx);
  renderRequests(requestsBox, ctx);
}

async function renderHealth(box, ctx) {
  const health = await ctx.admin('health');
  const services = Object.entries(health.services);
  replace(
    box,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Version'), h('dd', null, health.version),
      h('dt', null, 'Up for'), h('dd', null, `${health.uptimeSeconds} s`),
      h('dt', null, 'Storage'), h('dd', null, `${health.storage.dialect}${health.storage.dataDir ? ` in ${health.storage.dataDir}` : ' (ephemeral)'}`),
      h('dt', null, 'Auth'), h('dd', null, health.auth ?? 'open'),
      h('dt', null, 'Fault rules'), h('dd', null, String(health.faults)),
    ),
    table({
      caption: `Services (${services.length})`,
      columns: [
        { label: 'Service', cell: ([name]) => h('a', { href: ctx.hrefTo(name) }, name) },
        { label: 'State', cell: ([, s]) => s.state },
        { label: 'Details', cell: ([, s]) => Object.entries(s).filter(([k]) => k !== 'state').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ') },
      ],
      rows: services,
    }),
  );
}

async function renderClock(box, ctx) {
  const now = h('output', { dataset: { test: 'clock-now' } });
  const offset = h('output', { dataset: { test: 'clock-offset' } });
  const show = (c) => {
    now.textContent = c.now;
    offset.textContent = `${c.offsetMs} ms`;
  };
  const amount = h('input', { type: 'number', min: '0', step: 'any', value: '60', name: 'advance' });
  const unit = h('select', { name: 'unit' }, ['seconds', 'minutes', 'hours', 'days'].map((u) => h('option', { value: u }, u)));
  const problem = h('div');
  const advance = async (e) => {
    e.preventDefault();
    const factor = { seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit.value];
    try {
      show(await ctx.admin('clock', { method: 'POST', body: JSON.stringify({ advanceMs: Number(amount.value) * factor * 1000 }) }));
      replace(problem);
      ctx.say(`Clock advanced by ${amount.value} ${unit.value}`);
    } catch (err) {
      replace(problem, ctx.errorBox(err));
    }
  };
  replace(
    box,
    h('p', null, 'Platform time: ', now, ' (ahead of the system clock by ', offset, '). Every timer (TTL, waits, schedules, retries, visibility timeouts) runs on it.'),
    h('form', { class: 'toolbar', onsubmit: advance }, field('Advance by', amount), field('Unit', unit), h('button', { class: 'primary' }, 'Advance clock')),
    problem,
  );
  ctx.every(1000, async () => show(await ctx.admin('clock')));
}

function renderReset(box, ctx) {
  const result = h('div', { role: 'status' });
  const which = h('input', { name: 'services', placeholder: 'all', size: 30 });
  replace(
    box,
    h('p', null, 'Empties the named services (every one when left blank) and starts them again.'),
    h(
      'form',
      {
        class: 'toolbar',
        async onsubmit(e) {
          e.preventDefault();
          const list = which.value.trim();
          if (!confirm(`Reset ${list || 'every service'}? Their resources are deleted.`)) return;
          try {
            const r = await ctx.admin(`reset${list ? `?services=${encodeURIComponent(list)}` : ''}`, { method: 'POST' });
            replace(result, h('p', { class: 'ok' }, `Reset: ${r.reset.join(', ')}`));
          } catch (err) {
            replace(result, ctx.errorBox(err));
          }
        },
      },
      field('Services (comma-separated)', which),
      h('button', { class: 'danger' }, 'Reset'),
    ),
    result,
  );
}

function renderRequests(box, ctx) {
  const rows = [];
  let since = 0;
  const service = h('select', { name: 'service' }, h('option', { value: '' }, 'all'), Object.keys(ctx.health.services).sort().map((s) => h('option', { value: s }, s)));
  const status = h('select', { name: 'status' }, [['', 'all'], ['2', '2xx'], ['4', '4xx'], ['5', '5xx'], ['error', '4xx and 5xx']].map(([v, t]) => h('option', { value: v }, t)));
  const live = h('input', { type: 'checkbox', checked: true, name: 'live' });
  const list = h('div');
  const draw = () => {
    const shown = rows.filter((r) => (!service.value || r.service === service.value) && statusMatches(r.status, status.value));
    replace(
      list,
      table({
        caption: `Recent requests (${shown.length} of ${rows.length} kept here)`,
        empty: 'none yet',
        columns: [
          { label: 'Time', cell: (r) => r.time.slice(11, 23) },
          { label: 'Service', cell: (r) => r.service },
          { label: 'Operation', cell: (r) => r.operation ?? '' },
          { label: 'Status', cell: (r) => h('span', { class: `badge s${String(r.status)[0]}` }, r.status) },
          { label: 'ms', cell: (r) => r.durationMs.toFixed(1) },
          { label: 'Request id', cell: (r) => h('code', null, r.requestId) },
        ],
        rows: shown.slice().reverse(),
        rowProps: (r) => ({ dataset: { service: r.service, status: r.status } }),
      }),
    );
  };
  service.addEventListener('change', draw);
  status.addEventListener('change', draw);
  replace(box, h('div', { class: 'toolbar' }, field('Filter by service', service), field('Filter by status', status), h('label', null, live, ' Live')), list);
  draw();
  ctx.every(1000, async () => {
    if (!live.checked) return;
    const r = await ctx.admin(`requests?since=${since}`);
    since = r.last;
    if (r.records.length === 0) return;
    rows.push(...r.records);
    if (rows.length > MAX_ROWS) rows.splice(0, rows.length - MAX_ROWS);
    draw();
  });
}

function statusMatches(code, filter) {
  if (!filter) return true;
  if (filter === 'error') return code >= 400;
  return String(code)[0] === filter;
}

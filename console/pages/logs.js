/**
 * CloudWatch Logs: log groups; a group's streams and its events tailed live (FilterLogEvents from
 * the last event seen, every second), with a filter pattern.
 */
import { field, h, replace, table, when } from '../lib/dom.js';
import { section } from '../lib/resources.js';

const MAX_ROWS = 1000;

export default {
  id: 'logs',
  title: 'CloudWatch Logs',
  routes: [
    { path: '', render: listGroups },
    { path: 'groups/:name', render: showGroup },
  ],
};

async function listGroups(root, _params, ctx) {
  root.append(h('h1', null, 'Log groups'));
  const groups = [];
  let token;
  do {
    const out = await ctx.aws.json('logs', 'DescribeLogGroups', token ? { nextToken: token } : {});
    groups.push(...out.logGroups);
    token = out.nextToken;
  } while (token);
  root.append(
    table({
      caption: `Log groups (${groups.length})`,
      columns: [
        { label: 'Name', cell: (g) => h('a', { href: ctx.href('groups', g.logGroupName) }, g.logGroupName) },
        { label: 'Retention', cell: (g) => (g.retentionInDays ? `${g.retentionInDays} days` : 'never expires') },
        { label: 'Stored', cell: (g) => `${g.storedBytes ?? 0} bytes` },
        { label: 'Created', cell: (g) => when(new Date(g.creationTime)) },
      ],
      rows: groups,
    }),
  );
}

async function showGroup(root, { name }, ctx) {
  root.append(h('h1', null, `Log group ${name}`), h('p', null, h('a', { href: ctx.href() }, 'All log groups')));
  const streamsBox = section('Streams');
  const pattern = h('input', { type: 'text', name: 'pattern', placeholder: 'e.g. ERROR or { $.level = "error" }' });
  const events = h('tbody');
  const eventsTable = h('table', { class: 'grid', dataset: { test: 'log-events' } },
    h('caption', null, 'Events (live)'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Time'), h('th', { scope: 'col' }, 'Stream'), h('th', { scope: 'col' }, 'Message'))),
    events);
  const problem = h('div');
  let since = 0;
  const seen = new Set();
  const restart = (e) => {
    e?.preventDefault();
    since = 0;
    seen.clear();
    events.replaceChildren();
  };
  root.append(
    streamsBox,
    section('Tail', h('form', { class: 'inline', onsubmit: restart }, field('Filter pattern', pattern), h('button', { type: 'submit' }, 'Apply')), problem, eventsTable),
  );

  const streams = await ctx.aws.json('logs', 'DescribeLogStreams', { logGroupName: name, orderBy: 'LastEventTime', descending: true, limit: 50 });
  streamsBox.append(
    table({
      caption: `Streams (${streams.logStreams.length}, latest first)`,
      columns: [
        { label: 'Name', cell: (s) => s.logStreamName },
        { label: 'Last event', cell: (s) => (s.lastEventTimestamp ? when(new Date(s.lastEventTimestamp)) : '') },
      ],
      rows: streams.logStreams,
    }),
  );

  ctx.every(1000, async () => {
    try {
      const input = { logGroupName: name, startTime: since, limit: 500 };
      if (pattern.value.trim()) input.filterPattern = pattern.value.trim();
      const out = await ctx.aws.json('logs', 'FilterLogEvents', input);
      for (const ev of out.events) {
        if (seen.has(ev.eventId)) continue;
        seen.add(ev.eventId);
        since = Math.max(since, ev.timestamp);
        events.append(h('tr', null, h('td', null, new Date(ev.timestamp).toISOString()), h('td', null, ev.logStreamName), h('td', null, h('pre', { tabindex: '0' }, ev.message))));
      }
      while (events.children.length > MAX_ROWS) events.firstElementChild.remove();
      replace(problem);
    } catch (err) {
      replace(problem, ctx.errorBox(err));
    }
  });
}

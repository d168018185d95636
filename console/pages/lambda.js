/**
 * Lambda: functions with their runtime and settings; a function's configuration, its log group
 * and event sources, and an invocation with a payload that shows the result and the log tail
 * (X-Amz-Log-Type: Tail).
 */
import { field, h, pretty, replace, table, when } from '../lib/dom.js';
import { path } from '../lib/aws.js';
import { code, facts, section } from '../lib/resources.js';

export default {
  id: 'lambda',
  title: 'Lambda',
  routes: [
    { path: '', render: listFunctions },
    { path: 'functions/:name', render: showFunction },
  ],
};

async function listFunctions(root, _params, ctx) {
  root.append(h('h1', null, 'Lambda functions'));
  const functions = [];
  let marker;
  do {
    const { body } = await ctx.aws.rest('lambda', 'GET', '/2015-03-31/functions/', { query: { Marker: marker } });
    functions.push(...body.Functions);
    marker = body.NextMarker;
  } while (marker);
  root.append(
    table({
      caption: `Functions (${functions.length})`,
      columns: [
        { label: 'Name', cell: (f) => h('a', { href: ctx.href('functions', f.FunctionName) }, f.FunctionName) },
        { label: 'Runtime', cell: (f) => f.Runtime ?? f.PackageType },
        { label: 'Handler', cell: (f) => f.Handler ?? '' },
        { label: 'Memory', cell: (f) => `${f.MemorySize} MB` },
        { label: 'Timeout', cell: (f) => `${f.Timeout} s` },
        { label: 'Modified', cell: (f) => when(f.LastModified) },
      ],
      rows: functions,
    }),
  );
}

async function showFunction(root, { name }, ctx) {
  const { body: fn } = await ctx.aws.rest('lambda', 'GET', path`/2015-03-31/functions/${name}`);
  const c = fn.Configuration;
  const logGroup = c.LoggingConfig?.LogGroup ?? `/aws/lambda/${c.FunctionName}`;
  const { body: mappings } = await ctx.aws.rest('lambda', 'GET', '/2015-03-31/event-source-mappings/', { query: { FunctionName: c.FunctionName } });
  root.append(
    h('h1', null, `Function ${c.FunctionName}`),
    h('p', null, h('a', { href: ctx.href() }, 'All functions')),
    facts([
      ['ARN', c.FunctionArn],
      ['Runtime', c.Runtime ?? c.PackageType],
      ['Handler', c.Handler],
      ['Role', c.Role],
      ['Memory', `${c.MemorySize} MB`],
      ['Timeout', `${c.Timeout} s`],
      ['State', c.State],
      ['Environment', c.Environment?.Variables ? Object.entries(c.Environment.Variables).map(([k, v]) => `${k}=${v}`).join(', ') : ''],
      ['Layers', (c.Layers ?? []).map((l) => l.Arn).join(', ')],
      ['Log group', h('a', { href: ctx.hrefTo('logs', 'groups', logGroup) }, logGroup)],
    ]),
    section(
      'Event sources',
      table({
        caption: `Event source mappings (${mappings.EventSourceMappings.length})`,
        columns: [
          { label: 'Source', cell: (m) => m.EventSourceArn },
          { label: 'State', cell: (m) => m.State },
          { label: 'Batch size', cell: (m) => String(m.BatchSize ?? '') },
          { label: 'UUID', cell: (m) => m.UUID },
        ],
        rows: mappings.EventSourceMappings,
      }),
    ),
    invokePanel(c.FunctionName, ctx),
  );
}

/** A payload, an Invoke button, and what came back: status, function error, payload, log tail. */
function invokePanel(name, ctx) {
  const payload = h('textarea', { class: 'code', rows: '8', cols: '70', name: 'payload', spellcheck: 'false', value: '{}' });
  const out = h('div', { dataset: { test: 'invoke-result' }, 'aria-live': 'polite' });
  const invoke = async (e) => {
    e.preventDefault();
    replace(out, h('p', null, 'Invoking…'));
    try {
      const { response, body } = await ctx.aws.rest('lambda', 'POST', path`/2015-03-31/functions/${name}/invocations`, {
        headers: { 'x-amz-log-type': 'Tail', 'x-amz-invocation-type': 'RequestResponse', 'content-type': 'application/json' },
        body: payload.value,
      });
      const error = response.headers.get('x-amz-function-error');
      const log = response.headers.get('x-amz-log-result');
      replace(
        out,
        facts([['Status', String(response.status)], ['Function error', error ?? ''], ['Version', response.headers.get('x-amz-executed-version') ?? '']]),
        h('h3', null, 'Result'),
        h('div', { dataset: { test: 'invoke-payload', error: error ?? '' } }, code(pretty(body))),
        h('h3', null, 'Log tail'),
        h('div', { dataset: { test: 'invoke-log' } }, code(log ? decodeLog(log) : '')),
      );
      ctx.say(error ? `Invocation failed: ${error}` : 'Invocation succeeded');
    } catch (err) {
      replace(out, ctx.errorBox(err));
    }
  };
  return section('Invoke', h('form', { onsubmit: invoke }, field('Payload (JSON)', payload), h('button', { type: 'submit' }, 'Invoke')), out);
}

/** The log tail: base64 of UTF-8 text. */
function decodeLog(b64) {
  const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * DynamoDB: tables with their keys, indexes and stream; a table's items scanned or queried (on the
 * table or an index), edited as DynamoDB JSON (PutItem) and deleted (DeleteItem).
 */
import { field, h, replace, table } from '../lib/dom.js';
import { facts, section } from '../lib/resources.js';

export default {
  id: 'dynamodb',
  title: 'DynamoDB',
  routes: [
    { path: '', render: listTables },
    { path: 'tables/:name', render: showTable },
  ],
};

async function listTables(root, _params, ctx) {
  root.append(h('h1', null, 'DynamoDB tables'));
  const names = [];
  let start;
  do {
    const out = await ctx.aws.json('dynamodb', 'ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...out.TableNames);
    start = out.LastEvaluatedTableName;
  } while (start);
  const tables = await Promise.all(names.map(async (n) => (await ctx.aws.json('dynamodb', 'DescribeTable', { TableName: n })).Table));
  root.append(
    table({
      caption: `Tables (${tables.length})`,
      columns: [
        { label: 'Name', cell: (t) => h('a', { href: ctx.href('tables', t.TableName) }, t.TableName) },
        { label: 'Status', cell: (t) => t.TableStatus },
        { label: 'Keys', cell: (t) => keyText(t.KeySchema) },
        { label: 'Indexes', cell: (t) => String((t.GlobalSecondaryIndexes?.length ?? 0) + (t.LocalSecondaryIndexes?.length ?? 0)) },
        { label: 'Items', cell: (t) => String(t.ItemCount ?? 0) },
        { label: 'Stream', cell: (t) => (t.StreamSpecification?.StreamEnabled ? t.StreamSpecification.StreamViewType : 'off') },
      ],
      rows: tables,
    }),
  );
}

const keyText = (schema) => schema.map((k) => `${k.AttributeName} (${k.KeyType === 'HASH' ? 'partition' : 'sort'})`).join(', ');

async function showTable(root, { name }, ctx) {
  const { Table: t } = await ctx.aws.json('dynamodb', 'DescribeTable', { TableName: name });
  const indexes = [...(t.GlobalSecondaryIndexes ?? []).map((i) => ({ ...i, kind: 'global' })), ...(t.LocalSecondaryIndexes ?? []).map((i) => ({ ...i, kind: 'local' }))];
  root.append(
    h('h1', null, `Table ${name}`),
    h('p', null, h('a', { href: ctx.href() }, 'All tables')),
    facts([
      ['Status', t.TableStatus],
      ['Keys', keyText(t.KeySchema)],
      ['Billing', t.BillingModeSummary?.BillingMode ?? 'PROVISIONED'],
      ['Items', String(t.ItemCount ?? 0)],
      ['ARN', t.TableArn],
      ['Stream', t.LatestStreamArn ? `${t.StreamSpecification?.StreamViewType} ${t.LatestStreamArn}` : 'off'],
    ]),
    section(
      'Indexes',
      table({
        caption: `Indexes (${indexes.length})`,
        columns: [
          { label: 'Name', cell: (i) => i.IndexName },
          { label: 'Kind', cell: (i) => i.kind },
          { label: 'Keys', cell: (i) => keyText(i.KeySchema) },
          { label: 'Projection', cell: (i) => i.Projection?.ProjectionType ?? '' },
        ],
        rows: indexes,
      }),
    ),
  );
  const items = section('Items');
  root.append(items);
  itemsView(items, t, indexes, ctx);
}

/** The items panel: a Scan or Query form, the page of results, and item editing. */
function itemsView(box, t, indexes, ctx) {
  const mode = h('select', { name: 'mode' }, h('option', { value: 'Scan' }, 'Scan'), h('option', { value: 'Query' }, 'Query'));
  const index = h('select', { name: 'index' }, h('option', { value: '' }, 'Table'), indexes.map((i) => h('option', { value: i.IndexName }, i.IndexName)));
  const pk = h('input', { type: 'text', name: 'partition' });
  const filter = h('input', { type: 'text', name: 'filter', placeholder: 'e.g. price > :p' });
  const values = h('input', { type: 'text', name: 'values', placeholder: '{":p": {"N": "10"}}' });
  const results = h('div', { dataset: { test: 'items' } });
  const problem = h('div');
  const keysOf = () => (index.value ? indexes.find((i) => i.IndexName === index.value).KeySchema : t.KeySchema);
  const typeOf = (attr) => t.AttributeDefinitions.find((d) => d.AttributeName === attr)?.AttributeType ?? 'S';

  const run = async (e) => {
    e?.preventDefault();
    replace(problem);
    try {
      const input = { TableName: t.TableName, Limit: 100 };
      if (index.value) input.IndexName = index.value;
      const names = {};
      const vals = values.value.trim() ? JSON.parse(values.value) : {};
      if (filter.value.trim()) input.FilterExpression = filter.value.trim();
      if (mode.value === 'Query') {
        const hash = keysOf().find((k) => k.KeyType === 'HASH').AttributeName;
        names['#pk'] = hash;
        vals[':pk'] = { [typeOf(hash)]: pk.value };
        input.KeyConditionExpression = '#pk = :pk';
      }
      if (Object.keys(names).length) input.ExpressionAttributeNames = names;
      if (Object.keys(vals).length) input.ExpressionAttributeValues = vals;
      const out = await ctx.aws.json('dynamodb', mode.value, input);
      showItems(out.Items ?? []);
      ctx.say(`${out.Items?.length ?? 0} items`);
    } catch (err) {
      replace(problem, ctx.errorBox(err));
    }
  };

  const keyOf = (item) => Object.fromEntries(t.KeySchema.map((k) => [k.AttributeName, item[k.AttributeName]]));
  const showItems = (items) => {
    const attrs = [...new Set([...t.KeySchema.map((k) => k.AttributeName), ...items.flatMap((i) => Object.keys(i))])];
    replace(
      results,
      table({
        caption: `Items (${items.length})`,
        columns: [
          ...attrs.map((a) => ({ label: a, cell: (i) => (i[a] === undefined ? '' : display(i[a])) })),
          {
            label: 'Actions',
            cell: (i) => {
              const label = Object.values(keyOf(i)).map(display).join(' / ');
              return h('span', { class: 'actions' },
                h('button', { type: 'button', 'aria-label': `Edit item ${label}`, onclick: () => edit(i) }, 'Edit'),
                h('button', { type: 'button', 'aria-label': `Delete item ${label}`, onclick: () => remove(i, label) }, 'Delete'));
            },
          },
        ],
        rows: items,
      }),
    );
  };

  const remove = async (item, label) => {
    if (!confirm(`Delete item ${label}?`)) return;
    try {
      await ctx.aws.json('dynamodb', 'DeleteItem', { TableName: t.TableName, Key: keyOf(item) });
      ctx.say(`Item ${label} deleted`);
      await run();
    } catch (err) {
      replace(problem, ctx.errorBox(err));
    }
  };

  const dialogError = h('div');
  const editor = h('textarea', { class: 'code', rows: '14', cols: '70', name: 'item', spellcheck: 'false' });
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'item-editor-title' },
    h('form', { method: 'dialog', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await ctx.aws.json('dynamodb', 'PutItem', { TableName: t.TableName, Item: JSON.parse(editor.value) });
        dialog.close();
        ctx.say('Item saved');
        await run();
      } catch (err) {
        replace(dialogError, ctx.errorBox(err));
      }
    } },
      h('h2', { id: 'item-editor-title' }, 'Item (DynamoDB JSON)'),
      field('Item', editor),
      dialogError,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save item'), h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'))),
  );
  const edit = (item) => {
    editor.value = JSON.stringify(item, null, 2);
    replace(dialogError);
    dialog.showModal();
  };
  const blank = () => Object.fromEntries(t.KeySchema.map((k) => [k.AttributeName, { [typeOf(k.AttributeName)]: '' }]));

  box.append(
    h('form', { class: 'inline', onsubmit: run },
      field('Operation', mode), field('Index', index), field('Partition key value (Query)', pk), field('Filter expression', filter), field('Expression values', values),
      h('button', { type: 'submit' }, 'Run')),
    h('p', null, h('button', { type: 'button', onclick: () => edit(blank()) }, 'Create item')),
    problem,
    results,
    dialog,
  );
  void run();
}

/** An attribute value as short text: `{"S":"x"}` -> x, numbers as they are, the rest as JSON. */
function display(v) {
  const [type, value] = Object.entries(v)[0] ?? [];
  if (type === 'S' || type === 'N') return value;
  if (type === 'BOOL') return String(value);
  if (type === 'NULL') return 'null';
  return JSON.stringify(value);
}


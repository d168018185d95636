/**
 * SQS: queues with their message counts; a queue's attributes, its messages peeked without
 * receiving them (GET /_stratus/sqs/messages: no visibility or receive-count change), and a send form.
 */
import { field, h, replace, table } from '../lib/dom.js';
import { facts, section } from '../lib/resources.js';

export default {
  id: 'sqs',
  title: 'SQS',
  routes: [
    { path: '', render: listQueues },
    { path: 'queues/:url', render: showQueue },
  ],
};

const COUNTS = ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'];

async function listQueues(root, _params, ctx) {
  root.append(h('h1', null, 'SQS queues'));
  const urls = [];
  let token;
  do {
    const out = await ctx.aws.json('sqs', 'ListQueues', token ? { NextToken: token, MaxResults: 1000 } : { MaxResults: 1000 });
    urls.push(...(out.QueueUrls ?? []));
    token = out.NextToken;
  } while (token);
  const queues = await Promise.all(urls.map(async (url) => ({ url, a: (await ctx.aws.json('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] })).Attributes ?? {} })));
  root.append(
    table({
      caption: `Queues (${queues.length})`,
      columns: [
        { label: 'Name', cell: (q) => h('a', { href: ctx.href('queues', q.url) }, q.url.split('/').pop()) },
        { label: 'Type', cell: (q) => (q.a.FifoQueue === 'true' ? 'FIFO' : 'standard') },
        { label: 'Available', cell: (q) => q.a.ApproximateNumberOfMessages ?? '0' },
        { label: 'In flight', cell: (q) => q.a.ApproximateNumberOfMessagesNotVisible ?? '0' },
        { label: 'Delayed', cell: (q) => q.a.ApproximateNumberOfMessagesDelayed ?? '0' },
      ],
      rows: queues,
    }),
  );
}

async function showQueue(root, { url }, ctx) {
  const { Attributes: a = {} } = await ctx.aws.json('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] });
  const name = url.split('/').pop();
  root.append(
    h('h1', null, `Queue ${name}`),
    h('p', null, h('a', { href: ctx.href() }, 'All queues')),
    facts([
      ['URL', url],
      ['ARN', a.QueueArn],
      ...COUNTS.map((k) => [k.replace('ApproximateNumberOf', ''), a[k]]),
      ['Visibility timeout', a.VisibilityTimeout && `${a.VisibilityTimeout} s`],
      ['Retention', a.MessageRetentionPeriod && `${a.MessageRetentionPeriod} s`],
      ['Redrive policy', a.RedrivePolicy],
    ]),
  );
  const messages = h('div', { dataset: { test: 'messages' } });
  const body = h('textarea', { class: 'code', rows: '4', cols: '60', name: 'body' });
  const group = a.FifoQueue === 'true' ? h('input', { type: 'text', name: 'group', value: 'default' }) : undefined;
  const problem = h('div');
  const send = async (e) => {
    e.preventDefault();
    try {
      const input = { QueueUrl: url, MessageBody: body.value };
      if (group) input.MessageGroupId = group.value;
      const out = await ctx.aws.json('sqs', 'SendMessage', input);
      ctx.say(`Sent ${out.MessageId}`);
      replace(problem);
      await peek();
    } catch (err) {
      replace(problem, ctx.errorBox(err));
    }
  };
  const peek = async () => {
    const out = await ctx.admin(`sqs/messages?queueUrl=${encodeURIComponent(url)}&max=100`);
    replace(
      messages,
      table({
        caption: `Messages (${out.messages.length}, peeked)`,
        columns: [
          { label: 'Message id', cell: (m) => m.MessageId },
          { label: 'State', cell: (m) => m.State },
          { label: 'Receives', cell: (m) => String(m.ApproximateReceiveCount) },
          { label: 'Sent', cell: (m) => new Date(m.SentTimestamp).toISOString() },
          ...(group ? [{ label: 'Group', cell: (m) => m.MessageGroupId ?? '' }] : []),
          { label: 'Body', cell: (m) => h('pre', { tabindex: '0' }, m.Body) },
        ],
        rows: out.messages,
      }),
    );
  };
  root.append(
    section('Messages', h('p', null, h('button', { type: 'button', onclick: () => peek().catch((err) => replace(problem, ctx.errorBox(err))) }, 'Refresh')), messages),
    section('Send a message', h('form', { onsubmit: send }, field('Body', body), group && field('Message group id', group), h('button', { type: 'submit' }, 'Send message')), problem),
  );
  await peek();
}

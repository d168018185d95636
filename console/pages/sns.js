/** SNS: topics and subscriptions. */
import { h } from '../lib/dom.js';
import { list, listing } from '../lib/resources.js';

const all = async (ctx, action, key, member) => {
  const out = [];
  let token;
  do {
    const r = await ctx.aws.query('sns', action, token ? { NextToken: token } : {});
    out.push(...list(r[key]?.[member]));
    token = r.NextToken;
  } while (token);
  return out;
};

export default {
  id: 'sns',
  title: 'SNS',
  routes: [
    {
      path: '',
      render: listing('SNS', [
        { title: 'Topics', load: (ctx) => all(ctx, 'ListTopics', 'Topics', 'member'), columns: () => [{ label: 'Topic ARN', cell: (t) => t.TopicArn }] },
        {
          title: 'Subscriptions',
          load: (ctx) => all(ctx, 'ListSubscriptions', 'Subscriptions', 'member'),
          columns: (ctx) => [
            { label: 'Topic', cell: (s) => s.TopicArn },
            { label: 'Protocol', cell: (s) => s.Protocol },
            {
              label: 'Endpoint',
              cell: (s) =>
                s.Protocol === 'sqs' ? h('a', { href: ctx.hrefTo('sqs') }, s.Endpoint) : s.Protocol === 'lambda' ? h('a', { href: ctx.hrefTo('lambda', 'functions', s.Endpoint.split(':')[6] ?? s.Endpoint) }, s.Endpoint) : s.Endpoint,
            },
            { label: 'Subscription ARN', cell: (s) => s.SubscriptionArn },
          ],
        },
      ]),
    },
  ],
};

/** DynamoDB Streams: the streams of tables. */
import { h } from '../lib/dom.js';
import { listing } from '../lib/resources.js';

export default {
  id: 'dynamodbstreams',
  title: 'DynamoDB Streams',
  routes: [
    {
      path: '',
      render: listing('DynamoDB Streams', [
        {
          title: 'Streams',
          load: async (ctx) => (await ctx.aws.json('dynamodbstreams', 'ListStreams', {})).Streams ?? [],
          columns: (ctx) => [
            { label: 'Table', cell: (s) => h('a', { href: ctx.hrefTo('dynamodb', 'tables', s.TableName) }, s.TableName) },
            { label: 'Label', cell: (s) => s.StreamLabel },
            { label: 'Stream ARN', cell: (s) => s.StreamArn },
          ],
        },
      ]),
    },
  ],
};

/** CloudFront KeyValueStore: the stores (CloudFront's ListKeyValueStores) and a store's keys (the data API's ListKeys). */
import { h, table } from '../lib/dom.js';
import { path } from '../lib/aws.js';
import { list, listing, when } from '../lib/resources.js';

export default {
  id: 'cloudfront-keyvaluestore',
  title: 'CloudFront KeyValueStore',
  routes: [
    {
      path: '',
      render: listing('CloudFront KeyValueStores', [
        {
          title: 'Key value stores',
          load: async (ctx) => list((await ctx.aws.rest('cloudfront', 'GET', '/2020-05-31/key-value-store')).body.KeyValueStoreList?.Items?.KeyValueStore),
          columns: (ctx) => [
            { label: 'Name', cell: (s) => h('a', { href: ctx.href('stores', s.ARN) }, s.Name) },
            { label: 'Status', cell: (s) => s.Status ?? '' },
            { label: 'Modified', cell: (s) => when(s.LastModifiedTime) },
          ],
        },
      ]),
    },
    { path: 'stores/:arn', render: showStore },
  ],
};

async function showStore(root, { arn }, ctx) {
  const { body } = await ctx.aws.rest('cloudfront-keyvaluestore', 'GET', path`/key-value-stores/${arn}/keys`, { query: { MaxResults: '50' } });
  root.append(
    h('h1', null, `Key value store ${arn.split('/').pop()}`),
    h('p', null, h('a', { href: ctx.href() }, 'All stores')),
    table({ caption: 'Keys (first 50)', columns: [{ label: 'Key', cell: (k) => k.Key }, { label: 'Value', cell: (k) => k.Value }], rows: body.Items ?? [] }),
  );
}

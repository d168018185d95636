/** S3: buckets, and a bucket's objects (ListObjectsV2 with a prefix and folders by '/'). */
import { field, h, table, when } from '../lib/dom.js';
import { path } from '../lib/aws.js';
import { list, listing } from '../lib/resources.js';

export default {
  id: 's3',
  title: 'S3',
  routes: [
    {
      path: '',
      render: listing('S3 buckets', [
        {
          title: 'Buckets',
          load: async (ctx) => list((await ctx.aws.rest('s3', 'GET', '/')).body.ListAllMyBucketsResult?.Buckets?.Bucket),
          columns: (ctx) => [
            { label: 'Name', cell: (b) => h('a', { href: ctx.href('buckets', b.Name) }, b.Name) },
            { label: 'Region', cell: (b) => b.BucketRegion ?? '' },
            { label: 'Created', cell: (b) => when(b.CreationDate) },
          ],
        },
      ]),
    },
    { path: 'buckets/:bucket', render: showBucket },
    { path: 'buckets/:bucket/:prefix', render: showBucket },
  ],
};

async function showBucket(root, { bucket, prefix = '' }, ctx) {
  const { body } = await ctx.aws.rest('s3', 'GET', path`/${bucket}`, { query: { 'list-type': '2', prefix, delimiter: '/', 'max-keys': '1000' } });
  const r = body.ListBucketResult ?? {};
  const folders = list(r.CommonPrefixes).map((p) => p.Prefix);
  const objects = list(r.Contents);
  const prefixInput = h('input', { type: 'text', name: 'prefix', value: prefix });
  root.append(
    h('h1', null, `Bucket ${bucket}`),
    h('p', null, h('a', { href: ctx.href() }, 'All buckets')),
    h('form', { class: 'inline', onsubmit: (e) => (e.preventDefault(), ctx.navigate(ctx.href('buckets', bucket, prefixInput.value))) }, field('Prefix', prefixInput), h('button', { type: 'submit' }, 'List')),
    table({ caption: `Folders (${folders.length})`, columns: [{ label: 'Prefix', cell: (p) => h('a', { href: ctx.href('buckets', bucket, p) }, p) }], rows: folders }),
    table({
      caption: `Objects (${objects.length}${r.IsTruncated === 'true' ? ', first 1000' : ''})`,
      columns: [
        { label: 'Key', cell: (o) => o.Key },
        { label: 'Size', cell: (o) => `${o.Size} bytes` },
        { label: 'Storage class', cell: (o) => o.StorageClass ?? '' },
        { label: 'Modified', cell: (o) => when(o.LastModified) },
        { label: 'ETag', cell: (o) => o.ETag },
      ],
      rows: objects,
    }),
  );
}

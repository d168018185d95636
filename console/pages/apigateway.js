/** API Gateway REST APIs: the APIs, and an API's resources with their methods and its stages. */
import { h, table } from '../lib/dom.js';
import { path } from '../lib/aws.js';
import { listing, when } from '../lib/resources.js';

export default {
  id: 'apigateway',
  title: 'API Gateway (REST)',
  routes: [
    {
      path: '',
      render: listing('REST APIs', [
        {
          title: 'APIs',
          load: async (ctx) => (await ctx.aws.rest('apigateway', 'GET', '/restapis', { query: { limit: '500' } })).body.item ?? [],
          columns: (ctx) => [
            { label: 'Name', cell: (a) => h('a', { href: ctx.href('apis', a.id) }, a.name) },
            { label: 'Id', cell: (a) => a.id },
            { label: 'Created', cell: (a) => when(a.createdDate) },
          ],
        },
      ]),
    },
    { path: 'apis/:id', render: showApi },
  ],
};

async function showApi(root, { id }, ctx) {
  const [{ body: api }, { body: resources }, { body: stages }] = await Promise.all([
    ctx.aws.rest('apigateway', 'GET', path`/restapis/${id}`),
    ctx.aws.rest('apigateway', 'GET', path`/restapis/${id}/resources`, { query: { limit: '500', embed: 'methods' } }),
    ctx.aws.rest('apigateway', 'GET', path`/restapis/${id}/stages`),
  ]);
  const port = location.port ? `:${location.port}` : '';
  root.append(
    h('h1', null, `REST API ${api.name}`),
    h('p', null, h('a', { href: ctx.href() }, 'All REST APIs')),
    table({
      caption: 'Resources',
      columns: [
        { label: 'Path', cell: (r) => r.path },
        { label: 'Methods', cell: (r) => Object.keys(r.resourceMethods ?? {}).join(', ') },
      ],
      rows: (resources.item ?? []).sort((a, b) => a.path.localeCompare(b.path)),
    }),
    table({
      caption: 'Stages',
      columns: [
        { label: 'Stage', cell: (s) => s.stageName },
        { label: 'Deployment', cell: (s) => s.deploymentId },
        { label: 'Invoke URL', cell: (s) => `http://${id}.execute-api.localhost${port}/${s.stageName}/` },
      ],
      rows: stages.item ?? [],
    }),
  );
}

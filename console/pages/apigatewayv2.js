/** API Gateway v2: HTTP and WebSocket APIs, and an API's routes, integrations and stages. */
import { h, table } from '../lib/dom.js';
import { path } from '../lib/aws.js';
import { listing, when } from '../lib/resources.js';

export default {
  id: 'apigatewayv2',
  title: 'API Gateway (HTTP, WebSocket)',
  routes: [
    {
      path: '',
      render: listing('HTTP and WebSocket APIs', [
        {
          title: 'APIs',
          load: async (ctx) => (await ctx.aws.rest('apigatewayv2', 'GET', '/v2/apis', { query: { maxResults: '500' } })).body.items ?? [],
          columns: (ctx) => [
            { label: 'Name', cell: (a) => h('a', { href: ctx.href('apis', a.apiId) }, a.name) },
            { label: 'Protocol', cell: (a) => a.protocolType },
            { label: 'Endpoint', cell: (a) => a.apiEndpoint },
            { label: 'Created', cell: (a) => when(a.createdDate) },
          ],
        },
      ]),
    },
    { path: 'apis/:id', render: showApi },
  ],
};

async function showApi(root, { id }, ctx) {
  const get = async (p) => (await ctx.aws.rest('apigatewayv2', 'GET', p)).body;
  const [api, routes, integrations, stages] = await Promise.all([get(path`/v2/apis/${id}`), get(path`/v2/apis/${id}/routes`), get(path`/v2/apis/${id}/integrations`), get(path`/v2/apis/${id}/stages`)]);
  const byId = new Map((integrations.items ?? []).map((i) => [i.integrationId, i]));
  root.append(
    h('h1', null, `${api.protocolType} API ${api.name}`),
    h('p', null, h('a', { href: ctx.href() }, 'All APIs')),
    table({
      caption: 'Routes',
      columns: [
        { label: 'Route key', cell: (r) => r.routeKey },
        { label: 'Authorization', cell: (r) => r.authorizationType ?? 'NONE' },
        {
          label: 'Integration',
          cell: (r) => {
            const i = byId.get(/^integrations\/(.+)$/.exec(r.target ?? '')?.[1]);
            return i ? `${i.integrationType}${i.integrationSubtype ? ` ${i.integrationSubtype}` : ''} ${i.integrationUri ?? ''}` : '';
          },
        },
      ],
      rows: routes.items ?? [],
    }),
    table({
      caption: 'Stages',
      columns: [
        { label: 'Stage', cell: (s) => s.stageName },
        { label: 'Auto deploy', cell: (s) => String(s.autoDeploy ?? false) },
        { label: 'Deployment', cell: (s) => s.deploymentId ?? '' },
      ],
      rows: stages.items ?? [],
    }),
  );
}

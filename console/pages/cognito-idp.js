/** Cognito user pools: the pools, and a pool's app clients, groups and users. */
import { h, table, when } from '../lib/dom.js';
import { facts, listing } from '../lib/resources.js';

export default {
  id: 'cognito-idp',
  title: 'Cognito user pools',
  routes: [
    {
      path: '',
      render: listing('Cognito user pools', [
        {
          title: 'User pools',
          load: async (ctx) => (await ctx.aws.json('cognito-idp', 'ListUserPools', { MaxResults: 60 })).UserPools ?? [],
          columns: (ctx) => [
            { label: 'Name', cell: (p) => h('a', { href: ctx.href('pools', p.Id) }, p.Name) },
            { label: 'Id', cell: (p) => p.Id },
            { label: 'Created', cell: (p) => when(p.CreationDate) },
          ],
        },
      ]),
    },
    { path: 'pools/:id', render: showPool },
  ],
};

async function showPool(root, { id }, ctx) {
  const call = (op, input) => ctx.aws.json('cognito-idp', op, input);
  const [{ UserPool: pool }, clients, groups, users] = await Promise.all([
    call('DescribeUserPool', { UserPoolId: id }),
    call('ListUserPoolClients', { UserPoolId: id, MaxResults: 60 }),
    call('ListGroups', { UserPoolId: id, Limit: 60 }),
    call('ListUsers', { UserPoolId: id, Limit: 60 }),
  ]);
  const attr = (u, name) => u.Attributes?.find((a) => a.Name === name)?.Value ?? '';
  root.append(
    h('h1', null, `User pool ${pool.Name}`),
    h('p', null, h('a', { href: ctx.href() }, 'All user pools')),
    facts([['Id', pool.Id], ['ARN', pool.Arn], ['MFA', pool.MfaConfiguration], ['Users (estimate)', String(pool.EstimatedNumberOfUsers ?? '')], ['Domain', pool.Domain]]),
    table({ caption: 'App clients', columns: [{ label: 'Name', cell: (c) => c.ClientName }, { label: 'Client id', cell: (c) => c.ClientId }], rows: clients.UserPoolClients ?? [] }),
    table({ caption: 'Groups', columns: [{ label: 'Name', cell: (g) => g.GroupName }, { label: 'Precedence', cell: (g) => String(g.Precedence ?? '') }, { label: 'Role', cell: (g) => g.RoleArn ?? '' }], rows: groups.Groups ?? [] }),
    table({
      caption: 'Users (first 60)',
      columns: [
        { label: 'Username', cell: (u) => u.Username },
        { label: 'Email', cell: (u) => attr(u, 'email') },
        { label: 'Status', cell: (u) => u.UserStatus },
        { label: 'Enabled', cell: (u) => String(u.Enabled) },
        { label: 'Created', cell: (u) => when(u.UserCreateDate) },
      ],
      rows: users.Users ?? [],
    }),
  );
}

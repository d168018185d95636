/** Cognito identity pools. */
import { listing } from '../lib/resources.js';

export default {
  id: 'cognito-identity',
  title: 'Cognito identity pools',
  routes: [
    {
      path: '',
      render: listing('Cognito identity pools', [
        {
          title: 'Identity pools',
          load: async (ctx) => (await ctx.aws.json('cognito-identity', 'ListIdentityPools', { MaxResults: 60 })).IdentityPools ?? [],
          columns: () => [{ label: 'Name', cell: (p) => p.IdentityPoolName }, { label: 'Id', cell: (p) => p.IdentityPoolId }],
        },
      ]),
    },
  ],
};

/** STS: who the console's credentials are. */
import { listing } from '../lib/resources.js';

export default {
  id: 'sts',
  title: 'STS',
  routes: [
    {
      path: '',
      render: listing('STS', [
        {
          title: 'Caller identity',
          load: async (ctx) => [await ctx.aws.query('sts', 'GetCallerIdentity')],
          columns: () => [{ label: 'Account', cell: (c) => c.Account }, { label: 'ARN', cell: (c) => c.Arn }, { label: 'User id', cell: (c) => c.UserId }],
        },
      ]),
    },
  ],
};

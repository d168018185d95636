/** CloudFront: distributions with their domain names, origins and status. */
import { list, listing } from '../lib/resources.js';

export default {
  id: 'cloudfront',
  title: 'CloudFront',
  routes: [
    {
      path: '',
      render: listing('CloudFront distributions', [
        {
          title: 'Distributions',
          load: async (ctx) => list((await ctx.aws.rest('cloudfront', 'GET', '/2020-05-31/distribution')).body.DistributionList?.Items?.DistributionSummary),
          columns: () => [
            { label: 'Id', cell: (d) => d.Id },
            { label: 'Domain name', cell: (d) => d.DomainName },
            { label: 'Status', cell: (d) => d.Status },
            { label: 'Enabled', cell: (d) => d.Enabled },
            { label: 'Origins', cell: (d) => list(d.Origins?.Items?.Origin).map((o) => o.DomainName).join(', ') },
          ],
        },
      ]),
    },
  ],
};

/** Kinesis Data Streams: streams with their mode, status and shards. */
import { listing, when } from '../lib/resources.js';

export default {
  id: 'kinesis',
  title: 'Kinesis',
  routes: [
    {
      path: '',
      render: listing('Kinesis streams', [
        {
          title: 'Streams',
          load: async (ctx) => {
            const names = (await ctx.aws.json('kinesis', 'ListStreams', {})).StreamNames ?? [];
            return Promise.all(names.map(async (n) => (await ctx.aws.json('kinesis', 'DescribeStreamSummary', { StreamName: n })).StreamDescriptionSummary));
          },
          columns: () => [
            { label: 'Name', cell: (s) => s.StreamName },
            { label: 'Status', cell: (s) => s.StreamStatus },
            { label: 'Mode', cell: (s) => s.StreamModeDetails?.StreamMode ?? 'PROVISIONED' },
            { label: 'Open shards', cell: (s) => String(s.OpenShardCount) },
            { label: 'Retention', cell: (s) => `${s.RetentionPeriodHours} h` },
            { label: 'Created', cell: (s) => when(s.StreamCreationTimestamp) },
          ],
        },
      ]),
    },
  ],
};

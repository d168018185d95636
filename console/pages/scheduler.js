/** EventBridge Scheduler: schedule groups and schedules. */
import { listing, when } from '../lib/resources.js';

export default {
  id: 'scheduler',
  title: 'EventBridge Scheduler',
  routes: [
    {
      path: '',
      render: listing('EventBridge Scheduler', [
        {
          title: 'Schedule groups',
          load: async (ctx) => (await ctx.aws.rest('scheduler', 'GET', '/schedule-groups')).body.ScheduleGroups ?? [],
          columns: () => [{ label: 'Name', cell: (g) => g.Name }, { label: 'State', cell: (g) => g.State }, { label: 'Created', cell: (g) => when(g.CreationDate) }],
        },
        {
          title: 'Schedules',
          load: async (ctx) => (await ctx.aws.rest('scheduler', 'GET', '/schedules')).body.Schedules ?? [],
          columns: () => [
            { label: 'Name', cell: (s) => s.Name },
            { label: 'Group', cell: (s) => s.GroupName },
            { label: 'State', cell: (s) => s.State },
            { label: 'Target', cell: (s) => s.Target?.Arn ?? '' },
          ],
        },
      ]),
    },
  ],
};

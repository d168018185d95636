/** EventBridge: event buses and the rules of each with their targets. */
import { h } from '../lib/dom.js';
import { listing } from '../lib/resources.js';

export default {
  id: 'events',
  title: 'EventBridge',
  routes: [
    {
      path: '',
      render: listing('EventBridge', [
        {
          title: 'Event buses',
          load: async (ctx) => (await ctx.aws.json('events', 'ListEventBuses', {})).EventBuses ?? [],
          columns: () => [{ label: 'Name', cell: (b) => b.Name }, { label: 'ARN', cell: (b) => b.Arn }],
        },
        {
          title: 'Rules',
          load: async (ctx) => {
            const buses = (await ctx.aws.json('events', 'ListEventBuses', {})).EventBuses ?? [];
            const rules = (await Promise.all(buses.map(async (b) => (await ctx.aws.json('events', 'ListRules', { EventBusName: b.Name })).Rules ?? []))).flat();
            return Promise.all(rules.map(async (r) => ({ ...r, targets: (await ctx.aws.json('events', 'ListTargetsByRule', { Rule: r.Name, EventBusName: r.EventBusName })).Targets ?? [] })));
          },
          columns: () => [
            { label: 'Name', cell: (r) => r.Name },
            { label: 'Bus', cell: (r) => r.EventBusName },
            { label: 'State', cell: (r) => r.State },
            { label: 'Pattern or schedule', cell: (r) => h('code', null, r.ScheduleExpression ?? r.EventPattern ?? '') },
            { label: 'Targets', cell: (r) => r.targets.map((t) => t.Arn).join(', ') },
          ],
        },
      ]),
    },
  ],
};

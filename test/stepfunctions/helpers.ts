import {
  SFNClient,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { startServer, clientConfig, type TestServer } from '../helpers/server.js';
import { definition } from '../../src/services/stepfunctions/index.js';
import type { Config } from '../../src/core/config.js';
import type { ServiceDefinition } from '../../src/services/service.js';

export const ROLE = 'arn:aws:iam::000000000000:role/test';

export interface Env {
  server: TestServer;
  client: SFNClient;
  stop(): Promise<void>;
}

/** A server with Step Functions (and any extra services, e.g. a fake Lambda) and an SFN client. */
export async function setup(options: { config?: Partial<Config>; extra?: ServiceDefinition[] } = {}): Promise<Env> {
  const server = await startServer({ services: [definition, ...(options.extra ?? [])], config: options.config });
  const client = new SFNClient({ ...clientConfig(server.endpoint), disableHostPrefix: true });
  return {
    server,
    client,
    stop: async () => {
      client.destroy();
      await server.stop();
    },
  };
}

let n = 0;
export async function machine(env: Env, def: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> {
  const out = await env.client.send(
    new CreateStateMachineCommand({ name: `sm-${process.pid}-${++n}`, definition: JSON.stringify(def), roleArn: ROLE, type }),
  );
  return out.stateMachineArn!;
}

export async function start(env: Env, smArn: string, input: unknown = {}): Promise<string> {
  const out = await env.client.send(new StartExecutionCommand({ stateMachineArn: smArn, input: JSON.stringify(input) }));
  return out.executionArn!;
}

/** Polls until the execution leaves RUNNING (or `until` holds); never asserts on timing. */
export async function waitFor(
  env: Env,
  executionArn: string,
  until: (d: DescribeExecutionCommandOutput, h: HistoryEvent[]) => boolean = (d) => d.status !== 'RUNNING',
): Promise<DescribeExecutionCommandOutput> {
  for (let i = 0; i < 2000; i++) {
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn }));
    const h = (await env.client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
    if (until(d, h)) return d;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`execution ${executionArn} did not reach the expected state`);
}

export async function history(env: Env, executionArn: string): Promise<HistoryEvent[]> {
  return (await env.client.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

/** A stand-in Lambda service (name 'lambda') whose Invoke runs a JS handler in-process, for tests. */
export function fakeLambda(handlers: Record<string, (event: any) => unknown>, calls: { name: string; event: any; type: string }[] = []): ServiceDefinition {
  return {
    name: 'lambda',
    async create() {
      return {
        async Invoke(_ctx: unknown, input: { FunctionName: string; Payload?: Buffer; InvocationType?: string }) {
          const name = input.FunctionName.split(':').pop()!;
          const event = input.Payload ? JSON.parse(Buffer.from(input.Payload).toString('utf8')) : {};
          calls.push({ name, event, type: input.InvocationType ?? 'RequestResponse' });
          const fn = handlers[name];
          if (!fn) {
            const { AwsError } = await import('../../src/aws/errors.js');
            throw new AwsError('ResourceNotFoundException', `Function not found: ${input.FunctionName}`, 404);
          }
          try {
            const result = await fn(event);
            return { StatusCode: input.InvocationType === 'Event' ? 202 : 200, Payload: Buffer.from(JSON.stringify(result ?? null)), ExecutedVersion: '$LATEST' };
          } catch (e) {
            const err = e as Error;
            return {
              StatusCode: 200,
              FunctionError: 'Unhandled',
              Payload: Buffer.from(JSON.stringify({ errorType: err.name, errorMessage: err.message, trace: [] })),
              ExecutedVersion: '$LATEST',
            };
          }
        },
      };
    },
  };
}

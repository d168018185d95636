import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateApiCommand, UpdateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, http, startEnv, type Env } from './helpers.js';

const HANDLER = `exports.handler = async (event) => ({ path: event.rawPath });`;

describe('apigatewayv2 stage settings: access logs and throttling', () => {
  let env: Env;
  let cwl: CloudWatchLogsClient;
  before(async () => {
    env = await startEnv();
    cwl = new CloudWatchLogsClient(clientConfig(env.server.endpoint));
    await createFunction(env.lambda, 'plain', { 'index.js': HANDLER });
  });
  after(async () => {
    cwl.destroy();
    await env.stop();
  });

  it('writes access logs in the stage format to CloudWatch Logs', async () => {
    const { ApiId } = await env.v2.send(new CreateApiCommand({ Name: 'logged', ProtocolType: 'HTTP', Target: fnArn('plain') }));
    await env.v2.send(
      new UpdateStageCommand({
        ApiId,
        StageName: '$default',
        AccessLogSettings: {
          DestinationArn: 'arn:aws:logs:us-east-1:000000000000:log-group:http-api-access',
          Format: '{"requestId":"$context.requestId","status":"$context.status","routeKey":"$context.routeKey","ip":"$context.identity.sourceIp","method":"$context.httpMethod","err":"$context.integrationErrorMessage"}',
        },
      }),
    );
    const r = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/logged`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { path: '/logged' });
    // The Logs sink writes in the background: wait for the event.
    let events = await cwl.send(new FilterLogEventsCommand({ logGroupName: 'http-api-access' })).catch(() => ({ events: [] }));
    for (let i = 0; i < 200 && !events.events?.length; i++) {
      await new Promise((r) => setTimeout(r, 25));
      events = await cwl.send(new FilterLogEventsCommand({ logGroupName: 'http-api-access' })).catch(() => ({ events: [] }));
    }
    assert.deepEqual(
      (events.events ?? []).map((e) => JSON.parse(e.message!)),
      [{ requestId: r.headers['apigw-requestid'], status: '200', routeKey: '$default', ip: '127.0.0.1', method: 'GET', err: '-' }],
    );
  });

  it('throttles a stage by its default route settings with 429 Too Many Requests', async () => {
    const { ApiId } = await env.v2.send(new CreateApiCommand({ Name: 'throttled', ProtocolType: 'HTTP', Target: fnArn('plain') }));
    await env.v2.send(new UpdateStageCommand({ ApiId, StageName: '$default', DefaultRouteSettings: { ThrottlingBurstLimit: 2, ThrottlingRateLimit: 0.001 } }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/t`)).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    const limited = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/t`);
    assert.deepEqual(limited.json(), { message: 'Too Many Requests' });
    // The bucket refills on the platform clock.
    env.server.clock.advance(1000 * 1000);
    assert.equal((await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/t`)).status, 200);
  });
});

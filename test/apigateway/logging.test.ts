import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig } from '../helpers/server.js';
import { definition as logs } from '../../src/services/logs/index.js';
import { http, startGateway, type Gateway } from './helpers.js';
import { ApiBuilder } from './build.js';

describe('apigateway access and execution logs', () => {
  let gw: Gateway;
  let cwl: CloudWatchLogsClient;
  before(async () => {
    gw = await startGateway([logs]);
    cwl = new CloudWatchLogsClient(clientConfig(gw.server.endpoint));
  });
  after(async () => {
    cwl.destroy();
    await gw.stop();
  });

  it('writes access logs in the stage format and execution logs at INFO to CloudWatch Logs', async () => {
    const api = await ApiBuilder.create(gw.client, 'logged');
    await api.method('/ok', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200' }]);
    await api.deploy('dev');
    await gw.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'dev',
        patchOperations: [
          { op: 'replace', path: '/accessLogSettings/destinationArn', value: 'arn:aws:logs:us-east-1:000000000000:log-group:access-logs' },
          { op: 'replace', path: '/accessLogSettings/format', value: '{"requestId":"$context.requestId","status":"$context.status","path":"$context.resourcePath","ip":"$context.identity.sourceIp","err":"$context.error.responseType"}' },
          { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
        ],
      }),
    );
    const ok = await http(gw.url(api.id, 'dev', '/ok'));
    const missing = await http(gw.url(api.id, 'dev', '/nope'));
    assert.equal(missing.status, 403);
    const access = await cwl.send(new FilterLogEventsCommand({ logGroupName: 'access-logs' }));
    const lines = (access.events ?? []).map((e) => JSON.parse(e.message!));
    assert.deepEqual(lines, [
      { requestId: ok.headers['x-amzn-requestid'], status: '200', path: '/ok', ip: '127.0.0.1', err: '-' },
      { requestId: missing.headers['x-amzn-requestid'], status: '403', path: '-', ip: '127.0.0.1', err: 'MISSING_AUTHENTICATION_TOKEN' },
    ]);
    const execution = await cwl.send(new FilterLogEventsCommand({ logGroupName: `API-Gateway-Execution-Logs_${api.id}/dev` }));
    assert.ok(execution.events?.some((e) => e.message!.includes(`(${ok.headers['x-amzn-requestid']}) Method completed with status: 200`)));
  });
});

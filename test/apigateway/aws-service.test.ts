import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig } from '../helpers/server.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { http, startGateway, type Gateway } from './helpers.js';
import { ApiBuilder } from './build.js';

describe('apigateway AWS service integrations', () => {
  let gw: Gateway;
  let ddb: DynamoDBClient;
  before(async () => {
    gw = await startGateway([dynamodb]);
    ddb = new DynamoDBClient(clientConfig(gw.server.endpoint));
    await ddb.send(
      new CreateTableCommand({ TableName: 'items', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
  });
  after(async () => {
    ddb.destroy();
    await gw.stop();
  });

  it('maps requests to DynamoDB actions and their answers back with templates and selection patterns', async () => {
    const api = await ApiBuilder.create(gw.client, 'ddb');
    await api.method(
      '/items/{id}',
      'PUT',
      {
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
        requestTemplates: { 'application/json': '{"TableName": "items", "Item": {"id": {"S": "$input.params(\'id\')"}, "name": {"S": "$util.escapeJavaScript($input.path(\'$.name\'))"}}}' },
      },
      {},
      [{ statusCode: '200', responseTemplates: { 'application/json': '{"stored": "$input.params(\'id\')"}' } }],
    );
    await api.method(
      '/items/{id}',
      'GET',
      {
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/GetItem',
        requestTemplates: { 'application/json': '{"TableName": "${stageVariables.table}", "Key": {"id": {"S": "$input.params(\'id\')"}}}' },
      },
      {},
      [
        { statusCode: '200', responseTemplates: { 'application/json': '#set($item = $input.path(\'$.Item\'))\n#if($item)\n{"id": "$item.id.S", "name": "$item.name.S"}\n#else\n#set($context.responseOverride.status = 404)\n{"error": "not found"}\n#end' } },
        { statusCode: '400', selectionPattern: '4\\d\\d', responseTemplates: { 'application/json': '{"error": "$util.escapeJavaScript($input.path(\'$.__type\'))"}' } },
      ],
    );
    await api.deploy('dev', { table: 'items' });
    const put = await http(gw.url(api.id, 'dev', '/items/a1'), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"name":"widget"}' });
    assert.equal(put.status, 200);
    assert.deepEqual(put.json(), { stored: 'a1' });
    const stored = await ddb.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: 'a1' } } }));
    assert.deepEqual(stored.Item, { id: { S: 'a1' }, name: { S: 'widget' } });
    const got = await http(gw.url(api.id, 'dev', '/items/a1'));
    assert.equal(got.status, 200);
    assert.deepEqual(got.json(), { id: 'a1', name: 'widget' });
    const missing = await http(gw.url(api.id, 'dev', '/items/zz'));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), { error: 'not found' });
    // a DynamoDB error (unknown table through the stage variable) is matched by status
    await api.deploy('broken', { table: 'nope' });
    const bad = await http(gw.url(api.id, 'broken', '/items/a1'));
    assert.equal(bad.status, 400);
    assert.match(bad.json().error, /ResourceNotFoundException/);
  });
});

/**
 * Models of WebSocket APIs and GetModelTemplate: the mapping template API Gateway generates from a
 * model's JSON schema, following `$ref`s to the API's other models.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateApiCommand, CreateModelCommand, GetModelTemplateCommand } from '@aws-sdk/client-apigatewayv2';
import { startEnv, type Env } from './helpers.js';

describe('apigatewayv2 GetModelTemplate', () => {
  let env: Env;
  before(async () => {
    env = await startEnv();
  });
  after(() => env.stop());

  it('renders the model\'s shape from the request body, with referenced models inlined', async () => {
    const api = (await env.v2.send(new CreateApiCommand({ Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }))).ApiId!;
    await env.v2.send(new CreateModelCommand({ ApiId: api, Name: 'User', ContentType: 'application/json', Schema: JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } }) }));
    const message = await env.v2.send(new CreateModelCommand({
      ApiId: api,
      Name: 'Message',
      ContentType: 'application/json',
      Schema: JSON.stringify({
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        properties: {
          text: { type: 'string' },
          count: { type: 'integer' },
          from: { $ref: `https://apigateway.amazonaws.com/restapis/${api}/models/User` },
          tags: { type: 'array', items: { type: 'string' } },
        },
      }),
    }));
    const { Value } = await env.v2.send(new GetModelTemplateCommand({ ApiId: api, ModelId: message.ModelId! }));
    assert.equal(
      Value,
      [
        "#set($inputRoot = $input.path('$'))",
        '{',
        '  "text" : "$inputRoot.text",',
        '  "count" : $inputRoot.count,',
        '  "from" : {',
        '    "name" : "$inputRoot.from.name"',
        '  },',
        '  "tags" : [',
        '#foreach($elem2 in $inputRoot.tags)',
        '    "$elem2"#if($foreach.hasNext),#end',
        '#end',
        '  ]',
        '}',
      ].join('\n'),
    );
    await assert.rejects(env.v2.send(new GetModelTemplateCommand({ ApiId: api, ModelId: 'nope' })), (e: Error) => e.name === 'NotFoundException');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiGatewayV2Client, CreateApiCommand, GetApiCommand, GetStageCommand } from '@aws-sdk/client-apigatewayv2';
import { clientConfig, startServer } from '../helpers/server.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';
import { http } from './helpers.js';

describe('apigatewayv2 durability', () => {
  it('serves an API created before a restart on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-apigwv2-'));
    try {
      let server = await startServer({ services: [apigatewayv2], config: { dataDir } });
      let client = new ApiGatewayV2Client(clientConfig(server.endpoint));
      const { ApiId } = await client.send(new CreateApiCommand({ Name: 'kept', ProtocolType: 'HTTP', Target: 'http://127.0.0.1:1/' }));
      const stage = await client.send(new GetStageCommand({ ApiId, StageName: '$default' }));
      client.destroy();
      await server.stop();

      server = await startServer({ services: [apigatewayv2], config: { dataDir } });
      client = new ApiGatewayV2Client(clientConfig(server.endpoint));
      assert.equal((await client.send(new GetApiCommand({ ApiId }))).Name, 'kept');
      assert.equal((await client.send(new GetStageCommand({ ApiId, StageName: '$default' }))).DeploymentId, stage.DeploymentId);
      // Known to the data plane at start: its HTTP proxy integration is tried (and fails), not a 404.
      const r = await http(`${server.endpoint}/_aws/execute-api/${ApiId}/x`);
      assert.equal(r.status, 500);
      assert.deepEqual(r.json(), { message: 'Internal Server Error' });
      client.destroy();
      await server.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** The AWS CLI: create-distribution's shorthand, create-invalidation, the distribution-deployed waiter, errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awsCli } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { startCloudFront } from './helpers.js';

describe('CloudFront with the AWS CLI', () => {
  let server: TestServer;
  const cli = (...args: string[]) => awsCli(['--endpoint-url', server.endpoint, 'cloudfront', ...args]);
  before(async () => {
    server = await startCloudFront();
  });
  after(() => server.stop());

  it('create-distribution --origin-domain-name, create-invalidation, wait distribution-deployed', async () => {
    const created = JSON.parse(await cli('create-distribution', '--origin-domain-name', 'mybucket.s3.amazonaws.com', '--default-root-object', 'index.html'));
    const id = created.Distribution.Id as string;
    assert.equal(created.Distribution.DistributionConfig.DefaultRootObject, 'index.html');
    assert.equal(created.Distribution.DistributionConfig.Origins.Items[0].DomainName, 'mybucket.s3.amazonaws.com');
    const inv = JSON.parse(await cli('create-invalidation', '--distribution-id', id, '--paths', '/*', '/index.html'));
    assert.equal(inv.Invalidation.Status, 'InProgress');
    assert.deepEqual(inv.Invalidation.InvalidationBatch.Paths.Items, ['/*', '/index.html']);
    await cli('wait', 'distribution-deployed', '--id', id);
    const got = JSON.parse(await cli('get-distribution', '--id', id));
    assert.equal(got.Distribution.Status, 'Deployed');
    await assert.rejects(cli('get-distribution', '--id', 'E0000000000000'), /NoSuchDistribution.*The specified distribution does not exist\./);
  });
});

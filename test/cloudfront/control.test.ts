/** The CloudFront control plane: distributions with ETags and If-Match, status transitions, validation, invalidations, policies, tags. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import type { TestServer } from '../helpers/server.js';
import { awsError, cloudFrontClient, s3Config, startCloudFront } from './helpers.js';

describe('CloudFront distributions', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  before(async () => {
    server = await startCloudFront({ config: { services: { cloudfront: { deploymentMs: 5 * 60 * 1000 } } } });
    cf = cloudFrontClient(server);
  });
  after(() => server.stop());

  it('create, get, update with If-Match, disable, delete; InProgress then Deployed on the platform clock', async () => {
    const created = await cf.send(new CF.CreateDistributionCommand({ DistributionConfig: s3Config('ref-1', 'site', { DefaultRootObject: 'index.html' }) }));
    const d = created.Distribution!;
    assert.match(d.Id!, /^E[A-Z0-9]{13}$/);
    assert.match(d.DomainName!, /^d[a-z0-9]{13}\.cloudfront\.net$/);
    assert.equal(d.ARN, `arn:aws:cloudfront::000000000000:distribution/${d.Id}`);
    assert.equal(d.Status, 'InProgress');
    assert.equal(created.Location, `https://cloudfront.amazonaws.com/2020-05-31/distribution/${d.Id}`);
    assert.ok(created.ETag);
    // The defaults CloudFront fills in.
    const config = d.DistributionConfig!;
    assert.equal(config.PriceClass, 'PriceClass_All');
    assert.equal(config.HttpVersion, 'http2');
    assert.deepEqual(config.DefaultCacheBehavior!.AllowedMethods!.Items, ['HEAD', 'GET']);
    assert.equal(config.Origins!.Items![0]!.ConnectionAttempts, 3);
    assert.equal(config.CacheBehaviors!.Quantity, 0);

    const got = await cf.send(new CF.GetDistributionCommand({ Id: d.Id }));
    assert.equal(got.Distribution!.Status, 'InProgress');
    assert.equal(got.ETag, created.ETag);
    server.clock.advance(5 * 60 * 1000);
    assert.equal((await cf.send(new CF.GetDistributionCommand({ Id: d.Id }))).Distribution!.Status, 'Deployed');

    const cfg = await cf.send(new CF.GetDistributionConfigCommand({ Id: d.Id }));
    assert.equal(cfg.ETag, created.ETag);
    assert.equal(cfg.DistributionConfig!.DefaultRootObject, 'index.html');

    await assert.rejects(
      cf.send(new CF.UpdateDistributionCommand({ Id: d.Id, DistributionConfig: { ...cfg.DistributionConfig!, Enabled: false } })),
      awsError('InvalidIfMatchVersion', 400, 'The If-Match version is missing or not valid for the resource.'),
    );
    await assert.rejects(
      cf.send(new CF.UpdateDistributionCommand({ Id: d.Id, IfMatch: 'E0000000000000', DistributionConfig: { ...cfg.DistributionConfig!, Enabled: false } })),
      awsError('PreconditionFailed', 412, "The request failed because it didn't meet the preconditions in one or more request-header fields."),
    );
    await assert.rejects(cf.send(new CF.DeleteDistributionCommand({ Id: d.Id, IfMatch: cfg.ETag })), awsError('DistributionNotDisabled', 409, 'The distribution you are trying to delete has not been disabled.'));

    const updated = await cf.send(new CF.UpdateDistributionCommand({ Id: d.Id, IfMatch: cfg.ETag, DistributionConfig: { ...cfg.DistributionConfig!, Enabled: false } }));
    assert.notEqual(updated.ETag, cfg.ETag);
    assert.equal(updated.Distribution!.Status, 'InProgress');
    // Disabled but not yet deployed: still not deletable.
    await assert.rejects(cf.send(new CF.DeleteDistributionCommand({ Id: d.Id, IfMatch: updated.ETag })), awsError('DistributionNotDisabled', 409));
    server.clock.advance(5 * 60 * 1000);
    await assert.rejects(cf.send(new CF.DeleteDistributionCommand({ Id: d.Id, IfMatch: cfg.ETag })), awsError('PreconditionFailed', 412));
    await cf.send(new CF.DeleteDistributionCommand({ Id: d.Id, IfMatch: updated.ETag }));
    await assert.rejects(cf.send(new CF.GetDistributionCommand({ Id: d.Id })), awsError('NoSuchDistribution', 404, 'The specified distribution does not exist.'));
  });

  it('refuses malformed configs with AWS errors', async () => {
    const base = s3Config('bad', 'site');
    const send = (c: CF.DistributionConfig) => cf.send(new CF.CreateDistributionCommand({ DistributionConfig: c }));
    await assert.rejects(send({ ...base, Origins: { Quantity: 2, Items: base.Origins!.Items } }), awsError('InconsistentQuantities', 400, "The value of Quantity and the size of Items don't match."));
    await assert.rejects(send({ ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, TargetOriginId: 'nope' } }), awsError('NoSuchOrigin', 404, 'One or more of your origins or origin groups do not exist.'));
    await assert.rejects(send({ ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, CachePolicyId: undefined } }), awsError('InvalidArgument', 400, 'The parameter ForwardedValues is required.'));
    await assert.rejects(send({ ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, CachePolicyId: '00000000-0000-0000-0000-000000000000' } }), awsError('NoSuchCachePolicy', 404, 'The cache policy does not exist.'));
    await assert.rejects(send({ ...base, DefaultRootObject: '/index.html' }), awsError('InvalidDefaultRootObject', 400, 'The specified default root object is invalid.'));
    const lambda = (arn: string) => ({ ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, LambdaFunctionAssociations: { Quantity: 1, Items: [{ EventType: 'origin-request' as const, LambdaFunctionARN: arn }] } } });
    const unversioned = 'arn:aws:lambda:us-east-1:000000000000:function:edge';
    await assert.rejects(
      send(lambda(unversioned)),
      awsError('InvalidLambdaFunctionAssociation', 400, `The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: ${unversioned}`),
    );
    await assert.rejects(send(lambda(unversioned + ':$LATEST')), awsError('InvalidLambdaFunctionAssociation', 400, /must reference a specific function version/));
    await assert.rejects(send(lambda('arn:aws:lambda:eu-west-1:000000000000:function:edge:1')), awsError('InvalidLambdaFunctionAssociation', 400, /region 'us-east-1'/));
    // What the model requires is checked as CloudFront checks it: MalformedXML.
    await assert.rejects(
      send({ ...base, Enabled: undefined } as unknown as CF.DistributionConfig),
      awsError('MalformedXML', 400, "1 validation error detected: Value null at 'distributionConfig.enabled' failed to satisfy constraint: Member must not be null"),
    );
    const ok = await send(base);
    await assert.rejects(send(base), awsError('DistributionAlreadyExists', 409, new RegExp(`Already exists: ${ok.Distribution!.Id}$`)));
  });

  it('lists distributions in pages', async () => {
    for (const ref of ['list-a', 'list-b', 'list-c']) await cf.send(new CF.CreateDistributionCommand({ DistributionConfig: s3Config(ref, 'site') }));
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await cf.send(new CF.ListDistributionsCommand({ MaxItems: 2, Marker: marker }));
      assert.ok(page.DistributionList!.Quantity! <= 2);
      for (const s of page.DistributionList!.Items ?? []) seen.push(s.Id!);
      marker = page.DistributionList!.NextMarker;
      assert.equal(page.DistributionList!.IsTruncated, marker !== undefined);
    } while (marker);
    assert.ok(seen.length >= 3);
    assert.deepEqual(seen, [...seen].sort());
  });

  it('invalidations: created InProgress, Completed later, listed newest first; tags', async () => {
    const d = (await cf.send(new CF.CreateDistributionWithTagsCommand({ DistributionConfigWithTags: { DistributionConfig: s3Config('inv', 'site'), Tags: { Items: [{ Key: 'team', Value: 'web' }] } } }))).Distribution!;
    const tags = await cf.send(new CF.ListTagsForResourceCommand({ Resource: d.ARN }));
    assert.deepEqual(tags.Tags!.Items, [{ Key: 'team', Value: 'web' }]);
    await cf.send(new CF.TagResourceCommand({ Resource: d.ARN, Tags: { Items: [{ Key: 'env', Value: 'dev' }] } }));
    await cf.send(new CF.UntagResourceCommand({ Resource: d.ARN, TagKeys: { Items: ['team'] } }));
    assert.deepEqual((await cf.send(new CF.ListTagsForResourceCommand({ Resource: d.ARN }))).Tags!.Items, [{ Key: 'env', Value: 'dev' }]);

    const inv = await cf.send(new CF.CreateInvalidationCommand({ DistributionId: d.Id, InvalidationBatch: { CallerReference: 'i1', Paths: { Quantity: 2, Items: ['/index.html', '/img/*'] } } }));
    assert.match(inv.Invalidation!.Id!, /^I[A-Z0-9]{13}$/);
    assert.equal(inv.Invalidation!.Status, 'InProgress');
    const again = await cf.send(new CF.CreateInvalidationCommand({ DistributionId: d.Id, InvalidationBatch: { CallerReference: 'i1', Paths: { Quantity: 2, Items: ['/index.html', '/img/*'] } } }));
    assert.equal(again.Invalidation!.Id, inv.Invalidation!.Id);
    assert.equal((await cf.send(new CF.GetDistributionCommand({ Id: d.Id }))).Distribution!.InProgressInvalidationBatches, 1);
    server.clock.advance(5 * 60 * 1000);
    const got = await cf.send(new CF.GetInvalidationCommand({ DistributionId: d.Id, Id: inv.Invalidation!.Id }));
    assert.equal(got.Invalidation!.Status, 'Completed');
    assert.deepEqual(got.Invalidation!.InvalidationBatch!.Paths!.Items, ['/index.html', '/img/*']);
    server.clock.advance(1000);
    const second = await cf.send(new CF.CreateInvalidationCommand({ DistributionId: d.Id, InvalidationBatch: { CallerReference: 'i2', Paths: { Quantity: 1, Items: ['/*'] } } }));
    const list = await cf.send(new CF.ListInvalidationsCommand({ DistributionId: d.Id }));
    assert.deepEqual(list.InvalidationList!.Items!.map((i) => i.Id), [second.Invalidation!.Id, inv.Invalidation!.Id]);
    await assert.rejects(cf.send(new CF.GetInvalidationCommand({ DistributionId: d.Id, Id: 'INOPE000000000' })), awsError('NoSuchInvalidation', 404, 'The specified invalidation does not exist.'));
    await assert.rejects(
      cf.send(new CF.CreateInvalidationCommand({ DistributionId: d.Id, InvalidationBatch: { CallerReference: 'i3', Paths: { Quantity: 1, Items: ['no-slash'] } } })),
      awsError('InvalidArgument', 400, 'Your request contains one or more invalid invalidation paths.'),
    );
  });

  it('managed and custom cache policies', async () => {
    const headersPolicy = await cf.send(new CF.GetResponseHeadersPolicyCommand({ Id: '67f7725c-6f97-4210-82d7-5512b31e9d03' }));
    assert.equal(headersPolicy.ResponseHeadersPolicy!.ResponseHeadersPolicyConfig!.Name, 'Managed-SecurityHeadersPolicy');
    const custom = await cf.send(
      new CF.CreateResponseHeadersPolicyCommand({ ResponseHeadersPolicyConfig: { Name: 'hdrs', CustomHeadersConfig: { Quantity: 1, Items: [{ Header: 'x-a', Value: '1', Override: true }] } } }),
    );
    const changed = await cf.send(
      new CF.UpdateResponseHeadersPolicyCommand({
        Id: custom.ResponseHeadersPolicy!.Id,
        IfMatch: custom.ETag,
        ResponseHeadersPolicyConfig: { Name: 'hdrs', CustomHeadersConfig: { Quantity: 1, Items: [{ Header: 'x-a', Value: '2', Override: true }] } },
      }),
    );
    assert.notEqual(changed.ETag, custom.ETag);
    assert.equal(changed.ResponseHeadersPolicy!.ResponseHeadersPolicyConfig!.CustomHeadersConfig!.Items![0]!.Value, '2');
    await assert.rejects(
      cf.send(new CF.UpdateResponseHeadersPolicyCommand({ Id: '67f7725c-6f97-4210-82d7-5512b31e9d03', IfMatch: headersPolicy.ETag, ResponseHeadersPolicyConfig: { Name: 'x' } })),
      awsError('IllegalUpdate', 400),
    );
    await assert.rejects(cf.send(new CF.GetResponseHeadersPolicyCommand({ Id: 'nope' })), awsError('NoSuchResponseHeadersPolicy', 404, 'The response headers policy does not exist.'));
    const managed = await cf.send(new CF.GetCachePolicyCommand({ Id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }));
    assert.equal(managed.CachePolicy!.CachePolicyConfig!.Name, 'Managed-CachingDisabled');
    assert.equal(managed.CachePolicy!.CachePolicyConfig!.MaxTTL, 0);
    const created = await cf.send(
      new CF.CreateCachePolicyCommand({
        CachePolicyConfig: {
          Name: 'mine',
          MinTTL: 0,
          DefaultTTL: 60,
          MaxTTL: 600,
          ParametersInCacheKeyAndForwardedToOrigin: {
            EnableAcceptEncodingGzip: false,
            HeadersConfig: { HeaderBehavior: 'none' },
            CookiesConfig: { CookieBehavior: 'none' },
            QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: { Quantity: 1, Items: ['v'] } },
          },
        },
      }),
    );
    const id = created.CachePolicy!.Id!;
    const list = await cf.send(new CF.ListCachePoliciesCommand({ Type: 'custom' }));
    assert.deepEqual(list.CachePolicyList!.Items!.map((p) => p.CachePolicy!.Id), [id]);
    assert.ok((await cf.send(new CF.ListCachePoliciesCommand({ Type: 'managed' }))).CachePolicyList!.Items!.some((p) => p.CachePolicy!.Id === '658327ea-f89d-4fab-a63d-7e88639e58f6'));
    await assert.rejects(
      cf.send(new CF.CreateCachePolicyCommand({ CachePolicyConfig: { ...created.CachePolicy!.CachePolicyConfig!, MinTTL: 0 } })),
      awsError('CachePolicyAlreadyExists', 409),
    );
    const d = await cf.send(new CF.CreateDistributionCommand({ DistributionConfig: s3Config('policy-user', 'site', { DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: id } }) }));
    await assert.rejects(cf.send(new CF.DeleteCachePolicyCommand({ Id: id, IfMatch: created.ETag })), awsError('CachePolicyInUse', 409));
    assert.equal(d.Distribution!.DistributionConfig!.DefaultCacheBehavior!.CachePolicyId, id);
    const using = await cf.send(new CF.ListDistributionsByCachePolicyIdCommand({ CachePolicyId: id }));
    assert.deepEqual(using.DistributionIdList!.Items, [d.Distribution!.Id]);
    await assert.rejects(cf.send(new CF.ListDistributionsByCachePolicyIdCommand({ CachePolicyId: 'nope' })), awsError('NoSuchCachePolicy', 404));
  });

  it('origin access controls: create, use from an S3 origin, refused delete while in use', async () => {
    const oac = await cf.send(
      new CF.CreateOriginAccessControlCommand({ OriginAccessControlConfig: { Name: 'site-oac', SigningProtocol: 'sigv4', SigningBehavior: 'always', OriginAccessControlOriginType: 's3' } }),
    );
    const id = oac.OriginAccessControl!.Id!;
    assert.equal((await cf.send(new CF.GetOriginAccessControlCommand({ Id: id }))).OriginAccessControl!.OriginAccessControlConfig!.Name, 'site-oac');
    const base = s3Config('oac-user', 'site');
    const withOac = (oacId: string): CF.DistributionConfig => ({ ...base, Origins: { Quantity: 1, Items: [{ ...base.Origins!.Items![0]!, OriginAccessControlId: oacId }] } });
    await assert.rejects(cf.send(new CF.CreateDistributionCommand({ DistributionConfig: withOac('E0000000000000') })), awsError('NoSuchOriginAccessControl', 404));
    await cf.send(new CF.CreateDistributionCommand({ DistributionConfig: withOac(id) }));
    await assert.rejects(cf.send(new CF.DeleteOriginAccessControlCommand({ Id: id, IfMatch: oac.ETag })), awsError('OriginAccessControlInUse', 409));
    const list = await cf.send(new CF.ListOriginAccessControlsCommand({}));
    assert.deepEqual(list.OriginAccessControlList!.Items!.map((o) => o.Id), [id]);
  });
});

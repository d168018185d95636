/**
 * Private content: public keys and key groups, cache behaviors trusting a key group, signed URLs
 * (canned and custom policies) and signed cookies checked at the edge with CloudFront's 403 XML;
 * geographic restrictions with the viewer's country from the x-stratus-viewer-country header.
 * Signing follows AWS's documentation with node:crypto (RSA-SHA1, CloudFront's base64 variant).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { s3Client } from '../s3/helpers.js';
import { awsError, cloudFrontClient, definition, edge, s3Config, startCloudFront } from './helpers.js';

const cfBase64 = (b: Buffer): string => b.toString('base64').replace(/\+/g, '-').replace(/=/g, '_').replace(/\//g, '~');
const signPolicy = (policy: string, key: KeyObject): string => cfBase64(sign('sha1', Buffer.from(policy), key));
const canned = (url: string, expires: number): string => `{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;

describe('CloudFront signed URLs, signed cookies and geo restriction', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  let privateKey: KeyObject;
  let keyId: string;
  let groupId: string;
  let host: string;
  let domain: string;
  let distributionId: string;
  before(async () => {
    server = await startCloudFront({}, [definition, s3Service]);
    cf = cloudFrontClient(server);
    const s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'private' }));
    for (const Key of ['index.html', 'private/a.txt', 'private/b.txt']) await s3.send(new S3.PutObjectCommand({ Bucket: 'private', Key, Body: `body of ${Key}` }));
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pk = await cf.send(new CF.CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: 'k1', Name: 'signer', EncodedKey: pem, Comment: 'test' } }));
    keyId = pk.PublicKey!.Id!;
    assert.match(keyId, /^K[A-Z0-9]{13}$/);
    const kg = await cf.send(new CF.CreateKeyGroupCommand({ KeyGroupConfig: { Name: 'signers', Items: [keyId] } }));
    groupId = kg.KeyGroup!.Id!;
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: s3Config('signed', 'private', {
          CacheBehaviors: {
            Quantity: 1,
            Items: [
              {
                PathPattern: '/private/*',
                TargetOriginId: 's3',
                ViewerProtocolPolicy: 'allow-all',
                CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
                TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: [groupId] },
              },
            ],
          },
        }),
      }),
    );
    distributionId = d.Distribution!.Id!;
    domain = d.Distribution!.DomainName!;
    host = `${distributionId.toLowerCase()}.cloudfront.localhost`;
    assert.deepEqual(d.Distribution!.ActiveTrustedKeyGroups, { Enabled: true, Quantity: 1, Items: [{ KeyGroupId: groupId, KeyPairIds: { Quantity: 1, Items: [keyId] } }] });
  });
  after(() => server.stop());

  it('public keys and key groups: immutable keys, keys in use, unknown groups, groups in use', async () => {
    await assert.rejects(cf.send(new CF.CreatePublicKeyCommand({ PublicKeyConfig: { CallerReference: 'bad', Name: 'bad', EncodedKey: 'not a key' } })), awsError('InvalidArgument', 400));
    const got = await cf.send(new CF.GetPublicKeyCommand({ Id: keyId }));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await assert.rejects(
      cf.send(new CF.UpdatePublicKeyCommand({ Id: keyId, IfMatch: got.ETag, PublicKeyConfig: { ...got.PublicKey!.PublicKeyConfig!, EncodedKey: other } })),
      awsError('CannotChangeImmutablePublicKeyFields', 400),
    );
    const updated = await cf.send(new CF.UpdatePublicKeyCommand({ Id: keyId, IfMatch: got.ETag, PublicKeyConfig: { ...got.PublicKey!.PublicKeyConfig!, Comment: 'renamed' } }));
    assert.equal(updated.PublicKey!.PublicKeyConfig!.Comment, 'renamed');
    await assert.rejects(cf.send(new CF.DeletePublicKeyCommand({ Id: keyId, IfMatch: updated.ETag })), awsError('PublicKeyInUse', 409));
    await assert.rejects(
      cf.send(new CF.CreateDistributionCommand({ DistributionConfig: s3Config('nogroup', 'private', { DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', TrustedKeyGroups: { Enabled: true, Quantity: 1, Items: ['00000000-0000-0000-0000-000000000000'] } } }) })),
      awsError('TrustedKeyGroupDoesNotExist', 400),
    );
    const group = await cf.send(new CF.GetKeyGroupCommand({ Id: groupId }));
    await assert.rejects(cf.send(new CF.DeleteKeyGroupCommand({ Id: groupId, IfMatch: group.ETag })), awsError('ResourceInUse', 409));
    const byGroup = await cf.send(new CF.ListDistributionsByKeyGroupCommand({ KeyGroupId: groupId }));
    assert.deepEqual(byGroup.DistributionIdList!.Items, [distributionId]);
    assert.equal((await cf.send(new CF.ListPublicKeysCommand({}))).PublicKeyList!.Quantity, 1);
    assert.equal((await cf.send(new CF.ListKeyGroupsCommand({}))).KeyGroupList!.Items![0]!.KeyGroup!.KeyGroupConfig!.Name, 'signers');
  });

  it('a canned-policy signed URL opens the private path; missing, unknown, tampered and expired ones get the 403 XML', async () => {
    assert.equal((await edge(server, host, '/index.html')).status, 200);
    const missing = await edge(server, host, '/private/a.txt');
    assert.equal(missing.status, 403);
    assert.equal(missing.body, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>MissingKey</Code><Message>Missing Key-Pair-Id query parameter or cookie value</Message></Error>');
    assert.equal(missing.headers['x-cache'], 'Error from cloudfront');

    const expires = Math.floor(Date.now() / 1000) + 3600;
    const signature = signPolicy(canned(`https://${domain}/private/a.txt`, expires), privateKey);
    const ok = await edge(server, host, `/private/a.txt?Expires=${expires}&Signature=${signature}&Key-Pair-Id=${keyId}`);
    assert.equal(ok.status, 200);
    assert.equal(ok.body, 'body of private/a.txt');

    const unknown = await edge(server, host, `/private/a.txt?Expires=${expires}&Signature=${signature}&Key-Pair-Id=KUNKNOWN000000`);
    assert.match(unknown.body, /<Code>InvalidKey<\/Code><Message>Unknown Key<\/Message>/);
    // The signature of a.txt does not open b.txt.
    const other = await edge(server, host, `/private/b.txt?Expires=${expires}&Signature=${signature}&Key-Pair-Id=${keyId}`);
    assert.equal(other.status, 403);
    assert.match(other.body, /<Code>AccessDenied<\/Code><Message>Access denied<\/Message>/);
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await edge(server, host, `/private/a.txt?Expires=${past}&Signature=${signPolicy(canned(`https://${domain}/private/a.txt`, past), privateKey)}&Key-Pair-Id=${keyId}`);
    assert.equal(expired.status, 403);
    assert.match(expired.body, /AccessDenied/);
  });

  it('custom policies: wildcards, DateGreaterThan, IpAddress; and the same policy as signed cookies', async () => {
    const now = Math.floor(Date.now() / 1000);
    const policy = (cond: Record<string, unknown>) => JSON.stringify({ Statement: [{ Resource: `https://${domain}/private/*`, Condition: { DateLessThan: { 'AWS:EpochTime': now + 600 }, ...cond } }] });
    const url = (p: string) => `Policy=${cfBase64(Buffer.from(p))}&Signature=${signPolicy(p, privateKey)}&Key-Pair-Id=${keyId}`;
    const open = policy({ IpAddress: { 'AWS:SourceIp': '127.0.0.0/8' } });
    assert.equal((await edge(server, host, `/private/b.txt?${url(open)}`)).status, 200);
    assert.equal((await edge(server, host, `/private/b.txt?${url(policy({ IpAddress: { 'AWS:SourceIp': '10.0.0.0/8' } }))}`)).status, 403);
    assert.equal((await edge(server, host, `/private/b.txt?${url(policy({ DateGreaterThan: { 'AWS:EpochTime': now + 300 } }))}`)).status, 403);

    const cookie = `CloudFront-Policy=${cfBase64(Buffer.from(open))}; CloudFront-Signature=${signPolicy(open, privateKey)}; CloudFront-Key-Pair-Id=${keyId}`;
    const withCookies = await edge(server, host, '/private/a.txt', { headers: { cookie } });
    assert.equal(withCookies.status, 200);
    const tampered = await edge(server, host, '/private/a.txt', { headers: { cookie: cookie.replace('CloudFront-Signature=', 'CloudFront-Signature=AA') } });
    assert.equal(tampered.status, 403);
    assert.match(tampered.body, /AccessDenied/);
  });

  it('geo restriction: an allow list admits its countries, refuses others with the 403 page, serves unknown viewers', async () => {
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: s3Config('geo', 'private', { Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Quantity: 2, Items: ['FR', 'DE'] } } }),
      }),
    );
    const geoHost = `${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost`;
    const fr = await edge(server, geoHost, '/index.html', { headers: { 'x-stratus-viewer-country': 'FR' } });
    assert.equal(fr.status, 200);
    const us = await edge(server, geoHost, '/index.html', { headers: { 'x-stratus-viewer-country': 'US' } });
    assert.equal(us.status, 403);
    assert.match(us.body, /The Amazon CloudFront distribution is configured to block access from your country\./);
    assert.equal(us.headers['x-cache'], 'Error from cloudfront');
    assert.equal((await edge(server, geoHost, '/index.html')).status, 200);
    // The country is what origins see as CloudFront-Viewer-Country when a policy forwards it (here, to a function).
    const fn = await cf.send(
      new CF.CreateFunctionCommand({
        Name: 'country',
        FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' },
        FunctionCode: Buffer.from("function handler(e) { var c = e.request.headers['cloudfront-viewer-country']; return { statusCode: 200, statusDescription: 'OK', body: c ? c.value : 'none' }; }"),
      }),
    );
    const arn = (await cf.send(new CF.PublishFunctionCommand({ Name: 'country', IfMatch: fn.ETag }))).FunctionSummary!.FunctionMetadata!.FunctionARN!;
    const byFn = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: s3Config('geo-fn', 'private', {
          DefaultCacheBehavior: { TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: arn }] } },
        }),
      }),
    );
    const fnHost = `${byFn.Distribution!.Id!.toLowerCase()}.cloudfront.localhost`;
    assert.equal((await edge(server, fnHost, '/', { headers: { 'x-stratus-viewer-country': 'de', 'cloudfront-viewer-country': 'XX' } })).body, 'DE');
    assert.equal((await edge(server, fnHost, '/', { headers: { 'cloudfront-viewer-country': 'XX' } })).body, 'none');
    await assert.rejects(
      cf.send(new CF.CreateDistributionCommand({ DistributionConfig: s3Config('geo-bad', 'private', { Restrictions: { GeoRestriction: { RestrictionType: 'blacklist', Quantity: 1, Items: ['usa'] } } }) })),
      awsError('InvalidLocationCode', 400),
    );
  });
});

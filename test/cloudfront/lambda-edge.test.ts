/**
 * Lambda@Edge: an origin-request function choosing the origin and rewriting the path, an
 * origin-response function adding security headers, a viewer-request function answering itself,
 * and a failing function answered with CloudFront's 503.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import { CreateFunctionUrlConfigCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { clientConfig, type TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { SERVICES, createFunction } from '../lambda/helpers.js';
import { s3Client } from '../s3/helpers.js';
import { awsError, cloudFrontClient, definition, edge, startCloudFront } from './helpers.js';

const ROUTER = `
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const kind = request.origin.s3 ? 's3' : 'custom';
  if (request.uri.startsWith('/api/')) {
    request.origin = { custom: { domainName: 'api.localhost', port: Number(request.headers['x-test-port'][0].value), protocol: 'http', path: '/v2', sslProtocols: ['TLSv1.2'], readTimeout: 5, keepaliveTimeout: 5, customHeaders: {} } };
    request.headers['host'] = [{ key: 'Host', value: 'api.localhost' }];
  }
  request.headers['x-seen-event'] = [{ key: 'X-Seen-Event', value: event.Records[0].cf.config.eventType + ' ' + kind }];
  return request;
};`;

const SECURITY = `
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
  response.headers['x-origin-status'] = [{ key: 'X-Origin-Status', value: response.status }];
  return response;
};`;

const BAD_HEADERS = `
exports.handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['x-real-ip'] = [{ key: 'X-Real-IP', value: '1.2.3.4' }];
  return response;
};`;

const URL_FN = `
exports.handler = async (event) => ({ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'url ' + event.rawPath + ' ' + event.requestContext.authorizer.iam.accountId });`;

const GATE = `
exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.endsWith('/boom')) throw new Error('boom');
  if (!request.headers['authorization']) return { status: '401', statusDescription: 'Unauthorized', headers: { 'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic' }] }, body: 'no' };
  return request;
};`;

describe('Lambda@Edge', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  let host: string;
  let port: number;
  let apiSeen: { path: string; event?: string }[] = [];
  before(async () => {
    server = await startCloudFront(
      {
        config: { services: { lambda: { idleTimeoutSeconds: 600 } } },
        extraDataPlanes: () => [
          {
            host: /^api\.localhost$/,
            handle: (req, res) => {
              apiSeen.push({ path: req.rawPath, event: req.headers['x-seen-event'] });
              res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
              res.end('api ' + req.rawPath);
            },
          },
        ],
      },
      [definition, s3Service, ...SERVICES],
    );
    port = Number(new URL(server.endpoint).port);
    cf = cloudFrontClient(server);
    const lambda = new LambdaClient(clientConfig(server.endpoint));
    const s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'assets' }));
    await s3.send(new S3.PutObjectCommand({ Bucket: 'assets', Key: 'app.js', Body: 'console.log(1)', ContentType: 'application/javascript' }));
    const arns: Record<string, string> = {};
    for (const [name, code] of [['router', ROUTER], ['security', SECURITY], ['gate', GATE], ['badheaders', BAD_HEADERS]] as const) {
      await createFunction(lambda, name, { 'index.js': code });
      arns[name] = (await lambda.send(new PublishVersionCommand({ FunctionName: name }))).FunctionArn!;
    }
    assert.match(arns.router!, /:router:1$/);
    await createFunction(lambda, 'urlfn', { 'index.js': URL_FN });
    const url = await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'urlfn', AuthType: 'AWS_IAM' }));
    const urlDomain = new URL(url.FunctionUrl!).hostname;
    const oac = await cf.send(
      new CF.CreateOriginAccessControlCommand({ OriginAccessControlConfig: { Name: 'url-oac', SigningProtocol: 'sigv4', SigningBehavior: 'always', OriginAccessControlOriginType: 'lambda' } }),
    );
    const urlOrigin = (Id: string, OriginAccessControlId?: string) => ({
      Id,
      DomainName: urlDomain,
      CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' as const },
      ...(OriginAccessControlId ? { OriginAccessControlId } : {}),
    });
    await createFunction(lambda, 'withenv', { 'index.js': ROUTER }, { Environment: { Variables: { STAGE: 'prod' } } });
    arns.withenv = (await lambda.send(new PublishVersionCommand({ FunctionName: 'withenv' }))).FunctionArn!;
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: 'edge',
          Comment: '',
          Enabled: true,
          Origins: {
            Quantity: 3,
            Items: [{ Id: 's3', DomainName: 'assets.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }, urlOrigin('url', oac.OriginAccessControl!.Id), urlOrigin('url-unsigned')],
          },
          DefaultCacheBehavior: {
            TargetOriginId: 's3',
            ViewerProtocolPolicy: 'allow-all',
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            OriginRequestPolicyId: '216adef6-5c7f-47e4-b989-5492eafa07d3',
            LambdaFunctionAssociations: {
              Quantity: 2,
              Items: [
                { EventType: 'origin-request', LambdaFunctionARN: arns.router },
                { EventType: 'origin-response', LambdaFunctionARN: arns.security },
              ],
            },
          },
          CacheBehaviors: {
            Quantity: 4,
            Items: [
              { PathPattern: '/fn/*', TargetOriginId: 'url', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
              { PathPattern: '/unsigned/*', TargetOriginId: 'url-unsigned', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
              {
                PathPattern: '/bad/*',
                TargetOriginId: 's3',
                ViewerProtocolPolicy: 'allow-all',
                CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
                LambdaFunctionAssociations: { Quantity: 1, Items: [{ EventType: 'origin-response', LambdaFunctionARN: arns.badheaders }] },
              },
              {
                PathPattern: '/private/*',
                TargetOriginId: 's3',
                ViewerProtocolPolicy: 'allow-all',
                CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
                LambdaFunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', LambdaFunctionARN: arns.gate }] },
              },
            ],
          },
        },
      }),
    );
    host = `${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost`;
  });
  after(() => server.stop());

  it('refuses versions that do not exist or have environment variables, as CloudFront does', async () => {
    const config = (arn: string): CF.DistributionConfig => ({
      CallerReference: 'bad-' + arn,
      Comment: '',
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 's3', DomainName: 'assets.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
      DefaultCacheBehavior: {
        TargetOriginId: 's3',
        ViewerProtocolPolicy: 'allow-all',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        LambdaFunctionAssociations: { Quantity: 1, Items: [{ EventType: 'origin-request', LambdaFunctionARN: arn }] },
      },
    });
    const missing = 'arn:aws:lambda:us-east-1:000000000000:function:router:9';
    await assert.rejects(
      cf.send(new CF.CreateDistributionCommand({ DistributionConfig: config(missing) })),
      awsError('InvalidLambdaFunctionAssociation', 400, `Lambda@Edge cannot retrieve the specified Lambda function. Update the IAM policy to add permission: lambda:GetFunction for resource: ${missing} and try again.`),
    );
    const withEnv = 'arn:aws:lambda:us-east-1:000000000000:function:withenv:1';
    await assert.rejects(
      cf.send(new CF.CreateDistributionCommand({ DistributionConfig: config(withEnv) })),
      awsError('InvalidLambdaFunctionAssociation', 400, `The function cannot have environment variables. Function: ${withEnv}`),
    );
  });

  it('origin-response adds security headers to what S3 answers; origin-request sees the S3 origin', async () => {
    const r = await edge(server, host, '/app.js', { headers: { 'x-test-port': String(port) } });
    assert.equal(r.status, 200);
    assert.equal(r.body, 'console.log(1)');
    assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
    assert.equal(r.headers['x-origin-status'], '200');
    // Cached with its headers: the functions do not run on a hit.
    const hit = await edge(server, host, '/app.js', { headers: { 'x-test-port': String(port) } });
    assert.equal(hit.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(hit.headers['strict-transport-security'], 'max-age=63072000');
  });

  it('origin-request chooses a custom origin and its path for /api/', async () => {
    apiSeen = [];
    const r = await edge(server, host, '/api/users', { headers: { 'x-test-port': String(port) } });
    assert.equal(r.status, 200);
    assert.equal(r.body, 'api /v2/api/users');
    assert.deepEqual(apiSeen, [{ path: '/v2/api/users', event: 'origin-request s3' }]);
    assert.equal(r.headers['strict-transport-security'], 'max-age=63072000');
  });

  it('viewer-request generates a response; a function error is CloudFront\'s 503', async () => {
    const denied = await edge(server, host, '/private/x');
    assert.equal(denied.status, 401);
    assert.equal(denied.body, 'no');
    assert.equal(denied.headers['www-authenticate'], 'Basic');
    const boom = await edge(server, host, '/private/boom', { headers: { authorization: 'Basic eA==' } });
    assert.equal(boom.status, 503);
    assert.equal(boom.headers['x-cache'], 'LambdaExecutionError from cloudfront');
  });

  it('an origin access control signs requests to an AWS_IAM function URL origin', async () => {
    const signed = await edge(server, host, '/fn/hello');
    assert.equal(signed.status, 200);
    assert.equal(signed.body, 'url /fn/hello 000000000000');
    const unsigned = await edge(server, host, '/unsigned/hello');
    assert.equal(unsigned.status, 403);
  });

  it('a function setting a disallowed header is CloudFront\'s 502 LambdaValidationError', async () => {
    const r = await edge(server, host, '/bad/app.js');
    assert.equal(r.status, 502);
    assert.equal(r.headers['x-cache'], 'LambdaValidationError from cloudfront');
  });
});

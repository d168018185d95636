/**
 * Data-plane routing: a host a route owns before path prefixes, the plain endpoint by path only,
 * routes that decline from the head; and, through the server, that a data plane which does not
 * serve a request (API Gateway's custom domains for an unknown host, a route that declines) leaves
 * a streaming AWS call streaming.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpRequest } from '../../src/core/http.js';
import { DataPlaneRouter } from '../../src/server/dataplane-router.js';
import { IncomingBody } from '../../src/server/body.js';
import { definition as apigateway } from '../../src/services/apigateway/index.js';
import type { DataPlaneRoute, ServiceDefinition } from '../../src/services/service.js';
import { RawConnection } from '../helpers/raw-http.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { signHeaders } from '../helpers/sign.js';

const request = (host: string, rawPath: string, method = 'GET'): HttpRequest => ({ method, rawPath, rawQuery: '', headers: { host }, body: Buffer.alloc(0) }) as unknown as HttpRequest;

describe('data-plane router', () => {
  const claimed: string[] = [];
  const byHost: DataPlaneRoute = { host: /^[a-z0-9]+\.execute-api\.localhost$/, handle: () => undefined };
  const byPath: DataPlaneRoute = { pathPrefix: '/restapis/', accepts: (req) => req.rawPath.includes('/_user_request_'), handle: () => undefined };
  const getOnly: DataPlaneRoute = { pathPrefix: '/code/', accepts: (req) => req.method === 'GET', handle: () => undefined };
  const domains: DataPlaneRoute = {
    claimsHost: (host) => {
      claimed.push(host);
      return host === 'api.example.com';
    },
    handle: () => undefined,
  };
  const router = new DataPlaneRouter([byPath, getOnly, domains, byHost]);

  it('gives a claimed custom domain its requests whatever the path, before path prefixes', () => {
    assert.equal(router.match(request('api.example.com:4566', '/restapis/abc/v1/_user_request_/x')), domains);
    assert.equal(router.match(request('api.example.com', '/code/x')), domains);
    assert.equal(router.match(request('abc.execute-api.localhost:4566', '/restapis/abc/v1/_user_request_/x')), byHost);
  });

  it('routes the plain endpoint by path only, without asking who claims it', () => {
    claimed.length = 0;
    for (const host of ['localhost:4566', '127.0.0.1', '10.0.0.7:4566', '[::1]:4566']) {
      assert.equal(router.match(request(host, '/restapis/abc/v1/_user_request_/x')), byPath);
      assert.equal(router.match(request(host, '/')), undefined);
    }
    assert.deepEqual(claimed, []);
  });

  it('leaves an unclaimed host name to path prefixes and the AWS API', () => {
    claimed.length = 0;
    assert.equal(router.match(request('host.docker.internal:4566', '/restapis/abc/v1/_user_request_/x')), byPath);
    assert.equal(router.match(request('dynamodb.us-east-1.amazonaws.com', '/')), undefined);
    assert.deepEqual(claimed, ['host.docker.internal', 'dynamodb.us-east-1.amazonaws.com']);
  });

  it('lets a route decline from the head', () => {
    assert.equal(router.match(request('localhost', '/restapis/abc')), undefined);
    assert.equal(router.match(request('localhost', '/code/x', 'PUT')), undefined);
    assert.equal(router.match(request('localhost', '/code/x')), getOnly);
  });
});

/** S3 stand-in: PutObject's ETag says whether its body came as it arrived or was read whole before. */
const s3: ServiceDefinition = {
  name: 's3',
  create: async () => ({
    PutObject: async (_ctx: unknown, input: { Body: AsyncIterable<Buffer> }) => {
      const how = input.Body instanceof IncomingBody ? 'streamed' : 'buffered';
      let size = 0;
      for await (const chunk of input.Body) size += chunk.length;
      return { ETag: `"${how}-${size}"` };
    },
  }),
};

describe('data planes that do not serve a request leave its body unread', () => {
  let server: TestServer;

  before(async () => {
    // A route for every path that declines them all.
    const declining: DataPlaneRoute = { pathPrefix: '/', accepts: () => false, handle: () => undefined };
    server = await startServer({ services: [apigateway, s3], extraDataPlanes: () => [declining] });
  });
  after(() => server.stop());

  /** PutObject, its body sent only once the server asked for it (so it is still arriving when the request is routed). */
  async function putObject(host: string): Promise<string> {
    const body = Buffer.from('hello world');
    const path = '/bucket/key?x-id=PutObject';
    const signed = signHeaders({ service: 's3', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' }, 'PUT', path, { host }, body);
    const headers = { host, ...signed, 'content-length': String(body.length), expect: '100-continue' };
    const conn = new RawConnection(server.port);
    try {
      await conn.write(`PUT ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
      await conn.continued();
      await conn.write(body);
      const res = await conn.response();
      assert.equal(res.status, 200, res.body.toString());
      return /\r\netag: "([^"]*)"/i.exec(res.head)![1]!;
    } finally {
      conn.close();
    }
  }

  it('streams an upload from host names no data plane owns, every time', async () => {
    for (const host of ['localhost:4566', 's3.us-east-1.amazonaws.com', 'host.docker.internal:4566', 'stratus:4566']) {
      assert.equal(await putObject(host), 'streamed-11', host);
    }
    // Past the data plane's reload interval the answer is the same (claims never depend on a reload being due).
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(await putObject('s3.us-east-1.amazonaws.com'), 'streamed-11');
    assert.equal(await putObject('host.docker.internal:4566'), 'streamed-11');
  });
});

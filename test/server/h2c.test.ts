import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { connect } from 'node:net';
import { definition as sts } from '../../src/services/sts/index.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** One request on an h2c session: status, headers and body. */
function h2request(session: http2.ClientHttp2Session, headers: http2.OutgoingHttpHeaders, body?: string): Promise<{ status: number; headers: http2.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = session.request(headers);
    let data = '';
    let head: http2.IncomingHttpHeaders = {};
    req.on('response', (h) => (head = h));
    req.setEncoding('utf8');
    req.on('data', (d: string) => (data += d));
    req.on('end', () => resolve({ status: Number(head[':status']), headers: head, body: data }));
    req.on('error', reject);
    req.end(body);
  });
}

describe('h2c (HTTP/2 with prior knowledge) on the API port', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ services: [sts] });
  });
  after(() => server.stop());

  it('serves AWS API requests over HTTP/2, several streams on one session, and HTTP/1.1 beside it', async () => {
    const session = http2.connect(server.endpoint);
    try {
      const body = 'Action=GetCallerIdentity&Version=2011-06-15';
      const headers = { ':method': 'POST', ':path': '/', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) };
      const answers = await Promise.all(Array.from({ length: 5 }, () => h2request(session, headers, body)));
      for (const a of answers) {
        assert.equal(a.status, 200);
        assert.match(a.body, /<GetCallerIdentityResponse/);
        assert.equal(a.headers.connection, undefined, 'no connection-specific header in an HTTP/2 response');
      }
      const missing = await h2request(session, { ':method': 'GET', ':path': '/nothing-here' });
      assert.ok(missing.status >= 400);
    } finally {
      session.close();
    }
    const plain = await fetch(`${server.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    assert.equal(plain.status, 200);
  });

  it('leaves an HTTP/1.1 request that starts like the preface but is not it to HTTP/1.1', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port: server.port, host: '127.0.0.1' });
      let data = '';
      socket.on('data', (d) => (data += d.toString('latin1')));
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.write('PRI * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    assert.match(out, /^HTTP\/1\.1 4\d\d /);
  });
});

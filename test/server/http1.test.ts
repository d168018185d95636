import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import http from 'node:http';
import type { ServiceDefinition } from '../../src/services/service.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** Sends raw bytes on one connection and collects everything until the server closes it or `until` matches. */
function raw(port: number, data: string | Buffer[], until?: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('latin1');
      if (until && until.test(out)) {
        socket.destroy();
        resolve(out);
      }
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    if (typeof data === 'string') socket.write(data);
    else void (async () => {
      for (const part of data) {
        socket.write(part);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
  });
}

const echo: ServiceDefinition = {
  name: 'stepfunctions',
  create: async () => ({
    DescribeExecution: async (_ctx: unknown, input: { executionArn: string }) => ({
      executionArn: input.executionArn,
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
      status: 'RUNNING',
      startDate: new Date(0),
    }),
  }),
};

const call = (arn: string, extra = ''): string => {
  const body = JSON.stringify({ executionArn: arn });
  return `POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: AWSStepFunctions.DescribeExecution\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
};

describe('the HTTP/1.1 server', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ services: [echo] });
  });
  after(() => server.stop());

  it('serves several requests on one keep-alive connection, pipelined, in order', async () => {
    const out = await raw(server.port, call('a') + call('b') + call('c', 'connection: close\r\n'));
    const arns = [...out.matchAll(/"executionArn":"(\w)"/g)].map((m) => m[1]);
    assert.deepEqual(arns, ['a', 'b', 'c']);
    assert.equal(out.match(/HTTP\/1\.1 200 OK/g)?.length, 3);
    assert.match(out, /connection: close\r\n/);
  });

  it('answers a malformed request pipelined behind good ones after them, then closes', async () => {
    const out = await raw(server.port, call('a') + call('b') + 'NONSENSE\r\n\r\n');
    const statuses = [...out.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    assert.deepEqual(statuses, ['200', '200', '400']);
    assert.deepEqual([...out.matchAll(/"executionArn":"(\w)"/g)].map((m) => m[1]), ['a', 'b']);
  });

  it('writes a non-ASCII body as UTF-8, with its length in bytes', async () => {
    const out = await raw(server.port, call('\u00e9t\u00e9', 'connection: close\r\n'));
    const bytes = Buffer.from(out, 'latin1');
    const bodyStart = bytes.indexOf('\r\n\r\n') + 4;
    const length = Number(/content-length: (\d+)/i.exec(out)![1]);
    assert.equal(bytes.length - bodyStart, length);
    assert.equal(JSON.parse(bytes.subarray(bodyStart).toString('utf8')).executionArn, '\u00e9t\u00e9');
  });

  it('reads a chunked body', async () => {
    const body = JSON.stringify({ executionArn: 'chunked-arn' });
    const head = 'POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: AWSStepFunctions.DescribeExecution\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n';
    const chunks = `${(5).toString(16)}\r\n${body.slice(0, 5)}\r\n${(body.length - 5).toString(16)};ext=1\r\n${body.slice(5)}\r\n0\r\n\r\n`;
    const out = await raw(server.port, [Buffer.from(head), Buffer.from(chunks.slice(0, 9)), Buffer.from(chunks.slice(9))]);
    assert.match(out, /^HTTP\/1\.1 200 OK/);
    assert.match(out, /"executionArn":"chunked-arn"/);
  });

  it('answers Expect: 100-continue before the body arrives', async () => {
    const body = JSON.stringify({ executionArn: 'cont' });
    const head = `POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: AWSStepFunctions.DescribeExecution\r\nexpect: 100-continue\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`;
    // As a client does: the body goes once the 100 has come (a timed gap would race a loaded machine).
    const out = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port: server.port, host: '127.0.0.1' });
      let text = '';
      socket.on('data', (d) => {
        const before = text;
        text += d.toString('latin1');
        if (!before.includes('100 Continue') && text.includes('100 Continue\r\n\r\n')) socket.write(body);
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write(head);
    });
    assert.match(out, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
  });

  it('answers malformed requests with 400 and oversized bodies with 413, then closes', async () => {
    assert.match(await raw(server.port, 'NONSENSE\r\n\r\n'), /^HTTP\/1\.1 400 Bad Request/);
    assert.match(await raw(server.port, 'POST / HTTP/1.1\r\ncontent-length: -5\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.match(await raw(server.port, `POST / HTTP/1.1\r\ncontent-length: ${200 * 1024 * 1024}\r\n\r\n`), /^HTTP\/1\.1 413/);
    assert.match(await raw(server.port, 'POST / HTTP/1.1\r\ntransfer-encoding: gzip\r\n\r\n'), /^HTTP\/1\.1 501/);
  });

  it('gives a HEAD response its headers and no body', async () => {
    const out = await raw(server.port, 'HEAD /_stratus/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    assert.match(out, /^HTTP\/1\.1 200 OK/);
    assert.ok(out.endsWith('\r\n\r\n'), 'no body after the head');
  });

  it('works with node:http clients, HTTP/1.0 and fetch', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      http.get(`${server.endpoint}/_stratus/health`, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
    assert.equal(status, 200);
    const old = await raw(server.port, 'GET /_stratus/health HTTP/1.0\r\n\r\n');
    assert.match(old, /connection: close/);
    assert.equal((await fetch(`${server.endpoint}/_stratus/health`)).status, 200);
  });

  it('keeps serving after a client disconnects mid-request', async () => {
    await new Promise<void>((resolve) => {
      const s = connect({ port: server.port, host: '127.0.0.1' }, () => {
        s.write('POST / HTTP/1.1\r\ncontent-length: 100\r\n\r\n{"partial');
        s.destroy();
        resolve();
      });
    });
    assert.equal((await fetch(`${server.endpoint}/_stratus/health`)).status, 200);
  });
});

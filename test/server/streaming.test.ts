/**
 * Request and response bodies beyond the one-read case: large bodies read whole in linear time,
 * streaming routes with backpressure, streamed responses, per-service limits (413 before reading),
 * malformed framing and smuggling-shaped heads (400), on the fast server and on the Upgrade
 * fallback (Node's http). Figures are printed, never asserted (the machine is shared).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DataPlaneRoute, ServiceDefinition } from '../../src/services/service.js';
import { RawConnection } from '../helpers/raw-http.js';
import { startServer, type TestServer } from '../helpers/server.js';

const MiB = 1024 * 1024;

/** One MiB of bytes that say which MiB of the body they are. */
function mib(i: number): Buffer {
  return Buffer.alloc(MiB, `<${i}>`);
}

/** The last 8 bytes of the body of `mib` MiB generated as above. */
const tail = (mibs: number): string => mib(mibs - 1).toString('latin1', MiB - 8);

/** The byte count and the markers at both ends of a body. */
function summary(body: Buffer) {
  return { size: body.length, first: body.toString('latin1', 0, 8), last: body.toString('latin1', body.length - 8) };
}

const json = (res: Parameters<DataPlaneRoute['handle']>[1], value: unknown): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

/** Step Functions stand-in with a 4 KiB body limit. */
const small: ServiceDefinition = {
  name: 'stepfunctions',
  maxBodyBytes: 4096,
  create: async () => ({ DescribeExecution: async (_ctx: unknown, input: { executionArn: string }) => ({ executionArn: input.executionArn, stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m', status: 'RUNNING', startDate: new Date(0) }) }),
};

const describeHead = (length: number | 'chunked'): string =>
  `POST / HTTP/1.1\r\nhost: x\r\nx-amz-target: AWSStepFunctions.DescribeExecution\r\ncontent-type: application/x-amz-json-1.0\r\n${
    length === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${length}`
  }\r\n\r\n`;

/** Sends `head` on a new connection, which must be answered 400 and closed. */
async function refused(port: number, head: string): Promise<RawConnection> {
  const conn = new RawConnection(port);
  await conn.write(head);
  const res = await conn.response();
  assert.equal(res.status, 400, JSON.stringify(head));
  assert.match(res.head, /connection: close/i);
  await conn.closed();
  return conn;
}

describe('request and response bodies', () => {
  let server: TestServer;
  /** Lets the paused streaming route go on. */
  let releaseSlow: () => void = () => undefined;
  let slowStarted: () => void = () => undefined;

  const routes = (): DataPlaneRoute[] => [
    // Buffered: the whole body in req.body.
    { pathPrefix: '/_test/whole', handle: (req, res) => json(res, summary(req.body)) },
    // Streaming: counts what it reads.
    {
      pathPrefix: '/_test/count',
      streaming: true,
      handle: async (req, res) => {
        let size = 0;
        for await (const chunk of req.stream!) size += chunk.length;
        json(res, { size, declared: req.stream!.length ?? null });
      },
    },
    // Streaming: reads one chunk, then waits to be released.
    {
      pathPrefix: '/_test/slow',
      streaming: true,
      handle: async (req, res) => {
        const it = req.stream![Symbol.asyncIterator]();
        let size = (await it.next()).value?.length ?? 0;
        const released = new Promise<void>((r) => (releaseSlow = r));
        slowStarted();
        await released;
        for (let r = await it.next(); !r.done; r = await it.next()) size += r.value.length;
        json(res, { size });
      },
    },
    // A streamed response of n MiB, with or without Content-Length.
    {
      pathPrefix: '/_test/generate',
      handle: async (req, res) => {
        const q = new URLSearchParams(req.rawQuery);
        const n = Number(q.get('mib'));
        res.writeHead(200, q.has('length') ? { 'content-length': n * MiB } : {});
        await res.stream(
          (async function* () {
            for (let i = 0; i < n; i++) yield mib(i);
          })(),
        );
      },
    },
  ];

  before(async () => {
    server = await startServer({ services: [small], extraDataPlanes: routes });
  });
  after(() => server.stop());

  it('reads a 100 MB body in linear time while other clients keep being answered', async () => {
    const total = 100;
    await (await fetch(`${server.endpoint}/_stratus/health`)).arrayBuffer(); // fetch's first use loads it: not part of the figures
    const conn = new RawConnection(server.port);
    const started = performance.now();
    let sending = true;
    const upload = (async () => {
      await conn.write(`POST /_test/whole HTTP/1.1\r\nhost: x\r\ncontent-length: ${total * MiB}\r\n\r\n`);
      for (let i = 0; i < total; i++) await conn.write(mib(i));
      const res = await conn.response();
      sending = false;
      return res;
    })();
    // Another client, one request after another, for as long as the upload lasts.
    const latencies: number[] = [];
    const statuses = new Set<number>();
    while (sending) {
      const t0 = performance.now();
      const res = await fetch(`${server.endpoint}/_stratus/health`);
      await res.arrayBuffer();
      statuses.add(res.status);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await upload;
    const seconds = (performance.now() - started) / 1000;
    conn.close();
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body.toString()), { size: total * MiB, first: '<0><0><0', last: tail(total) });
    assert.ok(latencies.length > 0, 'the other client was answered while the body was in flight');
    assert.deepEqual([...statuses], [200]);
    latencies.sort((a, b) => a - b);
    console.log(
      `# 100 MiB body read whole in ${seconds.toFixed(2)} s (${(total / seconds).toFixed(0)} MiB/s); meanwhile ${latencies.length} other requests, ` +
        `p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms`,
    );
  });

  it('hands a streaming route the body as it arrives, holding the client back while it does not read', async () => {
    const total = 64;
    const conn = new RawConnection(server.port);
    const started = new Promise<void>((r) => (slowStarted = r));
    void (async () => {
      await conn.write(`PUT /_test/slow HTTP/1.1\r\nhost: x\r\ncontent-length: ${total * MiB}\r\n\r\n`);
      for (let i = 0; i < total; i++) await conn.write(mib(i));
    })();
    await started;
    // While the route does not read, the client can only fill the socket buffers and the reader's queue.
    let sent = -1;
    while (sent !== conn.socket.bytesWritten) {
      sent = conn.socket.bytesWritten;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`# while the streaming route waited, the client got ${(sent / MiB).toFixed(1)} of ${total} MiB out`);
    assert.ok(sent < 48 * MiB, `the client sent ${sent} bytes to a route that did not read`);
    releaseSlow();
    const res = await conn.response();
    conn.close();
    assert.deepEqual(JSON.parse(res.body.toString()), { size: total * MiB });
  });

  it('streams a chunked request body to a streaming route, and a body that came with its head', async () => {
    const conn = new RawConnection(server.port);
    await conn.write('POST /_test/count HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n');
    for (let i = 0; i < 5; i++) await conn.write(`100000\r\n${mib(i).toString('latin1')}\r\n`);
    await conn.write('0\r\n\r\n');
    assert.deepEqual(JSON.parse((await conn.response()).body.toString()), { size: 5 * MiB, declared: null });
    // The same connection goes on: a small body that arrives with its head streams too.
    await conn.write('POST /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\n\r\nhello');
    assert.deepEqual(JSON.parse((await conn.response()).body.toString()), { size: 5, declared: 5 });
    conn.close();
  });

  it('streams a response: chunked without a length, with Content-Length when given, and the connection goes on', async () => {
    const conn = new RawConnection(server.port);
    await conn.write('GET /_test/generate?mib=8 HTTP/1.1\r\nhost: x\r\n\r\n');
    const chunked = await conn.response();
    assert.match(chunked.head, /transfer-encoding: chunked/);
    assert.match(chunked.head, /connection: keep-alive/);
    assert.deepEqual(summary(chunked.body), { size: 8 * MiB, first: '<0><0><0', last: tail(8) });
    await conn.write('GET /_test/generate?mib=3&length HTTP/1.1\r\nhost: x\r\n\r\n');
    const sized = await conn.response();
    assert.doesNotMatch(sized.head, /transfer-encoding/);
    assert.equal(sized.body.length, 3 * MiB);
    await conn.write('HEAD /_test/generate?mib=3&length HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    const head = await conn.response(true);
    assert.match(head.head, /content-length: 3145728/);
    await conn.closed();
    // fetch reads the chunked form too.
    const res = await fetch(`${server.endpoint}/_test/generate?mib=2`);
    assert.equal((await res.arrayBuffer()).byteLength, 2 * MiB);
  });

  it("refuses a body over the service's limit with 413 as soon as Content-Length says so, without reading it", async () => {
    const body = JSON.stringify({ executionArn: 'a'.repeat(100) });
    const ok = new RawConnection(server.port);
    await ok.write(describeHead(body.length) + body);
    assert.equal((await ok.response()).status, 200);
    ok.close();

    const conn = new RawConnection(server.port);
    await conn.write(describeHead(5000)); // the body is never sent
    const res = await conn.response();
    assert.equal(res.status, 413);
    assert.match(res.head, /connection: close/);
    await conn.closed();
  });

  it('refuses a chunked body once its running count passes the limit', async () => {
    const conn = new RawConnection(server.port);
    await conn.write(describeHead('chunked'));
    let chunks = 0;
    while (!conn.ended && chunks < 100) {
      await conn.write(`400\r\n${'x'.repeat(1024)}\r\n`);
      chunks++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await conn.response();
    assert.equal(res.status, 413);
    assert.ok(chunks < 100, `the server read ${chunks} KiB of a body over its 4 KiB limit`);
  });

  it('answers a malformed chunked body with 400 and closes', async () => {
    const conn = new RawConnection(server.port);
    await conn.write('POST /_test/whole HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n');
    await new Promise((r) => setTimeout(r, 20));
    await conn.write('zz\r\nmore\r\n');
    assert.equal((await conn.response()).status, 400);
    await conn.closed();
  });

  it('keeps serving when a client goes away in the middle of a streamed body', async () => {
    const conn = new RawConnection(server.port);
    await conn.write('PUT /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: 10485760\r\n\r\n');
    await conn.write(mib(0));
    conn.close();
    assert.equal((await fetch(`${server.endpoint}/_stratus/health`)).status, 200);
  });

  it('refuses a NUL byte in a header value and Content-Length with Transfer-Encoding: 400, then closes', async () => {
    for (const head of [
      'GET /_stratus/health HTTP/1.1\r\nhost: x\r\nx-test: a\0b\r\n\r\n',
      'POST /_test/whole HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
      'GET /_stratus/health HTTP/1.1\r\nhost: x\r\nx-test: a\nb\r\n\r\n',
    ]) {
      await refused(server.port, head);
    }
  });

  it('refuses the same heads when they ask for an Upgrade (before Node would see them)', async () => {
    for (const head of [
      'GET /_stratus/health HTTP/1.1\r\nhost: x\r\nupgrade: example/1\r\nconnection: upgrade\r\nx-test: a\0b\r\n\r\n',
      'POST /_test/whole HTTP/1.1\r\nhost: x\r\nupgrade: example/1\r\nconnection: upgrade\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    ]) {
      const conn = new RawConnection(server.port);
      await conn.write(head);
      assert.equal((await conn.response()).status, 400, JSON.stringify(head));
      await conn.closed();
    }
  });

  it('refuses a header name that is not a token (whitespace before the colon): 400, and what follows is not served', async () => {
    const smuggled = 'GET /_test/whole HTTP/1.1\r\nhost: x\r\n\r\n';
    for (const head of [
      `POST /_test/whole HTTP/1.1\r\nhost: x\r\ntransfer-encoding : chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n${smuggled}`,
      `POST /_test/whole HTTP/1.1\r\nhost: x\r\ncontent-length\t: ${smuggled.length}\r\n\r\n${smuggled}`,
      `POST /_test/whole HTTP/1.1\r\nhost: x\r\n content-length: ${smuggled.length}\r\n\r\n${smuggled}`,
      `POST /_test/whole HTTP/1.1\r\nhost: x\r\nx(y): 1\r\ncontent-length: 0\r\n\r\n${smuggled}`,
      `POST /_test/whole HTTP/1.1\r\nhost: x\r\nupgrade: example/1\r\nconnection: upgrade\r\ntransfer-encoding : chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n${smuggled}`,
    ]) {
      const conn = await refused(server.port, head);
      await assert.rejects(conn.response(), /connection closed/, 'nothing answered after the 400');
    }
    // Every character RFC 9110 allows in a name is taken.
    const conn = new RawConnection(server.port);
    await conn.write("GET /_stratus/health HTTP/1.1\r\nhost: x\r\nx-!#$%&'*+.^_`|~09AZaz: 1\r\n\r\n");
    assert.equal((await conn.response()).status, 200);
    conn.close();
  });

  it('streams request and response bodies, and refuses oversized ones, on connections handed to Node for an Upgrade', async () => {
    // Node's parser serves the upgrade request itself and nothing after it: one request per connection.
    const upgrade = 'host: x\r\nupgrade: example/1\r\nconnection: upgrade\r\n';
    const upload = new RawConnection(server.port);
    await upload.write(`POST /_test/count HTTP/1.1\r\n${upgrade}transfer-encoding: chunked\r\n\r\n`);
    for (let i = 0; i < 3; i++) await upload.write(`100000\r\n${mib(i).toString('latin1')}\r\n`);
    await upload.write('0\r\n\r\n');
    assert.deepEqual(JSON.parse((await upload.response()).body.toString()), { size: 3 * MiB, declared: null });
    upload.close();

    const download = new RawConnection(server.port);
    await download.write(`GET /_test/generate?mib=4 HTTP/1.1\r\n${upgrade}\r\n`);
    const res = await download.response();
    assert.match(res.head, /transfer-encoding: chunked/i);
    assert.deepEqual(summary(res.body), { size: 4 * MiB, first: '<0><0><0', last: tail(4) });
    download.close();

    const big = new RawConnection(server.port);
    await big.write(describeHead(5000).replace('host: x\r\n', upgrade));
    assert.equal((await big.response()).status, 413);
    big.close();
  });
});

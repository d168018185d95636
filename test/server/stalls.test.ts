/**
 * Clients that stop half-way: a request body that stops coming is cut after a while of nothing
 * (the reader gets ConnectionClosedError, the connection is dropped), on the fast server and on
 * the Upgrade fallback; a reader that holds the client back is not. Shutting down lets requests
 * being served finish, and cuts what is still open after its grace period.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionClosedError } from '../../src/server/body.js';
import type { DataPlaneRoute } from '../../src/services/service.js';
import { RawConnection } from '../helpers/raw-http.js';
import { startServer, type StartServerOptions } from '../helpers/server.js';

const MiB = 1024 * 1024;
const UPGRADE = 'upgrade: example/1\r\nconnection: upgrade\r\n';

const answer = (res: Parameters<DataPlaneRoute['handle']>[1], text: string): void => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(text);
};

/** A server with routes that read bodies (whole or streamed) and record how the reading ended. */
async function serverWithReaders(options: Pick<StartServerOptions, 'bodyIdleMs' | 'shutdownGraceMs'>) {
  const ended: unknown[] = [];
  let reading: () => void = () => undefined;
  /** Resolves once a streaming route has started reading a body. */
  const readingStarted = (): Promise<void> => new Promise((resolve) => (reading = resolve));
  /** While set, the streaming route stops reading after its first chunk until it resolves. */
  let hold: Promise<void> | undefined;
  const routes = (): DataPlaneRoute[] => [
    { pathPrefix: '/_test/whole', handle: (req, res) => answer(res, String(req.body.length)) },
    {
      pathPrefix: '/_test/count',
      streaming: true,
      handle: async (req, res) => {
        let size = 0;
        try {
          const it = req.stream![Symbol.asyncIterator]();
          reading();
          for (let r = await it.next(); !r.done; r = await it.next()) {
            size += r.value.length;
            await hold;
          }
          ended.push(size);
        } catch (e) {
          ended.push(e);
          throw e;
        }
        answer(res, String(size));
      },
    },
  ];
  const server = await startServer({ extraDataPlanes: routes, ...options });
  return { server, ended, readingStarted, holdReading: (until: Promise<void>) => (hold = until) };
}

describe('a request body that stops coming', () => {
  it('is cut after the idle time: the reader gets ConnectionClosedError and the connection closes (fast server and fallback)', { timeout: 60_000 }, async () => {
    const { server, ended } = await serverWithReaders({ bodyIdleMs: 200 });
    try {
      for (const [path, extra] of [
        ['/_test/count', ''],
        ['/_test/count', UPGRADE],
        ['/_test/whole', ''],
      ] as const) {
        const conn = new RawConnection(server.port);
        await conn.write(`PUT ${path} HTTP/1.1\r\nhost: x\r\n${extra}content-length: 100000\r\n\r\n${'x'.repeat(70_000)}`);
        await conn.closed();
        await assert.rejects(conn.response(), /connection closed/, 'no response, the connection is dropped');
      }
      assert.equal(ended.length, 2);
      for (const e of ended) assert.ok(e instanceof ConnectionClosedError, String(e));
      assert.equal((await fetch(`${server.endpoint}/_stratus/health`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('is read whole when it comes slowly with shorter pauses, or when the reader holds the client back for longer', async () => {
    const { server, readingStarted, holdReading } = await serverWithReaders({ bodyIdleMs: 1500 });
    try {
      const slow = new RawConnection(server.port);
      await slow.write('PUT /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: 2000\r\n\r\n');
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await slow.write('y'.repeat(100));
      }
      assert.deepEqual(await slow.response().then((r) => [r.status, r.body.toString()]), [200, '2000']);
      slow.close();

      // The reader stops for longer than the idle time, with the client held back meanwhile.
      let release: () => void = () => undefined;
      holdReading(new Promise((r) => (release = r)));
      const started = readingStarted();
      const held = new RawConnection(server.port);
      void held.write(`PUT /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: ${3 * MiB}\r\n\r\n${Buffer.alloc(3 * MiB, 'z').toString('latin1')}`);
      await started;
      await new Promise((r) => setTimeout(r, 2000));
      release();
      assert.deepEqual(await held.response().then((r) => [r.status, r.body.toString()]), [200, String(3 * MiB)]);
      held.close();
    } finally {
      await server.stop();
    }
  });
});

describe('shutting down', () => {
  it('cuts a request whose body stops coming once the grace period is over', { timeout: 60_000 }, async () => {
    const { server, ended, readingStarted } = await serverWithReaders({ bodyIdleMs: 3_600_000, shutdownGraceMs: 200 });
    const started = readingStarted();
    const conn = new RawConnection(server.port);
    await conn.write(`PUT /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: 100000\r\n\r\n${'x'.repeat(70_000)}`);
    await started;
    await server.stop();
    await conn.closed();
    assert.equal(ended.length, 1);
    assert.ok(ended[0] instanceof ConnectionClosedError, String(ended[0]));
  });

  it('lets a request being served finish, then closes its connection', { timeout: 60_000 }, async () => {
    const { server, ended, readingStarted } = await serverWithReaders({ bodyIdleMs: 3_600_000, shutdownGraceMs: 30_000 });
    const started = readingStarted();
    const conn = new RawConnection(server.port);
    await conn.write('PUT /_test/count HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\n12345');
    await started;
    const stopped = server.stop();
    await conn.write('67890');
    const res = await conn.response();
    assert.deepEqual([res.status, res.body.toString()], [200, '10']);
    assert.match(res.head, /connection: close/i);
    await conn.closed();
    await stopped;
    assert.deepEqual(ended, [10]);
  });
});

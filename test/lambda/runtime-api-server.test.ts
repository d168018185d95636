import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { RuntimeApiServer, type RuntimeRequest, type RuntimeResponder } from '../../src/runtime/runtime-api-server.js';
import { createZip, listZip, readZipEntry, safeEntryPath, ZipError } from '../../src/runtime/zip.js';

/**
 * Sends raw bytes and collects what comes back until `done` says so. With `afterFirst`, the parts
 * after the first wait until the answer so far satisfies it (a body sent only once 100 Continue
 * came, as a client does: sent at once, a loaded machine may deliver head and body together, and
 * a server need not say 100 Continue for a body it already has).
 */
function exchange(port: number, data: string[], done: (text: string) => boolean, afterFirst?: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
      if (done(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    socket.on('connect', async () => {
      for (const [i, part] of data.entries()) {
        if (i === 1 && afterFirst) while (!afterFirst(text)) await new Promise((r) => setTimeout(r, 5));
        socket.write(part);
        await new Promise((r) => setTimeout(r, 10));
      }
    });
  });
}

describe('Runtime API HTTP server', () => {
  const seen: RuntimeRequest[] = [];
  let held: RuntimeResponder | undefined;
  let server: RuntimeApiServer;
  let port: number;
  before(async () => {
    server = new RuntimeApiServer((req, res) => {
      seen.push(req);
      if (req.path === '/hold') {
        held = res; // answered later by the test
        return;
      }
      res.send(req.tooLarge ? 413 : 200, { 'Content-Type': 'text/plain' }, `${req.method} ${req.path} ${req.body.toString()}`);
    }, 16);
    port = await server.listen();
  });
  after(() => server.close());

  it('answers pipelined requests in order, with Content-Length bodies', async () => {
    const text = await exchange(
      port,
      ['POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\nHost: x\r\n\r\n'],
      (t) => (t.match(/HTTP\/1\.1 200/g) ?? []).length === 2 && t.endsWith('GET /b '),
    );
    assert.match(text, /^HTTP\/1\.1 200 OK\r\nContent-Type: text\/plain\r\nContent-Length: 11\r\n\r\nPOST \/a abcHTTP\/1\.1 200 OK\r\n/);
  });

  it('reads chunked bodies split across packets and answers Expect: 100-continue', async () => {
    const text = await exchange(
      port,
      ['POST /c HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n', '4\r\nwi', 'ki\r\n5\r\npedia\r\n0\r\n\r\n'],
      (t) => t.includes('wikipedia'),
      (t) => t.includes('100 Continue'),
    );
    assert.match(text, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    assert.ok(text.endsWith('POST /c wikipedia'));
  });

  it('flags bodies over the limit without keeping them', async () => {
    const body = 'x'.repeat(40);
    const text = await exchange(port, [`POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`], (t) => t.includes('POST /big'));
    assert.match(text, /^HTTP\/1\.1 413 /);
    const req = seen.find((r) => r.path === '/big')!;
    assert.equal(req.tooLarge, true);
    assert.equal(req.body.length, 0);
  });

  it('keeps later responses behind a held one (HTTP ordering)', async () => {
    const received = exchange(port, ['GET /hold HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n'], (t) => t.includes('GET /after'));
    for (let i = 0; i < 200 && !seen.some((r) => r.path === '/after'); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(held, 'the first request is held');
    held.send(200, {}, 'released');
    const text = await received;
    assert.ok(text.indexOf('released') < text.indexOf('GET /after'), 'responses keep request order');
  });
});

describe('zip reader', () => {
  it('round-trips deflated entries with Unix modes', () => {
    const zip = createZip({ 'index.js': 'exports.x = 1;', 'bin/run': { data: '#!/bin/sh\necho hi\n', mode: 0o755 } });
    const entries = listZip(zip);
    assert.deepEqual(entries.map((e) => e.name), ['index.js', 'bin/run']);
    assert.equal(entries[1]!.mode & 0o777, 0o755);
    assert.equal(readZipEntry(zip, entries[0]!).toString(), 'exports.x = 1;');
    assert.equal(readZipEntry(zip, entries[1]!).toString(), '#!/bin/sh\necho hi\n');
  });

  it('measures compressed entries and rejects garbage and escaping paths', () => {
    const zip = createZip({ 'a.txt': 'hello' });
    const entries = listZip(zip);
    assert.equal(entries[0]!.method, 8);
    assert.equal(deflateRawSync(Buffer.from('hello')).length, entries[0]!.compressedSize);
    assert.throws(() => listZip(Buffer.from('not a zip at all, clearly not')), ZipError);
    assert.equal(safeEntryPath('../etc/passwd'), undefined);
    assert.equal(safeEntryPath('a/../../b'), undefined);
    assert.equal(safeEntryPath('./a//b.js'), 'a/b.js');
  });
});

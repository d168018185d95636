/**
 * Every operation of every served service, fed bounded random input of the wrong shapes (a fixed
 * seed, so a failure reproduces): the answer is an AWS error of the client's making (4xx) or
 * NotImplemented (501), never an internal failure, and the server keeps serving.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Shape } from '../../src/aws/model.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { signHeaders } from '../helpers/sign.js';

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: unknown[] = ['', ' ', 'x'.repeat(5000), '\u0000', '💥', '../../etc/passwd', '%00', '{"a":', -1, 0, 1.5, 1e308, true, null, [], {}, [[[[]]]], { S: 'x' }];

function valueFor(shapes: Record<string, Shape>, name: string, r: () => number, depth: number): unknown {
  if (r() < 0.15 || depth > 4) return NASTY[Math.floor(r() * NASTY.length)];
  const shape = shapes[name]!;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [m, ref] of Object.entries(shape.members ?? {})) if (r() < 0.6) out[m] = valueFor(shapes, ref.shape, r, depth + 1);
      return out;
    }
    case 'list':
      return Array.from({ length: Math.floor(r() * 3) }, () => valueFor(shapes, shape.member!.shape, r, depth + 1));
    case 'map':
      return { k: valueFor(shapes, shape.value!.shape, r, depth + 1) };
    case 'string':
      return shape.enum && r() < 0.5 ? shape.enum[0] : `s${Math.floor(r() * 1000)}`;
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return Math.floor(r() * 100) - 10;
    case 'boolean':
      return r() < 0.5;
    case 'timestamp':
      return r() < 0.5 ? 1700000000 : 'not-a-date';
    case 'blob':
      return 'AAEC';
    default:
      return null;
  }
}

describe('bounded fuzz of every operation', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('answers 4xx or 501, never 5xx, and keeps serving', async () => {
    const r = rng(Number(process.env.FUZZ_SEED ?? 20261124));
    const host = new URL(server.endpoint).host;
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (const [name, svc] of server.services) {
      const { model } = svc;
      const signing = { service: svc.index.signingName, region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };
      for (const op of Object.values(model.operations)) {
        for (let round = 0; round < Number(process.env.FUZZ_ROUNDS ?? 6); round++) {
          const input = op.input ? valueFor(model.shapes, op.input.shape, r, 0) : {};
          let method = 'POST';
          let path = '/';
          const headers: Record<string, string> = { host };
          let body: Buffer;
          if (model.metadata.protocol === 'json') {
            headers['content-type'] = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`;
            headers['x-amz-target'] = `${model.metadata.targetPrefix}.${op.name}`;
            body = Buffer.from(round === 5 ? '{"broken' : JSON.stringify(input));
          } else if (model.metadata.protocol === 'query') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            body = Buffer.from(`Action=${op.name}&Version=${model.metadata.apiVersion}&X.member.1=${encodeURIComponent(String(r()))}`);
          } else {
            method = op.http.method;
            path = op.http.requestUri.replace(/\{([^}]+)\}/g, () => encodeURIComponent(String(NASTY[Math.floor(r() * 9)] || 'p')) || 'p');
            headers['content-type'] = 'application/json';
            body = Buffer.from(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? '' : round === 5 ? '{"broken' : JSON.stringify(input));
          }
          Object.assign(headers, signHeaders(signing, method, path, headers, body));
          const res = await fetch(`${server.endpoint}${path}`, { method, headers, body: body.length && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(body) : undefined });
          const text = await res.text();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 500 && res.status !== 501) failures.push(`${name}.${op.name} ${res.status} ${text.slice(0, 120)} for ${method} ${path} ${body.toString().slice(0, 300)}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    // Some inputs must get past validation into the providers, or the fuzz proves little.
    assert.ok((statuses[200] ?? 0) > 20, `too few successes: ${JSON.stringify(statuses)}`);
    assert.equal((await fetch(`${server.endpoint}/_stratus/health`)).status, 200);
  });
});

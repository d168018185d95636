/** CloudFront Functions: lifecycle with ETags per stage, TestFunction, the size limit, isolation and the compute limit. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import type { TestServer } from '../helpers/server.js';
import { awsError, cloudFrontClient, startCloudFront } from './helpers.js';

const config = { Comment: 'test', Runtime: 'cloudfront-js-2.0' as const };
const event = (uri: string) =>
  Buffer.from(
    JSON.stringify({
      version: '1.0',
      context: { eventType: 'viewer-request' },
      viewer: { ip: '1.2.3.4' },
      request: { method: 'GET', uri, querystring: {}, headers: { host: { value: 'example.com' } }, cookies: {} },
    }),
  );

describe('CloudFront Functions', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  before(async () => {
    // A compute limit well above a first compile on a loaded 2-core machine (a loop still hits it in a second).
    server = await startCloudFront({ config: { services: { cloudfront: { functionTimeoutMs: 1000 } } } });
    cf = cloudFrontClient(server);
  });
  after(() => server.stop());

  it('create, describe, get, update, publish, list, delete with ETags per stage', async () => {
    const code = 'function handler(event) { return event.request; }';
    const created = await cf.send(new CF.CreateFunctionCommand({ Name: 'life', FunctionConfig: config, FunctionCode: Buffer.from(code) }));
    assert.equal(created.FunctionSummary!.Status, 'UNPUBLISHED');
    assert.equal(created.FunctionSummary!.FunctionMetadata!.Stage, 'DEVELOPMENT');
    assert.equal(created.FunctionSummary!.FunctionMetadata!.FunctionARN, 'arn:aws:cloudfront::000000000000:function/life');
    await assert.rejects(cf.send(new CF.CreateFunctionCommand({ Name: 'life', FunctionConfig: config, FunctionCode: Buffer.from(code) })), awsError('FunctionAlreadyExists', 409));

    const got = await cf.send(new CF.GetFunctionCommand({ Name: 'life' }));
    assert.equal(Buffer.from(got.FunctionCode!).toString(), code);
    assert.equal(got.ETag, created.ETag);
    await assert.rejects(cf.send(new CF.DescribeFunctionCommand({ Name: 'life', Stage: 'LIVE' })), awsError('NoSuchFunctionExists', 404));

    await assert.rejects(cf.send(new CF.UpdateFunctionCommand({ Name: 'life', IfMatch: 'E0000000000000', FunctionConfig: config, FunctionCode: Buffer.from(code) })), awsError('PreconditionFailed', 412));
    const updated = await cf.send(new CF.UpdateFunctionCommand({ Name: 'life', IfMatch: created.ETag, FunctionConfig: config, FunctionCode: Buffer.from(code + '\n') }));
    await assert.rejects(cf.send(new CF.PublishFunctionCommand({ Name: 'life', IfMatch: created.ETag })), awsError('PreconditionFailed', 412));
    const published = await cf.send(new CF.PublishFunctionCommand({ Name: 'life', IfMatch: updated.ETag }));
    assert.equal(published.FunctionSummary!.FunctionMetadata!.Stage, 'LIVE');
    assert.equal(published.FunctionSummary!.Status, 'UNASSOCIATED');
    const live = await cf.send(new CF.DescribeFunctionCommand({ Name: 'life', Stage: 'LIVE' }));
    assert.notEqual(live.ETag, updated.ETag);

    const list = await cf.send(new CF.ListFunctionsCommand({ Stage: 'LIVE' }));
    assert.deepEqual(list.FunctionList!.Items!.map((f) => f.Name), ['life']);
    await cf.send(new CF.DeleteFunctionCommand({ Name: 'life', IfMatch: updated.ETag }));
    await assert.rejects(cf.send(new CF.DescribeFunctionCommand({ Name: 'life' })), awsError('NoSuchFunctionExists', 404, 'The function does not exist.'));
  });

  it('refuses code over 10 KB with FunctionSizeLimitExceeded (413)', async () => {
    const big = 'function handler(e) { return e.request; }\n//' + 'x'.repeat(10 * 1024);
    await assert.rejects(cf.send(new CF.CreateFunctionCommand({ Name: 'big', FunctionConfig: config, FunctionCode: Buffer.from(big) })), awsError('FunctionSizeLimitExceeded', 413, 'The function is too large.'));
  });

  it('code that replaces the prelude or JSON.stringify reaches nothing of the worker, and the server keeps serving', async () => {
    const code = `__cf_start = function (i, done) { done.constructor('return process')().exit(1); };
      JSON.stringify = function () { return '{not json'; };
      function handler(e) { return e.request; }`;
    const created = await cf.send(new CF.CreateFunctionCommand({ Name: 'sneaky', FunctionConfig: config, FunctionCode: Buffer.from(code) }));
    const result = await cf.send(new CF.TestFunctionCommand({ Name: 'sneaky', IfMatch: created.ETag, EventObject: event('/') }));
    assert.equal(result.TestResult!.FunctionErrorMessage, 'The function returned a value that cannot be serialized.');
    assert.deepEqual(result.TestResult!.FunctionExecutionLogs ?? [], []);
    const fine = await cf.send(new CF.CreateFunctionCommand({ Name: 'fine', FunctionConfig: config, FunctionCode: Buffer.from('function handler(e) { return e.request; }') }));
    const ok = await cf.send(new CF.TestFunctionCommand({ Name: 'fine', IfMatch: fine.ETag, EventObject: event('/x') }));
    assert.equal(JSON.parse(ok.TestResult!.FunctionOutput!).uri, '/x');
  });

  it('TestFunction runs the handler on an event: output, logs, errors', async () => {
    const code = "function handler(event) { console.log('uri', event.request.uri); event.request.uri = event.request.uri + 'index.html'; return event.request; }";
    const created = await cf.send(new CF.CreateFunctionCommand({ Name: 'tested', FunctionConfig: config, FunctionCode: Buffer.from(code) }));
    const result = await cf.send(new CF.TestFunctionCommand({ Name: 'tested', IfMatch: created.ETag, EventObject: event('/docs/') }));
    const out = JSON.parse(result.TestResult!.FunctionOutput!);
    assert.equal(out.uri, '/docs/index.html');
    assert.deepEqual(result.TestResult!.FunctionExecutionLogs, ['uri /docs/']);
    assert.equal(result.TestResult!.FunctionErrorMessage, '');
    assert.match(result.TestResult!.ComputeUtilization!, /^\d+$/);

    const thrower = await cf.send(new CF.CreateFunctionCommand({ Name: 'thrower', FunctionConfig: config, FunctionCode: Buffer.from("function handler() { throw new Error('boom'); }") }));
    const failed = await cf.send(new CF.TestFunctionCommand({ Name: 'thrower', IfMatch: thrower.ETag, EventObject: event('/') }));
    assert.match(failed.TestResult!.FunctionErrorMessage!, /boom/);
  });

  it('isolation: no Node APIs, no eval or Function, loops stopped by the compute limit, and the server keeps serving', async () => {
    const probe = `function handler(event) {
      var r = [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof globalThis.Buffer];
      try { eval('1'); r.push('eval'); } catch (e) { r.push('no-eval'); }
      try { this.constructor.constructor('return process')(); r.push('escape'); } catch (e) { r.push('no-escape'); }
      return { statusCode: 200, body: r.join(',') };
    }`;
    const p = await cf.send(new CF.CreateFunctionCommand({ Name: 'probe', FunctionConfig: config, FunctionCode: Buffer.from(probe) }));
    const res = await cf.send(new CF.TestFunctionCommand({ Name: 'probe', IfMatch: p.ETag, EventObject: event('/') }));
    assert.equal(JSON.parse(res.TestResult!.FunctionOutput!).body, 'undefined,undefined,undefined,undefined,undefined,no-eval,no-escape');

    const loop = await cf.send(new CF.CreateFunctionCommand({ Name: 'loop', FunctionConfig: config, FunctionCode: Buffer.from('async function handler(e) { await null; while (true) {} }') }));
    const looped = await cf.send(new CF.TestFunctionCommand({ Name: 'loop', IfMatch: loop.ETag, EventObject: event('/') }));
    assert.equal(looped.TestResult!.FunctionErrorMessage, 'The function exceeded its compute limit.');
    assert.equal(looped.TestResult!.ComputeUtilization, '100');

    const hog = await cf.send(
      new CF.CreateFunctionCommand({ Name: 'hog', FunctionConfig: config, FunctionCode: Buffer.from('function handler(e) { var a = []; while (true) a.push(new Array(1e6).fill(1)); }') }),
    );
    const hogged = await cf.send(new CF.TestFunctionCommand({ Name: 'hog', IfMatch: hog.ETag, EventObject: event('/') }));
    assert.match(hogged.TestResult!.FunctionErrorMessage!, /^The function exceeded its (memory|compute) limit\.$/);

    const syntax = await cf.send(new CF.CreateFunctionCommand({ Name: 'syntax', FunctionConfig: config, FunctionCode: Buffer.from('function handler(e) { return e.request ') }));
    const bad = await cf.send(new CF.TestFunctionCommand({ Name: 'syntax', IfMatch: syntax.ETag, EventObject: event('/') }));
    assert.match(bad.TestResult!.FunctionErrorMessage!, /SyntaxError/);
    // Still serving.
    assert.ok((await cf.send(new CF.ListFunctionsCommand({}))).FunctionList!.Quantity! >= 3);
  });
});

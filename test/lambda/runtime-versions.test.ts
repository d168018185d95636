/** The runtime a function names is the runtime it gets, and its INIT_START line says which. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand, type Runtime } from "@aws-sdk/client-lambda";
import { createFunction, json, startLambdaServer, type LambdaTestContext } from './helpers.js';

const tail = (r: { LogResult?: string }): string => Buffer.from(r.LogResult ?? '', 'base64').toString('utf8');
/** The first line of a cold start's log, without its Runtime Version ARN (which it must have). */
function initStart(log: string): string {
  const first = log.split('\n')[0]!;
  assert.match(first, /\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
  return first.slice(0, first.indexOf('\t'));
}

describe('lambda runtime versions', () => {
  let t: LambdaTestContext;
  before(async () => {
    t = await startLambdaServer();
  });
  after(async () => {
    await t.server.stop();
  });

  for (const major of [20, 22, 24]) {
    it(`nodejs${major}.x runs on Node.js ${major}`, async () => {
      const name = `node-${major}`;
      await createFunction(t.lambda, name, { 'index.mjs': 'export const handler = async () => process.version;' }, { Runtime: `nodejs${major}.x` as Runtime, Timeout: 30 });
      const r = await t.lambda.send(new InvokeCommand({ FunctionName: name, LogType: 'Tail' }));
      assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
      const version = json(r.Payload) as string;
      assert.match(version, new RegExp(`^v${major}\\.`));
      assert.equal(initStart(tail(r)), `INIT_START Runtime Version: nodejs:${version.slice(1)}`);
    });
  }

  it("python3.x runs on the machine's Python, and INIT_START says so when the version differs", async () => {
    await createFunction(t.lambda, 'py', { 'app.py': 'import platform\ndef handler(e, c):\n    return platform.python_version()\n' }, { Runtime: 'python3.14', Handler: 'app.handler' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'py', LogType: 'Tail' }));
    const have = json(r.Payload) as string;
    assert.equal(initStart(tail(r)), `INIT_START Runtime Version: python:${have} (python3.14 runs on this machine's Python ${have})`);
  });
});

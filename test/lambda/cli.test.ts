import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli, boto3 } from '../helpers/clients.js';
import { ROLE, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

describe('lambda through the AWS CLI', () => {
  let t: LambdaTestContext;
  let dir: string;
  before(async () => {
    t = await startLambdaServer();
    dir = mkdtempSync(join(tmpdir(), 'stratus-cli-'));
  });
  after(async () => {
    await t.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, waits for, invokes (with Tail) and deletes a Python function', async () => {
    const e = ['--endpoint-url', t.server.endpoint];
    const zipPath = join(dir, 'fn.zip');
    writeFileSync(zipPath, zip({ 'app.py': 'def handler(event, context):\n    print("cli event", event)\n    return {"sum": event["a"] + event["b"]}\n' }));
    const created = JSON.parse(
      await awsCli(['lambda', 'create-function', '--function-name', 'cli-fn', '--runtime', 'python3.12', '--handler', 'app.handler', '--role', ROLE, '--zip-file', `fileb://${zipPath}`, ...e]),
    ) as { FunctionName: string; State: string };
    assert.equal(created.FunctionName, 'cli-fn');
    await awsCli(['lambda', 'wait', 'function-active-v2', '--function-name', 'cli-fn', ...e]);
    const outFile = join(dir, 'out.json');
    const invoked = JSON.parse(
      await awsCli(['lambda', 'invoke', '--function-name', 'cli-fn', '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"a":2,"b":3}', '--log-type', 'Tail', outFile, ...e]),
    ) as { StatusCode: number; ExecutedVersion: string; LogResult: string };
    assert.equal(invoked.StatusCode, 200);
    assert.equal(invoked.ExecutedVersion, '$LATEST');
    assert.deepEqual(JSON.parse(readFileSync(outFile, 'utf8')), { sum: 5 });
    assert.match(Buffer.from(invoked.LogResult, 'base64').toString('utf8'), /cli event \{'a': 2, 'b': 3\}/);
    const listed = JSON.parse(await awsCli(['lambda', 'list-functions', ...e])) as { Functions: { FunctionName: string }[] };
    assert.ok(listed.Functions.some((f) => f.FunctionName === 'cli-fn'));
    await awsCli(['lambda', 'delete-function', '--function-name', 'cli-fn', ...e]);
    await assert.rejects(awsCli(['lambda', 'get-function', '--function-name', 'cli-fn', ...e]), /ResourceNotFoundException/);
  });

  it('creates and invokes a Node function with boto3, reading its logs', async () => {
    const zipPath = join(dir, 'node.zip');
    writeFileSync(zipPath, zip({ 'index.mjs': 'export const handler = async (event) => { console.log("boto3 said", event.word); return { upper: event.word.toUpperCase() }; };' }));
    const script = `
import json, os, boto3, time
c = boto3.client("lambda", endpoint_url=os.environ["ENDPOINT"])
logs = boto3.client("logs", endpoint_url=os.environ["ENDPOINT"])
c.create_function(FunctionName="boto-fn", Runtime="nodejs22.x", Handler="index.handler", Role="${ROLE}",
                  Code={"ZipFile": open("${zipPath}", "rb").read()})
c.get_waiter("function_active_v2").wait(FunctionName="boto-fn")
r = c.invoke(FunctionName="boto-fn", Payload=json.dumps({"word": "stratus"}))
out = {"status": r["StatusCode"], "payload": json.loads(r["Payload"].read()), "error": r.get("FunctionError")}
events = logs.filter_log_events(logGroupName="/aws/lambda/boto-fn", filterPattern='"boto3 said"')["events"]
out["logged"] = [e["message"].split("\t")[-1] for e in events]
try:
    c.get_function(FunctionName="missing-fn")
except c.exceptions.ResourceNotFoundException as e:
    out["missing"] = e.response["Error"]["Message"]
print(json.dumps(out))
`;
    const out = JSON.parse(await boto3(script, t.server.endpoint)) as { status: number; payload: unknown; error: string | null; logged: string[]; missing: string };
    assert.equal(out.status, 200);
    assert.equal(out.error, null);
    assert.deepEqual(out.payload, { upper: 'STRATUS' });
    assert.deepEqual(out.logged, ['boto3 said stratus']);
    assert.equal(out.missing, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing-fn');
  });
});

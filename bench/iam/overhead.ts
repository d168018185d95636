/**
 * What `--iam enforce` costs per request: signed DynamoDB GetItem by an IAM user (its key resolved to
 * its principal, its policies and the table's resource policy evaluated) against a server with
 * `--iam off`, and by the root `test` key, with the same load generator. Both servers run at once
 * and the rounds alternate (off, enforce, off, enforce...) so that the machine's load drifts over
 * both alike; each row gives throughput and the CPU time of this process (server and generator) per
 * request, then the medians. A second part times the evaluator alone (policies cached, CPU time of
 * N decisions). Goal: < 10 % throughput loss.
 *   npm run build && node dist/bench/iam/overhead.js [seconds per round] [rounds]
 */
import { loadavg } from 'node:os';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, PutResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { authorize, type PrincipalPolicies } from '../../src/aws/iam-authorize.js';
import { actionsFor } from '../../src/aws/iam-actions.js';
import { PlatformClock } from '../../src/core/clock.js';
import { internalContext, type Principal } from '../../src/core/context.js';
import { IamEnforcement } from '../../src/server/iam-enforcement.js';
import type { LoadedService, ServiceEntry } from '../../src/services/service.js';
import { resourceStatements } from '../../src/aws/iam-resource-policies.js';
import { parsePolicy } from '../../src/aws/iam-policy.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { definition as iam } from '../../src/services/iam/index.js';
import { AWS_MANAGED_POLICIES } from '../../src/services/iam/managed.js';
import { definition as sts } from '../../src/services/sts/index.js';
import { row, runLoad, type LoadResult } from '../lib/load.js';

const seconds = Number(process.argv[2] ?? 3);
const rounds = Number(process.argv[3] ?? 4);
const ACCOUNT = '000000000000';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/bench`;
const body = JSON.stringify({ TableName: 'bench', Key: { id: { S: 'k1' } } });
const request = () => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' }, body });
const root = { accessKeyId: 'test', secretAccessKey: 'test' };
const SQS_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] });
const READ_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: TABLE_ARN }] });
// The table's own policy (a statement for another principal): evaluated on every request too.
const TABLE_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/auditor` }, Action: 'dynamodb:DescribeTable', Resource: TABLE_ARN }] });

async function server(mode: Config['iam']) {
  const s = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false, iam: mode }, { services: [dynamodb, iam, sts] });
  const cfg = { endpoint: s.endpoint, region: 'us-east-1', credentials: root };
  const ddb = new DynamoDBClient(cfg);
  await ddb.send(new CreateTableCommand({ TableName: 'bench', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
  await ddb.send(new PutItemCommand({ TableName: 'bench', Item: { id: { S: 'k1' }, v: { S: 'x'.repeat(100) } } }));
  await ddb.send(new PutResourcePolicyCommand({ ResourceArn: TABLE_ARN, Policy: TABLE_POLICY }));
  const client = new IAMClient(cfg);
  await client.send(new CreateUserCommand({ UserName: 'reader' }));
  // A realistic principal: an AWS managed policy, a customer policy and an inline one.
  await client.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  const { Policy } = await client.send(new CreatePolicyCommand({ PolicyName: 'sqs', PolicyDocument: SQS_POLICY }));
  await client.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: Policy!.Arn! }));
  await client.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'read', PolicyDocument: READ_POLICY }));
  const key = (await client.send(new CreateAccessKeyCommand({ UserName: 'reader' }))).AccessKey!;
  return { s, user: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

console.log(`IAM enforcement overhead, DynamoDB GetItem, c=16, ${rounds} alternating rounds of ${seconds} s; load average at start ${load()}`);
const servers = { off: await server('off'), enforce: await server('enforce') };
const results: Record<string, LoadResult[]> = {};
for (let round = 0; round < rounds; round++) {
  for (const mode of ['off', 'enforce'] as const) {
    const { s, user } = servers[mode];
    for (const [who, creds] of [['IAM user key', user], ['root key', root]] as const) {
      const sign = { service: 'dynamodb', region: 'us-east-1', ...creds };
      if (round === 0) await runLoad({ endpoint: s.endpoint, connections: 16, durationMs: 500, request, sign }); // warm-up
      const r = await runLoad({ endpoint: s.endpoint, connections: 16, durationMs: seconds * 1000, request, sign, cpuPids: [process.pid] });
      const name = `iam ${mode.padEnd(7)} ${who}`;
      (results[name] ??= []).push(r);
      console.log(`${row(`#${round + 1} ${name}`, r)}   cpu ${r.cpuUsPerRequest!.toFixed(1).padStart(5)} us/req   load ${load()}`);
    }
  }
}
console.log('medians:');
for (const [name, rs] of Object.entries(results)) {
  console.log(`  ${name.padEnd(30)} ${median(rs.map((r) => r.rps)).toFixed(0).padStart(8)} req/s   cpu ${median(rs.map((r) => r.cpuUsPerRequest!)).toFixed(1).padStart(6)} us/req`);
}
const ratio = (a: string, b: string, f: (r: LoadResult) => number) => median(results[b]!.map(f)) / median(results[a]!.map(f));
if (rounds > 0) console.log(`IAM user key, enforce vs off: throughput ${((ratio('iam off     IAM user key', 'iam enforce IAM user key', (r) => r.rps) - 1) * 100).toFixed(1)} %, CPU per request ${((ratio('iam off     IAM user key', 'iam enforce IAM user key', (r) => r.cpuUsPerRequest!) - 1) * 100).toFixed(1)} %`);
for (const { s } of Object.values(servers)) await s.close();

// The evaluator alone, as a request pays it once its caches are warm.
const managed = AWS_MANAGED_POLICIES.find((p) => p.name === 'AWSLambdaBasicExecutionRole')!;
const policies: PrincipalPolicies = { identity: [...(parsePolicy(JSON.stringify(managed.document)) ?? []), ...(parsePolicy(SQS_POLICY) ?? []), ...(parsePolicy(READ_POLICY) ?? [])] };
const table = { accountId: ACCOUNT, statements: resourceStatements(TABLE_POLICY) };
const context = { 'aws:principalarn': `arn:aws:iam::${ACCOUNT}:user/reader`, 'aws:principaltype': 'User', 'aws:userid': 'AIDAEXAMPLE', 'aws:requestedregion': 'us-east-1', 'aws:currenttime': new Date().toISOString(), 'aws:securetransport': 'false' };
const req = { action: 'dynamodb:GetItem', resource: TABLE_ARN, sourceIp: '127.0.0.1', callerAccount: ACCOUNT, context, principal: { arns: [`arn:aws:iam::${ACCOUNT}:user/reader`] } };
const N = 200_000;
for (let i = 0; i < 20_000; i++) authorize(policies, req, table);
const t0 = process.cpuUsage();
for (let i = 0; i < N; i++) if (!authorize(policies, req, table).allowed) throw new Error('denied');
const t = process.cpuUsage(t0);
console.log(`evaluator alone: ${(((t.user + t.system) / N) * 1000).toFixed(0)} ns CPU per decision (${policies.identity.length} identity statements, ${table.statements.length} resource statement)`);

// The whole enforcement layer of one request (actions of the operation, the principal's cached
// policies, the table's cached policy, condition keys, the decision), with the providers' caches
// replaced by ready answers: what `--iam enforce` adds to a GetItem beyond two Map lookups.
const clock = new PlatformClock();
const principal: Principal = { type: 'user', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/reader`, userId: 'AIDAEXAMPLE' };
const iamEntry = { loaded: true, provider: { principalPolicies: async () => policies } };
const services = new Map([
  ['iam', iamEntry as unknown],
  ['dynamodb', { loaded: true, provider: { resourcePolicy: async () => table } } as unknown],
]) as unknown as Map<string, ServiceEntry>;
const loadedIam = [iamEntry] as unknown as LoadedService[];
const enforcement = new IamEnforcement({ ...defaultConfig(), iam: 'enforce' }, clock, services, async () => loadedIam, () => undefined);
const ctx = internalContext(clock, { accountId: ACCOUNT, region: 'us-east-1', service: 'dynamodb', operation: 'GetItem' });
const input = { TableName: 'bench', Key: { id: { S: 'k1' } } };
const once = () => enforcement.check(ctx, principal, '127.0.0.1', actionsFor('dynamodb', 'GetItem', input, ctx)!);
for (let i = 0; i < 20_000; i++) await once();
const t1 = process.cpuUsage();
for (let i = 0; i < N; i++) await once();
const t2 = process.cpuUsage(t1);
console.log(`enforcement layer per GetItem: ${(((t2.user + t2.system) / N) * 1000).toFixed(0)} ns CPU (load average ${load()})`);

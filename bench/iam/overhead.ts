/**
 * What `--iam enforce` costs per request: signed DynamoDB GetItem by an IAM user (its key resolved to
 * its principal, its policies evaluated) with enforcement off and on, and by the root `test` key
 * (never evaluated), in the same run with the same load generator. Goal: < 10 % throughput loss.
 *   npm run build && node dist/bench/iam/overhead.js [seconds]
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { definition as iam } from '../../src/services/iam/index.js';
import { definition as sts } from '../../src/services/sts/index.js';
import { row, runLoad } from '../lib/load.js';

const seconds = Number(process.argv[2] ?? 5);
const body = JSON.stringify({ TableName: 'bench', Key: { id: { S: 'k1' } } });
const request = () => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' }, body });
const root = { accessKeyId: 'test', secretAccessKey: 'test' };

async function server(mode: Config['iam']) {
  const s = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false, iam: mode }, { services: [dynamodb, iam, sts] });
  const cfg = { endpoint: s.endpoint, region: 'us-east-1', credentials: root };
  const ddb = new DynamoDBClient(cfg);
  await ddb.send(new CreateTableCommand({ TableName: 'bench', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
  await ddb.send(new PutItemCommand({ TableName: 'bench', Item: { id: { S: 'k1' }, v: { S: 'x'.repeat(100) } } }));
  const client = new IAMClient(cfg);
  await client.send(new CreateUserCommand({ UserName: 'reader' }));
  // A realistic principal: an AWS managed policy, a customer policy and an inline one.
  await client.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
  const { Policy } = await client.send(new CreatePolicyCommand({ PolicyName: 'sqs', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] }) }));
  await client.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: Policy!.Arn! }));
  await client.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: 'arn:aws:dynamodb:us-east-1:000000000000:table/bench' }] }) }));
  const key = (await client.send(new CreateAccessKeyCommand({ UserName: 'reader' }))).AccessKey!;
  return { s, user: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

console.log(`IAM enforcement overhead, DynamoDB GetItem, ${seconds} s per row`);
for (const mode of ['off', 'enforce'] as const) {
  const { s, user } = await server(mode);
  for (const [who, creds] of [['root key', root], ['IAM user key', user]] as const) {
    for (const connections of [1, 16]) {
      const sign = { service: 'dynamodb', region: 'us-east-1', ...creds };
      await runLoad({ endpoint: s.endpoint, connections, durationMs: 500, request, sign }); // warm-up
      const r = await runLoad({ endpoint: s.endpoint, connections, durationMs: seconds * 1000, request, sign, cpuPids: [process.pid] });
      console.log(`${row(`iam ${mode.padEnd(7)} ${who.padEnd(12)} c=${connections}`, r)}   cpu ${r.cpuUsPerRequest!.toFixed(1).padStart(5)} us/req`);
    }
  }
  await s.close();
}

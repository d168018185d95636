/**
 * The resource pages in headless Chromium: a DynamoDB item edited and deleted on the page (and so
 * in the table), a function invoked from the page with its result and log tail, the function's log
 * group tailed live, a queue's messages peeked without being received, and every service's page
 * rendering with no serious accessibility violation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clientConfig } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';
import { axeViolations, CHROMIUM, describeViolations, screenshot, startConsole, type ConsoleHarness } from './helpers.js';

const HANDLER = `exports.handler = async (event) => { console.log('greeting', event.name); if (event.fail) throw new Error('asked to fail'); return { hello: event.name }; };\n`;

describe('console: resource pages (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed', timeout: 300_000 }, () => {
  let c: ConsoleHarness;
  let ddb: DynamoDBClient;
  let sqs: SQSClient;
  before(async () => {
    c = await startConsole({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } } });
    ddb = new DynamoDBClient(clientConfig(c.server.endpoint));
    sqs = new SQSClient(clientConfig(c.server.endpoint));
  });
  after(async () => {
    ddb?.destroy();
    sqs?.destroy();
    await c?.close();
  });

  it('edits and deletes a DynamoDB item on the page', async () => {
    await ddb.send(new CreateTableCommand({
      TableName: 'Orders',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    }));
    await ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'ann' }, sk: { N: '1' }, total: { N: '10' } } }));
    await ddb.send(new PutItemCommand({ TableName: 'Orders', Item: { pk: { S: 'bob' }, sk: { N: '2' }, total: { N: '20' } } }));

    const page = await c.open('#/dynamodb');
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.locator('[data-test="items"] table').waitFor();
    assert.equal(await page.locator('[data-test="items"] tbody tr').count(), 2);
    assert.deepEqual(await axeViolations(page), [], describeViolations(await axeViolations(page)));
    await screenshot(page, 'dynamodb-table');

    await page.getByRole('button', { name: 'Edit item ann / 1' }).click();
    const editor = page.getByRole('textbox', { name: 'Item' });
    const item = JSON.parse(await editor.inputValue());
    assert.deepEqual(item, { pk: { S: 'ann' }, sk: { N: '1' }, total: { N: '10' } });
    await editor.fill(JSON.stringify({ ...item, total: { N: '15' }, note: { S: 'edited on the page' } }));
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.locator('[data-test="items"] td', { hasText: 'edited on the page' }).waitFor();
    const stored = await ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'ann' }, sk: { N: '1' } } }));
    assert.deepEqual(stored.Item, { pk: { S: 'ann' }, sk: { N: '1' }, total: { N: '15' }, note: { S: 'edited on the page' } });

    await page.getByRole('button', { name: 'Delete item bob / 2' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-test="items"] tbody tr').length === 1);
    assert.equal((await ddb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: { S: 'bob' }, sk: { N: '2' } } }))).Item, undefined);

    // A Query on the partition key from the form.
    await page.getByLabel('Operation').selectOption('Query');
    await page.getByLabel('Partition key value (Query)').fill('ann');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.waitForFunction(() => document.querySelector('[data-test="items"] caption')?.textContent === 'Items (1)');
    // A wrong expression shows DynamoDB's own error.
    await page.getByLabel('Filter expression').fill('total >');
    await page.getByRole('button', { name: 'Run' }).click();
    const error = page.locator('[data-error-code="ValidationException"]');
    await error.waitFor();
    assert.match(await error.innerText(), /Invalid FilterExpression/);
    await page.close();
  });

  it('invokes a function from the page and shows its result, its log tail and its log group live', async () => {
    const lambda = new LambdaClient(clientConfig(c.server.endpoint));
    await createFunction(lambda, 'greeter', { 'index.js': HANDLER });
    lambda.destroy();

    const page = await c.open('#/lambda');
    await page.getByRole('link', { name: 'greeter' }).click();
    await page.getByRole('button', { name: 'Invoke' }).waitFor();
    await page.getByRole('textbox', { name: 'Payload (JSON)' }).fill('{"name":"ann"}');
    await page.getByRole('button', { name: 'Invoke' }).click();
    await page.locator('[data-test="invoke-log"] pre').filter({ hasText: 'REPORT RequestId' }).waitFor();
    assert.deepEqual(JSON.parse(await page.locator('[data-test="invoke-payload"] pre').innerText()), { hello: 'ann' });
    assert.match(await page.locator('[data-test="invoke-log"]').innerText(), /greeting ann/);
    assert.deepEqual(await axeViolations(page), [], describeViolations(await axeViolations(page)));
    await screenshot(page, 'lambda-function');

    await page.getByRole('textbox', { name: 'Payload (JSON)' }).fill('{"name":"bob","fail":true}');
    await page.getByRole('button', { name: 'Invoke' }).click();
    await page.locator('[data-test="invoke-payload"][data-error="Unhandled"]').waitFor();
    assert.match(await page.locator('[data-test="invoke-payload"]').innerText(), /asked to fail/);

    await page.getByRole('link', { name: '/aws/lambda/greeter' }).click();
    await page.locator('[data-test="log-events"] td', { hasText: 'greeting bob' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], describeViolations(await axeViolations(page)));
    await screenshot(page, 'logs-group');
    await page.close();
  });

  it('peeks at a queue\'s messages without receiving them', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'first job' }));
    const page = await c.open('#/sqs');
    await page.getByRole('link', { name: 'jobs' }).click();
    await page.locator('[data-test="messages"] td', { hasText: 'first job' }).waitFor();
    await page.getByRole('textbox', { name: 'Body' }).fill('sent from the page');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('[data-test="messages"] td', { hasText: 'sent from the page' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], describeViolations(await axeViolations(page)));
    await screenshot(page, 'sqs-queue');
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    assert.equal(attrs.Attributes?.ApproximateNumberOfMessages, '2');
    assert.equal(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible, '0');
    await page.close();
  });

  it('renders every service\'s page without a serious accessibility violation', async () => {
    const s3 = new S3Client({ ...clientConfig(c.server.endpoint), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'site' }));
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'docs/index.html', Body: '<h1>hi</h1>' }));
    s3.destroy();
    const health = (await (await fetch(`${c.server.endpoint}/_stratus/health`)).json()) as { services: Record<string, unknown> };
    for (const service of Object.keys(health.services)) {
      const page = await c.open(`#/${service}`);
      assert.equal(await page.locator('.error').count(), 0, `${service}: ${await page.locator('.error').allInnerTexts()}`);
      assert.equal(await page.locator('h1').count(), 1, service);
      assert.deepEqual(await axeViolations(page), [], `${service}: ${describeViolations(await axeViolations(page))}`);
      if (service === 's3') {
        await page.getByRole('link', { name: 'site' }).click();
        await page.getByRole('link', { name: 'docs/' }).click();
        await page.locator('td', { hasText: 'docs/index.html' }).waitFor();
        await screenshot(page, 's3-bucket');
      }
      await page.close();
    }
  });
});

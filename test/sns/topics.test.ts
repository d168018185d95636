import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddPermissionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  PutDataProtectionPolicyCommand,
  RemovePermissionCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SubscribeCommand,
  TagResourceCommand,
  UnsubscribeCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-sns';
import { failure, snsServer, type SnsTestContext } from './helpers.js';

const ACCOUNT = '000000000000';

describe('SNS topics and subscriptions', () => {
  let t: SnsTestContext;
  before(async () => {
    t = await snsServer();
  });
  after(async () => {
    t.sns.destroy();
    t.sqs.destroy();
    await t.server.stop();
  });

  it('CreateTopic is idempotent with the same attributes and refuses others', async () => {
    const a = await t.sns.send(new CreateTopicCommand({ Name: 'orders', Attributes: { DisplayName: 'Orders' }, Tags: [{ Key: 'team', Value: 'a' }] }));
    assert.equal(a.TopicArn, `arn:aws:sns:us-east-1:${ACCOUNT}:orders`);
    const b = await t.sns.send(new CreateTopicCommand({ Name: 'orders', Attributes: { DisplayName: 'Orders' } }));
    assert.equal(b.TopicArn, a.TopicArn);
    assert.deepEqual(await failure(t.sns.send(new CreateTopicCommand({ Name: 'orders', Attributes: { DisplayName: 'Other' } }))), {
      name: 'InvalidParameterException',
      code: 'InvalidParameter',
      message: 'Invalid parameter: Attributes Reason: Topic already exists with different attributes',
      status: 400,
    });
    const tags = await failure(t.sns.send(new CreateTopicCommand({ Name: 'orders', Tags: [{ Key: 'team', Value: 'b' }] })));
    assert.equal(tags.message, 'Invalid parameter: Tags Reason: Topic already exists with different tags');
  });

  it('topic names: FIFO needs .fifo and FifoTopic, characters and length are checked', async () => {
    for (const [Name, Attributes] of [['', {}], ['a'.repeat(257), {}], ['bad name', {}], ['x.fifo', {}], ['x', { FifoTopic: 'true' }]] as const) {
      const e = await failure(t.sns.send(new CreateTopicCommand({ Name, Attributes })));
      assert.equal(e.status, 400);
      assert.equal(e.message, 'Invalid parameter: Topic Name', Name);
    }
    const fifo = await t.sns.send(new CreateTopicCommand({ Name: 'x.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }));
    const attrs = (await t.sns.send(new GetTopicAttributesCommand({ TopicArn: fifo.TopicArn }))).Attributes!;
    assert.equal(attrs.FifoTopic, 'true');
    assert.equal(attrs.ContentBasedDeduplication, 'true');
  });

  it('GetTopicAttributes answers the defaults; SetTopicAttributes changes what may change', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'attrs' }));
    const attrs = (await t.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!;
    assert.equal(attrs.TopicArn, TopicArn);
    assert.equal(attrs.Owner, ACCOUNT);
    assert.equal(attrs.DisplayName, '');
    assert.equal(attrs.SubscriptionsConfirmed, '0');
    assert.equal(attrs.FifoTopic, undefined);
    const policy = JSON.parse(attrs.Policy!);
    assert.equal(policy.Statement[0].Sid, '__default_statement_ID');
    assert.equal(JSON.parse(attrs.EffectiveDeliveryPolicy!).http.defaultHealthyRetryPolicy.numRetries, 3);
    await t.sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'SignatureVersion', AttributeValue: '2' }));
    assert.equal((await t.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.SignatureVersion, '2');
    assert.equal((await failure(t.sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'FifoTopic', AttributeValue: 'false' })))).message, 'Invalid parameter: AttributeName');
    assert.deepEqual(await failure(t.sns.send(new GetTopicAttributesCommand({ TopicArn: `${TopicArn}-missing` }))), {
      name: 'NotFoundException',
      code: 'NotFound',
      message: 'Topic does not exist',
      status: 404,
    });
    assert.equal(
      (await failure(t.sns.send(new GetTopicAttributesCommand({ TopicArn: 'not-an-arn' })))).message,
      'Invalid parameter: TopicArn Reason: An ARN must have at least 6 elements, not 1',
    );
  });

  it('ListTopics pages by 100', async () => {
    for (let i = 0; i < 105; i++) await t.sns.send(new CreateTopicCommand({ Name: `page-${String(i).padStart(3, '0')}` }));
    const first = await t.sns.send(new ListTopicsCommand({}));
    assert.equal(first.Topics!.length, 100);
    assert.ok(first.NextToken);
    const second = await t.sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    const all = [...first.Topics!, ...second.Topics!].map((x) => x.TopicArn);
    assert.equal(new Set(all).size, all.length);
    assert.ok(all.filter((a) => a!.includes(':page-')).length === 105);
    assert.equal(second.NextToken, undefined);
  });

  it('Subscribe checks protocols and endpoints as AWS does', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'subs' }));
    const cases: [string, string, string][] = [
      ['test-protocol', 'x', 'Invalid parameter: Amazon SNS does not support this protocol string: test-protocol'],
      ['sqs', 'http://localhost/000000000000/q', 'Invalid parameter: SQS endpoint ARN'],
      ['sqs', `arn:aws:sqs:us-east-1:${ACCOUNT}:q.fifo`, 'Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics'],
      ['sms', '+15--551234567', 'Invalid SMS endpoint: +15--551234567'],
      ['sms', 'NAA+15551234567', 'Invalid SMS endpoint: NAA+15551234567'],
    ];
    for (const [Protocol, Endpoint, message] of cases) {
      const e = await failure(t.sns.send(new SubscribeCommand({ TopicArn, Protocol, Endpoint })));
      assert.equal(e.status, 400);
      assert.equal(e.message, message);
    }
    const bad = await failure(t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, Attributes: { RawMessageDelivery: 'wrongvalue' } })));
    assert.equal(bad.message, 'Invalid parameter: Attributes Reason: RawMessageDelivery: Invalid value [wrongvalue]. Must be true or false.');
    const policy = await failure(t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, Attributes: { FilterPolicy: '{invalid' } })));
    assert.match(policy.message, /^Invalid parameter: Attributes Reason: FilterPolicy: failed to parse JSON\./);
    assert.equal((await failure(t.sns.send(new SubscribeCommand({ TopicArn: `${TopicArn}x`, Protocol: 'sqs', Endpoint: `arn:aws:sqs:us-east-1:${ACCOUNT}:q` })))).status, 404);
  });

  it('subscriptions: idempotent Subscribe, attributes, lists, pending confirmation, Unsubscribe', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'sub-crud' }));
    const Endpoint = `arn:aws:sqs:us-east-1:${ACCOUNT}:some-queue`;
    const a = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, Attributes: { RawMessageDelivery: 'true' } }));
    const b = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint, Attributes: { RawMessageDelivery: 'true' } }));
    assert.equal(a.SubscriptionArn, b.SubscriptionArn);
    assert.ok(a.SubscriptionArn!.startsWith(`${TopicArn}:`));
    const diff = await failure(t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint })));
    assert.equal(diff.message, 'Invalid parameter: Attributes Reason: Subscription already exists with different attributes');
    const attrs = (await t.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: a.SubscriptionArn }))).Attributes!;
    assert.equal(attrs.RawMessageDelivery, 'true');
    assert.equal(attrs.PendingConfirmation, 'false');
    assert.equal(attrs.ConfirmationWasAuthenticated, 'true');
    assert.equal(attrs.Protocol, 'sqs');
    assert.equal(attrs.Endpoint, Endpoint);
    await t.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: a.SubscriptionArn, AttributeName: 'FilterPolicy', AttributeValue: '{"k":["v"]}' }));
    const withPolicy = (await t.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: a.SubscriptionArn }))).Attributes!;
    assert.equal(withPolicy.FilterPolicy, '{"k":["v"]}');
    assert.equal(withPolicy.FilterPolicyScope, 'MessageAttributes');
    for (const [AttributeName, AttributeValue, message] of [
      ['Fake', 'x', 'Invalid parameter: AttributeName'],
      ['RawMessageDelivery', 'test-ValUe', 'Invalid parameter: RawMessageDelivery: Invalid value [test-ValUe]. Must be true or false.'],
      ['RedrivePolicy', '{"deadLetterTargetArn": "fake-arn"}', 'Invalid parameter: RedrivePolicy: deadLetterTargetArn is an invalid arn'],
      [
        'RedrivePolicy',
        '{invalid',
        "Invalid parameter: RedrivePolicy: failed to parse JSON. Unexpected character ('i' (code 105)): was expecting double-quote to start field name\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 2]",
      ],
    ] as const) {
      assert.equal((await failure(t.sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: a.SubscriptionArn, AttributeName, AttributeValue })))).message, message);
    }
    const http = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: 'http://127.0.0.1:9/nowhere' }));
    assert.equal(http.SubscriptionArn, 'pending confirmation');
    const byTopic = await t.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }));
    assert.deepEqual(byTopic.Subscriptions!.map((s) => s.SubscriptionArn).sort(), [a.SubscriptionArn, 'PendingConfirmation'].sort());
    const all = await t.sns.send(new ListSubscriptionsCommand({}));
    assert.ok(all.Subscriptions!.some((s) => s.SubscriptionArn === a.SubscriptionArn && s.Owner === ACCOUNT && s.TopicArn === TopicArn));
    assert.equal((await t.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.SubscriptionsPending, '1');
    await t.sns.send(new UnsubscribeCommand({ SubscriptionArn: a.SubscriptionArn }));
    assert.deepEqual(await failure(t.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: a.SubscriptionArn }))), {
      name: 'NotFoundException',
      code: 'NotFound',
      message: 'Subscription does not exist',
      status: 404,
    });
    assert.equal((await failure(t.sns.send(new UnsubscribeCommand({ SubscriptionArn: 'randomstring' })))).message, 'Invalid parameter: SubscriptionArn Reason: An ARN must have at least 6 elements, not 1');
    await t.sns.send(new DeleteTopicCommand({ TopicArn }));
    assert.equal((await t.sns.send(new ListSubscriptionsCommand({}))).Subscriptions!.filter((s) => s.TopicArn === TopicArn).length, 0);
  });

  it('tags and permissions', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'tagged' }));
    await t.sns.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }] }));
    assert.deepEqual((await t.sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
    await t.sns.send(new UntagResourceCommand({ ResourceArn: TopicArn, TagKeys: ['a'] }));
    assert.deepEqual((await t.sns.send(new ListTagsForResourceCommand({ ResourceArn: TopicArn }))).Tags, [{ Key: 'b', Value: '2' }]);
    assert.equal((await failure(t.sns.send(new TagResourceCommand({ ResourceArn: TopicArn, Tags: [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }] })))).message, 'Invalid parameter: Duplicated keys are not allowed.');
    await t.sns.send(new AddPermissionCommand({ TopicArn, Label: 'p1', AWSAccountId: ['111122223333'], ActionName: ['Publish'] }));
    const policy = JSON.parse((await t.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.Policy!);
    assert.deepEqual(policy.Statement[1], { Sid: 'p1', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'SNS:Publish', Resource: TopicArn });
    assert.equal((await failure(t.sns.send(new AddPermissionCommand({ TopicArn, Label: 'p1', AWSAccountId: ['111122223333'], ActionName: ['Publish'] })))).message, 'Invalid parameter: Statement already exists');
    assert.equal((await failure(t.sns.send(new AddPermissionCommand({ TopicArn, Label: 'p2', AWSAccountId: ['111122223333'], ActionName: ['SendMessage'] })))).message, 'Invalid parameter: Policy statement action out of service scope!');
    await t.sns.send(new RemovePermissionCommand({ TopicArn, Label: 'p1' }));
    assert.equal(JSON.parse((await t.sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.Policy!).Statement.length, 1);
  });

  it('data protection policies answer NotImplemented', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'dpp' }));
    const e = await failure(t.sns.send(new PutDataProtectionPolicyCommand({ ResourceArn: TopicArn, DataProtectionPolicy: '{}' })));
    assert.equal(e.status, 501);
    assert.equal(e.code, 'NotImplemented');
  });
});

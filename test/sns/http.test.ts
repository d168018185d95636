import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ConfirmSubscriptionCommand, CreateTopicCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { peek } from '../../src/jobs/queue.js';
import { eventually, failure, getVia127, snsServer, type SnsTestContext } from './helpers.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

describe('SNS delivery to HTTP endpoints and the local inbox', () => {
  let t: SnsTestContext;
  let http: Server;
  let url: string;
  const received: Received[] = [];
  /** Status codes to answer, in order (then 200). */
  const answers: number[] = [];
  before(async () => {
    t = await snsServer();
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answers.shift() ?? 200);
        res.end();
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as { port: number }).port}/hook`;
  });
  after(async () => {
    t.sns.destroy();
    t.sqs.destroy();
    await t.server.stop();
    await new Promise((r) => http.close(r));
  });

  it('confirmation first, then notifications with the x-amz-sns headers; a 500 is retried on the platform clock', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'web' }));
    const sub = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: url }));
    assert.equal(sub.SubscriptionArn, 'pending confirmation');
    const confirm = await eventually(() => received.find((r) => r.headers['x-amz-sns-message-type'] === 'SubscriptionConfirmation'));
    assert.equal(confirm.headers['x-amz-sns-topic-arn'], TopicArn);
    assert.equal(confirm.headers['content-type'], 'text/plain; charset=UTF-8');
    assert.equal(confirm.headers['user-agent'], 'Amazon Simple Notification Service Agent');
    const c = JSON.parse(confirm.body);
    assert.equal(c.Type, 'SubscriptionConfirmation');
    assert.equal(c.Message, `You have chosen to subscribe to the topic ${TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`);
    assert.equal(c.SubscribeURL, `${c.SigningCertURL.replace(/\/Simple.*$/, '')}/?Action=ConfirmSubscription&TopicArn=${TopicArn}&Token=${c.Token}`);
    // Nothing is delivered before the endpoint confirms.
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'too early' }));
    assert.equal((await failure(t.sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: 'randomtoken' })))).message, 'Invalid token');
    assert.equal((await failure(t.sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: 'abc123' })))).message, 'Invalid parameter: Token');
    // Visiting the SubscribeURL (unsigned) confirms it.
    const visit = await getVia127(c.SubscribeURL);
    assert.equal(visit.status, 200);
    const arn = /<SubscriptionArn>(.*)<\/SubscriptionArn>/.exec(visit.body)![1]!;
    assert.ok(arn.startsWith(`${TopicArn}:`));
    const attrs = (await t.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes!;
    assert.equal(attrs.PendingConfirmation, 'false');
    assert.equal(attrs.ConfirmationWasAuthenticated, 'false');
    assert.equal(JSON.parse(attrs.EffectiveDeliveryPolicy!).healthyRetryPolicy.numRetries, 3);
    // The SDK's ConfirmSubscription with the same token answers the same subscription.
    assert.equal((await t.sns.send(new ConfirmSubscriptionCommand({ TopicArn, Token: c.Token }))).SubscriptionArn, arn);

    answers.push(500);
    const before = received.length;
    const { MessageId } = await t.sns.send(new PublishCommand({ TopicArn, Message: 'hello web', Subject: 'hi' }));
    await eventually(() => (received.length > before ? true : undefined));
    assert.equal(received.length, before + 1, 'one attempt, answered 500');
    // AWS's default HTTP policy: the retry comes 20 seconds later (platform time), once the failure is recorded.
    const job = await eventually(async () => {
      const j = await peek(t.server.db, 'sns.deliver', `${MessageId}/${arn}`);
      return j && j.attempt === 1 && j.leaseOwner === null ? j : undefined;
    });
    assert.equal(job.dueAt - t.server.clock.now() <= 20_000, true);
    t.server.clock.advance(20_000);
    const note = await eventually(() => (received.length > before + 1 ? received[received.length - 1] : undefined));
    assert.equal(note.headers['x-amz-sns-message-type'], 'Notification');
    assert.equal(note.headers['x-amz-sns-message-id'], MessageId);
    assert.equal(note.headers['x-amz-sns-subscription-arn'], arn);
    const n = JSON.parse(note.body);
    assert.equal(n.Message, 'hello web');
    assert.equal(n.Subject, 'hi');
    assert.ok(!received.some((r) => r.body.includes('too early')));

    // UnsubscribeURL, visited, removes the subscription.
    const gone = await getVia127(n.UnsubscribeURL);
    assert.equal(gone.status, 200);
    assert.deepEqual((await t.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
  });

  it('confirmation errors on the SubscribeURL answer XML as AWS does', async () => {
    const cert = await getVia127(`http://sns.us-east-1.localhost:${t.server.port}/?Action=ConfirmSubscription&TopicArn=not-an-arn&Token=abc`);
    assert.equal(cert.status, 400);
    assert.match(cert.body, /<Code>InvalidParameter<\/Code><Message>Invalid parameter: Topic<\/Message>/);
  });

  it('email, email-json and SMS are recorded to the inbox at /_stratus/sns/messages', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'people' }));
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'someone@example.com' }));
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sms', Endpoint: '+15551234567' }));
    const inbox = async (q: string) => ((await (await fetch(`${t.server.endpoint}/_stratus/sns/messages?${q}`)).json()) as { messages: Record<string, string>[] }).messages;
    const confirmation = await eventually(async () => (await inbox('endpoint=someone%40example.com'))[0]);
    assert.equal(confirmation.type, 'SubscriptionConfirmation');
    const link = /(http:\/\/sns\.[^\s]+)/.exec(confirmation.message)![1]!;
    assert.equal((await getVia127(link)).status, 200);
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'to people', Subject: 'news' }));
    await t.sns.send(new PublishCommand({ PhoneNumber: '+15550001111', Message: 'direct text' }));
    const mail = await eventually(async () => (await inbox('endpoint=someone%40example.com&protocol=email')).find((m) => m.type === 'Notification'));
    assert.equal(mail.message, 'to people');
    assert.equal(mail.subject, 'news');
    const texts = await eventually(async () => {
      const m = await inbox('protocol=sms');
      return m.length >= 2 ? m : undefined;
    });
    assert.deepEqual(texts.map((m) => [m.endpoint, m.message]).sort(), [['+15550001111', 'direct text'], ['+15551234567', 'to people']]);
    const cleared = await fetch(`${t.server.endpoint}/_stratus/sns/messages?protocol=sms`, { method: 'DELETE' });
    assert.equal(cleared.status, 200);
    assert.deepEqual(await inbox('protocol=sms'), []);
  });
});

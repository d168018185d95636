/**
 * What endpoints receive: the JSON notification (SQS, HTTP/S, email-json, redrive DLQs), the Lambda
 * event (`Records[].Sns`), and the SubscriptionConfirmation / UnsubscribeConfirmation messages. Field
 * order and layout follow what SNS sends; the signature covers the fields AWS documents.
 */
import type { SnsCore } from '../core.js';
import { messageFor, type StoredMessage } from '../message.js';

export interface Target {
  arn: string;
  protocol: string;
  region: string;
}

/** The notification fields in SNS's order, signed unless the topic is FIFO (FIFO notifications carry no signature). */
export function notification(core: SnsCore, m: StoredMessage, sub: Target): Record<string, unknown> {
  const out: Record<string, unknown> = { Type: 'Notification', MessageId: m.id };
  if (m.sequenceNumber) out.SequenceNumber = m.sequenceNumber;
  out.TopicArn = m.topicArn;
  if (m.subject !== undefined) out.Subject = m.subject;
  out.Message = messageFor(m, sub.protocol);
  out.Timestamp = m.timestamp;
  if (!m.fifo) {
    out.SignatureVersion = m.signatureVersion;
    out.Signature = core.signer.sign(out, m.signatureVersion);
    out.SigningCertURL = core.certUrl(sub.region);
  }
  out.UnsubscribeURL = core.unsubscribeUrl(sub.region, sub.arn);
  const attrs = Object.entries(m.attributes);
  if (attrs.length > 0) out.MessageAttributes = Object.fromEntries(attrs.map(([k, a]) => [k, { Type: a.Type, Value: a.Value }]));
  return out;
}

/** A JSON message laid out as SNS writes it: one `"Key" : value` per line. */
export function formatEnvelope(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(([k, v]) => {
    if (k === 'MessageAttributes' && v && typeof v === 'object') {
      const inner = Object.entries(v as Record<string, unknown>).map(([n, a]) => `    ${JSON.stringify(n)} : ${JSON.stringify(a)}`);
      return `  "MessageAttributes" : {\n${inner.join(',\n')}\n  }`;
    }
    return `  ${JSON.stringify(k)} : ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

/** The event a subscribed function receives (an asynchronous invocation). */
export function lambdaEvent(core: SnsCore, m: StoredMessage, sub: Target): string {
  const n = notification(core, m, sub);
  const sns: Record<string, unknown> = {
    Type: 'Notification',
    MessageId: m.id,
    TopicArn: m.topicArn,
    Subject: m.subject ?? null,
    Message: n.Message,
    Timestamp: m.timestamp,
    SignatureVersion: n.SignatureVersion,
    Signature: n.Signature,
    SigningCertUrl: n.SigningCertURL,
    UnsubscribeUrl: n.UnsubscribeURL,
    MessageAttributes: n.MessageAttributes ?? {},
  };
  return JSON.stringify({ Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', EventSubscriptionArn: sub.arn, Sns: sns }] });
}

export interface ConfirmationPayload {
  sub: string;
  topic: string;
  protocol: string;
  endpoint: string;
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  token: string;
  messageId: string;
  timestamp: string;
}

/** A SubscriptionConfirmation (or UnsubscribeConfirmation) message, signed with SignatureVersion 1. */
export function confirmation(core: SnsCore, p: ConfirmationPayload): Record<string, unknown> {
  const region = p.topic.split(':')[3]!;
  const message =
    p.type === 'SubscriptionConfirmation'
      ? `You have chosen to subscribe to the topic ${p.topic}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
      : `You have chosen to deactivate subscription ${p.sub}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
  const out: Record<string, unknown> = {
    Type: p.type,
    MessageId: p.messageId,
    Token: p.token,
    TopicArn: p.topic,
    Message: message,
    SubscribeURL: core.subscribeUrl(region, p.topic, p.token),
    Timestamp: p.timestamp,
    SignatureVersion: '1',
  };
  out.Signature = core.signer.sign(out, '1');
  out.SigningCertURL = core.certUrl(region);
  return out;
}

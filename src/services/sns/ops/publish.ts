/**
 * Publish and PublishBatch. Each message is checked as AWS checks it, then, in one transaction, stored
 * with a delivery row and job for every confirmed subscription whose filter policy it matches: an
 * acknowledged publish survives a crash. FIFO topics number messages and drop duplicates for five
 * minutes. PhoneNumber publishes go to the local inbox.
 */
import { randomUUID } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import { compileFilterPolicy, filterPolicyScope, matchesFilterPolicy, type CompiledPattern, type FilterPolicyScope } from '../../../aws/event-patterns/index.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BatchEntryIdsNotDistinctException,
  BatchRequestTooLongException,
  EmptyBatchRequestException,
  InvalidBatchEntryIdException,
  TooManyEntriesInBatchRequestException,
  type PublishBatchInput,
  type PublishBatchResponse,
  type PublishBatchRequestEntry,
  type PublishInput,
  type PublishResponse,
  type SNSApi,
} from '../../../generated/sns.js';
import type { Tx } from '../../../storage/db.js';
import { invalidParameter, topicNotFound, withSubAttrs, type SnsCore, type Topic } from '../core.js';
import { enqueueDeliveries } from '../delivery/jobs.js';
import { recordToInbox } from '../delivery/send.js';
import { checkAttributes, checkFifoId, checkStructure, checkSubject, contentDedupId, MAX_MESSAGE_BYTES, messageFor, sequenceNumber, type StoredMessage } from '../message.js';
import type { SubscriptionRow } from '../store.js';
import { validPhone } from './subscriptions.js';

const DEDUP_WINDOW_MS = 5 * 60_000;

type Entry = Omit<PublishBatchRequestEntry, 'Id'>;

/** A checked message before it has an id and a sequence number. */
type Prepared = Omit<StoredMessage, 'id' | 'timestamp' | 'sequenceNumber'> & { bytes: number };

const compiled = new Map<string, CompiledPattern>();
function policyOf(text: string, scope: FilterPolicyScope): CompiledPattern {
  const key = `${scope}\n${text}`;
  let c = compiled.get(key);
  if (!c) {
    if (compiled.size > 1000) compiled.clear();
    c = compileFilterPolicy(text, scope);
    compiled.set(key, c);
  }
  return c;
}

export class PublishOps implements Pick<SNSApi, 'Publish' | 'PublishBatch'> {
  constructor(private readonly core: SnsCore) {}

  async Publish(ctx: RequestContext, input: PublishInput): Promise<PublishResponse> {
    const given = [input.TopicArn, input.TargetArn, input.PhoneNumber].filter((x) => x !== undefined).length;
    if (given === 0) throw invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
    if (given > 1) throw invalidParameter('Invalid parameter: TopicArn or TargetArn or PhoneNumber Reason: Only one of them may be specified');
    if (input.PhoneNumber !== undefined) return this.publishSms(ctx, input);
    let topicArn = input.TopicArn;
    if (input.TargetArn !== undefined) {
      const arn = parseArn(input.TargetArn);
      if (!arn || input.TargetArn.split(':').length < 6) throw invalidParameter(`Invalid parameter: TargetArn Reason: An ARN must have at least 6 elements, not ${input.TargetArn.split(':').length}`);
      // A topic may be named as the target; mobile endpoints (CreatePlatformEndpoint) are not implemented, so none exists.
      if (arn.service !== 'sns' || arn.resource.includes('/')) throw invalidParameter('Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified');
      topicArn = input.TargetArn;
    }
    const topic = await this.core.topicByArn(ctx, topicArn!, undefined, input.TargetArn !== undefined ? 'TargetArn' : 'TopicArn');
    const p = this.prepare(topic, input);
    if (p.bytes > MAX_MESSAGE_BYTES) throw invalidParameter('Invalid parameter: Message too long');
    const [out] = await this.store(topic, [p]);
    return out!;
  }

  async PublishBatch(ctx: RequestContext, input: PublishBatchInput): Promise<PublishBatchResponse> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    const entries = input.PublishBatchRequestEntries;
    if (entries.length === 0) throw new EmptyBatchRequestException("The batch request doesn't contain any entries.");
    if (entries.length > 10) throw new TooManyEntriesInBatchRequestException('The batch request contains more entries than permissible.');
    const ids = new Set<string>();
    for (const e of entries) {
      if (e.Id.length > 80) throw new InvalidBatchEntryIdException(`The Id of a batch entry in the batch request is too long: ${e.Id}`);
      if (!/^[A-Za-z0-9_-]+$/.test(e.Id)) throw new InvalidBatchEntryIdException(`The Id of a batch entry in the batch request contains an impermissible character: ${e.Id}`);
      if (ids.has(e.Id)) throw new BatchEntryIdsNotDistinctException('Two or more batch entries in the request have the same Id.');
      ids.add(e.Id);
    }
    // Every entry is checked before any is stored: one bad entry fails the request, as AWS answers.
    const prepared = entries.map((e) => this.prepare(topic, e));
    if (prepared.reduce((n, p) => n + p.bytes, 0) > MAX_MESSAGE_BYTES) throw new BatchRequestTooLongException('The length of all the messages put together is more than the limit.');
    const results = await this.store(topic, prepared);
    return { Successful: results.map((r, i) => ({ Id: entries[i]!.Id, ...r })), Failed: [] };
  }

  private prepare(topic: Topic, e: Entry): Prepared {
    if (e.Message === undefined || e.Message === '') throw invalidParameter('Invalid parameter: Empty message');
    checkSubject(e.Subject);
    const perProtocol = checkStructure(e.MessageStructure, e.Message);
    const attrs = checkAttributes(e.MessageAttributes);
    checkFifoId(e.MessageGroupId, 'MessageGroupId');
    checkFifoId(e.MessageDeduplicationId, 'MessageDeduplicationId');
    let dedupId = e.MessageDeduplicationId;
    if (topic.fifo) {
      if (e.MessageGroupId === undefined) throw invalidParameter('Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
      if (dedupId === undefined) {
        if (topic.a.ContentBasedDeduplication !== 'true') throw invalidParameter('Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        dedupId = contentDedupId(e.Message);
      }
    } else if (dedupId !== undefined) {
      throw invalidParameter('Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type');
    }
    return {
      topicArn: topic.arn,
      message: e.Message,
      ...(perProtocol ? { perProtocol } : {}),
      ...(e.Subject !== undefined ? { subject: e.Subject } : {}),
      attributes: attrs.stored,
      ...(e.MessageGroupId !== undefined ? { groupId: e.MessageGroupId } : {}),
      ...(dedupId !== undefined ? { dedupId } : {}),
      signatureVersion: topic.a.SignatureVersion ?? '1',
      fifo: topic.fifo === 1,
      bytes: Buffer.byteLength(e.Message) + attrs.bytes,
    };
  }

  /** Stores the messages and their deliveries in one transaction. */
  private async store(topic: Topic, batch: Prepared[]): Promise<PublishResponse[]> {
    const now = this.core.clock.now();
    const timestamp = new Date(now).toISOString();
    const { results, kinds } = await this.core.db.tx(async (tx) => {
      const head = await tx.get<{ next_seq: number }>('SELECT next_seq FROM sns_topics WHERE account = ? AND region = ? AND name = ?', [topic.account, topic.region, topic.name]);
      if (!head) throw topicNotFound();
      let seq = Number(head.next_seq);
      const subs = (await tx.all<SubscriptionRow>('SELECT * FROM sns_subscriptions WHERE topic = ? AND confirmed = 1 ORDER BY arn', [topic.arn])).map(withSubAttrs);
      const results: PublishResponse[] = [];
      const kinds = new Set<string>();
      for (const { bytes: _bytes, ...p } of batch) {
        if (topic.fifo) {
          const dup = await tx.get<{ message_id: string; seq: number }>(
            'SELECT message_id, seq FROM sns_dedup WHERE account = ? AND region = ? AND topic = ? AND dedup_id = ? AND expires > ?',
            [topic.account, topic.region, topic.name, p.dedupId!, now],
          );
          if (dup) {
            results.push({ MessageId: dup.message_id, SequenceNumber: sequenceNumber(Number(dup.seq)) });
            continue;
          }
        }
        const m: StoredMessage = { ...p, id: randomUUID(), timestamp, ...(topic.fifo ? { sequenceNumber: sequenceNumber(seq) } : {}) };
        if (topic.fifo) {
          await tx.run(
            'INSERT INTO sns_dedup (account, region, topic, dedup_id, expires, message_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, topic, dedup_id) DO UPDATE SET expires = excluded.expires, message_id = excluded.message_id, seq = excluded.seq',
            [topic.account, topic.region, topic.name, p.dedupId!, now + DEDUP_WINDOW_MS, m.id, seq],
          );
        }
        const matching = subs.filter((s) => matches(s.a, s.protocol, m));
        if (matching.length > 0) {
          await tx.run('INSERT INTO sns_messages (id, doc, created) VALUES (?, ?, ?)', [m.id, JSON.stringify(m), now]);
          for (const k of await enqueueDeliveries(tx, m, matching, seq, now)) kinds.add(k);
        }
        results.push(topic.fifo ? { MessageId: m.id, SequenceNumber: m.sequenceNumber! } : { MessageId: m.id });
        seq++;
      }
      if (topic.fifo) {
        await tx.run('UPDATE sns_topics SET next_seq = ? WHERE account = ? AND region = ? AND name = ?', [seq, topic.account, topic.region, topic.name]);
        await tx.run('DELETE FROM sns_dedup WHERE account = ? AND region = ? AND topic = ? AND expires <= ?', [topic.account, topic.region, topic.name, now]);
      }
      return { results, kinds };
    });
    for (const k of kinds) this.core.jobs.wake(k, now);
    return results;
  }

  private async publishSms(ctx: RequestContext, input: PublishInput): Promise<PublishResponse> {
    const phone = input.PhoneNumber!;
    if (!validPhone(phone)) throw invalidParameter(`Invalid parameter: PhoneNumber Reason: ${phone} is not valid to publish to`);
    if (input.Message === undefined || input.Message === '') throw invalidParameter('Invalid parameter: Empty message');
    const perProtocol = checkStructure(input.MessageStructure, input.Message);
    const attrs = checkAttributes(input.MessageAttributes);
    if (Buffer.byteLength(input.Message) + attrs.bytes > MAX_MESSAGE_BYTES) throw invalidParameter('Invalid parameter: Message too long');
    const id = randomUUID();
    const now = this.core.clock.now();
    const message = perProtocol ? (perProtocol.sms ?? perProtocol.default!) : input.Message;
    await this.core.db.tx((tx: Tx) =>
      recordToInbox(tx, this.core, { accountId: ctx.accountId, region: ctx.region }, {
        type: 'Notification',
        protocol: 'sms',
        endpoint: phone,
        messageId: id,
        message,
        messageAttributes: attrs.stored,
        timestamp: new Date(now).toISOString(),
      }),
    );
    return { MessageId: id };
  }
}

/** Whether a subscription's filter policy lets a message through. */
function matches(attrs: Readonly<Record<string, string>>, protocol: string, m: StoredMessage): boolean {
  const policy = attrs.FilterPolicy;
  if (!policy) return true;
  const scope = filterPolicyScope(attrs.FilterPolicyScope ?? 'MessageAttributes');
  const attributes = Object.fromEntries(Object.entries(m.attributes).map(([k, a]) => [k, { DataType: a.Type, StringValue: a.binary ? undefined : a.Value }]));
  return matchesFilterPolicy(policyOf(policy, scope), scope, { body: messageFor(m, protocol), attributes });
}

/**
 * `GET /_stratus/sqs/messages?queueUrl=...&max=N`: the messages a queue holds, read without
 * receiving them (no receive count, visibility or FIFO group lock changes), for the console and
 * for tests. Each message says whether it is visible now, in flight or delayed.
 */
import { isAwsError } from '../../aws/errors.js';
import { internalContext } from '../../core/context.js';
import type { Clock } from '../../core/clock.js';
import type { HttpRequest, ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute } from '../service.js';
import type { SqsCore } from './core.js';
import { isPeek, PEEK_PATH } from './peek-path.js';
import type { MessageRow } from './store.js';

const MAX = 1000;

export function peekRoute(core: SqsCore, clock: Clock): DataPlaneRoute {
  return { pathPrefix: PEEK_PATH, accepts: isPeek, handle: (req, res) => peek(core, clock, req, res) };
}

async function peek(core: SqsCore, clock: Clock, req: HttpRequest, res: ResponseSink): Promise<void> {
  const q = new URLSearchParams(req.rawQuery);
  const max = Math.min(Math.max(Number(q.get('max') ?? 100) || 100, 1), MAX);
  const ctx = internalContext(clock, { accountId: q.get('accountId') ?? '000000000000', region: q.get('region') ?? 'us-east-1', service: 'sqs', operation: 'Peek' });
  try {
    const queue = await core.queueByUrl(ctx, q.get('queueUrl') ?? '');
    const rows = await core.db.all<MessageRow>('SELECT * FROM sqs_messages WHERE queue = ? ORDER BY seq LIMIT ?', [queue.id, max]);
    const now = clock.now();
    const messages = rows.map((m) => ({
      MessageId: m.id,
      Body: m.body,
      MD5OfBody: m.md5,
      MessageAttributes: m.attrs ? JSON.parse(m.attrs) : undefined,
      MessageGroupId: m.group_id ?? undefined,
      MessageDeduplicationId: m.dedup_id ?? undefined,
      SentTimestamp: m.sent,
      ApproximateReceiveCount: m.receives,
      State: m.visible_at <= now ? 'visible' : m.receipt ? 'in-flight' : 'delayed',
      VisibleAt: m.visible_at,
    }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ queueArn: queue.arn, messages }));
  } catch (e) {
    if (!isAwsError(e)) throw e;
    res.writeHead(e.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ __type: e.code, message: e.message }));
  }
}

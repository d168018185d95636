/**
 * MessageRetentionPeriod: one durable job per queue (`sqs.retention`, keyed by queue id) deletes the
 * messages older than the queue's retention, and the deduplication ids and receive attempts past
 * their five minutes, then reschedules itself for the oldest message left (or a full period from
 * now: nothing sent later can expire sooner). Receives and counters never show an expired message
 * meanwhile (they filter on the send time).
 */
import type { Jobs } from '../../jobs/index.js';
import type { Db } from '../../storage/db.js';

export const RETENTION_KIND = 'sqs.retention';
const BATCH = 5000;

export function handleRetention(jobs: Jobs, db: Db): void {
  jobs.handle<{ queue: number }>(RETENTION_KIND, async (job) => {
    const id = job.payload.queue;
    const now = jobs.clock.now();
    const next = await db.tx(async (tx) => {
      const q = await tx.get<{ attrs: string }>('SELECT attrs FROM sqs_queues WHERE id = ?', [id]);
      if (!q) return undefined;
      const retentionMs = Number((JSON.parse(q.attrs) as Record<string, string>).MessageRetentionPeriod) * 1000;
      const cutoff = now - retentionMs;
      const expired = await tx.all<{ seq: number }>('SELECT seq FROM sqs_messages WHERE queue = ? AND sent <= ? LIMIT ?', [id, cutoff, BATCH]);
      for (const r of expired) await tx.run('DELETE FROM sqs_messages WHERE queue = ? AND seq = ?', [id, r.seq]);
      await tx.run('DELETE FROM sqs_dedup WHERE queue = ? AND expires <= ?', [id, now]);
      await tx.run('DELETE FROM sqs_attempts WHERE queue = ? AND expires <= ?', [id, now]);
      if (expired.length === BATCH) return now;
      const oldest = await tx.get<{ sent: number | null }>('SELECT MIN(sent) AS sent FROM sqs_messages WHERE queue = ?', [id]);
      const dueForMessages = oldest?.sent != null ? Number(oldest.sent) + retentionMs : now + retentionMs;
      // Deduplication ids are swept at least every five minutes while the queue lives.
      return Math.min(dueForMessages, now + 5 * 60_000);
    });
    if (next === undefined) return { then: 'done' };
    return { then: 'reschedule', dueAt: next };
  });
}

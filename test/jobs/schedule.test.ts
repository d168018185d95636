import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULE_KIND } from '../../src/jobs/recurring.js';
import { isTimeZone, nextFire, parseScheduleExpression, ScheduleExpressionError } from '../../src/jobs/schedule.js';
import { openJobs, settled, until } from './helpers.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const next = (expression: string, from: string, timeZone?: string) => iso(nextFire(parseScheduleExpression(expression), at(from), { timeZone }));

describe('schedule expressions', () => {
  it('accepts the forms AWS documents', () => {
    for (const expression of [
      'at(2030-06-01T09:00:00)',
      'rate(1 minute)',
      'rate(5 minutes)',
      'rate(1 hour)',
      'rate(12 hours)',
      'rate(1 day)',
      'rate(7 days)',
      'cron(0 10 * * ? *)',
      'cron(15 12 * * ? *)',
      'cron(0 18 ? * MON-FRI *)',
      'cron(0 8 1 * ? *)',
      'cron(0/15 * * * ? *)',
      'cron(0/10 * ? * MON-FRI *)',
      'cron(0/5 8-17 ? * MON-FRI *)',
      'cron(0 9 ? * 2#1 *)',
      'cron(15 10 ? * 6L 2019-2022)',
      'cron(0 5 L * ? *)',
      'cron(0 5 LW * ? *)',
      'cron(0 5 15W * ? *)',
      'cron(0 0 1/10,2,3/8 * ? *)',
      'cron(0-15/1 8-8 ? * 2,3,4,5,6,7 *)',
      'cron(1-31/30 1-1 ? * 1,7 *)',
      'cron(30-30 13-13 ? * 2,4,6 *)',
      'cron(0 0 1 JAN-MAR,DEC ? 2030/2)',
    ]) {
      assert.doesNotThrow(() => parseScheduleExpression(expression), expression);
    }
  });

  it("rejects what AWS rejects, with Scheduler's message", () => {
    for (const expression of [
      'cron(0 1 * * * *)',
      'cron(7 20 * * NOT *)',
      'cron(INVALID)',
      'cron(0 dummy ? * MON-FRI *)',
      'cron(71 8 1 * ? *)',
      'cron()',
      'cron(0 9 ? * ? *)',
      'cron(0 9 * * ?)',
      'cron(0 24 * * ? *)',
      'cron(0 0 32 * ? *)',
      'cron(0 0 ? * 8 *)',
      'cron(0 0 ? * 2#6 *)',
      'cron(0 0 ? * 1/2 *)',
      'cron(0/0 * * * ? *)',
      'cron(0 0 1 13 ? *)',
      'cron(0 0 1 1 ? 1969)',
      'rate(10 seconds)',
      'rate(10 years)',
      'rate()',
      'rate(10)',
      'rate(10 minutess)',
      'rate(foo minutes)',
      'rate(-10 minutes)',
      'rate( 10 minutes )',
      ' rate(10 minutes)',
      'rate(0 minutes)',
      'rate(1 minutes)',
      'rate(5 minute)',
      'at(2021-12-31T23:59:59Z)',
      'at(2021-12-31)',
      'at(2023-02-29T00:00:00)',
      'at(2023-01-01T24:00:00)',
      'every(5 minutes)',
    ]) {
      assert.throws(() => parseScheduleExpression(expression), (e: unknown) => e instanceof ScheduleExpressionError && e.message === `Invalid Schedule Expression ${expression}.`, expression);
    }
    // EventBridge rules take no one-time expressions.
    assert.throws(() => parseScheduleExpression('at(2030-06-01T09:00:00)', { allowAt: false }), ScheduleExpressionError);
  });

  it('computes the next fire of cron expressions, L, W and # included', () => {
    assert.equal(next('cron(0 12 * * ? *)', '2030-01-01T13:00:00Z'), '2030-01-02T12:00:00.000Z');
    assert.equal(next('cron(0 12 * * ? *)', '2030-01-01T12:00:00Z'), '2030-01-01T12:00:00.000Z', 'at or after');
    assert.equal(next('cron(0/15 * * * ? *)', '2030-01-01T10:07:30Z'), '2030-01-01T10:15:00.000Z');
    assert.equal(next('cron(0 18 ? * MON-FRI *)', '2022-01-07T19:00:00Z'), '2022-01-10T18:00:00.000Z');
    assert.equal(next('cron(0 0 ? * FRI-MON *)', '2022-01-04T00:00:00Z'), '2022-01-07T00:00:00.000Z');
    assert.equal(next('cron(0 0 ? * FRI-MON *)', '2022-01-08T00:00:01Z'), '2022-01-09T00:00:00.000Z');
    assert.equal(next('cron(15 10 ? * 6L 2022)', '2022-01-01T00:00:00Z'), '2022-01-28T10:15:00.000Z');
    assert.equal(next('cron(0 9 ? * 2#1 *)', '2022-01-01T00:00:00Z'), '2022-01-03T09:00:00.000Z');
    assert.equal(next('cron(0 9 ? * L *)', '2022-01-03T00:00:00Z'), '2022-01-08T09:00:00.000Z', 'L alone is Saturday');
    assert.equal(next('cron(0 5 L * ? *)', '2022-02-01T00:00:00Z'), '2022-02-28T05:00:00.000Z');
    assert.equal(next('cron(0 5 LW * ? *)', '2022-04-01T00:00:00Z'), '2022-04-29T05:00:00.000Z');
    assert.equal(next('cron(0 5 15W * ? *)', '2022-01-01T00:00:00Z'), '2022-01-14T05:00:00.000Z');
    assert.equal(next('cron(0 5 1W * ? *)', '2022-01-01T00:00:00Z'), '2022-01-03T05:00:00.000Z', 'does not cross into the month before');
    assert.equal(next('cron(0 0 30 2 ? *)', '2022-01-01T00:00:00Z'), undefined);
    assert.equal(next('cron(0 0 1 1 ? 2020-2021)', '2022-01-01T00:00:00Z'), undefined);
  });

  it('reads cron and at expressions in a time zone, across daylight saving changes', () => {
    assert.equal(next('cron(0 10 * * ? *)', '2030-01-15T00:00:00Z', 'America/New_York'), '2030-01-15T15:00:00.000Z');
    assert.equal(next('cron(0 10 * * ? *)', '2030-07-15T00:00:00Z', 'America/New_York'), '2030-07-15T14:00:00.000Z');
    // 2:30 does not exist on 10 March 2030 in New York: that day is skipped.
    assert.equal(next('cron(30 2 * * ? *)', '2030-03-10T05:00:00Z', 'America/New_York'), '2030-03-11T06:30:00.000Z');
    // 1:30 happens twice on 3 November 2030: it fires once.
    assert.equal(next('cron(30 1 * * ? *)', '2030-11-03T04:00:00Z', 'America/New_York'), '2030-11-03T05:30:00.000Z');
    assert.equal(next('cron(30 1 * * ? *)', '2030-11-03T05:30:00.001Z', 'America/New_York'), '2030-11-04T06:30:00.000Z');
    assert.equal(next('at(2030-06-01T09:00:00)', '2030-01-01T00:00:00Z', 'Europe/Paris'), '2030-06-01T07:00:00.000Z');
    assert.equal(next('at(2030-03-31T02:30:00)', '2030-01-01T00:00:00Z', 'Europe/Paris'), '2030-03-31T01:30:00.000Z');
    assert.equal(next('at(2030-06-01T09:00:00)', '2030-06-01T09:00:00.001Z'), undefined, 'a one-time schedule is over');
    assert.equal(isTimeZone('Europe/Paris'), true);
    assert.equal(isTimeZone('UTC'), true);
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone('+02:00'), false);
  });

  it('counts rates in fixed periods from their anchor', () => {
    const rate = parseScheduleExpression('rate(5 minutes)');
    const t0 = at('2030-01-01T09:00:00Z');
    assert.equal(nextFire(rate, t0, { anchorMs: t0 }), t0);
    assert.equal(nextFire(rate, t0 + 1, { anchorMs: t0 }), t0 + 300_000);
    assert.equal(nextFire(rate, t0 + 600_000, { anchorMs: t0 }), t0 + 600_000);
    assert.equal(nextFire(rate, t0, { anchorMs: t0 + 3_600_000 }), t0 + 3_600_000, 'not before its start');
  });
});

describe('durable schedules', () => {
  it('fires cron(0 12 * * ? *) once per advanced day, and keeps its place across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-schedules-'));
    try {
      let opened = await openJobs({ dataDir: dir });
      const fires: string[] = [];
      const handle = (jobs: typeof opened.jobs) =>
        jobs.handle<{ rule: string }>('test.daily', async (job) => {
          fires.push(`${job.payload.rule} ${iso(job.dueAt)}`);
        });
      handle(opened.jobs);
      const first = await opened.jobs.schedules.put({ kind: 'test.daily', key: 'noon', expression: 'cron(0 12 * * ? *)', payload: { rule: 'noon' } });
      assert.equal(iso(first), '2030-01-01T12:00:00.000Z');
      await settled(opened.db, opened.clock);
      assert.deepEqual(fires, [], 'nothing before noon');
      for (let day = 1; day <= 3; day++) {
        if (day === 3) {
          // A restart: the schedule is in SQL, and the clock (platform time) is carried over.
          const offset = opened.clock.offsetMs;
          await opened.close();
          opened = await openJobs({ dataDir: dir });
          opened.clock.advance(offset);
          handle(opened.jobs);
        }
        opened.clock.advance(86_400_000);
        await until(() => fires.length === day, `fire of day ${day}`);
        await settled(opened.db, opened.clock);
      }
      assert.deepEqual(fires, ['noon 2030-01-01T12:00:00.000Z', 'noon 2030-01-02T12:00:00.000Z', 'noon 2030-01-03T12:00:00.000Z']);
      const row = await opened.db.get<{ due_at: number }>('SELECT due_at FROM stratus_jobs WHERE kind = ?', [SCHEDULE_KIND]);
      assert.equal(iso(row!.due_at), '2030-01-04T12:00:00.000Z');
      assert.equal(await opened.jobs.schedules.delete('test.daily', 'noon'), true);
      opened.clock.advance(86_400_000);
      await settled(opened.db, opened.clock);
      assert.equal(fires.length, 3);
      await opened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fires a one-time schedule once, and several missed fires of a rate once', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const fires: string[] = [];
      jobs.handle<string>('test.fire', async (job) => {
        fires.push(`${job.payload} ${iso(job.dueAt)}`);
      });
      await jobs.schedules.put({ kind: 'test.fire', key: 'once', expression: 'at(2030-01-01T10:30:00)', timeZone: 'Europe/Paris', payload: 'once' });
      await jobs.schedules.put({ kind: 'test.fire', key: 'rate', expression: 'rate(1 hour)', payload: 'rate' });
      await until(() => fires.length === 1, 'the rate schedule fires at once');
      clock.advance(3 * 3_600_000 + 60_000);
      await until(() => fires.length === 3, 'the one-time fire and one rate fire for the three hours missed');
      await settled(db, clock);
      assert.deepEqual(fires.sort(), ['once 2030-01-01T09:30:00.000Z', 'rate 2030-01-01T09:00:00.000Z', 'rate 2030-01-01T10:00:00.000Z']);
      const rate = await db.get<{ due_at: number }>('SELECT due_at FROM stratus_jobs WHERE kind = ? AND key = ?', [SCHEDULE_KIND, 'test.fire/rate']);
      assert.equal(iso(rate!.due_at), '2030-01-01T13:00:00.000Z');
      assert.equal(await db.get('SELECT 1 FROM stratus_jobs WHERE key = ?', ['test.fire/once']), undefined, 'the one-time schedule is gone');
    } finally {
      await close();
    }
  });
});

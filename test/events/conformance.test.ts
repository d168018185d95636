import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { eventsServer, failure, type EventsTestContext } from './helpers.js';

interface Case {
  label: string;
  expect: 'match' | 'no-match' | 'error';
  event: unknown;
  eventPattern: unknown;
  error?: { code: string; message: string };
}

const CORPUS = '/work/shared/conformance/eventbridge-patterns/cases.json';

describe('EventBridge event-pattern conformance (cases recorded against AWS)', () => {
  let t: EventsTestContext;
  before(async () => (t = await eventsServer()));
  after(() => t.server.stop());

  it('TestEventPattern answers every case as AWS did', async () => {
    const cases = JSON.parse(readFileSync(CORPUS, 'utf8')) as Case[];
    assert.ok(cases.length > 100);
    const wrong: string[] = [];
    for (const c of cases) {
      const call = t.events.send(new TestEventPatternCommand({ Event: JSON.stringify(c.event), EventPattern: JSON.stringify(c.eventPattern) }));
      if (c.expect === 'error') {
        const e = await failure(call);
        const first = e.message.split('\n')[0];
        if (e.name !== c.error!.code || first !== c.error!.message || e.status !== 400) wrong.push(`${c.label}: ${e.name} ${e.status} ${first}`);
      } else {
        try {
          const { Result } = await call;
          if (Result !== (c.expect === 'match')) wrong.push(`${c.label}: Result ${Result}`);
        } catch (e) {
          wrong.push(`${c.label}: ${(e as Error).name} ${(e as Error).message}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});

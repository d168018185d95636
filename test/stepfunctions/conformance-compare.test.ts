/**
 * The conformance comparator's own rules: the vintage table (test/stepfunctions/conformance/vintage.ts)
 * rewrites a difference only for recordings older than the change, and the snapshot tool's Parallel
 * normalisation is reproduced event for event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { match, matchHistory, parallelNormalise } from './conformance/compare.js';
import { beginEntry, endEntry, recordedDay } from './conformance/vintage.js';

const describeRecorded = {
  name: 'sm',
  stateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:sm',
  definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
  roleArn: 'snf_role_arn',
  status: 'ACTIVE',
};
const describeActual = {
  name: 'sm',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm',
  definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  status: 'ACTIVE',
  encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
};

test('vintage: encryptionConfiguration is dropped only for recordings made before the change', () => {
  assert.equal(recordedDay('11-06-2024, 14:55:41'), '2024-06-11');
  beginEntry('11-06-2024, 14:55:41');
  assert.equal(match(describeRecorded, describeActual), undefined);
  assert.deepEqual(endEntry(), ['describe-state-machine-encryption-configuration']);

  // Recorded after the change: the field is compared as usual, so its absence in a recording is a failure.
  beginEntry('20-11-2024, 14:41:42');
  assert.match(match(describeRecorded, describeActual) ?? '', /encryptionConfiguration: unexpected/);
  assert.deepEqual(endEntry(), []);

  // Before the change, but not the default value: not the one known difference, so not rewritten.
  beginEntry('11-06-2024, 14:55:41');
  const kms = { ...describeActual, encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'k' } };
  assert.match(match(describeRecorded, kms) ?? '', /encryptionConfiguration: unexpected/);
  endEntry();

  // No entry context (unknown date): never pre-change.
  assert.match(match(describeRecorded, describeActual) ?? '', /encryptionConfiguration: unexpected/);
});

test('vintage: ListExecutions redriveCount 0 is dropped only before 2023-11-15', () => {
  const recorded = { executions: [{ executionArn: 'arn:x', name: 'n', startDate: 'datetime', stateMachineArn: 'arn:y', status: 'SUCCEEDED', stopDate: 'datetime' }] };
  const actual = { executions: [{ executionArn: 'arn:x', name: 'n', startDate: new Date(), stateMachineArn: 'arn:y', status: 'SUCCEEDED', stopDate: new Date(), redriveCount: 0 }] };
  beginEntry('17-08-2023, 09:53:53');
  assert.equal(match(recorded, actual), undefined);
  assert.deepEqual(endEntry(), ['redrive-count-in-list-executions']);
  beginEntry('14-03-2024, 21:58:24');
  assert.match(match(recorded, actual) ?? '', /redriveCount: unexpected 0/);
  endEntry();
  beginEntry('17-08-2023, 09:53:53');
  assert.match(match(recorded, { executions: [{ ...actual.executions[0], redriveCount: 1 }] }) ?? '', /redriveCount: unexpected 1/);
  endEntry();
});

const ev = (id: number, previousEventId: number, type: string) => ({ id, previousEventId, type, timestamp: 'timestamp' });

test('vintage: MapStateExited after a distributed Map is relinked only in pre-change histories that show the old link', () => {
  const stratus = [ev(1, 0, 'ExecutionStarted'), ev(2, 0, 'MapStateEntered'), ev(3, 2, 'MapStateStarted'), ev(4, 3, 'MapRunStarted'), ev(5, 4, 'MapRunSucceeded'), ev(6, 5, 'MapStateSucceeded'), ev(7, 4, 'MapStateExited'), ev(8, 7, 'ExecutionSucceeded')];
  const oldRecording = stratus.map((e) => (e.type === 'MapStateExited' ? { ...e, previousEventId: 5 } : e));
  beginEntry('20-07-2024, 08:30:22');
  assert.equal(matchHistory(oldRecording, stratus), undefined);
  assert.deepEqual(endEntry(), ['map-state-exited-after-map-run']);
  // A recording after the change links to MapRunStarted, as Stratus does; an old link there fails.
  beginEntry('15-11-2024, 13:56:59');
  assert.equal(matchHistory(stratus, stratus), undefined);
  assert.match(matchHistory(oldRecording, stratus) ?? '', /events\[6\]\.previousEventId: expected 5, got 4/);
  assert.deepEqual(endEntry(), []);
  // Before the change, a Stratus link to anything but MapRunStarted is not rewritten.
  beginEntry('20-07-2024, 08:30:22');
  const wrong = stratus.map((e) => (e.type === 'MapStateExited' ? { ...e, previousEventId: 3 } : e));
  assert.match(matchHistory(oldRecording, wrong) ?? '', /events\[6\]\.previousEventId: expected 5, got 3/);
  endEntry();
});

test('the snapshot tool Parallel normalisation drops the same events for nested Parallel states', () => {
  const full = [
    ev(1, 0, 'ExecutionStarted'),
    ev(2, 0, 'ParallelStateEntered'),
    ev(3, 2, 'ParallelStateStarted'),
    ev(4, 3, 'ParallelStateEntered'),
    ev(5, 4, 'ParallelStateStarted'),
    ev(6, 5, 'PassStateEntered'),
    ev(7, 6, 'PassStateExited'),
    ev(8, 7, 'ParallelStateSucceeded'),
    ev(9, 7, 'ParallelStateExited'),
    ev(10, 9, 'ParallelStateSucceeded'),
    ev(11, 9, 'ParallelStateExited'),
    ev(12, 11, 'ExecutionSucceeded'),
  ];
  const out = parallelNormalise(full);
  // As recorded for test_base_scenarios.py::TestBaseScenarios::test_parallel_state_nested.
  assert.deepEqual(
    out.map((e) => [e.id, e.type]),
    [
      [1, 'ExecutionStarted'],
      [2, 'ParallelStateEntered'],
      [3, 'ParallelStateStarted'],
      [[0], 'ParallelStateEntered'],
      [5, 'ParallelStateStarted'],
      [[0], 'PassStateEntered'],
      [[0], 'PassStateExited'],
      [11, 'ParallelStateExited'],
      [12, 'ExecutionSucceeded'],
    ],
  );
  assert.equal(full[3]!.id, 4, 'the input is not mutated');
  assert.equal(matchHistory(out, full), undefined);
  // One missing branch event is still caught.
  assert.notEqual(matchHistory(out, full.filter((e) => e.id !== 6)), undefined);
});

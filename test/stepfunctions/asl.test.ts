import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformClock } from '../../src/core/clock.js';
import { Execution, type ExecutionInfo, type HistoryEvent, type TaskRunner } from '../../src/services/stepfunctions/asl/engine.js';
import { evaluatePath, setAtPath } from '../../src/services/stepfunctions/asl/jsonpath.js';
import { evaluateIntrinsic } from '../../src/services/stepfunctions/asl/intrinsics.js';
import { StatesError } from '../../src/services/stepfunctions/asl/errors.js';
import { labelProblem, parseDefinition, pyRepr } from '../../src/services/stepfunctions/validate.js';

const info = (input: unknown = {}): ExecutionInfo => ({
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:sm:ex',
  name: 'ex',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm',
  stateMachineName: 'sm',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  startTime: Date.UTC(2024, 0, 1),
  input: JSON.stringify(input),
  redriveCount: 0,
  region: 'us-east-1',
  accountId: '000000000000',
});

async function run(def: unknown, input: unknown = {}, tasks?: TaskRunner, clock = new PlatformClock()) {
  const ex = new Execution(def as Record<string, unknown>, info(input), { clock, tasks });
  const result = await ex.run();
  return { result, events: ex.events };
}

const chain = (events: HistoryEvent[]) => events.map((e) => `${e.type}:${e.id}<${e.previousEventId}`);

const roots = (data: unknown) => ({ data, context: { Execution: { Id: 'x' } }, variable: (n: string) => (n === 'v' ? { found: true, value: { a: [1, 2] } } : { found: false, value: undefined }) });

test('JSONPath: definite and indefinite paths, slices, filters, variables, context', () => {
  const data = { items: [{ v: 1 }, { v: 2 }, { v: 3 }], 'a b': { c: true } };
  assert.deepEqual(evaluatePath('$.items[0].v', roots(data)), { found: true, value: 1 });
  assert.deepEqual(evaluatePath('$.items[*].v', roots(data)).value, [1, 2, 3]);
  assert.deepEqual(evaluatePath('$.items[1:].v', roots(data)).value, [2, 3]);
  assert.deepEqual(evaluatePath('$.items[?(@.v > 1)].v', roots(data)).value, [2, 3]);
  assert.deepEqual(evaluatePath("$['a b'].c", roots(data)).value, true);
  assert.deepEqual(evaluatePath('$..v', roots(data)).value, [1, 2, 3]);
  assert.deepEqual(evaluatePath('$v.a[1]', roots(data)).value, 2);
  assert.deepEqual(evaluatePath('$$.Execution.Id', roots(data)).value, 'x');
  assert.equal(evaluatePath('$.missing', roots(data)).found, false);
  assert.deepEqual(setAtPath({ a: 1 }, '$.b.c', 2), { a: 1, b: { c: 2 } });
});

test('intrinsic functions: AWS edge cases', () => {
  const r = roots({ s: 'a,b,,c', n: 1.5, o: { k: 1, l: [] } });
  const ev = (t: string) => evaluateIntrinsic(t, r);
  assert.equal(ev("States.Format('x={} y={}', $.n, $.o)"), 'x=1.5 y={k=1, l=[]}');
  assert.deepEqual(ev("States.StringSplit($.s, ',')"), ['a', 'b', 'c']);
  assert.deepEqual(ev('States.ArrayRange(1, 9, 3)'), [1, 4, 7]);
  assert.deepEqual(ev('States.ArrayPartition(States.Array(1, 2, 3), 2)'), [[1, 2], [3]]);
  assert.equal(ev('States.ArrayContains(States.Array(1, 2), 2)'), true);
  assert.deepEqual(ev('States.ArrayUnique(States.Array(1, 1, 2))'), [1, 2]);
  assert.equal(ev('States.ArrayLength(States.Array(1, 2))'), 2);
  assert.equal(ev('States.ArrayGetItem(States.Array(5, 6), 1)'), 6);
  assert.equal(ev("States.Base64Decode(States.Base64Encode('hi'))"), 'hi');
  assert.equal(ev("States.Hash('abc', 'SHA-1')"), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(ev('States.MathAdd($.n, 1.49)'), 3, 'AWS rounds half up before adding');
  assert.deepEqual(ev("States.JsonMerge($.o, States.StringToJson('{\"k\":2}'), false)"), { k: 2, l: [] });
  assert.equal(ev('States.JsonToString($.o)'), '{"k":1,"l":[]}');
  assert.match(String(ev('States.UUID()')), /^[0-9a-f-]{36}$/);
  const rnd = ev('States.MathRandom(1, 10)') as number;
  assert.ok(rnd >= 1 && rnd < 10);
  assert.throws(() => ev('States.ArrayGetItem(States.Array(1), 5)'), (e: unknown) => e instanceof StatesError && e.error === 'States.IntrinsicFailure');
});

test('history: previousEventId chains as AWS records them (first state links to 0, Map iterations)', async () => {
  const { result, events } = await run({
    StartAt: 'P',
    States: {
      P: { Type: 'Pass', Result: [1, 2], Next: 'M' },
      M: { Type: 'Map', MaxConcurrency: 1, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
    },
  });
  assert.equal(result.status, 'SUCCEEDED');
  assert.equal(result.output, '[1,2]');
  assert.deepEqual(chain(events), [
    'ExecutionStarted:1<0',
    'PassStateEntered:2<0',
    'PassStateExited:3<2',
    'MapStateEntered:4<3',
    'MapStateStarted:5<4',
    'MapIterationStarted:6<5',
    'PassStateEntered:7<6',
    'PassStateExited:8<7',
    'MapIterationSucceeded:9<8',
    'MapIterationStarted:10<8',
    'PassStateEntered:11<10',
    'PassStateExited:12<11',
    'MapIterationSucceeded:13<12',
    'MapStateSucceeded:14<13',
    'MapStateExited:15<13',
    'ExecutionSucceeded:16<15',
  ]);
});

test('Choice, Fail with paths, Catch with ResultPath, variables', async () => {
  const def = {
    StartAt: 'C',
    States: {
      C: {
        Type: 'Choice',
        Choices: [
          { And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Not: { Variable: '$.s', StringMatches: 'x*' } }], Next: 'Big' },
          { Variable: '$.t', TimestampLessThan: '2020-01-01T00:00:00Z', Next: 'Old' },
        ],
        Default: 'Small',
      },
      Big: { Type: 'Pass', Assign: { seen: 'big' }, Result: 'big', ResultPath: '$.r', Next: 'Out' },
      Old: { Type: 'Fail', ErrorPath: '$.err', CausePath: "States.Format('old {}', $.t)" },
      Small: { Type: 'Succeed' },
      Out: { Type: 'Pass', Parameters: { 'r.$': '$.r', 'seen.$': '$seen' }, End: true },
    },
  };
  const big = await run(def, { n: 5, s: 'abc' });
  assert.deepEqual(JSON.parse(big.result.output!), { r: 'big', seen: 'big' });
  const exited = big.events.find((e) => e.type === 'PassStateExited') as any;
  assert.deepEqual(exited.stateExitedEventDetails.assignedVariables, { seen: '"big"' });
  const old = await run(def, { n: 0, s: 'x', t: '2019-05-01T00:00:00Z', err: 'TooOld' });
  assert.equal(old.result.status, 'FAILED');
  assert.equal(old.result.error, 'TooOld');
  assert.equal(old.result.cause, 'old 2019-05-01T00:00:00Z');
  const small = await run(def, { n: 0, s: 'x', t: '2030-01-01T00:00:00Z' });
  assert.equal(small.result.status, 'SUCCEEDED');
  // A Variable path that matches nothing is a runtime error, as in AWS.
  const missing = await run(def, { n: 0, s: 'x' });
  assert.equal(missing.result.error, 'States.Runtime');
  assert.match(missing.result.cause!, /Invalid path '\$\.t'/);
});

test('Task: retry with backoff on the clock, then Catch; the runner is an interface', async () => {
  const clock = new PlatformClock();
  let calls = 0;
  const tasks: TaskRunner = {
    newToken: () => 'token',
    run: async () => {
      calls++;
      throw new StatesError('Boom', 'it broke');
    },
  };
  const ex = new Execution(
    {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 't' },
          Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 10, MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.e', Next: 'Done' }],
          End: true,
        },
        Done: { Type: 'Pass', End: true },
      },
    },
    info({ x: 1 }),
    { clock, tasks },
  );
  const done = ex.run();
  for (let i = 0; i < 100 && calls < 3; i++) {
    await new Promise((r) => setImmediate(r));
    clock.advance(10_000);
  }
  const result = await done;
  assert.equal(calls, 3);
  assert.deepEqual(JSON.parse(result.output!), { x: 1, e: { Error: 'Boom', Cause: 'it broke' } });
  const failed = ex.events.filter((e) => e.type === 'TaskFailed') as any[];
  assert.equal(failed.length, 3);
  assert.deepEqual(failed[0].taskFailedEventDetails, { resourceType: 'dynamodb', resource: 'getItem', error: 'Boom', cause: 'it broke' });
});

test('JSONata: Arguments/Output/Assign, $states, AWS functions, QueryEvaluationError', async () => {
  const ok = await run(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { total: '{% $sum($states.input.xs) %}' }, Output: '{% $partition($states.input.xs, 2) %}', Next: 'B' },
        B: { Type: 'Pass', Output: { total: '{% $total %}', r: '{% $range(1, 5, 2) %}', p: '{% $parse(\'{"a":1}\') %}' }, End: true },
      },
    },
    { xs: [1, 2, 3] },
  );
  assert.deepEqual(JSON.parse(ok.result.output!), { total: 6, r: [1, 3, 5], p: { a: 1 } });
  const bad = await run({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: { x: '{% $nope() %}' }, End: true } } });
  assert.equal(bad.result.status, 'FAILED');
  assert.equal(bad.result.error, 'States.QueryEvaluationError');
  assert.equal(
    bad.result.cause,
    "An error occurred while executing the state 'A' (entered at the event id #2). The JSONata expression '$nope()' specified for the field 'Output/x' threw an error during evaluation. T1006: Attempted to invoke a non-function",
  );
  assert.deepEqual(
    bad.events.map((e) => e.type),
    ['ExecutionStarted', 'PassStateEntered', 'EvaluationFailed', 'ExecutionFailed'],
  );
});

test('Wait uses the platform clock; stop() aborts with ExecutionAborted', async () => {
  const clock = new PlatformClock();
  const ex = new Execution({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }, info(), { clock });
  const p = ex.run();
  await new Promise((r) => setImmediate(r));
  clock.advance(3_600_000);
  assert.equal((await p).status, 'SUCCEEDED');
  const ex2 = new Execution({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }, info(), { clock });
  const p2 = ex2.run();
  await new Promise((r) => setImmediate(r));
  ex2.stop();
  assert.equal((await p2).status, 'ABORTED');
  assert.deepEqual(chain(ex2.events), ['ExecutionStarted:1<0', 'WaitStateEntered:2<0', 'ExecutionAborted:3<0']);
});

test('definition validation: diagnostics and Map Label rules', () => {
  assert.deepEqual(parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}').diagnostics[0], {
    severity: 'ERROR',
    code: 'MISSING_TRANSITION_TARGET',
    message: "Missing 'Next' target: B",
    location: '/States/A/Next',
  });
  assert.equal(parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}').diagnostics.length, 0);
  // Fields a state type does not take, and fields of the other query language, are refused as AWS does.
  assert.deepEqual(parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Pass","Retry":[],"End":true}}}').diagnostics, [
    { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: "Field 'Retry' is not supported", location: '/States/A' },
  ]);
  assert.equal(
    parseDefinition('{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.x","End":true}}}').diagnostics[0]!.message,
    "Field 'ResultPath' is not supported",
  );
  const map = (label: string) => ({ StartAt: 'M', States: { M: { Type: 'Map', Label: label, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true } } });
  assert.equal(labelProblem(map('ok_label')), undefined);
  assert.equal(labelProblem(map('')), 'Label cannot be empty');
  assert.equal(labelProblem(map('a'.repeat(41))), 'Label cannot exceed 40 characters');
  assert.equal(labelProblem(map('a\u0000')), "Label contains invalid character: '\\x00'");
  assert.equal(pyRepr(`it's`), `"it's"`);
  assert.equal(pyRepr(`'"'`), `'\\'"\\''`);
});

test('a failing Parallel branch stops the others; a failing Map iteration stops the running ones', async () => {
  const clock = new PlatformClock();
  const slow = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 86400, End: true } } };
  const boom = { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom', Cause: 'b' } } };
  // No clock advance: both executions must end although a sibling still waits a day.
  const par = await run({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [slow, boom], End: true } } }, {}, undefined, clock);
  assert.equal(par.result.status, 'FAILED');
  assert.equal(par.result.error, 'Boom');
  const map = await run(
    {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 2,
          ItemProcessor: {
            StartAt: 'C',
            States: { C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 1, Next: 'F' }], Default: 'W' }, W: slow.States.W, F: boom.States.F },
          },
          End: true,
        },
      },
    },
    [0, 1],
    undefined,
    clock,
  );
  assert.equal(map.result.status, 'FAILED');
  assert.equal(map.result.error, 'Boom');
  assert.ok(map.events.some((e) => e.type === 'MapIterationAborted'));
});

test('a state output over 256 KiB fails with States.DataLimitExceeded, which States.ALL does not catch', async () => {
  const { result } = await run(
    {
      StartAt: 'Big',
      States: {
        Big: { Type: 'Pass', Parameters: { 'v.$': "States.ArrayRange(1, 1000, 1)" }, Next: 'Bigger' },
        Bigger: {
          Type: 'Map',
          ItemsPath: '$.v',
          ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Result: 'x'.repeat(300), End: true } } },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    },
    {},
  );
  assert.equal(result.status, 'FAILED');
  assert.equal(result.error, 'States.DataLimitExceeded');
  assert.equal(result.cause, "The state/task 'Bigger' returned a result with a size exceeding the maximum number of bytes service limit.");
});

test('JSONata Map: an Items array may hold {% %} elements, which are evaluated (AWS: [1, "{% $number(\'2\') %}", 3] gives 3 items 1, 2, 3)', async () => {
  const r = await run({
    QueryLanguage: 'JSONata',
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map',
        Items: [1, "{% $number('2') %}", { k: '{% 1 + 2 %}' }],
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  });
  assert.equal(r.result.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(r.result.output!), [1, 2, { k: 3 }]);
  const started = r.events.find((e) => e.type === 'MapStateStarted') as unknown as { mapStateStartedEventDetails: { length: number } };
  assert.equal(started.mapStateStartedEventDetails.length, 3);
});

/**
 * Recipes for corpus entries whose definition the original test changed before creating the
 * state machine (`definitionMutatedByTestCode`), or whose steps are more than "run and compare".
 * Each recipe rebuilds what the original test did, from the entry's parameter and recorded data.
 */
import { createMachine, pickTemplate, runHistories, runHistoriesWithInput, runToTerminal, plainEvent, recordedInput, type Harness } from '../../../scripts/conformance-stepfunctions.js';
import { match, matchHistory } from './compare.js';
import { API_RECIPES } from './api-recipes.js';

export interface Entry {
  id: string;
  key: string;
  snapshot: string;
  param?: string;
  kind: string;
  templates: string[];
  executions?: number;
  terminal?: string[];
  definitionMutatedByTestCode: boolean;
  helpers?: string[];
}

export type Recipe = (h: Harness, entry: Entry, recorded: Record<string, any>) => Promise<string | undefined>;

const testName = (e: Entry): string => e.key.split('::').pop()!.replace(/\[.*$/, '');
const paramOf = (e: Entry): string => (e.param ?? '').replace(/^\[|\]$/g, '');

/** Replaces every string equal to `from` (anywhere in the definition) by `to`. */
function replaceValue(node: unknown, from: string, to: unknown): unknown {
  if (node === from) return to;
  if (Array.isArray(node)) return node.map((x) => replaceValue(x, from, to));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = replaceValue(v, from, to);
    return out;
  }
  return node;
}

/**
 * Inputs of the Timestamp* choice tests (LocalStack tests/aws/services/stepfunctions/v2/
 * choice_operators/test_timestamp_operators.py, its parameters): two instants one second apart,
 * compared both ways and with themselves, and for TimestampEquals first every JSON type against T0.
 */
const T0 = '2012-10-09T19:00:55Z';
const T1 = '2012-10-09T19:00:56Z';
const TS_BASE: [unknown, unknown][] = [
  [T0, T0],
  [T0, T1],
  [T1, T0],
];
const TS_TYPES: unknown[] = [null, 0, 0.0, 1, 1.1, '', ' ', '2023-02-24 12:15:56.832957', [], [''], {}, { A: 0 }, false, true];
const TIMESTAMP_CASES: Record<string, [unknown, unknown][]> = {
  TimestampEquals: [...TS_TYPES.map((v): [unknown, unknown] => [v, T0]), ...TS_BASE],
  TimestampEqualsPath: TS_BASE,
  TimestampGreaterThan: TS_BASE,
  TimestampGreaterThanPath: [[T0, T1]],
  TimestampGreaterThanEquals: TS_BASE,
  TimestampGreaterThanEqualsPath: [[T0, T1]],
  TimestampLessThan: TS_BASE,
  TimestampLessThanPath: [[T1, T0]],
  TimestampLessThanEquals: TS_BASE,
  TimestampLessThanEqualsPath: [[T1, T0]],
};

/** What the snapshot tool made of a value: RFC 3339 date-time strings became "date". */
function dateNormalised(v: unknown): unknown {
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v) ? 'date' : v;
  if (Array.isArray(v)) return v.map(dateNormalised);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dateNormalised(x)]));
  return v;
}

/** Choice operator tests: the template with the operator named by the test, cases of {input, output}. */
const choiceCases: Recipe = async (h, entry, recorded) => {
  const name = testName(entry).replace(/^test_/, '');
  const op = name
    .split('_')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  let cases = (recorded.cases ?? []) as { input: Record<string, unknown>; output: unknown }[];
  if (op.startsWith('Timestamp') && cases.some((c) => c.input.Value === 'date' || c.input.Variable === 'date')) {
    // The snapshot tool wrote "date" over the timestamps: take the inputs from the original
    // test's parameters, and check they give back exactly the recorded (normalised) inputs.
    const rebuilt = TIMESTAMP_CASES[op];
    if (!rebuilt) return 'the recorded timestamps were normalised to "date" and the test parameters are not known';
    const normalised = rebuilt.map(([Variable, Value]) => dateNormalised({ Variable, Value }));
    // Strict equality: "date" is a wildcard for the comparator, not here.
    if (JSON.stringify(cases.map((c) => c.input)) !== JSON.stringify(normalised))
      return `the rebuilt inputs ${JSON.stringify(normalised)} are not the recorded ones ${JSON.stringify(cases.map((c) => c.input))}`;
    cases = cases.map((c, i) => ({ input: { Variable: rebuilt[i]![0], Value: rebuilt[i]![1] }, output: c.output }));
  }
  const template = h.loadTemplate(entry.templates[0]!);
  const isPath = op.endsWith('Path');
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    let def = JSON.parse(JSON.stringify(template).replace('%ComparisonOperatorType%', op));
    if (!isPath) def = replaceValue(def, '$.Value', c.input.Value);
    const smArn = await createMachine(h, def);
    const { events } = await runToTerminal(h, smArn, JSON.stringify(c.input), 'ExecutionSucceeded');
    const last = events[events.length - 1];
    const out = last?.executionSucceededEventDetails?.output;
    if (out === undefined) return `case ${i} (${JSON.stringify(c.input)}): execution did not succeed: ${JSON.stringify(last)}`;
    const r = match(c.output, JSON.parse(out), `cases[${i}]`);
    if (r) return `case ${i} (${JSON.stringify(c.input)}): ${r}`;
  }
  return undefined;
};

/** Tests that put the pytest parameter into one field of the template. */
function substitute(placeholder: string, value: (e: Entry) => unknown): Recipe {
  return async (h, entry, recorded) => {
    const def = replaceValue(h.loadTemplate(entry.templates[0]!), placeholder, value(entry));
    return runHistories(h, entry, recorded, def);
  };
}

/** Sets a field of one state (path of keys) to a value derived from the parameter. */
function setField(path: string[], value: (e: Entry) => unknown): Recipe {
  return async (h, entry, recorded) => {
    const def = h.loadTemplate(entry.templates[0]!);
    let node: any = def;
    for (const k of path.slice(0, -1)) node = node[k];
    node[path[path.length - 1]!] = value(entry);
    return runHistories(h, entry, recorded, def);
  };
}

/** Wait until a timestamp N days (or a formatted instant) ahead of now, given as $.start_at. */
const waitAhead: Recipe = async (h, entry, recorded) => {
  const p = paramOf(entry);
  const now = Date.now();
  let ts: string;
  if (/^\d+$/.test(p)) ts = new Date(now + Number(p) * 86400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  else ts = new Date(now + 1000).toISOString().replace(/\.\d+Z$/, p);
  const def = h.loadTemplate(entry.templates[0]!);
  const expected = recorded.get_execution_history?.events ?? [];
  return runHistoriesWithInput(h, entry, recorded, def, JSON.stringify({ ...JSON.parse(recordedInput(expected)), start_at: ts }));
};

/** JSON text as Python's json.dumps writes it (", " and ": " separators, ASCII only): what the original tests sent. */
export function pyJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[' + v.map(pyJson).join(', ') + ']';
  if (typeof v === 'object') return '{' + Object.entries(v as object).map(([k, x]) => `${pyJson(k)}: ${pyJson(x)}`).join(', ') + '}';
  if (typeof v === 'string') {
    let out = '"';
    for (const ch of v) {
      const c = ch.codePointAt(0)!;
      if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else if (c < 0x20 || c > 0x7e) {
        if (c > 0xffff) {
          const s = String.fromCodePoint(c);
          out += [...Array(s.length).keys()].map((i) => '\\u' + s.charCodeAt(i).toString(16).padStart(4, '0')).join('');
        } else out += '\\u' + c.toString(16).padStart(4, '0');
      } else out += ch;
    }
    return out + '"';
  }
  return JSON.stringify(v);
}

/** Undoes the Python escapes of a pytest parameter id ("\\x00", "\\t"...). */
function pyUnescape(s: string): string {
  return s.replace(/\\(x[0-9a-f]{2}|[tnr\\])/g, (_m, e: string) =>
    e === 't' ? '\t' : e === 'n' ? '\n' : e === 'r' ? '\r' : e === '\\' ? '\\' : String.fromCharCode(parseInt(e.slice(1), 16)),
  );
}

/** Runs `fn`, which must fail with the recorded AWS error. */
export async function expectError(expected: Record<string, any>, fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    const actual: Record<string, unknown> = { Error: { Code: err.name, Message: err.message }, message: err.message };
    const exp = { Error: expected.Error, message: expected.message ?? expected.Error?.Message };
    const r = match(exp, actual);
    if (r) return r;
    const status = expected.ResponseMetadata?.HTTPStatusCode;
    if (status !== undefined && err.$metadata?.httpStatusCode !== status) return `status ${err.$metadata?.httpStatusCode}, expected ${status}`;
    return undefined;
  }
  return `expected the error ${expected.Error?.Code}, but the call succeeded`;
}

const mapLabel: Recipe = async (h, entry, recorded) => {
  const name = testName(entry);
  let label: string;
  if (name === 'test_map_state_label_empty_fail') label = '';
  else if (name === 'test_map_state_label_too_long_fail') label = '12345678901234567890123456789012345678901';
  else label = 'label_' + pyUnescape(paramOf(entry));
  const def = h.loadTemplate(entry.templates[0]!);
  def.States.MapState.Label = label;
  const key = Object.keys(recorded)[0]!;
  return expectError(recorded[key], () => createMachine(h, pyJson(def)));
};

/**
 * The original tests replaced generated values (a UUID, a random number) by a fixed word in their
 * snapshot: check the generated value has the right shape, then write the same word.
 */
function generatedValue(word: string, valid: (v: unknown, input: any) => boolean): Recipe {
  return async (h, entry, recorded) => {
    const key = Object.keys(recorded).find((k) => Array.isArray(recorded[k]?.events))!;
    const expected = recorded[key].events as Record<string, any>[];
    const input = recordedInput(expected);
    const smArn = await createMachine(h, h.loadTemplate(entry.templates[0]!));
    const { events } = await runToTerminal(h, smArn, input, entry.terminal?.[0]);
    let problem: string | undefined;
    const actual = events.map(plainEvent).map((e) => {
      for (const [k, d] of Object.entries(e)) {
        const det = d as { output?: string } | undefined;
        if (!k.endsWith('EventDetails') || typeof det?.output !== 'string') continue;
        const out = JSON.parse(det.output);
        if (out && typeof out === 'object' && 'FunctionResult' in out) {
          if (!valid(out.FunctionResult, JSON.parse(input))) problem ??= `${e.type}: generated value ${JSON.stringify(out.FunctionResult)} is not valid`;
          out.FunctionResult = word;
          e[k] = { ...det, output: JSON.stringify(out) };
        }
      }
      return e;
    });
    return problem ?? matchHistory(expected, actual);
  };
}

const itemsVar: Record<string, unknown> = { number: 1, string: 'string', boolean: true, object: { foo: 'bar' }, null: null };

const RECIPES: [RegExp, Recipe][] = [
  [
    /TestUniqueIdGeneration::test_uuid$/,
    generatedValue('generated-uuid', (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v)),
  ],
  [
    /TestMathOperations::test_math_random_seeded$/,
    generatedValue(
      'RandomNumberGenerated',
      (v, input) => Number.isInteger(v) && (v as number) >= input.FunctionInput.fst && (v as number) < input.FunctionInput.snd,
    ),
  ],
  // Result fields ending in .$ are not evaluated: the test wrote such a Result.
  [/TestSnfBase::test_state_pass_result_jsonpaths$/, setField(['States', 'State_1', 'Result'], () => ({ 'unsupported1.$': '$.jsonpath', 'unsupported2.$': '$$' }))],
  [/context_object.py::TestSnfBase::test_variable$/, substitute('%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%', () => '$$.Execution.Input.input-value')],
  [/TestBaseEvaluateJsonata::test_merge_with_dynamic_args$/, setField(['States', 'Start', 'Output'], () => '{% $merge([$states.input.part1, $states.input.part2]) %}')],
  [/TestBaseEvaluateJsonata::test_base_map\[ITEMS(_DOUBLE_QUOTES)?\]$/, setField(['States', 'Start', 'Items'], (e) =>
      // The test's parameters (LocalStack evaluate_jsonata_templates.py, JSONATA_ARRAY_ELEMENT_EXPRESSION[_DOUBLE_QUOTES]).
      paramOf(e) === 'ITEMS' ? [1, '{% $number("2") %}', 3] : [1, "{% $number('2') %}", 3],
    )],
  [/test_map_state_items_(eval_jsonata_)?variable_sampling(_fail)?\[/, setField(['States', 'Start', 'Assign', 'ItemsVar'], (e) => itemsVar[paramOf(e)])],
  [/TestBaseScenarios::test_wait_timestamp\[SECONDS\]$/, setField(['States', 'WaitUntil', 'Timestamp'], () => '2016-03-14T01:59:00.123Z')],
  [/TestSnfApiMapRun::test_map_state_label_/, mapLabel],
  [/test_timestamp_too_far_in_future_boundary\[|test_wait_timestamppath\[/, waitAhead],
  [/test_json_path_array_access\[|test_json_path_array_wildcard_or_slice_with_no_input\[/, substitute('$.items[0]', paramOf)],
  [/test_input_path\[|test_output_path\[/, substitute('%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%', paramOf)],
  [/test_map_state_items_eval_jsonata_fail\[|test_map_state_items_eval_jsonata\[/, itemsLiteral()],
  // Successful Wait TimestampPath / JSONata runs, whose input timestamp the snapshot tool replaced by
  // "date": the test's input (LocalStack test_base_scenarios.py: {"TimestampValue": "2016-03-14T01:59:00Z"});
  // the NANOSECONDS variant (value not in the stored sources) with nine fractional digits, as named.
  [
    /TestBaseScenarios::test_wait_timestamp_(path|jsonata)(\[NANOSECONDS\])?$/,
    async (h, entry, recorded) => {
      const ts = paramOf(entry) === 'NANOSECONDS' ? '2016-03-14T01:59:00.123456789Z' : '2016-03-14T01:59:00Z';
      return runHistoriesWithInput(h, entry, recorded, h.loadTemplate(pickTemplate(entry)!), JSON.stringify({ TimestampValue: ts }));
    },
  ],
  // The Output expression named by the parameter (LocalStack tests/aws/services/stepfunctions/
  // templates/evaluatejsonata/evaluate_jsonata_templates.py, JSONATA_REGEX_EXPRESSION_<param>).
  [/TestBaseEvaluateJsonata::test_base_jsonata_regular_expressions\[/, setField(['States', 'Start', 'Output'], (e) => JSONATA_REGEX[paramOf(e)])],
];

const JSONATA_REGEX: Record<string, string> = {
  BASE: '{% $contains("hello$world", /^hello\\$/) %}',
  BASE_FALSE: '{% $contains("hello$world", /^hello\\ /) %}',
  BASE_SINGLE_QUOTE: "{% $contains('hello$world', /^hello\\$/) %}",
  BASE_SINGLE_QUOTE_FALSE: "{% $contains('hello$world', /^hello\\ /) %}",
};

function itemsLiteral(): Recipe {
  const values: Record<string, unknown> = {
    number: '{% 1 %}',
    string: "{% 'string' %}",
    boolean: '{% true %}',
    object: "{% {'foo': 'bar'} %}",
    function: '{% $fn := function($x){$x} %}',
    // The original parameter is not in the corpus or the stored test sources; the recorded history
    // shows what Items evaluated to (MapStateStarted length 3, MapStateExited output [1,"two",3]).
    // Those items, with a literal and a JSONata element mixed as the parameter's name says (which
    // elements the test wrote as expressions is not recorded and does not change the history).
    mixed: [1, "{% 'two' %}", '{% 1 + 2 %}'],
  };
  return setField(['States', 'MapIterateState', 'Items'], (e) => values[paramOf(e)]);
}

export function recipeFor(entry: Entry): Recipe | undefined {
  if (entry.kind === 'choice-io-cases') return choiceCases;
  for (const [re, r] of [...RECIPES, ...API_RECIPES]) if (re.test(entry.key)) return r;
  return undefined;
}

// Used by recipes that compare more than histories.
export { matchHistory, plainEvent, recordedInput };

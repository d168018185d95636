/** Static checks of a state machine definition (CreateStateMachine, ValidateStateMachineDefinition). */

export interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

import { isIntrinsic, parseIntrinsic } from './asl/intrinsics.js';
import { parseTimestamp } from './asl/choice.js';
import { jsonProblem } from './json-errors.js';

const STATE_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const FLOW = ['Next', 'End'];
const IO_JSONPATH = ['InputPath', 'OutputPath'];
const RESULT_JSONPATH = ['ResultSelector', 'ResultPath'];
const ERRORS = ['Retry', 'Catch'];
/** The fields each state type accepts (either query language); the language filter comes after. */
const FIELDS: Record<string, string[]> = {
  Pass: [...COMMON, ...FLOW, ...IO_JSONPATH, 'Parameters', 'ResultPath', 'Result', 'Assign', 'Output'],
  Task: [...COMMON, ...FLOW, ...IO_JSONPATH, ...RESULT_JSONPATH, ...ERRORS, 'Resource', 'Parameters', 'Arguments', 'Output', 'Assign', 'Credentials', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath'],
  Choice: [...COMMON, ...IO_JSONPATH, 'Choices', 'Default', 'Assign', 'Output'],
  Wait: [...COMMON, ...FLOW, ...IO_JSONPATH, 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath', 'Assign', 'Output'],
  Succeed: [...COMMON, ...IO_JSONPATH, 'Output'],
  Fail: [...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath'],
  Parallel: [...COMMON, ...FLOW, ...IO_JSONPATH, ...RESULT_JSONPATH, ...ERRORS, 'Branches', 'Parameters', 'Arguments', 'Output', 'Assign'],
  Map: [
    ...COMMON, ...FLOW, ...IO_JSONPATH, ...RESULT_JSONPATH, ...ERRORS,
    'Iterator', 'ItemProcessor', 'ItemsPath', 'Items', 'ItemSelector', 'Parameters', 'ItemReader', 'ItemBatcher', 'ResultWriter',
    'MaxConcurrency', 'MaxConcurrencyPath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'ToleratedFailurePercentage',
    'ToleratedFailurePercentagePath', 'Label', 'Arguments', 'Output', 'Assign',
  ],
};
/** Fields of one query language only. */
const JSONPATH_ONLY = new Set(['InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'MaxConcurrencyPath', 'ToleratedFailureCountPath', 'ToleratedFailurePercentagePath', 'ErrorPath', 'CausePath', 'Iterator']);
const JSONATA_ONLY = new Set(['Arguments', 'Output', 'Items']);

/**
 * Parses and checks a definition; `type` adds the checks of that machine type (an EXPRESS machine
 * takes no callback, `.sync` or activity task). The texts are AWS's, as recorded in
 * test_sfn_api_validation.py (19-10-2025) and test_sfn_api_express.py::test_illegal_* (03-07-2024).
 */
export function parseDefinition(text: string, type?: string): { def?: Record<string, any>; diagnostics: Diagnostic[] } {
  if (text.trim() === '') return { diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' }] };
  let def: unknown;
  try {
    def = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [invalidJson(text, e as Error)] };
  }
  if (!def || typeof def !== 'object' || Array.isArray(def))
    return { diagnostics: [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'The definition must be a JSON object', location: '/' }] };
  const diagnostics: Diagnostic[] = [];
  checkProgram(def as Record<string, any>, '', diagnostics, undefined, (def as Record<string, any>).QueryLanguage);
  if (type === 'EXPRESS') checkExpress(def as Record<string, any>, '', diagnostics);
  return { def: def as Record<string, any>, diagnostics };
}

/** Invalid JSON: Jackson's message (json-errors.ts); a bare word also gets its source position as the location, as AWS answers. */
function invalidJson(text: string, e: Error): Diagnostic {
  const p = jsonProblem(text);
  if (p && p.message.startsWith('Unrecognized token')) {
    const source = `[Source: (String)"${text}"; line: ${p.line}, column: ${p.column}]`;
    return { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: `${p.message}\n at ${source}`, location: source };
  }
  return { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: `Invalid JSON: ${e.message}` };
}

/** Express machines: no `.waitForTaskToken` or `.sync` integration, no activity (at any depth). */
function checkExpress(p: Record<string, any>, at: string, out: Diagnostic[]): void {
  const states = p?.States;
  if (!states || typeof states !== 'object') return;
  for (const [name, s] of Object.entries(states as Record<string, any>)) {
    if (!s || typeof s !== 'object') continue;
    const loc = `${at}/States/${name}`;
    const r = s.Resource;
    if (s.Type === 'Task' && typeof r === 'string') {
      const problem = r.endsWith('.waitForTaskToken')
        ? // AWS's message ends with a space here (and not for '.sync').
          "Express state machine does not support '.waitForTaskToken' service integration "
        : /\.sync(:\d+)?$/.test(r)
          ? "Express state machine does not support '.sync' service integration"
          : /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(r)
            ? 'Express state machine does not support Activity ARN'
            : undefined;
      if (problem) out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: problem, location: `${loc}/Resource` });
    }
    if (s.Type === 'Parallel' && Array.isArray(s.Branches)) s.Branches.forEach((b: any, i: number) => checkExpress(b, `${loc}/Branches[${i}]`, out));
    if (s.Type === 'Map') checkExpress(s.ItemProcessor ?? s.Iterator, `${loc}/${s.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, out);
  }
}

function checkProgram(p: Record<string, any>, at: string, out: Diagnostic[], parentQl: string | undefined, rootQl: string | undefined): void {
  const ql = p.QueryLanguage ?? parentQl;
  if (p.QueryLanguage !== undefined && p.QueryLanguage !== 'JSONPath' && p.QueryLanguage !== 'JSONata')
    out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: `Value is not a valid query language`, location: `${at}/QueryLanguage` });
  const states = p.States;
  const noStates = !states || typeof states !== 'object' || Array.isArray(states) || Object.keys(states).length === 0;
  // One diagnostic names every missing field, States first (`{}`: "These fields are required: [States, StartAt]").
  const missing = [...(noStates ? ['States'] : []), ...(typeof p.StartAt !== 'string' ? ['StartAt'] : [])];
  if (missing.length) out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: `These fields are required: [${missing.join(', ')}]`, location: at || '/' });
  if (noStates) return;
  if (typeof p.StartAt === 'string' && !(p.StartAt in states))
    out.push({
      severity: 'ERROR',
      code: 'MISSING_TRANSITION_TARGET',
      message: `Missing 'Next' target: ${p.StartAt}`,
      location: `${at}/StartAt`,
    });
  for (const [name, s] of Object.entries(states as Record<string, any>)) {
    const loc = `${at}/States/${name}`;
    if (!s || typeof s !== 'object') {
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'A state must be an object', location: loc });
      continue;
    }
    if (name.length > 80) out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'State names must be at most 80 characters', location: loc });
    if (!STATE_TYPES.has(s.Type)) {
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Type]', location: loc });
      continue;
    }
    const sql = s.QueryLanguage ?? ql;
    for (const field of Object.keys(s)) {
      const known = FIELDS[s.Type]!.includes(field);
      const wrongLanguage = sql === 'JSONata' ? JSONPATH_ONLY.has(field) : JSONATA_ONLY.has(field);
      if (!known || wrongLanguage)
        out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: `Field '${field}' is not supported`, location: loc });
    }
    if (rootQl === 'JSONata' && s.QueryLanguage === 'JSONPath')
      out.push({
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
        location: loc,
      });
    if (s.Type === 'Wait' && typeof s.Timestamp === 'string' && !(sql === 'JSONata' && /^\{%.*%\}$/s.test(s.Timestamp)) && Number.isNaN(parseTimestamp(s.Timestamp)))
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'String does not match RFC3339 timestamp', location: `${loc}/Timestamp` });
    if (sql !== 'JSONata') {
      for (const field of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign']) {
        const bad = badPayloadField(s[field]);
        if (bad)
          out.push({
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message: `The value for the field '${bad}' must be a valid JSONPath or a valid intrinsic function call`,
            location: `${loc}/${field}`,
          });
      }
    }
    const terminal = s.Type === 'Succeed' || s.Type === 'Fail' || s.Type === 'Choice';
    if (!terminal) {
      if (s.End !== true && typeof s.Next !== 'string')
        out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Next | End]', location: loc });
    }
    const targets: [string, string][] = [];
    if (typeof s.Next === 'string') targets.push([s.Next, `${loc}/Next`]);
    if (s.Type === 'Choice') {
      if (!Array.isArray(s.Choices) || s.Choices.length === 0)
        out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Choices]', location: loc });
      else s.Choices.forEach((c: any, i: number) => typeof c?.Next === 'string' && targets.push([c.Next, `${loc}/Choices[${i}]/Next`]));
      if (typeof s.Default === 'string') targets.push([s.Default, `${loc}/Default`]);
    }
    if (Array.isArray(s.Catch)) s.Catch.forEach((c: any, i: number) => typeof c?.Next === 'string' && targets.push([c.Next, `${loc}/Catch[${i}]/Next`]));
    for (const [t, l] of targets)
      if (!(t in states)) out.push({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: `Missing 'Next' target: ${t}`, location: l });
    if (s.Type === 'Task' && typeof s.Resource !== 'string')
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Resource]', location: loc });
    if (s.Type === 'Parallel') {
      if (!Array.isArray(s.Branches))
        out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Branches]', location: loc });
      else s.Branches.forEach((b: any, i: number) => checkProgram(b ?? {}, `${loc}/Branches[${i}]`, out, sql, rootQl));
    }
    if (s.Type === 'Map') {
      const proc = s.ItemProcessor ?? s.Iterator;
      if (!proc || typeof proc !== 'object')
        out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [ItemProcessor]', location: loc });
      else checkProgram(proc, `${loc}/${s.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, out, sql, rootQl);
    }
  }
}

const LABEL_INVALID = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** Map state Labels: at most 40 characters, none of the characters AWS rejects. */
export function labelProblem(def: unknown): string | undefined {
  let found: string | undefined;
  const visit = (p: any): void => {
    if (found || !p || typeof p !== 'object' || !p.States || typeof p.States !== 'object') return;
    for (const s of Object.values(p.States as Record<string, any>)) {
      if (!s || typeof s !== 'object') continue;
      if (s.Type === 'Map' && 'Label' in s && typeof s.Label === 'string') {
        const label: string = s.Label;
        if (label.length === 0) found = 'Label cannot be empty';
        else if (label.length > 40) found = 'Label cannot exceed 40 characters';
        else {
          const m = LABEL_INVALID.exec(label);
          if (m) found = `Label contains invalid character: '${pyEscape(m[0])}'`;
        }
        if (found) return;
      }
      if (s.Type === 'Map') visit(s.ItemProcessor ?? s.Iterator);
      if (s.Type === 'Parallel' && Array.isArray(s.Branches)) s.Branches.forEach(visit);
    }
  };
  visit(def);
  return found;
}

/** The body of a Python string repr for text (how AWS's validator prints the offending value). */
function pyEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0xa0)) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}

/** Python's repr() of a string: single quotes unless the text has single and no double quotes. */
export function pyRepr(s: string): string {
  const body = pyEscape(s);
  if (s.includes("'") && !s.includes('"')) return `"${body}"`;
  return `'${body.replace(/'/g, "\\'")}'`;
}

/** The InvalidDefinition message AWS gives for a bad Map Label: it quotes the definition as sent. */
export function labelErrorMessage(problem: string, definitionText: string): string {
  return `Error=ValueError Args=[${pyRepr(problem)}] in definition '${definitionText}'.`;
}

/** The first `key.$` of a payload template whose value is neither a path nor a valid intrinsic call. */
function badPayloadField(tmpl: unknown): string | undefined {
  if (Array.isArray(tmpl)) {
    for (const x of tmpl) {
      const b = badPayloadField(x);
      if (b) return b;
    }
    return undefined;
  }
  if (!tmpl || typeof tmpl !== 'object') return undefined;
  for (const [k, v] of Object.entries(tmpl)) {
    if (k.endsWith('.$')) {
      if (typeof v !== 'string') return k;
      if (v.startsWith('$')) continue;
      if (!isIntrinsic(v)) return k;
      try {
        parseIntrinsic(v);
      } catch {
        return k;
      }
    } else {
      const b = badPayloadField(v);
      if (b) return b;
    }
  }
  return undefined;
}

/** The CreateStateMachine message for the first diagnostics, as AWS words it. */
export function invalidDefinitionMessage(diags: Diagnostic[]): string {
  const parts = diags.filter((d) => d.severity === 'ERROR').map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}

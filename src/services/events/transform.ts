/**
 * What a target receives: the whole event, a constant `Input`, the part an `InputPath` selects, or an
 * `InputTransformer`'s template filled from its `InputPathsMap` and the predefined variables
 * (`<aws.events.rule-arn>`, `<aws.events.rule-name>`, `<aws.events.event.ingestion-time>`,
 * `<aws.events.event>`, `<aws.events.event.json>`), as the EventBridge user guide documents them:
 * in a JSON template a placeholder outside quotes takes the value as JSON (strings quoted), one inside
 * a string takes its text; in a plain-text template every value is its text.
 */
import type { Target } from '../../generated/events.js';
import { ValidationException } from './errors.js';

type Step = string | number;

/** A JSONPath as EventBridge takes it: `$`, `.name`, `['name']`, `[n]`; undefined when it is not one. */
export function parsePath(path: string): Step[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: Step[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!m) return undefined;
      steps.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = path.slice(i);
      const idx = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(rest);
      if (idx) {
        steps.push(Number(idx[1]));
        i += idx[0].length;
      } else if (quoted) {
        steps.push((quoted[1] ?? quoted[2])!.replace(/\\(.)/g, '$1'));
        i += quoted[0].length;
      } else return undefined;
    } else return undefined;
  }
  return steps;
}

export function selectPath(value: unknown, steps: readonly Step[]): unknown {
  let v: unknown = value;
  for (const s of steps) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
    if (v === undefined) return undefined;
  }
  return v;
}

const PREDEFINED = new Set(['aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time', 'aws.events.event', 'aws.events.event.json']);

/** Checks a target's Input, InputPath and InputTransformer when PutTargets stores it. */
export function checkTargetInput(t: Target): void {
  const given = [t.Input !== undefined, t.InputPath !== undefined, t.InputTransformer !== undefined].filter(Boolean).length;
  if (given > 1) throw new ValidationException(`Only one of Input, InputPath, or InputTransformer must be provided for target ${t.Id}.`);
  if (t.Input !== undefined) {
    try {
      JSON.parse(t.Input);
    } catch {
      throw new ValidationException(`Input for target ${t.Id} must be a valid JSON text.`);
    }
  }
  if (t.InputPath !== undefined && !parsePath(t.InputPath)) throw new ValidationException(`InputPath for target ${t.Id} is invalid.`);
  if (t.InputTransformer) {
    for (const [key, path] of Object.entries(t.InputTransformer.InputPathsMap ?? {})) {
      if (PREDEFINED.has(key) || key.startsWith('aws.')) throw new ValidationException(`InputTransformer for target ${t.Id} contains invalid key ${key}. Keys beginning with "aws." are reserved.`);
      if (!parsePath(path)) throw new ValidationException(`Invalid InputPathsMap value for key ${key}: ${path} is not a valid JSON path.`);
    }
  }
}

export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  ingestion: number;
}

/**
 * A Kinesis target's partition key: the event's value at KinesisParameters.PartitionKeyPath (text as
 * it is, other values as JSON), else the event's id, as AWS documents.
 */
export function kinesisPartitionKey(t: Target, event: Record<string, unknown>, eventId: string): string {
  const path = t.KinesisParameters?.PartitionKeyPath;
  const steps = path === undefined ? undefined : parsePath(path);
  const v = steps ? selectPath(event, steps) : undefined;
  if (v === undefined || v === null) return eventId;
  const key = typeof v === 'string' ? v : JSON.stringify(v);
  return key === '' ? eventId : key;
}

/** The payload a target receives for this event (its JSON text). */
export function targetInput(t: Target, eventText: string, c: TransformContext): string {
  if (t.Input !== undefined) return t.Input;
  if (t.InputPath !== undefined) {
    const v = selectPath(JSON.parse(eventText), parsePath(t.InputPath) ?? []);
    return v === undefined ? '' : JSON.stringify(v);
  }
  if (t.InputTransformer) return transform(t.InputTransformer.InputTemplate, t.InputTransformer.InputPathsMap ?? {}, eventText, c);
  return eventText;
}

function transform(template: string, paths: Record<string, string>, eventText: string, c: TransformContext): string {
  const event = JSON.parse(eventText) as Record<string, unknown>;
  const values = new Map<string, { value: unknown; raw?: string }>();
  for (const [key, path] of Object.entries(paths)) values.set(key, { value: selectPath(event, parsePath(path) ?? []) });
  values.set('aws.events.rule-arn', { value: c.ruleArn });
  values.set('aws.events.rule-name', { value: c.ruleName });
  values.set('aws.events.event.ingestion-time', { value: new Date(c.ingestion).toISOString() });
  const { detail: _detail, ...withoutDetail } = event;
  values.set('aws.events.event', { value: withoutDetail, raw: JSON.stringify(withoutDetail) });
  values.set('aws.events.event.json', { value: event, raw: eventText });

  const trimmed = template.trim();
  const json = trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"');
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (json && ch === '\\' && inString) {
      out += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (json && ch === '"') inString = !inString;
    if (ch === '<') {
      const end = template.indexOf('>', i + 1);
      const name = end > 0 ? template.slice(i + 1, end) : '';
      const v = values.get(name);
      if (v) {
        out += render(v.value, v.raw, json, inString);
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function render(value: unknown, raw: string | undefined, json: boolean, inString: boolean): string {
  if (raw !== undefined) return raw; // the event variables are inserted as they are, never escaped
  if (!json) return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (inString) {
    const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    return JSON.stringify(text).slice(1, -1);
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

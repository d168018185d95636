import { compileEventPattern, type CompiledPattern, type SubRule } from './compile.js';
import { flattenEvent } from './event.js';
import { parseJson } from './json-tokens.js';
import { matchesSubRule } from './match.js';

/**
 * Lambda event-source-mapping filter criteria (AWS Lambda developer guide: "Lambda event filtering",
 * "Properly filtering Amazon SQS messages", "Properly filtering Kinesis and DynamoDB messages").
 * `{"Filters": [{"Pattern": "<event pattern>"}]}`: a record is sent to the function when any filter
 * matches it. The record's data field (SQS `body`, Kinesis `data`, DynamoDB `dynamodb`) is matched as
 * JSON when it holds a JSON object or array, else as a plain string; a filter that treats it the other
 * way drops the record. Kinesis `data` is base64-decoded first; the fields of a Kinesis record's
 * `kinesis` object (partitionKey, data, ...) are also matched at the top, as the guide's patterns use them.
 */
export type FilteredSource = 'sqs' | 'kinesis' | 'dynamodb';

export interface FilterCriteria {
  readonly Filters?: readonly { readonly Pattern?: string }[];
}

/** Lambda's InvalidParameterValueException (Type "User") for any bad filter. */
export class FilterCriteriaError extends Error {
  constructor() {
    super('Invalid filter pattern definition.');
  }
}

export interface CompiledFilterCriteria {
  readonly source: FilteredSource;
  readonly filters: readonly CompiledPattern[];
}

const DATA_KEY: Readonly<Record<FilteredSource, string>> = { sqs: 'body', kinesis: 'data', dynamodb: 'dynamodb' };

/** How a sub-rule reads the data field: not at all, as a plain string, or as JSON ('both' can never match). */
function dataUse(rule: SubRule, key: string): 'none' | 'string' | 'json' | 'both' {
  const paths = [...rule.keys()];
  const asString = paths.includes(key);
  const asJson = paths.some((p) => p.startsWith(`${key}.`));
  return asString && asJson ? 'both' : asString ? 'string' : asJson ? 'json' : 'none';
}

export function compileFilterCriteria(criteria: FilterCriteria, source: FilteredSource): CompiledFilterCriteria {
  const filters = (criteria.Filters ?? []).map((f) => {
    if (typeof f.Pattern !== 'string' || f.Pattern === '') throw new FilterCriteriaError();
    let compiled: CompiledPattern;
    try {
      compiled = compileEventPattern(f.Pattern);
    } catch {
      throw new FilterCriteriaError();
    }
    // Stream data must be filtered as JSON: a plain-string pattern for it is refused when the mapping is made.
    if (source !== 'sqs' && compiled.rules.some((rule) => dataUse(rule, DATA_KEY[source]) !== 'none' && dataUse(rule, DATA_KEY[source]) !== 'json')) {
      throw new FilterCriteriaError();
    }
    return compiled;
  });
  return { source, filters };
}

function structured(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/** The record as filters see it, and whether its data field is JSON. */
function filterView(source: FilteredSource, record: Record<string, unknown>): { event: Record<string, unknown>; json: boolean } {
  if (source === 'dynamodb') return { event: record, json: structured(record.dynamodb) };
  const raw = source === 'sqs' ? record.body : (record.kinesis as Record<string, unknown> | undefined)?.data;
  let parsed: unknown;
  try {
    const text = typeof raw !== 'string' ? '' : source === 'kinesis' ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    parsed = parseJson(text);
  } catch {
    parsed = undefined;
  }
  const json = structured(parsed);
  const data = json ? parsed : raw;
  if (source === 'sqs') return { event: { ...record, body: data }, json };
  return { event: { ...record, ...(record.kinesis as Record<string, unknown>), kinesis: { ...(record.kinesis as object), data }, data }, json };
}

/** Whether a record (as the function would receive it) passes the criteria; no filters pass everything. */
export function recordMatchesFilterCriteria(criteria: CompiledFilterCriteria, record: Record<string, unknown>): boolean {
  if (criteria.filters.length === 0) return true;
  const { event, json } = filterView(criteria.source, record);
  const flat = flattenEvent(event);
  const key = DATA_KEY[criteria.source];
  return criteria.filters.some((f) =>
    f.rules.some((rule) => {
      const use = dataUse(rule, key);
      if (use === 'both' || (use === 'string' && json) || (use === 'json' && !json)) return false;
      return matchesSubRule(rule, flat);
    }),
  );
}

/** What the api-response recipes share: unique names, the recorded-vs-actual check, recipe wrappers. */
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import type { Harness } from '../../../scripts/conformance-stepfunctions.js';
import { match } from './compare.js';
import type { Entry, Recipe } from './recipes.js';

let counter = 0;
export const uniqueName = (prefix = 'api') => `${prefix}-${process.pid}-${++counter}`;
export const role = (suffix = '') => `arn:aws:iam::000000000000:role/conformance${suffix}`;
export const paramOf = (e: Entry): string => (e.param ?? '').replace(/^\[|\]$/g, '');

/** Collects recorded-vs-actual comparisons; the first mismatch is the entry's failure. */
export class Check {
  problem: string | undefined;
  constructor(readonly recorded: Record<string, any>) {}

  /** Compares a successful response (or an AWS error) with the recorded value under `key`. */
  async step<T>(key: string, call: () => Promise<T>): Promise<T | undefined> {
    let out: T | undefined;
    let actual: unknown;
    try {
      out = await call();
      const { $metadata, ...rest } = out as Record<string, unknown>;
      void $metadata;
      actual = rest;
    } catch (e) {
      const err = e as Error;
      actual = { Error: { Code: err.name, Message: err.message }, message: err.message };
    }
    const expected = this.recorded[key];
    if (key.startsWith('__')) return out;
    // Errors boto raised on the client side (before any request) are not AWS behaviour: nothing to compare.
    if (
      (typeof expected === 'string' && expected.startsWith('Parameter validation failed')) ||
      (expected && typeof expected === 'object' && expected.exception_typename === 'ParamValidationError')
    )
      return out;
    if (expected === undefined) {
      this.problem ??= `no recorded value for ${key}`;
      return out;
    }
    let exp: unknown = expected;
    const text = typeof expected === 'string' ? /^An error occurred \(([^)]+)\) when calling the \w+ operation: (.*)$/s.exec(expected) : null;
    if (text) exp = { Error: { Code: text[1], Message: text[2] }, message: text[2] };
    else if (expected && typeof expected === 'object' && 'exception_typename' in expected) {
      const m = /^An error occurred \(([^)]+)\) when calling the \w+ operation: (.*)$/s.exec(String(expected.exception_value));
      exp = { Error: { Code: expected.exception_typename, Message: m?.[2] ?? '' }, message: m?.[2] ?? '' };
    } else if (expected && typeof expected === 'object' && 'Error' in expected) {
      exp = { Error: expected.Error, message: expected.message ?? expected.Error.Message };
    }
    const r = match(exp, actual, key);
    if (r) this.problem ??= r;
    return out;
  }
}

export async function settle(h: Harness, executionArn: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const d = await h.client.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const def = (h: Harness, e: Entry) => JSON.stringify(h.loadTemplate(e.templates[0]!));

/** A call whose error message shows `value` as the snapshot's transformer wrote it (`word`). */
export async function shownAs<T>(call: Promise<T>, value: string, word: string): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof Error) e.message = e.message.split(value).join(word);
    throw e;
  }
}

export function recipe(fn: (h: Harness, e: Entry, c: Check) => Promise<void>): Recipe {
  return async (h, e, recorded) => {
    const c = new Check(recorded);
    await fn(h, e, c);
    return c.problem;
  };
}

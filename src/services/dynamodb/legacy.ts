/**
 * The legacy (pre-expression) parameters, translated into bound expressions: Expected,
 * AttributeUpdates, AttributesToGet, KeyConditions, QueryFilter and ScanFilter.
 */
import type { BAction, BCondition, BOperand, Path } from './expressions/bind.js';
import { checkValue, invalidParam, typeOf, validation, type AttributeValue } from './values.js';

const ARG_COUNTS: Record<string, [number, number]> = {
  EQ: [1, 1],
  NE: [1, 1],
  LE: [1, 1],
  LT: [1, 1],
  GE: [1, 1],
  GT: [1, 1],
  NOT_NULL: [0, 0],
  NULL: [0, 0],
  CONTAINS: [1, 1],
  NOT_CONTAINS: [1, 1],
  BEGINS_WITH: [1, 1],
  IN: [1, Infinity],
  BETWEEN: [2, 2],
};

function comparison(name: string, op: string, list: AttributeValue[]): BCondition {
  const counts = ARG_COUNTS[op];
  if (!counts) throw validation(`1 validation error detected: Value '${op}' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]`);
  if (list.length < counts[0] || list.length > counts[1]) {
    throw invalidParam(`Invalid number of argument(s) for the ${op} ComparisonOperator`);
  }
  const path: BOperand = { k: 'path', p: [name] };
  const c = (i: number): BOperand => ({ k: 'const', v: list[i]! });
  const scalar = (v: AttributeValue) => {
    const t = typeOf(v);
    if (t !== 'S' && t !== 'N' && t !== 'B') throw invalidParam(`ComparisonOperator ${op} is not valid for ${t} AttributeValue type`);
  };
  switch (op) {
    case 'EQ':
      return { k: 'cmp', op: '=', l: path, r: c(0) };
    case 'NE':
      return { k: 'cmp', op: '<>', l: path, r: c(0) };
    case 'LE':
    case 'LT':
    case 'GE':
    case 'GT':
      scalar(list[0]!);
      return { k: 'cmp', op: ({ LE: '<=', LT: '<', GE: '>=', GT: '>' } as const)[op], l: path, r: c(0) };
    case 'NOT_NULL':
      return { k: 'fn', name: 'attribute_exists', args: [path] };
    case 'NULL':
      return { k: 'fn', name: 'attribute_not_exists', args: [path] };
    case 'CONTAINS':
      scalar(list[0]!);
      return { k: 'fn', name: 'contains', args: [path, c(0)] };
    case 'NOT_CONTAINS':
      scalar(list[0]!);
      return {
        k: 'and',
        l: { k: 'fn', name: 'attribute_exists', args: [path] },
        r: { k: 'not', c: { k: 'fn', name: 'contains', args: [path, c(0)] } },
      };
    case 'BEGINS_WITH': {
      const t = typeOf(list[0]!);
      if (t !== 'S' && t !== 'B') throw invalidParam(`ComparisonOperator BEGINS_WITH is not valid for ${t} AttributeValue type`);
      return { k: 'fn', name: 'begins_with', args: [path, c(0)] };
    }
    case 'IN':
      return { k: 'in', v: path, list: list.map((_, i) => c(i)) };
    default: {
      scalar(list[0]!);
      scalar(list[1]!);
      if (typeOf(list[0]!) !== typeOf(list[1]!)) {
        throw invalidParam('AttributeValues inside AttributeValueList must be of same type');
      }
      return { k: 'between', v: path, lo: c(0), hi: c(1) };
    }
  }
}

function combine(conds: BCondition[], op: string | undefined): BCondition | undefined {
  if (conds.length === 0) return undefined;
  let out = conds[0]!;
  for (let i = 1; i < conds.length; i++) out = { k: op === 'OR' ? 'or' : 'and', l: out, r: conds[i]! };
  return out;
}

/** Expected (with ConditionalOperator) -> a condition. */
export function expectedCondition(expected: Record<string, any>, conditionalOperator: string | undefined): BCondition | undefined {
  const conds: BCondition[] = [];
  for (const [name, e] of Object.entries(expected)) {
    const value = e.Value !== undefined ? checkValue(e.Value, 1) : undefined;
    const list = (e.AttributeValueList ?? []).map((v: unknown) => checkValue(v, 1)) as AttributeValue[];
    if (e.ComparisonOperator !== undefined) {
      if (value !== undefined) throw invalidParam(`Value and AttributeValueList cannot be used together for Attribute: ${name}`);
      if (e.Exists !== undefined) throw invalidParam(`Exists and ComparisonOperator cannot be used together for Attribute: ${name}`);
      conds.push(comparison(name, e.ComparisonOperator, list));
      continue;
    }
    if (e.AttributeValueList !== undefined) throw invalidParam(`AttributeValueList can only be used with a ComparisonOperator for Attribute: ${name}`);
    if (e.Exists === false) {
      if (value !== undefined) throw invalidParam(`Value cannot be used when Exists is false for Attribute: ${name}`);
      conds.push({ k: 'fn', name: 'attribute_not_exists', args: [{ k: 'path', p: [name] }] });
    } else {
      if (value === undefined) throw invalidParam(`Value must be provided when Exists is ${e.Exists === true ? 'true' : 'null'} for Attribute: ${name}`);
      conds.push({ k: 'cmp', op: '=', l: { k: 'path', p: [name] }, r: { k: 'const', v: value } });
    }
  }
  return combine(conds, conditionalOperator);
}

/** QueryFilter / ScanFilter / KeyConditions: name -> {ComparisonOperator, AttributeValueList}. */
export function filterCondition(filter: Record<string, any>, conditionalOperator: string | undefined): BCondition | undefined {
  const conds: BCondition[] = [];
  for (const [name, f] of Object.entries(filter)) {
    const list = (f.AttributeValueList ?? []).map((v: unknown) => checkValue(v, 1)) as AttributeValue[];
    conds.push(comparison(name, f.ComparisonOperator, list));
  }
  return combine(conds, conditionalOperator);
}

/** AttributeUpdates -> update actions. */
export function attributeUpdates(updates: Record<string, any>): BAction[] {
  const actions: BAction[] = [];
  for (const [name, u] of Object.entries(updates)) {
    const action = u.Action ?? 'PUT';
    const value = u.Value !== undefined ? checkValue(u.Value, 1) : undefined;
    const p: Path = [name];
    if (action === 'PUT') {
      if (!value) throw invalidParam(`Only DELETE action is allowed when no attribute value is specified: ${name}`);
      actions.push({ kind: 'SET', p, value: { k: 'const', v: value } });
    } else if (action === 'DELETE') {
      if (!value) actions.push({ kind: 'REMOVE', p });
      else {
        const t = typeOf(value);
        if (t !== 'SS' && t !== 'NS' && t !== 'BS') throw invalidParam('DELETE action with value is not supported for the type ' + t);
        actions.push({ kind: 'DELETE', p, value: { k: 'const', v: value } });
      }
    } else {
      if (!value) throw invalidParam(`Only DELETE action is allowed when no attribute value is specified: ${name}`);
      const t = typeOf(value);
      if (t === 'L') {
        actions.push({
          kind: 'SET',
          p,
          value: { k: 'list_append', a: { k: 'if_not_exists', p, value: { k: 'const', v: { L: [] } } }, b: { k: 'const', v: value } },
        });
      } else if (t === 'N' || t === 'SS' || t === 'NS' || t === 'BS') {
        actions.push({ kind: 'ADD', p, value: { k: 'const', v: value } });
      } else {
        throw invalidParam(`ADD action is not supported for the type ${t}`);
      }
    }
  }
  return actions;
}

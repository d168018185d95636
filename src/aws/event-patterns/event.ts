import { JsonNumber } from './json-tokens.js';
import type { Leaf } from './matchers.js';
import { comparableNumber } from './numbers.js';

/**
 * An event as the engine matches it: its leaves, each under the path of names leading to it (joined
 * with ".") and with the array elements it lies in (array number → element index), so that the fields
 * of one sub-pattern can be required to come from the same element of an array of objects. Arrays are
 * otherwise transparent: their values are values of the field. Objects and empty arrays are not leaves.
 */
export interface EventField {
  readonly leaf: Leaf;
  readonly membership: ReadonlyMap<number, number>;
}

export type FlatEvent = ReadonlyMap<string, readonly EventField[]>;

function leafOf(value: unknown): Leaf | undefined {
  if (typeof value === 'string') return { kind: 'string', text: value };
  if (value instanceof JsonNumber) return { kind: 'number', text: value.text, value: comparableNumber(value.text) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const text = String(value);
    return { kind: 'number', text, value: comparableNumber(text) };
  }
  if (typeof value === 'boolean') return { kind: 'literal', text: value ? 'true' : 'false' };
  if (value === null) return { kind: 'literal', text: 'null' };
  return undefined;
}

/** Flattens a parsed event (plain JSON values, or JsonNumber where the written number matters). */
export function flattenEvent(event: unknown): FlatEvent {
  const fields = new Map<string, EventField[]>();
  let arrays = 0;
  const add = (path: string, leaf: Leaf, membership: Map<number, number>): void => {
    let list = fields.get(path);
    if (!list) fields.set(path, (list = []));
    list.push({ leaf, membership: new Map(membership) });
  };
  const visit = (path: string, value: unknown, membership: Map<number, number>): void => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((element, index) => {
        // Only elements that are containers are told apart; scalars of one array share a place.
        if (element !== null && typeof element === 'object' && !(element instanceof JsonNumber)) {
          membership.set(id, index);
          visit(path, element, membership);
          membership.delete(id);
        } else visit(path, element, membership);
      });
    } else if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) {
      for (const [name, child] of Object.entries(value)) visit(`${path}.${name}`, child, membership);
    } else {
      const leaf = leafOf(value);
      if (leaf) add(path, leaf, membership);
    }
  };
  if (event !== null && typeof event === 'object' && !Array.isArray(event)) {
    for (const [name, child] of Object.entries(event)) visit(name, child, new Map());
  }
  return fields;
}

import { BadRequestException } from '../../generated/apigateway.js';

/** One element of `patchOperations` (RFC 6902-like, with API Gateway's path conventions). */
export interface PatchOp {
  op?: string;
  path?: string;
  value?: string;
  from?: string;
}

export type FieldType = 'string' | 'bool' | 'int' | 'double' | 'strlist' | 'map' | 'boolmap' | 'json';

/** Splits '/a/b~1c' into ['a', 'b/c']. */
export function pathSegments(path: string): string[] {
  if (!path.startsWith('/')) return [path];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function convert(type: FieldType, value: string | undefined, path: string): unknown {
  if (value === undefined) {
    if (type === 'string') return undefined;
    throw new BadRequestException(`Invalid null value for '${path}'`);
  }
  switch (type) {
    case 'bool':
      if (value === 'true' || value === 'false') return value === 'true';
      throw new BadRequestException(`Invalid boolean value '${value}' for '${path}'`);
    case 'int': {
      const n = Number(value);
      if (!Number.isInteger(n)) throw new BadRequestException(`Invalid integer value '${value}' for '${path}'`);
      return n;
    }
    case 'double': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new BadRequestException(`Invalid double value '${value}' for '${path}'`);
      return n;
    }
    case 'json':
      try {
        return JSON.parse(value);
      } catch {
        throw new BadRequestException(`Invalid JSON value for '${path}'`);
      }
    default:
      return value;
  }
}

/**
 * Applies patch operations to `doc` (a stored document: the checks after the patch reject bad
 * values). `fields` names the patchable top-level members and their
 * types; `custom` may take over a path first (returns true when it handled the operation).
 */
export function applyPatch(
  doc: object,
  ops: readonly PatchOp[] | undefined,
  fields: Record<string, FieldType>,
  custom?: (op: PatchOp, segs: string[]) => boolean,
): void {
  const target = doc as Record<string, unknown>;
  for (const op of ops ?? []) {
    const kind = op.op ?? '';
    const path = op.path ?? '';
    if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(kind)) throw new BadRequestException(`Invalid patch operation specified. Must be one of: [add, remove, replace, move, copy]`);
    if (kind === 'test') throw new BadRequestException(`Invalid patch operation specified. Must be one of: [add, remove, replace, move, copy]`);
    const segs = pathSegments(path);
    if (custom?.(op, segs)) continue;
    const type = fields[segs[0] ?? ''];
    const invalid = () => new BadRequestException(`Invalid patch path '${path}' specified for op '${kind}'. Must be one of: [${Object.keys(fields).map((f) => '/' + f).join(', ')}]`);
    if (!type) throw invalid();
    const name = segs[0]!;
    if (kind === 'move' || kind === 'copy') {
      if (!op.from) throw new BadRequestException(`Invalid 'from' for op '${kind}'`);
      const fromSegs = pathSegments(op.from);
      if (fromSegs[0] !== name || fromSegs.length !== 2 || segs.length !== 2 || (type !== 'map' && type !== 'boolmap')) throw invalid();
      const map = (target[name] ??= {}) as Record<string, unknown>;
      if (!(fromSegs[1]! in map)) throw new BadRequestException(`Invalid 'from' path '${op.from}': no such member`);
      map[segs[1]!] = map[fromSegs[1]!];
      if (kind === 'move') delete map[fromSegs[1]!];
      continue;
    }
    if (segs.length === 1) {
      if (kind === 'remove') delete target[name];
      else if (type === 'strlist') target[name] = op.value === undefined || op.value === '' ? [] : op.value.split(',').map((s) => s.trim());
      else if (type === 'map' || type === 'boolmap') {
        if (kind !== 'remove') throw invalid();
      } else target[name] = convert(type, op.value, path);
      continue;
    }
    const key = segs.slice(1).join('/');
    if (type === 'map' || type === 'boolmap') {
      const map = (target[name] ??= {}) as Record<string, unknown>;
      if (kind === 'remove') delete map[key];
      else map[key] = type === 'boolmap' ? (op.value === undefined ? false : convert('bool', op.value, path)) : op.value ?? '';
      if (Object.keys(map).length === 0) delete target[name];
    } else if (type === 'strlist') {
      const list = (target[name] ??= []) as string[];
      if (kind === 'add') {
        if (!list.includes(key)) list.push(key);
      } else if (kind === 'remove') target[name] = list.filter((x) => x !== key);
      else {
        const i = list.indexOf(key);
        if (i < 0) throw new BadRequestException(`Invalid patch path '${path}': no such element`);
        list[i] = op.value ?? '';
      }
    } else throw invalid();
  }
}

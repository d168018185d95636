/**
 * CloudWatch Logs filter patterns: terms (all must match), "quoted phrases", ?any, -exclude; JSON
 * `{ ... }` and space-delimited `[ ... ]` patterns are in filter-structured.ts.
 */
import { InvalidParameterException } from '../../generated/logs.js';
import { compileJsonPattern, compileSpaceDelimitedPattern } from './filter-structured.js';

/** A matcher for a filter pattern; InvalidParameterException for one that does not parse. */
export function compileFilter(pattern: string | undefined): (message: string) => boolean {
  const p = (pattern ?? '').trim();
  if (p === '' || p === '""') return () => true;
  for (const [open, close] of [['{', '}'], ['[', ']']] as const) {
    if (p.startsWith(open) && !p.endsWith(close)) throw new InvalidParameterException(`If a filter pattern starts with '${open}' it must end with '${close}'`);
  }
  if (p.startsWith('{')) return compileJsonPattern(p);
  if (p.startsWith('[')) return compileSpaceDelimitedPattern(p);
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const m of p.matchAll(/(-|\?)?"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
    const term = m[3];
    const [prefix, body] =
      term === undefined ? [m[1] ?? '', m[2]!.replace(/\\"/g, '"')] : term[0] === '?' || term[0] === '-' ? [term[0], term.slice(1)] : ['', term];
    if (body === '') continue;
    if (prefix === '?') any.push(body);
    else if (prefix === '-') none.push(body);
    else all.push(body);
  }
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    !none.some((t) => message.includes(t));
}

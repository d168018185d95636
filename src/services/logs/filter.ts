/** CloudWatch Logs filter patterns, the term subset: terms (all must match), "quoted phrases", ?any, -exclude. */
import { InvalidParameterException } from '../../generated/logs.js';

/** A matcher for a filter pattern; InvalidParameterException for JSON and space-delimited patterns. */
export function compileFilter(pattern: string | undefined): (message: string) => boolean {
  const p = (pattern ?? '').trim();
  if (p === '' || p === '""') return () => true;
  if (p.startsWith('{') || p.startsWith('[')) {
    throw new InvalidParameterException(
      'Stratus supports term filter patterns only (terms, "quoted phrases", ?optional, -excluded); JSON and space-delimited patterns are not supported.',
    );
  }
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

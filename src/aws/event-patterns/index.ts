/** The event-pattern language (EventBridge rules, Lambda filter criteria, SNS filter policies): see docs/platform/event-patterns.md. */
export { compileEventPattern, type CompiledPattern, type CompileOptions, type SubRule } from './compile.js';
export { EventPatternError } from './reader.js';
export { matchesEventPattern } from './match.js';
export { JsonNumber, parseJson } from './json-tokens.js';
export type { Leaf, Matcher } from './matchers.js';

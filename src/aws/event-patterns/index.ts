/** The event-pattern language (EventBridge rules, Lambda filter criteria, SNS filter policies): see event-patterns/compile.ts. */
export { compileEventPattern, EventPatternError, type Matcher, type PatternNode } from './compile.js';
export { matchesEventPattern } from './match.js';

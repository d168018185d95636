/** The event-pattern language (EventBridge rules, Lambda filter criteria, SNS filter policies): see docs/platform/event-patterns.md. */
export { compileEventPattern, type CompiledPattern, type CompileOptions, type SubRule } from './compile.js';
export { EventPatternError } from './reader.js';
export { matchesEventPattern } from './match.js';
export { JsonNumber, parseJson } from './json-tokens.js';
export type { Leaf, Matcher } from './matchers.js';
export { MAX_WILDCARD_COMPLEXITY } from './complexity.js';
export {
  compileFilterPolicy, filterPolicyEvent, filterPolicyScope, matchesFilterPolicy, FilterPolicyError,
  MAX_FILTER_POLICY_COMBINATIONS, MAX_FILTER_POLICY_KEYS, type FilterPolicyScope, type SnsMessageAttribute,
} from './sns.js';
export {
  compileFilterCriteria, recordMatchesFilterCriteria, FilterCriteriaError,
  type CompiledFilterCriteria, type FilterCriteria, type FilteredSource,
} from './lambda.js';

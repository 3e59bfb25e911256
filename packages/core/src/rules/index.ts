export type { RuleProblem, RuleResult } from './result';
export * from './plan-text';
export * from './lineage';
export * from './redline';
export * from './status';
export * from './timeline';
export * from './live-issues';
export * from './blind-bids';

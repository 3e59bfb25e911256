import type { PointId } from '../ids';
/** An expected failure of a pure rule: a stable kebab-case code plus a message safe to show a user. */
export type RuleProblem<Code extends string = string> = {
  readonly code: Code;
  readonly message: string;
  readonly pointId?: PointId;
  readonly line?: number;
};

/** Result of a pure rule: the value, or the problems that stopped it (nothing is half-applied). */
export type RuleResult<T, Code extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly RuleProblem<Code>[] };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(
  ...problems: RuleProblem<Code>[]
): { readonly ok: false; readonly problems: readonly RuleProblem<Code>[] } {
  return { ok: false, problems };
}

/** Makes a `switch` exhaustive: a new union member becomes a compile error here. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

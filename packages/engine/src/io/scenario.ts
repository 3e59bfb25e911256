/**
 * A scenario as written in its files (GENIUS XML or Parley JSON): raw weights and evaluations,
 * before any semantics normalises them. `compileScenario` turns it into an AdditiveSpace.
 */
export type ScenarioIssue =
  | { readonly name: string; readonly kind: 'discrete'; readonly options: readonly string[] }
  | {
      readonly name: string;
      readonly kind: 'integer';
      readonly lowerBound: number;
      readonly upperBound: number;
    };

/** How one party values one issue. */
export type Valuation =
  /** evaluations[optionIndex], as written (0 where the profile names no evaluation). */
  | { readonly kind: 'discrete'; readonly evaluations: readonly number[] }
  /** A linear integer evaluator: genius reads clamp01(slope·(x − lower) + offset), negmas slope·x + offset. */
  | { readonly kind: 'linear'; readonly slope: number; readonly offset: number };

export type ScenarioParty = {
  readonly name: string;
  /** As written; undefined when the file has none. */
  readonly reservation: number | undefined;
  /** GENIUS's `<discount_factor value>` as written; undefined when the file has none. */
  readonly discount?: number | undefined;
  /** weights[issueIndex] as written; undefined when the profile gives none. */
  readonly weights: readonly (number | undefined)[];
  /** valuations[issueIndex]; undefined when the profile does not value that issue (contributes 0). */
  readonly valuations: readonly (Valuation | undefined)[];
};

export type Scenario = {
  readonly name: string;
  readonly issues: readonly ScenarioIssue[];
  readonly parties: readonly ScenarioParty[];
};

/** One thing wrong with the input, naming where. */
export type Problem = { readonly file: string; readonly issue?: string; readonly message: string };

export type LoadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** An input file handed to a loader: the engine never reads the disk itself. */
export type SourceFile = { readonly name: string; readonly contents: string };

/** Option labels of an issue (integers as decimal strings). Compiled at load (compile.ts says why). */
// prettier-ignore
export const optionLabels = (function optionLabels(issue: ScenarioIssue): string[] {
  // slice, not a spread: a spread goes through the iteration protocol, slowly in cold code
  if (issue.kind === 'discrete') return issue.options.slice();
  const labels: string[] = [];
  for (let value = issue.lowerBound; value <= issue.upperBound; value++) labels.push(String(value));
  return labels;
});

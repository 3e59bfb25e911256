import { loadParleyScenario, optionLabels } from '@parley/engine';

/** An issue as the package form offers it: a list to choose from, or an integer range to type in. */
export type PackageIssue =
  | { readonly name: string; readonly kind: 'discrete'; readonly options: readonly string[] }
  | { readonly name: string; readonly kind: 'integer'; readonly lower: number; readonly upper: number };

/** Ranges up to this size are offered as a list; wider ones as a number field. */
const MAX_LISTED_INTEGERS = 25;

/** The scenario's issues and their options, read with the engine's own loader (undefined if it does not load). */
export function packageIssuesOf(scenarioText: string): PackageIssue[] | undefined {
  const loaded = loadParleyScenario('scenario', scenarioText);
  if (!loaded.ok) return undefined;
  return loaded.value.issues.map((issue): PackageIssue => {
    if (issue.kind === 'integer' && issue.upperBound - issue.lowerBound >= MAX_LISTED_INTEGERS) {
      return { name: issue.name, kind: 'integer', lower: issue.lowerBound, upper: issue.upperBound };
    }
    return { name: issue.name, kind: 'discrete', options: optionLabels(issue) };
  });
}

/** A package naming a valid option for every issue, taking `preferred` where it fits. */
export function completePackage(
  issues: readonly PackageIssue[],
  preferred: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    issues.map((issue) => {
      const wanted = preferred[issue.name];
      if (issue.kind === 'discrete')
        return [
          issue.name,
          wanted !== undefined && issue.options.includes(wanted) ? wanted : (issue.options[0] ?? ''),
        ];
      const number = Number(wanted);
      return [
        issue.name,
        String(
          Number.isInteger(number) && number >= issue.lower && number <= issue.upper ? number : issue.lower,
        ),
      ];
    }),
  );
}

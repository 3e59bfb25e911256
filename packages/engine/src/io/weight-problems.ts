import type { Problem, ScenarioIssue } from './scenario';

/**
 * What is wrong with one party's weights, whatever the format: a negative weight turns "cares
 * less" into "wants the opposite" and, once divided by the sum, lifts utilities above 1; weights
 * whose sum overflows make every normalised utility 0 or NaN. Neither is a preference a research
 * tool could mean, so both are refused, naming the party and the issue.
 */
export function weightProblems(
  file: string,
  party: { readonly name: string; readonly weights: readonly (number | undefined)[] },
  issues: readonly ScenarioIssue[],
): Problem[] {
  const problems: Problem[] = [];
  let total = 0;
  party.weights.forEach((weight, index) => {
    if (weight === undefined || Number.isNaN(weight)) return;
    if (weight < 0)
      problems.push({
        file,
        issue: issues[index]?.name,
        message: `party "${party.name}": the weight ${weight} is negative (weights are 0 or more)`,
      });
    total += weight;
  });
  if (!Number.isFinite(total))
    problems.push({
      file,
      message: `party "${party.name}": the weights add up to more than a number can hold`,
    });
  return problems;
}

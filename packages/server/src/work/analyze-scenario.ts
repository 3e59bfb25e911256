import { DomainError, type Analysis, type AnalysisRequest } from '@parley/core';
import {
  analyzeSpace,
  compileScenario,
  issueContention,
  labelOutcome,
  paretoImprovements,
  toleranceOf,
  tradeSuggestions,
  utilitiesOf,
  zoneOfAgreement,
  type AdditiveSpace,
  type Outcome,
  type Scenario,
} from '@parley/engine';

/** Frontier points sent to a browser: enough to draw, small enough to send. */
const MAX_POINTS_SENT = 2000;

/**
 * Pareto frontier, bargaining solutions, zone, contention, trades and improvements of a scenario
 * already loaded and checked against the budget. Runs in an engine thread (see engine-pool.ts).
 */
export function computeScenarioAnalysis(
  scenario: Scenario,
  request: Omit<AnalysisRequest, 'scenario'>,
  now: () => number,
): Analysis {
  const started = now();
  const space = compileScenario(scenario, request.semantics);
  const analysis = analyzeSpace(space, request.semantics);
  const tolerance = toleranceOf(request.semantics);
  const label = (outcome: Outcome) => labelOutcome(space, outcome);
  const point = (candidate: { outcome: Outcome; utilities: readonly number[] } | null) =>
    candidate === null ? null : { outcome: label(candidate.outcome), utilities: [...candidate.utilities] };
  const packageOutcome = request.package === undefined ? undefined : parsePackage(space, request.package);
  const start = packageOutcome ?? analysis.solutions.nash?.outcome;
  const zone = zoneOfAgreement(space, analysis.frontier.points, tolerance);
  return {
    semantics: request.semantics,
    parties: space.parties.map((party) => ({ name: party.name, reservation: party.reservation })),
    issues: space.issues.map((issue) => issue.name),
    outcomes: analysis.outcomes,
    frontier: {
      exact: analysis.frontier.exact,
      approximation: analysis.frontier.approximation ? [...analysis.frontier.approximation.additive] : null,
      size: analysis.frontier.points.length,
      points: thin(analysis.frontier.points, MAX_POINTS_SENT).map((frontierPoint) => ({
        outcome: label(frontierPoint.outcome),
        utilities: [...frontierPoint.utilities],
      })),
    },
    solutions: {
      nash: point(analysis.solutions.nash),
      kalaiSmorodinsky: point(analysis.solutions.kalaiSmorodinsky),
      utilitarian: point(analysis.solutions.utilitarian),
      egalitarian: point(analysis.solutions.egalitarian),
    },
    zone: { exists: zone.exists, frontierShare: zone.frontierShare, bestFor: [...zone.bestFor] },
    contention: issueContention(space).map((entry) => ({
      issue: entry.name,
      importance: [...entry.importance],
      opposition: entry.opposition,
      contention: entry.contention,
    })),
    trades:
      start === undefined
        ? []
        : tradeSuggestions(space, start).map((trade) => ({
            issues: trade.issues.map((issue) => space.issues[issue]?.name ?? ''),
            outcome: label(trade.outcome),
            gains: [...trade.gains],
          })),
    improvements:
      packageOutcome === undefined
        ? []
        : paretoImprovements(space, analysis.frontier.points, { outcome: packageOutcome, tolerance })
            .slice(0, 20)
            .map((improvement) => ({
              outcome: label(improvement.outcome),
              utilities: [...improvement.utilities],
              gains: [...improvement.gains],
            })),
    package:
      packageOutcome === undefined
        ? null
        : { outcome: label(packageOutcome), utilities: utilitiesOf(space, packageOutcome) },
    elapsedMs: now() - started,
  };
}

function parsePackage(space: AdditiveSpace, labelled: Record<string, string>): Outcome {
  return space.issues.map((issue) => {
    const chosen = labelled[issue.name];
    if (chosen === undefined)
      throw new DomainError('invalid-input', `The package names no option for issue "${issue.name}".`, {
        field: 'package',
      });
    const option = issue.options.indexOf(chosen);
    if (option < 0)
      throw new DomainError('invalid-input', `Issue "${issue.name}" has no option "${chosen}".`, {
        field: 'package',
      });
    return option;
  });
}

/** Evenly spaced points, keeping both ends, so a chart of a huge frontier keeps its shape. */
function thin<T>(points: readonly T[], limit: number): T[] {
  if (points.length <= limit) return [...points];
  return Array.from(
    { length: limit },
    (_, index) => points[Math.round((index * (points.length - 1)) / (limit - 1))] as T,
  );
}

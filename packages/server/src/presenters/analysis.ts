import type { Analysis } from '@parley/core';

type Point = NonNullable<Analysis['package']>;

// The analysis of a scenario the caller sent (nothing is stored), still named field by field: the
// engine's result types carry more than the contract, and none of it should travel by accident.

const presentPoint = (point: Point): Point => ({
  utilities: [...point.utilities],
  outcome: { ...point.outcome },
});
const presentOptionalPoint = (point: Point | null): Point | null =>
  point === null ? null : presentPoint(point);

export const presentAnalysis = (analysis: Analysis): Analysis => ({
  semantics: analysis.semantics,
  parties: analysis.parties.map((party) => ({ name: party.name, reservation: party.reservation })),
  issues: [...analysis.issues],
  outcomes: analysis.outcomes,
  frontier: {
    exact: analysis.frontier.exact,
    approximation: analysis.frontier.approximation === null ? null : [...analysis.frontier.approximation],
    size: analysis.frontier.size,
    points: analysis.frontier.points.map(presentPoint),
  },
  solutions: {
    nash: presentOptionalPoint(analysis.solutions.nash),
    kalaiSmorodinsky: presentOptionalPoint(analysis.solutions.kalaiSmorodinsky),
    utilitarian: presentOptionalPoint(analysis.solutions.utilitarian),
    egalitarian: presentOptionalPoint(analysis.solutions.egalitarian),
  },
  zone: {
    exists: analysis.zone.exists,
    frontierShare: analysis.zone.frontierShare,
    bestFor: [...analysis.zone.bestFor],
  },
  contention: analysis.contention.map((entry) => ({
    issue: entry.issue,
    importance: [...entry.importance],
    opposition: entry.opposition,
    contention: entry.contention,
  })),
  trades: analysis.trades.map((trade) => ({
    issues: [...trade.issues],
    outcome: { ...trade.outcome },
    gains: [...trade.gains],
  })),
  improvements: analysis.improvements.map((improvement) => ({
    outcome: { ...improvement.outcome },
    utilities: [...improvement.utilities],
    gains: [...improvement.gains],
  })),
  package: presentOptionalPoint(analysis.package),
  elapsedMs: analysis.elapsedMs,
});

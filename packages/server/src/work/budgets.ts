import { DomainError } from '@parley/core';
import { positiveFromEnv } from '../env-numbers';

/**
 * Size and time budgets of engine work (docs/api.md#limits). Size is checked before any work
 * starts, so an oversized request is refused at once with the limit it broke; time is enforced by
 * terminating the engine thread.
 */
export const ENGINE_BUDGETS = {
  /** Options of every issue summed, times parties: the size of the utility tables the engine walks. */
  maxUtilityCells: 20_000,
  maxIssues: 100,
  /** A synchronous analysis answers within this or is stopped (PARLEY_ANALYSIS_TIME_LIMIT_MS). */
  analysisTimeMs: positiveFromEnv('PARLEY_ANALYSIS_TIME_LIMIT_MS', 30_000),
  /** runs × steps × parties of one simulation job. */
  maxSimulationWork: 20_000_000,
  /** A simulation job is stopped, failed and not retried after this (PARLEY_SIMULATION_TIME_LIMIT_MS). */
  simulationTimeMs: positiveFromEnv('PARLEY_SIMULATION_TIME_LIMIT_MS', 10 * 60_000),
  /** Characters of one export's text; a whole 28-point plan's history with redlines is under 1 M. */
  maxExportCharacters: 8_000_000,
  /** Laying out one export (PDF, DOCX) is stopped after this (PARLEY_EXPORT_TIME_LIMIT_MS). */
  exportRenderTimeMs: positiveFromEnv('PARLEY_EXPORT_TIME_LIMIT_MS', 60_000),
  /** Tracing a leak against every copy is stopped after this (PARLEY_TRACE_TIME_LIMIT_MS). */
  traceTimeMs: positiveFromEnv('PARLEY_TRACE_TIME_LIMIT_MS', 30_000),
} as const;

export type EngineBudgets = { -readonly [K in keyof typeof ENGINE_BUDGETS]: number };

/** Refuses a space whose utility tables are larger than the budget, naming the limit. */
export function assertSpaceWithinBudget(
  budgets: EngineBudgets,
  space: { parties: number; optionsPerIssue: readonly number[] },
): void {
  if (space.optionsPerIssue.length > budgets.maxIssues)
    throw new DomainError(
      'work-too-large',
      `At most ${budgets.maxIssues} issues can be analysed at once; this has ${space.optionsPerIssue.length}.`,
    );
  const cells = space.parties * space.optionsPerIssue.reduce((sum, options) => sum + options, 0);
  if (cells > budgets.maxUtilityCells)
    throw new DomainError(
      'work-too-large',
      `Parties × options (summed over issues) is limited to ${budgets.maxUtilityCells}; this has ${cells}.`,
    );
}

/** Refuses a simulation whose runs × steps × parties exceed the budget, naming the limit. */
export function assertSimulationWithinBudget(
  budgets: EngineBudgets,
  simulation: { runs: number; steps: number; parties: number; optionsPerIssue: readonly number[] },
): void {
  assertSpaceWithinBudget(budgets, simulation);
  const work = simulation.runs * simulation.steps * simulation.parties;
  if (work > budgets.maxSimulationWork)
    throw new DomainError(
      'work-too-large',
      `Runs × steps × parties is limited to ${budgets.maxSimulationWork}; this asks for ${work}.`,
    );
}

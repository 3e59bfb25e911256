import type { Analysis, AnalysisRequest, CreateSimulationInput } from '@parley/core';
import type { BatchSummary, LiveTalksSummary, Scenario } from '@parley/engine';
import { computeScenarioAnalysis } from './analyze-scenario';
import { computeSimulation } from './simulate';
import { computeLiveSimulation, type LiveSimulationJobInput } from './simulate-live';

/** Work an engine thread does; every field crosses the thread boundary by structured clone. */
export type EngineTask =
  | {
      readonly kind: 'analyze-scenario';
      readonly scenario: Scenario;
      readonly request: Omit<AnalysisRequest, 'scenario'>;
    }
  | { readonly kind: 'simulate'; readonly input: CreateSimulationInput }
  | { readonly kind: 'simulate-live'; readonly input: LiveSimulationJobInput };

type ResultOf = {
  'analyze-scenario': Analysis;
  simulate: BatchSummary;
  'simulate-live': LiveTalksSummary;
};
export type EngineTaskResult<T extends EngineTask> = ResultOf[T['kind']];

/** Runs one task in the calling thread (an engine thread; tests may call it directly). */
export function runEngineTask(task: EngineTask, progress: (done: number) => void): unknown {
  switch (task.kind) {
    case 'analyze-scenario':
      return computeScenarioAnalysis(task.scenario, task.request, () => performance.now());
    case 'simulate':
      return computeSimulation(task.input, progress);
    case 'simulate-live':
      return computeLiveSimulation(task.input, progress);
  }
}

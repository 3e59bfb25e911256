import type {
  Analysis,
  AnalysisRequest,
  CreateSimulationInput,
  ExportFormat,
  LineageProposal,
  PlanVersion,
  TraceableExport,
  TraceResult,
} from '@parley/core';
import { traceExports } from '@parley/core';
import type { BatchSummary, LiveTalksSummary, Scenario } from '@parley/engine';
import type { RenderedText } from '../exports/document/export-document';
import { lineageProposal } from '../services/lineage-proposal';
import { computeScenarioAnalysis } from './analyze-scenario';
import { computeSimulation } from './simulate';
import { computeLiveSimulation, type LiveSimulationJobInput } from './simulate-live';

/** Work a pool thread does; every field crosses the thread boundary by structured clone. */
export type EngineTask =
  | {
      readonly kind: 'analyze-scenario';
      readonly scenario: Scenario;
      readonly request: Omit<AnalysisRequest, 'scenario'>;
    }
  | { readonly kind: 'simulate'; readonly input: CreateSimulationInput }
  // Inference is quadratic in the points and, on texts whose points all share their words, grows
  // further (150 × 150 such points took 5 s): it runs here, not on the event loop.
  | { readonly kind: 'propose-lineage'; readonly parent: PlanVersion; readonly text: string }
  | { readonly kind: 'simulate-live'; readonly input: LiveSimulationJobInput }
  | {
      readonly kind: 'render-file';
      readonly text: RenderedText;
      readonly format: ExportFormat;
      /** ISO time: a Date would cross the boundary, but the renderers' clocks must not differ. */
      readonly createdAt: string;
    }
  // Reading marks scans the excerpt once per point of every copy's material: a pasted million
  // characters held the event loop for 92 s.
  | { readonly kind: 'trace-leak'; readonly excerpt: string; readonly exports: readonly TraceableExport[] };

type ResultOf = {
  'analyze-scenario': Analysis;
  simulate: BatchSummary;
  'propose-lineage': LineageProposal;
  'simulate-live': LiveTalksSummary;
  'render-file': Uint8Array;
  'trace-leak': TraceResult;
};
export type EngineTaskResult<T extends EngineTask> = ResultOf[T['kind']];

/** Runs one task in the calling thread (a pool thread; tests may call it directly). */
export async function runEngineTask(task: EngineTask, progress: (done: number) => void): Promise<unknown> {
  switch (task.kind) {
    case 'analyze-scenario':
      return computeScenarioAnalysis(task.scenario, task.request, () => performance.now());
    case 'simulate':
      return computeSimulation(task.input, progress);
    case 'propose-lineage':
      return lineageProposal(task.parent, task.text);
    case 'simulate-live':
      return computeLiveSimulation(task.input, progress);
    case 'render-file': {
      // Loaded on the first export only: PDF and DOCX layout is most of a thread's start-up cost,
      // and a thread that only analyses never needs it.
      const { renderBytes } = await import('../exports/render/render-file');
      return renderBytes(task.text, { format: task.format, createdAt: new Date(task.createdAt) });
    }
    case 'trace-leak':
      return traceExports({ excerpt: task.excerpt, exports: task.exports });
  }
}

import { can, DomainError, type Analysis, type AnalysisRequest, type Viewer } from '@parley/core';
import { loadGeniusScenario, loadParleyScenario, writeParleyScenario } from '@parley/engine';
import { readMappingFile, unzipGeniusFolder } from './genius-archive';
import { withMappedPartyNames } from './genius-mapping';
import { describeProblems } from './genius-upload';
import { assertSpaceWithinBudget } from '../work/budgets';
import type { AppDeps } from './deps';

/**
 * Analysis of a scenario the caller sends (nothing is stored). The work runs in an engine thread
 * within the size and time budgets; an account with no current seat may not start it (issue 13).
 */
export async function analyzeScenario(
  deps: AppDeps,
  viewer: Viewer,
  { request, signal }: { request: AnalysisRequest; signal?: AbortSignal },
): Promise<Analysis> {
  assertMayAnalyse(viewer);
  const loaded = loadParleyScenario('scenario', JSON.stringify(request.scenario));
  if (!loaded.ok) {
    throw new DomainError(
      'invalid-input',
      loaded.problems
        .map((problem) => (problem.issue ? `${problem.issue}: ${problem.message}` : problem.message))
        .join('; '),
      { field: 'scenario' },
    );
  }
  assertSpaceWithinBudget(deps.budgets, {
    parties: loaded.value.parties.length,
    optionsPerIssue: loaded.value.issues.map((issue) =>
      issue.kind === 'discrete' ? issue.options.length : issue.upperBound - issue.lowerBound + 1,
    ),
  });
  const { scenario: _scenario, ...options } = request;
  return deps.engine.run(
    { kind: 'analyze-scenario', scenario: loaded.value, request: options },
    { timeoutMs: deps.budgets.analysisTimeMs, signal },
  );
}

/**
 * A GENIUS folder (zip) as the Parley JSON scenario the analysis reads, so the web app's Analysis
 * page takes the research format and the live issues' own export. Only reading and converting,
 * bounded by the archive limits, so it runs in the request; the same seat rule as the analysis.
 */
export function readGeniusScenario(viewer: Viewer, archive: string): { scenario: Record<string, unknown> } {
  assertMayAnalyse(viewer);
  const files = unzipGeniusFolder(archive);
  const domain = files.find((file) => /<negotiation_template[\s>]/.test(file.contents));
  const name = domain === undefined ? 'GENIUS scenario' : domain.name.replace(/\.xml$/i, '');
  const loaded = loadGeniusScenario(name, files);
  if (!loaded.ok)
    throw new DomainError('invalid-input', describeProblems(loaded.problems), { field: 'archive' });
  const named = withMappedPartyNames(loaded.value, readMappingFile(archive));
  return { scenario: JSON.parse(writeParleyScenario(named)) as Record<string, unknown> };
}

/** The analysis, and reading a scenario for it, are for someone signed in with a seat (issue 13). */
function assertMayAnalyse(viewer: Viewer): void {
  if (viewer.userId === null) throw new DomainError('unauthenticated', 'Sign in to run an analysis.');
  if (!can(viewer, 'analysis.run', { kind: 'global' }))
    throw new DomainError('forbidden', 'Only a participant in a negotiation may run an analysis.');
}

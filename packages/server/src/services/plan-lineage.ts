import { can, type LineageProposal, type Negotiation, type Viewer, type PlanVersionId } from '@parley/core';
import type { AppDeps } from './deps';
import { getVersionForViewer } from './plan-versions';
import { assertAllowed } from './viewer';

/**
 * Proposes a lineage map for a revised text against a stored version: which old points became
 * which new ones, with scores. Nothing is stored; the mediator corrects the map and then creates
 * the version with `POST /plan/versions` (`text` and `links`).
 */
export async function proposeLineage(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId; text: string },
): Promise<LineageProposal> {
  const stored = await getVersionForViewer(deps, viewer, {
    negotiation: input.negotiation,
    versionId: input.versionId,
  });
  assertAllowed(
    can(viewer, 'plan.manage', { kind: 'negotiation', negotiationId: input.negotiation.id }),
    'draft a version of this plan',
  );
  // Off the event loop (work/engine-tasks.ts), stopped as an analysis is when it runs too long.
  return deps.engine.run(
    { kind: 'propose-lineage', parent: stored.version, text: input.text },
    { timeoutMs: deps.budgets.analysisTimeMs },
  );
}

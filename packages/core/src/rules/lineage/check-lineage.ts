import type { PlanVersionId } from '../../ids';
import type { PlanVersion } from '../../schemas/plan';
import { fail, ok, type RuleProblem, type RuleResult } from '../result';
import type { LineageProblemCode } from './lineage-problem';

/** Checks that the versions of a negotiation form a forest: every parent exists and no version descends from itself. */
export function checkLineage(
  versions: readonly Pick<PlanVersion, 'id' | 'parentId' | 'label'>[],
): RuleResult<true, LineageProblemCode> {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const problems: RuleProblem<LineageProblemCode>[] = [];
  const reported = new Set<PlanVersionId>();
  for (const version of versions) {
    if (version.parentId !== null && !byId.has(version.parentId)) {
      problems.push({
        code: 'missing-parent',
        message: `version "${version.label}" names a parent ${version.parentId} that does not exist`,
      });
      continue;
    }
    const path: PlanVersionId[] = [];
    let current: typeof version | undefined = version;
    while (current !== undefined && !path.includes(current.id)) {
      path.push(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (current === undefined || reported.has(current.id)) continue;
    const loop = path.slice(path.indexOf(current.id));
    loop.forEach((id) => reported.add(id));
    const labels = loop.map((id) => `"${byId.get(id)?.label ?? id}"`);
    problems.push({
      code: 'lineage-cycle',
      message: `versions ${labels.join(' → ')} → ${labels[0] ?? ''} form a cycle`,
    });
  }
  return problems.length > 0 ? fail(...problems) : ok(true);
}

/** The chain of versions from the root to `versionId` (root first). */
export function chainTo<V extends Pick<PlanVersion, 'id' | 'parentId'>>(
  versions: readonly V[],
  versionId: PlanVersionId,
): V[] {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const chain: V[] = [];
  let current = byId.get(versionId);
  while (current !== undefined && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return chain;
}

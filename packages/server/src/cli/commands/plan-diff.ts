import { existsSync } from 'node:fs';
import { compareVersions, formatRedline, type Redline, type VersionWithLineage } from '@parley/core';
import { getNegotiationForViewer } from '../../services/negotiations';
import { listVersionsForViewer, redlineForViewer } from '../../services/plan-versions';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';
import { DATABASE_FLAGS, openPlanSession, readPlanFile, versionFromFile } from './plan-shared';

export const planDiffCommand: Command = {
  name: 'plan diff',
  summary: 'Redline two plan versions (files, or versions stored in a negotiation)',
  help: `Usage: parley plan diff V1 V2 [--all] [--json] [--negotiation ID --as EMAIL [--data DIR | --database-url URL]]

Prints the lineage map and a word-level redline ([-deleted-] {+inserted+}) from V1 to V2.
V1 and V2 are either two plan files (points matched by number) or, with --negotiation,
versions of that plan named by id, label or plan revision number (1, 2, …).
--all also prints unchanged points; --json prints the redline as JSON.

Examples:
  parley plan diff draft.md revised.md
  parley plan diff 1 2 --negotiation 00000000-0000-4000-8000-000000000d01 --as mediator@demo.parley`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...DATABASE_FLAGS,
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const [first, second, extra] = positionals;
    if (first === undefined || second === undefined || extra !== undefined)
      throw new CliError('expected two versions: V1 V2');
    const redline =
      values.negotiation === undefined
        ? await diffFiles(first, second)
        : await diffStored(values, [first, second]);
    io.out(
      values.json === true
        ? JSON.stringify(redline)
        : formatRedline(redline, { showUnchanged: values.all === true }),
    );
    return 0;
  },
};

async function diffFiles(first: string, second: string): Promise<Redline> {
  for (const file of [first, second])
    if (!existsSync(file))
      throw new CliError(`no file ${file} (to compare stored versions, add --negotiation ID --as EMAIL)`);
  const before = versionFromFile(await readPlanFile(first), first);
  const after = { ...versionFromFile(await readPlanFile(second), second), parentId: first };
  // Matched by number: points only in the second file are additions, only in the first are drops.
  const afterIds = new Set(after.points.map((point) => point.pointId));
  const beforeIds = new Set(before.points.map((point) => point.pointId));
  const edges = [
    ...before.points
      .filter((point) => !afterIds.has(point.pointId))
      .map((point) => ({ kind: 'drop' as const, from: [point.pointId], to: [] })),
    ...after.points
      .filter((point) => !beforeIds.has(point.pointId))
      .map((point) => ({ kind: 'add' as const, from: [], to: [point.pointId] })),
  ].map((edge) => ({
    ...edge,
    fromVersionId: first,
    toVersionId: second,
    proposedBy: null,
    roundId: null,
    amendmentId: null,
  }));
  const versions: VersionWithLineage[] = [
    { version: before, edges: [] },
    { version: after, edges },
  ];
  const result = compareVersions(versions, { fromId: first, toId: second });
  if (!result.ok) throw new CliError(result.problems.map((problem) => problem.message).join('; '));
  return result.value;
}

async function diffStored(
  values: Parameters<typeof openPlanSession>[0],
  names: readonly [string, string],
): Promise<Redline> {
  const session = await openPlanSession(values);
  try {
    const negotiation = await getNegotiationForViewer(session.deps, session.viewer, session.negotiationId);
    const { versions } = await listVersionsForViewer(session.deps, session.viewer, negotiation);
    const find = (name: string): string => {
      const found = versions.find(
        (entry) =>
          entry.version.id === name || entry.version.label === name || String(entry.revision) === name,
      );
      if (found === undefined)
        throw new CliError(
          `no version "${name}" (use an id, a label or a revision: ${versions.map((entry) => `${entry.revision} "${entry.version.label}"`).join(', ')})`,
        );
      return found.version.id;
    };
    return await redlineForViewer(session.deps, session.viewer, {
      negotiation,
      fromId: find(names[0]),
      toId: find(names[1]),
    });
  } finally {
    await session.close();
  }
}

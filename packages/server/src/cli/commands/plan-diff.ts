import { existsSync } from 'node:fs';
import {
  compareVersions,
  formatRedline,
  inferLineage,
  PointIdSchema,
  versionFromLineageMap,
  type PlanVersionId,
  type Redline,
  type VersionWithLineage,
} from '@parley/core';
import { getNegotiationForViewer } from '../../services/negotiations';
import { listVersionsForViewer, redlineForViewer } from '../../services/plan-versions';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';
import { formatLineageMap, type InferredRedline } from './plan-diff-format';
import { DATABASE_FLAGS, fileVersionId, openPlanSession, readPlanFile, versionFromFile } from './plan-shared';

export const planDiffCommand: Command = {
  name: 'plan diff',
  summary: 'Redline two plan versions (files, or versions stored in a negotiation)',
  help: `Usage: parley plan diff V1 V2 [--all] [--json] [--negotiation ID --as EMAIL [--data DIR | --database-url URL]]

Prints the lineage map and a word-level redline ([-deleted-] {+inserted+}) from V1 to V2.
V1 and V2 are either two plan files or, with --negotiation, versions of that plan named by
id, label or plan revision number (1, 2, …). Files carry no ids: which old points became which
new ones (amended, renumbered, moved, merged, split, restructured, dropped, added) is inferred
from the wording, and each row of the map gets a score from 0 to 1 (check the low ones).
--all also prints unchanged points; --json prints the redline as JSON (rows[] with kind,
from[].number, to[].number, and for files score and moved).

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
    const showUnchanged = values.all === true;
    if (values.negotiation === undefined) {
      const redline = await diffFiles(first, second);
      io.out(
        values.json === true
          ? JSON.stringify(redline)
          : `${formatLineageMap(redline)}\n${formatRedline(redline, { showUnchanged })}`,
      );
    } else {
      const redline = await diffStored(values, [first, second]);
      io.out(values.json === true ? JSON.stringify(redline) : formatRedline(redline, { showUnchanged }));
    }
    return 0;
  },
};

const MAX_FILE_POINT_PAIRS = 1_000_000;

async function diffFiles(first: string, second: string): Promise<InferredRedline> {
  for (const file of [first, second])
    if (!existsSync(file))
      throw new CliError(`no file ${file} (to compare stored versions, add --negotiation ID --as EMAIL)`, 1);
  const before = versionFromFile((await readPlanFile(first)).plan, first);
  const after = (await readPlanFile(second)).plan;
  // Offline there is no event loop to hold, but time and memory grow with old × new (3 000 × 3 000
  // points took 26 s and 3.3 GB): past a thousand points each, the answer would not be waited for.
  if (before.points.length * after.points.length > MAX_FILE_POINT_PAIRS)
    throw new CliError(
      `too many points to infer which became which (${before.points.length} × ${after.points.length}; at most ${MAX_FILE_POINT_PAIRS} pairs): compare the files in parts`,
      1,
    );
  // Files carry no ids: which old point became which new one is inferred from the wording.
  const inferred = inferLineage(before.points, after.points);
  const idOf = new Map(before.points.map((point) => [point.number, point.pointId]));
  let next = 0;
  const child = versionFromLineageMap({
    parent: before,
    points: after.points,
    links: inferred.rows.flatMap((row) =>
      row.links.flatMap((link) => {
        const from = idOf.get(link.from);
        return from === undefined ? [] : [{ from, to: link.to }];
      }),
    ),
    child: { id: fileVersionId(second), label: second },
    newPointId: () => PointIdSchema.parse(`new-${(next += 1)}`),
  });
  if (!child.ok) throw new CliError(child.problems.map((problem) => problem.message).join('; '), 1);
  const versions: VersionWithLineage[] = [
    { version: before, edges: [] },
    { version: child.value.version, edges: [...child.value.edges] },
  ];
  const result = compareVersions(versions, { fromId: before.id, toId: child.value.version.id });
  if (!result.ok) throw new CliError(result.problems.map((problem) => problem.message).join('; '), 1);
  const inferredRow = new Map(inferred.rows.map((row) => [numbersKey(row.from, row.to), row]));
  return {
    ...result.value,
    lineage: 'inferred',
    rows: result.value.rows.map((row) => {
      const found = inferredRow.get(
        numbersKey(
          row.from.map((point) => point.number),
          row.to.map((point) => point.number),
        ),
      );
      return { ...row, score: found?.score ?? 1, moved: found?.moved ?? false };
    }),
  };
}

function numbersKey(from: readonly number[], to: readonly number[]): string {
  return `${from.join(',')}>${to.join(',')}`;
}

async function diffStored(
  values: Parameters<typeof openPlanSession>[0],
  names: readonly [string, string],
): Promise<Redline> {
  const session = await openPlanSession(values);
  try {
    const negotiation = await getNegotiationForViewer(session.deps, session.viewer, session.negotiationId);
    const { versions } = await listVersionsForViewer(session.deps, session.viewer, negotiation);
    const find = (name: string): PlanVersionId => {
      const found = versions.find(
        (entry) =>
          entry.version.id === name || entry.version.label === name || String(entry.revision) === name,
      );
      if (found === undefined)
        throw new CliError(
          `no version "${name}" (use an id, a label or a revision: ${versions.map((entry) => `${entry.revision} "${entry.version.label}"`).join(', ')})`,
          1,
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

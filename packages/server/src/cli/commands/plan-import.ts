import { DomainError } from '@parley/core';
import { getNegotiationForViewer } from '../../services/negotiations';
import { importPlan } from '../../services/plan-versions';
import { currentPlanRevision } from '../../services/plan-revision';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';
import { DATABASE_FLAGS, openPlanSession, readPlanFile } from './plan-shared';

export const planImportCommand: Command = {
  name: 'plan import',
  summary: 'Check a plan written as numbered text, or import it as a new version',
  help: `Usage: parley plan import FILE [--json] [--negotiation ID --as EMAIL [--label TEXT] [--data DIR | --database-url URL]]

Reads Markdown or plain numbered text ("1. …", "12)", "Point 2 —", topic headings).
Without --negotiation it only checks the file and lists its points; malformed input is
reported with line numbers (exit code 1). With --negotiation it stores the text as a new
version of that negotiation's plan, acting as the account given by --as.

Examples:
  parley plan import draft.md
  parley plan import draft.md --negotiation 00000000-0000-4000-8000-000000000d01 --as mediator@demo.parley --label "Draft 2"`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...DATABASE_FLAGS,
      label: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [file, extra] = positionals;
    if (file === undefined || extra !== undefined) throw new CliError('expected exactly one FILE');
    const { text, plan: parsed } = await readPlanFile(file);
    if (values.negotiation === undefined) {
      if (values.json === true) io.out(JSON.stringify(parsed));
      else {
        io.out(`${file}: ${parsed.points.length} points${parsed.title === null ? '' : ` — ${parsed.title}`}`);
        for (const point of parsed.points)
          io.out(
            `  ${String(point.number).padStart(3)}. ${point.title || point.text.slice(0, 70)}${point.topic === null ? '' : `  [${point.topic}]`}`,
          );
      }
      return 0;
    }
    const session = await openPlanSession(values);
    try {
      const negotiation = await getNegotiationForViewer(session.deps, session.viewer, session.negotiationId);
      const baseRevision = await currentPlanRevision(session.deps, negotiation.id);
      const stored = await importPlan(session.deps, session.viewer, {
        negotiation,
        body: { label: values.label ?? file, text, baseRevision, roundId: null },
      }).catch((error: unknown) => {
        throw error instanceof DomainError ? new CliError(error.message, 1) : error;
      });
      io.out(
        values.json === true
          ? JSON.stringify({
              versionId: stored.version.id,
              revision: stored.revision,
              points: stored.version.points.length,
            })
          : `imported ${stored.version.points.length} points as "${stored.version.label}" (version ${stored.version.id}, plan revision ${stored.revision})`,
      );
      return 0;
    } finally {
      await session.close();
    }
  },
};

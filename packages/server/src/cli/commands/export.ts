import { writeFile } from 'node:fs/promises';
import { CreateExportInputSchema, DomainError, EXPORT_FORMATS, EXPORT_KINDS } from '@parley/core';
import { createExport, getExportFile } from '../../exports';
import { getNegotiationForViewer } from '../../services/negotiations';
import { findAccountByEmail } from '../../services/accounts';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';
import { DATABASE_FLAGS, openPlanSession } from './plan-shared';

const FLAGS = {
  ...DATABASE_FLAGS,
  recipient: { type: 'string' },
  kind: { type: 'string' },
  format: { type: 'string' },
  version: { type: 'string' },
  'compare-to': { type: 'string' },
  point: { type: 'string' },
  round: { type: 'string' },
  record: { type: 'string' },
  header: { type: 'string' },
  watermark: { type: 'boolean' },
  out: { type: 'string' },
} as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export material for one named recipient (fingerprinted when restricted) to a file',
  help: `Usage: parley export --negotiation ID --as EMAIL --out FILE [--recipient EMAIL]
       [--kind ${EXPORT_KINDS.join('|')}] [--format ${EXPORT_FORMATS.join('|')}]
       [--version ID] [--compare-to ID] [--point ID] [--round ID] [--record ID]
       [--header TEXT] [--watermark] [--data DIR | --database-url URL]

Acts as the account given by --as, with its rights, exactly as POST /api/negotiations/{id}/exports:
the copy holds only what the recipient (default: --as) may read, is recorded in the exports table
and audited. Only the mediator staff may name another recipient.
  plan-version          --version ID [--compare-to ID for a redline]   (the default kind)
  point-history         --version ID --point ID
  round-minutes         --round ID (restricted)
  round-readout         --round ID (public: not fingerprinted)
  negotiation-summary   [--version ID] (default: the latest version)
  record                --record ID (a transcript, note or memo; fingerprinted unless public)
PDF and DOCX pages carry a header (default "Restricted — prepared for <recipient>", or --header
TEXT) and "Page n of m"; --watermark prints the recipient's name diagonally on every page of a
PDF (with any other --format it is refused).
Prints the export id, recipient and SHA-256 of the written file.

Example:
  parley export --negotiation 00000000-0000-4000-8000-000000000d01 --as mediator@demo.parley \\
    --recipient ukraine@demo.parley --version ID --format pdf --out geneva-ukraine.pdf`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, FLAGS, false);
    if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`);
    if (values.out === undefined) throw new CliError('--out FILE is required');
    const session = await openPlanSession(values);
    try {
      const recipient =
        values.recipient === undefined ? undefined : await findAccountByEmail(session.deps, values.recipient);
      if (values.recipient !== undefined && recipient === undefined)
        throw new CliError(`no account ${values.recipient}`, 1);
      const parsed = CreateExportInputSchema.safeParse({
        kind: values.kind,
        format: values.format,
        versionId: values.version,
        compareToVersionId: values['compare-to'],
        pointId: values.point,
        roundId: values.round,
        recordId: values.record,
        headerText: values.header,
        watermark: values.watermark,
        recipientUserId: recipient?.user.id,
      });
      if (!parsed.success)
        throw new CliError(
          parsed.error.issues
            .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
            .join('; '),
        );
      const negotiation = await getNegotiationForViewer(session.deps, session.viewer, session.negotiationId);
      const created = await createExport(session.deps, session.viewer, {
        negotiation,
        body: parsed.data,
      }).catch((error: unknown) => {
        throw error instanceof DomainError ? new CliError(error.message, 1) : error;
      });
      const file = await getExportFile(session.deps, session.viewer, { negotiation, exportId: created.id });
      await writeFile(values.out, file.bytes);
      io.out(
        `Exported ${created.kind} as ${created.format} for ${created.recipient.displayName} to ${values.out}`,
      );
      io.out(
        `  export ${created.id}, sha256 ${created.contentHash}${created.isFingerprinted ? ', fingerprinted' : ''}`,
      );
      return 0;
    } finally {
      await session.close();
    }
  },
};

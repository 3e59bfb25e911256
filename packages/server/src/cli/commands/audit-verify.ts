import { verifyAuditChain } from '../../audit';
import type { Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the audit log’s hash chain and report the first broken entry',
  help: [
    'Usage: parley audit verify [--data DIR | --database-url URL] [--json]',
    '',
    'Recomputes every entry’s hash from the first one. Exit 0 when the chain is intact,',
    '1 when an entry was edited, deleted, reordered or cut from the end (the first such entry is named).',
    '',
    'Options:',
    DATABASE_HELP,
    '  --json                print the report as one JSON object',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, { ...DATABASE_OPTIONS, json: { type: 'boolean' } }, false);
    const report = await withDatabase(values, (handle) => verifyAuditChain(handle.db));
    if (values.json) io.out(JSON.stringify(report));
    else if (report.ok) io.out(`audit chain intact: ${report.entries} entries`);
    else
      io.out(
        `audit chain BROKEN at entry ${report.firstBrokenSeq}: ${report.reason} (${report.entries} entries verified before it)`,
      );
    return report.ok ? 0 : 1;
  },
};

import { readFileSync } from 'node:fs';
import { verifyAuditChain } from '../../audit';
import { loadAuditKeyring, defaultAuditKeyDir, type AuditPublicKey } from '../../audit/signing-keys';
import { publicKeyFromBase64, verifyAgainstCheckpoint } from '../../audit/verify-checkpoint';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the audit log’s hash chain; with --checkpoint, prove the log extends a kept checkpoint',
  help: [
    'Usage: parley audit verify [--checkpoint FILE [--public-key BASE64]] [--data DIR | --database-url URL] [--json]',
    '',
    'Recomputes every entry’s hash from the first one. Exit 0 when the chain is intact,',
    '1 when an entry was edited, deleted, reordered or cut from the end (the first such entry is named).',
    '',
    'With --checkpoint FILE (a signed checkpoint a party kept: from the web app, the event stream',
    'or an export’s footer), also checks its signature and the RFC 6962 consistency proof from',
    'that checkpoint to today’s log: this catches a log the database owner rewrote and re-hashed.',
    '',
    'Options:',
    DATABASE_HELP,
    '  --checkpoint FILE     a checkpoint the log must extend',
    '  --public-key BASE64   trust only this signing key (the one you pinned); default: the keys in',
    '                        the data folder’s audit-keys/ (or PARLEY_AUDIT_KEY_DIR)',
    '  --json                print the report as one JSON object',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        ...DATABASE_OPTIONS,
        json: { type: 'boolean' },
        checkpoint: { type: 'string' },
        'public-key': { type: 'string' },
      },
      false,
    );
    const checkpointText = values.checkpoint === undefined ? undefined : readCheckpoint(values.checkpoint);
    const keys = checkpointText === undefined ? [] : trustedKeys(values['public-key'], values.data);
    const report = await withDatabase(values, async (handle) => ({
      chain: await verifyAuditChain(handle.db),
      checkpoint:
        checkpointText === undefined
          ? undefined
          : await verifyAgainstCheckpoint(handle.db, { text: checkpointText, keys }),
    }));
    const ok = report.chain.ok && report.checkpoint?.ok !== false;
    if (values.json) {
      io.out(JSON.stringify(checkpointText === undefined ? report.chain : { ok, ...report }));
      return ok ? 0 : 1;
    }
    const { chain, checkpoint } = report;
    if (chain.ok) io.out(`audit chain intact: ${chain.entries} entries`);
    else
      io.out(
        `audit chain BROKEN at entry ${chain.firstBrokenSeq}: ${chain.reason} (${chain.entries} entries verified before it)`,
      );
    if (checkpoint?.ok === true)
      io.out(
        `checkpoint verified: today's log (${checkpoint.logSize} entries) extends the checkpoint of ${checkpoint.checkpointSize} entries signed by ${checkpoint.keyName}`,
      );
    else if (checkpoint !== undefined) io.out(`checkpoint NOT consistent: ${checkpoint.reason}`);
    return ok ? 0 : 1;
  },
};

function readCheckpoint(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

function trustedKeys(pinned: string | undefined, dataDir: string | undefined): readonly AuditPublicKey[] {
  try {
    if (pinned !== undefined) {
      // The name is part of the key id; a pinned key matches any name its signature line gives.
      return [publicKeyFromBase64('pinned', pinned)];
    }
    return loadAuditKeyring({ keyDir: defaultAuditKeyDir(dataDir), createIfMissing: false }).known;
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 1);
  }
}

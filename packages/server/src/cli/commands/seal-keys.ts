import { defaultAuditKeyDir } from '../../audit/signing-keys';
import { describeReseal } from '../../sealing/describe-reseal';
import { forgetRetiredSealKeys, loadSealKey, rotateSealKey, type SealKey } from '../../sealing/seal-key';
import { createDeps } from '../../services/deps';
import { resealStoredValues } from '../../services/reseal';
import type { DatabaseHandle } from '../../storage/database';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase, type DatabaseFlagValues } from '../database-flags';
import { parseFlags } from '../parse-flags';

const reseal = (handle: DatabaseHandle, sealKey: SealKey) =>
  resealStoredValues(createDeps(handle.db, { sealKey }), 'rotation');

/** `work` on the key folder or variables, its error (naming what is wrong with them) a CLI error. */
function asCliError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 1);
  }
}

/** The key folder's (or the environment's) keys, and a re-seal of the database the flags name under them. */
async function resealFromFlags(values: DatabaseFlagValues) {
  const key = asCliError(() => loadSealKey({ keyDir: defaultAuditKeyDir(values.data) }));
  return { key, report: await withDatabase(values, (handle) => reseal(handle, key)) };
}

export const sealRotateKeyCommand: Command = {
  name: 'seal rotate-key',
  summary: 'Seal with a new key from now on and re-seal every stored bid, profile and live job under it',
  help: [
    'Usage: parley seal rotate-key [--data DIR | --database-url URL]',
    '',
    'Makes a new 256-bit key current in the key folder (DATA/audit-keys/bid-seal.key, or',
    'PARLEY_AUDIT_KEY_DIR) and retires the old one to bid-seal.retired, where it still opens what it',
    'sealed. Then every blind bid, preference profile and live simulation job stored under another',
    'key is opened and sealed again under the new one, in one transaction, and the audit log records',
    'it. With an embedded database, stop the server first (it holds the data folder). Restart every',
    'server on the new key, then run `parley seal forget-retired` to drop the old key.',
    '',
    'With PARLEY_BID_SEAL_KEY set, rotate in the environment instead: the new key in',
    'PARLEY_BID_SEAL_KEY, the old one in PARLEY_BID_SEAL_RETIRED_KEYS; the server re-seals at start.',
    '',
    'Options:',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, DATABASE_OPTIONS, false);
    const keyDir = defaultAuditKeyDir(values.data);
    // The database opens first: a data folder held by a running server stops this before any key changes.
    const { key, report } = await withDatabase(values, async (handle) => {
      const rotated = asCliError(() => rotateSealKey(keyDir));
      return { key: rotated, report: await reseal(handle, rotated) };
    });
    io.out(
      `new seal key ${key.id}; retired ${key.retired.map((old) => old.id).join(', ')} (still opens, seals nothing new)`,
    );
    io.out(describeReseal(report, key));
    io.out('Restart every server on the new key, then run `parley seal forget-retired`.');
    return report.failures.length > 0 ? 1 : 0;
  },
};

export const sealForgetRetiredCommand: Command = {
  name: 'seal forget-retired',
  summary: 'Re-seal anything still under a retired seal key, then delete the retired keys',
  help: [
    'Usage: parley seal forget-retired [--data DIR | --database-url URL]',
    '',
    'Re-seals under the current key whatever a server still running on the old key sealed since',
    'the rotation, then deletes the key folder’s bid-seal.retired: a database backup taken before',
    'the rotation no longer opens with the keys this server holds. Run it once every server seals',
    'with the new key. Values that would not open (altered, or under a key this server never held)',
    'are listed and left as they are.',
    '',
    'Options:',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, DATABASE_OPTIONS, false);
    const { key, report } = await resealFromFlags(values);
    io.out(describeReseal(report, key));
    if (key.retired.length === 0) io.out('No retired seal key to forget.');
    else {
      // Keys from the environment are the operator's to remove: refused, naming the variable.
      asCliError(() => forgetRetiredSealKeys(defaultAuditKeyDir(values.data)));
      io.out(`Forgot the retired seal keys ${key.retired.map((old) => old.id).join(', ')}.`);
    }
    return report.failures.length > 0 ? 1 : 0;
  },
};

export const sealResealCommand: Command = {
  name: 'seal reseal',
  summary: 'Re-seal every stored value that is not under the current seal key',
  help: [
    'Usage: parley seal reseal [--data DIR | --database-url URL]',
    '',
    'Opens every blind bid, preference profile and live simulation job sealed under a retired key',
    '(bid-seal.retired, or PARLEY_BID_SEAL_RETIRED_KEYS) and seals it again under the current key;',
    'the server does the same at start. Exits 1 if a value would not open, naming its row.',
    '',
    'Options:',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, DATABASE_OPTIONS, false);
    const { key, report } = await resealFromFlags(values);
    io.out(describeReseal(report, key));
    return report.failures.length > 0 ? 1 : 0;
  },
};

import { DataFolderInUseError } from '../storage/data-folder-lock';
import { openDatabase, type DatabaseHandle } from '../storage/database';
import { CliError } from './command';

/** The flags every command that touches the database accepts. */
export const DATABASE_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const DATABASE_HELP = [
  '  --data DIR            embedded PGlite data folder (default ./data); with PostgreSQL,',
  '                        the folder of its audit-keys/ (signing and bid-sealing keys)',
  '  --database-url URL    use this PostgreSQL instead (env DATABASE_URL)',
].join('\n');

export type DatabaseFlagValues = { data?: string; 'database-url'?: string };

/** Where the flags and DATABASE_URL point: a PostgreSQL URL wins over the data folder. */
export function databaseTarget(values: DatabaseFlagValues): { databaseUrl?: string; dataDir?: string } {
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl))
      throw new CliError(`--database-url must start with postgres:// or postgresql://, got "${databaseUrl}"`);
    // With PostgreSQL the data folder holds only the keys (audit signing, bid sealing): a --data
    // given beside the URL says where, rather than ./data of whatever folder the server starts in.
    return values.data === undefined ? { databaseUrl } : { databaseUrl, dataDir: values.data };
  }
  return { dataDir: values.data ?? './data' };
}

/** Opens (and migrates) the database; a connection failure becomes one clear line, not a stack. */
export async function openDatabaseFromFlags(values: DatabaseFlagValues): Promise<DatabaseHandle> {
  const target = databaseTarget(values);
  try {
    return await openDatabase(target);
  } catch (error) {
    if (error instanceof DataFolderInUseError) throw new CliError(error.message, 1);
    const where =
      target.databaseUrl === undefined
        ? `the data folder ${target.dataDir}`
        : 'the PostgreSQL at --database-url';
    throw new CliError(`cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

/** Runs `work` with an open database and always closes it. */
export async function withDatabase<T>(
  values: DatabaseFlagValues,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openDatabaseFromFlags(values);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

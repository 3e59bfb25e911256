import { sharedEnginePool } from '../../work/engine-pool';
import { startJobQueue } from '../../jobs/job-queue';
import { workSimulations } from '../../jobs/simulation-worker';
import { SYSTEM_CLOCK } from '../../clock';
import { defaultAuditKeyDir } from '../../audit/signing-keys';
import { loadSealKey } from '../../sealing/seal-key';
import { CliError, type Command } from '../command';
import { DATABASE_OPTIONS, databaseTarget, openDatabaseFromFlags } from '../database-flags';
import { parseFlags, parsePositiveInteger } from '../parse-flags';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Work queued simulation jobs (run several, on any machine that reaches the database)',
  help: [
    'Usage: parley worker --database-url URL [--expire-seconds N]',
    '',
    'Takes simulation and tournament jobs from the PostgreSQL-backed queue (pg-boss) until',
    'interrupted. A job whose worker dies is retried by another worker once it expires.',
    '',
    'Options:',
    '  --database-url URL    the PostgreSQL the server uses (env DATABASE_URL); required: an',
    '                        embedded PGlite database belongs to the one `parley serve` process',
    '  --expire-seconds N    how long a job may run before it counts as abandoned (default 900)',
    '  --data DIR            the folder of the seal key (DIR/audit-keys/), as for the server;',
    '                        or set PARLEY_BID_SEAL_KEY: live simulation jobs are sealed with it',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        ...DATABASE_OPTIONS,
        'expire-seconds': { type: 'string' },
        'maintenance-seconds': { type: 'string' },
      },
      false,
    );
    const target = databaseTarget(values);
    if (target.databaseUrl === undefined)
      throw new CliError(
        '--database-url (or DATABASE_URL) is required: workers share a PostgreSQL database with the server',
      );
    const expireInSeconds = parsePositiveInteger('expire-seconds', values['expire-seconds'], 900);
    const maintenanceIntervalSeconds = parsePositiveInteger(
      'maintenance-seconds',
      values['maintenance-seconds'],
      60,
    );
    const handle = await openDatabaseFromFlags(values);
    const queue = await startJobQueue(handle, {
      databaseUrl: target.databaseUrl,
      expireInSeconds,
      maintenanceIntervalSeconds,
    });
    sharedEnginePool().warm();
    // The servers' key: a live job holds every party's profile, sealed (docs/security.md).
    const sealKey = loadSealKey({ keyDir: defaultAuditKeyDir(values.data) });
    await workSimulations(queue, { db: handle.db, clock: SYSTEM_CLOCK, sealKey, log: io.out });
    io.out('worker ready: waiting for simulation jobs');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await queue.stop();
    await handle.close();
    return 0;
  },
};

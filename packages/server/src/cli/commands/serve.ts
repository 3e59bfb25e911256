import { isClusterWorker, runServerCluster, startClusterWorker } from '../../http/server-cluster';
import { startServer, type RunningServer, type StartupPhases } from '../../http/start-server';
import type { DatabaseOrigin } from '../../storage/database';
import { CliError, type CliIo, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, databaseTarget } from '../database-flags';
import { parseFlags } from '../parse-flags';

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be an integer from 0 to 65535, got "${value}"`);
  return port;
}

function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new CliError(`--workers must be an integer from 1 to 64, got "${value}"`);
  return workers;
}

const startFailed = (error: unknown) =>
  new CliError(`cannot start: ${error instanceof Error ? error.message : String(error)}`, 1);

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web app and the API (default http://localhost:4000)',
  help: [
    'Usage: parley serve [--port N] [--data DIR] [--database-url URL [--workers N]] [--no-demo]',
    '',
    'Applies migrations, loads the demo negotiation on the first start of an empty database,',
    'prints the demo accounts, and serves until interrupted. With --no-demo (or PARLEY_DEMO=0)',
    'an empty database stays empty: the first visitor creates the administrator account.',
    '',
    'Options:',
    '  --port N              port to listen on (default $PORT or 4000; 0 picks a free one)',
    DATABASE_HELP,
    '  --no-demo             do not load the demo into an empty database (also PARLEY_DEMO=0)',
    '  --workers N           PostgreSQL only: N server processes share the port, one per core',
    '                        (default $PARLEY_WORKERS or 1; a PGlite folder has a single owner)',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        ...DATABASE_OPTIONS,
        port: { type: 'string' },
        'no-demo': { type: 'boolean' },
        workers: { type: 'string' },
      },
      false,
    );
    const port = parsePort(values.port);
    const target = databaseTarget(values);
    const workers = parseWorkers(values.workers ?? process.env.PARLEY_WORKERS);
    const loadDemoOnEmpty = values['no-demo'] !== true && process.env.PARLEY_DEMO !== '0';
    if (isClusterWorker() && target.databaseUrl !== undefined) {
      const server = await startClusterWorker({
        databaseUrl: target.databaseUrl,
        ...(target.dataDir === undefined ? {} : { dataDir: target.dataDir }),
        port: Number(process.env.PARLEY_CLUSTER_PORT ?? port ?? 0),
        log: io.out,
      }).catch((error: unknown) => {
        io.err(`parley serve: ${startFailed(error).message}`);
        // The channel to the primary would keep a failed worker alive; the primary waits for its exit.
        process.exit(1);
      });
      return serveUntilSignal(server, io, { quiet: true });
    }
    if (workers > 1) {
      if (target.databaseUrl === undefined)
        throw new CliError(
          '--workers needs PostgreSQL (--database-url or DATABASE_URL): a PGlite data folder has one owner',
        );
      return runServerCluster({
        workers,
        databaseUrl: target.databaseUrl,
        ...(target.dataDir === undefined ? {} : { dataDir: target.dataDir }),
        port: port ?? (Number(process.env.PORT) || 4000),
        loadDemoOnEmpty,
        log: io.out,
        err: io.err,
      }).catch((error: unknown) => {
        throw startFailed(error);
      });
    }
    const server = await startServer({ ...target, port, loadDemoOnEmpty, log: io.out }).catch(
      (error: unknown) => {
        throw startFailed(error);
      },
    );
    // Measured from process start (module loading included), which is what a supervisor waits for.
    io.out(
      `Parley is serving ${server.url} (${server.database.kind}${describeOrigin(server.database.origin)}, ready in ${Math.round(performance.now())} ms: ${describeStartup(server.startup)})`,
    );
    return serveUntilSignal(server, io, { quiet: false });
  },
};

async function serveUntilSignal(
  server: RunningServer,
  io: CliIo,
  options: { quiet: boolean },
): Promise<number> {
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // SHUTDOWN_GRACE_MS for requests and streams, then a hard stop: a supervisor's next instance
  // must never find this one still holding the data folder (issue #15).
  setTimeout(() => {
    io.err('parley serve: shutdown took too long; exiting');
    process.exit(1);
  }, 9_500).unref();
  await server.close();
  if (!options.quiet) io.out('Parley stopped.');
  // Anything a library left scheduled (a queue's timers) must not keep a stopped server alive.
  setTimeout(() => process.exit(0), 100).unref();
  return 0;
}

/** Where start-up time went: how long each step took, in the order they ran (issue #15 item 6). */
function describeOrigin(origin: DatabaseOrigin): string {
  if (origin === 'schema snapshot') return ', a new database from the migrated schema';
  return origin === 'migrations' ? ', a new database migrated from zero' : '';
}

function describeStartup(phases: StartupPhases): string {
  const steps: [string, number][] = [
    ['modules', phases.modules],
    ['database', phases.database],
    ['demo', phases.demo],
    ['jobs', phases.jobs],
    ['listening', phases.listening],
  ];
  let previous = 0;
  return steps
    .map(([name, endedAt]) => {
      const took = endedAt - previous;
      previous = endedAt;
      return `${name} ${Math.round(took)}`;
    })
    .join(', ');
}

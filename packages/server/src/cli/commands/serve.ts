import { startServer, type StartupPhases } from '../../http/start-server';
import { CliError, type Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, databaseTarget } from '../database-flags';
import { parseFlags } from '../parse-flags';

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`--port must be an integer from 0 to 65535, got "${value}"`);
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web app and the API (default http://localhost:4000)',
  help: [
    'Usage: parley serve [--port N] [--data DIR | --database-url URL] [--no-demo]',
    '',
    'Applies migrations, loads the demo negotiation on the first start of an empty database,',
    'prints the demo accounts, and serves until interrupted. With --no-demo (or PARLEY_DEMO=0)',
    'an empty database stays empty: the first visitor creates the administrator account.',
    '',
    'Options:',
    '  --port N              port to listen on (default $PORT or 4000; 0 picks a free one)',
    DATABASE_HELP,
    '  --no-demo             do not load the demo into an empty database (also PARLEY_DEMO=0)',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { ...DATABASE_OPTIONS, port: { type: 'string' }, 'no-demo': { type: 'boolean' } },
      false,
    );
    const port = parsePort(values.port);
    const server = await startServer({
      ...databaseTarget(values),
      port,
      loadDemoOnEmpty: values['no-demo'] !== true && process.env.PARLEY_DEMO !== '0',
      log: io.out,
    }).catch((error: unknown) => {
      throw new CliError(`cannot start: ${error instanceof Error ? error.message : String(error)}`, 1);
    });
    // Measured from process start (module loading included), which is what a supervisor waits for.
    io.out(
      `Parley is serving ${server.url} (${server.database.kind}, ready in ${Math.round(performance.now())} ms: ${describeStartup(server.startup)})`,
    );
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
    io.out('Parley stopped.');
    // Anything a library left scheduled (a queue's timers) must not keep a stopped server alive.
    setTimeout(() => process.exit(0), 100).unref();
    return 0;
  },
};

/** Where start-up time went: how long each step took, in the order they ran (issue #15 item 6). */
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

import { formatDemoCredentials, loadDemo } from '../../demo';
import type { Command } from '../command';
import { DATABASE_HELP, DATABASE_OPTIONS, withDatabase } from '../database-flags';
import { parseFlags } from '../parse-flags';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load (or reload) the demo negotiation and print its accounts',
  help: [
    'Usage: parley demo [--data DIR | --database-url URL]',
    '',
    'Replaces any earlier copy of the demo negotiation with a fresh one and prints the demo',
    'accounts with their password. Other negotiations are left alone.',
    '',
    'Options:',
    DATABASE_HELP,
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, DATABASE_OPTIONS, false);
    const summary = await withDatabase(values, (handle) => loadDemo(handle.db));
    io.out(`Loaded the demo negotiation.\n${formatDemoCredentials(summary)}`);
    return 0;
  },
};

import { CliError, type CliIo } from './command';
import { COMMANDS } from './commands/index';

const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length), 8);
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: parley <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `parley <command> --help` for the options of one command.',
  ].join('\n');
}

/** Entry point of the `parley` bin; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(usage());
    return first === undefined ? 2 : 0;
  }
  // Two-word commands ("users create", "audit verify") are matched before one-word ones.
  const twoWord =
    second === undefined ? undefined : COMMANDS.find((command) => command.name === `${first} ${second}`);
  const entry = twoWord ?? COMMANDS.find((candidate) => candidate.name === first);
  if (entry === undefined) {
    io.err(`parley: unknown command "${[first, second].filter(Boolean).join(' ')}"\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  const args = twoWord ? rest : [second, ...rest].filter((arg): arg is string => arg !== undefined);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`parley ${command.name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

import { setFlagsFromString } from 'node:v8';
import { CliError, type CliIo } from './command';
import { COMMANDS, type CommandEntry } from './commands/index';

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

/** Two-word commands ("users create", "audit verify") are matched before one-word ones. */
function findCommand([first, second]: readonly string[]): { entry?: CommandEntry; twoWord: boolean } {
  const twoWord =
    second === undefined ? undefined : COMMANDS.find((command) => command.name === `${first} ${second}`);
  return {
    entry: twoWord ?? COMMANDS.find((candidate) => candidate.name === first),
    twoWord: twoWord !== undefined,
  };
}

/**
 * V8 settings for loading a command that runs one short computation per process (analysis,
 * simulation; issue #17): compile its code when the module loads rather than at its first call
 * (`--no-lazy`), as baseline machine code (`--always-sparkplug`) instead of bytecode that is
 * interpreted until V8 finds it hot, which a one-shot analysis never becomes. On anac2011-Car this
 * cuts the instructions of the analysis call from 14.0 M to 6.1 M (callgrind). The engine's
 * WebAssembly kernels, instantiated as it loads, are compiled by the optimising tier at once
 * (`--no-wasm-dynamic-tiering`) instead of starting in the baseline tier and being recompiled
 * when hot: that recompilation landed inside the first or second negotiation about one run in
 * three and stalled it for about 0.8 ms (bench/results/simulation.md). The defaults are restored
 * once the module has loaded, so Node's own code loaded later is not compiled eagerly.
 */
const ONE_SHOT_V8_FLAGS = [
  ['--no-lazy', '--lazy'],
  ['--always-sparkplug', '--no-always-sparkplug'],
  ['--no-wasm-dynamic-tiering', '--wasm-dynamic-tiering'],
] as const;

/** The `parley` bin: loads the command as suits it, then runs it (tests call `main`). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const { entry } = findCommand(argv);
  if (entry?.oneShot === true) {
    for (const [set] of ONE_SHOT_V8_FLAGS) setFlagsFromString(set);
    await entry.load();
    for (const [, reset] of ONE_SHOT_V8_FLAGS) setFlagsFromString(reset);
  }
  return main(argv);
}

/** Entry point of the `parley` bin; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined) {
    // Asked for nothing: a usage mistake, so the usage goes to stderr with exit code 2.
    io.err(usage());
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(usage());
    return 0;
  }
  const { entry, twoWord } = findCommand(argv);
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

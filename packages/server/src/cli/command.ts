/** Where a command writes; tests pass their own to capture output. */
export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly isTty: boolean;
};

/** One `parley` subcommand. `run` returns the process exit code. */
export type Command = {
  readonly name: string;
  readonly summary: string;
  /** Full `--help` text: usage line, options, examples. */
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
};

/**
 * A one-line failure. Exit code 2: the command line is wrong (unknown or missing flag, wrong
 * arguments, a flag's value out of range). Exit code 1: the command ran and its input failed (a
 * file missing, unreadable or malformed, an unknown account, a change the policy refuses).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

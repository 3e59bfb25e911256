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

/** A mistake by the caller (bad flag, missing file): printed as one line, exit code 2 unless told. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

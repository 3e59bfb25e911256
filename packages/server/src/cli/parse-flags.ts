import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with errors turned into a CliError naming the bad flag, so every
 * command reports "unknown option --x" the same way instead of a stack trace.
 */
export function parseFlags<const O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Parses a flag that must be a positive integer, naming the flag when it is not. */
export function parsePositiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new CliError(`--${flag} must be a positive integer, got "${value}"`);
  return parsed;
}

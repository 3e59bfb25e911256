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

/**
 * Parses a count that must be a positive integer no larger than `max`: the CLI refuses what the
 * HTTP API would refuse, rather than running for hours on a typo.
 */
export function parseCount(
  flag: string,
  value: string | undefined,
  limits: { fallback: number; max: number },
) {
  const parsed = parsePositiveInteger(flag, value, limits.fallback);
  if (parsed > limits.max)
    throw new CliError(`--${flag} may be at most ${limits.max.toLocaleString('en')}, got "${value}"`);
  return parsed;
}

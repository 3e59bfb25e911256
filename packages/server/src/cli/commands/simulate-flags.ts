import { MAX_LIVE_SIMULATION_NOISE, MAX_SIMULATION_SEED } from '@parley/core';
import { countLineUps, type AdditiveSpace, type ProtocolName, type Semantics } from '@parley/engine';
import { CliError } from '../command';

// `parley simulate`'s values, each refused in one line naming the flag and its range: where the
// API has the same knob, the API's range, so a command line is not a way around it.

/**
 * Line-ups grow as pool size to the power of the parties (7 agents, 12 parties: 7¹²), so a
 * tournament is counted before it is built. Every shared scenario (2–5 parties) with all seven
 * built-in agents makes 10,416 line-ups: the cap leaves room for that and refuses a typo.
 */
export const MAX_TOURNAMENT_LINE_UPS = 20_000;

export function checkTournamentSize(
  scenarios: readonly { space: AdditiveSpace }[],
  agentNames: readonly string[],
): void {
  const repeated = agentNames.find((name, index) => agentNames.indexOf(name) !== index);
  if (repeated !== undefined)
    throw new CliError(`--agents names ${repeated} twice: a tournament's pool lists each agent once`);
  const lineUps = scenarios.reduce(
    (sum, scenario) => sum + countLineUps(agentNames, scenario.space.parties.length),
    0,
  );
  if (lineUps > MAX_TOURNAMENT_LINE_UPS)
    throw new CliError(
      `a tournament may have at most ${MAX_TOURNAMENT_LINE_UPS.toLocaleString('en')} line-ups over all scenarios; these ${agentNames.length} agents on ${scenarios.length} scenario(s) make ${lineUps.toLocaleString('en')} (use fewer agents or scenarios)`,
    );
}

export function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1;
  const seed = Number(value);
  if (value.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SIMULATION_SEED)
    throw new CliError(
      `--seed must be an integer from 0 to ${MAX_SIMULATION_SEED.toLocaleString('en')}, got "${value}"`,
    );
  return seed;
}

export function parseProtocol(value: string | undefined): ProtocolName {
  if (value === undefined || value === 'sao' || value === 'mediated') return value ?? 'sao';
  throw new CliError(`--protocol must be sao or mediated, got "${value}"`);
}

export function parseSemantics(value: string | undefined): Semantics {
  if (value === undefined || value === 'genius' || value === 'negmas') return value ?? 'genius';
  throw new CliError(`--semantics must be genius or negmas, got "${value}"`);
}

export function parsePositiveNumber(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new CliError(`--${flag} must be a positive number, got "${value}"`);
  return parsed;
}

export function parseNoise(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !(parsed >= 0 && parsed <= MAX_LIVE_SIMULATION_NOISE))
    throw new CliError(`--noise must be a number from 0 to ${MAX_LIVE_SIMULATION_NOISE}, got "${value}"`);
  return parsed;
}

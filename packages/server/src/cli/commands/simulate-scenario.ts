import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  compileScenario,
  loadGeniusScenario,
  loadParleyScenario,
  type AdditiveSpace,
  type Semantics,
} from '@parley/engine';
import { CliError } from '../command';
import { describeProblems, readScenarioFile } from './analyze-scenario';

/**
 * Reads SCENARIO with the engine's loaders — a GENIUS folder or a Parley JSON scenario — and
 * compiles it under `semantics`. A JSON file that already holds a compiled additive space
 * ({issues:[{name,options}], parties:[{name,reservation,constant,contributions,discount?}]}) is taken as is,
 * so scripts can simulate generated spaces. Bad files are one-line CliErrors.
 */
export async function loadScenario(path: string, semantics: Semantics = 'genius'): Promise<AdditiveSpace> {
  if (!existsSync(path))
    throw new CliError(`no scenario at ${path} (expected a GENIUS folder or a JSON file)`, 1);
  const space = statSync(path).isDirectory()
    ? await fromFolder(path, semantics)
    : await fromJson(path, semantics);
  if (space.parties.length < 2)
    throw new CliError(`${path}: a scenario needs at least 2 profiles, found ${space.parties.length}`, 1);
  if (space.issues.length === 0 || space.issues.some((issue) => issue.options.length === 0))
    throw new CliError(`${path}: every issue needs at least one option`, 1);
  return space;
}

async function fromFolder(path: string, semantics: Semantics): Promise<AdditiveSpace> {
  const names = readdirSync(path)
    .filter((name) => name.toLowerCase().endsWith('.xml'))
    .sort();
  const loaded = loadGeniusScenario(
    basename(path),
    await Promise.all(
      names.map(async (name) => ({ name, contents: await readScenarioFile(join(path, name)) })),
    ),
  );
  if (!loaded.ok) throw new CliError(describeProblems(loaded.problems), 1);
  return compileScenario(loaded.value, semantics);
}

async function fromJson(path: string, semantics: Semantics): Promise<AdditiveSpace> {
  const text = await readScenarioFile(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${path}: not valid JSON`, 1);
  }
  if (isSpace(data)) return data;
  const loaded = loadParleyScenario(basename(path), text);
  if (!loaded.ok) throw new CliError(describeProblems(loaded.problems), 1);
  return compileScenario(loaded.value, semantics);
}

function isSpace(data: unknown): data is AdditiveSpace {
  if (typeof data !== 'object' || data === null) return false;
  const { issues, parties } = data as { issues?: unknown; parties?: unknown };
  if (!Array.isArray(issues) || !Array.isArray(parties)) return false;
  const sizes: number[] = [];
  for (const issue of issues as unknown[]) {
    const { name, options } = (issue ?? {}) as { name?: unknown; options?: unknown };
    if (
      typeof name !== 'string' ||
      !Array.isArray(options) ||
      !options.every((option) => typeof option === 'string')
    )
      return false;
    sizes.push(options.length);
  }
  return (parties as unknown[]).every((party) => {
    const { name, reservation, constant, contributions, discount } = (party ?? {}) as Record<string, unknown>;
    return (
      typeof name === 'string' &&
      isDiscount(discount) &&
      Number.isFinite(reservation) &&
      Number.isFinite(constant) &&
      Array.isArray(contributions) &&
      contributions.length === sizes.length &&
      contributions.every(
        (row: unknown, issue) =>
          Array.isArray(row) &&
          row.length === sizes[issue] &&
          row.every((value: unknown) => Number.isFinite(value)),
      )
    );
  });
}

/** Absent, or {factor > 0, per: "time" | "round"} as the engine compiles a discount factor. */
function isDiscount(discount: unknown): boolean {
  if (discount === undefined) return true;
  const { factor, per } = (discount ?? {}) as Record<string, unknown>;
  return (
    typeof factor === 'number' && Number.isFinite(factor) && factor > 0 && (per === 'time' || per === 'round')
  );
}

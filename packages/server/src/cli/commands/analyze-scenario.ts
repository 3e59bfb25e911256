import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  loadGeniusScenario,
  loadParleyScenario,
  type LoadResult,
  type Problem,
  type Scenario,
} from '@parley/engine';
import { CliError } from '../command';

/** One line naming the file, the issue and what is wrong (the rest counted, not listed). */
export function describeProblems(problems: readonly Problem[]): string {
  const [first] = problems;
  if (first === undefined) return 'the scenario could not be read';
  const where = first.issue === undefined ? first.file : `${first.file}: issue "${first.issue}"`;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}

/** Reads SCENARIO — a GENIUS folder or a Parley .json file — into a Scenario, or throws a one-line CliError. */
export async function readScenarioArgument(path: string): Promise<Scenario> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new CliError(`${path}: no such file or folder`, 1);
  let loaded: LoadResult<Scenario>;
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
    const files = await Promise.all(
      names.map(async (name) => ({ name, contents: await readFile(join(path, name), 'utf8') })),
    );
    loaded = loadGeniusScenario(basename(path), files);
  } else {
    loaded = loadParleyScenario(basename(path), await readFile(path, 'utf8'));
  }
  if (!loaded.ok) throw new CliError(describeProblems(loaded.problems), 1);
  return loaded.value;
}

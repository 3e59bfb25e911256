import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  loadGeniusScenario,
  loadParleyScenario,
  type LoadResult,
  type Problem,
  type Scenario,
} from '@parley/engine';
import { readBoundedFile, UnreadableFileError } from '../../read-bounded-file';
import { CliError } from '../command';

/** Far above any shared scenario (the largest domain file is under 100 KB), far below memory. */
const SCENARIO_FILE_MAX_BYTES = 32 * 1024 * 1024;

/** A scenario file as text: a device or a file of gigabytes is a one-line CliError (read-bounded-file.ts). */
export async function readScenarioFile(path: string): Promise<string> {
  try {
    return (await readBoundedFile(path, SCENARIO_FILE_MAX_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new CliError(error.message, 1);
    throw error;
  }
}

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
      names.map(async (name) => ({ name, contents: await readScenarioFile(join(path, name)) })),
    );
    loaded = loadGeniusScenario(basename(path), files);
  } else {
    loaded = loadParleyScenario(basename(path), await readScenarioFile(path));
  }
  if (!loaded.ok) throw new CliError(describeProblems(loaded.problems), 1);
  return loaded.value;
}

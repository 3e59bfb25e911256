import { performance } from 'node:perf_hooks';
import {
  analyzeSpace,
  compileScenario,
  labelOutcome,
  type AdditiveSpace,
  type Analysis,
  type Semantics,
  type Solution,
} from '@parley/engine';
import { CliError, type Command } from '../command';
import { parseFlags } from '../parse-flags';
import { readScenarioArgument } from './analyze-scenario';

const SOLUTION_NAMES = ['nash', 'kalaiSmorodinsky', 'utilitarian', 'egalitarian'] as const;
const LABELS: Record<(typeof SOLUTION_NAMES)[number], string> = {
  nash: 'Nash',
  kalaiSmorodinsky: 'Kalai–Smorodinsky',
  utilitarian: 'Utilitarian',
  egalitarian: 'Egalitarian',
};

function presentSolution(space: AdditiveSpace, solution: Solution | null) {
  return solution === null
    ? null
    : { outcome: labelOutcome(space, solution.outcome), utilities: [...solution.utilities] };
}

/** The contract's `--json` object (docs: DESIGN §6). */
export function analysisJson(space: AdditiveSpace, analysis: Analysis, elapsedMs: number) {
  return {
    issues: analysis.issues,
    outcomes: analysis.outcomes,
    pareto: { size: analysis.frontier.points.length },
    solutions: Object.fromEntries(
      SOLUTION_NAMES.map((name) => [name, presentSolution(space, analysis.solutions[name])]),
    ),
    elapsedMs,
  };
}

function table(space: AdditiveSpace, analysis: Analysis, elapsedMs: number): string {
  const format = (value: number) => value.toFixed(4);
  const lines = [
    `${analysis.issues} issues, ${analysis.outcomes.toLocaleString('en-US')} outcomes, ${space.parties.length} parties (${space.parties.map((party) => party.name).join(', ')})`,
    `Pareto frontier: ${analysis.frontier.points.length} points${analysis.frontier.exact ? '' : ` (approximate, within ${analysis.frontier.approximation?.additive.map(format).join('/')})`}; semantics ${analysis.semantics}; ${elapsedMs.toFixed(1)} ms`,
    '',
  ];
  const width = Math.max(...SOLUTION_NAMES.map((name) => LABELS[name].length));
  for (const name of SOLUTION_NAMES) {
    const solution = analysis.solutions[name];
    if (solution === null) {
      lines.push(`${LABELS[name].padEnd(width)}  none (no outcome satisfies every reservation value)`);
      continue;
    }
    const outcome = Object.entries(labelOutcome(space, solution.outcome))
      .map(([issue, value]) => `${issue}=${value}`)
      .join(', ');
    lines.push(`${LABELS[name].padEnd(width)}  [${solution.utilities.map(format).join(', ')}]  ${outcome}`);
  }
  return lines.join('\n');
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Pareto frontier and bargaining solutions of a GENIUS folder or Parley JSON scenario',
  help: `Usage: parley analyze SCENARIO [--json] [--semantics genius|negmas]

SCENARIO is a GENIUS folder (one domain XML + profile XMLs, parties in file-name order) or a
Parley JSON scenario (docs/scenario-format.md). Prints the number of outcomes, the size of the
Pareto frontier and the Nash, Kalai–Smorodinsky, utilitarian and egalitarian outcomes.
--semantics genius (default) normalises as GENIUS does; negmas reproduces NegMAS's figures.

Examples:
  parley analyze scenarios/anac2011-Laptop
  parley analyze deal.json --json --semantics negmas`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      json: { type: 'boolean' },
      semantics: { type: 'string' },
    });
    const [path, extra] = positionals;
    if (path === undefined || extra !== undefined)
      throw new CliError('expected exactly one SCENARIO (a GENIUS folder or a .json file)');
    const semantics = values.semantics ?? 'genius';
    if (semantics !== 'genius' && semantics !== 'negmas')
      throw new CliError(`--semantics must be genius or negmas, got "${semantics}"`);
    const scenario = await readScenarioArgument(path);
    const started = performance.now();
    const space = compileScenario(scenario, semantics satisfies Semantics);
    const analysis = analyzeSpace(space, semantics);
    const elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
    io.out(
      values.json === true
        ? JSON.stringify(analysisJson(space, analysis, elapsedMs))
        : table(space, analysis, elapsedMs),
    );
    return 0;
  },
};

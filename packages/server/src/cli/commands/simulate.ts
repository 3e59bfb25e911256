import {
  AGENT_NAMES,
  findAgent,
  labelOutcome,
  runMonteCarlo,
  runTournament,
  simulateBatch,
  type AdditiveSpace,
  type AgentFactory,
  type Deadline,
  type ProtocolName,
} from '@parley/engine';
import {
  MAX_LIVE_SIMULATION_NOISE,
  MAX_LIVE_SIMULATION_RUNS,
  MAX_SIMULATION_RUNS,
  MAX_SIMULATION_SEED,
  MAX_SIMULATION_STEPS,
} from '@parley/core';
import { CliError, type CliIo, type Command } from '../command';
import { parseCount, parseFlags } from '../parse-flags';
import {
  checkTournamentSize,
  MAX_TOURNAMENT_LINE_UPS,
  parseNoise,
  parsePositiveNumber,
  parseProtocol,
  parseSeed,
  parseSemantics,
} from './simulate-flags';
import { computeBenchmarks } from './simulate-benchmarks';
import { loadScenario } from './simulate-scenario';
import { createProgress } from './simulate-progress';

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Simulate negotiations with automated agents (batches, tournaments, Monte-Carlo)',
  help: `Usage: parley simulate SCENARIO --agents A,B[,…] [--steps N] [--runs N] [--seed N] [--json]
       parley simulate SCENARIO [SCENARIO…] --tournament --agents A,B,C[,…] [--runs N] …
       parley simulate SCENARIO --agents A,B[,…] --monte-carlo N [--noise SIGMA] …

SCENARIO is a GENIUS folder (domain XML + profile XMLs, parties in file-name order), a Parley
JSON scenario, or a JSON additive space {issues:[{name,options}], parties:[{name,reservation,constant,contributions[,discount:{factor,per}]}]}.

Options:
  --agents LIST     one agent per party, in party order (tournament: the pool of agents)
                    known agents: ${AGENT_NAMES.join(', ')}
  --steps N         deadline in offers (SAO) or proposals (mediated); default 1000,
                    at most ${MAX_SIMULATION_STEPS.toLocaleString('en')}
  --time S          also a simulated-clock deadline of S seconds (each step takes 1 s)
  --runs N          negotiations per line-up (different derived seeds); default 1,
                    at most ${MAX_SIMULATION_RUNS.toLocaleString('en')}
  --seed N          base seed (integer, 0 to ${MAX_SIMULATION_SEED.toLocaleString('en')}); same seed → same output; default 1
  --protocol P      sao (stacked alternating offers, default) or mediated (single text)
  --tournament      every ordered line-up of the --agents pool on every SCENARIO; ranking by mean utility;
                    at most ${MAX_TOURNAMENT_LINE_UPS.toLocaleString('en')} line-ups over all scenarios
  --monte-carlo N   N samples with every party's per-issue weights scaled by 1 + σ·N(0,1);
                    at most ${MAX_LIVE_SIMULATION_RUNS.toLocaleString('en')}
  --noise SIGMA     σ for --monte-carlo, 0 to ${MAX_LIVE_SIMULATION_NOISE}; default 0.1
  --semantics S     genius (default) or negmas: how profiles become utilities
  --json            print one JSON object on stdout (progress goes to stderr)

Examples:
  parley simulate scenarios/anac2011-Laptop --agents boulware,conceder --runs 100 --json
  parley simulate scenarios/a scenarios/b --tournament --agents boulware,linear,hardliner
  parley simulate scenarios/a --agents linear,linear --monte-carlo 500 --noise 0.2`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      agents: { type: 'string' },
      steps: { type: 'string' },
      time: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      protocol: { type: 'string' },
      tournament: { type: 'boolean' },
      'monte-carlo': { type: 'string' },
      noise: { type: 'string' },
      semantics: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0)
      throw new CliError('expected a SCENARIO (a GENIUS folder or a JSON scenario file)');
    if (values.agents === undefined)
      throw new CliError(`--agents is required (known agents: ${AGENT_NAMES.join(', ')})`);
    const agentNames = values.agents
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const agents = agentNames.map(agentByName);
    const steps = parseCount('steps', values.steps, { fallback: 1000, max: MAX_SIMULATION_STEPS });
    const deadline: Deadline =
      values.time === undefined
        ? { steps }
        : { steps, time: parsePositiveNumber('time', values.time), secondsPerStep: 1 };
    const common = {
      deadline,
      runs: parseCount('runs', values.runs, { fallback: 1, max: MAX_SIMULATION_RUNS }),
      seed: parseSeed(values.seed),
      protocol: parseProtocol(values.protocol),
    };
    // A flag the chosen mode would ignore is refused: a user who asked for it expects it to count.
    if (values.noise !== undefined && values['monte-carlo'] === undefined)
      throw new CliError('--noise applies to --monte-carlo only');
    if (values.runs !== undefined && values['monte-carlo'] !== undefined)
      throw new CliError('--runs does not apply to --monte-carlo: its N is the number of samples');
    if (values.tournament === true && values['monte-carlo'] !== undefined)
      throw new CliError('--tournament and --monte-carlo are separate modes: choose one');
    const semantics = parseSemantics(values.semantics);
    const started = performance.now();
    if (values.tournament === true) {
      const scenarios = await Promise.all(
        positionals.map(async (path) => ({ name: path, space: await loadScenario(path, semantics) })),
      );
      checkTournamentSize(scenarios, agentNames);
      const progress = createProgress(io, 'matches');
      const result = runTournament({ ...common, scenarios, agentNames, onMatch: progress });
      return print(io, values.json, {
        result: { mode: 'tournament', scenarios: scenarios.length, ...result, elapsedMs: elapsed(started) },
        lines: () => [
          `${result.matches} line-ups × ${common.runs} runs on ${scenarios.length} scenario(s)`,
          ...result.standings.map(
            (standing, rank) =>
              `${rank + 1}. ${standing.agent.padEnd(12)} mean utility ${standing.meanUtility.toFixed(3)}  agreements ${(standing.agreementRate * 100).toFixed(1)}%  (${standing.negotiations} negotiations)`,
          ),
        ],
      });
    }
    if (positionals.length > 1) throw new CliError('several scenarios need --tournament');
    const space = await loadScenario(positionals[0] ?? '', semantics);
    checkLineUp(space, agentNames);
    if (values['monte-carlo'] !== undefined)
      return monteCarlo(io, { space, agents, values, common, started });
    const summary = simulateBatch({
      ...common,
      space,
      agents,
      benchmarks: computeBenchmarks(space, semantics),
      onRun: createProgress(io, 'runs', common.runs),
    });
    return print(io, values.json, {
      result: { ...summary, elapsedMs: elapsed(started) },
      lines: () => [
        `${summary.runs} run(s) of ${agentNames.join(' vs ')}: agreement rate ${(summary.agreementRate * 100).toFixed(1)}%, mean rounds ${summary.meanRounds.toFixed(1)}`,
        `mean utilities: ${summary.meanUtilities.map((utility, party) => `${space.parties[party]?.name ?? party} ${utility.toFixed(3)}`).join(', ')}`,
        `mean distance to Pareto frontier: ${formatDistance(summary.meanDistanceToPareto)}, to Nash point: ${formatDistance(summary.meanDistanceToNash)}`,
      ],
    });
  },
};

type Common = { deadline: Deadline; runs: number; seed: number; protocol: ProtocolName };

function monteCarlo(
  io: CliIo,
  input: {
    space: AdditiveSpace;
    agents: AgentFactory[];
    values: { 'monte-carlo'?: string; noise?: string; json?: boolean };
    common: Common;
    started: number;
  },
): number {
  const samples = parseCount('monte-carlo', input.values['monte-carlo'], {
    fallback: 1,
    max: MAX_LIVE_SIMULATION_RUNS,
  });
  const noise = input.values.noise === undefined ? 0.1 : parseNoise(input.values.noise);
  const summary = runMonteCarlo({
    ...input.common,
    space: input.space,
    agents: input.agents,
    samples,
    noise,
  });
  const topAgreements = summary.topAgreements.map((entry) => ({
    outcome: labelOutcome(input.space, entry.outcome),
    share: entry.share,
  }));
  return print(io, input.values.json, {
    result: { mode: 'monte-carlo', ...summary, topAgreements, elapsedMs: elapsed(input.started) },
    lines: () => [
      `${samples} samples, noise σ=${noise}: agreement rate ${(summary.agreementRate * 100).toFixed(1)}%`,
      ...summary.utilityQuantiles.map(
        (q, party) =>
          `${input.space.parties[party]?.name ?? party}: mean ${q.mean.toFixed(3)}  p10 ${q.p10.toFixed(3)}  p50 ${q.p50.toFixed(3)}  p90 ${q.p90.toFixed(3)}`,
      ),
      ...topAgreements.map((entry) => `${(entry.share * 100).toFixed(1)}%  ${JSON.stringify(entry.outcome)}`),
    ],
  });
}

function agentByName(name: string): AgentFactory {
  const agent = findAgent(name);
  if (agent === undefined)
    throw new CliError(`unknown agent "${name}" (known agents: ${AGENT_NAMES.join(', ')})`);
  return agent;
}

function checkLineUp(space: AdditiveSpace, agentNames: readonly string[]): void {
  const parties = space.parties.length;
  if (agentNames.length > parties)
    throw new CliError(
      `${agentNames.length} agents but the scenario has only ${parties} profiles (give one agent per profile)`,
    );
  if (agentNames.length < parties)
    throw new CliError(
      `${agentNames.length} agent(s) but the scenario has ${parties} profiles (give one agent per profile)`,
    );
}

function print(
  io: CliIo,
  json: boolean | undefined,
  output: { result: object; lines: () => string[] },
): number {
  io.out(json === true ? JSON.stringify(output.result) : output.lines().join('\n'));
  return 0;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

function formatDistance(distance: number | null): string {
  return distance === null ? 'n/a' : distance.toFixed(4);
}

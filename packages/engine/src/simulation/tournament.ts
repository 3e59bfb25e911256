import type { AdditiveSpace } from '../model/additive-space';
import { findAgent } from './agents';
import type { Deadline } from './protocol';
import { simulateBatch, type Benchmarks, type ProtocolName } from './simulate';

export type TournamentScenario = {
  readonly name: string;
  readonly space: AdditiveSpace;
  readonly benchmarks?: Benchmarks;
};

export type TournamentStanding = {
  agent: string;
  /** Mean utility the agent obtained over all its seats, scenarios and runs. */
  meanUtility: number;
  agreementRate: number;
  negotiations: number;
};

export type TournamentResult = { standings: TournamentStanding[]; matches: number };

/**
 * Every ordered line-up of the agents (one per party; distinct agents when there are enough,
 * otherwise with repeats) on every scenario, `runs` times each; ranked by mean utility.
 */
export function runTournament(setup: {
  scenarios: readonly TournamentScenario[];
  agentNames: readonly string[];
  deadline: Deadline;
  runs: number;
  seed: number;
  protocol?: ProtocolName;
  onMatch?: (done: number, total: number) => void;
}): TournamentResult {
  const totals = new Map(
    setup.agentNames.map((name) => [name, { utility: 0, agreements: 0, negotiations: 0 }]),
  );
  const plans = setup.scenarios.flatMap((scenario) =>
    lineUps(setup.agentNames, scenario.space.parties.length).map((lineUp) => ({ scenario, lineUp })),
  );
  plans.forEach(({ scenario, lineUp }, index) => {
    const agents = lineUp.map((name) => findAgent(name) ?? raise(`unknown agent ${name}`));
    const summary = simulateBatch({
      space: scenario.space,
      agents,
      deadline: setup.deadline,
      runs: setup.runs,
      seed: setup.seed + index,
      protocol: setup.protocol,
    });
    lineUp.forEach((name, seat) => {
      const total = totals.get(name);
      if (total === undefined) return;
      total.utility += (summary.meanUtilities[seat] ?? 0) * setup.runs;
      total.agreements += summary.agreementRate * setup.runs;
      total.negotiations += setup.runs;
    });
    setup.onMatch?.(index + 1, plans.length);
  });
  const standings = [...totals].map(([agent, total]) => ({
    agent,
    meanUtility: total.negotiations === 0 ? 0 : total.utility / total.negotiations,
    agreementRate: total.negotiations === 0 ? 0 : total.agreements / total.negotiations,
    negotiations: total.negotiations,
  }));
  standings.sort(
    (left, right) => right.meanUtility - left.meanUtility || left.agent.localeCompare(right.agent),
  );
  return { standings, matches: plans.length };
}

/** Ordered line-ups of `seats` agents: permutations without repeats when possible. */
export function lineUps(names: readonly string[], seats: number): string[][] {
  const allowRepeats = names.length < seats;
  const result: string[][] = [];
  const build = (prefix: string[]) => {
    if (prefix.length === seats) {
      result.push(prefix);
      return;
    }
    for (const name of names) if (allowRepeats || !prefix.includes(name)) build([...prefix, name]);
  };
  build([]);
  return result;
}

/**
 * How many line-ups `lineUps(names, seats)` would build, counted without building them: a pool
 * of 7 agents for 12 parties makes 7¹² line-ups, far more than memory holds.
 * @example countLineUps(['a', 'b', 'c'], 2) // 6
 */
export function countLineUps(names: readonly string[], seats: number): number {
  if (names.length < seats) return names.length ** seats;
  let count = 1;
  for (let seat = 0; seat < seats; seat++) count *= names.length - seat;
  return count;
}

function raise(message: string): never {
  throw new Error(message);
}

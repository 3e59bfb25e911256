import type { AdditiveSpace } from '../model/additive-space';
import type { AgentFactory } from './agent';
import { runMediated } from './mediated';
import type { Deadline, NegotiationResult } from './protocol';
import { deriveSeed } from './rng';
import { runSao } from './sao';

export type ProtocolName = 'sao' | 'mediated';

/** Points to measure agreements against, computed by the analysis (utility vectors in party order). */
export type Benchmarks = {
  readonly frontier: readonly (readonly number[])[];
  readonly nash: readonly number[] | null;
};

export type BatchSetup = {
  readonly space: AdditiveSpace;
  readonly agents: readonly AgentFactory[];
  readonly deadline: Deadline;
  readonly runs: number;
  readonly seed: number;
  readonly protocol?: ProtocolName;
  readonly benchmarks?: Benchmarks;
  /** Called after each run (progress bars). */
  readonly onRun?: (done: number) => void;
};

export type BatchSummary = {
  runs: number;
  agreementRate: number;
  /** What the parties got, discounted to when their talks ended (equal to the next without discounts). */
  meanUtilities: number[];
  meanUndiscountedUtilities: number[];
  /** Mean offers per party (SAO) or mediator proposals (mediated) until agreement or deadline. */
  meanRounds: number;
  meanSteps: number;
  /** Mean Euclidean distance of agreements (undiscounted, as the frontier) to the nearest frontier point; null without agreements. */
  meanDistanceToPareto: number | null;
  meanDistanceToNash: number | null;
};

export function runNegotiation(setup: {
  space: AdditiveSpace;
  agents: readonly AgentFactory[];
  deadline: Deadline;
  seed: number;
  protocol?: ProtocolName;
  recordTrace?: boolean;
}): NegotiationResult {
  return setup.protocol === 'mediated' ? runMediated(setup) : runSao(setup);
}

/** Runs `runs` negotiations with seeds derived from `seed` and averages what came out. */
export function simulateBatch(setup: BatchSetup): BatchSummary {
  const accumulator = createBatchAccumulator(setup);
  for (let run = 0; run < setup.runs; run++) {
    accumulator.add(runNegotiation({ ...setup, seed: runSeed(setup.seed, run) }));
    setup.onRun?.(run + 1);
  }
  return accumulator.summary();
}

/** The seed of run `index` of a batch: runs do not depend on each other, so a batch can be resumed or split. */
export function runSeed(seed: number, index: number): number {
  return deriveSeed(seed, index);
}

/** Collects results one by one (a job runs its batch in slices to report progress between them). */
export function createBatchAccumulator(setup: {
  space: AdditiveSpace;
  protocol?: ProtocolName;
  benchmarks?: Benchmarks;
}) {
  const partyCount = setup.space.parties.length;
  const utilityTotals = new Array<number>(partyCount).fill(0);
  const rawTotals = new Array<number>(partyCount).fill(0);
  let runs = 0;
  let agreements = 0;
  let stepTotal = 0;
  let paretoTotal = 0;
  let nashTotal = 0;
  return {
    add(result: NegotiationResult): void {
      runs++;
      for (let party = 0; party < partyCount; party++) {
        utilityTotals[party] = (utilityTotals[party] ?? 0) + (result.utilities[party] ?? 0);
        rawTotals[party] = (rawTotals[party] ?? 0) + (result.rawUtilities[party] ?? 0);
      }
      stepTotal += result.steps;
      if (result.agreement === null) return;
      agreements++;
      if (setup.benchmarks === undefined) return;
      paretoTotal += distanceToNearest(result.rawUtilities, setup.benchmarks.frontier);
      if (setup.benchmarks.nash !== null) nashTotal += euclidean(result.rawUtilities, setup.benchmarks.nash);
    },
    summary(): BatchSummary {
      const meanSteps = runs === 0 ? 0 : stepTotal / runs;
      const hasDistances = agreements > 0 && setup.benchmarks !== undefined;
      return {
        runs,
        agreementRate: runs === 0 ? 0 : agreements / runs,
        meanUtilities: utilityTotals.map((total) => (runs === 0 ? 0 : total / runs)),
        meanUndiscountedUtilities: rawTotals.map((total) => (runs === 0 ? 0 : total / runs)),
        meanRounds: setup.protocol === 'mediated' ? meanSteps : meanSteps / partyCount,
        meanSteps,
        meanDistanceToPareto: hasDistances ? paretoTotal / agreements : null,
        meanDistanceToNash: hasDistances && setup.benchmarks?.nash !== null ? nashTotal / agreements : null,
      };
    },
  };
}

export function euclidean(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += ((left[index] ?? 0) - (right[index] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** 0 when the point is on (or beyond) the frontier. */
export function distanceToNearest(
  point: readonly number[],
  frontier: readonly (readonly number[])[],
): number {
  let best = Infinity;
  for (const candidate of frontier) best = Math.min(best, euclidean(point, candidate));
  return best === Infinity ? 0 : best;
}

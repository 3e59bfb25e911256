import type { AdditiveSpace, Outcome } from '../../model/additive-space';
import type { AgentFactory } from '../agent';
import { instantiateKernel, type KernelMemory } from '../../kernel/instantiate';
import { saoKernelWasm } from './sao-kernel-wasm';

/**
 * The SAO loop of time-dependent agents in WebAssembly (sao-kernel.wat). A process's first
 * negotiation otherwise runs in V8's interpreter and baseline tier, about 20× slower than once
 * optimised; a module is compiled when it is instantiated, so its first call runs compiled code.
 * It gives exactly what runSao gives with those agents (sao-kernel.test.ts compares them).
 */

/** t^power for the built-in agents' powers, by code (the kernel has no pow). */
const POWER_CODES = new Map<number, number>([
  [5, 0],
  [1, 1],
  [0.5, 2],
  [2, 3],
]);
const powerCodes = new WeakMap<AgentFactory, number>();

/** Marks a factory as `timeBasedAgent(1 / power)`, which the kernel can run in its place. */
export function markTimeBased(factory: AgentFactory, power: number): void {
  const code = POWER_CODES.get(power);
  if (code !== undefined) powerCodes.set(factory, code);
}

type Memory = KernelMemory;
type Kernel = { readonly memory: Memory; readonly run: () => number };

// Compiled when the engine is loaded (about 0.3 ms, and the first module of a process sets up
// V8's WebAssembly engine as well), not in the first negotiation, whose cost this is all about.
// Where WebAssembly is not allowed (a page whose CSP lacks 'wasm-unsafe-eval'), the JavaScript
// loop runs instead.
function loadKernel(): Kernel | null {
  try {
    const exports = instantiateKernel(saoKernelWasm);
    const loaded = { memory: exports.memory as Memory, run: exports.run as () => number };
    // V8 compiles a module's functions on their first call: two steps of a 1-issue, 2-option
    // negotiation call every one of them (the second bids below the best, so it draws and
    // searches), so that happens here too rather than in the first negotiation. Nothing is left
    // behind but the code.
    write(loaded, {
      contributions: [[[1, 0]], [[0, 1]]],
      constants: [0, 0],
      reservations: [0, 0],
      counts: [2],
      codes: [0, 0],
      seeds: [1, 2],
      steps: 2,
    });
    loaded.run();
    return loaded;
  } catch {
    return null;
  }
}

const HEADER = 64;
const PARTY_BYTES = 128;
const MAX_PARTIES = 8;
const align = (bytes: number): number => (bytes + 7) & ~7;

const kernel: Kernel | null = loadKernel();

type Problem = {
  readonly contributions: readonly (readonly (readonly number[])[])[];
  readonly constants: readonly number[];
  readonly reservations: readonly number[];
  readonly counts: readonly number[];
  readonly codes: readonly number[];
  readonly seeds: readonly number[];
  readonly steps: number;
};

/**
 * Lays a negotiation out in the module's memory as sao-kernel.wat reads it; returns where the
 * agreed outcome will be. Plain loops: this runs unoptimised in a process's first negotiation.
 */
function write(loaded: Kernel, problem: Problem): number {
  const { counts, contributions } = problem;
  const partyCount = contributions.length;
  const issueCount = counts.length;
  let total = 0;
  for (let issue = 0; issue < issueCount; issue++) total += counts[issue] ?? 0;
  const countsAt = HEADER + MAX_PARTIES * PARTY_BYTES;
  const offsetsAt = countsAt + align(4 * issueCount);
  const resultAt = offsetsAt + align(4 * issueCount);
  const stride = align(24 + 4 * issueCount);
  const lossesFrom = 8 * total;
  const orderFrom = 16 * total;
  const bestFrom = orderFrom + align(4 * total);
  const slotsFrom = bestFrom + align(4 * issueCount);
  const partyBytes = slotsFrom + stride * issueCount;
  const first = resultAt + align(4 * issueCount);
  const needed = first + partyCount * partyBytes;
  const { memory } = loaded;
  if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
  const ints = new Int32Array(memory.buffer);
  const doubles = new Float64Array(memory.buffer);
  ints[0] = partyCount;
  ints[1] = issueCount;
  ints[2] = problem.steps;
  ints[3] = problem.steps;
  ints[4] = countsAt;
  ints[5] = offsetsAt;
  ints[6] = resultAt;
  let offset = 0;
  for (let issue = 0; issue < issueCount; issue++) {
    const count = counts[issue] ?? 0;
    ints[(countsAt >> 2) + issue] = count;
    ints[(offsetsAt >> 2) + issue] = offset;
    offset += count;
  }
  for (let party = 0; party < partyCount; party++) {
    const block = first + party * partyBytes;
    const at = (HEADER + party * PARTY_BYTES) >> 2;
    ints[at] = block;
    ints[at + 1] = block + lossesFrom;
    ints[at + 2] = block + orderFrom;
    ints[at + 3] = block + bestFrom;
    ints[at + 4] = block + slotsFrom;
    ints[at + 5] = stride;
    ints[at + 6] = problem.codes[party] ?? 0;
    ints[at + 7] = problem.seeds[party] ?? 0;
    doubles[(at >> 1) + 4] = problem.constants[party] ?? 0;
    doubles[(at >> 1) + 5] = problem.reservations[party] ?? 0;
    const rows = contributions[party] ?? [];
    let value = block >> 3;
    for (let issue = 0; issue < issueCount; issue++) {
      const row = rows[issue] ?? [];
      for (let option = 0; option < row.length; option++) doubles[value++] = row[option] ?? 0;
    }
  }
  return resultAt;
}

/**
 * The ending of an SAO negotiation without a clock between marked time-based agents: the step of
 * the agreement and its outcome, or step −1; undefined when the kernel cannot run it.
 */
export function runSaoKernel(setup: {
  space: AdditiveSpace;
  agents: readonly AgentFactory[];
  steps: number;
  seeds: readonly number[];
}): { step: number; outcome: Outcome | null } | undefined {
  const { space, agents, steps } = setup;
  const { issues, parties } = space;
  const partyCount = parties.length;
  const issueCount = issues.length;
  if (kernel === null || agents.length !== partyCount || partyCount > MAX_PARTIES || issueCount === 0)
    return undefined;
  if (!Number.isInteger(steps) || steps <= 0 || steps >= 2 ** 31) return undefined;
  const codes: number[] = [];
  const counts: number[] = [];
  const contributions: (readonly (readonly number[])[])[] = [];
  const constants: number[] = [];
  const reservations: number[] = [];
  for (let issue = 0; issue < issueCount; issue++) counts.push(issues[issue]?.options.length ?? 0);
  for (let party = 0; party < partyCount; party++) {
    const code = powerCodes.get(agents[party] as AgentFactory);
    const rows = parties[party]?.contributions ?? [];
    if (code === undefined || rows.length !== issueCount) return undefined;
    for (let issue = 0; issue < issueCount; issue++)
      if (rows[issue]?.length !== counts[issue]) return undefined;
    codes.push(code);
    contributions.push(rows);
    constants.push(parties[party]?.constant ?? 0);
    reservations.push(parties[party]?.reservation ?? 0);
  }
  const resultAt = write(kernel, {
    contributions,
    constants,
    reservations,
    counts,
    codes,
    seeds: setup.seeds,
    steps,
  });
  const step = kernel.run();
  if (step < 0) return { step, outcome: null };
  const ints = new Int32Array(kernel.memory.buffer, resultAt, issueCount);
  const outcome: number[] = [];
  for (let issue = 0; issue < issueCount; issue++) outcome.push(ints[issue] ?? 0);
  return { step, outcome };
}

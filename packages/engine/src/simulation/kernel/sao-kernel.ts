import type { Outcome, SpaceParty } from '../../model/additive-space';
import type { AgentFactory } from '../agent';
import type { NegotiationSetup } from '../protocol';
import { instantiateKernel, type KernelMemory } from '../../kernel/instantiate';
import { deriveSeed } from '../rng';
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
/**
 * The views over the module's memory are kept: each `memory.buffer` read and typed-array
 * construction is a call into the runtime, which a process's first negotiation pays in full.
 * Only `write` grows the memory (the module never does), and it makes them again when it does.
 */
type Kernel = {
  readonly memory: Memory;
  readonly run: () => number;
  ints: Int32Array;
  doubles: Float64Array;
};

// Compiled when the engine is loaded (about 0.3 ms, and the first module of a process sets up
// V8's WebAssembly engine as well), not in the first negotiation, whose cost this is all about.
// Where WebAssembly is not allowed (a page whose CSP lacks 'wasm-unsafe-eval'), the JavaScript
// loop runs instead.
function loadKernel(): Kernel | null {
  try {
    const exports = instantiateKernel(saoKernelWasm);
    const memory = exports.memory as Memory;
    const loaded: Kernel = {
      memory,
      run: exports.run as () => number,
      ints: new Int32Array(memory.buffer),
      doubles: new Float64Array(memory.buffer),
    };
    // V8 compiles a module's functions on their first call: two steps of a 1-issue, 2-option
    // negotiation call every one of them (the second bids below the best, so it draws and
    // searches), so that happens here too rather than in the first negotiation. Nothing is left
    // behind but the code: the dummy's objects have shapes of their own, not a compiled space's.
    partySeeds.set([1, 2]);
    write(
      loaded,
      {
        issues: [{ options: [0, 1] }],
        parties: [
          { contributions: [[1, 0]], constant: 0, reservation: 0 },
          { contributions: [[0, 1]], constant: 0, reservation: 0 },
        ],
      },
      2,
    );
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
const COUNTS_AT = HEADER + MAX_PARTIES * PARTY_BYTES;
/** Where the kernel leaves the agreed outcome: after each issue's option count and offset. */
const resultOffset = (issueCount: number): number => COUNTS_AT + 2 * align(4 * issueCount);

// Each party's agent code and seed, as `write` lays them out: filled in place for each
// negotiation rather than allocated.
const partyCodes = new Int32Array(MAX_PARTIES);
const partySeeds = new Int32Array(MAX_PARTIES);
const kernel: Kernel | null = loadKernel();

/** What `write` reads of a space (a compiled AdditiveSpace is one). */
type KernelInput = {
  readonly issues: readonly { readonly options: readonly unknown[] }[];
  readonly parties: readonly Pick<SpaceParty, 'contributions' | 'constant' | 'reservation'>[];
};

/**
 * Lays a negotiation out in the module's memory as sao-kernel.wat reads it. Plain loops over the
 * space itself, nothing built on the way: this runs unoptimised in a process's first negotiation,
 * where every allocation and call costs.
 */
function write(loaded: Kernel, space: KernelInput, steps: number): void {
  const { issues, parties } = space;
  const partyCount = parties.length;
  const issueCount = issues.length;
  let total = 0;
  for (let issue = 0; issue < issueCount; issue++) total += issues[issue]?.options.length ?? 0;
  const countsAt = COUNTS_AT;
  const offsetsAt = countsAt + align(4 * issueCount);
  const resultAt = resultOffset(issueCount);
  const stride = align(24 + 4 * issueCount);
  const lossesFrom = 8 * total;
  const orderFrom = 16 * total;
  const bestFrom = orderFrom + align(4 * total);
  const slotsFrom = bestFrom + align(4 * issueCount);
  const partyBytes = slotsFrom + stride * issueCount;
  const first = resultAt + align(4 * issueCount);
  const needed = first + partyCount * partyBytes;
  if (needed > loaded.ints.byteLength) {
    const { memory } = loaded;
    memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
    loaded.ints = new Int32Array(memory.buffer);
    loaded.doubles = new Float64Array(memory.buffer);
  }
  const { ints, doubles } = loaded;
  ints[0] = partyCount;
  ints[1] = issueCount;
  ints[2] = steps;
  ints[3] = steps;
  ints[4] = countsAt;
  ints[5] = offsetsAt;
  ints[6] = resultAt;
  let offset = 0;
  for (let issue = 0; issue < issueCount; issue++) {
    const count = issues[issue]?.options.length ?? 0;
    ints[(countsAt >> 2) + issue] = count;
    ints[(offsetsAt >> 2) + issue] = offset;
    offset += count;
  }
  for (let party = 0; party < partyCount; party++) {
    const block = first + party * partyBytes;
    const at = (HEADER + party * PARTY_BYTES) >> 2;
    const spaceParty = parties[party];
    ints[at] = block;
    ints[at + 1] = block + lossesFrom;
    ints[at + 2] = block + orderFrom;
    ints[at + 3] = block + bestFrom;
    ints[at + 4] = block + slotsFrom;
    ints[at + 5] = stride;
    ints[at + 6] = partyCodes[party] ?? 0;
    ints[at + 7] = partySeeds[party] ?? 0;
    doubles[(at >> 1) + 4] = spaceParty?.constant ?? 0;
    doubles[(at >> 1) + 5] = spaceParty?.reservation ?? 0;
    const rows = spaceParty?.contributions ?? [];
    let value = block >> 3;
    for (let issue = 0; issue < issueCount; issue++) {
      const row = rows[issue] ?? [];
      for (let option = 0; option < row.length; option++) doubles[value++] = row[option] ?? 0;
    }
  }
}

/** What `runSaoKernel` returns when the talks reached the deadline without an agreement. */
export const NO_AGREEMENT = -1;
/** What `runSaoKernel` returns when the kernel cannot run the line-up (the JavaScript loop does). */
export const KERNEL_CANNOT_RUN = -2;

/**
 * Runs an SAO negotiation between marked time-based agents in the kernel, when it has no clock and
 * records no trace: the step of the agreement (`kernelAgreement` reads its outcome), NO_AGREEMENT
 * or KERNEL_CANNOT_RUN. It takes the setup as given and answers with a
 * number: no object of a new shape is made in a process's first negotiation.
 */
export function runSaoKernel(setup: NegotiationSetup): number {
  const { space, agents } = setup;
  const { steps } = setup.deadline;
  if (setup.recordTrace === true || setup.deadline.time !== undefined) return KERNEL_CANNOT_RUN;
  const { issues, parties } = space;
  const partyCount = parties.length;
  const issueCount = issues.length;
  if (kernel === null || agents.length !== partyCount || partyCount > MAX_PARTIES || issueCount === 0)
    return KERNEL_CANNOT_RUN;
  if (!Number.isInteger(steps) || steps <= 0 || steps >= 2 ** 31) return KERNEL_CANNOT_RUN;
  for (let party = 0; party < partyCount; party++) {
    const code = powerCodes.get(agents[party] as AgentFactory);
    const rows = parties[party]?.contributions ?? [];
    if (code === undefined || rows.length !== issueCount) return KERNEL_CANNOT_RUN;
    for (let issue = 0; issue < issueCount; issue++)
      if (rows[issue]?.length !== issues[issue]?.options.length) return KERNEL_CANNOT_RUN;
    partyCodes[party] = code;
    partySeeds[party] = deriveSeed(setup.seed, party);
  }
  write(kernel, space, steps);
  const step = kernel.run();
  return step < 0 ? NO_AGREEMENT : step;
}

/** The outcome agreed in the negotiation the kernel ran last (after a step ≥ 0 from `runSaoKernel`). */
export function kernelAgreement(issueCount: number): Outcome {
  const outcome: number[] = [];
  if (kernel === null) return outcome;
  const { ints } = kernel;
  const at = resultOffset(issueCount) >> 2;
  for (let issue = 0; issue < issueCount; issue++) outcome.push(ints[at + issue] ?? 0);
  return outcome;
}

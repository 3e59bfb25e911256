/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileScenario, type Semantics } from '../../io/compile';
import { loadGeniusScenario } from '../../io/genius';
import type { AdditiveSpace } from '../../model/additive-space';
import type { AgentFactory } from '../agent';
import { findAgent } from '../agents';
import { runSao } from '../sao';
import { generateSpace } from '../test-spaces';
import { timeBasedAgent } from '../time-based-agent';
import { KERNEL_CANNOT_RUN, runSaoKernel } from './sao-kernel';

// The kernel must give what the JavaScript loop gives, to the bit: a recorded trace keeps runSao
// on the JavaScript loop, so each case runs both and compares everything but the trace.

const TIME_BASED = ['boulware', 'linear', 'conceder'].map(
  (name) => findAgent(name) ?? expect.unreachable(name),
);

function bothWays(space: AdditiveSpace, agents: readonly AgentFactory[], steps: number, seed: number) {
  const setup = { space, agents, deadline: { steps }, seed };
  const { trace: _kernelTrace, ...kernel } = runSao(setup);
  const { trace: _javascriptTrace, ...javascript } = runSao({ ...setup, recordTrace: true });
  return { kernel, javascript };
}

describe('the WebAssembly SAO kernel', () => {
  test.prop(
    [
      fc.record({
        issues: fc.integer({ min: 1, max: 7 }),
        options: fc.integer({ min: 1, max: 9 }),
        parties: fc.integer({ min: 2, max: 4 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 }),
        reservation: fc.constantFrom(0, 0.3, 0.6),
      }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
      fc.integer({ min: 1, max: 400 }),
    ],
    { numRuns: 150 },
  )('ends random talks of time-based agents exactly as the JavaScript loop does', (shape, picks, steps) => {
    const space = generateSpace(shape);
    const agents = space.parties.map((_, party) => TIME_BASED[picks[party] ?? 0] ?? expect.unreachable());
    const { kernel, javascript } = bothWays(space, agents, steps, shape.seed);
    expect(kernel).toEqual(javascript);
  });

  it('runs when every agent is time-based, and leaves other line-ups and exponents to JavaScript', () => {
    const space = generateSpace({ issues: 3, options: 4, parties: 2, seed: 3 });
    const run = (agents: AgentFactory[]) => runSaoKernel({ space, agents, deadline: { steps: 50 }, seed: 1 });
    expect(run(TIME_BASED.slice(0, 2))).not.toBe(KERNEL_CANNOT_RUN);
    expect(
      run([TIME_BASED[0] ?? expect.unreachable(), findAgent('tit-for-tat') ?? expect.unreachable()]),
    ).toBe(KERNEL_CANNOT_RUN);
    expect(run([timeBasedAgent(0.3), timeBasedAgent(0.3)])).toBe(KERNEL_CANNOT_RUN);
    // a trace or a clock needs the JavaScript loop, whoever calls the kernel
    const agents = TIME_BASED.slice(0, 2);
    expect(runSaoKernel({ space, agents, deadline: { steps: 50 }, seed: 1, recordTrace: true })).toBe(
      KERNEL_CANNOT_RUN,
    );
    expect(runSaoKernel({ space, agents, deadline: { steps: 50, time: 10 }, seed: 1 })).toBe(
      KERNEL_CANNOT_RUN,
    );
  });

  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..', 'scenarios');
  const folders = readdirSync(root)
    .filter((name) => !name.includes('.'))
    .sort();
  it.each<Semantics>(['genius', 'negmas'])(
    'agrees with the JavaScript loop on every shared scenario under %s semantics',
    (semantics) => {
      let compared = 0;
      for (const folder of folders) {
        const directory = join(root, folder);
        const files = readdirSync(directory)
          .filter((name) => name.endsWith('.xml'))
          .sort()
          .map((name) => ({ name, contents: readFileSync(join(directory, name), 'utf8') }));
        const loaded = loadGeniusScenario(folder, files);
        if (!loaded.ok) continue;
        const space = compileScenario(loaded.value, semantics);
        const agents = space.parties.map((_, party) => TIME_BASED[party % 3] ?? expect.unreachable());
        const { kernel, javascript } = bothWays(space, agents, 1000, compared + 1);
        expect(kernel, folder).toEqual(javascript);
        compared++;
      }
      expect(compared).toBeGreaterThan(80);
    },
  );
});

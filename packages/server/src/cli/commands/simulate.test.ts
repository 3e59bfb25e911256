import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_LIVE_SIMULATION_RUNS, MAX_SIMULATION_RUNS, MAX_SIMULATION_STEPS } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main';
import { MAX_TOURNAMENT_LINE_UPS } from './simulate-flags';
import { loadScenario } from './simulate-scenario';

const SCENARIOS = resolve(import.meta.dirname, '../../../../../scenarios');
const LAPTOP = join(SCENARIOS, 'anac2011-Laptop');
const DINNER = join(SCENARIOS, 'anac2015-group2-dinner');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => {
      out += `${text}\n`;
    },
    err: (text) => {
      err += `${text}\n`;
    },
    isTty: false,
  });
  return { code, out, err };
}

type Reference = {
  issues: number;
  outcomes: number;
  reservation: number[];
  genius: { nash: { outcome: Record<string, string>; utilities: number[] } | null };
};

describe('parley simulate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-simulate-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('prints the DESIGN §6 JSON summary, with agreements on the frontier for two time-based agents', async () => {
    const { code, out } = await run([
      'simulate',
      LAPTOP,
      '--agents',
      'boulware,conceder',
      '--runs',
      '20',
      '--json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({
      runs: 20,
      agreementRate: expect.any(Number),
      meanRounds: expect.any(Number),
      elapsedMs: expect.any(Number),
    });
    expect(summary.meanUtilities).toHaveLength(2);
    expect(summary.agreementRate).toBeGreaterThan(0);
    expect(summary.meanDistanceToPareto).toBeGreaterThanOrEqual(0);
    expect(summary.meanDistanceToNash).toBeGreaterThanOrEqual(0);
  });

  it('reports what discounted profiles obtained beside their undiscounted utilities', async () => {
    // anac2012-FiftyFiftyA: both profiles discount by 0.5 and reserve 0.5, which two Boulware
    // agents never go below before the deadline: each gets 0.5 · 0.5^1 (genius), 0.5 undiscounted.
    const folder = join(SCENARIOS, 'anac2012-FiftyFiftyA');
    const { code, out } = await run(['simulate', folder, '--agents', 'boulware,boulware', '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect([summary.agreementRate, summary.meanUtilities, summary.meanUndiscountedUtilities]).toEqual([
      0,
      [0.25, 0.25],
      [0.5, 0.5],
    ]);
  });

  it('gives byte-identical output for the same seed and different output for another one (elapsed time aside)', async () => {
    const args = ['simulate', DINNER, '--agents', 'random,linear,frequency', '--runs', '5', '--json'];
    const strip = (text: string) => text.replace(/"elapsedMs":[\d.]+/, '');
    const first = await run([...args, '--seed', '7']);
    const again = await run([...args, '--seed', '7']);
    const other = await run([...args, '--seed', '8']);
    expect(strip(first.out)).toBe(strip(again.out));
    expect(strip(first.out)).not.toBe(strip(other.out));
  });

  it('runs on every shared scenario (each reads with its reference issue/outcome counts)', async () => {
    const folders = readdirSync(SCENARIOS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(80);
    for (const folder of folders) {
      const reference = (await import(join(SCENARIOS, folder, 'REFERENCE.json'), { with: { type: 'json' } }))
        .default as Reference;
      const space = await loadScenario(join(SCENARIOS, folder));
      expect([
        folder,
        space.issues.length,
        space.issues.reduce((count, issue) => count * issue.options.length, 1),
      ]).toEqual([folder, reference.issues, reference.outcomes]);
      expect(space.parties.map((party) => party.reservation)).toEqual(reference.reservation);
      const agents = space.parties.map(() => 'linear').join(',');
      const { code, out } = await run([
        'simulate',
        join(SCENARIOS, folder),
        '--agents',
        agents,
        '--steps',
        '200',
        '--json',
      ]);
      expect([folder, code]).toEqual([folder, 0]);
      expect(JSON.parse(out).meanUtilities).toHaveLength(space.parties.length);
    }
  }, 120_000);

  it('ranks agents in a tournament over several scenarios', async () => {
    const { code, out } = await run([
      'simulate',
      LAPTOP,
      DINNER,
      '--tournament',
      '--agents',
      'boulware,hardliner,conceder',
      '--runs',
      '2',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.scenarios).toBe(2);
    // 3·2 ordered pairs on Laptop + 3! line-ups on Dinner.
    expect(result.matches).toBe(12);
    expect(result.standings.map((standing: { agent: string }) => standing.agent).sort()).toEqual([
      'boulware',
      'conceder',
      'hardliner',
    ]);
    const means = result.standings.map((standing: { meanUtility: number }) => standing.meanUtility);
    expect(means).toEqual([...means].sort((a, b) => b - a));
  });

  it('reports an outcome distribution in Monte-Carlo mode', async () => {
    const { code, out } = await run([
      'simulate',
      LAPTOP,
      '--agents',
      'linear,linear',
      '--monte-carlo',
      '60',
      '--noise',
      '0.3',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ mode: 'monte-carlo', samples: 60, noise: 0.3 });
    for (const quantile of result.utilityQuantiles) expect(quantile.p10).toBeLessThanOrEqual(quantile.p90);
    const shares = result.topAgreements.map((entry: { share: number }) => entry.share);
    expect(shares.reduce((sum: number, share: number) => sum + share, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(Object.keys(result.topAgreements[0].outcome)).toEqual(['Laptop', 'Harddisk', 'External Monitor']);
  });

  it('accepts a JSON additive space', async () => {
    const file = join(dir, 'space.json');
    const space = {
      issues: [{ name: 'price', options: ['low', 'mid', 'high'] }],
      parties: [
        { name: 'buyer', reservation: 0.1, constant: 0, contributions: [[1, 0.5, 0]] },
        { name: 'seller', reservation: 0.1, constant: 0, contributions: [[0, 0.5, 1]] },
      ],
    };
    await writeFile(file, JSON.stringify(space));
    const { code, out } = await run(['simulate', file, '--agents', 'conceder,conceder', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).agreementRate).toBe(1);
  });

  it.each([
    [
      ['--agents', 'boulware,nobody'],
      /unknown agent "nobody" \(known agents: boulware, linear, conceder, tit-for-tat, hardliner, random/,
    ],
    [['--agents', 'linear,linear', '--steps', '0'], /--steps must be a positive integer/],
    [['--agents', 'linear,linear', '--steps=-3'], /--steps must be a positive integer/],
    [['--agents', 'linear,linear,linear'], /3 agents but the scenario has only 2 profiles/],
    [['--agents', 'linear,linear', '--protocol', 'auction'], /--protocol must be sao or mediated/],
    [[], /--agents is required/],
    [['--agents', 'linear,linear', '--semantics', 'exotic'], /--semantics must be genius or negmas/],
    // The live simulation's σ range, and the API's 32-bit seeds (a larger one replays a smaller).
    [
      ['--agents', 'linear,linear', '--monte-carlo', '5', '--noise', '1.5'],
      /--noise must be a number from 0 to 1,/,
    ],
    [
      ['--agents', 'linear,linear', '--seed', '4294967297'],
      /--seed must be an integer from 0 to 4,294,967,295,/,
    ],
    [['--agents', 'linear,linear', '--seed=-1'], /--seed must be an integer from 0 to 4,294,967,295,/],
    [['--tournament', '--agents', 'linear,linear'], /--agents names linear twice/],
    // Flags the chosen mode would silently ignore.
    [['--agents', 'linear,linear', '--noise', '0.2'], /--noise applies to --monte-carlo only/],
    [
      ['--agents', 'linear,linear', '--monte-carlo', '5', '--runs', '3'],
      /--runs does not apply to --monte-carlo/,
    ],
    [
      ['--tournament', '--agents', 'linear,boulware', '--monte-carlo', '5'],
      /--tournament and --monte-carlo are separate modes/,
    ],
  ])('rejects bad input %j with a one-line message and exit code 2', async (flags, message) => {
    const { code, out, err } = await run(['simulate', LAPTOP, ...flags]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  // The API's own caps (CreateSimulationInputSchema): a command line is not a way around them.
  it.each([
    ['--runs', MAX_SIMULATION_RUNS, []],
    ['--steps', MAX_SIMULATION_STEPS, []],
    ['--runs', MAX_SIMULATION_RUNS, ['--tournament']],
    // --monte-carlo is the live simulation's `runs`: Monte-Carlo samples of perturbed profiles.
    ['--monte-carlo', MAX_LIVE_SIMULATION_RUNS, []],
  ] as const)('refuses %s above %d (%j) before running anything', async (flag, max, extra) => {
    const { code, out, err } = await run([
      'simulate',
      LAPTOP,
      '--agents',
      'linear,linear',
      ...extra,
      flag,
      String(max + 1),
    ]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim()).toBe(
      `parley simulate: ${flag} may be at most ${max.toLocaleString('en')}, got "${max + 1}"`,
    );
  });

  it('refuses a tournament too large to list, instead of running out of memory', async () => {
    const file = join(dir, 'twelve-parties.json');
    const parties = Array.from({ length: 12 }, (_, index) => ({
      name: `party ${index + 1}`,
      reservation: 0,
      constant: 0,
      contributions: [index % 2 === 0 ? [1, 0] : [0, 1]],
    }));
    await writeFile(file, JSON.stringify({ issues: [{ name: 'price', options: ['low', 'high'] }], parties }));
    const pool = 'boulware,linear,conceder,tit-for-tat,hardliner,random,frequency';
    const { code, out, err } = await run(['simulate', file, '--tournament', '--agents', pool]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim()).toBe(
      `parley simulate: a tournament may have at most ${MAX_TOURNAMENT_LINE_UPS.toLocaleString('en')} line-ups over all scenarios; these 7 agents on 1 scenario(s) make ${(7 ** 12).toLocaleString('en')} (use fewer agents or scenarios)`,
    );
  });

  it('rejects a missing scenario', async () => {
    const { code, err } = await run(['simulate', join(dir, 'nope'), '--agents', 'linear,linear']);
    expect(code).toBe(1);
    expect(err).toMatch(/no scenario at/);
  });
});

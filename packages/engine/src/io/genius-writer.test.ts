/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileScenario } from './compile';
import { loadGeniusScenario } from './genius';
import { writeGeniusScenario } from './genius-writer';
import type { Scenario, SourceFile } from './scenario';

const scenariosRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scenarios');
const folders = existsSync(scenariosRoot)
  ? readdirSync(scenariosRoot)
      .filter((name) => existsSync(join(scenariosRoot, name, 'REFERENCE.json')))
      .sort()
  : [];

function readFolder(folder: string): Scenario {
  const directory = join(scenariosRoot, folder);
  const files = readdirSync(directory)
    .filter((name) => name.toLowerCase().endsWith('.xml'))
    .map((name) => ({ name, contents: readFileSync(join(directory, name), 'utf8') }));
  const loaded = loadGeniusScenario(folder, files);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

function written(scenario: Scenario): SourceFile[] {
  const result = writeGeniusScenario(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function reread(scenario: Scenario): Scenario {
  const loaded = loadGeniusScenario(scenario.name, written(scenario));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

// Parties renamed in order (file names of the shared scenarios carry characters the writer refuses).
const renamed = (scenario: Scenario): Scenario => ({
  ...scenario,
  parties: scenario.parties.map((party, index) => ({ ...party, name: `party-${index + 1}` })),
});

const LIVE: Scenario = {
  name: 'live & <co>',
  issues: [
    { name: 'P1 Ceiling "troops"', kind: 'discrete', options: ['600,000', '800,000', 'no ceiling'] },
    { name: 'P2 Assets & funds', kind: 'discrete', options: ['0 bn', '50 bn', '100 bn'] },
  ],
  parties: [
    {
      name: 'profile-1 Ukraine',
      reservation: 0.2,
      weights: [0.75, 0.25],
      valuations: [
        { kind: 'discrete', evaluations: [0, 0.4, 1] },
        { kind: 'discrete', evaluations: [0.1, 1 / 3, 0.7] },
      ],
    },
    {
      name: 'profile-2 Russia',
      reservation: 0.15,
      weights: [0.5, 0.5],
      valuations: [
        { kind: 'discrete', evaluations: [1, 0.7, 0] },
        { kind: 'discrete', evaluations: [0.9, 0.5, 0.1] },
      ],
    },
  ],
};

describe('writeGeniusScenario', () => {
  test('a written scenario reads back as the same scenario, numbers to the last bit', () => {
    expect(reread(LIVE)).toEqual(LIVE);
  });

  test.each(folders)('%s: write → read gives the same space under both semantics', (folder) => {
    const original = renamed(readFolder(folder));
    const back = reread(original);
    for (const semantics of ['genius', 'negmas'] as const)
      expect(compileScenario(back, semantics)).toEqual(compileScenario(original, semantics));
  });

  test('a party that leaves an issue out reads back as leaving it out, under both semantics', () => {
    const second = LIVE.parties[1]!;
    const partial: Scenario = {
      ...LIVE,
      parties: [
        LIVE.parties[0]!,
        { ...second, weights: [0.5, undefined], valuations: [second.valuations[0], undefined] },
      ],
    };
    const back = reread(partial);
    for (const semantics of ['genius', 'negmas'] as const)
      expect(compileScenario(back, semantics)).toEqual(compileScenario(partial, semantics));
    // It takes no share of the weight: the issue it values is all its utility.
    expect(compileScenario(partial).parties[1]?.contributions).toEqual([
      [1, 0.7, 0],
      [0, 0, 0],
    ]);
  });

  test('writes integer issues as integer issues with a linear evaluator', () => {
    const original = renamed(readFolder('other-IntegerDomain'));
    expect(original.issues.some((issue) => issue.kind === 'integer')).toBe(true);
    expect(reread(original).issues).toEqual(original.issues);
  });

  test('refuses party names that are not plain file names or that would reorder the parties', () => {
    const [first, second] = LIVE.parties;
    if (first === undefined || second === undefined) throw new Error('fixture');
    const bad = (parties: Scenario['parties']) => writeGeniusScenario({ ...LIVE, parties });
    expect(bad([{ ...first, name: '../escape' }, second])).toMatchObject({ ok: false });
    expect(bad([second, first])).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ message: expect.stringContaining('sort in party order') })],
    });
    expect(bad([{ ...first, name: 'domain' }, second])).toMatchObject({ ok: false });
    expect(bad([{ ...first, reservation: Number.NaN }, second])).toMatchObject({ ok: false });
  });

  test('refuses two issues with one name', () => {
    const [issue] = LIVE.issues;
    if (issue === undefined) throw new Error('fixture');
    expect(writeGeniusScenario({ ...LIVE, issues: [issue, issue] })).toMatchObject({ ok: false });
  });
});

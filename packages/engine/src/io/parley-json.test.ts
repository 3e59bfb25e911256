/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileScenario } from './compile';
import { loadGeniusScenario } from './genius';
import { loadParleyScenario, writeParleyScenario } from './parley-json';

const scenariosRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../scenarios');
const folders = existsSync(scenariosRoot)
  ? readdirSync(scenariosRoot).filter((name) => existsSync(join(scenariosRoot, name, 'REFERENCE.json')))
  : [];

describe('GENIUS → Parley JSON → engine gives the same space', () => {
  test.each(folders)('%s', (folder) => {
    const directory = join(scenariosRoot, folder);
    const files = readdirSync(directory)
      .filter((name) => name.endsWith('.xml'))
      .map((name) => ({ name, contents: readFileSync(join(directory, name), 'utf8') }));
    const genius = loadGeniusScenario(folder, files);
    if (!genius.ok) throw new Error(JSON.stringify(genius.problems));
    const json = loadParleyScenario(`${folder}.json`, writeParleyScenario(genius.value));
    if (!json.ok) throw new Error(JSON.stringify(json.problems));
    for (const semantics of ['genius', 'negmas'] as const) {
      expect(compileScenario(json.value, semantics)).toEqual(compileScenario(genius.value, semantics));
    }
  });
});

const valid = {
  format: 'parley-scenario/1',
  name: 'toy',
  issues: [
    { name: 'colour', values: ['red', 'blue'] },
    { name: 'n', integer: { lower: 1, upper: 3 } },
  ],
  parties: [
    {
      name: 'a',
      reservation: 0.2,
      issues: {
        colour: { weight: 2, evaluations: { red: 1, blue: 0 } },
        n: { weight: 1, linear: { slope: 0.5, offset: 0 } },
      },
    },
    { name: 'b', issues: { colour: { evaluations: { red: 0, blue: 1 } } } },
  ],
};

test('a valid document loads and writes back to the same document', () => {
  const loaded = loadParleyScenario('toy.json', JSON.stringify(valid));
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  expect(JSON.parse(writeParleyScenario(loaded.value))).toEqual(valid);
  expect(compileScenario(loaded.value).parties[0]?.contributions).toEqual([
    [2 / 3, 0],
    [0, 1 / 6, 1 / 3],
  ]);
  // Party b leaves n out: n takes no share of its weight, so colour is all of its utility.
  expect(compileScenario(loaded.value).parties[1]?.contributions).toEqual([
    [0, 1],
    [0, 0, 0],
  ]);
});

test.each([
  ['malformed JSON', '{', /malformed JSON/],
  ['a missing format tag', JSON.stringify({ ...valid, format: undefined }), /not a Parley scenario/],
  [
    'an issue the scenario lacks',
    JSON.stringify({
      ...valid,
      parties: [valid.parties[0], { name: 'b', issues: { ghost: { weight: 1 } } }],
    }),
    /names an issue the scenario lacks/,
  ],
  [
    'an empty issue',
    JSON.stringify({ ...valid, issues: [{ name: 'colour', values: [] }, valid.issues[1]] }),
    /no values/,
  ],
  [
    'a non-numeric weight',
    JSON.stringify({
      ...valid,
      parties: [valid.parties[0], { name: 'b', issues: { colour: { weight: 'heavy' } } }],
    }),
    /weight is not a number/,
  ],
  [
    'a negative weight',
    JSON.stringify({
      ...valid,
      parties: [valid.parties[0], { name: 'b', issues: { colour: { weight: -1, evaluations: { red: 1 } } } }],
    }),
    /party "b": the weight -1 is negative/,
  ],
  ['one party', JSON.stringify({ ...valid, parties: [valid.parties[0]] }), /2 to 8 parties/],
])('rejects %s', (_, text, message) => {
  const loaded = loadParleyScenario('bad.json', text);
  expect(loaded.ok).toBe(false);
  if (!loaded.ok) expect(loaded.problems.map((problem) => problem.message).join('\n')).toMatch(message);
});

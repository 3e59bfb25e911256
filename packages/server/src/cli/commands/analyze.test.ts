import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { CliIo } from '../command';
import { main } from '../main';

const scenarios = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../scenarios');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (text) => err.push(text), isTty: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const DOMAIN =
  '<negotiation_template><utility_space><objective index="0" name="root"><issue index="1" name="colour" type="discrete"><item value="red"/><item value="blue"/></issue></objective></utility_space></negotiation_template>';
const profile = (red: number, blue: number, reservation = 0) =>
  `<utility_space><reservation value="${reservation}"/><objective index="0" name="root"><issue index="1" name="colour" type="discrete"><item value="red" evaluation="${red}"/><item value="blue" evaluation="${blue}"/></issue><weight index="1" value="1"/></objective></utility_space>`;

function folder(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'parley-analyze-'));
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(directory, name), contents);
  return directory;
}

describe('parley analyze', () => {
  test('--json prints exactly the contract object, names as in the files', async () => {
    const result = await run(['analyze', join(scenarios, 'anac2011-Laptop'), '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['issues', 'outcomes', 'pareto', 'solutions', 'elapsedMs']);
    expect(parsed).toMatchObject({ issues: 3, outcomes: 27, pareto: { size: 4 } });
    expect(parsed.solutions).toMatchObject({
      nash: {
        outcome: { Laptop: 'HP', Harddisk: '60 Gb', 'External Monitor': "19'' LCD" },
        utilities: [1, 0.8150631714971639],
      },
      egalitarian: { outcome: { Laptop: 'HP', Harddisk: '80 Gb', 'External Monitor': "19'' LCD" } },
    });
  });

  test('--semantics negmas reproduces NegMAS figures; the human table names every solution', async () => {
    const negmas = JSON.parse(
      (await run(['analyze', join(scenarios, 'anac2011-Laptop'), '--json', '--semantics', 'negmas'])).out,
    ) as { solutions: { utilitarian: { utilities: number[] } } };
    expect(negmas.solutions.utilitarian.utilities).toEqual([30.001554125152623, 12.43242227162051]);
    const human = await run(['analyze', join(scenarios, 'anac2011-Laptop')]);
    expect(human.out).toMatch(/Pareto frontier: 4 points/);
    expect(human.out).toMatch(/Kalai–Smorodinsky\s+\[0\.8740, 0\.8740\]/);
  });

  test('a solution that does not exist is null (no outcome satisfies both reservations)', async () => {
    const directory = folder({ 'd.xml': DOMAIN, 'a.xml': profile(1, 0, 0.9), 'b.xml': profile(0, 1, 0.9) });
    const parsed = JSON.parse((await run(['analyze', directory, '--json'])).out) as {
      pareto: { size: number };
      solutions: Record<string, unknown>;
    };
    expect(parsed.pareto.size).toBe(2);
    expect(parsed.solutions).toEqual({
      nash: null,
      kalaiSmorodinsky: null,
      utilitarian: null,
      egalitarian: null,
    });
  });

  test.each([
    [
      'malformed XML',
      { 'd.xml': DOMAIN, 'a.xml': profile(1, 0), 'b.xml': '<utility_space><objective>' },
      /b\.xml: malformed XML: .*never closed/,
    ],
    [
      'an issue the domain lacks',
      { 'd.xml': DOMAIN, 'a.xml': profile(1, 0), 'b.xml': profile(0, 1).replaceAll('colour', 'size') },
      /b\.xml: issue "size": the domain has no such issue/,
    ],
    [
      'a NaN weight',
      {
        'd.xml': DOMAIN,
        'a.xml': profile(1, 0).replace('value="1"/>', 'value="heavy"/>'),
        'b.xml': profile(0, 1),
      },
      /a\.xml: issue "colour": the weight "heavy" is not a number/,
    ],
    ['no domain file', { 'a.xml': profile(1, 0), 'b.xml': profile(0, 1) }, /exactly one domain file/],
  ])('%s: one clear line, non-zero exit, no stack trace', async (_, files, message) => {
    const result = await run(['analyze', folder(files), '--json']);
    expect(result.code).not.toBe(0);
    expect(result.out).toBe('');
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  test('a device or an oversized file is one line, not a stack trace (it was read whole)', async () => {
    const device = await run(['analyze', '/dev/zero']);
    expect(device.code).toBe(1);
    expect(device.err).toBe('parley analyze: /dev/zero is not a regular file');
    const big = join(mkdtempSync(join(tmpdir(), 'parley-analyze-')), 'big.json');
    // sparse: 40 MB on paper, nothing on disk
    writeFileSync(big, '');
    truncateSync(big, 40 * 1024 * 1024);
    const large = await run(['analyze', big]);
    expect(large.code).toBe(1);
    expect(large.err).toMatch(/big\.json is 40 MB: larger than the 32 MB read here$/);
  });

  test('a Parley JSON file is read too, and a bad one is reported by name', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parley-analyze-'));
    const good = {
      format: 'parley-scenario/1',
      issues: [{ name: 'n', integer: { lower: 0, upper: 4 } }],
      parties: [
        { name: 'a', issues: { n: { linear: { slope: 0.25, offset: 0 } } } },
        { name: 'b', issues: { n: { linear: { slope: -0.25, offset: 1 } } } },
      ],
    };
    writeFileSync(join(directory, 'good.json'), JSON.stringify(good));
    writeFileSync(
      join(directory, 'bad.json'),
      '{"format": "parley-scenario/1", "issues": [{"name": "n", "values": []}], "parties": []}',
    );
    const parsed = JSON.parse((await run(['analyze', join(directory, 'good.json'), '--json'])).out) as {
      outcomes: number;
      pareto: { size: number };
    };
    expect(parsed).toMatchObject({ outcomes: 5, pareto: { size: 5 } });
    const bad = await run(['analyze', join(directory, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json: issue "n": the issue has no values \(and 1 more problem\)/);
  });

  test('usage mistakes: missing SCENARIO, unknown semantics', async () => {
    expect((await run(['analyze'])).err).toMatch(/expected exactly one SCENARIO/);
    const wrong = await run(['analyze', join(scenarios, 'anac2011-Laptop'), '--semantics', 'nash']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--semantics must be genius or negmas/);
  });
});

import { describe, expect, test } from 'vitest';
import { compileScenario } from './compile';
import { loadGeniusScenario } from './genius';
import { COLOUR_DOMAIN, colourProfile, domainXml, profileXml } from './test-files';

function load(files: Record<string, string>) {
  return loadGeniusScenario(
    'test',
    Object.entries(files).map(([name, contents]) => ({ name, contents })),
  );
}

function space(files: Record<string, string>, semantics: 'genius' | 'negmas' = 'genius') {
  const loaded = load(files);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return compileScenario(loaded.value, semantics);
}

describe('loadGeniusScenario', () => {
  test('parties are the profiles in file-name order; *pareto.xml is not a profile', () => {
    const compiled = space({
      'b.xml': colourProfile([1, 0, 1, 0]),
      'a.xml': colourProfile([0, 1, 0, 1]),
      'd.xml': COLOUR_DOMAIN,
      'x_pareto.xml': '<pareto/>',
    });
    expect(compiled.parties.map((party) => party.name)).toEqual(['a', 'b']);
  });

  test('genius divides by the largest evaluation and by the weight sum; negmas keeps both raw', () => {
    const files = {
      'd.xml': COLOUR_DOMAIN,
      'p1.xml': colourProfile([2, 4, 1, 3], [1, 3]),
      'p2.xml': colourProfile([1, 1, 1, 1]),
    };
    expect(space(files).parties[0]?.contributions).toEqual([
      [0.125, 0.25],
      [0.25, 0.75],
    ]);
    expect(space(files, 'negmas').parties[0]?.contributions).toEqual([
      [2, 4],
      [3, 9],
    ]);
  });

  test('only direct <item> children are values; a repeated item: the last one counts', () => {
    const domain = domainXml(
      '<issue index="1" name="x" type="discrete"><item value="a"/><item value="b"/><similarity_function><item value="c"/></similarity_function></issue>',
    );
    const profile = profileXml(
      '<issue index="1" name="x" type="discrete"><item value="a" evaluation="5"/><item value="b" evaluation="1"/><item value="a" evaluation="0"/></issue><weight index="1" value="1"/>',
    );
    const compiled = space({ 'd.xml': domain, 'p1.xml': profile, 'p2.xml': profile });
    expect(compiled.issues[0]?.options).toEqual(['a', 'b']);
    expect(compiled.parties[0]?.contributions).toEqual([[0, 1]]);
  });

  test('profiles without <objective>, ignored objective weights and all-zero issues', () => {
    const profile =
      '<utility_space><weight index="0" value="7"/><weight index="1" value="1"/><weight index="2" value="1"/>' +
      '<issue index="1" name="colour"><item value="red" evaluation="0"/><item value="blue" evaluation="0"/></issue>' +
      '<issue index="2" name="size"><item value="S" evaluation="2"/><item value="L" evaluation="1"/></issue><reservation value="0.25"/></utility_space>';
    const compiled = space({
      'd.xml': COLOUR_DOMAIN,
      'p1.xml': profile,
      'p2.xml': colourProfile([1, 1, 1, 1]),
    });
    expect(compiled.parties[0]?.contributions).toEqual([
      [0, 0],
      [0.5, 0.25],
    ]);
    expect(compiled.parties[0]?.reservation).toBe(0.25);
  });

  test('old integer evaluators: parameter0 is the offset, parameter1 the slope, bounds in <range>', () => {
    const domain = domainXml(
      '<issue index="1" name="n" type="integer"><range lowerbound="0" upperbound="4"/></issue>',
    );
    const profile = profileXml(
      '<issue index="1" name="n" type="integer"><range lowerbound="0" upperbound="4"/><evaluator parameter0="1" parameter1="-0.5" ftype="linear"/></issue><weight index="1" value="1"/>',
    );
    const compiled = space({ 'd.xml': domain, 'p1.xml': profile, 'p2.xml': profile });
    expect(compiled.issues[0]?.options).toEqual(['0', '1', '2', '3', '4']);
    expect(compiled.parties[0]?.contributions).toEqual([[1, 0.5, 0, 0, 0]]);
    expect(
      space({ 'd.xml': domain, 'p1.xml': profile, 'p2.xml': profile }, 'negmas').parties[0]?.contributions,
    ).toEqual([[1, 0.5, 0, -0.5, -1]]);
  });

  test('genius shifts integer evaluators by the lower bound; negmas does not', () => {
    const domain = domainXml('<issue index="1" name="n" type="integer" lowerbound="2" upperbound="3"/>');
    const profile = profileXml(
      '<issue index="1" name="n" type="integer" lowerbound="2" upperbound="3"><evaluator slope="0.5" offset="0" ftype="linear"/></issue><weight index="1" value="1"/>',
    );
    expect(
      space({ 'd.xml': domain, 'p1.xml': profile, 'p2.xml': profile }).parties[0]?.contributions,
    ).toEqual([[0, 0.5]]);
    expect(
      space({ 'd.xml': domain, 'p1.xml': profile, 'p2.xml': profile }, 'negmas').parties[0]?.contributions,
    ).toEqual([[1, 1.5]]);
  });
});

describe('loader problems are values naming the file and issue', () => {
  const cases: [string, Record<string, string>, { file: string; issue?: string; message: RegExp }][] = [
    [
      'malformed XML',
      { 'd.xml': COLOUR_DOMAIN, 'p1.xml': '<utility_space><issue>', 'p2.xml': colourProfile([1, 1, 1, 1]) },
      { file: 'p1.xml', message: /malformed XML/ },
    ],
    [
      'an issue the domain lacks',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': profileXml('<issue index="1" name="weight"><item value="a" evaluation="1"/></issue>'),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', issue: 'weight', message: /no such issue/ },
    ],
    [
      'an empty issue',
      {
        'd.xml': domainXml('<issue index="1" name="hollow" type="discrete"></issue>'),
        'p1.xml': profileXml(''),
        'p2.xml': profileXml(''),
      },
      { file: 'd.xml', issue: 'hollow', message: /no values/ },
    ],
    [
      'a NaN weight',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': colourProfile([1, 1, 1, 1], [Number.NaN, 1]),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', issue: 'colour', message: /weight "NaN" is not a number/ },
    ],
    [
      'a negative weight',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': colourProfile([1, 1, 1, 1], [-0.4, 1]),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', issue: 'colour', message: /party "p1": the weight -0\.4 is negative/ },
    ],
    [
      'weights whose sum overflows',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': colourProfile([1, 1, 1, 1], [1e308, 1e308]),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', message: /the weights add up to more than a number can hold/ },
    ],
    [
      'a profile that leaves an issue out',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': profileXml('<issue index="1" name="colour"><item value="red" evaluation="1"/></issue>'),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', issue: 'size', message: /does not value this issue/ },
    ],
    [
      'a profile that values an issue twice',
      {
        'd.xml': COLOUR_DOMAIN,
        'p1.xml': colourProfile([1, 0, 1, 0]).replace(
          '<weight',
          '<issue index="3" name="colour"><item value="blue" evaluation="1"/></issue><weight',
        ),
        'p2.xml': colourProfile([1, 1, 1, 1]),
      },
      { file: 'p1.xml', issue: 'colour', message: /values this issue twice/ },
    ],
    [
      'two domain issues with one name',
      {
        'd.xml': domainXml(
          '<issue index="1" name="colour" type="discrete"><item value="red"/></issue>' +
            '<issue index="2" name="colour" type="discrete"><item value="blue"/></issue>',
        ),
        'p1.xml': profileXml(''),
        'p2.xml': profileXml(''),
      },
      { file: 'd.xml', issue: 'colour', message: /two issues of the domain share this name/ },
    ],
    [
      'a real-valued issue',
      {
        'd.xml': domainXml('<issue index="1" name="price" type="real" lowerbound="0" upperbound="1"/>'),
        'p1.xml': profileXml(''),
        'p2.xml': profileXml(''),
      },
      { file: 'd.xml', issue: 'price', message: /real-valued issue/ },
    ],
  ];
  test.each(cases)('%s', (_, files, expected) => {
    const loaded = load(files);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({
        file: expected.file,
        ...(expected.issue ? { issue: expected.issue } : {}),
        message: expect.stringMatching(expected.message),
      }),
    );
  });
});

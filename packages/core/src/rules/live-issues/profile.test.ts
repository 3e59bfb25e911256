import { describe, expect, it } from 'vitest';
import { IssueDefinitionSchema, type LiveIssue, type SaveProfileInput } from '../../schemas/live-issues';
import { pointId } from '../plan-fixture.test-data';
import { checkProfile, evaluationsOf, issueOptions, offersLabels } from './profile';

const ISSUES: LiveIssue[] = [
  {
    pointId: pointId('p1'),
    number: 1,
    title: 'Ceiling',
    definition: { kind: 'options', options: ['600k', '800k'] },
    needsReconciling: false,
    from: [pointId('p1')],
  },
  {
    pointId: pointId('p2'),
    number: 2,
    title: 'Assets',
    definition: { kind: 'range', min: 0, max: 100, step: 25, unit: 'bn' },
    needsReconciling: false,
    from: [pointId('p2')],
  },
  {
    pointId: pointId('p3'),
    number: 3,
    title: 'Text only',
    definition: null,
    needsReconciling: false,
    from: [],
  },
];
const base: SaveProfileInput = {
  baseRevision: 0,
  scale: 'percent',
  weighting: 'weights',
  reservation: 30,
  sharedWithMediator: false,
  issues: [
    { pointId: pointId('p1'), ratings: { '600k': 0, '800k': 100 }, weight: 3 },
    { pointId: pointId('p2'), ratings: { min: 100, max: 0 }, weight: 1 },
  ],
};

describe('checkProfile', () => {
  it('scales weights that do not sum to 1 and says so', () => {
    const result = checkProfile(base, ISSUES);
    expect(result).toEqual({
      ok: true,
      value: {
        weights: { p1: 0.75, p2: 0.25 },
        notices: ['The weights summed to 4; they were scaled to sum to 1.'],
      },
    });
  });

  it('derives rank-sum weights from ranks', () => {
    const ranked: SaveProfileInput = {
      ...base,
      weighting: 'ranks',
      issues: base.issues.map((entry, index) => ({ ...entry, weight: undefined, rank: 2 - index })),
    };
    expect(checkProfile(ranked, ISSUES)).toEqual({
      ok: true,
      value: { weights: { p1: 1 / 3, p2: 2 / 3 }, notices: [] },
    });
    const tied = { ...ranked, issues: ranked.issues.map((entry) => ({ ...entry, rank: 1 })) };
    expect(checkProfile(tied, ISSUES).ok).toBe(false);
  });

  it('names an option the issue does not have, a missing issue and a rating off the scale', () => {
    const bad: SaveProfileInput = {
      ...base,
      scale: 'unit',
      issues: [{ pointId: pointId('p1'), ratings: { '600k': 0, '800k': 1, '1m': 1 }, weight: 1 }],
      reservation: 2,
    };
    const result = checkProfile(bad, ISSUES);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      'The reservation must be between 0 and 1.',
      'Point 1 has no option "1m".',
      'Point 2 is an issue; rate its options and weigh it.',
    ]);
  });

  // A walk-through read 'Point 6: rate "min".' where the form shows "15 %".
  it('names an unrated option by its name and an unrated end of a range by its value', () => {
    const unrated: SaveProfileInput = {
      ...base,
      issues: [
        { pointId: pointId('p1'), ratings: { '600k': 0 }, weight: 1 },
        { pointId: pointId('p2'), ratings: { max: 1 }, weight: 1 },
      ],
    };
    const result = checkProfile(unrated, ISSUES);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'Point 1: rate "800k".',
      'Point 2: rate its lowest value, 0 bn.',
    ]);
  });

  it('refuses a point that is not an issue and all-zero weights', () => {
    const notIssue = {
      ...base,
      issues: [...base.issues, { pointId: pointId('p3'), ratings: {}, weight: 1 }],
    };
    expect(checkProfile(notIssue, ISSUES).ok).toBe(false);
    const zero = { ...base, issues: base.issues.map((entry) => ({ ...entry, weight: 0 })) };
    expect(checkProfile(zero, ISSUES)).toMatchObject({ ok: false, problems: [{ code: 'zero-weights' }] });
  });
});

describe('checkProfile paths', () => {
  const pathsOf = (result: ReturnType<typeof checkProfile>) =>
    result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));

  // The web links each problem to its field by path, as it does a schema error; an option's name
  // may hold anything a sentence does ("No. Point 2").
  it('puts each problem at the path of its field, indexed by the entry in the input', () => {
    const ceiling = {
      ...ISSUES[0],
      definition: { kind: 'options', options: ['No. Point 2. As is', 'none'] },
    };
    const issues = [ceiling, ...ISSUES.slice(1)] as LiveIssue[];
    const bad: SaveProfileInput = {
      ...base,
      reservation: 101,
      // The range first: the index follows the input, not the plan.
      issues: [
        { pointId: pointId('p2'), ratings: { max: 100, mid: 50 } },
        { pointId: pointId('p1'), ratings: { none: 101 }, weight: 1 },
      ],
    };
    expect(pathsOf(checkProfile(bad, issues))).toEqual([
      { path: 'reservation', message: 'The reservation must be between 0 and 100.' },
      {
        path: 'issues.0.ratings.mid',
        message: 'Point 2 has no option "mid" (rate a range by "min" and "max").',
      },
      { path: 'issues.0.ratings.min', message: 'Point 2: rate its lowest value, 0 bn.' },
      { path: 'issues.0.weight', message: 'Point 2 needs a weight.' },
      { path: 'issues.1.ratings.none', message: 'Point 1, "none": ratings must be between 0 and 100.' },
      { path: 'issues.1.ratings.No. Point 2. As is', message: 'Point 1: rate "No. Point 2. As is".' },
    ]);
  });

  it('points at the entry of a point that is no issue or is rated twice, and a missing rank', () => {
    const ranked: SaveProfileInput = {
      ...base,
      weighting: 'ranks',
      issues: [
        { pointId: pointId('p1'), ratings: { '600k': 0, '800k': 100 }, rank: 1 },
        { pointId: pointId('p3'), ratings: {}, rank: 2 },
        { pointId: pointId('p1'), ratings: { '600k': 0, '800k': 100 } },
      ],
    };
    expect(pathsOf(checkProfile(ranked, ISSUES))).toEqual([
      { path: 'issues.1.pointId', message: 'Point p3 is not a negotiable issue of the plan.' },
      { path: 'issues.2.pointId', message: 'Point 1 is rated twice.' },
      { path: 'issues.2.rank', message: 'Point 1 needs a rank.' },
      { path: 'issues', message: 'Point 2 is an issue; rate its options and weigh it.' },
    ]);
  });

  it('puts a problem of the profile as a whole at `issues`', () => {
    const zero = { ...base, issues: base.issues.map((entry) => ({ ...entry, weight: 0 })) };
    expect(pathsOf(checkProfile(zero, ISSUES))).toEqual([
      { path: 'issues', message: 'At least one issue needs a weight above 0.' },
    ]);
    const tied: SaveProfileInput = {
      ...base,
      weighting: 'ranks',
      issues: base.issues.map((entry) => ({ ...entry, weight: undefined, rank: 1 })),
    };
    expect(pathsOf(checkProfile(tied, ISSUES))).toEqual([
      { path: 'issues', message: 'Rank the 2 issues 1 to 2, each rank once (1 = most important).' },
    ]);
  });
});

describe('evaluationsOf', () => {
  it('interpolates a range between the ratings of its ends', () => {
    const range = ISSUES[1]?.definition;
    if (range === null || range === undefined) throw new Error('fixture');
    expect(issueOptions(range)).toEqual(['0 bn', '25 bn', '50 bn', '75 bn', '100 bn']);
    expect(evaluationsOf(range, { min: 100, max: 0 }, 'percent')).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(evaluationsOf(range, { min: 100 }, 'percent')).toBeUndefined();
  });
});

describe('offersLabels', () => {
  it("is true for a range's own labels in order, as Parley's GENIUS export writes them", () => {
    const range = { kind: 'range' as const, min: 0, max: 100, step: 50, unit: 'bn' };
    expect(offersLabels(range, ['0 bn', '50 bn', '100 bn'])).toBe(true);
    expect(offersLabels(range, ['0 bn', '100 bn', '50 bn'])).toBe(false);
    expect(offersLabels(range, ['0 bn', '50 bn'])).toBe(false);
    expect(offersLabels({ kind: 'options', options: ['a', 'b'] }, ['a', 'b'])).toBe(true);
  });
});

describe('range definitions', () => {
  const range = (min: number, max: number, step: number) => ({ kind: 'range', min, max, step, unit: '' });

  it('counts a last step that rounds past the maximum, as before', () => {
    const tenths = IssueDefinitionSchema.parse(range(0, 1, 0.1));
    expect(issueOptions(tenths)).toEqual([
      '0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1',
    ]);
    expect(issueOptions(IssueDefinitionSchema.parse(range(0, 100, 1)))).toHaveLength(101);
  });

  it('refuses steps too fine to count or to tell apart, without enumerating them', () => {
    // 1e-18 / 1e-20 is 101 steps, but a tolerance of 1e-9 in value once made it 10¹¹.
    expect(IssueDefinitionSchema.safeParse(range(0, 1e-18, 1e-20)).success).toBe(false);
    expect(IssueDefinitionSchema.safeParse(range(0, 1e-300, 1e-302)).error?.issues[0]?.message).toMatch(
      /must differ/,
    );
    expect(IssueDefinitionSchema.safeParse(range(1e20, 1e20 + 1e6, 1)).success).toBe(false);
    // a step below the magnitude's last bit repeats values: every other one from 1e16 by 1
    expect(IssueDefinitionSchema.safeParse(range(1e16, 1e16 + 100, 1)).success).toBe(false);
  });
});

// A security probe: options named like Object.prototype's members ("constructor", "toString")
// read as rated when a profile left them out, so an incomplete profile was stored and the analysis
// counted it with NaN utilities; "__proto__" could never be rated at all.
describe('options named like object properties', () => {
  const named: LiveIssue[] = [
    {
      pointId: pointId('p1'),
      number: 1,
      title: 'Ceiling',
      definition: { kind: 'options', options: ['constructor', 'toString', 'b'] },
      needsReconciling: false,
      from: [pointId('p1')],
    },
  ];
  const leftOut: SaveProfileInput = {
    ...base,
    issues: [{ pointId: pointId('p1'), ratings: { b: 100 }, weight: 1 }],
  };

  it('are unrated when a profile leaves them out', () => {
    const result = checkProfile(leftOut, named);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['unrated-option', 'issues.0.ratings.constructor'],
      ['unrated-option', 'issues.0.ratings.toString'],
    ]);
  });

  it('give no evaluations to a profile that leaves them out, and their own rating when rated', () => {
    const definition = named[0]?.definition ?? null;
    if (definition === null) throw new Error('expected options');
    expect(evaluationsOf(definition, { b: 1 }, 'unit')).toBeUndefined();
    expect(evaluationsOf(definition, { b: 1, constructor: 0.5, toString: 0 }, 'unit')).toEqual([0.5, 0, 1]);
  });

  it('refuses an option named __proto__, which no profile could rate', () => {
    expect(IssueDefinitionSchema.safeParse({ kind: 'options', options: ['__proto__', 'b'] }).success).toBe(
      false,
    );
  });
});

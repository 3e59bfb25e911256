import { describe, expect, it } from 'vitest';
import { DRAFTING_SYNONYM_GROUPS, draftingStem } from './drafting-synonyms';
import { stemWord } from './stem-word';
import { contentWords } from './text-features';

describe('draftingStem', () => {
  it('gives the verbs drafters use for one another, in all their forms, one stem', () => {
    const stems = ['changes', 'altered', 'amendment', 'modified', 'varied'].map(draftingStem);
    expect(new Set(stems).size).toBe(1);
    expect(draftingStem('shared')).toBe(draftingStem('divided'));
    expect(draftingStem('division')).toBe(draftingStem('apportioned'));
    expect(draftingStem('consent')).toBe(draftingStem('approval'));
    expect(draftingStem('notify')).toBe(draftingStem('notification'));
  });

  it('leaves every other word its Porter stem', () => {
    for (const word of ['roster', 'published', 'employee', 'agreement', 'information'])
      expect(draftingStem(word)).toBe(stemWord(word));
  });

  it('puts no word in two groups', () => {
    for (const group of DRAFTING_SYNONYM_GROUPS)
      for (const word of group) expect(draftingStem(word)).toBe(stemWord(group[0] ?? ''));
  });

  it('lets a clause reworded with synonyms share its content words with the original', () => {
    const before = contentWords('Changes to a published roster need the employee’s consent.');
    const after = contentWords(
      'Once published, a roster may be altered only with the approval of the employee.',
    );
    expect(before.filter((word) => after.includes(word)).sort()).toEqual(
      ['changes', 'consent', 'employee', 'published', 'roster'].map(draftingStem).sort(),
    );
  });
});

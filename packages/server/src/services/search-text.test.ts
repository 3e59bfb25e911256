import { describe, expect, it } from 'vitest';
import { matchFields, searchTerms } from './search-text';

const marked = (match: ReturnType<typeof matchFields>) =>
  match?.highlights.map(([from, to]) => match.snippet.slice(from, to));

describe('matchFields', () => {
  it('ignores case and accents, and marks the words in the original spelling', () => {
    const match = matchFields(
      [{ name: 'text', text: 'Talks resume in Genève on the ZAPORIZHZHIA plant.' }],
      [...searchTerms('geneve zaporizhzhia')],
    );
    expect(match?.field).toBe('text');
    expect(marked(match)).toEqual(['Genève', 'ZAPORIZHZHIA']);
  });

  it('folds compatibility letters and ß, and marks the original characters', () => {
    const fields = [{ name: 'text', text: 'Die Straße nach 𝐗𝐲𝐥𝐨 und ｆｕｌｌ width.' }];
    expect(marked(matchFields(fields, searchTerms('strasse')))).toEqual(['Straße']);
    expect(marked(matchFields(fields, searchTerms('straße xylo full')))).toEqual([
      'Straße',
      '𝐗𝐲𝐥𝐨',
      'ｆｕｌｌ',
    ]);
  });

  it('matches a Greek word whatever its sigma, capital or final', () => {
    const fields = [{ name: 'text', text: 'ΟΔΟΣ προς τον οδός' }];
    expect(marked(matchFields(fields, searchTerms('οδος')))).toEqual(['ΟΔΟΣ', 'οδός']);
  });

  it('matches where a word starts, not inside a word', () => {
    const fields = [{ name: 'text', text: 'Security guarantees, and thus a ceasefire.' }];
    expect(marked(matchFields(fields, searchTerms('guarantee')))).toEqual(['guarantee']);
    expect(matchFields(fields, searchTerms('us'))).toBeUndefined();
    expect(matchFields(fields, searchTerms('fire'))).toBeUndefined();
  });

  it('needs every word somewhere in the item, and quotes the field that holds most of them', () => {
    const fields = [
      { name: 'title', text: 'Sanctions relief' },
      { name: 'text', text: 'Sanctions are lifted in stages once the ceasefire holds for 30 days.' },
    ];
    expect(matchFields(fields, searchTerms('sanctions ceasefire'))?.field).toBe('text');
    expect(matchFields(fields, searchTerms('relief stages'))).toBeDefined();
    expect(matchFields(fields, searchTerms('sanctions referendum'))).toBeUndefined();
  });

  it('cuts a long text around the first match at word boundaries, with ellipses', () => {
    const text = `${'opening words '.repeat(40)}the amnesty clause ${'closing words '.repeat(40)}`;
    const match = matchFields([{ name: 'text', text }], searchTerms('amnesty'));
    expect(match?.snippet.startsWith('…')).toBe(true);
    expect(match?.snippet.endsWith('…')).toBe(true);
    expect(match?.snippet.length).toBeLessThan(240);
    expect(marked(match)).toEqual(['amnesty']);
    // whole words at the cut: no "pening" or "ords" left over from a word cut in two
    expect(match?.snippet).toMatch(/^…(opening|words|the) /);
    expect(match?.snippet).toMatch(/ (closing|words)…$/);
  });

  it('places a match deep in a long text whose folding changes its length (ß, 𝐗, ligatures)', () => {
    const before = 'Die Straße ß 𝐗𝐲𝐥𝐨 ﬁnal Genève '.repeat(3000);
    const fields = [{ name: 'text', text: `${before}the amnesty clause ἈΘΉΝΑ` }];
    const match = matchFields(fields, searchTerms('amnesty αθηνα'));
    expect(marked(match)).toEqual(['amnesty', 'ἈΘΉΝΑ']);
    expect(match?.snippet.startsWith('…')).toBe(true);
    // The first place a word starts, not a later one; and none inside a word.
    expect(marked(matchFields(fields, searchTerms('final')))?.[0]).toBe('ﬁnal');
    expect(matchFields(fields, searchTerms('mnesty'))).toBeUndefined();
  });

  it('finds nothing for a query of no words', () => {
    expect(searchTerms(' — ! ')).toEqual([]);
    expect(matchFields([{ name: 'text', text: 'anything' }], [])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { embedPlainText, embedPoint, stripFingerprint } from './embed';
import { POINTS, recipientKeys } from './fixture.test-data';
import { findTextSites } from './sites';

describe('embedding', () => {
  it('finds spelling, serial-comma and dash sites only where the table allows', () => {
    const kinds = POINTS.flatMap((point) => findTextSites(point).map((site) => `${point.id}:${site.kind}`));
    expect(kinds).toEqual([
      'p02:serial-comma',
      'p02:spelling',
      'p03:spelling',
      'p15:dash',
      'p15:phrase',
      'p16:spelling',
      'p16:spelling',
      'p20:spelling',
      'p21:serial-comma',
      'p21:spelling',
      'p21:spelling',
    ]);
  });

  it('gives different recipients different renderings of the same points', () => {
    const renderings = new Set(
      recipientKeys(50).map(({ key }) => embedPlainText(POINTS, { key, invisible: false })),
    );
    expect(renderings.size).toBe(50);
  });

  it('never changes meaning: stripping the approved variants gives the canonical text back', () => {
    for (const { key } of recipientKeys(50)) {
      for (const point of POINTS) {
        const rendered = embedPoint(point, { key });
        expect(stripFingerprint(rendered.text)).toBe(stripFingerprint(point.text));
      }
    }
  });

  it('keeps numbers, names and operative words untouched', () => {
    for (const { key } of recipientKeys(20)) {
      const text = embedPlainText(POINTS, { key });
      for (const word of [
        '100 days',
        'Zaporizhzhia',
        'Donetsk',
        'will not invade',
        'Ukraine holds elections',
      ]) {
        expect(text.replace(/[\u200b\u200c]/g, '')).toContain(word);
      }
    }
  });

  it('never varies a name written with inner capitals, such as a treaty title', () => {
    const treaty = {
      id: 'treaty',
      number: '1',
      title: 'Status',
      text: 'Ukraine remains a party to the Treaty on the Non-Proliferation of Nuclear Weapons.',
    };
    expect(findTextSites(treaty).filter((site) => site.kind === 'spelling')).toEqual([]);
    for (const { key } of recipientKeys(20))
      expect(embedPoint(treaty, { key }).text.replace(/[\u200b\u200c]/g, '')).toContain('Non-Proliferation');
  });

  it('keeps every copy consistent: one heading style, one spelling and one wording per choice', () => {
    for (const { key } of recipientKeys(20)) {
      const headings = POINTS.map((point) => embedPoint(point, { key }).heading);
      const labels = new Set(headings.map((heading) => heading.replace(/\d+/, 'N').replace(/ [^(\]]*$/, '')));
      expect(labels.size).toBe(1);
      const text = embedPlainText(POINTS, { key });
      const british = /neighbours|recognised|non-aggression|programmes|towards|demilitarised/.test(text);
      const american = /neighbors|recognized|nonaggression|programs|toward |demilitarized/.test(text);
      expect(british && american).toBe(false);
    }
  });

  it('adds no invisible character unless asked to', () => {
    const { key } = recipientKeys(1)[0]!;
    expect(embedPlainText(POINTS, { key })).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    expect(embedPlainText(POINTS, { key, invisible: true })).toMatch(/[\u200b\u200c]/);
  });

  // A plan pasted as plain text has no titles: "(1) : Equitable…" read as a stray colon.
  it('prints an untitled point as its number then its text, in every heading style', () => {
    const untitled = { ...POINTS[0]!, title: '' };
    for (const { key } of recipientKeys(30)) {
      const { heading } = embedPoint(untitled, { key });
      expect(heading).toMatch(/^(\S+|No\. \S+) $/);
      expect(heading).toMatch(new RegExp(`\\b${untitled.number}\\b`));
    }
  });

  it('keeps the point number in every heading variant', () => {
    for (const { key } of recipientKeys(30))
      expect(embedPoint(POINTS[5]!, { key }).heading).toMatch(/\b21\b/);
  });

  it('varies a wording only where its pair can stand in for it', () => {
    const point = (text: string) => ({ id: 'x', number: '1', title: '', text });
    // "before", "another", "all the", "both the", "is established", "regarding" each have a use
    // their pair lacks: never changed.
    const asWritten =
      'The text is agreed before the leaders speak, one after another; all the more so as both the US and Russia hold that it is established that nothing is regarding Crimea.';
    const varied = 'A further round is set up prior to the summit with regard to Crimea.';
    const renderings = new Set<string>();
    for (const { key } of recipientKeys(20)) {
      expect(embedPoint(point(asWritten), { key }).text).toBe(asWritten);
      renderings.add(embedPoint(point(varied), { key }).text);
    }
    for (const wordings of [
      ['A further round', 'Another round'],
      ['is set up', 'is established'],
      ['prior to the summit', 'before the summit'],
      ['with regard to Crimea', 'regarding Crimea'],
    ])
      for (const wording of wordings)
        expect([...renderings].some((text) => text.includes(wording))).toBe(true);
  });
});

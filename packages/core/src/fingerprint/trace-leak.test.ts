import { describe, expect, it } from 'vitest';
import { embedPlainText } from './embed';
import { POINTS, TRANSCRIPT, recipientKeys } from './fixture.test-data';
import { traceLeak } from './trace-leak';

// As many recipients as there are heading styles to give them (docs/exports.md).
const candidates = recipientKeys(45);

function seededRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Retyping: no invisible characters, keyboard dashes, and a share of character typos. */
function retype(text: string, rate: number, rng: () => number): string {
  const plain = text.replace(/[\u200b\u200c]/g, '').replace(/[–—]/g, '-');
  let out = '';
  for (const character of plain) {
    const roll = rng();
    if (roll < rate / 3) continue;
    if (roll < (2 * rate) / 3) out += String.fromCharCode(97 + Math.floor(rng() * 26));
    else if (roll < rate) out += character + character;
    else out += character;
  }
  return out;
}

const reflow = (text: string): string => text.replace(/\s+/g, ' ').replace(/(.{1,60})( |$)/g, '$1\n');

describe('tracing a leak', () => {
  it('counts each per-copy choice once in choicesRead, however often its marks repeat', () => {
    const [{ key } = { key: '' }] = candidates;
    const result = traceLeak({ excerpt: embedPlainText(POINTS, { key }), points: POINTS, candidates });
    const distinct = new Set(result.ranking[0]?.evidence.map((mark) => mark.siteId));
    // Every point's heading is one mark of the one heading-style choice.
    const headings = result.ranking[0]?.evidence.filter((mark) => mark.kind === 'heading').length ?? 0;
    expect(headings).toBe(POINTS.length);
    expect(result.choicesRead).toBe(distinct.size);
    expect(result.choicesRead).toBeLessThanOrEqual(result.marksRead - POINTS.length + 1);
  });

  it('never names the wrong recipient of a plan without titles (its headings are numbers only)', () => {
    const untitled = POINTS.map((point) => ({ ...point, title: '' }));
    for (const { recipientId, key } of candidates.slice(0, 10)) {
      const result = traceLeak({ excerpt: embedPlainText(untitled, { key }), points: untitled, candidates });
      if (result.verdict.kind === 'identified') expect(result.verdict.recipientId).toBe(recipientId);
      expect(result.ranking[0]?.recipientId).toBe(recipientId);
    }
  });

  it('names no one for a plan without titles copied from the app, numbered as the app numbers it', () => {
    const untitled = POINTS.map((point) => ({ ...point, title: '' }));
    const asTheAppShowsIt = untitled.map((point) => `${point.number}. ${point.text}`).join('\n\n');
    // A document sent to two delegations, as a transcript is: each pair of consecutive copies.
    for (let first = 0; first + 1 < candidates.length; first++) {
      const pair = candidates.slice(first, first + 2);
      const result = traceLeak({ excerpt: asTheAppShowsIt, points: untitled, candidates: pair });
      expect(result.marksRead).toBeGreaterThan(POINTS.length);
      expect(result.verdict.kind).toBe('undecided');
    }
  });

  it('names no one for paragraphs copied from the app where it shows them without headings', () => {
    const titled = TRANSCRIPT.map((point) => ({ ...point, title: 'Transcript' }));
    // A transcript sent to two delegations: each pair of consecutive copies.
    for (const points of [TRANSCRIPT, titled, POINTS]) {
      const asTheAppShowsIt = points.map((point) => point.text);
      for (let first = 0; first + 1 < candidates.length; first++) {
        const pair = candidates.slice(first, first + 2);
        for (const excerpt of [asTheAppShowsIt, asTheAppShowsIt.slice(2, 5)]) {
          const result = traceLeak({ excerpt: excerpt.join('\n\n'), points, candidates: pair });
          expect(result.verdict.kind).toBe('undecided');
        }
      }
    }
    // Each of five copies made in a row (numbered five ways) is still named from its own paragraphs.
    const five = candidates.slice(0, 5);
    for (const { recipientId, key } of five) {
      const excerpt = embedPlainText(TRANSCRIPT.slice(1, 4), { key });
      const result = traceLeak({ excerpt, points: TRANSCRIPT, candidates: five });
      expect(result.verdict).toEqual({ kind: 'identified', recipientId, basis: 'single-copy' });
    }
  });

  it('names the recipient of a pasted and reflowed excerpt, for 23 of 45 recipients', () => {
    for (const { recipientId, key } of candidates.filter((_, index) => index % 2 === 0)) {
      const excerpt = reflow(embedPlainText(POINTS.slice(3, 6), { key }));
      const result = traceLeak({ excerpt, points: POINTS, candidates });
      expect(result.verdict).toEqual({ kind: 'identified', recipientId, basis: 'single-copy' });
    }
  });

  it('names the recipient of a retyped excerpt with typos, and never someone else', () => {
    const rng = seededRng(7);
    let identified = 0;
    for (const { recipientId, key } of candidates.slice(0, 20)) {
      const excerpt = retype(embedPlainText(POINTS.slice(0, 4), { key }), 0.02, rng);
      const result = traceLeak({ excerpt, points: POINTS, candidates });
      if (result.verdict.kind === 'identified') {
        expect(result.verdict.recipientId).toBe(recipientId);
        identified++;
      }
      expect(result.ranking[0]?.evidence.length).toBeGreaterThan(0);
    }
    expect(identified).toBeGreaterThanOrEqual(18);
  });

  it('names one of two colluders who merge their copies, and never an innocent recipient', () => {
    const rng = seededRng(11);
    let named = 0;
    for (let trial = 0; trial < 16; trial++) {
      const [first, second] = [candidates[trial % 45]!, candidates[(trial * 7 + 3) % 45]!];
      const start = trial % (POINTS.length - 4);
      const merged = POINTS.slice(start, start + 5)
        .map((point) => embedPlainText([point], { key: rng() < 0.5 ? first.key : second.key }))
        .join('\n\n');
      const result = traceLeak({ excerpt: reflow(merged), points: POINTS, candidates });
      if (result.verdict.kind === 'identified') {
        expect([first.recipientId, second.recipientId]).toContain(result.verdict.recipientId);
        named++;
      }
    }
    expect(named).toBeGreaterThanOrEqual(12);
  });

  it('answers undecided for an excerpt too short to carry a fingerprint', () => {
    const excerpt = retype(embedPlainText(POINTS.slice(6, 7), { key: candidates[3]!.key }), 0, seededRng(1));
    const result = traceLeak({ excerpt, points: POINTS, candidates });
    expect(result.verdict.kind).toBe('undecided');
  });

  it('answers undecided for unmarked canonical text', () => {
    const canonical = POINTS.map((point) => `${point.number}. ${point.title}: ${point.text}`).join('\n');
    expect(traceLeak({ excerpt: canonical, points: POINTS, candidates }).verdict.kind).toBe('undecided');
  });

  it('answers undecided for text that is not from the document', () => {
    const result = traceLeak({
      excerpt: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
      points: POINTS,
      candidates,
    });
    expect(result).toMatchObject({ verdict: { kind: 'undecided' }, marksRead: 0 });
  });
});

// Pathological lineage input: every point of both texts is drawn from one small vocabulary, so every
// old point resembles every new one and no candidate pair can be ruled out up front. This is the
// worst case of the containment growth (docs/plan.md "Lineage", step 4), which once rescanned every
// candidate pair after each link: 1000 × 1000 such points took over ten minutes.
import type { LineageInputPoint } from '@parley/core';

// Twenty ordinary drafting words: real words, so that stemming and stop words behave as in a text.
const VOCABULARY =
  'parties agree withdraw forces border monitoring mission verify ceasefire prisoners exchange sanctions energy elections territory security guarantee council reconstruction fund'.split(
    ' ',
  );

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

// Drawn with repetition, so that no two points differ by a word of their own.
function words(count: number, random: () => number): string {
  return Array.from({ length: count }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]).join(' ');
}

type Draft = { title: string; text: string };

/**
 * An old text of `count` short points drawn from the vocabulary, and a new text that rewords every
 * point a little, merges and splits a fair share of them (so that containment has groups to grow),
 * drops and adds a few, and moves half of them.
 */
export function sharedWordsPair(
  count: number,
  seed: number,
): { before: LineageInputPoint[]; after: LineageInputPoint[] } {
  const random = seededRandom(seed);
  const before = Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    title: words(2, random),
    text: `${words(3 + Math.floor(random() * 6), random)}.`,
    topic: null,
  }));
  const drafts: Draft[] = [];
  for (let index = 0; index < before.length; index += 1) {
    const point = before[index] as LineageInputPoint;
    const next = before[index + 1];
    const parts = point.text.split(' ');
    for (let change = 0; change < 2; change += 1)
      parts[Math.floor(random() * parts.length)] = words(1, random);
    const roll = random();
    if (roll < 0.15 && next !== undefined) {
      drafts.push({ title: point.title, text: `${parts.join(' ')} ${next.text}` });
      index += 1;
    } else if (roll < 0.3) {
      const half = Math.floor(parts.length / 2);
      drafts.push(
        { title: point.title, text: parts.slice(0, half).join(' ') },
        { title: words(2, random), text: `${parts.slice(half).join(' ')} ${words(3, random)}` },
      );
    } else if (roll < 0.33) continue;
    else if (roll < 0.36) drafts.push({ title: words(2, random), text: `${words(6, random)}.` });
    else drafts.push({ title: random() < 0.5 ? point.title : words(2, random), text: parts.join(' ') });
  }
  // Half the points swap places with an earlier one: moves everywhere, no order to lean on.
  for (let index = drafts.length - 1; index > 0; index -= 1) {
    if (random() < 0.5) continue;
    const other = Math.floor(random() * (index + 1));
    [drafts[index], drafts[other]] = [drafts[other] as Draft, drafts[index] as Draft];
  }
  // No more new points than old: `parley plan diff` refuses more than 1000 × 1000.
  const after = drafts.slice(0, count).map((draft, index) => ({
    number: index + 1,
    title: draft.title,
    text: draft.text,
    topic: null,
  }));
  return { before, after };
}

/** The points as a plan file that `parley plan diff` reads (as in testdata/lineage). */
export function planMarkdown(title: string, points: readonly LineageInputPoint[]): string {
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const lines = points.map((point) => `${point.number}. **${capital(point.title)}.** ${capital(point.text)}`);
  return `# ${title}\n\n${lines.join('\n')}\n`;
}

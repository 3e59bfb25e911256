import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { LineageInputPoint } from './lineage-types';
import { classifyLineageGroup } from '../../redline/compare-versions';
import { inferLineage } from './infer-lineage';

// Revisions generated from an old text by known operations, with the rows they must give. Words
// are drawn without repetition from a made-up vocabulary, so the truth is unambiguous: any miss is
// the inference's fault, not the text's.

type Operation = 'keep' | 'amend' | 'merge' | 'split' | 'drop' | 'add';
type Draft = { title: string; text: string; from: number[] };

const OPERATIONS: readonly Operation[] = ['keep', 'keep', 'amend', 'merge', 'split', 'drop', 'add'];

// Letters only: the tokenizer reads digits as numbers of their own.
function wordSource(seed: number) {
  let next = seed * 7919;
  const spell = (value: number) => {
    let word = '';
    for (let rest = value; rest > 0; rest = Math.floor(rest / 26))
      word += String.fromCharCode(97 + (rest % 26));
    return `q${word}`;
  };
  return (count: number) => Array.from({ length: count }, () => spell((next += 1))).join(' ');
}

function revise(pointCount: number, operations: readonly Operation[], seed: number) {
  const words = wordSource(seed);
  const before: LineageInputPoint[] = Array.from({ length: pointCount }, (_, index) => ({
    number: index + 1,
    title: words(2),
    text: `${words(12)}.`,
    topic: null,
  }));
  const drafts: Draft[] = [];
  for (let index = 0; index < before.length; index += 1) {
    const point = before[index];
    if (point === undefined) break;
    const operation = operations[index % operations.length] ?? 'keep';
    const following = before[index + 1];
    if (operation === 'merge' && following !== undefined) {
      drafts.push({
        title: point.title,
        text: `${point.text} ${following.text}`,
        from: [point.number, following.number],
      });
      index += 1;
    } else if (operation === 'split') {
      const parts = point.text.split(' ');
      drafts.push({ title: point.title, text: `${parts.slice(0, 6).join(' ')}.`, from: [point.number] });
      drafts.push({ title: words(2), text: parts.slice(6).join(' '), from: [point.number] });
    } else if (operation === 'amend') {
      const parts = point.text.split(' ');
      drafts.push({
        title: point.title,
        text: [...parts.slice(0, 9), words(3)].join(' '),
        from: [point.number],
      });
    } else if (operation === 'add') {
      drafts.push({ title: point.title, text: point.text, from: [point.number] });
      drafts.push({ title: words(2), text: `${words(10)}.`, from: [] });
    } else if (operation !== 'drop')
      drafts.push({ title: point.title, text: point.text, from: [point.number] });
  }
  const after = drafts.map((draft, index) => ({
    number: index + 1,
    title: draft.title,
    text: draft.text,
    topic: null,
  }));
  return { before, after, truth: truthOf(before, after, drafts) };
}

function truthOf(
  before: readonly LineageInputPoint[],
  after: readonly LineageInputPoint[],
  drafts: readonly Draft[],
) {
  const rows = new Map<string, { from: number[]; to: number[] }>();
  drafts.forEach((draft, index) => {
    const key = draft.from.length === 0 ? `new${index}` : draft.from.join(',');
    const row = rows.get(key) ?? { from: draft.from, to: [] };
    row.to.push(index + 1);
    rows.set(key, row);
  });
  const linked = new Set(drafts.flatMap((draft) => draft.from));
  for (const point of before)
    if (!linked.has(point.number)) rows.set(`old${point.number}`, { from: [point.number], to: [] });
  return [...rows.values()]
    .map((row) => {
      const kind = classifyLineageGroup(
        row.from.map((number) => before[number - 1]).filter((p) => p !== undefined),
        row.to.map((number) => after[number - 1]).filter((p) => p !== undefined),
      );
      return `${kind} ${row.from.join(',')} → ${row.to.join(',')}`;
    })
    .sort();
}

describe('inferLineage on generated revisions', () => {
  test.prop([
    fc.integer({ min: 1, max: 30 }),
    fc.array(fc.constantFrom(...OPERATIONS), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 1, max: 10_000 }),
  ])('gives the rows of the operations that made the revision', (pointCount, operations, seed) => {
    const { before, after, truth } = revise(pointCount, operations, seed);
    const rows = inferLineage(before, after).rows.map(
      (row) => `${row.kind} ${row.from.join(',')} → ${row.to.join(',')}`,
    );
    expect(rows.sort()).toEqual(truth);
  });
});

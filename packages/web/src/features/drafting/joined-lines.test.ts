import { parsePlanText } from '@parley/core';
import { describe, expect, test } from 'vitest';
import { joinedLines } from './joined-lines';

const joined = (text: string) => {
  const parsed = parsePlanText(text);
  if (!parsed.ok) throw new Error('the example does not parse');
  return joinedLines(text, parsed.value.points);
};

describe('joinedLines', () => {
  test('names a line without a number that lengthens the point above it', () => {
    const text = [
      '1. Heating — Heat pumps are subsidised.',
      'Coal exit in 2030',
      '2. Housing — New homes.',
    ].join('\n');
    expect(joined(text)).toEqual([{ line: 2, pointNumber: 1, text: 'Coal exit in 2030' }]);
  });

  test('leaves out topics, indented lines and the text under a title on its own line', () => {
    const text = [
      '## Climate',
      '1. Heating',
      'Heat pumps are subsidised.',
      '   and so are boilers.',
      'CLIMATE AND ENERGY',
      '2. Housing — New homes.',
    ].join('\n');
    expect(joined(text)).toEqual([]);
  });
});

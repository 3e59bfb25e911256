import type { ParsedPoint } from '@parley/core';

export type JoinedLine = { line: number; pointNumber: number; text: string };

/**
 * Lines without a number that the parser read as the end of the point above them: a point's
 * second paragraph, or a line whose number was lost in pasting and which now silently lengthens
 * another point's text. Indented lines and the first line under a title written on its own line
 * are meant as part of their point and are left out.
 */
export function joinedLines(text: string, points: readonly ParsedPoint[]): JoinedLine[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return points.flatMap((point, index) => {
    const end = points[index + 1]?.line ?? lines.length + 1;
    const body = lines
      .slice(point.line, end - 1)
      .map((raw, offset) => ({ raw, line: point.line + 1 + offset }))
      .filter(({ raw }) => raw.trim() !== '' && !/^\s/.test(raw) && point.text.includes(raw.trim()));
    // "1. Title" on its own line: the line under it is the point's text, not a stray line.
    const first = body[0];
    const carriesText = first === undefined || !point.text.startsWith(first.raw.trim());
    return (carriesText ? body : body.slice(1)).map(({ raw, line }) => ({
      line,
      pointNumber: point.number,
      text: raw.trim(),
    }));
  });
}

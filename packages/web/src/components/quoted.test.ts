import { describe, expect, test } from 'vitest';
import { quoted } from './quoted';

describe('quoted', () => {
  test('wraps a bare quote in curly marks', () => {
    expect(quoted('We will not pay.')).toBe('“We will not pay.”');
  });

  // Typed with its own marks it read “"We will not pay."”.
  test.each(['"We will not pay."', '“We will not pay.”', '„We will not pay.“', '« We will not pay. »'])(
    'drops the marks %s was typed with',
    (typed) => expect(quoted(typed)).toBe('“We will not pay.”'),
  );

  test('keeps marks that do not wrap the whole quote', () => {
    expect(quoted('He said "no" twice.')).toBe('“He said "no" twice.”');
    expect(quoted('"No," he said')).toBe('“"No," he said”');
    expect(quoted('"No," he said, "yes"')).toBe('“"No," he said, "yes"”');
  });
});

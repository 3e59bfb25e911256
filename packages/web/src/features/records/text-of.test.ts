import { describe, expect, it } from 'vitest';
import { textOf, titleFor } from './text-of';

describe('textOf', () => {
  it('reads UTF-8 text, and refuses binary or non-UTF-8 bytes whatever the file is called', () => {
    expect(textOf(new TextEncoder().encode('Minutes — Genève, 20 Nov').buffer as ArrayBuffer)).toBe(
      'Minutes — Genève, 20 Nov',
    );
    expect(textOf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]).buffer)).toBeUndefined();
    expect(textOf(new Uint8Array([0x47, 0xe9, 0x6e]).buffer)).toBeUndefined();
  });
});

describe('titleFor', () => {
  it("names a record by the file's first heading, else by the file name", () => {
    expect(titleFor('memo-south.md', 'Draft\n\n## Memo to the mediator ##\n\n# Later')).toBe(
      'Memo to the mediator',
    );
    expect(titleFor('memo-south.md', 'No heading here.\n#hashtag is not one')).toBe('memo-south');
    expect(titleFor('minutes.2025.txt', '')).toBe('minutes.2025');
  });
});

import { describe, expect, it } from 'vitest';
import { textOf } from './text-of';

describe('textOf', () => {
  it('reads UTF-8 text, and refuses binary or non-UTF-8 bytes whatever the file is called', () => {
    expect(textOf(new TextEncoder().encode('Minutes — Genève, 20 Nov').buffer as ArrayBuffer)).toBe(
      'Minutes — Genève, 20 Nov',
    );
    expect(textOf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]).buffer)).toBeUndefined();
    expect(textOf(new Uint8Array([0x47, 0xe9, 0x6e]).buffer)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { hmacSha256, keyedChoice, sha256, toHex } from './sha256';

// Expected digests from FIPS 180-4 / RFC 4231 examples and from node:crypto (core has no Node types).
const utf8 = (text: string): Uint8Array =>
  new Uint8Array(Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0)));

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(64), 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb'],
    ['é—Ukraine ✓ 𝄞'.repeat(20), '899efec36216b93542639b62df3e44b67e3420de5d5a7af4c9ca814cf6b79afd'],
  ])('digests %j as the standard says', (message, digest) => {
    expect(toHex(sha256(utf8(message)))).toBe(digest);
  });
  it('computes HMAC-SHA-256 for short keys (RFC 4231 case 2) and keys longer than a block', () => {
    expect(toHex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(toHex(hmacSha256('x'.repeat(100), 'p21:heading'))).toBe(
      '640cc4bb1c00442a0a715e52a3bb822a7603b07a8e482427053c47c1ccd8fb78',
    );
  });
  it('spreads keyed choices evenly over the variants', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[keyedChoice('key', `site-${i}`, 3)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(900);
  });
});

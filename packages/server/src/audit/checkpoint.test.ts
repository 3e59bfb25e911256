import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findSigningKey, parseCheckpoint, signCheckpoint } from './checkpoint';
import { createEphemeralKeyring } from './signing-keys';

const keyring = createEphemeralKeyring();
const issued = signCheckpoint(keyring, { treeSize: 42, rootHash: randomBytes(32) });
const [origin = '', size = '', root = '', , signatureLine = ''] = issued.split('\n');
const verifies = (text: string) => {
  const parsed = parseCheckpoint(text);
  return (
    parsed.ok &&
    parsed.checkpoint.treeSize === 42 &&
    findSigningKey(parsed.checkpoint, keyring.known) !== undefined
  );
};

describe('reading a checkpoint back from a copy', () => {
  it('verifies as issued, and as the text of a PDF or DOCX copy gives it back', () => {
    const wrappedAt = (column: number) => `${signatureLine.slice(0, column)}\n${signatureLine.slice(column)}`;
    const afterName = signatureLine.indexOf(' ', 2);
    for (const text of [
      issued,
      `Some text of the copy.\n${issued}Restricted — prepared for someone\n`,
      // A PDF's text: no blank line, the signature line wrapped after the name or inside it.
      [origin, size, root, signatureLine].join('\n'),
      [
        origin,
        size,
        root,
        `${signatureLine.slice(0, afterName)}\n${signatureLine.slice(afterName + 1)}`,
      ].join('\n'),
      [origin, size, root, wrappedAt(60)].join('\n'),
      // A DOCX's text: every line its own paragraph.
      [origin, size, root, '', signatureLine].join('\n\n'),
    ])
      expect(verifies(text), text).toBe(true);
  });

  it('does not verify a body changed after signing, however laid out', () => {
    expect(verifies([origin, '43', root, signatureLine].join('\n'))).toBe(false);
    expect(verifies([origin, size, root, `${signatureLine.slice(0, -8)}\nAAAAAAAA`].join('\n'))).toBe(false);
  });
});

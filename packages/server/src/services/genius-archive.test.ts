import { DomainError } from '@parley/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unzipGeniusFolder, zipFolder } from './genius-archive';

const FOLDER = zipFolder('scenario', [
  { name: 'domain.xml', contents: '<negotiation_template><utility_space/></negotiation_template>' },
  { name: 'a.xml', contents: '<utility_space><reservation value="0.2"/></utility_space>' },
]);

/** Whatever the bytes, the reader answers files or a 400-class refusal: never a crash. */
function outcome(bytes: Uint8Array): 'files' | 'refused' {
  try {
    unzipGeniusFolder(Buffer.from(bytes).toString('base64'));
    return 'files';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid-input') return 'refused';
    throw error;
  }
}

describe('unzipGeniusFolder', () => {
  it('reads back the XML files of a folder it zipped, by their names', () => {
    const files = unzipGeniusFolder(Buffer.from(FOLDER).toString('base64'));
    expect(files.map((file) => file.name).sort()).toEqual(['a.xml', 'domain.xml']);
  });

  it('refuses random bytes as a 400, never with another error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(outcome(bytes)).toBe('refused');
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('reads or refuses a real folder with any bytes changed, never crashing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: FOLDER.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          const bytes = new Uint8Array(FOLDER);
          for (const [at, value] of changes) bytes[at] = value;
          expect(['files', 'refused']).toContain(outcome(bytes));
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });
});

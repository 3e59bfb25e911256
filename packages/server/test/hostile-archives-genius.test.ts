import { deflateRawSync } from 'node:zlib';
import { DomainError } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { unzipGeniusFolder } from '../src/services/genius-archive';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

// A probe's 715 KB GENIUS zip pointed 32 central-directory entries at one deflate stream of
// 700 MB of spaces, each claiming 100 bytes: the server inflated 32 × 700 MB on its event loop
// and answered nothing else for 45 s. Entries may not share data, and inflation stops at an
// entry's declared size.

/** A raw deflate stream of `megabytes` MB of spaces (about 1 KB per MB), made as the probe made it. */
function spacesStream(megabytes: number): Buffer {
  return deflateRawSync(Buffer.alloc(megabytes << 20, 0x20), { level: 9 });
}

/** A zip of `names`, every central-directory entry pointing at the one local entry holding `stream`. */
function zipSharingOneStream(names: readonly string[], stream: Buffer, declaredSize: number): Buffer {
  const first = Buffer.from(names[0] ?? 'x.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(stream.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(first.length, 26);
  const data = Buffer.concat([local, first, stream]);
  const directory = Buffer.concat(
    names.map((name) => {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(stream.length, 20);
      central.writeUInt32LE(declaredSize, 24);
      central.writeUInt16LE(Buffer.byteLength(name), 28);
      return Buffer.concat([central, Buffer.from(name)]); // local header offset 0, like every other
    }),
  );
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(data.length, 16);
  return Buffer.concat([data, directory, end]);
}

const NAMES = Array.from({ length: 32 }, (_, index) => `x${index}.xml`);

function refusal(archive: Buffer): string {
  try {
    unzipGeniusFolder(archive.toString('base64'));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid-input') return error.message;
    throw error;
  }
  return 'read without refusal';
}

describe('hostile GENIUS zips', () => {
  it('refuses entries that share one stream of compressed data', () => {
    const thousandSpaces = deflateRawSync(Buffer.alloc(1000, 0x20));
    expect(refusal(zipSharingOneStream(['a.xml', 'b.xml'], thousandSpaces, 1000))).toMatch(
      /entries whose data overlap \(a\.xml and b\.xml\)/,
    );
  });

  it('refuses an entry that inflates beyond the size it declares', () => {
    expect(refusal(zipSharingOneStream(['domain.xml'], spacesStream(64), 100))).toBe(
      'The GENIUS folder holds domain.xml, which expands beyond its declared 100 bytes.',
    );
  });

  it('refuses an entry that inflates to less than the size it declares', () => {
    const thousandSpaces = deflateRawSync(Buffer.alloc(1000, 0x20));
    expect(refusal(zipSharingOneStream(['domain.xml'], thousandSpaces, 400_000))).toMatch(
      /domain\.xml, whose size differs from its declared 400000 bytes/,
    );
  });
});

describe('a GENIUS zip of 32 entries over one 200 MB stream, on the HTTP routes', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let delegation: SignedIn;
  const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const session = await signInAs(testApp, 'ownDelegation');
    if (session === null) throw new Error('delegation session');
    delegation = session;
  });
  afterAll(async () => handle.close());

  it('answers 400 naming the overlap within a second, and health meanwhile', async () => {
    const archive = zipSharingOneStream(NAMES, spacesStream(200), 100);
    expect(archive.length).toBeLessThan(300 * 1024);
    const started = performance.now();
    const [draft, health] = await Promise.all([
      call(testApp, `POST ${N}/preferences/genius-draft`, {
        as: delegation,
        body: { archive: archive.toString('base64') },
      }),
      call(testApp, 'GET /api/health'),
    ]);
    const elapsed = performance.now() - started;
    expect(health.status).toBe(200);
    expect(draft.status).toBe(400);
    expect(draft.headers.get('content-type')).toContain('application/problem+json');
    expect(((await draft.json()) as { detail: string }).detail).toMatch(/entries whose data overlap/);
    // Before the fix this inflated 32 × 200 MB: many seconds.
    expect(elapsed).toBeLessThan(1000);
  }, 60_000);
});

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BiddingIdSchema } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { openBound, sealBound } from './bid-seal';
import { createEphemeralSealKey, loadSealKey } from './seal-key';

const context = { biddingId: BiddingIdSchema.parse('00000000-0000-4000-8000-00000000b001'), partyId: 'p-1' };
const OTHER_BIDDING = BiddingIdSchema.parse('00000000-0000-4000-8000-00000000b002');

describe('sealed bids', () => {
  it('opens what it sealed, and the ciphertext does not show the bound', () => {
    const key = createEphemeralSealKey();
    const sealed = sealBound(key, context, 750_000.5);
    expect(sealed).not.toContain('750000');
    expect(openBound(key, context, sealed)).toBe(750_000.5);
    expect(sealBound(key, context, 750_000.5)).not.toBe(sealed);
  });

  it('refuses a ciphertext moved to another side or bidding', () => {
    const key = createEphemeralSealKey();
    const sealed = sealBound(key, context, 10);
    expect(() => openBound(key, { ...context, partyId: 'p-2' }, sealed)).toThrow();
    expect(() => openBound(key, { ...context, biddingId: OTHER_BIDDING }, sealed)).toThrow();
  });

  it('refuses a ciphertext under another key, naming the key', () => {
    const sealed = sealBound(createEphemeralSealKey(), context, 10);
    expect(() => openBound(createEphemeralSealKey(), context, sealed)).toThrow(/sealed under key/);
  });

  it('opens a bid sealed before sealing was shared with profiles', () => {
    // Sealed by the bid-only code of commit cd81a04, under a fixed test key: the format must not drift.
    const legacy = 'v1.734cb6dd.acoU9srdGwAaZ6Gf.td91o9WbnuU.Bhp-TNoHmHDiqVhACPTk0g';
    const key = loadSealKey({
      keyDir: '/nonexistent',
      env: { PARLEY_BID_SEAL_KEY: Buffer.alloc(32, 0x5a).toString('base64') },
    });
    expect(key.id).toBe('734cb6dd');
    expect(openBound(key, context, legacy)).toBe(750_000.5);
  });

  it('keeps the key in a private file of the key folder and reuses it', () => {
    const keyDir = path.join(mkdtempSync(path.join(tmpdir(), 'parley-seal-')), 'keys');
    const first = loadSealKey({ keyDir, env: {} });
    expect(loadSealKey({ keyDir, env: {} }).id).toBe(first.id);
    expect(statSync(path.join(keyDir, 'bid-seal.key')).mode & 0o077).toBe(0);
    expect(readFileSync(path.join(keyDir, 'bid-seal.key'), 'utf8').trim()).toBe(
      first.secret.toString('base64'),
    );
    const fromEnv = loadSealKey({
      keyDir,
      env: { PARLEY_BID_SEAL_KEY: Buffer.alloc(32, 7).toString('base64') },
    });
    expect(fromEnv.id).not.toBe(first.id);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseTarget } from './database-flags';

describe('databaseTarget', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps --data beside a database URL, as the folder of the keys', () => {
    vi.stubEnv('DATABASE_URL', '');
    expect(databaseTarget({ 'database-url': 'postgres://db/parley', data: '/srv/parley' })).toEqual({
      databaseUrl: 'postgres://db/parley',
      dataDir: '/srv/parley',
    });
    // Without it, the keys' folder is left to the default (PARLEY_AUDIT_KEY_DIR, or ./data).
    expect(databaseTarget({ 'database-url': 'postgres://db/parley' })).toEqual({
      databaseUrl: 'postgres://db/parley',
    });
  });

  it('uses the PGlite folder, ./data by default, without a URL', () => {
    vi.stubEnv('DATABASE_URL', '');
    expect(databaseTarget({})).toEqual({ dataDir: './data' });
    expect(databaseTarget({ data: 'here' })).toEqual({ dataDir: 'here' });
  });
});

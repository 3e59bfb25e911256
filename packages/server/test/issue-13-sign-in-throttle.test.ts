// Issue #13, item 6: 50 concurrent wrong passwords for one account got 26 password checks instead
// of 5, because the in-memory throttle was consulted before, and fed after, each check. The throttle
// now takes its slot in the database before the hash runs, per account and per client address, for
// sign-in and registration alike; several processes on one database share it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_FAILED_LOGINS,
  MAX_FAILED_LOGINS_PER_ADDRESS,
  MAX_REGISTRATIONS_PER_ADDRESS,
  MAX_REGISTRATIONS_PER_EMAIL,
} from '../src/auth/login-throttle';
import { hashPassword, verifyPassword } from '../src/auth/password';
import { createApp } from '../src/http/create-app';
import { createUser } from '../src/services/accounts';
import { createDeps } from '../src/services/deps';
import { openDatabase, type DatabaseHandle } from '../src/storage/database';
import { writeInstanceSettings } from '../src/storage/instance-settings';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { createMutableClock, type MutableClock, type TestApp } from './helpers/test-app';

const PASSWORD = 'correct horse battery';

/** What @hono/node-server passes as the app's env: the socket the request came in on. */
const fromPeer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** The real app, with the real scrypt hashing counted on its way through. */
function countingApp(handle: DatabaseHandle, clock: MutableClock) {
  const counts = { verify: 0, hash: 0 };
  const deps = createDeps(handle.db, {
    clock,
    passwords: {
      hash: (password) => {
        counts.hash += 1;
        return hashPassword(password);
      },
      verify: (password, stored) => {
        counts.verify += 1;
        return verifyPassword(password, stored);
      },
    },
  });
  const testApp: TestApp = { app: createApp(deps), deps, clock };
  return { testApp, counts };
}

function post(testApp: TestApp, path: string, body: unknown, peer = '198.51.100.7') {
  return testApp.app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    fromPeer(peer),
  );
}

const statuses = (responses: Response[]) =>
  responses.reduce<Record<number, number>>((tally, response) => {
    tally[response.status] = (tally[response.status] ?? 0) + 1;
    return tally;
  }, {});

describe.each(DATABASE_KINDS)('issue 13: the sign-in throttle on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  let clock: MutableClock;
  let testApp: TestApp;
  let counts: { verify: number; hash: number };
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    clock = createMutableClock();
    ({ testApp, counts } = countingApp(handle, clock));
    await writeInstanceSettings(handle.db, {
      settings: { signup: 'open', negotiationCreation: 'admins' },
      at: clock.now(),
    });
    for (const name of ['ada', 'grace', 'edsger'])
      await createUser(testApp.deps, { email: `${name}@example.org`, displayName: name, password: PASSWORD });
    for (let index = 0; index < MAX_FAILED_LOGINS_PER_ADDRESS + 1; index += 1)
      await createUser(testApp.deps, {
        email: `user${index}@example.org`,
        displayName: `user ${index}`,
        password: PASSWORD,
      });
  });
  afterAll(async () => handle.close());

  it('runs at most 5 password checks for 50 concurrent wrong passwords for one account', async () => {
    const before = counts.verify;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        post(testApp, '/api/auth/login', { email: 'ada@example.org', password: `guess ${index}` }),
      ),
    );
    expect(counts.verify - before).toBe(MAX_FAILED_LOGINS);
    expect(statuses(responses)).toEqual({ 401: MAX_FAILED_LOGINS, 429: 50 - MAX_FAILED_LOGINS });
    const refused = responses.find((response) => response.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    // The account is closed to every address now, the right password included, without a check.
    const right = await post(
      testApp,
      '/api/auth/login',
      { email: 'ada@example.org', password: PASSWORD },
      '192.0.2.1',
    );
    expect(right.status).toBe(429);
    expect(counts.verify - before).toBe(MAX_FAILED_LOGINS);
  });

  it('limits one client address over every account it tries', async () => {
    const before = counts.verify;
    for (let index = 0; index < MAX_FAILED_LOGINS_PER_ADDRESS; index += 1) {
      const response = await post(
        testApp,
        '/api/auth/login',
        { email: `user${index}@example.org`, password: 'wrong' },
        '203.0.113.9',
      );
      expect(response.status).toBe(401);
    }
    const fresh = { email: `user${MAX_FAILED_LOGINS_PER_ADDRESS}@example.org`, password: PASSWORD };
    expect((await post(testApp, '/api/auth/login', fresh, '203.0.113.9')).status).toBe(429);
    expect(counts.verify - before).toBe(MAX_FAILED_LOGINS_PER_ADDRESS);
    // Another address is not held back by this one.
    expect((await post(testApp, '/api/auth/login', fresh, '203.0.113.10')).status).toBe(200);
  });

  it('does not count a sign-in that succeeds against the account', async () => {
    for (let round = 0; round < MAX_FAILED_LOGINS + 2; round += 1) {
      const wrong = await post(testApp, '/api/auth/login', { email: 'grace@example.org', password: 'wrong' });
      expect(wrong.status, `round ${round}`).toBe(round < MAX_FAILED_LOGINS ? 401 : 429);
      if (round < MAX_FAILED_LOGINS - 1) {
        const right = await post(testApp, '/api/auth/login', {
          email: 'grace@example.org',
          password: PASSWORD,
        });
        expect(right.status, `round ${round}`).toBe(200);
      }
    }
  });

  it('answers registration of a taken email exactly like a new one, hashing in both, and throttles it', async () => {
    const before = counts.hash;
    const taken = await post(testApp, '/api/auth/register', {
      email: 'edsger@example.org',
      displayName: 'Someone',
      password: 'another long password',
    });
    const fresh = await post(testApp, '/api/auth/register', {
      email: 'newcomer@example.org',
      displayName: 'Someone',
      password: 'another long password',
    });
    expect(taken.status).toBe(fresh.status);
    expect(await taken.json()).toEqual(await fresh.json());
    expect(counts.hash - before).toBe(2);
    // Per email, whether or not it has an account: the limit is the same for both.
    for (const email of ['grace@example.org', 'nobody-yet@example.org']) {
      const answers: number[] = [];
      for (let index = 0; index < MAX_REGISTRATIONS_PER_EMAIL + 1; index += 1)
        answers.push(
          (
            await post(
              testApp,
              '/api/auth/register',
              { email, displayName: 'Someone', password: 'another long password' },
              `192.0.2.${100 + index}`,
            )
          ).status,
        );
      expect(answers.at(-1), email).toBe(429);
      expect(new Set(answers.slice(0, -1)), email).toEqual(new Set([202]));
    }
  });

  it('limits registrations from one address, refusing before any hash runs', async () => {
    for (let index = 0; index < MAX_REGISTRATIONS_PER_ADDRESS; index += 1) {
      const response = await post(
        testApp,
        '/api/auth/register',
        { email: `signup${index}@example.org`, displayName: 'Someone', password: 'another long password' },
        '198.51.100.200',
      );
      expect(response.status).toBe(202);
    }
    const before = counts.hash;
    const refused = await post(
      testApp,
      '/api/auth/register',
      { email: 'one-more@example.org', displayName: 'Someone', password: 'another long password' },
      '198.51.100.200',
    );
    expect(refused.status).toBe(429);
    expect(counts.hash).toBe(before);
  });
});

const postgresOnly = DATABASE_KINDS.includes('postgres') ? describe : describe.skip;

postgresOnly('issue 13: two app instances on one PostgreSQL database', () => {
  let handle: DatabaseHandle & { url?: string };
  let second: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase('postgres');
    // Its own connection pool, as another `parley serve` process would have.
    second = await openDatabase({ databaseUrl: handle.url ?? expect.unreachable('a URL') });
  });
  afterAll(async () => {
    await second.close();
    await handle.close();
  });

  it('share one limit: 50 concurrent guesses split over both get at most 5 password checks', async () => {
    const clock = createMutableClock();
    const one = countingApp(handle, clock);
    const two = countingApp(second, clock);
    await createUser(one.testApp.deps, { email: 'ada@example.org', displayName: 'Ada', password: PASSWORD });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        post(index % 2 === 0 ? one.testApp : two.testApp, '/api/auth/login', {
          email: 'ada@example.org',
          password: `guess ${index}`,
        }),
      ),
    );
    expect(one.counts.verify + two.counts.verify).toBe(MAX_FAILED_LOGINS);
    expect(statuses(responses)).toEqual({ 401: MAX_FAILED_LOGINS, 429: 50 - MAX_FAILED_LOGINS });
    // Either instance refuses the account now.
    for (const instance of [one, two])
      expect(
        (await post(instance.testApp, '/api/auth/login', { email: 'ada@example.org', password: PASSWORD }))
          .status,
      ).toBe(429);
  });
});

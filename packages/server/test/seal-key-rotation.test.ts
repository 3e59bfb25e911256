import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from '../src/demo';
import { startServer, type RunningServer } from '../src/http/start-server';
import {
  createEphemeralSealKey,
  forgetRetiredSealKeys,
  loadSealKey,
  rotateSealKey,
} from '../src/sealing/seal-key';
import { openJson, sealedKeyId, sealJson } from '../src/sealing/sealed-json';
import { openDatabase, type Database } from '../src/storage/database';
import { runCli } from './helpers/run-cli';
import { demoSession } from './helpers/serve-process';

// docs/security.md#sealed-preference-profiles, "Rotating the seal key": after a rotation every bid,
// profile and live job is sealed under the new key, still reads the same, and once the retired key
// is forgotten nothing stored depends on it.

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const CEILING = ['600,000', '800,000', 'no ceiling'];
const RATINGS = [13.37, 42.71, 97.13];
const BOUNDS = { ukraine: 731.5, russia: 702.5 };

type Session = { cookie: string; csrfToken: string };

const run = runCli;

function send(url: string, as: Session, route: string, body?: unknown): Promise<Response> {
  const [method = 'GET', pathname = ''] = route.split(' ');
  return fetch(`${url}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Every sealed value stored, as `table/row → ciphertext`. */
async function sealedValues(db: Database): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const bids = await sql<{ party_id: string; sealed: string }>`
    SELECT party_id, sealed FROM blind_bids WHERE sealed IS NOT NULL`.execute(db);
  for (const row of bids.rows) values.set(`bid/${row.party_id}`, row.sealed);
  const profiles = await sql<{ party_id: string; revision: number; sealed: string }>`
    SELECT party_id, revision, sealed FROM preference_profiles WHERE sealed IS NOT NULL`.execute(db);
  for (const row of profiles.rows) values.set(`profile/${row.party_id}/${row.revision}`, row.sealed);
  const jobs = await sql<{ id: string; parties: string; result: string | null }>`
    SELECT id, input ->> 'parties' AS parties, result ->> 'sealed' AS result FROM simulations`.execute(db);
  for (const row of jobs.rows) {
    values.set(`job/${row.id}/parties`, row.parties);
    if (row.result !== null) values.set(`job/${row.id}/result`, row.result);
  }
  return values;
}

const keyIdsOf = (values: Map<string, string>) => new Set([...values.values()].map(sealedKeyId));

describe('rotating the seal key', () => {
  let dataDir: string;
  let keyDir: string;
  let server: RunningServer | undefined;
  const lines: string[] = [];
  let versionId = '';
  let biddingId = '';
  let jobId = '';
  let profileBefore: unknown;

  // Only the first start works jobs (the live job runs then); later starts need no job queue.
  const start = async (runJobs = false) => {
    server = await startServer({ port: 0, dataDir, runJobs, log: (line) => lines.push(line) });
    return server;
  };
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  const stored = async () => {
    const handle = await openDatabase({ dataDir });
    try {
      return await sealedValues(handle.db);
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'parley-seal-rotation-'));
    keyDir = path.join(dataDir, 'audit-keys');
    const { url } = await start(true);
    const mediator = await demoSession(url, 'mediator');
    const ukraine = await demoSession(url, 'ukraine');
    const russia = await demoSession(url, 'russia');
    const overview = (await (await send(url, mediator, `GET ${N}/plan`)).json()) as {
      versions: { id: string; revision: number }[];
    };
    versionId = [...overview.versions].sort((a, b) => b.revision - a.revision)[0]?.id ?? '';
    const version = (await (await send(url, mediator, `GET ${N}/plan/versions/${versionId}`)).json()) as {
      version: { points: { pointId: string }[] };
    };
    const [rangeId = '', ceilingId = ''] = version.version.points.map((point) => point.pointId);
    const define = (pointId: string, definition: unknown) =>
      send(url, mediator, `PUT ${N}/plan/versions/${versionId}/points/${pointId}/issue`, { definition });
    expect((await define(rangeId, { kind: 'range', min: 0, max: 1000, step: 10, unit: 'bn' })).status).toBe(
      200,
    );
    expect((await define(ceilingId, { kind: 'options', options: CEILING })).status).toBe(200);
    const opened = await send(url, mediator, `POST ${N}/biddings`, {
      versionId,
      pointId: rangeId,
      givingPartyId: DEMO_PARTIES.ukraine.id,
      takingPartyId: DEMO_PARTIES.russia.id,
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    biddingId = ((await opened.json()) as { id: string }).id;
    for (const [as, bound] of [
      [ukraine, BOUNDS.ukraine],
      [russia, BOUNDS.russia],
    ] as const)
      expect((await send(url, as, `PUT ${N}/biddings/${biddingId}/bid`, { bound })).status).toBe(200);
    for (const [as, ratings] of [
      [ukraine, RATINGS],
      [russia, [100, 60, 0]],
    ] as const) {
      const saved = await send(url, as, `PUT ${N}/preferences`, {
        baseRevision: 0,
        scale: 'percent',
        weighting: 'weights',
        reservation: 20,
        sharedWithMediator: true,
        issues: [
          {
            pointId: ceilingId,
            ratings: Object.fromEntries(CEILING.map((label, i) => [label, ratings[i]])),
            weight: 3,
          },
          { pointId: rangeId, ratings: { min: 10, max: 90 }, weight: 1 },
        ],
      });
      expect(saved.status, await saved.clone().text()).toBe(200);
    }
    profileBefore = (
      (await (await send(url, ukraine, `GET ${N}/preferences`)).json()) as { profile: unknown }
    ).profile;
    const simulated = await send(url, mediator, `POST ${N}/plan/versions/${versionId}/live-simulations`, {
      runs: 4,
    });
    expect(simulated.status, await simulated.clone().text()).toBe(202);
    jobId = ((await simulated.json()) as { id: string }).id;
    for (let tries = 0; tries < 200; tries++) {
      const job = (await (await send(url, mediator, `GET ${N}/live-simulations/${jobId}`)).json()) as {
        status: string;
      };
      if (job.status === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stop();
  }, 120_000);

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with a bid per side, two profiles and a finished live job, all under the first key', async () => {
    const values = await stored();
    expect([...values.keys()].sort()).toEqual(
      [
        `bid/${DEMO_PARTIES.russia.id}`,
        `bid/${DEMO_PARTIES.ukraine.id}`,
        `job/${jobId}/parties`,
        `job/${jobId}/result`,
        `profile/${DEMO_PARTIES.russia.id}/1`,
        `profile/${DEMO_PARTIES.ukraine.id}/1`,
      ].sort(),
    );
    expect(keyIdsOf(values)).toEqual(new Set([loadSealKey({ keyDir, env: {} }).id]));
  });

  it('re-seals at start-up what a retired key sealed (a key changed outside the CLI)', async () => {
    const first = loadSealKey({ keyDir, env: {} });
    const second = rotateSealKey(keyDir, {});
    expect(second.retired.map((key) => key.id)).toEqual([first.id]);
    lines.length = 0;
    await start();
    await stop();
    expect(lines.join('\n')).toContain(
      `Re-sealed 6 values under key ${second.id} (from ${first.id}): 2 blind bids, 2 preference profile revisions, 2 parts of live simulation jobs.`,
    );
    expect(keyIdsOf(await stored())).toEqual(new Set([second.id]));
  });

  it('rotates with the CLI: new key current, the old one retired in a private file, everything re-sealed and audited', async () => {
    const before = loadSealKey({ keyDir, env: {} });
    const valuesBefore = await stored();
    const rotated = await run('seal', 'rotate-key', '--data', dataDir);
    expect(rotated.err).toBe('');
    expect(rotated.code).toBe(0);
    const after = loadSealKey({ keyDir, env: {} });
    expect(after.id).not.toBe(before.id);
    expect(after.retired.map((key) => key.id)).toContain(before.id);
    expect(rotated.out).toContain(`new seal key ${after.id}`);
    expect(rotated.out).toContain(`Re-sealed 6 values under key ${after.id} (from ${before.id})`);
    expect(statSync(path.join(keyDir, 'bid-seal.retired')).mode & 0o077).toBe(0);
    expect(statSync(path.join(keyDir, 'bid-seal.key')).mode & 0o077).toBe(0);
    const values = await stored();
    expect(keyIdsOf(values)).toEqual(new Set([after.id]));
    for (const [where, sealed] of values) expect(sealed, where).not.toBe(valuesBefore.get(where));

    const verified = await run('audit', 'verify', '--data', dataDir, '--json');
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true });
    const handle = await openDatabase({ dataDir });
    try {
      const entries = await sql<{ subject_id: string; actor_id: string | null; detail: unknown }>`
        SELECT subject_id, actor_id, detail FROM audit_log WHERE action = 'seal.reseal' ORDER BY seq`.execute(
        handle.db,
      );
      // the first re-seal was the start-up's, under the key this rotation retired
      expect(entries.rows.map((row) => row.subject_id)).toEqual([before.id, after.id]);
      expect(entries.rows[1]).toMatchObject({
        actor_id: null,
        detail: { occasion: 'rotation', bids: 2, profiles: 2, simulationParts: 2, fromKeys: [before.id] },
      });
      // the entry names counts and key ids, never a sealed value
      expect(JSON.stringify(entries.rows)).not.toContain('731.5');
    } finally {
      await handle.close();
    }
  });

  it('reads everything back the same under the new key: the profile, the job and the bids at the reveal', async () => {
    const { url } = await start();
    const ukraine = await demoSession(url, 'ukraine');
    const mediator = await demoSession(url, 'mediator');
    const profile = (
      (await (await send(url, ukraine, `GET ${N}/preferences`)).json()) as { profile: unknown }
    ).profile;
    expect(profile).toEqual(profileBefore);
    const job = await send(url, mediator, `GET ${N}/live-simulations/${jobId}`);
    expect(await job.json()).toMatchObject({
      status: 'completed',
      result: { agreementProbability: expect.any(Number) },
    });
    const revealed = await send(url, mediator, `POST ${N}/biddings/${biddingId}/reveal`);
    expect(revealed.status, await revealed.clone().text()).toBe(200);
    expect(((await revealed.json()) as { outcome: unknown }).outcome).toEqual({
      overlap: true,
      settlement: (BOUNDS.ukraine + BOUNDS.russia) / 2,
    });
    await stop();
  });

  it('forgets the retired keys, naming a value it cannot open and leaving it as it is', async () => {
    // What no key of this server opens: a profile revision sealed under a stranger's key.
    const stranger = createEphemeralSealKey();
    const foreign = sealJson(stranger, 'another server', { reservation: 0 });
    const handle = await openDatabase({ dataDir });
    try {
      await sql`INSERT INTO preference_profiles
        (negotiation_id, party_id, revision, body, sealed, shared_with_mediator, saved_by, saved_at)
        VALUES (${DEMO_NEGOTIATION.id}, ${DEMO_PARTIES.russia.id}, 7, null, ${foreign}, false, null, now())`.execute(
        handle.db,
      );
    } finally {
      await handle.close();
    }
    const held = loadSealKey({ keyDir, env: {} });
    const forgot = await run('seal', 'forget-retired', '--data', dataDir);
    expect(forgot.code).toBe(1);
    expect(forgot.out).toContain(`Nothing was re-sealed under key ${held.id}.`);
    expect(forgot.out).toContain(
      `preference_profiles ${DEMO_PARTIES.russia.id}/7 (key ${stranger.id}): sealed under key ${stranger.id}`,
    );
    expect(forgot.out).toContain(
      `Forgot the retired seal keys ${held.retired.map((key) => key.id).join(', ')}.`,
    );
    expect(existsSync(path.join(keyDir, 'bid-seal.retired'))).toBe(false);
    const values = await stored();
    expect(values.get(`profile/${DEMO_PARTIES.russia.id}/7`)).toBe(foreign);
    expect(keyIdsOf(values)).toEqual(new Set([held.id, stranger.id]));
    expect(readFileSync(path.join(keyDir, 'bid-seal.key'), 'utf8').trim()).toBe(
      held.secret.toString('base64'),
    );
  });
});

describe('the seal key from the environment', () => {
  const base64 = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('opens with retired keys listed in PARLEY_BID_SEAL_RETIRED_KEYS and never seals with them', () => {
    const key = loadSealKey({
      keyDir: '/nonexistent',
      env: { PARLEY_BID_SEAL_KEY: base64(1), PARLEY_BID_SEAL_RETIRED_KEYS: `${base64(2)}, ${base64(3)}\n` },
    });
    const old = loadSealKey({ keyDir: '/nonexistent', env: { PARLEY_BID_SEAL_KEY: base64(2) } });
    expect(key.retired.map((retired) => retired.id)).toEqual([old.id, expect.any(String)]);
    const sealedBefore = sealJson(old, 'a row', { bound: 5 });
    expect(openJson(key, 'a row', sealedBefore)).toEqual({ bound: 5 });
    expect(sealedKeyId(sealJson(key, 'a row', { bound: 5 }))).toBe(key.id);
    expect(key.id).not.toBe(old.id);
  });

  it('names the variable when a retired key is not a key', () => {
    expect(() =>
      loadSealKey({
        keyDir: '/nonexistent',
        env: { PARLEY_BID_SEAL_KEY: base64(1), PARLEY_BID_SEAL_RETIRED_KEYS: `${base64(2)},c2hvcnQ=` },
      }),
    ).toThrow('PARLEY_BID_SEAL_RETIRED_KEYS: key 2 is not 32 bytes of base64');
  });

  it('is rotated in the environment, not by the CLI', () => {
    const keyDir = mkdtempSync(path.join(tmpdir(), 'parley-seal-env-'));
    try {
      expect(() => rotateSealKey(keyDir, { PARLEY_BID_SEAL_KEY: base64(1) })).toThrow(
        /rotate it there.*PARLEY_BID_SEAL_RETIRED_KEYS/,
      );
      expect(existsSync(path.join(keyDir, 'bid-seal.retired'))).toBe(false);
      expect(() => forgetRetiredSealKeys(keyDir, { PARLEY_BID_SEAL_KEY: base64(1) })).toThrow(
        /remove PARLEY_BID_SEAL_RETIRED_KEYS/,
      );
    } finally {
      rmSync(keyDir, { recursive: true, force: true });
    }
  });
});

import { BiddingIdSchema } from '@parley/core';
import { sql } from 'kysely';
import { openBound, sealBound } from '../sealing/bid-seal';
import { openProfile, sealProfile } from '../sealing/profile-seal';
import type { SealKey } from '../sealing/seal-key';
import { sealedKeyId, SealOpenError } from '../sealing/sealed-json';
import { openSimulationPart, sealSimulationPart, type SimulationPart } from '../sealing/simulation-seal';
import type { Database } from './database';

// After a key rotation every sealed value is opened under the key (or retired key) that sealed it
// and sealed again under the current one, bound to the same row, so a retired key can be dropped.

/** A stored value that could not be re-sealed: its row and why, never its contents. */
export type ResealFailure = {
  readonly table: 'blind_bids' | 'preference_profiles' | 'simulations';
  readonly row: string;
  readonly keyId: string | null;
  readonly reason: string;
};

export type ResealReport = {
  /** Values sealed again under the current key, by table. */
  readonly bids: number;
  readonly profiles: number;
  readonly simulationParts: number;
  /** The retired key ids the re-sealed values were under. */
  readonly fromKeys: readonly string[];
  readonly failures: readonly ResealFailure[];
};

type Tally = { fromKeys: Set<string>; failures: ResealFailure[] };

/** `sealed` opened under its own key and sealed under the current one; a failure is noted, not thrown. */
function resealed(
  sealed: string,
  reseal: (value: string) => string,
  { into, ...failure }: Omit<ResealFailure, 'keyId' | 'reason'> & { into: Tally },
): string | undefined {
  const keyId = sealedKeyId(sealed) ?? null;
  try {
    const again = reseal(sealed);
    if (keyId !== null) into.fromKeys.add(keyId);
    return again;
  } catch (error) {
    if (!(error instanceof SealOpenError)) throw error;
    into.failures.push({ ...failure, keyId, reason: error.message });
    return undefined;
  }
}

/**
 * Re-seals one table's rows: `store` writes the new value only where the old one still stands and
 * says how many rows it changed (none when the row was replaced meanwhile).
 */
async function resealEach<Row extends { sealed: string | null }>(
  rows: readonly Row[],
  into: Tally,
  how: {
    table: ResealFailure['table'];
    rowName: (row: Row) => string;
    reseal: (row: Row, sealed: string) => string;
    store: (row: Row, sealed: string, again: string) => Promise<bigint>;
  },
): Promise<number> {
  let changed = 0;
  for (const row of rows) {
    const { sealed } = row;
    if (sealed === null) continue;
    const again = resealed(sealed, (value) => how.reseal(row, value), {
      table: how.table,
      row: how.rowName(row),
      into,
    });
    if (again !== undefined) changed += Number(await how.store(row, sealed, again));
  }
  return changed;
}

/** A SQL pattern of values sealed under the current key: those are left as they are. */
const underKey = (key: SealKey) => `v1.${key.id}.%`;

/**
 * Re-seals every blind bid, profile and live simulation job not sealed under the current key, in
 * the caller's transaction. Rows are locked and each update checks the value is still the one it
 * opened, so a bid replaced meanwhile is not overwritten with its old bound.
 */
export async function resealAll(tx: Database, key: SealKey): Promise<ResealReport> {
  const into: Tally = { fromKeys: new Set<string>(), failures: [] };
  let simulationParts = 0;

  const bids = await resealEach(
    await tx
      .selectFrom('blind_bids')
      .select(['bidding_id', 'party_id', 'sealed'])
      .where('sealed', 'is not', null)
      .where('sealed', 'not like', underKey(key))
      .forUpdate()
      .execute(),
    into,
    {
      table: 'blind_bids',
      rowName: (row) => `${row.bidding_id}/${row.party_id}`,
      reseal: (row, sealed) => {
        const context = { biddingId: BiddingIdSchema.parse(row.bidding_id), partyId: row.party_id };
        return sealBound(key, context, openBound(key, context, sealed));
      },
      store: async (row, sealed, again) =>
        (
          await tx
            .updateTable('blind_bids')
            .set({ sealed: again })
            .where('bidding_id', '=', row.bidding_id)
            .where('party_id', '=', row.party_id)
            .where('sealed', '=', sealed)
            .executeTakeFirst()
        ).numUpdatedRows,
    },
  );

  const profiles = await resealEach(
    await tx
      .selectFrom('preference_profiles')
      .select(['negotiation_id', 'party_id', 'revision', 'sealed'])
      .where('sealed', 'is not', null)
      .where('sealed', 'not like', underKey(key))
      .forUpdate()
      .execute(),
    into,
    {
      table: 'preference_profiles',
      rowName: (row) => `${row.party_id}/${row.revision}`,
      reseal: (row, sealed) => {
        const context = { negotiationId: row.negotiation_id, partyId: row.party_id, revision: row.revision };
        return sealProfile(key, context, openProfile(key, context, sealed));
      },
      store: async (row, sealed, again) =>
        (
          await tx
            .updateTable('preference_profiles')
            .set({ sealed: again })
            .where('party_id', '=', row.party_id)
            .where('revision', '=', row.revision)
            .where('sealed', '=', sealed)
            .executeTakeFirst()
        ).numUpdatedRows,
    },
  );

  const jobRows = await tx
    .selectFrom('simulations')
    .select(['id', 'negotiation_id', 'input', 'result'])
    .where('kind', '=', 'live')
    .where((eb) =>
      eb.or([
        sql<boolean>`jsonb_typeof(input -> 'parties') = 'string' AND input ->> 'parties' NOT LIKE ${underKey(key)}`,
        sql<boolean>`jsonb_typeof(result -> 'sealed') = 'string' AND result ->> 'sealed' NOT LIKE ${underKey(key)}`,
      ]),
    )
    .forUpdate()
    .execute();
  for (const row of jobRows) {
    const job = { negotiationId: row.negotiation_id ?? '', simulationId: row.id };
    const input = parseJson(row.input) as Record<string, unknown>;
    const result = parseJson(row.result) as Record<string, unknown> | null;
    const part = (name: SimulationPart, sealed: unknown): string | undefined => {
      if (typeof sealed !== 'string' || sealed.startsWith(`v1.${key.id}.`)) return undefined;
      const target = { ...job, part: name };
      return resealed(
        sealed,
        (value) => sealSimulationPart(key, target, openSimulationPart(key, target, value)),
        { table: 'simulations', row: `${row.id}/${name}`, into },
      );
    };
    const parties = part('parties', input.parties);
    const sealedResult = part('result', result?.sealed);
    if (parties === undefined && sealedResult === undefined) continue;
    await tx
      .updateTable('simulations')
      .set({
        input: JSON.stringify(parties === undefined ? input : { ...input, parties }),
        result:
          result === null
            ? null
            : JSON.stringify(sealedResult === undefined ? result : { sealed: sealedResult }),
      })
      .where('id', '=', row.id)
      .execute();
    simulationParts += (parties === undefined ? 0 : 1) + (sealedResult === undefined ? 0 : 1);
  }

  return { bids, profiles, simulationParts, fromKeys: [...into.fromKeys].sort(), failures: into.failures };
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

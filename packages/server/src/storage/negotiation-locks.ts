import { sql } from 'kysely';
import type { Database } from './database';

/**
 * What a negotiation-wide transaction lock guards, each under its own key: a check-then-write
 * ("no party has this name", "no copy has this heading style") that two writers, in any process,
 * must not both pass. Kept in one place so two locks never share a key by accident; 7 402 913 is
 * the audit chain's single lock (audit-log.ts, migration 0230).
 */
const NEGOTIATION_LOCKS = {
  exportKeys: 7_402_914,
  partyNames: 7_402_915,
  openEscalations: 7_402_916,
  issueDefinitions: 7_402_917,
} as const;

/** Takes the lock for `what` in one negotiation, held until the caller's transaction ends. */
export async function lockInNegotiation(
  tx: Database,
  what: keyof typeof NEGOTIATION_LOCKS,
  negotiationId: string,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${NEGOTIATION_LOCKS[what]}, hashtext(${negotiationId}))`.execute(tx);
}

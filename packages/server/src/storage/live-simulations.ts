import {
  PlanVersionIdSchema,
  SimulationIdSchema,
  type Simulation,
  type SimulationId,
  type PlanVersionId,
} from '@parley/core';
import type { LiveTalksSummary } from '@parley/engine';
import type { Selectable } from 'kysely';
import type { LiveSimulationJobInput } from '../work/simulate-live';
import type { Database } from './database';
import type { SimulationsTable } from './schema';
import { queuedJobValues } from './simulations';

// Simulations of the live talks live in the simulations table (kind 'live'), so the job queue, the
// attempts, progress, cancellation and the sweep of abandoned jobs are the same code for both.

export type StoredLiveSimulation = {
  id: SimulationId;
  ownerId: string;
  negotiationId: string;
  versionId: PlanVersionId;
  status: Simulation['status'];
  progressDone: number;
  input: LiveSimulationJobInput;
  /** Every party's numbers, as the neutral system computed them: filtered for each viewer on the way out. */
  result: LiveTalksSummary | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
};

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function toLiveSimulation(row: Selectable<SimulationsTable>): StoredLiveSimulation {
  return {
    id: SimulationIdSchema.parse(row.id),
    ownerId: row.owner_id,
    negotiationId: row.negotiation_id ?? '',
    versionId: PlanVersionIdSchema.parse(row.version_id),
    status: row.status,
    progressDone: row.progress_done,
    input: parseJson(row.input) as LiveSimulationJobInput,
    result: (parseJson(row.result) ?? null) as LiveTalksSummary | null,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function insertLiveSimulation(
  db: Database,
  simulation: { id: string; ownerId: string; input: LiveSimulationJobInput; at: Date },
): Promise<StoredLiveSimulation> {
  const row = await db
    .insertInto('simulations')
    .values({
      ...queuedJobValues(simulation),
      kind: 'live',
      negotiation_id: simulation.input.negotiationId,
      version_id: simulation.input.versionId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLiveSimulation(row);
}

/** A live simulation of this negotiation, or undefined (another negotiation's is not found either). */
export async function findLiveSimulation(
  db: Database,
  key: { negotiationId: string; id: string },
): Promise<StoredLiveSimulation | undefined> {
  const row = await db
    .selectFrom('simulations')
    .selectAll()
    .where('id', '=', key.id)
    .where('kind', '=', 'live')
    .where('negotiation_id', '=', key.negotiationId)
    .executeTakeFirst();
  return row === undefined ? undefined : toLiveSimulation(row);
}

/** The newest live simulations of a version, newest first. */
export async function listLiveSimulations(
  db: Database,
  key: { negotiationId: string; versionId: PlanVersionId; limit: number },
): Promise<StoredLiveSimulation[]> {
  const rows = await db
    .selectFrom('simulations')
    .selectAll()
    .where('kind', '=', 'live')
    .where('negotiation_id', '=', key.negotiationId)
    .where('version_id', '=', key.versionId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(key.limit)
    .execute();
  return rows.map(toLiveSimulation);
}

import {
  PlanVersionIdSchema,
  SimulationIdSchema,
  type Simulation,
  type SimulationId,
  type PlanVersionId,
} from '@parley/core';
import type { LiveTalksSummary } from '@parley/engine';
import { sql, type Selectable } from 'kysely';
import type { SealKey } from '../sealing/seal-key';
import { openSimulationPart, sealSimulationPart } from '../sealing/simulation-seal';
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

/**
 * A live job's input as stored: `parties` (every party's profile) and the result are sealed
 * strings; a job queued before sealing holds them in clear and is read as it was.
 */
export function openLiveJobInput(
  stored: unknown,
  job: { negotiationId: string; simulationId: string; sealKey: SealKey },
): LiveSimulationJobInput {
  const input = parseJson(stored) as Omit<LiveSimulationJobInput, 'parties'> & { parties: unknown };
  const parties =
    typeof input.parties === 'string'
      ? openSimulationPart(job.sealKey, { ...job, part: 'parties' }, input.parties)
      : input.parties;
  return { ...input, parties } as LiveSimulationJobInput;
}

/**
 * Seals a live job's result before it is stored (jobs/run-simulation-job.ts). Wrapped in an
 * object: a bare string in the jsonb column would read like the JSON text some drivers return.
 */
export function sealLiveResult(
  result: unknown,
  job: { negotiationId: string; simulationId: string; sealKey: SealKey },
): { sealed: string } {
  return { sealed: sealSimulationPart(job.sealKey, { ...job, part: 'result' }, result) };
}

const isSealedResult = (value: unknown): value is { sealed: string } =>
  typeof value === 'object' && value !== null && 'sealed' in value && typeof value.sealed === 'string';

function toLiveSimulation(row: Selectable<SimulationsTable>, sealKey: SealKey): StoredLiveSimulation {
  const job = { negotiationId: row.negotiation_id ?? '', simulationId: row.id, sealKey };
  const result = parseJson(row.result) ?? null;
  return {
    id: SimulationIdSchema.parse(row.id),
    ownerId: row.owner_id,
    negotiationId: row.negotiation_id ?? '',
    versionId: PlanVersionIdSchema.parse(row.version_id),
    status: row.status,
    progressDone: row.progress_done,
    input: openLiveJobInput(row.input, job),
    result: (isSealedResult(result)
      ? openSimulationPart(sealKey, { ...job, part: 'result' }, result.sealed)
      : result) as LiveTalksSummary | null,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export async function insertLiveSimulation(
  db: Database,
  simulation: { id: string; ownerId: string; input: LiveSimulationJobInput; at: Date; sealKey: SealKey },
): Promise<StoredLiveSimulation> {
  const { input, sealKey } = simulation;
  const target = {
    negotiationId: input.negotiationId,
    simulationId: simulation.id,
    part: 'parties' as const,
  };
  const sealed = { ...input, parties: sealSimulationPart(sealKey, target, input.parties) };
  const row = await db
    .insertInto('simulations')
    .values({
      ...queuedJobValues({ ...simulation, input: sealed }),
      kind: 'live',
      negotiation_id: simulation.input.negotiationId,
      version_id: simulation.input.versionId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLiveSimulation(row, sealKey);
}

/** A live simulation of this negotiation, or undefined (another negotiation's is not found either). */
export async function findLiveSimulation(
  db: Database,
  key: { negotiationId: string; id: string; sealKey: SealKey },
): Promise<StoredLiveSimulation | undefined> {
  const row = await db
    .selectFrom('simulations')
    .selectAll()
    .where('id', '=', key.id)
    .where('kind', '=', 'live')
    .where('negotiation_id', '=', key.negotiationId)
    .executeTakeFirst();
  return row === undefined ? undefined : toLiveSimulation(row, key.sealKey);
}

/** The newest live simulations of a version, newest first. */
export async function listLiveSimulations(
  db: Database,
  key: { negotiationId: string; versionId: PlanVersionId; limit: number; sealKey: SealKey },
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
  return rows.map((row) => toLiveSimulation(row, key.sealKey));
}

/**
 * Seals the profiles and results of live jobs stored in clear (queued before sealing), in one
 * transaction at start-up, as storage/preference-profiles.ts does for profiles; idempotent.
 */
export async function sealClearLiveJobs(db: Database, sealKey: SealKey): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom('simulations')
      .select(['id', 'negotiation_id', 'input', 'result'])
      .where('kind', '=', 'live')
      .where(sql<boolean>`jsonb_typeof(input -> 'parties') = 'array'`)
      .forUpdate()
      .execute();
    for (const row of rows) {
      const job = { negotiationId: row.negotiation_id ?? '', simulationId: row.id, sealKey };
      const input = parseJson(row.input) as LiveSimulationJobInput;
      const result = parseJson(row.result) ?? null;
      const sealedInput = {
        ...input,
        parties: sealSimulationPart(sealKey, { ...job, part: 'parties' }, input.parties),
      };
      await tx
        .updateTable('simulations')
        .set({
          input: JSON.stringify(sealedInput),
          result: result === null ? null : JSON.stringify(sealLiveResult(result, job)),
        })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  });
}

import { SimulationIdSchema, UserIdSchema, type CreateSimulationInput, type Simulation } from '@parley/core';
import type { Selectable } from 'kysely';
import type { Database } from './database';
import type { SimulationsTable } from './schema';

export type StoredSimulation = Simulation & { input: CreateSimulationInput };

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function toSimulation(row: Selectable<SimulationsTable>): StoredSimulation {
  const input = parseJson(row.input) as CreateSimulationInput;
  return {
    id: SimulationIdSchema.parse(row.id),
    ownerId: UserIdSchema.parse(row.owner_id),
    status: row.status,
    agents: input.agents,
    // A live job (cancelled through the same path) stores no space: its parties are shown by its own view.
    parties:
      row.kind === 'live'
        ? []
        : input.space.parties.map((party) => ({
            name: party.name,
            reservation: party.reservation,
            discount: party.discount ?? null,
          })),
    protocol: input.protocol,
    steps: input.steps,
    runs: input.runs,
    seed: input.seed,
    progress: { done: row.progress_done, total: input.runs },
    result: (parseJson(row.result) ?? null) as Simulation['result'],
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    input,
  };
}

/** The columns of a job just queued, whichever kind (a live one adds its negotiation and version). */
export function queuedJobValues(job: { id: string; ownerId: string; input: unknown; at: Date }) {
  return {
    id: job.id,
    owner_id: job.ownerId,
    input: JSON.stringify(job.input),
    status: 'queued',
    progress_done: 0,
    result: null,
    error: null,
    attempts: 0,
    created_at: job.at,
    updated_at: job.at,
  } as const;
}

export async function insertSimulation(
  db: Database,
  simulation: { id: string; ownerId: string; input: CreateSimulationInput; at: Date },
): Promise<StoredSimulation> {
  const row = await db
    .insertInto('simulations')
    .values(queuedJobValues(simulation))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSimulation(row);
}

/** An account's scenario simulation; a live one (storage/live-simulations.ts) is not found here. */
export async function findSimulation(db: Database, id: string): Promise<StoredSimulation | undefined> {
  const row = await db
    .selectFrom('simulations')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'scenario')
    .executeTakeFirst();
  return row === undefined ? undefined : toSimulation(row);
}

/** Marks a job running; returns undefined when it already finished (a duplicate delivery). */
export async function startSimulationAttempt(
  db: Database,
  id: string,
  at: Date,
): Promise<StoredSimulation | undefined> {
  const row = await markAttempt(db, id, at);
  return row === undefined ? undefined : toSimulation(row);
}

/** A job of either kind, as the worker needs it: its stored input is parsed by the kind's runner. */
export type SimulationJobAttempt = {
  attempts: number;
  kind: 'scenario' | 'live';
  input: unknown;
  negotiationId: string | null;
};

export async function startSimulationJobAttempt(
  db: Database,
  id: string,
  at: Date,
): Promise<SimulationJobAttempt | undefined> {
  const row = await markAttempt(db, id, at);
  return row === undefined
    ? undefined
    : {
        attempts: row.attempts,
        kind: row.kind,
        input: parseJson(row.input),
        negotiationId: row.negotiation_id,
      };
}

async function markAttempt(db: Database, id: string, at: Date) {
  return db
    .updateTable('simulations')
    .set((eb) => ({ status: 'running', progress_done: 0, attempts: eb('attempts', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
}

/** Records progress; false when the job is no longer running (cancelled meanwhile). */
export async function updateSimulationProgress(
  db: Database,
  update: { id: string; done: number; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('simulations')
    .set({ progress_done: update.done, updated_at: update.at })
    .where('id', '=', update.id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cancels a job that has not finished; returns it, or undefined when it had already ended. */
export async function cancelSimulation(
  db: Database,
  update: { id: string; at: Date },
): Promise<StoredSimulation | undefined> {
  const row = await db
    .updateTable('simulations')
    .set({ status: 'cancelled', updated_at: update.at })
    .where('id', '=', update.id)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : toSimulation(row);
}

export async function finishSimulation(
  db: Database,
  update: { id: string; at: Date } & (
    { result: unknown; error?: undefined } | { error: string; result?: undefined }
  ),
): Promise<void> {
  await db
    .updateTable('simulations')
    .set({
      status: update.error === undefined ? 'completed' : 'failed',
      result: update.result === undefined ? null : JSON.stringify(update.result),
      error: update.error ?? null,
      updated_at: update.at,
    })
    .where('id', '=', update.id)
    // a cancelled job stays cancelled
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/**
 * Fails jobs still marked running on their last attempt with no progress since `idleSince`: the
 * worker holding them died, the queue has expired them and will not retry, so nothing else would
 * ever end them. Returns how many were failed.
 */
export async function failAbandonedSimulations(
  db: Database,
  input: { lastAttempt: number; idleSince: Date; at: Date; error: string },
): Promise<number> {
  const result = await db
    .updateTable('simulations')
    .set({ status: 'failed', error: input.error, updated_at: input.at })
    .where('status', '=', 'running')
    .where('attempts', '>=', input.lastAttempt)
    .where('updated_at', '<', input.idleSince)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import type { Database } from './database';
import type { READ_GENERATION_TABLES } from './migrations/0210-read-generations';

/** A table whose reads may be cached: a trigger moves its generation on every committed write. */
export type TrackedTable = keyof typeof READ_GENERATION_TABLES;

export type ReadGeneration = { negotiationId: string; table: string; generation: string };

/** The generations of the instance-wide scopes, of whole tables, and of the given negotiations. */
export async function listReadGenerations(
  db: Database,
  negotiationIds: readonly string[],
): Promise<ReadGeneration[]> {
  const rows = await db
    .selectFrom('read_generations')
    .select(['negotiation_id', 'table_name', 'generation'])
    .where('negotiation_id', 'in', ['', '*', ...negotiationIds])
    .execute();
  return rows.map((row) => ({
    negotiationId: row.negotiation_id,
    table: row.table_name,
    generation: String(row.generation),
  }));
}

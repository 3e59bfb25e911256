import type { InstanceSettings } from '@parley/core';
import type { Database } from './database';

/** A real deployment's defaults: sign-up by invitation only; any signed-in account may open a negotiation. */
export const DEFAULT_INSTANCE_SETTINGS: InstanceSettings = {
  signup: 'invitation',
  negotiationCreation: 'anyone',
};

export async function readInstanceSettings(db: Database): Promise<InstanceSettings> {
  const rows = await db.selectFrom('instance_settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return {
    signup: stored.get('signup') === 'open' ? 'open' : DEFAULT_INSTANCE_SETTINGS.signup,
    negotiationCreation:
      stored.get('negotiation-creation') === 'admins'
        ? 'admins'
        : DEFAULT_INSTANCE_SETTINGS.negotiationCreation,
  };
}

/** How many times the settings were changed through the API (0 before the first change). */
export async function readInstanceSettingsRevision(db: Database): Promise<number> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'revision')
    .executeTakeFirst();
  const revision = Number.parseInt(row?.value ?? '0', 10);
  return Number.isSafeInteger(revision) && revision >= 0 ? revision : 0;
}

export async function writeInstanceSettings(
  db: Database,
  input: { settings: InstanceSettings; at: Date; revision?: number },
): Promise<void> {
  const rows = [
    { key: 'signup', value: input.settings.signup, updated_at: input.at },
    { key: 'negotiation-creation', value: input.settings.negotiationCreation, updated_at: input.at },
    ...(input.revision === undefined
      ? []
      : [{ key: 'revision', value: String(input.revision), updated_at: input.at }]),
  ];
  for (const row of rows) {
    await db
      .insertInto('instance_settings')
      .values(row)
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }),
      )
      .execute();
  }
}

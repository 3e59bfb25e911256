import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A pending invitation can be withdrawn (a mistyped email used to stay redeemable for its 14 days):
 * who did it and when. The partial index serves the delegation's list of pending invitations, the
 * only query that reads invitations by party.
 */
export const invitationRevocationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('invitations')
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('revoked_by', 'uuid', (col) => col.references('users.id'))
      .execute();
    await db.schema
      .createIndex('invitations_pending_by_party')
      .on('invitations')
      .columns(['party_id', 'created_at'])
      .where(sql.ref('accepted_at'), 'is', null)
      .where(sql.ref('revoked_at'), 'is', null)
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('invitations_pending_by_party').execute();
    await db.schema.alterTable('invitations').dropColumn('revoked_at').dropColumn('revoked_by').execute();
  },
};

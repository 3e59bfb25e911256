import { sql, type Kysely, type Migration } from 'kysely';

/** Plan versions can be exported as Akoma Ntoso 3.0 XML (issue 14): the format check admits `akn`. */
export const exportAknMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table exports drop constraint exports_format`.execute(db);
    await sql`alter table exports add constraint exports_format check (format in ('markdown', 'pdf', 'docx', 'akn'))`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`delete from exports where format = 'akn'`.execute(db);
    await sql`alter table exports drop constraint exports_format`.execute(db);
    await sql`alter table exports add constraint exports_format check (format in ('markdown', 'pdf', 'docx'))`.execute(
      db,
    );
  },
};

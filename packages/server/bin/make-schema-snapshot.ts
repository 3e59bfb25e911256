// Makes the snapshot of the migrated empty schema at install (the root `prepare` script), so that
// even the first new PGlite database of an installation starts from it (storage/schema-snapshot.ts).
// Opening a new database in memory makes it when it is missing; nothing else is written.
import { openDatabase } from '../src/storage/database';
import { schemaSnapshotPath } from '../src/storage/schema-snapshot';

const handle = await openDatabase({ inMemory: true });
await handle.close();
const path = schemaSnapshotPath();
console.log(
  handle.origin === 'migrations'
    ? `parley schema snapshot made: ${path ?? '(this installation has no place for it)'}`
    : 'parley schema snapshot present',
);

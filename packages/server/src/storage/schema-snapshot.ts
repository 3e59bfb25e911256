import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS } from './migrations';

/**
 * A new PGlite database (a new data folder, or one in memory) is created from a tarball of the
 * migrated empty schema instead of by initdb and every migration: about 0.5 s instead of 2–3 s
 * (issue #17 item 4; each test database too). `npm install` makes it (bin/make-schema-snapshot.ts),
 * and so does any new in-memory database migrated from zero; never a data folder, which also holds
 * files that are not the database's (its owner's lock). It is kept beside the compiled CLI, in the
 * installation's own folder: a world-writable place such as the temporary folder would let another
 * local user plant a database (with an account of theirs) that the next new instance starts from.
 *
 * The tarball is named by PGlite's version and the names of the migrations, which is how the
 * migrator itself tells applied from missing: a database started from a stale one is still brought
 * up to date by the migrator, so a wrong name costs time, never a migration.
 */
const PACKAGE_NAME = '@parley/server';
/**
 * Raised when what goes into a snapshot changes (2: never from a data folder, whose lock it held;
 * 3: without the template databases).
 */
const SNAPSHOT_FORMAT = 3;

let memo: { file: string; tarball: Blob } | undefined;

/**
 * The tarball as PGlite reads it: PGlite only asks a Blob for its bytes, and Node's Blob hands them
 * over through a stream of small chunks joined again, about a third of each open of a new database
 * in memory (a test opens hundreds). These bytes are copied whole instead, so nothing a database
 * does can reach the ones kept.
 */
class HeldTarball extends Blob {
  readonly #bytes: Uint8Array<ArrayBuffer>;

  constructor(bytes: Uint8Array<ArrayBuffer>) {
    super([bytes]);
    // A plain Uint8Array of its own: a Buffer's slice() is a view, not the copy arrayBuffer() gives.
    this.#bytes = new Uint8Array(bytes);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }
}

/**
 * The snapshot kept in `file` (default: the installation's, for the present migrations), or
 * undefined when there is none.
 */
export function readSchemaSnapshot(file = schemaSnapshotPath()): Blob | undefined {
  if (file === undefined) return undefined;
  if (memo?.file === file) return memo.tarball;
  if (!existsSync(file)) return undefined;
  try {
    // gunzip checks the CRC: a damaged file is not loaded (and is made again).
    const tarball = new HeldTarball(gunzipSync(readFileSync(file)));
    memo = { file, tarball };
    return tarball;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

/**
 * Keeps the schema of a database just created and migrated, before anything else is written to it,
 * in this process and in `file` (an installation that cannot be written to simply migrates each
 * new database from zero). Once per installation: about 0.3 s.
 */
export async function saveSchemaSnapshot(pglite: PGlite, file = schemaSnapshotPath()): Promise<void> {
  if (file === undefined) return;
  // PGlite's backend only ever serves the database `postgres`; the two templates initdb makes were
  // 600 of the tarball's 1,170 files and 15 of its 42 MB, each written out at every open.
  for (const template of ['template0', 'template1']) {
    // Two statements on their own: DROP DATABASE refuses to run inside a transaction block.
    await pglite.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
    await pglite.exec(`DROP DATABASE ${template}`);
  }
  // A clean checkpoint: a database started from the tarball has no log to replay.
  await pglite.exec('CHECKPOINT');
  const tarball = new HeldTarball(new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  memo = { file, tarball };
  // Awaited: a process that stops soon after (a CLI command, a test) would otherwise leave none.
  await writeSnapshot(file, tarball).catch(() => undefined);
}

/** Forgets this process's copy: the next new database reads the file again. */
export function forgetSchemaSnapshot(): void {
  memo = undefined;
}

/**
 * The installation's snapshot for the present migrations,
 * `<@parley/server>/dist/schema-snapshots/<key>.tar.gz` from the sources or the compiled CLI alike;
 * undefined if this installation has no such folder.
 */
export function schemaSnapshotPath(): string | undefined {
  packageFolder ??= findPackageFolder(dirname(fileURLToPath(import.meta.url)));
  return packageFolder === null
    ? undefined
    : join(packageFolder, 'dist', 'schema-snapshots', `${snapshotKey()}.tar.gz`);
}

async function writeSnapshot(file: string, tarball: Blob): Promise<void> {
  // The fastest level: 42 MB of mostly empty pages still shrink to about 5 MB.
  const compressed = await promisify(gzip)(Buffer.from(await tarball.arrayBuffer()), { level: 1 });
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  // Written whole under a name of its own, then renamed: a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, compressed);
  renameSync(partial, file);
  // Snapshots for other migrations or PGlite versions will not be read again.
  for (const name of readdirSync(folder))
    if (join(folder, name) !== file && name.endsWith('.tar.gz')) rmSync(join(folder, name), { force: true });
}

let key: string | undefined;

function snapshotKey(): string {
  if (key !== undefined) return key;
  const hash = createHash('sha256');
  hash.update(`${SNAPSHOT_FORMAT} ${pgliteVersion()}`);
  for (const name of Object.keys(MIGRATIONS).sort()) hash.update(`\n${name}`);
  key = hash.digest('hex').slice(0, 16);
  return key;
}

let packageFolder: string | null | undefined;

function findPackageFolder(start: string): string | null {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && readJson(manifest)?.name === PACKAGE_NAME) return folder;
    if (dirname(folder) === folder) return null;
  }
}

function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  for (let folder = dirname(entry); dirname(folder) !== folder; folder = dirname(folder)) {
    const manifest = readJson(join(folder, 'package.json'));
    if (manifest?.name === '@electric-sql/pglite') return String(manifest.version);
  }
  return 'unknown';
}

function readJson(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}

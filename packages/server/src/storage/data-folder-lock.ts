import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * PGlite is one PostgreSQL backend inside this process: a second process opening the same folder
 * runs a second, unaware backend over the same files, and the two overwrite each other's pages
 * (issue #15: a CLI command beside a running server lost 277 of 518 acknowledged writes). So a
 * process owns a data folder through `parley.lock`, created atomically, holding its pid.
 */
export const LOCK_FILE_NAME = 'parley.lock';

export type LockOwner = {
  pid: number;
  host: string;
  startedAt: string;
  processStart?: string;
  command: string;
};

/** Thrown when another live process owns the folder; its message is one line naming that process. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${owner.pid}` +
        `${owner.host === hostname() ? '' : ` on ${owner.host}`} (${owner.command}, since ${owner.startedAt}); ` +
        'stop that process first, or use the running server through its API',
    );
    this.name = 'DataFolderInUseError';
  }
}

export type DataFolderLock = { readonly path: string; release(): void };

// Folders this process holds: a lock naming our own pid is only ours if we took it in this process
// (in a container, a restarted server is often pid 1 again and finds the lock its predecessor left).
const heldHere = new Set<string>();

/** Takes the folder's lock or throws DataFolderInUseError; a lock left by a dead process is taken over. */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const path = join(resolve(dataDir), LOCK_FILE_NAME);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    command: process.argv.slice(2, 4).join(' ') || 'node',
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path, me)) {
      heldHere.add(path);
      return { path, release: () => release(path) };
    }
    const owner = readOwner(path);
    if (owner !== undefined && isAlive(owner, path)) throw new DataFolderInUseError(dataDir, owner);
    removeIfUnchanged(path, owner);
  }
  throw new Error(`cannot take the lock ${path}: it keeps changing`);
}

// Written to a private temporary file then hard-linked into place: link() fails when the lock
// exists, so exactly one of two racing processes wins, and no reader ever sees a half-written file.
function tryCreate(path: string, owner: LockOwner): boolean {
  const temporary = `${path}.${process.pid}.${Date.now()}`;
  writeFileSync(temporary, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return {
      pid: parsed.pid,
      host: parsed.host,
      startedAt: String(parsed.startedAt ?? 'unknown'),
      processStart: parsed.processStart,
      command: String(parsed.command ?? 'unknown command'),
    };
  } catch {
    return undefined; // missing (released meanwhile) or unreadable: treated as stale
  }
}

function isAlive(owner: LockOwner, path: string): boolean {
  // Another machine (a shared network folder): its processes cannot be checked from here.
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: no such process
  }
  // The pid may have been reused by an unrelated process since the owner died.
  const start = processStartOf(owner.pid);
  return owner.processStart === undefined || start === undefined || start === owner.processStart;
}

// A second process may have taken over the stale lock meanwhile: only remove what we judged.
function removeIfUnchanged(path: string, judged: LockOwner | undefined): void {
  const now = readOwner(path);
  if (now !== undefined && JSON.stringify(now) !== JSON.stringify(judged)) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function release(path: string): void {
  if (!heldHere.delete(path)) return;
  const owner = readOwner(path);
  if (owner?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone: nothing to release
  }
}

/** The kernel's start time of a process (Linux /proc), which tells a reused pid from the original. */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

import type { Database } from '../storage/database';
import { listPlanVersions, type StoredVersion } from '../storage/plan-versions';

// Every plan read used to reload every version with all its points and edges (issue #15: the
// status of one version read the whole history twice). Versions never change once written, so
// they are kept per negotiation and reloaded only when the plan's revision moves: each version is
// saved in the transaction that advances it (`advancePlanRevision`), and the caller reads the
// revision on every call, so a version another process adds is seen by the next read.
type Entry = { revision: number; versions: Promise<readonly StoredVersion[]> };
const CACHES = new WeakMap<Database, Map<string, Entry>>();
const MAX_NEGOTIATIONS = 200;

/** The negotiation's versions, oldest first; shared objects: callers copy before changing anything. */
export async function cachedPlanVersions(
  db: Database,
  negotiationId: string,
  revision: number,
): Promise<readonly StoredVersion[]> {
  let cache = CACHES.get(db);
  if (cache === undefined) {
    cache = new Map();
    CACHES.set(db, cache);
  }
  const hit = cache.get(negotiationId);
  if (hit !== undefined && hit.revision === revision) return hit.versions;
  const versions = listPlanVersions(db, negotiationId);
  cache.delete(negotiationId);
  if (cache.size >= MAX_NEGOTIATIONS) cache.delete(cache.keys().next().value as string);
  cache.set(negotiationId, { revision, versions });
  versions.catch(() => cache.delete(negotiationId));
  return versions;
}

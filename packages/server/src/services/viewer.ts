import { DomainError, isMembershipActive, type Viewer, type UserId } from '@parley/core';
import { isAdminUser } from '../storage/users';
import { cachedSeatsOfUser } from './cached-reads';
import type { AppDeps } from './deps';

/** The caller as the policy sees them: seats valid now (a replaced lead loses access at validTo). */
export async function loadViewer(deps: AppDeps, userId: UserId | null): Promise<Viewer> {
  if (userId === null) return { userId: null, memberships: [] };
  const now = deps.clock.now();
  const seats = await cachedSeatsOfUser(deps.db, userId);
  const memberships = seats
    .filter((seat) => isMembershipActive(seat, now))
    .map((seat) => ({
      negotiationId: seat.negotiationId,
      partyId: seat.partyId,
      partyRole: seat.partyRole,
      function: seat.function,
    }));
  return { userId, memberships };
}

/** The viewer with `isAdmin` loaded: only instance-wide actions (settings, opening negotiations) need it. */
export async function withAdminFlag(deps: AppDeps, viewer: Viewer): Promise<Viewer> {
  if (viewer.userId === null) return viewer;
  return { ...viewer, isAdmin: await isAdminUser(deps.db, viewer.userId) };
}

/**
 * Load-then-authorize in one code path: a missing resource and one the viewer may not see
 * produce the same error object, so status, body and timing match.
 */
export function visibleOrNotFound<T>(
  found: T | undefined,
  isVisible: (value: T) => boolean,
  what: string,
): T {
  if (found === undefined || !isVisible(found)) throw new DomainError('not-found', `${what} not found.`);
  return found;
}

/** For a write on something the viewer can see but not change. */
export function assertAllowed(isAllowed: boolean, what: string): void {
  if (!isAllowed) throw new DomainError('forbidden', `You may not ${what}.`);
}

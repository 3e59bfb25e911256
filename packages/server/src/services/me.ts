import { DomainError, isMembershipActive, type Me, type UserId } from '@parley/core';
import { listSeatsOfUser } from '../storage/members';
import { findUser, isAdminUser } from '../storage/users';
import type { AppDeps } from './deps';

/** The caller, their CSRF token (cookie sessions only) and the seats valid now (ended seats reveal nothing). */
export async function getMe(deps: AppDeps, input: { userId: UserId; csrfToken: string | null }): Promise<Me> {
  const user = await findUser(deps.db, input.userId);
  if (user === undefined) throw new DomainError('unauthenticated', 'Sign in first.');
  const now = deps.clock.now();
  const memberships = (await listSeatsOfUser(deps.db, input.userId)).filter((seat) =>
    isMembershipActive(seat, now),
  );
  const isAdmin = await isAdminUser(deps.db, input.userId);
  return { user, csrfToken: input.csrfToken, isAdmin, memberships };
}

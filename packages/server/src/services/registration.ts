import { DomainError, UserIdSchema, type RegisterInput, type Registration, type User } from '@parley/core';
import { hashSecret } from '../auth/secrets';
import { readInstanceSettings } from '../storage/instance-settings';
import { findInvitationByTokenHash } from '../storage/invitations';
import { findUserByEmail, hasAnyUser, insertUser, lockUsersForFirstAccount } from '../storage/users';
import type { Database } from '../storage/database';
import { normalizeEmail } from './accounts';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { invitationStatus } from './invitations';

/**
 * Sign-up from the web app. An empty instance's first account becomes its administrator; after
 * that the instance's setting decides (open, or only with an invitation for this very email).
 * The answer is the same whether or not the email already had an account, so registration
 * cannot be used to learn who has one (#11, #13); an existing account is left untouched.
 */
export async function register(
  deps: AppDeps,
  input: RegisterInput & { ip: string | null },
): Promise<Registration> {
  const email = normalizeEmail(input.email);
  // Throttled per email and per address before the hash, whether or not the email has an
  // account; then hashed before looking anything up, so every path costs the same scrypt time.
  await deps.throttle.reserve({ kind: 'register', email, ip: input.ip });
  const passwordHash = await deps.passwords.hash(input.password);
  const signedUp = await commitChange(deps, {
    actor: { userId: null },
    write: async (tx) => {
      await lockUsersForFirstAccount(tx);
      const isFirst = !(await hasAnyUser(tx));
      if (!isFirst) await assertMaySignUp(deps, tx, { email, invitationToken: input.invitationToken });
      const existing = isFirst ? undefined : await findUserByEmail(tx, email);
      if (existing !== undefined) return { userId: existing.user.id, isNew: false, isFirst };
      const user: User = {
        id: UserIdSchema.parse(deps.ids.next()),
        email,
        displayName: input.displayName,
        createdAt: deps.clock.now().toISOString(),
      };
      await insertUser(tx, { user, passwordHash, isAdmin: isFirst });
      return { userId: user.id, isNew: true, isFirst };
    },
    // An existing account's entry names no actor: no one signed in, and its owner did not ask.
    audit: ({ userId, isNew, isFirst }) =>
      isNew
        ? {
            actorId: userId,
            action: 'user.create',
            subjectType: 'user',
            subjectId: userId,
            negotiationId: null,
            ip: input.ip,
            detail: isFirst ? { admin: true } : undefined,
          }
        : {
            action: 'user.register-existing',
            subjectType: 'user',
            subjectId: userId,
            negotiationId: null,
            ip: input.ip,
          },
  });
  return { status: 'accepted', admin: signedUp.isNew && signedUp.isFirst };
}

async function assertMaySignUp(
  deps: AppDeps,
  tx: Database,
  input: { email: string; invitationToken: string | undefined },
): Promise<void> {
  const settings = await readInstanceSettings(tx);
  if (settings.signup === 'open' && input.invitationToken === undefined) return;
  if (input.invitationToken === undefined)
    throw new DomainError(
      'forbidden',
      'Sign-up on this server is by invitation only: open the invitation link you were sent.',
    );
  const invitation = await findInvitationByTokenHash(tx, hashSecret(input.invitationToken));
  // Each reason is one the link's holder may read already (POST /api/invitations/preview), so the
  // form can say which, and what to do, rather than list them all.
  const refuse = (message: string, field: 'invitationToken' | 'email' = 'invitationToken') => {
    throw new DomainError('invitation-invalid', message, { field });
  };
  if (invitation === undefined)
    return refuse('This invitation link is unknown: open the whole link you were sent.');
  switch (invitationStatus(invitation, deps.clock.now())) {
    case 'accepted':
      return refuse('This invitation has already been used: whoever accepted it holds the seat.');
    case 'revoked':
      return refuse('This invitation was withdrawn: ask for a new one if you still need a seat.');
    case 'expired':
      return refuse('This invitation has expired: ask for a new one if you still need a seat.');
    case 'pending':
      if (invitation.email !== input.email)
        refuse(`This invitation is for ${invitation.email}: create the account with that address.`, 'email');
  }
}

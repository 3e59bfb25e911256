import { DomainError } from '@parley/core';
import type { Clock } from '../clock';
import type { Database } from '../storage/database';
import {
  forgetEndedThrottleWindows,
  returnThrottleSlot,
  takeThrottleSlot,
} from '../storage/sign-in-throttle';
import { hashSecret } from './secrets';

/** Password checks one account may take per window, whoever sends them… */
export const MAX_FAILED_LOGINS = 5;
/** …and one client address, over every account it tries. */
export const MAX_FAILED_LOGINS_PER_ADDRESS = 30;
/** Registrations one email may be given, and one address may send, per window. */
export const MAX_REGISTRATIONS_PER_EMAIL = 5;
export const MAX_REGISTRATIONS_PER_ADDRESS = 10;
/** Invitation tokens one address may try that turn out unknown (a preview or an acceptance). */
export const MAX_UNKNOWN_INVITATIONS_PER_ADDRESS = 30;
/** A window lasts this long from its first attempt. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleAttempt =
  | { kind: 'login' | 'register'; email: string; ip: string | null }
  // A token is not counted per token: a guesser tries a new one each time.
  | { kind: 'invitation'; ip: string | null };

/** The slots an attempt took; a sign-in that succeeds gives them back. */
export type ThrottleReservation = { readonly release: () => Promise<void> };

export type LoginThrottle = {
  /**
   * Takes a slot per account and per client address before any password is hashed, so that
   * concurrent guesses cannot all pass a check made before the first one fails. Throws
   * `too-many-attempts` (429 with Retry-After) when either window is full.
   */
  readonly reserve: (attempt: ThrottleAttempt) => Promise<ThrottleReservation>;
};

const LIMITS = {
  login: { account: MAX_FAILED_LOGINS, address: MAX_FAILED_LOGINS_PER_ADDRESS },
  register: { account: MAX_REGISTRATIONS_PER_EMAIL, address: MAX_REGISTRATIONS_PER_ADDRESS },
  invitation: { account: 0, address: MAX_UNKNOWN_INVITATIONS_PER_ADDRESS },
} as const;

const MESSAGES = {
  login: 'Too many failed sign-ins; try again later.',
  register: 'Too many sign-ups from this address or for this email; try again later.',
  invitation: 'Too many unknown invitation links from this address; try again later.',
} as const;

/**
 * Stored in the database, so every process serving the instance shares the windows (#13, item 6).
 * Keys are hashed: the table holds no email or address. The email is counted whether or not it has
 * an account, so the throttle itself does not tell which ones do.
 */
export function createLoginThrottle(db: Database, clock: Clock): LoginThrottle {
  return {
    async reserve(attempt) {
      const now = clock.now();
      await forgetEndedThrottleWindows(db, new Date(now.getTime() - 2 * LOGIN_WINDOW_MS));
      const limits = LIMITS[attempt.kind];
      const slots = [
        ...(attempt.kind === 'invitation'
          ? []
          : [{ scope: `${attempt.kind}:account`, key: hashSecret(attempt.email), limit: limits.account }]),
        ...(attempt.ip === null
          ? []
          : [{ scope: `${attempt.kind}:address`, key: hashSecret(attempt.ip), limit: limits.address }]),
      ];
      const taken: typeof slots = [];
      for (const slot of slots) {
        const endsAt = await takeThrottleSlot(db, { ...slot, windowMs: LOGIN_WINDOW_MS, now });
        if (endsAt !== undefined) {
          // The attempt is refused as a whole: a slot taken in another window is given back.
          for (const done of taken) await returnThrottleSlot(db, done);
          throw new DomainError('too-many-attempts', MESSAGES[attempt.kind], {
            retryAfterSeconds: Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000)),
          });
        }
        taken.push(slot);
      }
      return {
        release: async () => {
          for (const slot of taken) await returnThrottleSlot(db, slot);
        },
      };
    },
  };
}

import { DomainError } from '@parley/core';
import type { Clock } from '../clock';

/** After this many failures for one account from one address… */
export const MAX_FAILED_LOGINS = 5;
/** …further attempts are refused until the oldest failure is this old. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginThrottle = {
  /** Throws `too-many-attempts` (429 with Retry-After) while the key is locked out. */
  readonly check: (key: string) => void;
  readonly recordFailure: (key: string) => void;
  readonly recordSuccess: (key: string) => void;
};

/**
 * In-process sliding window per (account, ip). Kept in memory on purpose: it only needs to
 * slow guessing; with several processes each enforces its own window (documented in docs/api.md).
 */
export function createLoginThrottle(clock: Clock): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const cutoff = clock.now().getTime() - LOGIN_WINDOW_MS;
    const kept = (failures.get(key) ?? []).filter((at) => at > cutoff);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    check(key) {
      const kept = recent(key);
      const oldest = kept[0];
      if (kept.length < MAX_FAILED_LOGINS || oldest === undefined) return;
      const waitMs = oldest + LOGIN_WINDOW_MS - clock.now().getTime();
      throw new DomainError('too-many-attempts', 'Too many failed sign-ins; try again later.', {
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      });
    },
    recordFailure(key) {
      failures.set(key, [...recent(key), clock.now().getTime()]);
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}

import type { Database } from '../storage/database';
import { SYSTEM_CLOCK, type Clock } from '../clock';
import { RANDOM_IDS, type IdSource } from '../ids';
import { oneAtATime, type InTurn } from '../exports/one-at-a-time';
import { PlanEventHub } from '../realtime/plan-events';
import { createEphemeralKeyring, type AuditKeyring } from '../audit/signing-keys';
import { createEphemeralSealKey, type SealKey } from '../sealing/seal-key';
import { createLoginThrottle, type LoginThrottle } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/password';
import { ENGINE_BUDGETS, type EngineBudgets } from '../work/budgets';
import { sharedEnginePool, type EnginePool } from '../work/engine-pool';

/** Everything a service needs from outside; tests pass their own clock and ids. */
export type AppDeps = {
  readonly db: Database;
  readonly clock: Clock;
  /** The ids of what services create. */
  readonly ids: IdSource;
  /**
   * Plan events of this process. Every component over one database must share this hub (the API,
   * the event streams, the LISTEN/NOTIFY relay, shutdown): build the deps once and pass the hub on.
   */
  readonly events: PlanEventHub;
  readonly throttle: LoginThrottle;
  /** Password hashing; a test may count the checks (the throttle's promise is about how many run). */
  readonly passwords: Passwords;
  /** Always mark the session cookie `Secure` (it is anyway on a request that came over HTTPS). */
  readonly secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (PARLEY_TRUSTED_PROXIES). */
  readonly trustedProxies: ReadonlySet<string>;
  /** Signs audit checkpoints; held outside the database (docs/security.md). */
  readonly auditKeys: AuditKeyring;
  /** Seals blind bids at rest; held outside the database (sealing/seal-key.ts). */
  readonly sealKey: SealKey;
  /** Reports unexpected errors (a 500); never called for expected ones. */
  readonly logError: (error: unknown) => void;
  /**
   * Where mail would go. Parley sends none (no SMTP): the inviter is shown the link to pass on,
   * and the server logs each message here, without its one-time link, so an operator can see what
   * would have been sent.
   */
  readonly outbox?: (mail: { to: string; subject: string; text: string }) => void;
  /** Puts a stored simulation on the job queue; absent when the process runs no queue (jobs stay queued). */
  readonly enqueueSimulation?: (simulationId: string) => Promise<void>;
  /** Engine threads for CPU-heavy work (analysis, simulation): never on the event loop. */
  readonly engine: EnginePool;
  readonly budgets: EngineBudgets;
  /**
   * Runs a negotiation's fingerprinted copies one at a time in this process, so each chooses its
   * key against every copy before it (exports/create-export.ts); other processes are checked under
   * a database lock.
   */
  readonly copiesInTurn: InTurn;
};

export type Passwords = { readonly hash: typeof hashPassword; readonly verify: typeof verifyPassword };

export function createDeps(db: Database, overrides: Partial<Omit<AppDeps, 'db'>> = {}): AppDeps {
  const clock = overrides.clock ?? SYSTEM_CLOCK;
  return {
    db,
    clock,
    ids: overrides.ids ?? RANDOM_IDS,
    events: overrides.events ?? new PlanEventHub(db),
    throttle: overrides.throttle ?? createLoginThrottle(db, clock),
    passwords: overrides.passwords ?? { hash: hashPassword, verify: verifyPassword },
    secureCookies: overrides.secureCookies ?? false,
    trustedProxies: overrides.trustedProxies ?? new Set(),
    auditKeys: overrides.auditKeys ?? createEphemeralKeyring(),
    sealKey: overrides.sealKey ?? createEphemeralSealKey(),
    logError: overrides.logError ?? ((error) => console.error(error)),
    enqueueSimulation: overrides.enqueueSimulation,
    engine: overrides.engine ?? sharedEnginePool(),
    budgets: overrides.budgets ?? { ...ENGINE_BUDGETS },
    outbox: overrides.outbox,
    copiesInTurn: overrides.copiesInTurn ?? oneAtATime(),
  };
}

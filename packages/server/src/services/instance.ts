import type { Instance } from '@parley/core';
import { DEMO_ACCOUNTS } from '../demo';
import { findUserByEmail } from '../storage/users';
import type { AppDeps } from './deps';

/**
 * A demo instance is one whose database holds the demo mediator account (loaded on first start
 * or by `parley demo`); PARLEY_HIDE_DEMO_ACCOUNTS=1 keeps the list off the sign-in page anyway.
 */
export async function describeInstance(deps: AppDeps): Promise<Instance> {
  const isDemo =
    process.env.PARLEY_HIDE_DEMO_ACCOUNTS !== '1' &&
    (await findUserByEmail(deps.db, DEMO_ACCOUNTS.mediator.email)) !== undefined;
  if (!isDemo) return { demo: false, demoAccounts: [] };
  return {
    demo: true,
    demoAccounts: Object.values(DEMO_ACCOUNTS).map((account) => ({
      email: account.email,
      sees: account.sees,
    })),
  };
}

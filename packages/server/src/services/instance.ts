import {
  can,
  type Instance,
  type InstanceSettings,
  type UpdateInstanceSettingsInput,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { DEMO_ACCOUNTS } from '../demo';
import { readInstanceSettings, writeInstanceSettings } from '../storage/instance-settings';
import { findUserByEmail, hasAnyUser } from '../storage/users';
import type { AppDeps } from './deps';
import { assertAllowed, withAdminFlag } from './viewer';

/**
 * A demo instance is one whose database holds the demo mediator account (loaded on first start
 * or by `parley demo`); PARLEY_HIDE_DEMO_ACCOUNTS=1 keeps the list off the sign-in page anyway.
 */
export async function describeInstance(deps: AppDeps): Promise<Instance> {
  const [needsAdmin, settings] = await Promise.all([
    hasAnyUser(deps.db).then((any) => !any),
    readInstanceSettings(deps.db),
  ]);
  const isDemo =
    process.env.PARLEY_HIDE_DEMO_ACCOUNTS !== '1' &&
    (await findUserByEmail(deps.db, DEMO_ACCOUNTS.mediator.email)) !== undefined;
  if (!isDemo) return { needsAdmin, settings, demo: false, demoAccounts: [] };
  return {
    needsAdmin,
    settings,
    demo: true,
    demoAccounts: Object.values(DEMO_ACCOUNTS).map((account) => ({
      email: account.email,
      sees: account.sees,
    })),
  };
}

/** The instance's administrators change who may sign up and who may open a negotiation. */
export async function updateInstanceSettings(
  deps: AppDeps,
  viewer: Viewer,
  input: UpdateInstanceSettingsInput,
): Promise<InstanceSettings> {
  const current = await readInstanceSettings(deps.db);
  assertAllowed(
    can(await withAdminFlag(deps, viewer), 'instance.manage', {
      kind: 'instance',
      negotiationCreation: current.negotiationCreation,
    }),
    "change this server's settings",
  );
  const settings: InstanceSettings = { ...current, ...input };
  await deps.db.transaction().execute(async (tx) => {
    await writeInstanceSettings(tx, { settings, at: deps.clock.now() });
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'instance.settings',
      subjectType: 'instance',
      subjectId: null,
      negotiationId: null,
      detail: { ...settings },
    });
  });
  return settings;
}

import {
  can,
  type Instance,
  DomainError,
  type InstanceSettings,
  type InstanceSettingsView,
  type UpdateInstanceSettingsInput,
  type Viewer,
} from '@parley/core';
import { DEMO_ACCOUNTS } from '../demo';
import {
  readInstanceSettings,
  readInstanceSettingsRevision,
  writeInstanceSettings,
} from '../storage/instance-settings';
import { findUserByEmail, hasAnyUser } from '../storage/users';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { assertAllowed, withAdminFlag } from './viewer';

/**
 * A demo instance is one whose database holds the demo mediator account (loaded on first start
 * or by `parley demo`); PARLEY_HIDE_DEMO_ACCOUNTS=1 keeps the list off the sign-in page anyway.
 */
export async function describeInstance(deps: AppDeps): Promise<Instance> {
  const [needsAdmin, stored, revision] = await Promise.all([
    hasAnyUser(deps.db).then((any) => !any),
    readInstanceSettings(deps.db),
    readInstanceSettingsRevision(deps.db),
  ]);
  const settings = { ...stored, revision };
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

/**
 * The instance's administrators change who may sign up and who may open a negotiation. With
 * `baseRevision`, a change made meanwhile by another administrator answers 409 naming it.
 */
export async function updateInstanceSettings(
  deps: AppDeps,
  viewer: Viewer,
  input: UpdateInstanceSettingsInput,
): Promise<InstanceSettingsView> {
  const admin = await withAdminFlag(deps, viewer);
  const changed = await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const current = await readInstanceSettings(tx);
      assertAllowed(
        can(admin, 'instance.manage', { kind: 'instance', negotiationCreation: current.negotiationCreation }),
        "change this server's settings",
      );
      const revision = await readInstanceSettingsRevision(tx);
      const { baseRevision, ...changes } = input;
      if (baseRevision !== undefined && baseRevision !== revision)
        throw new DomainError(
          'conflict',
          `The settings changed meanwhile: sign-up is now "${current.signup}" and negotiations are opened by "${current.negotiationCreation}" (revision ${revision}, yours was ${baseRevision}).`,
          { field: 'baseRevision' },
        );
      const settings: InstanceSettings = { ...current, ...changes };
      await writeInstanceSettings(tx, { settings, at: deps.clock.now(), revision: revision + 1 });
      return { settings, revision: revision + 1 };
    },
    audit: ({ settings }) => ({
      action: 'instance.settings',
      subjectType: 'instance',
      subjectId: null,
      negotiationId: null,
      detail: { ...settings },
    }),
  });
  return { ...changed.settings, revision: changed.revision };
}

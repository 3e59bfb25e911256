import type { Instance, InstanceSettingsView } from '@parley/core';

export const presentInstanceSettings = (settings: InstanceSettingsView): InstanceSettingsView => ({
  signup: settings.signup,
  negotiationCreation: settings.negotiationCreation,
  revision: settings.revision,
});

/** Public facts only: a demo account's password is never among them (issue #13). */
export const presentInstance = (instance: Instance): Instance => ({
  needsAdmin: instance.needsAdmin,
  settings: presentInstanceSettings(instance.settings),
  demo: instance.demo,
  demoAccounts: instance.demoAccounts.map((account) => ({ email: account.email, sees: account.sees })),
});

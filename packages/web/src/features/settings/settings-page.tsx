import type { InstanceSettings } from '@parley/core';
import { useState } from 'react';
import { getInstance } from '../../api/endpoints';
import { updateInstanceSettings } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { ApiTokensSection } from './api-tokens-section';

/** Everyone's API tokens (#13); for the administrator, who may sign up and open a negotiation. */
export function SettingsPage() {
  const { me } = useSession();
  usePageTitle('Settings');
  return (
    <>
      <h1>Settings</h1>
      <ApiTokensSection />
      {me.isAdmin && <ServerSettings />}
    </>
  );
}

function ServerSettings() {
  const instance = useResource(getInstance, []);
  return (
    <section aria-labelledby="server-settings-title">
      <h2 id="server-settings-title">Server settings</h2>
      <Show resource={instance} what="the settings">
        {(info) => <SettingsForm initial={info.settings} />}
      </Show>
    </section>
  );
}

function SettingsForm({ initial }: { initial: InstanceSettings }) {
  const [settings, setSettings] = useState(initial);
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    setSettings(await updateInstanceSettings(settings));
  }, 'Settings saved.');
  return (
    <form onSubmit={onSubmit} className="card form" aria-label="Server settings">
      <label>
        Who may create an account
        <select
          value={settings.signup}
          onChange={(e) => setSettings({ ...settings, signup: e.target.value as InstanceSettings['signup'] })}
        >
          <option value="invitation">Only people invited to a negotiation</option>
          <option value="open">Anyone</option>
        </select>
      </label>
      <label>
        Who may open a negotiation
        <select
          value={settings.negotiationCreation}
          onChange={(e) =>
            setSettings({
              ...settings,
              negotiationCreation: e.target.value as InstanceSettings['negotiationCreation'],
            })
          }
        >
          <option value="anyone">Anyone signed in</option>
          <option value="admins">Only administrators</option>
        </select>
      </label>
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}

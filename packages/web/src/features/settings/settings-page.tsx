import type { InstanceSettings, InstanceSettingsView } from '@parley/core';
import { getInstance } from '../../api/endpoints';
import { updateInstanceSettings } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { may, useSession } from '../../app/session';
import { FormMessage } from '../../components/form-submission';
import { useRevisionedEdit } from '../../components/revisioned-edit';
import { ConflictChoice } from '../../components/conflict-choice';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { ApiTokensSection } from './api-tokens-section';

/** Everyone's API tokens (#13); for the administrator, who may sign up and open a negotiation. */
export function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <h1>Settings</h1>
      <ApiTokensSection />
      <ServerSettings />
    </>
  );
}

/** Core's policy decides over the instance as loaded (`instance.manage`), so nothing shows before it is. */
function ServerSettings() {
  const { me } = useSession();
  const instance = useResource(getInstance, []);
  const settings = instance.data?.settings;
  const mayManage =
    settings !== undefined &&
    may(me, 'instance.manage', { kind: 'instance', negotiationCreation: settings.negotiationCreation });
  if (!mayManage) return null;
  return (
    <section aria-labelledby="server-settings-title">
      <h2 id="server-settings-title">Server settings</h2>
      <Show resource={instance} what="the settings">
        {(info) => <SettingsForm initial={info.settings} />}
      </Show>
    </section>
  );
}

/**
 * The form keeps the revision it showed: if another administrator saved meanwhile, the server
 * answers 409 and the form shows their settings, to keep or to save these over.
 */
function SettingsForm({ initial }: { initial: InstanceSettingsView }) {
  const edit = useRevisionedEdit({
    initial: pick(initial),
    revision: initial.revision,
    fieldsOf: pick,
    save: (settings, baseRevision) => updateInstanceSettings({ ...settings, baseRevision }),
    reload: () => getInstance().then((instance) => instance.settings),
    savedText: 'Settings saved.',
  });
  const { fields: settings, setFields: setSettings, theirs, busy } = edit;
  return (
    <form onSubmit={edit.onSubmit} className="card form" aria-label="Server settings">
      <label>
        Who may create an account
        <select
          value={settings.signup}
          onChange={(e) => setSettings({ ...settings, signup: e.target.value as InstanceSettings['signup'] })}
        >
          <option value="invitation">{SIGNUP.invitation}</option>
          <option value="open">{SIGNUP.open}</option>
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
          <option value="anyone">{CREATION.anyone}</option>
          <option value="admins">{CREATION.admins}</option>
        </select>
      </label>
      <FormMessage message={edit.message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void edit.saveOverTheirs(theirs)(event)}
          onKeepTheirs={() => edit.keepTheirs(theirs)}
        >
          Another administrator saved meanwhile: <strong>{SIGNUP[theirs.signup]}</strong> may create an
          account, <strong>{CREATION[theirs.negotiationCreation]}</strong> may open a negotiation.
        </ConflictChoice>
      )}
      <button type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}

const SIGNUP = { invitation: 'Only people invited to a negotiation', open: 'Anyone' } as const;
const CREATION = { anyone: 'Anyone signed in', admins: 'Only administrators' } as const;
const pick = ({ signup, negotiationCreation }: InstanceSettings): InstanceSettings => ({
  signup,
  negotiationCreation,
});

import type { InstanceSettings, InstanceSettingsView } from '@parley/core';
import { ApiError } from '../../api/api-error';
import { useState } from 'react';
import { getInstance } from '../../api/endpoints';
import { updateInstanceSettings } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { may, useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
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
  const [base, setBase] = useState(initial.revision);
  const [settings, setSettings] = useState<InstanceSettings>(initial);
  const [theirs, setTheirs] = useState<InstanceSettingsView | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  const save = (baseRevision: number) =>
    submit(async () => {
      try {
        const saved = await updateInstanceSettings({ ...pick(settings), baseRevision });
        setSettings(pick(saved));
        setBase(saved.revision);
        setTheirs(undefined);
      } catch (failure) {
        if (failure instanceof ApiError && failure.isConflict)
          setTheirs(
            await getInstance().then(
              (instance) => instance.settings,
              () => undefined,
            ),
          );
        throw failure;
      }
    }, 'Settings saved.');
  return (
    <form onSubmit={save(base)} className="card form" aria-label="Server settings">
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
      <FormMessage message={message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void save(theirs.revision)(event)}
          onKeepTheirs={() => {
            setSettings(pick(theirs));
            setBase(theirs.revision);
            setTheirs(undefined);
          }}
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

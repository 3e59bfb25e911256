import type { GeniusDraft } from '@parley/core';
import { useState } from 'react';
import { fileToBase64 } from '../../api/file-base64';
import { draftFromGenius } from '../../api/live-genius-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';

/**
 * A delegation fills its form from one of its own GENIUS profiles. Nothing is saved here: the
 * ratings land in the form below, for the delegation to check and save.
 */
export function GeniusDraftLoader({
  negotiationId,
  onDraft,
}: {
  negotiationId: string;
  onDraft: (draft: GeniusDraft) => void;
}) {
  const [archive, setArchive] = useState('');
  const [profileFile, setProfileFile] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    const draft = await draftFromGenius(negotiationId, archive, profileFile === '' ? undefined : profileFile);
    setNotices(draft.notices);
    onDraft(draft);
  }, 'Loaded into the form below: check it, then save.');
  return (
    <form className="form card" onSubmit={onSubmit} aria-label="Load from a GENIUS profile">
      <h3>Load from a GENIUS profile</h3>
      <label>
        GENIUS folder (zip)
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setArchive(file === undefined ? '' : await fileToBase64(file));
          }}
        />
      </label>
      <label>
        Profile file (when the folder holds several)
        <input value={profileFile} onChange={(event) => setProfileFile(event.target.value)} />
      </label>
      <FormMessage message={message} />
      {notices.map((notice) => (
        <p key={notice} className="muted" role="note">
          {notice}
        </p>
      ))}
      <button type="submit" disabled={busy || archive === ''}>
        {busy ? 'Reading…' : 'Load into the form'}
      </button>
    </form>
  );
}

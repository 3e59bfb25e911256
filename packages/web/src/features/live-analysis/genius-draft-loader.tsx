import type { GeniusDraft } from '@parley/core';
import { useId, useState } from 'react';
import { fileToBase64 } from '../../api/file-base64';
import { ApiError } from '../../api/api-error';
import { draftFromGenius } from '../../api/live-genius-endpoints';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';

/**
 * A delegation fills its form from one of its own GENIUS profiles. Nothing is saved here: the
 * ratings land in the form below, for the delegation to check and save. A delegate is not a
 * researcher: "GENIUS" only names the file format, as a file type would.
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
  // The folder's profiles, once the server has said it holds several: chosen from, not typed.
  const [profileFiles, setProfileFiles] = useState<readonly string[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const { busy, message, submit, fieldError } = useFormSubmission();
  const onSubmit = submit(async () => {
    try {
      const draft = await draftFromGenius(
        negotiationId,
        archive,
        profileFile === '' ? undefined : profileFile,
      );
      setNotices(draft.notices);
      onDraft(draft);
    } catch (caught) {
      const choices = caught instanceof ApiError ? caught.fieldChoices('profileFile') : undefined;
      if (choices !== undefined) setProfileFiles(choices);
      throw caught;
    }
  }, 'Filled in below: check it, then save.');
  const profileProblem = fieldError('profileFile');
  const profileErrorId = `${useId()}-profile`;
  return (
    <form
      className="form card"
      onSubmit={onSubmit}
      aria-label="Fill in from a file (GENIUS profile, from research tools)"
    >
      <h3>Fill in from a file (GENIUS profile, from research tools)</h3>
      <p className="muted">
        If your team has modelled your preferences in a research tool, upload the GENIUS scenario it saved:
        your profile in it fills in the form below. Nothing is saved until you save the form.
      </p>
      <label>
        GENIUS scenario (zip)
        <input
          type="file"
          accept=".zip,application/zip"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setProfileFiles([]);
            setProfileFile('');
            setArchive(file === undefined ? '' : await fileToBase64(file));
          }}
        />
      </label>
      {profileFiles.length > 0 && (
        <label>
          Your profile in this file
          <select
            value={profileFile}
            onChange={(event) => setProfileFile(event.target.value)}
            aria-invalid={profileProblem !== undefined}
            aria-describedby={profileProblem === undefined ? undefined : profileErrorId}
          >
            <option value="">Choose a profile…</option>
            {profileFiles.map((file) => (
              <option key={file} value={file}>
                {file}
              </option>
            ))}
          </select>
          <FieldError id={profileErrorId} text={profileProblem} />
        </label>
      )}
      <FormMessage message={message} />
      {notices.map((notice) => (
        <p key={notice} className="muted" role="note">
          {notice}
        </p>
      ))}
      <button
        type="submit"
        disabled={busy || archive === '' || (profileFiles.length > 0 && profileFile === '')}
      >
        {busy ? 'Reading…' : 'Fill in the form'}
      </button>
    </form>
  );
}

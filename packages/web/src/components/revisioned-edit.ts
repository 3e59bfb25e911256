import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { CONFLICT_CHOICE_MESSAGE } from './conflict-choice';
import { useFormSubmission } from './form-submission';

/**
 * The life of a form that edits a stored thing with a revision (issue #11, no lost updates): it
 * sends the revision it showed; on a 409 it loads what the other person saved, to show beside the
 * form, and the user either saves theirs over it (`saveOverTheirs`) or takes it into the form
 * (`keepTheirs`).
 */
export function useRevisionedEdit<Fields, Stored extends { revision: number }>(options: {
  initial: Fields;
  revision: number;
  /** The fields as the form shows them, from a stored copy. */
  fieldsOf: (stored: Stored) => Fields;
  save: (fields: Fields, baseRevision: number) => Promise<Stored>;
  reload: () => Promise<Stored>;
  /** After a save or after taking theirs: e.g. refresh the page's copy. */
  onChanged?: () => void;
  savedText: string;
}) {
  const [fields, setFields] = useState(options.initial);
  const [base, setBase] = useState(options.revision);
  const [theirs, setTheirs] = useState<Stored | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  const save = (baseRevision: number) =>
    submit(async () => {
      try {
        const saved = await options.save(fields, baseRevision);
        setFields(options.fieldsOf(saved));
        setBase(saved.revision);
        setTheirs(undefined);
        options.onChanged?.();
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.isConflict)) throw failure;
        const stored = await options.reload().catch(() => undefined);
        setTheirs(stored);
        // With their change shown to choose from, the alert says so rather than "reload". Without
        // it (it could not be read), the server's own answer is all there is to go on.
        throw stored === undefined ? failure : new Error(CONFLICT_CHOICE_MESSAGE);
      }
    }, options.savedText);
  const keepTheirs = (stored: Stored) => {
    setFields(options.fieldsOf(stored));
    setBase(stored.revision);
    setTheirs(undefined);
    options.onChanged?.();
  };
  return {
    fields,
    setFields,
    busy,
    message,
    onSubmit: save(base),
    theirs,
    saveOverTheirs: (stored: Stored) => save(stored.revision),
    keepTheirs,
  };
}

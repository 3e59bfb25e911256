import type { MouseEvent, ReactNode } from 'react';

/**
 * The alert a form shows above a ConflictChoice, instead of the generic 409 sentence (and the
 * server's detail), which say to reload: a reload would throw away what the user typed, which the
 * choice below keeps.
 */
export const CONFLICT_CHOICE_MESSAGE =
  'Someone changed this meanwhile, so yours is not saved yet: save yours over it, or keep theirs (below).';

/**
 * What a form shows after a 409: the change someone else saved meanwhile, and the two ways on —
 * save this form's values over it, or take theirs into the form.
 */
export function ConflictChoice({
  busy,
  children,
  details,
  onSaveMine,
  onKeepTheirs,
}: {
  busy: boolean;
  /** One sentence naming what the other person saved. */
  children: ReactNode;
  /** More than a sentence holds (a list of the values that differ), after it. */
  details?: ReactNode;
  onSaveMine: (event: MouseEvent) => void;
  onKeepTheirs: () => void;
}) {
  return (
    <section className="conflict" aria-label="The other change">
      <p>{children}</p>
      {details}
      <div className="row-actions">
        <button type="button" disabled={busy} onClick={onSaveMine}>
          Save mine over it
        </button>
        <button type="button" className="secondary" onClick={onKeepTheirs}>
          Keep theirs
        </button>
      </div>
    </section>
  );
}

import { useRef } from 'react';

/**
 * Says that unsaved work is kept in this tab (or was just restored) and offers to throw it away:
 * kept drafts come back on their own, so discarding one has to be a visible, deliberate act.
 */
export function KeptDraftNotice({
  isRestored,
  hasWork,
  onDiscard,
}: {
  isRestored: boolean;
  hasWork: boolean;
  onDiscard: () => void;
}) {
  const line = useRef<HTMLParagraphElement>(null);
  if (!hasWork) return null;
  const discard = () => {
    // The notice and its button go with the draft: the focus moves to the page's heading first,
    // so it never falls to the body, whenever the render that removes them happens. A page of
    // its own (a new negotiation) has only its h1; one inside a negotiation names itself in an h2.
    const page = line.current?.closest('main');
    const heading = page?.querySelector<HTMLElement>('h2') ?? page?.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    onDiscard();
  };
  return (
    <p ref={line} className={isRestored ? 'warning' : 'muted small'} role="status">
      {isRestored
        ? 'This is the unsaved work you left here; it is kept in this tab until you save or discard it.'
        : 'Your unsaved work is kept in this tab until you save or discard it.'}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          if (window.confirm('Discard this draft? Its changes cannot be recovered.')) discard();
        }}
      >
        Discard draft
      </button>
    </p>
  );
}

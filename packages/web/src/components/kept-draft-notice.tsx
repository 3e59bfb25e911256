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
  if (!hasWork) return null;
  return (
    <p className={isRestored ? 'warning' : 'muted small'} role="status">
      {isRestored
        ? 'This is the unsaved work you left here; it is kept in this tab until you save or discard it.'
        : 'Your unsaved work is kept in this tab until you save or discard it.'}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          if (window.confirm('Discard this draft? Its changes cannot be recovered.')) onDiscard();
        }}
      >
        Discard draft
      </button>
    </p>
  );
}

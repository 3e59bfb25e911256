import type { PlanVersionId } from '@parley/core';
import { Link } from 'react-router';
import './drafting.css';
import { mayIn, useSession } from '../../app/session';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Links from the plan to its drafting pages: what the viewer may do with this version. */
export function PlanActions({ versionId }: { versionId: PlanVersionId | undefined }) {
  const { negotiation } = useNegotiation();
  const { me } = useSession();
  const mayDraft = mayIn(me, 'plan.manage', negotiation.id);
  const from = versionId === undefined ? '' : `?from=${encodeURIComponent(versionId)}`;
  return (
    <nav className="plan-actions" aria-label="Plan actions">
      {versionId !== undefined && (
        <Link to={`document?version=${encodeURIComponent(versionId)}`}>Read as a document</Link>
      )}
      {mayDraft && versionId !== undefined && <Link to={`draft${from}`}>Draft a new version</Link>}
      {mayDraft && versionId !== undefined && <Link to={`revise${from}`}>Paste a revised text</Link>}
      {mayDraft && <Link to="import">Import a plan from a document</Link>}
    </nav>
  );
}

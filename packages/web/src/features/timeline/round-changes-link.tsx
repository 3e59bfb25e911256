import type { Round } from '@parley/core';
import { Link } from 'react-router';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * "What changed in this round", one click from the round: the comparison of the version it started
 * from with the one it produced. A delegate arriving for the next round looks for exactly that.
 */
export function RoundChangesLink({ round }: { round: Round }) {
  const { negotiation, plan } = useNegotiation();
  const label = (id: string | null) => plan.versions.find((version) => version.id === id)?.label;
  const from = label(round.fromVersionId);
  const produced = label(round.producedVersionId);
  if (from === undefined || produced === undefined || round.fromVersionId === round.producedVersionId)
    return null;
  const query = new URLSearchParams({ from: round.fromVersionId ?? '', to: round.producedVersionId ?? '' });
  return (
    <p>
      <Link to={`/n/${encodeURIComponent(negotiation.id)}/compare?${query.toString()}`}>
        What changed in this round
      </Link>{' '}
      <span className="muted small">
        ({from} → {produced})
      </span>
    </p>
  );
}

import {
  PointIdSchema,
  type Amendment,
  type PlanVersion,
  type PointId,
  type VersionOperation,
} from '@parley/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { createVersion } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { adoptable, operationFor } from './amendment-operations';

/** Mediator only: pick open amendments and create the next version that adopts them. */
export function AdoptAmendments({ version, amendments }: { version: PlanVersion; amendments: Amendment[] }) {
  const { negotiation, parties, plan, refresh } = useNegotiation();
  const navigate = useNavigate();
  const candidates = adoptable(amendments, version);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const numberOf = (pointId: PointId) => version.points.find((p) => p.pointId === pointId)?.number;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const operations = candidates
      .filter((a) => chosen.has(a.id))
      .map((a) => operationFor(a, version, () => PointIdSchema.parse(crypto.randomUUID())))
      .filter((op): op is VersionOperation => op !== undefined);
    setBusy(true);
    setError(undefined);
    try {
      const created = await createVersion(negotiation.id, {
        parentId: version.id,
        label,
        operations,
        baseRevision: plan.revision,
      });
      refresh();
      navigate(
        `../compare?from=${encodeURIComponent(version.id)}&to=${encodeURIComponent(created.version.id)}`,
        { relative: 'path' },
      );
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="adopt-heading">
      <h2 id="adopt-heading">Adopt amendments into a new version</h2>
      {candidates.length === 0 ? (
        <p className="muted">No open amendment applies to this version.</p>
      ) : (
        <form onSubmit={submit} className="form">
          <fieldset>
            <legend>Open amendments</legend>
            {candidates.map((a) => (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(a.id)}
                  onChange={(e) =>
                    setChosen((current) => {
                      const next = new Set(current);
                      if (e.target.checked) next.add(a.id);
                      else next.delete(a.id);
                      return next;
                    })
                  }
                />
                Point {numberOf(a.pointId)} — {partyName(parties, a.partyId)}: {labelOf(a.proposal.kind)}
                {'text' in a.proposal
                  ? ` “${a.proposal.text.slice(0, 90)}${a.proposal.text.length > 90 ? '…' : ''}”`
                  : ''}
              </label>
            ))}
          </fieldset>
          <label>
            New version label
            <input
              required
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="e.g. Geneva text, revised"
            />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy || chosen.size === 0 || label.trim() === ''}>
            {busy ? 'Creating…' : `Create version adopting ${chosen.size}`}
          </button>
        </form>
      )}
    </section>
  );
}

import {
  PointIdSchema,
  type Amendment,
  type PlanVersion,
  type PointId,
  type VersionOperation,
} from '@parley/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-error';
import { createVersion, listAmendments } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { fateText } from './amendment-fate-text';
import { adoptable, operationFor } from './amendment-operations';
import { describePlanMeanwhile, readPlanMeanwhile, type PlanMeanwhile } from './plan-meanwhile';

/** What a 409 found: the plan's change, and each chosen amendment someone decided meanwhile. */
type Meanwhile = { plan: PlanMeanwhile; decided: Amendment[] };

/** Mediator only: pick open amendments and create the next version that adopts them. */
export function AdoptAmendments({ version, amendments }: { version: PlanVersion; amendments: Amendment[] }) {
  const { negotiation, parties, plan, refresh } = useNegotiation();
  const navigate = useNavigate();
  const candidates = adoptable(amendments, version);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [meanwhile, setMeanwhile] = useState<Meanwhile | undefined>(undefined);
  const numberOf = (pointId: PointId) => version.points.find((p) => p.pointId === pointId)?.number;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const operations = candidates
      .filter((a) => chosen.has(a.id))
      .map((a) => operationFor(a, version, () => PointIdSchema.parse(crypto.randomUUID())))
      .filter((op): op is VersionOperation => op !== undefined);
    setBusy(true);
    setError(undefined);
    // After a 409 the form goes on from the plan as re-read then, which the mediator has now seen.
    const baseRevision = Math.max(plan.revision, meanwhile?.plan.revision ?? 0);
    setMeanwhile(undefined);
    try {
      const created = await createVersion(negotiation.id, {
        parentId: version.id,
        label,
        operations,
        baseRevision,
      });
      refresh();
      navigate(
        `../compare?from=${encodeURIComponent(version.id)}&to=${encodeURIComponent(created.version.id)}`,
        { relative: 'path' },
      );
    } catch (failure) {
      const found =
        failure instanceof ApiError && failure.isConflict
          ? await reread(baseRevision).catch(() => undefined)
          : undefined;
      // A 409 with nothing changed meanwhile is about something else (a label taken): the server says what.
      const other =
        found !== undefined && (found.plan.revision !== baseRevision || found.decided.length > 0)
          ? found
          : undefined;
      if (other === undefined) setError(errorMessage(failure));
      else {
        setMeanwhile(other);
        // A decided amendment is no longer one to adopt: the list below drops it once refreshed.
        setChosen((current) => new Set([...current].filter((id) => !other.decided.some((a) => a.id === id))));
        refresh();
      }
      setBusy(false);
    }
  }

  async function reread(baseRevision: number): Promise<Meanwhile> {
    const [planMeanwhile, current] = await Promise.all([
      readPlanMeanwhile(negotiation.id, baseRevision),
      listAmendments(negotiation.id),
    ]);
    const decided = current.items.filter((a) => chosen.has(a.id) && a.fate.state !== 'open');
    return { plan: planMeanwhile, decided };
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
          {meanwhile !== undefined && (
            <section className="conflict" aria-label="The other change">
              <p role="alert">
                No version was created. {describePlanMeanwhile(meanwhile.plan, negotiation.timeZone)}
                {meanwhile.decided.length > 0 && ' Amendments you chose were decided meanwhile:'}
              </p>
              {meanwhile.decided.length > 0 && (
                <ul aria-label="Decided meanwhile">
                  {meanwhile.decided.map((a) => (
                    <li key={a.id}>
                      Point {numberOf(a.pointId)} — {partyName(parties, a.partyId)}:{' '}
                      {fateText(a, { parties, versions: meanwhile.plan.versions })}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                {chosen.size > 0
                  ? 'The amendments still open stay chosen: create the version to adopt them, or change your choice.'
                  : 'None of the amendments you chose is open any more.'}
              </p>
            </section>
          )}
          <button type="submit" disabled={busy || chosen.size === 0 || label.trim() === ''}>
            {busy ? 'Creating…' : `Create version adopting ${chosen.size}`}
          </button>
        </form>
      )}
    </section>
  );
}

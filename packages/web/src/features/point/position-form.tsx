import {
  POSITION_VALUES,
  POSITION_VISIBILITIES,
  type PlanVersionId,
  type PointId,
  type Position,
  type PositionValue,
  type PositionVisibility,
} from '@parley/core';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { listPositions, setPosition } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { CONFLICT_CHOICE_MESSAGE, ConflictChoice } from '../../components/conflict-choice';
import { FormMessage } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { useWarnBeforeUnload } from '../../components/kept-draft';

const VISIBILITY_HELP: Record<PositionVisibility, string> = {
  private: 'Private — your delegation only',
  mediator: 'Mediator — your delegation and the mediator',
  parties: 'Parties — the mediator and every party',
};

type Draft = { value: PositionValue; visibility: PositionVisibility; note: string };
const draftOf = (position: Position | undefined): Draft => ({
  value: position?.value ?? 'undecided',
  visibility: position?.visibility ?? 'mediator',
  note: position?.note ?? '',
});

/**
 * Record (or change) this party's position. The form keeps the revision the user started from:
 * a live update does not silently rebase an edit in progress, so a concurrent change answers 409,
 * and the form then shows the other person's position and lets the user keep it or redo theirs.
 */
export function PositionForm({
  versionId,
  pointId,
  partyId,
  current,
}: {
  versionId: PlanVersionId;
  pointId: PointId;
  partyId: string;
  current: Position | undefined;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [base, setBase] = useState<Position | undefined>(current);
  const [draft, setDraft] = useState<Draft>(draftOf(current));
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<Position | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  // Untouched, the form follows the live position; touched, it keeps the user's base.
  useEffect(() => {
    if (dirty) return;
    setBase(current);
    setDraft(draftOf(current));
  }, [current?.id, current?.revision]);
  // An unsaved note is asked about before the tab closes or reloads (in-app navigation is not held).
  useWarnBeforeUnload(dirty);
  const changedMeanwhile = dirty && (current?.revision ?? 0) !== (base?.revision ?? 0) ? current : undefined;

  const edit = (change: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...change }));
    setDirty(true);
    setMessage(undefined);
  };

  async function save(baseRevision: number) {
    setBusy(true);
    setMessage(undefined);
    try {
      const saved = await setPosition(
        negotiation.id,
        { versionId, pointId, partyId },
        { ...draft, baseRevision },
      );
      setBase(saved);
      setDirty(false);
      setConflict(undefined);
      setMessage({ kind: 'ok', text: 'Position recorded.' });
      refresh();
    } catch (failure) {
      const latest =
        failure instanceof ApiError && failure.isConflict
          ? await listPositions(negotiation.id, versionId).catch(() => undefined)
          : undefined;
      const theirs = latest?.items.find((p) => p.pointId === pointId && p.partyId === partyId);
      setConflict(theirs);
      // With the choice shown, not the generic "reload", which would throw the typed note away.
      setMessage({
        kind: 'error',
        text: theirs === undefined ? errorMessage(failure) : CONFLICT_CHOICE_MESSAGE,
      });
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(base?.revision ?? 0);
  };

  return (
    <form onSubmit={onSubmit} className="form" aria-label="Record your position">
      <h4>Your position</h4>
      <label>
        Stance
        <select value={draft.value} onChange={(e) => edit({ value: e.target.value as PositionValue })}>
          {POSITION_VALUES.map((v) => (
            <option key={v} value={v}>
              {labelOf(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Visible to
        <select
          value={draft.visibility}
          onChange={(e) => edit({ visibility: e.target.value as PositionVisibility })}
        >
          {POSITION_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_HELP[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <textarea value={draft.note} onChange={(e) => edit({ note: e.target.value })} rows={2} />
      </label>
      {changedMeanwhile !== undefined && conflict === undefined && (
        <p className="conflict" role="status">
          Someone in your delegation changed this position while you were editing: now{' '}
          {describePosition(changedMeanwhile)}. Saving will ask you to choose.
        </p>
      )}
      <FormMessage message={message} />
      {conflict !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={() => void save(conflict.revision)}
          onKeepTheirs={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            setDirty(false);
            setConflict(undefined);
            setMessage(undefined);
          }}
        >
          The position now reads: <strong>{describePosition(conflict)}</strong> (revision {conflict.revision}
          ). Yours: <strong>{labelOf(draft.value)}</strong>, {draft.visibility}
          {draft.note !== '' ? `, “${draft.note}”` : ''}.
        </ConflictChoice>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Record position'}
      </button>
    </form>
  );
}

function describePosition(position: Position): string {
  const note = position.note === '' ? '' : `, “${position.note}”`;
  return `${labelOf(position.value)}, ${position.visibility}${note}`;
}

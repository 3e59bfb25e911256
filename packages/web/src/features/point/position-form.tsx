import {
  POSITION_VALUES,
  POSITION_VISIBILITIES,
  type PlanVersionId,
  type PointId,
  type Position,
  type PositionValue,
  type PositionVisibility,
} from '@parley/core';
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiError, errorMessage } from '../../api/api-error';
import { listPositions, setPosition } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { CONFLICT_CHOICE_MESSAGE, ConflictChoice } from '../../components/conflict-choice';
import { FormMessage } from '../../components/form-submission';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { useSession } from '../../app/session';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { visibilityAudience } from './visibility-audience';

const VISIBILITY_HELP: Record<PositionVisibility, string> = {
  private: 'Private — your delegation only',
  mediator: 'Mediator — your delegation and the mediator',
  parties: 'Parties — the mediator and every party',
};

const KeptPositionSchema = z
  .object({
    draft: z.object({
      value: z.enum(POSITION_VALUES),
      visibility: z.enum(POSITION_VISIBILITIES),
      note: z.string(),
    }),
    baseRevision: z.number().int().nonnegative(),
  })
  .nullable();
type KeptPosition = z.infer<typeof KeptPositionSchema>;
type Draft = NonNullable<KeptPosition>['draft'];
const draftOf = (position: Position | undefined): Draft => ({
  value: position?.value ?? 'undecided',
  visibility: position?.visibility ?? 'mediator',
  note: position?.note ?? '',
});

/**
 * Record (or change) this party's position. Untouched, the form follows the live position; once
 * edited it keeps the revision the user started from: a live update does not silently rebase an
 * edit in progress, so a concurrent change answers 409, and the form then shows the other person's
 * position and lets the user keep it or redo theirs. The edit and its base revision are kept in the
 * tab, as drafts are, so another section or a reload does not lose a typed note.
 */
export function PositionForm({
  versionId,
  pointId,
  partyId,
  current,
  onSaved,
}: {
  versionId: PlanVersionId;
  pointId: PointId;
  partyId: string;
  /** The party's position as the page shows it, the page's own saves included. */
  current: Position | undefined;
  /** The position as the server stored it (or the other change kept), for the page to show at once. */
  onSaved: (position: Position) => void;
}) {
  const { negotiation, parties, refresh } = useNegotiation();
  const { me } = useSession();
  const audienceId = useId();
  const kept = useKeptDraft<KeptPosition>({
    key: `parley.position.${me.user.id}.${negotiation.id}.${versionId}.${pointId}.${partyId}`,
    schema: KeptPositionSchema,
    empty: null,
    isEmpty: (value) => value === null,
  });
  const [conflict, setConflict] = useState<Position | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  const draft = kept.value?.draft ?? draftOf(current);
  const baseRevision = kept.value?.baseRevision ?? current?.revision ?? 0;
  const changedMeanwhile =
    kept.value !== null && (current?.revision ?? 0) !== baseRevision ? current : undefined;

  const edit = (change: Partial<Draft>) => {
    kept.setValue((previous) => ({
      draft: { ...(previous?.draft ?? draftOf(current)), ...change },
      baseRevision: previous?.baseRevision ?? current?.revision ?? 0,
    }));
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
      onSaved(saved);
      kept.discard();
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
    void save(baseRevision);
  };

  return (
    <form onSubmit={onSubmit} className="form" aria-label="Record your position">
      <h4>Your position</h4>
      <KeptDraftNotice
        isRestored={kept.isRestored}
        hasWork={kept.isRestored && kept.hasWork}
        onDiscard={kept.discard}
      />
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
          aria-describedby={audienceId}
        >
          {POSITION_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_HELP[v]}
            </option>
          ))}
        </select>
      </label>
      {/* A phone cuts the chosen option's words short; who will read the position is said in full. */}
      <p id={audienceId} className="muted small">
        Read by {visibilityAudience(draft.visibility, partyName(parties, partyId))}.
      </p>
      <label>
        Note
        <textarea dir="auto" value={draft.note} onChange={(e) => edit({ note: e.target.value })} rows={2} />
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
            onSaved(conflict);
            kept.discard();
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

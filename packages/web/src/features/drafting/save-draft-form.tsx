import type { PlanOverview, PlanVersionId, VersionOperation } from '@parley/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-error';
import { createVersion, getPlan } from '../../api/endpoints';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * Saves the draft as a new version in one request. The plan revision is the one the draft
 * started from; if someone saved a version meanwhile the server answers 409, and the form names
 * what changed and lets the mediator save on top of it.
 */
export function SaveDraftForm({
  parentId,
  operations,
  label,
  onLabel,
  startRevision,
  canSave,
  onSaved,
}: {
  parentId: PlanVersionId;
  operations: readonly VersionOperation[];
  label: string;
  onLabel: (label: string) => void;
  startRevision: number;
  canSave: boolean;
  /** Once the version exists: the kept draft is spent. */
  onSaved: () => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  const navigate = useNavigate();
  const [attribute, setAttribute] = useState(true);
  const [base, setBase] = useState(startRevision);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [newer, setNewer] = useState<PlanOverview | undefined>(undefined);

  async function save(baseRevision: number) {
    setBusy(true);
    setError(undefined);
    try {
      const created = await createVersion(negotiation.id, {
        parentId,
        label,
        operations: [...operations],
        baseRevision,
        attributeChanges: attribute,
      });
      onSaved();
      refresh();
      navigate(
        `/n/${negotiation.id}/compare?from=${encodeURIComponent(parentId)}&to=${encodeURIComponent(created.version.id)}`,
      );
    } catch (failure) {
      // A conflict is answered below, with what was saved and a way to save on top: the generic
      // "reload to see the current version" would send the mediator off, losing the draft.
      const other =
        failure instanceof ApiError && failure.isConflict
          ? await getPlan(negotiation.id).catch(() => undefined)
          : undefined;
      setNewer(other);
      if (other === undefined) setError(errorMessage(failure));
      setBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(base);
  };
  const meanwhile = newer?.versions.filter((version) => version.revision > base) ?? [];

  return (
    <form className="form" aria-label="Save the draft" onSubmit={onSubmit}>
      <label>
        New version label
        <input required value={label} onChange={(e) => onLabel(e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={attribute} onChange={(e) => setAttribute(e.target.checked)} />
        Name the proposing party on each adopted change (untick for a single text: who proposed what stays in
        the audit log)
      </label>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {newer !== undefined && (
        <section className="conflict" aria-label="The other change">
          <p>
            Saved meanwhile:{' '}
            {meanwhile.length === 0
              ? 'another change to the plan'
              : meanwhile.map((version) => `“${version.label}” (${version.points} points)`).join(', ')}
            . Your draft is still made from its own parent; save it as well, or leave this page to start from
            the newer text.
          </p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBase(newer.revision);
              setNewer(undefined);
              void save(newer.revision);
            }}
          >
            Save my draft as well
          </button>
        </section>
      )}
      <button type="submit" disabled={busy || !canSave || label.trim() === ''}>
        {busy ? 'Saving…' : 'Save as a new version'}
      </button>
    </form>
  );
}

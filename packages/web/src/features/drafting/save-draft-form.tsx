import { draftConflicts, type PlanVersion, type PlanVersionId, type VersionOperation } from '@parley/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-error';
import { createVersion, getPlan, getVersion } from '../../api/endpoints';
import { stillNeeds } from '../../components/still-needs';
import { useNegotiation } from '../negotiation/negotiation-context';

/** The newest version, saved while the draft was being written, and the plan's revision with it. */
type Meanwhile = { readonly revision: number; readonly newest: PlanVersion };

/**
 * Saves the draft as a new version in one request. The plan revision is the one the draft
 * started from; if someone saved a version meanwhile the server answers 409. The draft's changes
 * are then applied to that newer version when they touch none of the points it changed; otherwise
 * the form names those points. Saving the draft from its own parent regardless made it the newest
 * version without the other person's changes, and nothing said so.
 */
export function SaveDraftForm({
  parentId,
  parent,
  operations,
  label,
  onLabel,
  startRevision,
  canSave,
  onSaved,
}: {
  parentId: PlanVersionId;
  /** The version the draft starts from, to tell what a newer one changed of it. */
  parent: PlanVersion;
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
  const [newer, setNewer] = useState<Meanwhile | undefined>(undefined);

  async function meanwhile(): Promise<Meanwhile | undefined> {
    const plan = await getPlan(negotiation.id);
    const latest = plan.versions.reduce<(typeof plan.versions)[number] | undefined>(
      (best, version) => (best === undefined || version.revision > best.revision ? version : best),
      undefined,
    );
    if (latest === undefined || latest.id === parentId) return undefined;
    const newest = (await getVersion(negotiation.id, latest.id)).version;
    return { revision: plan.revision, newest };
  }

  async function save(baseRevision: number, onto: PlanVersionId = parentId) {
    setBusy(true);
    setError(undefined);
    try {
      const created = await createVersion(negotiation.id, {
        parentId: onto,
        label,
        operations: [...operations],
        baseRevision,
        attributeChanges: attribute,
      });
      onSaved();
      refresh();
      navigate(
        `/n/${negotiation.id}/compare?from=${encodeURIComponent(onto)}&to=${encodeURIComponent(created.version.id)}`,
      );
    } catch (failure) {
      // A conflict is answered below, with what was saved and a way to save on top: the generic
      // "reload to see the current version" would send the mediator off, losing the draft.
      const other =
        failure instanceof ApiError && failure.isConflict
          ? await meanwhile().catch(() => undefined)
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
  // Recomputed as the draft changes: undoing the clashing change makes the draft applicable.
  const conflicts = newer === undefined ? [] : draftConflicts(operations, { parent, newer: newer.newest });
  const needs = stillNeeds('save-draft-needs', 'To save', [
    !canSave && 'a change to the draft',
    label.trim() === '' && 'a version label',
  ]);

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
          {conflicts.length === 0 ? (
            <p>
              “{newer.newest.label}” was saved meanwhile. Your changes touch none of the points it changed, so
              they can be applied to it: the new version then keeps its changes and yours.
            </p>
          ) : (
            <p>
              “{newer.newest.label}” was saved meanwhile and changed{' '}
              {conflicts.map((point) => `point ${point.number}`).join(', ')}, which your draft changes too.
              Applied to it, your draft would undo those changes; saved from “{parent.label}”, the newest
              version would lack all of them. Undo your changes to those points to apply the rest, or{' '}
              <Link to={`?from=${encodeURIComponent(newer.newest.id)}`}>
                start again from “{newer.newest.label}”
              </Link>
              .
            </p>
          )}
          {conflicts.length === 0 && (
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setBase(newer.revision);
                setNewer(undefined);
                void save(newer.revision, newer.newest.id);
              }}
            >
              Apply my changes to “{newer.newest.label}”
            </button>
          )}
        </section>
      )}
      <button
        type="submit"
        disabled={busy || needs.isMissing || newer !== undefined}
        aria-describedby={needs.describedBy}
      >
        {busy ? 'Saving…' : 'Save as a new version'}
      </button>
      {needs.line}
    </form>
  );
}

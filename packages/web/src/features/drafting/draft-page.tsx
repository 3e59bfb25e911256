import {
  PointIdSchema,
  VersionOperationSchema,
  type Amendment,
  type StoredVersionView,
  type VersionOperation,
} from '@parley/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { Link, useSearchParams } from 'react-router';
import { getVersion, listAmendments } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { useKeptDraft } from '../../components/kept-draft';
import { Show } from '../../components/status';
import { Redline } from '../compare/redline';
import { useNegotiation } from '../negotiation/negotiation-context';
import { DraftAmendments } from './draft-amendments';
import { applyDraft, describeOperation, withOperation } from './draft-operations';
import { DraftPointCard, draftPointAnchor } from './draft-point-card';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { PointFieldsForm, topicOf } from './point-fields-form';
import { NewerVersionNotice, usePinnedParent } from './pinned-parent';
import { SaveDraftForm } from './save-draft-form';
import './drafting.css';
import { ScrollRegion } from '../../components/scroll-region';

/** The mediator's drafting editor: a new version made from any version, redlined live. */
export function DraftPage() {
  const { negotiation, plan } = useNegotiation();
  const { me } = useSession();
  const { fromId, newer } = usePinnedParent();
  const data = useResource(async () => {
    if (fromId === undefined) return undefined;
    const [parent, amendments] = await Promise.all([
      getVersion(negotiation.id, fromId),
      listAmendments(negotiation.id),
    ]);
    return { parent, amendments: amendments.items };
    // Loaded once per parent: a live update must not reset a draft in progress.
  }, [negotiation.id, fromId]);

  if (!mayIn(me, 'plan.manage', negotiation.id))
    return <p className="muted">Only the mediator's lead and delegates draft new versions.</p>;
  if (fromId === undefined) return <p className="muted">The plan has no version to draft from yet.</p>;
  return (
    <Show resource={data} what="the version to draft from">
      {(loaded) =>
        loaded === undefined ? null : (
          <DraftEditor
            key={fromId}
            newer={newer}
            parent={loaded.parent}
            amendments={loaded.amendments}
            startRevision={plan.revision}
          />
        )
      }
    </Show>
  );
}

function DraftEditor({
  parent,
  newer,
  amendments,
  startRevision,
}: {
  parent: StoredVersionView;
  newer: ReturnType<typeof usePinnedParent>['newer'];
  amendments: Amendment[];
  startRevision: number;
}) {
  const { negotiation } = useNegotiation();
  const { me } = useSession();
  const kept = useKeptDraft({
    key: `parley.draft.${me.user.id}.${negotiation.id}.${parent.version.id}`,
    schema: KeptDraftSchema,
    // The revision kept with the draft: restored later, a version saved meanwhile still answers 409.
    empty: { operations: [], label: '', startRevision },
    isEmpty: (draft) => draft.operations.length === 0 && draft.label === '',
  });
  const { operations, label } = kept.value;
  const setOperations = (change: (current: VersionOperation[]) => VersionOperation[]) =>
    kept.setValue((draft) => ({ ...draft, operations: change(draft.operations) }));
  const setLabel = (next: string) => kept.setValue((draft) => ({ ...draft, label: next }));
  const [addingAtTop, setAddingAtTop] = useState(false);
  const addAtTopButton = useRef<HTMLButtonElement>(null);
  const closeAddingAtTop = () => {
    setAddingAtTop(false);
    // The form replaced its opener: focus goes back to it rather than to the page body.
    requestAnimationFrame(() => addAtTopButton.current?.focus());
  };
  const applied = useMemo(() => applyDraft(parent.version, operations, label), [parent, operations, label]);
  const newId = () => PointIdSchema.parse(crypto.randomUUID());
  const changesHeading = useRef<HTMLHeadingElement>(null);
  // A one-click change (drop, adopt) removes or disables its button, and the focus fell to the
  // page: it goes to the list of changes, where the change shows. A form that closed puts the
  // focus back on its own opener, which this leaves alone.
  const keepFocusInChanges = () =>
    requestAnimationFrame(() => {
      const focused = document.activeElement;
      const lost =
        focused === null ||
        focused === document.body ||
        !focused.isConnected ||
        (focused instanceof HTMLButtonElement && focused.disabled);
      if (lost) changesHeading.current?.focus();
    });
  const add = (operation: VersionOperation) => {
    setOperations((current) => withOperation(current, operation));
    keepFocusInChanges();
  };
  const draft = applied.ok ? applied.version : undefined;
  useFocusAskedPoint();
  const changedIds = new Set(
    applied.ok ? applied.edges.filter((edge) => edge.kind !== 'renumber').flatMap((edge) => edge.to) : [],
  );
  const adoptedIds = new Set(operations.flatMap((op) => (op.amendmentId == null ? [] : [op.amendmentId])));

  return (
    <div className="drafting">
      <p>
        <Link to="..">← Back to the plan</Link>
      </p>
      <h2>Draft a new version from “{parent.version.label}”</h2>
      {newer !== undefined && <NewerVersionNotice newer={newer} parentLabel={parent.version.label} />}
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      <div className="draft-columns">
        <section aria-labelledby="draft-heading">
          <h3 id="draft-heading">Draft ({draft?.points.length ?? '…'} points)</h3>
          {addingAtTop ? (
            <PointFieldsForm
              name="New point at the top"
              initial={{ title: '', text: '', topic: '' }}
              submitLabel="Add to the draft"
              onCancel={closeAddingAtTop}
              onApply={(f) => {
                add({
                  kind: 'add',
                  after: null,
                  point: { pointId: newId(), title: f.title, text: f.text, topic: topicOf(f.topic) },
                });
                closeAddingAtTop();
              }}
            />
          ) : (
            <button
              ref={addAtTopButton}
              type="button"
              className="secondary"
              onClick={() => setAddingAtTop(true)}
            >
              Add a point at the top
            </button>
          )}
          {!applied.ok && (
            <div className="error" role="alert">
              <p>This change cannot be applied:</p>
              <ul>
                {applied.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {draft !== undefined && (
            <ol className="plain-list">
              {draft.points.map((point, index) => (
                <DraftPointCard
                  key={point.pointId}
                  points={draft.points}
                  index={index}
                  isChanged={changedIds.has(point.pointId)}
                  newId={newId}
                  onOperation={add}
                />
              ))}
            </ol>
          )}
          <DraftAmendments
            parent={parent.version}
            draft={draft}
            amendments={amendments}
            adoptedIds={adoptedIds}
            onAdopt={add}
            newId={newId}
          />
        </section>
        <ScrollRegion className="sticky-redline" label="Changes and redline of this draft">
          <section className="card" aria-labelledby="changes-heading">
            <h3 id="changes-heading" ref={changesHeading} tabIndex={-1}>
              Changes in this draft
            </h3>
            {operations.length > 0 && (
              // The draft's own numbers move with every change above them: the parent's stay put.
              <p className="muted small">Points are named by their number in “{parent.version.label}”.</p>
            )}
            {operations.length === 0 ? (
              <p className="muted">
                No change yet: edit, merge, split, add, move or drop points on the left.
              </p>
            ) : (
              <ol>
                {operations.map((operation, index) => (
                  <li key={index}>
                    {describeOperation(operation, parent.version, applied.ok ? applied.version.points : [])}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        // This button goes with its change: the focus moves before it does, not
                        // after whichever render removes it.
                        changesHeading.current?.focus();
                        setOperations((current) => current.filter((_, i) => i !== index));
                      }}
                      aria-label={`Undo change ${index + 1}`}
                    >
                      Undo
                    </button>
                  </li>
                ))}
              </ol>
            )}
            <SaveDraftForm
              parentId={parent.version.id}
              parent={parent.version}
              operations={operations}
              label={label}
              onLabel={setLabel}
              startRevision={kept.value.startRevision}
              canSave={applied.ok && operations.length > 0}
              onSaved={kept.forget}
            />
          </section>
          <section className="card" aria-labelledby="live-redline-heading">
            <h3 id="live-redline-heading">Redline against “{parent.version.label}”</h3>
            {applied.ok ? (
              <Redline redline={applied.redline} />
            ) : (
              <p className="muted">Fix the change above.</p>
            )}
          </section>
        </ScrollRegion>
      </div>
    </div>
  );
}

/**
 * `?point=` (from a leaders' decision to amend a point): the editor opens with that point in view
 * and the focus on its Edit button, once, so the agreed wording is written where it belongs.
 */
function useFocusAskedPoint() {
  const [params] = useSearchParams();
  const asked = params.get('point');
  useEffect(() => {
    if (asked === null) return;
    const card = document.getElementById(draftPointAnchor(asked));
    card?.scrollIntoView({ block: 'center' });
    card?.querySelector<HTMLButtonElement>('button[aria-label^="Edit point"]')?.focus();
  }, [asked]);
}

const KeptDraftSchema = z.object({
  operations: z.array(VersionOperationSchema),
  label: z.string(),
  startRevision: z.number().int(),
});

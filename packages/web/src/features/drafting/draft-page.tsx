import { PointIdSchema, type Amendment, type StoredVersionView, type VersionOperation } from '@parley/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { getVersion, listAmendments } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { Show } from '../../components/status';
import { Redline } from '../compare/redline';
import { useNegotiation } from '../negotiation/negotiation-context';
import { DraftAmendments } from './draft-amendments';
import { applyDraft, describeOperation, withOperation } from './draft-operations';
import { DraftPointCard } from './draft-point-card';
import { PointFieldsForm, topicOf } from './point-fields-form';
import { NewerVersionNotice, usePinnedParent } from './pinned-parent';
import { SaveDraftForm } from './save-draft-form';
import './drafting.css';

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
    return <p className="muted">Only the mediator's delegation drafts new versions.</p>;
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
  const [operations, setOperations] = useState<VersionOperation[]>([]);
  const [label, setLabel] = useState('');
  const [addingAtTop, setAddingAtTop] = useState(false);
  const applied = useMemo(() => applyDraft(parent.version, operations, label), [parent, operations, label]);
  const newId = () => PointIdSchema.parse(crypto.randomUUID());
  const add = (operation: VersionOperation) => setOperations((current) => withOperation(current, operation));
  const draft = applied.ok ? applied.version : undefined;
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
      <div className="draft-columns">
        <section aria-labelledby="draft-heading">
          <h3 id="draft-heading">Draft ({draft?.points.length ?? '…'} points)</h3>
          {addingAtTop ? (
            <PointFieldsForm
              name="New point at the top"
              initial={{ title: '', text: '', topic: '' }}
              submitLabel="Add to the draft"
              onCancel={() => setAddingAtTop(false)}
              onApply={(f) => {
                add({
                  kind: 'add',
                  after: null,
                  point: { pointId: newId(), title: f.title, text: f.text, topic: topicOf(f.topic) },
                });
                setAddingAtTop(false);
              }}
            />
          ) : (
            <button type="button" className="secondary" onClick={() => setAddingAtTop(true)}>
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
        <div className="sticky-redline">
          <section className="card" aria-labelledby="changes-heading">
            <h3 id="changes-heading">Changes in this draft</h3>
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
                    {describeOperation(operation, parent.version)}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setOperations((current) => current.filter((_, i) => i !== index))}
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
              operations={operations}
              label={label}
              onLabel={setLabel}
              startRevision={startRevision}
              canSave={applied.ok && operations.length > 0}
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
        </div>
      </div>
    </div>
  );
}

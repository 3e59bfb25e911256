import type { PointId, PointRevision, VersionOperation } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { PointFieldsForm, topicOf, type PointFields } from './point-fields-form';
import { SplitForm } from './split-form';

type Mode = 'view' | 'edit' | 'split' | 'merge' | 'add';

/** One point of the draft and what the mediator may do to it; each action adds an operation. */
export function DraftPointCard({
  points,
  index,
  isChanged,
  newId,
  onOperation,
}: {
  points: readonly PointRevision[];
  index: number;
  isChanged: boolean;
  newId: () => PointId;
  onOperation: (operation: VersionOperation) => void;
}) {
  const [mode, setMode] = useState<Mode>('view');
  // Each form opens in place of the buttons; when it closes, the focus goes back to the button
  // that opened it rather than falling to the page body.
  const openers = useRef(new Map<Mode, HTMLButtonElement>());
  const [returnTo, setReturnTo] = useState<Mode | undefined>(undefined);
  useEffect(() => {
    if (mode !== 'view' || returnTo === undefined) return;
    openers.current.get(returnTo)?.focus();
    setReturnTo(undefined);
  }, [mode, returnTo]);
  const opener = (of: Mode) => (button: HTMLButtonElement | null) => {
    if (button === null) openers.current.delete(of);
    else openers.current.set(of, button);
  };
  const point = points[index];
  if (point === undefined) return null;
  const previous = points[index - 1];
  const next = points[index + 1];
  const n = point.number;
  const close = () => {
    setReturnTo(mode);
    setMode('view');
  };
  const apply = (operation: VersionOperation) => {
    onOperation(operation);
    close();
  };
  const fields: PointFields = { title: point.title, text: point.text, topic: point.topic ?? '' };
  const cancel = close;

  return (
    <li
      id={draftPointAnchor(point.pointId)}
      className={`draft-point${isChanged ? ' changed' : ''}`}
      aria-label={`Draft point ${n}`}
    >
      <p className="point-row">
        <span className="number">{n}.</span>
        {point.title !== '' && (
          <>
            {' '}
            <strong>{point.title}</strong>
          </>
        )}
        {point.topic !== null && <span className="topic">{point.topic}</span>}
      </p>
      {mode === 'view' && <p className="point-text">{point.text}</p>}
      {mode === 'edit' && (
        <PointFieldsForm
          name={`Edit point ${n}`}
          initial={fields}
          submitLabel="Apply to the draft"
          onCancel={cancel}
          onApply={(f) =>
            apply({
              kind: 'amend',
              pointId: point.pointId,
              title: f.title,
              text: f.text,
              topic: topicOf(f.topic),
            })
          }
        />
      )}
      {mode === 'split' && (
        <SplitForm
          point={point}
          onCancel={cancel}
          onApply={([first, second]) =>
            apply({
              kind: 'split',
              pointId: point.pointId,
              into: [
                { pointId: point.pointId, title: first.title, text: first.text, topic: topicOf(first.topic) },
                { pointId: newId(), title: second.title, text: second.text, topic: topicOf(second.topic) },
              ],
            })
          }
        />
      )}
      {mode === 'merge' && next !== undefined && (
        <PointFieldsForm
          name={`Merge points ${n} and ${next.number}`}
          initial={{ ...fields, text: `${point.text} ${next.text}` }}
          submitLabel="Apply merge"
          onCancel={cancel}
          onApply={(f) =>
            apply({
              kind: 'merge',
              pointIds: [point.pointId, next.pointId],
              into: { pointId: point.pointId, title: f.title, text: f.text, topic: topicOf(f.topic) },
            })
          }
        />
      )}
      {mode === 'add' && (
        <PointFieldsForm
          name={`New point after ${n}`}
          initial={{ title: '', text: '', topic: point.topic ?? '' }}
          submitLabel="Add to the draft"
          onCancel={cancel}
          onApply={(f) =>
            apply({
              kind: 'add',
              after: point.pointId,
              point: { pointId: newId(), title: f.title, text: f.text, topic: topicOf(f.topic) },
            })
          }
        />
      )}
      {mode === 'view' && (
        <div className="row-actions" role="group" aria-label={`Change point ${n}`}>
          <button
            type="button"
            className="secondary"
            ref={opener('edit')}
            onClick={() => setMode('edit')}
            aria-label={`Edit point ${n}`}
          >
            Edit
          </button>
          <button
            type="button"
            className="secondary"
            disabled={previous === undefined}
            aria-label={`Move point ${n} up`}
            onClick={() =>
              apply({
                kind: 'move',
                pointId: point.pointId,
                // Up: after the point before the previous one, or to the top.
                after: points[index - 2]?.pointId ?? null,
              })
            }
          >
            Up
          </button>
          <button
            type="button"
            className="secondary"
            disabled={next === undefined}
            aria-label={`Move point ${n} down`}
            onClick={() =>
              next !== undefined && apply({ kind: 'move', pointId: point.pointId, after: next.pointId })
            }
          >
            Down
          </button>
          <button
            type="button"
            className="secondary"
            ref={opener('split')}
            onClick={() => setMode('split')}
            aria-label={`Split point ${n}`}
          >
            Split
          </button>
          <button
            type="button"
            className="secondary"
            disabled={next === undefined}
            ref={opener('merge')}
            onClick={() => setMode('merge')}
            aria-label={`Merge with next (point ${n})`}
          >
            Merge with next
          </button>
          <button
            type="button"
            className="secondary"
            ref={opener('add')}
            onClick={() => setMode('add')}
            aria-label={`Add after (point ${n})`}
          >
            Add after
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => apply({ kind: 'drop', pointId: point.pointId })}
            aria-label={`Drop point ${n}`}
          >
            Drop
          </button>
        </div>
      )}
    </li>
  );
}

/** The element id of a point's card in the draft, for a link that opens the editor at that point. */
export const draftPointAnchor = (pointId: string) => `draft-point-${pointId}`;

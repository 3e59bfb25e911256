import type { PointRevision } from '@parley/core';
import { useState, type FormEvent } from 'react';
import { PointFieldInputs, useFocusOnOpen, type PointFields } from './point-fields-form';

/** Split one point into two: the first part keeps the point's identity (and its positions). */
export function SplitForm({
  point,
  onApply,
  onCancel,
}: {
  point: PointRevision;
  onApply: (parts: [PointFields, PointFields]) => void;
  onCancel: () => void;
}) {
  const [first, setFirst] = useState<PointFields>({
    title: point.title,
    text: point.text,
    topic: point.topic ?? '',
  });
  const form = useFocusOnOpen();
  const [second, setSecond] = useState<PointFields>({ title: '', text: '', topic: point.topic ?? '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply([first, second]);
  };
  return (
    <form ref={form} className="form" aria-label={`Split point ${point.number}`} onSubmit={onSubmit}>
      <fieldset>
        <legend>First part (keeps the point)</legend>
        <PointFieldInputs
          fields={first}
          set={(key) => (value) => setFirst((f) => ({ ...f, [key]: value }))}
          prefix="First part: "
        />
      </fieldset>
      <fieldset>
        <legend>Second part (a new point)</legend>
        <PointFieldInputs
          fields={second}
          set={(key) => (value) => setSecond((f) => ({ ...f, [key]: value }))}
          prefix="Second part: "
        />
      </fieldset>
      <div className="row-actions">
        <button type="submit" disabled={first.text.trim() === '' || second.text.trim() === ''}>
          Apply split
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

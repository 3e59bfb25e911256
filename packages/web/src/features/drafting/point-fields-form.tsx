import { useEffect, useRef, useState, type FormEvent } from 'react';

export type PointFields = { title: string; text: string; topic: string };

/** Title, text and topic of one point, applied to the draft (nothing is sent to the server). */
export function PointFieldsForm({
  name,
  initial,
  submitLabel,
  onApply,
  onCancel,
}: {
  name: string;
  initial: PointFields;
  submitLabel: string;
  onApply: (fields: PointFields) => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(initial);
  const form = useFocusOnOpen();
  const set = (key: keyof PointFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(fields);
  };
  return (
    <form ref={form} className="form" aria-label={name} onSubmit={onSubmit}>
      <PointFieldInputs fields={fields} set={set} />
      <div className="row-actions">
        <button type="submit" disabled={fields.text.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function PointFieldInputs({
  fields,
  set,
  prefix = '',
}: {
  fields: PointFields;
  set: (key: keyof PointFields) => (value: string) => void;
  prefix?: string;
}) {
  return (
    <>
      <label>
        {prefix}Title
        <input value={fields.title} onChange={(e) => set('title')(e.target.value)} />
      </label>
      <label>
        {prefix}Text
        <textarea
          dir="auto"
          required
          value={fields.text}
          onChange={(e) => set('text')(e.target.value)}
          rows={4}
        />
      </label>
      <label>
        {prefix}Topic
        <input value={fields.topic} onChange={(e) => set('topic')(e.target.value)} />
      </label>
    </>
  );
}

/**
 * A form that opens in place of the button that asked for it: its first field takes the focus,
 * which would otherwise fall to the page body with the button gone.
 */
export function useFocusOnOpen() {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  return form;
}

/** A topic field's value as the API takes it: empty means none. */
export const topicOf = (topic: string): string | null => (topic.trim() === '' ? null : topic.trim());

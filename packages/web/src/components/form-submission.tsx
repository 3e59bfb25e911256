import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, errorMessage } from '../api/api-error';

type FormMessageState = { kind: 'error' | 'ok'; text: string } | undefined;

/**
 * The shared life of an editing form: one request at a time, a success line or the server's
 * problem as an alert. `submit` returns the form's onSubmit handler for an action.
 */
export function useFormSubmission() {
  const [message, setMessage] = useState<FormMessageState>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  // Fields this form shows errors beside, collected as it renders them; the alert leaves them out.
  const shownFields = useRef(new Set<string>());
  const submit = (action: () => Promise<void>, successText: string) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setFailure(undefined);
    try {
      await action();
      setMessage({ kind: 'ok', text: successText });
    } catch (caught) {
      setFailure(caught);
      setMessage({ kind: 'error', text: errorMessage(caught, (field) => shownFields.current.has(field)) });
    } finally {
      setBusy(false);
    }
  };
  /** The server's word on one field of the last failed submission, to show next to that field. */
  const fieldError = (field: string) => {
    shownFields.current.add(field);
    return failure instanceof ApiError ? failure.fieldMessage(field) : undefined;
  };
  /** Forgets the last outcome, once it no longer holds (what it announced was undone elsewhere). */
  // Stable, so an effect that clears on some change lists it without running on every render.
  const clear = useCallback(() => {
    setMessage(undefined);
    setFailure(undefined);
  }, []);
  return { busy, message, submit, fieldError, clear };
}

/**
 * The outcome line of a form: an alert for errors, a polite status for success. It takes the focus
 * when it appears if the focus was lost (the submit button was disabled while saving) or is still
 * in its form, so keyboard and screen-reader users land on the outcome, next to the form.
 */
export function FormMessage({ message }: { message: FormMessageState }) {
  const line = useRef<HTMLParagraphElement>(null);
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    setEdited(false);
    const element = line.current;
    if (element === null) return;
    const active = document.activeElement;
    const form = element.closest('form, section');
    if (active === null || active === document.body || (form !== null && form.contains(active)))
      element.focus();
  }, [message]);
  useStaleOnInput(line, message?.kind === 'ok' ? message : undefined, () => setEdited(true));
  if (message === undefined || edited) return null;
  return (
    <p
      ref={line}
      tabIndex={-1}
      className={message.kind === 'error' ? 'error' : 'ok'}
      role={message.kind === 'error' ? 'alert' : 'status'}
    >
      {message.text}
    </p>
  );
}

/**
 * "Saved." stops being true once the form is edited again: the line goes at the first input, so
 * a value the browser then refuses to send (out of range) does not sit beside an old success.
 */
export function useStaleOnInput(
  inside: RefObject<HTMLElement | null>,
  success: object | undefined,
  onStale: () => void,
): void {
  useEffect(() => {
    const form = inside.current?.closest('form') ?? null;
    if (success === undefined || form === null) return;
    form.addEventListener('input', onStale, { once: true });
    return () => form.removeEventListener('input', onStale);
    // onStale is a fresh closure each render; what it does does not change. Each new success
    // (a new object) listens afresh.
  }, [inside, success]);
}

/** A field's own error line; give the field `aria-describedby={id}` and `aria-invalid`. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <span id={id} className="field-error">
      {text}
    </span>
  );
}

import './story.css';
import { useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, readableFieldMessage, topField } from '../api/api-error';
import { useStaleOnInput } from './form-submission';

type Outcome = { kind: 'error' | 'ok'; text: string } | undefined;

/**
 * A form whose problems land next to the fields they name (the server's `errors[].path`), with
 * focus moved where the user acts next: the first wrong field on failure, the outcome line on
 * success (so a screen reader hears it and Tab continues from the form).
 */
export function useFieldForm(formLabel: string) {
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Fields this form shows errors beside, collected as it renders them; the alert leaves them out.
  const shownFields = useRef(new Set<string>());
  const idOf = (field: string) => `${formLabel.replace(/\W+/g, '-').toLowerCase()}-${field}-error`;
  // Focus moves once the outcome is on the page, in the commit that puts it there: not at the next
  // animation frame, which can come first (an update after an await renders in a later task) and
  // find no line, nor in a passive effect, which runs after paint, leaving the focus on <body>
  // meanwhile when the commit removed the focused button.
  const pendingFocus = useRef<(() => void) | undefined>(undefined);
  useLayoutEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = undefined;
    focus?.();
  });

  const submit = (action: () => Promise<void>, successText: string) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    setFields({});
    try {
      await action();
      setOutcome({ kind: 'ok', text: successText });
      pendingFocus.current = () => outcomeRef.current?.focus();
    } catch (failure) {
      const byField = fieldProblems(failure);
      setFields(byField);
      setOutcome({
        kind: 'error',
        text: errorMessage(failure, (field) => shownFields.current.has(field)),
      });
      const first = Object.keys(byField)[0];
      pendingFocus.current = () => {
        const target =
          first === undefined
            ? null
            : formRef.current?.querySelector<HTMLElement>(`[aria-describedby~="${idOf(first)}"]`);
        (target ?? outcomeRef.current)?.focus();
      };
    } finally {
      setBusy(false);
    }
  };

  /** Props for a field: names the error paragraph that explains it, if any. */
  const describe = (field: string) => ({
    'aria-describedby': idOf(field),
    'aria-invalid': fields[field] !== undefined ? true : undefined,
  });
  // Plain render functions, not components: a component made per render would remount (and lose focus).
  const fieldError = (field: string): ReactNode => {
    shownFields.current.add(field);
    return fields[field] === undefined ? (
      <span id={idOf(field)} hidden />
    ) : (
      <span id={idOf(field)} className="error field-error">
        {fields[field]}
      </span>
    );
  };
  useStaleOnInput(formRef, outcome?.kind === 'ok' ? outcome : undefined, () => setOutcome(undefined));
  const outcomeLine = (): ReactNode =>
    outcome === undefined ? null : (
      <p
        ref={outcomeRef}
        tabIndex={-1}
        className={outcome.kind === 'error' ? 'error' : 'ok'}
        role={outcome.kind === 'error' ? 'alert' : 'status'}
      >
        {outcome.text}
      </p>
    );
  return { busy, submit, describe, fieldError, outcomeLine, formRef };
}

/** The server's per-field problems, keyed by the top field of each path (`partiesPresent.0` → `partiesPresent`). */
export function fieldProblems(failure: unknown): Record<string, string> {
  if (!(failure instanceof ApiError)) return {};
  const found: Record<string, string> = {};
  for (const problem of failure.problem?.errors ?? []) {
    const field = topField(problem.path);
    if (field !== '' && found[field] === undefined) found[field] = readableFieldMessage(problem.message);
  }
  return found;
}

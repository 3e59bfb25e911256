import { useId, useLayoutEffect, useRef } from 'react';

export type SummaryError = { readonly text: string; readonly fieldId?: string };

/**
 * The error summary pattern: one list of what stopped the save, each item a link to the field it
 * is about, focused when it appears so a screen reader reads it first and a keyboard user can go
 * to each field in turn. Each error is said here only: repeating it beside its field read every
 * problem twice.
 */
export function ErrorSummary({ title, errors }: { title: string; errors: readonly SummaryError[] }) {
  const headingId = useId();
  const summary = useRef<HTMLDivElement>(null);
  // In the commit that shows it, before paint: the focus never rests on <body> meanwhile.
  useLayoutEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={summary} tabIndex={-1} className="error-summary" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ul>
        {errors.map((error, index) => (
          <li key={`${index}:${error.text}`}>
            {error.fieldId === undefined ? (
              error.text
            ) : (
              <a
                href={`#${error.fieldId}`}
                // The router owns the URL: focusing the field is all the link has to do.
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId ?? '')?.focus();
                }}
              >
                {error.text}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../api/api-error';
import type { Resource } from '../api/use-resource';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/**
 * Whether the address itself names nothing: an unknown or hidden id (404), or one that is not an
 * id at all (a 400 about the path's ids only, e.g. `/n/xyz`), which read as a form to correct.
 */
function namesNothing(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  const errors = error.problem?.errors ?? [];
  return error.status === 400 && errors.length > 0 && errors.every((entry) => /^[a-z]+Id$/.test(entry.path));
}

export function ErrorMessage({
  error,
  onRetry,
  what,
}: {
  error: unknown;
  onRetry?: () => void;
  /** What was being loaded ("the point"), to say it was not found when the address names nothing. */
  what?: string;
}) {
  const nothing = namesNothing(error);
  return (
    <div className="error" role="alert">
      <p>
        {nothing && what !== undefined
          ? `Not found: this address names no ${what.replace(/^the /, '')} you can open.`
          : errorMessage(error)}
      </p>
      {nothing && (
        <p>
          <Link to="/">Back to your negotiations</Link>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * Whether trying again could help: a lost connection, a busy or failing server. A 4xx (missing,
 * hidden, not allowed, bad request) answers the same next time, so no button is offered.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 429 || error.status === 408;
}

/**
 * Renders loading and error states for a resource, and the children once it is ready. A re-read
 * that fails for a reason trying again could cure keeps what was read before on the page, under a
 * note: replacing it with the error would also unmount the forms in it, and with them what a
 * user just typed or the confirmation of what they just saved.
 */
export function Show<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (resource.state === 'loading') return <Loading what={what} />;
  if (resource.state === 'ready') return <Shown what={what}>{children(resource.data)}</Shown>;
  if (resource.data !== undefined && isRetryable(resource.error))
    return (
      <Shown what={what} failure={resource.error} onRetry={resource.reload}>
        {children(resource.data)}
      </Shown>
    );
  return (
    <ErrorMessage
      error={resource.error}
      what={what}
      onRetry={isRetryable(resource.error) ? resource.reload : undefined}
    />
  );
}

// One element for ready and failed-again alike, the note in a slot of its own, so that a failure
// coming or going never remounts the page under it.
function Shown({
  what,
  failure,
  onRetry,
  children,
}: {
  what: string;
  failure?: unknown;
  onRetry?: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {failure !== undefined && (
        <div className="error" role="alert">
          <p>
            Could not read {what} again: what you see was read before. {errorMessage(failure)}
          </p>
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {children}
    </>
  );
}

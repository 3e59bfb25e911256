import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/api-error';
import type { Resource } from '../api/use-resource';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{errorMessage(error)}</p>
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

/** Renders loading and error states for a resource, and the children once it is ready. */
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
  if (resource.state === 'error')
    return (
      <ErrorMessage
        error={resource.error}
        onRetry={isRetryable(resource.error) ? resource.reload : undefined}
      />
    );
  return <>{children(resource.data)}</>;
}

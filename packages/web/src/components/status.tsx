import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error';
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
  if (resource.state === 'error') return <ErrorMessage error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}

import { Component, lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Loading } from '../components/status';

/**
 * A page whose code is fetched the first time it is opened. Each page is its own script, so a
 * visitor downloads and compiles only what they open: the charts library alone is larger than the
 * rest of the app and only the analysis page draws charts.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

/**
 * Where a page's code arrives: a short wait shows nothing (a page from a local server is there in
 * a few milliseconds, and a flash of "Loading…" is worse than none), a longer one says so, and a
 * page that fails to load or to draw gets a message in place of a blank window. Keyed by the path,
 * so moving to another page clears a failure.
 */
export function PageLoader({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary key={pathname}>
      <Suspense fallback={<SlowLoading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

const SHOW_LOADING_AFTER_MS = 300;

function SlowLoading() {
  const [isSlow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SHOW_LOADING_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return isSlow ? <Loading what="the page" /> : null;
}

/** Chromium, Firefox and Safari word a failed `import()` differently; all mean the script is gone. */
function isMissingScript(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Unable to preload/i.test(error.message)
  );
}

class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <div className="error" role="alert">
        <p>
          {isMissingScript(error)
            ? 'This page could not be loaded: the connection dropped, or Parley was updated since this tab was opened.'
            : 'Something went wrong while showing this page.'}{' '}
          Reloading usually mends it; nothing you saved is lost.
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

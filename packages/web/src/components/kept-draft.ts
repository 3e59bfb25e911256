import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';

/**
 * Work in progress kept in this tab's sessionStorage under `key`, so that opening another section
 * of the negotiation, or reloading, and coming back finds it again (the router cannot block an
 * in-app navigation: the app uses a declarative BrowserRouter, without data-router blockers).
 * sessionStorage, not localStorage: a confidential draft should not outlive the tab on a shared
 * computer. A stored value that no longer parses (an older shape) is dropped, not trusted.
 */
export function useKeptDraft<T>({
  key,
  schema,
  empty,
  isEmpty,
}: {
  key: string;
  schema: z.ZodType<T>;
  empty: T;
  isEmpty: (value: T) => boolean;
}) {
  const [stored] = useState(() => readKept(key, schema));
  const [value, setValue] = useState<T>(stored ?? empty);
  const [isRestored, setRestored] = useState(stored !== undefined);
  const hasWork = !isEmpty(value);

  useEffect(() => {
    if (hasWork) writeKept(key, value);
    else forgetKept(key);
  }, [key, value, hasWork]);
  useWarnBeforeUnload(hasWork);

  const discard = useCallback(() => {
    forgetKept(key);
    setValue(empty);
    setRestored(false);
    // `empty` is the value the page opened with: a new one each render must not change `discard`.
  }, [key]);
  /** After the work was saved: nothing is left to restore (the page is about to close). */
  const forget = useCallback(() => forgetKept(key), [key]);
  return { value, setValue, isRestored, hasWork, discard, forget };
}

/** Asks the browser to confirm closing or reloading the tab while `active`. */
export function useWarnBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

function readKept<T>(key: string, schema: z.ZodType<T>): T | undefined {
  try {
    const text = window.sessionStorage.getItem(key);
    if (text === null) return undefined;
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    forgetKept(key);
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps work under another page's key, for that page to restore when it opens (a revised text
 * carried over to the version saved meanwhile). Storage may be full or disabled (private modes):
 * the page still works, it only keeps nothing.
 */
export function writeKept(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* nothing kept */
  }
}

function forgetKept(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    /* nothing was kept */
  }
}

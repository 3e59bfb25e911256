import { useEffect } from 'react';

/** Names the page and, inside one, the negotiation: "Plan — Water talks — Parley". */
export function usePageTitle(...parts: ReadonlyArray<string | undefined>): void {
  const title = [...parts.filter((part): part is string => part !== undefined && part !== ''), 'Parley'].join(
    ' — ',
  );
  useEffect(() => {
    document.title = title;
  }, [title]);
}

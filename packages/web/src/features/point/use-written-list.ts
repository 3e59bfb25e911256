import { useCallback, useState } from 'react';

/**
 * What this page's own forms wrote (the server's answers), newest copy of each, to show before the
 * page reads the list again. `isSame` should be stable (declared outside the component).
 */
export function useWrittenList<T>(isSame: (left: T, right: T) => boolean) {
  const [written, setWritten] = useState<readonly T[]>([]);
  const add = useCallback(
    (item: T) => setWritten((known) => [...known.filter((entry) => !isSame(entry, item)), item]),
    [isSame],
  );
  return [written, add] as const;
}

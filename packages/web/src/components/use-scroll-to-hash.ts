import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Brings the element the address's #fragment names into view once the page has drawn it (a search
 * result links to one record or statement): the router changes pages without the browser's own
 * jump to the fragment, and the element exists only once the data has loaded.
 */
export function useScrollToHash(isDrawn: boolean): string {
  const { hash } = useLocation();
  useEffect(() => {
    if (!isDrawn || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target === null) return;
    target.scrollIntoView({ block: 'start' });
    // Focus moves with the view so a keyboard or screen-reader user lands on it too.
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [isDrawn, hash]);
  return decodeURIComponent(hash.slice(1));
}

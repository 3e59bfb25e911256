import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { PageLoader } from './page-loader';
import { useSession } from './session';

export function Layout() {
  const { me, signOut } = useSession();
  const main = useMainFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Parley
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Negotiations
          </NavLink>
          <NavLink to="/analysis">Analysis</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <span className="who" aria-label="Signed in as">
          {me.user.displayName}
        </span>
        <button type="button" className="link-button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="page" tabIndex={-1} ref={main}>
        <PageLoader>
          <Outlet />
        </PageLoader>
      </main>
    </>
  );
}

/**
 * After a move to another page (a link, or a form that saved and went on), the focus goes to the
 * page's content instead of being lost on the body; not on the first load, nor on a changed query.
 */
function useMainFocusOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return main;
}

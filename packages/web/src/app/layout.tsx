import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from './session';

export function Layout() {
  const { me, signOut } = useSession();
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
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

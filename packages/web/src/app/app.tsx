import type { Me } from '@parley/core';
import { useCallback, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from '../api/api-error';
import { onUnauthenticated } from '../api/client';
import { getMe, signOut } from '../api/endpoints';
import { signOutRevokingTokens } from '../api/security-endpoints';
import { ErrorMessage, Loading } from '../components/status';
import { InvitationSignedOutPage } from '../features/accounts/invitation-page';
import { RegisterPage } from '../features/accounts/register-page';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { AppRoutes } from './routes';
import { SessionContext } from './session';

type Auth =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; me: Me }
  | { state: 'failed'; error: unknown };

export function App() {
  return (
    <BrowserRouter>
      <Shell />
    </BrowserRouter>
  );
}

function Shell() {
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  const location = useLocation();
  const refresh = useCallback(() => {
    getMe().then(
      (me) => setAuth({ state: 'signed-in', me }),
      (error: unknown) =>
        setAuth(
          error instanceof ApiError && error.isUnauthenticated
            ? { state: 'signed-out' }
            : { state: 'failed', error },
        ),
    );
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => onUnauthenticated(() => setAuth({ state: 'signed-out' })), []);
  const leave = useCallback((options?: { revokeTokens?: boolean }) => {
    (options?.revokeTokens === true ? signOutRevokingTokens() : signOut()).finally(() =>
      setAuth({ state: 'signed-out' }),
    );
  }, []);

  if (auth.state === 'checking')
    return (
      <main className="page">
        <Loading what="your session" />
      </main>
    );
  if (auth.state === 'failed')
    return (
      <main className="page">
        <ErrorMessage error={auth.error} onRetry={refresh} />
      </main>
    );
  if (auth.state === 'signed-out') {
    return (
      <Routes>
        <Route path="/signin" element={<SignInPage onSignedIn={refresh} />} />
        <Route path="/register" element={<RegisterPage onSignedIn={refresh} />} />
        <Route path="/invitation" element={<InvitationSignedOutPage onSignedIn={refresh} />} />
        <Route
          path="*"
          element={
            <Navigate
              to={`/signin?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`}
              replace
            />
          }
        />
      </Routes>
    );
  }
  return (
    <SessionContext.Provider value={{ me: auth.me, refresh, signOut: leave }}>
      <AppRoutes />
    </SessionContext.Provider>
  );
}

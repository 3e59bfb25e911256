import { Link } from 'react-router';
import { getInstance } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Show } from '../../components/status';
import { usePageTitle } from '../../components/page-title';
import { maySignUp, RegisterForm } from './register-form';

/** Sign-up: the administrator on an empty server, then as the server allows. */
export function RegisterPage({ onSignedIn }: { onSignedIn: () => void }) {
  const instance = useResource(getInstance, []);
  usePageTitle('Create an account');
  return (
    <main id="main" className="page sign-in">
      <Show resource={instance} what="this server">
        {(info) =>
          info.needsAdmin ? (
            <>
              <h1>Set up this Parley server</h1>
              <p>
                No one has an account here yet. The account you create now administers this server: it decides
                who may sign up and who may open negotiations. It gives no access to any negotiation by
                itself.
              </p>
              <RegisterForm onSignedIn={onSignedIn} submitLabel="Create the administrator account" />
            </>
          ) : maySignUp(info) ? (
            <>
              <h1>Create an account</h1>
              <RegisterForm onSignedIn={onSignedIn} submitLabel="Create account" />
              <p>
                Already have one? <Link to="/signin">Sign in</Link>
              </p>
            </>
          ) : (
            <>
              <h1>Sign-up is by invitation</h1>
              <p>
                On this server, accounts are created from an invitation. Ask the person who runs your
                negotiation to invite your email address, then open the link they send you.
              </p>
              <p>
                Already have an account? <Link to="/signin">Sign in</Link>
              </p>
            </>
          )
        }
      </Show>
    </main>
  );
}

import { createApiToken } from '../../src/services/api-tokens';
import { createUser } from '../../src/services/accounts';
import { createDeps } from '../../src/services/deps';
import type { Database } from '../../src/storage/database';
import type { AccessFixture } from './access-fixtures';

const OWNER_LABEL = 'token-owner script 7f3c';

/**
 * An API token of an account that is none of the viewers (#13): every viewer, an administrator
 * included, must get the same 404 for it as for a missing id, and never see its name.
 */
export const TOKEN_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    const deps = createDeps(db);
    const owner = await createUser(deps, {
      email: 'token-owner@example.org',
      displayName: 'Token owner',
      password: 'token owner password',
    });
    const token = await createApiToken(deps, { label: OWNER_LABEL, userId: owner.id, sessionIdHash: null });
    return { tokenId: [token.id] };
  },
  isHidden: (_kind, values) => (values.tokenId === undefined ? undefined : true),
  forbidden: async () => [OWNER_LABEL],
};

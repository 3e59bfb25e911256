import type { ApiTokenResource } from './resources';
import type { Viewer } from './viewer';

/**
 * A bearer token acts as its account: only that account may see or revoke it. An administrator
 * may not either, so another account's token answers exactly like a missing one.
 */
export const TOKEN_POLICY = {
  'token.manage': (viewer: Viewer, token: ApiTokenResource) =>
    viewer.userId !== null && viewer.userId === token.ownerId,
};

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { UserId } from '@parley/core';
import type { ClientAddress } from './client-address';

/** How the caller proved who they are; CSRF applies only to `cookie`. */
export type Authentication =
  | { readonly via: 'none' }
  | {
      readonly via: 'cookie';
      readonly userId: UserId;
      readonly sessionId: string;
      readonly csrfToken: string;
    }
  | { readonly via: 'bearer'; readonly userId: UserId; readonly tokenId: string };

export type AppEnv = {
  Variables: { auth: Authentication; ip: string | null; client: ClientAddress };
};

/** The app every route module registers on. */
export type ApiApp = OpenAPIHono<AppEnv>;

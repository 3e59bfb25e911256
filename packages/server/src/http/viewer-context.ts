import type { NegotiationId, Viewer, Negotiation } from '@parley/core';
import type { Context } from 'hono';
import type { AppDeps } from '../services/deps';
import { getNegotiationForViewer } from '../services/negotiations';
import { loadViewer } from '../services/viewer';
import type { AppEnv } from './app-env';
import { requireUserId } from './authenticate';

/** The signed-in caller as a policy Viewer (401 if signed out). */
export async function requireViewer(c: Context<AppEnv>, deps: AppDeps): Promise<Viewer> {
  return loadViewer(deps, requireUserId(c));
}

/** The caller plus the negotiation in the path, or the same 404 whether it is missing or hidden. */
export async function requireNegotiation(
  c: Context<AppEnv>,
  deps: AppDeps,
  negotiationId: NegotiationId,
): Promise<{ viewer: Viewer; negotiation: Negotiation }> {
  const viewer = await requireViewer(c, deps);
  const negotiation = await getNegotiationForViewer(deps, viewer, negotiationId);
  return { viewer, negotiation };
}

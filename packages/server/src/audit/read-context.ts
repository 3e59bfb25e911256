import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is reading, for the audit entries a request writes, without passing it through every
 * service: the client address the HTTP layer resolved (trusted proxies included), and, while the
 * mediator staff render a copy for someone else, that the reads are theirs on that person's behalf.
 */
type ReadContext = {
  readonly ip: string | null;
  readonly onBehalfOf?: { readonly actorId: string; readonly recipientUserId: string };
};

const storage = new AsyncLocalStorage<ReadContext>();

/** Runs the rest of a request with its client address known to the audit log. */
export function withClientAddress<T>(ip: string | null, run: () => T): T {
  return storage.run({ ip }, run);
}

/** Reads made inside `run` as `recipientUserId` are logged as `actorId`'s, for that recipient. */
export function readingOnBehalfOf<T>(who: { actorId: string; recipientUserId: string }, run: () => T): T {
  return storage.run({ ip: storage.getStore()?.ip ?? null, onBehalfOf: who }, run);
}

/** The client address of the request being served, or null outside one. */
export function currentClientAddress(): string | null {
  return storage.getStore()?.ip ?? null;
}

/** The actor of a read entry, and who it was made for when that is someone else. */
export function readActor(actorId: string | null): { actorId: string | null; onBehalfOf?: string } {
  const onBehalfOf = storage.getStore()?.onBehalfOf;
  if (onBehalfOf === undefined || actorId !== onBehalfOf.recipientUserId) return { actorId };
  return { actorId: onBehalfOf.actorId, onBehalfOf: onBehalfOf.recipientUserId };
}

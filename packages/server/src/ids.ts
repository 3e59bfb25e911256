import { randomUUID } from 'node:crypto';

/** Where services take the ids of what they create; tests pass a predictable one. */
export type IdSource = { readonly next: () => string };

export const RANDOM_IDS: IdSource = { next: () => randomUUID() };

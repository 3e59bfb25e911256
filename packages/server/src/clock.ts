/** Where services read the time; tests pass a fixed or stepping clock. */
export type Clock = { readonly now: () => Date };

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

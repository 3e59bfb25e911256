import type { Classification } from '@parley/core';

/** Who reads a record of each classification, in the words of the policy (record-policy.ts). */
export const WHO_READS: Record<Classification, string> = {
  public: 'every participant',
  parties: 'mediator and parties',
  mediator: 'the mediator and the owning party',
  delegation: 'the owning delegation only',
};

import type { ChannelKind } from './equivalences';

/**
 * One place in a point's text where approved variants may stand. `choice` names the per-copy
 * choice that decides it: every site of one choice gets the same variant in one copy, so a copy is
 * consistent (one spelling convention, one punctuation convention, one wording of each phrase).
 */
export type TextSite = {
  readonly choice: string;
  readonly kind: ChannelKind;
  readonly start: number;
  readonly end: number;
  readonly variants: readonly string[];
};

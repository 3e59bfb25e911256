import type { LineageInputPoint } from './lineage-types';

/** A point of a hand-written text for the rules' tests: numbered, titled, no topic. */
export const point = (number: number, title: string, text: string): LineageInputPoint => ({
  number,
  title,
  text,
  topic: null,
});

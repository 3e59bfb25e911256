import type { AdditiveSpace } from '../model/additive-space';

/** Candidate partial sums of one merge stage, flat (`values[i*dimensions + p]`), with their errors when thinned. */
export type Candidates = {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  readonly parent: Int32Array;
  readonly option: Int32Array;
  readonly dimensions: number;
};

/** One merge stage: the surviving partial sums over the issues merged so far and how each was formed. */
export type Stage = {
  readonly values: Float64Array;
  /** Per point and party, the most a true partial sum it stands for exceeds it (thinned stages only). */
  readonly errors?: Float64Array;
  readonly parent: Int32Array;
  readonly option: Int32Array;
  readonly count: number;
};

/** `buffers` with room for the errors of their candidates, all zero (the merge starts thinning). */
export function withErrors(buffers: Candidates): Candidates {
  return { ...buffers, errors: new Float64Array(buffers.values.length) };
}

/** `buffers` if they hold `count` candidates, else new ones with room to grow. */
export function ensureCapacity(buffers: Candidates, count: number, dimensions: number): Candidates {
  if (buffers.parent.length >= count) return buffers;
  const capacity = Math.max(count, 2 * buffers.parent.length, 64);
  return {
    values: new Float64Array(capacity * dimensions),
    // errors are kept only once the merge is thinned (an exact merge never reads them)
    errors: new Float64Array(buffers.errors.length > 0 ? capacity * dimensions : 0),
    parent: new Int32Array(capacity),
    option: new Int32Array(capacity),
    dimensions,
  };
}

export function select(
  { values, errors, parent, option, dimensions }: Candidates,
  { kept, thinned }: { kept: readonly number[]; thinned: boolean },
): Stage {
  const stage = {
    values: new Float64Array(kept.length * dimensions),
    errors: thinned ? new Float64Array(kept.length * dimensions) : undefined,
    parent: new Int32Array(kept.length),
    option: new Int32Array(kept.length),
    count: kept.length,
  };
  for (let position = 0; position < kept.length; position++) {
    const index = kept[position]!;
    for (let p = 0; p < dimensions; p++) {
      stage.values[position * dimensions + p] = values[index * dimensions + p]!;
      if (stage.errors !== undefined)
        stage.errors[position * dimensions + p] = errors[index * dimensions + p]!;
    }
    stage.parent[position] = parent[index]!;
    stage.option[position] = option[index]!;
  }
  return stage;
}

/** Candidates formed from `previous` and one issue's useful options, in the scratch buffers. */
export function formCandidates({
  space,
  previous,
  issue,
  choices,
  scratch,
}: {
  space: AdditiveSpace;
  previous: Stage;
  issue: number;
  choices: readonly number[];
  scratch: Candidates;
}): number {
  const dimensions = space.parties.length;
  const { values, errors, parent, option } = scratch;
  const shift = shiftOf(space, issue, choices);
  let candidate = 0;
  const previousValues = previous.values;
  const previousErrors = previous.errors;
  for (let from = 0; from < previous.count; from++) {
    for (let position = 0; position < choices.length; position++) {
      for (let p = 0; p < dimensions; p++) {
        values[candidate * dimensions + p] =
          previousValues[from * dimensions + p]! + shift[position * dimensions + p]!;
      }
      // a candidate stands for what its parent stood for, shifted alike: it inherits the error
      if (previousErrors !== undefined) {
        for (let p = 0; p < dimensions; p++)
          errors[candidate * dimensions + p] = previousErrors[from * dimensions + p]!;
      }
      parent[candidate] = from;
      option[candidate] = choices[position]!;
      candidate++;
    }
  }
  return candidate;
}

/** Each useful option's contribution vector, flat (`shift[position * parties + p]`), so that forming a candidate is two array reads. */
// prettier-ignore
export const shiftOf = (function shiftOf(
  space: AdditiveSpace,
  issue: number,
  choices: readonly number[],
): Float64Array {
  const dimensions = space.parties.length;
  const shift = new Float64Array(choices.length * dimensions);
  for (let position = 0; position < choices.length; position++) {
    for (let p = 0; p < dimensions; p++)
      shift[position * dimensions + p] = space.parties[p]?.contributions[issue]?.[choices[position]!] ?? 0;
  }
  return shift;
});

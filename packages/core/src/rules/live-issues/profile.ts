import type { PointId } from '../../ids';
import {
  rangeValues,
  type IssueDefinition,
  type LiveIssue,
  type SaveProfileInput,
} from '../../schemas/live-issues';
import { ok, type RuleProblem } from '../result';

/** The values an issue offers, as labels: its options, or a range's values with the unit. */
export function issueOptions(definition: IssueDefinition): string[] {
  if (definition.kind === 'options') return [...definition.options];
  return valuesOf(definition).map((value) => rangeLabel(value, definition.unit));
}

/**
 * Whether an issue offers exactly these labels, in this order: a GENIUS issue read back from
 * Parley's own export (a range is written as its labels) changes nothing of the point it maps to.
 */
export function offersLabels(definition: IssueDefinition, labels: readonly string[]): boolean {
  const own = issueOptions(definition);
  return own.length === labels.length && own.every((label, index) => label === labels[index]);
}

/** A stored definition passed the schema, so its values are few; an empty list should one not. */
const valuesOf = (range: Extract<IssueDefinition, { kind: 'range' }>): number[] => rangeValues(range) ?? [];

function rangeLabel(value: number, unit: string): string {
  return unit === '' ? String(value) : `${value} ${unit}`;
}

/** The keys a profile rates an issue by: its options, or `min` and `max` of a range. */
export function ratingKeys(definition: IssueDefinition): string[] {
  return definition.kind === 'options' ? [...definition.options] : ['min', 'max'];
}

/**
 * The rating a profile gives one key, if it gives one: its own property only. Options are named
 * freely, and `ratings.constructor` or `ratings.toString` would otherwise read Object.prototype's
 * function for an option the profile left out (a security probe saved such a profile; its utilities were NaN).
 */
function ratingOf(ratings: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.hasOwn(ratings, key) ? ratings[key] : undefined;
}

/** A rating key as the form shows it: an option by its name, a range's ends by their values ("15 %"). */
function ratedValue(definition: IssueDefinition, key: string): string {
  if (definition.kind === 'options') return `"${key}"`;
  const value = key === 'min' ? definition.min : definition.max;
  const shown = definition.unit === '' ? `${value}` : `${value} ${definition.unit}`;
  return `its ${key === 'min' ? 'lowest' : 'highest'} value, ${shown}`;
}

/**
 * A profile's evaluation of each of the issue's values on 0–1; a range is linear between the
 * ratings of its ends. Undefined when the profile does not rate every key of the issue.
 */
export function evaluationsOf(
  definition: IssueDefinition,
  ratings: Readonly<Record<string, number>> | undefined,
  scale: 'unit' | 'percent',
): number[] | undefined {
  if (ratings === undefined) return undefined;
  const divisor = scale === 'percent' ? 100 : 1;
  if (ratingKeys(definition).some((key) => ratingOf(ratings, key) === undefined)) return undefined;
  if (definition.kind === 'options')
    return definition.options.map((option) => (ratingOf(ratings, option) ?? 0) / divisor);
  const low = (ratingOf(ratings, 'min') ?? 0) / divisor;
  const high = (ratingOf(ratings, 'max') ?? 0) / divisor;
  return valuesOf(definition).map(
    (value) => low + ((high - low) * (value - definition.min)) / (definition.max - definition.min),
  );
}

export type CheckedProfile = { readonly weights: Record<string, number>; readonly notices: string[] };

/** Why a profile fails its checks; each problem also says it in a sentence (`message`). */
export type ProfileProblemCode =
  | 'out-of-scale'
  | 'not-an-issue'
  | 'duplicate-issue'
  | 'unknown-option'
  | 'unrated-option'
  | 'missing-weight'
  | 'missing-rank'
  | 'unrated-issue'
  | 'zero-weights'
  | 'bad-ranks';

/**
 * A problem of a profile and the input field it is about, in the shape of the schema's own error
 * paths: `reservation`, `issues.0.weight`, `issues.0.rank`, `issues.0.ratings.600k` (a range's
 * ends by `min` and `max`), `issues.0.pointId` for an entry that is no issue or repeats a point,
 * and `issues` for the profile as a whole (no weight above 0, ranks not 1 to n, or an issue of the
 * plan it leaves out, which has no entry to point at).
 *
 * The index is the entry's place in the input's `issues`, as in a schema error, so a client reads
 * both kinds of error alike: never the plan's order, which a client may show differently.
 */
export type ProfileProblem = RuleProblem<ProfileProblemCode> & { readonly path: string };

/** The weights a profile is used with, or every problem that stopped it, each at its path. */
export type ProfileCheck =
  | { readonly ok: true; readonly value: CheckedProfile }
  | { readonly ok: false; readonly problems: readonly ProfileProblem[] };

const failed = (...problems: ProfileProblem[]): ProfileCheck => ({ ok: false, problems });

/**
 * Checks a profile against the plan's issues and derives the weights used. Weights that do not
 * sum to 1 are scaled and the caller is told so (a notice); ranks give rank-sum weights
 * (n − r + 1) / Σ. Problems name the point and option in a sentence and carry the path of the
 * field they are about; nothing is half-checked.
 */
export function checkProfile(input: SaveProfileInput, issues: readonly LiveIssue[]): ProfileCheck {
  const defined = new Map(
    issues.flatMap((issue) => (issue.definition === null ? [] : [[issue.pointId, issue] as const])),
  );
  const problems: ProfileProblem[] = [];
  const top = topOf(input);
  if (input.reservation > top)
    problems.push({
      code: 'out-of-scale',
      message: `The reservation must be between 0 and ${top}.`,
      path: 'reservation',
    });
  const seen = new Set<PointId>();
  input.issues.forEach((entry, index) => {
    const { pointId } = entry;
    const at = (field: string) => `issues.${index}.${field}`;
    const issue = defined.get(pointId);
    if (issue === undefined || issue.definition === null) {
      const message = `Point ${pointId} is not a negotiable issue of the plan.`;
      problems.push({ code: 'not-an-issue', message, pointId, path: at('pointId') });
      return;
    }
    if (seen.has(pointId))
      problems.push({
        code: 'duplicate-issue',
        message: `Point ${issue.number} is rated twice.`,
        pointId,
        path: at('pointId'),
      });
    seen.add(pointId);
    problems.push(...entryProblems({ input, entry, issue, definition: issue.definition, at }));
  });
  for (const issue of defined.values())
    if (!seen.has(issue.pointId))
      problems.push({
        code: 'unrated-issue',
        message: `Point ${issue.number} is an issue; rate its options and weigh it.`,
        pointId: issue.pointId,
        path: 'issues',
      });
  if (problems.length > 0) return failed(...problems);
  return input.weighting === 'weights' ? scaledWeights(input) : rankSumWeights(input);
}

const topOf = (input: SaveProfileInput) => (input.scale === 'unit' ? 1 : 100);

/** The ratings and the weight or rank of one entry of the input that names an issue. */
function entryProblems(checked: {
  input: SaveProfileInput;
  entry: SaveProfileInput['issues'][number];
  issue: LiveIssue;
  definition: IssueDefinition;
  at: (field: string) => string;
}): ProfileProblem[] {
  const { input, entry, issue, definition, at } = checked;
  const { pointId } = entry;
  const name = `Point ${issue.number}`;
  const top = topOf(input);
  const keys = ratingKeys(definition);
  const problems: ProfileProblem[] = [];
  for (const [key, value] of Object.entries(entry.ratings)) {
    const path = at(`ratings.${key}`);
    if (!keys.includes(key))
      problems.push({
        code: 'unknown-option',
        message: `${name} has no option "${key}"${definition.kind === 'range' ? ' (rate a range by "min" and "max")' : ''}.`,
        pointId,
        path,
      });
    else if (value > top)
      problems.push({
        code: 'out-of-scale',
        message: `${name}, "${key}": ratings must be between 0 and ${top}.`,
        pointId,
        path,
      });
  }
  for (const key of keys)
    if (ratingOf(entry.ratings, key) === undefined)
      problems.push({
        code: 'unrated-option',
        message: `${name}: rate ${ratedValue(definition, key)}.`,
        pointId,
        path: at(`ratings.${key}`),
      });
  if (input.weighting === 'weights' && entry.weight === undefined)
    problems.push({
      code: 'missing-weight',
      message: `${name} needs a weight.`,
      pointId,
      path: at('weight'),
    });
  if (input.weighting === 'ranks' && entry.rank === undefined)
    problems.push({ code: 'missing-rank', message: `${name} needs a rank.`, pointId, path: at('rank') });
  return problems;
}

function scaledWeights(input: SaveProfileInput): ProfileCheck {
  const total = input.issues.reduce((sum, entry) => sum + (entry.weight ?? 0), 0);
  if (total <= 0)
    return failed({
      code: 'zero-weights',
      message: 'At least one issue needs a weight above 0.',
      path: 'issues',
    });
  const weights = Object.fromEntries(
    input.issues.map((entry) => [entry.pointId, (entry.weight ?? 0) / total]),
  );
  const notices =
    Math.abs(total - 1) < 1e-9
      ? []
      : [`The weights summed to ${Number(total.toPrecision(6))}; they were scaled to sum to 1.`];
  return ok({ weights, notices });
}

function rankSumWeights(input: SaveProfileInput): ProfileCheck {
  const count = input.issues.length;
  const ranks = input.issues.map((entry) => entry.rank ?? 0).sort((a, b) => a - b);
  if (ranks.some((rank, index) => rank !== index + 1))
    return failed({
      code: 'bad-ranks',
      message: `Rank the ${count} issues 1 to ${count}, each rank once (1 = most important).`,
      path: 'issues',
    });
  const total = (count * (count + 1)) / 2;
  const weights = Object.fromEntries(
    input.issues.map((entry) => [entry.pointId, (count - (entry.rank ?? count) + 1) / total]),
  );
  return ok({ weights, notices: [] });
}

import type { PointId } from '../../ids';
import {
  rangeValues,
  type IssueDefinition,
  type LiveIssue,
  type SaveProfileInput,
} from '../../schemas/live-issues';
import { fail, ok, type RuleResult } from '../result';

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
  if (ratingKeys(definition).some((key) => ratings[key] === undefined)) return undefined;
  if (definition.kind === 'options')
    return definition.options.map((option) => (ratings[option] ?? 0) / divisor);
  const low = (ratings.min ?? 0) / divisor;
  const high = (ratings.max ?? 0) / divisor;
  return valuesOf(definition).map(
    (value) => low + ((high - low) * (value - definition.min)) / (definition.max - definition.min),
  );
}

export type CheckedProfile = { readonly weights: Record<string, number>; readonly notices: string[] };

/**
 * Checks a profile against the plan's issues and derives the weights used. Weights that do not
 * sum to 1 are scaled and the caller is told so (a notice); ranks give rank-sum weights
 * (n − r + 1) / Σ. Problems name the point and option; nothing is half-checked.
 */
export function checkProfile(
  input: SaveProfileInput,
  issues: readonly LiveIssue[],
): RuleResult<CheckedProfile> {
  const defined = new Map(
    issues.flatMap((issue) => (issue.definition === null ? [] : [[issue.pointId, issue] as const])),
  );
  const problems: { code: string; message: string; pointId?: PointId }[] = [];
  const top = input.scale === 'unit' ? 1 : 100;
  const seen = new Set<PointId>();
  if (input.reservation > top)
    problems.push({ code: 'out-of-scale', message: `The reservation must be between 0 and ${top}.` });
  for (const entry of input.issues) {
    const issue = defined.get(entry.pointId);
    if (issue === undefined || issue.definition === null) {
      problems.push({
        code: 'not-an-issue',
        message: `Point ${entry.pointId} is not a negotiable issue of the plan.`,
        pointId: entry.pointId,
      });
      continue;
    }
    const name = `Point ${issue.number}`;
    if (seen.has(entry.pointId))
      problems.push({ code: 'duplicate-issue', message: `${name} is rated twice.`, pointId: entry.pointId });
    seen.add(entry.pointId);
    const keys = ratingKeys(issue.definition);
    for (const [key, value] of Object.entries(entry.ratings)) {
      if (!keys.includes(key))
        problems.push({
          code: 'unknown-option',
          message: `${name} has no option "${key}"${issue.definition.kind === 'range' ? ' (rate a range by "min" and "max")' : ''}.`,
          pointId: entry.pointId,
        });
      else if (value > top)
        problems.push({
          code: 'out-of-scale',
          message: `${name}, "${key}": ratings must be between 0 and ${top}.`,
          pointId: entry.pointId,
        });
    }
    for (const key of keys)
      if (entry.ratings[key] === undefined)
        problems.push({
          code: 'unrated-option',
          message: `${name}: rate ${ratedValue(issue.definition, key)}.`,
          pointId: entry.pointId,
        });
    if (input.weighting === 'weights' && entry.weight === undefined)
      problems.push({ code: 'missing-weight', message: `${name} needs a weight.`, pointId: entry.pointId });
    if (input.weighting === 'ranks' && entry.rank === undefined)
      problems.push({ code: 'missing-rank', message: `${name} needs a rank.`, pointId: entry.pointId });
  }
  for (const issue of defined.values())
    if (!seen.has(issue.pointId))
      problems.push({
        code: 'unrated-issue',
        message: `Point ${issue.number} is an issue; rate its options and weigh it.`,
        pointId: issue.pointId,
      });
  if (problems.length > 0) return fail(...problems);
  return input.weighting === 'weights' ? scaledWeights(input) : rankSumWeights(input);
}

function scaledWeights(input: SaveProfileInput): RuleResult<CheckedProfile> {
  const total = input.issues.reduce((sum, entry) => sum + (entry.weight ?? 0), 0);
  if (total <= 0)
    return fail({ code: 'zero-weights', message: 'At least one issue needs a weight above 0.' });
  const weights = Object.fromEntries(
    input.issues.map((entry) => [entry.pointId, (entry.weight ?? 0) / total]),
  );
  const notices =
    Math.abs(total - 1) < 1e-9
      ? []
      : [`The weights summed to ${Number(total.toPrecision(6))}; they were scaled to sum to 1.`];
  return ok({ weights, notices });
}

function rankSumWeights(input: SaveProfileInput): RuleResult<CheckedProfile> {
  const count = input.issues.length;
  const ranks = input.issues.map((entry) => entry.rank ?? 0).sort((a, b) => a - b);
  if (ranks.some((rank, index) => rank !== index + 1))
    return fail({
      code: 'bad-ranks',
      message: `Rank the ${count} issues 1 to ${count}, each rank once (1 = most important).`,
    });
  const total = (count * (count + 1)) / 2;
  const weights = Object.fromEntries(
    input.issues.map((entry) => [entry.pointId, (count - (entry.rank ?? count) + 1) / total]),
  );
  return ok({ weights, notices: [] });
}

import type { Deadline, LiveSimulation } from '@parley/core';

/**
 * How the time to the deadline becomes the simulation's step limit (docs/live-analysis.md): one
 * step — one offer (SAO) or one mediator proposal (mediated) — per hour until the negotiation's
 * next deadline, at least MIN_STEPS (a deadline hours away still leaves room to bargain) and at
 * most MAX_STEPS (about twelve weeks: beyond that the hour-by-hour picture adds nothing but cost).
 */
export const STEPS_PER_HOUR = 1;
export const MIN_STEPS = 20;
export const MAX_STEPS = 2000;
/** Without a deadline ahead, the talks are given 30 days, and the job says so. */
export const DEFAULT_HORIZON_HOURS = 30 * 24;

export function horizonOf(
  deadlines: readonly Deadline[],
  now: Date,
): { horizon: LiveSimulation['horizon']; steps: number; notice?: string } {
  const next = deadlines
    .filter((deadline) => Date.parse(deadline.dueAt) > now.getTime())
    .sort((left, right) => Date.parse(left.dueAt) - Date.parse(right.dueAt))[0];
  const hours =
    next === undefined ? DEFAULT_HORIZON_HOURS : (Date.parse(next.dueAt) - now.getTime()) / 3_600_000;
  const steps = Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.round(hours * STEPS_PER_HOUR)));
  return {
    horizon: {
      deadlineTitle: next?.title ?? null,
      dueAt: next?.dueAt ?? null,
      hours: Math.round(hours * 10) / 10,
      stepsPerHour: STEPS_PER_HOUR,
    },
    steps,
    ...(next === undefined
      ? {
          notice: `The negotiation has no deadline ahead: the talks were given ${DEFAULT_HORIZON_HOURS / 24} days.`,
        }
      : {}),
  };
}

import {
  instantInWords,
  can,
  DeadlineIdSchema,
  DomainError,
  type CreateDeadlineInput,
  type Deadline,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { insertDeadline, listDeadlines } from '../storage/deadlines';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { assertAllowed } from './viewer';

/** Treaties set deadlines years ahead, not centuries. */
const MAX_YEARS_AHEAD = 50;

export async function createDeadline(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; deadline: CreateDeadlineInput },
): Promise<Deadline> {
  const { negotiation } = input;
  assertAllowed(
    can(viewer, 'deadline.create', { kind: 'negotiation', negotiationId: negotiation.id }),
    'set deadlines',
  );
  const now = deps.clock.now();
  // A deadline is a commitment about the future; one already passed would be "missed" at birth.
  if (Date.parse(input.deadline.dueAt) <= now.getTime())
    throw new DomainError(
      'invalid-input',
      `The deadline is in the past: ${instantInWords(input.deadline.dueAt, negotiation.timeZone)}, and it is now ${instantInWords(now, negotiation.timeZone)}.`,
      { field: 'dueAt' },
    );
  // A typo's year (9999 for 2029) would otherwise stand, and plan live simulations over millennia.
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  if (Date.parse(input.deadline.dueAt) > latest.getTime())
    throw new DomainError(
      'invalid-input',
      `The deadline is more than ${MAX_YEARS_AHEAD} years away (${input.deadline.dueAt}): check the year.`,
      { field: 'dueAt' },
    );
  const deadline: Deadline = {
    id: DeadlineIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    title: input.deadline.title,
    dueAt: input.deadline.dueAt,
    consequence: input.deadline.consequence,
    createdAt: deps.clock.now().toISOString(),
  };
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertDeadline(tx, deadline),
    event: { type: 'deadlines.changed', negotiationId: negotiation.id },
    audit: {
      action: 'deadline.create',
      subjectType: 'deadline',
      subjectId: deadline.id,
      negotiationId: negotiation.id,
    },
  });
  return deadline;
}

export async function listDeadlinesForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Deadline[]> {
  if (!can(viewer, 'deadline.read', { kind: 'negotiation', negotiationId: negotiation.id })) return [];
  return listDeadlines(deps.db, negotiation.id);
}

import { randomUUID } from 'node:crypto';
import {
  can,
  DeadlineIdSchema,
  DomainError,
  type CreateDeadlineInput,
  type Deadline,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { insertDeadline, listDeadlines } from '../storage/deadlines';
import type { AppDeps } from './deps';
import { assertAllowed } from './viewer';

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
      `The deadline is in the past: ${input.deadline.dueAt} is before now (${now.toISOString()}).`,
      { field: 'dueAt' },
    );
  const deadline: Deadline = {
    id: DeadlineIdSchema.parse(randomUUID()),
    negotiationId: negotiation.id,
    title: input.deadline.title,
    dueAt: input.deadline.dueAt,
    consequence: input.deadline.consequence,
    createdAt: deps.clock.now().toISOString(),
  };
  return deps.db.transaction().execute(async (tx) => {
    await insertDeadline(tx, deadline);
    await recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'deadline.create',
      subjectType: 'deadline',
      subjectId: deadline.id,
      negotiationId: negotiation.id,
    });
    return deadline;
  });
}

export async function listDeadlinesForViewer(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<Deadline[]> {
  if (!can(viewer, 'deadline.read', { kind: 'negotiation', negotiationId: negotiation.id })) return [];
  return listDeadlines(deps.db, negotiation.id);
}

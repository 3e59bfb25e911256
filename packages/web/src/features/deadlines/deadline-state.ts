import type { Deadline } from '@parley/core';

export type DeadlineState = {
  kind: 'met' | 'missed' | 'open';
  label: string;
  detail: string;
};

/**
 * Met: every live point of the latest version is agreed (or dropped). Missed: the time passed with
 * points still open. Otherwise it stands, with the open points counted. Judged on the statuses this
 * viewer may see now, and said so: what stood at the due time is not kept, so a count after it is
 * today's, never the day's.
 */
export function deadlineState(
  deadline: Pick<Deadline, 'dueAt'>,
  points: readonly { status: string }[],
  now: Date,
): DeadlineState {
  const open = points.filter((point) => point.status !== 'agreed' && point.status !== 'dropped').length;
  const passed = Date.parse(deadline.dueAt) <= now.getTime();
  const count = `${open} point${open === 1 ? '' : 's'}`;
  if (points.length > 0 && open === 0)
    return {
      kind: 'met',
      label: 'Met',
      detail: passed
        ? 'It has passed; every point of the latest version is agreed now.'
        : 'Every point of the latest version is agreed.',
    };
  if (passed)
    return {
      kind: 'missed',
      label: 'Missed',
      detail: `It has passed; ${count} of the latest version ${open === 1 ? 'is' : 'are'} still open now.`,
    };
  return { kind: 'open', label: 'Open', detail: `${count} of the latest version still open.` };
}

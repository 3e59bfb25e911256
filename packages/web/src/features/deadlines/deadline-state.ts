import type { Deadline } from '@parley/core';

export type DeadlineState = {
  kind: 'met' | 'missed' | 'open';
  label: string;
  detail: string;
};

/**
 * Met: every live point of the latest version is agreed (or dropped). Missed: the time passed with
 * points still open. Otherwise it stands, with the open points counted. Judged on the statuses this
 * viewer may see, which is what the page can honestly say.
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
    return { kind: 'met', label: 'Met', detail: 'Every point of the latest version is agreed.' };
  if (passed) return { kind: 'missed', label: 'Missed', detail: `It passed with ${count} still open.` };
  return { kind: 'open', label: 'Open', detail: `${count} of the latest version still open.` };
}

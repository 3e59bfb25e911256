import type { PlanStatus, PlanVersionId, PointId, Position } from '@parley/core';
import { useCallback, useRef, useState } from 'react';
import { getStatus, listPositions } from '../../api/endpoints';
import type { NumberedRead } from './newest-read';

type PointStatusView = PlanStatus['points'][number];
type Reread = {
  readonly key: string;
  readonly status?: NumberedRead<PointStatusView | undefined>;
  readonly positions?: NumberedRead<Position[]>;
  readonly failure?: NumberedRead<unknown>;
};

/**
 * Numbers the page's reads in the order they start, so that of two answers for the same thing the
 * one from the later read is kept, whichever arrives last.
 */
export function useReadOrder(): () => number {
  const last = useRef(0);
  return useCallback(() => (last.current += 1), []);
}

/**
 * Reads the point's status and positions again at once, after this page wrote something they are
 * derived from. The status comes from every required party's positions, some hidden from this
 * viewer, so only the server can say it; waiting for the realtime event instead left the old
 * status up (for good when the stream was down), and the page's full re-read on every event is
 * restarted by the next one. Each answer is kept on its own as it lands, so a slow list of
 * positions does not hold the status back.
 */
export function usePointReread({
  negotiationId,
  versionId,
  pointId,
  startRead,
}: {
  negotiationId: string;
  versionId: PlanVersionId | undefined;
  pointId: PointId | undefined;
  startRead: () => number;
}) {
  const key = `${negotiationId}/${versionId}/${pointId}`;
  const [state, setState] = useState<Reread>({ key });
  const reread = useCallback(() => {
    if (versionId === undefined || pointId === undefined) return;
    const readNumber = startRead();
    // An answer about a point the page has since left is dropped; one overtaken by a later
    // reread is too.
    const keep = (change: (current: Reread) => Partial<Reread>) =>
      setState((current) => {
        const base = current.key === key ? current : { key };
        return { ...base, ...change(base) };
      });
    const isNewer = (current: NumberedRead<unknown> | undefined) =>
      current === undefined || current.readNumber < readNumber;
    getStatus(negotiationId, versionId).then(
      (read) => {
        const value = read.points.find((point) => point.pointId === pointId);
        keep((current) => (isNewer(current.status) ? { status: { readNumber, value } } : {}));
      },
      (error: unknown) =>
        keep((current) => (isNewer(current.failure) ? { failure: { readNumber, value: error } } : {})),
    );
    // A failed list is left to the next read: the position just saved is shown from its answer.
    listPositions(negotiationId, versionId).then(
      (read) => {
        const value = read.items.filter((position) => position.pointId === pointId);
        keep((current) => (isNewer(current.positions) ? { positions: { readNumber, value } } : {}));
      },
      () => {},
    );
  }, [negotiationId, versionId, pointId, key, startRead]);
  const current = state.key === key ? state : { key };
  return { status: current.status, positions: current.positions, failure: current.failure, reread };
}

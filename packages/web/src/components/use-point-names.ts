import type { PlanVersionId, PointId } from '@parley/core';
import { useEffect, useState } from 'react';
import { getVersion } from '../api/endpoints';
import { pointLabel } from './point-label';

type Texts = ReadonlyMap<PointId, { readonly title: string; readonly text: string }>;

// A version never changes once made, so its texts are read once per page load, whichever pages ask.
const loaded = new Map<string, Promise<Texts>>();

function loadTexts(negotiationId: string, versionId: PlanVersionId): Promise<Texts> {
  const key = `${negotiationId}/${versionId}`;
  const cached = loaded.get(key);
  if (cached !== undefined) return cached;
  const texts = getVersion(negotiationId, versionId).then(
    ({ version }) =>
      new Map(version.points.map((point) => [point.pointId, { title: point.title, text: point.text }])),
  );
  // A failed read (offline, signed out) is tried again next time rather than remembered.
  texts.catch(() => loaded.delete(key));
  loaded.set(key, texts);
  return texts;
}

/**
 * A point as an answer names it: its number and title (issues, packages, deadlines), or its number
 * only (the blocking points of a status answer).
 */
export type PointRef = { readonly pointId: PointId; readonly number: number; readonly title?: string };

/**
 * Names points of one version by `pointLabel`: answers about points carry their title at most,
 * which a plan pasted as plain text leaves empty, so the title and text are read from the version
 * itself. Until it arrives (or if it cannot be read) a point is named by what the answer carries.
 */
export function usePointNames(
  negotiationId: string,
  versionId: PlanVersionId | undefined,
): (point: PointRef) => string {
  const [texts, setTexts] = useState<{ versionId: PlanVersionId; texts: Texts } | undefined>();
  useEffect(() => {
    if (versionId === undefined) return;
    let cancelled = false;
    loadTexts(negotiationId, versionId).then(
      (found) => {
        if (!cancelled) setTexts({ versionId, texts: found });
      },
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [negotiationId, versionId]);
  // Texts of the version chosen before stay unused while the new one loads.
  const current = texts?.versionId === versionId ? texts?.texts : undefined;
  return (point) => {
    const read = current?.get(point.pointId);
    return pointLabel({
      number: point.number,
      title: point.title ?? read?.title ?? '',
      text: read?.text ?? '',
    });
  };
}

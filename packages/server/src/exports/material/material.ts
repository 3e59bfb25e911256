import { groupByTopic, type FingerprintPoint, type PlanVersion, type PointRevision } from '@parley/core';
import type { ExportIdentity, ExportSection } from '../document/export-document';
import type { ExportSubject } from '../../storage/exports';

/** The material of one export as its recipient may read it; every read goes through the recipient's viewer. */
export type Material = {
  readonly subject: ExportSubject;
  readonly title: string;
  readonly detail: string;
  readonly sections: readonly ExportSection[];
  readonly isFingerprinted: boolean;
  readonly identity?: ExportIdentity;
};

/** The blocks of a plan version: the fingerprint's canonical points (issue 8, first export). */
export function versionBlocks(version: PlanVersion): FingerprintPoint[] {
  return version.points.map(toBlock);
}

const toBlock = (point: PointRevision): FingerprintPoint => ({
  id: point.pointId,
  number: String(point.number),
  title: point.title,
  text: point.text,
});

/** The heading of the points without a topic, among points with one: else they read as the last topic's. */
export const OTHER_POINTS = 'Other points';

/**
 * A version's points under their topic headings, as the web app's document page shows them
 * (`groupByTopic`). A version without topics is one untitled section, as before topics were shown.
 */
export function versionSections(version: PlanVersion): ExportSection[] {
  const groups = groupByTopic(version.points);
  const [only] = groups;
  if (groups.length === 1 && only?.topic === null)
    return [{ heading: null, blocks: only.points.map(toBlock) }];
  return groups.map((group) => ({ heading: group.topic ?? OTHER_POINTS, blocks: group.points.map(toBlock) }));
}

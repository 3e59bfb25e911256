import type { FingerprintPoint, PlanVersion } from '@parley/core';
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
  return version.points.map((point) => ({
    id: point.pointId,
    number: String(point.number),
    title: point.title,
    text: point.text,
  }));
}

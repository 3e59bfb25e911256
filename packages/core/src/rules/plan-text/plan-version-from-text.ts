import type { NegotiationId, PlanVersionId, PointId } from '../../ids';
import type { PlanVersion } from '../../schemas/plan';
import type { ParsedPlan } from './parse-plan-text';

/** Turns a parsed plan into a first version; ids come from the caller so the rule stays pure. */
export function planVersionFromText(
  parsed: ParsedPlan,
  target: {
    versionId: PlanVersionId;
    negotiationId: NegotiationId;
    label: string;
    pointId: (number: number) => PointId;
  },
): PlanVersion {
  return {
    id: target.versionId,
    negotiationId: target.negotiationId,
    parentId: null,
    label: target.label,
    points: parsed.points.map((point, index) => ({
      pointId: target.pointId(point.number),
      number: index + 1,
      title: point.title,
      text: point.text,
      topic: point.topic,
    })),
  };
}

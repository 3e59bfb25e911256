import type {
  DeadlineOutlookSchema,
  LineageProposal,
  PlanDocumentText,
  PointId,
  TimelineSchema,
} from '@parley/core';
import type { z } from 'zod';

type Timeline = z.infer<typeof TimelineSchema>;
/** A page of timeline entries as the rules build them (their point lists are read-only). */
type TimelinePage = {
  items: readonly (Omit<Timeline['items'][number], 'pointIds'> & { pointIds: readonly PointId[] })[];
  nextCursor?: string;
};
type DeadlineOutlook = z.infer<typeof DeadlineOutlookSchema>['items'][number];
type ProposalRow = LineageProposal['rows'][number];
type OldPointRef = ProposalRow['from'][number];

// Plan material derived on request (an uploaded text, a proposed lineage map, the timeline):
// named field by field like every stored thing, so what a rule computes on the side stays there.

export const presentPlanDocumentText = (document: PlanDocumentText): PlanDocumentText => ({
  text: document.text,
  points: document.points,
  problems: document.problems.map((problem) => ({ line: problem.line, message: problem.message })),
});

const presentOldPoint = (point: OldPointRef): OldPointRef => ({
  pointId: point.pointId,
  number: point.number,
  title: point.title,
});

export const presentLineageProposal = (proposal: LineageProposal): LineageProposal => ({
  parent: { id: proposal.parent.id, label: proposal.parent.label, points: proposal.parent.points },
  points: proposal.points.map((point) => ({
    number: point.number,
    title: point.title,
    text: point.text,
    topic: point.topic,
    line: point.line,
  })),
  problems: proposal.problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    line: problem.line,
  })),
  rows: proposal.rows.map((row): ProposalRow => ({
    kind: row.kind,
    from: row.from.map(presentOldPoint),
    to: row.to.map((point) => ({ number: point.number, title: point.title })),
    score: row.score,
    moved: row.moved,
    links: row.links.map((link) => ({ from: link.from, to: link.to, score: link.score })),
  })),
  counts: { ...proposal.counts },
});

export const presentTimeline = (timeline: TimelinePage): Timeline => ({
  items: timeline.items.map((item) => ({
    date: item.date,
    kind: item.kind,
    title: item.title,
    refId: item.refId,
    pointIds: [...item.pointIds],
    ...(item.outcome === undefined ? {} : { outcome: item.outcome }),
  })),
  ...(timeline.nextCursor === undefined ? {} : { nextCursor: timeline.nextCursor }),
});

export const presentDeadlineOutlook = (outlook: DeadlineOutlook): DeadlineOutlook => ({
  deadlineId: outlook.deadlineId,
  title: outlook.title,
  dueAt: outlook.dueAt,
  isPast: outlook.isPast,
  openPoints: outlook.openPoints.map((point) => ({
    pointId: point.pointId,
    number: point.number,
    title: point.title,
    status: point.status,
  })),
});

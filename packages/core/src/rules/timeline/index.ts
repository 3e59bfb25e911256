export {
  buildTimeline,
  pointsOpenBefore,
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineKind,
} from './build-timeline';

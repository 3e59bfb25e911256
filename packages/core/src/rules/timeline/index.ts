export {
  buildTimeline,
  pointsOpenBefore,
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineKind,
} from './build-timeline';
export { roundSummary, roundTitle } from './round-title';
export { instantInWords } from './instant-in-words';

export { sha256, hmacSha256, toHex, keyedChoice } from './sha256';
export {
  CHANNEL_ERROR,
  SPELLING_VARIANTS,
  NUMBER_STYLES,
  HEADING_SEPARATORS,
  HEADING_CASES,
  INVISIBLE_MARKS,
  PHRASE_VARIANTS,
  PHRASES_VARIED_ONLY_FROM,
  variedPhrases,
  YO_WORDS,
  SCRIPT_FORMS,
  MARK_SCHEMES,
  LATEST_MARK_SCHEME,
  type ChannelKind,
  type MarkScheme,
} from './equivalences';
export { SCRIPT_CHOICES } from './script-sites';
export {
  findTextSites,
  headingVariants,
  formatHeading,
  HEADING_STYLES,
  type FingerprintPoint,
  type TextSite,
  type HeadingStyle,
} from './sites';
export {
  CANONICAL_LABEL,
  headingStyleOf,
  headingStyleIndex,
  keyStillFits,
  chooseFingerprintKey,
} from './copy-style';
export {
  scoreCollusion,
  nameColluder,
  isInconsistent,
  COLLUSION_DECISION,
  type CollusionScore,
  type CollusionCandidate,
} from './collusion';
export {
  embedPoint,
  embedText,
  embedPlainText,
  stripFingerprint,
  addInvisibleMarks,
  type FingerprintedPoint,
  type EmbedOptions,
} from './embed';
export { readMarks, normalizeExcerpt, type Observation } from './read-marks';
export {
  traceLeak,
  scoreObservations,
  DECISION,
  type TraceCandidate,
  type TraceResult,
  type TraceBasis,
  type TraceScore,
  type MarkEvidence,
} from './trace-leak';
export { traceExports, type TraceableExport } from './trace-exports';

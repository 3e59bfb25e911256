import { headingStyleIndex } from './copy-style';
import { HEADING_SITE, type Observation } from './read-marks';
import { keyedChoice } from './sha256';

/** The variant a recipient's copy holds at a site: its heading style, or its keyed choice. */
export function expectedVariant(key: string, observation: Observation): number {
  return observation.siteId === HEADING_SITE
    ? headingStyleIndex(key)
    : keyedChoice(key, observation.siteId, observation.variants.length);
}

/** Debian's Chromium; PARLEY_CHROMIUM points elsewhere. Never a downloaded browser. */
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

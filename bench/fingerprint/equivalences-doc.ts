import { SPELLING_VARIANTS, HEADING_SEPARATORS, NUMBER_STYLES, HEADING_CASES, CHANNEL_ERROR } from '@parley/core';
const lines = [
  '# Fingerprint equivalences (reviewable table)', '',
  'Mirrors `packages/core/src/fingerprint/equivalences.ts`; every change a fingerprinted export makes to',
  'a document is one of the rows below. Each recipient\'s secret key picks, at each site, one form of the',
  'group (HMAC-SHA-256 of the site id). Nothing else changes: operative words ("shall", "must"), numbers,',
  'names and punctuation outside these rows are left exactly as drafted.', '',
  '## Channels', '',
  '| channel | where | forms | assumed misread rate after copying/retyping |', '|---|---|---|---|',
  `| heading number style | every point heading | ${NUMBER_STYLES.map((f) => '`' + f('7') + '`').join(', ')} | ${CHANNEL_ERROR.heading} |`,
  `| heading capitalisation | every point heading (not the text) | ${HEADING_CASES.join(', ')} | (same site) |`,
  `| heading separator | between heading and text | ${HEADING_SEPARATORS.map((s) => '`' + JSON.stringify(s) + '`').join(', ')} | (same site) |`,
  `| spelling | words listed below, wherever they occur | British or American / hyphenated or closed | ${CHANNEL_ERROR.spelling} |`,
  `| serial comma | lists of three capitalised single names ("Russia, Ukraine and Europe") | with or without the comma before "and" | ${CHANNEL_ERROR['serial-comma']} |`,
  `| dash | an en dash between two words or numbers ("US–Russian", "10–20") | en dash or hyphen | ${CHANNEL_ERROR.dash} |`,
  `| invisible | before each space between two words | U+200B or U+200C (zero-width), keyed on the word pair | ${CHANNEL_ERROR.invisible} |`,
  '', '## Spelling groups', '', '| form A | form B |', '|---|---|',
  ...SPELLING_VARIANTS.map(([a, b]) => `| ${a} | ${b} |`), '',
  'Not used yet: synonym choices in boilerplate (cover notes, headers) and the order of list items',
  'marked commutable; both need markup in the document model (see docs/exports.md).', '',
];
console.log(lines.join('\n'));

/** The page names inside a negotiation, by the path after `/n/:id` (for document.title, #11). */
const SECTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^$/, 'Overview'],
  [/^plan$/, 'Plan'],
  [/^plan\/document$/, 'Plan as a document'],
  [/^plan\/draft$/, 'Draft a new version'],
  [/^plan\/revise$/, 'Paste a revised text'],
  [/^plan\/import$/, 'Import a plan'],
  [/^points\/[^/]+$/, 'Point'],
  [/^compare$/, 'Compare versions'],
  [/^timeline$/, 'Rounds & statements'],
  [/^records$/, 'Records'],
  [/^delegations$/, 'Delegations'],
  [/^audit$/, 'Audit log'],
  [/^exports$/, 'Export'],
  [/^leaks$/, 'Trace a leak'],
  [/^bids$/, 'Blind bids'],
  [/^deadlines$/, 'Deadlines'],
  [/^issues$/, 'Issues'],
  [/^preferences$/, 'Our preferences'],
  [/^packages$/, 'Suggested packages'],
  [/^search$/, 'Search'],
];

/** "Plan" for `/n/abc/plan`; undefined for a path this list does not know (then only the negotiation). */
export function sectionTitle(pathname: string): string | undefined {
  const rest = pathname.replace(/^\/n\/[^/]+\/?/, '').replace(/\/$/, '');
  return SECTIONS.find(([pattern]) => pattern.test(rest))?.[1];
}

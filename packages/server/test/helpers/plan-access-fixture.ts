import { demoPlanId } from '../../src/demo/plan-demo';
import { DEMO_AMENDMENTS, DEMO_POSITIONS, DEMO_ROUNDS } from '../../src/demo/plan-data';
import type { AccessFixture } from './access-fixtures';
import { PARTICIPANTS } from './access-fixtures';
import type { ViewerKind } from './demo-fixture';

// The demo plan as the access matrix sees it. Party keys of the plan data → the viewer kind that
// speaks for that party (ownDelegation = Ukraine, otherParty = Russia).
const SPEAKS_FOR: Partial<Record<ViewerKind, string>> = {
  mediator: 'united-states',
  ownDelegation: 'ukraine',
  otherParty: 'russia',
  observer: 'european-partners',
};
const ROLE: Partial<Record<ViewerKind, 'mediator' | 'party' | 'observer'>> = {
  mediator: 'mediator',
  ownDelegation: 'party',
  otherParty: 'party',
  observer: 'observer',
};

/** The written rule for position visibility, per viewer kind: own party always; else by visibility. */
function mayReadPosition(kind: ViewerKind, position: { party: string; visibility: string }): boolean {
  if (!PARTICIPANTS.includes(kind)) return false;
  if (SPEAKS_FOR[kind] === position.party) return true;
  if (position.visibility === 'mediator') return ROLE[kind] === 'mediator';
  if (position.visibility === 'parties') return ROLE[kind] === 'mediator' || ROLE[kind] === 'party';
  return false;
}

const OPEN_UKRAINIAN_AMENDMENT = 'am-working-group';

export const PLAN_ACCESS_FIXTURE: AccessFixture = {
  params: async () => ({
    versionId: [demoPlanId('geneva-19')],
    toVersionId: [demoPlanId('florida-20')],
    pointId: [demoPlanId('p15')],
    escalationId: [demoPlanId('esc-territory')],
    amendmentId: [demoPlanId(OPEN_UKRAINIAN_AMENDMENT)],
  }),
  isHidden: (kind, values) => {
    if (values.amendmentId !== undefined)
      return !mayReadPosition(kind, { party: 'ukraine', visibility: 'mediator' });
    return undefined;
  },
  forbidden: async (kind) => {
    const notes = DEMO_POSITIONS.filter(
      (position) => position.note !== '' && !mayReadPosition(kind, position),
    ).map((position) => position.note);
    const amendments = DEMO_AMENDMENTS.filter(
      (amendment) => !mayReadPosition(kind, { party: amendment.party, visibility: 'mediator' }),
    ).flatMap((amendment) => [demoPlanId(amendment.key), amendment.rationale]);
    const minutes = DEMO_ROUNDS.filter(
      (round) =>
        !(ROLE[kind] === 'mediator' || round.partiesPresent.some((party) => party === SPEAKS_FOR[kind])),
    ).map((round) => round.minutes);
    return [...notes, ...amendments, ...minutes];
  },
};

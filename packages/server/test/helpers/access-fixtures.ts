import { DEMO_DEADLINES, DEMO_MEMBERS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../../src/demo';
import type { Database } from '../../src/storage/database';
import type { ViewerKind } from './demo-fixture';
import { AUDIT_PROOF_ACCESS_FIXTURE } from './audit-proof-access-fixture';
import { BLIND_BID_ACCESS_FIXTURE } from './blind-bid-access-fixture';
import { EXPORT_ACCESS_FIXTURE } from './export-access-fixture';
import { INVITATION_ACCESS_FIXTURE } from './invitation-access-fixture';
import { LEAD_HANDOVER_ACCESS_FIXTURE } from './lead-handover-access-fixture';
import { LIVE_SIMULATION_ACCESS_FIXTURE } from './live-simulation-access-fixture';
import { PLAN_ACCESS_FIXTURE } from './plan-access-fixture';
import { SCHEDULED_SEAT_ACCESS_FIXTURE } from './scheduled-seat-access-fixture';
import { SIMULATION_ACCESS_FIXTURE } from './simulation-access-fixture';
import { TOKEN_ACCESS_FIXTURE } from './token-access-fixture';

/**
 * What the access-matrix test knows about one family of demo resources. The test merges every
 * fixture in ACCESS_FIXTURES; a feature adds its own (e.g. helpers/plan-access-fixture.ts) to
 * that list instead of editing the test.
 */
export type AccessFixture = {
  /** Values for path parameters by name, read after the demo is loaded. */
  readonly params: (db: Database) => Promise<Record<string, readonly string[]>>;
  /** Is a resource named by these path values hidden from this viewer? (undefined: not mine to say) */
  readonly isHidden?: (kind: ViewerKind, values: Readonly<Record<string, string>>) => boolean | undefined;
  /** Strings (ids, titles, text) this viewer must never receive from any route. */
  readonly forbidden: (kind: ViewerKind, db: Database) => Promise<readonly string[]>;
};

export const PARTICIPANTS: readonly ViewerKind[] = ['mediator', 'ownDelegation', 'otherParty', 'observer'];

/** The written expectation, per demo record (in DEMO_RECORDS order), of who reads it. */
export const RECORD_READERS: Record<ViewerKind, readonly number[]> = {
  mediator: [0, 1, 2, 5, 6],
  ownDelegation: [0, 1, 2, 3],
  otherParty: [0, 1, 4, 5],
  observer: [0, 7],
  outsider: [],
  formerLead: [],
  anonymous: [],
};

/** The base demo: negotiation, parties, members, deadlines and records of every classification. */
export const BASE_ACCESS_FIXTURE: AccessFixture = {
  params: async () => ({
    negotiationId: [DEMO_NEGOTIATION.id],
    partyId: Object.values(DEMO_PARTIES).map((party) => party.id),
    memberId: DEMO_MEMBERS.map((member) => member.id),
    recordId: DEMO_RECORDS.map((record) => record.id),
  }),
  isHidden: (kind, values) => {
    if (values.negotiationId !== undefined && !PARTICIPANTS.includes(kind)) return true;
    if (values.recordId !== undefined) {
      const index = DEMO_RECORDS.findIndex((record) => record.id === values.recordId);
      return !RECORD_READERS[kind].includes(index);
    }
    return undefined;
  },
  forbidden: async (kind) => {
    const readable = new Set(RECORD_READERS[kind]);
    const hiddenRecords = DEMO_RECORDS.filter((_record, index) => !readable.has(index));
    const recordStrings = hiddenRecords.flatMap((record) => [record.id, record.title, record.body]);
    if (PARTICIPANTS.includes(kind)) return recordStrings;
    return [
      DEMO_NEGOTIATION.id,
      DEMO_NEGOTIATION.title,
      DEMO_NEGOTIATION.mandate,
      ...recordStrings,
      // Party names are common words ("Ukraine" is in a demo user's own title), so ids stand for parties.
      ...Object.values(DEMO_PARTIES).map((party) => party.id),
      ...DEMO_MEMBERS.flatMap((member) => [member.id, member.title]),
      ...DEMO_DEADLINES.flatMap((deadline) => [deadline.id, deadline.title]),
    ];
  },
};

/** Every fixture the access matrix uses. Add a feature's fixture here (one line). */
export const ACCESS_FIXTURES: readonly AccessFixture[] = [
  BASE_ACCESS_FIXTURE,
  PLAN_ACCESS_FIXTURE,
  SIMULATION_ACCESS_FIXTURE,
  EXPORT_ACCESS_FIXTURE,
  LEAD_HANDOVER_ACCESS_FIXTURE,
  AUDIT_PROOF_ACCESS_FIXTURE,
  TOKEN_ACCESS_FIXTURE,
  BLIND_BID_ACCESS_FIXTURE,
  LIVE_SIMULATION_ACCESS_FIXTURE,
  INVITATION_ACCESS_FIXTURE,
  SCHEDULED_SEAT_ACCESS_FIXTURE,
];

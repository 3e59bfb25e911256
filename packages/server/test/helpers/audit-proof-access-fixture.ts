import { recordAudit } from '../../src/audit';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../../src/demo';
import type { Database } from '../../src/storage/database';
import { listNegotiationAuditEntries } from '../../src/storage/audit-log';
import type { AccessFixture } from './access-fixtures';

/**
 * An audit entry about public material (a plan version), for the inclusion-proof route (#13):
 * every participant who may open the audit log may have its proof; outsiders get the 404 the
 * base fixture expects for the negotiation.
 */
export const AUDIT_PROOF_ACCESS_FIXTURE: AccessFixture = {
  params: async (db: Database) => {
    // The demo is loaded without audit entries: record the publication of a version, as the service would.
    await db.transaction().execute((tx) =>
      recordAudit(tx, {
        actorId: DEMO_ACCOUNTS.mediator.id,
        action: 'plan.version.create',
        subjectType: 'plan-version',
        subjectId: null,
        negotiationId: DEMO_NEGOTIATION.id,
        detail: { revision: 1 },
      }),
    );
    const [entry] = await listNegotiationAuditEntries(db, {
      negotiationId: DEMO_NEGOTIATION.id,
      actionFamily: 'plan.version.create',
      limit: 1,
    });
    if (entry === undefined) throw new Error('the demo has no plan.version.create audit entry');
    return { entryId: [entry.hash] };
  },
  forbidden: async () => [],
};

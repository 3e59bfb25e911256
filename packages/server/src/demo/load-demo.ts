import { recordAudit } from '../audit';
import { hashPassword } from '../auth/password';
import type { Database } from '../storage/database';
import { deleteDemoData, isDatabaseEmpty } from '../storage/demo';
import { insertDeadline } from '../storage/deadlines';
import { insertMember } from '../storage/members';
import { insertNegotiation } from '../storage/negotiations';
import { insertParty } from '../storage/parties';
import { insertRecord } from '../storage/records';
import { insertUser } from '../storage/users';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';
import {
  DEMO_DEADLINES,
  DEMO_MEMBERS,
  DEMO_NEGOTIATION,
  DEMO_PARTIES,
  DEMO_RECORDS,
} from './demo-negotiation';
import { DEMO_EXTENSIONS } from './demo-extensions';

export type DemoSummary = {
  negotiationId: string;
  password: string;
  accounts: readonly DemoAccount[];
};

/**
 * (Re)loads the demo negotiation and accounts in one transaction: any earlier copy is removed
 * first, so `parley demo` can be run again. Extensions (plan versions, positions…) run inside
 * the same transaction, after the base data exists.
 */
export async function loadDemo(db: Database, options: { password?: string } = {}): Promise<DemoSummary> {
  const password = options.password ?? DEMO_PASSWORD;
  // One hash for every demo account keeps first start fast; the password is public anyway.
  const passwordHash = await hashPassword(password);
  const accounts = Object.values(DEMO_ACCOUNTS);
  await db.transaction().execute(async (tx) => {
    await deleteDemoData(tx, {
      negotiationIds: [DEMO_NEGOTIATION.id],
      userIds: accounts.map((account) => account.id),
    });
    for (const account of accounts) {
      await insertUser(tx, {
        user: {
          id: account.id,
          email: account.email,
          displayName: account.displayName,
          createdAt: DEMO_NEGOTIATION.createdAt,
        },
        passwordHash,
      });
    }
    await insertNegotiation(tx, { negotiation: DEMO_NEGOTIATION, createdBy: DEMO_ACCOUNTS.mediator.id });
    for (const party of Object.values(DEMO_PARTIES)) {
      await insertParty(tx, {
        ...party,
        negotiationId: DEMO_NEGOTIATION.id,
        createdAt: DEMO_NEGOTIATION.createdAt,
      });
    }
    for (const member of DEMO_MEMBERS) {
      await insertMember(tx, {
        id: member.id,
        negotiationId: DEMO_NEGOTIATION.id,
        partyId: DEMO_PARTIES[member.party].id,
        userId: DEMO_ACCOUNTS[member.account].id,
        function: member.function,
        title: member.title,
        validFrom: member.validFrom,
        validTo: member.validTo,
      });
    }
    for (const record of DEMO_RECORDS) {
      await insertRecord(tx, {
        id: record.id,
        negotiationId: DEMO_NEGOTIATION.id,
        owningPartyId: DEMO_PARTIES[record.party].id,
        authorId: DEMO_ACCOUNTS[record.author].id,
        kind: record.kind,
        classification: record.classification,
        title: record.title,
        body: record.body,
        createdAt: record.createdAt,
      });
    }
    for (const deadline of DEMO_DEADLINES)
      await insertDeadline(tx, { ...deadline, negotiationId: DEMO_NEGOTIATION.id });
    for (const extend of DEMO_EXTENSIONS) await extend(tx);
    await recordAudit(tx, {
      actorId: null,
      action: 'demo.load',
      subjectType: 'negotiation',
      subjectId: DEMO_NEGOTIATION.id,
      negotiationId: DEMO_NEGOTIATION.id,
    });
  });
  return { negotiationId: DEMO_NEGOTIATION.id, password, accounts };
}

/** Loads the demo only into a database with no accounts (first start). Returns undefined otherwise. */
export async function loadDemoIfEmpty(db: Database): Promise<DemoSummary | undefined> {
  if (!(await isDatabaseEmpty(db))) return undefined;
  return loadDemo(db);
}

/** The lines `parley demo` and the first start print. */
export function formatDemoCredentials(summary: DemoSummary): string {
  const width = Math.max(...summary.accounts.map((account) => account.email.length));
  const lines = summary.accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.sees}`);
  return ['Demo accounts (password for all: ' + summary.password + '):', ...lines].join('\n');
}

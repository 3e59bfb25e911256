import type { Database } from '../storage/database';

/**
 * Adds to the demo after its base data (negotiation, parties, members, records, deadlines) is
 * in place, inside the same transaction. Use the ids exported from demo-negotiation.ts and
 * demo-accounts.ts. To extend the demo, write `demo/<feature>-demo.ts` exporting one of these
 * and add it to `DEMO_EXTENSIONS` in demo-extensions.ts.
 */
export type DemoExtension = (tx: Database) => Promise<void>;

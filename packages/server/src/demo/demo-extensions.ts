import type { Database } from '../storage/database';
import { planDemo } from './plan-demo';

/**
 * Adds to the demo after its base data (negotiation, parties, members, records, deadlines) is
 * in place, inside the same transaction. Use the ids exported from demo-negotiation.ts and
 * demo-accounts.ts. To extend the demo, write `demo/<feature>-demo.ts` exporting one of these
 * and add it to the list below.
 */
export type DemoExtension = (tx: Database) => Promise<void>;

export const DEMO_EXTENSIONS: readonly DemoExtension[] = [planDemo];

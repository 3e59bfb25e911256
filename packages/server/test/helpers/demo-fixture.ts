import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../../src/demo';
import type { Database } from '../../src/storage/database';
import { signIn, type SignedIn } from './session';
import type { TestApp } from './test-app';

/** The viewer kinds of the access matrix, each a demo account (anonymous has none). */
export const VIEWER_ACCOUNTS = {
  mediator: DEMO_ACCOUNTS.mediator.email,
  ownDelegation: DEMO_ACCOUNTS.ukraine.email,
  otherParty: DEMO_ACCOUNTS.russia.email,
  observer: DEMO_ACCOUNTS.observer.email,
  outsider: DEMO_ACCOUNTS.outsider.email,
  formerLead: DEMO_ACCOUNTS.ukraineFormer.email,
} as const;
export type ViewerKind = keyof typeof VIEWER_ACCOUNTS | 'anonymous';
export const VIEWER_KINDS: readonly ViewerKind[] = [
  ...(Object.keys(VIEWER_ACCOUNTS) as (keyof typeof VIEWER_ACCOUNTS)[]),
  'anonymous',
];

export async function seedDemo(db: Database): Promise<void> {
  await loadDemo(db);
}

export async function signInAs(testApp: TestApp, kind: ViewerKind): Promise<SignedIn | null> {
  if (kind === 'anonymous') return null;
  return signIn(testApp, VIEWER_ACCOUNTS[kind], DEMO_PASSWORD);
}

/** The four seats most access tests compare, signed in: Ukraine's lead, the mediator, Russia, an observer. */
export async function signInFourSeats(
  testApp: TestApp,
): Promise<Record<'ukraine' | 'mediator' | 'russia' | 'observer', SignedIn>> {
  const [ukraine, mediator, russia, observer] = await Promise.all(
    (['ownDelegation', 'mediator', 'otherParty', 'observer'] as const).map((kind) => signInAs(testApp, kind)),
  );
  if (!ukraine || !mediator || !russia || !observer) throw new Error('expected sessions');
  return { ukraine, mediator, russia, observer };
}

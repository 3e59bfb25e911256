import { UserIdSchema, type UserId } from '@parley/core';
import { demoId } from './demo-id';

/** Shared by every demo account and printed by `parley demo` and on first start. Demo only. */
export const DEMO_PASSWORD = 'parley-demo-2025';

export type DemoAccountKey =
  'mediator' | 'mediatorAnalyst' | 'ukraine' | 'ukraineFormer' | 'russia' | 'observer' | 'outsider';

export type DemoAccount = {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly sees: string;
};

const id = (suffix: string) => demoId(UserIdSchema, `00000000-0000-4000-8000-0000000001${suffix}`);

/** One account per viewpoint, so a newcomer can sign in as each and compare. */
export const DEMO_ACCOUNTS: Readonly<Record<DemoAccountKey, DemoAccount>> = {
  mediator: {
    id: id('01'),
    email: 'mediator@demo.parley',
    displayName: 'US Special Envoy (demo)',
    sees: 'United States delegation lead (mediator)',
  },
  mediatorAnalyst: {
    id: id('02'),
    email: 'analyst@demo.parley',
    displayName: 'US delegation analyst (demo)',
    sees: 'United States delegation analyst',
  },
  ukraine: {
    id: id('03'),
    email: 'ukraine@demo.parley',
    displayName: 'Secretary of the NSDC of Ukraine (demo)',
    sees: 'Ukraine head of delegation from 28 Nov 2025',
  },
  ukraineFormer: {
    id: id('04'),
    email: 'ukraine-former@demo.parley',
    displayName: 'Head of the Office of the President of Ukraine (demo)',
    sees: 'Ukraine head of delegation until 28 Nov 2025 (seat ended: sees nothing now)',
  },
  russia: {
    id: id('05'),
    email: 'russia@demo.parley',
    displayName: 'Russian presidential envoy (demo)',
    sees: 'Russian Federation delegation lead',
  },
  observer: {
    id: id('06'),
    email: 'observer@demo.parley',
    displayName: 'E3 national security advisers (demo)',
    sees: 'European partners (observers)',
  },
  outsider: {
    id: id('07'),
    email: 'outsider@demo.parley',
    displayName: 'Outside reader (demo)',
    sees: 'no seat: sees no negotiation',
  },
};

import {
  DeadlineIdSchema,
  MemberIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  RecordIdSchema,
  type Classification,
  type ClosureRule,
  type MemberFunction,
  type MemberId,
  type PartyId,
  type PartyRole,
  type RecordId,
  type RecordKind,
} from '@parley/core';
import type { DemoAccountKey } from './demo-accounts';
import { demoId } from './demo-id';

// Modelled on public reporting of the November 2025 talks on ending the war in Ukraine. People
// appear by function title only; record bodies summarise what was publicly reported or are
// clearly marked placeholders. No quotes are invented.

export const DEMO_NEGOTIATION = {
  id: demoId(NegotiationIdSchema, '00000000-0000-4000-8000-000000000d01'),
  title: 'Talks on ending the war in Ukraine (2025) — demo',
  mandate:
    'Demo negotiation modelled on public reporting of the US-mediated talks of November–December 2025 on a framework ' +
    'to end the war in Ukraine. The United States mediates; Ukraine and the Russian Federation are required parties; ' +
    'European partners follow as observers.',
  closureRule: 'all-or-nothing' as ClosureRule,
  // The Geneva round's clock; each viewer also sees times in their own zone.
  timeZone: 'Europe/Zurich',
  createdAt: '2025-11-18T09:00:00.000Z',
};

export type DemoPartyKey = 'unitedStates' | 'ukraine' | 'russia' | 'europe';
export const DEMO_PARTIES: Readonly<
  Record<DemoPartyKey, { id: PartyId; name: string; role: PartyRole; required: boolean }>
> = {
  unitedStates: {
    id: demoId(PartyIdSchema, '00000000-0000-4000-8000-000000000e01'),
    name: 'United States',
    role: 'mediator',
    required: false,
  },
  ukraine: {
    id: demoId(PartyIdSchema, '00000000-0000-4000-8000-000000000e02'),
    name: 'Ukraine',
    role: 'party',
    required: true,
  },
  // Required although absent from the first rounds (Geneva was a US–Ukraine meeting).
  russia: {
    id: demoId(PartyIdSchema, '00000000-0000-4000-8000-000000000e03'),
    name: 'Russian Federation',
    role: 'party',
    required: true,
  },
  europe: {
    id: demoId(PartyIdSchema, '00000000-0000-4000-8000-000000000e04'),
    name: 'European partners (E3: France, Germany, United Kingdom)',
    role: 'observer',
    required: false,
  },
};

export type DemoMember = {
  id: MemberId;
  party: DemoPartyKey;
  account: DemoAccountKey;
  function: MemberFunction;
  title: string;
  validFrom: string;
  validTo: string | null;
};
const memberId = (suffix: string) => demoId(MemberIdSchema, `00000000-0000-4000-8000-000000000f${suffix}`);
/** Ukraine's head of delegation changes on 28 Nov 2025, as reported; the first seat ends when the second starts. */
export const UKRAINE_LEAD_CHANGE = '2025-11-28T12:00:00.000Z';
export const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    id: memberId('01'),
    party: 'unitedStates',
    account: 'mediator',
    function: 'lead',
    title: 'Special Envoy',
    validFrom: '2025-11-18T09:00:00.000Z',
    validTo: null,
  },
  {
    id: memberId('02'),
    party: 'unitedStates',
    account: 'mediatorAnalyst',
    function: 'analyst',
    title: 'Delegation analyst',
    validFrom: '2025-11-18T09:00:00.000Z',
    validTo: null,
  },
  {
    id: memberId('03'),
    party: 'ukraine',
    account: 'ukraineFormer',
    function: 'lead',
    title: 'Head of the Office of the President (head of delegation)',
    validFrom: '2025-11-20T09:00:00.000Z',
    validTo: UKRAINE_LEAD_CHANGE,
  },
  {
    id: memberId('04'),
    party: 'ukraine',
    account: 'ukraine',
    function: 'lead',
    title: 'Secretary of the National Security and Defense Council (head of delegation)',
    validFrom: UKRAINE_LEAD_CHANGE,
    validTo: null,
  },
  {
    id: memberId('05'),
    party: 'russia',
    account: 'russia',
    function: 'lead',
    title: 'Presidential envoy',
    validFrom: '2025-11-20T09:00:00.000Z',
    validTo: null,
  },
  {
    id: memberId('06'),
    party: 'europe',
    account: 'observer',
    function: 'lead',
    title: 'National security advisers of France, Germany and the United Kingdom',
    validFrom: '2025-11-20T09:00:00.000Z',
    validTo: null,
  },
];

export type DemoRecord = {
  id: RecordId;
  party: DemoPartyKey;
  author: DemoAccountKey;
  kind: RecordKind;
  classification: Classification;
  title: string;
  body: string;
  createdAt: string;
};
const recordId = (suffix: string) => demoId(RecordIdSchema, `00000000-0000-4000-8000-00000000a0${suffix}`);
export const DEMO_RECORDS: readonly DemoRecord[] = [
  {
    id: recordId('01'),
    party: 'unitedStates',
    author: 'mediator',
    kind: 'memo',
    classification: 'public',
    title: 'Readout: US–Ukraine consultations in Geneva (23 Nov 2025)',
    body:
      'As publicly reported, delegations of the United States and Ukraine met in Geneva on 23 November 2025 and said ' +
      'they had produced an updated and refined framework. The Russian Federation did not take part in this round.',
    createdAt: '2025-11-23T20:00:00.000Z',
  },
  {
    id: recordId('02'),
    party: 'unitedStates',
    author: 'mediator',
    kind: 'transcript',
    classification: 'parties',
    title: 'Transcript (placeholder): framework briefing for the parties',
    body:
      'Demo placeholder for a transcript shared with the parties, not with observers. Public reporting described the ' +
      'initial 28-point draft being reworked to 19 points after Geneva.',
    createdAt: '2025-11-24T10:00:00.000Z',
  },
  {
    id: recordId('03'),
    party: 'ukraine',
    author: 'ukraineFormer',
    kind: 'memo',
    classification: 'mediator',
    title: 'Memo to the mediator (placeholder): points Ukraine asks to revisit',
    body: 'Demo placeholder for a memo Ukraine shares with the mediator only. Other parties and observers cannot see it.',
    createdAt: '2025-11-24T15:00:00.000Z',
  },
  {
    id: recordId('04'),
    party: 'ukraine',
    author: 'ukraine',
    kind: 'note',
    classification: 'delegation',
    title: 'Internal note (placeholder): handover between heads of delegation',
    body:
      'Demo placeholder for a note internal to the Ukrainian delegation, written after the change of head of delegation ' +
      "on 28 November 2025. Only Ukraine's current delegation can read it.",
    createdAt: '2025-11-29T09:00:00.000Z',
  },
  {
    id: recordId('05'),
    party: 'russia',
    author: 'russia',
    kind: 'note',
    classification: 'delegation',
    title: 'Internal note (placeholder): Russian delegation',
    body: 'Demo placeholder for a note internal to the Russian delegation.',
    createdAt: '2025-11-30T09:00:00.000Z',
  },
  {
    id: recordId('06'),
    party: 'russia',
    author: 'russia',
    kind: 'memo',
    classification: 'mediator',
    title: 'Memo to the mediator (placeholder): Russian Federation',
    body: 'Demo placeholder for a memo the Russian Federation shares with the mediator only.',
    createdAt: '2025-12-01T09:00:00.000Z',
  },
  {
    id: recordId('07'),
    party: 'unitedStates',
    author: 'mediatorAnalyst',
    kind: 'note',
    classification: 'delegation',
    title: 'Mediator internal (placeholder): scheduling options',
    body: 'Demo placeholder for a note internal to the US delegation.',
    createdAt: '2025-11-25T09:00:00.000Z',
  },
  {
    id: recordId('08'),
    party: 'europe',
    author: 'observer',
    kind: 'note',
    classification: 'delegation',
    title: 'E3 internal note (placeholder)',
    body: 'Demo placeholder for a note internal to the European partners.',
    createdAt: '2025-11-25T12:00:00.000Z',
  },
];

export const DEMO_DEADLINES = [
  {
    id: demoId(DeadlineIdSchema, '00000000-0000-4000-8000-00000000b001'),
    title: "Ukraine's response to the draft framework",
    // End of 26 Nov in Washington (UTC−5), before the US Thanksgiving holiday on 27 Nov 2025.
    dueAt: '2025-11-27T04:59:00.000Z',
    consequence:
      'Target date publicly reported as set by the United States ahead of the US Thanksgiving holiday (27 November 2025).',
    createdAt: '2025-11-21T12:00:00.000Z',
  },
] as const;

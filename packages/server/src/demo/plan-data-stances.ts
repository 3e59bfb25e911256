// Positions, amendments and public statements of the demo plan. Statements are neutral
// paraphrases attributed by role and sourced to public reporting; positions are illustrative.
import type { PositionValue, PositionVisibility } from '@parley/core';

export type DemoPosition = {
  readonly party: string;
  readonly version: string;
  readonly pointKey: string;
  readonly value: PositionValue;
  readonly visibility: PositionVisibility;
  readonly note: string;
};

type Row = readonly [pointKey: string, value: PositionValue, visibility: PositionVisibility, note?: string];

const on = (party: string, version: string, rows: readonly Row[]): DemoPosition[] =>
  rows.map(([pointKey, value, visibility, note]) => ({
    party,
    version,
    pointKey,
    value,
    visibility,
    note: note ?? '',
  }));

/** Positions on the Geneva text. Russia, absent from the rounds, has recorded few; the rest count as missing. */
export const DEMO_POSITIONS: readonly DemoPosition[] = [
  ...on('ukraine', 'geneva-19', [
    ['p01', 'accept', 'parties'],
    ['g-nonaggression', 'accept', 'parties'],
    [
      'g-dialogue',
      'accept_with_reservation',
      'mediator',
      'European partners must take part in the dialogue.',
    ],
    ['p05', 'accept', 'parties'],
    ['p06', 'accept_with_reservation', 'mediator', 'The limit applies in peacetime only.'],
    ['g-alliance', 'red_line', 'private', 'The constitution cannot be bound by an outside agreement.'],
    ['p10', 'accept', 'parties'],
    ['p11', 'accept', 'parties'],
    [
      'g-reconstruction',
      'accept_with_reservation',
      'mediator',
      'Depends on the European decision on frozen assets.',
    ],
    ['p13', 'reject', 'mediator', 'Relief only after a durable ceasefire.'],
    ['p15', 'amend', 'mediator', 'Ukraine and European partners should sit in the working group.'],
    ['g-nuclear', 'accept', 'parties'],
    ['p19', 'amend', 'mediator', 'Control of the plant must return to Ukraine.'],
    ['p21', 'red_line', 'private', 'No legal recognition of occupied territory.'],
    ['p23', 'accept', 'parties'],
    ['p24', 'accept', 'parties'],
    ['p25', 'accept', 'parties'],
    ['p27', 'accept_with_reservation', 'mediator', 'Europe should be represented on the Peace Council.'],
    ['p28', 'accept', 'parties'],
  ]),
  ...on('russia', 'geneva-19', [
    ['p01', 'accept_with_reservation', 'mediator'],
    ['p06', 'reject', 'parties', 'The amended limit is too high.'],
    ['g-alliance', 'red_line', 'parties', 'A binding renunciation of alliance membership is required.'],
    ['p21', 'red_line', 'mediator'],
    ['p19', 'amend', 'mediator'],
    ['p24', 'accept', 'parties'],
    ['p23', 'accept', 'parties'],
    ['p28', 'undecided', 'private'],
  ]),
];

/** Amendments with their fates; `adopted` ones name the version that adopted them. */
export const DEMO_AMENDMENTS = [
  {
    key: 'am-forces',
    party: 'ukraine',
    version: 'draft-28',
    pointKey: 'p06',
    proposal: {
      kind: 'replace_text',
      text: 'The armed forces of Ukraine are limited to 800,000 personnel in peacetime.',
    },
    rationale: 'A lower limit leaves the country unable to defend itself.',
    fate: { state: 'adopted', versionId: 'geneva-19' },
  },
  {
    key: 'am-amnesty',
    party: 'ukraine',
    version: 'draft-28',
    pointKey: 'p26',
    proposal: { kind: 'drop' },
    rationale: 'A blanket amnesty is not acceptable.',
    fate: { state: 'adopted', versionId: 'geneva-19' },
  },
  {
    key: 'am-territory',
    party: 'ukraine',
    version: 'draft-28',
    pointKey: 'p21',
    proposal: {
      kind: 'replace_text',
      text: 'The parties freeze the line of contact without recognising any change of borders.',
    },
    rationale: 'Recognition is excluded by the constitution.',
    fate: { state: 'open' },
  },
  {
    key: 'am-working-group',
    party: 'ukraine',
    version: 'geneva-19',
    pointKey: 'p15',
    proposal: {
      kind: 'replace_text',
      text: 'A working group of the United States, Russia, Ukraine and European partners supervises implementation.',
    },
    rationale: 'Implementation cannot be supervised without the parties it concerns.',
    fate: { state: 'open' },
  },
  {
    key: 'am-jets',
    party: 'ukraine',
    version: 'draft-28',
    pointKey: 'p09',
    proposal: { kind: 'drop' },
    rationale: 'A matter for Poland and its allies, not for this text.',
    fate: { state: 'adopted', versionId: 'geneva-19' },
  },
  {
    key: 'am-g8',
    party: 'ukraine',
    version: 'draft-28',
    pointKey: 'p13',
    proposal: { kind: 'replace_text', text: 'Sanctions are reviewed only after a durable ceasefire.' },
    rationale: 'Relief must follow compliance.',
    fate: { state: 'rejected', reason: 'Set aside for the leaders instead.' },
  },
] as const;

const REPORTING = 'public reporting';

/** Public statements, attributed by role. */
export const DEMO_STATEMENTS = [
  {
    key: 'st-us-deadline',
    person: 'President of the United States',
    party: 'united-states',
    date: '2025-11-21',
    source: REPORTING,
    quote: 'Said that Thursday, 27 November, was an appropriate date for Ukraine to respond to the plan.',
    pointKeys: ['p28'],
  },
  {
    key: 'st-ua-choice',
    person: 'President of Ukraine',
    party: 'ukraine',
    date: '2025-11-21',
    source: REPORTING,
    quote:
      'Said the country faced a very difficult choice and would work calmly with the United States and its partners on the proposal.',
    pointKeys: [],
  },
  {
    key: 'st-ru-basis',
    person: 'President of Russia',
    party: 'russia',
    date: '2025-11-21',
    source: REPORTING,
    quote:
      'Said the plan could form the basis of a final settlement but had not been discussed with Russia in detail.',
    pointKeys: [],
  },
  {
    key: 'st-us-geneva',
    person: 'US Secretary of State',
    party: 'united-states',
    date: '2025-11-23',
    source: REPORTING,
    quote: 'Described the Geneva talks as productive and said the remaining issues were not insurmountable.',
    pointKeys: ['p21', 'g-alliance'],
  },
  {
    key: 'st-eu-borders',
    person: 'President of the European Commission',
    party: 'european-partners',
    date: '2025-11-24',
    source: REPORTING,
    quote:
      "Said borders cannot be changed by force and that limits on Ukraine's armed forces would leave it vulnerable.",
    pointKeys: ['p21', 'p06'],
  },
  {
    key: 'st-ru-premature',
    person: 'Kremlin spokesperson',
    party: 'russia',
    date: '2025-11-25',
    source: REPORTING,
    quote: 'Said it was premature to comment on the details of the revised text.',
    pointKeys: [],
  },
  {
    key: 'st-us-florida',
    person: 'US Secretary of State',
    party: 'united-states',
    date: '2025-11-30',
    source: REPORTING,
    quote: 'Described the talks in Florida as productive while noting that more work remained.',
    pointKeys: ['p25', 'p28'],
  },
] as const;

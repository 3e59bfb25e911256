import { chooseFingerprintKey } from './copy-style';
import type { FingerprintPoint } from './sites';

// A few plan points in the style of the demo draft, with the spelling, list and dash sites
// the fingerprint uses (core tests cannot import the server's demo data).
export const POINTS: readonly FingerprintPoint[] = [
  {
    id: 'p02',
    number: '2',
    title: 'Non-aggression agreement',
    text: 'Russia, Ukraine and Europe conclude a comprehensive non-aggression agreement, and the ambiguities of the last thirty years are considered settled.',
  },
  {
    id: 'p03',
    number: '3',
    title: 'No further enlargement',
    text: 'It is expected that Russia will not invade its neighbours and that the alliance will not expand further.',
  },
  {
    id: 'p15',
    number: '15',
    title: 'Joint security working group',
    text: 'A joint US–Russian working group on security is set up to promote and enforce all provisions of this agreement.',
  },
  {
    id: 'p16',
    number: '16',
    title: 'Non-aggression in Russian law',
    text: 'Russia enshrines in law a policy of non-aggression towards Europe and Ukraine.',
  },
  {
    id: 'p20',
    number: '20',
    title: 'Education and tolerance',
    text: 'Both countries adopt educational programmes in schools and society that promote understanding and tolerance of different cultures and eliminate racism and prejudice.',
  },
  {
    id: 'p21',
    number: '21',
    title: 'Territorial arrangements',
    text: 'Crimea, Luhansk and Donetsk are recognised as de facto Russian, including by the United States; Kherson and Zaporizhzhia are frozen along the line of contact; Ukrainian forces withdraw from the part of Donetsk they control, which becomes a neutral demilitarised buffer zone.',
  },
  { id: 'p25', number: '25', title: 'Elections', text: 'Ukraine holds elections within 100 days.' },
];

/**
 * A transcript's paragraphs as a record holds them: no titles, and many words in British spelling
 * (each a mark of the copy's one spelling convention).
 */
export const TRANSCRIPT: FingerprintPoint[] = [
  'The delegations met at the Geneva centre and agreed to finalise the agenda for the next session on the stabilisation of the front.',
  'The mediator will summarise the programme of work, and the parties will prioritise the exchange of prisoners and the return of children.',
  'Ukraine asked that the defence of its neighbours be discussed, and Russia asked for the normalisation of trade and energy links.',
  'The parties recognised that the organisation of elections must be authorised by the legislature after the ceasefire takes effect.',
  'The mediator will circulate a revised text towards the end of the week, whilst the working groups continue to meet in Geneva.',
  'Both delegations recognised the labour of the working groups and agreed to harmonise the programme of the technical talks.',
].map((text, index) => ({ id: `transcript:${index}`, number: String(index + 1), title: '', text }));

/** Deterministic recipient keys for tests, allocated as the server allocates them (distinct heading styles). */
export function recipientKeys(count: number): { recipientId: string; key: string }[] {
  const keys: string[] = [];
  for (let index = 0; index < count; index++) {
    const candidates = Array.from({ length: 512 }, (_, attempt) => `test-key-${index}-${attempt * 7919}`);
    keys.push(chooseFingerprintKey({ candidates, existingKeys: keys }));
  }
  return keys.map((key, index) => ({ recipientId: `recipient-${index}`, key }));
}

/**
 * A plan wholly in Russian, as a leaked translation would be: quotations in «…», and ё in words
 * that may drop it (the channels scheme 2 adds; scheme 1 marks only its headings).
 */
export const RUSSIAN_POINTS: readonly FingerprintPoint[] = [
  [
    'Прекращение огня',
    'Стороны прекращают огонь по всей линии соприкосновения в течение 72 часов, а миссия «Наблюдатель» ведёт учёт нарушений.',
  ],
  [
    'Обмен пленными',
    'Все пленные и задержанные освобождаются в течение тридцати дней по принципу «всех на всех»; ещё до обмена стороны передают списки.',
  ],
  [
    'Гуманитарная помощь',
    'Колонны с помощью ежедневно проходят через три пункта пропуска, причём доступ к продовольствию и лекарствам не ограничивается.',
  ],
  [
    'Восстановление',
    'Международный фонд финансирует восстановление жилья, больниц и школ; объём помощи утверждает совет «Восстановление».',
  ],
  [
    'Безопасность',
    'Многонациональные силы контролируют демилитаризованную зону и ежемесячно представляют отчёт обеим сторонам.',
  ],
  [
    'Управление',
    'Временная гражданская администрация управляет общественными службами до выборов, которые проводятся не позднее чем через год.',
  ],
].map(([title = '', text = ''], index) => ({
  id: `ru-${index + 1}`,
  number: String(index + 1),
  title,
  text,
}));

// The 28-point draft of the demo, as pure data. Titles and texts are neutral paraphrases of public
// reporting in November 2025; the exact wording of the real documents was not published.
// A long data file on purpose: the whole draft reads better in one place.

/** Topic headings of the demo plan, in reading order. */
export const DEMO_TOPICS = {
  ceasefire: 'Ceasefire and lines of contact',
  territory: 'Territory',
  security: 'Security guarantees',
  alliance: 'Alliance membership language',
  forces: 'Armed forces limits',
  economy: 'Sanctions and economic relations',
  reconstruction: 'Reconstruction',
  energy: 'Energy and nuclear plant',
  humanitarian: 'Prisoners and humanitarian',
  elections: 'Elections',
  implementation: 'Implementation and monitoring',
} as const;
export type DemoTopicKey = keyof typeof DEMO_TOPICS;

export type DemoPoint = {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly topic: DemoTopicKey;
};

/** The draft's points in their original order; keys p01…p28 are stable demo identities. */
export const DEMO_DRAFT_POINTS: readonly DemoPoint[] = [
  {
    key: 'p01',
    topic: 'security',
    title: 'Sovereignty confirmed',
    text: 'The sovereignty of Ukraine is confirmed.',
  },
  {
    key: 'p02',
    topic: 'security',
    title: 'Non-aggression agreement',
    text: 'Russia, Ukraine and Europe conclude a comprehensive non-aggression agreement, and the ambiguities of the last thirty years are considered settled.',
  },
  {
    key: 'p03',
    topic: 'alliance',
    title: 'No further enlargement',
    text: 'It is expected that Russia will not invade its neighbours and that the alliance will not expand further.',
  },
  {
    key: 'p04',
    topic: 'security',
    title: 'Security dialogue',
    text: 'A dialogue between Russia and the alliance, mediated by the United States, addresses all security questions and creates conditions for de-escalation.',
  },
  {
    key: 'p05',
    topic: 'security',
    title: 'Security guarantees for Ukraine',
    text: 'Ukraine receives reliable security guarantees.',
  },
  {
    key: 'p06',
    topic: 'forces',
    title: 'Size of the armed forces',
    text: 'The armed forces of Ukraine are limited to 600,000 personnel.',
  },
  {
    key: 'p07',
    topic: 'alliance',
    title: 'Alliance membership renounced',
    text: 'Ukraine enshrines in its constitution that it will not join the alliance, and the alliance records in its statutes that Ukraine will not be admitted in the future.',
  },
  {
    key: 'p08',
    topic: 'alliance',
    title: 'No alliance troops in Ukraine',
    text: 'The alliance agrees not to station troops in Ukraine.',
  },
  {
    key: 'p09',
    topic: 'security',
    title: 'European aircraft in Poland',
    text: 'European fighter aircraft are stationed in Poland.',
  },
  {
    key: 'p10',
    topic: 'security',
    title: 'Conditions of the US guarantee',
    text: 'The United States guarantee comes with conditions: the United States is compensated for it; it lapses if Ukraine attacks Russia; if Russia attacks Ukraine, sanctions are restored in full and all benefits of this framework are withdrawn.',
  },
  {
    key: 'p11',
    topic: 'economy',
    title: 'Path to EU membership',
    text: 'Ukraine is eligible for membership of the European Union and receives short-term preferential access to the European market while this is considered.',
  },
  {
    key: 'p12',
    topic: 'reconstruction',
    title: 'Reconstruction package',
    text: 'A broad international package rebuilds Ukraine: a development fund for high-growth industries, repair of energy infrastructure and cities, and financing from the World Bank.',
  },
  {
    key: 'p13',
    topic: 'economy',
    title: 'Russia reintegrated into the world economy',
    text: 'Russia is reintegrated into the world economy: sanctions are lifted in stages, case by case, a long-term economic cooperation agreement is concluded with the United States, and Russia is invited back to the Group of Eight.',
  },
  {
    key: 'p14',
    topic: 'reconstruction',
    title: 'Use of frozen assets',
    text: 'One hundred billion dollars of frozen Russian assets are invested in US-led reconstruction of Ukraine, with the United States receiving half of the profits; Europe adds another one hundred billion dollars; the rest of the frozen assets go into a joint US–Russian investment vehicle.',
  },
  {
    key: 'p15',
    topic: 'implementation',
    title: 'Joint security working group',
    text: 'A joint US–Russian working group on security is set up to promote and enforce all provisions of this agreement.',
  },
  {
    key: 'p16',
    topic: 'security',
    title: 'Non-aggression in Russian law',
    text: 'Russia enshrines in law a policy of non-aggression towards Europe and Ukraine.',
  },
  {
    key: 'p17',
    topic: 'security',
    title: 'Arms control treaties',
    text: 'The United States and Russia agree to extend nuclear non-proliferation and arms control treaties.',
  },
  {
    key: 'p18',
    topic: 'security',
    title: 'Non-nuclear status',
    text: 'Ukraine agrees to remain a non-nuclear state under the Treaty on the Non-Proliferation of Nuclear Weapons.',
  },
  {
    key: 'p19',
    topic: 'energy',
    title: 'Zaporizhzhia nuclear plant',
    text: 'The Zaporizhzhia nuclear power plant is restarted under the supervision of the International Atomic Energy Agency, and the electricity produced is divided equally between Russia and Ukraine.',
  },
  {
    key: 'p20',
    topic: 'humanitarian',
    title: 'Education and tolerance',
    text: 'Both countries adopt educational programmes in schools and society that promote understanding and tolerance of different cultures and eliminate racism and prejudice.',
  },
  {
    key: 'p21',
    topic: 'territory',
    title: 'Territorial arrangements',
    text: 'Crimea, Luhansk and Donetsk are recognised as de facto Russian, including by the United States; Kherson and Zaporizhzhia are frozen along the line of contact; Ukrainian forces withdraw from the part of Donetsk they control, which becomes a neutral demilitarised buffer zone.',
  },
  {
    key: 'p22',
    topic: 'territory',
    title: 'No change of borders by force',
    text: 'Having agreed the future territorial arrangements, Russia and Ukraine undertake not to change them by force; any breach voids the security guarantees.',
  },
  {
    key: 'p23',
    topic: 'economy',
    title: 'Dnipro and Black Sea trade',
    text: 'Russia does not obstruct commercial use of the Dnipro river by Ukraine, and agreements are reached on the free shipment of grain across the Black Sea.',
  },
  {
    key: 'p24',
    topic: 'humanitarian',
    title: 'Prisoners and civilians',
    text: 'A humanitarian committee resolves open questions: all prisoners and bodies are exchanged on an all-for-all basis, all civilian detainees and hostages are returned, including children, and a family reunification programme is set up.',
  },
  { key: 'p25', topic: 'elections', title: 'Elections', text: 'Ukraine holds elections within 100 days.' },
  {
    key: 'p26',
    topic: 'humanitarian',
    title: 'Amnesty',
    text: 'All parties to the conflict receive a full amnesty for their actions during the war and agree not to make claims or consider complaints in the future.',
  },
  {
    key: 'p27',
    topic: 'implementation',
    title: 'Binding agreement and Peace Council',
    text: 'The agreement is legally binding; its implementation is monitored and guaranteed by a Peace Council chaired by the President of the United States, with sanctions for violations.',
  },
  {
    key: 'p28',
    topic: 'ceasefire',
    title: 'Ceasefire',
    text: 'Once all parties agree to this memorandum, a ceasefire takes effect immediately after both sides withdraw to the agreed points to begin implementation.',
  },
];

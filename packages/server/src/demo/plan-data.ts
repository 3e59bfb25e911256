// The demo plan as pure data: the 28-point draft, the Geneva round that produced a 19-point text,
// the Abu Dhabi contacts and the Florida round. Ids are readable keys; the demo loader maps them
// to UUIDs (a change's proposer is the party's own id, as on a lineage edge). Party keys: united-states (mediator), ukraine and russia (required), european-partners (observer).
import {
  applyOperations,
  PlanVersionIdSchema,
  PointIdSchema,
  VersionOperationSchema,
  type PlanVersion,
  type VersionOperation,
  type VersionWithLineage,
} from '@parley/core';
import { z } from 'zod';
import { DEMO_NEGOTIATION, DEMO_PARTIES } from './demo-negotiation';
import { DEMO_DRAFT_POINTS, DEMO_TOPICS } from './plan-data-draft';

export { DEMO_DRAFT_POINTS, DEMO_TOPICS } from './plan-data-draft';
export { DEMO_AMENDMENTS, DEMO_POSITIONS, DEMO_STATEMENTS, type DemoPosition } from './plan-data-stances';

export const DEMO_PARTY_KEYS = {
  mediator: 'united-states',
  ukraine: 'ukraine',
  russia: 'russia',
  observers: 'european-partners',
} as const;
export const DEMO_VERSION_KEYS = { draft: 'draft-28', geneva: 'geneva-19', florida: 'florida-20' } as const;

// The Thanksgiving deadline itself is part of the base demo (DEMO_DEADLINES in demo-negotiation.ts).

/** Rounds in date order; minutes are restricted, the readout is public. */
export const DEMO_ROUNDS = [
  {
    key: 'geneva',
    name: 'Geneva round',
    place: 'Geneva',
    startsOn: '2025-11-23',
    endsOn: '2025-11-24',
    format: 'bilateral',
    partiesPresent: ['united-states', 'ukraine'],
    fromVersion: 'draft-28',
    producedVersion: 'geneva-19',
    minutes:
      'Restricted. The delegations went through the draft point by point, merged overlapping points, removed three, softened several and set aside the three most difficult questions for the leaders.',
    publicReadout:
      'The delegations held productive talks and drafted an updated and refined framework; work on joint proposals continues.',
  },
  {
    key: 'abu-dhabi',
    name: 'Abu Dhabi contacts',
    place: 'Abu Dhabi',
    startsOn: '2025-11-25',
    endsOn: '2025-11-25',
    format: 'shuttle',
    partiesPresent: ['united-states', 'russia'],
    fromVersion: 'geneva-19',
    producedVersion: null,
    minutes:
      'Restricted. The mediator briefed the Russian side on the Geneva text without handing over a revised version.',
    publicReadout: 'Contacts took place; no text was agreed.',
  },
  {
    key: 'florida',
    name: 'Florida round',
    place: 'Hallandale Beach, Florida',
    startsOn: '2025-11-30',
    endsOn: '2025-11-30',
    format: 'bilateral',
    partiesPresent: ['united-states', 'ukraine'],
    fromVersion: 'geneva-19',
    producedVersion: 'florida-20',
    minutes:
      "Restricted. Ukraine's new lead negotiator headed the delegation; reconstruction and the use of frozen assets were separated, and the elections and ceasefire points were refined.",
    publicReadout: 'The talks were described as productive; more work remains.',
  },
] as const;

const LEADERS = ['President of the United States', 'President of Ukraine'];

/** The three thorniest points, set aside for the leaders at Geneva (still open in the demo). */
export const DEMO_ESCALATIONS = [
  {
    key: 'esc-territory',
    pointKey: 'p21',
    principals: LEADERS,
    question:
      'On what basis are territorial questions to be settled, starting from the current line of contact?',
    dueDate: '2025-11-27',
  },
  {
    key: 'esc-alliance',
    pointKey: 'g-alliance',
    principals: LEADERS,
    question:
      "What may the text say about Ukraine's future relationship with the alliance and foreign forces on its territory?",
    dueDate: '2025-11-27',
  },
  {
    key: 'esc-sanctions',
    pointKey: 'p13',
    principals: LEADERS,
    question: 'On what conditions, and in what stages, is sanctions relief offered?',
    dueDate: '2025-11-27',
  },
] as const;

// The operations name points, rounds and amendments by their readable keys; parsing brands them.
const demoOperations = (operations: z.input<typeof VersionOperationSchema>[]) =>
  z.array(VersionOperationSchema).parse(operations);

const geneva = { roundId: 'geneva' } as const;
// Who proposed each change is named by the party's id: lineage edges carry real party ids.
const UNITED_STATES = DEMO_PARTIES.unitedStates.id;
const UKRAINE = DEMO_PARTIES.ukraine.id;

/** How the Geneva text was made from the draft: 5 merges (11 points → 5), 3 drops, 7 amendments: 28 → 19. */
export const GENEVA_OPERATIONS: readonly VersionOperation[] = demoOperations([
  {
    kind: 'merge',
    pointIds: ['p02', 'p16', 'p22'],
    ...geneva,
    proposedBy: UNITED_STATES,
    into: {
      pointId: 'g-nonaggression',
      title: 'Non-aggression commitments',
      text: 'Russia, Ukraine and Europe conclude a non-aggression agreement; Russia enshrines non-aggression towards Europe and Ukraine in law; the arrangements agreed are not to be changed by force.',
    },
  },
  {
    kind: 'merge',
    pointIds: ['p03', 'p04'],
    ...geneva,
    proposedBy: UKRAINE,
    into: {
      pointId: 'g-dialogue',
      title: 'Security dialogue',
      text: 'A dialogue between Russia and the alliance, mediated by the United States, addresses security questions and creates conditions for de-escalation.',
    },
  },
  {
    kind: 'merge',
    pointIds: ['p07', 'p08'],
    ...geneva,
    proposedBy: UNITED_STATES,
    into: {
      pointId: 'g-alliance',
      title: 'Alliance membership and foreign forces',
      text: "Ukraine's future relationship with the alliance, and the presence of foreign forces on its territory, are to be decided by the leaders.",
    },
  },
  {
    kind: 'merge',
    pointIds: ['p12', 'p14'],
    ...geneva,
    proposedBy: UKRAINE,
    into: {
      pointId: 'g-reconstruction',
      title: 'Reconstruction and frozen assets',
      text: 'A broad international package rebuilds Ukraine, financed among other sources by frozen Russian assets under arrangements to be agreed with European partners.',
    },
  },
  {
    kind: 'merge',
    pointIds: ['p17', 'p18'],
    ...geneva,
    proposedBy: UNITED_STATES,
    into: {
      pointId: 'g-nuclear',
      title: 'Arms control and non-nuclear status',
      text: 'The United States and Russia extend nuclear arms control treaties; Ukraine remains a non-nuclear state under the Treaty on the Non-Proliferation of Nuclear Weapons.',
    },
  },
  { kind: 'drop', pointId: 'p09', ...geneva, proposedBy: UKRAINE },
  { kind: 'drop', pointId: 'p20', ...geneva, proposedBy: UNITED_STATES },
  { kind: 'drop', pointId: 'p26', ...geneva, proposedBy: UKRAINE, amendmentId: 'am-amnesty' },
  {
    kind: 'amend',
    pointId: 'p06',
    ...geneva,
    proposedBy: UKRAINE,
    amendmentId: 'am-forces',
    text: 'The armed forces of Ukraine are limited to 800,000 personnel in peacetime.',
  },
  {
    kind: 'amend',
    pointId: 'p10',
    ...geneva,
    proposedBy: UKRAINE,
    text: 'The United States guarantee lapses if Ukraine attacks Russia without provocation; if Russia attacks Ukraine, sanctions are restored and the benefits of this framework are withdrawn.',
  },
  {
    kind: 'amend',
    pointId: 'p13',
    ...geneva,
    proposedBy: UNITED_STATES,
    text: 'Sanctions relief and the economic reintegration of Russia are to be decided by the leaders, in stages and tied to compliance.',
  },
  {
    kind: 'amend',
    pointId: 'p19',
    ...geneva,
    proposedBy: UKRAINE,
    text: 'The Zaporizhzhia nuclear power plant is restarted under the supervision of the International Atomic Energy Agency; the use of its electricity is to be agreed.',
  },
  {
    kind: 'amend',
    pointId: 'p21',
    ...geneva,
    proposedBy: UNITED_STATES,
    text: 'Territorial questions are to be settled by the leaders, starting from the current line of contact.',
  },
  {
    kind: 'amend',
    pointId: 'p25',
    ...geneva,
    proposedBy: UKRAINE,
    text: 'Ukraine holds elections as soon as possible after the ceasefire takes effect.',
  },
  {
    kind: 'amend',
    pointId: 'p28',
    ...geneva,
    proposedBy: UNITED_STATES,
    text: 'Once the parties agree to this framework, a ceasefire takes effect along the current line of contact.',
  },
]);

const florida = { roundId: 'florida' } as const;

/** The Florida round: reconstruction and frozen assets separated again, elections and ceasefire refined: 19 → 20. */
export const FLORIDA_OPERATIONS: readonly VersionOperation[] = demoOperations([
  {
    kind: 'split',
    pointId: 'g-reconstruction',
    ...florida,
    proposedBy: UKRAINE,
    into: [
      {
        pointId: 'g-reconstruction',
        title: 'Reconstruction package',
        text: 'A broad international package rebuilds Ukraine, with a development fund and repair of energy infrastructure and cities.',
      },
      {
        pointId: 'f-assets',
        title: 'Use of frozen assets',
        text: 'Frozen Russian assets contribute to the reconstruction of Ukraine under arrangements agreed with European partners.',
      },
    ],
  },
  {
    kind: 'amend',
    pointId: 'p25',
    ...florida,
    proposedBy: UKRAINE,
    text: 'Ukraine holds elections once a ceasefire holds and security conditions allow, with international observation.',
  },
  {
    kind: 'amend',
    pointId: 'p28',
    ...florida,
    proposedBy: UNITED_STATES,
    text: 'Once the parties sign this framework, a ceasefire takes effect along the current line of contact, pending the questions set aside for the leaders.',
  },
]);

/** The draft as a first version (negotiation key `demo`). */
export function demoDraftVersion(): PlanVersion {
  return {
    id: PlanVersionIdSchema.parse(DEMO_VERSION_KEYS.draft),
    negotiationId: DEMO_NEGOTIATION.id,
    parentId: null,
    label: '28-point draft',
    points: DEMO_DRAFT_POINTS.map((point, index) => ({
      pointId: PointIdSchema.parse(point.key),
      number: index + 1,
      title: point.title,
      text: point.text,
      topic: DEMO_TOPICS[point.topic],
    })),
  };
}

/** Applies the demo operations: draft → Geneva text (19 points) → Florida text (20 points). Throws if the data is inconsistent. */
export function buildDemoPlanVersions(): VersionWithLineage[] {
  const draft: VersionWithLineage = { version: demoDraftVersion(), edges: [] };
  const next = (
    parent: VersionWithLineage,
    child: { id: string; label: string },
    operations: readonly VersionOperation[],
  ): VersionWithLineage => {
    const result = applyOperations({
      parent: parent.version,
      child: { id: PlanVersionIdSchema.parse(child.id), label: child.label },
      operations,
    });
    if (!result.ok)
      throw new Error(`demo plan data is inconsistent: ${result.problems.map((p) => p.message).join('; ')}`);
    return { version: result.value.version, edges: [...result.value.edges] };
  };
  const genevaText = next(
    draft,
    { id: DEMO_VERSION_KEYS.geneva, label: 'Geneva text — 19 points' },
    GENEVA_OPERATIONS,
  );
  const floridaText = next(
    genevaText,
    { id: DEMO_VERSION_KEYS.florida, label: 'Florida text — 20 points' },
    FLORIDA_OPERATIONS,
  );
  return [draft, genevaText, floridaText];
}

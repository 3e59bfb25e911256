import {
  MAX_SEARCH_RESULTS,
  pointName,
  type Amendment,
  type Negotiation,
  type NegotiationRecord,
  type Party,
  type PlanVersion,
  type Position,
  type Round,
  type SearchResult,
  type SearchResults,
  type Viewer,
} from '@parley/core';
import { listDeadlinesForViewer } from './deadlines';
import type { AppDeps } from './deps';
import { listPartiesForViewer } from './parties';
import { auditPositionsRead, visiblePositions } from './plan-positions';
import {
  amendmentsVisibleTo,
  auditAmendmentsRead,
  auditMinutesRead,
  listEscalationsForViewer,
  listStatementsForViewer,
  roundsVisibleTo,
} from './plan-records';
import { listVersionsForViewer } from './plan-versions';
import { auditRecordsListed, recordsVisibleTo } from './records';
import { matchFields, searchTerms, type SearchField } from './search-text';

type Found = Omit<SearchResult, 'field' | 'snippet' | 'highlights'>;
type Text = { readonly found: Found; readonly fields: readonly SearchField[] };
/** One item to search: its texts in order of preference (a point's, newest version first). */
type Candidate = readonly Text[];

const NO_LINKS = { pointId: null, versionId: null, partyId: null, current: null } as const;

/**
 * Finds words in what the viewer may read of one negotiation: the plan's points (every version,
 * each point once, where it last matched), positions on the newest version, amendments, statements, rounds
 * (minutes only where the viewer may read them), escalations, deadlines and records. Each source
 * is read through the function its own page uses, so the policy decides here as it does there:
 * hidden material is never matched, and an answer with it is the same as one without it. The
 * restricted items a search shows are audited as read, as their own lists audit them.
 */
export async function searchNegotiation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; query: string },
): Promise<SearchResults> {
  const { negotiation, query } = input;
  const terms = searchTerms(query);
  const { versions } = await listVersionsForViewer(deps, viewer, negotiation);
  const newest = versions.at(-1);
  const parties = await listPartiesForViewer(deps, viewer, negotiation);
  const partyName = (partyId: string) => parties.find((party) => party.id === partyId)?.name ?? 'A party';
  const pointTitle = pointTitles(versions.map((entry) => entry.version.points));

  const positions =
    newest === undefined
      ? []
      : await visiblePositions(deps, viewer, { negotiation, versionId: newest.version.id });
  const rounds = await roundsVisibleTo(deps, viewer, { negotiation });
  const records = await recordsVisibleTo(deps, viewer, negotiation);
  const amendments = await amendmentsVisibleTo(deps, viewer, { negotiation });
  const candidates: Candidate[] = [
    ...pointCandidates(versions.map((entry) => entry.version)),
    ...positions.map((position) => [positionCandidate(position, { partyName, pointTitle })]),
    ...amendments.map((amendment) => [amendmentText(amendment, { partyName, pointTitle })]),
    ...(await listStatementsForViewer(deps, viewer, { negotiation })).map((statement): Candidate => [
      {
        found: {
          ...NO_LINKS,
          kind: 'statement',
          id: statement.id,
          title: `${statement.person} (${partyName(statement.partyId)}), ${statement.date}`,
          partyId: statement.partyId,
          pointId: statement.pointIds[0] ?? null,
        },
        fields: [
          { name: 'quote', text: statement.quote },
          { name: 'person', text: statement.person },
          { name: 'source', text: statement.source },
        ],
      },
    ]),
    ...rounds.map((round) => [roundCandidate(round)]),
    ...(await listEscalationsForViewer(deps, viewer, { negotiation })).map((escalation): Candidate => [
      {
        found: {
          ...NO_LINKS,
          kind: 'escalation',
          id: escalation.id,
          title: `To the leaders: ${pointTitle(escalation.pointId)}`,
          pointId: escalation.pointId,
        },
        fields: [
          { name: 'question', text: escalation.question },
          { name: 'decision', text: escalation.decision?.note ?? '' },
          { name: 'principals', text: escalation.principals.join(', ') },
        ],
      },
    ]),
    ...(await listDeadlinesForViewer(deps, viewer, negotiation)).map((deadline): Candidate => [
      {
        found: { ...NO_LINKS, kind: 'deadline', id: deadline.id, title: deadline.title },
        fields: [
          { name: 'consequence', text: deadline.consequence },
          { name: 'title', text: deadline.title },
        ],
      },
    ]),
    ...records.map((record) => [recordText(parties, record)]),
  ];

  const matched: SearchResult[] = [];
  for (const candidate of candidates)
    for (const text of candidate) {
      const match = matchFields(text.fields, terms);
      if (match === undefined) continue;
      matched.push({ ...text.found, ...match });
      break;
    }
  const results = matched.slice(0, MAX_SEARCH_RESULTS);
  await auditShown(deps, viewer, { negotiation, results, positions, rounds, records, amendments });
  return { query, results, truncated: matched.length > results.length };
}

/**
 * Each point once, with its texts newest first: it is found where it last matched. A wording
 * carried unchanged into a later version is searched once, in the newest that has it.
 */
function pointCandidates(versions: readonly PlanVersion[]): Candidate[] {
  const newestFirst = [...versions].reverse();
  const newestId = newestFirst[0]?.id;
  const texts = new Map<string, Text[]>();
  const lastWording = new Map<string, string>();
  for (const version of newestFirst)
    for (const point of version.points) {
      const wording = JSON.stringify([point.title, point.text, point.topic]);
      if (lastWording.get(point.pointId) === wording) continue;
      lastWording.set(point.pointId, wording);
      const list = texts.get(point.pointId) ?? [];
      list.push({
        found: {
          kind: 'point',
          id: point.pointId,
          title: `Point ${point.number}: ${pointName(point)} (${version.label})`,
          pointId: point.pointId,
          versionId: version.id,
          partyId: null,
          current: version.id === newestId,
        },
        // The text first: the title is in the result's own title, so a passage of the text says more.
        fields: [
          { name: 'text', text: point.text },
          { name: 'title', text: point.title },
          { name: 'topic', text: point.topic ?? '' },
        ],
      });
      texts.set(point.pointId, list);
    }
  return [...texts.values()];
}

function pointTitles(versionsPoints: readonly PlanVersion['points'][]) {
  const latest = new Map<string, string>();
  for (const points of versionsPoints)
    for (const point of points) latest.set(point.pointId, `point ${point.number}, ${pointName(point)}`);
  return (pointId: string) => latest.get(pointId) ?? 'a point';
}

function positionCandidate(
  position: Position,
  names: { partyName: (partyId: string) => string; pointTitle: (pointId: string) => string },
): Text {
  return {
    found: {
      ...NO_LINKS,
      kind: 'position',
      id: position.id,
      title: `${names.partyName(position.partyId)} on ${names.pointTitle(position.pointId)}`,
      pointId: position.pointId,
      versionId: position.versionId,
      partyId: position.partyId,
    },
    fields: [{ name: 'note', text: position.note }],
  };
}

function amendmentText(
  amendment: Amendment,
  names: { partyName: (partyId: string) => string; pointTitle: (pointId: string) => string },
): Text {
  const { proposal } = amendment;
  return {
    found: {
      ...NO_LINKS,
      kind: 'amendment',
      id: amendment.id,
      title: `${names.partyName(amendment.partyId)}'s amendment to ${names.pointTitle(amendment.pointId)}`,
      pointId: amendment.pointId,
      versionId: amendment.versionId,
      partyId: amendment.partyId,
    },
    fields: [
      { name: 'text', text: proposal.kind === 'drop' ? '' : proposal.text },
      { name: 'rationale', text: amendment.rationale },
      { name: 'title', text: 'title' in proposal ? (proposal.title ?? '') : '' },
    ],
  };
}

function roundCandidate(round: Round): Text {
  return {
    found: { ...NO_LINKS, kind: 'round', id: round.id, title: `${round.name}, ${round.place}` },
    fields: [
      { name: 'name', text: `${round.name} ${round.place}` },
      { name: 'readout', text: round.publicReadout ?? '' },
      { name: 'minutes', text: round.minutes ?? '' },
    ],
  };
}

const recordText = (parties: readonly Party[], record: NegotiationRecord): Text => ({
  found: {
    ...NO_LINKS,
    kind: 'record',
    id: record.id,
    title: record.title,
    partyId: parties.some((party) => party.id === record.owningPartyId) ? record.owningPartyId : null,
  },
  fields: [
    { name: 'body', text: record.body },
    { name: 'title', text: record.title },
  ],
});

/** The restricted items in the answer, audited as their own pages audit them. */
async function auditShown(
  deps: AppDeps,
  viewer: Viewer,
  input: {
    negotiation: Negotiation;
    results: readonly SearchResult[];
    positions: readonly Position[];
    rounds: readonly Round[];
    records: readonly NegotiationRecord[];
    amendments: readonly Amendment[];
  },
): Promise<void> {
  const shown = (kind: SearchResult['kind']) =>
    new Set(input.results.filter((result) => result.kind === kind).map((result) => result.id));
  const { negotiation } = input;
  const positions = shown('position');
  const rounds = shown('round');
  const records = shown('record');
  await auditPositionsRead(deps, viewer, {
    negotiation,
    positions: input.positions.filter((position) => positions.has(position.id)),
  });
  await auditMinutesRead(deps, viewer, {
    negotiation,
    rounds: input.rounds.filter((round) => rounds.has(round.id)),
  });
  const amendments = shown('amendment');
  await auditAmendmentsRead(deps, viewer, {
    negotiation,
    amendments: input.amendments.filter((amendment) => amendments.has(amendment.id)),
  });
  await auditRecordsListed(deps, viewer, {
    negotiation,
    records: input.records.filter((record) => records.has(record.id)),
  });
}

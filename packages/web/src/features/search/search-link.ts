import type { SearchResult } from '@parley/core';

/** Where a result lives in the app, relative to the negotiation's pages. */
export function searchResultLink(result: SearchResult): string {
  const point = (pointId: string | null, versionId: string | null) =>
    pointId === null
      ? 'plan'
      : `points/${encodeURIComponent(pointId)}${versionId === null ? '' : `?version=${encodeURIComponent(versionId)}`}`;
  switch (result.kind) {
    case 'point':
      return point(result.pointId, result.versionId);
    case 'position':
    case 'amendment':
    case 'escalation':
      return point(result.pointId, result.kind === 'escalation' ? null : result.versionId);
    case 'statement':
    case 'round':
      return `timeline#${result.kind}-${encodeURIComponent(result.id)}`;
    case 'deadline':
      return `deadlines#deadline-${encodeURIComponent(result.id)}`;
    case 'record':
      return `records#record-${encodeURIComponent(result.id)}`;
  }
}

const FIELD_WORDS: Record<string, string> = {
  title: 'in the title',
  text: 'in the text',
  topic: 'in the topic',
  note: 'in the note',
  rationale: 'in the rationale',
  quote: 'in the quote',
  person: 'in who said it',
  source: 'in the source',
  name: 'in the name or place',
  readout: 'in the public readout',
  minutes: 'in the minutes',
  question: 'in the question to the leaders',
  decision: "in the leaders' decision",
  principals: 'in the principals',
  consequence: 'in the consequence',
  body: 'in the text',
};

/** "in the minutes", "in the note": where in the item the words were found. */
export const whereFound = (field: string) => FIELD_WORDS[field] ?? `in the ${field}`;

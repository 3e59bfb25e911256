import { ratingKeys, type LiveIssue } from '@parley/core';
import { ApiError, errorMessage, fieldLabel, readableFieldMessage } from '../../api/api-error';
import type { SummaryError } from '../../components/error-summary';

/** The id of each field of the preferences form, so that an error can link to it. */
export const profileFieldId = {
  reservation: 'preferences-reservation',
  discount: 'preferences-discount',
  rating: (issue: LiveIssue, key: string) =>
    `preferences-${issue.pointId}-rating-${issue.definition === null ? 0 : ratingKeys(issue.definition).indexOf(key)}`,
  weight: (issue: LiveIssue) => `preferences-${issue.pointId}-weight`,
  rank: (issue: LiveIssue) => `preferences-${issue.pointId}-rank`,
};

/**
 * What stopped a save, one item per problem, each linked to its field where it has one. The
 * profile's checks (core `checkProfile`) come as one detail of sentences, each naming its point;
 * a value the schema refuses comes with its path (`issues.0.ratings.x`, `discount`).
 */
export function profileErrors(failure: unknown, issues: readonly LiveIssue[]): SummaryError[] {
  const problem = failure instanceof ApiError && failure.status === 400 ? failure.problem : undefined;
  const errors = problem?.errors ?? [];
  const [first] = errors;
  if (errors.length === 1 && first?.path === 'issues')
    return sentencesOf(problem?.detail ?? first.message).map((text) => ({
      // The API names the field `reservation`; the form calls it what it is to a delegate.
      text: text.replace(/^The reservation /, 'The value of no agreement '),
      ...optional(fieldOfSentence(text, issues)),
    }));
  if (errors.length > 0) return errors.map((error) => schemaError(error, issues));
  return [{ text: errorMessage(failure) }];
}

const optional = (fieldId: string | undefined) => (fieldId === undefined ? {} : { fieldId });

// Every sentence checkProfile writes starts one of these ways; an option's name may hold ". ".
function sentencesOf(detail: string): string[] {
  return detail.split(/(?<=\.)\s+(?=Point |The reservation |At least one |Rank the )/);
}

function fieldOfSentence(sentence: string, issues: readonly LiveIssue[]): string | undefined {
  if (sentence.startsWith('The reservation ')) return profileFieldId.reservation;
  const firstIssue = issues[0];
  if (sentence.startsWith('At least one ')) return firstIssue && profileFieldId.weight(firstIssue);
  if (sentence.startsWith('Rank the ')) return firstIssue && profileFieldId.rank(firstIssue);
  const issue = issues.find((candidate) => new RegExp(`^Point ${candidate.number}\\b`).test(sentence));
  if (issue === undefined || issue.definition === null) return undefined;
  if (sentence.endsWith(' needs a weight.')) return profileFieldId.weight(issue);
  if (sentence.endsWith(' needs a rank.')) return profileFieldId.rank(issue);
  const keys = ratingKeys(issue.definition);
  const key =
    issue.definition.kind === 'range'
      ? /: rate its (lowest|highest) value/.exec(sentence)?.[1]
      : keys.find((option) => sentence.includes(`"${option}"`));
  if (key === 'lowest') return profileFieldId.rating(issue, 'min');
  if (key === 'highest') return profileFieldId.rating(issue, 'max');
  return profileFieldId.rating(issue, key ?? keys[0] ?? '');
}

function schemaError(error: { path: string; message: string }, issues: readonly LiveIssue[]): SummaryError {
  const message = readableFieldMessage(error.message);
  if (error.path === 'reservation')
    return { text: `Value of no agreement: ${message}`, fieldId: profileFieldId.reservation };
  if (error.path === 'discount')
    return { text: `Value kept by waiting: ${message}`, fieldId: profileFieldId.discount };
  const [top, index, field, ...key] = error.path.split('.');
  const issue = top === 'issues' ? issues[Number(index)] : undefined;
  if (issue === undefined) return { text: `${fieldLabel(error.path)}: ${message}` };
  if (field === 'ratings' && key.length > 0)
    return {
      text: `Point ${issue.number}, ${ratingName(issue, key.join('.'))}: ${message}`,
      fieldId: profileFieldId.rating(issue, key.join('.')),
    };
  if (field === 'weight')
    return { text: `Point ${issue.number}, weight: ${message}`, fieldId: profileFieldId.weight(issue) };
  if (field === 'rank')
    return { text: `Point ${issue.number}, rank: ${message}`, fieldId: profileFieldId.rank(issue) };
  return { text: `Point ${issue.number}: ${message}` };
}

/** A rating as the form labels it: an option by its name, a range's end by its value. */
function ratingName(issue: LiveIssue, key: string): string {
  const definition = issue.definition;
  if (definition?.kind !== 'range') return `rating of “${key}”`;
  return `rating at ${key === 'min' ? definition.min : definition.max} ${definition.unit}`.trim();
}

import { ratingKeys, type FieldProblem, type LiveIssue, type SaveProfileInput } from '@parley/core';
import {
  ApiError,
  errorMessage,
  fieldLabel,
  isSchemaSummary,
  readableFieldMessage,
} from '../../api/api-error';
import type { SummaryError } from '../../components/error-summary';
import { ratingName } from './profile-fields';

/** The id of each field of the preferences form, so that an error can link to it. */
export const profileFieldId = {
  reservation: 'preferences-reservation',
  discount: 'preferences-discount',
  rating: (issue: LiveIssue, key: string) =>
    `preferences-${issue.pointId}-rating-${issue.definition === null ? 0 : ratingKeys(issue.definition).indexOf(key)}`,
  weight: (issue: LiveIssue) => `preferences-${issue.pointId}-weight`,
  rank: (issue: LiveIssue) => `preferences-${issue.pointId}-rank`,
};

/** Where a problem's path leads on the form: the point it is about, if any, and the field. */
type Field = { issue?: LiveIssue; part?: string; key?: string; fieldId?: string };

/**
 * What stopped a save, one item per problem, each linked to its field where it has one. The
 * schema's errors and the profile's checks (core `checkProfile`) both name their field by path
 * (`reservation`, `issues.0.ratings.x`; `issues` for the profile as a whole). A check says what is
 * wrong in a sentence that names its point; a schema error says it of a field the form then names.
 */
export function profileErrors(
  failure: unknown,
  sent: SaveProfileInput,
  issues: readonly LiveIssue[],
): SummaryError[] {
  const problem = failure instanceof ApiError && failure.status === 400 ? failure.problem : undefined;
  const errors = problem?.errors ?? [];
  if (problem === undefined || errors.length === 0) return [{ text: errorMessage(failure) }];
  const isSchema = isSchemaSummary(problem);
  return errors.map((error) => {
    if (isUnshownIssue(error, issues)) return { text: `${error.message} ${PLAN_CHANGED}` };
    const field = fieldOf(error.path, sent, issues);
    const text = isSchema ? schemaText(error, field) : checkText(error);
    return field.fieldId === undefined ? { text } : { text, fieldId: field.fieldId };
  });
}

/**
 * What a delegate can do about an issue the form has no field for: the page's list of issues is
 * older than the plan. A reload shows it, and the ratings typed so far are kept in the tab.
 */
export const PLAN_CHANGED =
  'The mediator made it an issue after this page was loaded: reload the page to rate it (what you typed is kept).';

/** A problem of the profile as a whole about one point the form does not show (it left it out). */
function isUnshownIssue(error: FieldProblem, issues: readonly LiveIssue[]): boolean {
  return (
    error.path === 'issues' &&
    error.pointId !== undefined &&
    !issues.some((issue) => issue.pointId === error.pointId)
  );
}

/**
 * An `issues.<index>` path counts entries of the body sent, as the schema does: the point is
 * found through that body, not by the form's own order, which need not be the same.
 */
function fieldOf(path: string, sent: SaveProfileInput, issues: readonly LiveIssue[]): Field {
  if (path === 'reservation') return { fieldId: profileFieldId.reservation };
  if (path === 'discount') return { fieldId: profileFieldId.discount };
  const [top, index, part, ...key] = path.split('.');
  if (top !== 'issues') return {};
  // The profile as a whole (all weights 0, ranks not 1 to n): its first weight or rank sets it
  // right. (An issue the form does not show never reaches here: it has no field on the form.)
  const first = issues[0];
  if (index === undefined)
    return first === undefined
      ? {}
      : { fieldId: sent.weighting === 'ranks' ? profileFieldId.rank(first) : profileFieldId.weight(first) };
  const pointId = sent.issues[Number(index)]?.pointId;
  const issue = issues.find((candidate) => candidate.pointId === pointId);
  if (issue === undefined) return {};
  // An option's name may hold dots; the path's rest is all of it.
  const rated = key.join('.');
  if (part === 'ratings' && issue.definition !== null && ratingKeys(issue.definition).includes(rated))
    return { issue, part, key: rated, fieldId: profileFieldId.rating(issue, rated) };
  if (part === 'weight') return { issue, part, fieldId: profileFieldId.weight(issue) };
  if (part === 'rank') return { issue, part, fieldId: profileFieldId.rank(issue) };
  return { issue, part, key: rated };
}

/** A check's sentence names its point and option already; only the API's word for a field differs. */
function checkText(error: FieldProblem): string {
  // Core's sentence calls the field by its name in the API; the form calls it what it is to a delegate.
  if (error.path === 'reservation')
    return error.message.replace(/^The reservation\b/, 'The value of no agreement');
  return error.message;
}

function schemaText(error: FieldProblem, field: Field): string {
  const message = readableFieldMessage(error.message);
  if (error.path === 'reservation') return `Value of no agreement: ${message}`;
  if (error.path === 'discount') return `Value kept by waiting: ${message}`;
  const { issue, part, key } = field;
  if (issue === undefined) return `${fieldLabel(error.path)}: ${message}`;
  if (part === 'ratings' && key !== undefined && key !== '')
    return `Point ${issue.number}, ${ratingName(issue, key)}: ${message}`;
  if (part === 'weight' || part === 'rank') return `Point ${issue.number}, ${part}: ${message}`;
  return `Point ${issue.number}: ${message}`;
}

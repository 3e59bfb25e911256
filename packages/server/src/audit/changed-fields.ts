/**
 * What an edit changed, flat as audit details are: `changed` names the fields, and each one's
 * value before (`<field>Before`) and after. Fields asked for with the value they had are left out.
 */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly string[],
): Record<string, unknown> {
  const detail: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const field of fields) {
    const from = (before as Record<string, unknown>)[field];
    const to = (after as Record<string, unknown>)[field];
    if (from === to) continue;
    changed.push(field);
    detail[`${field}Before`] = from;
    detail[field] = to;
  }
  return { changed, ...detail };
}

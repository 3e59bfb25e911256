/** Small GENIUS documents for the loader tests: a domain and profile built from a few lines. */
export function domainXml(issues: string): string {
  return `<?xml version="1.0"?>\n<negotiation_template><utility_space number_of_issues="2"><objective index="0" name="root" type="objective">${issues}</objective></utility_space></negotiation_template>`;
}

export function profileXml(body: string, reservation = ''): string {
  return `<utility_space>${reservation}<objective index="0" name="root" type="objective">${body}</objective></utility_space>`;
}

export const COLOUR_DOMAIN = domainXml(
  '<issue index="1" name="colour" type="discrete"><item index="1" value="red"/><item index="2" value="blue"/></issue>' +
    '<issue index="2" name="size" type="discrete"><item index="1" value="S"/><item index="2" value="L"/></issue>',
);

/** Evaluations as [red, blue, small, large]; weights of colour and size. */
export function colourProfile(
  [red, blue, small, large]: readonly number[],
  weights: readonly number[] = [1, 1],
): string {
  return profileXml(
    `<issue index="1" name="colour" type="discrete"><item value="red" evaluation="${red}"/><item value="blue" evaluation="${blue}"/></issue>` +
      `<issue index="2" name="size" type="discrete"><item value="S" evaluation="${small}"/><item value="L" evaluation="${large}"/></issue>` +
      `<weight index="1" value="${weights[0] ?? 1}"/><weight index="2" value="${weights[1] ?? 1}"/>`,
  );
}

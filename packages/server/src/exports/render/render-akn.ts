import type { RenderedBlock, RenderedText } from '../document/export-document';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A point's eId: its stable identity, so the same point has the same eId in every version. */
export const pointEId = (pointId: string) => `point_${pointId}`;

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) XML of a plan version: a `<doc name="plan">` whose FRBR work
 * is the negotiation, expression the version and manifestation this file, and one `<paragraph>`
 * per point with an `eId` taken from the point's identity, not its number, so a point keeps its
 * eId through renumbering; the points of a topic sit in an `<hcontainer name="topic">`. The text is the recipient's (fingerprinted) text.
 */
export function renderAkn(text: RenderedText, createdAt: Date): string {
  const identity = text.identity;
  if (identity === undefined) throw new Error('Akoma Ntoso needs a plan version');
  const work = `/akn/un/doc/plan/${identity.versionDate}/negotiation-${identity.negotiationId}`;
  const expression = `${work}/eng@${identity.versionDate}`;
  const exported = createdAt.toISOString().slice(0, 10);
  const frbr = (level: string, at: { uri: string; date: string; dateName: string; extra: string }) =>
    [
      `      <${level}>`,
      `        <FRBRthis value="${at.uri}/!main"/>`,
      `        <FRBRuri value="${at.uri}"/>`,
      `        <FRBRdate date="${at.date}" name="${at.dateName}"/>`,
      `        <FRBRauthor href="#${identity.author}"/>`,
      at.extra,
      `      </${level}>`,
    ].join('\n');
  // The version's sections, each a topic (the redline, which has a revision, is not part of the text).
  const topics = text.sections.filter((section) => section.revision === undefined);
  const paragraph = (point: RenderedBlock, indent: string) =>
    [
      `<paragraph eId="${escapeXml(pointEId(point.id))}">`,
      `  <num>${escapeXml(point.number)}</num>`,
      `  <heading>${escapeXml(point.title)}</heading>`,
      `  <content><p>${escapeXml(point.text)}</p></content>`,
      `</paragraph>`,
    ]
      .map((line) => `${indent}${line}`)
      .join('\n');
  // A topic is an hcontainer around its points: the points keep their eIds and numbers.
  const paragraphs = topics.map((topic, index) =>
    topic.heading === null
      ? (topic.blocks ?? []).map((point) => paragraph(point, '      ')).join('\n')
      : [
          `      <hcontainer name="topic" eId="topic_${index + 1}">`,
          `        <heading>${escapeXml(topic.heading)}</heading>`,
          ...(topic.blocks ?? []).map((point) => paragraph(point, '        ')),
          '      </hcontainer>',
        ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
    '  <doc name="plan">',
    '    <meta>',
    '      <identification source="#parley">',
    frbr('FRBRWork', {
      uri: work,
      date: identity.versionDate,
      dateName: 'creation',
      extra: '        <FRBRcountry value="un"/>',
    }),
    frbr('FRBRExpression', {
      uri: expression,
      date: identity.versionDate,
      dateName: 'version',
      extra: '        <FRBRlanguage language="eng"/>',
    }),
    frbr('FRBRManifestation', {
      uri: `${expression}/${identity.versionId}.akn`,
      date: exported,
      dateName: 'export',
      extra: '',
    }),
    '      </identification>',
    '      <references source="#parley">',
    '        <TLCOrganization eId="parley" href="/ontology/organization/parley" showAs="Parley"/>',
    `        <TLCRole eId="${identity.author}" href="/ontology/role/${identity.author}" showAs="Mediator"/>`,
    '      </references>',
    '    </meta>',
    '    <preface>',
    `      <p><docTitle>${escapeXml(identity.versionLabel)}</docTitle></p>`,
    ...text.subtitle.map((line) => `      <p>${escapeXml(line)}</p>`),
    '    </preface>',
    '    <mainBody>',
    ...paragraphs,
    '    </mainBody>',
    '  </doc>',
    '</akomaNtoso>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

import { readFileSync } from 'node:fs';
import { PlanVersionIdSchema, PointIdSchema, type PlanVersion } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { DEMO_DRAFT_POINTS, DEMO_TOPICS } from '../../demo/plan-data';
import { versionSections } from '../material/material';
import { renderText, type ExportDocument } from '../document/export-document';
import { pointEId, renderAkn } from './render-akn';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/akoma-ntoso/${name}`, import.meta.url), 'utf8');
const schema = { fileName: 'akomantoso30.xsd', contents: fixture('akomantoso30.xsd') };
const preload = { fileName: 'xml.xsd', contents: fixture('xml.xsd') };

function versionDocument(points: typeof DEMO_DRAFT_POINTS, label: string): ExportDocument {
  return {
    title: label,
    subtitle: ['Prepared for a delegation on 2025-12-01. Restricted.'],
    isFingerprinted: true,
    identity: {
      negotiationId: '0b0e5b8e-3a52-4a58-9f1c-6a1f6c1e2b11',
      versionId: PlanVersionIdSchema.parse('5a7d1f5e-2b1c-4e1e-8a55-0c2f7d9e6b21'),
      versionLabel: label,
      versionDate: '2025-11-23',
      author: 'mediator',
    },
    sections: [
      {
        heading: null,
        blocks: points.map((point, index) => ({
          id: point.key,
          number: String(index + 1),
          title: point.title,
          text: point.text,
        })),
      },
    ],
  };
}

describe('Akoma Ntoso export', () => {
  it('validates against the OASIS Akoma Ntoso 3.0 schema', async () => {
    const xml = renderAkn(
      renderText(versionDocument(DEMO_DRAFT_POINTS, 'Geneva text & notes'), 'key-0123456789abcdef'),
      new Date('2025-12-01T00:00:00Z'),
    );
    const result = await validateXML({ xml: { fileName: 'plan.xml', contents: xml }, schema, preload });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The schema really is applied: an element where the schema allows none fails.
    const broken = xml.replace('<mainBody>', '<mainBody><num>stray</num>');
    expect(
      (await validateXML({ xml: { fileName: 'plan.xml', contents: broken }, schema, preload })).valid,
    ).toBe(false);
  });

  it('names work, expression and manifestation, and keeps a point’s eId through renumbering', () => {
    const key = 'key-0123456789abcdef';
    const draft = renderAkn(renderText(versionDocument(DEMO_DRAFT_POINTS, 'Draft'), key), new Date(0));
    const renumbered = renderAkn(
      renderText(versionDocument(DEMO_DRAFT_POINTS.slice(1), 'Shorter'), key),
      new Date(0),
    );
    expect(draft).toMatch(/<FRBRWork>[\s\S]*negotiation-0b0e5b8e[\s\S]*<\/FRBRWork>/);
    expect(draft).toMatch(/<FRBRExpression>[\s\S]*eng@2025-11-23[\s\S]*<\/FRBRExpression>/);
    expect(draft).toMatch(/<FRBRManifestation>[\s\S]*5a7d1f5e-2b1c-4e1e-8a55-0c2f7d9e6b21\.akn/);
    const second = DEMO_DRAFT_POINTS[1]?.key ?? '';
    expect(draft).toContain(`<paragraph eId="${pointEId(second)}">\n        <num>2</num>`);
    expect(renumbered).toContain(`<paragraph eId="${pointEId(second)}">\n        <num>1</num>`);
  });

  it("puts each topic's points in a titled hcontainer, in the order the document page shows them", async () => {
    const version: PlanVersion = {
      id: PlanVersionIdSchema.parse('5a7d1f5e-2b1c-4e1e-8a55-0c2f7d9e6b21'),
      negotiationId: '0b0e5b8e-3a52-4a58-9f1c-6a1f6c1e2b11' as PlanVersion['negotiationId'],
      parentId: null,
      label: 'Draft',
      points: DEMO_DRAFT_POINTS.map((point, index) => ({
        pointId: PointIdSchema.parse(point.key),
        number: index + 1,
        title: point.title,
        text: point.text,
        topic: DEMO_TOPICS[point.topic],
      })),
    };
    const document = { ...versionDocument(DEMO_DRAFT_POINTS, 'Draft'), sections: versionSections(version) };
    const xml = renderAkn(renderText(document, 'key-0123456789abcdef'), new Date(0));
    const result = await validateXML({ xml: { fileName: 'plan.xml', contents: xml }, schema, preload });
    expect(result.errors).toEqual([]);
    const topics = [
      ...xml.matchAll(/<hcontainer name="topic" eId="topic_\d+">\s*<heading>([^<]*)<\/heading>/g),
    ];
    expect(topics.map((match) => match[1])).toEqual([...new Set(version.points.map((point) => point.topic))]);
    // Point 3 is the first of the second topic: it follows the first topic's points 1, 2, 4, 5 ….
    const numbers = [...xml.matchAll(/<num>(\d+)<\/num>/g)].map((match) => Number(match[1]));
    expect(numbers.slice(0, 3)).toEqual([1, 2, 4]);
    expect(numbers.toSorted((a, b) => a - b)).toEqual(version.points.map((point) => point.number));
  });
});

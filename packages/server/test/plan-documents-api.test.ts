import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { extractTextFromBytes } from '../src/exports/extract/extract-text';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const P = `/api/negotiations/${DEMO_NEGOTIATION.id}/plan`;
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

async function docxOf(lines: string[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(document);
}

describe.each(API_DATABASE_KINDS)('plan documents API on %s', (kind) => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, u] = await Promise.all([signInAs(testApp, 'mediator'), signInAs(testApp, 'ownDelegation')]);
    if (m === null || u === null) throw new Error('expected sessions');
    [mediator, ukraine] = [m, u];
  });
  afterAll(async () => handle.close());

  it('reads a DOCX plan into numbered text the parser accepts, and stores nothing', async () => {
    const before = await (await call(testApp, `GET ${P}`, { as: mediator })).json();
    const file = await docxOf([
      'Energy',
      '1. Ceasefire. All hostilities stop.',
      '2. Monitoring. A mission monitors.',
    ]);
    const response = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'draft.docx', contentBase64: base64(file) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { text: string; points: number; problems: unknown[] };
    expect(body.text).toContain('1. Ceasefire. All hostilities stop.');
    expect(body.points).toBe(2);
    expect(body.problems).toEqual([]);
    expect(await (await call(testApp, `GET ${P}`, { as: mediator })).json()).toEqual(before);
  });

  it('reads a DOCX plan in Arabic, numbered in Arabic-Indic digits', async () => {
    const file = await docxOf([
      '١. وقف إطلاق النار خلال ٧٢ ساعة.',
      '٢- تبادل الأسرى.',
      'المادة ٣: رفع العقوبات.',
    ]);
    const response = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'مسودة.docx', contentBase64: base64(file) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { text: string; points: number; problems: unknown[] };
    expect(body).toMatchObject({ points: 3, problems: [] });
    expect(body.text).toContain('وقف إطلاق النار خلال ٧٢ ساعة.');
  });

  it('names the line of each numbering problem in a Markdown upload', async () => {
    const text = '1. First point.\n2. Second point.\n4. Fourth point.\n';
    const response = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'draft.md', contentBase64: base64(text) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      text,
      points: 0,
      problems: [{ line: 3, message: 'line 3: point 4 follows point 2; point 3 is missing' }],
    });
  });

  it('refuses a plain-text plan that is not UTF-8 rather than turn its accents into U+FFFD', async () => {
    const latin1 = Buffer.from('1. Café stop.\n2. Naïve hope.\n', 'latin1');
    const response = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'draft.txt', contentBase64: latin1.toString('base64') },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'draft.txt is not UTF-8 text: save it as UTF-8, or as a DOCX file',
    );
    // A leaked copy is read as it comes: Windows-1252, accents and all, for its words to be traced.
    expect(await extractTextFromBytes(latin1, 'leak.txt')).toBe('1. Café stop.\n2. Naïve hope.\n');
  });

  it('answers 400 with the reason for a file that is not a DOCX, or of another type', async () => {
    const broken = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'draft.docx', contentBase64: base64('not a zip archive') },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { detail: string }).detail).toBe(
      'draft.docx is not a readable DOCX file',
    );
    const image = await call(testApp, `POST ${P}/document-text`, {
      as: mediator,
      body: { name: 'draft.png', contentBase64: base64('PNG') },
    });
    expect(image.status).toBe(400);
    expect(((await image.json()) as { detail: string }).detail).toMatch(/\.md, \.txt or \.docx/);
  });

  it('refuses a party, which may not change the plan (403)', async () => {
    const response = await call(testApp, `POST ${P}/document-text`, {
      as: ukraine,
      body: { name: 'draft.md', contentBase64: base64('1. A point.') },
    });
    expect(response.status).toBe(403);
  });
});

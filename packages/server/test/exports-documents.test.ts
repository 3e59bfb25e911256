import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_PARTIES, DEMO_RECORDS } from '../src/demo';
import { DEMO_DRAFT_POINTS } from '../src/demo/plan-data';
import { demoPlanId } from '../src/demo/plan-demo';
import { verifyAgainstCheckpoint } from '../src/audit/verify-checkpoint';
import { extractTextFromBytes } from '../src/exports';
import { REDLINE_COLOURS, REDLINE_LEGEND } from '../src/exports/render/render-pdf';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { readPdf, readZip } from './helpers/read-files';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Created = {
  id: string;
  format: string;
  isFingerprinted: boolean;
  downloadUrl: string;
  markdown?: string;
  recipient: { userId: string; displayName: string };
};

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const DRAFT = demoPlanId('draft-28');
const BRACKETS = /\[-|-\]|\{\+|\+\}/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Issue 14: the documents a delegation receives, opened as files (unzipped DOCX, pdfjs text).
describe('documents a delegation can send on', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let ukraine: SignedIn;
  let russia: SignedIn;

  const created = async (as: SignedIn, body: Record<string, unknown>): Promise<Created> => {
    const response = await call(testApp, `POST ${N}/exports`, { as, body });
    expect(response.status, JSON.stringify(body)).toBe(201);
    return (await response.json()) as Created;
  };
  const download = async (copy: Created) =>
    Buffer.from(await (await call(testApp, `GET ${copy.downloadUrl}`, { as: mediator })).arrayBuffer());

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const [m, u, r] = await Promise.all(
      (['mediator', 'ownDelegation', 'otherParty'] as const).map((kind) => signInAs(testApp, kind)),
    );
    if (!m || !u || !r) throw new Error('expected sessions');
    [mediator, ukraine, russia] = [m, u, r];
  });
  afterAll(async () => handle.close());

  it('makes a DOCX redline of Word tracked changes with author and date, and no bracket markup', async () => {
    const copy = await created(ukraine, { versionId: GENEVA, compareToVersionId: DRAFT, format: 'docx' });
    const files = readZip(await download(copy));
    const body = files.get('word/document.xml') ?? '';
    const changes = [...body.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]+)" w:date="([^"]+)"/g)];
    expect(changes.filter((change) => change[1] === 'ins').length).toBeGreaterThan(3);
    expect(changes.filter((change) => change[1] === 'del').length).toBeGreaterThan(3);
    for (const [, , , author, date] of changes) {
      expect(author).toBe(DEMO_PARTIES.unitedStates.name);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    // Word needs every change id to be unique.
    expect(new Set(changes.map((change) => change[2])).size).toBe(changes.length);
    expect(body).toContain('<w:delText');
    // A point dropped as a whole takes its paragraph mark with it: no empty paragraph once accepted.
    expect(body).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del w:id=/);
    expect(body).toContain('→');
    for (const xml of files.values()) expect(xml).not.toMatch(BRACKETS);
    expect(body).not.toMatch(/[\u200b-\u200d\u2060\ufeff\ue000-\ue003]/);
    // The same header and page-number footer as the PDF.
    const header = [...files].find(([name]) => /word\/header\d*\.xml/.test(name))?.[1] ?? '';
    expect(header).toContain(`Restricted — prepared for ${copy.recipient.displayName}`);
    const footer = [...files].find(([name]) => /word\/footer\d*\.xml/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('makes a PDF redline with coloured underline and strike-through, a legend and every glyph', async () => {
    const copy = await created(ukraine, { versionId: GENEVA, compareToVersionId: DRAFT, format: 'pdf' });
    const pages = await readPdf(await download(copy));
    const text = pages.map((page) => page.text).join('\n');
    expect(text.replace(/\s+/g, ' ')).toContain(REDLINE_LEGEND);
    expect(text).toMatch(/\d+(?:\+\d+)*→\d+/);
    expect(text).not.toContain('!’');
    expect(text).not.toMatch(BRACKETS);
    const colours = pages.flatMap((page) => page.strokeColours);
    expect(colours).toContain(REDLINE_COLOURS.insert);
    expect(colours).toContain(REDLINE_COLOURS.delete);
    // Markdown shows the same changes as <del>/<ins>, not brackets.
    const markdown = await created(ukraine, { versionId: GENEVA, compareToVersionId: DRAFT });
    expect(markdown.markdown).toMatch(/<del>[^<]+<\/del>/);
    expect(markdown.markdown).toMatch(/<ins>[^<]+<\/ins>/);
    expect(markdown.markdown).not.toMatch(BRACKETS);
  });

  it('marks every PDF page with the header and "Page n of m"; the header text and a watermark are asked for', async () => {
    const plain = await created(mediator, {
      versionId: DRAFT,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
      format: 'pdf',
    });
    const pages = await readPdf(await download(plain));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.text).toContain(`Restricted — prepared for ${plain.recipient.displayName}`);
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const marked = await created(mediator, {
      versionId: DRAFT,
      recipientUserId: DEMO_ACCOUNTS.ukraine.id,
      format: 'pdf',
      headerText: 'Eyes only — Kyiv office',
      watermark: true,
    });
    const markedPages = await readPdf(await download(marked));
    expect(markedPages.length).toBe(pages.length);
    markedPages.forEach((page, index) => {
      expect(page.text).toContain('Eyes only — Kyiv office');
      expect(page.text).not.toContain('Restricted — prepared for');
      // Past the first page (whose subtitle names the recipient) only the watermark can.
      if (index > 0) {
        expect(page.text).toContain(marked.recipient.displayName);
        expect(pages[index]?.text.replace(/Restricted — prepared for .*/, '')).not.toContain(
          marked.recipient.displayName,
        );
      }
    });
    const bad = await call(testApp, `POST ${N}/exports`, {
      as: mediator,
      body: { versionId: DRAFT, format: 'pdf', headerText: '', watermark: 'yes' },
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a watermark on a DOCX or Markdown copy with a 400 naming the field', async () => {
    // Only a PDF prints it; the others accepted it and printed nothing.
    for (const format of ['docx', 'markdown']) {
      const response = await call(testApp, `POST ${N}/exports`, {
        as: mediator,
        body: { versionId: DRAFT, format, watermark: true },
      });
      expect(response.status, format).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 400,
        detail: expect.stringMatching(/^watermark: Only a PDF prints the watermark/),
        errors: [{ path: 'watermark', message: expect.stringContaining(`"${format}"`) }],
      });
    }
  });

  it('refuses a page header on a Markdown or Akoma Ntoso copy, which has no pages', async () => {
    for (const format of ['markdown', 'akn']) {
      const response = await call(testApp, `POST ${N}/exports`, {
        as: mediator,
        body: { versionId: DRAFT, format, headerText: 'Eyes only' },
      });
      expect(response.status, format).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ path: 'headerText', message: expect.stringContaining(`"${format}"`) }],
      });
    }
  });

  it('keeps one point-label style and one heading case in a PDF copy', async () => {
    for (const recipient of [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia]) {
      const copy = await created(mediator, {
        versionId: DRAFT,
        recipientUserId: recipient.id,
        format: 'pdf',
      });
      const text = (await readPdf(await download(copy)))
        .map((page) => page.text)
        .join('\n')
        .replace(/\s+/g, ' ');
      const labels = new Set<string>();
      let cases = new Set(['as-written', 'title-case', 'upper-case']);
      DEMO_DRAFT_POINTS.forEach((point, index) => {
        const number = String(index + 1);
        const title = point.title.split(/\s+/).map(escape).join('\\s+');
        // Anywhere in the copy: points stand under their topics, not in number order.
        const found = new RegExp(
          `(No\\. ${number}|\\(${number}\\)|\\[${number}\\]|\\b${number}[.):]) (${title})`,
          'i',
        ).exec(text);
        expect(found, point.title).not.toBeNull();
        if (found === null) return;
        labels.add((found[1] ?? '').replace(number, '#'));
        const shown = found[2] ?? '';
        const fits = new Set<string>();
        if (shown === point.title) fits.add('as-written');
        if (shown === point.title.toUpperCase()) fits.add('upper-case');
        if (shown.split(' ').every((word) => word.length <= 3 || /^[A-Z]/.test(word))) fits.add('title-case');
        cases = new Set([...cases].filter((style) => fits.has(style)));
      });
      expect([...labels], `labels of ${recipient.email}`).toHaveLength(1);
      expect(cases.size, `heading cases of ${recipient.email}`).toBeGreaterThan(0);
    }
  });

  it('exports a transcript for two recipients and traces a 3-paragraph excerpt to its recipient', async () => {
    const body = [
      'The delegations met at the Geneva centre and agreed to finalise the agenda for the next session on the stabilisation of the front.',
      'The mediator will summarise the programme of work, and the parties will prioritise the exchange of prisoners and the return of children.',
      'Ukraine asked that the defence of its neighbours be discussed, and Russia asked for the normalisation of trade and energy links.',
      'The parties recognised that the organisation of elections must be authorised by the legislature after the ceasefire takes effect.',
      'The mediator will circulate a revised text towards the end of the week, whilst the working groups continue to meet in Geneva.',
    ].join('\n\n');
    const record = await call(testApp, `POST ${N}/records`, {
      as: mediator,
      body: {
        owningPartyId: DEMO_PARTIES.unitedStates.id,
        kind: 'transcript',
        classification: 'parties',
        title: 'Transcript: call between the delegations',
        body,
      },
    });
    expect(record.status).toBe(201);
    const recordId = ((await record.json()) as { id: string }).id;
    const copies = await Promise.all(
      [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia].map((recipient) =>
        created(mediator, { kind: 'record', recordId, recipientUserId: recipient.id }),
      ),
    );
    for (const copy of copies) expect(copy.isFingerprinted).toBe(true);
    const [toUkraine] = copies;
    const paragraphs = (toUkraine?.markdown ?? '')
      .split('\n\n')
      // Every label style the fingerprint may choose, "No. 2" included.
      .filter((paragraph) => /^(?:No\. )?[([]?\d/.test(paragraph));
    expect(paragraphs.length).toBe(5);
    const excerpt = paragraphs.slice(1, 4).join('\n\n');
    const traced = await call(testApp, `POST ${N}/trace-leak`, { as: mediator, body: { text: excerpt } });
    expect(((await traced.json()) as { verdict: unknown }).verdict).toMatchObject({
      kind: 'identified',
      exportId: toUkraine?.id,
      recipient: { userId: DEMO_ACCOUNTS.ukraine.id },
    });
    // PDF and DOCX copies of a record are made the same way.
    for (const format of ['pdf', 'docx'] as const)
      await created(ukraine, { kind: 'record', recordId, format });
  });

  it('ends every copy with a signed audit checkpoint that the copy itself, or its text, proves', async () => {
    const transcript = DEMO_RECORDS.find((record) => record.kind === 'transcript');
    if (transcript === undefined) throw new Error('expected a demo transcript');
    for (const format of ['markdown', 'pdf', 'docx'] as const) {
      const copy = await created(mediator, { kind: 'record', recordId: transcript.id, format });
      const bytes = Buffer.from(
        await (await call(testApp, `GET ${copy.downloadUrl}`, { as: mediator })).arrayBuffer(),
      );
      // The Markdown file as it is; a PDF or DOCX as its text is copied out.
      const text =
        format === 'markdown' ? bytes.toString('utf8') : await extractTextFromBytes(bytes, `copy.${format}`);
      const report = await verifyAgainstCheckpoint(handle.db, { text, keys: testApp.deps.auditKeys.known });
      expect(report, `${format}: ${text.slice(-400)}`).toMatchObject({ ok: true });
    }
  });

  it('lets no one export a record they may not read, nor the mediator for a recipient who may not read it', async () => {
    const russiasNote = DEMO_RECORDS.find(
      (record) => record.party === 'russia' && record.classification === 'delegation',
    );
    const ukrainesMemo = DEMO_RECORDS.find(
      (record) => record.party === 'ukraine' && record.classification === 'mediator',
    );
    if (russiasNote === undefined || ukrainesMemo === undefined) throw new Error('expected demo records');
    const attempt = (as: SignedIn, body: Record<string, unknown>) =>
      call(testApp, `POST ${N}/exports`, { as, body: { kind: 'record', ...body } });
    const missing = await attempt(ukraine, { recordId: '00000000-0000-4000-8000-00000000ffff' });
    expect(missing.status).toBe(404);
    const hidden = await attempt(ukraine, { recordId: russiasNote.id });
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(
      await (await attempt(ukraine, { recordId: '00000000-0000-4000-8000-00000000ffff' })).text(),
    );
    // The mediator reads Ukraine's memo, but Russia may not: no copy for Russia, and the mediator
    // (who can see the memo) is told why rather than that it does not exist.
    const forRussia = await attempt(mediator, {
      recordId: ukrainesMemo.id,
      recipientUserId: DEMO_ACCOUNTS.russia.id,
    });
    expect(forRussia.status).toBe(400);
    expect(((await forRussia.json()) as { detail: string }).detail).toBe(
      `${DEMO_ACCOUNTS.russia.displayName} may not read this record (shared with the mediator only): choose another recipient.`,
    );
    // Nor can the mediator obtain Russia's internal note through a copy made for Russia.
    expect(
      (await attempt(mediator, { recordId: russiasNote.id, recipientUserId: DEMO_ACCOUNTS.russia.id }))
        .status,
    ).toBe(404);
    expect((await attempt(russia, { recordId: russiasNote.id })).status).toBe(201);
    expect((await attempt(russia, {})).status).toBe(400);
  });

  it("keeps a delegation's own copy of its internal note from the mediator: not listed, fetched or traced", async () => {
    const russiasNote = DEMO_RECORDS.find(
      (record) => record.party === 'russia' && record.classification === 'delegation',
    );
    if (russiasNote === undefined) throw new Error('expected demo records');
    const copy = await created(russia, { kind: 'record', recordId: russiasNote.id });
    const listed = async (as: SignedIn) =>
      (
        (await (await call(testApp, `GET ${N}/exports`, { as })).json()) as { items: { id: string }[] }
      ).items.map((item) => item.id);
    expect(await listed(russia)).toContain(copy.id);
    expect(await listed(mediator)).not.toContain(copy.id);
    const fetched = await call(testApp, `GET ${copy.downloadUrl}`, { as: mediator });
    expect(fetched.status).toBe(404);
    const unknown = copy.downloadUrl.replace(copy.id, '00000000-0000-4000-8000-00000000ffff');
    const problem = async (response: Response) => ({ ...((await response.json()) as object), instance: '' });
    expect(await problem(fetched)).toEqual(
      await problem(await call(testApp, `GET ${unknown}`, { as: mediator })),
    );
    const own = await call(testApp, `GET ${copy.downloadUrl}`, { as: russia });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(russiasNote.body.split('\n')[0]?.slice(0, 40));
    // The copy's own text, pasted as a leak: the trace neither names the copy nor identifies Russia.
    const paragraphs = (copy.markdown ?? '').split('\n\n').filter((paragraph) => paragraph.length > 20);
    const traced = await call(testApp, `POST ${N}/trace-leak`, {
      as: mediator,
      body: { text: paragraphs.join('\n\n') },
    });
    expect(traced.status).toBe(200);
    const result = (await traced.json()) as {
      verdict: { exportId?: string };
      ranking: { exportId: string }[];
    };
    expect(result.verdict.exportId).not.toBe(copy.id);
    expect(result.ranking.map((entry) => entry.exportId)).not.toContain(copy.id);
  });
});

// A redline's merged and split rows read like its amended rows (a walk-through): the heading names
// the change and the titles, the old ones struck and the new ones inserted, and the text's redline
// follows on its own. They read "MERGED — Nonaggression <del>agreement / Nonaggression in Russian
// law / …</del><ins>commitments</ins>. Russia, Ukraine, …": the titles word-diffed as one run of
// prose and glued to the text with a full stop, in every format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { readPdf, readZip } from './helpers/read-files';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const DRAFT = demoPlanId('draft-28');
const GENEVA = demoPlanId('geneva-19');
const FLORIDA = demoPlanId('florida-20');

const MERGED_OLD = [
  'Non-aggression agreement',
  'Non-aggression in Russian law',
  'No change of borders by force',
];
const MERGED_NEW = 'Non-aggression commitments';
const SPLIT_OLD = 'Reconstruction and frozen assets';
const SPLIT_NEW = ['Reconstruction package', 'Use of frozen assets'];
/** Every separator a copy's heading style may end a heading with. */
const SEPARATOR = '(?:: | — |\\. )';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

describe('merged and split rows of an exported redline', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let ukraine: SignedIn;

  const exported = async (body: Record<string, unknown>) => {
    const response = await call(testApp, `POST ${N}/exports`, { as: ukraine, body });
    expect(response.status, JSON.stringify(body)).toBe(201);
    const copy = (await response.json()) as { markdown?: string; downloadUrl: string };
    const file = await call(testApp, `GET ${copy.downloadUrl}`, { as: ukraine });
    return {
      markdown: (copy.markdown ?? '').replace(INVISIBLE, ''),
      bytes: Buffer.from(await file.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signedIn = await signInAs(testApp, 'ownDelegation');
    if (!signedIn) throw new Error('expected a session');
    ukraine = signedIn;
  });
  afterAll(async () => handle.close());

  it('names a redline copy after the version it is against, in the answer, the download and the register', async () => {
    const create = async (body: Record<string, unknown>) => {
      const response = await call(testApp, `POST ${N}/exports`, { as: ukraine, body });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; fileName: string; downloadUrl: string };
    };
    const plain = await create({ versionId: GENEVA, format: 'pdf' });
    const redline = await create({ versionId: GENEVA, compareToVersionId: DRAFT, format: 'pdf' });
    // The draft is the plan's first version.
    expect(redline.fileName).toMatch(/^parley-plan-version-redline-against-version-1-[0-9a-f]{8}\.pdf$/);
    expect(plain.fileName).toMatch(/^parley-plan-version-[0-9a-f]{8}\.pdf$/);
    const download = await call(testApp, `GET ${redline.downloadUrl}`, { as: ukraine });
    expect(download.headers.get('content-disposition')).toContain(`filename="${redline.fileName}"`);
    const register = (await (await call(testApp, `GET ${N}/exports`, { as: ukraine })).json()) as {
      items: { id: string; fileName: string }[];
    };
    expect(register.items.find((item) => item.id === redline.id)?.fileName).toBe(redline.fileName);
  });

  it('heads a merged row with its old titles struck whole and its new title inserted, then the text', async () => {
    const { markdown } = await exported({ versionId: GENEVA, compareToVersionId: DRAFT });
    // (The heading's number style, case and separator are the copy's own house style.)
    expect(markdown).toMatch(
      new RegExp(
        `2\\+16\\+22→2\\S* merged, <del>${escape(MERGED_OLD.join(' / '))} / </del>` +
          `<ins>${escape(MERGED_NEW)}</ins>${SEPARATOR}Russia, Ukraine`,
        'i',
      ),
    );
    // A title kept by a merge stands as it is, the one that went is struck.
    expect(markdown).toMatch(
      new RegExp(
        `3\\+4→3\\S* merged, <del>No further enlargement / </del>Security dialogue${SEPARATOR}`,
        'i',
      ),
    );
  });

  it('heads a split row with its old title struck and both new titles inserted, then the text', async () => {
    const { markdown } = await exported({ versionId: FLORIDA, compareToVersionId: GENEVA });
    expect(markdown).toMatch(
      new RegExp(
        `9→9\\+10\\S* split, <del>${escape(SPLIT_OLD)} / </del><ins>${escape(SPLIT_NEW.join(' / '))}</ins>` +
          `${SEPARATOR}A broad international package`,
        'i',
      ),
    );
  });

  // A split row's new points ran together as one paragraph of redline ("… and cities. Frozen
  // Russian assets …"), and Word read any line break inside a run as a space.
  it('keeps each new point of a split row in a paragraph of its own (Markdown, Word, PDF)', async () => {
    const body = { versionId: FLORIDA, compareToVersionId: GENEVA };
    const ENDS_FIRST = /cities\.(?:<\/ins>)?/;
    const { markdown } = await exported(body);
    const row = markdown.slice(markdown.indexOf('9→9+10'));
    expect(row).toMatch(new RegExp(`${ENDS_FIRST.source}\n\n(?:<ins>)?Frozen`));
    const docx = readZip((await exported({ ...body, format: 'docx' })).bytes).get('word/document.xml') ?? '';
    const paragraphs = docx
      .split('</w:p>')
      .map((xml) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    const first = paragraphs.findIndex((text) => /9→9\+10/.test(text));
    expect(paragraphs[first]).toMatch(/cities\.$/);
    expect(paragraphs[first + 1]).toMatch(/^Frozen Russian assets/);
    const pdf = (await readPdf((await exported({ ...body, format: 'pdf' })).bytes))
      .map((page) => page.text)
      .join('\n');
    expect(pdf).toMatch(/cities\. ?\nFrozen Russian assets/);
  });

  it('tracks the titles of a merged row in Word apart from its text', async () => {
    const { bytes } = await exported({ versionId: GENEVA, compareToVersionId: DRAFT, format: 'docx' });
    const body = readZip(bytes).get('word/document.xml') ?? '';
    const paragraph = body.split('</w:p>').find((xml) => xml.includes('2+16+22→2')) ?? '';
    const deleted = [...paragraph.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((match) => match[1]);
    const inserted = [...paragraph.matchAll(/<w:ins [^>]*>(?:(?!<\/w:ins>).)*<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (match) => match[1],
    );
    expect(deleted[0]?.toLowerCase()).toBe(`${MERGED_OLD.join(' / ')} / `.toLowerCase());
    expect(inserted[0]?.toLowerCase()).toBe(MERGED_NEW.toLowerCase());
  });

  it('prints the titles of a merged row in a PDF apart from its text', async () => {
    const { bytes } = await exported({ versionId: GENEVA, compareToVersionId: DRAFT, format: 'pdf' });
    const text = (await readPdf(bytes))
      .map((page) => page.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toMatch(
      new RegExp(
        // The heading (bold) and its separator are separate items to pdfjs, which may read a space
        // between them ("COMMITMENTS . Russia") when the copy's style ends headings with a full stop.
        `2\\+16\\+22→2\\S* merged, ${escape(`${MERGED_OLD.join(' / ')} / ${MERGED_NEW}`)} ?${SEPARATOR}Russia, Ukraine`,
        'i',
      ),
    );
  });
});

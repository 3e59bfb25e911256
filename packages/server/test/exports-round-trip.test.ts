import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, DEMO_RECORDS } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { extractText } from '../src/exports';
import { openDatabase, type DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';
import { readZip } from './helpers/read-files';
import { call } from './helpers/session';
import { createTestApp } from './helpers/test-app';

// Issue 8, "done means": the mediator exports the Geneva text for three delegations as PDF and
// DOCX; a paragraph taken from one of the files names that delegation in `parley trace-leak`,
// which reads the exports table of the same database the server wrote.

type Created = {
  id: string;
  format: string;
  recipient: { userId: string; displayName: string };
  contentHash: string;
  downloadUrl: string;
  fileName: string;
};
type Copy = Created & { file: string };

const N = DEMO_NEGOTIATION.id;
const RECIPIENTS = [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia, DEMO_ACCOUNTS.observer];

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    isTty: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(API_DATABASE_KINDS)(
  'Geneva text exported as PDF and DOCX, traced from the database on %s',
  (databaseKind) => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
    const copies: Copy[] = [];
    let handle: (DatabaseHandle & { url?: string }) | undefined;
    let databaseFlags: string[] = [];

    beforeAll(async () => {
      // The CLI opens the database itself: PGlite in a data folder (closed before the CLI runs), or the PostgreSQL URL.
      handle =
        databaseKind === 'pglite'
          ? await openDatabase({ dataDir: join(dir, 'data') })
          : await openTestDatabase('postgres');
      databaseFlags =
        handle.url === undefined ? ['--data', join(dir, 'data')] : ['--database-url', handle.url];
      const testApp = createTestApp(handle.db);
      await seedDemo(handle.db);
      const mediator = await signInAs(testApp, 'mediator');
      for (const format of ['pdf', 'docx']) {
        for (const recipient of RECIPIENTS) {
          const created = await call(testApp, `POST /api/negotiations/${N}/exports`, {
            as: mediator,
            body: { versionId: demoPlanId('geneva-19'), recipientUserId: recipient.id, format },
          });
          expect(created.status).toBe(201);
          const copy = (await created.json()) as Created;
          const downloaded = await call(testApp, `GET ${copy.downloadUrl}`, { as: mediator });
          expect(downloaded.status).toBe(200);
          const file = join(dir, copy.fileName);
          writeFileSync(file, Buffer.from(await downloaded.arrayBuffer()));
          copies.push({ ...copy, file });
        }
      }
      if (handle.url === undefined) {
        await handle.close();
        handle = undefined;
      }
    }, 120_000);
    afterAll(async () => handle?.close());

    it('delivers the bytes whose SHA-256 was recorded, as real PDF and DOCX files', async () => {
      expect(copies).toHaveLength(6);
      for (const copy of copies) {
        const bytes = await import('node:fs/promises').then((fs) => fs.readFile(copy.file));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(copy.contentHash);
        expect(bytes.subarray(0, 4).toString('latin1')).toBe(
          copy.format === 'pdf' ? '%PDF' : 'PK\u0003\u0004',
        );
      }
    });

    // A recipient's copies (here a PDF and a DOCX of one version) carry the same marks: either is named.
    const namesCopyOf = (recipient: { id: string; displayName: string }) => {
      const held = copies.filter((copy) => copy.recipient.userId === recipient.id).map((copy) => copy.id);
      expect(held).toHaveLength(2);
      return new RegExp(
        `Most likely recipient: ${recipient.displayName.replace(/[()]/g, '\\$&')} \\(export (${held.join('|')})\\)`,
      );
    };

    it('names Russia from a paragraph extracted from its PDF', async () => {
      const russia = copies.find(
        (copy) => copy.format === 'pdf' && copy.recipient.userId === DEMO_ACCOUNTS.russia.id,
      );
      if (russia === undefined) throw new Error('no Russian PDF');
      const lines = (await extractText(russia.file)).split('\n').filter((line) => line.trim() !== '');
      const start = Math.floor(lines.length / 2);
      const excerpt = join(dir, 'pasted-from-pdf.txt');
      writeFileSync(excerpt, lines.slice(start, start + 14).join('\n'));
      const { code, out } = await runCli(['trace-leak', excerpt, '--negotiation', N, ...databaseFlags]);
      expect(code).toBe(0);
      expect(out).toMatch(namesCopyOf(DEMO_ACCOUNTS.russia));
    });

    it('names the European partners from a paragraph of their DOCX, and from the whole DOCX file', async () => {
      const observers = copies.find(
        (copy) => copy.format === 'docx' && copy.recipient.userId === DEMO_ACCOUNTS.observer.id,
      );
      if (observers === undefined) throw new Error('no DOCX for the observers');
      const paragraphs = (await mammoth.extractRawText({ path: observers.file })).value
        .split(/\n+/)
        .filter((line) => line.trim() !== '');
      const excerpt = join(dir, 'pasted-from-docx.txt');
      writeFileSync(excerpt, paragraphs.slice(9, 12).join(' '));
      const expected = namesCopyOf(DEMO_ACCOUNTS.observer);
      expect((await runCli(['trace-leak', excerpt, ...databaseFlags])).out).toMatch(expected);
      expect(
        (await runCli(['trace-leak', observers.file, '--negotiation', N, ...databaseFlags])).out,
      ).toMatch(expected);
    });

    it('gives the recipient by user id, name and export apart with trace-leak --json', async () => {
      // recipientId held "Russian Federation delegation lead (export 3f…)", which no script can match to a user.
      const russia = copies.find(
        (copy) => copy.format === 'pdf' && copy.recipient.userId === DEMO_ACCOUNTS.russia.id,
      );
      if (russia === undefined) throw new Error('no Russian PDF');
      const { code, out } = await runCli([
        'trace-leak',
        russia.file,
        '--negotiation',
        N,
        '--json',
        ...databaseFlags,
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(out) as {
        verdict: { kind: string; exportId: string; recipientId: string; recipient: string };
        ranking: { exportId: string; recipientId: string; recipient: string }[];
      };
      const held = copies
        .filter((copy) => copy.recipient.userId === DEMO_ACCOUNTS.russia.id)
        .map((copy) => copy.id);
      expect(report.verdict).toMatchObject({
        kind: 'identified',
        recipientId: DEMO_ACCOUNTS.russia.id,
        recipient: russia.recipient.displayName,
      });
      expect(held).toContain(report.verdict.exportId);
      for (const score of report.ranking) {
        const copy = copies.find((candidate) => candidate.id === score.exportId);
        expect(score).toEqual(
          expect.objectContaining({
            recipientId: copy?.recipient.userId,
            recipient: copy?.recipient.displayName,
          }),
        );
      }
    });

    it('writes a copy with parley export that parley trace-leak names', async () => {
      const out = join(dir, 'cli-copy.pdf');
      const exported = await runCli([
        'export',
        '--negotiation',
        N,
        '--as',
        DEMO_ACCOUNTS.mediator.email,
        '--recipient',
        DEMO_ACCOUNTS.ukraine.email,
        '--version',
        demoPlanId('geneva-19'),
        '--format',
        'pdf',
        '--out',
        out,
        ...databaseFlags,
      ]);
      expect(exported.code, exported.err).toBe(0);
      const sha256 = /sha256 ([0-9a-f]{64})/.exec(exported.out)?.[1];
      const bytes = await import('node:fs/promises').then((fs) => fs.readFile(out));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      const traced = await runCli(['trace-leak', out, '--negotiation', N, ...databaseFlags]);
      expect(traced.out).toContain(`Most likely recipient: ${DEMO_ACCOUNTS.ukraine.displayName}`);
    });

    it('refuses --watermark on a DOCX copy in one line, exit code 1, as the API does', async () => {
      const refused = await runCli([
        'export',
        '--negotiation',
        N,
        '--as',
        DEMO_ACCOUNTS.mediator.email,
        '--version',
        demoPlanId('geneva-19'),
        '--format',
        'docx',
        '--watermark',
        '--out',
        join(dir, 'watermarked.docx'),
        ...databaseFlags,
      ]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /^parley export: watermark: Only a PDF prints the watermark; [^\n]*"docx"\.$/,
      );
      expect(existsSync(join(dir, 'watermarked.docx'))).toBe(false);
    });

    it('exports a record with parley export, with the page header asked for', async () => {
      const transcript = DEMO_RECORDS.find((record) => record.kind === 'transcript');
      const out = join(dir, 'cli-transcript.docx');
      const exported = await runCli([
        'export',
        '--negotiation',
        N,
        '--as',
        DEMO_ACCOUNTS.mediator.email,
        '--recipient',
        DEMO_ACCOUNTS.russia.email,
        '--kind',
        'record',
        '--record',
        transcript?.id ?? '',
        '--format',
        'docx',
        '--header',
        'Restricted — Moscow copy',
        '--out',
        out,
        ...databaseFlags,
      ]);
      expect(exported.code, exported.err).toBe(0);
      expect(exported.out).toContain('fingerprinted');
      const files = readZip(readFileSync(out));
      expect([...files].find(([name]) => name.startsWith('word/header'))?.[1]).toContain(
        'Restricted — Moscow copy',
      );
      expect(files.get('word/document.xml')).toContain(transcript?.title);
    });

    it('answers a corrupt PDF and an empty file with one line and exit code 1', async () => {
      const corrupt = join(dir, 'corrupt.pdf');
      writeFileSync(corrupt, '%PDF-1.3\nthis is not really a PDF');
      const empty = join(dir, 'empty.pdf');
      writeFileSync(empty, '');
      for (const [file, message] of [
        [corrupt, 'is not a readable PDF file'],
        [empty, 'is empty'],
      ] as const) {
        const { code, err, out } = await runCli(['trace-leak', file, ...databaseFlags]);
        expect(code).toBe(1);
        expect(out).toBe('');
        expect(err.split('\n')).toHaveLength(1);
        expect(err).toContain(message);
      }
    });
  },
);

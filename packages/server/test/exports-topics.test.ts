// A plan version's copy lists its points under their topics, as the web app's document page does
// (they were one flat list), in every format, and a leak that crosses a topic heading still
// names its recipient.
import { groupByTopic, type PointRevision } from '@parley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION } from '../src/demo';
import { demoPlanId } from '../src/demo/plan-demo';
import { extractTextFromBytes } from '../src/exports';
import type { DatabaseHandle } from '../src/storage/database';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { openTestDatabase } from './helpers/each-database';
import { readZip } from './helpers/read-files';
import { call, type SignedIn } from './helpers/session';
import { createTestApp, type TestApp } from './helpers/test-app';

type Copy = { id: string; format: string; markdown?: string; downloadUrl: string; text: string };

const N = `/api/negotiations/${DEMO_NEGOTIATION.id}`;
const GENEVA = demoPlanId('geneva-19');
const RECIPIENTS = [DEMO_ACCOUNTS.ukraine, DEMO_ACCOUNTS.russia, DEMO_ACCOUNTS.observer];
const FORMATS = ['markdown', 'pdf', 'docx'] as const;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flat = (text: string) => text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ');

describe('a plan version exported by topic', () => {
  let handle: DatabaseHandle;
  let testApp: TestApp;
  let mediator: SignedIn;
  let points: PointRevision[];
  const copies = new Map<string, Copy>();
  const copyOf = (recipientId: string, format: string) => {
    const copy = copies.get(`${recipientId}:${format}`);
    if (copy === undefined) throw new Error(`no ${format} copy`);
    return copy;
  };

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    testApp = createTestApp(handle.db);
    await seedDemo(handle.db);
    const signedIn = await signInAs(testApp, 'mediator');
    if (!signedIn) throw new Error('expected a session');
    mediator = signedIn;
    const version = await call(testApp, `GET ${N}/plan/versions/${GENEVA}`, { as: mediator });
    points = ((await version.json()) as { version: { points: PointRevision[] } }).version.points;
    for (const recipient of RECIPIENTS)
      for (const format of FORMATS) {
        const response = await call(testApp, `POST ${N}/exports`, {
          as: mediator,
          body: { versionId: GENEVA, recipientUserId: recipient.id, format },
        });
        expect(response.status).toBe(201);
        const copy = (await response.json()) as Omit<Copy, 'text'>;
        const bytes = Buffer.from(
          await (await call(testApp, `GET ${copy.downloadUrl}`, { as: mediator })).arrayBuffer(),
        );
        const text =
          format === 'docx'
            ? (readZip(bytes).get('word/document.xml') ?? '')
                .replace(/<\/w:p>/g, '\n')
                .replace(/<[^>]+>/g, '')
            : await extractTextFromBytes(bytes, `copy.${format === 'markdown' ? 'md' : format}`);
        copies.set(`${recipient.id}:${format}`, { ...copy, text });
      }
  }, 120_000);
  afterAll(async () => handle.close());

  it.each(FORMATS)(
    'heads each topic once and lists its points under it, in the document page order (%s)',
    (format) => {
      const groups = groupByTopic(points);
      // The demo's topics are interleaved: grouping them is not the version's number order.
      expect(groups.flatMap((group) => group.points.map((point) => point.number))).not.toEqual(
        points.map((point) => point.number),
      );
      const text = flat(copyOf(DEMO_ACCOUNTS.ukraine.id, format).text);
      let at = 0;
      for (const group of groups) {
        // A topic's heading stands alone: its name followed by the first point's number label.
        const first = group.points[0]?.number ?? 0;
        const heading = new RegExp(`${escape(group.topic ?? '')}(?:\\s|#)+(?:No\\. |\\(|\\[)?${first}\\b`);
        const found = heading.exec(text.slice(at));
        expect(found, `${format}: topic ${group.topic}`).not.toBeNull();
        at += found?.index ?? 0;
        for (const point of group.points) {
          const title = new RegExp(`\\b${point.number}[.):\\]]? ${escape(point.title)}`, 'i');
          const shown = title.exec(text.slice(at));
          expect(shown, `${format}: point ${point.number} under ${group.topic}`).not.toBeNull();
          at += (shown?.index ?? 0) + (shown?.[0].length ?? 0);
        }
      }
    },
  );

  it.each(['markdown', 'pdf'] as const)(
    'names each recipient from an excerpt across a topic heading (%s)',
    async (format) => {
      const [first, second] = groupByTopic(points);
      if (first?.topic == null || second?.topic == null) throw new Error('expected two topics');
      for (const recipient of RECIPIENTS) {
        const copy = copyOf(recipient.id, format);
        const lines = copy.text.split('\n').filter((line) => line.trim() !== '');
        const headingLine = lines.findIndex((line) => line.replace(/^#+ /, '').trim() === second.topic);
        expect(headingLine, `${format}: heading ${second.topic}`).toBeGreaterThan(0);
        // The last points of one topic, the next topic's heading and its first point.
        const around = format === 'markdown' ? 2 : 7;
        const excerpt = lines.slice(headingLine - around, headingLine + around).join('\n');
        const response = await call(testApp, `POST ${N}/trace-leak`, {
          as: mediator,
          body: { text: excerpt },
        });
        expect(response.status).toBe(200);
        const traced = (await response.json()) as {
          verdict: { kind: string; recipient?: { userId: string } };
        };
        expect(traced.verdict, `${format} copy of ${recipient.email}`).toMatchObject({
          kind: 'identified',
          recipient: { userId: recipient.id },
        });
      }
    },
  );
});

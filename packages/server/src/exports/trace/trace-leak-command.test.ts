import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embedPlainText } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { traceLeakCommand } from '../../cli/commands/trace-leak';
import { DEMO_DRAFT_POINTS } from '../../demo/plan-data';
import { MAX_LEAKED_FILE_TEXT } from './trace-leak';

const points = DEMO_DRAFT_POINTS.map((point, index) => ({
  id: point.key,
  number: String(index + 1),
  title: point.title,
  text: point.text,
}));
const delegations = ['ukraine', 'russia', 'european-partners'].map((recipient, index) => ({
  exportId: `e${index}`,
  recipient,
  key: `secret-key-for-${recipient}-${index}`,
  points,
}));

function setup(): { dir: string; registry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-trace-'));
  const registry = join(dir, 'exports.json');
  writeFileSync(registry, JSON.stringify({ exports: delegations }));
  return { dir, registry };
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await traceLeakCommand.run(args, {
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    isTty: false,
  });
  return { code, out: lines.join('\n') };
}

describe('parley trace-leak', () => {
  it('names the delegation whose export a pasted paragraph came from', async () => {
    const { dir, registry } = setup();
    const leaked = join(dir, 'leak.txt');
    writeFileSync(
      leaked,
      embedPlainText(points.slice(19, 23), { key: delegations[1]!.key }).replace(/\s+/g, ' '),
    );
    const { code, out } = await run([leaked, '--registry', registry]);
    expect(code).toBe(0);
    expect(out).toContain('Most likely recipient: russia (export e1)');
  });

  it('gives the export and the recipient in separate fields with --json', async () => {
    const { dir, registry } = setup();
    const leaked = join(dir, 'leak.txt');
    writeFileSync(leaked, embedPlainText(points.slice(19, 23), { key: delegations[1]!.key }));
    const { code, out } = await run([leaked, '--registry', registry, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      verdict: unknown;
      ranking: { exportId: string; recipientId: string }[];
    };
    // A registry file names its recipients as it likes: that name is the only id there is.
    expect(report.verdict).toEqual({
      kind: 'identified',
      exportId: 'e1',
      recipientId: 'russia',
      recipient: 'russia',
      basis: 'single-copy',
    });
    expect(report.ranking.map((score) => score.exportId).sort()).toEqual(['e0', 'e1', 'e2']);
  });

  it("reads a registry file's copies by their scheme, and one without a scheme as scheme 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-trace-'));
    // A Russian plan: scheme 2 varies its quotes and ё, which scheme 1 left as drafted.
    const russian = [
      [
        'Прекращение огня',
        'Стороны прекращают огонь в течение 72 часов, а миссия «Наблюдатель» ведёт учёт нарушений.',
      ],
      [
        'Обмен пленными',
        'Все пленные освобождаются в течение тридцати дней по принципу «всех на всех»; ещё до обмена стороны передают списки.',
      ],
      [
        'Гуманитарная помощь',
        'Колонны с помощью проходят через три пункта пропуска, причём доступ к лекарствам не ограничивается.',
      ],
      [
        'Восстановление',
        'Международный фонд финансирует восстановление; объём помощи утверждает совет «Восстановление».',
      ],
    ].map(([title = '', text = ''], index) => ({
      id: `ru-${index}`,
      number: String(index + 1),
      title,
      text,
    }));
    const copies = delegations.map((delegation, index) => ({
      ...delegation,
      points: russian,
      ...(index === 0 ? {} : { scheme: 2 as const }),
    }));
    const registry = join(dir, 'exports.json');
    writeFileSync(registry, JSON.stringify({ exports: copies }));
    for (const [index, scheme] of [[0, 1] as const, [2, 2] as const]) {
      const leaked = join(dir, `leak-${index}.txt`);
      writeFileSync(leaked, embedPlainText(russian, { key: copies[index]!.key, scheme }));
      const { out } = await run([leaked, '--registry', registry]);
      expect(out).toContain(`Most likely recipient: ${copies[index]!.recipient} (export e${index})`);
    }
  });

  it('refuses a text longer than the server would trace, in one line with exit code 1', async () => {
    // A 30 MB .txt was traced for minutes and exited 0; the server refuses past its cap.
    const { dir, registry } = setup();
    const huge = join(dir, 'huge.txt');
    const copy = embedPlainText(points, { key: delegations[0]!.key });
    writeFileSync(huge, copy.repeat(Math.ceil((MAX_LEAKED_FILE_TEXT + 1) / copy.length)));
    const refusal = run([huge, '--registry', registry]);
    await expect(refusal).rejects.toMatchObject({ exitCode: 1 });
    await expect(refusal).rejects.toThrow(
      new RegExp(
        `^${huge}: its text is \\d+ characters long; a trace reads at most ${MAX_LEAKED_FILE_TEXT}\\.[^\\n]*$`,
      ),
    );
  });

  it('rejects an empty file with a clear message', async () => {
    const { dir, registry } = setup();
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await expect(run([empty, '--registry', registry])).rejects.toThrow(/is empty/);
  });

  it('rejects a corrupt DOCX with a clear message', async () => {
    const { dir, registry } = setup();
    const corrupt = join(dir, 'leak.docx');
    writeFileSync(corrupt, 'not a zip file');
    await expect(run([corrupt, '--registry', registry])).rejects.toThrow(/not a readable DOCX/);
  });
});

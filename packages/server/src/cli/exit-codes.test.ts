import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './command';
import { main } from './main';

// Issue #15: the same exit code for the same kind of mistake in every command. 2: the command line
// is wrong. 1: the command ran and its input failed. Each row is one real call of the command.

const dir = mkdtempSync(join(tmpdir(), 'parley-exit-codes-'));
const notAPlan = join(dir, 'not-a-plan.md');
writeFileSync(notAPlan, 'hello, no numbered points here\n');
const badJson = join(dir, 'bad.json');
writeFileSync(badJson, '{bad');
const emptyLeak = join(dir, 'empty.txt');
writeFileSync(emptyLeak, '');
const missing = join(dir, 'missing');

async function run(args: readonly string[]) {
  const err: string[] = [];
  const io: CliIo = { out: () => {}, err: (text) => err.push(text), isTty: false };
  return { code: await main(args, io), err: err.join('\n') };
}

describe('parley exit codes', () => {
  it.each([
    ['no command', []],
    ['unknown command', ['nosuch']],
    ['analyze: no scenario', ['analyze']],
    ['analyze: unknown flag', ['analyze', badJson, '--bogus']],
    ['simulate: no --agents', ['simulate', badJson]],
    ['plan diff: one version', ['plan', 'diff', notAPlan]],
    ['plan import: no file', ['plan', 'import']],
    ['trace-leak: two files', ['trace-leak', emptyLeak, emptyLeak]],
    ['export: no --out', ['export']],
    ['tokens create: no --email', ['tokens', 'create']],
    ['serve: bad port', ['serve', '--port', 'abc']],
  ])('%s → 2 (the command line is wrong)', async (_, args) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).not.toBe('');
  });

  it.each([
    ['analyze: missing scenario', ['analyze', missing], /no such file/],
    ['analyze: malformed JSON', ['analyze', badJson], /malformed JSON/],
    ['simulate: missing scenario', ['simulate', missing, '--agents', 'linear,linear'], /no scenario at/],
    ['plan diff: missing file', ['plan', 'diff', missing, notAPlan], /no file/],
    ['plan diff: not a plan', ['plan', 'diff', notAPlan, notAPlan], /not a numbered plan/],
    ['trace-leak: empty file', ['trace-leak', emptyLeak, '--data', join(dir, 'data')], /empty/],
  ])('%s → 1 (the input failed)', async (_, args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toMatch(message);
  });
});

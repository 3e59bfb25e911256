import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index';

const bin = join(import.meta.dirname, '../bin/parley.js');
const recorder = join(import.meta.dirname, 'fixtures/record-modules.mjs');

const SCENARIO = {
  format: 'parley-scenario/1',
  name: 'colours',
  issues: [
    { name: 'colour', values: ['red', 'blue'] },
    { name: 'size', values: ['S', 'L'] },
  ],
  parties: [
    {
      name: 'a',
      issues: { colour: { evaluations: { red: 1, blue: 0 } }, size: { evaluations: { S: 0, L: 1 } } },
    },
    {
      name: 'b',
      issues: { colour: { evaluations: { red: 0, blue: 1 } }, size: { evaluations: { S: 1, L: 0 } } },
    },
  ],
};

/**
 * Runs the real bin in a fresh process and lists what it loaded: npm packages and Node built-ins
 * by URL, and our own modules through the source maps of the compiled chunks it loaded (or
 * directly, when the bin fell back to the TypeScript sources).
 */
function loadedBy(args: readonly string[]): { stdout: string; packages: string[]; sources: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'parley-lazy-'));
  const record = join(dir, 'modules.txt');
  const result = spawnSync(process.execPath, ['--import', recorder, bin, ...args], {
    env: { ...process.env, PARLEY_RECORD_MODULES: record },
    encoding: 'utf8',
    cwd: dir,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const urls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  const packages = urls.filter((url) => url.includes('/node_modules/'));
  const sources = urls.flatMap((url) => {
    if (!url.startsWith('file:')) return [];
    const file = fileURLToPath(url);
    if (file.includes('/node_modules/')) return [];
    if (!existsSync(`${file}.map`)) return [file];
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    return map.sources.map((source) => join(file, '..', source));
  });
  return { stdout: result.stdout, packages, sources };
}

const SERVER_ONLY = [
  /\/src\/storage\//,
  /\/src\/http\//,
  /\/src\/exports?\//,
  /\/src\/jobs\//,
  /\/src\/services\//,
];
const HEAVY_PACKAGES = /@electric-sql|\/pg\/|pg-boss|kysely|hono|pdfkit|pdfjs-dist|\/docx\/|mammoth|canvas/;

describe('parley loads only what a command uses (#17)', () => {
  it('analyze loads the engine, not the server, database or export modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-scenario-'));
    const file = join(dir, 'colours.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    const { stdout, packages, sources } = loadedBy(['analyze', file, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ issues: 2, outcomes: 4, pareto: { size: 3 } });
    expect(sources.some((source) => source.includes('/engine/src/frontier/frontier.ts'))).toBe(true);
    for (const pattern of SERVER_ONLY) expect(sources.filter((source) => pattern.test(source))).toEqual([]);
    expect(packages.filter((url) => HEAVY_PACKAGES.test(url))).toEqual([]);
  });

  it('sees the server modules when a command does load them (the check above can fail)', () => {
    const { stdout, packages, sources } = loadedBy(['serve', '--help']);
    expect(stdout).toContain('Usage: parley serve');
    expect(sources.some((source) => /\/src\/storage\//.test(source))).toBe(true);
    expect(packages.some((url) => HEAVY_PACKAGES.test(url))).toBe(true);
  });

  it('--help loads no command module at all', () => {
    const { stdout, packages, sources } = loadedBy(['--help']);
    expect(stdout).toContain('analyze');
    expect(
      sources.filter((source) => source.includes('/cli/commands/') && !source.endsWith('index.ts')),
    ).toEqual([]);
    expect(packages).toEqual([]);
  });

  it('lists each command with the summary its module declares', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      });
    }
  });
});
